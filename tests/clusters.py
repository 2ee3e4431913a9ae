"""A real three-node Typesense cluster for tests: started from the packaged binary, or a skip
(a failure in CI) that says why it cannot run."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from xinwen.index.builder import ReindexOptions


def cluster_unavailable(reason: str) -> None:
    """Skip on a developer's machine; fail in CI, where the cluster tests must run."""
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(f"the Typesense cluster tests cannot run in CI: {reason}")
    pytest.skip(reason)


def start_cluster(folder: Path):
    """A real three-node Typesense cluster on loopback ports (the packaged binary)."""
    try:
        from xinwen.search.typesense.cluster import ClusterError, LocalCluster, server_binary

        server_binary()
    except Exception as exc:  # the `cluster` extra is missing, or its binary
        cluster_unavailable(f"no Typesense server: {exc} (pip install -e '.[cluster]')")
    cluster = LocalCluster(folder)
    try:
        cluster.start()
    except ClusterError as exc:
        cluster_unavailable(f"the cluster did not start: {exc}")
    return cluster


def index_into_cluster(cluster, root: Path, *sources: Path, alias: str = "xinwen"):
    """Run a real full Typesense reindex of ``sources``; returns its report."""
    from xinwen.search.typesense.indexer import ClusterTarget, reindex_typesense

    options = ReindexOptions(sources=list(sources), root=root, progress=False)
    return reindex_typesense(options, ClusterTarget(cluster.urls, cluster.api_key, alias))
