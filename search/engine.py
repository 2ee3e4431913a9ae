"""Query execution over whole posting lists: document sets as bitsets, BM25F, a re-ranking pass.

Whoosh stores the index; this module answers queries from it in three steps:

1. **Match.** Every query unit becomes a set of documents (a Python int used as a bitset):
   a word matches where it is a jieba word or sub-word in the title or body, *or* where its
   characters stand together in the character fields (checked with positions, only for the
   documents that do not already have the word). Units are ANDed (or ORed, or subtracted).
   A word with synonyms (``search.synonyms``) is one unit with them: its documents or theirs.
2. **Score.** BM25F over the word fields (title weighted), plus a small weight for the
   character fields, accumulated posting by posting into one array of scores.
3. **Re-rank.** The best ``RERANK_DEPTH`` documents get a factor read off their text: all query
   words side by side (the query as a phrase), close together (proximity), in the title or the
   lead, a typed string verbatim; a roundup counts story by story (``search.stories``).

Posting lists are cached per index generation (LRU, bounded in bytes), so a word shared by many
queries is read once; so are the positions of the terms position checks read often (a common
character's positions are spread over hundreds of blocks: decoding them was most of the time of
a phrase query).
"""

from __future__ import annotations

import dataclasses
import heapq
import math
import operator
import re
from bisect import bisect_left
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import islice

from whoosh.reading import IndexReader

from xinwen.index.analysis import PHRASE_BREAKS, CharTokenizer, in_dictionary, word_analyzer
from xinwen.index.postingvalues import decode_positions
from xinwen.index.schema import CHAR_FIELDS, load_index_words
from xinwen.search.facets import any_of, docnums_of, mask_of
from xinwen.search.folding import fold
from xinwen.search.postings import TermPostings, read_term, read_values
from xinwen.search.querylang import Either, ParsedQuery, Phrase, Text
from xinwen.search.readcache import GenerationData
from xinwen.search.stories import stories
from xinwen.search.synonyms import Synonyms

# Ranking weights, chosen by a sweep of known-item MRR@10 over the whole bench corpus
# (bench/results/code-notes.md, "Ranking weights") and re-checked on the tune halves of
# bench/queries (bench/results/ranking.md). The title weight was lowered from 2 by a joint
# search of all these constants that kept a move only when it gained on both folds of the tune
# halves (bench/rank_ascent.py; bench/results/ranking.md, round 6): a title counts for less
# against a body that says the words again and again.
TITLE_WEIGHT = 1.34
BODY_WEIGHT = 1.0
CHAR_WEIGHT = 0.35  # character-field match, relative to a word match in the same field
K1 = 1.2
B = 0.75
RERANK_DEPTH = 60
PHRASE_BONUS = 1.2  # × the document's BM25 score: all words side by side in the text
NEAR_BONUS = 0.5  # × the document's BM25 score, scaled by how tight the words' window is
NEAR_WINDOW = 40  # characters: windows wider than this get no proximity bonus
# A synonym scores at this share of the typed word (a synonym of several words: its rarest
# word): an article with only the synonym ranks below a comparable one with the typed word.
# Chosen on the tune halves of bench/queries: the largest share with no known-item loss
# (bench/results/code-notes.md, "Synonym weight").
SYNONYM_WEIGHT = 0.3
# All words in one sentence (wider than NEAR_WINDOW): no gain on the tune halves (0.15–0.6
# tried), so off; kept to be tried again with other changes.
SENTENCE_BONUS = 0.0
# × the BM25 score: every query word in the title or the body's first LEAD_CHARS characters.
# Chosen on the tune halves only (bench/results/ranking.md): it helps known items and topics;
# a larger one-word bonus costs topics.
LEAD_BONUS = 0.4
LEAD_BONUS_ONE = 0.1  # the same for a one-word query
LEAD_CHARS = 120
# Roundups (search.stories): × (1 - STORY_DAMP) when no single story holds every query word;
# STORY_LEAD: each story's headline and first lines count as a lead too. Chosen with
# VERBATIM_BONUS on the tune halves only (bench/results/ranking.md).
STORY_DAMP = 0.2
STORY_LEAD = True
# × the BM25 score, times the share of the typed strings jieba cuts into several words
# (史丹纳帝国, 长津湖的故事: its stop words dropped, 的 here) that stand verbatim in the title or
# body: the words side by side, as typed, say more than the same words apart.
VERBATIM_BONUS = 1.0
# × the BM25 score of the documents where a query typed as one string stands verbatim, when
# jieba's cut of it is unsure (a piece of one character or not in its dictionary, or a stop
# word dropped: 公共服务大平台 → 公共服务 + 大 + 平台; 史丹纳帝国): large enough that they all
# come before the documents with its pieces apart, however often those repeat the pieces.
# Chosen on the tune halves (bench/results/ranking.md, round 4).
VERBATIM_FIRST = 1000.0
# ... checked only when at most this many articles have all its pieces: the check reads
# positions, and a string that common (国家发展改革委, 2020年) is a topic whose articles the
# re-ranking's phrase bonus already orders (bench/results/ranking.md, "What it costs").
VERBATIM_FIRST_LIMIT = 500
# ... and, when some articles hold it verbatim, only those match: its pieces apart are not what
# was typed (大数据 matched 大 anywhere beside 数据: 6,226 articles where 1,001 hold it; 1.5亿
# matched 1.5万亿). Chosen on the tune halves (unmoved there; bench/results/ranking.md, round 9).
# Beyond VERBATIM_FIRST_LIMIT the verbatim check is the phrase's, with its own limit.
VERBATIM_ONLY = True
# ... when at least this many do (a page's worth); fewer are put first and the pieces fill the
# page after them (a topic typed so, 24 held-out topics: restricting to one or two articles
# cost nDCG@10 0.882 → 0.855; tune and test unmoved for any value from 1 to 30).
VERBATIM_ONLY_MIN = 10
_SENTENCES = re.compile("[。！？；!?;\n]")

