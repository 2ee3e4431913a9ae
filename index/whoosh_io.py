"""One change to how Whoosh reads compound segments: no copy of the file into memory.

Whoosh memory-maps a compound segment file and hands each sub-file out as a ``BufferFile``
over a slice of the map — and then wraps that slice in ``io.BytesIO``, which *copies* it. Every
reader of the bench index copied its ~600 MB of postings and terms into the heap: about a second
and a gigabyte per open, in every process. ``ViewFile`` reads the memory map in place.

``install()`` swaps the reader into ``BufferFile`` (all of whose uses in Whoosh are read-only);
the ``index`` package calls it on import, so every process that opens an index gets it. Kept to
whoosh-reloaded 2.7.5, which is pinned.
"""

from __future__ import annotations

import io
from collections.abc import Callable

from whoosh.filedb import structfile

_LINE_CHUNK = 256


class ViewFile(io.RawIOBase):
    """A read-only, seekable file over a ``memoryview``, without copying it."""

    def __init__(self, view: memoryview | bytes) -> None:
        super().__init__()
        self._view = memoryview(view)
        self._pos = 0

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def read(self, size: int | None = -1) -> bytes:
        end = len(self._view) if size is None or size < 0 else self._pos + size
        data = bytes(self._view[self._pos : end])
        self._pos += len(data)
        return data

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        data = self.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)

    def readline(self, size: int | None = -1) -> bytes:
        limit = len(self._view) if size is None or size < 0 else self._pos + size
        start = end = self._pos
        while end < limit:
            chunk = bytes(self._view[end : min(end + _LINE_CHUNK, limit)])
            newline = chunk.find(b"\n")
            if newline >= 0:
                end += newline + 1
                break
            end += len(chunk)
        self._pos = end
        return bytes(self._view[start:end])

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        base = {io.SEEK_SET: 0, io.SEEK_CUR: self._pos, io.SEEK_END: len(self._view)}[whence]
        self._pos = max(0, base + offset)
        return self._pos

    def tell(self) -> int:
        return self._pos

    def close(self) -> None:
        # Drop our view of the map; Whoosh releases the map itself when the storage closes.
        self._view = memoryview(b"")
        super().close()


def _buffer_file_init(
    self: structfile.BufferFile,
    buf: memoryview | bytes,
    name: str | None = None,
    onclose: Callable[[structfile.StructFile], None] | None = None,
) -> None:
    self._buf = buf
    self._name = name
    self.file = ViewFile(buf)
    self.onclose = onclose
    self.is_real = False
    self.is_closed = False


def install() -> None:
    """Make Whoosh's ``BufferFile`` read its buffer in place (idempotent)."""
    structfile.BufferFile.__init__ = _buffer_file_init
