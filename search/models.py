"""Typed requests and results: what crosses from ``search`` to the web layer and the CLI."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from enum import StrEnum

MAX_PAGE_SIZE = 100
MAX_QUERY_CHARS = 256  # longer queries are cut here, with a notice
MAX_RESULT_DEPTH = 10_000  # page * page_size beyond this is refused
MAX_EXPORT_ROWS = 10_000  # an export (CSV, JSON Lines) stops here and says so


class QueryError(ValueError):
    """A request that cannot be answered as asked; ``param`` names the offending parameter.

    ``message`` is what the web page and the API show (in Chinese where the user typed the
    query); ``english`` is the same for the command line, whose every other line is English.
    """

    def __init__(self, message: str, param: str = "q", english: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.param = param
        self.english = english or message


class SortOrder(StrEnum):
    """Result order."""

    RELEVANCE = "relevance"
    DATE = "date"  # newest first, undated last
    OLDEST = "oldest"  # oldest first, undated still last: how a story began

    @property
    def by_date(self) -> bool:
        """Ordered by the articles' dates, whatever their relevance."""
        return self is not SortOrder.RELEVANCE


@dataclass(frozen=True, slots=True)
class SearchRequest:
    """One search: query text, facet filters, order and page."""

    q: str = ""
    categories: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    sort: SortOrder = SortOrder.RELEVANCE
    page: int = 1
    page_size: int = 10
    facet_limit: int | None = 20  # top N values per facet; None: all
    # Prefer newer articles: a relevance score is multiplied by 1 + recency × 0.5^(age/1 year).
    recency: float = 0.0
    # Only the articles without a date (a crawl's pages that state none): the 未注明日期 value.
    undated: bool = False

    def __post_init__(self) -> None:
        if not isinstance(self.page, int) or self.page < 1:
            raise QueryError("page must be a whole number ≥ 1", "page")
        if not isinstance(self.page_size, int) or not 1 <= self.page_size <= MAX_PAGE_SIZE:
            raise QueryError(f"size must be between 1 and {MAX_PAGE_SIZE}", "size")
        if self.page * self.page_size > MAX_RESULT_DEPTH:
            raise QueryError(f"only the first {MAX_RESULT_DEPTH:,} results are served", "page")
        if not 0.0 <= self.recency <= 10.0:
            raise QueryError("recency must be between 0 and 10", "recency")
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise QueryError("from is later than to", "from")
        if self.undated and (self.date_from or self.date_to):
            raise QueryError("undated cannot be combined with from or to", "undated")


@dataclass(frozen=True, slots=True)
class ArticleRef:
    """Another article named on an article's page (a member of its near-duplicate group)."""

    id: str
    title: str
    published: dt.date | None
    source: str | None


@dataclass(frozen=True, slots=True)
class Hit:
    """One result: the article's fields, its highlighted title and snippet, and its score."""

    id: str
    title: str
    title_html: str
    snippet_html: str
    url: str | None
    published: dt.date | None
    category: str | None
    source: str | None
    score: float
    similar: int = 0  # near-duplicates collapsed into this hit
    similar_ids: tuple[str, ...] = ()  # their ids, in rank order
    similar_refs: tuple[ArticleRef, ...] = ()  # the first of them, to link to


@dataclass(frozen=True, slots=True)
class FacetValue:
    """One value of a facet with its count under the other groups' filters."""

    value: str
    count: int
    selected: bool
    label: str = ""


@dataclass(frozen=True, slots=True)
class Facet:
    """A facet group: category, source or published (years, or months inside one year)."""

    name: str
    values: tuple[FacetValue, ...]
    total_values: int  # how many distinct values exist (more than shown when truncated)


@dataclass(frozen=True, slots=True)
class DidYouMean:
    """A close variant of the query (a homophone, Chinese for pinyin) and what it finds."""

    query: str
    total: int


