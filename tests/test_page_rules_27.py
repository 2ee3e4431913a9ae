"""Rules for page reading found on the twenty-seventh round (set 30 of the unseen layouts,
`tests/fixtures/blind-sites-30`, opened this round), written as general forms. Each is checked
on our own small pages, read the way ``xinwen reindex`` does (`read_sources`).

Shared documents (企业微信's 微文档, 飞书 wiki, 钉钉 pages) are pages without a site's chrome:
the platform's bar on top, the organisation named only in a share bar or a wiki space's name,
the date in a ``最近修改`` line or in the signature under the text.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.pagetext import MORE, PROSE, read_one, records_by_name, write_page

COMPANY = "南溪县供电公司"
NOTICE = "关于南溪县城区10千伏线路检修停电的通知"


def _wedoc(headline: str, modified: str, signed: str) -> str:
    """A notice shared from a document platform: its bar names the platform, its share bar
    the company and its department, an information line the creator and the last edit."""
    return (
        f'<html><head><meta charset="utf-8"><title>{headline}</title></head><body>'
        '<div class="topbar"><span class="logo">企业微信 · 文档</span>'
        f"<span>来自 {COMPANY} · 办公室 的分享</span><a>在企业微信中打开</a><a>登录</a></div>"
        f"<h1>{headline}</h1><div class='info'><span>创建者：办公室 李某</span>"
        f"<span>最近修改：{modified}</span><span>56人查看过</span></div>"
        f"<div class='content'><p>{PROSE}</p><p>{MORE}</p>"
        f"<p>{COMPANY}</p><p>{signed}</p></div>"
        "<div class='foot'>该文档内容由用户创建，企业微信仅提供技术服务</div></body></html>"
    )


def test_a_shared_notice_is_the_company_that_shared_it(tmp_path: Path) -> None:
    # The platform's bar (企业微信 · 文档) names the host, not the notice's owner; the share bar
    # names the company (and its department, after a dot); the creator's line is chrome.
    page = _wedoc(NOTICE, "3月5日 10:12", "2024年3月5日")
    rec = read_one(write_page(tmp_path / "doc-w3_Ab12.html", page))
    assert rec.source == COMPANY
    assert rec.published == dt.date(2024, 3, 5)
    assert "创建者" not in rec.body
    assert PROSE in rec.body


@pytest.mark.parametrize("modified", ["昨天 16:20", "3天前", "今天 10:12", "3月5日 10:12"])
def test_a_shared_notices_relative_edit_time_does_not_date_it(
    tmp_path: Path, modified: str
) -> None:
    # 最近修改：昨天 (or a day without its year) is no date; with no signature date the notice
    # stays undated.
    rec = read_one(write_page(tmp_path / "doc-w3_Cd34.html", _wedoc(NOTICE, modified, "")))
    assert rec.published is None
    assert rec.source == COMPANY


def test_a_shared_notices_full_edit_date_dates_it(tmp_path: Path) -> None:
    # (the information line is chrome, but a full date in it is the page's date all the same)
    page = _wedoc(NOTICE, "2024年3月5日 10:12", "")
    rec = read_one(write_page(tmp_path / "doc-w3_Gh78.html", page))
    assert rec.published == dt.date(2024, 3, 5)
    assert "创建者" not in rec.body


LONG_NOTICE = "关于2025年度南溪县农村电网巩固提升工程施工期间用户配合事项的告知书"


@pytest.mark.parametrize("headline", [NOTICE, LONG_NOTICE], ids=["short", "long"])
def test_a_shared_notice_saved_as_text_reads_as_a_page(tmp_path: Path, headline: str) -> None:
    # The same notice saved from the browser as text: the platform's bar is its first line,
    # which is neither the headline nor a plain article's title; nor is the share bar under
    # it (来自 X · 办公室 的分享 在企业微信中打开), however long the headline below.
    text = "\n".join(
        [
            "企业微信 · 文档",
            f"来自 {COMPANY} · 办公室 的分享   在企业微信中打开   登录",
            "",
            headline,
            "创建者：办公室 李某   最近修改：3月5日 10:12   56人查看过",
            "",
            "各乡镇、各有关单位：",
            PROSE,
            MORE,
            COMPANY,
            "2024年3月5日",
            "",
            "该文档内容由用户创建，企业微信仅提供技术服务  举报  帮助",
        ]
    )
    rec = read_one(write_page(tmp_path / "doc-w3_Ef56.txt", text))
    assert rec.title == headline
    assert rec.published == dt.date(2024, 3, 5)
    assert rec.source == COMPANY
    assert "创建者" not in rec.body


WIKI = "东岭风电"
WIKI_PAGES = {
    "wikcnA1.html": ("东岭风电场一期技改项目通过验收", "2024年5月8日 10:20"),
    "wikcnB2.html": ("东岭风电场开展冬季防覆冰演练", "2024年11月2日 09:05"),
    "wikcnC3.html": ("东岭风电场叶片巡检经验交流", "昨天 17:42"),
}


def _wiki(headline: str, modified: str) -> str:
    """A page of an organisation's wiki on 飞书: the platform's name ends the <title>, the
    space's name (X知识库) heads the page, the tree of its pages at the side."""
    tree = "".join(f"<div class='tree-node'>{h}</div>" for h, _ in WIKI_PAGES.values())
    return (
        f'<html><head><meta charset="utf-8"><title>{headline} - 飞书云文档</title></head><body>'
        f"<div class='header'><div class='space'>{WIKI}知识库</div>"
        f"<div class='crumb'>{WIKI}知识库 / 新闻 / {headline}</div>"
        "<button>使用飞书打开</button><button>登录</button></div>"
        f"<div class='sidebar'><div>目录</div>{tree}</div>"
        f"<h1>{headline}</h1><div class='info'><span>{WIKI} 综合部</span>"
        f"<span>最近修改：{modified}</span></div>"
        f"<div class='doc'><p>截至{modified}，{PROSE}</p><p>{MORE}</p></div>"
        "<div class='help'>帮助中心 快捷键 飞书 — 先进企业协作与管理平台</div></body></html>"
    )


