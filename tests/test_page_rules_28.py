"""Rules for page reading found on the twenty-eighth round (sets 31 and 33 of the unseen
layouts, `tests/fixtures/blind-sites-31` and `-33`, opened this round), written as general
forms. Each is checked on our own small pages, read the way ``xinwen reindex`` does
(`read_sources`).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.pagetext import MORE, PROSE, read_one, write_page

HEADLINE = "南岭储能电站二期工程全面开工"
OTHER = "南岭储能公司举办安全生产月启动仪式"


def test_a_pager_led_by_an_arrow_is_chrome(tmp_path: Path) -> None:
    # A static site's pager on one line, an arrow before 上一条 and after the next title:
    # ← 上一条：X 下一条：Y →. The titles it names are other pages', not the text.
    page = (
        f'<html><head><meta charset="utf-8"><title>{HEADLINE} | 南岭储能</title></head><body>'
        f"<article><h1>{HEADLINE}</h1><div class='meta'><time datetime='2024-05-06'>2024-05-06"
        f"</time></div><div class='content'><p>{PROSE}</p><p>{MORE}</p></div>"
        f"<div class='pager'><a href='/p/'>← 上一条：{OTHER}</a>"
        "<a href='/n/'>下一条：南岭储能电站通过并网验收 →</a></div></article></body></html>"
    )
    rec = read_one(write_page(tmp_path / "news" / "2024-05-nanling.html", page))
    assert rec.title == HEADLINE
    assert rec.published == dt.date(2024, 5, 6)
    assert PROSE in rec.body
    assert OTHER not in rec.body
    assert "上一条" not in rec.body
