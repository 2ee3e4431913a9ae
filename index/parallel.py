"""Whoosh's multi-process writer, made safe to kill.

Whoosh's ``MpWriter`` starts one sub-writer process per worker; each analyses its share of the
documents and writes its own segment. Two things in it are unsafe for a reindex that may be
interrupted, and are fixed here:

- ``cancel()`` only flips a flag in the parent's copy of each task, so the sub-writers wait on
  their job queue forever; here cancel terminates them.
- When the parent dies (kill -9), the sub-writers are orphaned; here each asks the kernel to
  kill it when its parent dies (Linux ``PR_SET_PDEATHSIG``) and is a daemon process.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import signal

from whoosh.multiproc import MpWriter, SubWriterTask
from whoosh.writing import SegmentWriter

_PR_SET_PDEATHSIG = 1


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
    def run(self) -> None:
        _die_with_parent()
        super().run()


class ParallelWriter(MpWriter):
    """``MpWriter`` whose sub-writers die with the parent and on ``cancel()``."""

    def _new_task(self) -> SubWriterTask:
        task = _SubWriterTask(
            self.storage,
            self.indexname,
            self.jobqueue,
            self.resultqueue,
            self.subargs,
            self.multisegment,
        )
        task.daemon = True
        self.tasks.append(task)
        task.start()
        return task

    def cancel(self) -> None:
        """Stop the sub-writers and discard everything written."""
        for task in self.tasks:
            task.terminate()
        for task in self.tasks:
            task.join()
        self.tasks = []
        SegmentWriter.cancel(self)
