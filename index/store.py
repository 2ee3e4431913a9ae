"""Where indexes live on disk, and the atomic switch from one generation to the next.

Layout of an index root (default ``var/``)::

    var/
      current -> generations/g20261126-011500-4242     (a symlink, replaced atomically)
      generations/g20261126-011500-4242/               (a complete Whoosh index + xinwen.json)
      generations/g20261126-020000-4311.partial/       (a reindex in progress, or killed)
      jieba/jieba.cache                                (jieba's dictionary cache)
      reindex.lock                                     (locked by the running reindex)

A reindex writes a new generation beside the one being served and only then repoints
``current``; a reader that follows ``current`` sees the old index or the new one, never a mix.
A killed reindex leaves a ``.partial`` folder that the next reindex removes (it holds the lock,
so no live writer owns it). The kernel drops the lock when its process dies, so a crashed
reindex never leaves a lock that needs a human.

Whoosh has its own write lock, a ``MAIN_WRITELOCK`` file locked with ``flock`` (also dropped
when its holder dies, but the file stays). A published generation carries none; one found in
the served generation was left by some other writer: if no live process holds it, it is
removed with a warning, otherwise the incremental reindex that needs it refuses to run.
"""

from __future__ import annotations

import datetime as dt
import errno
import fcntl
import json
import logging
import os
import shutil
import signal
import time
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh.reading import IndexReader

from xinwen.index import whoosh_io
from xinwen.index.schema import SCHEMA_VERSION

log = logging.getLogger(__name__)

META_FILE = "xinwen.json"
PARTIAL = ".partial"
TMP_LINK_PREFIX = ".current."
WHOOSH_LOCK_SUFFIX = "_WRITELOCK"  # Whoosh names its lock file <indexname>_WRITELOCK
FAULT_ENV = "XINWEN_FAULT_STAGE"
LIVE_LOCK_GRACE = 3.0  # seconds to wait for a dying writer to let go of a partial
_held_locks: set[str] = set()


class StoreError(Exception):
    """Base for errors about the index on disk; the message says what to run."""


class NoIndexError(StoreError):
    """There is no index at this location yet."""


class SchemaMismatchError(StoreError):
    """The index was built by another schema version."""


class CorruptIndexError(StoreError):
    """The index exists but cannot be read."""


class ReindexRunningError(StoreError):
    """Another reindex holds the lock on this index root."""


# What xinwen writes in an index root (the layout above, with ``previous``, the generation
# served before ``current``): never a source, even where the index root is the corpus itself.
INDEX_ROOT_ENTRIES = frozenset({"generations", "current", "previous", "jieba", "reindex.lock"})


def is_index_root(path: str | os.PathLike[str]) -> bool:
    """Whether `path` is an index root xinwen wrote (the layout above: ``generations/`` beside
    ``reindex.lock`` or ``current``), by its layout alone, whatever ``--index`` named it: a
    corpus that holds one (``cd corpus && xinwen reindex .``, the default index ``var/``) must
    not read it as pages, nor take its ``xinwen.json`` files for records."""
    return os.path.isdir(os.path.join(path, "generations")) and (
        os.path.lexists(os.path.join(path, "current"))
        or os.path.isfile(os.path.join(path, "reindex.lock"))
    )


def fault_point(stage: str) -> None:
    """Test-only fault injection: a no-op unless ``$XINWEN_FAULT_STAGE`` names ``stage``.

    ``XINWEN_FAULT_STAGE=writing`` makes the reindex process kill itself with SIGKILL when it
    reaches the ``writing`` stage (as a crash or the OOM killer would); ``writing:enospc``
    raises ``OSError(ENOSPC)`` there instead (as a full disk would), ``worker:sigint`` sends
    SIGINT to the process group (as Ctrl-C in the terminal does). Stages: ``reading``,
    ``writing``, ``committing``, ``switching`` in the reindex process, and ``worker`` in an
    indexing sub-writer once it has written its first batch. Only the fault tests set it.
    """
    wanted = os.environ.get(FAULT_ENV)
    if not wanted:
        return
    name, _, action = wanted.partition(":")
    if name != stage:
        return
    if action == "enospc":
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), f"<injected at {stage}>")
    if action == "sigint":  # Ctrl-C in the terminal: every process of its group gets SIGINT
        os.killpg(os.getpgrp(), signal.SIGINT)
        return
    os.kill(os.getpid(), signal.SIGKILL)


def clear_whoosh_locks(locks: list[Path], wait: float) -> bool:
    """`clear_whoosh_lock` each of ``locks``, waiting up to ``wait`` seconds for holders to
    let go (the sub-writers of a reindex killed a moment ago take a few ms to die)."""
    deadline = time.monotonic() + wait
    while not all(clear_whoosh_lock(lock) for lock in locks):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def _is_whoosh_lock(path: Path) -> bool:
    return path.name.endswith(WHOOSH_LOCK_SUFFIX) or path.name.endswith(".lock")


