"""Progress of a reindex: a bar on a terminal, plain log lines otherwise."""

from __future__ import annotations

import gzip
import os
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TextIO

from tqdm import tqdm

from xinwen.index.htmlpages import HTML_SUFFIXES
from xinwen.index.sources.webarchives import ARCHIVE_SUFFIXES
from xinwen.index.store import INDEX_ROOT_ENTRIES, is_index_root

LINE_SUFFIXES = (".jsonl", ".jsonl.gz", ".csv", ".tsv", ".ndjson")
LOG_EVERY_SECONDS = 10.0


def estimate_records(paths: Iterable[str | Path]) -> int | None:
    """A quick count of the records in the sources, for the ETA (None when unknown)."""
    total = 0
    for raw in paths:
        path = Path(raw)
        inside = path.is_dir()
        # (only regular files: a named pipe would be waited on for ever)
        files = _files_under(path) if inside else [path]
        for file in (p for p in files if p.is_file()):
            count = _records_in(file, inside)
            if count is None:
                return None
            total += count
    return total


def _files_under(folder: Path) -> Iterator[Path]:
    """Every file under `folder`, but none of an index root's in it, which the reindex does not
    read either (its ``xinwen.json`` files would make the count unknown)."""
    for parent, folders, files in os.walk(folder):
        own = INDEX_ROOT_ENTRIES if is_index_root(parent) else frozenset()
        folders[:] = [
            name
            for name in folders
            if name not in own and not is_index_root(os.path.join(parent, name))
        ]
        yield from (Path(parent, name) for name in files if name not in own)


def _records_in(path: Path, inside: bool) -> int | None:
    """The records of one file: one for a page, its lines for JSON Lines and CSV; None when
    that cannot be told quickly (a JSON array, a file given by name in another format); a
    folder's other files (a README, images) hold none."""
    if _one_record(path.name):
        return 1
    if not path.name.lower().endswith(LINE_SUFFIXES):
        return 0 if inside and not path.name.lower().endswith(".json") else None
    try:
        opener = gzip.open if path.name.endswith(".gz") else open
        with opener(path, "rb") as fh:
            lines = sum(chunk.count(b"\n") for chunk in iter(lambda: fh.read(1 << 20), b""))
    except (OSError, EOFError):
        return None
    header = 1 if path.name.lower().endswith((".csv", ".tsv")) else 0
    return max(lines - header, 0)


def _one_record(name: str) -> bool:
    """A file that holds one article (a text or HTML page)."""
    lower = name.lower()
    return lower.endswith(_ONE_RECORD_SUFFIXES)


# (the suffixes the page readers take: text, HTML, pages saved as one archive file)
_ONE_RECORD_SUFFIXES = (".txt", *HTML_SUFFIXES, *ARCHIVE_SUFFIXES)


class Progress:
    """Counts records; draws a tqdm bar on a TTY, else logs a line every few seconds."""

    def __init__(self, total: int | None, stream: TextIO | None = None, enabled: bool = True):
        self.stream = stream or sys.stderr
        self.total = total
        self.count = 0
        self.started = time.monotonic()
        self._last_log = self.started
        self.bar = None
        if enabled and self.stream.isatty():
            self.bar = tqdm(total=total, unit=" records", file=self.stream, dynamic_ncols=True)
        self.enabled = enabled

    def update(self, n: int = 1) -> None:
        """Record ``n`` more records read."""
        self.count += n
        if self.bar is not None:
            self.bar.update(n)
            return
        now = time.monotonic()
        if self.enabled and now - self._last_log >= LOG_EVERY_SECONDS:
            self._last_log = now
            rate = self.count / (now - self.started)
            eta = ""
            if self.total and rate:
                eta = f", ETA {max(self.total - self.count, 0) / rate:.0f} s"
            of = f"/{self.total:,}" if self.total else ""
            print(f"reindex: {self.count:,}{of} records, {rate:,.0f}/s{eta}", file=self.stream)

    def close(self) -> None:
        """Remove the bar."""
        if self.bar is not None:
            self.bar.close()
