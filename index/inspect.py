"""What each file would become, without indexing it: the core of ``xinwen inspect``."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field

from xinwen.index.pagerecords import Boilerplate
from xinwen.index.records import Record, Skip
from xinwen.index.sources import FieldMap, read_sources
from xinwen.index.sources.textfiles import Explanation

BODY_PREVIEW_CHARS = 200


@dataclass
class Inspected:
    """One record (or skip) as ``xinwen reindex`` would make it, and why."""

    path: str
    line: int
    id: str | None = None
    title: str | None = None
    published: str | None = None
    date_from: str = "none"
    category: str | None = None
    category_from: str = "none"
    source: str | None = None
    source_from: str = "none"
    url: str | None = None
    body: str = ""
    kind: str = "record"
    title_from: str = "none"
    dropped: list[dict[str, str]] = field(default_factory=list)
    skip: str | None = None
    skip_detail: str = ""
    unread_date: str | None = None  # the date field as given, when it is no date

    def to_dict(self) -> dict:
        """The ``--json`` form: one object per record."""
        return {
            "id": self.id,
            "title": self.title,
            "published": self.published,
            "category": self.category,
            "source": self.source,
            "url": self.url,
            "body": self.body,
            "path": self.path,
            "kind": self.kind,
            "title_from": self.title_from,
            "date_from": self.date_from,
            "category_from": self.category_from,
            "source_from": self.source_from,
            "dropped": self.dropped,
            "skip": self.skip,
            "skip_detail": self.skip_detail,
            "unread_date": self.unread_date,
        }

    def text(self) -> str:
        """The human-readable form."""
        head = f"{self.path}" + (f":{self.line}" if self.line > 1 else "") + f"  ({self.kind})"
        if self.skip:
            detail = f" ({self.skip_detail})" if self.skip_detail else ""
            lines = [head, f"  skipped    {self.skip}{detail}"]
        else:
            preview = self.body[:BODY_PREVIEW_CHARS].replace("\n", " ⏎ ")
            more = "…" if len(self.body) > BODY_PREVIEW_CHARS else ""
            lines = [
                head,
                f"  id         {self.id}",
                f"  title      {self.title}  [{self.title_from}]",
                f"  published  {self.published or '-'}  [{self.date_from}"
                + (f": {self.unread_date!r} is no date]" if self.unread_date else "]"),
                f"  category   {self.category or '-'}  [{self.category_from}]",
                f"  source     {self.source or '-'}  [{self.source_from}]",
                f"  url        {self.url or '-'}",
                f"  body       {preview}{more}",
            ]
        if self.dropped:
            lines.append(f"  dropped    {len(self.dropped)} lines as site chrome:")
            lines += [f"    [{d['rule']}] {d['line'][:80]}" for d in self.dropped]
        return "\n".join(lines)


def inspect_paths(
    paths: Iterable[str | os.PathLike[str]],
    *,
    field_map: Mapping[str, str] | FieldMap | None = None,
    boilerplate: Boilerplate | str | os.PathLike[str] | None = None,
    category_from: str = "auto",
) -> Iterator[Inspected]:
    """Read `paths` as ``xinwen reindex`` would and describe every record and skip (pass a
    `FieldMap` to ask it afterwards about ``--field`` names no record had)."""
    explained: dict[int, Explanation] = {}

    def explain(item: Record | Skip, how: Explanation) -> None:
        explained[id(item)] = how

    items = read_sources(
        list(paths),
        field_map=field_map,
        boilerplate=boilerplate,
        category_from=category_from,
        explain=explain,
    )
    for item in items:
        how = explained.pop(id(item), None)
        yield _describe(item, how)


def _describe(item: Record | Skip, how: Explanation | None) -> Inspected:
    origin = item.origin
    path, line = (origin.path, origin.line) if origin else ("?", 0)
    dropped = [{"line": d.line, "rule": d.rule} for d in how.dropped] if how else []
    if isinstance(item, Skip):
        return Inspected(
            path,
            line,
            kind=how.kind if how else "file",
            skip=item.reason,
            skip_detail=item.detail,
            dropped=dropped,
        )
    return Inspected(
        path,
        line,
        id=item.id,
        title=item.title,
        published=item.published.isoformat() if item.published else None,
        date_from=_from_record(how.date_from if how else None, item.published),
        unread_date=item.unread_date,
        category=item.category,
        category_from=how.category_from if how else ("record" if item.category else "none"),
        source=item.source,
        source_from=_from_record(how.source_from if how else None, item.source),
        url=item.url,
        body=item.body,
        kind=how.kind if how else "record",
        title_from=how.title_from
        if how
        else ("the body's first sentence" if item.title_from_body else "record field"),
        dropped=dropped,
    )


def _from_record(how: str | None, value: object) -> str:
    """Where a plain record's field came from: the record itself, or nowhere."""
    if how is not None and how != "record field":
        return how
    return "record field" if value else "none"
