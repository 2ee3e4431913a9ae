"""Rules for page reading found on round 44a (set 63 of the unseen layouts,
`tests/fixtures/blind-sites-63`, self-media pages), written as general forms. Each is checked
on our own small pages, read the way ``xinwen reindex`` does (`read_sources`).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.pagetext import MORE, PROSE, read_one, write_page

HEADLINE = "岭东储能电站二期工程全容量并网"


def _newsroom_page(stamp: str, shown: str) -> str:
    return (
        '<html><head><meta charset="utf-8"><title>' + HEADLINE + " - 岭东储能</title>"
        f'<meta property="article:published_time" content="{stamp}"></head><body>'
        "<nav>首页 / 新闻中心 / 公司新闻</nav><article><h1>" + HEADLINE + "</h1>"
        f'<div class="meta"><time datetime="{stamp}">{shown}</time>'
        "<span>来源：岭东储能</span></div>"
        f"<p>{PROSE}</p><p>{MORE}</p></article>"
        "<footer>© 2024 岭东储能 版权所有</footer></body></html>"
    )


def test_a_utc_stamp_in_the_meta_takes_the_day_its_time_element_prints(
    tmp_path: Path,
) -> None:
    # A headless CMS saves its times in UTC: 2024-03-09T16:00Z is midnight of March 10 in
    # Beijing, and the page prints 2024年3月10日 inside the <time> that carries the same stamp
    # as the meta tag. The day the readers saw is the page's date.
    page = _newsroom_page("2024-03-09T16:00:00.000Z", "2024年3月10日")
    rec = read_one(write_page(tmp_path / "xw" / "ld-phase2.html", page))
    assert rec.published == dt.date(2024, 3, 10)


def test_a_stamp_whose_time_element_prints_the_same_day_is_kept(tmp_path: Path) -> None:
    page = _newsroom_page("2024-03-09T08:00:00+08:00", "2024年3月9日")
    rec = read_one(write_page(tmp_path / "xw" / "ld-phase2.html", page))
    assert rec.published == dt.date(2024, 3, 9)


def _thread_text(first_post: list[str], reply: str) -> str:
    lines = [
        "岭东储能论坛 » 论坛 › 行业资讯 › " + HEADLINE,
        "返回列表 发新帖",
        "查看: 802|回复: 1",
        HEADLINE,
        "储能小王",
        "楼主",
        "发表于 2024-5-6 09:12:40 | 只看该作者",
        *first_post,
        "支持 反对",
        "风电老刘",
        "沙发",
        "发表于 2024-5-6 11:03:18 | 只看该作者",
        reply,
        "支持 反对",
        "您需要登录后才可以回帖 登录 | 立即注册",
        "Powered by Discuz! X3.4",
    ]
    return "\n".join(lines) + "\n"


def test_a_forum_threads_text_is_its_opening_post_not_the_replies(tmp_path: Path) -> None:
    # A forum thread copied as text: the opening post (楼主) is the thread's text; a reply's
    # floor label (沙发, 板凳, 2楼) begins the readers' replies, as comments follow an article.
    reply = "我们站去年也上了这套系统，夏天温控要多注意。"
    page = _thread_text([PROSE, MORE], reply)
    rec = read_one(write_page(tmp_path / "hy" / "thread-3-1-1.txt", page))
    assert PROSE in rec.body and MORE in rec.body
    assert reply not in rec.body


def _platform_page(notice: str) -> str:
    return (
        '<html><head><meta charset="utf-8"><title>' + HEADLINE + "</title>"
        '<meta property="og:site_name" content="岭云号">'
        '<meta name="author" content="小岭聊储能"></head><body>'
        '<div class="top"><a href="/">岭云号</a> 首页 科技 财经 能源</div><article>'
        "<h1>" + HEADLINE + "</h1>"
        '<div class="author"><a href="/u/1">小岭聊储能</a> 2024-06-03 20:15</div>'
        f"<p>{PROSE}</p><p>{MORE}</p><div>{notice}</div></article>"
        "<footer>岭云号 · 联系我们 | 侵权投诉</footer></body></html>"
    )


def test_a_platform_that_calls_its_writers_authors_credits_the_account(tmp_path: Path) -> None:
    # An author platform the rules do not know by name (og:site_name 岭云号) says so itself:
    # 本文为岭云号作者原创. The article is the account's (meta author), as on 百家号.
    page = _platform_page("本文为岭云号作者原创，未经授权不得转载")
    rec = read_one(write_page(tmp_path / "ny" / "s_1001.html", page))
    assert rec.source == "小岭聊储能"


def test_a_site_without_such_a_notice_keeps_its_own_name(tmp_path: Path) -> None:
    page = _platform_page("本文为岭云号原创，未经授权不得转载")
    rec = read_one(write_page(tmp_path / "ny" / "s_1002.html", page))
    assert rec.source == "岭云号"
