"""Read corpus files and folders into cleaned `Record`s, reporting unusable input as `Skip`s.

Formats, by file name: ``.jsonl``/``.ndjson`` (optionally ``.gz``), ``.json`` (an array of
objects), ``.csv`` and ``.tsv`` (header row), ``.txt`` or no extension (one article per file:
a saved news page or THUCNews style), ``.html``/``.htm``/``.shtml``/``.xhtml`` (optionally
``.gz``: a saved news page), ``.mhtml``/``.mht``/``.webarchive`` (a page saved as one file with
its resources: `index.sources.webarchives`). Categories follow one rule for every kind of file
(`index.sources.categories`). Folders are read recursively in name order; hidden files
and folders (``.name``) and a corpus's documentation (``*.md``, ``*.rst``, README, LICENSE,
COPYING) are ignored there, while any other file of an unsupported type is reported. What a
saving tool leaves beside the pages (a browser's ``X_files/`` folder beside ``X.html``,
HTTrack's ``hts-cache/`` and logs) is not read: one skip each (`index.sources.saved`), as is
a site's image, style sheet, script or font, named for what it is.

Every problem is a `Skip` whose origin is the file and its 1-based line (JSON Lines and CSV:
the physical line a record starts on; JSON arrays: the element's index + 1). Line 0 means the
file as a whole (missing, unreadable, binary, undecodable, unsupported type). A Skip after
which the rest of its file (or folder) went unread is marked ``incomplete``; an unsupported
type is not: such a file never held records xinwen could index.
"""

from __future__ import annotations

import dataclasses
import errno
import os
from collections.abc import Iterable, Iterator, Mapping

from xinwen.index.pagerecords import Boilerplate
from xinwen.index.pages import load_boilerplate
from xinwen.index.records import Origin, Record, Skip
from xinwen.index.sources.categories import CATEGORY_FROM, folder_category
from xinwen.index.sources.fields import (
    DEFAULT_ALIASES,
    FIELDS,
    MAX_BODY_CHARS,
    MAX_TITLE_CHARS,
    FieldMap,
    parse_field_map,
)
from xinwen.index.sources.jsonfiles import read_json_array, read_jsonl
from xinwen.index.sources.saved import (
    companion_page,
    host_folder,
    is_web_resource,
    page_stems,
    resources_skip,
    tool_files,
    tool_skip,
    web_resource_skip,
)
from xinwen.index.sources.tables import read_table
from xinwen.index.sources.textfiles import Explain, Explanation, PageSource, is_page_name
from xinwen.index.store import INDEX_ROOT_ENTRIES, is_index_root

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
    field_map: Mapping[str, str] | FieldMap | None = None,
    boilerplate: Boilerplate | PathArg | None = None,
    category_from: str = "auto",
    explain: Explain | None = None,
) -> Iterator[Record | Skip]:
    """Read files and folders, in the order given, into Records and Skips.

    `field_map` maps Record fields to the input's key names, e.g. ``{"body": "content"}``,
    and wins over the default spellings (`DEFAULT_ALIASES`); pass a `FieldMap` to ask it
    afterwards which of its names no record had (``FieldMap.unmatched``). `boilerplate` is a
    patterns file (or loaded `Boilerplate`) for scraped pages; default
    ``index/boilerplate.txt``.
    `category_from` is one of `CATEGORY_FROM` (``--category-from``). `explain`, if given, is
    called with each page's record (or skip) and how it was made (``xinwen inspect``).

    Bad arguments (an unknown field name, a bad pattern) raise ValueError right away, before
    any file is read; problems with the files themselves are yielded as Skips.
    """
    if isinstance(paths, str | os.PathLike):
        paths = [paths]
    fields = field_map if isinstance(field_map, FieldMap) else FieldMap(field_map)
    if category_from not in CATEGORY_FROM:
        raise ValueError(f"category_from {category_from!r}: expected one of {CATEGORY_FROM}")
    if not isinstance(boilerplate, Boilerplate):
        boilerplate = load_boilerplate(boilerplate)
    return _read_all(
        [os.fspath(path) for path in paths], fields, boilerplate, category_from, explain
    )


