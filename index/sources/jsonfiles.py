"""JSON Lines (plain or gzip) and JSON files: an array of articles, an export's wrapper around
one (``{"data": [...]}``, ``{"code": 0, "data": {"list": [...]}}``), or one article."""

from __future__ import annotations

import codecs
import gzip
import json
import re
import zlib
from collections.abc import Iterable, Iterator

from xinwen.index.encoding import UndecodableError, decode_bytes
from xinwen.index.records import Origin, Record, Skip
from xinwen.index.sources.fields import FieldMap, build_record
from xinwen.index.sources.files import read_text

_LINE_BREAKS = re.compile(r"\r\n?|\n")


def read_jsonl(path: str, fields: FieldMap) -> Iterator[Record | Skip]:
    """Records from a JSON Lines file (gzip if the name ends in .gz), one per line.

    Lines are numbered physically from 1; a bare ``\\r`` also ends a line. A gzip file that
    is cut short keeps the records before the damage, then yields Skip "truncated gzip".
    """
    try:
        handle = gzip.open(path, "rb") if path.lower().endswith(".gz") else open(path, "rb")  # noqa: SIM115
    except OSError as exc:
        yield Skip("unreadable file", Origin(path, 0), exc.strerror or str(exc), incomplete=True)
        return
    with handle:
        number = 0
        lines = iter(handle)
        while True:
            try:
                raw = next(lines)
            except StopIteration:
                return
            except EOFError:
                yield Skip(
                    "truncated gzip",
                    Origin(path, number + 1),
                    "compressed data ends early",
                    incomplete=True,
                )
                return
            except (gzip.BadGzipFile, zlib.error) as exc:
                yield Skip("corrupt gzip", Origin(path, number + 1), str(exc), incomplete=True)
                return
            except OSError as exc:
                yield Skip("unreadable file", Origin(path, number + 1), str(exc), incomplete=True)
                return
            # JSON strings cannot hold a raw \r, so any \r here ends a line (old Mac files).
            for piece in raw.splitlines() if b"\r" in raw else (raw,):
                number += 1
                origin = Origin(path, number)
                if number == 1 and piece.startswith(codecs.BOM_UTF8):
                    piece = piece[len(codecs.BOM_UTF8) :]
                if not piece.strip():
                    continue
                if b"\x00" in piece:
                    if number == 1:  # not text at all: say so once, not for every line
                        yield Skip("binary file", origin, "contains NUL bytes", incomplete=True)
                        return
                    yield Skip("binary data", origin, "line contains NUL bytes")
                    continue
                try:
                    text = piece.decode("utf-8")
                except UnicodeDecodeError:
                    try:
                        text = decode_bytes(piece).text
                    except UndecodableError as exc:
                        yield Skip("undecodable line", origin, exc.detail)
                        continue
                yield _record_from_json(text, origin, fields)


def read_json_array(path: str, fields: FieldMap) -> Iterator[Record | Skip]:
    """Records from a ``.json`` file; element i of its array is "line" i + 1.

    The array may be the whole file, or the one array of objects that an export wraps in an
    object (``{"data": [...]}``, ``{"articles": [...]}``, an API's ``{"code": 0, "data":
    {"list": [...]}}``: looked for two levels down). An object with a body field, or
    holding no such array, is one article; one holding several is refused with their names,
    since which of them holds the articles cannot be told. A ``.json`` file that is really
    JSON Lines (one object per line) is read as such.
    """
    text = read_text(path)
    if isinstance(text, Skip):
        yield text
        return
    if not text.strip():
        return
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data" and _starts_with_object_line(text):
            yield from _read_lines(_LINE_BREAKS.split(text), path, fields)
            return
        where = Origin(path, exc.lineno)
        yield Skip("invalid JSON", where, _where(exc), incomplete=True)
        return
    except (ValueError, RecursionError) as exc:  # e.g. a 5,000-digit number, deep nesting
        yield Skip("invalid JSON", Origin(path, 1), _short(exc), incomplete=True)
        return
    if isinstance(data, dict):
        # (an article of its own, with lists of its own: images, tags, comments; a feed's own
        # title over its items is no article)
        own = "body" in fields.resolve(list(data))
        arrays = [] if own else _arrays_of_objects(data)
        for field in ("body", "title"):  # an export's other lists (authors, tags) have none
            if len(arrays) > 1:
                arrays = [a for a in arrays if _first_has(a[1], field, fields)] or arrays
        if not arrays:
            yield _record_from_object(data, Origin(path, 1), fields)
            return
        if len(arrays) > 1:
            names = ", ".join(name for name, _ in arrays)
            what = f"arrays of objects at {names}: keep one, or write JSON Lines"
            yield Skip("several JSON arrays", Origin(path, 1), what, incomplete=True)
            return
        data = arrays[0][1]
    if not isinstance(data, list):
        what = f"the top level is {_kind(data)}"
        yield Skip("not a JSON array", Origin(path, 1), what, incomplete=True)
        return
    for index, item in enumerate(data):
        yield _record_from_object(item, Origin(path, index + 1), fields)


def _arrays_of_objects(data: dict, depth: int = 2, prefix: str = "") -> list[tuple[str, list]]:
    """The arrays whose items are mostly objects (an empty one too: an export of nothing), in
    ``data`` and the objects it holds down to ``depth`` levels, by dotted key path
    (``data.list``)."""
    found: list[tuple[str, list]] = []
    for key, value in data.items():
        name = f"{prefix}{key}"
        if isinstance(value, list):
            if sum(isinstance(item, dict) for item in value) * 2 >= len(value):
                found.append((name, value))
        elif isinstance(value, dict) and depth > 1:
            found += _arrays_of_objects(value, depth - 1, f"{name}.")
    return found


def _first_has(items: list, field: str, fields: FieldMap) -> bool:
    """Whether the first object of ``items`` has ``field`` (under any of its names)."""
    first = next((item for item in items if isinstance(item, dict)), None)
    return first is not None and field in fields.resolve(list(first))


def _read_lines(lines: Iterable[str], path: str, fields: FieldMap) -> Iterator[Record | Skip]:
    for number, line in enumerate(lines, start=1):
        if line.strip():
            yield _record_from_json(line, Origin(path, number), fields)


def _starts_with_object_line(text: str) -> bool:
    first = text.lstrip().partition("\n")[0]
    try:
        return isinstance(json.loads(first), dict)
    except (ValueError, RecursionError):
        return False


def _record_from_json(text: str, origin: Origin, fields: FieldMap) -> Record | Skip:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        return Skip("invalid JSON", origin, _where(exc))
    except (ValueError, RecursionError) as exc:
        return Skip("invalid JSON", origin, _short(exc))
    return _record_from_object(data, origin, fields)


def _record_from_object(data: object, origin: Origin, fields: FieldMap) -> Record | Skip:
    if not isinstance(data, dict):
        return Skip("not a JSON object", origin, f"got {_kind(data)}")
    return build_record(fields.extract(data), origin, raw_keys=list(data))


def _where(exc: json.JSONDecodeError) -> str:
    """``Expecting ',' delimiter at column 7``; json's messages that end in "at" (an
    unterminated string *starting at*) take the column directly."""
    at = " " if exc.msg.endswith(" at") else " at "
    return f"{exc.msg}{at}column {exc.colno}"


def _kind(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    return "an object"


def _short(exc: BaseException) -> str:
    if isinstance(exc, RecursionError):
        return "nested too deeply"
    return str(exc).partition(";")[0]
