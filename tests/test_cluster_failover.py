"""The Typesense backend on a real three-node cluster when nodes fail: searches under load
fail over to the nodes left (0 failed requests, every answer right), a restarted node catches
up, and with every node down the web app answers 503 at once with a clear message."""

from __future__ import annotations

import signal
import threading
import time
from pathlib import Path

import pytest

from tests.clusters import index_into_cluster, start_cluster
from tests.helpers import DEMO
from xinwen.search import SearchRequest
from xinwen.search.typesense.cluster import free_port
from xinwen.search.typesense.searcher import TypesenseSearcher
from xinwen.webui import create_app

CLIENTS = 16
QUERIES = ["光伏", "储能 电站", '"储能电站"', "风电 -海上", "title:光伏", "category:政策"]


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory):
    """A cluster of this module's own: its nodes are killed and restarted."""
    folder = tmp_path_factory.mktemp("failover")
    cluster = start_cluster(folder)
    index_into_cluster(cluster, folder, DEMO)
    yield cluster
    cluster.stop()


def expected_totals(cluster) -> dict[str, int]:
    searcher = TypesenseSearcher(cluster.urls, cluster.api_key, "xinwen")
    return {q: searcher.search(SearchRequest(q=q)).total for q in QUERIES}


def load(cluster, seconds: float, during) -> tuple[int, list[str], int]:
    """CLIENTS threads searching for ``seconds`` (each with its own client, like gunicorn
    workers), ``during()`` run a third of the way in; (answers, failures, wrong answers)."""
    expected = expected_totals(cluster)
    stop = threading.Event()
    answers, failures, wrong = [0], [], [0]
    lock = threading.Lock()

    def client(n: int) -> None:
        searcher = TypesenseSearcher(cluster.urls, cluster.api_key, "xinwen")
        i = n
        while not stop.is_set():
            q = QUERIES[i % len(QUERIES)]
            i += 1
            try:
                total = searcher.search(SearchRequest(q=q)).total
            except Exception as exc:
                with lock:
                    failures.append(f"{q}: {exc!r}")
                continue
            with lock:
                answers[0] += 1
                wrong[0] += total != expected[q]

    threads = [threading.Thread(target=client, args=(n,)) for n in range(CLIENTS)]
    for t in threads:
        t.start()
    time.sleep(seconds / 3)
    during()
    time.sleep(seconds * 2 / 3)
    stop.set()
    for t in threads:
        t.join(timeout=30)
    return answers[0], failures, wrong[0]


def holds(cluster, node, documents: int, timeout: float = 60) -> bool:
    """Whether ``node`` comes to hold ``documents`` documents under the alias."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        info = node.get("/collections/xinwen", cluster.api_key)
        if info and info.get("num_documents") == documents:
            return True
        time.sleep(0.5)
    return False


def test_follower_killed_under_load(cluster) -> None:
    leader = cluster.leader()
    follower = next(n for n in cluster.nodes if n is not leader)
    answers, failures, wrong = load(cluster, 9, lambda: cluster.kill(follower, signal.SIGKILL))
    assert failures == [] and wrong == 0
    assert answers > 50
    cluster.restart(follower)
    assert holds(cluster, follower, 120)


def test_leader_killed_under_load(cluster) -> None:
    leader = cluster.leader()
    assert leader is not None
    answers, failures, wrong = load(cluster, 9, lambda: cluster.kill(leader, signal.SIGKILL))
    assert failures == [] and wrong == 0
    assert answers > 50
    cluster.restart(leader)
    assert holds(cluster, leader, 120)
    assert cluster.leader() is not None


def test_all_nodes_down_answers_503_at_once(tmp_path: Path) -> None:
    """Nothing listens on any node's port: a clear 503 within seconds, no hang, no internals."""
    urls = [f"http://127.0.0.1:{free_port()}" for _ in range(3)]
    searcher = TypesenseSearcher(urls, "key", "xinwen")
    app = create_app({"SEARCHER": searcher, "TESTING": True, "INDEX_ROOT": tmp_path})
    client = app.test_client()
    for path in ("/api/search?q=光伏", "/search?q=光伏", "/healthz"):
        started = time.monotonic()
        response = client.get(path)
        assert response.status_code == 503, path
        assert time.monotonic() - started < 5
        body = response.get_data(as_text=True)
        assert "127.0.0.1" not in body and "Traceback" not in body
    answer = client.get("/api/search?q=光伏").get_json()
    assert "请稍后再试" in answer["error"]["message"]


def test_reindex_switch_under_load(cluster, tmp_path: Path) -> None:
    """A full reindex (120 → 121 articles) while 16 clients search: no failed request, and
    every answer is of one collection (its total and its facet counts of the same one)."""
    extra = tmp_path / "extra.jsonl"
    extra.write_text(
        '{"id": "extra-1", "title": "新增文章 光伏储能", "body": "新增的一篇光伏储能文章。",'
        ' "category": "政策", "source": "电力日报", "published": "2024-05-05"}\n',
        encoding="utf-8",
    )
    before = TypesenseSearcher(cluster.urls, cluster.api_key, "xinwen").search(SearchRequest())
    counted_before = sum(v.count for v in before.facets["category"].values)
    consistent = {(before.total, counted_before), (before.total + 1, counted_before + 1)}
    stop = threading.Event()
    failures: list[str] = []
    totals: set[int] = set()
    mixed: list[tuple[int, int]] = []
    lock = threading.Lock()

    def client() -> None:
        searcher = TypesenseSearcher(cluster.urls, cluster.api_key, "xinwen")
        while not stop.is_set():
            try:
                result = searcher.search(SearchRequest(q=""))
            except Exception as exc:
                with lock:
                    failures.append(repr(exc))
                continue
            counted = sum(v.count for v in result.facets["category"].values)
            with lock:
                totals.add(result.total)
                if (result.total, counted) not in consistent:
                    mixed.append((result.total, counted))

    threads = [threading.Thread(target=client) for _ in range(CLIENTS)]
    for t in threads:
        t.start()
    try:
        report = index_into_cluster(cluster, tmp_path, DEMO, extra)
    finally:
        time.sleep(1)
        stop.set()
        for t in threads:
            t.join(timeout=30)
    assert report.indexed == 121
    assert failures == [] and mixed == []
    assert totals == {before.total, before.total + 1}