def _read_all(
    paths: list[str],
    fields: FieldMap,
    boilerplate: Boilerplate,
    category_from: str,
    explain: Explain | None,
) -> Iterator[Record | Skip]:
    base = _common_page_root(paths)
    for path in paths:
        if os.path.isdir(path):
            items = list(_walk(path))
            page_files = [
                p for p in items if isinstance(p, str) and is_page_name(os.path.basename(p))
            ]
            # One page source per site where a crawl keeps each site in its host's folder
            # (wget's, HTTrack's www.example.cn/): each learns its own template and whether
            # its pages state their dates, and knows its pages' addresses.
            site_of = {page_file: host_folder(page_file, path) for page_file in page_files}
            by_site: dict[str | None, list[str]] = {}
            for page_file, site in site_of.items():
                by_site.setdefault(site, []).append(page_file)
            sources = {
                site: PageSource(path, boilerplate, category_from, files, explain, site)
                for site, files in by_site.items()
            }
            # (the page source of the other files, which read no page)
            no_pages = PageSource(path, boilerplate, category_from, (), explain)
            for item in items:
                if isinstance(item, Skip):
                    yield item
                else:
                    relative = os.path.relpath(item, base or path).replace(os.sep, "/")
                    pages = (
                        sources.get(site_of.get(item), no_pages) if item in site_of else no_pages
                    )
                    yield from _read_file(item, relative, fields, pages)
        elif os.path.exists(path) and not os.path.isfile(path):
            yield _special_skip(path)
        elif os.path.exists(path):
            pages = PageSource(path, boilerplate, category_from, [path], explain)
            name = os.path.relpath(path, base).replace(os.sep, "/") if base else None
            yield from _read_file(path, name or os.path.basename(path), fields, pages)
        elif os.path.islink(path):  # (a source named itself, missing: as any missing source)
            yield _broken_link_skip(path, incomplete=True)
        else:
            yield Skip("no such file or directory", Origin(path, 0), incomplete=True)


def page_id_root(paths: list[str]) -> str | None:
    """The folder every page id of ``paths`` is relative to (absolute), or None when they
    name no folder or page: an incremental run must see the same one, or every page would
    come back under a new id (``index.builder``)."""
    common = _common_page_root(paths)
    if common is not None:
        return common
    for path in paths:
        if os.path.isdir(path):
            return os.path.abspath(path)
        if is_page_name(os.path.basename(path)) and os.path.exists(path):
            return os.path.dirname(os.path.abspath(path))
    return None


def _common_page_root(paths: list[str]) -> str | None:
    """The folder that page ids are relative to when the sources hold pages in more than one
    folder: their common ancestor (None with one such folder: ids relative to it, as always).

    A page's id is its path below its source, so two sources with the same layout
    (``siteA/政策/1.txt``, ``siteB/政策/1.txt``) would give two articles one id and keep only
    the last; and a corpus given as its subfolders would get other ids than given whole, which
    an incremental run would take for new articles. Relative to the common ancestor, both
    sites' pages keep apart and ``corpus/政策 corpus/项目`` gives the ids ``corpus`` gives.
    (Records of JSON and table files carry their own ids: their files do not count.)"""
    roots = set()
    for path in paths:
        if os.path.isdir(path):
            roots.add(os.path.abspath(path))
        elif is_page_name(os.path.basename(path)) and os.path.exists(path):
            roots.add(os.path.dirname(os.path.abspath(path)))
    return os.path.commonpath(sorted(roots)) if len(roots) > 1 else None


def _special_skip(path: str) -> Skip:
    """A named pipe, socket or device among the sources: never opened."""
    return Skip("not a regular file", Origin(path, 0), "a named pipe, socket or device")


def _broken_link_skip(path: str, incomplete: bool = False) -> Skip:
    """A symbolic link whose target is gone (a page moved away) or that leads round to itself:
    named as such, not as the pipe or device that `is_file()` alone would suggest."""
    try:
        target = os.readlink(path)
    except OSError:
        target = "?"
    detail = f"it leads to {target}, which is missing"
    try:
        os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:  # (links that lead round to each other)
            detail = f"it leads to {target}, which leads round to it again"
    return Skip("broken symbolic link", Origin(path, 0), detail, incomplete=incomplete)


def _walk(root: str) -> Iterator[str | Skip]:
    """Files under `root`, depth first in name order, without hidden entries.

    Links to folders are followed (a corpus put together from links), but each real folder is
    read once: a link back to a folder above it (``up -> ..``) would otherwise be walked round
    until the system gives up (ELOOP), reading every page again under a new id each time, and
    a second link to one folder would give its pages twice. Either is one skip, naming the
    folder the link leads to. Linked folders are read after the rest, so a folder that is in
    the source as well as linked to keeps its pages' ids (its own path), whatever the names."""
    seen: dict[tuple[int, int], str] = {}
    links: list[tuple[str, list[tuple[str, str]]]] = []
    yield from _walk_folder(root, seen, [], links)
    while links:
        link, above = links.pop(0)
        if skip := _folder_skip(link, seen, above):
            yield skip
        else:
            yield from _walk_folder(link, seen, above, links)