@dataclass(frozen=True, slots=True)
class SearchResult:
    """A page of results with exact total and facet counts.

    ``total`` counts articles; ``groups`` counts the hits they make once near-duplicates are
    folded together, over the whole result: pages are pages of groups.
    """

    request: SearchRequest
    total: int
    groups: int
    hits: tuple[Hit, ...]
    facets: dict[str, Facet]
    took_ms: float
    notice: str | None = None
    words: tuple[str, ...] = ()  # the query's words as searched (for highlighting, no-results)
    did_you_mean: DidYouMean | None = None
    # No article has every word, so these have any (the notice says so): the exports and the
    # feed, read away from that notice, never relax a query (``SearchBackend.export``).
    any_word: bool = False
    # Pinyin that finds nothing as Latin text is searched as Chinese (xijinping → 习近平): the
    # words searched, for what links on to the articles (their pages mark these words).
    searched_as: str | None = None

    @property
    def pages(self) -> int:
        """Pages of groups that can be asked for (up to the depth limit)."""
        size = self.request.page_size
        return max(1, min(-(-self.groups // size), MAX_RESULT_DEPTH // size))

    def to_dict(self) -> dict:
        """The JSON document of ``xinwen search --json`` and ``/api/search``."""
        return {
            "query": self.request.q,
            "total": self.total,
            "groups": self.groups,
            "page": self.request.page,
            "page_size": self.request.page_size,
            "took_ms": round(self.took_ms, 2),
            "notice": self.notice,
            "did_you_mean": (
                {"query": self.did_you_mean.query, "total": self.did_you_mean.total}
                if self.did_you_mean
                else None
            ),
            "hits": [
                {
                    "id": h.id,
                    "title": h.title,
                    "title_html": h.title_html,
                    "snippet_html": h.snippet_html,
                    "url": h.url,
                    "published": h.published.isoformat() if h.published else None,
                    "category": h.category,
                    "source": h.source,
                    "score": round(h.score, 4),
                    "similar": h.similar,
                    "similar_ids": list(h.similar_ids),
                }
                for h in self.hits
            ],
            "facets": {
                name: [
                    {"value": v.value, "count": v.count, "selected": v.selected}
                    for v in facet.values
                ]
                for name, facet in self.facets.items()
            },
            # (how many values each facet has: more than listed when cut at the top 20)
            "facet_totals": {name: facet.total_values for name, facet in self.facets.items()},
        }


@dataclass(frozen=True, slots=True)
class ExportRow:
    """One matching article as exported: its fields and score (no near-duplicate collapsing:
    an export lists every article)."""

    id: str
    title: str
    published: dt.date | None
    category: str | None
    source: str | None
    url: str | None
    score: float
    snippet_html: str = ""  # only when asked for (the Atom feed's summaries)


@dataclass(frozen=True, slots=True)
class Export:
    """Every article a search matches, in its order, up to a limit."""

    total: int
    rows: tuple[ExportRow, ...]
    # When the generation searched was built (UTC), if the backend knows: the time the Atom
    # feed gives an undated article.
    built_at: dt.datetime | None = None

    @property
    def truncated(self) -> bool:
        return len(self.rows) < self.total


@dataclass(frozen=True, slots=True)
class Article:
    """A whole article, for the article page."""

    id: str
    title: str
    body: str
    url: str | None
    published: dt.date | None
    category: str | None
    source: str | None
    title_html: str = ""
    body_html: str = ""  # paragraphs, escaped, with the query's words marked
    related: tuple[Hit, ...] = field(default=())
    group: tuple[ArticleRef, ...] = field(default=())  # its near-duplicates, best first
    group_size: int = 1  # articles in its group, itself included (``group`` may be cut)

    def to_dict(self) -> dict:
        """JSON form for ``/api/article/<id>``."""
        data = asdict(self)
        data["published"] = self.published.isoformat() if self.published else None
        data["group"] = [
            {
                "id": g.id,
                "title": g.title,
                "published": g.published.isoformat() if g.published else None,
                "source": g.source,
            }
            for g in self.group
        ]
        data["related"] = [
            {
                "id": h.id,
                "title": h.title,
                "published": h.published.isoformat() if h.published else None,
                "category": h.category,
                "source": h.source,
            }
            for h in self.related
        ]
        return data
