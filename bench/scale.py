"""How the engines grow with the corpus: ``bench.compare`` at several sizes, side by side.

A size below the bench corpus's is its first N records plus every known-item target (compare's
``--limit N``); ``full`` is the bench corpus; a size above it is the corpus repeated (compare's
``--scale N``, ``bench.scaled``): copy r ≥ 1 of an article gets the id ``<id>~r`` and its date
moved r × 15 years later, so ids stay unique and date facets and ranges keep their shape. The
scaled corpus is written under the work folder, never in the repository. Known-item hits count
a copy of the target as the target. Writes ``bench/results/scale.md``: per size and engine,
build time, index size, peak memory and p95, and each figure's growth from the smallest size.

    python -m bench.scale                          # 10000, full and 300000 (hours: see README)
    python -m bench.scale --sizes 2000 5000        # a quick check
    python -m bench.scale --reuse                  # sizes already run: their saved figures
    python -m bench.scale --rebuild xinwen         # xinwen's indexes built again (new code)
"""

from __future__ import annotations

import sys

from bench import compare
from bench.compare_report import build_memory, build_seconds, engine_summary
from bench.harness import (
    RESULTS_DIR,
    arguments,
    corpus_size,
    fmt,
    header,
    markdown_table,
    percentile,
    publish,
    require_corpus,
)

RESULTS = RESULTS_DIR / "scale.md"
DEFAULT_SIZES = ("10000", "full", "300000")


# -- the growth report ---------------------------------------------------------------------


def _growth(value: float | None, first: float | None) -> str:
    if value is None or not first:
        return ""
    return f" ({value / first:.1f}×)"


def first_p95(figures: dict, engine: str) -> float | None:
    """p95 of each latency query's first run in a new query process (None if not measured)."""
    query = (figures["engines"].get(engine) or {}).get("query") or {}
    first = (query.get("first") or {}).get("latency", {})
    samples = sorted(ms for v in first.values() for ms in v)
    return percentile(samples, 95) if samples else None


def report(runs: list[tuple[str, dict]]) -> str:
    """The Markdown growth report of compare runs at several sizes (smallest first)."""
    # Every engine that ran at some size, each at the sizes it ran (the baseline is too slow
    # and too large to build at 300,000 articles here).
    engines = list(dict.fromkeys(e for _, r in runs for e in r["engines"]))
    headers = ["engine", "size", "documents", "build s", "index MB", "build peak MB"]
    headers += ["query peak MB"]
    headers += ["p95 top-10 ms", "p50 full page ms", "p95 full page ms", "first-time p95 ms"]
    rows = []
    for engine in engines:
        first = None
        for label, figures in runs:
            if engine not in figures["engines"]:
                continue
            s = engine_summary(figures, engine)
            values = {
                "build": build_seconds(figures, engine),
                "size": s["size_mb"],
                "build_mb": build_memory(figures, engine),
                "query_mb": s["query_mb"],
                "hits": s["hits_p95"],
                "page50": s["page_p50"],
                "page": s["page_p95"],
                "first": first_p95(figures, engine),
            }
            first = first or values

            def cell(key: str, spec: str, values: dict = values, first: dict = first) -> str:
                return fmt(values[key], spec, _growth(values[key], first[key]))

            rows.append(
                [
                    engine,
                    label,
                    f"{s['documents']:,}",
                    cell("build", ",.0f"),
                    cell("size", ",.0f"),
                    cell("build_mb", ",.0f"),
                    cell("query_mb", ",.0f"),
                    cell("hits", ".1f"),
                    cell("page50", ".1f"),
                    cell("page", ".1f"),
                    cell("first", ".1f"),
                ]
            )
    sizes = ", ".join(f"{label} ({r['documents']:,} documents)" for label, r in runs)
    return "\n".join(
        [
            "# Scaling: xinwen and its peers at several corpus sizes",
            "",
            header(__file__),
            f"Sizes: {sizes}. Each size is one `python -m bench.compare` run (see"
            " `bench/results/compare.md` for what each figure means); in brackets, the growth"
            " from the smallest size. Build time of tantivy and FTS5 includes the jieba"
            " segmentation; build peak memory is the build process's plus its largest"
            " worker's × workers, as in compare's ratio table. A size above the corpus"
            " repeats it with new ids and dates 15 years later per copy: exact copies, which"
            " xinwen collapses as near-duplicates and the others list one by one.",
            "",
            markdown_table(headers, rows),
            "",
        ]
    )


def main(argv: list[str] | None = None) -> int:
    """Run compare at each size (or reuse saved figures), write the growth report."""
    parser = arguments(
        __doc__, corpus=True, workdir=True, repeat=(3, "timed passes"), no_write=True
    )
    parser.add_argument(
        "--sizes",
        nargs="+",
        default=list(DEFAULT_SIZES),
        help="record counts, or 'full' for the bench corpus (default: %(default)s)",
    )
    parser.add_argument("--reuse", action="store_true", help="use a size's saved figures")
    parser.add_argument("--engines", nargs="+", choices=compare.ENGINES, default=compare.ENGINES)
    parser.add_argument(
        "--rebuild", nargs="+", default=[], choices=compare.ENGINES, help="build again"
    )
    parser.add_argument("--nice", default="idle", help="xinwen's reindex priority (compare.py)")
    args = parser.parse_args(argv)
    corpus_records = corpus_size(require_corpus(args.corpus))
    runs = []
    for size in args.sizes:
        argv_size = ["--workdir", str(args.workdir), "--corpus", str(args.corpus)]
        argv_size += ["--engines", *args.engines, "--repeat", str(args.repeat), "--no-write"]
        argv_size += ["--nice", str(args.nice)]
        if args.rebuild:
            argv_size += ["--rebuild", *args.rebuild]
        if size != "full":
            n = int(size)
            argv_size += ["--scale" if n > corpus_records else "--limit", str(n)]
        opts = compare.parse_args(argv_size)
        saved = compare.saved_figures(opts) if args.reuse else None
        figures = saved or compare.run(opts)
        runs.append((size, figures))
    runs.sort(key=lambda lr: lr[1]["documents"])
    publish(report(runs), RESULTS, write=not args.no_write)
    return 0


if __name__ == "__main__":
    sys.exit(main())
