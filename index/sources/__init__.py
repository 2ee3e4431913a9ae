"""Read corpus files and folders into cleaned `Record`s, reporting unusable input as `Skip`s.

Formats, by file name: ``.jsonl``/``.ndjson`` (optionally ``.gz``), ``.json`` (an array of
objects), ``.csv`` and ``.tsv`` (header row), ``.txt`` or no extension (one article per file:
a scraped page or THUCNews style). Folders are read recursively in name order; hidden files
and folders (``.name``) and a corpus's documentation (``*.md``, ``*.rst``, README, LICENSE,
COPYING) are ignored there, while any other file of an unsupported type is reported.

Every problem is a `Skip` whose origin is the file and its 1-based line (JSON Lines and CSV:
the physical line a record starts on; JSON arrays: the element's index + 1). Line 0 means the
file as a whole (missing, unreadable, binary, undecodable, unsupported type). A Skip after
which the rest of its file (or folder) went unread is marked ``incomplete``; an unsupported
type is not: such a file never held records xinwen could index.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping

from index.pages import Boilerplate, load_boilerplate
from index.records import Origin, Record, Skip
from index.sources.fields import (
    DEFAULT_ALIASES,
    FIELDS,
    MAX_BODY_CHARS,
    MAX_TITLE_CHARS,
    FieldMap,
    parse_field_map,
)
from index.sources.jsonfiles import read_json_array, read_jsonl
from index.sources.tables import read_table
from index.sources.textfiles import read_text_article

__all__ = [
    "DEFAULT_ALIASES",
    "FIELDS",
    "MAX_BODY_CHARS",
    "MAX_TITLE_CHARS",
    "parse_field_map",
    "read_sources",
]

_JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
_DOC_SUFFIXES = (".md", ".rst")
_DOC_STEMS = frozenset({"readme", "license", "licence", "copying"})

PathArg = str | os.PathLike[str]


def read_sources(
    paths: PathArg | Iterable[PathArg],
    *,
    field_map: Mapping[str, str] | None = None,
    boilerplate: Boilerplate | PathArg | None = None,
) -> Iterator[Record | Skip]:
    """Read files and folders, in the order given, into Records and Skips.

    `field_map` maps Record fields to the input's key names, e.g. ``{"body": "content"}``,
    and wins over the default spellings (`DEFAULT_ALIASES`). `boilerplate` is a patterns file
    (or loaded `Boilerplate`) for scraped pages; default ``index/boilerplate.txt``.

    Bad arguments (an unknown field name, a bad pattern) raise ValueError right away, before
    any file is read; problems with the files themselves are yielded as Skips.
    """
    if isinstance(paths, str | os.PathLike):
        paths = [paths]
    fields = FieldMap(field_map)
    if not isinstance(boilerplate, Boilerplate):
        boilerplate = load_boilerplate(boilerplate)
    return _read_all([os.fspath(path) for path in paths], fields, boilerplate)


def _read_all(
    paths: list[str], fields: FieldMap, boilerplate: Boilerplate
) -> Iterator[Record | Skip]:
    for path in paths:
        if os.path.isdir(path):
            for item in _walk(path):
                if isinstance(item, Skip):
                    yield item
                else:
                    relative = os.path.relpath(item, path).replace(os.sep, "/")
                    yield from _read_file(item, relative, fields, boilerplate)
        elif os.path.exists(path):
            yield from _read_file(path, os.path.basename(path), fields, boilerplate)
        else:
            yield Skip("no such file or directory", Origin(path, 0), incomplete=True)


def _walk(root: str) -> Iterator[str | Skip]:
    """Files under `root`, depth first in name order, without hidden entries."""
    try:
        entries = sorted(os.scandir(root), key=lambda entry: entry.name)
    except OSError as exc:
        yield Skip("unreadable folder", Origin(root, 0), exc.strerror or str(exc), incomplete=True)
        return
    for entry in entries:
        if entry.name.startswith(".") or _is_documentation(entry.name):
            continue
        if entry.is_dir():
            yield from _walk(entry.path)
        else:
            yield entry.path


def _is_documentation(name: str) -> bool:
    """A file that describes a corpus rather than holding articles (README.md, LICENSE)."""
    lower = name.lower()
    return lower.endswith(_DOC_SUFFIXES) or lower.partition(".")[0] in _DOC_STEMS


def _read_file(
    path: str, article_id: str, fields: FieldMap, boilerplate: Boilerplate
) -> Iterator[Record | Skip]:
    name = os.path.basename(path).lower()
    if name.endswith(_JSONL_SUFFIXES):
        yield from read_jsonl(path, fields)
    elif name.endswith(".json"):
        yield from read_json_array(path, fields)
    elif name.endswith(".csv"):
        yield from read_table(path, fields, delimiter=",")
    elif name.endswith(".tsv"):
        yield from read_table(path, fields, delimiter="\t")
    elif name.endswith(".txt") or "." not in name:
        # THUCNews keeps each category in a folder: <category>/<n>.txt.
        category = os.path.basename(os.path.dirname(os.path.abspath(path))) or None
        yield from read_text_article(
            path, article_id=article_id, category=category, boilerplate=boilerplate
        )
    else:
        yield Skip(
            "unsupported file type",
            Origin(path, 0),
            "expected .jsonl, .jsonl.gz, .json, .csv, .tsv or .txt",
        )
