"""Query-string parameters: validated once, here, for both the HTML views and the JSON API.

``SearchParams`` is what the URL says (it builds URLs back: facet toggles, pages, sort), and
``SearchParams.to_request()`` is what the searcher gets. Anything a client sends either
becomes a valid request or a ``ParamError`` naming the parameter: never an exception deeper in.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlencode

from werkzeug.datastructures import MultiDict

from xinwen.search.models import (
    MAX_PAGE_SIZE,
    MAX_RESULT_DEPTH,
    QueryError,
    SearchRequest,
    SortOrder,
)

DEFAULT_PAGE_SIZE = 10
MAX_FILTER_VALUES = 50  # per repeatable parameter; more is a hand-made URL, not a UI state
MAX_FILTER_CHARS = 200
MAX_SUGGEST = 20
DEFAULT_SUGGEST = 8
MAX_SUGGEST_PREFIX = 50
FEED_ENTRIES = 50  # entries of a search's Atom feed: its newest matches

# C0/C1 controls, lone surrogates (Werkzeug already replaces undecodable bytes, but a
# surrogate can still arrive as "\ud800" from a JSON-minded client), non-characters, and
# bidi embeddings/overrides/isolates, which can reorder how the echoed query is displayed.
_UNWANTED = re.compile(
    "[\x00-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)
_SPACES = re.compile(r"\s+")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_WHOLE = re.compile(r"[0-9]{1,9}")
_DAYS = re.compile(r"([1-9][0-9]{0,4})d?")  # the OpenAPI document's pattern says the same
MAX_WITHIN_DAYS = 99_999


class ParamError(ValueError):
    """A parameter a client sent cannot be used; ``param`` names it, ``message`` says why."""

    def __init__(self, param: str, message: str) -> None:
        super().__init__(f"{param}: {message}")
        self.param = param
        self.message = message

    def to_dict(self) -> dict:
        """The API's error document."""
        detail = {"code": "invalid_parameter", "param": self.param, "message": self.message}
        return {"error": detail}


def clean_text(value: str) -> str:
    """Drop control, surrogate and bidi-override characters; collapse whitespace."""
    return _SPACES.sub(" ", _UNWANTED.sub(" ", value)).strip()


def _raw(args: MultiDict[str, str], name: str, blank_is_absent: bool, expected: str) -> str:
    """The parameter's value, stripped; "" when absent. An empty value counts as absent only
    where ``blank_is_absent`` (an HTML form sends its empty fields as ``from=&to=``); an API
    client that sends ``to=`` has sent something that is not a date."""
    raw = args.get(name)
    if raw is None:
        return ""
    raw = raw.strip()
    if not raw and not blank_is_absent:
        raise ParamError(name, f"{name} 不能为空：应为{expected}，不需要时请省略这个参数")
    return raw


def _date(args: MultiDict[str, str], name: str, blank_is_absent: bool = True) -> dt.date | None:
    raw = _raw(args, name, blank_is_absent, " YYYY-MM-DD 格式的日期")
    if not raw:
        return None
    if _DATE.fullmatch(raw):
        try:
            return dt.date.fromisoformat(raw)
        except ValueError:
            pass
    raise ParamError(name, f"日期无效：“{clean_text(raw)[:40]}”，应为 YYYY-MM-DD，例如 2024-03-15")


def _whole(
    args: MultiDict[str, str],
    name: str,
    default: int,
    low: int,
    high: int,
    blank_is_absent: bool = True,
) -> int:
    expected = f" {low} 到 {high:,} 之间的整数"
    raw = _raw(args, name, blank_is_absent, expected)
    if not raw:
        return default
    if not _WHOLE.fullmatch(raw) or not low <= int(raw) <= high:
        raise ParamError(name, f"{name} 应为{expected}")
    return int(raw)


def _values(
    args: MultiDict[str, str], name: str, blank_is_absent: bool, expected: str
) -> tuple[str, ...]:
    """A repeatable filter's values, cleaned and deduplicated. An empty one (``category=``)
    is refused like an empty ``to=`` unless ``blank_is_absent``: the API would otherwise
    ignore the filter without a word."""
    seen: dict[str, None] = {}  # dedupe, keep the order they were chosen in
    for raw in args.getlist(name):
        value = clean_text(raw)[:MAX_FILTER_CHARS]
        # (judged once cleaned: category=%00 is empty too, not a filter to drop unsaid)
        if not value and not blank_is_absent:
            raise ParamError(name, f"{name} 不能为空：应为{expected}，不需要时请省略这个参数")
        if value:
            seen[value] = None
    if len(seen) > MAX_FILTER_VALUES:
        raise ParamError(name, f"{name} 最多可选 {MAX_FILTER_VALUES} 个")
    return tuple(seen)


