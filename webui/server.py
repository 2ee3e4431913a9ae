"""``xinwen serve``: gunicorn in production, Flask's reloading dev server with ``dev=True``."""

from __future__ import annotations

import errno
import logging
import os
import socket
from pathlib import Path
from typing import Any

from flask import Flask
from gunicorn.app.base import BaseApplication

from index.analysis import configure_jieba, warm_segmenter
from index.store import IndexStore
from webui import create_app

log = logging.getLogger(__name__)

# Gunicorn's access log with the time each request took (%(M)s: milliseconds).
ACCESS_LOG_FORMAT = '%(h)s "%(r)s" %(s)s %(B)s %(M)sms "%(f)s" "%(a)s"'
# gunicorn's own ceiling (its maximum); the app refuses query strings over 6 KiB with a
# friendlier 414 before this.
LIMIT_REQUEST_LINE = 8190


def load_app(root: Path, logger: logging.Logger = log, synonyms: str | None = None) -> Flask:
    """The app over ``root`` with jieba's dictionary, the segmenter's tables and the index
    loaded now, not on the first request: under gunicorn this runs once in the master,
    before the workers fork, so they share them instead of each loading its own."""
    configure_jieba(IndexStore(root).jieba_dir)
    warm_segmenter()
    app = create_app({"INDEX_ROOT": root, "SYNONYMS": synonyms})
    health = app.extensions["xinwen.searcher"].health()
    if health["ok"]:
        logger.info(
            "xinwen: serving %s documents from %s (generation %s)",
            f"{health['documents']:,}",
            root,
            health["generation"],
        )
    else:  # still serve: pages say what to run, and the searcher picks up a later reindex
        logger.warning("xinwen: no usable index yet: %s", health["error"])
    return app


class XinwenServer(BaseApplication):
    """Gunicorn, configured in code: no gunicorn.conf.py is read."""

    def __init__(self, root: Path, options: dict[str, Any], synonyms: str | None = None) -> None:
        self.root = root
        self.options = options
        self.synonyms = synonyms
        super().__init__()

    def load_config(self) -> None:
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
    """Production settings: preloaded app, sync workers, access log with request times."""
    return {
        "bind": bind_address(host, port),
        "workers": max(1, workers),
        "worker_class": "sync",
        # Load jieba and open the index once, in the master: workers share both
        # copy-on-write. Sharing the open index is safe because Whoosh memory-maps compound
        # segments (the only kind xinwen writes) and closes their files, so no file offset
        # is shared; a reindex is picked up by each worker on its own.
        "preload_app": True,
        "accesslog": "-",
        "errorlog": "-",
        "access_log_format": ACCESS_LOG_FORMAT,
        "limit_request_line": LIMIT_REQUEST_LINE,
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
        else:
            app = create_app({"INDEX_ROOT": root, "SYNONYMS": synonyms})
        app.run(host=host, port=port, debug=True, use_reloader=True, use_debugger=False)
        return
    XinwenServer(root, gunicorn_options(host, port, workers), synonyms).run()
