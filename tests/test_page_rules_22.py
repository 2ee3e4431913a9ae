"""Rules for page reading found on round 22 (set 24 of the unseen layouts,
`tests/fixtures/blind-sites-24`, opened this round: association, maker and group sites on
Chinese CMSs, a think tank, a nuclear plant, notices shared from a work-chat app), written as the
general forms those sites print things in. Each is checked on our own small pages, read the way
``xinwen reindex`` does (`read_sources`).
"""

from __future__ import annotations

from pathlib import Path

from tests.pagetext import MORE, PROSE, read_one, write_page


def test_a_share_page_credits_its_publisher_not_the_platform(tmp_path: Path) -> None:
    # A notice shared from a work-chat app: the app's logo tops the page and its footer, but the
    # share bar names who published it there; without a 来源 the page is the publisher's.
    page = (
        '<html><head><meta charset="utf-8"><title>关于检修计划停电的通知</title></head><body>'
        "<div class='topbar'><img class='logo' src='l.png' alt='云信'>"
        "<span>该内容由“东岭县水务公司”通过云信发布</span><a href='#'>打开云信</a></div>"
        "<h1>关于检修计划停电的通知</h1>"
        "<div class='meta'><span>发布人：办公室 周敏</span><span>2024-06-05 16:22</span></div>"
        f"<div class='content'><p>{PROSE}</p><p>{MORE}</p></div>"
        "<div class='footer'><p>云信 · 连接每个团队</p></div></body></html>"
    )
    rec = read_one(write_page(tmp_path / "notice.html", page))
    assert rec.source == "东岭县水务公司"