CHAR_CHECK_LIMIT = 3_000  # candidates beyond which an unknown word skips the character check
# ... and a quoted phrase, which promises every article holding it: checked far deeper (a
# common phrase, "中国" or "我们", costs a few hundred milliseconds at the bench corpus's size;
# bench/results/code-notes.md); beyond it the results say the phrase was not checked in full.
PHRASE_CHECK_LIMIT = 50_000
CACHE_BYTES = 128 * 2**20  # posting lists (with positions, when read) kept per generation
CACHE_MASK_BYTES = 32 * 2**20  # term bitsets kept apart (one bit per document each)
# The two bounds above are for an index of up to this many documents and grow in proportion
# beyond it: a query's lists and bitsets grow with the corpus, and a cache bounded for the
# bench corpus made warm queries at 300,000 articles read their lists again and again
# (bench/results/code-notes.md, "Search caches sized to the corpus").
CACHE_SIZED_FOR = 75_000
# A position check reads a term's whole posting list (and keeps it, positions included) when it
# needs more than 1/DENSE_FACTOR of its documents; fewer are read block by block, uncached.
# Blocks hold 128 postings: documents spread over a list touch most of its blocks long before
# they are 1/8 of it, and decoding a block costs the same for one posting as for all.
DENSE_FACTOR = 64

_CHARS = CharTokenizer()
_CHAR_FIELD_NAMES = frozenset(CHAR_FIELDS.values())


def query_words(text: str) -> list[str]:
    """The query-side words of free text; its characters when only stop words remain."""
    words = [t.text for t in word_analyzer()(text, mode="query")]
    return words or [t.text for t in _CHARS(text)]


def one_string(text: str) -> str | None:
    """``text`` folded when it is one unspaced string that jieba cuts into several words, or
    that loses a stop word in the cut (巴以 → 巴, 以总理 → 总理, 向好 → 好); else None. Such a
    string is a term as typed: excluded as a phrase, and matched as typed when its cut is unsure
    (``typed_string``)."""
    typed = fold(text).strip()
    if not typed or any(ch.isspace() for ch in typed):
        return None
    words = list(dict.fromkeys(query_words(text)))
    if len(words) > 1:
        return typed
    # (only letters, digits and Chinese: a trailing 。 or ! is no part of the term)
    return typed if words and words[0] != typed and typed.isalnum() else None


_NOT_WORD = re.compile(r"\W+")


def _covers(text: str, words: Sequence[str]) -> bool:
    """Whether ``words`` (the query-side words of ``text``) hold every letter, digit and
    Chinese character of it: none was dropped as a stop word."""
    held = sum(len(_NOT_WORD.sub("", w)) for w in words)
    return held >= len(_NOT_WORD.sub("", fold(text)))


def chars_of(text: str) -> list[str]:
    """The character-field tokens of a text (Chinese characters; Latin words whole)."""
    return [t.text for t in _CHARS(text)]


_BREAK_RUN = rf"\s*[{re.escape(PHRASE_BREAKS)}][\s{re.escape(PHRASE_BREAKS)}]*"


def typed_breaks(text: str) -> re.Pattern[str] | None:
    """For a phrase typed with punctuation inside (能，电), the pattern of the folded text it
    stands for; None for one without. Positions only say that something stands in the
    punctuation's place, which a character also does (能源电)."""
    offsets = char_offsets(text)
    if all(offset == n for n, (_, offset) in enumerate(offsets)):
        return None
    parts, last = [], None
    for ch, offset in offsets:
        if last is not None:
            parts.append(_BREAK_RUN if offset > last + 1 else r"\s*")
        parts.append(re.escape(ch))
        last = offset
    return re.compile("".join(parts))


def char_offsets(text: str) -> list[tuple[str, int]]:
    """The character-field tokens of a text with their offsets from the first: side by side
    but for punctuation, which stands between them as a position of its own."""
    tokens = [(t.text, t.pos) for t in _CHARS(text, positions=True)]
    return [(ch, pos - tokens[0][1]) for ch, pos in tokens] if tokens else []