def _within(args: MultiDict[str, str], blank_is_absent: bool) -> int | None:
    """``within``: a number of days, ``7d`` or ``7``."""
    expected = f"天数，1 到 {MAX_WITHIN_DAYS:,} 之间，例如 7d（过去一周）"
    raw = _raw(args, "within", blank_is_absent, expected).lower()
    if not raw:
        return None
    found = _DAYS.fullmatch(raw)
    if not found:
        raise ParamError("within", f"within 应为{expected}")
    return int(found[1])


def _flag(args: MultiDict[str, str], name: str, blank_is_absent: bool) -> bool:
    """A yes/no parameter: ``1`` (or ``true``) for yes; absent, ``0`` or ``false`` for no."""
    raw = _raw(args, name, blank_is_absent, " 1 或 0").lower()
    if raw not in {"", "0", "1", "false", "true"}:
        raise ParamError(name, f"{name} 应为 1 或 0")
    return raw in {"1", "true"}


@dataclass(frozen=True, slots=True)
class SearchParams:
    """A validated search URL. ``sort`` and ``size`` are None when the URL leaves them out."""

    q: str = ""
    categories: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    sort: SortOrder | None = None
    page: int = 1
    size: int | None = None
    dates_swapped: bool = False  # ``from`` came later than ``to`` and the two were exchanged
    undated: bool = False  # only the articles without a date (``undated=1``)
    # ``within=7d``: the last so many days, counted from the day of each request, so that a
    # bookmarked or subscribed 过去一周 rolls forward; ``date_from`` holds today's first day.
    within: int | None = None

    @classmethod
    def parse(
        cls, args: MultiDict[str, str], swap_dates: bool = False, blank_is_absent: bool = True
    ) -> SearchParams:
        """Validate ``q, category*, source*, from, to, undated, within, sort, page, size``;
        unknown keys are ignored (tracking parameters, ``_``-prefixed ones).

        ``from`` later than ``to`` is an error, or, with ``swap_dates`` (the pages, where a
        reader typed them into the form), the two dates exchanged and ``dates_swapped`` set.
        ``undated`` or ``within`` with ``from`` or ``to`` is an error too, or on the pages the
        dates win (typed into the form while a quick range was chosen); so is ``undated`` with
        ``within``, or on the pages the one chosen last, ``undated``.
        ``blank_is_absent``: an empty ``category``, ``source``, ``from``, ``to``, ``sort``,
        ``page`` or ``size`` means "not given", as an HTML form sends it; the API and the
        exports pass False and refuse them.
        """
        q = clean_text(args.get("q", ""))
        sort_raw = _raw(args, "sort", blank_is_absent, " relevance、date 或 oldest")
        if sort_raw and sort_raw not in {s.value for s in SortOrder}:
            raise ParamError(
                "sort", "sort 只能是 relevance（相关度）、date（最新）或 oldest（最早）"
            )
        size = _whole(args, "size", 0, 1, MAX_PAGE_SIZE, blank_is_absent) or None
        page = _whole(args, "page", 1, 1, MAX_RESULT_DEPTH, blank_is_absent)
        if page * (size or DEFAULT_PAGE_SIZE) > MAX_RESULT_DEPTH:
            raise ParamError("page", f"只提供前 {MAX_RESULT_DEPTH:,} 条结果，请缩小搜索范围")
        params = cls(
            q=q,
            categories=_values(args, "category", blank_is_absent, "要筛选的分类名称"),
            sources=_values(args, "source", blank_is_absent, "要筛选的来源名称"),
            date_from=_date(args, "from", blank_is_absent),
            date_to=_date(args, "to", blank_is_absent),
            sort=SortOrder(sort_raw) if sort_raw else None,
            page=page,
            size=size,
            undated=_flag(args, "undated", blank_is_absent),
            within=_within(args, blank_is_absent),
        )
        if params.within and (params.date_from or params.date_to or params.undated):
            if not swap_dates:
                raise ParamError("within", "within 不能与 from、to 或 undated 同时使用")
            params = dataclasses.replace(params, within=None)
        if params.within:  # (today's first day, the page and the rest as asked)
            start = dt.date.today() - dt.timedelta(days=params.within)
            params = dataclasses.replace(params, date_from=start)
        if params.undated and (params.date_from or params.date_to):
            if not swap_dates:
                raise ParamError("undated", "undated 不能与 from、to 同时使用")
            params = dataclasses.replace(params, undated=False)
        if params.date_from and params.date_to and params.date_from > params.date_to:
            if not swap_dates:
                raise ParamError("from", "起始日期晚于结束日期")
            params = dataclasses.replace(
                params, date_from=params.date_to, date_to=params.date_from, dates_swapped=True
            )
        return params

    @property
    def effective_sort(self) -> SortOrder:
        """The order used: as asked, else relevance for a query and newest first for browsing."""
        if self.sort is not None:
            return self.sort
        return SortOrder.RELEVANCE if self.q else SortOrder.DATE

    @property
    def page_size(self) -> int:
        return self.size or DEFAULT_PAGE_SIZE

    @property
    def has_filters(self) -> bool:
        return bool(
            self.categories or self.sources or self.date_from or self.date_to or self.undated
        )

    def to_request(self) -> SearchRequest:
        """The searcher's request; a ``QueryError`` from its own checks becomes a ParamError."""
        try:
            return SearchRequest(
                q=self.q,
                categories=self.categories,
                sources=self.sources,
                date_from=self.date_from,
                date_to=self.date_to,
                undated=self.undated,
                sort=self.effective_sort,
                page=self.page,
                page_size=self.page_size,
            )
        except QueryError as exc:
            raise ParamError(exc.param, exc.message) from None

    def replace(self, **changes: object) -> SearchParams:
        """A copy with ``changes``; the page goes back to 1 unless it is one of them."""
        changes.setdefault("page", 1)
        changes.setdefault("dates_swapped", False)
        if "date_from" in changes or "date_to" in changes:
            changes.setdefault("undated", False)  # a date range replaces "no date"
        if {"date_from", "date_to", "undated"} & changes.keys():
            changes.setdefault("within", None)  # and any rolling range
        return dataclasses.replace(self, **changes)

    def rolling(self, days: int, today: dt.date | None = None) -> SearchParams:
        """The last ``days`` days, counted from ``today`` whenever the URL is opened again
        (``within``); the other filters kept, the page back to 1."""
        start = (today or dt.date.today()) - dt.timedelta(days=days)
        return self.replace(date_from=start, date_to=None, undated=False, within=days)

    def pairs(self) -> list[tuple[str, str]]:
        """The canonical query string as pairs: defaults left out, so URLs stay short."""
        pairs: list[tuple[str, str]] = []
        if self.q:
            pairs.append(("q", self.q))
        pairs += [("category", v) for v in self.categories]
        pairs += [("source", v) for v in self.sources]
        if self.within:
            pairs.append(("within", f"{self.within}d"))
        elif self.date_from:
            pairs.append(("from", self.date_from.isoformat()))
        if self.date_to:
            pairs.append(("to", self.date_to.isoformat()))
        if self.undated:
            pairs.append(("undated", "1"))
        # An explicit sort is kept only when it differs from what this query gets anyway.
        if self.sort is not None and self.sort != (
            SortOrder.RELEVANCE if self.q else SortOrder.DATE
        ):
            pairs.append(("sort", self.sort.value))
        if self.size is not None and self.size != DEFAULT_PAGE_SIZE:
            pairs.append(("size", str(self.size)))
        if self.page != 1:
            pairs.append(("page", str(self.page)))
        return pairs

    def query_string(self) -> str:
        """``pairs()`` URL-encoded, without the leading ``?``."""
        return urlencode(self.pairs())


