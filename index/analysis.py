"""Chinese analysis: one definition for the index side and the query side.

Pipeline (Whoosh's composable stages; the tokenizers fold their input first)::

    text ─ fold() ─┬─ JiebaTokenizer ─ StopFilter(renumber=False) ─▶ word fields (title, body)
                   └─ CharTokenizer ──────────────────────────────▶ char fields (title_c, body_c)

``fold`` lower-cases, applies NFKC to single characters (full-width ２０２４, Ｂ → 2024, b) and
converts traditional to simplified characters (OpenCC t2s) *without changing the text's length*,
so every token's ``startchar``/``endchar`` slices the original, unfolded text: highlights land on
the right characters.

Word fields: jieba segments each run of Chinese characters; a token's position is its index in
token order, so phrase queries work. With ``mode="index"`` a long word also emits its dictionary
sub-words at the same position (搜索引擎 → 搜索, 索引, 引擎), so a query for a part of a word
finds it; with ``mode="query"`` only whole words are emitted (one query word stays one term).
Latin words, numbers, versions and codes stay whole (5g, iphone, 65.4%, 14040-14044, ±800);
the index side also emits their parts (65.4, 14040, 14044, 800).

Char fields: one token per Chinese character (Latin and numbers as above), so a single character
or any part of a word that jieba never splits out is still findable by a phrase of characters.

These classes are pickled into every index's schema: keep them at this module path, and bump
``SCHEMA_VERSION`` in ``index.schema`` whenever their output changes.
"""

from __future__ import annotations

import logging
import os
import re
import threading
import unicodedata
from collections.abc import Iterator, Sequence
from functools import cache
from importlib import resources
from pathlib import Path

import jieba
import opencc
from whoosh.analysis import CompositeAnalyzer, StopFilter, Token, Tokenizer

from xinwen.index.segmenter import DagSegmenter

# --- folding -----------------------------------------------------------------------------------

_T2S = opencc.OpenCC("t2s")


@cache
def _fold_table() -> dict[int, str]:
    """Per-character folds that keep length: NFKC to one character, then lower case."""
    table: dict[int, str] = {}
    for cp in range(0x20, 0x10000):
        ch = chr(cp)
        if 0xD800 <= cp <= 0xDFFF:
            continue
        folded = unicodedata.normalize("NFKC", ch)
        if len(folded) != 1:
            folded = ch
        folded = folded.lower()
        if len(folded) != 1:
            folded = ch.lower() if len(ch.lower()) == 1 else ch
        if folded != ch:
            table[cp] = folded
    return table


def _t2s(text: str) -> str:
    """Traditional → simplified, phrase-aware, falling back per character if lengths differ."""
    converted = _T2S.convert(text)
    if len(converted) == len(text):
        return converted
    out = []
    for ch in text:
        c = _T2S.convert(ch)
        out.append(c if len(c) == 1 else ch)
    return "".join(out)


_last_fold: tuple[str, str] = ("", "")


def fold(text: str) -> str:
    """Fold width, case and script (traditional → simplified); the result has ``len(text)``."""
    global _last_fold
    if not text:
        return text
    # Indexing folds each text twice in a row (word field, then character field): remember one.
    if _last_fold[0] is text:
        return _last_fold[1]
    folded = _t2s(text.translate(_fold_table()))
    # OpenCC can map a character to one that NFKC or lower-casing would change again; one more
    # pass makes ``fold`` idempotent (a property the tests check).
    again = _t2s(folded.translate(_fold_table()))
    _last_fold = (text, again)
    return again


# --- jieba -------------------------------------------------------------------------------------

_jieba_lock = threading.Lock()
_loaded_words: set[str] = set()
# ids of word tuples already loaded: the tokenizer checks this on every call, so keep it cheap.
_loaded_sets: set[int] = set()
_jieba_ready = False

ENERGY_DICT = "energy.txt"


def _dict_lines(text: str) -> Iterator[tuple[str, int | None, str | None]]:
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        parts = line.split()
        word = parts[0]
        freq = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else None
        tag = parts[-1] if len(parts) > 1 and not parts[-1].isdigit() else None
        yield fold(word), freq, tag


def read_userdict(path: str | os.PathLike[str]) -> tuple[tuple[str, int | None, str | None], ...]:
    """Read a jieba-format user dictionary (``word [freq] [tag]`` per line)."""
    return tuple(_dict_lines(Path(path).read_text(encoding="utf-8-sig")))


