"""Faults: a reindex killed at each stage under a live server, stale and live Whoosh locks, a
full disk, a failed indexing worker, and missing, empty, old or corrupt indexes.

Stages are made observable with the test-only hook ``XINWEN_FAULT_STAGE`` (see
``index.store.fault_point``): the reindex, a real ``python -m xinwen reindex`` process, kills
itself with SIGKILL when it reaches the named stage.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from flask.testing import FlaskClient

from tests.helpers import ROOT, article, build_index, kill_first_worker, write_jsonl
from xinwen.cli import main
from xinwen.index.builder import ReindexError, ReindexOptions, reindex
from xinwen.index.schema import SCHEMA_VERSION
from xinwen.index.store import FAULT_ENV, IndexStore, write_meta
from xinwen.search import Searcher, SearchRequest
from xinwen.webui import create_app

STAGES = ["reading", "writing", "committing", "switching"]
ENV = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
ENV.pop(FAULT_ENV, None)
# Over 100 records so that the parallel writer hands batches to its sub-writer processes.
SMALL, LARGE = 150, 260


def corpus(folder: Path, n: int) -> Path:
    """A corpus of ``n`` small synthetic articles."""
    folder.mkdir(parents=True, exist_ok=True)
    return write_jsonl(folder / f"c{n}.jsonl", [article(i) for i in range(n)])


def xinwen(
    *args: str, fault: str | None = None, timeout: float = 180
) -> subprocess.CompletedProcess[str]:
    """``python -m xinwen ARGS`` in a new process, as a user runs it."""
    env = {**ENV, FAULT_ENV: fault} if fault else ENV
    return subprocess.run(
        [sys.executable, "-m", "xinwen", *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def generations(root: Path) -> set[str]:
    return {p.name for p in (root / "generations").iterdir()}


def partials(root: Path) -> list[Path]:
    return [p for p in (root / "generations").iterdir() if p.name.endswith(".partial")]


def one_line_error(stderr: str, *needles: str) -> None:
    """An error a person can act on: no traceback, the needles in the last line."""
    assert "Traceback" not in stderr, stderr
    last = stderr.strip().splitlines()[-1]
    assert last.startswith("xinwen: error: "), stderr
    for needle in needles:
        assert needle in last, (needle, stderr)


# ---- a live server over an index root that the tests reindex --------------------------------


def get_json(url: str) -> tuple[int, dict]:
    try:
        with urllib.request.urlopen(url, timeout=20) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as exc:
        with exc:
            return exc.code, json.loads(exc.read())


@dataclass
class Server:
    url: str
    root: Path
    process: subprocess.Popen
    log: Path

    def health(self) -> dict:
        status, data = get_json(f"{self.url}/healthz")
        assert status == 200, data
        return data


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(root: Path, log: Path) -> Server:
    """``webui.server.serve`` (gunicorn, 2 workers) over ``root`` in a child process."""
    port = free_port()
    code = (
        "import sys; from pathlib import Path; from webui.server import serve; "
        "serve(Path(sys.argv[1]), host='127.0.0.1', port=int(sys.argv[2]), workers=2)"
    )
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-c", code, str(root), str(port)],
            stdout=out,
            stderr=subprocess.STDOUT,
            env=ENV,
            cwd=ROOT,
        )
    server = Server(f"http://127.0.0.1:{port}", root, process, log)
    deadline = time.monotonic() + 60
    while True:
        if process.poll() is not None:
            pytest.fail(f"the server exited: {log.read_text(errors='replace')}")
        try:
            get_json(f"{server.url}/healthz")
            return server
        except OSError:
            if time.monotonic() > deadline:
                stop_server(server)
                pytest.fail(f"the server never answered: {log.read_text(errors='replace')}")
            time.sleep(0.2)


def stop_server(server: Server) -> None:
    server.process.terminate()
    try:
        server.process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        server.process.kill()
        server.process.wait()


@dataclass
class Poller:
    """Asks ``/healthz`` and ``/api/search`` (the empty query: every document) in turn, as
    fast as the server answers, recording (status, documents or total, generation)."""

    server: Server
    answers: list[tuple[str, int, int, str | None]] = field(default_factory=list)
    stop: threading.Event = field(default_factory=threading.Event)

    def run(self) -> None:
        while not self.stop.is_set():
            try:
                status, data = get_json(f"{self.server.url}/healthz")
                self.answers.append(("healthz", status, data["documents"], data["generation"]))
                status, data = get_json(f"{self.server.url}/api/search?size=1")
                self.answers.append(("search", status, data.get("total", -1), None))
            except (OSError, ValueError, KeyError) as exc:  # recorded: the test then fails
                self.answers.append(("error", 0, -1, repr(exc)))
            time.sleep(0.02)

    def __enter__(self) -> Poller:
        self.thread = threading.Thread(target=self.run, daemon=True)
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        time.sleep(0.3)  # a few answers after the reindex ended
        self.stop.set()
        self.thread.join(timeout=30)


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A gunicorn server over a root holding ``SMALL`` articles."""
    base = tmp_path_factory.mktemp("faults-served")
    root = build_index(base / "ix", corpus(base / "src", SMALL), workers=1)
    server = start_server(root, base / "server.log")
    try:
        yield server
    finally:
        stop_server(server)
    log = server.log.read_text(errors="replace")
    assert "Traceback" not in log, log


