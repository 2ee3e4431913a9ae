"""Serving: settings, gunicorn's configuration, and a real gunicorn process."""

from __future__ import annotations

import contextlib
import json
import os
import re
import signal
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import quote

import pytest

from tests.helpers import DEMO, build_index
from tests.servers import LiveServer, start_server, stop_server
from xinwen.search.spelling import VOCABULARY_FILE
from xinwen.webui import settings
from xinwen.webui.server import (
    ACCESS_LOG_FORMAT,
    LIMIT_REQUEST_LINE,
    bind_address,
    gunicorn_options,
)

pytest_plugins = ["tests.webfixtures"]


def test_settings_declared_once_with_env_overrides(monkeypatch: pytest.MonkeyPatch) -> None:
    names = {s.name: s for s in settings.SETTINGS}
    assert set(names) == {"host", "port", "workers"}
    assert all(s.env.startswith("XINWEN_") and s.help for s in settings.SETTINGS)
    for env in ("XINWEN_HOST", "XINWEN_PORT", "XINWEN_WEB_WORKERS"):
        monkeypatch.delenv(env, raising=False)
    assert (settings.host(), settings.port(), settings.web_workers()) == ("127.0.0.1", 8000, 2)
    monkeypatch.setenv("XINWEN_PORT", "9001")
    monkeypatch.setenv("XINWEN_WEB_WORKERS", "4")
    assert settings.port() == 9001 and settings.port(8080) == 8080
    assert settings.web_workers() == 4
    for bad in ("http", "0", "70000"):
        with pytest.raises(ValueError, match="port"):
            settings.port(bad)
    with pytest.raises(ValueError, match="workers"):
        settings.web_workers("many")


def test_gunicorn_options_preload_sync_workers_and_timed_access_log() -> None:
    options = gunicorn_options("0.0.0.0", 8123, 3)
    assert options["bind"] == "0.0.0.0:8123"
    assert options["workers"] == 3 and options["worker_class"] == "xinwen.webui.worker.XinwenWorker"
    assert options["preload_app"] is True and options["post_worker_init"]
    assert options["accesslog"] == "-" and "%(M)s" in ACCESS_LOG_FORMAT
    assert bind_address("::1", 80) == "[::1]:80"


