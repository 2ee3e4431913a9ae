"""Real ``xinwen serve`` processes (gunicorn) for tests: started on a free port, stopped.

Plain helpers, importable from test modules (``webfixtures`` is a plugin and cannot be).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.helpers import ROOT


@dataclass(frozen=True)
class LiveServer:
    """A real ``webui.server.serve`` (gunicorn) process and where its output goes."""

    url: str
    process: subprocess.Popen
    log: Path

    def log_text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(root: Path, log: Path, workers: int = 2) -> LiveServer:
    """``serve(root, port=<free>, workers=…)`` in a child process, like ``xinwen serve``;
    returned once it answers ``/healthz`` (200, or 503 over a broken index)."""
    port = free_port()
    code = (
        "import sys; from pathlib import Path; from webui.server import serve; "
        "serve(Path(sys.argv[1]), host='127.0.0.1', port=int(sys.argv[2]), "
        "workers=int(sys.argv[3]))"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-c", code, str(root), str(port), str(workers)],
            stdout=out,
            stderr=subprocess.STDOUT,
            env=env,
            cwd=ROOT,
        )
    server = LiveServer(f"http://127.0.0.1:{port}", process, log)
    deadline = time.monotonic() + 60
    while True:
        if process.poll() is not None:
            pytest.fail(f"the server exited with {process.returncode}:\n{server.log_text()}")
        try:
            with urllib.request.urlopen(f"{server.url}/healthz", timeout=2):
                return server
        except urllib.error.HTTPError:
            return server
        except OSError:
            pass
        if time.monotonic() > deadline:
            stop_server(server)
            pytest.fail(f"the server did not answer /healthz:\n{server.log_text()}")
        time.sleep(0.2)


def stop_server(server: LiveServer) -> None:
    server.process.terminate()  # gunicorn's master stops its workers on SIGTERM
    try:
        server.process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        server.process.kill()
        server.process.wait()
