"""One change to how Whoosh reads compound segments: no copy of the file into memory.

Whoosh memory-maps a compound segment file and hands each sub-file out as a ``BufferFile``
over a slice of the map — and then wraps that slice in ``io.BytesIO``, which *copies* it: every
reader copied the index's postings and terms into the heap, in every process (what it cost:
bench/results/code-notes.md, "Compound files read in place"). ``ViewFile`` reads the memory map
in place.

``install()`` wraps ``BufferFile.__init__`` (all of whose uses in Whoosh are read-only): the
original runs over an empty buffer (so whatever else it sets stays Whoosh's), then the buffer and
a ``ViewFile`` over it are put in place (`index.whoosh_contract` lists the attributes relied on).
It is called where an index is opened or written (`index.store`, `index.builder`,
`search.readcache`, the segment writer), not on import: importing xinwen changes nothing in
Whoosh until an index is used.
"""

from __future__ import annotations

import functools
import io
from collections.abc import Callable
from typing import Any

from xinwen.index.whoosh_contract import BufferFile

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


def _wrap(original: Callable[..., None]) -> Callable[..., None]:
    @functools.wraps(original)
    def init(self: BufferFile, buf: Any, *args: Any, **kwargs: Any) -> None:
        # The original over nothing: its BytesIO would copy ``buf`` (a slice of the map).
        original(self, b"", *args, **kwargs)
        self._buf = buf
        self.file = ViewFile(buf)

    init.__xinwen_original__ = original  # type: ignore[attr-defined]
    return init


def installed() -> bool:
    """Whether ``BufferFile`` reads its buffer in place in this process."""
    return hasattr(BufferFile.__init__, "__xinwen_original__")


def install() -> None:
    """Make Whoosh's ``BufferFile`` read its buffer in place (idempotent)."""
    if not installed():
        BufferFile.__init__ = _wrap(BufferFile.__init__)  # type: ignore[method-assign]
