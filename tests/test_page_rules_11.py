"""Rules for page reading found on the eleventh round (set 13 of the unseen layouts,
`tests/fixtures/blind-sites-13`, opened this round: a blogging platform, Drupal and Joomla
sites, a Next.js start-up's pages, portals' article pages, a column platform), written as the
general forms those sites print things in. Each is checked on our own small pages, read the
way ``xinwen reindex`` does (`read_sources`).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from tests.pagetext import MORE, PROSE, read_one, write_page
from xinwen.index.records import Record
from xinwen.index.sources import read_sources


def _blog_post(title: str, head: str, posted: str = "2024-05-18 21:15", n: int = 1) -> str:
    """A post on a blogging platform: the platform's bar, the blog's header (its name in an
    <h1> linking to the blog's home, which its menu calls 首页), the post, readers' comments."""
    return (
        f'<html><head><meta charset="utf-8"><title>{title}</title></head><body>'
        '<div id="top_nav"><a href="/">南溪码园</a><a href="/news">新闻</a></div>'
        '<div id="header"><a id="blogLogo" href="/laoli/"><img src="/logo.gif" alt="返回主页"></a>'
        '<h1><a class="headermaintitle" href="/laoli/">老李的储能笔记</a></h1></div>'
        '<ul id="navList"><li><a href="/">南溪码园</a></li><li><a href="/laoli/">首页</a></li>'
        '<li><a href="#">订阅</a></li></ul>'
        f'<div class="post"><h1 class="postTitle"><a href="/laoli/p/1">{head}</a></h1>'
        f'<div class="postBody"><p>第{n}篇：{PROSE}</p><p>{MORE}</p></div>'
        f'<div class="postDesc">posted @ {posted} <a href="/laoli/">老李的储能笔记</a>'
        " 阅读(3469) 评论(2)</div></div>"
        '<div id="blog-comments-placeholder"><div class="feedback_area_title">评论列表</div>'
        '<div class="feedbackItem">'
        f'<div class="feedbackListSubtitle"><a href="#">#1楼</a> 2024-06-0{n} 10:02 '
        f'<a href="#">光伏小白{n}号</a></div><div class="blog_comment_body">谢谢，第{n}次看</div>'
        "</div></div></body></html>"
    )


def test_a_blogs_name_linking_to_the_blogs_home_is_no_headline(tmp_path: Path) -> None:
    # The blog's name is an <h1> above the post's <h1>, and the <title> names both (标题 - 博主
    # - 平台): the post's is the headline, and the site is the platform, not the logo's alt.
    head = "储能EMS里SOC估算的几种工程做法"
    page = _blog_post(f"{head} - 老李的储能笔记 - 南溪码园", head)
    rec = read_one(write_page(tmp_path / "p-101.html", page))
    assert rec.title == head
    assert rec.source == "南溪码园"


def test_a_posts_headline_when_the_title_names_the_blog_alone(tmp_path: Path) -> None:
    head = "用Python批量导出风电场的十分钟数据"
    rec = read_one(
        write_page(tmp_path / "p-102.html", _blog_post("老李的储能笔记 - 南溪码园", head))
    )
    assert rec.title == head


def test_a_readers_comment_dates_no_post(tmp_path: Path) -> None:
    # A blog's posts, one whose `posted @` line has no date: the date of the readers' comment
    # below it is a reader's, not the post's.
    heads = ["Modbus读逆变器寄存器时字节序的坑", "IEC 104规约总召唤报文解析", "储能电站通讯中断记"]
    for n, head in enumerate(heads):
        posted = "" if n == 0 else f"2024-05-1{n} 21:15"
        page = _blog_post(f"{head} - 老李的储能笔记 - 南溪码园", head, posted, n + 1)
        write_page(tmp_path / "blog" / f"p-10{n}.html", page)
    records = {r.title: r for r in read_sources([tmp_path / "blog"]) if isinstance(r, Record)}
    assert records[heads[0]].published is None
    assert records[heads[1]].published == dt.date(2024, 5, 11)


def _drupal_node(head: str, meta: str, n: int = 1, tags: str = "") -> str:
    """A Drupal article: the page title block, the node's meta line, its body field, a field
    of tags (`tags`: the terms' links)."""
    field = (
        '<div class="field field--name-field-tags field--label-above">'
        f'<div class="field__label">标签</div><div class="field__items">{tags}</div></div>'
        if tags
        else ""
    )
    return (
        f'<html><head><meta charset="utf-8"><title>{head} | 南溪能源研究院</title></head><body>'
        '<a href="#main-content" class="visually-hidden">跳转到主要内容</a>'
        '<div class="site-name"><a href="/" rel="home">南溪能源研究院</a></div>'
        f'<main><h1 class="page-title"><span class="field--name-title">{head}</span></h1>'
        f'<article class="node"><div class="node__meta"><span>{meta}</span></div>'
        '<div class="node__content"><div class="field field--name-body">'
        f"<p>第{n}篇：{PROSE}</p><p>{MORE}</p></div>{field}</div></article></main>"
        "<footer><p>Copyright © 2024 南溪能源研究院 版权所有</p></footer></body></html>"
    )


@pytest.mark.parametrize(
    ("meta", "day"),
    [
        # (Drupal's default: month first, a date no day-first reading would give)
        ("Submitted by 李晴 on Tue, 09/10/2024 - 10:12", dt.date(2024, 9, 10)),
        ("Submitted by 院办公室 on Tue, 07/23/2024 - 10:12", dt.date(2024, 7, 23)),
        ("Posted on May 3, 2024 by 王立", dt.date(2024, 5, 3)),
        # (Drupal's long format, a weekday and a time around another form)
        ("Submitted by 李晴 on Tuesday, September 10, 2024 - 10:12", dt.date(2024, 9, 10)),
        ("Posted by 李晴 on Tue, 2024-09-10 10:12", dt.date(2024, 9, 10)),
    ],
)
def test_an_english_themes_byline_dates_the_page(tmp_path: Path, meta: str, day: dt.date) -> None:
    rec = read_one(
        write_page(tmp_path / "node-2231.html", _drupal_node("研究院专家参加座谈会", meta))
    )
    assert rec.published == day
    assert rec.body == f"第1篇：{PROSE}\n{MORE}"


@pytest.mark.parametrize(
    "line", ["IP 属地北京", "编辑于 2024-03-04 18:20・IP 属地江苏", "发布于北京"]
)
def test_a_platforms_ip_location_is_not_text(tmp_path: Path, line: str) -> None:
    # A column platform's post: the time it was edited and the writer's IP location under it;
    # a portal's place of posting, its time not shown (an undated page).
    page = (
        '<html><head><meta charset="utf-8"><title>如何看待分布式光伏暂停备案？ - 南溪专栏</title>'
        '</head><body><h1 class="Post-Title">如何看待分布式光伏暂停备案？</h1>'
        f'<div class="RichText"><p>{PROSE}</p><p>{MORE}</p></div>'
        f'<div class="ContentItem-time">{line}</div></body></html>'
    )
    rec = read_one(write_page(tmp_path / "p-7033.html", page))
    assert rec.body == f"{PROSE}\n{MORE}"


def _next_page(main: str, post: dict) -> str:
    state = {"props": {"pageProps": {"post": post, "related": [{"title": "别的文章"}]}}}
    return (
        '<html><head><meta charset="utf-8"><title>南溪氢能</title></head><body><div id="__next">'
        '<header><a href="/">南溪氢能</a><a href="/news">新闻动态</a></header>'
        f"<main>{main}</main><footer>© 2024 南溪氢能科技有限公司</footer></div>"
        '<script id="__NEXT_DATA__" type="application/json">'
        f"{json.dumps(state, ensure_ascii=False)}</script></body></html>"
    )


def test_a_page_drawn_by_its_scripts_is_read_from_the_apps_state(tmp_path: Path) -> None:
    # A client-rendered Next.js page: a spinner where the article goes, the article (headline,
    # text as HTML, time) in the __NEXT_DATA__ saved with it.
    post = {
        "title": "20MW电解槽完成交付",
        "content": f"<p>{PROSE}</p><p>{MORE}</p>",
        "publishedAt": "2024-06-20T10:00:00+08:00",
    }
    spinner = '<div class="animate-spin"></div><span class="sr-only">加载中...</span>'
    rec = read_one(write_page(tmp_path / "pem-20mw.html", _next_page(spinner, post)))
    assert (rec.title, rec.published) == ("20MW电解槽完成交付", dt.date(2024, 6, 20))
    assert rec.body == f"{PROSE}\n{MORE}"


def test_a_page_that_shows_its_article_is_read_as_shown(tmp_path: Path) -> None:
    # The same site's page drawn on the server: the state's copy is not read a second time.
    post = {"title": "20MW电解槽完成交付", "content": f"<p>{PROSE}</p><p>{MORE}</p>"}
    shown = f"<article><h1>20MW电解槽完成交付</h1><p>{PROSE}</p><p>{MORE}</p></article>"
    rec = read_one(write_page(tmp_path / "pem-20mw.html", _next_page(shown, post)))
    assert rec.body == f"{PROSE}\n{MORE}"


def _portal_page(title: str, logo: str, channel_logo: str = "") -> str:
    """A portal's article that states no source: the portal's logo (a link home) on top."""
    crumb = f'<div class="channel-path"><a href="/"><img src="/c/logo.png" alt="{channel_logo}">'
    crumb += f'</a><a href="/">{channel_logo}</a> &gt; <span>正文</span></div>'
    return (
        f'<html><head><meta charset="utf-8"><title>{title}</title></head><body>'
        f'<div class="top-nav"><a href="/" class="tn-logo">{logo}</a><a href="/news/">新闻</a>'
        f"</div>{crumb if channel_logo else ''}<h1>储能电站完成扩容改造</h1>"
        f'<div class="date-source"><span class="date">2024年10月10日 09:30</span></div>'
        f"<div class='article'><p>{PROSE}</p><p>{MORE}</p></div></body></html>"
    )


def test_a_portals_channel_of_its_own_brand_is_the_site(tmp_path: Path) -> None:
    # 标题_新流财经_新流网 under the portal's logo: the channel (the portal's stem and a
    # subject) is a brand of its own, whose pages these are.
    page = _portal_page("储能电站完成扩容改造_南溪财经_南溪网", "南溪网", "南溪财经")
    assert read_one(write_page(tmp_path / "doc-1.shtml", page)).source == "南溪财经"


def test_a_portals_section_named_as_the_portals_is_the_portals(tmp_path: Path) -> None:
    # 标题_凤讯网能源 under the logo 凤讯网: the portal's 能源 section, the portal's page.
    page = _portal_page("储能电站完成扩容改造_南溪网能源", "南溪网")
    assert read_one(write_page(tmp_path / "8ZtB.html", page)).source == "南溪网"


def test_a_headline_marked_by_microdata_is_the_headline(tmp_path: Path) -> None:
    # Joomla's article page: no <h1>, the headline an <h2 itemprop="headline">, a column's
    # name before it in the <title> as on the page (栏目｜标题 - 站名).
    head = "会员之窗｜南溪开关公司中标升压站项目"
    page = (
        f'<html><head><meta charset="utf-8"><title>{head} - 南溪电力装备行业协会</title></head>'
        '<body><div class="item-page" itemscope itemtype="https://schema.org/Article">'
        f'<div class="page-header"><h2 itemprop="headline">{head}</h2></div>'
        f'<div itemprop="articleBody"><p>{PROSE}</p><p>{MORE}</p></div></div></body></html>'
    )
    # (the full-width bar printed half-width, as every title's)
    assert read_one(write_page(tmp_path / "member-news.html", page)).title == head.replace(
        "｜", "|"
    )


@pytest.mark.parametrize(("pubdate", "day"), [("", None), (None, dt.date(2023, 11, 20))])
def test_an_empty_date_meta_leaves_the_page_undated(
    tmp_path: Path, pubdate: str | None, day: dt.date | None
) -> None:
    # A government platform's page that writes its PubDate meta empty: undated, though its
    # file name carries a date (without the meta, the file name's date is read: the page read
    # alone is its own site, which states no date; from round 31 a site whose pages state their
    # dates would leave it undated all the same).
    meta = "" if pubdate is None else f'<meta name="PubDate" content="{pubdate}">'
    page = (
        '<html><head><meta charset="utf-8"><meta name="ArticleTitle" content="申报指南">'
        f"{meta}<title>2023年度能源科技项目申报指南_南溪省能源局</title></head><body>"
        "<h1>2023年度能源科技项目申报指南</h1><div>来源：南溪省能源局</div>"
        f"<div id='zoom'><p>{PROSE}</p><p>{MORE}</p></div></body></html>"
    )
    assert read_one(write_page(tmp_path / "t20231120_85514.html", page)).published == day


def test_a_drupal_articles_tags_are_not_text(tmp_path: Path) -> None:
    # Its field of tags: a label, then each term's link (/taxonomy/term/N) in a block.
    terms = ("政策研究", "能源转型", "项目跟踪")
    for n, term in enumerate(terms):
        links = f'<div class="field__item"><a href="/taxonomy/term/{n}">{term}</a></div>'
        links += '<div class="field__item"><a href="/taxonomy/term/9">储能</a></div>'
        meta = f"Submitted by 院办公室 on Tue, 07/2{n}/2024 - 10:12"
        page = _drupal_node(f"研究院专家参加第{n + 1}次座谈会", meta, n, links)
        write_page(tmp_path / "news" / f"node-22{n}.html", page)
    records = [r for r in read_sources([tmp_path / "news"]) if isinstance(r, Record)]
    assert len(records) == 3
    for rec in records:
        assert not any(term in rec.body for term in terms), rec.body


def test_the_authors_card_in_microdata_is_the_author_line(tmp_path: Path) -> None:
    # A column platform's author card (itemprop="author"): the writer's name, then a badge.
    page = (
        '<html><head><meta charset="utf-8"><title>氢能重卡能不能跑通经济账 - 南溪专栏</title>'
        '</head><body><header><h1 class="Post-Title">氢能重卡能不能跑通经济账</h1>'
        '<div class="Post-Author"><div class="AuthorInfo" itemprop="author" itemscope>'
        '<meta itemprop="name" content="氢能老兵"/><div class="AuthorInfo-content">'
        '<div class="AuthorInfo-head"><a class="UserLink-link" href="#">氢能老兵</a></div>'
        '<div class="AuthorInfo-badgeText">新能源行业从业者</div></div></div></div></header>'
        f'<div class="RichText"><p>{PROSE}</p><p>{MORE}</p></div></body></html>'
    )
    rec = read_one(write_page(tmp_path / "p-7055.html", page))
    assert "氢能老兵" not in rec.body
    assert rec.body.endswith(f"{PROSE}\n{MORE}")


def test_a_stores_state_assigned_in_a_script_is_read_too(tmp_path: Path) -> None:
    # A Vue or Redux page drawn by its scripts: the store's state assigned to a window
    # property, the article's text in lines.
    state = {"article": {"title": "20MW电解槽完成交付", "body": f"{PROSE}\n{MORE}"}}
    page = (
        '<html><head><meta charset="utf-8"><title>南溪氢能</title></head><body>'
        '<header><a href="/">南溪氢能</a></header><div id="app"></div><script>'
        f"window.__INITIAL_STATE__={json.dumps(state, ensure_ascii=False)};window.ready=1;"
        "</script></body></html>"
    )
    rec = read_one(write_page(tmp_path / "pem.html", page))
    assert (rec.title, rec.body) == ("20MW电解槽完成交付", f"{PROSE}\n{MORE}")


def test_a_page_showing_an_article_keeps_it_whatever_its_state_holds(tmp_path: Path) -> None:
    # A page drawn on the server whose state holds another text (a summary written apart, a
    # later edit): the page is read as it shows.
    post = {"title": "20MW电解槽完成交付", "content": f"<p>摘要：{MORE}{MORE}</p>"}
    shown = f"<article><h1>20MW电解槽完成交付</h1><p>{PROSE}</p></article>"
    rec = read_one(write_page(tmp_path / "pem-20mw.html", _next_page(shown, post)))
    assert rec.body == PROSE


def test_a_list_pages_state_makes_no_article(tmp_path: Path) -> None:
    # A list page drawn by its scripts: its state holds many articles, none of them the page's.
    items = [
        {"title": f"第{n}条消息", "content": f"<p>第{n}条：{PROSE}{MORE}</p>"} for n in range(3)
    ]
    state = {"props": {"pageProps": {"list": items}}}
    page = (
        '<html><head><meta charset="utf-8"><title>新闻动态 - 南溪氢能</title></head><body>'
        '<main><span class="sr-only">加载中...</span></main><script id="__NEXT_DATA__" '
        f'type="application/json">{json.dumps(state, ensure_ascii=False)}</script></body></html>'
    )
    assert list(read_sources([write_page(tmp_path / "news.html", page)])) != []
    assert not any(isinstance(r, Record) for r in read_sources([tmp_path / "news.html"]))


def test_the_sites_name_repeated_in_its_footer_is_no_headline(tmp_path: Path) -> None:
    # Pages saved as text from an institute's site: its name in the header on every page, and
    # again at the head of the footer's address line (X | 地址：…), which is no <title>'s repeat
    # of a headline.
    heads = ["核电站乏燃料干式贮存技术综述", "虚拟电厂参与调峰的实证分析", "钠离子电池储能成本测算"]
    for n, head in enumerate(heads):
        write_page(
            tmp_path / "tech" / f"node-20{n}.txt",
            "跳转到主要内容\n南溪能源研究院\nNanxi Energy Research Institute\n"
            "首页  研究院概况  新闻  研究领域\n\n首页 / 新闻 / 技术进展\n\n"
            f"{head}\n\n第{n + 1}篇：{PROSE}\n{MORE}\n\n"
            "南溪能源研究院  |  地址：南溪市科学城创新大道9号  |  电话：0531-00000000\n"
            "Copyright © 2024 南溪能源研究院 版权所有\n",
        )
    records = [r for r in read_sources([tmp_path / "tech"]) if isinstance(r, Record)]
    assert sorted(r.title for r in records) == sorted(heads)
