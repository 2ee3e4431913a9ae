"""Settings shared by every layer, declared once: name, default, environment variable, help.

The CLI builds its options from these, the web app reads them, and the README's settings table
is generated from them with ``webui/settings.py``'s (``python -m xinwen.docs``).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from xinwen.index.priority import IDLE


@dataclass(frozen=True, slots=True)
class Setting:
    """One setting: its name, default, the environment variable that overrides it, and help."""

    name: str
    default: str
    env: str
    help: str

    def value(self, given: str | None = None) -> str:
        """The explicit value if given, else the environment's, else the default."""
        if given not in (None, ""):
            return str(given)
        return os.environ.get(self.env) or self.default

    def whole_number(self, given: int | str | None, low: int, high: int) -> int:
        """`value` as a whole number from ``low`` to ``high``; a one-line ValueError if not."""
        raw = self.value(None if given is None else str(given))
        try:
            number = int(raw)
        except ValueError:
            number = low - 1
        if not low <= number <= high:
            raise ValueError(
                f"{self.name} must be a whole number from {low} to {high}, not {raw!r}"
            )
        return number


INDEX = Setting(
    "index",
    "var",
    "XINWEN_INDEX",
    "Index root folder: generations of the index, the `current` link and jieba's cache.",
)
WORKERS = Setting(
    "workers",
    "auto",
    "XINWEN_WORKERS",
    "Processes that analyse and write during a reindex (`auto`: one per core).",
)

NICE = Setting(
    "nice",
    "idle",
    "XINWEN_NICE",
    "CPU priority of a reindex, its reading process and its workers, below a server's on the"
    " same machine: `idle` runs it only on CPU time queries leave unused (Linux `SCHED_IDLE`);"
    " a number 1–19 is added to its nice value instead (it then keeps a share of the CPUs however"
    " busy the server is); `0`: the same priority.",
)

BACKEND = Setting(
    "backend",
    "whoosh",
    "XINWEN_BACKEND",
    "Search engine: `whoosh` (the embedded index under `--index`) or `typesense` (a Typesense"
    " cluster: `--nodes`, `--collection`, the API key in `XINWEN_TYPESENSE_KEY`).",
)
NODES = Setting(
    "nodes",
    "http://127.0.0.1:8108",
    "XINWEN_TYPESENSE_NODES",
    "Typesense nodes as comma-separated URLs (`http://host:port,…`); the client fails over"
    " between them.",
)
COLLECTION = Setting(
    "collection",
    "xinwen",
    "XINWEN_COLLECTION",
    "Typesense alias that readers search; a full reindex points it at a new collection.",
)
# The API key is read from the environment only: a command line is visible to every user. It
# is declared for the README's table; no command has an option for it.
TYPESENSE_KEY = Setting(
    "typesense-key",
    "",
    "XINWEN_TYPESENSE_KEY",
    "The Typesense API key (environment only: a command line is visible to every user).",
)
TYPESENSE_KEY_ENV = TYPESENSE_KEY.env

BACKENDS = ("whoosh", "typesense")
SYNONYMS = Setting(
    "synonyms",
    "none",
    "XINWEN_SYNONYMS",
    "Synonyms and abbreviations that query words also find, with less weight (`xinwen search`,"
    " `xinwen serve`): `none`, off (they did not improve the relevance sets); `built-in`, the"
    " shipped list, `search/dicts/synonyms.txt`; a FILE in the same format.",
)

SETTINGS = (INDEX, WORKERS, NICE, BACKEND, NODES, COLLECTION, SYNONYMS)


def index_root(given: str | os.PathLike[str] | None = None) -> Path:
    """The index root to use: ``--index``, else ``$XINWEN_INDEX``, else ``var/``; ValueError
    when it names a file (a corpus given as ``--index news.jsonl``)."""
    root = Path(INDEX.value(None if given is None else os.fspath(given)))
    if root.exists() and not root.is_dir():
        raise ValueError(
            f"the index folder {root} is a file: give --index a folder of its own"
            f" (xinwen reindex {root} --index FOLDER indexes the file)"
        )
    return root


def workers(given: int | str | None = None) -> int:
    """Reindex worker processes: ``--workers``, else ``$XINWEN_WORKERS``, else one per core."""
    raw = WORKERS.value(None if given is None else str(given))
    if raw == "auto":
        return os.cpu_count() or 1
    try:
        return max(1, int(raw))
    except ValueError:
        raise ValueError(f"workers must be a whole number or 'auto', not {raw!r}") from None


def nice(given: int | str | None = None) -> int | str:
    """A reindex's priority: ``--nice``, else ``$XINWEN_NICE``, else ``idle``; a nice
    increment 0–19 or ``idle`` (`index.priority`)."""
    raw = NICE.value(None if given is None else str(given))
    if raw.strip().lower() == IDLE:
        return IDLE
    try:
        return NICE.whole_number(raw, 0, 19)
    except ValueError:
        raise ValueError(
            f"nice must be 'idle' or a whole number from 0 to 19, not {raw!r}"
        ) from None


def backend(given: str | None = None) -> str:
    """``--backend``, else ``$XINWEN_BACKEND``, else ``whoosh``."""
    raw = BACKEND.value(given).strip().lower()
    if raw not in BACKENDS:
        raise ValueError(f"backend must be one of {', '.join(BACKENDS)}, not {raw!r}")
    return raw


def typesense_nodes(given: str | None = None) -> list[str]:
    """``--nodes``, else ``$XINWEN_TYPESENSE_NODES``: the nodes' base URLs."""
    urls = [u.strip().rstrip("/") for u in NODES.value(given).split(",") if u.strip()]
    for url in urls:
        scheme, _, rest = url.partition("://")
        host, _, port = rest.rpartition(":")
        if scheme not in ("http", "https") or not host or not port.isdigit():
            raise ValueError(f"nodes must be URLs like http://host:8108, not {url!r}")
    if not urls:
        raise ValueError("nodes: give at least one URL like http://host:8108")
    return urls


def typesense_key() -> str:
    """The Typesense API key, from ``$XINWEN_TYPESENSE_KEY`` only."""
    key = os.environ.get(TYPESENSE_KEY_ENV, "")
    if not key:
        raise ValueError(f"set {TYPESENSE_KEY_ENV} to the Typesense API key")
    return key


def collection(given: str | None = None) -> str:
    """``--collection``, else ``$XINWEN_COLLECTION``, else ``xinwen``."""
    name = COLLECTION.value(given)
    if not name.replace("-", "").replace("_", "").isalnum():
        raise ValueError(f"collection must be letters, digits, - and _, not {name!r}")
    return name


def synonyms(given: str | os.PathLike[str] | None = None) -> str:
    """The synonyms to use: ``--synonyms``, else ``$XINWEN_SYNONYMS``, else ``none``."""
    return SYNONYMS.value(None if given is None else os.fspath(given))
