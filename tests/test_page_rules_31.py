"""Rules for page reading found on the thirty-first round (sets 36–38 of the unseen layouts,
`tests/fixtures/blind-sites-36` … `-38`, opened this round), written as general forms. Each is
checked on our own small pages, read the way ``xinwen reindex`` does (`read_sources`).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from tests.pagetext import MORE, PROSE, read_one, records_by_name, write_page
from xinwen.index.bylines import parse_byline
from xinwen.index.sources import read_sources

HEADLINE = "岭东风电场三期工程首批机组并网"


def _prose(n: int) -> str:
    """Our own sentences, different on each page (lines on every page are the template's)."""
    return f"记者从有关部门获悉，今年以来全市新建充电桩{n}千余个，第{n}批项目基本实现乡镇全覆盖。"


def _html(headline: str, byline: str, n: int = 1) -> str:
    return (
        f'<html><head><meta charset="utf-8"><title>{headline}_岭东能源网</title></head><body>'
        f"<div class='nav'><a href='/'>首页</a> <a href='/xm/'>项目</a></div>"
        f"<h1>{headline}</h1><div class='info'>{byline}</div>"
        f"<div class='content'><p>{_prose(n)}</p><p>{MORE}第{n}期。</p></div></body></html>"
    )


@pytest.mark.parametrize("name", ["t20240304_1201876.html", "20240712-tingdian.html"])
def test_a_file_names_date_is_no_date_where_the_sites_pages_state_theirs(
    tmp_path: Path, name: str
) -> None:
    # A CMS names its files by date; its pages state their dates in their bylines. A page of
    # that site whose byline gives none is undated: its file name is not what it states.
    site = tmp_path / "site"
    write_page(
        site / "项目" / "t20240210_1100001.html",
        _html("岭东光伏电站开工", "发布时间：2024-02-11", 2),
    )
    write_page(
        site / "项目" / "t20240220_1100002.html", _html("岭东储能站投运", "发布时间：2024-02-21", 3)
    )
    write_page(site / "项目" / name, _html(HEADLINE, "来源：岭东日报"))
    records = records_by_name(site)
    assert records[name].published is None
    assert records[name].source == "岭东日报"
    assert records["t20240210_1100001.html"].published == dt.date(2024, 2, 11)
    # (read alone, the page is its own site, which states no date: its name dates it)
    assert read_one(site / "项目" / name).published is not None


def test_a_folder_of_date_named_notes_that_state_no_dates_is_dated_by_their_names(
    tmp_path: Path,
) -> None:
    # A user's own notes, named by the day they were written, none stating a date in its text:
    # the names are the dates, on purpose.
    notes = tmp_path / "notes"
    days = (("2023-05-12", "风电招标"), ("2023-06-02", "光伏组件"), ("2023-07-19", "储能"))
    for n, (day, topic) in enumerate(days, start=2):
        write_page(notes / f"{day} {topic}.txt", f"{topic}项目情况记录\n\n{_prose(n)}\n{MORE}\n")
    records = records_by_name(notes)
    assert records["2023-05-12 风电招标.txt"].published == dt.date(2023, 5, 12)
    assert records["2023-07-19 储能.txt"].published == dt.date(2023, 7, 19)


def test_inspect_says_why_a_date_named_page_is_undated(tmp_path: Path) -> None:
    site = tmp_path / "site"
    write_page(site / "a" / "20240201_1.html", _html("岭东光伏电站开工", "发布时间：2024-02-01", 2))
    write_page(site / "a" / "20240302_2.html", _html(HEADLINE, "来源：岭东日报"))
    hows = {}
    list(read_sources([site], explain=lambda item, how: hows.setdefault(item.origin.path, how)))
    how = hows[str(site / "a" / "20240302_2.html")]
    assert how.date_from.startswith("none")
    assert "file name" in how.date_from  # (the reason, not a silent drop)
    json.dumps(how.date_from)


@pytest.mark.parametrize(
    "byline",
    [
        "2024年5月8日  分类：政策  阅读(412)  评论(0)",
        "2024年5月8日  栏目：动态  浏览（23）  评论（0）",
    ],
)
def test_a_dated_line_with_bracketed_counters_is_a_byline(tmp_path: Path, byline: str) -> None:
    # A blog theme's meta line: the date, its column, the readers and comments counted in
    # brackets. It dates the page (not the file name) and is no text.
    text = "\n".join(["岭东节能", "首页", "政策", "", HEADLINE, byline, PROSE, MORE])
    rec = read_one(write_page(tmp_path / "政策" / "2024-05-01-a.txt", text))
    assert rec.published == dt.date(2024, 5, 8)
    assert "阅读" not in rec.body and "浏览" not in rec.body
    # (a sentence of prose with a count in brackets is no byline)
    assert parse_byline("今年阅读(3)次以上的读者占四成，他们多是工程技术人员") is None


def test_an_app_frameworks_views_are_blocks(tmp_path: Path) -> None:
    # A cross-platform app's H5 page saved after it drew itself: its boxes are <x-view>
    # elements, its texts <x-text>, its navigation bar's title the page's <title> (详情). Read
    # as blocks, the headline, the source-classed name, the text and the related list fall
    # apart as on any page.
    def view(cls: str, inner: str) -> str:
        return f'<app-view data-v-1a2b class="{cls}">{inner}</app-view>'

    def text(inner: str, cls: str = "") -> str:
        return f'<app-text data-v-1a2b class="{cls}"><span>{inner}</span></app-text>'

    body = "".join(
        [
            view("nav-title", "详情"),
            view("title", text(HEADLINE)),
            view("info", text("岭东研究院", "src") + text("2024-06-12", "time") + text("18阅读")),
            view("body", view("p", text(_prose(4))) + view("p", text(MORE))),
            view("bar", "<app-button>👍 点赞 58</app-button><app-button>分享给好友</app-button>"),
            view("more", view("hd", text("相关资讯")) + view("item", text("岭东储能站投运"))),
        ]
    )
    page = f'<html><head><meta charset="utf-8"><title>详情</title></head><body>{body}</body></html>'
    rec = read_one(write_page(tmp_path / "项目" / "detail_1.html", page))
    assert rec.title == HEADLINE
    assert rec.source == "岭东研究院"
    assert rec.published == dt.date(2024, 6, 12)
    assert rec.body.startswith("记者从")
    assert "分享给好友" not in rec.body and "相关资讯" not in rec.body and "点赞" not in rec.body


def test_a_journals_spaced_field_labels_are_no_headline(tmp_path: Path) -> None:
    # A journal system's table of fields, labels spaced to one width (作　者：, 栏　目：): the
    # section's name in 栏　目：X is no repeat that confirms the menu's X as the headline, and
    # 作　者：X is an author line by the headline, no bar of links.
    def page(n: int, headline: str, section: str) -> str:
        return "\n".join(
            [
                "首页",
                "期刊介绍",
                "政策观察",
                "工程纪实",
                "当前位置：首页 >> 政策观察 >> 正文",
                headline,
                "作　者：\t本刊记者 周某",
                "栏　目：\t" + section,
                _prose(n),
                MORE,
            ]
        )

    site = tmp_path / "journal"
    write_page(site / "政策" / "a.txt", page(2, HEADLINE, "政策观察"))
    write_page(site / "项目" / "b.txt", page(3, "岭东储能电站二期工程投运", "工程纪实"))
    write_page(
        site / "政策" / "c.txt", page(4, "分时电价调整后企业削峰填谷还有多大空间", "政策观察")
    )
    records = records_by_name(site)
    assert records["a.txt"].title == HEADLINE
    assert records["b.txt"].title == "岭东储能电站二期工程投运"
    assert "栏" not in records["a.txt"].body and "作" not in records["a.txt"].body[:2]


def test_a_journals_name_before_the_headline_in_its_title_is_no_part_of_it(tmp_path: Path) -> None:
    # A journal's <title>: 《刊名》 glued before the headline. The page shows the headline
    # without it: that is the title. (A headline that starts with a quoted name, shown whole
    # on the page, keeps it.)
    for name, shown in (("a.html", HEADLINE), ("b.html", "《储能电站安全规范》团体标准发布")):
        page = (
            f'<html><head><meta charset="utf-8"><title>《岭东能源》{shown}</title></head><body>'
            f"<div class='nav'>首页 期刊介绍</div><h2>{shown}</h2>"
            "<div>作者：本刊记者　发布时间：2024-04-15</div>"
            f"<div class='content'><p>{PROSE}</p><p>{MORE}</p></div></body></html>"
        )
        assert read_one(write_page(tmp_path / name, page)).title == shown
    whole = "《储能电站安全规范》团体标准发布"
    page = (
        f'<html><head><meta charset="utf-8"><title>{whole}</title></head><body><h2>{whole}</h2>'
        f"<div>发布时间：2024-04-15</div><p>{PROSE}</p><p>{MORE}</p></body></html>"
    )
    assert read_one(write_page(tmp_path / "c.html", page)).title == whole


def test_a_journals_paywall_prompt_is_no_text(tmp_path: Path) -> None:
    text = "\n".join(
        [
            HEADLINE,
            "发布时间：2024-05-20",
            PROSE,
            "以下内容为付费内容，订阅本刊电子版或登录后阅读全文",
            "立即订阅 登录",
        ]
    )
    rec = read_one(write_page(tmp_path / "a.txt", text))
    assert rec.body == PROSE


def _consultancy_page(n: int, headline: str, credit: str, others: list[str]) -> str:
    # A consultancy's site saved as text: its menu, its crumb, the headline and its credit,
    # tags, the text, its previous and next posts (other pages' headlines), a newsletter box.
    return "\n".join(
        [
            "跳到正文",
            "主导航",
            "首页",
            "服务",
            "洞察",
            "首页 / 洞察 / 观点",
            headline,
            credit,
            "观点",
            _prose(n),
            MORE,
            f"上一篇：{others[0]}",
            f"下一篇：{others[1]}",
            "更多洞察",
            *others,
            "订阅岭东周报",
            "每周一封，汇总碳市场政策与价格动态。",
            "版权所有 © 2024 岭东碳资产管理咨询有限公司",
        ]
    )


def test_a_headline_over_a_source_that_names_no_one_is_the_headline(tmp_path: Path) -> None:
    # 来源：网络 names no one, but it is a byline under the headline all the same: the headline
    # (which other pages list as their previous or next post) is the line over it, not the
    # text's first sentence.
    heads = [HEADLINE, "岭东储能电站二期工程投运", "碳价突破百元之后控排企业怎么办"]
    site = tmp_path / "site"
    credits = ["来源：网络", "来源：岭东研究部", "来源：岭东研究部"]
    for n, (head, credit) in enumerate(zip(heads, credits, strict=True)):
        others = [h for h in heads if h != head]
        write_page(site / "观点" / f"{n}.txt", _consultancy_page(n + 2, head, credit, others))
    records = records_by_name(site)
    assert records["0.txt"].title == HEADLINE
    assert records["1.txt"].title == heads[1]


def test_a_newsletters_call_to_subscribe_names_no_site(tmp_path: Path) -> None:
    # 订阅X周报 on every page ends like a paper's name, but it is the box's call to the reader:
    # a page without a source is credited to the name its copyright line gives.
    heads = ["岭东风电场三期工程首批机组投产", "岭东储能电站二期工程投运", "碳价突破百元之后怎么办"]
    site = tmp_path / "site"
    for n, head in enumerate(heads):
        others = [h for h in heads if h != head]
        page = _consultancy_page(n + 2, head, "2024-05-0{n}".replace("{n}", str(n + 1)), others)
        write_page(site / "观点" / f"{n}.txt", page)
    for record in records_by_name(site).values():
        assert record.source != "订阅岭东周报"
        assert record.source == "岭东碳资产管理咨询有限公司"


@pytest.mark.parametrize(
    "credit", ["供稿：党群工作部", "（供稿单位：工程管理部）", "本文刊登于《岭东电力》2019年第12期"]
)
def test_a_credit_alone_under_the_text_is_no_text(tmp_path: Path, credit: str) -> None:
    # The department that supplied the article, or the journal issue it was printed in, on a
    # line of its own under the text: a credit, as 责任编辑：X is.
    text = "\n".join(
        [
            HEADLINE,
            "日期：2015-12-03    来源：岭东日报    作者：记者 王某",
            "字号：大 中 小",
            "",
            "“刚开始建的时候，村里人心里没底。”家住风电场五公里外的牧民老许说。",
            PROSE,
            MORE,
            "",
            credit,
            "分享到：微信 微博 QQ空间",
            "上一篇：岭东储能站投运",
        ]
    )
    rec = read_one(write_page(tmp_path / "a.txt", text))
    assert rec.body.endswith(f"{PROSE}\n{MORE}")
    assert rec.source == "岭东日报"


def test_the_headers_site_name_again_under_the_headline_is_no_headline(tmp_path: Path) -> None:
    # A portal's saved text: its name heads the page, and stands again under the headline as
    # its publisher line. The headline is the line over it.
    text = "\n".join(
        [
            "岭东能源网",
            "首页",
            "光伏",
            "风电",
            "当前位置： 首页 / 项目",
            "",
            HEADLINE,
            "岭东能源网",
            "分享到：微信 微博 QQ空间",
            "",
            _prose(5),
            MORE,
        ]
    )
    assert read_one(write_page(tmp_path / "项目" / "31877.txt", text)).title == HEADLINE


def test_a_headline_joining_two_places_by_a_dash_is_whole(tmp_path: Path) -> None:
    # 南山—白河220千伏线路…: the <title> split at the dash as at a site name's; the page shows
    # the headline whole.
    head = "岭东—白河220千伏线路工程全线贯通"
    page = (
        f'<html><head><meta charset="utf-8"><title>{head}_工程动态_岭东输变电</title></head>'
        f"<body><div class='tc'><font class='f5'>{head}</font><br>"
        "<font class='f3'>作者：admin　添加日期：2024-04-19</font></div>"
        f"<p>{PROSE}</p><p>{MORE}</p></body></html>"
    )
    assert read_one(write_page(tmp_path / "a.html", page)).title == head


def test_a_sentence_telling_of_people_scanning_a_code_is_text(tmp_path: Path) -> None:
    told = "滨河花园等三个小区已试点由供电企业统一建设，居民扫码即可充电。"
    text = "\n".join([HEADLINE, "2023-11-02", PROSE, told, MORE, "扫码关注我们，获取更多资讯。"])
    rec = read_one(write_page(tmp_path / "a.txt", text))
    assert told in rec.body
    assert "关注我们" not in rec.body


def test_an_undated_app_page_takes_no_date_from_its_box_of_more_articles(tmp_path: Path) -> None:
    # An app page's meta line gives the source and the readers counted, no date; under the
    # text a box of more articles (class="more"), each with its time. The page is undated,
    # and its meta line is no text.
    head = "冬季充电慢？这份低温充电指南请收好"
    more = "".join(
        f'<div class="more-item"><span class="more-title">{t}</span>'
        f'<span class="more-time">{d}</span></div>'
        for t, d in (("岭东储能站投运", "2024-10-18"), ("岭东光伏电站开工", "2024-09-01"))
    )
    page = (
        f'<html><head><meta charset="utf-8"><title>{head}</title></head><body>'
        f'<div class="article-title"><span>{head}</span></div>'
        '<div class="article-info"><span class="src">岭东客服中心</span> '
        '<span class="views">2055阅读</span></div>'
        f'<div class="article-body"><p>{PROSE}</p><p>{MORE}</p></div>'
        f'<div class="more"><div class="more-hd"><span>相关资讯</span></div>{more}</div>'
        "</body></html>"
    )
    rec = read_one(write_page(tmp_path / "detail_5603.html", page))
    assert rec.published is None
    assert rec.title == head
    assert rec.source == "岭东客服中心"
    assert rec.body == f"{PROSE}\n{MORE}"


def test_an_office_and_a_section_by_the_byline_are_no_headline(tmp_path: Path) -> None:
    # An association's text saves: the headline (which other pages list as related), the
    # office that wrote it alone on a line, the date, the section the breadcrumb passes
    # through. Every page lists the others' headlines, so all of them are the template's lines.
    heads = [
        "联盟参与起草的储能电站安全管理团体标准正式发布",
        "岭东首座百兆瓦级液流电池储能电站完成并网调试",
        "构网型储能技术沙龙第十二期在岭东举行",
    ]
    site = tmp_path / "assoc"
    for n, head in enumerate(heads):
        text = "\n".join(
            [
                "岭东储能产业联盟",
                "首页",
                "政策解读",
                "项目动态",
                "当前位置：首页 > 资讯中心 > 政策解读 > 正文",
                head,
                "联盟秘书处",
                f"2024-06-2{n} 10:11",
                "政策解读",
                _prose(n + 2),
                MORE,
                "相关文章",
                *[h for h in heads if h != head],
            ]
        )
        write_page(site / "政策" / f"{n}.txt", text)
    records = records_by_name(site)
    assert [records[f"{n}.txt"].title for n in range(3)] == heads


def test_a_journals_publisher_in_the_copyright_line_names_the_journal(tmp_path: Path) -> None:
    # A journal's site: its copyright holder is the publisher named for it, 《X》杂志社. A page
    # that credits no source is the journal's.
    text = "\n".join(
        [
            HEADLINE,
            "发布时间：2024-10-10",
            PROSE,
            MORE,
            "版权所有 © 《岭东能源》杂志社 京ICP备09023737号-1",
        ]
    )
    assert read_one(write_page(tmp_path / "brief.txt", text)).source == "岭东能源"
