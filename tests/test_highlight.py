"""Snippets and marks, checked against the plain definition: the sentence with the most distinct
terms (then the most matches; the first of equals), every sentence against every match.

``search/highlight.py`` pairs sentences and matches in one pass (a 1,000,000-character body
has tens of thousands of each); these examples say it picks the same window and marks the same
characters as the definition.
"""

from __future__ import annotations

from html import escape

from hypothesis import given, settings
from hypothesis import strategies as st

from xinwen.search.folding import fold
from xinwen.search.highlight import _sentences, mark, match_spans, snippet_html

# Words and sentence ends, so that sentences hold several matches, some of the same term.
PIECES = ["光伏", "储能", "光", "伏", "储", "能", "风电", "电站", "ab", "a", " ", "\n"]
TEXT = st.lists(st.sampled_from([*PIECES, "，", "。", "！", "；"]), max_size=150).map("".join)
TERMS = st.lists(st.sampled_from(["光伏", "储能", "光", "能。风", "电", "伏储", "a", "ab", "。"]))


def _reference_mark(text: str, spans: list[tuple[int, int]], start: int, end: int) -> str:
    out, cursor = [], start
    for s, e in spans:
        if e <= start or s >= end:
            continue
        s, e = max(s, start), min(e, end)
        out += [
            escape(text[cursor:s], quote=False),
            f"<mark>{escape(text[s:e], quote=False)}</mark>",
        ]
        cursor = e
    return "".join([*out, escape(text[cursor:end], quote=False)])


def _reference_snippet(text: str, terms: list[str], max_chars: int) -> str:
    if not text:
        return ""
    folded = fold(text)
    spans = match_spans(text, terms, folded)
    if not spans:
        end = min(len(text), max_chars)
        return _reference_mark(text, [], 0, end) + ("…" if end < len(text) else "")
    sentences = _sentences(text)
    best, best_key = 0, (-1, -1)
    for i, (s, e) in enumerate(sentences):
        inside = [folded[a:b] for a, b in spans if a >= s and b <= e]
        key = (len(set(inside)), len(inside))
        if key > best_key:
            best, best_key = i, key
    start = end = sentences[best][0]
    for _s, e in sentences[best:]:
        if e - start > max_chars and end > start:
            break
        end = e
    if end - start > max_chars:
        first = next((a for a, _b in spans if a >= start), start)
        start = max(start, first - max_chars // 3)
        end = start + max_chars
    while start < end and text[start].isspace():
        start += 1
    prefix, suffix = ("…" if start > 0 else ""), ("…" if end < len(text) else "")
    return prefix + _reference_mark(text, spans, start, end).strip() + suffix


@settings(max_examples=3000, deadline=None)
@given(TEXT, TERMS, st.integers(5, 80))
def test_snippets_are_the_definitions(text: str, terms: list[str], max_chars: int) -> None:
    assert snippet_html(text, terms, max_chars) == _reference_snippet(text, terms, max_chars)


@settings(max_examples=1000, deadline=None)
@given(TEXT, TERMS, st.integers(0, 300), st.integers(0, 300))
def test_marks_of_any_window_are_the_definitions(
    text: str, terms: list[str], start: int, length: int
) -> None:
    spans = match_spans(text, terms)
    start = min(start, len(text))
    end = min(len(text), start + length)
    assert mark(text, spans, start, end) == _reference_mark(text, spans, start, end)


def test_the_sentence_with_the_most_distinct_words_wins_over_repeats() -> None:
    text = "光伏，光伏，光伏，光伏。储能与光伏。风电。"
    assert snippet_html(text, ["光伏", "储能"], 8) == "…<mark>储能</mark>与<mark>光伏</mark>。…"
    assert (
        snippet_html(text, ["光伏"], 8)
        == "<mark>光伏</mark>，<mark>光伏</mark>，<mark>光伏</mark>…"
    )


def test_a_phrase_of_latin_words_marks_them_apart_only() -> None:
    # (the space of a typed phrase between two Latin words is one or more in the text; between
    # Chinese characters it may be none: "疫情 防控" is 疫情防控)
    text = "Solar  power plants. Solarpower. 疫情防控，疫情 防控。"
    spans = match_spans(text, ["solar power", "疫情 防控"])
    assert [text[a:b] for a, b in spans] == ["Solar  power", "疫情防控", "疫情 防控"]
