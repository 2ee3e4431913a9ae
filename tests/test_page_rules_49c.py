"""Rules for page reading found on round 49c (set 76 of the unseen layouts,
`tests/fixtures/blind-sites-76`: articles on content platforms), written as general forms.
Each is checked on our own small pages, read the way ``xinwen reindex`` does (`read_sources`).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.pagetext import MORE, PROSE, read_one, write_page

HEADLINE = "溪南县首座共享储能电站投入运行"


def _platform_page(published: str) -> str:
    # A self-media article page: the account's name and the publication time in a meta line
    # with no label (the time in an element named for it, then the author's province), below
    # the account's card (hidden until hovered: its lines push the date past the byline's
    # reach), a script variable holding an epoch under a short name, a comment dated below.
    return (
        f'<html><head><meta charset="utf-8"><title>{HEADLINE}</title>'
        '<script>var ct = "1700000000"; var user_uin = "0";</script></head><body>'
        f'<h1 class="article-title">{HEADLINE}</h1>'
        '<div class="meta"><span class="tag">原创</span> <span class="author">林小舟</span> '
        '<a class="nick">溪南能源说</a>'
        '<div class="card" style="display:none"><strong>溪南能源说</strong>'
        "<p>账号 xinan_energy</p><p>功能介绍：关注县域能源转型与新型储能。</p></div>"
        f'<span><em id="publish_time" class="meta-text">{published}</em> '
        '<em class="meta-text">岭北</em></span></div>'
        f'<div class="article-body"><p>{PROSE}</p><p>{MORE}</p></div>'
        '<div class="comments"><p>留言</p><p>溪南老周：电站规模多大？</p>'
        "<p>2023年09月02日</p></div></body></html>"
    )


def test_the_date_in_an_element_named_the_publication_time_dates_the_page(
    tmp_path: Path,
) -> None:
    # The element's id says it is the publication's time and it holds a date alone: the
    # page's date (not the comment's, nor the script's epoch under a name that says nothing).
    rec = read_one(write_page(tmp_path / "a.html", _platform_page("2024年03月15日 09:40")))
    assert rec.published == dt.date(2024, 3, 15)
    assert rec.title == HEADLINE


def test_an_empty_publication_time_element_leaves_the_page_undated(tmp_path: Path) -> None:
    # Filled by a script and saved blank: nothing to read there, and no other date is taken.
    rec = read_one(write_page(tmp_path / "a.html", _platform_page("")))
    assert rec.published is None


def test_an_original_work_mark_in_the_headline_is_no_part_of_it(tmp_path: Path) -> None:
    # A platform's article: its <h1> ends in a tag marking the article as the account's own
    # work (原创), printed right after the words; the <title> holds the headline without it.
    page = (
        f'<html><head><meta charset="utf-8"><title>{HEADLINE}_溪南能源说</title></head><body>'
        '<div class="nav"><a href="/">首页</a> <a href="/news">新闻</a></div>'
        f'<div class="title"><h1>{HEADLINE}<span class="tag">原创</span></h1>'
        '<div class="info"><span>2024-03-15 09:40</span> <span>发布于：岭北</span></div></div>'
        f"<article><p>{PROSE}</p><p>{MORE}</p></article></body></html>"
    )
    rec = read_one(write_page(tmp_path / "a.html", page))
    assert rec.title == HEADLINE


def test_a_like_count_under_the_text_is_no_part_of_it(tmp_path: Path) -> None:
    # A browser's copy of a platform's article: the repost's 文章来源 line closes the text,
    # then the action bar, a like button and its count (赞 128) a line of its own.
    lines = [
        "首页",
        HEADLINE,
        "2024-03-15 09:40 · 溪南能源说 · 岭北",
        f"3月14日，{PROSE}",
        f"截至目前，{MORE}",
        "文章来源：岭北能源周报",
        "赞 128",
        "评论 9",
        "收藏",
        "举报",
    ]
    rec = read_one(write_page(tmp_path / "a.txt", "\n".join(lines) + "\n"))
    assert rec.source == "岭北能源周报"
    assert "赞 128" not in rec.body
    assert "文章来源" not in rec.body


def test_an_action_bar_run_together_over_the_text_does_not_end_it(tmp_path: Path) -> None:
    # A video page: under the headline and its meta line, the action bar's buttons and a count
    # run together on one line, then the account's follow button, then the text in a summary
    # box. The bar is not the text's start, so the follow button is not a share bar under it.
    lines = [
        "首页",
        "视频",
        HEADLINE,
        "播放 1.1万 2024-03-15 发布 时长 03:12",
        "点赞 906收藏转发下载举报",
        "溪南能源说",
        "+ 关注",
        "视频简介",
        f"3月14日，{PROSE}",
        f"截至目前，{MORE}",
        "评论（3）",
        "登录后发表评论",
    ]
    rec = read_one(write_page(tmp_path / "a.txt", "\n".join(lines) + "\n"))
    assert PROSE in rec.body
    assert MORE in rec.body
    assert "点赞" not in rec.body