def get(
    url: str, headers: dict[str, str] | None = None, method: str = "GET"
) -> tuple[int, bytes, dict[str, str]]:
    request = urllib.request.Request(url, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read(), dict(response.headers)
    except urllib.error.HTTPError as exc:
        with exc:
            return exc.code, exc.read(), dict(exc.headers)


def test_real_server_answers_and_logs_request_times(live_server) -> None:
    status, body, headers = get(f"{live_server.url}/search?q=%E5%85%89%E4%BC%8F")
    assert status == 200 and "<mark>光伏</mark>".encode() in body
    assert headers["Server"].startswith("gunicorn")
    assert "script-src 'self'" in headers["Content-Security-Policy"]
    status, body, _ = get(f"{live_server.url}/api/search?page=0")
    assert status == 400 and b'"param":"page"' in body.replace(b" ", b"")
    status, _, _ = get(f"{live_server.url}/article/no-such-article")
    assert status == 404
    log = live_server.log_text()
    assert re.search(r'"GET /search\?q=%E5%85%89%E4%BC%8F HTTP/1.1" 200 \d+ \d+ms', log), log
    assert log.count("Booting worker") == 2
    assert "Traceback" not in log


def test_options_is_a_405_through_gunicorn_like_post(live_server) -> None:
    """The tester's ``curl -X OPTIONS '/api/search?q=x'`` was a 200 with an empty body."""
    for method in ("OPTIONS", "POST"):
        status, body, headers = get(f"{live_server.url}/api/search?q=x", method=method)
        assert status == 405 and set(headers["Allow"].split(", ")) == {"GET", "HEAD"}, method
        assert json.loads(body)["error"]["code"] == "method_not_allowed"
        status, body, _ = get(f"{live_server.url}/search.csv?q=x", method=method)
        assert status == 405 and json.loads(body)["error"]["code"] == "method_not_allowed"


def test_log_says_what_is_served(live_server) -> None:
    assert re.search(
        r"xinwen: serving [\d,]+ documents from .+ \(generation g", live_server.log_text()
    )


def test_workers_sharing_the_preloaded_index_answer_correctly(live_server, client) -> None:
    """Many concurrent requests across the forked workers give exactly the in-process answers."""
    queries = ["光伏", "风电", "储能", "特高压", "电网", "光伏 储能", ""]
    paths = [
        f"/api/search?q={quote(q)}{extra}"
        for q in queries
        for extra in ("", "&category=%E6%8A%80%E6%9C%AF", "&sort=date&page=2")
    ]

    def answer(data: dict) -> dict:
        return {k: v for k, v in data.items() if k != "took_ms"}

    expected = {p: answer(client.get(p).get_json()) for p in paths}

    def fetch(path: str) -> bool:
        status, body, _ = get(live_server.url + path)
        return status == 200 and answer(json.loads(body)) == expected[path]

    with ThreadPoolExecutor(max_workers=12) as pool:
        assert all(pool.map(fetch, paths * 8))


def test_serve_runs_gunicorn_or_the_dev_server(monkeypatch: pytest.MonkeyPatch, demo_index) -> None:
    from flask import Flask

    from xinwen.webui import server

    ran: dict = {}
    monkeypatch.setattr(server.XinwenServer, "run", lambda self: ran.update(self.options))
    server.serve(demo_index, host="::1", port=8124, workers=3)
    assert ran["bind"] == "[::1]:8124" and ran["workers"] == 3 and ran["preload_app"]

    def fake_run(app: Flask, **kwargs: object) -> None:
        ran["dev"] = kwargs
        ran["debug_app"] = app

    monkeypatch.setattr(Flask, "run", fake_run)
    server.serve(demo_index, port=8125, dev=True)
    assert ran["dev"]["use_reloader"] is True and ran["dev"]["use_debugger"] is False
    assert ran["dev"]["port"] == 8125


# ---- long URLs: the app answers every length gunicorn reads ------------------------------------


@pytest.mark.parametrize("chars", [300, 700, 1_000, 3_000])
def test_long_chinese_query_through_gunicorn_is_cut_with_a_notice(
    live_server: LiveServer, chars: int
) -> None:
    """700 characters are over gunicorn's default request line (8,190 bytes) once
    URL-encoded: a search, answered with the notice that it was cut, not an error page."""
    q = quote(("光伏储能电站" * 600)[:chars])
    status, body, headers = get(f"{live_server.url}/api/search?q={q}")
    assert status == 200 and headers["Content-Type"] == "application/json"
    assert "查询过长" in json.loads(body)["notice"]
    status, body, headers = get(f"{live_server.url}/search?q={q}")
    assert status == 200 and "查询过长".encode() in body


@pytest.mark.parametrize("size", [9_000, 40_000, LIMIT_REQUEST_LINE - 100])
def test_over_long_query_string_through_gunicorn_is_the_apps_414(
    live_server: LiveServer, size: int
) -> None:
    status, body, headers = get(f"{live_server.url}/api/search?q=" + "a" * size)
    if size <= 32 * 1024:  # under the app's cap: a search, cut with the notice
        assert status == 200 and json.loads(body)["notice"]
        return
    assert status == 414 and headers["Content-Type"] == "application/json"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert json.loads(body)["error"]["code"] == "uri_too_long"
    status, body, headers = get(f"{live_server.url}/search?q=" + "a" * size)
    assert status == 414 and headers["Content-Type"].startswith("text/html")
    assert "网址过长".encode() in body and b"style.css" in body


def test_beyond_gunicorns_bound_is_still_the_styled_page(live_server: LiveServer) -> None:
    """Over the request line gunicorn reads at all: not gunicorn's bare English page."""
    status, body, headers = get(f"{live_server.url}/api/search?q=" + "a" * LIMIT_REQUEST_LINE)
    assert status == 414 and headers["Content-Type"].startswith("text/html")
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert "网址过长".encode() in body and b"style.css" in body
    assert b"Request Line is too large" not in body
    # A header over the bound likewise (431), and a long Referer under it is fine.
    status, body, _ = get(f"{live_server.url}/", {"X-Long": "a" * (LIMIT_REQUEST_LINE + 10)})
    assert status == 431 and "请求头过大".encode() in body
    referer = f"{live_server.url}/search?q=" + "a" * 20_000
    status, _, _ = get(f"{live_server.url}/static/style.css", {"Referer": referer})
    assert status == 200


# ---- the master holds no generation; workers open the current one -----------------------------


def _children(pid: int) -> set[int]:
    return {int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()}


def _generation_files(pid: int, generations: Path) -> list[str]:
    """Files of any generation that process ``pid`` has open or mapped."""
    held = [
        line.split(maxsplit=5)[-1]
        for line in Path(f"/proc/{pid}/maps").read_text().splitlines()
        if len(line.split(maxsplit=5)) == 6
    ]
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        with contextlib.suppress(OSError):  # closed meanwhile
            held.append(os.readlink(fd))
    return [h for h in held if str(generations) in h]


def _generations_served(server: LiveServer, asks: int = 12) -> set[str]:
    seen = set()
    for _ in range(asks):
        status, body, _ = get(f"{server.url}/healthz")
        assert status == 200, body
        seen.add(json.loads(body)["generation"])
    return seen


def test_master_holds_no_generation_and_a_respawned_worker_serves_the_current_one(
    tmp_path: Path,
) -> None:
    root = build_index(tmp_path / "ix", DEMO)
    generations = root / "generations"
    server = start_server(root, tmp_path / "server.log", workers=2)
    try:
        master = server.process.pid
        first = _generations_served(server)
        assert len(first) == 1
        build_index(root, DEMO)
        build_index(root, DEMO)  # the first generation is pruned now
        current = os.readlink(root / "current").split("/")[-1]
        assert next(iter(first)) not in {p.name for p in generations.iterdir()}
        assert _generations_served(server) == {current}
        # The master never opened an index: no pruned generation kept on disk through it.
        assert _generation_files(master, generations) == []
        # A worker killed (as after a timeout) is replaced by one serving the current index.
        old_workers = _children(master)
        victim = min(old_workers)
        os.kill(victim, signal.SIGKILL)
        deadline = time.monotonic() + 30
        while len(_children(master) - old_workers) < 1:
            assert time.monotonic() < deadline, "no worker was started in place of the killed one"
            time.sleep(0.1)
        new_worker = next(iter(_children(master) - old_workers))
        assert _generations_served(server, asks=20) == {current}
        assert all(current in f for f in _generation_files(new_worker, generations))
        assert _generation_files(master, generations) == []
    finally:
        stop_server(server)
    assert "Traceback" not in server.log_text()


def test_each_worker_loads_the_did_you_mean_table_before_its_first_query(tmp_path: Path) -> None:
    # Without it the first query with few results in each fresh worker waited for pypinyin
    # and the generation's pinyin table (two seconds at 74,000 articles). Here the table is
    # missing (no CLI reindex prepared it), so loading it means writing it: at start, before
    # any search is asked.
    root = build_index(tmp_path / "ix", DEMO)
    table = (root / "current").resolve() / VOCABULARY_FILE
    assert not table.exists()
    server = start_server(root, tmp_path / "server.log", workers=1)
    try:
        assert table.is_file()
        status, body, _ = get(f"{server.url}/api/search?q=%E5%85%89%E6%9C%8D")  # 光服
        assert status == 200
        assert json.loads(body)["did_you_mean"]["query"] == "光伏"
    finally:
        stop_server(server)
    assert "Traceback" not in server.log_text()


def test_raw_utf8_in_the_url_through_gunicorn_is_searched(live_server: LiveServer) -> None:
    """``curl "…/api/search?q=储能"`` sends the characters unescaped: gunicorn answered with
    its own bare 400 page, the request line echoed as mojibake."""
    host, port = live_server.url.removeprefix("http://").split(":")
    for target, query in [
        ("/api/search?q=储能", "储能"),
        ("/api/search?q=储能%20光伏", "储能 光伏"),
    ]:
        with socket.create_connection((host, int(port)), timeout=30) as conn:
            conn.sendall(f"GET {target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode())
            raw = b""
            while chunk := conn.recv(65536):
                raw += chunk
        head, _, body = raw.partition(b"\r\n\r\n")
        assert head.startswith(b"HTTP/1.1 200"), head
        assert json.loads(body)["query"] == query
    # (a space or a control character in the target stays refused)
    with socket.create_connection((host, int(port)), timeout=30) as conn:
        conn.sendall(b"GET /api/search?q=a\x01b HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        assert conn.recv(65536).startswith(b"HTTP/1.1 400")


def test_clients_that_never_finish_their_request_do_not_hold_the_workers(
    live_server: LiveServer,
) -> None:
    """Two connections that send half a request and wait (a "slowloris") held both sync
    workers until gunicorn's 30 s timeout killed them; now each gives up on its client after
    a few idle seconds, and a search is answered well before that timeout."""
    idle = []
    for _ in range(2):
        port = urllib.parse.urlsplit(live_server.url).port
        sock = socket.create_connection(("127.0.0.1", port))
        sock.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n")  # never the blank line that ends it
        idle.append(sock)
    try:
        url = f"{live_server.url}/api/search?q=%E5%82%A8%E8%83%BD"
        with urllib.request.urlopen(url, timeout=20) as answer:
            assert answer.status == 200 and json.load(answer)["total"] > 0
    finally:
        for sock in idle:
            sock.close()
    assert "Socket error" not in live_server.log_text()
