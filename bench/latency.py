"""Query latency benchmark (issue 3): full result pages over the bench index, warm and cold.

Every query of ``queries/latency.txt`` is run as the web page runs it: ``Searcher.search`` with
10 hits (highlighted snippets), all facet counts and the exact total. One process, one warm-up
pass, then ``--repeat`` measured passes; p50/p95/p99/max per query class and overall. Cold
start is measured in new processes: import, open the index, load jieba, answer a first query.
Targets (``bench.targets``): warm p50 and p95, cold start, and the memory of the searching
process after the query list (its peak resident set, with the resident anonymous and
file-backed parts at the end). Writes ``bench/results/latency.md``.

    python -m bench.latency                 # the whole bench corpus (builds its index once)
    python -m bench.latency --limit 5000    # a small index, for a quick run
"""

from __future__ import annotations

import datetime as dt
import json
import statistics
import subprocess
import sys
import time
from argparse import Namespace
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from bench.harness import (
    QUERIES_DIR,
    RESULTS_DIR,
    arguments,
    fmt,
    header,
    markdown_table,
    peak_rss_mb,
    publish,
    require_corpus,
    resident_memory_mb,
    summarize,
)
from bench.indexes import known_item_ids, xinwen_index
from bench.targets import (
    COLD_START_S,
    LATENCY_P50_MS,
    LATENCY_P95_MS,
    SEARCH_MEMORY_MB,
    verdict,
)

QUERIES = QUERIES_DIR / "latency.txt"
RESULTS = RESULTS_DIR / "latency.md"
FILTER_KEYS = ("category", "source", "from", "to", "sort")
COLD_QUERY = "特高压 输电"


@dataclass(frozen=True)
class BenchQuery:
    """One line of ``latency.txt``: query text, its filters, its class and where it was."""

    line: int
    cls: str
    text: str
    filters: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def request(self):
        """The ``SearchRequest`` of this line (one page of 10 results)."""
        from xinwen.search import SearchRequest, SortOrder

        def day(key: str) -> dt.date | None:
            values = self.filters.get(key)
            return dt.date.fromisoformat(values[-1]) if values else None

        sort = self.filters.get("sort", ("relevance",))[-1]
        return SearchRequest(
            q=self.text,
            categories=self.filters.get("category", ()),
            sources=self.filters.get("source", ()),
            date_from=day("from"),
            date_to=day("to"),
            sort=SortOrder(sort),
            page_size=10,
        )

    def label(self) -> str:
        """The line as written, for messages."""
        extra = " ".join(f"{k}={','.join(v)}" for k, v in self.filters.items())
        return f"{self.text} | {extra}".lstrip() if extra else self.text


def read_queries(path: Path = QUERIES) -> list[BenchQuery]:
    """Parse ``latency.txt`` (see its header for the format); a malformed line is an error."""
    queries: list[BenchQuery] = []
    cls = "unclassified"
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if line.startswith("## "):
            cls = line[3:].strip()
            continue
        if not line or line.startswith("#"):
            continue
        text, _, tail = line.partition("|")
        filters: dict[str, tuple[str, ...]] = {}
        for item in tail.split():
            key, eq, value = item.partition("=")
            if not eq or key not in FILTER_KEYS or not value:
                raise ValueError(f"{path.name} line {n}: bad filter {item!r} (keys: {FILTER_KEYS})")
            filters[key] = filters.get(key, ()) + tuple(v for v in value.split(",") if v)
        for key in ("from", "to"):
            if key in filters:
                dt.date.fromisoformat(filters[key][-1])
        if filters.get("sort", ("relevance",))[-1] not in ("relevance", "date"):
            raise ValueError(f"{path.name} line {n}: sort must be relevance or date")
        queries.append(BenchQuery(n, cls, text.strip(), filters))
    return queries