def clear_whoosh_lock(path: Path) -> bool:
    """Remove Whoosh's lock file at ``path`` unless a live process holds it; True if removed.

    Whoosh locks with ``flock``, which the kernel drops when the holder dies: if we can take
    the lock, nobody is writing, and the file is deleted while we hold it.
    """
    try:
        fd = os.open(path, os.O_WRONLY)
    except FileNotFoundError:
        return True
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False
        path.unlink(missing_ok=True)
        return True
    finally:
        os.close(fd)  # also drops our flock


@dataclass(frozen=True, slots=True)
class Generation:
    """One complete index folder, with the metadata written when it was committed."""

    path: Path
    meta: dict

    @property
    def name(self) -> str:
        return self.path.name


class IndexStore:
    """An index root: its generations, the ``current`` pointer and the writer lock."""

    def __init__(self, root: str | os.PathLike[str]) -> None:
        self.root = Path(root)
        # The generation `publish` switched ``current`` to, once it has (even if it then
        # failed): what a failed reindex must report as served.
        self.switched: Generation | None = None

    # -- paths ---------------------------------------------------------------------------------

    @property
    def generations_dir(self) -> Path:
        return self.root / "generations"

    @property
    def current_link(self) -> Path:
        return self.root / "current"

    @property
    def previous_link(self) -> Path:
        """The generation served before ``current``, for ``roll_back``."""
        return self.root / "previous"

    @property
    def jieba_dir(self) -> Path:
        return self.root / "jieba"

    # -- reading -------------------------------------------------------------------------------

    def current_path(self) -> Path | None:
        """The folder ``current`` points at, or None when nothing was ever switched in."""
        try:
            target = os.readlink(self.current_link)
        except FileNotFoundError:
            return None
        except OSError as exc:  # not a symlink: someone replaced it by hand
            raise CorruptIndexError(
                f"{self.current_link} is not a link to an index generation ({exc.strerror})"
            ) from exc
        return (self.root / target).resolve()

    def current(self) -> Generation:
        """The generation being served; raises a clear error when there is none or it's broken."""
        path = self.current_path()
        if path is None:
            raise NoIndexError(
                f"no index in {self.root}: run `xinwen reindex SOURCE... --index {self.root}`"
            )
        if not path.is_dir():
            raise CorruptIndexError(
                f"{self.current_link} points at {path}, which is missing: run `xinwen reindex`"
            )
        meta = read_meta(path)
        version = meta.get("schema_version")
        if version != SCHEMA_VERSION:
            raise SchemaMismatchError(
                f"the index in {self.root} has schema version {version}, this xinwen needs "
                f"{SCHEMA_VERSION}: run `xinwen reindex SOURCE... --index {self.root}`"
            )
        return Generation(path, meta)

    def open_current(self) -> tuple[Generation, whoosh_index.Index]:
        """Open the served generation as a Whoosh index (checked: every segment opens)."""
        gen, ix, reader = self.open_reader()
        reader.close()
        return gen, ix

    def open_reader(self) -> tuple[Generation, whoosh_index.Index, IndexReader]:
        """Open the served generation and a reader over all its segments.

        Opening every segment is the check that a truncated or missing segment file fails
        here, with a message, not later in a search; the reader is handed on so that the
        read side does not open everything twice.
        """
        gen = self.current()
        whoosh_io.install()
        failure = None
        with warnings.catch_warnings():
            # Whoosh leaves a damaged file open when reading it fails; the file is closed
            # when the exception goes, at the end of the except clause: no warning about it.
            warnings.simplefilter("ignore", ResourceWarning)
            try:
                ix = whoosh_index.open_dir(str(gen.path))
                reader = ix.reader()
            except Exception as exc:  # Whoosh raises many types for damaged files
                failure = f"{type(exc).__name__}: {exc}"
        if failure is not None:
            raise CorruptIndexError(
                f"the index in {gen.path} cannot be opened ({failure}): "
                f"run `xinwen reindex SOURCE... --index {self.root}`"
            )
        return gen, ix, reader

    # -- writing -------------------------------------------------------------------------------

    @contextmanager
    def writer_lock(self) -> Iterator[None]:
        """Hold the reindex lock; raise ReindexRunningError if a live process holds it."""
        self.root.mkdir(parents=True, exist_ok=True)
        lock_path = self.root / "reindex.lock"
        key = str(lock_path.resolve())
        if key in _held_locks:  # POSIX locks don't exclude their own process: check here
            raise ReindexRunningError(
                f"a reindex of {self.root} is already running in this process"
            )
        with open(lock_path, "a+") as fh:
            try:
                # lockf (POSIX record lock), not flock: forked sub-writers do not inherit it,
                # so the lock ends with the reindex process itself, even under kill -9.
                fcntl.lockf(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                fh.seek(0)
                holder = fh.read().strip() or "unknown"
                raise ReindexRunningError(
                    f"another reindex is running on {self.root} (pid {holder}); "
                    "wait for it to finish"
                ) from None
            fh.seek(0)
            fh.truncate()
            fh.write(str(os.getpid()))
            fh.flush()
            _held_locks.add(key)
            try:
                yield
            finally:
                _held_locks.discard(key)
                fh.seek(0)
                fh.truncate()
                fcntl.lockf(fh, fcntl.LOCK_UN)

    def remove_partials(self) -> list[Path]:
        """Delete generations left half-written by killed runs (call with the lock held).

        A partial whose Whoosh lock a live process still holds (a writer that outlived its
        reindex) is left alone, with a warning. Temporary links of a run killed while
        switching are removed too.
        """
        removed = []
        if self.generations_dir.is_dir():
            for path in self.generations_dir.iterdir():
                if not path.name.endswith(PARTIAL):
                    continue
                locks = [p for p in path.iterdir() if _is_whoosh_lock(p)]
                if clear_whoosh_locks(locks, wait=LIVE_LOCK_GRACE):
                    shutil.rmtree(path, ignore_errors=True)
                    removed.append(path)
                else:
                    log.warning(
                        "left %s in place: a live process still holds its Whoosh lock", path.name
                    )
        for link in self.root.glob(TMP_LINK_PREFIX + "*"):
            if link.is_symlink():
                link.unlink()
        return removed

    def new_partial(self) -> Path:
        """A fresh, empty folder for the next generation."""
        self.generations_dir.mkdir(parents=True, exist_ok=True)
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        path = self.generations_dir / f"g{stamp}-{os.getpid()}{PARTIAL}"
        path.mkdir()
        return path

    def clone_current(self) -> Path:
        """A partial generation holding hard links to the current one's files.

        Whoosh never rewrites a segment file once written (a commit adds files and a new TOC),
        so updating the clone leaves the served generation untouched.
        """
        gen = self.current()
        for lock in [p for p in gen.path.iterdir() if _is_whoosh_lock(p)]:
            if not clear_whoosh_lock(lock):
                raise ReindexRunningError(
                    f"{lock} is locked by a live process: something other than xinwen reindex "
                    f"is writing the served index (see `fuser {lock}`); stop it or let it "
                    "finish, then run the reindex again"
                )
            log.warning("removed a stale Whoosh lock %s (no live process holds it)", lock)
        dest = self.new_partial()
        for item in gen.path.iterdir():
            # A lock file is never shared: linked, the clone's writer would lock the served
            # generation's lock too.
            if item.is_file() and not _is_whoosh_lock(item):
                os.link(item, dest / item.name)
        return dest

    def publish(
        self, partial: Path, meta: dict, prepare: Callable[[Path], None] | None = None
    ) -> Generation:
        """Finish a partial generation and switch ``current`` to it atomically.

        Call with every writer of ``partial`` closed: its Whoosh lock file is removed.
        ``prepare`` is called with the finished generation's folder just before the switch
        (the CLI writes the search side's read cache there); if it fails, readers do that
        work themselves, so the generation is switched in all the same.
        """
        for lock in [p for p in partial.iterdir() if _is_whoosh_lock(p)]:
            lock.unlink()
        write_meta(partial, meta)
        fault_point("committing")
        final = partial.with_name(partial.name.removesuffix(PARTIAL))
        os.rename(partial, final)
        if prepare is not None:
            try:
                prepare(final)
            except Exception as exc:  # only a head start for readers: never fails the reindex
                log.warning("could not prepare %s for readers (%s)", final.name, exc)
        # Durable before it is served: after a power cut ``current`` must not point at a
        # generation whose segment files, TOC or folder entries never reached the disk.
        _fsync_tree(final)
        _fsync_path(final.parent)  # the rename
        try:
            previous = self.current_path()
        except StoreError:  # ``current`` replaced by hand: nothing to keep for readers
            previous = None
        self._point_current_at(final)
        # From here on the new generation is served: a failure must not say otherwise.
        self.switched = generation = Generation(final, meta)
        _fsync_path(self.root)  # the link itself
        self._prune_generations(keep={final, previous})
        self._record_previous(previous)
        return generation

    def _record_previous(self, path: Path | None) -> None:
        """Point ``previous`` at ``path`` (the generation just replaced), or remove it."""
        tmp_link = self.root / f"{TMP_LINK_PREFIX}prev-{os.getpid()}"
        if tmp_link.is_symlink():
            tmp_link.unlink()
        if path is None:
            self.previous_link.unlink(missing_ok=True)
            return
        os.symlink(os.path.relpath(path, self.root), tmp_link)
        os.replace(tmp_link, self.previous_link)

    def _point_current_at(self, path: Path) -> None:
        """Switch ``current`` to ``path`` atomically: readers see the old or the new one. (Then
        fsync the root, for the link to survive a power cut.)"""
        tmp_link = self.root / f"{TMP_LINK_PREFIX}{os.getpid()}"
        if tmp_link.is_symlink():
            tmp_link.unlink()
        os.symlink(os.path.relpath(path, self.root), tmp_link)
        fault_point("switching")
        os.replace(tmp_link, self.current_link)  # atomic on POSIX

    def previous(self) -> Generation | None:
        """The generation served before the current one (kept by the last switch, as readers
        may still hold it), if it is still there and readable."""
        try:
            path = (self.root / os.readlink(self.previous_link)).resolve()
        except OSError:  # none recorded (or not a link)
            return None
        if not path.is_dir() or path == self.current_path():
            return None
        try:
            return Generation(path, read_meta(path))
        except CorruptIndexError:
            return None

    def roll_back(self) -> tuple[Generation, Generation]:
        """Serve the kept generation again, instead of the current one, which is kept in its
        turn (so a second roll-back returns to it); returns (left, now served). Takes the
        writer lock: never while a reindex runs. The next reindex starts from the generation
        served then, as always, and drops the other."""
        if self.current_path() is None:  # (before the lock, which would make the folder)
            raise NoIndexError(f"no index in {self.root}: nothing to roll back")
        with self.writer_lock():
            # (the generation left may be the reason: unreadable, or of another schema)
            left_path = self.current_path()
            if left_path is None:
                raise NoIndexError(f"no index in {self.root}: nothing to roll back")
            try:
                left = Generation(left_path, read_meta(left_path))
            except CorruptIndexError:
                left = Generation(left_path, {})
            back = self.previous()
            if back is None:
                raise NoIndexError(
                    f"no earlier generation is kept in {self.root}: only the one served"
                )
            version = back.meta.get("schema_version")
            if version != SCHEMA_VERSION:
                raise SchemaMismatchError(
                    f"the earlier generation {back.name} has schema version {version}, this "
                    f"xinwen needs {SCHEMA_VERSION}: it cannot be served again"
                )
            self._point_current_at(back.path)
            self._record_previous(left.path)
            _fsync_path(self.root)
            return left, back

    def _prune_generations(self, keep: set[Path | None]) -> None:
        """Delete finished generations except the new one and the one it replaced (readers
        may still hold it); a generation a killed run finished but never switched to goes."""
        names = {p.name for p in keep if p is not None}
        for path in self.generations_dir.iterdir():
            if not path.name.endswith(PARTIAL) and path.name not in names:
                shutil.rmtree(path, ignore_errors=True)

    def size_on_disk(self) -> int:
        """Bytes used by the served generation."""
        path = self.current_path()
        if path is None or not path.is_dir():
            return 0
        return sum(p.stat().st_size for p in path.iterdir() if p.is_file())


def read_meta(path: Path) -> dict:
    """The metadata a generation was published with."""
    try:
        return json.loads((path / META_FILE).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise CorruptIndexError(
            f"{path} has no {META_FILE}: it was not written by xinwen or not finished; "
            "run `xinwen reindex`"
        ) from None
    except (OSError, ValueError) as exc:
        raise CorruptIndexError(
            f"{path / META_FILE} is unreadable ({exc}): run `xinwen reindex`"
        ) from exc


def write_meta(path: Path, meta: dict) -> None:
    """Write a generation's metadata durably."""
    tmp = path / (META_FILE + ".tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        json.dump(meta, fh, ensure_ascii=False, indent=2)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path / META_FILE)


def _fsync_path(path: str | os.PathLike[str]) -> None:
    """fsync a file or a folder (read-only is enough for either)."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_tree(path: Path) -> None:
    """fsync every file under ``path``, then each folder (its entries), the deepest first.

    Files written by sub-writer processes, by Whoosh's commit and by readers' ``prepare`` are
    all on the page cache until now; fsync works on the file, whichever process wrote it.
    Hard-linked files of the generation being served were synced when it was published:
    syncing them again costs nothing.
    """
    for folder, _dirs, files in os.walk(path, topdown=False):
        for name in files:
            _fsync_path(os.path.join(folder, name))
        _fsync_path(folder)
