"""Rules for page reading found on round 48b (set 73, `tests/fixtures/blind-sites-73`, opened
that round), written as general forms. Each is checked on our own small pages, read the way
``xinwen reindex`` does (`read_sources`).
"""

from __future__ import annotations

from pathlib import Path

from tests.pagetext import MORE, PROSE, read_one, records_by_name, write_page

PICKS = [
    "岭南县液流电池储能示范站并网",
    "岭南县出台分布式光伏接入细则",
    "岭南县农村电网改造提速",
    "岭南县首座加氢站开工",
]


def _picked_page(headline: str, desk: str, n: int) -> str:
    picks = "".join(f"<li><a href='#'>{h}</a></li>" for h in PICKS)
    return (
        f'<html><head><meta charset="utf-8"><title>{headline}-岭南能源</title></head><body>'
        "<div class='logo'>岭南能源</div><nav>首页 政策 项目 技术</nav>"
        f"<article><h1>{headline}</h1><div class='info'><span>{desk}</span>"
        f"<span>{300 + n}</span></div>"
        f"<div class='text'><p>{n + 1}月{n + 3}日，{PROSE}</p><p>截至{n + 5}日，{MORE}</p></div>"
        "</article>"
        f"<aside><h3>为您推荐</h3><ul>{picks}</ul></aside>"
        "<footer>关于我们 | 联系我们 | Copyright © 2024 岭南能源</footer></body></html>"
    )


def test_a_headline_the_sites_picks_list_names_on_every_page_is_still_the_headline(
    tmp_path: Path,
) -> None:
    # A site lists a few picked articles (为您推荐) on every page, this page among them. Its
    # headline, over a meta line that states no date nor 来源 (a desk's name, a view count), is
    # then a line of every page, as is its entry in the list under the text: the list's entry
    # looked as good, and the page was read from there on, its text taken for chrome above
    # the headline. A headline comes before its text: the copy after it is the list's.
    desks = ["规划科", "项目科", "电网科", "能源科"]
    for n, (headline, desk) in enumerate(zip(PICKS, desks, strict=True)):
        write_page(tmp_path / "技术" / f"{n + 1}.html", _picked_page(headline, desk, n))
    rec = records_by_name(tmp_path)["1.html"]
    assert rec.title == PICKS[0]
    assert f"1月3日，{PROSE}" in rec.body and f"截至5日，{MORE}" in rec.body


def test_the_newest_date_in_a_side_box_titled_by_a_plain_block_does_not_date_the_page(
    tmp_path: Path,
) -> None:
    # A site builder's side module: its title a plain <div> (最新资讯), not a heading tag, over
    # a list of links each with its date in a "date" span. The page itself prints no date:
    # the box's first date is the newest article's, not this page's.
    entries = "".join(
        f"<div class='item'><a href='#'>{h}</a><span class='item-date'>2024-06-0{n + 1}</span>"
        "</div>"
        for n, h in enumerate(PICKS)
    )
    page = (
        '<html><head><meta charset="utf-8"><title>岭南县储能电站通过验收-岭南能源</title></head>'
        "<body><div class='logo'>岭南能源</div><nav>首页 政策 项目 技术</nav>"
        "<div class='main'><h1>岭南县储能电站通过验收</h1><div class='info'>来源：规划科</div>"
        f"<div class='text'><p>{PROSE}</p><p>{MORE}</p></div></div>"
        f"<div class='col-b'><div class='m316'><div class='m-hd'>最新资讯</div>"
        f"<div class='m-bd'>{entries}</div></div></div>"
        "<footer>关于我们 | 联系我们 | Copyright © 2024 岭南能源</footer></body></html>"
    )
    rec = read_one(write_page(tmp_path / "政策" / "n31.html", page))
    assert rec.title == "岭南县储能电站通过验收"
    assert rec.published is None


def test_a_columns_tabs_under_the_breadcrumb_do_not_hide_the_headline_over_its_deck(
    tmp_path: Path,
) -> None:
    # A browser's copy of a company's news page: the breadcrumb, then the section's tabs run
    # together on one line (its columns' names, this page's column first), then the headline,
    # its deck (two phrases set apart by a space) and the byline. The deck, right over the
    # byline, was taken for the headline: the tabs stand where the breadcrumb's line is read
    # as the start of the headline's block, as they do on the page.
    text = "\n".join(
        [
            "岭南能源 首页 关于我们 新闻资讯 联系我们",
            "您的位置：首页 > 新闻资讯 > 项目动态",
            "项目动态行业资讯通知公告",
            "岭南县液流电池储能示范站并网投运",
            "储能时长四小时 晚高峰供电更有保障",
            "发布时间：2024-05-24 来源：工程管理部",
            f"5月23日，{PROSE}",
            MORE,
            "上一篇：岭南县首座加氢站开工",
            "Copyright © 2024 岭南能源",
        ]
    )
    rec = read_one(write_page(tmp_path / "项目动态" / "88.txt", text + "\n"))
    assert rec.title == "岭南县液流电池储能示范站并网投运"
    assert f"5月23日，{PROSE}" in rec.body
