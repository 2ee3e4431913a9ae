"""Rules for page reading found on the third round (set 2 of the unseen layouts,
`tests/fixtures/blind-sites-2`, opened this round): an unlabelled source element in the meta
line, and a portal's ``news`` channel. Each is checked on our own small pages, read the way
``xinwen reindex`` does (`read_sources`).
"""

from __future__ import annotations

from pathlib import Path

from xinwen.index.records import Record
from xinwen.index.sources import read_sources
from xinwen.index.sources.categories import folder_category

PROSE = "记者从有关部门获悉，今年以来全市新建充电桩两千余个，基本实现乡镇全覆盖。"
MORE = "下一步，有关部门将继续推进老旧小区充电设施改造，方便居民夜间充电。"


def read_one(path: Path) -> Record:
    [record] = read_sources([path])
    assert isinstance(record, Record), record
    return record


def page(meta_line: str, related: str = "") -> str:
    return (
        '<html><head><meta charset="utf-8"><title>充电桩乡镇全覆盖_滨江新闻_滨江网</title>'
        "</head><body><div class='logo'>滨江网</div><h1>充电桩乡镇全覆盖</h1>"
        f"{meta_line}<div class='article'><p>{PROSE}</p><p>{MORE}</p></div>"
        f"{related}<div class='foot'>版权所有 滨江网</div></body></html>"
    )


def test_a_source_link_beside_the_date_is_the_source(tmp_path: Path) -> None:
    # A portal's meta line: date and a bare link to the source, no 来源 label.
    path = tmp_path / "a.shtml"
    path.write_text(
        page(
            '<div class="date-source"><span class="date">2023年11月03日 10:22</span>'
            '<a href="https://x.example.com/" class="source ent-source">滨江日报</a></div>'
        ),
        "utf-8",
    )
    record = read_one(path)
    assert record.source == "滨江日报"
    assert record.published is not None and record.published.isoformat() == "2023-11-03"


def test_a_mobile_pages_source_span_is_the_source(tmp_path: Path) -> None:
    # A mobile page's meta line: time, source and reads as spans; even without the time.
    path = tmp_path / "a.html"
    for time in ('<span class="time">2023-08-10 08:30</span>', ""):
        path.write_text(
            page(
                f'<div class="art-meta">{time}<span class="src">能源报</span>'
                '<span class="read">阅读 1150</span></div>'
            ),
            "utf-8",
        )
        assert read_one(path).source == "能源报"
    # Related articles list their own sources: not the page's.
    related = (
        "<ul class='related'><li><a href='/1.html'>光伏治沙成效初显</a>"
        "<span class='src'>新能源周刊</span></li></ul>"
    )
    path.write_text(page('<div class="info"><span>2023-08-10</span></div>', related), "utf-8")
    assert read_one(path).source != "新能源周刊"


def test_news_beside_other_channels_is_a_channel(tmp_path: Path) -> None:
    site = tmp_path / "portal"
    for channel in ("news", "finance", "tech"):
        (site / channel / "2023-12-20").mkdir(parents=True)
    path = site / "news" / "2023-12-20" / "doc-1.shtml"
    assert folder_category(str(path), str(site)) == "news"
    # alone, news is a crawl's container, not a category
    lone = tmp_path / "crawl" / "news" / "2023-12-20"
    lone.mkdir(parents=True)
    assert folder_category(str(lone / "doc-1.shtml"), str(tmp_path / "crawl")) is None