@cache
def energy_words() -> tuple[tuple[str, int | None, str | None], ...]:
    """The energy-industry dictionary that ships with xinwen."""
    text = (
        resources.files("xinwen.index").joinpath("dicts", ENERGY_DICT).read_text(encoding="utf-8")
    )
    return tuple(_dict_lines(text))


def configure_jieba(cache_dir: str | os.PathLike[str] | None = None) -> None:
    """Load jieba's dictionary once per process, caching it in ``cache_dir``, not in /tmp.

    jieba trusts whatever cache file it finds in its temp folder; keeping the cache in our own
    folder means nothing another user wrote to /tmp is ever loaded.
    """
    global _jieba_ready
    with _jieba_lock:
        if _jieba_ready:
            return
        jieba.setLogLevel(logging.WARNING)
        if cache_dir is not None:
            Path(cache_dir).mkdir(parents=True, exist_ok=True)
            jieba.dt.tmp_dir = str(cache_dir)
        jieba.dt.cache_file = "jieba.cache"
        jieba.initialize()
        _jieba_ready = True


def ensure_words(words: tuple[tuple[str, int | None, str | None], ...]) -> None:
    """Add dictionary words to the process-wide jieba dictionary (once each)."""
    if id(words) in _loaded_sets:
        return
    missing = [w for w in words if w[0] not in _loaded_words]
    if not missing:
        return
    configure_jieba()
    with _jieba_lock:
        for word, freq, tag in missing:
            if word and word not in _loaded_words:
                jieba.add_word(word, freq, tag)
                _loaded_words.add(word)
        _loaded_sets.add(id(words))


# --- tokenizers --------------------------------------------------------------------------------

_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_ALNUM = "0-9a-z\u00c0-\u024f"
# A run of Chinese characters, or one Latin/number token: 5g, iphone, 65.4%, 14040-14044, ±800,
# v2.0, c++, 1,000 (the comma only between digit groups).
_RUNS = re.compile(
    rf"(?P<han>[{_HAN}]+)"
    rf"|(?P<alnum>±?[{_ALNUM}]+(?:[.\-_/+:'][{_ALNUM}]+|,\d{{3}}(?!\d))*[%+#]*)"
)
_PART_SPLIT = re.compile(r"[\-_/:'+]")
# Letters against digits inside a part: 2014apec, iphone4, covid19. A side is kept when it is
# two or more characters (5g, 4k and g20's single sides are no word of their own).
_LETTERS_DIGITS = re.compile(r"[0-9]+|[a-z\u00c0-\u024f]+")
# Punctuation between two runs ends a phrase there: the next token stands one position further
# on, so "中国" does not match 格局中，国家 (characters either side of a comma), nor a phrase of
# words one across a full stop. Spaces, name dots (阿卜杜勒·马赫迪) and dashes (南山—白河) do not:
# people type those phrases without them.
PHRASE_BREAKS = '，。！？；：、,.!?;:“”‘’"「」『』《》〈〉（）()【】[]{}〔〕…'
_BREAK = re.compile(f"[{re.escape(PHRASE_BREAKS)}]")


def _gap(folded: str, end: int, start: int) -> int:
    """1 when punctuation stands between the previous run (ending at ``end``) and the next."""
    return 1 if end and _BREAK.search(folded, end, start) else 0


def alnum_parts(token: str) -> list[tuple[str, int]]:
    """Parts of a Latin/number token worth finding on their own, with their offsets in it."""
    parts: list[tuple[str, int]] = []
    core_start = 1 if token.startswith("±") else 0
    core = token[core_start:].rstrip("%+#")
    if core and core != token:
        parts.append((core, core_start))
    pieces: list[tuple[str, int]] = [(core, core_start)]
    if _PART_SPLIT.search(core):
        pieces, offset = [], core_start
        for piece in _PART_SPLIT.split(core):
            if piece:
                pieces.append((piece, offset))
                parts.append((piece, offset))
            offset += len(piece) + 1
    for piece, offset in pieces:
        sides = list(_LETTERS_DIGITS.finditer(piece))
        if len(sides) > 1 and sum(len(m.group()) for m in sides) == len(piece):
            parts += [(m.group(), offset + m.start()) for m in sides if len(m.group()) > 1]
    return parts


def in_dictionary(word: str) -> bool:
    """Whether jieba's dictionary (with ours and the user's words) has ``word``."""
    return bool(jieba.dt.FREQ.get(word))


# The characters jieba segments as Chinese (its ``re_han_default`` without Latin and digits).
_JIEBA_HAN = re.compile("[\u4e00-\u9fd5]+")


