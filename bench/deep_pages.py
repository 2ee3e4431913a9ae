"""Deep pages: the time and memory of result pages far down a common query's results.

Pages are pages of groups (near-duplicates folded together); page N needs the result ranked
as deep as its groups reach. For each query (default 中国, 经济, 发展) and page (1, 10, 100,
500 and the last the depth limit allows), one process runs ``Searcher.search`` as the web page
does (10 hits with snippets, all facets, exact total and groups): one warm-up pass over every
page, then ``--repeat`` timed passes (median and worst), then one more pass under
``tracemalloc`` for the peak of Python allocations the request made. Writes
``bench/results/deep_pages.md``.

    python -m bench.deep_pages --index /tmp/groups-bench-index
    python -m bench.deep_pages                   # the cached index of bench.indexes
"""

from __future__ import annotations

import statistics
import sys
import time
import tracemalloc
from argparse import Namespace
from pathlib import Path

from bench.harness import (
    BENCH_CORPUS,
    RESULTS_DIR,
    arguments,
    header,
    markdown_table,
    peak_rss_mb,
    publish,
    require_corpus,
)
from bench.indexes import xinwen_index
from bench.targets import DEEP_PAGE_MS

RESULTS = RESULTS_DIR / "deep_pages.md"
QUERIES = ("中国", "经济", "发展")
PAGES = (1, 10, 100, 500)
SIZE = 10


def measure(root: Path, queries: list[str], pages: list[int], repeat: int) -> list[dict]:
    """One row per (query, page): totals, hits shown, median and worst ms, peak allocation."""
    from xinwen.search import Searcher, SearchRequest

    searcher = Searcher(root)
    requests = [(q, p, SearchRequest(q=q, page=p, page_size=SIZE)) for q in queries for p in pages]
    for _q, _p, request in requests:  # warm-up: posting lists and the read cache loaded
        searcher.search(request)
    times: dict[tuple[str, int], list[float]] = {(q, p): [] for q, p, _ in requests}
    results = {}
    for _ in range(repeat):
        for q, p, request in requests:
            started = time.perf_counter()
            results[q, p] = searcher.search(request)
            times[q, p].append((time.perf_counter() - started) * 1000)
    rows = []
    for q, p, request in requests:
        tracemalloc.start()
        searcher.search(request)
        _now, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        result = results[q, p]
        rows.append(
            {
                "query": q,
                "page": p,
                "total": result.total,
                "groups": result.groups,
                "pages": result.pages,
                "hits": len(result.hits),
                "median_ms": statistics.median(times[q, p]),
                "max_ms": max(times[q, p]),
                "peak_mb": peak / 2**20,
            }
        )
    return rows


def report(args: Namespace, root: Path, rows: list[dict], last: int) -> str:
    from xinwen.search.models import MAX_RESULT_DEPTH

    peak_mb, _ = peak_rss_mb()
    worst = max(r["max_ms"] for r in rows)
    table = markdown_table(
        ["query", "page", "articles", "groups", "hits shown", "median ms", "worst ms", "peak MB"],
        [
            [
                r["query"],
                f"{r['page']:,}" + (" (limit)" if r["page"] == last else ""),
                f"{r['total']:,}",
                f"{r['groups']:,}",
                str(r["hits"]),
                f"{r['median_ms']:.1f}",
                f"{r['max_ms']:.1f}",
                f"{r['peak_mb']:.1f}",
            ]
            for r in rows
        ],
    )
    return "\n".join(
        [
            "# Deep result pages",
            "",
            header(__file__),
            "",
            f"Index `{root}`: {SIZE} hits a page; page {last:,} is the last the "
            f"depth limit allows ({MAX_RESULT_DEPTH:,} groups). Each page is the whole "
            "`Searcher.search` (hits with snippets, facets, exact total and number of groups); "
            f"median and worst of {args.repeat} warm runs; peak MB: the most memory the request "
            "allocated (`tracemalloc`, measured in a separate run).",
            "",
            table,
            "",
            f"Worst page: {worst:,.0f} ms (target: well under {DEEP_PAGE_MS:,.0f} ms). "
            f"Peak resident memory of the benchmark process: {peak_mb:,.0f} MB.",
            "",
        ]
    )


def main(argv: list[str] | None = None) -> int:
    from xinwen.search.models import MAX_RESULT_DEPTH

    parser = arguments(
        __doc__,
        workdir=True,
        index="an index root (default: the cached one)",
        repeat=(3, "timed passes (default 3)"),
        no_write=True,
    )
    parser.add_argument("--queries", default=",".join(QUERIES), help="comma-separated")
    args = parser.parse_args(argv)
    if args.index is not None:
        root = args.index
    else:
        corpus = require_corpus(BENCH_CORPUS)
        args.workdir.mkdir(parents=True, exist_ok=True)
        root = xinwen_index(args.workdir, corpus, None, [], False)
    last = MAX_RESULT_DEPTH // SIZE
    queries = [q for q in args.queries.split(",") if q]
    rows = measure(root, queries, [*PAGES, last], args.repeat)
    publish(report(args, root, rows, last), RESULTS, write=not args.no_write)
    return 0


if __name__ == "__main__":
    sys.exit(main())
