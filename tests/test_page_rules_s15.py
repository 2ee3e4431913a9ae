"""Rules for page reading found on looking again at what unseen sites' pages (sets 70–77 of
`tests/fixtures/blind-sites-*`, at their first sight) got wrong: two general forms, each
checked on our own small pages, read the way ``xinwen reindex`` does (`read_sources`).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.pagetext import MORE, PROSE, read_one, write_page

_SIDE_BOXES = {
    # a company site's column of boxes, each entry a link and a <small> date
    "small": (
        "<div class='box'><h4>集团要闻</h4>"
        "<p><a href='/n/2392'>集团与港务公司签署燃料加注合作协议</a> <small>2024-06-03</small></p>"
        "<p><a href='/n/2388'>集团召开迎峰度夏保供工作部署会</a> <small>2024-05-24</small></p>"
        "</div>"
    ),
    # a portal's list of plain blocks, the date in brackets after each link
    "bracketed": (
        "<div class='col'>"
        "<div><a href='/a/71.html'>全省新型储能装机突破五百万千瓦</a>（2024-06-03）</div>"
        "<div><a href='/a/70.html'>两座抽水蓄能电站同日开工建设</a>（2024-05-30）</div>"
        "</div>"
    ),
    # a section of other articles under no heading at all, each date in a span of class "time"
    "time span": (
        "<section><div class='item'><a href='/x/9'>北港新区中压燃气管网二期开工</a>"
        "<span class='time'>2024-06-03</span></div>"
        "<div class='item'><a href='/x/8'>燃气用户安全检查百日行动启动</a>"
        "<span class='time'>2024-05-28</span></div></section>"
    ),
}


@pytest.mark.parametrize("box", list(_SIDE_BOXES))
def test_an_undated_page_is_not_dated_by_its_side_boxes_links(tmp_path: Path, box: str) -> None:
    # The page states no date; the only dates on it are those of the other articles it links
    # to, in a grid column whose class names no sidebar. htmldate (asked without its
    # extensive search) takes the first of them.
    page = (
        '<html><head><meta charset="utf-8"><title>老旧小区燃气管道改造首批项目完工</title></head>'
        f"<body><div class='col-md-3'>{_SIDE_BOXES[box]}</div>"
        "<div class='col-md-9'><h1>老旧小区燃气管道改造首批项目完工</h1>"
        f"<div class='content'><p>{PROSE}</p><p>{MORE}</p></div></div></body></html>"
    )
    rec = read_one(write_page(tmp_path / "2352.html", page))
    assert rec.title == "老旧小区燃气管道改造首批项目完工"
    assert rec.published is None


def test_a_dated_link_beside_its_source_keeps_the_pages_date(tmp_path: Path) -> None:
    # A page dated only in a <small> that also credits a linked source: not a list entry (the
    # block says 来源), so its date is the page's.
    page = (
        '<html><head><meta charset="utf-8"><title>煤电机组灵活性改造完成验收</title></head>'
        "<body><h1>煤电机组灵活性改造完成验收</h1>"
        "<p><small>来源：<a href='/'>南溪能源信息网站</a> 2024-04-18</small></p>"
        f"<div class='content'><p>{PROSE}</p><p>{MORE}</p></div></body></html>"
    )
    rec = read_one(write_page(tmp_path / "88.html", page))
    assert str(rec.published)[:10] == "2024-04-18"


@pytest.mark.parametrize("line", ["登录/注册", "登入 | 註冊", "请登录 免费注册", "会员登录"])
def test_a_platforms_account_links_are_not_article_text(tmp_path: Path, line: str) -> None:
    # A post saved as text from a content platform whose sticky bar of account links landed
    # between two paragraphs: a phrase search for 登录注册 must not find every post.
    page = write_page(
        tmp_path / "p_690233518.txt",
        f"一条35千伏线路的退役\n发布时间：2024-06-22  来源：碳中和笔记\n{PROSE}\n{line}\n{MORE}\n",
    )
    rec = read_one(page)
    assert rec.title == "一条35千伏线路的退役"
    assert rec.body == f"{PROSE}\n{MORE}"
