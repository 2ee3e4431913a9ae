"""Whoosh's multi-process writer, made safe to kill.

Whoosh's ``MpWriter`` starts one sub-writer process per worker; each analyses its share of the
documents and writes its own segment. Things in it are unsafe for a reindex that may be
interrupted or may fail, and are fixed here:

- ``cancel()`` only flips a flag in the parent's copy of each task, so the sub-writers wait on
  their job queue forever; here cancel terminates them.
- When the parent dies (kill -9), the sub-writers are orphaned; here each asks the kernel to
  kill it when its parent dies (Linux ``PR_SET_PDEATHSIG``) and is a daemon process.
- Sub-writers run at a lower CPU priority (``niceness``, `index.priority`), so that a server
  on the same machine keeps answering quickly while a reindex runs.
- When a sub-writer dies (a write error such as a full disk, the OOM killer), ``MpWriter``
  commits without its segment, silently losing its documents, or, once the job queue is
  full, waits for it forever; here the parent raises `WorkerError` with the sub-writer's
  error instead.
- Sub-writers are always forked (`_FORK`), whatever the interpreter's default start method
  (forkserver from Python 3.14 on Linux, or one a program sets).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import multiprocessing
import os
import queue
import signal
import sys
from typing import Any

from whoosh.multiproc import MpWriter, SubWriterTask
from whoosh.writing import SegmentWriter

from xinwen.index.priority import Priority, lower_priority
from xinwen.index.segments import XinwenSegmentWriter
from xinwen.index.store import fault_point

_PR_SET_PDEATHSIG = 1
_POLL_SECONDS = 0.5

# Sub-writers are forked, never spawned or started by a fork server: a forked child inherits
# jieba's loaded dictionary and the user's words (`index.builder` loads them before the first
# sub-writer starts; a spawned one would load jieba again, outside the index root's cache), the
# index storage and our queues without pickling them, and its parent is the reindex itself,
# which ``parent_pid`` checks (a fork server's children have the server as their parent: under
# forkserver every sub-writer exited at once). Python 3.14 makes forkserver the default on
# Linux, so the context is named here, not taken from the default.
_FORK = multiprocessing.get_context("fork")


class WorkerError(Exception):
    """A sub-writer process failed; the documents it held are lost, so the build is too."""


def _die_with_parent() -> None:
    libc_name = ctypes.util.find_library("c")
    if not libc_name:
        return
    try:
        libc = ctypes.CDLL(libc_name, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):  # not Linux: orphans end when their queue closes
        return


class _SubWriterTask(SubWriterTask):
    # Whoosh's task subclasses ``multiprocessing.Process``, which starts (and cleans up in the
    # child: after-fork hooks such as the queues') as the default method says: fork instead.
    _start_method = "fork"
    _Popen = staticmethod(_FORK.Process._Popen)
    _after_fork = staticmethod(_FORK.Process._after_fork)

    failures: Any = None  # the parent's queue of error messages
    parent_pid: int = 0  # set in the parent before the fork
    niceness: Priority = 0  # the priority it lowers itself to when it starts (index.priority)

    def run(self) -> None:
        # Ctrl-C reaches every process of the terminal's group: the reindex answers it (it
        # stops the sub-writers itself), and a sub-writer's own KeyboardInterrupt only printed
        # "Process _SubWriterTask-2:" into the user's terminal.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        _die_with_parent()
        lower_priority(self.niceness)
        # The parent may have died between the fork and the line above (a reindex killed right
        # after it queued its first batch): then no signal will ever come, and this worker would
        # wait on the job queue forever, holding the parent's stdout and stderr open.
        if self.parent_pid and os.getppid() != self.parent_pid:
            os._exit(1)
        try:
            self._write_segment()
        except Exception as exc:
            # One line for the parent's message instead of a traceback on stderr.
            self.failures.put(f"{type(exc).__name__}: {exc}")
            sys.exit(1)

    def _write_segment(self) -> None:
        # Whoosh's run() with our segment writer (postings grouped by term, `index.segments`):
        # jobs until the parent's None, a new segment whenever the writer is full (bounded
        # memory), then the list of finished segments (`_commit_toc` flattens the lists).
        ix = self.storage.open_index(self.indexname)
        segments: list = []
        fieldnames: set[str] = set()
        writer: XinwenSegmentWriter | None = None
        while (job := self.jobqueue.get()) is not None:
            if writer is None:
                writer = self.writer = XinwenSegmentWriter(ix, _lk=False, **self.kwargs)
            self._process_file(*job)
            fault_point("worker")
            if writer.full():
                fieldnames |= writer.pool.fieldnames
                segments.append(writer._finalize_segment())
                writer = None
        if writer is not None:
            fieldnames |= writer.pool.fieldnames
            segments.append(writer._finalize_segment())
        self.resultqueue.put((None, fieldnames, segments), timeout=5)


class _JobQueue:
    """The parent's end of the job queue: a put never waits for sub-writers that died."""

    def __init__(self, jobs: Any, writer: ParallelWriter) -> None:
        self.jobs = jobs
        self.writer = writer

    def put(self, item: object) -> None:
        while True:
            self.writer.check_workers()
            try:
                self.jobs.put(item, timeout=_POLL_SECONDS)
                return
            except queue.Full:
                continue


