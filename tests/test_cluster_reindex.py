"""``xinwen reindex/search/stats --backend typesense`` on a real three-node cluster: a full
reindex switches the alias to a complete new collection and drops the old one, a failed one
leaves the alias where it was, orphans of a killed run go, incremental runs upsert and prune,
and a node that is down is reported, not waited for."""

from __future__ import annotations

import json
import signal
import time
from pathlib import Path

import pytest

from tests.helpers import DEMO, article, write_jsonl
from xinwen.cli import main


@pytest.fixture
def cli(typesense_cluster, monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    """Run ``xinwen`` against the session's cluster (key from the environment only)."""
    monkeypatch.setenv("XINWEN_TYPESENSE_KEY", typesense_cluster.api_key)
    nodes = ",".join(typesense_cluster.urls)

    def run(capsys, *argv: str, alias: str = "cli") -> tuple[int, str, str]:
        common = ["--backend", "typesense", "--nodes", nodes, "--collection", alias]
        extra = ["--index", str(tmp_path / "root")]
        code = main([*argv, *common, *extra])
        out, err = capsys.readouterr()
        return code, out, err

    return run


def collections(cluster, alias: str, node=None) -> list[str]:
    """The collections of an alias as the leader (or ``node``) has them: followers apply
    writes a moment later."""
    node = node or cluster.leader()
    listed = node.get("/collections", cluster.api_key) or []
    return sorted(c["name"] for c in listed if c["name"].startswith(alias))


def test_reindex_search_stats(cli, capsys, typesense_cluster) -> None:
    code, out, _ = cli(capsys, "reindex", str(DEMO), "-q")
    assert code == 0 and "full reindex: read 120 records = indexed 120" in out
    first = collections(typesense_cluster, "cli-")
    assert len(first) == 1
    code, out, _ = cli(capsys, "search", "特高压", "--json", "--size", "3")
    doc = json.loads(out)
    assert code == 0 and doc["total"] > 3 and len(doc["hits"]) == 3
    code, out, _ = cli(capsys, "stats", "--json")
    assert code == 0 and json.loads(out)["documents"] == 120
    # A second full reindex: a new collection behind the alias, the old one dropped.
    code, out, _ = cli(capsys, "reindex", str(DEMO), "-q")
    second = collections(typesense_cluster, "cli-")
    assert code == 0 and len(second) == 1 and second != first


def test_the_key_is_never_an_option(cli, capsys) -> None:
    with pytest.raises(SystemExit) as caught:
        cli(capsys, "search", "光伏", "--key", "secret")
    assert caught.value.code == 2


def test_failed_reindex_keeps_the_alias_and_orphans_go(
    cli, capsys, typesense_cluster, tmp_path: Path
) -> None:
    code, _, _ = cli(capsys, "reindex", str(DEMO), "-q", alias="keep")
    before = collections(typesense_cluster, "keep-")
    bad = tmp_path / "bad.jsonl"
    bad.write_text(
        "".join(json.dumps(article(n), ensure_ascii=False) + "\n" for n in range(600))
        + "{not json\n",
        encoding="utf-8",
    )
    code, _, err = cli(capsys, "reindex", str(bad), "--strict", "-q", alias="keep")
    assert code == 1 and "--strict" in err
    assert collections(typesense_cluster, "keep-") == before
    code, out, _ = cli(capsys, "search", "", "--json", alias="keep")
    assert json.loads(out)["total"] == 120

    # A collection left by a killed run (it never got the alias) goes with the next run.
    from xinwen.search.typesense.client import make_client
    from xinwen.search.typesense.documents import collection_schema

    client = make_client(typesense_cluster.urls, typesense_cluster.api_key)
    orphan = "keep-s3-20200101T000000000000"
    client.collections.create(collection_schema(orphan))
    deadline = time.monotonic() + 30  # older than any run in practice: on every node
    while not all(
        orphan in collections(typesense_cluster, "keep-", n) for n in typesense_cluster.nodes
    ):
        assert time.monotonic() < deadline
        time.sleep(0.1)
    code, _, _ = cli(capsys, "reindex", str(DEMO), "-q", alias="keep")
    after = collections(typesense_cluster, "keep-")
    assert code == 0 and len(after) == 1 and after != before


def test_a_second_reindex_at_once_is_refused(
    cli, capsys, typesense_cluster, tmp_path: Path
) -> None:
    """A second run dropped the first one's collection, still being filled, as a leftover;
    the first then died with a traceback. A run holds the index root's reindex lock."""
    from xinwen.index.store import IndexStore

    code, _, _ = cli(capsys, "reindex", str(DEMO), "-q", alias="once")
    before = collections(typesense_cluster, "once-")
    with IndexStore(tmp_path / "root").writer_lock():  # (what a run under way holds)
        code, _, err = cli(capsys, "reindex", str(DEMO), "-q", alias="once")
    assert code == 1 and "already running" in err  # (in this process: the test's own lock)
    assert collections(typesense_cluster, "once-") == before


def test_incremental_upserts_and_prunes(cli, capsys, tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "a.jsonl", [article(n) for n in range(1, 4)])
    code, _, _ = cli(capsys, "reindex", str(source), "-q", alias="inc")
    assert code == 0
    changed = article(2, title="第2号测试新闻 海上风电项目开工")
    write_jsonl(source, [article(1), changed, article(9)])
    code, out, err = cli(
        capsys, "reindex", str(source), "--incremental", "--prune", "--json", "-q", alias="inc"
    )
    assert code == 0, err
    report = json.loads(out)
    assert (report["indexed"], report["unchanged"], report["deleted"]) == (2, 1, 1)
    code, out, _ = cli(capsys, "search", "海上风电", "--json", alias="inc")
    assert [h["id"] for h in json.loads(out)["hits"]] == ["t-2"]
    code, out, _ = cli(capsys, "search", "", "--json", alias="inc")
    assert sorted(h["id"] for h in json.loads(out)["hits"]) == ["t-1", "t-2", "t-9"]


def test_a_node_down_during_reindex_is_reported(cli, capsys, typesense_cluster, caplog) -> None:
    leader = typesense_cluster.leader()
    follower = next(n for n in typesense_cluster.nodes if n is not leader)
    typesense_cluster.kill(follower, signal.SIGKILL)
    try:
        code, out, _ = cli(capsys, "reindex", str(DEMO), "-q", alias="down")
        assert code == 0 and "indexed 120" in out
        assert f"node {follower.url} did not answer" in caplog.text
    finally:
        typesense_cluster.restart(follower)


def test_serve_over_the_cluster(cli, capsys, typesense_cluster, tmp_path: Path, demo_index) -> None:
    """``xinwen serve --backend typesense`` under gunicorn answers the API and pages like the
    embedded index (same total, same facets) over real HTTP."""
    import os
    import subprocess
    import sys
    import urllib.parse
    import urllib.request

    from xinwen.search import Searcher, SearchRequest
    from xinwen.search.typesense.cluster import free_port

    code, _, _ = cli(capsys, "reindex", str(DEMO), "-q", alias="web")
    assert code == 0
    port = free_port()
    env = {
        **os.environ,
        "XINWEN_TYPESENSE_KEY": typesense_cluster.api_key,
        "XINWEN_TYPESENSE_NODES": ",".join(typesense_cluster.urls),
    }
    log = (tmp_path / "serve.log").open("wb")
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "xinwen",
            "serve",
            "--backend",
            "typesense",
            "--collection",
            "web",
            "--index",
            str(tmp_path / "root"),
            "--port",
            str(port),
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
        env=env,
    )
    try:
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            assert process.poll() is None, (tmp_path / "serve.log").read_text()
            try:
                with urllib.request.urlopen(f"{url}/healthz", timeout=2) as response:
                    health = json.loads(response.read())
                    break
            except OSError:
                assert time.monotonic() < deadline
                time.sleep(0.3)
        assert health["ok"] and health["documents"] == 120
        query = urllib.parse.urlencode({"q": "储能 -电站", "category": "政策"})
        with urllib.request.urlopen(f"{url}/api/search?{query}", timeout=10) as response:
            answer = json.loads(response.read())
        ours = Searcher(demo_index).search(SearchRequest(q="储能 -电站", categories=("政策",)))
        assert answer["total"] == ours.total
        assert answer["facets"]["source"] == ours.to_dict()["facets"]["source"]
        with urllib.request.urlopen(f"{url}/search?{query}", timeout=10) as response:
            assert response.status == 200 and "<mark>储能</mark>" in response.read().decode()
    finally:
        process.terminate()
        process.wait(timeout=15)
        log.close()