def highlight_words(parsed: ParsedQuery) -> list[str]:
    """The words (folded) a query marks in a text: ``Engine.plan(parsed).words``, without
    evaluating the query (an article page marks its reader's query, it does not run it)."""
    words: list[str] = []
    for part in parsed.required:
        for alt in part.parts if isinstance(part, Either) else (part,):
            if isinstance(alt, Phrase):
                words.append(fold(alt.text).strip())
            else:
                words += query_words(alt.text)
    return list(dict.fromkeys(w for w in words if w))


@dataclass
class Postings:
    """One term's postings (arrays; positions when read with them) and its live bitset."""

    term: TermPostings
    mask: int

    @property
    def ids(self) -> Sequence[int]:
        """Global document numbers, ascending (deleted documents included)."""
        return self.term.ids

    @property
    def weights(self) -> Sequence[float]:
        """Term frequencies, in the order of ``ids``."""
        return self.term.weights


@dataclass
class Plan:
    """What a parsed query needs: its unit sets, scoring terms and the words to highlight."""

    required: list[int] = field(default_factory=list)  # one bitset per required unit
    excluded: int = 0
    filters: list[int] = field(default_factory=list)
    terms: list[tuple[str, str, float]] = field(default_factory=list)  # (field, text, weight)
    words: list[str] = field(default_factory=list)  # highlight words, folded
    plain_words: list[str] = field(default_factory=list)  # for the proximity bonus
    typed: list[str] = field(default_factory=list)  # typed strings jieba cut into words, folded
    expanded: list[str] = field(default_factory=list)  # synonyms searched too that matched
    first: int = 0  # documents ranked first: the whole query, typed as one string, verbatim
    unchecked: list[str] = field(default_factory=list)  # phrases too common to check in full
    # The query is one string jieba cannot cut (VERBATIM_ONLY's case) that no article holds as
    # typed: what it finds are its pieces apart (光伏发店: 光伏 + 发 + 店).
    typed_missing: bool = False
    whole: str | None = None  # the query's one string, marked alone where it stands (typed_string)


