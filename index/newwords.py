"""The corpus's own new words: the core of ``xinwen words``.

Finds strings of 2–6 Chinese characters that the indexed text uses often but jieba's dictionary
(with the shipped energy words and the index's user dictionary) lacks: new terms, names,
programmes. A string is proposed when it is

- **frequent**: at least ``min_count`` occurrences;
- **cohesive**: at its weakest split point its two parts occur together far more often than
  chance — the pointwise mutual information ``log(P(w) / (P(a) P(b)))`` over every split
  ``w = a + b``, taking the smallest;
- **free at its boundaries**: many different characters (or the start or end of a run of
  Chinese text) stand before it and after it — the entropy of its left and of its right
  neighbours, taking the smaller. A fragment of a longer word has one usual neighbour (冠肺炎
  is nearly always after 新) and fails here.

Strings already in the dictionary, pairs of dictionary words that merely stand together often
(习近平 + 指出: neither part occurs mostly inside the pair), strings that begin or end with a
function character (的, 了, 在 …) and substrings of a proposed string that rarely occur
outside it are left out.

Written here rather than taken from a library: jieba's own ``analyse`` module extracts keywords
of known words, not new words, and the new-word packages on PyPI (smoothnlp, pyunit-newword,
new-words-detection) have had no release since 2020–2021. This one counts n-grams level by
level and only where both the n-gram's prefix and its suffix are already frequent (a string
cannot be more frequent than its parts), with the loops in C (``map``/``compress`` over
slices, ``Counter``): time and memory grow with the text, not with its distinct n-grams.
"""

from __future__ import annotations

import math
import re
from array import array
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from itertools import compress
from pathlib import Path

import jieba

from xinwen.index.analysis import configure_jieba, energy_words, ensure_words, fold, in_dictionary
from xinwen.index.schema import load_index_words
from xinwen.index.store import IndexStore

MIN_LEN = 2
MAX_LEN = 6
DEFAULT_MIN_COUNT = 30  # occurrences in the whole index
DEFAULT_TOP = 200
# Characters read from the index before documents are sampled (time and memory grow with them:
# bench/results/words.md).
DEFAULT_MAX_CHARS = 10_000_000
# The least count in a sample: a string seen once or twice there is noise, and keeping every
# such n-gram costs most of the time and memory.
MIN_SAMPLE_COUNT = 3
MIN_PMI = 3.0  # natural log: the parts occur together at least e³ ≈ 20× as often as chance
MIN_ENTROPY = 1.0  # nats, each side: at least about three equally common neighbours
# A proposed string's substring is dropped when this share of its occurrences is inside it.
INSIDE_SHARE = 0.7
# A string jieba already cuts into words of two characters or more (习近平 + 指出) is only a new
# word when one of them mostly occurs inside it (乡村 + 振兴): this share of its occurrences.
BOUND_SHARE = 0.5
# Function characters no word begins or ends with (the one-character stop words); pronouns,
# numerals, measure words and 要 no new word begins with (他强调, 人受伤, 万剂次, 要加强); speech
# verbs no new word ends with (李克强说, 日称).
EDGE_CHARS = frozenset(
    "的地得了着过和与及或而并也都就又还在于是为对把被从向以将由之其该此这那有个等则即但却如若吗呢吧啊呀"
)
NOT_FIRST = EDGE_CHARS | frozenset("他她它我你万亿枚名位余人要")
NOT_LAST = EDGE_CHARS | frozenset("说称")

_RUN = re.compile("[\u4e00-\u9fd5]+")  # jieba's own range of Chinese characters
_SEP = "\n"
# Numbers and Latin words stand for one neighbour each ("0", "a"): 日上午 after 5 (5日上午) is
# always after a number, not free at its left. Other characters (punctuation) end a run.
_NUMBER, _LATIN = "0", "a"
_NUMBERS = re.compile("[0-9]+(?:[.,][0-9]+)*")
_LATINS = re.compile("[a-z]+")
_BREAKS = re.compile("[^\u4e00-\u9fd50a]+")
_NOT_HAN = frozenset((_SEP, _NUMBER, _LATIN))


@dataclass(frozen=True, slots=True)
class NewWord:
    """A proposed word with the evidence for it."""

    word: str
    count: int  # occurrences in the text read
    pmi: float  # cohesion at the weakest split (natural log)
    left_entropy: float  # nats
    right_entropy: float  # nats
    score: float
    freq: int  # the frequency to give jieba: enough to keep the word whole

    def dict_line(self) -> str:
        """The word in jieba's user-dictionary format (``word freq``)."""
        return f"{self.word} {self.freq}"


@dataclass(frozen=True, slots=True)
class WordsReport:
    """What ``xinwen words`` found, and over how much text."""

    words: list[NewWord]
    documents: int  # documents in the index
    documents_read: int  # documents whose text was counted (all, or a sample)
    characters: int  # Chinese characters counted

    @property
    def sampled(self) -> bool:
        return self.documents_read < self.documents


