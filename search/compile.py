"""Turn a parsed query into Whoosh queries, with the ranking weights.

Each query word is one required unit that matches when the word is in the title or body as a
jieba word (or a dictionary sub-word of a longer one), *or* when its characters stand together
in the character fields, so recall never depends on how jieba cut the document. The character
match is weighted well below the word match: a document that has the query as a word ranks
above one that only has its characters. A proximity bonus rewards documents in which the words
stand close together.
"""

from __future__ import annotations

from dataclasses import dataclass

from whoosh import query as wq

from index.analysis import CharTokenizer, fold, word_analyzer
from index.schema import CHAR_FIELDS
from search.querylang import Either, ParsedQuery, Phrase, Text

# Ranking weights, chosen with bench/relevance.py (known-item MRR@10), not by taste.
TITLE_WEIGHT = 3.0
BODY_WEIGHT = 1.0
CHAR_WEIGHT = 0.35  # characters-only match, relative to a word match in the same field
PROXIMITY_WEIGHT = 1.5
PROXIMITY_SLOP = 3

_CHARS = CharTokenizer()


@dataclass(frozen=True, slots=True)
class Compiled:
    """Whoosh queries for one parsed query, and the words to highlight."""

    query: wq.Query  # every unit required
    any_query: wq.Query | None  # fallback: any unit (None when there is nothing to relax)
    words: tuple[str, ...]


def query_words(text: str) -> list[str]:
    """The query-side words of free text; characters when only stop words remain."""
    words = [t.text for t in word_analyzer()(text, mode="query")]
    if not words:
        words = [t.text for t in _CHARS(text)]
    return words


def _chars(text: str) -> list[str]:
    return [t.text for t in _CHARS(text)]


def _fields(scope: str | None) -> tuple[str, ...]:
    return ("title",) if scope == "title" else ("title", "body")


def _weight(fieldname: str) -> float:
    return TITLE_WEIGHT if fieldname == "title" else BODY_WEIGHT


def _char_query(fieldname: str, chars: list[str], boost: float) -> wq.Query:
    if len(chars) == 1:
        return wq.Term(fieldname, chars[0], boost=boost)
    return wq.Phrase(fieldname, chars, boost=boost)


def word_unit(word: str, scope: str | None) -> wq.Query:
    """One required word: as a word in the word fields, or as characters in the char fields."""
    chars = _chars(word)
    clauses: list[wq.Query] = []
    for f in _fields(scope):
        clauses.append(wq.Term(f, word, boost=_weight(f)))
        if chars:
            clauses.append(_char_query(CHAR_FIELDS[f], chars, _weight(f) * CHAR_WEIGHT))
    return wq.Or(clauses)


def phrase_unit(text: str, scope: str | None) -> tuple[wq.Query, list[str]]:
    """An exact phrase: its characters in order (the truth), plus its words in order (a bonus)."""
    chars = _chars(text)
    words = [t.text for t in word_analyzer()(text, mode="query")]
    exact = wq.Or([_char_query(CHAR_FIELDS[f], chars, _weight(f)) for f in _fields(scope)])
    if len(words) > 1:
        bonus = wq.Or([wq.Phrase(f, words, boost=_weight(f)) for f in _fields(scope)])
        return wq.AndMaybe(exact, bonus), [fold(text).strip()]
    return exact, [fold(text).strip()]


def _units(part: Text | Phrase) -> tuple[list[wq.Query], list[str]]:
    if isinstance(part, Phrase):
        q, words = phrase_unit(part.text, part.field)
        return ([q] if _chars(part.text) else []), words
    words = query_words(part.text)
    return [word_unit(w, part.field) for w in words], words


def compile_query(parsed: ParsedQuery) -> Compiled:
    """Build the required-all query, the any-word fallback and the highlight words."""
    required: list[wq.Query] = []
    highlight: list[str] = []
    plain_words: list[str] = []
    for part in parsed.required:
        if isinstance(part, Either):
            alternatives = []
            for alt in part.parts:
                units, words = _units(alt)
                highlight += words
                if units:
                    alternatives.append(wq.And(units) if len(units) > 1 else units[0])
            if alternatives:
                required.append(wq.Or(alternatives))
        else:
            units, words = _units(part)
            highlight += words
            required += units
            if isinstance(part, Text) and part.field is None:
                plain_words += words

    filters: list[wq.Query] = []
    if parsed.categories:
        filters.append(wq.Or([wq.Term("category", c) for c in parsed.categories]))
    if parsed.sources:
        filters.append(wq.Or([wq.Term("source", s) for s in parsed.sources]))
    excluded: list[wq.Query] = []
    for part in parsed.excluded:
        units, _ = _units(part)
        excluded += units

    def assemble(core: wq.Query) -> wq.Query:
        q = wq.And([core, *filters]) if filters else core
        if excluded:
            q = wq.AndNot(q, wq.Or(excluded))
        return q

    if not required:
        base: wq.Query = wq.Every()
    elif len(required) == 1:
        base = required[0]
    else:
        base = wq.And(required)
    if len(plain_words) > 1:
        # Proximity: the words near each other, in order, in the title or the body.
        near = wq.Or(
            [
                wq.Phrase(f, plain_words, slop=PROXIMITY_SLOP, boost=_weight(f) * PROXIMITY_WEIGHT)
                for f in ("title", "body")
            ]
        )
        base = wq.AndMaybe(base, near)
    any_query = assemble(wq.Or(required)) if len(required) > 1 else None
    return Compiled(assemble(base), any_query, tuple(dict.fromkeys(w for w in highlight if w)))