class Engine:
    """Per-generation query execution; not thread-safe (the Searcher holds a lock)."""

    def __init__(self, reader: IndexReader, size: int, live: int, data: GenerationData) -> None:
        load_index_words(reader.schema)  # the index's user dictionary, for its queries
        self.reader = reader
        self.size = size
        self.live = live
        self.doc_count = reader.doc_count()
        self._data = data  # field lengths and input order (readcache)
        self._cache: OrderedDict[tuple[str, str], Postings] = OrderedDict()
        self._masks: OrderedDict[tuple[str, str], int] = OrderedDict()
        self._cached_bytes = 0
        self._mask_bytes = 0
        self._cache_scale = max(1.0, size / CACHE_SIZED_FOR)
        self._norms: dict[str, list[float]] = {}
        self._order: list[int] = data.order
        self._last_docnums: tuple[int, list[int]] | None = None
        # Postings visited by ``scores`` since this generation was opened: the work a query's
        # scoring did, for tests and benchmarks.
        self.scored_postings = 0

    # -- postings ------------------------------------------------------------------------------

    def postings(self, fieldname: str, text: str, positions: bool = False) -> Postings:
        """A term's postings (cached, least recently used dropped first); ``positions``: with
        its encoded positions (character fields are always read with them: their positions
        are what the character checks read)."""
        key = (fieldname, text)
        hit = self._cache.get(key)
        if hit is not None and (hit.term.values is not None or not positions):
            self._cache.move_to_end(key)
            return hit
        with_values = positions or fieldname in _CHAR_FIELD_NAMES
        term = read_term(self.reader, fieldname, text, with_values)
        mask = self._masks.get(key)
        post = Postings(term, self._remember_mask(key, term.ids) if mask is None else mask)
        if hit is not None:
            self._cached_bytes -= hit.term.nbytes()
        self._cache[key] = post
        self._cache.move_to_end(key)
        self._cached_bytes += term.nbytes()
        while self._cached_bytes > CACHE_BYTES * self._cache_scale and len(self._cache) > 1:
            _, old = self._cache.popitem(last=False)
            self._cached_bytes -= old.term.nbytes()
        return post

    def mask(self, fieldname: str, text: str) -> int:
        """The live documents that have a term (cached apart: a few KB each)."""
        key = (fieldname, text)
        found = self._masks.get(key)
        if found is not None:
            self._masks.move_to_end(key)
            return found
        return self.postings(fieldname, text).mask

    def _remember_mask(self, key: tuple[str, str], ids: Iterable[int]) -> int:
        mask = mask_of(ids, self.size) & self.live
        self._masks[key] = mask
        self._mask_bytes += _mask_nbytes(mask)
        while self._mask_bytes > CACHE_MASK_BYTES * self._cache_scale and len(self._masks) > 1:
            _, old = self._masks.popitem(last=False)
            self._mask_bytes -= _mask_nbytes(old)
        return mask

    def hot_terms(self, limit: int) -> list[tuple[str, str, bool]]:
        """The ``limit`` terms used most recently, newest first, each with whether its
        positions were read: what a newer generation of the same index will be asked for."""
        newest = islice(reversed(self._cache.items()), limit)
        return [(f, t, post.term.values is not None) for (f, t), post in newest]

    def cache_info(self) -> dict[str, int]:
        """Sizes of the per-generation caches (for tests)."""
        return {
            "terms": len(self._cache),
            "postings": sum(len(p.term.ids) for p in self._cache.values()),
            "bytes": self._cached_bytes,
            "masks": len(self._masks),
            "mask_bytes": self._mask_bytes,
            "bytes_bound": int(CACHE_BYTES * self._cache_scale),
            "mask_bytes_bound": int(CACHE_MASK_BYTES * self._cache_scale),
        }

    def df(self, fieldname: str, text: str) -> int:
        """How many documents have a term (deleted ones included: a ranking estimate)."""
        return self.reader.doc_frequency(fieldname, text)

    def _norm(self, fieldname: str) -> list[float]:
        """BM25's per-document length normalisation ``K1 * (1 - B + B * len / avg)``."""
        norms = self._norms.get(fieldname)
        if norms is None:
            total = self._data.field_lengths[fieldname]
            lengths = self._data.lengths[fieldname]  # the fields readcache.LENGTH_FIELDS keeps
            avg = total / max(self.doc_count, 1) or 1.0
            norms = [K1 * (1 - B + B * n / avg) for n in lengths]
            self._norms[fieldname] = norms
        return norms

    # -- matching ------------------------------------------------------------------------------

    def _together(self, fieldname: str, terms: Sequence[tuple[str, int]], among: int) -> int:
        """Documents of ``among`` in which each term stands at its offset from the first.

        Checks positions, rarest term first, reading each term's positions only for the
        documents still in question: after the two rarest, few candidates remain.
        """
        if not among:
            return 0
        starts: dict[int, set[int]] | None = None
        for text, offset in sorted(terms, key=lambda t: self.df(fieldname, t[0])):
            docs = docnums_of(among) if starts is None else sorted(starts)
            term = self._with_positions(fieldname, text, docs)
            if term is not None:
                found = _begins_cached(term, docs, offset, starts)
            else:
                found = {}
                for d, value in read_values(self.reader, fieldname, text, docs):
                    begins = {p - offset for p in decode_positions(value)}
                    if starts is not None:
                        begins &= starts[d]
                    if begins:
                        found[d] = begins
            if not found:
                return 0
            starts = found
        return mask_of(starts or (), self.size)

    def _with_positions(self, fieldname: str, text: str, docs: list[int]) -> TermPostings | None:
        """The term's whole posting list with positions, from the cache or read (and kept)
        when ``docs`` are many enough that reading it all pays; None: read ``docs`` block by
        block instead (``read_values``)."""
        hit = self._cache.get((fieldname, text))
        if hit is not None and hit.term.values is not None:
            self._cache.move_to_end((fieldname, text))
            return hit.term
        if len(docs) * DENSE_FACTOR <= self.df(fieldname, text):
            return None
        return self.postings(fieldname, text, positions=True).term

    def _chars_together(
        self, fieldname: str, chars: Sequence[str], among: int, text: str | None = None
    ) -> int:
        """Documents of ``among`` in which ``chars`` stand side by side in ``fieldname`` (as
        they stand in ``text``, punctuation and all, when given)."""
        if len(chars) == 1:
            return self.mask(fieldname, chars[0]) & among
        offsets = char_offsets(text) if text is not None else [(c, i) for i, c in enumerate(chars)]
        return self._together(fieldname, offsets, among)

    def _word_unit(
        self,
        word: str,
        fields: Sequence[str],
        plan: Plan,
        weight: float = 1.0,
        within: int | None = None,
    ) -> int:
        """Documents with ``word``.

        A word jieba knows matches where it is a word or a dictionary sub-word of a longer one
        (the index side emits those). A word it does not know (a name, a new term, any other
        run of characters) also matches where its characters stand together, checked when at
        most ``CHAR_CHECK_LIMIT`` documents have all its characters without the word — or, when
        more do, at most that many of those that may also hold the query's other words
        (``within``); a single character matches anywhere.
        """
        chars = chars_of(word)
        as_word = 0
        for f in fields:
            as_word |= self.mask(f, word)
            plan.terms.append((f, word, _weight(f) * weight))
        if not chars or (len(chars) > 1 and in_dictionary(word)):
            return as_word
        as_chars = 0
        for f in fields:
            cf = CHAR_FIELDS[f]
            candidates = self.live
            for ch in dict.fromkeys(chars):
                candidates &= self.mask(cf, ch)
            candidates &= ~as_word
            if len(chars) > 1 and candidates.bit_count() > CHAR_CHECK_LIMIT:
                # Too many to check position by position within a page's time budget; those
                # that cannot hold the other words are no match of the query anyway (国补 in
                # 国补家电: jieba cuts 类国补 + 家电 in an article, and 国 + 补 are everywhere).
                if within is not None:
                    candidates &= within
                if candidates.bit_count() > CHAR_CHECK_LIMIT:
                    # The word's own matches (jieba cuts it the same way in most documents)
                    # stand.
                    continue
            as_chars |= self._chars_together(cf, chars, candidates)
            if len(chars) == 1:
                plan.terms.append((cf, chars[0], _weight(f) * CHAR_WEIGHT * weight))
        return as_word | as_chars

    def _phrase_unit(
        self,
        text: str,
        fields: Sequence[str],
        plan: Plan,
        by_chars: bool = True,
        among: int | None = None,
    ) -> int:
        """Documents with the exact phrase.

        First where its words stand in order at the word positions (cheap: words are rarer
        than characters), then, among the documents left that have all its characters, where
        the characters stand together (jieba cut the phrase differently there) — checked when
        at most ``PHRASE_CHECK_LIMIT`` such documents remain (unless ``by_chars`` is False;
        beyond it the phrase is noted in ``plan.unchecked``).
        """
        chars = chars_of(text)
        if not chars:
            return self.live
        tokens = [(t.text, t.pos) for t in word_analyzer()(text, mode="query", positions=True)]
        # Words prove the phrase only when they cover it: where jieba dropped a stop word
        # ("以总理" → 总理), every article with 总理 would count; its characters decide there.
        whole = _covers(text, [w for w, _ in tokens])
        found = 0
        among = self.live if among is None else among
        for f in fields:
            for word, _ in tokens:
                plan.terms.append((f, word, _weight(f)))
            by_words = self._words_together(f, tokens, among) if tokens and whole else 0
            cf = CHAR_FIELDS[f]
            # The character field keeps a Latin or number token whole (2016-2030, 5g+) where
            # the word field also has its parts (2030, 5g): the words' own positions prove
            # those, the characters only the Chinese.
            chinese = among
            for ch in dict.fromkeys(c for c in chars if len(c) == 1):
                chinese &= self.mask(cf, ch)
            candidates = chinese
            for ch in dict.fromkeys(c for c in chars if len(c) > 1):
                candidates &= self.mask(cf, ch)
            rest = candidates & ~by_words
            found |= by_words & chinese
            if by_chars and (len(chars) == 1 or rest.bit_count() <= PHRASE_CHECK_LIMIT):
                found |= self._chars_together(cf, chars, rest, text)
            elif by_chars:
                plan.unchecked.append(text)
        if (pattern := typed_breaks(text)) is not None and found.bit_count() <= CHAR_CHECK_LIMIT:
            # (read back from the stored text: beyond the limit, positions alone decide)
            kept = []
            for d in docnums_of(found):
                stored = self.reader.stored_fields(d)
                if any(pattern.search(fold(stored.get(f, ""))) for f in fields):
                    kept.append(d)
            found = mask_of(kept, self.size)
        return found

    def _words_together(
        self, fieldname: str, tokens: Sequence[tuple[str, int]], among: int | None = None
    ) -> int:
        """Documents (of ``among``) in which the words stand at the tokens' relative positions."""
        among = self.live if among is None else among
        for word, _ in tokens:
            among &= self.mask(fieldname, word)
        if len(tokens) == 1:
            return among
        first = tokens[0][1]
        return self._together(fieldname, [(w, pos - first) for w, pos in tokens], among)

    def _part(
        self,
        part: Text | Phrase,
        plan: Plan,
        highlight: bool = True,
        synonyms: Synonyms | None = None,
    ) -> list[int]:
        fields = ("title",) if part.field == "title" else ("title", "body")
        if isinstance(part, Phrase):
            if highlight:
                plan.words.append(fold(part.text).strip())
            return [self._phrase_unit(part.text, fields, plan)]
        words = list(dict.fromkeys(query_words(part.text)))
        if highlight:
            plan.words += words
            if part.field is None:
                plan.plain_words += words
            if part.field in (None, "title") and (typed := one_string(part.text)) is not None:
                plan.typed.append(typed)
        possible = [self._possible(w, fields) for w in words]
        units = [
            self._word_unit(
                w, fields, plan, within=_and_all(possible[:i] + possible[i + 1 :], self.live)
            )
            for i, w in enumerate(words)
        ]
        if not synonyms:
            return units
        # A word with synonyms (or a run of words that jieba cut from one: 国家 + 发改委) is one
        # unit: its own documents or any synonym's.
        for i, j, alternatives in reversed(synonyms.spans(words)):
            unit = _and_all(units[i:j], self.live)
            for alt in alternatives:
                found = self._synonym_unit(alt, fields, plan)
                if found:
                    unit |= found
                    plan.expanded.append(alt)
                    if highlight:
                        plan.words.append(alt)
            units[i:j] = [unit]
        return units

    def _possible(self, word: str, fields: Sequence[str]) -> int:
        """Documents that may hold ``word``: as a word, or (a word jieba does not know) with all
        its characters."""
        found = 0
        for f in fields:
            found |= self.mask(f, word)
            if len(word) > 1 and in_dictionary(word):
                continue
            chars = self.live
            for ch in dict.fromkeys(chars_of(word)):
                chars &= self.mask(CHAR_FIELDS[f], ch)
            found |= chars
        return found

    def _synonym_unit(self, text: str, fields: Sequence[str], plan: Plan) -> int:
        """Documents with a synonym, scored at ``SYNONYM_WEIGHT`` of a typed word: a synonym
        jieba keeps whole as a word, else (several words) as a phrase of words, scored by its
        rarest word alone.

        Not of characters too, as a typed phrase is (a long name of common characters,
        国家发展和改革委员会, was slow to check that way: bench/results/code-notes.md, "Synonyms not
        checked by characters"), and not scored by every word (the common ones, 中国 in
        中国国际进口博览会, would each add a pass over tens of thousands of postings): the synonym
        only widens the query.
        """
        words = query_words(text)
        if len(words) == 1:
            return self._word_unit(words[0], fields, plan, SYNONYM_WEIGHT)
        found = self._phrase_unit(text, fields, Plan(), by_chars=False)
        for f in fields:
            rarest = min(words, key=lambda w: self.df(f, w))
            plan.terms.append((f, rarest, _weight(f) * SYNONYM_WEIGHT))
        return found

    def plan(
        self,
        parsed: ParsedQuery,
        categories: dict,
        sources: dict,
        synonyms: Synonyms | None = None,
    ) -> Plan:
        """Evaluate every unit of a parsed query to a bitset; words of ``synonyms`` (outside
        quoted phrases and exclusions) also find their synonyms."""
        plan = Plan()
        for part in parsed.required:
            if isinstance(part, Either):
                either = 0
                for alt in part.parts:
                    units = self._part(alt, plan, synonyms=synonyms)
                    either |= _and_all(units, self.live)
                plan.required.append(either)
            else:
                plan.required += self._part(part, plan, synonyms=synonyms)
        scratch = Plan()
        for part in parsed.excluded:
            if isinstance(part, Text) and one_string(part.text) is not None:
                # -疫情防控 leaves out what has the term as typed, as -"疫情防控" does; each of
                # its words apart (疫情, 防控) left out every article with either, and -巴以 every
                # article with 巴 (以 is a stop word).
                part = Phrase(part.text, part.field)
            plan.excluded |= _and_all(self._part(part, scratch, highlight=False), self.live)
        if parsed.categories:
            plan.filters.append(any_of(categories, parsed.categories))
        if parsed.sources:
            plan.filters.append(any_of(sources, parsed.sources))
        plan.excluded |= any_of(categories, parsed.excluded_categories)
        plan.excluded |= any_of(sources, parsed.excluded_sources)
        plan.words = list(dict.fromkeys(w for w in plan.words if w))
        plan.whole = typed_string(parsed)
        plan.expanded = list(dict.fromkeys(plan.expanded))
        one = parsed.required[0] if len(parsed.required) == 1 else None
        if (
            VERBATIM_FIRST > 1
            and isinstance(one, Text)
            and one.field in (None, "title")
            and len(plan.typed) == 1
            and _loose(plan.typed[0], list(dict.fromkeys(query_words(one.text))))
        ):
            among = _and_all(plan.required + plan.filters, self.live) & ~plan.excluded
            if VERBATIM_ONLY:
                typed = plan.typed[0]
                held = self.verbatim(typed, among, fields=_fields_of(one))
                if held.bit_count() >= VERBATIM_ONLY_MIN:
                    plan.required, plan.first = [held], held
                elif held:
                    plan.first = held
                else:
                    plan.typed_missing = True
            elif among.bit_count() <= VERBATIM_FIRST_LIMIT:
                plan.first = self.verbatim(plan.typed[0], among, fields=_fields_of(one))
        return plan

    def verbatim(
        self,
        text: str,
        among: int,
        by_chars: bool = True,
        fields: Sequence[str] = ("title", "body"),
    ) -> int:
        """The documents of ``among`` that hold ``text`` verbatim in one of ``fields``
        (``by_chars`` False: only where jieba cut it as the query's words, which is cheap; none
        then for a string that loses a stop word in the cut, whose words do not cover it)."""
        return self._phrase_unit(text, fields, Plan(), by_chars=by_chars, among=among)

    def matches(self, plan: Plan, any_unit: bool = False) -> int:
        """The documents the plan matches: every unit (or any, for the fallback)."""
        if not plan.required:
            core = self.live
        elif any_unit:
            core = 0
            for unit in plan.required:
                core |= unit
        else:
            core = _and_all(plan.required, self.live)
        for f in plan.filters:
            core &= f
        return core & ~plan.excluded & self.live

    # -- scoring -------------------------------------------------------------------------------

    def scores(
        self, terms: Iterable[tuple[str, str, float]], among: int | None = None
    ) -> list[float]:
        """BM25F scores for the weighted terms (only ``among``'s documents, when given, are
        guaranteed right: when they are few, each is looked up instead of every posting read).
        """
        scores = [0.0] * self.size
        n = self.doc_count
        wanted = self.docnums(among) if among is not None and among.bit_count() < 5000 else None
        for fieldname, text, weight in dict.fromkeys(terms):
            post = self.postings(fieldname, text)
            df = len(post.ids)
            if not df:
                continue
            idf = math.log(1 + (n - df + 0.5) / (df + 0.5)) * weight * (K1 + 1)
            norms = self._norm(fieldname)
            ids, tfs = post.ids, post.weights
            if wanted is not None and len(wanted) * 16 < df:
                self.scored_postings += len(wanted)
                lo = 0
                for d in wanted:
                    j = bisect_left(ids, d, lo)
                    if j < df and ids[j] == d:
                        tf = tfs[j]
                        scores[d] += idf * tf / (tf + norms[d])
                        lo = j
                continue
            self.scored_postings += df
            for d, tf in zip(ids, tfs, strict=True):
                scores[d] += idf * tf / (tf + norms[d])
        return scores

    def top(self, candidates: int, scores: list[float], k: int) -> list[int]:
        """The ``k`` best-scoring documents of ``candidates``; equal scores in input order.

        Document numbers depend on how the workers of a build shared the records, so ties are
        broken by the record's place in the sources: every build of a corpus ranks alike.
        """
        if k <= 0:
            return []
        docs = self.docnums(candidates)
        order = self.input_order()
        if len(docs) > k:
            best = heapq.nlargest(k + 1, docs, key=scores.__getitem__)
            cut = scores[best[k - 1]]
            if scores[best[k]] == cut:
                best = _ties_in_input_order(docs, scores, order, best[:k], cut)
            docs = best[:k]
        return sorted(docs, key=lambda d: (-scores[d], order[d]))

    def docnums(self, mask: int) -> list[int]:
        """``docnums_of(mask)``, remembered for the last bitset asked (the same candidate set
        is listed for scoring, for the top documents and for the fallback's re-weighting).
        Callers must not change the list."""
        last = self._last_docnums
        if last is not None and last[0] is mask:
            return last[1]
        docs = docnums_of(mask)
        self._last_docnums = (mask, docs)
        return docs

    def input_order(self) -> list[int]:
        """Each document's place in the sources (the ``seq`` column), by docnum."""
        return self._order