@pytest.mark.parametrize("stage", STAGES)
def test_reindex_killed_at_each_stage_keeps_the_old_index_serving(
    served: Server, tmp_path: Path, stage: str
) -> None:
    root = served.root
    before = served.health()
    old_count, old_gen = before["documents"], before["generation"]
    new_count = LARGE if old_count == SMALL else SMALL
    src = corpus(tmp_path / "src", new_count)
    before_kill = generations(root)

    with Poller(served) as poller:
        killed = xinwen(
            "reindex", str(src), "--index", str(root), "--workers", "2", "-q", fault=stage
        )
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert len(poller.answers) >= 4
    # Every answer during the killed run came from the old index.
    assert {(status, n) for _, status, n, _ in poller.answers} == {(200, old_count)}
    assert {g for kind, _, _, g in poller.answers if kind == "healthz"} == {old_gen}
    assert IndexStore(root).current().name == old_gen
    [left] = generations(root) - before_kill
    if stage == "switching":  # finished, never switched to: a generation nobody serves
        assert not left.endswith(".partial") and list(root.glob(".current.*"))
    else:
        assert left.endswith(".partial")

    # The next reindex needs no human: no lock blocks it, it clears what the killed run left.
    with Poller(served) as poller:
        done = xinwen("reindex", str(src), "--index", str(root), "--workers", "2", "-q")
    assert done.returncode == 0, done.stderr
    new_gen = IndexStore(root).current().name
    after = served.health()
    assert (after["documents"], after["generation"]) == (new_count, new_gen)
    seen = [(status, n) for _, status, n, _ in poller.answers]
    assert {status for status, _ in seen} == {200}
    counts = [n for _, n in seen]
    assert set(counts) <= {old_count, new_count}
    # Old answers until the switch, then new ones: never back to the old index.
    assert counts == sorted(counts, key=lambda n: n == new_count), counts
    assert counts[-1] == new_count
    assert not partials(root) and not list(root.glob(".current.*"))
    # The new generation and the one it replaced (readers may still hold it), nothing else.
    assert generations(root) == {new_gen, old_gen}


# ---- Whoosh's own lock ------------------------------------------------------------------------

HOLD_WRITER = """
import sys, time
from whoosh import index
ix = index.open_dir(sys.argv[1]) if index.exists_in(sys.argv[1]) else None
if ix is None:
    from xinwen.index.schema import build_schema
    ix = index.create_in(sys.argv[1], build_schema(()))
writer = ix.writer()
print("locked", flush=True)
time.sleep(120)
"""


@pytest.fixture
def whoosh_writer() -> Iterator[Callable[[Path], subprocess.Popen]]:
    """Start processes that open a Whoosh writer on a folder and hold its lock."""
    procs: list[subprocess.Popen] = []

    def start(folder: Path) -> subprocess.Popen:
        proc = subprocess.Popen(
            [sys.executable, "-c", HOLD_WRITER, str(folder)],
            env=ENV,
            cwd=ROOT,
            stdout=subprocess.PIPE,
            text=True,
        )
        procs.append(proc)
        assert proc.stdout is not None and proc.stdout.readline().strip() == "locked"
        return proc

    yield start
    for proc in procs:
        if proc.returncode is None:  # not yet killed by the test
            kill(proc)