def test_a_wiki_page_is_the_organisation_its_space_is_named_for(tmp_path: Path) -> None:
    # 飞书云文档 at the <title>'s end is the platform's name; the space (东岭风电知识库) is the
    # organisation's. A 最近修改 line with a full date dates the page; 昨天 does not.
    for name, (headline, modified) in WIKI_PAGES.items():
        write_page(tmp_path / name, _wiki(headline, modified))
    records = records_by_name(tmp_path)
    assert {r.source for r in records.values()} == {WIKI}
    assert records["wikcnA1.html"].published == dt.date(2024, 5, 8)
    assert records["wikcnC3.html"].published is None
    assert records["wikcnC3.html"].title == "东岭风电场叶片巡检经验交流"


def test_a_wiki_page_saved_as_text_reads_as_a_page(tmp_path: Path) -> None:
    text = "\n".join(
        [
            f"{WIKI}知识库",
            f"{WIKI}知识库 / 新闻 / 东岭风电场一期技改项目通过验收",
            "使用飞书打开 登录",
            "目录",
            *(h for h, _ in WIKI_PAGES.values()),
            "",
            "东岭风电场一期技改项目通过验收",
            f"{WIKI} 综合部   最近修改：2024年5月8日 10:20",
            "",
            PROSE,
            MORE,
            "",
            "帮助中心 快捷键 飞书 — 先进企业协作与管理平台",
        ]
    )
    rec = read_one(write_page(tmp_path / "项目" / "wikcnD4.txt", text))
    assert rec.title == "东岭风电场一期技改项目通过验收"
    assert rec.published == dt.date(2024, 5, 8)
    assert rec.source == WIKI