def propose_words(
    root: str | Path,
    min_count: int = DEFAULT_MIN_COUNT,
    top: int = DEFAULT_TOP,
    max_chars: int = DEFAULT_MAX_CHARS,
) -> WordsReport:
    """New words of the index at ``root``: its stored titles and bodies, every document or an
    even sample of them when the text is longer than ``max_chars`` (``min_count`` then applies
    to the whole index: the sample needs its share of it)."""
    if min_count < 2:
        raise ValueError(f"min-count must be at least 2, not {min_count}")
    if top < 1:
        raise ValueError(f"top must be at least 1, not {top}")
    if max_chars < 1:
        raise ValueError(f"max-chars must be at least 1, not {max_chars}")
    store = IndexStore(root)
    # jieba's dictionary as the index segments: its own words, the shipped energy words and
    # the index's user dictionary (kept in its schema, loaded by `_stored_texts`).
    configure_jieba(store.jieba_dir)
    ensure_words(energy_words())
    texts, documents, read = _stored_texts(store, max_chars)
    in_sample = max(min(min_count, MIN_SAMPLE_COUNT), round(min_count * read / max(documents, 1)))
    words = find_new_words(texts, in_dictionary, min_count=in_sample, top=top)
    return WordsReport(
        words=words,
        documents=documents,
        documents_read=read,
        characters=sum(len(run) for t in texts for run in _RUN.findall(t)),
    )


def _stored_texts(store: IndexStore, max_chars: int) -> tuple[list[str], int, int]:
    """Titles and bodies (folded) of the served index: every document, or every k-th one when
    their text would pass ``max_chars`` (estimated from the first documents' lengths). Its user
    dictionary is added to jieba's on the way."""
    _gen, ix, reader = store.open_reader()
    try:
        load_index_words(reader.schema)
        docnums = list(reader.all_doc_ids())
        texts: list[str] = []
        total = 0
        step = 1
        for n, d in enumerate(docnums):
            if n % step:
                continue
            fields = reader.stored_fields(d)
            text = fold(fields.get("title", "") + "\n" + fields.get("body", ""))
            texts.append(text)
            total += len(text)
            if n == 199 and total * len(docnums) / 200 > max_chars:
                # Sample evenly from here on; the first 200 stay (they are few).
                step = math.ceil(total * len(docnums) / 200 / max_chars)
        return texts, len(docnums), len(texts)
    finally:
        reader.close()
        ix.close()


def find_new_words(
    texts: Iterable[str],
    known: Callable[[str], bool],
    min_count: int = DEFAULT_MIN_COUNT,
    top: int = DEFAULT_TOP,
) -> list[NewWord]:
    """The best ``top`` new words of ``texts`` (already folded), best first."""
    # One string, runs separated (and enclosed) by a character that is never in a run: an
    # n-gram is a slice, and a neighbour is a character lookup without bounds checks.
    s = _SEP + _SEP.join(_runs(text) for text in texts) + _SEP
    counts: dict[str, int] = {
        ch: c for ch, c in Counter(s).items() if ch not in _NOT_HAN
    }  # every character of a run is Chinese but the number and Latin placeholders
    chars = sum(counts.values())
    if not chars:
        return []
    # Level 2: every adjacent pair of Chinese characters.
    size = len(s)
    grams = Counter(map(s.__getitem__, map(slice, range(size - 1), range(2, size + 1))))
    frequent = {g for g, c in grams.items() if c >= min_count and not _NOT_HAN.intersection(g)}
    counts.update((g, grams[g]) for g in frequent)
    del grams
    alive = array(
        "l",
        compress(
            range(size - 1),
            map(
                frequent.__contains__,
                map(s.__getitem__, map(slice, range(size - 1), range(2, size + 1))),
            ),
        ),
    )
    positions: dict[int, array] = {2: alive}
    for n in range(3, MAX_LEN + 1):
        # An n-gram can be frequent only where its (n-1)-prefix and (n-1)-suffix are.
        prefix_ok = positions[n - 1]
        cands = array(
            "l",
            compress(
                prefix_ok,
                map(
                    frequent.__contains__,
                    map(
                        s.__getitem__,
                        map(slice, map((1).__add__, prefix_ok), map(n.__add__, prefix_ok)),
                    ),
                ),
            ),
        )
        if not cands:
            break
        grams = Counter(map(s.__getitem__, map(slice, cands, map(n.__add__, cands))))
        frequent = {g for g, c in grams.items() if c >= min_count}
        counts.update((g, grams[g]) for g in frequent)
        del grams
        positions[n] = array(
            "l",
            compress(
                cands,
                map(
                    frequent.__contains__,
                    map(s.__getitem__, map(slice, cands, map(n.__add__, cands))),
                ),
            ),
        )

    candidates = {
        w: pmi
        for w, c in counts.items()
        if len(w) >= MIN_LEN
        and w[0] not in NOT_FIRST
        and w[-1] not in NOT_LAST
        and (pmi := _cohesion(w, c, counts, chars)) >= MIN_PMI
        and not known(w)
    }
    left, right = _neighbour_entropies(s, positions, candidates)
    found: list[NewWord] = []
    for w, pmi in candidates.items():
        hl, hr = left.get(w, 0.0), right.get(w, 0.0)
        c = counts[w]  # (jieba's cut in _bound is the slowest check: last)
        if min(hl, hr) < MIN_ENTROPY or not _bound(w, c, counts, known):
            continue
        score = math.log(c) * min(pmi, 8.0) * min(hl, hr)
        found.append(NewWord(w, c, pmi, hl, hr, score, c))
    found.sort(key=lambda x: (-x.score, x.word))
    return [
        replace(w, freq=_jieba_freq(w.word, w.count))
        for w in _drop_redundant(found, counts, known)[:top]
    ]


