"""Why the index cannot be served: told to the server's log in full, to clients as a code.

The searcher's reasons name the index's absolute path and quote Whoosh's exceptions: useful to
whoever runs the server, and nothing a stranger on the network should read. Clients get
``index_unavailable`` and a fixed message; the log gets the reason, once per cause (each
process logs a cause when it first meets it, and again only after the index has been served
in between), so a load balancer polling ``/healthz`` every second does not flood it.
"""

from __future__ import annotations

import logging
import threading

from flask import Flask

log = logging.getLogger("xinwen.web")

UNAVAILABLE_CODE = "index_unavailable"
UNAVAILABLE_MESSAGE = "索引暂不可用，请稍后再试。"
RETRY_AFTER = "30"  # seconds: about how long a reindex's switch or a fix takes
PROBLEMS_KEY = "xinwen.index_problems"  # in app.extensions


class IndexProblems:
    """The last reason this process could not serve the index, logged when it changes."""

    def __init__(self, logger: logging.Logger = log) -> None:
        self.logger = logger
        self._cause: str | None = None
        self._lock = threading.Lock()

    @property
    def cause(self) -> str | None:
        """The reason last logged, until the index is served again."""
        return self._cause

    def report(self, cause: str) -> None:
        """The index could not be served because of ``cause``: log it unless already logged."""
        with self._lock:
            if cause == self._cause:
                return
            self._cause = cause
        self.logger.warning("xinwen: no usable index: %s", cause)

    def resolved(self, generation: str | None) -> None:
        """The index is served again: log that once, and log the next cause afresh."""
        with self._lock:
            if self._cause is None:
                return
            self._cause = None
        self.logger.info("xinwen: the index is usable again (generation %s)", generation)


def index_problems(app: Flask) -> IndexProblems:
    """The app's record of why its index could not be served."""
    return app.extensions[PROBLEMS_KEY]


def public_health(health: dict, problems: IndexProblems) -> tuple[dict, int]:
    """``/healthz``'s document and status from ``Searcher.health()``, its reason logged, not
    shown."""
    if health["ok"]:
        problems.resolved(health["generation"])
        return health, 200
    problems.report(health["error"] or "unknown")
    error = {"code": UNAVAILABLE_CODE, "param": None, "message": UNAVAILABLE_MESSAGE}
    return {**health, "error": error}, 503
