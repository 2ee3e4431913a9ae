"""Web settings, declared once with ``index.settings.Setting``: ``xinwen serve`` builds its
options from these, and the README's settings table lists them."""

from __future__ import annotations

from xinwen.index.settings import Setting

HOST = Setting(
    "host",
    "127.0.0.1",
    "XINWEN_HOST",
    "Address `xinwen serve` listens on (`0.0.0.0` for every interface).",
)
PORT = Setting("port", "8000", "XINWEN_PORT", "TCP port `xinwen serve` listens on.")
WEB_WORKERS = Setting(
    "workers",
    "2",
    "XINWEN_WEB_WORKERS",
    "Gunicorn worker processes of `xinwen serve` (sync workers; each answers one request "
    "at a time).",
)

SETTINGS = (HOST, PORT, WEB_WORKERS)


def host(given: str | None = None) -> str:
    """The address to listen on: ``--host``, else ``$XINWEN_HOST``, else 127.0.0.1."""
    return HOST.value(given)


def port(given: int | str | None = None) -> int:
    """The TCP port: ``--port``, else ``$XINWEN_PORT``, else 8000."""
    return PORT.whole_number(given, 1, 65535)


def web_workers(given: int | str | None = None) -> int:
    """Gunicorn workers: ``--workers``, else ``$XINWEN_WEB_WORKERS``, else 2."""
    raw = WEB_WORKERS.value(None if given is None else str(given))
    try:
        return max(1, int(raw))
    except ValueError:
        raise ValueError(f"workers must be a whole number, not {raw!r}") from None
