"""Segmenters against jieba 0.42.1: which ones give exactly its words, and how fast.

xinwen's index is defined by jieba 0.42.1's words (the index and query sides must agree, and a
rebuilt index must match the old one), so a faster segmenter is only usable if it yields the
same words for every run of Chinese characters, with the same user dictionary. This compares,
on the Chinese runs of the bench corpus (titles and bodies as the reader cleans them, our
energy words added to every segmenter's dictionary):

- ``jieba``: ``jieba.cut(run, HMM=True)``, the reference;
- ``xinwen``: ``index.segmenter.DagSegmenter`` (jieba's algorithm rewritten, with memories);
- ``rjieba``: the jieba-rs binding (``rjieba.cut(run, hmm=True)``);
- ``jieba_fast_dat``: jieba with a double-array trie (``jieba_fast_dat.cut(run, HMM=True)``).

Reports per segmenter: runs whose words differ from jieba's (with a few examples), and CPU
seconds for all runs (one process, ``time.process_time``). The two peers are not
dependencies of xinwen (``pip install rjieba jieba-fast-dat`` into the virtualenv first); a
peer that is not installed is reported as such.

    python -m bench.segmenters                 # the whole corpus
    python -m bench.segmenters --limit 5000    # the first 5,000 records
"""

from __future__ import annotations

import importlib
import re
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from bench.harness import (
    RESULTS_DIR,
    arguments,
    header,
    iter_raw,
    markdown_table,
    publish,
    require_corpus,
)
from xinwen.index.analysis import configure_jieba, energy_words, warm_segmenter
from xinwen.index.cleaning import clean_text

_HAN = re.compile("[\u4e00-\u9fd5]+")  # the runs xinwen segments (jieba's Chinese range)
EXAMPLES = 3


def runs_of(path: Path, limit: int | None) -> list[str]:
    """Every run of Chinese characters of the corpus's titles and bodies, in order."""
    runs: list[str] = []
    for raw in iter_raw(path, limit):
        for field in ("title", "body"):
            runs += _HAN.findall(clean_text(str(raw.get(field) or "")))
    return runs


def segmenters() -> dict[str, Callable[[str], Iterable[str]] | str]:
    """name → a function of a run, or why it is not available."""
    import jieba

    from xinwen.index.analysis import cut_han

    words = energy_words()
    found: dict[str, Callable[[str], Iterable[str]] | str] = {
        "jieba": lambda run: jieba.dt.cut(run, HMM=True),
        "xinwen": cut_han,
    }
    try:
        rjieba = importlib.import_module("rjieba")
        for word, freq, tag in words:
            rjieba.add_word(word, freq, tag)
        found["rjieba"] = lambda run: rjieba.cut(run, True)
    except ImportError:
        found["rjieba"] = "not installed (pip install rjieba)"
    try:
        fast = importlib.import_module("jieba_fast_dat")
        for word, freq, tag in words:
            fast.add_word(word, freq, tag)
        found["jieba_fast_dat"] = lambda run: fast.cut(run, HMM=True)
    except ImportError:
        found["jieba_fast_dat"] = "not installed (pip install jieba-fast-dat)"
    return found


def main(argv: list[str] | None = None) -> int:
    parser = arguments(__doc__, corpus=True, limit="only the first N records", no_write=True)
    args = parser.parse_args(argv)
    require_corpus(args.corpus)
    configure_jieba()
    warm_segmenter()  # our energy words in jieba's dictionary, xinwen's tables built
    runs = runs_of(args.corpus, args.limit)
    chars = sum(map(len, runs))
    print(f"{len(runs):,} runs, {chars:,} characters", file=sys.stderr)
    found = segmenters()
    reference: list[tuple[str, ...]] = []
    rows = []
    for name, cut in found.items():
        if isinstance(cut, str):
            rows.append([name, "—", "—", "—", cut])
            continue
        started = time.process_time()
        output = [tuple(cut(run)) for run in runs]
        seconds = time.process_time() - started
        if name == "jieba":
            reference = output
        differ = [i for i, words in enumerate(output) if words != reference[i]]
        examples = "; ".join(
            f"{runs[i]}: {'/'.join(reference[i])} ≠ {'/'.join(output[i])}"
            for i in differ[:EXAMPLES]
        )
        rows.append(
            [name, f"{seconds:.1f}", f"{len(differ):,}", f"{len(differ) / len(runs):.3%}", examples]
        )
        print(f"{name}: {seconds:.1f} s, {len(differ):,} runs differ", file=sys.stderr)
    scope = f"first {args.limit:,} records" if args.limit else "whole corpus"
    text = (
        f"\n## {scope}\n\n{header(__file__)}\n\n"
        f"{len(runs):,} runs of Chinese characters, {chars:,} characters; one process, CPU "
        "seconds.\n\n"
        + markdown_table(
            ["segmenter", "CPU s", "runs unlike jieba", "share", "examples (jieba ≠ it)"], rows
        )
    )
    publish(text, RESULTS_DIR / "segmenters.md", write=not args.no_write)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
