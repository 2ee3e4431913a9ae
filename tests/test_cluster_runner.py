"""``make cluster`` (``python -m xinwen.search.typesense.cluster``): three nodes from the packaged
binary on loopback ports, a leader, the lines to paste, and every node stopped on SIGTERM/Ctrl-C."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.clusters import cluster_unavailable
from tests.helpers import ROOT


def test_runner_starts_three_nodes_and_stops_them(tmp_path: Path) -> None:
    try:
        from xinwen.search.typesense.cluster import server_binary

        server_binary()
    except Exception as exc:
        cluster_unavailable(f"no Typesense server: {exc}")
    env = {**os.environ, "XINWEN_TYPESENSE_KEY": "runner-test-key"}
    process = subprocess.Popen(
        [sys.executable, "-m", "xinwen.search.typesense.cluster", "--data", str(tmp_path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=env,
        cwd=ROOT,
    )
    try:
        lines = []
        deadline = time.monotonic() + 90
        while not any(line.startswith("  export XINWEN_TYPESENSE_NODES=") for line in lines):
            line = process.stdout.readline()  # type: ignore[union-attr]
            assert line, "".join(lines)
            lines.append(line)
            assert time.monotonic() < deadline
        urls = lines[-1].split("=", 1)[1].strip().split(",")
        assert len(urls) == 3 and all(u.startswith("http://127.0.0.1:") for u in urls)
        nodes = [p for p in tmp_path.iterdir() if p.is_dir() and p.name.startswith("node")]
        assert len(nodes) == 3
        pids = _server_pids(tmp_path)
        assert len(pids) == 3
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)
        process.stdout.close()  # type: ignore[union-attr]
    for pid in pids:
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)


def _server_pids(folder: Path) -> list[int]:
    """The typesense-server processes whose data folder is under ``folder``."""
    pids = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            cmdline = (entry / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if any(arg.startswith(f"--data-dir={folder}".encode()) for arg in cmdline):
            pids.append(int(entry.name))
    return pids