def cut_han(run: str) -> tuple[str, ...] | Iterator[str]:
    """``jieba.cut(run, HMM=True)`` for a run of Chinese characters: the same words.

    ``cut`` splits its input into blocks with a regular expression before segmenting each;
    a run of characters in jieba's own Chinese range is one such block, segmented here by
    `DagSegmenter` (jieba's algorithm in one pass, with memory: half jieba's time). Other runs
    (rare CJK extension characters) go through ``cut``. Tests check both agree with jieba.
    """
    if _JIEBA_HAN.fullmatch(run):
        return _segmenter().cut(run)
    return jieba.dt.cut(run, HMM=True)


@cache
def _segmenter() -> DagSegmenter:
    return DagSegmenter(jieba.dt)


def warm_segmenter() -> None:
    """Build the segmenter's tables now, with our energy words loaded (the cost:
    bench/results/code-notes.md, "Segmenter warm-up").

    For a process about to fork workers (a reindex, gunicorn's preloading master): they
    inherit the tables instead of each building its own on first use.
    """
    ensure_words(energy_words())
    _segmenter().refresh()


def sub_words(word: str) -> tuple[tuple[str, int], ...]:
    """Dictionary words inside a longer word, with their offsets (搜索引擎 → 搜索@0, 索引@1 …)."""
    return _segmenter().sub_words(word)


class _FoldingTokenizer(Tokenizer):
    """Base for our tokenizers: folds the text, then yields tokens over the folded copy."""

    def _tokens(
        self, folded: str, subparts: bool
    ) -> Iterator[tuple[str, int, int, int]]:  # (text, pos_increment, start, end)
        raise NotImplementedError

    def __call__(
        self,
        value: str,
        positions: bool = False,
        chars: bool = False,
        keeporiginal: bool = False,
        removestops: bool = True,
        start_pos: int = 0,
        start_char: int = 0,
        tokenize: bool = True,
        mode: str = "",
        **kwargs: object,
    ) -> Iterator[Token]:
        t = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        folded = fold(value)
        pos = start_pos - 1
        for text, inc, start, end in self._tokens(folded, mode == "index"):
            pos += inc
            t.text = text
            t.boost = 1.0
            t.stopped = False
            if keeporiginal:
                t.original = value[start:end]
            if positions:
                t.pos = pos
            if chars:
                t.startchar = start_char + start
                t.endchar = start_char + end
            yield t


class JiebaTokenizer(_FoldingTokenizer):
    """Words by jieba; in index mode also the sub-words of long words, at the same position."""

    def __init__(self, userwords: tuple[tuple[str, int | None, str | None], ...] = ()) -> None:
        self.userwords = tuple(userwords)

    def load_words(self) -> None:
        """Make sure jieba's dictionary has our energy words and this index's user words."""
        ensure_words(energy_words())
        if self.userwords:
            ensure_words(self.userwords)

    def _tokens(self, folded: str, subparts: bool) -> Iterator[tuple[str, int, int, int]]:
        self.load_words()
        last = 0
        for m in _RUNS.finditer(folded):
            start = m.start()
            inc = 1 + _gap(folded, last, start)
            last = m.end()
            if m.lastgroup == "han":
                for word in cut_han(m.group()):
                    end = start + len(word)
                    yield word, inc, start, end
                    inc = 1
                    if subparts and len(word) > 2:
                        for sub, off in sub_words(word):
                            yield sub, 0, start + off, start + off + len(sub)
                    start = end
            else:
                token = m.group()
                yield token, inc, start, m.end()
                if subparts:
                    for part, off in alnum_parts(token):
                        yield part, 0, start + off, start + off + len(part)


class CharTokenizer(_FoldingTokenizer):
    """One token per Chinese character; Latin words and numbers whole."""

    def _tokens(self, folded: str, subparts: bool) -> Iterator[tuple[str, int, int, int]]:
        last = 0
        for m in _RUNS.finditer(folded):
            start = m.start()
            inc = 1 + _gap(folded, last, start)
            last = m.end()
            if m.lastgroup == "han":
                for i, ch in enumerate(m.group(), start):
                    yield ch, inc, i, i + 1
                    inc = 1
            else:
                yield m.group(), inc, start, m.end()


# --- postings fast path ------------------------------------------------------------------------