def kill(proc: subprocess.Popen) -> None:
    proc.kill()
    proc.communicate()


def test_live_whoosh_lock_on_the_served_index_is_respected(
    tmp_path: Path, whoosh_writer: Callable[[Path], subprocess.Popen]
) -> None:
    root = build_index(tmp_path / "ix", corpus(tmp_path / "a", 5))
    served = IndexStore(root).current()
    holder = whoosh_writer(served.path)
    more = corpus(tmp_path / "b", 8)
    refused = xinwen("reindex", str(more), "--index", str(root), "--incremental", "-q")
    assert refused.returncode == 1
    one_line_error(refused.stderr, "MAIN_WRITELOCK", "is locked by a live process")
    assert IndexStore(root).current().name == served.name and not partials(root)
    assert (served.path / "MAIN_WRITELOCK").exists()  # a live lock is never removed
    kill(holder)
    done = xinwen("reindex", str(more), "--index", str(root), "--incremental", "-q")
    assert done.returncode == 0, done.stderr
    assert "removed a stale Whoosh lock" in done.stderr
    assert Searcher(root).search(SearchRequest()).total == 8


def test_stale_whoosh_lock_of_a_dead_writer_is_cleared_with_a_message(
    tmp_path: Path,
    whoosh_writer: Callable[[Path], subprocess.Popen],
    caplog: pytest.LogCaptureFixture,
) -> None:
    root = build_index(tmp_path / "ix", corpus(tmp_path / "a", 5))
    served = IndexStore(root).current()
    assert not list(served.path.glob("*WRITELOCK"))  # a published generation carries none
    kill(whoosh_writer(served.path))  # killed while holding the lock: the file stays
    assert (served.path / "MAIN_WRITELOCK").exists()
    report = reindex(
        ReindexOptions([corpus(tmp_path / "b", 7)], root, incremental=True, progress=False)
    )
    assert report.documents == 7
    assert f"removed a stale Whoosh lock {served.path / 'MAIN_WRITELOCK'}" in caplog.text
    assert not (served.path / "MAIN_WRITELOCK").exists()
    assert not list(IndexStore(root).current().path.glob("*WRITELOCK"))


def test_a_partial_still_written_by_a_live_process_is_left_alone(
    tmp_path: Path,
    whoosh_writer: Callable[[Path], subprocess.Popen],
    caplog: pytest.LogCaptureFixture,
) -> None:
    root = build_index(tmp_path / "ix", corpus(tmp_path / "a", 5))
    orphan = root / "generations" / "g20000101-000000-000000-1.partial"
    orphan.mkdir()
    holder = whoosh_writer(orphan)  # say, a writer that outlived its reindex
    src = corpus(tmp_path / "b", 6)
    assert reindex(ReindexOptions([src], root, progress=False)).documents == 6
    assert orphan.is_dir()
    assert f"left {orphan.name} in place: a live process still holds its Whoosh lock" in (
        caplog.text
    )
    kill(holder)
    reindex(ReindexOptions([src], root, progress=False))
    assert not orphan.exists() and not partials(root)


# ---- write errors -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("workers", "fault"), [(1, "writing:enospc"), (2, "writing:enospc"), (2, "worker:enospc")]
)
def test_injected_disk_full_fails_clearly_and_keeps_the_served_index(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, workers: int, fault: str
) -> None:
    root = build_index(tmp_path / "ix", corpus(tmp_path / "a", 5))
    served = IndexStore(root).current().name
    monkeypatch.setenv(FAULT_ENV, fault)
    with pytest.raises(ReindexError) as failed:
        reindex(
            ReindexOptions([corpus(tmp_path / "b", SMALL)], root, workers=workers, progress=False)
        )
    message = str(failed.value)
    assert "No space left on device" in message and "served index is unchanged" in message
    assert "free some space on the disk" in message
    if fault.startswith("worker"):
        assert "indexing worker process failed" in message
    assert IndexStore(root).current().name == served and not partials(root)
    assert Searcher(root).search(SearchRequest()).total == 5
    monkeypatch.delenv(FAULT_ENV)
    again = ReindexOptions([corpus(tmp_path / "b", SMALL)], root, workers=workers, progress=False)
    assert reindex(again).documents == SMALL


