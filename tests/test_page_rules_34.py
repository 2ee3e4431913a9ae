"""Rules for page reading found on the thirty-fourth round (sets 44, 45 and 46 of the unseen
layouts, `tests/fixtures/blind-sites-44`, `-45` and `-46`, opened this round), written as
general forms. Each is checked on our own small pages, read the way ``xinwen reindex`` does
(`read_sources`).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.pagetext import MORE, PROSE, read_one, records_by_name, write_page

HEADLINE = "岭东风电场三期工程首批机组并网"


@pytest.mark.parametrize(
    ("box", "end"),
    [
        ("<section id='related-posts'><article class='related-post'>", "</article></section>"),
        ("<div class='recommend-box'><div class='item'>", "</div></div>"),
        ("<div class='post-related'><div>", "</div></div>"),
    ],
)
def test_a_related_posts_box_with_times_does_not_date_the_page(
    tmp_path: Path, box: str, end: str
) -> None:
    # A theme's related posts under the text, each a block (no list) with its <time datetime>:
    # those are the other posts' dates. The page's own date is printed in its meta line.
    page = (
        f'<html><head><meta charset="utf-8"><title>{HEADLINE} – 岭东新能源</title></head><body>'
        f"<article class='post'><h1 class='entry-title'>{HEADLINE}</h1>"
        "<p class='meta'><span class='meta-date'>发布：2024年6月12日</span></p>"
        f"<div class='entry-content'><p>{PROSE}</p><p>{MORE}</p></div></article>"
        f"{box}<h3><a href='/a/'>岭西光伏电站开工</a></h3>"
        "<time class='published' datetime='2023-10-02T09:00:00+08:00'>2023年10月2日</time>"
        f"{end}</body></html>"
    )
    rec = read_one(write_page(tmp_path / "项目" / "lingdong-sanqi.html", page))
    assert rec.title == HEADLINE
    assert rec.published == dt.date(2024, 6, 12)


def test_a_time_in_the_article_still_dates_it(tmp_path: Path) -> None:
    # (the rule is the box's class: a post's own <time> in its header keeps dating it, also
    # in a wrapper whose class says relative, Bootstrap's position-relative)
    page = (
        f'<html><head><meta charset="utf-8"><title>{HEADLINE}</title></head><body>'
        f"<div class='content-area position-relative'><article class='post'><h1>{HEADLINE}</h1>"
        "<time datetime='2024-06-12T08:00:00+08:00'>3天前</time>"
        f"<p>{PROSE}</p><p>{MORE}</p></article></div></body></html>"
    )
    rec = read_one(write_page(tmp_path / "项目" / "lingdong-sanqi.html", page))
    assert rec.published == dt.date(2024, 6, 12)


@pytest.mark.parametrize(
    "mark",
    [
        "git-revision-date-localized-plugin git-revision-date-localized-plugin-date",
        "last-updated",
        "date-modified",
    ],
)
def test_a_date_marked_as_the_last_change_does_not_date_the_page(tmp_path: Path, mark: str) -> None:
    # A documentation site's post (MkDocs Material) that prints no date of its own: under the
    # text, its file's last change, the label only in an icon's tooltip. Not its publication.
    page = (
        f'<html><head><meta charset="utf-8"><title>{HEADLINE} - 岭东咨询</title></head><body>'
        f"<article class='md-content__inner'><h1>{HEADLINE}</h1><p>{PROSE}</p><p>{MORE}</p>"
        "<aside class='md-source-file'><span class='md-source-file__fact'>"
        "<span class='md-icon' title='最后更新'></span>"
        f"<span class='{mark}'>2024年5月20日</span></span></aside></article></body></html>"
    )
    rec = read_one(write_page(tmp_path / "政策" / "faq.html", page))
    assert rec.title == HEADLINE
    assert rec.published is None
    assert PROSE in rec.body


@pytest.mark.parametrize("office", ["《岭东能源研究》编辑部", "《岭东能源研究》杂志社"])
def test_a_journals_office_under_its_logo_is_the_journals_site(tmp_path: Path, office: str) -> None:
    # A journal's site names its editorial office in the <title> and the footer, its logo the
    # journal: a notice that names no source is the journal's, as a company's page is its
    # brand's (the office stays where a byline names it: 来源：编辑部).
    page = (
        f'<html><head><meta charset="utf-8"><title>{HEADLINE}——{office}</title></head><body>'
        "<div class='header'><div class='logo'><img src='logo.png' alt='岭东能源研究'></div></div>"
        f"<div class='news'><h1>{HEADLINE}</h1><p>发布日期：2024-05-03</p>"
        f"<p>{PROSE}</p><p>{MORE}</p></div>"
        f"<div class='footer'><p>版权所有 © {office}　陕ICP备05007***号</p></div></body></html>"
    )
    rec = read_one(write_page(tmp_path / "项目" / "news_20240503.html", page))
    assert rec.title == HEADLINE
    assert rec.source == "岭东能源研究"


@pytest.mark.parametrize("author", ["作者 岭东新能源", "作者 王海 李娜", "撰文 王海"])
def test_an_author_field_set_apart_by_a_space_is_no_headline(tmp_path: Path, author: str) -> None:
    # A theme's page copied as text: the menu, the headline, then the author's field with its
    # label set apart by a space only (作者 X), no date. It is the byline's place, not a
    # headline nor text.
    menu = ["跳至内容", "首页", "产品中心", "新闻资讯", "联系我们", "新闻资讯", "技术"]
    footer = ["分享：", "相关文章", "Copyright © 2024 岭东新能源 版权所有"]
    for n, other in enumerate(["岭西光伏电站开工", "岭北储能电站投运", "岭南充电站建成"]):
        byline = f"发布于 2024年5月{n + 10}日 作者 岭东新能源"
        page = [*menu, other, byline, f"据介绍，{other}，项目总投资{n + 3}亿元。", *footer]
        write_page(tmp_path / "技术" / f"other{n}.txt", "\n".join(page) + "\n")
    text = "\n".join([*menu, HEADLINE, author, PROSE, MORE, *footer])
    write_page(tmp_path / "技术" / "sanqi.txt", text + "\n")
    rec = records_by_name(tmp_path)["sanqi.txt"]
    assert rec.title == HEADLINE
    assert author not in rec.body
    assert PROSE in rec.body


@pytest.mark.parametrize(
    "crumb", ["当前位置：首页 > 工程建设 > 正文", "首页 / 资讯中心 / 工程动态"]
)
def test_a_subtitle_between_the_headline_and_its_byline_is_no_headline(
    tmp_path: Path, crumb: str
) -> None:
    # A CMS's page copied as text: the breadcrumb, the headline, its subtitle (no dash), then
    # the byline. The line right over the byline is the subtitle; the headline is above it.
    subtitle = "全场42台风机全部接入升压站，年发电量可达三亿千瓦时"
    text = "\n".join(
        [
            "岭东新能源",
            "首页",
            "新闻中心",
            crumb,
            HEADLINE,
            subtitle,
            "发布时间：2024-05-18 | 信息来源：工程部 | 阅读量：3267",
            PROSE,
            MORE,
        ]
    )
    rec = read_one(write_page(tmp_path / "项目" / "Detail_5031.txt", text + "\n"))
    assert rec.title == HEADLINE
    assert rec.published == dt.date(2024, 5, 18)


def test_a_subtitle_in_a_table_layout_is_no_headline(tmp_path: Path) -> None:
    # The same in an old table layout whose <title> is the site's name only.
    page = (
        '<html><head><meta charset="utf-8"><title>岭东县农电局</title></head><body><table>'
        "<tr><td class='wz'>您现在的位置：<a href='/'>首页</a> → <a href='#'>电网建设</a> → 正文"
        f"</td></tr><tr><td class='bt'><strong>{HEADLINE}</strong></td></tr>"
        "<tr><td class='fbt'>全场42台风机全部接入升压站，年发电量可达三亿千瓦时</td></tr>"
        "<tr><td class='xx'>发布日期：2008年10月15日　来源：生产技术股</td></tr>"
        f"<tr><td>{PROSE}<br>{MORE}</td></tr></table></body></html>"
    )
    rec = read_one(write_page(tmp_path / "项目" / "XM0810.htm", page))
    assert rec.title == HEADLINE


@pytest.mark.parametrize(
    ("line", "source"),
    [
        ("来源：组委会编辑部", "组委会编辑部"),
        ("来源：集团编辑部 | 编辑：张三", "集团编辑部"),
        ("发布时间：2024-05-01 来源：岭东能源杂志编辑部 阅读：30", "岭东能源杂志编辑部"),
        # (the editor's field glued to the source still ends it)
        ("来源：新华社编辑：张三", "新华社"),
    ],
)
def test_an_editorial_office_as_source_is_named_whole(
    tmp_path: Path, line: str, source: str
) -> None:
    # 编辑 ends a source run into the editor's field (来源：X编辑：Y); 编辑部 is an office's name.
    page = (
        f'<html><head><meta charset="utf-8"><title>{HEADLINE}</title></head><body>'
        f"<article><h1>{HEADLINE}</h1><p>{PROSE}</p><p>{MORE}</p>"
        f"<p><strong>{line}</strong></p></article></body></html>"
    )
    rec = read_one(write_page(tmp_path / "行业资讯" / "grid.html", page))
    assert rec.source == source


def test_a_column_menu_under_the_breadcrumb_is_no_headline_over_a_subtitle(
    tmp_path: Path,
) -> None:
    # (not every line between the breadcrumb and the headline is a headline over its subtitle:
    # the column's menu, its items run together, names the column the breadcrumb passes)
    text = "\n".join(
        [
            "岭东新能源",
            "您现在的位置：首页 > 资讯中心 > 政策法规 > 正文",
            "政策法规项目动态科技装备市场动态",
            HEADLINE,
            "发布时间：2024/05/18 16:40:12   信息来源：工程部   阅读量：3109",
            PROSE,
            MORE,
        ]
    )
    rec = read_one(write_page(tmp_path / "政策" / "31866.txt", text + "\n"))
    assert rec.title == HEADLINE


@pytest.mark.parametrize("ask", ["您看完此新闻的心情是：", "读完这篇文章后，您心情如何？"])
def test_a_box_asking_the_readers_mood_is_no_text(tmp_path: Path, ask: str) -> None:
    # A CMS's box under the article asking how the reader feels, each mood with its count of
    # votes: the page's furniture, and the text ends before it (read alone, no site to learn).
    page = (
        f'<html><head><meta charset="utf-8"><title>{HEADLINE}</title></head><body>'
        f"<div class='content'><h1>{HEADLINE}</h1><p>发布时间：2024-05-18</p>"
        f"<p>{PROSE}</p><p>{MORE}</p></div>"
        f"<div class='markBox'><div class='markTitle'>{ask}</div><ul>"
        "<li>开心<br><span>0</span></li><li>感动<br><span>3</span></li>"
        "<li>无聊<br><span>0</span></li></ul></div></body></html>"
    )
    rec = read_one(write_page(tmp_path / "政策" / "news_1287.html", page))
    assert MORE in rec.body
    assert "心情" not in rec.body and "感动" not in rec.body


def test_an_icp_numbers_tail_is_no_site_name(tmp_path: Path) -> None:
    # A copyright line that names the site by its address only, then its ICP number: the
    # number's tail (45号-1) is no holder's name; the page read alone has no source to give.
    text = "\n".join(
        [
            HEADLINE,
            "发布时间：2024-05-18",
            PROSE,
            MORE,
            "Copyright © 2024 h2.lingdong.example.org 版权所有  京ICP备2024000045号-1",
        ]
    )
    rec = read_one(write_page(tmp_path / "政策" / "131.txt", text + "\n"))
    assert rec.title == HEADLINE
    assert "号" not in (rec.source or "")


@pytest.mark.parametrize(
    "credit",
    [
        "Powered by Grav + Quark",
        "Proudly powered by WordPress",
        "由 OceanWP 强力驱动",
        "岭东能源学院党委宣传部主办 地址：江苏省示例市学府路1号 邮编：210045",
    ],
)
def test_a_footers_software_credit_and_sponsor_line_are_no_text(
    tmp_path: Path, credit: str
) -> None:
    # The last line of a page copied as text, read alone (no site to learn its footer from).
    text = "\n".join([HEADLINE, "发布时间：2024-05-18", PROSE, MORE, credit])
    rec = read_one(write_page(tmp_path / "项目" / "sanqi.txt", text + "\n"))
    assert MORE in rec.body
    assert credit not in rec.body


def test_a_scrolling_banner_is_neither_headline_nor_text(tmp_path: Path) -> None:
    # An old table layout's scrolling notice (<marquee>) over the side column and the article:
    # its sentence is no article's start, and the hot-news box under it does not end the text
    # before the article has begun.
    page = (
        '<html><head><meta charset="utf-8"><title>岭东煤矿新闻网</title></head><body><table>'
        "<tr><td><marquee scrollamount='3'>热烈庆祝我矿安全生产突破1500天！"
        "坚持安全第一、预防为主的方针。</marquee></td></tr>"
        "<tr><td width='200'><b>热点新闻</b><br>·矿工会开展助学活动<br>·综采队获标杆区队称号</td>"
        f"<td><table><tr><td class='title'><b>{HEADLINE}</b></td></tr>"
        "<tr><td>作者：admin 发布时间：2024-5-15 浏览：次</td></tr>"
        f"<tr><td>{PROSE}<br>{MORE}</td></tr></table></td></tr></table></body></html>"
    )
    rec = read_one(write_page(tmp_path / "项目" / "20240515084023.html", page))
    assert rec.title == HEADLINE
    assert PROSE in rec.body and MORE in rec.body
    assert "热烈庆祝" not in rec.body


def test_a_title_that_is_the_headline_alone_names_no_site(tmp_path: Path) -> None:
    # An old table layout without an <h1>, its <title> the headline alone, read alone: the
    # <title> names no site (the copyright line does).
    page = (
        f'<html><head><meta charset="utf-8"><title>{HEADLINE}</title></head><body><table>'
        "<tr><td>首 页 | 矿区概况 | 矿区要闻 | 政策法规 | 安全生产 | 在线留言</td></tr>"
        f"<tr><td class='title'><b>{HEADLINE}</b></td></tr>"
        "<tr><td>作者：admin 发布时间：2024-5-15 浏览：次</td></tr>"
        f"<tr><td>{PROSE}<br>{MORE}</td></tr>"
        "<tr><td>岭东煤矿新闻中心 版权所有 地址：内蒙古示例市岭东镇 邮编：017200</td></tr>"
        "</table></body></html>"
    )
    rec = read_one(write_page(tmp_path / "项目" / "20240515084023.html", page))
    assert rec.title == HEADLINE
    assert rec.source == "岭东煤矿新闻中心"


@pytest.mark.parametrize("above", ["公司新闻", "聚焦全国两会"])
def test_a_short_line_under_the_breadcrumb_is_no_headline_over_a_subtitle(
    tmp_path: Path, above: str
) -> None:
    # (a column's label under the breadcrumb, or a short kicker over the headline: the
    # headline is the longer line right over the byline, as before)
    text = "\n".join(
        [
            "岭东新能源",
            "当前位置：首页 > 新闻中心 > 正文",
            above,
            HEADLINE,
            "发布时间：2024-05-18 来源：工程部",
            PROSE,
            MORE,
        ]
    )
    rec = read_one(write_page(tmp_path / "项目" / "x.txt", text + "\n"))
    assert rec.title == HEADLINE


def test_a_labelled_update_date_still_dates_a_page_that_states_no_other(tmp_path: Path) -> None:
    # (the rule takes out a bare date its class marks as a change; a labelled one, 更新时间：X,
    # dates a page that states no other, as earlier rounds decided)
    page = (
        f'<html><head><meta charset="utf-8"><title>{HEADLINE}</title></head><body>'
        f"<div class='article'><h1>{HEADLINE}</h1>"
        "<p class='info'><span class='last-updated'>更新时间：2024-05-20</span></p>"
        f"<p>{PROSE}</p><p>{MORE}</p></div></body></html>"
    )
    rec = read_one(write_page(tmp_path / "政策" / "faq.html", page))
    assert rec.published == dt.date(2024, 5, 20)
