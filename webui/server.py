"""``xinwen serve``: gunicorn in production, Flask's reloading dev server with ``dev=True``."""

from __future__ import annotations

import errno
import logging
import os
import re
import socket
from pathlib import Path
from typing import Any

import gunicorn.http.message
from flask import Flask
from gunicorn.app.base import BaseApplication
from gunicorn.workers.base import Worker

from xinwen.index.analysis import configure_jieba, warm_segmenter
from xinwen.index.store import IndexStore
from xinwen.webui import create_app
from xinwen.webui.health import index_problems

log = logging.getLogger(__name__)

# Gunicorn's access log with the time each request took (%(M)s: milliseconds).
ACCESS_LOG_FORMAT = '%(h)s "%(r)s" %(s)s %(B)s %(M)sms "%(f)s" "%(a)s"'
# The longest request line gunicorn reads (method, path, query string, version), and the
# longest header (a Referer carrying one of our URLs). Well above what the app accepts
# (``MAX_QUERY_STRING``), so that the app, not gunicorn, answers every over-long query string
# with its own 414 (JSON for the API, the styled page for people). Beyond it a client is not
# a browser following our links: gunicorn refuses it (414, or 431 for a header) before the
# app has read it, and ``webui.worker`` sends the styled page for it.
LIMIT_REQUEST_LINE = 64 * 1024
LIMIT_REQUEST_FIELD_SIZE = 64 * 1024


def allow_long_request_lines(limit: int = LIMIT_REQUEST_LINE) -> None:
    """Let gunicorn read request lines of up to ``limit`` bytes.

    gunicorn clamps ``limit_request_line`` to its module constant ``MAX_REQUEST_LINE``
    (8,190 bytes: 680 Chinese characters, URL-encoded) whatever the setting says, or reads
    without any bound when it is 0. Raising the constant is the one way to a larger bound that
    still is one; tests/test_web_server.py checks it through a real gunicorn, so a gunicorn
    that stops reading it is noticed.
    """
    gunicorn.http.message.MAX_REQUEST_LINE = max(gunicorn.http.message.MAX_REQUEST_LINE, limit)


def allow_raw_utf8_targets() -> None:
    """Let gunicorn read a request target with raw UTF-8 in it (``?q=特高压`` as curl and
    scripts send it, not percent-encoded), as browsers' address bars are read.

    gunicorn refuses any byte outside printable ASCII in the target with its own bare page
    (RFC 9112 asks for percent-encoding). Bytes of 0x80 and above carry no HTTP syntax
    (spaces and control characters, which could, stay refused); Werkzeug decodes them as UTF-8
    like their escaped form. tests/test_web_server.py checks it through a real gunicorn.
    """
    gunicorn.http.message.RFC9112_TARGET_INVALID = re.compile(r"[^\x21-\x7e\x80-\xff]")


def load_app(root: Path, logger: logging.Logger = log, synonyms: str | None = None) -> Flask:
    """The app over ``root`` with jieba's dictionary and the segmenter's tables loaded now,
    not on the first request: under gunicorn this runs once in the master, before the
    workers fork, so they share them instead of each loading its own.

    The index is not opened here (see ``open_index``): a master that opened it would keep
    that generation's files open and mapped for as long as it runs, so a pruned generation
    would never free its disk, and each worker it forks later (after a timeout or a crash)
    would start from that generation.
    """
    configure_jieba(IndexStore(root).jieba_dir)
    warm_segmenter()
    app = create_app({"INDEX_ROOT": root, "SYNONYMS": synonyms})
    index_problems(app).logger = logger
    return app


def open_index(app: Flask, logger: logging.Logger = log) -> None:
    """Open the index in this process now, with what its first queries would load (``warm``),
    so that no reader's request waits for them, and log what it serves (or, once, why it
    cannot: it still serves, answering 503, and picks up a later reindex)."""
    searcher = app.extensions["xinwen.searcher"]
    searcher.warm()
    health = searcher.health()
    if health["ok"]:
        logger.info(
            "xinwen: serving %s documents from %s (generation %s)",
            f"{health['documents']:,}",
            app.config["INDEX_ROOT"],
            health["generation"],
        )
    else:
        index_problems(app).report(health["error"])