def run_warm(root: Path, queries: list[BenchQuery], repeat: int) -> dict:
    """Warm-up pass, then ``repeat`` timed passes in this process; latencies by class."""
    from xinwen.search import QueryError, Searcher

    searcher = Searcher(root)
    started = time.perf_counter()
    health = searcher.health()
    open_ms = (time.perf_counter() - started) * 1000
    if not health["ok"]:
        sys.exit(f"cannot open the index in {root}: {health['error']}")
    requests = []
    errors: dict[str, str] = {}
    totals: dict[int, int] = {}
    for q in queries:
        try:
            request = q.request()
            totals[q.line] = searcher.search(request).total  # the warm-up pass
            requests.append((q, request))
        except QueryError as exc:
            errors[q.label()] = exc.message
    by_class: dict[str, list[float]] = defaultdict(list)
    per_query: dict[int, list[float]] = defaultdict(list)
    for _ in range(repeat):
        for q, request in requests:
            t0 = time.perf_counter()
            searcher.search(request)
            ms = (time.perf_counter() - t0) * 1000
            by_class[q.cls].append(ms)
            per_query[q.line].append(ms)
    memory = resident_memory_mb()
    searcher.close()
    return {
        "memory": memory,
        "documents": health["documents"],
        "open_ms": open_ms,
        "by_class": dict(by_class),
        "per_query": dict(per_query),
        "totals": totals,
        "errors": errors,
    }


_COLD = """
import json, sys, time
t0 = time.perf_counter()
from xinwen.search import SearchRequest, Searcher
t1 = time.perf_counter()
searcher = Searcher(sys.argv[1])
health = searcher.health()
t2 = time.perf_counter()
first = searcher.search(SearchRequest(q=sys.argv[2]))
t3 = time.perf_counter()
searcher.search(SearchRequest(q=sys.argv[2] + " 电网"))
t4 = time.perf_counter()
print(json.dumps({"ok": health["ok"], "hits": first.total, "import": t1 - t0,
                  "open": t2 - t1, "first": t3 - t2, "second": t4 - t3}))
"""


def run_cold(root: Path, runs: int) -> list[dict]:
    """Cold starts in new processes (the OS file cache stays warm); seconds per phase."""
    results = []
    for _ in range(runs):
        started = time.perf_counter()
        proc = subprocess.run(
            [sys.executable, "-c", _COLD, str(root), COLD_QUERY],
            capture_output=True,
            text=True,
            check=False,
        )
        wall = time.perf_counter() - started
        if proc.returncode != 0:
            print(f"cold start failed:\n{proc.stderr[-2000:]}", file=sys.stderr)
            continue
        figures = json.loads(proc.stdout.strip().splitlines()[-1])
        figures["wall"] = wall
        results.append(figures)
    return results


