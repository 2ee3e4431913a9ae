"""The corpus segmented by jieba once, for the peer engines (tantivy, SQLite FTS5).

Segmentation is plain ``jieba.cut(text)``: accurate mode, HMM on, jieba's own dictionary, no
folding and no user dictionary — what an integrator wires up from jieba's README. Tokens that
are only whitespace or punctuation are dropped; the rest are joined with single spaces, so a
whitespace tokenizer gets jieba's words back. Queries are segmented by the same function.

The segmented corpus is cached in the work folder (``segmented-<scope>/segmented.jsonl``) with
the time it took, so that tantivy and FTS5 index the same text and the time is reported once.
"""

from __future__ import annotations

import json
import multiprocessing
import re
import time
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path

SEGMENTED_FILE = "segmented.jsonl"
FIGURES_FILE = "figures.json"
KEPT_FIELDS = ("id", "category", "source", "published")
_CHUNK = 64


def _is_noise(token: str) -> bool:
    """True for a token of whitespace and punctuation only."""
    return all(ch.isspace() or unicodedata.category(ch).startswith("P") for ch in token)


def words(text: str) -> list[str]:
    """jieba's words of ``text`` (accurate mode), without whitespace and punctuation tokens."""
    import jieba

    return [t for t in jieba.cut(text) if not _is_noise(t)]


def segment(text: str) -> str:
    """``text`` as jieba's words separated by single spaces."""
    return " ".join(words(text))


# A space we put between two words, unless both sides are Latin letters or digits (where the
# text most likely had one). Marks (<b>, </mark>) count as neither, so they never block it.
_JOIN = re.compile(r"(?<![A-Za-z0-9]) | (?![A-Za-z0-9])")


def desegment(text: str) -> str:
    """Segmented text made readable again (for snippets): the spaces between words removed."""
    return _JOIN.sub("", text)


def segment_record(record: dict) -> dict:
    """A corpus record with its title and body segmented (url and other fields dropped)."""
    out = {key: record.get(key) for key in KEPT_FIELDS}
    out["id"] = str(out["id"])
    out["title"] = segment(record.get("title") or "")
    out["body"] = segment(record.get("body") or "")
    return out


def _init_worker(cache_dir: str) -> None:
    configure(Path(cache_dir))


def configure(cache_dir: Path) -> None:
    """Load jieba with its cache file in ``cache_dir`` (never in /tmp), quietly."""
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    cache_dir.mkdir(parents=True, exist_ok=True)
    jieba.dt.tmp_dir = str(cache_dir)
    jieba.dt.cache_file = "jieba.cache"
    jieba.initialize()


def segment_file(
    records: Iterable[dict], dest: Path, cache_dir: Path, processes: int = 1
) -> dict[str, float]:
    """Segment ``records`` into ``dest`` (JSON lines) with ``processes`` workers; the figures.

    Returns records, characters (title + body before segmentation) and wall seconds.
    """
    started = time.perf_counter()
    count = chars = 0
    dest.parent.mkdir(parents=True, exist_ok=True)

    def counted(items: Iterable[dict]) -> Iterator[dict]:
        nonlocal chars
        for record in items:
            chars += len(record.get("title") or "") + len(record.get("body") or "")
            yield record

    with dest.open("w", encoding="utf-8") as out:
        if processes > 1:
            ctx = multiprocessing.get_context("spawn")
            with ctx.Pool(processes, _init_worker, (str(cache_dir),)) as pool:
                for seg in pool.imap(segment_record, counted(records), chunksize=_CHUNK):
                    out.write(json.dumps(seg, ensure_ascii=False) + "\n")
                    count += 1
        else:
            configure(cache_dir)
            for record in counted(records):
                out.write(json.dumps(segment_record(record), ensure_ascii=False) + "\n")
                count += 1
    return {"records": count, "chars": chars, "seconds": time.perf_counter() - started}


def read_segmented(path: Path) -> Iterator[dict]:
    """The segmented records of a file written by ``segment_file``."""
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)
