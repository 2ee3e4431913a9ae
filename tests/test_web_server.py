"""Serving: settings, gunicorn's configuration, and a real gunicorn process."""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import quote

import pytest

from webui import settings
from webui.server import ACCESS_LOG_FORMAT, bind_address, gunicorn_options

pytest_plugins = ["webfixtures"]


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
    assert options["workers"] == 3 and options["worker_class"] == "sync"
    assert options["preload_app"] is True
    assert options["accesslog"] == "-" and "%(M)s" in ACCESS_LOG_FORMAT
    assert bind_address("::1", 80) == "[::1]:80"


def get(url: str) -> tuple[int, bytes, dict[str, str]]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
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
    # A request line longer than gunicorn accepts: refused by gunicorn or us, never a 500.
    status, _, _ = get(f"{live_server.url}/search?q=" + "a" * 9000)
    assert status in {400, 414}
    status, _, _ = get(f"{live_server.url}/search?q=" + "a" * 7000)
    assert status == 414
    log = live_server.log_text()
    assert re.search(r'"GET /search\?q=%E5%85%89%E4%BC%8F HTTP/1.1" 200 \d+ \d+ms', log), log
    assert log.count("Booting worker") == 2
    assert "Traceback" not in log


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

    from webui import server

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