class ParallelWriter(MpWriter):
    """``MpWriter`` whose sub-writers die with the parent and on ``cancel()``, and whose
    failure fails the commit."""

    def __init__(self, *args: Any, niceness: Priority = 0, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.niceness = niceness
        if not self.multisegment:
            raise ValueError("ParallelWriter writes one segment per worker: multisegment=True")
        # Whoosh made its queues in the default context; no sub-writer has started yet.
        self._jobs = _FORK.Queue(self.procs * 4)  # the sub-writers' end
        self.resultqueue = _FORK.Queue()
        self.jobqueue = _JobQueue(self._jobs, self)  # type: ignore[assignment]
        self._failures: Any = _FORK.Queue()

    def _enqueue(self) -> None:
        # Every sub-writer is started before the first batch is queued: queueing starts the
        # queue's feeder thread, and a process that forks while it has threads can leave the
        # child deadlocked on a lock the thread held (Python 3.12+ warns about it).
        while len(self.tasks) < self.procs:
            self._new_task()
        super()._enqueue()

    def _new_task(self) -> SubWriterTask:
        task = _SubWriterTask(
            self.storage,
            self.indexname,
            self._jobs,
            self.resultqueue,
            self.subargs,
            self.multisegment,
        )
        task.failures = self._failures
        task.daemon = True
        task.parent_pid = os.getpid()
        task.niceness = self.niceness
        self.tasks.append(task)
        task.start()
        return task

    def check_workers(self) -> None:
        """Raise `WorkerError` if a sub-writer has exited with an error or a signal."""
        dead = [t for t in self.tasks if t.exitcode not in (None, 0)]
        if not dead:
            return
        messages = []
        while True:
            try:
                messages.append(self._failures.get(timeout=0.1))
            except queue.Empty:
                break
        codes = ", ".join(
            f"pid {t.pid} killed by {signal.Signals(-t.exitcode).name}"
            if t.exitcode < 0
            else f"pid {t.pid} exit code {t.exitcode}"
            for t in dead
        )
        detail = f": {'; '.join(messages)}" if messages else ""
        raise WorkerError(f"an indexing worker process failed ({codes}){detail}")

    def _commit_toc(self, segments: list) -> None:
        # Sub-writers have been joined: never write a TOC that lacks a dead one's segment.
        try:
            self.check_workers()
        except WorkerError:
            self._finish()  # release Whoosh's lock and temporary files
            raise
        # Each sub-writer hands over a list of segments (see _SubWriterTask._write_segment).
        flat = [s for item in segments for s in (item if isinstance(item, list) else [item])]
        super()._commit_toc(flat)

    def cancel(self) -> None:
        """Stop the sub-writers and discard everything written."""
        for task in self.tasks:
            task.terminate()
        for task in self.tasks:
            task.join()
        self.tasks = []
        if not self.is_closed:  # a failed commit has closed it already
            SegmentWriter.cancel(self)
