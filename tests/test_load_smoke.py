"""A short run of the load benchmark (``bench/load.py``): 4 clients against a real
``xinwen serve`` over the demo corpus, alone and while a reindex switches the index. Asserts
correctness only (no errors, no wrong pages, answers from the new index after the switch),
never timings: the long run with figures is the benchmark."""

from __future__ import annotations

import time
from pathlib import Path

from bench.latency import BenchQuery
from bench.load import fetch, report, run_load_test, start_server
from tests.helpers import DEMO, build_index

QUERIES = [
    ("光伏", {}),
    ("风电 储能", {}),
    ("特高压", {}),
    ('"绿色供应链"', {}),
    ("光伏 -储能", {}),
    ("电网 OR 电力", {}),
    ("煤", {}),
    ("光伏", {"category": ("技术",)}),
    ("", {"sort": ("date",)}),
    ("", {"from": ("2021-01-01",), "to": ("2021-12-31",)}),
]


def test_load_while_a_reindex_switches(tmp_path: Path) -> None:
    # The reindex adds the demo's scraped pages, so some answers change at the switch and the
    # check that answers begun after it come from the new index has something to catch.
    root = build_index(tmp_path / "ix", DEMO / "articles.jsonl")
    queries = [BenchQuery(n, "smoke", text, filters) for n, (text, filters) in enumerate(QUERIES)]
    lines: list[str] = []
    run = run_load_test(
        root,
        queries,
        [DEMO],
        tmp_path / "work",
        clients=4,
        requests=100,
        seconds=60,
        pace=0.5,
        paced_seconds=1.0,
        after_switch=1.0,
        max_seconds=120,
        log=lines.append,
    )
    for phase in run.phases:
        assert phase.errors == [] and phase.wrong == [], phase.name
    assert run.capacity.requests == 100
    assert run.paced.requests > 0 and run.rate == 0.5 * run.capacity.rate
    (reindex,) = run.reindexes
    assert reindex.result.requests > 0
    assert reindex.generation_after != reindex.generation_before
    assert reindex.pages_differ > 0  # the switch was visible in the answers …
    assert reindex.result.stale_after_switch == 0  # … and none begun after it was old
    assert reindex.health_after_switch
    assert set(reindex.health_after_switch) == {reindex.generation_after}
    assert "read 120 records = indexed 120" in reindex.summary
    assert run.ok
    text = report(run, "the demo corpus", 2)
    assert "Result: **PASS**" in text and "4 clients at" in text


def test_a_late_request_counts_its_wait_from_when_it_was_due(tmp_path: Path) -> None:
    """A paced client that fell behind must not hide the wait (coordinated omission)."""
    root = build_index(tmp_path / "ix", DEMO / "articles.jsonl")
    server = start_server(root, tmp_path / "server.log", workers=1)
    try:
        path = "/api/search?q=%E5%85%89%E4%BC%8F"
        on_time = fetch(server.port, path)
        late = fetch(server.port, path, scheduled=time.perf_counter() - 5.0)
    finally:
        server.stop()
    assert on_time.error is None and late.error is None
    assert late.seconds >= 5.0  # sent at once, but due five seconds ago
