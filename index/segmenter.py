"""jieba's accurate mode (DAG + HMM) for one run of Chinese characters, fast and word-exact.

jieba segments a block in three passes, each with a Python object per character: ``get_DAG``
builds a dict of candidate word ends, ``calc`` finds the most probable route with ``max`` over
a generator of tuples and a ``log`` per candidate, ``__cut_DAG`` walks the route and sends runs
of unknown single characters to the HMM (``finalseg``). Together they were a third of a full
reindex. `DagSegmenter` computes the same route in one backward pass with the log
probabilities looked up instead of recomputed, remembers the HMM's answer for a run it has
seen, and remembers whole runs (clauses repeat in news: datelines, bylines, set phrases).

Exactness: every score is the same float jieba computes (``log(freq) - logtotal`` is
precomputed per word, then added to the route's score in jieba's order) and ties go to the
longer word as in jieba's tuple ``max``; tests compare the words with ``jieba.cut`` over the
bench corpus sample and random text. Whenever jieba's dictionary changes (``add_word``,
``del_word``, which change ``total``, the dictionary's size or the HMM's forced splits), the
tables are rebuilt.
"""

from __future__ import annotations

from collections.abc import Iterator
from math import log

import jieba
from jieba import finalseg

# Runs remembered whole: short runs repeat most; long ones rarely do and cost memory. Each
# memory is emptied when full: this many entries do almost as well as four times as many, for
# much less memory per indexing worker (bench/results/code-notes.md, "Segmenter memo").
MEMO_MAX_CHARS = 24
MEMO_MAX_RUNS = 50_000

_ABSENT = object()  # not in jieba's dictionary, not even as the prefix of a word


class DagSegmenter:
    """Segments runs of characters in jieba's Chinese range exactly as ``jieba.cut`` does."""

    def __init__(self, tokenizer: jieba.Tokenizer) -> None:
        self._tokenizer = tokenizer
        self._key: tuple[int, int, int] | None = None
        self._logp: dict[str, float | None] = {}
        self._unknown = 0.0
        self._hmm: dict[str, tuple[str, ...]] = {}
        self._runs: dict[str, tuple[str, ...]] = {}
        self._subs: dict[str, tuple[tuple[str, int], ...]] = {}

    def refresh(self) -> None:
        """Rebuild the tables if jieba's dictionary changed since they were built.

        `cut` and `sub_words` do this on every call; a caller segmenting a whole document
        calls it once and then `words` and `parts`, which skip the check.
        """
        tok = self._tokenizer
        tok.check_initialized()
        key = (tok.total, len(tok.FREQ), len(finalseg.Force_Split_Words))
        if key != self._key:
            logtotal = log(tok.total)
            # None marks a prefix that is not a word itself (frequency 0): the scan goes on.
            self._logp = {w: (log(f) - logtotal if f else None) for w, f in tok.FREQ.items()}
            # A single character that is no word scores as frequency 1: log(1) - logtotal.
            self._unknown = log(1) - logtotal
            self._hmm.clear()
            self._runs.clear()
            self._subs.clear()
            self._key = key

    def cut(self, run: str) -> tuple[str, ...]:
        """The words of ``run`` (characters in jieba's Chinese range only), as jieba cuts them."""
        self.refresh()
        return self.words(run)

    def sub_words(self, word: str) -> tuple[tuple[str, int], ...]:
        """Dictionary words inside ``word`` with their offsets (搜索引擎 → 搜索@0, 索引@1 …).

        Shorter first, then by offset; remembered per word (the same long words recur).
        """
        self.refresh()
        return self.parts(word)

    def words(self, run: str) -> tuple[str, ...]:
        """`cut` without the dictionary check (see `refresh`)."""
        memo = len(run) <= MEMO_MAX_CHARS
        if memo:
            words = self._runs.get(run)
            if words is not None:
                return words
        words = tuple(self._cut(run))
        if memo:
            if len(self._runs) >= MEMO_MAX_RUNS:
                self._runs.clear()
            self._runs[run] = words
        return words

    def parts(self, word: str) -> tuple[tuple[str, int], ...]:
        """`sub_words` without the dictionary check (see `refresh`)."""
        subs = self._subs.get(word)
        if subs is None:
            n = len(word)
            found = []
            logp = self._logp
            for size in range(2, n):
                for i in range(n - size + 1):
                    gram = word[i : i + size]
                    if logp.get(gram) is not None:  # a word, not just a prefix
                        found.append((gram, i))
            if len(self._subs) >= MEMO_MAX_RUNS:
                self._subs.clear()
            subs = self._subs[word] = tuple(found)
        return subs

    def _route(self, run: str) -> list[int]:
        """Where the best word starting at each character ends (exclusive), jieba's ``calc``."""
        n = len(run)
        score = [0.0] * (n + 1)
        end = [0] * (n + 1)
        unknown = self._unknown
        lookup = self._logp.get  # bound once: called for every prefix tried
        for k in range(n - 1, -1, -1):
            best = None
            best_end = k + 1
            i = k + 1
            frag = run[k]
            lp = lookup(frag, _ABSENT)
            while lp is not _ABSENT:
                if lp is not None:
                    s = lp + score[i]
                    # >=: on equal scores the later (longer) word wins, as in jieba's max.
                    if best is None or s >= best:
                        best, best_end = s, i
                if i >= n:
                    break
                i += 1
                frag = run[k:i]
                lp = lookup(frag, _ABSENT)
            if best is None:
                best = unknown + score[k + 1]
            score[k] = best
            end[k] = best_end
        return end

    def _cut(self, run: str) -> Iterator[str]:
        end = self._route(run)
        freq = self._tokenizer.FREQ
        x, n, buf_start = 0, len(run), -1
        while x < n:
            y = end[x]
            if y - x == 1:
                if buf_start < 0:
                    buf_start = x
            else:
                if buf_start >= 0:
                    yield from self._unknown_run(run[buf_start:x], freq)
                    buf_start = -1
                yield run[x:y]
            x = y
        if buf_start >= 0:
            yield from self._unknown_run(run[buf_start:], freq)

    def _unknown_run(self, buf: str, freq: dict[str, int]) -> tuple[str, ...]:
        """A run of single-character steps: jieba's HMM guesses its words (names, new terms)."""
        if len(buf) == 1:
            return (buf,)
        if freq.get(buf):
            return tuple(buf)
        words = self._hmm.get(buf)
        if words is None:
            if len(self._hmm) >= MEMO_MAX_RUNS:
                self._hmm.clear()
            words = self._hmm[buf] = tuple(finalseg.cut(buf))
        return words
