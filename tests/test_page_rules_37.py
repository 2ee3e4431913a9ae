"""Rules for page reading found on the thirty-seventh round (sets 53 and 54 of the unseen
layouts, `tests/fixtures/blind-sites-53` and `-54`, opened this round), written as general
forms. Each is checked on our own small pages, read the way ``xinwen reindex`` does
(`read_sources`).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.pagetext import MORE, PROSE, read_one, write_page
from xinwen.index.bodytext import set_apart_deck

HEADLINE = "岭南县储能电站一期工程投产"


@pytest.mark.parametrize(
    "meta",
    [
        "2024-05-20 09:36:12\u3000来源：岭南县能源局\u3000点击：",
        "\u3000点击：",
    ],
)
def test_the_meta_line_inside_the_h1_is_no_part_of_the_headline(tmp_path: Path, meta: str) -> None:
    # A portal CMS prints the date, 来源 and a hit counter in a <span> inside the <h1>: the
    # line the page shows is the headline with its meta line glued after it.
    page = (
        f'<html><head><meta charset="utf-8"><title>{HEADLINE} - 项目 - 岭南能源网</title>'
        "</head><body><div class='nav'>首页 | 政策 | 项目 | 技术</div>"
        f"<h1>{HEADLINE}<span>{meta}<span id='hits'></span></span></h1>"
        f"<div class='content'><p>5月18日，{PROSE}</p><p>{MORE}</p></div>"
        "<div class='foot'>关于我们 | 联系我们 | 网站地图</div></body></html>"
    )
    rec = read_one(write_page(tmp_path / "项目" / "show-13-2201-1.html", page))
    assert rec.title == HEADLINE


def test_a_view_count_glued_after_the_source_is_not_the_sources(tmp_path: Path) -> None:
    # A text copy of a company theme's meta line: the date, the column, 来源：X and the view
    # count, its digits right after the source's name (X电厂201 次浏览).
    text = "\n".join(
        [
            "首页",
            "新闻中心",
            "当前位置：首页 » 新闻中心 » 项目 » 正文",
            HEADLINE,
            "2024年05月09日项目来源：岭南水电厂201 次浏览",
            f"5月8日，{PROSE}",
            MORE,
            "上一篇：岭南县光伏项目开工",
            "Copyright © 2024 岭南水电开发有限公司 版权所有",
        ]
    )
    rec = read_one(write_page(tmp_path / "项目" / "1270.txt", text + "\n"))
    assert rec.source == "岭南水电厂"


def _decked_page(deck: str, where: str) -> str:
    # A CMS's article: the headline, its meta line, a summary box set apart from the element
    # that holds the text, above it ("above"), or in the header under the headline.
    head = f"<h1>{HEADLINE}</h1>"
    meta = "<div class='info'>2024-05-20 来源：岭南日报</div>"
    box = f"<div class='lead-box'>{deck}</div>"
    text = f"<div class='text'><p>5月18日，{PROSE}</p><p>{MORE}</p><p>{PROSE}</p></div>"
    article = (
        f"<header>{head}{box}{meta}</header>{text}"
        if where == "header"
        else f"{head}{meta}{box}{text}"
    )
    return (
        f'<html><head><meta charset="utf-8"><title>{HEADLINE}_岭南能源网</title></head><body>'
        "<div class='nav'>首页 | 政策 | 项目 | 技术</div>"
        f"<div class='main'>{article}</div>"
        "<div class='foot'>关于我们 | 联系我们 | 网站地图</div></body></html>"
    )


@pytest.mark.parametrize(
    ("deck", "where"),
    [
        ("一期工程装机10万千瓦，可满足全县高峰时段调峰需要。", "above"),
    ],
)
def test_a_summary_set_apart_above_the_text_is_not_the_text(
    tmp_path: Path, deck: str, where: str
) -> None:
    rec = read_one(write_page(tmp_path / "项目" / "201.html", _decked_page(deck, where)))
    assert rec.title == HEADLINE
    assert "调峰需要" not in rec.body
    assert rec.body.startswith("5月18日，")


def test_a_lead_set_apart_above_the_text_stays() -> None:
    # (a 导语 box holding the dateline's lead, 5月17日，…: the text's first paragraph)
    lead = "5月17日，岭南县储能电站一期工程正式投产，可满足全县高峰时段调峰需要。"
    decks = ("".join(lead.split()),)
    assert set_apart_deck([lead, PROSE, MORE], decks) is None
    assert set_apart_deck([lead[5:], PROSE, MORE], (lead[5:],)) == 0
    # (nor a labelled one, which earlier rounds' rules judge: 摘要：X)
    assert set_apart_deck(["摘要：" + lead[5:], PROSE, MORE], ("摘要：" + lead[5:],)) is None


@pytest.mark.parametrize(
    "credit", ["文/林晓\u3000图/周南\u3000编辑：何川", "图文：工程部\u3000陈立"]
)
def test_a_line_of_credits_under_the_text_is_not_the_text(tmp_path: Path, credit: str) -> None:
    # The writer's, the photographer's and the editor's credits, slashes and a colon mixed, or
    # a credit for words and pictures alone (图文：X), closing the text.
    text = "\n".join(
        [
            "首页",
            "新闻中心",
            "当前位置：首页 > 新闻中心 > 项目",
            HEADLINE,
            "发布时间：2024-05-09 来源：岭南日报",
            f"5月8日，{PROSE}",
            *[f"其{n}，{PROSE}" for n in "一二三四五六"],
            MORE,
            credit,
            "上一篇：岭南县光伏项目开工",
            "Copyright © 2024 岭南能源网 版权所有",
        ]
    )
    rec = read_one(write_page(tmp_path / "项目" / "1271.txt", text + "\n"))
    assert rec.body.endswith(MORE)


def test_a_list_that_a_paragraph_introduces_is_the_texts(tmp_path: Path) -> None:
    # A portal's article in a table cell: a paragraph ending with a colon, a numbered list of
    # clauses closed by ；, then the text goes on. The list's items are the text's.
    items = [
        "每月对储能电池簇进行一次容量标定；",
        "每季度对消防系统开展联动试验，异常时加密至每周一次；",
        "每年汛前对站区排水设施进行全面检查。",
    ]
    page = (
        f'<html><head><meta charset="utf-8"><title>{HEADLINE} - 技术 - 岭南能源网</title>'
        "</head><body><div class='nav'>首页 | 政策 | 项目 | 技术</div>"
        f"<div class='h'><h1>{HEADLINE}</h1>"
        "<p class='xg1'>2024-6-5 10:18 | 来自: 岭南日报</p></div>"
        "<div class='d'><table><tr><td id='content'>"
        f"<p>5月18日，{PROSE}</p><p>具体做法包括：</p>"
        "<ol>" + "".join(f"<li>{item}</li>" for item in items) + "</ol>"
        f"<p>{MORE}</p><p>{PROSE}</p></td></tr></table></div>"
        "<div class='foot'>关于我们 | 联系我们 | 网站地图</div></body></html>"
    )
    rec = read_one(write_page(tmp_path / "技术" / "article-2201-1.html", page))
    for item in items:
        assert item in rec.body


def test_the_time_a_forum_served_the_page_is_not_its_date(tmp_path: Path) -> None:
    # A forum portal's undated page (a call for authors): its footer prints the time the
    # page was served, GMT+8, 2024-6-6 21:37, which is no publication date.
    page = (
        f'<html><head><meta charset="utf-8"><title>{HEADLINE} - 岭南能源论坛</title>'
        "</head><body><div id='nv'>门户 | 论坛 | 家园</div>"
        f"<div class='h'><h1>{HEADLINE}</h1></div>"
        f"<div class='d'><p>{PROSE}</p><p>{MORE}</p></div>"
        "<div id='ft'><p>Archiver | 手机版 | 岭南能源论坛</p>"
        "<p class='xs0'>GMT+8, 2024-6-6 21:37<span>, Processed in 0.05 second(s)</span></p>"
        "</div></body></html>"
    )
    rec = read_one(write_page(tmp_path / "专题" / "topic-2024.html", page))
    assert rec.published is None


def test_an_attachments_file_name_under_the_text_is_not_the_text(tmp_path: Path) -> None:
    # A notice's attachment link, 附件：X名单.xls: a file to download, not the text.
    text = "\n".join(
        [
            "首页",
            "通知公告",
            "当前位置：首页 > 通知公告",
            "关于公布2024年度第一批达标储能电站名单的通知",
            "发布时间：2024-05-20 来源：岭南县能源局",
            f"5月8日，{PROSE}",
            *[f"其{n}，{PROSE}" for n in "一二三"],
            "名单详见附件。",
            "附件：2024年度第一批达标储能电站名单.xls",
            "Copyright © 2024 岭南能源网 版权所有",
        ]
    )
    rec = read_one(write_page(tmp_path / "通知公告" / "1201.txt", text + "\n"))
    assert rec.body.endswith("名单详见附件。")
