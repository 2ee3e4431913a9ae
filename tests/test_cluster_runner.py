"""``make cluster`` (``python -m xinwen.search.typesense.cluster``): three nodes from the packaged
binary on loopback ports, a leader, the lines to paste, and every node stopped on SIGTERM/Ctrl-C."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.clusters import cluster_unavailable
from tests.helpers import ROOT


def _start_runner(folder: Path) -> subprocess.Popen:
    try:
        from xinwen.search.typesense.cluster import server_binary

        server_binary()
    except Exception as exc:
        cluster_unavailable(f"no Typesense server: {exc}")
    env = {**os.environ, "XINWEN_TYPESENSE_KEY": "runner-test-key"}
    return subprocess.Popen(
        [sys.executable, "-m", "xinwen.search.typesense.cluster", "--data", str(folder)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=env,
        cwd=ROOT,
    )


def _assert_gone(pids: list[int]) -> None:
    """Each server process has ended (a zombie left for a non-reaping init counts as ended)."""
    running = []
    for pid in pids:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except (OSError, IndexError):
            continue
        if state != "Z":
            running.append(pid)
    for pid in running:  # not left behind for the rest of the run
        os.kill(pid, signal.SIGKILL)
    assert not running, f"typesense-server {running} still running after the runner stopped"


def test_runner_starts_three_nodes_and_stops_them(tmp_path: Path) -> None:
    process = _start_runner(tmp_path)
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
    _assert_gone(pids)


@pytest.mark.parametrize(
    "signals", [1, 2, 6], ids=["one-sigterm", "sigterm-twice", "sigterm-burst"]
)
def test_runner_stopped_while_starting_leaves_no_node(tmp_path: Path, signals: int) -> None:
    """A SIGTERM as soon as the servers exist (before the cluster is ready), and more while the
    runner is stopping them (a burst lands in every step of the stop), still end every node."""
    process = _start_runner(tmp_path)
    try:
        deadline = time.monotonic() + 60
        pids: list[int] = []
        while len(pids) < 3:
            assert process.poll() is None and time.monotonic() < deadline
            time.sleep(0.05)
            pids = _server_pids(tmp_path)
        for _ in range(signals):
            process.send_signal(signal.SIGTERM)
            time.sleep(0.02 if signals < 3 else 0.003)
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)
        output = process.stdout.read()  # type: ignore[union-attr]
        process.stdout.close()  # type: ignore[union-attr]
    assert "ready" not in output
    _assert_gone(pids)


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


def test_cluster_demo_indexes_the_demo_and_serves_it_until_stopped(tmp_path: Path) -> None:
    """``make cluster-demo``: the demo corpus indexed into a fresh cluster and the web UI over
    it answering searches over HTTP; SIGTERM stops the server and every node."""
    try:
        from xinwen.search.typesense.cluster import free_port, server_binary

        server_binary()
    except Exception as exc:
        cluster_unavailable(f"no Typesense server: {exc}")
    port = free_port()
    env = {
        **os.environ,
        "XINWEN_TYPESENSE_KEY": "demo-test-key",
        "XINWEN_INDEX": str(tmp_path / "index"),  # nothing written into the checkout
    }
    command = ["-m", "xinwen.search.typesense.cluster", "--data", str(tmp_path / "c")]
    process = subprocess.Popen(
        [sys.executable, *command, "--demo", "data/demo", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
        cwd=ROOT,
    )
    answer = None
    try:
        deadline = time.monotonic() + 240
        while answer is None:
            assert process.poll() is None, "the demo runner exited"
            assert time.monotonic() < deadline, "the demo never answered"
            try:
                with urllib.request.urlopen(
                    f"http://127.0.0.1:{port}/api/search?q=%E8%83%BD%E6%BA%90", timeout=5
                ) as response:
                    answer = json.load(response)
            except (OSError, ValueError):
                time.sleep(1)
        pids = _server_pids(tmp_path / "c")
        assert len(pids) == 3
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=60)
    assert answer["total"] > 0  # 能源 is in the demo corpus
    _assert_gone(pids)
    deadline = time.monotonic() + 30
    while True:  # the web server goes too (its port closes)
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                pass
        except OSError:
            break
        assert time.monotonic() < deadline, "the web server outlived the runner"
        time.sleep(0.5)
