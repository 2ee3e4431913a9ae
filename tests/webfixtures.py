"""Fixtures for the web tests: the app over the demo index, its test client and CLI runner,
and an index of hostile articles.

Test modules load this with ``pytest_plugins = ["tests.webfixtures"]`` (not by importing it, so
pytest can rewrite its asserts); the HTML helpers (``page``, ``one``, ``text_of``) are in
``tests.helpers``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient, FlaskCliRunner

from tests.helpers import build_index
from tests.servers import LiveServer, start_server, stop_server
from xinwen.webui import create_app

HOSTILE_RECORDS = [
    {
        # An id that is a URL: slashes, a double slash, a query and a fragment.
        "id": "https://example.org/news//2024/a.html?x=1&y=<2>#top",
        "title": "&lt;img src=x onerror=alert(1)&gt;储能电站标题测试",
        "body": "储能电站正文里写着 &lt;script&gt;window.__xss = 1&lt;/script&gt; 这段代码。\n"
        "第二段 &lt;b&gt;加粗&lt;/b&gt; 与 &amp;amp; 符号。",
        "category": "技术<i>",
        "source": "来源\"'><script>",
        "published": "2024-03-05",
        "url": "javascript:alert(1)",
    },
    {
        "id": "hostile-2",
        "title": "储能调峰项目投运",
        "body": "储能调峰项目投运，正文普通。",
        "category": "项目",
        "source": "电力日报",
        "published": "2023-07-01",
        "url": "https://example.org/ok.html",
    },
]


@pytest.fixture(scope="session")
def app(demo_index: Path) -> Flask:
    """The app over the demo index (one per session: the searcher is opened once)."""
    return create_app({"INDEX_ROOT": demo_index, "TESTING": True})


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture
def runner(app: Flask) -> FlaskCliRunner:
    return app.test_cli_runner()


@pytest.fixture(scope="session")
def hostile_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An index of two articles whose fields carry markup, quotes and a javascript: URL."""
    folder = tmp_path_factory.mktemp("hostile-src")
    lines = [json.dumps(r, ensure_ascii=False) for r in HOSTILE_RECORDS]
    (folder / "hostile.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return build_index(tmp_path_factory.mktemp("hostile-index"), folder)


@pytest.fixture(scope="session")
def hostile_client(hostile_index: Path) -> FlaskClient:
    return create_app({"INDEX_ROOT": hostile_index, "TESTING": True}).test_client()


@pytest.fixture(scope="session")
def live_server(demo_index: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """``serve(demo_index, port=<free>, workers=2)`` in a child process, like ``xinwen serve``."""
    server = start_server(demo_index, tmp_path_factory.mktemp("live-server") / "server.log")
    try:
        yield server
    finally:
        stop_server(server)
