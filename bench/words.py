"""``xinwen words`` on the bench index: time, memory and the words it proposes.

Runs ``index.newwords.propose_words`` (the core of ``xinwen words``) over an index built from
the bench corpus, with the command's defaults unless told otherwise, and writes
``bench/results/words.md``: wall and CPU time, peak memory, how much text was read, and the top
words (words only: no article text).

    .venv/bin/xinwen reindex ../shared/corpus/bench.jsonl.gz --index /tmp/words-bench-index
    python bench/words.py /tmp/words-bench-index
    python bench/words.py /tmp/words-bench-index --max-chars 40000000   # every document

With ``--with-words DIR`` (an index of the same corpus built with ``--userdict`` of the
proposed words), the known-item queries are run on both indexes and their MRR@10 compared:

    .venv/bin/xinwen words --index /tmp/words-bench-index --top 200 > /tmp/top200.txt
    .venv/bin/xinwen reindex ../shared/corpus/bench.jsonl.gz --index /tmp/words-ud \\
        --userdict /tmp/top200.txt
    python bench/words.py /tmp/words-bench-index --with-words /tmp/words-ud
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import NOISE_NOTE, RESULTS_DIR, git_commit, machine, now
from bench.paired import evaluate, table
from xinwen.index.newwords import DEFAULT_MAX_CHARS, DEFAULT_MIN_COUNT, propose_words
from xinwen.search import Searcher

SHOWN = 30


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("index", type=Path, help="index root built from the bench corpus")
    parser.add_argument("--min-count", type=int, default=DEFAULT_MIN_COUNT)
    parser.add_argument("--max-chars", type=int, default=DEFAULT_MAX_CHARS)
    parser.add_argument("--top", type=int, default=SHOWN)
    parser.add_argument("--out", type=Path, default=RESULTS_DIR / "words.md")
    parser.add_argument(
        "--with-words", type=Path, help="the same corpus indexed with the proposed words"
    )
    args = parser.parse_args()

    wall, cpu = time.perf_counter(), time.process_time()
    report = propose_words(
        args.index, min_count=args.min_count, top=args.top, max_chars=args.max_chars
    )
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    load = os.getloadavg()[0]
    read = (
        f"an even sample of {report.documents_read:,} of {report.documents:,} documents"
        if report.sampled
        else f"all {report.documents:,} documents"
    )
    lines = [
        "# `xinwen words` on the bench corpus",
        "",
        f"Run {now()} at commit {git_commit()} on {machine()}; {NOISE_NOTE}. Load average at"
        f" the end of the run: {load:.1f}.",
        "",
        f"`propose_words(index, min_count={args.min_count}, top={args.top},"
        f" max_chars={args.max_chars:,})` — what `xinwen words` runs — read {read}"
        f" ({report.characters:,} Chinese characters).",
        "",
        "| wall s | CPU s | peak memory MB (the process) |",
        "| ---: | ---: | ---: |",
        f"| {wall:.1f} | {cpu:.1f} | {peak_mb:,.0f} |",
        "",
        f"The top {len(report.words)} words, best first (count in the text read, cohesion = the"
        " smallest PMI over the word's split points, boundary freedom = the smaller of its left"
        " and right neighbour entropies, in nats):",
        "",
        "| # | word | count | cohesion | boundary freedom |",
        "| ---: | --- | ---: | ---: | ---: |",
    ]
    for n, w in enumerate(report.words, 1):
        freedom = min(w.left_entropy, w.right_entropy)
        lines.append(f"| {n} | {w.word} | {w.count:,} | {w.pmi:.1f} | {freedom:.2f} |")
    if args.with_words:
        lines += ["", *_relevance(args.index, args.with_words)]
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


def _relevance(plain: Path, with_words: Path) -> list[str]:
    """The relevance sets on the index without and with the new words, by split."""
    results = {
        "without the words": evaluate(Searcher(plain)),
        "with the words": evaluate(Searcher(with_words)),
    }
    return [
        "**Relevance with the words**: the second index is the same corpus reindexed with"
        " `--userdict` of the top 200 words `xinwen words` proposed (`bench/paired.py`;"
        " topical documents the judges never saw count as 0, see judged@10):",
        "",
        *table(results),
    ]


if __name__ == "__main__":
    main()
