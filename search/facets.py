"""Facet counting with bitsets: one Python int per facet value, built once per index generation.

A set of documents is an int whose bit ``d`` is set when document ``d`` is in it; ANDing two
sets and counting (``int.bit_count``) runs in C over a few kilobytes, so every count of every
facet costs microseconds. Multi-select semantics (Solr's tag/exclude, Elasticsearch's
post_filter): a facet group's counts apply every *other* group's filters but not its own.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from xinwen.index.records import UNCATEGORISED, UNKNOWN_SOURCE
from xinwen.search.models import Facet, FacetValue


def mask_of(docnums: Iterable[int], size: int) -> int:
    """The bitset of ``docnums`` (all below ``size``)."""
    bits = bytearray((size + 8) // 8)
    for d in docnums:
        bits[d >> 3] |= 1 << (d & 7)
    return int.from_bytes(bits, "little")


def docnums_of(mask: int) -> list[int]:
    """The document numbers in a bitset, ascending."""
    length = mask.bit_length()
    if mask.bit_count() * 4 > length * 3:
        # Mostly ones (a broad query matches nearly every article): find the few holes and
        # fill the runs between them with ranges, in C, instead of one bit at a time.
        out: list[int] = []
        extend = out.extend
        start = 0
        for hole in _set_bits(~mask & ((1 << length) - 1)):
            extend(range(start, hole))
            start = hole + 1
        extend(range(start, length))
        return out
    return _set_bits(mask)


def _set_bits(mask: int) -> list[int]:
    out = []
    binary = bin(mask)[:1:-1]  # least significant bit first
    i = binary.find("1")
    while i >= 0:
        out.append(i)
        i = binary.find("1", i + 1)
    return out


def any_of(table: dict, values: Iterable) -> int:
    """Documents having any of the values of a bitset table (unknown values match nothing)."""
    mask = 0
    for v in values:
        mask |= table.get(v, 0)
    return mask


@dataclass
class FacetIndex:
    """Bitsets of the live documents by category, source, year and month; dates for ranges."""

    size: int
    live: int
    categories: dict[str, int]
    sources: dict[str, int]
    years: dict[int, int]
    months: dict[tuple[int, int], int]
    # The dated live documents in date order (then docnum): day (``date.toordinal()``) and
    # docnum of each, for ranges that cut a month and for walking the newest first.
    dated_days: list[int]
    dated_docs: list[int]
    age_rank: list[int]  # by docnum: place in date order (undated: -1), for sorting a few docs

    @classmethod
    def build(
        cls, size: int, rows: Iterable[tuple[int, str | None, str | None, dt.date | None]]
    ) -> FacetIndex:
        """From (docnum, category, source, published) of every live document.

        Documents without a category or source are counted under `UNCATEGORISED` and
        `UNKNOWN_SOURCE`, so that they show in the facets and can be selected.
        """
        groups: dict[str, dict] = {"c": {}, "s": {}, "y": {}, "m": {}}
        live: list[int] = []
        dated: list[tuple[int, int]] = []
        for docnum, category, source, published in rows:
            live.append(docnum)
            groups["c"].setdefault(category or UNCATEGORISED, []).append(docnum)
            groups["s"].setdefault(source or UNKNOWN_SOURCE, []).append(docnum)
            if published:
                groups["y"].setdefault(published.year, []).append(docnum)
                groups["m"].setdefault((published.year, published.month), []).append(docnum)
                dated.append((published.toordinal(), docnum))
        dated.sort()
        age_rank = [-1] * size
        for rank, (_, docnum) in enumerate(dated):
            age_rank[docnum] = rank

        def masks(group: dict) -> dict:
            return {k: mask_of(v, size) for k, v in group.items()}

        return cls(
            size=size,
            live=mask_of(live, size),
            categories=masks(groups["c"]),
            sources=masks(groups["s"]),
            years=masks(groups["y"]),
            months=masks(groups["m"]),
            dated_days=[day for day, _ in dated],
            dated_docs=[d for _, d in dated],
            age_rank=age_rank,
        )

    @cached_property
    def undated(self) -> int:
        """The live documents without a date."""
        dated = 0
        for bits in self.years.values():
            dated |= bits
        return self.live & ~dated

    def dates(self, start: dt.date | None, end: dt.date | None, undated: bool) -> int:
        """The documents a request's date filter keeps: a range, or those without a date."""
        return self.undated if undated else self.date_range(start, end)

    @property
    def newest(self) -> dt.date | None:
        """The latest publication date of a live document (None when none is dated)."""
        return dt.date.fromordinal(self.dated_days[-1]) if self.dated_days else None

    def date_range(self, start: dt.date | None, end: dt.date | None) -> int:
        """Documents published in [start, end]; whole months come from their bitsets."""
        if start is None and end is None:
            return self.live
        lo = start or dt.date.min
        hi = end or dt.date.max
        mask = 0
        partial: list[int] = []
        for (y, m), bits in self.months.items():
            first = dt.date(y, m, 1)
            last = (dt.date(y + m // 12, m % 12 + 1, 1)) - dt.timedelta(days=1)
            if lo <= first and last <= hi:
                mask |= bits
            elif first <= hi and last >= lo:
                i = bisect_left(self.dated_days, max(first, lo).toordinal())
                j = bisect_right(self.dated_days, min(last, hi).toordinal())
                partial += self.dated_docs[i:j]
        if partial:
            mask |= mask_of(partial, self.size)
        return mask


def facet_values(
    name: str,
    table: dict,
    base: int,
    selected: Iterable[str],
    limit: int | None,
    label: Callable[[Any], str] = str,
    order: str = "count",
) -> Facet:
    """Counts of each value within ``base``; selected values always listed, even at zero."""
    chosen = set(selected)
    counted = []
    for key, bits in table.items():
        value = label(key)
        count = (bits & base).bit_count()
        if count or value in chosen:
            counted.append((value, count))
    return _facet(name, counted, chosen, limit, order)


def facet_from_counts(
    name: str,
    counts: dict[str, int],
    selected: Iterable[str],
    limit: int | None,
    order: str = "count",
) -> Facet:
    """A facet from value counts computed elsewhere (a search engine's facet counts), shown
    exactly as ``facet_values`` shows bitset counts: same order, limit and selected values."""
    chosen = set(selected)
    # A selected value without matches is sorted into its place (``facet_values`` does that for
    # values the index has; a value it has never seen goes last there: rare, and only the
    # order of zero counts differs).
    counted = [(v, c) for v, c in counts.items() if c or v in chosen]
    counted += [(v, 0) for v in chosen if v not in counts]
    return _facet(name, counted, chosen, limit, order)


def _facet(
    name: str, counted: list[tuple[str, int]], chosen: set[str], limit: int | None, order: str
) -> Facet:
    """The values in order (by count, or by value newest first), selected values without a
    count after them, cut at ``limit`` but keeping every selected value."""
    if order == "count":
        counted.sort(key=lambda vc: (-vc[1], vc[0]))
    else:
        counted.sort(key=lambda vc: vc[0], reverse=True)
    present = {v for v, _ in counted}
    counted += [(v, 0) for v in sorted(chosen - present)]
    total_values = len(counted)
    shown = counted if limit is None else counted[:limit]
    shown_values = {v for v, _ in shown}
    shown += [(v, c) for v, c in counted if v in chosen and v not in shown_values]
    values = tuple(FacetValue(v, c, v in chosen, v) for v, c in shown)
    return Facet(name, values, total_values)


# Quick time ranges above the histogram: (days back from today, label). A range starts that
# many days before today and has no end, so articles dated today are in every one of them.
RECENT_RANGES = ((1, "过去一天"), (7, "过去一周"), (30, "过去一个月"), (365, "过去一年"))
# The last quick value: the articles without a date (the page shows it when there are any).
UNDATED_VALUE, UNDATED_LABEL = "undated", "未注明日期"


def recent_ranges(
    fi: FacetIndex,
    base: int,
    today: dt.date,
    start: dt.date | None,
    end: dt.date | None,
    undated: bool = False,
) -> Facet:
    """Counts of ``base`` in each quick time range, plus 全部 (every date, value ``""``) first
    and 未注明日期 (no date, value ``undated``) last.

    A value is the range's first day (ISO); it is selected when the request asks exactly
    that day onwards, with no end.
    """
    everything = start is None and end is None and not undated
    values = [FacetValue("", base.bit_count(), everything, "全部")]
    for days, label in RECENT_RANGES:
        first = today - dt.timedelta(days=days)
        count = (base & fi.date_range(first, None)).bit_count()
        values.append(FacetValue(first.isoformat(), count, start == first and end is None, label))
    values.append(undated_value((base & fi.undated).bit_count(), undated))
    return Facet("recent", tuple(values), len(values))


def undated_value(count: int, selected: bool) -> FacetValue:
    """The quick value of the articles without a date."""
    return FacetValue(UNDATED_VALUE, count, selected, UNDATED_LABEL)
