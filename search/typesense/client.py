"""The Typesense client as xinwen configures it: every node, short timeouts, failover.

The client (``typesense`` 0.21) sends each request to the next healthy node in turn; a node
that refuses or times out is marked unhealthy for ``HEALTHCHECK_SECONDS`` and the request is
retried on the next one. So a node killed mid-load costs a retry, not a failed request, and
when every node is down a search fails within about ``RETRIES × CONNECT_TIMEOUT`` seconds
(connections to a dead loopback port are refused at once) instead of hanging a worker.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import requests
import typesense
from typesense import exceptions as ts_errors

CONNECT_TIMEOUT = 2.0  # seconds per attempt (a search that takes longer counts as failed)
RETRY_INTERVAL = 0.05
HEALTHCHECK_SECONDS = 5

# What means "the cluster did not answer" (as opposed to a request it refused).
UNREACHABLE = (
    ts_errors.ServiceUnavailable,
    ts_errors.ServerError,
    ts_errors.Timeout,
    ts_errors.HTTPStatus0Error,
    requests.RequestException,
)


def node_config(url: str) -> dict:
    parts = urlsplit(url)
    return {
        "host": parts.hostname or "127.0.0.1",
        "port": str(parts.port or (443 if parts.scheme == "https" else 80)),
        "protocol": parts.scheme or "http",
    }


def make_client(
    urls: list[str], api_key: str, timeout: float = CONNECT_TIMEOUT
) -> typesense.Client:
    """A client over every node of ``urls``."""
    return typesense.Client(
        {
            "api_key": api_key,
            "nodes": [node_config(u) for u in urls],
            "connection_timeout_seconds": timeout,
            "num_retries": len(urls) + 1,
            "retry_interval_seconds": RETRY_INTERVAL,
            "healthcheck_interval_seconds": HEALTHCHECK_SECONDS,
        }
    )


def node_client(url: str, api_key: str, timeout: float = CONNECT_TIMEOUT) -> typesense.Client:
    """A client of one node only (no failover: to ask that node itself)."""
    return typesense.Client(
        {
            "api_key": api_key,
            "nodes": [node_config(url)],
            "connection_timeout_seconds": timeout,
            "num_retries": 0,
        }
    )
