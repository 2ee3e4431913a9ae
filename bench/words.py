"""``xinwen words`` on the bench index: time, memory and the words it proposes.

Runs ``index.newwords.propose_words`` (the core of ``xinwen words``) over an index built from
the bench corpus, with the command's defaults unless told otherwise, and writes
``bench/results/words.md``: wall and CPU time, peak memory, how much text was read, and the top
words (words only: no article text).

    .venv/bin/xinwen reindex ../shared/corpus/bench.jsonl.gz --index /tmp/words-bench-index
    python -m bench.words /tmp/words-bench-index
    python -m bench.words /tmp/words-bench-index --max-chars 40000000   # every document

With ``--with-words DIR`` (an index of the same corpus built with ``--userdict`` of the
proposed words), the known-item queries are run on both indexes and their MRR@10 compared:

    .venv/bin/xinwen words --index /tmp/words-bench-index --top 200 > /tmp/top200.txt
    .venv/bin/xinwen reindex ../shared/corpus/bench.jsonl.gz --index /tmp/words-ud \\
        --userdict /tmp/top200.txt
    python -m bench.words /tmp/words-bench-index --with-words /tmp/words-ud
"""

from __future__ import annotations

from pathlib import Path

from bench.harness import (
    RESULTS_DIR,
    Stopwatch,
    arguments,
    header,
    markdown_table,
    peak_rss_mb,
    publish,
)
from bench.paired import evaluate, table
from xinwen.index.newwords import DEFAULT_MAX_CHARS, DEFAULT_MIN_COUNT, propose_words
from xinwen.search import Searcher

SHOWN = 30


def main() -> None:
    parser = arguments(__doc__, out=RESULTS_DIR / "words.md")
    parser.add_argument("index", type=Path, help="index root built from the bench corpus")
    parser.add_argument("--min-count", type=int, default=DEFAULT_MIN_COUNT)
    parser.add_argument("--max-chars", type=int, default=DEFAULT_MAX_CHARS)
    parser.add_argument("--top", type=int, default=SHOWN)
    parser.add_argument(
        "--with-words", type=Path, help="the same corpus indexed with the proposed words"
    )
    args = parser.parse_args()

    with Stopwatch() as clock:
        report = propose_words(
            args.index, min_count=args.min_count, top=args.top, max_chars=args.max_chars
        )
    peak_mb, _ = peak_rss_mb()
    read = (
        f"an even sample of {report.documents_read:,} of {report.documents:,} documents"
        if report.sampled
        else f"all {report.documents:,} documents"
    )
    lines = [
        "# `xinwen words` on the bench corpus",
        "",
        header(__file__),
        "",
        f"`propose_words(index, min_count={args.min_count}, top={args.top},"
        f" max_chars={args.max_chars:,})` — what `xinwen words` runs — read {read}"
        f" ({report.characters:,} Chinese characters).",
        "",
        markdown_table(
            ["wall s", "CPU s", "peak memory MB (the process)"],
            [[f"{clock.wall:.1f}", f"{clock.cpu:.1f}", f"{peak_mb:,.0f}"]],
            align="rrr",
        ),
        "",
        f"The top {len(report.words)} words, best first (count in the text read, cohesion = the"
        " smallest PMI over the word's split points, boundary freedom = the smaller of its left"
        " and right neighbour entropies, in nats):",
        "",
        markdown_table(
            ["#", "word", "count", "cohesion", "boundary freedom"],
            [
                [
                    str(n),
                    w.word,
                    f"{w.count:,}",
                    f"{w.pmi:.1f}",
                    f"{min(w.left_entropy, w.right_entropy):.2f}",
                ]
                for n, w in enumerate(report.words, 1)
            ],
            align="rlrrr",
        ),
    ]
    if args.with_words:
        lines += ["", *_relevance(args.index, args.with_words)]
    publish("\n".join(lines) + "\n", args.out)


def _relevance(plain: Path, with_words: Path) -> list[str]:
    """The relevance sets on the index without and with the new words, by split."""
    results = {
        "without the words": evaluate(Searcher(plain)),
        "with the words": evaluate(Searcher(with_words)),
    }
    return [
        "**Relevance with the words**: the second index is the same corpus reindexed with"
        " `--userdict` of the top 200 words `xinwen words` proposed (`bench.paired`;"
        " topical documents the judges never saw count as 0, see judged@10):",
        "",
        *table(results),
    ]


if __name__ == "__main__":
    main()
