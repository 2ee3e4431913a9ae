"""A parsed query (``search.querylang``) as Typesense search parameters, meaning what it means
on the embedded index (``search.engine``).

Each unit of the query becomes either an exact filter or a phrase search:

* a word jieba's dictionary knows, a single character, a Latin word or number: a term of the
  embedded index → ``terms:=[`word`]`` (``title_terms`` with ``title:``), exact membership;
* a word jieba does not know, or a quoted phrase: the embedded index finds its characters side
  by side → a Typesense phrase ``"光 伏"`` over the character fields (``title_c``, ``body_c``).

Required units are ANDed (filters with ``&&``; phrases in ``q`` are each required), OR groups
become ``||`` of filters, exclusions ``!=`` filters. The first required phrase is searched in
``q``; any other phrase (a second one, one inside an OR, an excluded one) is searched for on its
own and its articles put in or left out by id (up to ``MAX_PHRASE_IDS`` of them, in the
searcher). Typo tolerance, prefix matching and token dropping are off, so Typesense adds no
matches of its own.

Words that are filters also go into ``q`` (as their characters) when they are Chinese, only so
that Typesense's text-match score ranks by them: every document the filter admits has those
characters, so they never remove a match.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from xinwen.index.analysis import in_dictionary
from xinwen.search.engine import char_offsets, chars_of, one_string, query_words
from xinwen.search.folding import fold
from xinwen.search.querylang import Either, ParsedQuery, Phrase, Text
from xinwen.search.typesense.documents import GAP, token

_HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")


def quote(value: str) -> str:
    """A filter value in backticks (a backtick inside cannot be escaped: it is dropped)."""
    return "`" + value.replace("`", "") + "`"


def any_filter(fieldname: str, values: list[str] | tuple[str, ...]) -> str:
    """``field:=[`a`,`b`]``: documents with any of the values."""
    return f"{fieldname}:=[{','.join(quote(v) for v in values)}]"


@dataclass
class Unit:
    """One query unit: an exact filter or a phrase of character tokens, in a scope."""

    scope: str | None  # None: title and body; "title"
    term: str | None = None  # matched by filter
    chars: tuple[str, ...] = ()  # matched as a phrase (when ``term`` is None); also ranking

    @property
    def is_filter(self) -> bool:
        return self.term is not None

    def filter(self, negate: bool = False) -> str:
        assert self.term is not None
        fieldname = "title_terms" if self.scope == "title" else "terms"
        op = "!=" if negate else "="
        return f"{fieldname}:{op}[{quote(token(self.term))}]"

    def phrase(self) -> str | None:
        """The unit as a ``q`` token or phrase, when all its tokens are Chinese characters."""
        if not self.chars or not all(_HAN.fullmatch(c) for c in self.chars):
            return None
        return self.chars[0] if len(self.chars) == 1 else '"' + " ".join(self.chars) + '"'


@dataclass
class Translation:
    """Typesense parameters of a query (without the request's facet filters).

    Filters may hold placeholders ``{P3}`` / ``{N3}``: the articles that have phrase 3 of
    ``phrases`` (or that do not), which the searcher finds by a search of their own and writes
    in as ids. Typesense enforces one quoted phrase per ``q`` (with two, it matches either), so
    only the first required phrase goes into ``q``.
    """

    q: str = "*"
    query_by: str = "title_c,body_c"
    filters: list[str] = field(default_factory=list)
    words: list[str] = field(default_factory=list)  # highlight words, folded
    # Each required unit's filter, for the any-word fallback; an OR group is one unit, as on
    # the embedded index.
    required: list[str] = field(default_factory=list)
    ranked: bool = False  # q has words to rank by
    phrases: list[tuple[str, str]] = field(default_factory=list)  # (q phrase, query_by)

    def any_unit_filter(self) -> str | None:
        """The fallback's filter (any required unit), when there are two or more."""
        if len(self.required) < 2:
            return None
        return "(" + " || ".join(self.required) + ")"

    def placeholder(self, unit: Unit, negate: bool = False) -> str:
        """A placeholder for the articles with (``negate``: without) ``unit``'s phrase."""
        phrase = '"' + " ".join(map(token, unit.chars)) + '"'
        query_by = "title_c" if unit.scope == "title" else "title_c,body_c"
        key = (phrase, query_by)
        if key not in self.phrases:
            self.phrases.append(key)
        return "{" + ("N" if negate else "P") + str(self.phrases.index(key)) + "}"


def units(part: Text | Phrase) -> list[Unit]:
    """The units of one part, as ``search.engine.Engine._part`` evaluates them."""
    scope = "title" if part.field == "title" else None
    if isinstance(part, Phrase):
        chars = chars_of(part.text)
        if not chars:
            return []  # matches everything on the embedded index too
        if len(chars) == 1:
            return [Unit(scope, term=chars[0], chars=tuple(chars))]
        # (punctuation typed inside the phrase stands as a position of its own, as indexed)
        spaced: list[str] = []
        for n, (ch, offset) in enumerate(char_offsets(part.text)):
            spaced += [GAP, ch] if n and offset > len(spaced) else [ch]
        return [Unit(scope, chars=tuple(spaced))]
    out = []
    for word in dict.fromkeys(query_words(part.text)):
        chars = chars_of(word)
        if not chars or len(chars) == 1 or in_dictionary(word):
            out.append(Unit(scope, term=word, chars=tuple(chars)))
        else:
            out.append(Unit(scope, chars=tuple(chars)))
    return out


def highlight_words(part: Text | Phrase) -> list[str]:
    if isinstance(part, Phrase):
        return [fold(part.text).strip()]
    return list(dict.fromkeys(query_words(part.text)))


def translate(parsed: ParsedQuery) -> Translation:
    """The Typesense form of ``parsed``."""
    out = Translation()
    in_q: Unit | None = None  # the one required phrase that goes into q
    ranking: list[Unit] = []  # filter units also scored by q

    def unit_filter(unit: Unit) -> str:
        return unit.filter() if unit.is_filter else out.placeholder(unit)

    for part in parsed.required:
        if isinstance(part, Either):
            alternatives = []
            for alt in part.parts:
                out.words += highlight_words(alt)
                alt_units = units(alt)
                if not alt_units:
                    alternatives = []
                    break  # an alternative that matches everything: so does the group
                alternatives.append("(" + " && ".join(unit_filter(u) for u in alt_units) + ")")
            if alternatives:
                either = "(" + " || ".join(alternatives) + ")"
                out.filters.append(either)
                out.required.append(either)
            continue
        out.words += highlight_words(part)
        for unit in units(part):
            out.required.append(unit_filter(unit))
            if unit.is_filter:
                out.filters.append(unit.filter())
                ranking.append(unit)
            elif in_q is None:
                in_q = unit
            else:
                out.filters.append(out.placeholder(unit))
    for part in parsed.excluded:
        if isinstance(part, Text) and one_string(part.text) is not None:
            part = Phrase(part.text, part.field)  # the term as typed, as the embedded index
        for unit in units(part):
            # Typesense's own -"phrase" leaves out more than the phrase: by id instead.
            out.filters.append(
                unit.filter(negate=True) if unit.is_filter else out.placeholder(unit, True)
            )
    if parsed.categories:
        out.filters.append(any_filter("category", parsed.categories))
    if parsed.sources:
        out.filters.append(any_filter("source", parsed.sources))
    for fieldname, values in (
        ("category", parsed.excluded_categories),
        ("source", parsed.excluded_sources),
    ):
        out.filters += [f"{fieldname}:!=[{quote(v)}]" for v in values]
    out.words = list(dict.fromkeys(w for w in out.words if w))

    title_only = in_q is not None and in_q.scope == "title"
    out.query_by = "title_c" if title_only else "title_c,body_c"
    tokens = []
    if in_q is not None:
        tokens.append('"' + " ".join(map(token, in_q.chars)) + '"')
    for unit in ranking:
        # Unquoted: each character must occur, which every article the filter admits
        # satisfies (a second quoted phrase would not be enforced, see `Translation`).
        # With a title-only search, an unscoped word's characters may stand in the body only.
        if unit.phrase() and not (title_only and unit.scope is None):
            tokens += [t for t in unit.chars if t not in tokens]
    if tokens:
        out.q = " ".join(tokens)
        out.ranked = True
    return out
