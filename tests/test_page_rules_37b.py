"""Rules for page reading found by the lead after round 37, on set 53 (opened that round),
written as general forms. Each is checked on our own small pages, read the way
``xinwen reindex`` does (`read_sources`).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.pagetext import MORE, PROSE, read_one, records_by_name, write_page

NEWEST = [
    ("岭南县液流电池储能示范站并网", "2024-05-24"),
    ("岭南县出台分布式光伏接入细则", "2024-05-21"),
    ("岭南县农村电网改造提速", "2024-05-17"),
    ("岭南县首座加氢站开工", "2024-05-14"),
]


def _site_page(headline: str, date: str, deck: str) -> str:
    sidebar = "".join(
        f"<li><p><a href='#'>{h}</a></p><p class='date'>{d}</p></li>" for h, d in NEWEST
    )
    deck_html = f"<p class='deck'>{deck}</p>" if deck else ""
    return (
        f'<html><head><meta charset="utf-8"><title>{headline} | 岭南能源</title></head><body>'
        "<div class='logo'>岭南能源</div><nav>首页 政策 项目 技术</nav>"
        f"<article><h1>{headline}</h1>{deck_html}"
        f"<div class='meta'>发布时间：{date}　来源：岭南能源</div>"
        f"<div class='text'><p>{date}，{PROSE}</p><p>{headline}，各方将加强协作。</p>"
        "</div></article>"
        f"<aside><h3>最新文章</h3><ul>{sidebar}</ul></aside>"
        "<footer>关于我们 | 联系我们 | Copyright © 2024 岭南能源</footer></body></html>"
    )


def test_the_pages_own_headline_in_its_dated_sidebar_is_not_taken_for_it(tmp_path: Path) -> None:
    # The newest articles are listed, a headline and its date a line each, on every page of
    # the site, the page's own among them. On a page whose deck stands between its headline
    # and its byline, the sidebar's entry (its date right under it) looked more like the
    # headline than the headline did: the article was read from there on and lost.
    for n, (headline, date) in enumerate(NEWEST):
        deck = "示范站储能时长四小时，可满足县城晚高峰用电需求。" if n == 0 else ""
        write_page(tmp_path / "项目" / f"{n + 1}.html", _site_page(headline, date, deck))
    rec = records_by_name(tmp_path)["1.html"]
    assert rec.title == NEWEST[0][0]
    assert f"2024-05-24，{PROSE}" in rec.body
    assert rec.published == dt.date(2024, 5, 24)


def test_an_author_with_the_body_they_write_for_is_a_bylines_field(tmp_path: Path) -> None:
    # A magazine's byline: the author, their institute in brackets, the date and weekday.
    text = "\n".join(
        [
            "岭南能源 首页 政策 项目 技术",
            "岭南县液流电池储能示范站并网",
            "由 文｜周明远（岭南储能技术研究院） 2024年5月24日 星期五 - 08:30",
            PROSE,
            MORE,
            "Copyright © 2024 岭南能源",
        ]
    )
    rec = read_one(write_page(tmp_path / "技术" / "node-12.txt", text + "\n"))
    assert rec.published == dt.date(2024, 5, 24)
    assert "周明远" not in rec.body


def test_a_paper_credited_as_the_source_keeps_its_title_marks(tmp_path: Path) -> None:
    # 来源：《X报》: the source as the page prints it (as every writer of our sets read it);
    # 摘自：《X报》 is still the paper's name alone (tests/test_page_rules_4.py).
    text = "\n".join(
        [
            "岭南能源 首页 政策 项目 技术",
            "岭南县液流电池储能示范站并网",
            "2024-05-24　来源：《岭南电力报》",
            PROSE,
            MORE,
            "Copyright © 2024 岭南能源",
        ]
    )
    rec = read_one(write_page(tmp_path / "项目" / "12.txt", text + "\n"))
    assert rec.source == "《岭南电力报》"
