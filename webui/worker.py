"""gunicorn's sync worker, answering with the app's own error page where gunicorn would not
let the app answer at all, and letting go of a client too slow to send its request.

A sync worker reads the request itself: two clients that open a connection and never finish
their headers (a "slowloris", or a phone that lost its signal) held both default workers until
gunicorn's 30 s timeout killed them, and every other reader waited. Each read and write of a
client now gives up after ``CLIENT_TIMEOUT`` seconds without progress, quietly (a reset, as
gunicorn logs a client that went away). A reverse proxy that buffers requests (nginx) is
still the way to face the public (docs/api.md).

A request line over gunicorn's bound (``webui.server.LIMIT_REQUEST_LINE``) or an over-long
header never reaches the app: gunicorn answers with a bare English ``text/html`` page of its
own. This worker sends the app's styled Chinese page instead, with the app's security
headers. It cannot answer JSON to an API client there: gunicorn gives up before it has read
the path (or the Accept header), so there is nothing to tell the two apart by.
"""

from __future__ import annotations

import errno
from typing import Any

from flask import Flask
from gunicorn.http.errors import LimitRequestHeaders, LimitRequestLine
from gunicorn.workers.sync import SyncWorker

from xinwen.webui import STATUS_MESSAGES, error_response

REASONS = {414: "URI Too Long", 431: "Request Header Fields Too Large"}
CLIENT_TIMEOUT = 5.0  # seconds a client may take for each read or write of its connection


class _SlowClientGuard:
    """The client's socket, its timeout turned into a connection reset: gunicorn then drops
    the client with a debug line, not a traceback."""

    def __init__(self, sock: Any) -> None:
        self._sock = sock

    def __getattr__(self, name: str) -> Any:
        return getattr(self._sock, name)

    def recv(self, *args: Any) -> bytes:
        try:
            return self._sock.recv(*args)
        except TimeoutError:
            raise ConnectionResetError(errno.ECONNRESET, "the client was too slow") from None

    def sendall(self, *args: Any) -> None:
        try:
            self._sock.sendall(*args)
        except TimeoutError:
            raise ConnectionResetError(errno.ECONNRESET, "the client was too slow") from None


def error_page(app: Flask, status: int) -> bytes:
    """A whole HTTP/1.1 response: the app's error page for ``status``, with its headers."""
    with app.test_request_context("/"):
        response = app.make_response(error_response(status, STATUS_MESSAGES[status])[0])
        response.status_code = status
        response = app.process_response(response)  # the security headers
        body = response.get_data()
        lines = [f"HTTP/1.1 {status} {REASONS[status]}", "Connection: close"]
        lines += [f"{k}: {v}" for k, v in response.headers.items() if k != "Content-Length"]
        lines.append(f"Content-Length: {len(body)}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body


class XinwenWorker(SyncWorker):
    """A sync worker whose refusals of over-long requests are the app's page, not gunicorn's,
    and which drops a client that sends or reads too slowly."""

    def handle(self, listener: Any, client: Any, addr: Any) -> None:
        client.settimeout(CLIENT_TIMEOUT)
        super().handle(listener, _SlowClientGuard(client), addr)

    def handle_error(self, req: Any, client: Any, addr: Any, exc: BaseException) -> None:
        if req is None and isinstance(exc, LimitRequestLine | LimitRequestHeaders):
            status = 414 if isinstance(exc, LimitRequestLine) else 431
            self.log.warning("Invalid request from ip=%s: %s", (addr or ("",))[0], exc)
            try:
                client.sendall(error_page(self.wsgi, status))
            except OSError:
                self.log.debug("Failed to send error message.")
            return
        super().handle_error(req, client, addr, exc)
