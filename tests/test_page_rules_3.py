"""Rules for page reading found on the third round (set 2 of the unseen layouts,
`tests/fixtures/blind-sites-2`, opened this round): an unlabelled source element in the meta
line, and a portal's ``news`` channel. Each is checked on our own small pages, read the way
``xinwen reindex`` does (`read_sources`).
"""

from __future__ import annotations

from pathlib import Path

from tests.pagetext import MORE, PROSE, read_one
from xinwen.index.records import Record
from xinwen.index.sources import read_sources
from xinwen.index.sources.categories import folder_category


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
    # The same by other common spellings of its class or id; a "resource" link is not one.
    for attrs in ('class="a_source"', 'id="article-source"', 'class="articleSource"'):
        path.write_text(
            page(f'<div class="info"><span>2023-11-03</span><span {attrs}>滨江日报</span></div>'),
            "utf-8",
        )
        assert read_one(path).source == "滨江日报", attrs
    path.write_text(
        page('<div class="info"><span>2023-11-03</span><a class="resource">下载附件</a></div>'),
        "utf-8",
    )
    assert read_one(path).source != "下载附件"


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


def test_a_double_hyphen_in_a_title_sets_the_site_name_apart(tmp_path: Path) -> None:
    # 站名--标题 where the headline begins with a figure: no stray hyphen on the headline.
    path = tmp_path / "a.htm"
    path.write_text(
        '<html><head><meta charset="utf-8"><title>滨江电力信息网--110千伏城南变电站投运'
        "</title></head><body><table><tr><td><b>110千伏城南变电站投运</b></td></tr>"
        "<tr><td>发布时间：2009-5-8</td></tr>"
        f"<tr><td>{PROSE}<br>{MORE}</td></tr></table></body></html>",
        "utf-8",
    )
    assert read_one(path).title == "110千伏城南变电站投运"


def test_a_county_media_centre_names_the_site(tmp_path: Path) -> None:
    # Its header names the centre first and its news site second; without a 来源 the source is
    # the centre, which the header names first.
    site = tmp_path / "site"
    site.mkdir()
    for n in range(3):
        (site / f"{n}.html").write_text(
            f'<html><head><meta charset="utf-8"><title>充电桩乡镇全覆盖第{n}期</title></head><body>'
            "<div class='top'><span>滨江县融媒体中心 · 滨江新闻网</span></div>"
            f"<h1>充电桩乡镇全覆盖第{n}期</h1><div class='info'><span>2023-05-2{n}</span>"
            f"<span>浏览量：{n}</span></div><p>第{n}期：{PROSE}</p><p>第{n}期：{MORE}</p>"
            "<div class='foot'><p>承办：滨江县融媒体中心</p></div></body></html>",
            "utf-8",
        )
    records = [r for r in read_sources([site]) if isinstance(r, Record)]
    assert len(records) == 3
    assert {r.source for r in records} == {"滨江县融媒体中心"}


def test_a_copyright_line_with_a_colon_names_the_site(tmp_path: Path) -> None:
    # A page saved as text, no 来源, no site name in its title: 版权所有：X in the footer.
    path = tmp_path / "a.txt"
    path.write_text(
        "充电桩乡镇全覆盖\nnengxue.example.org.cn\n\n充电桩乡镇全覆盖\n\n"
        "发布日期：2023-08-02  作者：王晨  浏览次数：\n\n"
        f"{PROSE}\n\n{MORE}\n\n上一篇：储能电站开工\n下一篇：风电项目签约\n\n"
        "版权所有：滨江能源学会  地址：滨江市某路1号  邮编：100000\n京ICP备12000000号-2\n",
        "utf-8",
    )
    assert read_one(path).source == "滨江能源学会"


def test_a_papers_name_beside_the_date_is_the_source(tmp_path: Path) -> None:
    # No label and no class: a paper's name as a field of the byline, before or after the date.
    path = tmp_path / "a.html"
    for meta in (
        "2023-05-12 10:00 | 滨江日报 | 作者：张三",
        "滨江日报 2023-05-12 10:00",
        "<span>2023-05-12</span><span>滨江日报</span><span>阅读 100</span>",
    ):
        path.write_text(page(f'<div class="meta">{meta}</div>'), "utf-8")
        record = read_one(path)
        assert record.source == "滨江日报", meta
        assert record.published is not None and record.published.isoformat() == "2023-05-12"
