"""Facet toggles, filter chips, sort links and pagination: every UI state is a plain URL.

Each function takes the validated ``SearchParams`` and the URL path of the search page and
returns plain dicts (Datasette's facet shape: ``{name, results: [{value, label, count,
selected, toggle_url}]}``), so a context renders as HTML and as JSON alike.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from xinwen.search.facets import RECENT_RANGES, UNDATED_LABEL, UNDATED_VALUE
from xinwen.search.models import MAX_RESULT_DEPTH, Facet, FacetValue, SortOrder
from xinwen.webui.params import SearchParams, toggled

FACET_LABELS = {"category": "分类", "source": "来源", "published": "日期"}
SORT_LABELS = {SortOrder.RELEVANCE: "相关度", SortOrder.DATE: "最新", SortOrder.OLDEST: "最早"}
_YEAR = re.compile(r"[0-9]{4}")
_MONTH = re.compile(r"([0-9]{4})-([0-9]{2})")
MAX_YEAR_BARS = 40  # beyond this, empty years are left out rather than drawn
PAGE_WINDOW = 2  # page numbers shown either side of the current one


_RECENT_DAYS = {label: days for days, label in RECENT_RANGES}
_RECENT_LABELS = {days: label for days, label in RECENT_RANGES}


def url(base: str, params: SearchParams) -> str:
    """The search page's URL for ``params``."""
    query = params.query_string()
    return f"{base}?{query}" if query else base


