"""A long page (an annual report, a plan's full text, a table with one row per line) is read in
time that grows with its paragraphs, not their square, and what is found on it is what a short
page of the same layout gives (`index.htmlmeta._decks`, `index.bodytext._held_in`). Work is
counted, never timed: the number of element objects lxml makes while the decks are looked for.
"""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.pagetext import MORE, PROSE, read_one, write_page
from xinwen.index.bodytext import _held_in
from xinwen.index.htmlmeta import _decks

HEADLINE = "临澜市新型储能发展年度报告发布"
DECK = "全年新增储能装机四十二万千瓦，较上年翻了一番"


def _page(paragraphs: int) -> str:
    # (a summary box set apart above the text, in the block that holds the headline: a deck)
    body = "".join(f"<p>第{i}段：{PROSE}</p>" for i in range(paragraphs))
    return (
        '<html><head><meta charset="utf-8"><title>临澜市新型储能发展年度报告发布_临澜能源网</title>'
        f"</head><body><div class='article'><h1>{HEADLINE}</h1>"
        "<div class='meta'>2025-04-02 09:30 来源：临澜日报</div>"
        f"<div class='summary'>{DECK}</div><div class='content'>{body}<p>{MORE}</p></div>"
        "</div></body></html>"
    )


@pytest.mark.parametrize("paragraphs", [3, 3000])
def test_a_long_pages_deck_is_found_as_on_a_short_one(tmp_path: Path, paragraphs: int) -> None:
    rec = read_one(write_page(tmp_path / "a.html", _page(paragraphs)))
    assert rec.title == HEADLINE
    assert DECK not in rec.body
    assert rec.body.count(PROSE) == paragraphs
    assert rec.body.endswith(MORE)


def test_decks_are_the_same_blocks_whatever_the_paragraph_count() -> None:
    # (a short <p> among the text's paragraphs is text; a lone short <p> under the headline's
    # block, above the text, is a deck)
    short = "这是一段十个字以上的短句子"
    for paragraphs in (2, 50, 2000):
        body = "".join(f"<p>第{i}段：{PROSE}</p>" for i in range(paragraphs))
        root = lxml.html.fromstring(
            f"<html><body><div><h1>{HEADLINE}</h1><p>{DECK}</p><div>{body}<p>{short}</p></div>"
            "</div></body></html>"
        )
        assert _decks(root) == (DECK,), paragraphs


def _elements_made(paragraphs: int, monkeypatch: pytest.MonkeyPatch) -> int:
    root = lxml.html.fromstring(_page(paragraphs))
    made = 0
    lookup = lxml.html.HtmlElementClassLookup.lookup

    def counting(self: object, *args: object) -> object:
        nonlocal made
        made += 1
        return lookup(self, *args)

    with monkeypatch.context() as patch:
        patch.setattr(lxml.html.HtmlElementClassLookup, "lookup", counting)
        assert DECK in _decks(root)
    return made


def test_looking_for_decks_grows_with_the_paragraphs_not_their_square(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # (four times the paragraphs: about four times the work; each paragraph counting its
    # siblings again made it sixteen times, and 8,000 paragraphs took a minute)
    small, large = _elements_made(500, monkeypatch), _elements_made(2000, monkeypatch)
    assert small > 0
    assert large < 6 * small, (small, large)


def test_lines_held_in_the_main_text_are_found_in_any_order() -> None:
    # (each line looked for first just past the one before, then in the whole text: the same
    # answers as looking in the whole text for each, out of order, repeated, far apart or not)
    paragraphs = [f"第{i}段：{PROSE}" for i in range(3000)]
    main = "".join(paragraphs[:1500]) + "一、总体情况" + "".join(paragraphs[1500:])
    lines = [
        *paragraphs[:10],
        paragraphs[2999],  # (far ahead)
        paragraphs[10],  # (back again)
        "一、总体情况",
        "分享到：微信 微博",  # (not in the main text)
        paragraphs[5],  # (repeated)
        "",
        *paragraphs[11:],
    ]
    assert _held_in(lines, main) == [line in main for line in lines]
    assert _held_in(lines, "") == [line == "" for line in lines]


@given(
    st.lists(st.text(alphabet="储能电站一二。", max_size=6), max_size=12), st.text("储能电站一二。")
)
def test_lines_held_in_any_main_text_are_those_it_holds(lines: list[str], main: str) -> None:
    assert _held_in(lines, main) == [line in main for line in lines]
