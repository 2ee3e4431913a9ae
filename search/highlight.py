"""Highlighting on the stored text: escaped HTML where only our ``<mark>`` survives.

Matching runs on ``fold(text)``, which has the same length as ``text``, so a match found in the
folded copy (traditional, full-width or upper-case in the original) marks exactly the original
characters. Whole query words are marked, longest first, never fragments of them.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from functools import lru_cache
from html import escape
from itertools import islice

from xinwen.search.folding import fold

SNIPPET_CHARS = 140
# Chinese (and Western) sentence ends: a snippet starts after one and prefers to end at one.
_SENTENCE_END = re.compile(r"[。！？；!?;\n]")


# Spaces inside a quoted phrase: between two Latin letters or digits they part words (one space
# or more in the text), elsewhere they are the typist's (疫情 防控 is the phrase 疫情防控, as it
# matches; the text may have them or not).
_PHRASE_SPACE = re.compile(r"\s+")
_LATIN = re.compile(r"[0-9A-Za-z]")


def _term_regex(term: str) -> str:
    out, last = [], 0
    for m in _PHRASE_SPACE.finditer(term):
        out.append(re.escape(term[last : m.start()]))
        before, after = term[m.start() - 1 : m.start()], term[m.end() : m.end() + 1]
        out.append(r"\s+" if _LATIN.match(before) and _LATIN.match(after) else r"\s*")
        last = m.end()
    out.append(re.escape(term[last:]))
    return "".join(out)


@lru_cache(maxsize=256)
def _pattern(terms: tuple[str, ...]) -> re.Pattern[str] | None:
    terms = tuple(t for t in terms if t)
    if not terms:
        return None
    ordered = sorted(set(terms), key=len, reverse=True)
    return re.compile("|".join(_term_regex(t) for t in ordered))


def match_spans(
    text: str, terms: Iterable[str], folded: str | None = None
) -> list[tuple[int, int]]:
    """Non-overlapping (start, end) spans of the terms (already folded) in ``text``.

    ``folded`` is ``fold(text)`` when the caller has it already.
    """
    pattern = _pattern(tuple(sorted(set(terms))))
    if pattern is None or not text:
        return []
    spans: list[tuple[int, int]] = []
    for m in pattern.finditer(fold(text) if folded is None else folded):
        if spans and spans[-1][1] == m.start():  # adjacent words read as one mark: ±800千伏
            spans[-1] = (spans[-1][0], m.end())
        else:
            spans.append(m.span())
    return spans


def mark(text: str, spans: list[tuple[int, int]], start: int = 0, end: int | None = None) -> str:
    """``text[start:end]`` escaped, with the spans inside it wrapped in ``<mark>``."""
    end = len(text) if end is None else end
    out, cursor = [], start
    # Spans are in text order and do not overlap: start at the first that can reach ``start``
    # (a snippet of a long body marks a few of its many matches).
    i = bisect_left(spans, (start, 0))
    if i and spans[i - 1][1] > start:
        i -= 1
    for s, e in islice(spans, i, None):
        if s >= end:
            break
        if e <= start:
            continue
        s, e = max(s, start), min(e, end)
        out.append(escape(text[cursor:s], quote=False))
        out.append(f"<mark>{escape(text[s:e], quote=False)}</mark>")
        cursor = e
    out.append(escape(text[cursor:end], quote=False))
    return "".join(out)


def mark_html(text: str, terms: Iterable[str]) -> str:
    """The whole text, escaped, with every term marked (titles)."""
    return mark(text, match_spans(text, terms))


def paragraphs_html(text: str, terms: Iterable[str]) -> str:
    """An article body as escaped ``<p>`` paragraphs with the terms marked."""
    terms = tuple(terms)
    return "".join(f"<p>{mark_html(p, terms)}</p>" for p in text.split("\n") if p.strip())


def _sentences(text: str) -> list[tuple[int, int]]:
    bounds, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        bounds.append((start, m.end()))
        start = m.end()
    if start < len(text):
        bounds.append((start, len(text)))
    return bounds


def _best_sentence(
    sentences: list[tuple[int, int]], spans: list[tuple[int, int]], folded: str
) -> int:
    """The index of the sentence with the most distinct terms (then the most matches).

    Sentences and spans are both in text order, so one pass over each pairs them (a
    1,000,000-character body has tens of thousands of each: comparing every sentence with
    every span is quadratic). A span that crosses a sentence end counts for neither sentence.
    """
    best, best_key = 0, (-1, -1)
    j, n = 0, len(spans)
    for i, (s, e) in enumerate(sentences):
        while j < n and spans[j][0] < s:
            j += 1
        if j == n:
            break
        if spans[j][1] > e:  # the next span starts in a later sentence (or crosses this end)
            continue
        inside = []
        while j < n and spans[j][1] <= e:
            a, b = spans[j]
            inside.append(folded[a:b])
            j += 1
        key = (len(set(inside)), len(inside))
        if key > best_key:
            best, best_key = i, key
    return best


def snippet_html(text: str, terms: Iterable[str], max_chars: int = SNIPPET_CHARS) -> str:
    """A window of the body cut at sentence boundaries, chosen for the most distinct terms."""
    if not text:
        return ""
    folded = fold(text)
    spans = match_spans(text, terms, folded)
    if not spans:
        start, end = 0, min(len(text), max_chars)
        return mark(text, [], start, end) + ("…" if end < len(text) else "")
    sentences = _sentences(text)
    best = _best_sentence(sentences, spans, folded)
    start = sentences[best][0]
    end = start
    # Grow forward sentence by sentence while it fits; a very long sentence is cut around
    # its first match instead.
    for i in range(best, len(sentences)):
        e = sentences[i][1]
        if e - start > max_chars and end > start:
            break
        end = e
    if end - start > max_chars:
        k = bisect_left(spans, (start, 0))
        first = spans[k][0] if k < len(spans) else start
        start = max(start, first - max_chars // 3)
        end = start + max_chars
    while start < end and text[start].isspace():
        start += 1
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    return prefix + mark(text, spans, start, end).strip() + suffix
