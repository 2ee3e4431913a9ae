"""Synonyms on the bench index: what they cost per query and what they do to known-item search.

Opens two searchers over the same index, one without synonyms and one with the shipped list,
runs every query of ``queries/latency.txt`` through both (a warm-up pass first, then each
query once per searcher, alternating, so load on a shared machine hits both alike) and the
relevance sets through both (``bench/paired.py``); writes ``results/synonyms.md``.

    python bench/synonyms.py /tmp/words-bench-index
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import NOISE_NOTE, QUERIES_DIR, RESULTS_DIR, git_commit, machine, now
from bench.paired import evaluate, table
from xinwen.search import Searcher, SearchRequest
from xinwen.search.synonyms import Synonyms


def _latency_queries() -> list[str]:
    out = []
    for line in (QUERIES_DIR / "latency.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            out.append(line.split("|")[0].strip())
    return out


def _pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[int(p * (len(ordered) - 1))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("index", type=Path, help="index root built from the bench corpus")
    parser.add_argument("--out", type=Path, default=RESULTS_DIR / "synonyms.md")
    args = parser.parse_args()
    searchers = {"without": Searcher(args.index, Synonyms()), "shipped": Searcher(args.index)}
    queries = _latency_queries()
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
    load = os.getloadavg()[0]
    relevance = {name: evaluate(s) for name, s in searchers.items()}
    lines = [
        "# Synonyms on the bench corpus",
        "",
        f"Run {now()} at commit {git_commit()} on {machine()}; {NOISE_NOTE}. Load average after"
        f" the latency pass: {load:.1f}.",
        "",
        f"**Latency** (a full page, warm, in-process; the {len(queries)} queries of"
        f" `queries/latency.txt`, of which the shipped list expanded {len(expanded)}), ms:",
        "",
        "| synonyms | p50 all | p95 all | p50 expanded | p95 expanded |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for name, t in times.items():
        exp = [t[i] for i in expanded] or [0.0]
        lines.append(
            f"| {name} | {_pct(t, 0.5):.1f} | {_pct(t, 0.95):.1f} | {_pct(exp, 0.5):.1f}"
            f" | {_pct(exp, 0.95):.1f} |"
        )
    lines += [
        "",
        "**Relevance** (`bench/paired.py`: known items and judged topics, by split; topical"
        " documents the judges never saw count as 0, see judged@10):",
        "",
        *table(relevance),
    ]
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
