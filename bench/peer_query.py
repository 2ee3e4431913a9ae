"""What the peer engines (tantivy, SQLite FTS5) are asked: queries translated once, for both.

The translation a reasonable integrator writes in front of an engine that knows nothing of
Chinese:

- the text is split on whitespace; ``"…"`` (ASCII double quotes, an unclosed one runs to the
  end) is a phrase, ``-word`` excludes, ``OR`` between two terms makes either enough;
- each term is segmented with the same ``jieba.cut`` as the documents (``bench.segmented``);
  every word of every term is required (AND), in the title or the body; a phrase's words must
  stand together, in order;
- when that finds nothing and the query has more than one word, it is run again with any word
  enough (OR), phrases still phrases, exclusions still excluded;
- no folding: traditional characters and full-width forms go to the engine as typed.

``Filters`` carries the latency queries' category, source and date filters and date order.
``PeerHit`` and ``PeerPage`` are what both adapters answer.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

from bench.segmented import words as jieba_words


@dataclass(frozen=True)
class Clause:
    """Words that must all match (``phrase``: together and in order)."""

    words: tuple[str, ...]
    phrase: bool = False


@dataclass(frozen=True)
class PeerQuery:
    """Every group must match; a group matches when any of its clauses does; no exclusion may."""

    groups: tuple[tuple[Clause, ...], ...] = ()
    excluded: tuple[Clause, ...] = ()

    @property
    def empty(self) -> bool:
        """True when nothing is required: browse everything (under the filters)."""
        return not self.groups

    def words(self) -> list[str]:
        """Every positive word, in order, once each."""
        out: dict[str, None] = {}
        for group in self.groups:
            for clause in group:
                out.update(dict.fromkeys(clause.words))
        return list(out)

    def any_word(self) -> PeerQuery:
        """The OR fallback: one group in which each word (or phrase) is enough."""
        clauses: dict[Clause, None] = {}
        for group in self.groups:
            for clause in group:
                if clause.phrase:
                    clauses[clause] = None
                else:
                    clauses.update(dict.fromkeys(Clause((w,)) for w in clause.words))
        return PeerQuery((tuple(clauses),), self.excluded) if clauses else self


@dataclass(frozen=True)
class Filters:
    """Facet filters and order of one search (all optional)."""

    categories: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    by_date: bool = False

    @classmethod
    def from_latency(cls, filters: dict[str, tuple[str, ...]]) -> Filters:
        """The filters of a ``bench/queries/latency.txt`` line (``BenchQuery.filters``)."""

        def day(key: str) -> dt.date | None:
            values = filters.get(key)
            return dt.date.fromisoformat(values[-1]) if values else None

        return cls(
            categories=tuple(filters.get("category", ())),
            sources=tuple(filters.get("source", ())),
            date_from=day("from"),
            date_to=day("to"),
            by_date=filters.get("sort", ("relevance",))[-1] == "date",
        )


NO_FILTERS = Filters()


@dataclass(frozen=True)
class PeerHit:
    """One result of a peer engine (``snippet`` empty when only hits were asked for)."""

    id: str
    title: str
    snippet: str = ""
    published: str | None = None
    category: str | None = None


@dataclass(frozen=True)
class PeerPage:
    """A full page: exact total, top hits with snippets, category and year counts."""

    total: int
    hits: list[PeerHit]
    categories: dict[str, int] = field(default_factory=dict)
    years: dict[int, int] = field(default_factory=dict)
    fallback: bool = False


R = TypeVar("R")

_TERM = re.compile(r'"([^"]*)"?|(\S+)')


def parse_query(text: str, cut: Callable[[str], list[str]] = jieba_words) -> PeerQuery:
    """Translate what a user typed into a ``PeerQuery`` (see the module docstring)."""
    groups: list[tuple[Clause, ...]] = []
    excluded: list[Clause] = []
    pending_or = False
    for match in _TERM.finditer(text):
        quoted, bare = match.group(1), match.group(2)
        if bare == "OR":
            pending_or = bool(groups)
            continue
        negate = bare is not None and bare.startswith("-") and len(bare) > 1
        words = tuple(cut(bare[1:] if negate else quoted if quoted is not None else bare))
        if not words:
            continue
        clause = Clause(words, phrase=quoted is not None and len(words) > 1)
        if negate:
            excluded.append(clause)
        elif pending_or:
            groups[-1] = (*groups[-1], clause)
        else:
            groups.append((clause,))
        pending_or = False
    return PeerQuery(tuple(groups), tuple(excluded))


def with_fallback(
    query: PeerQuery, run: Callable[[PeerQuery], R], found: Callable[[R], bool]
) -> tuple[R, bool]:
    """``run(query)``; if it ``found`` nothing, ``run`` the any-word query instead.

    Returns the result and whether the fallback answered.
    """
    result = run(query)
    if found(result):
        return result, False
    relaxed = query.any_word()
    if relaxed == query:
        return result, False
    return run(relaxed), True
