"""The bench corpus repeated to N records, for sizes above its own (``compare.py --scale N``).

Copy r ≥ 1 of an article gets the id ``<id>~r`` and its date moved r × 15 years later (after
the corpus's 2012–2026 span), so ids stay unique and date facets and ranges keep their shape.
A date moved past 2100 wraps round to the 1900s: the reader keeps only years 1900–2100
(``xinwen.index.cleaning``), and a copy must stay as dated as its original (before the wrap,
the copies past the sixth of a million-article corpus were all undated).
The scaled corpus is written under the work folder, never in the repository; a known-item hit
on a copy of the target counts as the target (``base_id``).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

from bench.harness import open_text
from xinwen.index.cleaning import MAX_YEAR, MIN_YEAR

COPY_MARK = "~"
SHIFT_DAYS = 5479  # 15 years
SCHEME = 2  # 2: dates past 2100 wrap round to the 1900s
_FIRST_DAY = dt.date(MIN_YEAR, 1, 1)
_LAST_DAY = dt.date(MAX_YEAR, 12, 31)
_WINDOW_DAYS = (_LAST_DAY - _FIRST_DAY).days + 1
_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2})")


def base_id(id_: str) -> str:
    """The id of the original article of a copy (an original's id is its own)."""
    return id_.split(COPY_MARK, 1)[0]


def copy_record(record: dict, copy: int) -> dict:
    """Copy ``copy`` of ``record``: id ``<id>~copy``, ISO date moved ``copy`` × 15 years.

    Copy 0 is the record itself; a missing or unreadable date stays as it is.
    """
    if copy == 0:
        return record
    out = dict(record)
    out["id"] = f"{record['id']}{COPY_MARK}{copy}"
    published = record.get("published")
    match = _DATE.match(published) if isinstance(published, str) else None
    if match:
        try:
            day = dt.date.fromisoformat(match.group(1))
        except ValueError:
            return out
        offset = (day - _FIRST_DAY).days + copy * SHIFT_DAYS
        shifted = _FIRST_DAY + dt.timedelta(days=offset % _WINDOW_DAYS)
        out["published"] = shifted.isoformat() + published[match.end() :]
    return out


def write_scaled(src: Path, dest: Path, n: int) -> int:
    """Write ``n`` records to ``dest``: ``src``'s records, then copies 1, 2, … of them.

    The originals are copied line for line; returns the number of records written.
    """
    dest.parent.mkdir(parents=True, exist_ok=True)
    written = copy = 0
    tmp = dest.with_name(dest.name + ".partial")
    with tmp.open("w", encoding="utf-8") as out:
        while written < n:
            before = written
            with open_text(src) as fh:
                for line in fh:
                    if written >= n:
                        break
                    if not line.strip():
                        continue
                    if copy == 0:
                        out.write(line if line.endswith("\n") else line + "\n")
                    else:
                        record = copy_record(json.loads(line), copy)
                        out.write(json.dumps(record, ensure_ascii=False) + "\n")
                    written += 1
            if written == before:
                raise ValueError(f"{src} holds no records")
            copy += 1
    tmp.replace(dest)
    return written


def scaled_corpus(workdir: Path, src: Path, n: int) -> Path:
    """``src`` scaled to ``n`` records in ``workdir`` (written once, reused while current)."""
    dest = workdir / "corpus.jsonl"
    marker = workdir / "corpus.json"
    st = src.stat()
    stamp = {
        "src": str(src.resolve()),
        "size": st.st_size,
        "mtime": int(st.st_mtime),
        "n": n,
        "scheme": SCHEME,  # how copies are made: a change rewrites the corpus
    }
    try:
        current = json.loads(marker.read_text(encoding="utf-8")) == stamp and dest.exists()
    except (OSError, ValueError):
        current = False
    if not current:
        print(f"writing the scaled corpus {dest} ({n:,} records) …", flush=True)
        write_scaled(src, dest, n)
        marker.write_text(json.dumps(stamp), encoding="utf-8")
    return dest
