"""Query-string validation and the URLs built from it: pure functions, no app."""

from __future__ import annotations

import datetime as dt
from urllib.parse import parse_qsl, urlsplit

import pytest
from werkzeug.datastructures import MultiDict

from xinwen.search.models import Facet, FacetValue, SortOrder
from xinwen.webui import facets
from xinwen.webui.params import ParamError, SearchParams, clean_text, suggest_params

BASE = "/search"


def parse(query: str) -> SearchParams:
    return SearchParams.parse(MultiDict(parse_qsl(query, keep_blank_values=True)))


def query_of(url: str) -> list[tuple[str, str]]:
    split = urlsplit(url)
    assert split.path == BASE
    return parse_qsl(split.query, keep_blank_values=True)


def test_defaults_browse_newest_first_and_search_by_relevance() -> None:
    assert parse("").effective_sort is SortOrder.DATE
    assert parse("q=光伏").effective_sort is SortOrder.RELEVANCE
    request = parse("q=光伏").to_request()
    assert (request.q, request.page, request.page_size) == ("光伏", 1, 10)


def test_every_parameter_parsed() -> None:
    p = parse(
        "q= 光伏  储能 &category=技术&category=政策&category=技术&source=电力日报"
        "&from=2024-01-01&to=2024-12-31&sort=date&page=3&size=20&utm_source=x"
    )
    assert p.q == "光伏 储能"
    assert p.categories == ("技术", "政策")  # deduplicated, in the order chosen
    assert p.sources == ("电力日报",)
    assert (p.date_from, p.date_to) == (dt.date(2024, 1, 1), dt.date(2024, 12, 31))
    assert (p.sort, p.page, p.size) == (SortOrder.DATE, 3, 20)
    request = p.to_request()
    assert request.categories == ("技术", "政策") and request.page_size == 20


@pytest.mark.parametrize(
    ("query", "param"),
    [
        ("from=2024-13-01", "from"),
        ("from=2024-02-30", "from"),
        ("to=yesterday", "to"),
        ("from=2024-1-1", "from"),
        ("from=２０２４-01-01", "from"),  # full-width digits are not ASCII digits
        ("from=2024-05-01&to=2024-04-01", "from"),
        ("page=0", "page"),
        ("page=-1", "page"),
        ("page=1.5", "page"),
        ("page=abc", "page"),
        ("page=99999999999999999999", "page"),
        ("page=2000", "page"),  # beyond the first 10,000 results
        ("size=0", "size"),
        ("size=101", "size"),
        ("size=ten", "size"),
        ("sort=newest", "sort"),
        ("within=0d", "within"),
        ("within=7days", "within"),
        ("within=1w", "within"),
        ("within=100000d", "within"),
        ("within=07d", "within"),
        ("within=7d&from=2024-01-01", "within"),
        ("within=7d&undated=1", "within"),
        ("sort=RELEVANCE", "sort"),
    ],
)
def test_invalid_parameters_name_the_parameter(query: str, param: str) -> None:
    with pytest.raises(ParamError) as caught:
        parse(query)
    assert caught.value.param == param
    detail = {"code": "invalid_parameter", "param": param, "message": caught.value.message}
    assert caught.value.to_dict() == {"error": detail}


def test_too_many_filter_values() -> None:
    with pytest.raises(ParamError) as caught:
        parse("&".join(f"category=c{i}" for i in range(51)))
    assert caught.value.param == "category"


def test_clean_text_drops_controls_surrogates_and_bidi_overrides() -> None:
    assert clean_text("a\x00b\x1fc\x7f\x85d") == "a b c d"
    assert clean_text("\ud800光伏\u202e\u2066") == "光伏"
    assert clean_text("  风电\t\n储能  ") == "风电 储能"
    assert clean_text("😀 فارسی") == "😀 فارسی"  # emoji and RTL letters are text


def test_canonical_urls_leave_defaults_out() -> None:
    assert facets.url(BASE, parse("")) == BASE
    assert facets.url(BASE, parse("q=光伏&sort=relevance&page=1&size=10")) == (
        "/search?q=%E5%85%89%E4%BC%8F"
    )
    assert ("sort", "date") in query_of(facets.url(BASE, parse("q=光伏&sort=date")))
    assert ("sort", "relevance") in query_of(facets.url(BASE, parse("sort=relevance")))


def _facet(name: str, *values: tuple[str, int, bool]) -> Facet:
    return Facet(name, tuple(FacetValue(v, c, s, v) for v, c, s in values), len(values))


def test_category_toggle_adds_and_removes_keeping_everything_else() -> None:
    p = parse("q=光伏&category=技术&source=电力日报&from=2024-01-01&to=2024-12-31&sort=date&page=4")
    ctx = facets.facet_context(
        "category", _facet("category", ("技术", 5, True), ("政策", 3, False)), p, BASE
    )
    assert ctx["name"] == "category"
    tech, policy = ctx["results"]
    assert set(tech) == {"value", "label", "count", "selected", "toggle_url"}
    assert tech["selected"] and not policy["selected"]
    removed = query_of(tech["toggle_url"])
    added = query_of(policy["toggle_url"])
    kept = [("q", "光伏"), ("source", "电力日报"), ("from", "2024-01-01"), ("to", "2024-12-31")]
    kept += [("sort", "date")]
    assert removed == kept
    assert added[:3] == [("q", "光伏"), ("category", "技术"), ("category", "政策")]
    assert all(key != "page" for key, _ in removed + added)  # back to page 1


