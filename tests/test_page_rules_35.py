"""Rules for page reading found on the thirty-fifth round (sets 47 and 48 of the unseen
layouts, `tests/fixtures/blind-sites-47` and `-48`, opened this round), written as general
forms. Each is checked on our own small pages, read the way ``xinwen reindex`` does
(`read_sources`).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.pagetext import MORE, PROSE, read_one, records_by_name, write_page

HEADLINE = "岭东风电场三期工程首批机组并网"


def test_a_greeting_with_the_registered_name_does_not_lengthen_the_logos_name(
    tmp_path: Path,
) -> None:
    # A text page of a company's site: the greeting prints the registered name whole
    # (岭东风能开发有限公司), the logo its short name (岭东风能). The registered name less its
    # legal form (岭东风能开发) is printed nowhere on its own: the site goes by its logo's name.
    def page(headline: str, date: str, n: int) -> str:
        lines = [
            "欢迎访问岭东风能开发有限公司",
            "岭东风能",
            "首页",
            "新闻中心",
            "您的位置：首页 » 新闻中心 » 公司新闻",
            headline,
            f"日期：{date}   作者：admin   阅读：308",
            f"{n}月{n + 2}日，{PROSE}",
            f"截至{n}日，{MORE}",
            "关于我们 | 联系我们 | 网站地图",
            "Copyright © 岭东风能开发有限公司 版权所有",
        ]
        return "\n".join(lines) + "\n"

    write_page(tmp_path / "公司新闻" / "news_2130.txt", page(HEADLINE, "2024/6/5", 5))
    write_page(
        tmp_path / "公司新闻" / "news_2131.txt", page("岭东风电场开展安全生产月活动", "2024/6/9", 6)
    )
    write_page(
        tmp_path / "公司新闻" / "news_2132.txt",
        page("岭西光伏电站首批组件完成安装", "2024/6/12", 7),
    )
    rec = records_by_name(tmp_path)["news_2130.txt"]
    assert rec.title == HEADLINE
    assert rec.source == "岭东风能"


def _subsite_page(top: str) -> str:
    # A county's 站群 CMS: every page's <meta name="SiteName"> names the county's portal; the
    # subsite's <title> and header name the office whose site it is; the footer names the
    # bureau that sponsors it and no source line credits the article.
    return (
        '<html><head><meta charset="utf-8"><meta name="SiteName" content="岭东县人民政府">'
        f"<title>{HEADLINE}_项目_岭东县新能源办</title></head><body>"
        f"<div class='top-bar'>{top} 无障碍浏览</div>"
        "<div class='logo'><img src='/images/guohui.png' alt=''><span>岭东县新能源办</span>"
        "<em>岭东县发展和改革局（新能源服务中心）</em></div>"
        "<ul class='nav'><li><a href='/'>首页</a></li><li><a href='/xm/'>项目</a></li>"
        "<li><a href='/zc/'>政策</a></li></ul>"
        "<div class='crumb'>您当前的位置：<a href='/'>首页</a> &gt; <a href='/xm/'>项目</a></div>"
        f"<h1>{HEADLINE}</h1><div class='property'>浏览次数：<span>1</span></div>"
        f"<div class='conTxt'><p>{PROSE}</p><p>{MORE}</p></div>"
        "<div class='footer'><p>主办单位：岭东县发展和改革局　联系电话：0854-7321506</p></div>"
        "</body></html>"
    )


def test_a_subsites_own_name_over_its_group_portals_meta(tmp_path: Path) -> None:
    rec = read_one(write_page(tmp_path / "项目" / "t20240402_901377.html", _subsite_page("")))
    assert rec.title == HEADLINE
    assert rec.source == "岭东县新能源办"


def test_a_group_portals_meta_printed_on_the_page_stays(tmp_path: Path) -> None:
    # (the portal's name in the top bar: the page is the portal's, as the markup says)
    page = _subsite_page("<a href='/'>岭东县人民政府</a>")
    rec = read_one(write_page(tmp_path / "项目" / "t20240402_901377.html", page))
    assert rec.source != "岭东县新能源办"


def _blog_post(slug: str, headline: str, meta: str, n: int) -> str:
    return (
        f'<html><head><meta charset="utf-8"><title>{headline} – 岭东核电装备</title>'
        f'<link rel="canonical" href="https://www.lingdong.example.com/2024/04/{n:02d}/{slug}/">'
        f"</head><body><header><p class='site-title'>岭东核电装备</p></header>"
        f"<article class='post'><h1 class='entry-title'>{headline}</h1>{meta}"
        f"<div class='entry-content'><p>{n}日，{PROSE}</p><p>{MORE}</p></div></article>"
        "<footer>© 2024 岭东核电装备</footer></body></html>"
    )


def test_a_permalinks_date_does_not_date_a_page_of_a_site_that_states_dates(
    tmp_path: Path,
) -> None:
    # A WordPress site: its posts print their dates, but one post's meta line is left out. Its
    # permalink's folders (/2024/04/19/) are the address's date, not one the page states.
    for n, headline in ((9, "岭西光伏电站首批组件完成安装"), (12, "岭东风电场开展安全生产月活动")):
        stamp = f"2024-04-{n:02d}T09:00:00+08:00"
        meta = f"<time class='entry-date' datetime='{stamp}'>2024年4月{n}日</time>"
        write_page(tmp_path / "项目" / f"post-{n}.html", _blog_post(f"post-{n}", headline, meta, n))
    write_page(tmp_path / "项目" / "post-320.html", _blog_post("post-320", HEADLINE, "", 19))
    records = records_by_name(tmp_path)
    assert records["post-9.html"].published == dt.date(2024, 4, 9)
    assert records["post-320.html"].title == HEADLINE
    assert records["post-320.html"].published is None


def test_a_permalinks_date_dates_a_page_read_alone(tmp_path: Path) -> None:
    # (as earlier rounds decided: where no page of its site states a date, the address's does)
    page = _blog_post("post-320", HEADLINE, "", 19)
    rec = read_one(write_page(tmp_path / "项目" / "post-320.html", page))
    assert rec.published == dt.date(2024, 4, 19)


def test_a_byline_of_short_labelled_fields_is_no_menu(tmp_path: Path) -> None:
    # An undated byline of three short fields set apart by | (来源：X | 作者：admin | 浏览：次,
    # its counter a script left empty) has the shape of a menu bar (政策|项目|技术), but its
    # fields are labelled: it credits the article.
    page = (
        f'<html><head><meta charset="utf-8"><title>{HEADLINE}-项目-岭东新能源公交</title></head>'
        "<body><div class='position'>您的位置：<a href='/'>首页</a> &gt; 项目</div>"
        f"<div class='article'><h1>{HEADLINE}</h1>"
        "<div class='info'>来源：运营管理部 | 作者：admin | 浏览：<span id='hits'></span>次</div>"
        f"<div class='content'><p>{PROSE}</p><p>{MORE}</p></div></div>"
        "<div class='foot'>网站首页|走进岭东|新闻资讯|联系我们</div></body></html>"
    )
    rec = read_one(write_page(tmp_path / "项目" / "322.html", page))
    assert rec.title == HEADLINE
    assert rec.source == "运营管理部"
    assert "网站首页" not in rec.body


def test_a_permalinks_date_that_the_file_name_gives_too_still_dates_the_page(
    tmp_path: Path,
) -> None:
    # (as earlier rounds decided, set 11: a page saved as 2024-04-19-x.html at /2024/04/19/x/,
    # the file's name and its address agreeing, keeps the date)
    for n, headline in ((9, "岭西光伏电站首批组件完成安装"), (12, "岭东风电场开展安全生产月活动")):
        stamp = f"2024-04-{n:02d}T09:00:00+08:00"
        meta = f"<time class='entry-date' datetime='{stamp}'>2024年4月{n}日</time>"
        write_page(tmp_path / "项目" / f"post-{n}.html", _blog_post(f"post-{n}", headline, meta, n))
    page = _blog_post("sanqi", HEADLINE, "", 19)
    write_page(tmp_path / "项目" / "2024-04-19-sanqi.html", page)
    assert records_by_name(tmp_path)["2024-04-19-sanqi.html"].published == dt.date(2024, 4, 19)


KICKER = "聚焦新型电力系统建设 全力保障迎峰度夏"
SUBTITLE = "全场42台风机全部接入升压站，年发电量可达三亿千瓦时"
CRUMB = "当前位置：首页 > 本地新闻 > 正文"
DATELINE = "2024-05-18 08:30  来源：岭东日报  作者：张三"


@pytest.mark.parametrize(
    "head",
    [
        [KICKER, HEADLINE],
        ["引题：" + KICKER, HEADLINE],
        ["引题：聚焦新型电力系统建设全力保障迎峰度夏", HEADLINE],
        [KICKER, HEADLINE, SUBTITLE],
        [KICKER, HEADLINE, "——" + SUBTITLE],
        ["引题：" + KICKER, "标题：" + HEADLINE, "副题：" + SUBTITLE],
    ],
)
def test_a_newspapers_kicker_over_its_headline_is_no_headline(
    tmp_path: Path, head: list[str]
) -> None:
    # A newspaper's page copied as text: its 引题 (kicker) over the headline, labelled or
    # set apart by a space between its clauses, then perhaps a subtitle, then the byline.
    text = "\n".join(["岭东日报", CRUMB, *head, DATELINE, PROSE, MORE])
    rec = read_one(write_page(tmp_path / "本地" / "content_31240.txt", text + "\n"))
    assert rec.title == HEADLINE
    assert rec.published == dt.date(2024, 5, 18)


def test_a_kicker_in_plain_blocks_is_no_headline(tmp_path: Path) -> None:
    # (an HTML page without an <h1>: the kicker and the headline in plain <div>s)
    page = (
        f'<html><head><meta charset="utf-8"><title>{HEADLINE}_岭东日报</title></head><body>'
        f"<div class='crumb'>{CRUMB}</div><div>{KICKER}</div><div class='title'>{HEADLINE}</div>"
        f"<div class='info'>{DATELINE}</div><div class='content'><p>{PROSE}</p><p>{MORE}</p>"
        "</div></body></html>"
    )
    rec = read_one(write_page(tmp_path / "本地" / "content_31240.html", page))
    assert rec.title == HEADLINE


def test_a_headline_over_its_subtitle_still_reads_first(tmp_path: Path) -> None:
    # (round 34's shape stays: the headline, then its subtitle of clauses set apart by a comma)
    text = "\n".join(["岭东日报", CRUMB, HEADLINE, SUBTITLE, DATELINE, PROSE, MORE])
    rec = read_one(write_page(tmp_path / "本地" / "content_31240.txt", text + "\n"))
    assert rec.title == HEADLINE


@pytest.mark.parametrize("bar", ["联系我们 | 企业邮箱", "设为首页 | 加入收藏"])
def test_a_top_bars_links_name_no_site(tmp_path: Path, bar: str) -> None:
    # A text page whose first line is the top bar's two links: the first (联系我们), printed
    # again in the footer's links, is no site's name; the page's copyright line names it.
    text = "\n".join(
        [
            bar,
            "岭东风能",
            "首页",
            "新闻中心",
            "您的位置：首页 » 新闻中心 » 公司新闻",
            HEADLINE,
            "日期：2024/6/5   作者：admin   阅读：308",
            PROSE,
            MORE,
            "关于我们 | 联系我们 | 网站地图 | 设为首页",
            "Copyright © 岭东风能开发有限公司 版权所有",
        ]
    )
    rec = read_one(write_page(tmp_path / "公司新闻" / "news_2130.txt", text + "\n"))
    assert rec.title == HEADLINE
    assert rec.source not in ("联系我们", "设为首页")
    assert "岭东风能" in (rec.source or "")


def test_a_footers_bar_of_labelled_contacts_is_still_no_text(tmp_path: Path) -> None:
    # (the menu-bar pattern still takes a footer's short labelled fields set apart by |, that
    # are no byline's)
    text = "\n".join(
        [
            "岭东新能源",
            "首页 > 项目",
            HEADLINE,
            "发布时间：2024-05-18",
            PROSE,
            MORE,
            "主办：县发改局|承办：信息中心|维护：网络科",
            "Copyright © 岭东新能源",
        ]
    )
    rec = read_one(write_page(tmp_path / "项目" / "a.txt", text + "\n"))
    assert MORE in rec.body
    assert "承办" not in rec.body
