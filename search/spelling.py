"""“Did you mean”: homophone typos and pinyin typed for Chinese, from the index's own words.

Most misspelt Chinese queries are typed through a pinyin input method, so the wrong word has
the right sound (光服 for 光伏), and people without one type the pinyin itself (``guangfu``,
``te gao ya``, ``guāngfú``, ``guang1fu2``). Both are answered from one table built from the
generation's own vocabulary, so suggestions are words the archive actually uses:

    index words (title, body; Chinese, 2–8 characters)
      → toneless pinyin of each (pypinyin, with its phrase readings: 银行 yinhang)
      → table: pinyin key → the words with that sound (their document counts are looked up
        when a query compares them)

``suggest_variants`` replaces a span of one to three query words by a commoner word of the
same sound; ``pinyin_words`` segments a string of pinyin into vocabulary keys (most probable
split by document counts, as jieba segments characters). The service counts what each
variant finds and offers the best one only when it finds clearly more.

The table is written beside the generation when a reindex prepares it for readers (as the
read cache is), checked against the generation's key when loaded, and rebuilt in-process when
it is missing or stale. pypinyin is the maintained library for the readings; what is written
here is only the lookup, which no library does over an index's words.
"""

from __future__ import annotations

import contextlib
import logging
import marshal
import math
import os
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from whoosh.reading import IndexReader

log = logging.getLogger(__name__)

VOCABULARY_FILE = "xinwen-pinyin.cache"
FORMAT = 3  # 3: each sound's words as one tab-joined string
MIN_DF = 2  # a word in one document only is too likely a segmentation accident to suggest
MAX_HOMOPHONES = 40  # words of one sound compared at most (their counts are looked up)
MAX_SPAN = 3  # query words one replacement may cover (光 服 → 光伏)
MAX_PINYIN = 64  # characters of pinyin segmented at most
WORD_FIELDS = ("title", "body")

_HAN_WORD = re.compile("[\u4e00-\u9fff]{2,8}")
_HAN = re.compile("[\u4e00-\u9fff]")
# Pinyin as typed: syllables of letters, each with an optional tone digit, between spaces or
# apostrophes (xi'an); tone marks are combining accents once decomposed.
_PINYIN_TOKEN = re.compile(r"(?:[a-z]+[0-5]?)+")
_PINYIN_GAPS = re.compile(r"[\s'’]+")
_ACCENTS = re.compile("[\u0300-\u036f]")


@dataclass
class Vocabulary:
    """Pinyin key → the index's words with that sound, tab-joined; ``longest``: the longest
    key.

    One string per sound, not a list: unmarshalling a table of 74,000 articles' words took
    six times as long as lists (one object per word), and a query splits only the few
    sounds it looks up.
    """

    keys: dict[str, str]
    longest: int = 0

    def words(self, key: str) -> list[str]:
        joined = self.keys.get(key)
        return joined.split("\t") if joined else []


def warm_readings() -> None:
    """Load pypinyin and the character readings now (about a second), not in the first
    query with few results: a server calls this as each worker starts."""
    _single_readings()


@cache
def _single_readings() -> dict[str, str]:
    """Characters with one toneless reading → that reading (most characters have one; the
    rest need pypinyin's phrase readings: 银行 yinhang, 行业 hangye)."""
    from pypinyin.pinyin_dict import pinyin_dict

    single = {}
    for code, readings in pinyin_dict.items():
        plain = {_toneless(r) for r in readings.split(",")}
        if len(plain) == 1:
            single[chr(code)] = plain.pop()
    return single


def _toneless(reading: str) -> str:
    decomposed = unicodedata.normalize("NFD", reading).replace("u\u0308", "v")
    return _ACCENTS.sub("", decomposed)


def sound(text: str) -> str:
    """The toneless pinyin of Chinese ``text``, syllables joined: 光伏 → guangfu, 绿色 → lvse."""
    single = _single_readings()
    try:
        return "".join([single[ch] for ch in text])
    except KeyError:
        # Imported here: pypinyin's phrase tables are slow to load (bench/results/code-notes.md,
        # "Late imports"), and only queries with few results (and the reindex) ever need them.
        from pypinyin import Style, lazy_pinyin

        return "".join(lazy_pinyin(text, style=Style.NORMAL, v_to_u=False))


def build(reader: IndexReader) -> Vocabulary:
    """The table of ``reader``'s generation: every Chinese word of 2–8 characters by its
    sound. Document counts are not kept: looking them up for every word would cost more than
    the whole table, and queries look up the few they compare."""
    words: dict[str, None] = {}
    for fieldname in WORD_FIELDS:
        if fieldname not in reader.schema:
            continue
        for raw in reader.lexicon(fieldname):
            word = raw.decode("utf-8") if isinstance(raw, bytes) else raw
            if _HAN_WORD.fullmatch(word):
                words[word] = None
    by_sound: dict[str, list[str]] = {}
    for word in words:
        by_sound.setdefault(sound(word), []).append(word)
    keys = {key: "\t".join(same) for key, same in by_sound.items()}
    return Vocabulary(keys, max((len(k) for k in keys), default=0))


