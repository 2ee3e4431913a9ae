"""A short run of the load benchmark (``bench/load.py``): 4 clients against a real
``xinwen serve`` over the demo corpus, alone and while a reindex switches the index. Asserts
correctness only (no errors, no wrong pages, answers from the new index after the switch),
never timings: the long run with figures is the benchmark."""

from __future__ import annotations

from pathlib import Path

from bench.latency import BenchQuery
from bench.load import run_load_test
from tests.conftest import DEMO, build_index

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
        after_switch=1.0,
        max_seconds=120,
        log=lines.append,
    )
    for phase in (run.single, run.load, run.during):
        assert phase.errors == [] and phase.wrong == [], phase.name
    assert run.load.requests == 100
    assert run.during.requests >= 50
    assert run.generation_after != run.generation_before
    assert run.pages_differ > 0  # the switch was visible in the answers …
    assert run.during.stale_after_switch == 0  # … and none begun after it was old
    assert run.health_after_switch
    assert set(run.health_after_switch) == {run.generation_after}
    assert "read 120 records = indexed 120" in run.reindex_summary
    assert run.ok