def year_range(year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def month_range(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def _bar_height(count: int, top: int) -> int:
    """Bar height in percent, in steps of 5 (the stylesheet has one class per step: the
    Content-Security-Policy allows no inline style attributes)."""
    if count <= 0 or top <= 0:
        return 0
    return max(5, round(count / top * 20) * 5)


def _date_target(value: str, params: SearchParams) -> tuple[str, tuple[dt.date, dt.date] | None]:
    """For a published value (a year or a month): its label and the range clicking it sets.

    Clicking the range already selected goes one level up: a month back to its year, a year
    back to all dates (None)."""
    current = (params.date_from, params.date_to)
    if m := _MONTH.fullmatch(value):
        year, month = int(m[1]), int(m[2])
        if 1 <= month <= 12:
            target = month_range(year, month)
            return f"{month}月", year_range(year) if target == current else target
    if _YEAR.fullmatch(value) and 1 <= int(value) <= 9999:
        target = year_range(int(value))
        return value, None if target == current else target
    return value, None


def short_count(count: int) -> str:
    """A count that fits over a bar: 812, 4096, 1.2万."""
    return str(count) if count < 10_000 else f"{count / 10_000:.1f}万"


# A sidebar's histogram has room for about this many year labels side by side; with more bars,
# every second (third…) bar is labelled, counted back from the newest, and the labels may spill
# over their unlabelled neighbours (each bar's title and hidden text still name it).
YEAR_LABELS = 7


def _short_label(value: str, bars: int, index: int = 0) -> str:
    """What fits under bar ``index`` of ``bars``: the month's number; the year, as ’19 when
    there are more than a few, on every ``step``-th bar when there are many."""
    if m := _MONTH.fullmatch(value):
        return str(int(m[2]))
    if not _YEAR.fullmatch(value):
        return value
    if bars <= 4:
        return value
    step = -(-bars // YEAR_LABELS)
    return "’" + value[2:] if (bars - 1 - index) % step == 0 else ""


def _fill_gaps(values: tuple[FacetValue, ...]) -> tuple[FacetValue, ...]:
    """Published values oldest first, with the empty years (or months) between them as zero
    bars: a histogram with holes closed up would misstate when things happened."""
    by_value = {v.value: v for v in values}
    months = [m for v in values if (m := _MONTH.fullmatch(v.value))]
    if months and len(months) == len(values):
        year = months[0][1]
        if all(m[1] == year for m in months):  # one year: all twelve months
            keys = [f"{year}-{n:02d}" for n in range(1, 13)]
            return tuple(by_value.get(k) or FacetValue(k, 0, False, k) for k in keys)
    if values and all(_YEAR.fullmatch(v.value) for v in values):
        years = sorted(int(v.value) for v in values)
        keys = [str(y) for y in range(years[0], years[-1] + 1)]
        if len(keys) <= MAX_YEAR_BARS:
            return tuple(by_value.get(k) or FacetValue(k, 0, False, k) for k in keys)
    return tuple(sorted(values, key=lambda v: v.value))


def facet_context(name: str, facet: Facet, params: SearchParams, base: str) -> dict:
    """One facet group with a toggle URL per value (page reset to 1, all else kept)."""
    results = []
    top = max((v.count for v in facet.values), default=0)
    values = _fill_gaps(facet.values) if name == "published" else facet.values
    for index, v in enumerate(values):
        label = v.label or v.value
        if name == "published":
            label, target = _date_target(v.value, params)
            date_from, date_to = target or (None, None)
            toggle = params.replace(date_from=date_from, date_to=date_to)
        elif name == "category":
            toggle = params.replace(categories=toggled(params.categories, v.value))
        elif name == "source":
            toggle = params.replace(sources=toggled(params.sources, v.value))
        else:
            continue
        item = {
            "value": v.value,
            "label": label,
            "count": v.count,
            "selected": v.selected,
            "toggle_url": url(base, toggle),
        }
        if name == "published":
            item["height"] = _bar_height(v.count, top)
            item["short_count"] = short_count(v.count)
            item["short_label"] = _short_label(v.value, len(values), index)
        results.append(item)
    context = {
        "name": name,
        "label": FACET_LABELS.get(name, name),
        "results": results,
        "truncated": facet.total_values > len(facet.values),
    }
    if name == "published":
        months = any(_MONTH.fullmatch(v.value) for v in facet.values)
        context["granularity"] = "month" if months else "year"
    return context


def chips(params: SearchParams, base: str) -> list[dict]:
    """The selected filters, each with the URL that removes just it."""
    found = [
        {
            "name": "category",
            "label": f"分类：{value}",
            "remove_url": url(base, params.replace(categories=toggled(params.categories, value))),
        }
        for value in params.categories
    ]
    found += [
        {
            "name": "source",
            "label": f"来源：{value}",
            "remove_url": url(base, params.replace(sources=toggled(params.sources, value))),
        }
        for value in params.sources
    ]
    if params.date_from or params.date_to or params.undated:
        if params.undated:
            label = UNDATED_LABEL
        elif params.within:
            label = _RECENT_LABELS.get(params.within, f"过去 {params.within} 天")
        else:
            label = date_label(params.date_from, params.date_to)
        found.append(
            {
                "name": "published",
                "label": f"日期：{label}",
                "remove_url": url(base, params.replace(date_from=None, date_to=None)),
            }
        )
    return found


def date_label(start: dt.date | None, end: dt.date | None, today: dt.date | None = None) -> str:
    """A date filter as people say it: 2024年, 2024年3月, 过去一周; other ranges as
    ``2024-03-05 至 2024-04-01`` (or ``… 以后`` / ``… 以前`` when open on one side)."""
    today = today or dt.date.today()
    if start and end and (start, end) == year_range(start.year):
        return f"{start.year}年"
    if start and end and (start, end) == month_range(start.year, start.month):
        return f"{start.year}年{start.month}月"
    if start and end is None:
        for days, label in RECENT_RANGES:
            if start == today - dt.timedelta(days=days):
                return label
        return f"{start.isoformat()} 以后"
    if end and start is None:
        return f"{end.isoformat()} 以前"
    assert start and end
    return f"{start.isoformat()} 至 {end.isoformat()}"


def time_ranges(facet: Facet, params: SearchParams, base: str) -> list[dict]:
    """全部 / 过去一天 / 一周 / 一个月 / 一年 / 未注明日期, each with its count and the URL that
    sets it (the other filters kept)."""
    found = []
    for v in facet.values:
        if v.value == UNDATED_VALUE:
            if not (v.count or v.selected):
                continue  # (an archive whose articles all have a date: not shown)
            target = params.replace(date_from=None, date_to=None, undated=not v.selected)
        elif v.value:  # a quick range rolls: the URL says "the last 7 days", not a date
            target = params.rolling(_RECENT_DAYS[v.label])
        else:
            target = params.replace(date_from=None, date_to=None)
        found.append(
            {
                "value": v.value,
                "label": v.label,
                "count": v.count,
                "selected": v.selected,
                "url": url(base, target),
            }
        )
    return found


def clear_filters_url(params: SearchParams, base: str) -> str:
    """Everything but the query and the order."""
    return url(base, params.replace(categories=(), sources=(), date_from=None, date_to=None))


def sort_options(params: SearchParams, base: str) -> list[dict]:
    """相关度 / 最新 / 最早; browsing (no query) has no relevance, only the two date orders."""
    return [
        {
            "value": order.value,
            "label": label,
            "selected": params.effective_sort == order,
            "url": url(base, params.replace(sort=order)),
        }
        for order, label in SORT_LABELS.items()
        if params.q or order.by_date
    ]


def pagination(params: SearchParams, groups: int, base: str) -> dict:
    """上一页/下一页, a window of page numbers with gaps, and a way back from beyond the end.

    Pages are pages of groups (near-duplicates folded together), up to the depth limit.
    """
    size = params.page_size
    pages = max(1, min(-(-groups // size), MAX_RESULT_DEPTH // size))
    page = params.page

    def link(n: int) -> str:
        return url(base, params.replace(page=n))

    shown = sorted(
        {1, pages} | {n for n in range(page - PAGE_WINDOW, page + PAGE_WINDOW + 1) if n >= 1}
    )
    numbers: list[dict] = []
    last = 0
    for n in (n for n in shown if n <= pages):
        if n - last > 1 and last:
            numbers.append({"page": None, "url": None, "current": False, "gap": True})
        numbers.append({"page": n, "url": link(n), "current": n == page, "gap": False})
        last = n
    return {
        "page": page,
        "pages": pages,
        "prev_url": link(page - 1) if 1 < page <= pages else None,
        "next_url": link(page + 1) if page < pages else None,
        "numbers": numbers if pages > 1 else [],
        "beyond": page > pages,
        "last_url": link(pages),
    }