def save(path: Path, key: dict, vocabulary: Vocabulary) -> None:
    """Write the table beside the generation (atomically; a folder that refuses is no error:
    the next process builds the table itself)."""
    target = path / VOCABULARY_FILE
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    payload = {"format": FORMAT, "key": key, "keys": vocabulary.keys}
    try:
        with open(tmp, "wb") as fh:
            marshal.dump(payload, fh)
        os.replace(tmp, target)
    except OSError as exc:
        log.info("pinyin table not written to %s (%s)", target, exc)
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)


def load(path: Path, key: dict, reader: IndexReader) -> Vocabulary:
    """The generation's table from its file when the file is of this generation, else built
    (and saved for the next process)."""
    target = path / VOCABULARY_FILE
    try:
        with open(target, "rb") as fh:
            payload = marshal.load(fh)
        if payload.get("format") == FORMAT and payload.get("key") == key:
            keys = payload["keys"]
            return Vocabulary(keys, max((len(k) for k in keys), default=0))
    except FileNotFoundError:
        pass
    except (OSError, ValueError, EOFError, TypeError, KeyError, AttributeError) as exc:
        log.warning("ignoring a damaged pinyin table %s (%s)", target, exc)
    vocabulary = build(reader)
    save(path, key, vocabulary)
    return vocabulary


# -- query side ----------------------------------------------------------------------------------


def pinyin_letters(query: str) -> str | None:
    """The query as bare pinyin letters (``Guāng fú`` → ``guangfu``), or None when it is not
    written like pinyin (other characters, no letters, or too long)."""
    plain = _ACCENTS.sub("", unicodedata.normalize("NFD", query.lower().replace("ü", "v")))
    tokens = [t for t in _PINYIN_GAPS.split(plain) if t]
    if not tokens or not all(_PINYIN_TOKEN.fullmatch(t) for t in tokens):
        return None
    letters = "".join(ch for ch in plain if "a" <= ch <= "z")
    if not letters or len(letters) > MAX_PINYIN:
        return None
    return letters


def pinyin_words(
    letters: str, vocabulary: Vocabulary, frequency: Callable[[str], int]
) -> list[str] | None:
    """The likeliest split of ``letters`` into vocabulary sounds, as their commonest words
    (``tegaoyashudian`` → 特高压 输电), or None when no split covers every letter.

    Dynamic programming over split points, scored by each word's log document count less a
    constant per word, so a few long, common words beat many short ones.
    """
    n = len(letters)
    best: list[tuple[float, int, str] | None] = [None] * (n + 1)
    best[0] = (0.0, 0, "")
    for end in range(1, n + 1):
        for start in range(max(0, end - vocabulary.longest), end):
            before = best[start]
            if before is None:
                continue
            found = _commonest(vocabulary.words(letters[start:end]), frequency)
            if found is None:
                continue
            word, df = found
            score = before[0] + math.log(df) - 8.0
            if best[end] is None or score > best[end][0]:
                best[end] = (score, start, word)
    if best[n] is None:
        return None
    words: list[str] = []
    end = n
    while end:
        _, start, word = best[end]  # type: ignore[misc]
        words.append(word)
        end = start
    return words[::-1]


def _commonest(words: Sequence[str], frequency: Callable[[str], int]) -> tuple[str, int] | None:
    """The word of ``words`` in most documents (at least ``MIN_DF``), with its count."""
    best = None
    for word in words[:MAX_HOMOPHONES]:
        df = frequency(word)
        if df >= MIN_DF and (best is None or df > best[1]):
            best = (word, df)
    return best


def suggest_variants(
    words: Sequence[str], vocabulary: Vocabulary, frequency: Callable[[str], int], limit: int = 4
) -> list[tuple[int, int, str]]:
    """Replacements ``(i, j, word)`` of a span ``words[i:j]`` of up to three query words by a
    commoner word of the same sound, most promising first (by how much commoner it is).

    ``frequency`` gives a word's document count (0 when it is no word of the index).
    """
    scored: list[tuple[float, int, int, str]] = []
    for i in range(len(words)):
        for j in range(i + 1, min(len(words), i + MAX_SPAN) + 1):
            typed = "".join(words[i:j])
            if not _HAN.search(typed) or len(typed) < 2:
                continue
            have = frequency(typed)
            for word in vocabulary.words(sound(typed))[:MAX_HOMOPHONES]:
                df = frequency(word) if word != typed else 0
                if df >= MIN_DF and df > 2 * have + 1:
                    scored.append(((df + 1) / (have + 1), i, j, word))
    scored.sort(key=lambda s: -s[0])
    out: list[tuple[int, int, str]] = []
    seen: list[list[str]] = []
    for _, i, j, word in scored:
        variant = [*words[:i], word, *words[j:]]
        if variant not in seen:
            seen.append(variant)
            out.append((i, j, word))
        if len(out) >= limit:
            break
    return out