def _mount_tmpfs(path: Path, size: str) -> None:
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a small tmpfs needs root and mount(8)")
    path.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")


def test_real_full_disk_fails_clearly_and_keeps_the_served_index(tmp_path: Path) -> None:
    disk = tmp_path / "disk"
    _mount_tmpfs(disk, "16m")  # jieba's cache (9 MB) and a small index fit, a bigger one not
    try:
        root = disk / "ix"
        first = xinwen("reindex", str(corpus(tmp_path / "a", 5)), "--index", str(root), "-q")
        assert first.returncode == 0, first.stderr
        served = IndexStore(root).current().name
        free = shutil.disk_usage(disk).free
        filler = disk / "filler"
        filler.write_bytes(b"\0" * max(0, free - 200_000))  # leave 200 kB
        big = corpus(tmp_path / "b", LARGE)
        failed = xinwen("reindex", str(big), "--index", str(root), "--workers", "2", "-q")
        assert failed.returncode == 1
        one_line_error(failed.stderr, "No space left on device", "served index is unchanged")
        assert IndexStore(root).current().name == served and not partials(root)
        stats = xinwen("stats", "--index", str(root), "--json")
        assert json.loads(stats.stdout)["documents"] == 5
        filler.unlink()
        again = xinwen("reindex", str(big), "--index", str(root), "--workers", "2", "-q")
        assert again.returncode == 0, again.stderr
    finally:
        if subprocess.run(["umount", str(disk)], check=False).returncode != 0:
            subprocess.run(["umount", "-l", str(disk)], check=False)


FILE_SIZE_LIMITED = """
import resource, sys
# Writes past this size fail with EFBIG (Python ignores SIGXFSZ): a real failed write, in this
# process and in the indexing workers it forks, wherever in Whoosh it happens.
limit = int(sys.argv[1])
resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
from xinwen.cli import main
sys.exit(main(sys.argv[2:]))
"""