def toggled(values: Iterable[str], value: str) -> tuple[str, ...]:
    """``values`` with ``value`` removed if present, else appended."""
    values = tuple(values)
    return tuple(v for v in values if v != value) if value in values else (*values, value)


def suggest_params(args: MultiDict[str, str]) -> tuple[str, int]:
    """``/api/suggest``: the prefix (cut to a sensible length) and how many to return (an
    empty ``size`` is refused: only the API sends it)."""
    prefix = clean_text(args.get("q", ""))[:MAX_SUGGEST_PREFIX]
    return prefix, _whole(args, "size", DEFAULT_SUGGEST, 1, MAX_SUGGEST, blank_is_absent=False)


def article_query(args: MultiDict[str, str]) -> str:
    """The ``q`` an article page marks: the query the reader came from, whole (the search cuts
    a long one between words, as it did for the results; its back link returns to them)."""
    return clean_text(args.get("q", ""))


def article_search(args: MultiDict[str, str]) -> SearchParams:
    """The search an article page was opened from: the search page's parameters, which its
    result link carried (``q`` marks the article's words; all of them make the back link).
    A malformed one does not keep the article from opening: the search is then its ``q`` alone."""
    q = article_query(args)
    try:
        search = SearchParams.parse(args, swap_dates=True)
    except ParamError:
        return SearchParams(q=q)
    return dataclasses.replace(search, q=q, dates_swapped=False)


def facet_filter(args: MultiDict[str, str]) -> str:
    """The text a facet's full list is narrowed to (``filter``)."""
    return clean_text(args.get("filter", ""))[:MAX_FILTER_CHARS]