def _ties_in_input_order(
    docs: list[int], scores: list[float], order: list[int], best: list[int], cut: float
) -> list[int]:
    """``best`` (the top documents, heapq's pick) with its documents tied at ``cut`` replaced
    by the first of all those tied in input order, as ``Engine.top`` sorts them.

    heapq keeps the lowest document numbers of a tie, and a parallel build numbers documents
    out of input order: a deeper page would bring tied documents in ahead of ones already
    shown, and paging would show some twice and others never (hundreds of bulletins of one
    shape score alike). Only a tie across the cut pays for this scan.
    """
    values = operator.itemgetter(*docs)(scores)
    tied, i = [], -1
    for _ in range(values.count(cut)):
        i = values.index(cut, i + 1)
        tied.append(docs[i])
    tied.sort(key=order.__getitem__)
    above = [d for d in best if scores[d] != cut]
    return above + tied[: len(best) - len(above)]


def typed_string(parsed: ParsedQuery) -> str | None:
    """The string a query was typed as when that is ``VERBATIM_ONLY``'s case (one unspaced
    string, searched everywhere or in the title, whose cut jieba is unsure of: 大数据 → 大 + 数据,
    巴以 → 巴), folded; None otherwise."""
    one = parsed.required[0] if len(parsed.required) == 1 else None
    if not VERBATIM_ONLY or not isinstance(one, Text) or one.field not in (None, "title"):
        return None
    typed = one_string(one.text)
    if typed is None:
        return None
    return typed if _loose(typed, list(dict.fromkeys(query_words(one.text)))) else None