@pytest.mark.parametrize(
    ("where", "args"),
    [
        ("in the indexing workers", ["--workers", "2"]),
        ("in Whoosh's segment writing in the reindex process", ["--workers", "1"]),
        ("in the sub-writer of an incremental run", ["--incremental"]),
    ],
)
def test_a_write_failing_inside_whoosh_or_a_worker_publishes_nothing(
    tmp_path: Path, where: str, args: list[str]
) -> None:
    root = tmp_path / "ix"
    first = xinwen("reindex", str(corpus(tmp_path / "a", 5)), "--index", str(root), "-q")
    assert first.returncode == 0, first.stderr  # also writes jieba's cache, unlimited
    served = IndexStore(root).current().name
    src = corpus(tmp_path / "b", 3000)  # segments of about 2 MB
    command = ["reindex", str(src), "--index", str(root), "-q", *args]
    failed = subprocess.run(
        [sys.executable, "-c", FILE_SIZE_LIMITED, str(256 * 1024), *command],
        env=ENV,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert failed.returncode == 1, (where, failed.stderr)
    one_line_error(failed.stderr, "File too large", "served index is unchanged", "ulimit -f")
    if "worker" in where or "sub-writer" in where:
        one_line_error(failed.stderr, "indexing worker process failed")
    else:
        assert "worker" not in failed.stderr
    assert len(failed.stderr.strip().splitlines()) == 1, failed.stderr
    # Nothing published, nothing left behind: only the served generation remains.
    assert IndexStore(root).current().name == served
    assert generations(root) == {served} and not list(root.glob(".current.*"))
    assert Searcher(root).search(SearchRequest()).total == 5


def test_a_dead_indexing_worker_fails_the_reindex_instead_of_losing_its_documents(
    tmp_path: Path,
) -> None:
    root = build_index(tmp_path / "ix", corpus(tmp_path / "a", 5))
    served = IndexStore(root).current().name
    src = corpus(tmp_path / "b", 3000)
    args = ["reindex", str(src), "--index", str(root), "--workers", "2", "-q"]
    proc = subprocess.Popen(
        [sys.executable, "-m", "xinwen", *args],
        env=ENV,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    stderr = kill_first_worker(proc)
    assert proc.returncode == 1
    one_line_error(stderr, "indexing worker process failed", "SIGKILL", "served index is unchanged")
    assert IndexStore(root).current().name == served and not partials(root)


# ---- missing, empty, old and corrupt indexes ---------------------------------------------------


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("pristine")
    return build_index(base / "ix", corpus(base / "src", 12))


def _gen(root: Path) -> Path:
    return root / os.readlink(root / "current")


def _no_folder(root: Path) -> None:
    shutil.rmtree(root)


def _empty_folder(root: Path) -> None:
    shutil.rmtree(root)
    root.mkdir()


def _generation_deleted(root: Path) -> None:
    shutil.rmtree(_gen(root))


def _generation_emptied(root: Path) -> None:
    for path in _gen(root).iterdir():
        path.unlink()


def _no_documents(root: Path) -> None:
    from whoosh import index as whoosh_index

    from xinwen.index.schema import build_schema

    gen = _gen(root)
    meta = json.loads((gen / "xinwen.json").read_text())
    shutil.rmtree(gen)
    gen.mkdir()
    whoosh_index.create_in(str(gen), build_schema(())).close()
    write_meta(gen, meta)


def _older_schema(root: Path) -> None:
    gen = _gen(root)
    meta = json.loads((gen / "xinwen.json").read_text())
    write_meta(gen, {**meta, "schema_version": SCHEMA_VERSION - 1})


def _garbled_toc(root: Path) -> None:
    toc = next(_gen(root).glob("_MAIN_*.toc"))
    data = bytearray(toc.read_bytes())
    data[8:64] = b"\xa5" * 56
    toc.write_bytes(bytes(data))


def _truncated_segment(root: Path) -> None:
    for seg in _gen(root).glob("*.seg"):
        seg.write_bytes(seg.read_bytes()[: seg.stat().st_size // 2])


def _missing_segment(root: Path) -> None:
    next(_gen(root).glob("*.seg")).unlink()


def _garbled_metadata(root: Path) -> None:
    (_gen(root) / "xinwen.json").write_text("{not json", encoding="utf-8")


BROKEN = {
    "no folder": (_no_folder, "no index in"),
    "empty folder": (_empty_folder, "no index in"),
    "generation deleted": (_generation_deleted, "which is missing"),
    "generation emptied": (_generation_emptied, "xinwen.json"),
    "no documents": (_no_documents, "is empty"),
    "older schema": (_older_schema, f"needs {SCHEMA_VERSION}"),
    "garbled TOC": (_garbled_toc, "cannot be opened"),
    "truncated segment": (_truncated_segment, "cannot be opened"),
    "missing segment": (_missing_segment, "cannot be opened"),
    "garbled metadata": (_garbled_metadata, "unreadable"),
}


@pytest.fixture(params=list(BROKEN))
def broken(request: pytest.FixtureRequest, pristine: Path, tmp_path: Path) -> tuple[Path, str]:
    """A copy of a small index, broken in one way; with what the message must say."""
    root = tmp_path / "ix"
    shutil.copytree(pristine, root, symlinks=True)
    damage, says = BROKEN[request.param]
    damage(root)
    return root, says


def test_broken_index_cli_says_what_is_wrong_and_what_to_run(
    broken: tuple[Path, str], capsys: pytest.CaptureFixture[str]
) -> None:
    root, says = broken
    commands = [["search", "光伏"], ["search", ""]]
    if says != "is empty":  # stats of an empty index is a valid answer: 0 documents
        commands.append(["stats"])
    for command in commands:
        code = main([*command, "--index", str(root)])
        out, err = capsys.readouterr()
        assert code == 1 and not out, (command, out)
        assert len(err.strip().splitlines()) == 1, err
        one_line_error(err, says, "xinwen reindex")


def _no_internals(text: str, root: Path, says: str) -> None:
    """Nothing of the machine or of Whoosh: no path, no cause, no exception text."""
    for secret in (str(root), "/tmp/", says, "xinwen reindex", "Traceback", "Error", "Exception"):
        assert secret not in text, (secret, text[:600])
    assert "whoosh" not in text.lower(), text[:600]


def test_broken_index_web_answers_503_with_a_code_and_logs_the_cause_once(
    broken: tuple[Path, str], caplog: pytest.LogCaptureFixture
) -> None:
    root, says = broken
    client: FlaskClient = create_app({"INDEX_ROOT": root, "TESTING": True}).test_client()
    for _ in range(3):  # a load balancer polling
        health = client.get("/healthz")
        assert health.status_code == 503 and health.headers["Retry-After"]
        data = health.get_json()
        assert data["ok"] is False and data["error"]["code"] == "index_unavailable"
        assert data["error"]["message"] == "索引暂不可用，请稍后再试。"
        _no_internals(health.get_data(as_text=True), root, says)
    api = client.get("/api/search?q=光伏")
    assert api.status_code == 503 and api.headers["Retry-After"]
    assert api.get_json()["error"]["code"] == "index_unavailable"
    _no_internals(api.get_data(as_text=True), root, says)
    for path in ("/search?q=光伏", "/", "/article/t-1"):
        page = client.get(path)
        assert page.status_code == 503 and page.mimetype == "text/html", path
        text = page.get_data(as_text=True)
        assert "搜索暂不可用" in text and "索引暂不可用" in text
        _no_internals(text, root, says)
    # The server's log has the cause, with the path, once for all these requests.
    logged = [r.getMessage() for r in caplog.records if "no usable index" in r.getMessage()]
    assert len(logged) == 1 and says in logged[0] and str(root) in logged[0], logged


def test_server_started_on_a_corrupt_index_answers_503_and_recovers(
    pristine: Path, tmp_path: Path
) -> None:
    root = tmp_path / "ix"
    shutil.copytree(pristine, root, symlinks=True)
    _truncated_segment(root)
    server = start_server(root, tmp_path / "server.log")
    try:
        status, data = get_json(f"{server.url}/healthz")
        assert status == 503 and data["error"]["code"] == "index_unavailable"
        status, data = get_json(f"{server.url}/api/search?q=%E5%85%89%E4%BC%8F")
        assert status == 503 and data["error"]["code"] == "index_unavailable"
        assert str(root) not in json.dumps(data) and "cannot be opened" not in json.dumps(data)
        done = xinwen("reindex", str(corpus(tmp_path / "src", 9)), "--index", str(root), "-q")
        assert done.returncode == 0, done.stderr
        assert server.health()["documents"] == 9  # picked up without a restart
    finally:
        stop_server(server)
    log = server.log.read_text(errors="replace")
    # Each worker logs the cause (with the path, for whoever runs the server) once.
    assert log.count("no usable index") == 2 and "cannot be opened" in log, log
    assert "Traceback" not in log, log


def _sigint_default() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def test_ctrl_c_during_a_reindex_says_one_thing(tmp_path: Path) -> None:
    # Ctrl-C reaches every process of the terminal's group, the indexing sub-writers too:
    # each printed "Process _SubWriterTask-2:" (and its traceback) before the reindex's own
    # message. The run is a session of its own, so the interrupt stays inside it.
    root = tmp_path / "ix"
    build_index(root, corpus(tmp_path / "old", SMALL))
    before = generations(root)
    args = ["reindex", str(corpus(tmp_path / "new", LARGE)), "--index", str(root)]
    done = subprocess.run(
        [sys.executable, "-m", "xinwen", *args, "--workers", "2", "-q"],
        # (unbuffered, as a terminal is: what a sub-writer writes is there before it is stopped)
        env={**ENV, FAULT_ENV: "worker:sigint", "PYTHONUNBUFFERED": "1"},
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
        start_new_session=True,
        # Ctrl-C as a terminal's command gets it: a test run started in the background
        # (`make test &`) passes SIGINT down ignored, and the run then never saw it.
        preexec_fn=_sigint_default,
    )
    assert done.returncode != 0 and "interrupted" in done.stderr, done.stderr
    assert "Process " not in done.stderr and "Traceback" not in done.stderr, done.stderr
    assert generations(root) == before