def test_killed_reindex_keeps_the_alias(cli, capsys, typesense_cluster, tmp_path: Path) -> None:
    """SIGKILL a reindex while it imports: the alias stays on the old collection, readers see
    it whole, and the next run removes the half-filled one."""
    import os
    import subprocess
    import sys

    code, _, _ = cli(capsys, "reindex", str(DEMO), "-q", alias="kill")
    before = collections(typesense_cluster, "kill-")
    big = write_jsonl(tmp_path / "big.jsonl", [article(n) for n in range(20_000)])
    env = {
        **os.environ,
        "XINWEN_TYPESENSE_KEY": typesense_cluster.api_key,
        "XINWEN_TYPESENSE_NODES": ",".join(typesense_cluster.urls),
    }
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "xinwen",
            "reindex",
            str(big),
            "-q",
            "--backend",
            "typesense",
            "--collection",
            "kill",
            "--index",
            str(tmp_path / "root"),
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 120
    try:
        while True:  # until its new collection holds some documents
            assert process.poll() is None and time.monotonic() < deadline
            leader = typesense_cluster.leader()
            new = [n for n in collections(typesense_cluster, "kill-") if n not in before]
            info = new and leader.get(f"/collections/{new[0]}", typesense_cluster.api_key)
            if info and info.get("num_documents", 0) > 0:
                break
            time.sleep(0.1)
    finally:
        process.kill()
        process.wait()
    assert len(collections(typesense_cluster, "kill-")) == 2  # the old one and the orphan
    code, out, _ = cli(capsys, "search", "", "--json", alias="kill")
    assert code == 0 and json.loads(out)["total"] == 120
    code, _, _ = cli(capsys, "reindex", str(DEMO), "-q", alias="kill")
    after = collections(typesense_cluster, "kill-")
    assert code == 0 and len(after) == 1 and after != before and after[0] not in new


@pytest.mark.parametrize(
    ("argv", "env", "message"),
    [
        (["search", "x", "--backend", "nope"], {}, "backend must be one of whoosh, typesense"),
        (["search", "x", "--backend", "typesense"], {}, "set XINWEN_TYPESENSE_KEY"),
        (["serve", "--backend", "typesense"], {}, "set XINWEN_TYPESENSE_KEY"),
        (
            ["stats", "--backend", "typesense", "--nodes", "foo"],
            {"XINWEN_TYPESENSE_KEY": "k"},
            "nodes must be URLs like http://host:8108, not 'foo'",
        ),
    ],
)
def test_wrong_backend_settings_are_clear_errors(
    argv: list[str], env: dict, message: str, monkeypatch, capsys, tmp_path: Path
) -> None:
    # (monkeypatch restores what `xinwen serve` would set for its gunicorn master)
    for name in ("XINWEN_TYPESENSE_KEY", "XINWEN_BACKEND", "XINWEN_TYPESENSE_NODES"):
        monkeypatch.delenv(name, raising=False)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    code = main([*argv, "--index", str(tmp_path)])
    assert code == 1 and message in capsys.readouterr().err