def _walk_folder(
    folder: str,
    seen: dict[tuple[int, int], str],
    above: list[tuple[str, str]],
    links: list[tuple[str, list[tuple[str, str]]]],
) -> Iterator[str | Skip]:
    """`_walk` of one folder; `seen`: the folders read so far, by device and inode; `above`:
    the folders the walk is in, as real paths and as the walk names them; `links`: the links to
    folders met, with their `above`, to be read once the rest has been."""
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
        info = os.stat(folder)
    except OSError as exc:
        yield Skip(
            "unreadable folder", Origin(folder, 0), exc.strerror or str(exc), incomplete=True
        )
        return
    seen[(info.st_dev, info.st_ino)] = folder
    above = [*above, (os.path.realpath(folder), folder)]
    names = [entry.name for entry in entries]
    stems = page_stems(names)
    tools = tool_files(names)
    # (a source folder that is an index root too, `--index corpus`: the pages beside the index)
    own = INDEX_ROOT_ENTRIES if is_index_root(folder) else frozenset()
    for entry in entries:
        if entry.name.startswith(".") or _is_documentation(entry.name) or entry.name in own:
            continue
        if entry.name in tools:
            yield tool_skip(entry.path)
        elif entry.is_symlink() and not os.path.exists(entry.path):
            # (before is_dir(), which raises on a link that leads round to itself: ELOOP)
            yield _broken_link_skip(entry.path)
        elif entry.is_dir():
            if is_index_root(entry.path):
                continue  # (xinwen's own index, kept in the corpus: none of its files is a source)
            if page := companion_page(entry.name, stems):
                yield resources_skip(entry.path, page)
            elif entry.is_symlink():
                links.append((entry.path, above))
            elif skip := _folder_skip(entry.path, seen, above):
                yield skip
            else:
                yield from _walk_folder(entry.path, seen, above, links)
        elif not entry.is_file():  # (opening a named pipe would wait for a writer for ever)
            yield _special_skip(entry.path)
        else:
            yield entry.path


def _folder_skip(
    path: str, seen: dict[tuple[int, int], str], above: list[tuple[str, str]]
) -> Skip | None:
    """The skip of a folder reached through a link to a folder the walk is in (a loop), or of
    one read already (through another link); None for a folder not read yet."""
    try:
        info = os.stat(path)
    except OSError as exc:  # (a loop the system itself refuses to follow: ELOOP)
        return Skip("symbolic link loop", Origin(path, 0), exc.strerror or str(exc))
    link = os.path.islink(path)
    if link:
        target = os.path.realpath(path)
        # (a link to the source folder's own parent, or above it, leads round to it too; the
        # folder is named as the walk named it, not by its absolute path)
        for real, walked in above:
            if real == target or real.startswith(target + os.sep):
                where = walked if real == target else f"a folder above {walked}"
                return Skip(
                    "symbolic link loop",
                    Origin(path, 0),
                    f"it leads back to {where}: not followed",
                )
    first = seen.get((info.st_dev, info.st_ino))
    if first is None:
        return None
    how = "a symbolic link to" if link else "reached through a symbolic link as"
    return Skip("folder read twice", Origin(path, 0), f"{how} {first}, read there")


def _is_documentation(name: str) -> bool:
    """A file that describes a corpus rather than holding articles (README.md, LICENSE)."""
    lower = name.lower()
    return lower.endswith(_DOC_SUFFIXES) or lower.partition(".")[0] in _DOC_STEMS


def _read_file(
    path: str, article_id: str, fields: FieldMap, pages: PageSource
) -> Iterator[Record | Skip]:
    name = os.path.basename(path).lower()
    if is_page_name(name):
        yield from pages.read(path, article_id)
        return
    if name.endswith(_JSONL_SUFFIXES):
        items = read_jsonl(path, fields)
    elif name.endswith(".json"):
        items = read_json_array(path, fields)
    elif name.endswith(".csv"):
        items = read_table(path, fields, delimiter=",")
    elif name.endswith(".tsv"):
        items = read_table(path, fields, delimiter="\t")
    elif is_web_resource(name):
        yield web_resource_skip(path)
        return
    else:
        yield Skip(
            "unsupported file type",
            Origin(path, 0),
            "expected .jsonl, .jsonl.gz, .json, .csv, .tsv, .txt or .html",
        )
        return
    folder = (
        folder_category(path, pages.root) if pages.category_from in ("auto", "folder") else None
    )
    if folder is None:
        yield from items  # the common case (a file given directly) costs nothing per record
        return
    for item in items:  # records without a category field take their folder's
        if isinstance(item, Record) and item.category is None:
            item = dataclasses.replace(item, category=folder)
            if pages.explain is not None:
                pages.explain(item, Explanation("record", "record field", category_from="folder"))
        yield item