def term_positions(analyzer: object, value: str) -> dict[str, list[int]] | None:
    """Each index-mode term of ``value`` with its positions, as ``analyzer`` would produce them.

    The fast path of ``index.schema``'s fields: the same tokens as running the analyzer through
    Whoosh, without a Token object per token. None when ``analyzer`` is not one of ours (the
    caller then falls back to Whoosh's generic path). Tests check both paths agree.
    """
    if isinstance(analyzer, CharTokenizer):
        return _char_positions(fold(value))
    plan = _word_plan(analyzer)
    if plan is None:
        return None
    tokenizer, stops = plan
    tokenizer.load_words()
    segmenter = _segmenter()
    segmenter.refresh()  # once per text: then words() and parts() skip the check
    positions: dict[str, list[int]] = {}
    get = positions.get
    pos = -1
    last = 0
    folded = fold(value)
    # JiebaTokenizer._tokens in index mode, its tokens added straight to ``positions``.
    for m in _RUNS.finditer(folded):
        pos += _gap(folded, last, m.start())
        last = m.end()
        if m.lastgroup == "han":
            run = m.group()
            words = segmenter.words(run) if _JIEBA_HAN.fullmatch(run) else cut_han(run)
            for word in words:
                pos += 1
                if len(word) > 2:
                    _add_terms(positions, word, segmenter.parts(word), pos, stops)
                elif word not in stops:  # most words: no parts, no call (once per word)
                    found = get(word)
                    if found is None:
                        positions[word] = [pos]
                    else:
                        found.append(pos)
        else:
            pos += 1
            token = m.group()
            _add_terms(positions, token, alnum_parts(token), pos, stops)
    return positions


def _add_terms(
    positions: dict[str, list[int]],
    token: str,
    parts: Sequence[tuple[str, int]],
    pos: int,
    stops: frozenset[str],
) -> None:
    """Record ``token`` and its ``parts`` (sub-words, pieces of a code) at ``pos``, not stops."""
    for text in (token, *(part for part, _off in parts)) if parts else (token,):
        if text not in stops:
            found = positions.get(text)
            if found is None:
                positions[text] = [pos]
            else:
                found.append(pos)


_plans: dict[int, tuple[object, tuple[JiebaTokenizer, frozenset[str]] | None]] = {}


def _word_plan(analyzer: object) -> tuple[JiebaTokenizer, frozenset[str]] | None:
    """``analyzer``'s tokenizer and stop words if it is ours (`word_analyzer`), else None.

    Worked out once per analyzer object: every document's every word field asks.
    """
    known = _plans.get(id(analyzer))
    if known is not None and known[0] is analyzer:
        return known[1]
    plan: tuple[JiebaTokenizer, frozenset[str]] | None = None
    items = getattr(analyzer, "items", None)
    if items and isinstance(items[0], JiebaTokenizer):
        stops: set[str] = set()
        for item in items[1:]:
            if not (isinstance(item, StopFilter) and not item.renumber and item.min <= 1):
                break
            if item.max is not None:
                break
            stops |= set(item.stops)
        else:
            plan = (items[0], frozenset(stops))
    if len(_plans) >= 64:  # analyzers come and go with the indexes a process opens
        _plans.clear()
    _plans[id(analyzer)] = (analyzer, plan)
    return plan


def _char_positions(folded: str) -> dict[str, list[int]]:
    positions: dict[str, list[int]] = {}
    pos = 0
    last = 0
    for m in _RUNS.finditer(folded):
        pos += _gap(folded, last, m.start())
        last = m.end()
        if m.lastgroup == "han":
            for ch in m.group():
                found = positions.get(ch)
                if found is None:
                    positions[ch] = [pos]
                else:
                    found.append(pos)
                pos += 1
        else:
            token = m.group()
            found = positions.get(token)
            if found is None:
                positions[token] = [pos]
            else:
                found.append(pos)
            pos += 1
    return positions


# --- analyzers ---------------------------------------------------------------------------------


@cache
def stop_words() -> frozenset[str]:
    """Our Chinese stop-word list (function words that carry no topic)."""
    text = (
        resources.files("xinwen.index")
        .joinpath("dicts", "stopwords.txt")
        .read_text(encoding="utf-8")
    )
    return frozenset(
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


def word_analyzer(
    userwords: tuple[tuple[str, int | None, str | None], ...] = (),
) -> CompositeAnalyzer:
    """The analyzer of the word fields: jieba words, stop words dropped, positions kept."""
    return JiebaTokenizer(userwords) | StopFilter(stoplist=stop_words(), minsize=1, renumber=False)


def char_analyzer() -> CharTokenizer:
    """The analyzer of the character fields."""
    return CharTokenizer()