STATION = "南溪水电站"
LATEST = (
    f"{STATION}2号机组检修顺利完工",
    f"{STATION}上半年发电量创新高",
    "关于汛期下游河段禁止游泳的公告",
)


def _station_page(headline: str, day: int, title: str) -> str:
    """An old static site's page with a side list of the latest items, the first starting
    with the site's name."""
    latest = "".join(f"<tr><td><a href='#'>{item}</a></td></tr>" for item in LATEST)
    return (
        f'<html><head><meta charset="utf-8"><title>{title}</title></head><body>'
        f"<table><tr><td><img src='banner.jpg' alt='{STATION}'></td></tr></table>"
        f"<table><tr><td><table><tr><td><b>最新信息</b></td></tr>{latest}</table></td><td>"
        f"<p>当前位置：首页 &gt;&gt; 公司新闻</p><p align='center'><b>{headline}</b></p>"
        f"<p align='center'>发布日期：2024年6月{day}日</p><p>6月{day}日消息，{PROSE}</p>"
        f"<p>6月{day}日，{MORE}</p>"
        f"</td></tr></table><p>版权所有：{STATION}</p></body></html>"
    )


def test_a_title_of_the_sites_name_and_section_names_no_headline(tmp_path: Path) -> None:
    # Some pages' <title> is the headline and the site's name (标题--南溪水电站), others' only
    # the site's name and the section (南溪水电站--公司新闻): that name, which the site's pages
    # agree on, is no headline cut short, and the side list's first item, which starts with
    # it, is not the headline.
    headlines = (
        "主汛期来临 南溪水电站全面做好防汛准备",
        "电站参观须知",
        "南溪水电站开展增殖放流活动",
        "南溪水电站举办安全生产月活动",
        "南溪水电站组织防汛应急演练",
        "南溪水电站完成大坝安全定检",
    )
    for day, headline in enumerate(headlines, start=3):
        title = f"{STATION}--公司新闻" if day < 5 else f"{headline}--{STATION}"
        write_page(tmp_path / f"news06{day:02}.htm", _station_page(headline, day, title))
    records = records_by_name(tmp_path)
    assert sorted(r.title for r in records.values()) == sorted(headlines)


def test_a_blog_themes_byline_with_its_column_and_counters(tmp_path: Path) -> None:
    # A page saved as text from a WordPress theme: the date, the column it was posted in and
    # its counters on one line (2024-09-12 · 发布在项目 阅读 986 评论 0) are its byline.
    text = "\n".join(
        [
            "首页 产品中心 解决方案 新闻资讯 关于我们",
            "登录 注册",
            "首页 新闻资讯 项目 正文",
            "南溪储能亮相储能国际峰会暨展览会",
            "南溪小编",
            "2024-09-12 · 发布在项目    阅读 986  评论 0",
            PROSE,
            MORE,
            "THE END",
            "Copyright © 2024 · 南溪储能 · 苏ICP备2022000001号-1",
        ]
    )
    rec = read_one(write_page(tmp_path / "项目" / "3201.txt", text))
    assert rec.title == "南溪储能亮相储能国际峰会暨展览会"
    assert rec.published == dt.date(2024, 9, 12)


def test_a_sentence_about_a_talk_is_no_share_bar(tmp_path: Path) -> None:
    # (来自X的分享 in the text, the talk it reports, is not a platform's share bar: the site,
    # which its markup and its logo name, stays the source)
    page = (
        '<html><head><meta charset="utf-8"><title>储能安全讲座纪要 - 南溪能源网</title>'
        '<meta property="og:site_name" content="南溪能源网"></head><body>'
        "<div class='logo'><img src='/logo.png' alt='南溪能源网'></div>"
        "<h1>储能安全讲座纪要</h1><div class='meta'>2024-04-18</div>"
        f"<div class='content'><p>以下内容来自专家的分享</p><p>{PROSE}</p><p>{MORE}</p></div>"
        "</body></html>"
    )
    rec = read_one(write_page(tmp_path / "8641.html", page))
    assert rec.source == "南溪能源网"
