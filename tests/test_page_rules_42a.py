"""Rules for page reading found on round 42a (set 61 of the unseen layouts,
`tests/fixtures/blind-sites-61`, opened this round), written as general forms. Each is checked
on our own small pages, read the way ``xinwen reindex`` does (`read_sources`).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from index.bylines import parse_byline
from tests.pagetext import MORE, PROSE, read_one, write_page

HEADLINE = "溪南储能电站二期工程开工建设"


def _html_page(byline: str, after: str = "") -> str:
    return (
        '<html><head><meta charset="utf-8"><title>'
        f"{HEADLINE}_技术_溪南能源网</title></head><body>"
        '<div class="nav"><a href="/">首页</a> <a href="/jishu/">技术</a></div>'
        '<div class="pos">当前位置：<a href="/">首页</a> &gt; 技术 &gt; 正文</div>'
        f"<h1>{HEADLINE}</h1>"
        f'<div class="info">{byline}</div>'
        f'<div class="content"><p>6月3日，{PROSE}</p><p>{MORE}</p></div>{after}'
        '<div class="foot">关于我们 | 联系我们<br>Copyright © 2024 溪南能源网</div>'
        "</body></html>"
    )


@pytest.mark.parametrize(
    ("credit", "source"),
    [
        ("来源：岭海检测技术（溪州）有限公司", "岭海检测技术（溪州）有限公司"),
        ("来源：星澜（中国）投资有限公司", "星澜（中国）投资有限公司"),
    ],
)
def test_a_registered_company_name_with_its_bracketed_place_is_the_source_whole(
    tmp_path: Path, credit: str, source: str
) -> None:
    # 来源：X（溪州）有限公司: the place in brackets is part of the company's registered name,
    # not a note after the source (来源：新华社（记者 X）): the name runs on to its legal form.
    byline = f"2024-06-04 14:12:40 {credit} 作者：林舟 点击：<span>12</span>"
    rec = read_one(write_page(tmp_path / "技术" / "show-3-101-1.html", _html_page(byline)))
    assert rec.published == dt.date(2024, 6, 4)
    assert rec.source == source


def test_a_bracketed_note_after_a_source_still_ends_it() -> None:
    # (the note of a reporter after an agency's name is no part of its name)
    byline = parse_byline("2024-06-04 来源：新华社（记者 王明）")
    assert byline is not None and byline.source == "新华社"
    byline = parse_byline("2024-06-04 来源：星澜（中国）投资有限公司编辑：林舟")
    assert byline is not None and byline.source == "星澜（中国）投资有限公司"


def test_the_texts_own_note_of_where_it_was_printed_is_no_text(tmp_path: Path) -> None:
    # 本文刊于《X》2024年第2期，略有删节: a note under the article on the journal that printed
    # it first, as a reprint's credit is, not the article's last paragraph.
    note = "本文刊于《溪南储能技术》2024年第3期，略有删节。"
    byline = "时间：2024-06-04 10:35 来源：《溪南储能技术》 作者：林舟"
    html = _html_page(byline, after=f'<p class="note">{note}</p>')
    rec = read_one(write_page(tmp_path / "技术" / "8779.html", html))
    assert MORE in rec.body
    assert "本文刊于" not in rec.body


def test_a_sentence_on_where_a_study_was_printed_stays_text(tmp_path: Path) -> None:
    # (the article's own sentence on another paper, 该研究发表于《X》: text, not a note)
    line = "该研究成果发表于《储能科学》，研究团队称将继续开展中试验证。"
    html = _html_page("时间：2024-06-04 10:35 来源：溪南日报", after=f"<p>{line}</p>")
    rec = read_one(write_page(tmp_path / "技术" / "8780.html", html))
    assert line in rec.body
