"""Typed records that cross from the sources to the index builder."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a record came from: a file and a 1-based line (or record) number, 0 for the
    whole file (an empty, binary or unsupported one, a page)."""

    path: str
    line: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}" if self.line else self.path


@dataclass(frozen=True, slots=True)
class Record:
    """One cleaned news article, ready to index."""

    id: str
    title: str
    body: str
    category: str | None = None
    source: str | None = None
    published: dt.date | None = None
    url: str | None = None
    origin: Origin | None = field(default=None, compare=False)
    # The record's date field as given when it could not be read as a date (1899-01-01,
    # 明天): the record stays undated, and the closing summary says so.
    unread_date: str | None = field(default=None, compare=False)
    # The body's length in characters as given when it was cut to the limit (its end is not
    # indexed): said in the closing summary.
    cut_from: int | None = field(default=None, compare=False)
    # The record had no title: it is its body's first sentence (`xinwen inspect` says so).
    title_from_body: bool = field(default=False, compare=False)

    @property
    def content_hash(self) -> str:
        """A digest of everything that is indexed, to detect changed records."""
        h = hashlib.blake2b(digest_size=16)
        for part in (
            self.title,
            self.body,
            self.category or "",
            self.source or "",
            self.published.isoformat() if self.published else "",
            self.url or "",
        ):
            h.update(part.encode("utf-8"))
            h.update(b"\x1f")
        return h.hexdigest()


@dataclass(frozen=True, slots=True)
class Skip:
    """A raw record that could not be used, with the reason shown to the user.

    ``incomplete``: reading the file (or folder) stopped here, so records after this point, or
    all of them, were never read (a truncated gzip, an unreadable or undecodable file). An
    incremental ``--prune`` must not take their absence for a deletion.
    """

    reason: str
    origin: Origin
    detail: str = ""
    incomplete: bool = False

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}" + (f" ({self.detail})" if self.detail else "")


# The facet values of documents without a category or a source: counted, shown and selectable
# like any other value (no document stores them).
UNCATEGORISED = "未分类"
UNKNOWN_SOURCE = "未知来源"