def report(args: Namespace, root: Path, warm: dict, cold: list[dict]) -> str:
    """The Markdown report (also printed)."""
    rows = []
    everything: list[float] = []
    for cls, samples in warm["by_class"].items():
        s = summarize(samples)
        everything += samples
        queries = s["n"] // max(args.repeat, 1)
        rows.append([cls, str(queries), fmt(s["p50"]), fmt(s["p95"]), fmt(s["p99"]), fmt(s["max"])])
    overall = summarize(everything)
    rows.append(
        [
            "**all**",
            str(overall["n"] // max(args.repeat, 1)),
            fmt(overall["p50"]),
            fmt(overall["p95"]),
            fmt(overall["p99"]),
            fmt(overall["max"]),
        ]
    )
    p50_ok = verdict(overall["p50"] <= LATENCY_P50_MS)
    p95_ok = verdict(overall["p95"] <= LATENCY_P95_MS)
    cold_wall = statistics.median(c["wall"] for c in cold) if cold else None
    peak_mb, _ = peak_rss_mb()
    slowest = sorted(
        ((statistics.median(v), line) for line, v in warm["per_query"].items()), reverse=True
    )[:10]
    by_line = {q.line: q for q in read_queries(args.queries)}
    slow_rows = [
        [
            by_line[line].label().replace("|", "\\|"),
            by_line[line].cls,
            fmt(ms),
            f"{warm['totals'][line]:,}",
        ]
        for ms, line in slowest
    ]
    scope = (
        "the whole bench corpus"
        if args.limit is None
        else f"the first {args.limit:,} records + the known-item targets"
    )
    lines = [
        "# Query latency benchmark",
        "",
        header(__file__),
        f"Index: {warm['documents']:,} documents ({scope}).",
        f"Each of the {len(warm['totals'])} queries of `bench/queries/latency.txt` runs as a"
        " full page"
        " (10 hits with snippets, all facets, exact total), one process, after one warm-up pass;"
        f" {args.repeat} measured pass(es). Milliseconds.",
        "",
        f"Targets (warm, all queries): p50 ≤ {LATENCY_P50_MS:.0f} ms — **{p50_ok}**"
        f" ({fmt(overall['p50'])}); p95 ≤ {LATENCY_P95_MS:.0f} ms — **{p95_ok}**"
        f" ({fmt(overall['p95'])}). "
        + (
            f"Cold start ≤ {COLD_START_S:.0f} s (median whole process) —"
            f" **{verdict(cold_wall <= COLD_START_S)}** ({cold_wall:.2f} s). "
            if cold_wall is not None
            else ""
        )
        + f"Memory ≤ {SEARCH_MEMORY_MB:.0f} MB (peak resident set of the searching process) —"
        f" **{verdict(peak_mb <= SEARCH_MEMORY_MB)}** ({peak_mb:,.0f} MB).",
        "",
        markdown_table(["class", "queries", "p50", "p95", "p99", "max"], rows),
        "",
        "Slowest queries (median of the measured passes):",
        "",
        markdown_table(["query", "class", "ms", "total hits"], slow_rows),
        "",
    ]
    if cold:
        crow = []
        for i, c in enumerate(cold, 1):
            crow.append(
                [
                    str(i),
                    fmt(c["wall"] * 1000),
                    fmt(c["import"] * 1000),
                    fmt(c["open"] * 1000),
                    fmt(c["first"] * 1000),
                    fmt(c["second"] * 1000),
                ]
            )
        lines += [
            "Cold start (a new Python process; the OS file cache is warm after the first run):"
            " `wall` is the whole process from the parent's view, then importing `search`,"
            f" opening the index (`Searcher(...).health()`), the first query ({COLD_QUERY!r},"
            " which loads jieba) and a second query. Milliseconds. The generation's read cache"
            " (`xinwen-read.cache`, written by the first process that opened it) is present.",
            "",
            markdown_table(["run", "wall", "import", "open", "first query", "second query"], crow),
            "",
        ]
    if warm["errors"]:
        lines += ["Queries refused with a QueryError (not timed):", ""]
        lines += [f"- `{q}`: {msg}" for q, msg in warm["errors"].items()]
        lines.append("")
    mem = warm.get("memory", {})
    split = (
        f" At the end of the passes: {mem['rss']:,.0f} MB resident, of which"
        f" {mem['anon']:,.0f} MB anonymous (heap: caches, jieba's dictionary) and"
        f" {mem['file']:,.0f} MB file-backed (pages of the memory-mapped index, shared with the"
        " OS file cache; they grow with the share of the index a process has read)."
        if {"rss", "anon", "file"} <= mem.keys()
        else ""
    )
    lines.append(
        f"Memory of the benchmark process (which ran the warm-up and the measured passes):"
        f" peak {peak_mb:,.0f} MB resident.{split}"
    )
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Build or reuse the bench index, run the warm and cold measurements, write the report."""
    parser = arguments(
        __doc__,
        corpus=True,
        workdir=True,
        limit="index the first N records (+ known targets)",
        repeat=(3, "measured passes (default 3)"),
        no_write=True,
    )
    parser.add_argument("--rebuild", action="store_true", help="rebuild the cached index")
    parser.add_argument("--cold-runs", type=int, default=3, help="cold starts (default 3)")
    parser.add_argument("--queries", type=Path, default=QUERIES)
    args = parser.parse_args(argv)
    corpus = require_corpus(args.corpus)
    queries = read_queries(args.queries)
    args.workdir.mkdir(parents=True, exist_ok=True)
    root = xinwen_index(args.workdir, corpus, args.limit, known_item_ids(), args.rebuild)
    print(f"{len(queries)} queries; warm-up + {args.repeat} pass(es) …", flush=True)
    warm = run_warm(root, queries, args.repeat)
    print(f"{args.cold_runs} cold start(s) …", flush=True)
    cold = run_cold(root, args.cold_runs)
    text = report(args, root, warm, cold)
    publish(text, RESULTS, write=not args.no_write)
    return 0


if __name__ == "__main__":
    sys.exit(main())
