"""Rules for page reading found on the twenty-ninth round (sets 32 and 34 of the unseen
layouts, `tests/fixtures/blind-sites-32` and `-34`, opened this round), written as general
forms. Each is checked on our own small pages, read the way ``xinwen reindex`` does
(`read_sources`).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.pagetext import MORE, PROSE, read_one, write_page

HEADLINE = "南岭储能电站二期工程全面开工"
BEFORE = "风电场检修季：南岭风电如何保障出力？"
AFTER = "南岭储能公司举办安全生产月启动仪式——兼谈班组安全文化"
HOT = "南岭光伏电站年发电量创新高"


@pytest.mark.parametrize("pager", [[f"‹ {BEFORE}", f"{AFTER} ›"], [f"« {BEFORE}    {AFTER} »"]])
def test_a_pager_between_guillemets_is_chrome(tmp_path: Path, pager: list[str]) -> None:
    # A blog's pager saved as text, one title a line, the previous led by a guillemet and the
    # next closed by one (‹ X / Y ›), or both on one line: other pages' titles, and the lists
    # under it are too.
    text = "\n".join(
        [
            "南岭储能观察",
            "首页 | 动态 | 项目 | 技术 | 关于",
            "",
            HEADLINE,
            "2024-05-06  林晓",
            "",
            PROSE,
            MORE,
            "",
            *pager,
            "",
            "热门文章",
            HOT,
            "南岭抽水蓄能电站机组调试",
        ]
    )
    rec = read_one(write_page(tmp_path / "项目" / "erqi.txt", text))
    assert rec.title == HEADLINE
    assert rec.published == dt.date(2024, 5, 6)
    assert PROSE in rec.body and MORE in rec.body
    for other in (BEFORE, AFTER, HOT):
        assert other not in rec.body


def test_a_pager_between_guillemets_in_a_page_is_chrome(tmp_path: Path) -> None:
    page = (
        f'<html><head><meta charset="utf-8"><title>{HEADLINE}</title></head><body>'
        f"<article><h1>{HEADLINE}</h1><p class='meta'>2024-05-06</p>"
        f"<div class='content'><p>{PROSE}</p><p>{MORE}</p></div>"
        f"<nav><p><a href='/1.html'>« {BEFORE}</a></p><p><a href='/3.html'>{AFTER} »</a></p>"
        "</nav></article></body></html>"
    )
    rec = read_one(write_page(tmp_path / "news" / "2.html", page))
    assert rec.title == HEADLINE
    assert PROSE in rec.body
    assert BEFORE not in rec.body and AFTER not in rec.body


@pytest.mark.parametrize("meta", ["项目  林晓", "林晓 | 项目", "项目 · 南岭储能观察编辑部"])
def test_a_section_and_an_author_mark_the_headline_of_a_saved_text(
    tmp_path: Path, meta: str
) -> None:
    # A blog's meta line under the headline of an undated post: the section (one of the menu's
    # items) and the author's name, nothing else. It is the byline, the line over it the
    # headline; the page stays undated.
    text = "\n".join(
        [
            "南岭储能观察",
            "记录储能行业的变化",
            "首页 | 动态 | 项目 | 技术 | 关于",
            "",
            HEADLINE,
            meta,
            "",
            PROSE,
            "",
            MORE,
        ]
    )
    rec = read_one(write_page(tmp_path / "项目" / "erqi.txt", text))
    assert rec.title == HEADLINE
    assert rec.published is None
    assert PROSE in rec.body


def test_a_source_label_set_apart_by_a_space_names_the_source(tmp_path: Path) -> None:
    # A theme prints the source's label in its own box, no colon, the value after a space
    # (稿件来源 南方电力报): the stated source, not the site.
    page = (
        '<html><head><meta charset="utf-8"><title>'
        f"{HEADLINE} - 南岭能源网</title></head><body><div class='logo'>南岭能源网</div>"
        f"<h1>{HEADLINE}</h1><div class='meta'>2024-05-06</div>"
        f"<div class='content'><p>{PROSE}</p><p>{MORE}</p></div>"
        "<div class='src'><span>稿件来源</span> 南方电力报</div>"
        "<footer>© 2024 南岭能源网 版权所有</footer></body></html>"
    )
    rec = read_one(write_page(tmp_path / "项目" / "2024-05-erqi.html", page))
    assert rec.title == HEADLINE
    assert rec.source == "南方电力报"
    assert rec.published == dt.date(2024, 5, 6)


def test_a_link_closed_by_a_guillemet_in_the_text_does_not_end_it(tmp_path: Path) -> None:
    # A link in the middle of the text may end with a guillemet (公示详见 »): the text goes on
    # after it, unlike after a pager led by one.
    text = "\n".join(
        [
            "南岭能源网",
            "首页 | 动态 | 项目 | 技术",
            "",
            HEADLINE,
            "2024-05-06  来源：南岭日报",
            "",
            PROSE,
            "项目环评公示详见 »",
            MORE,
            "",
            "© 2024 南岭能源网",
        ]
    )
    rec = read_one(write_page(tmp_path / "项目" / "b.txt", text))
    assert PROSE in rec.body and MORE in rec.body


@pytest.mark.parametrize("meta", ["2024-05-06  来源 南方电力报", "作者 林晓  来源 南方电力报"])
def test_a_source_label_set_apart_by_a_space_after_other_fields(tmp_path: Path, meta: str) -> None:
    # The same label after the date or the author on the meta line of a saved text.
    text = "\n".join(["南岭能源网", "", HEADLINE, meta, "", PROSE, "", MORE])
    rec = read_one(write_page(tmp_path / "项目" / "erqi.txt", text))
    assert rec.title == HEADLINE
    assert rec.source == "南方电力报"
    assert PROSE in rec.body


@pytest.mark.parametrize("label", ["索 引 号：", "索引号："])
def test_a_disclosures_index_number_line_is_no_headline_nor_text(
    tmp_path: Path, label: str
) -> None:
    # A government site's page saved as text: under the headline, the disclosure's fields,
    # its own index number first (each page has its own, so no template takes it out).
    text = "\n".join(
        [
            "南岭县能源局",
            "首页 机构概况 工作动态 政策文件 通知公告",
            "当前位置：首页 > 工作动态",
            "",
            HEADLINE,
            f"{label}001122334455/2024-00871\t发布机构：南岭县能源局",
            "信息来源：南岭县能源局 浏览次数：12",
            "",
            PROSE,
            MORE,
        ]
    )
    rec = read_one(write_page(tmp_path / "工作动态" / "erqi.txt", text))
    assert rec.title == HEADLINE
    assert PROSE in rec.body and MORE in rec.body
    assert "001122334455" not in rec.body


def test_a_breadcrumb_with_icon_separators_names_the_section_of_a_page_read_alone(
    tmp_path: Path,
) -> None:
    # A theme draws the breadcrumb's separators as icons (<i class="bread-sep">), so its text
    # runs 首页 项目 标题 with nothing between: its items are still a trail, the section the
    # category of a page read alone.
    page = (
        f'<html><head><meta charset="utf-8"><title>{HEADLINE} - 南岭能源网</title></head><body>'
        "<div class='post-crumbs'><span><a href='/'>首页</a></span> <i class='icon bread-sep'>"
        "</i> <span><a href='/category/xiangmu/'>项目</a></span> <i class='icon bread-sep'></i>"
        f" <span>{HEADLINE}</span></div>"
        f"<article><h1>{HEADLINE}</h1><div class='meta'>2024-05-06</div>"
        f"<div class='content'><p>{PROSE}</p><p>{MORE}</p></div></article></body></html>"
    )
    rec = read_one(write_page(tmp_path / "2024-05-erqi.html", page))
    assert rec.title == HEADLINE
    assert rec.category == "项目"
    assert PROSE in rec.body
