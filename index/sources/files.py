"""Reading a whole corpus file as text, with the problems a reader reports."""

from __future__ import annotations

from xinwen.index.encoding import UndecodableError, decode_bytes
from xinwen.index.records import Origin, Skip


def read_text(path: str) -> str | Skip:
    """The file's text, decoded as its encoding is detected; or the Skip that says why not."""
    try:
        with open(path, "rb") as handle:
            return decode_bytes(handle.read()).text
    except OSError as exc:
        return Skip("unreadable file", Origin(path, 0), exc.strerror or str(exc), incomplete=True)
    except UndecodableError as exc:
        return Skip(exc.reason, Origin(path, 0), exc.detail, incomplete=True)