def marked_words(words: Sequence[str], whole: str | None, *texts: str) -> tuple[str, ...]:
    """What a result or an article is marked by: ``whole`` alone (``typed_string``) where one
    of its ``texts`` holds it (not 大 wherever it stands), else the query's ``words``."""
    if whole and any(whole in fold(t) for t in texts):
        return (whole,)
    return tuple(words)


def as_typed(parsed: ParsedQuery) -> ParsedQuery | None:
    """The query with its one part searched as the phrase it was typed as (``typed_string``),
    or None. The cluster backend searches it first, as ``Engine.plan`` does."""
    typed = typed_string(parsed)
    if typed is None:
        return None
    return dataclasses.replace(parsed, required=[Phrase(typed, parsed.required[0].field)])


def _fields_of(part: Text | Phrase) -> tuple[str, ...]:
    return ("title",) if part.field == "title" else ("title", "body")


def _loose(typed: str, words: Sequence[str]) -> bool:
    """Whether jieba's cut of ``typed`` is unsure: a stop word dropped, or a piece that is one
    character or not in the dictionary."""
    if "".join(words) != typed:
        return True
    return any(len(w) == 1 or not in_dictionary(w) for w in words)


def rerank_factor(words: Sequence[str], title: str, body: str, typed: Sequence[str] = ()) -> float:
    """What a document's BM25 score is multiplied by, read off its text: more when every query
    word is in the title or the lead (news is written with what a story is about first), when
    the words stand together, close, or in one sentence, and when a typed string that jieba
    cuts apart (``typed``, folded) stands verbatim in the text; less when the article is a
    roundup of several stories (``search.stories``) none of which holds every word.

    In a roundup each story counts as an article of its own for the lead and closeness: its
    headline and first lines are its lead, and the best story counts.
    """
    if not words:
        return 1.0
    bonus = 0.0
    head = fold(title)
    # Cut before folding (headlines read the same either way): a one-word query then folds
    # only the leads, not a body that may be long.
    raw = stories(body) if STORY_DAMP or STORY_LEAD else [body]
    several = len(raw) > 1
    lead_bonus = LEAD_BONUS if len(words) > 1 else LEAD_BONUS_ONE
    if lead_bonus:
        if several and STORY_LEAD:
            leads = [fold(p.lstrip("\n")[:LEAD_CHARS]) for p in raw]
        else:
            leads = [fold(body[:LEAD_CHARS])]
        if any(all(w in head + "\n" + lead for w in words) for lead in leads):
            bonus += lead_bonus
    if len(words) < 2:
        return 1.0 + bonus
    parts = [fold(p) for p in raw]
    text = "\n".join(parts)
    joined = "".join(words)
    typed = [t for t in typed if t != joined]  # the whole query side by side: PHRASE_BONUS
    if VERBATIM_BONUS and typed:
        whole = head + "\n" + text
        bonus += VERBATIM_BONUS * sum(1 for t in typed if t in whole) / len(typed)
    contexts = [head + "\n" + p for p in parts]
    holding = [c for c in contexts if all(w in c for w in words)]
    if not holding:
        return (1.0 + bonus) * (1.0 - STORY_DAMP if several else 1.0)
    if any(joined in c for c in holding):
        return 1.0 + bonus + PHRASE_BONUS
    window = min(w for c in holding if (w := _smallest_window(c, words)) is not None)
    if window <= NEAR_WINDOW:
        return 1.0 + bonus + NEAR_BONUS * len(joined) / window
    if SENTENCE_BONUS and any(
        all(w in s for w in words) for s in _SENTENCES.split(head + "\n" + text)
    ):
        return 1.0 + bonus + SENTENCE_BONUS
    return 1.0 + bonus