def test_year_bar_sets_the_year_and_month_bar_narrows_then_widens_back() -> None:
    years = facets.facet_context(
        "published", _facet("published", ("2024", 8, False), ("2021", 2, False)), parse(""), BASE
    )
    assert years["granularity"] == "year"
    assert [r["value"] for r in years["results"]] == ["2021", "2022", "2023", "2024"]  # gaps
    by_value = {r["value"]: r for r in years["results"]}
    assert query_of(by_value["2024"]["toggle_url"]) == [
        ("from", "2024-01-01"),
        ("to", "2024-12-31"),
    ]
    assert by_value["2024"]["height"] == 100 and by_value["2021"]["height"] == 25
    assert by_value["2022"]["count"] == 0 and by_value["2022"]["height"] == 0

    in_year = parse("from=2024-01-01&to=2024-12-31")
    months = facets.facet_context(
        "published", _facet("published", ("2024-02", 3, False)), in_year, BASE
    )
    assert months["granularity"] == "month" and len(months["results"]) == 12
    feb = months["results"][1]
    assert feb["label"] == "2月"
    assert query_of(feb["toggle_url"]) == [("from", "2024-02-01"), ("to", "2024-02-29")]

    in_month = parse("from=2024-02-01&to=2024-02-29")
    again = facets.facet_context(
        "published", _facet("published", ("2024-02", 3, True)), in_month, BASE
    )
    assert query_of(again["results"][1]["toggle_url"]) == [
        ("from", "2024-01-01"),
        ("to", "2024-12-31"),
    ]


def test_chips_and_clear_all() -> None:
    p = parse("q=光伏&category=技术&category=政策&source=电力日报&from=2024-01-01")
    chips = facets.chips(p, BASE)
    assert [c["label"] for c in chips] == [
        "分类：技术",
        "分类：政策",
        "来源：电力日报",
        "日期：2024-01-01 以后",
    ]
    assert query_of(chips[0]["remove_url"]) == [
        ("q", "光伏"),
        ("category", "政策"),
        ("source", "电力日报"),
        ("from", "2024-01-01"),
    ]
    assert query_of(facets.clear_filters_url(p, BASE)) == [("q", "光伏")]


def test_within_rolls_with_the_day_it_is_opened() -> None:
    """``within=7d`` is the last seven days counted from today, whenever the link is opened
    again (a bookmarked 过去一周, or its feed), and the quick ranges link to it, not to a
    fixed first day that would go stale."""
    today = dt.date.today()
    p = parse("q=光伏&within=7d")
    assert (p.date_from, p.date_to, p.within) == (today - dt.timedelta(days=7), None, 7)
    assert p.to_request().date_from == today - dt.timedelta(days=7)
    assert p.query_string() == "q=%E5%85%89%E4%BC%8F&within=7d"
    assert parse("within=10").within == 10
    assert parse("q=光伏&within=7d&page=3").page == 3  # (a later page of the range)
    assert [c["label"] for c in facets.chips(p, BASE)] == ["日期：过去一周"]
    assert [c["label"] for c in facets.chips(parse("within=10d"), BASE)] == ["日期：过去 10 天"]
    quick = Facet(
        "recent",
        (
            FacetValue("", 9, False, "全部"),
            FacetValue((today - dt.timedelta(days=30)).isoformat(), 4, False, "过去一个月"),
        ),
        2,
    )
    links = [
        query_of(r["url"]) for r in facets.time_ranges(quick, parse("q=光伏&from=2024-01-01"), BASE)
    ]
    assert links == [[("q", "光伏")], [("q", "光伏"), ("within", "30d")]]
    # Anything else about dates replaces the rolling range.
    assert p.replace(date_from=dt.date(2024, 1, 1)).pairs() == [
        ("q", "光伏"),
        ("from", "2024-01-01"),
    ]
    no_date = p.replace(date_from=None, date_to=None, undated=True)
    assert no_date.pairs() == [("q", "光伏"), ("undated", "1")]
    # The search form's date fields, typed while a quick range was chosen, win over it.
    typed = MultiDict([("within", "7d"), ("from", "2024-01-01")])
    assert SearchParams.parse(typed, swap_dates=True).pairs() == [("from", "2024-01-01")]


@pytest.mark.parametrize(
    ("page", "total", "numbers", "prev", "next_"),
    [
        (1, 5, [], False, False),
        (1, 35, [1, 2, 3, 4], False, True),
        (4, 35, [1, 2, 3, 4], True, False),
        (6, 200, [1, None, 4, 5, 6, 7, 8, None, 20], True, True),
        (1, 200, [1, 2, 3, None, 20], False, True),
    ],
)
def test_pagination_window(page: int, total: int, numbers: list, prev: bool, next_: bool) -> None:
    ctx = facets.pagination(parse(f"q=x&page={page}"), total, BASE)
    assert [n["page"] for n in ctx["numbers"]] == numbers
    assert bool(ctx["prev_url"]) is prev and bool(ctx["next_url"]) is next_
    assert not ctx["beyond"]


def test_pagination_beyond_the_last_page_links_back() -> None:
    ctx = facets.pagination(parse("q=x&page=9"), 35, BASE)
    assert ctx["beyond"] and ctx["pages"] == 4
    assert ctx["prev_url"] is None and ctx["next_url"] is None
    assert query_of(ctx["last_url"]) == [("q", "x"), ("page", "4")]


def test_suggest_params() -> None:
    assert suggest_params(MultiDict({"q": " 光"})) == ("光", 8)
    assert suggest_params(MultiDict({"q": "x" * 500, "size": "3"})) == ("x" * 50, 3)
    with pytest.raises(ParamError):
        suggest_params(MultiDict({"size": "500"}))
