"""The query language users type, parsed into a small typed tree (no Whoosh queries here).

    光伏 储能            every word required (falls back to any word when nothing has all)
    "绿色供应链"          exact phrase (also “…” and 「…」)
    -煤电                exclude
    光伏 AND 储能         the same as 光伏 储能 (AND, upper case and alone, only separates words)
    储能 NOT 光伏         the same as 储能 -光伏 (NOT, upper case and alone, excludes what follows)
    光伏 OR 风电          either (binds tighter than the implicit AND: a b OR c = a AND (b OR c))
    title:特高压          in the title only (also 标题:)
    title:(光伏 OR 风电)   a field before parentheses applies to each word in them
    category:政策         only this category (also 分类:, 栏目:); source:… (also 来源:)
    -category:政策        any category but this one (also NOT category:政策; -source:… too)

Parsing never fails on what people type: unbalanced quotes close at the end, parentheses
(other than after a field name; ``ungrouped`` says a grouping was typed) and wildcards are
ignored, a lone operator or an empty ``field:`` is dropped, and so is a part in
which the analyzer finds no word (punctuation, symbols, emoji: ``。``, ``%%%``, ``😀``). A
``NOT`` applies to the next part only (``NOT NOT a`` = ``-a``, like ``--a``; ``a OR NOT b`` =
``a -b``, like ``a OR -b``); one with nothing after it, or before a part that is dropped, is
dropped. Lower-case ``and``/``not``, and ``AND``/``NOT`` quoted or inside other text, are words.

``parse_query`` is what a search runs: it refuses (``QueryError``) a query in which something
was typed but nothing is left to search, where an empty query browses.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from xinwen.index.analysis import char_analyzer, fold
from xinwen.index.cleaning import fold_width, strip_joiners
from xinwen.search.models import MAX_QUERY_CHARS, QueryError

NO_WORDS = "查询中没有可以搜索的字词"
NO_WORDS_EN = "the query has no words to search for (only punctuation, symbols or operators)"

FIELD_ALIASES = {
    "title": "title",
    "标题": "title",
    "category": "category",
    "分类": "category",
    "栏目": "category",
    "source": "source",
    "来源": "source",
}


def field_of(name: str) -> str | None:
    """The field a prefix names, folded as the text is: 標題: and ＴＩＴＬＥ: are title:."""
    return FIELD_ALIASES.get(fold(name))


_QUOTES = str.maketrans({"“": '"', "”": '"', "「": '"', "」": '"', "『": '"', "』": '"', "＂": '"'})
_OPERATORS = str.maketrans({"－": "-", "：": ":", "\u3000": " ", "（": " ", "）": " "})
# Characters that are syntax elsewhere but mean nothing here: dropped, never an error.
_IGNORED = re.compile(r"[()\[\]{}*?~^\\!&|<>=;`]")
# A "+" is an operator ("must have") only before a word; after a letter or digit it is part of
# the word, as the index keeps it (C++, A+H股, 1+X证书, 16+1合作, 5G+).
_PLUS = re.compile(r"(?<![0-9A-Za-z+])\++")
_TOKEN = re.compile(r'(-?)(?:([^\s:"]+):)?(?:"([^"]*)"?|(\S+))')
# A field name before a group: title:(光伏 OR 风电) is title:光伏 OR title:风电.
_FIELD_GROUP = re.compile(r'(?<![^\s(])([^\s:"()-][^\s:"()]*):\(([^()]*)\)')
_GROUP_ITEM = re.compile(r'-?"[^"]*"?|\S+')
# Parentheses around several words: a grouping this language does not have.
_GROUPING = re.compile(r"\([^()]*\s[^()]*\)")


@dataclass(frozen=True, slots=True)
class Text:
    """Free text: its words are each required. ``field`` is None (title and body) or 'title'."""

    text: str
    field: str | None = None


@dataclass(frozen=True, slots=True)
class Phrase:
    """An exact phrase."""

    text: str
    field: str | None = None


@dataclass(frozen=True, slots=True)
class Either:
    """Any one of its parts."""

    parts: tuple[Text | Phrase, ...]


@dataclass
class ParsedQuery:
    """The parts of a query: required, excluded, and field filters."""

    required: list[Text | Phrase | Either] = field(default_factory=list)
    excluded: list[Text | Phrase] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    # (-category:政策, NOT 来源:X: articles of none of these)
    excluded_categories: list[str] = field(default_factory=list)
    excluded_sources: list[str] = field(default_factory=list)
    truncated: bool = False
    # Parentheses typed to group words ((光伏 储能) OR 风电), which mean nothing here but after
    # a field name: the results say so.
    ungrouped: bool = False

    @property
    def narrowed(self) -> bool:
        """Whether a category or source is asked for or left out."""
        fields = (self.categories, self.sources, self.excluded_categories, self.excluded_sources)
        return any(fields)

    @property
    def empty(self) -> bool:
        return not (self.required or self.excluded or self.narrowed)


def clean_query(raw: str) -> tuple[str, bool]:
    """Drop control and format characters and lone surrogates, fold widths as the index does;
    cut at ``MAX_QUERY_CHARS``."""
    text = "".join(
        " " if ch in "\t\r\n" else ch
        for ch in raw
        if unicodedata.category(ch) not in ("Cc", "Cs", "Co", "Cn")
        and not (unicodedata.category(ch) == "Cf" and ch != "\u200d")
    )
    # The same width folding as the indexed text (index.cleaning): a compatibility character
    # stored folded (℃ → °C, ㎡ → m2, ① → 1) is found as typed.
    text = fold_width(strip_joiners(text).translate(_QUOTES).translate(_OPERATORS))
    truncated = len(text) > MAX_QUERY_CHARS
    return _cut(text, MAX_QUERY_CHARS).strip(), truncated


_WORD_CHAR = re.compile(r"\w")


def _cut(text: str, limit: int) -> str:
    """``text``'s first ``limit`` characters, or fewer so as not to end inside a word (口罩 cut
    to 口 searched for 硚口): where the limit falls in a run of letters, digits or Chinese, the
    cut is at the space or punctuation before it; a run longer than the whole limit is cut at
    it. (Not jieba's words: the query is cut before the index is opened, which loads jieba.)"""
    if len(text) <= limit or not (
        _WORD_CHAR.match(text, limit - 1) and _WORD_CHAR.match(text, limit)
    ):
        return text[:limit]
    start = limit - 1
    while start > 0 and _WORD_CHAR.match(text, start - 1):
        start -= 1
    return text[:start] if start else text[:limit]


def searchable(text: str) -> bool:
    """Whether the analyzer finds a word in ``text`` (Chinese characters, Latin letters or
    digits; not punctuation, symbols, emoji or spaces)."""
    return next(iter(char_analyzer()(text)), None) is not None


def parse_query(raw: str) -> ParsedQuery:
    """``parse``, refusing a query that has something in it but nothing to search (``"！！"``,
    ``"*"``, ``"OR"``); a query with nothing typed in it (spaces at most) browses."""
    parsed = parse(raw)
    if parsed.empty and clean_query(raw)[0]:
        raise QueryError(NO_WORDS, "q", NO_WORDS_EN)
    return parsed


def _spread_fields(text: str) -> str:
    """``title:(光伏 OR 风电)`` as ``title:光伏 OR title:风电``, ``分类:(政策 技术)`` as
    ``分类:政策 分类:技术``; a name that is no field is left as it was typed."""

    def spread(m: re.Match[str]) -> str:
        name, inside = m.group(1), m.group(2)
        fld = field_of(name)
        if fld is None:
            return m.group(0)
        out = []
        for item in _GROUP_ITEM.findall(inside):
            if item in ("OR", "AND", "NOT"):
                if fld == "title":  # (several categories or sources are either anyway)
                    out.append(item)
                continue
            sign = "-" if item.startswith("-") else ""
            out.append(f"{sign}{name}:{item[len(sign) :]}")
        return " ".join(out)

    return _FIELD_GROUP.sub(spread, text) if "(" in text else text


def parse(raw: str) -> ParsedQuery:
    """Parse what a user typed; never raises."""
    text, truncated = clean_query(raw)
    text = _spread_fields(text)
    parsed = ParsedQuery(truncated=truncated, ungrouped=bool(_GROUPING.search(text)))
    pending_or = pending_not = False
    for m in _TOKEN.finditer(text):
        negate, fname, quoted, word = m.group(1), m.group(2), m.group(3), m.group(4)
        operator = word if quoted is None and not negate and not fname else None
        if operator == "OR":
            pending_or = bool(parsed.required)
            continue
        if operator == "AND":  # what two words mean anyway
            continue
        if operator == "NOT":  # the same as a "-" on the next part
            pending_not = True
            continue
        not_before, pending_not = pending_not, False
        if quoted is None and not fname and word is not None:
            if not word.strip("-"):  # a lone "-": an exclusion of nothing
                continue
            if word.endswith(":") and field_of(word[:-1]):  # an empty field
                continue
        fld = field_of(fname) if fname else None
        if fname and fld is None:  # not a field we know: it was just text with a colon
            word = f"{fname} {word or quoted or ''}"
            quoted = None if word else quoted
        unquoted = _PLUS.sub(" ", _IGNORED.sub(" ", word or "")).strip()
        value = quoted if quoted is not None else unquoted
        if not value or not value.strip():
            continue
        if fld not in ("category", "source") and not searchable(value):
            continue
        negate = negate or ("-" if not_before else "")
        if fld in ("category", "source"):
            if negate:
                kept = parsed.excluded_categories if fld == "category" else parsed.excluded_sources
            else:
                kept = parsed.categories if fld == "category" else parsed.sources
            kept.append(value.strip())
            continue
        scope = "title" if fld == "title" else None
        part: Text | Phrase = Phrase(value, scope) if quoted is not None else Text(value, scope)
        if negate:
            parsed.excluded.append(part)
        elif pending_or and parsed.required:
            last = parsed.required.pop()
            previous = last.parts if isinstance(last, Either) else (last,)
            parsed.required.append(Either((*previous, part)))
        else:
            parsed.required.append(part)
        pending_or = False
    return parsed
