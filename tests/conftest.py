"""Shared fixtures: jieba loaded once per session, real indexes built once per session.

Helpers that tests import live in modules (``tests.helpers``, ``tests.clusters``), never here:
each test file runs alone (``pytest tests/test_x.py``)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# In CI a skip is a failure: the hooks of tests/ci_rules.py, made this conftest's.
from tests.ci_rules import pytest_make_collect_report, pytest_runtest_makereport  # noqa: F401
from tests.clusters import index_into_cluster, start_cluster
from tests.helpers import DEMO, SAMPLE, build_index
from xinwen.index.analysis import configure_jieba, warm_segmenter

# `xinwen reindex` lowers its own process's CPU priority (by default to `idle`): run in this
# process, as the CLI tests do, it would slow the rest of the test run on a busy machine. The
# priority tests run it in a process of their own, without this.
os.environ["XINWEN_NICE"] = "0"

# Fixtures that read ../shared/corpus: a test using one must carry the `corpus` marker.
CORPUS_FIXTURES = frozenset({"sample_path", "sample_index"})


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    unmarked = [
        item.nodeid
        for item in items
        if CORPUS_FIXTURES & set(getattr(item, "fixturenames", ()))
        and item.get_closest_marker("corpus") is None
    ]
    if unmarked:
        raise pytest.UsageError(
            "these tests read the shared corpus without the `corpus` marker: " + ", ".join(unmarked)
        )


@pytest.fixture(scope="session", autouse=True)
def jieba_loaded(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Load jieba's dictionary once for the whole run, cached in a folder of ours."""
    configure_jieba(tmp_path_factory.mktemp("jieba-cache"))
    # The segmenter's tables (0.2 s) built now, not inside a timed example.
    warm_segmenter()


@pytest.fixture(scope="session")
def demo_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An index root holding the bundled demo corpus."""
    return build_index(tmp_path_factory.mktemp("demo-index"), DEMO)


@pytest.fixture(scope="session")
def sample_path() -> Path:
    """../shared/corpus/sample.jsonl, or a skip that says why it's missing."""
    if not SAMPLE.is_file():
        pytest.skip(f"{SAMPLE} is absent: the shared real-news corpus is not on this machine")
    return SAMPLE


@pytest.fixture(scope="session")
def sample_index(tmp_path_factory: pytest.TempPathFactory, sample_path: Path) -> Path:
    """An index root holding the 392 real articles of sample.jsonl."""
    return build_index(tmp_path_factory.mktemp("sample-index"), sample_path, workers=2)


@pytest.fixture(scope="session")
def typesense_cluster(tmp_path_factory: pytest.TempPathFactory):
    """Three Typesense nodes for the whole session, stopped (by pid) at its end."""
    cluster = start_cluster(tmp_path_factory.mktemp("cluster"))
    yield cluster
    cluster.stop()


@pytest.fixture(scope="session")
def typesense_demo(typesense_cluster, tmp_path_factory: pytest.TempPathFactory):
    """A searcher over the demo corpus indexed into the session's cluster (alias ``demo``)."""
    from xinwen.search.typesense.searcher import TypesenseSearcher

    root = tmp_path_factory.mktemp("ts-demo")
    index_into_cluster(typesense_cluster, root, DEMO, alias="demo")
    return TypesenseSearcher(
        typesense_cluster.urls, typesense_cluster.api_key, "demo", jieba_dir=root / "jieba"
    )
