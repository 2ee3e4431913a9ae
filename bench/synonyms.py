"""Synonyms on the bench index: what they cost per query and what they do to known-item search.

Opens two searchers over the same index, one without synonyms and one with the shipped list,
runs every query of ``queries/latency.txt`` through both (a warm-up pass first, then each
query once per searcher, alternating, so load on a shared machine hits both alike) and the
relevance sets through both (``bench.paired``); writes ``results/synonyms.md``.

    python -m bench.synonyms /tmp/words-bench-index
"""

from __future__ import annotations

import time
from pathlib import Path

from bench.harness import RESULTS_DIR, arguments, header, load, markdown_table, publish
from bench.latency import QUERIES, read_queries
from bench.paired import evaluate, table
from xinwen.search import Searcher, SearchRequest
from xinwen.search.synonyms import Synonyms


def _pct(values: list[float], p: float) -> float:
    # Not harness.percentile (nearest rank): kept as results/synonyms.md was measured.
    ordered = sorted(values)
    return ordered[int(p * (len(ordered) - 1))]


def main() -> None:
    parser = arguments(__doc__, out=RESULTS_DIR / "synonyms.md")
    parser.add_argument("index", type=Path, help="index root built from the bench corpus")
    args = parser.parse_args()
    searchers = {"without": Searcher(args.index, Synonyms()), "shipped": Searcher(args.index)}
    queries = [q.text for q in read_queries(QUERIES)]
    for s in searchers.values():
        for q in queries:
            s.search(SearchRequest(q=q))
    times: dict[str, list[float]] = {name: [] for name in searchers}
    expanded = []
    for q in queries:
        for name, s in searchers.items():
            t = time.perf_counter()
            result = s.search(SearchRequest(q=q))
            times[name].append((time.perf_counter() - t) * 1000)
            if name == "shipped" and result.notice and "同时搜索了" in result.notice:
                expanded.append(len(times[name]) - 1)
    load_after = load()
    relevance = {name: evaluate(s) for name, s in searchers.items()}
    rows = []
    for name, t in times.items():
        exp = [t[i] for i in expanded] or [0.0]
        rows.append([name, *(f"{_pct(v, p):.1f}" for v in (t, exp) for p in (0.5, 0.95))])
    lines = [
        "# Synonyms on the bench corpus",
        "",
        header(__file__) + f" Load average after the latency pass: {load_after:.1f}.",
        "",
        f"**Latency** (a full page, warm, in-process; the {len(queries)} queries of"
        f" `queries/latency.txt`, of which the shipped list expanded {len(expanded)}), ms:",
        "",
        markdown_table(["synonyms", "p50 all", "p95 all", "p50 expanded", "p95 expanded"], rows),
        "",
        "**Relevance** (`bench.paired`: known items and judged topics, by split; topical"
        " documents the judges never saw count as 0, see judged@10):",
        "",
        *table(relevance),
    ]
    publish("\n".join(lines) + "\n", args.out)


if __name__ == "__main__":
    main()