def _runs(text: str) -> str:
    """``text`` with numbers and Latin words replaced by their placeholders, and every other
    character that is not Chinese by a run break."""
    text = _LATINS.sub(_LATIN, _NUMBERS.sub(_NUMBER, text))
    return _BREAKS.sub(_SEP, text)


def _cohesion(word: str, count: int, counts: dict[str, int], chars: int) -> float:
    """The smallest PMI over the ways to split ``word`` in two (every part is counted: a
    frequent string's parts are at least as frequent)."""
    return min(
        math.log(count * chars / (counts[word[:k]] * counts[word[k:]])) for k in range(1, len(word))
    )


def _bound(word: str, count: int, counts: dict[str, int], known: Callable[[str], bool]) -> bool:
    """False for a pair of words that merely stand together often: ``word`` is cut by jieba
    into dictionary words of two characters or more, each of which mostly occurs elsewhere."""
    parts = list(jieba.dt.cut(word, HMM=False))
    if len(parts) < 2 or not _dictionary_words(word, known):
        return True
    return any(count >= BOUND_SHARE * counts[p] for p in parts)


def _neighbour_entropies(
    s: str, positions: dict[int, array], candidates: dict[str, float]
) -> tuple[dict[str, float], dict[str, float]]:
    """Entropy of the characters before and after each candidate's occurrences. The edge of
    a run counts as a different neighbour every time (a word often ends a sentence)."""
    left: dict[str, float] = {}
    right: dict[str, float] = {}
    wanted = candidates.keys()
    for n, pos in positions.items():
        if not any(len(w) == n for w in wanted):
            continue
        at = array(
            "l",
            compress(
                pos,
                map(wanted.__contains__, map(s.__getitem__, map(slice, pos, map(n.__add__, pos)))),
            ),
        )
        words = list(map(s.__getitem__, map(slice, at, map(n.__add__, at))))
        before = Counter(zip(words, map(s.__getitem__, map((-1).__add__, at)), strict=True))
        after = Counter(zip(words, map(s.__getitem__, map(n.__add__, at)), strict=True))
        for pairs, out in ((before, left), (after, right)):
            by_word: dict[str, list[int]] = defaultdict(list)
            for (w, ch), c in pairs.items():
                if ch == _SEP:
                    by_word[w].extend([1] * c)
                else:
                    by_word[w].append(c)
            for w, cs in by_word.items():
                total = sum(cs)
                out[w] = -sum(c / total * math.log(c / total) for c in cs)
    return left, right


def _drop_redundant(
    found: list[NewWord], counts: dict[str, int], known: Callable[[str], bool]
) -> list[NewWord]:
    """Leave out a proposed string that mostly occurs inside a longer proposed one (its parts
    rarely stand alone: the longer string is the word), and a longer one that merely adds
    dictionary words to a proposed word that mostly occurs without them (韩正表示: 韩正 + 表示,
    麴琰澍团队: 麴琰澍 + 团队)."""
    proposed = {w.word for w in found}
    dropped: set[str] = set()
    for w in found:
        word = w.word
        for n in range(MIN_LEN, len(word)):
            for i in range(len(word) - n + 1):
                part = word[i : i + n]
                if part in proposed and w.count >= INSIDE_SHARE * counts[part]:
                    dropped.add(part)
        for k in range(MIN_LEN, len(word) - 1):
            for part, rest in ((word[:k], word[k:]), (word[k:], word[:k])):
                if (
                    part in proposed
                    and w.count < INSIDE_SHARE * counts[part]
                    and _dictionary_words(rest, known)
                ):
                    dropped.add(word)
    return [w for w in found if w.word not in dropped]


def _dictionary_words(text: str, known: Callable[[str], bool]) -> bool:
    """Whether jieba cuts ``text`` into dictionary words of two characters or more only."""
    return all(len(p) > 1 and known(p) for p in jieba.dt.cut(text, HMM=False))


def _jieba_freq(word: str, count: int) -> int:
    """A frequency that makes jieba keep ``word`` whole (``suggest_freq``), at least its count."""
    return max(count, int(jieba.suggest_freq(word, tune=False)))


def dictionary_lines(words: Iterable[NewWord]) -> str:
    """``words`` as a jieba user dictionary, one ``word freq`` per line."""
    return "".join(w.dict_line() + "\n" for w in words)
