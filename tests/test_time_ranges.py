"""Quick time ranges (过去一天 … 全部) with counts, date chips as people say dates, readable
histogram counts, and a reversed date range answered on the page with the filters kept."""

from __future__ import annotations

import datetime as dt

import pytest
from flask.testing import FlaskClient
from lxml import html as lxml_html

from tests.helpers import build_index, write_jsonl
from xinwen.webui import create_app
from xinwen.webui.facets import date_label

TODAY = dt.date.today()
# Days ago of each article: one today, then 3, 20, 200 and 1,000 days back, and one undated.
AGES = [0, 3, 20, 200, 1000, None]


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> FlaskClient:
    rows = [
        {
            "id": f"tr-{i}",
            "title": f"电网调度简讯第{i}期",
            "body": "电网调度中心发布本期运行简讯，负荷平稳。",
            "category": "政策" if i % 2 else "技术",
            "published": (TODAY - dt.timedelta(days=age)).isoformat() if age is not None else None,
        }
        for i, age in enumerate(AGES)
    ]
    corpus = write_jsonl(tmp_path_factory.mktemp("tr-corpus") / "news.jsonl", rows)
    root = build_index(tmp_path_factory.mktemp("tr-index"), corpus)
    return create_app({"INDEX_ROOT": root, "TESTING": True}).test_client()


def _ranges(client: FlaskClient, query: str) -> dict[str, dict]:
    doc = client.get(f"/search.json?{query}").get_json()
    return {r["label"]: r for r in doc["time_ranges"]}


def test_each_quick_range_has_its_count(client: FlaskClient) -> None:
    ranges = _ranges(client, "q=电网")
    assert {label: r["count"] for label, r in ranges.items()} == {
        "全部": 6,
        "过去一天": 1,
        "过去一周": 2,
        "过去一个月": 3,
        "过去一年": 4,
        "未注明日期": 1,  # (the fixture's one article without a date)
    }
    assert ranges["全部"]["selected"]


def test_a_quick_range_filters_and_reads_as_said(client: FlaskClient) -> None:
    week = _ranges(client, "q=电网&category=技术")["过去一周"]
    doc = client.get(week["url"].replace("/search?", "/search.json?")).get_json()
    assert doc["params"]["category"] == ["技术"]  # other filters kept
    assert doc["total"] == week["count"] == 1
    assert [c["label"] for c in doc["chips"]] == ["分类：技术", "日期：过去一周"]
    assert _ranges(client, week["url"].split("?", 1)[1])["过去一周"]["selected"]


def test_a_quick_range_link_rolls_forward(client: FlaskClient) -> None:
    """The quick range's link says "the last 7 days", not the first day it had when the page
    was drawn: a bookmarked 过去一周 (or its Atom feed) still means the past week next month."""
    week = _ranges(client, "q=电网")["过去一周"]
    assert week["url"] == "/search?q=%E7%94%B5%E7%BD%91&within=7d"
    start = (TODAY - dt.timedelta(days=7)).isoformat()
    fixed = client.get(f"/api/search?q=电网&from={start}").get_json()
    rolling = client.get("/api/search?q=电网&within=7d").get_json()
    assert rolling["total"] == fixed["total"] == week["count"] == 2
    assert [h["id"] for h in rolling["hits"]] == [h["id"] for h in fixed["hits"]]
    feed = client.get("/search.atom?q=电网&within=7d")
    assert feed.status_code == 200 and feed.text.count("<entry>") == 2
    bad = client.get(f"/api/search?q=电网&within=7d&from={start}")
    assert bad.status_code == 400 and bad.get_json()["error"]["param"] == "within"


def test_range_counts_follow_the_other_filters(client: FlaskClient) -> None:
    ranges = _ranges(client, "q=电网&category=政策")  # ages 3, 200 and undated
    assert ranges["全部"]["count"] == 3
    assert ranges["过去一周"]["count"] == 1
    assert ranges["过去一年"]["count"] == 2


@pytest.mark.parametrize(
    ("start", "end", "label"),
    [
        (dt.date(2024, 1, 1), dt.date(2024, 12, 31), "2024年"),
        (dt.date(2024, 3, 1), dt.date(2024, 3, 31), "2024年3月"),
        (dt.date(2024, 2, 1), dt.date(2024, 2, 29), "2024年2月"),
        (dt.date(2024, 3, 5), dt.date(2024, 4, 1), "2024-03-05 至 2024-04-01"),
        (dt.date(2024, 3, 5), None, "2024-03-05 以后"),
        (None, dt.date(2024, 4, 1), "2024-04-01 以前"),
        (TODAY - dt.timedelta(days=30), None, "过去一个月"),
    ],
)
def test_date_chips_read_as_people_say_dates(
    start: dt.date | None, end: dt.date | None, label: str
) -> None:
    assert date_label(start, end, TODAY) == label


def test_reversed_dates_on_the_page_are_swapped_with_a_notice(client: FlaskClient) -> None:
    late, early = TODAY.isoformat(), (TODAY - dt.timedelta(days=25)).isoformat()
    response = client.get(f"/search?q=电网&category=技术&from={late}&to={early}")
    assert response.status_code == 200
    page = lxml_html.fromstring(response.text)
    assert "已将两者对调" in page.cssselect(".dates-notice")[0].text_content()
    assert page.cssselect("input#from")[0].get("value") == early
    assert page.cssselect("input#to")[0].get("value") == late
    chips = [c.text_content().strip() for c in page.cssselect("ul.chips a.chip")]
    assert chips[0].startswith("分类：技术")
    # 技术, 0 and 20 days back: both (two issues of the bulletin, 第0期 and 第2期, no longer
    # one group of near-duplicates: their headlines name different numbers)
    assert len(page.cssselect("li.hit")) == 2
    # The API is for programs: a reversed range stays an error naming the parameter.
    api = client.get(f"/api/search?q=电网&from={late}&to={early}")
    assert api.status_code == 400 and api.get_json()["error"]["param"] == "from"


def test_histogram_counts_are_printed_on_the_bars(client: FlaskClient) -> None:
    page = lxml_html.fromstring(client.get("/search?q=电网").text)
    bars = page.cssselect(".facet-published li.bar-item")
    shown = {
        b.cssselect("a.bar-link")[0].get("data-value"): b.cssselect(".bar-count")[0].text_content()
        for b in bars
        if b.cssselect("a.bar-link")
    }
    years: dict[str, int] = {}
    for age in AGES:
        if age is not None:
            year = str((TODAY - dt.timedelta(days=age)).year)
            years[year] = years.get(year, 0) + 1
    assert shown == {year: str(count) for year, count in years.items()}


def test_date_inputs_take_iso_dates_in_any_locale(client: FlaskClient) -> None:
    page = lxml_html.fromstring(client.get("/search?q=电网").text)
    for box in page.cssselect("form.date-form input[name=from], form.date-form input[name=to]"):
        assert box.get("type") == "text"  # a date input renders in the browser's locale
        assert box.get("placeholder") == "yyyy-mm-dd"