def post_worker_init(worker: Worker) -> None:
    """gunicorn's hook, in each worker after it forks: open the index there."""
    open_index(worker.wsgi, logging.getLogger("gunicorn.error"))


class XinwenServer(BaseApplication):
    """Gunicorn, configured in code: no gunicorn.conf.py is read."""

    def __init__(self, root: Path, options: dict[str, Any], synonyms: str | None = None) -> None:
        self.root = root
        self.options = options
        self.synonyms = synonyms
        super().__init__()

    def load_config(self) -> None:
        allow_long_request_lines(self.options.get("limit_request_line", LIMIT_REQUEST_LINE))
        allow_raw_utf8_targets()
        for key, value in self.options.items():
            if key in self.cfg.settings:  # settings newer than the installed gunicorn: skip
                self.cfg.set(key, value)

    def load(self) -> Flask:
        return load_app(self.root, logging.getLogger("gunicorn.error"), self.synonyms)


class PortInUseError(OSError):
    """The address ``xinwen serve`` was asked to listen on is taken by another program."""


def check_port(host: str, port: int) -> None:
    """Raise ``PortInUseError`` with what to do when ``host:port`` cannot be listened on
    because something else is listening there (gunicorn would retry for 5 s, then print an
    English traceback-like line)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror:
        return  # gunicorn reports an unknown host in its own words
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as gunicorn binds
        try:
            probe.bind(address)
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                raise PortInUseError(
                    exc.errno,
                    f"端口 {port} 已被占用 (port {port} is in use on {host}): "
                    f"use --port N, or PORT=N with make demo",
                ) from None


def bind_address(host: str, port: int) -> str:
    """``host:port``, with brackets around an IPv6 address."""
    return f"[{host}]:{port}" if ":" in host and not host.startswith("[") else f"{host}:{port}"


def gunicorn_options(host: str, port: int, workers: int) -> dict[str, Any]:
    """Production settings: preloaded app (jieba, not the index), sync workers, each opening
    the index itself, access log with request times."""
    return {
        "bind": bind_address(host, port),
        "workers": max(1, workers),
        # gunicorn's sync worker, with the app's page where gunicorn would answer alone.
        "worker_class": "xinwen.webui.worker.XinwenWorker",
        # Load jieba and the segmenter's tables once, in the master: workers share them
        # copy-on-write. Each worker opens the index itself (post_worker_init), and picks up
        # a reindex on its own.
        "preload_app": True,
        "post_worker_init": post_worker_init,
        "accesslog": "-",
        "errorlog": "-",
        "access_log_format": ACCESS_LOG_FORMAT,
        "limit_request_line": LIMIT_REQUEST_LINE,
        "limit_request_field_size": LIMIT_REQUEST_FIELD_SIZE,
        "timeout": 30,
        "graceful_timeout": 10,
        "proc_name": "xinwen",
        # gunicorn ≥ 25.1 opens a control socket in $HOME by default: two servers on one
        # machine would fight over it, and nothing here uses it.
        "control_socket_disable": True,
    }


def serve(
    root: Path,
    host: str = "127.0.0.1",
    port: int = 8000,
    workers: int = 2,
    dev: bool = False,
    synonyms: str | None = None,
) -> None:
    """Serve the web UI and API over the index at ``root`` until interrupted.

    Production (default): gunicorn with ``workers`` sync workers forked from a master that
    has already loaded the app. ``dev=True``: Flask's development server, reloading on code
    changes (one process; still no interactive debugger: never expose it). ``synonyms``:
    the synonyms file (``webui.create_app``'s ``SYNONYMS``).
    """
    root = Path(root)
    check_port(host, port)
    if dev:
        # The reloader's watcher process never answers a request: only the child it
        # starts (WERKZEUG_RUN_MAIN set) pays for loading jieba and the index.
        if os.environ.get("WERKZEUG_RUN_MAIN") == "true":
            app = load_app(root, logging.getLogger("werkzeug"), synonyms)
            open_index(app, logging.getLogger("werkzeug"))
        else:
            app = create_app({"INDEX_ROOT": root, "SYNONYMS": synonyms})
        app.run(host=host, port=port, debug=True, use_reloader=True, use_debugger=False)
        return
    XinwenServer(root, gunicorn_options(host, port, workers), synonyms).run()