def _smallest_window(text: str, words: Sequence[str]) -> int | None:
    """Length of the shortest stretch of ``text`` containing every word (None if one is absent)."""
    spots: list[tuple[int, int, int]] = []  # (start, end, word index)
    for i, w in enumerate(words):
        start = text.find(w)
        if start < 0:
            return None
        while start >= 0:
            spots.append((start, start + len(w), i))
            start = text.find(w, start + 1)
    spots.sort()
    need = len(words)
    counts = [0] * need
    have = 0
    best = None
    left = 0
    for right in range(len(spots)):
        i = spots[right][2]
        counts[i] += 1
        if counts[i] == 1:
            have += 1
        while have == need:
            width = spots[right][1] - spots[left][0]
            best = width if best is None or width < best else best
            j = spots[left][2]
            counts[j] -= 1
            if counts[j] == 0:
                have -= 1
            left += 1
    return best


def _begins_cached(
    term: TermPostings, docs: list[int], offset: int, starts: dict[int, set[int]] | None
) -> dict[int, set[int]]:
    """For each of ``docs`` that has the term: its positions less ``offset``, kept only where
    they are in ``starts[d]`` (when given); documents left with none are dropped.

    ``decode_positions`` over ``term.value(j)``, inlined: this loop runs for every candidate
    of a phrase, thousands of times a query.
    """
    ids, ends, blob = term.ids, term.ends, term.values
    assert ends is not None and blob is not None
    n, lo = len(ids), 0
    found: dict[int, set[int]] = {}
    for d in docs:
        j = lo = bisect_left(ids, d, lo)
        if j == n or ids[j] != d:
            continue
        start, end = (ends[j - 1] if j else 0), ends[j]
        if end - start == 4:  # one position, the common case
            begins = {int.from_bytes(blob[start:end], "little") - offset}
        else:
            begins = {p - offset for p in decode_positions(blob[start:end])}
        if starts is not None:
            begins &= starts[d]
        if begins:
            found[d] = begins
    return found


def _mask_nbytes(mask: int) -> int:
    return (mask.bit_length() + 7) // 8 + 100


def _weight(fieldname: str) -> float:
    return TITLE_WEIGHT if fieldname == "title" else BODY_WEIGHT


def _and_all(masks: Sequence[int], live: int) -> int:
    out = live
    for m in masks:
        out &= m
    return out
