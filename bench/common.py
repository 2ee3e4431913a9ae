"""Helpers shared by the benchmark scripts: corpus location, machine facts, cached indexes.

The corpus is third-party text kept outside the repository, at ``../shared/corpus/`` from the
repository root; every script exits with a clear message when it is absent.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import os
import platform
import resource
import subprocess
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BENCH_DIR = ROOT / "bench"
RESULTS_DIR = BENCH_DIR / "results"
QUERIES_DIR = BENCH_DIR / "queries"
DEFAULT_WORKDIR = BENCH_DIR / ".work"
CORPUS_DIR = ROOT.parent / "shared" / "corpus"
BENCH_CORPUS = CORPUS_DIR / "bench.jsonl.gz"
SAMPLE_CORPUS = CORPUS_DIR / "sample.jsonl"

NOISE_NOTE = (
    "timings on a shared 2-core machine where other jobs may run at the same time: "
    "noisy, compare runs with care"
)


def require_corpus(path: Path = BENCH_CORPUS) -> Path:
    """``path`` if it exists; otherwise exit with a message saying where it was looked for."""
    if not path.is_file():
        sys.exit(
            f"benchmark corpus not found: {path}\n"
            "The real-news corpus lives outside the repository, in ../shared/corpus/ relative "
            "to the repository root; it is not on this machine, so this benchmark cannot run."
        )
    return path


def open_text(path: Path):
    """Open a ``.jsonl`` or ``.jsonl.gz`` file for reading text."""
    if path.name.endswith(".gz"):
        return gzip.open(path, "rt", encoding="utf-8")
    return path.open(encoding="utf-8")


def iter_raw(path: Path, limit: int | None = None) -> Iterator[dict]:
    """The corpus's JSON objects in file order (the first ``limit`` when given)."""
    with open_text(path) as fh:
        for n, line in enumerate(fh):
            if limit is not None and n >= limit:
                return
            if line.strip():
                yield json.loads(line)


def write_subset(path: Path, dest: Path, limit: int | None, extra_ids: Iterable[str] = ()) -> Path:
    """Copy the first ``limit`` lines of ``path`` (plus the lines of ``extra_ids``) to ``dest``.

    Lines are copied as they are, so the reader under test parses exactly what the corpus holds.
    """
    wanted = set(extra_ids)
    dest.parent.mkdir(parents=True, exist_ok=True)
    with open_text(path) as src, dest.open("w", encoding="utf-8") as out:
        for n, line in enumerate(src):
            if limit is None or n < limit:
                out.write(line)
            elif wanted:
                if json.loads(line)["id"] in wanted:
                    out.write(line)
            else:
                break
    return dest


def cpu_count() -> int:
    """CPUs this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def cpu_model() -> str:
    """The CPU model name from /proc/cpuinfo (or what the platform says)."""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def machine() -> str:
    """``2 × AMD EPYC``: CPU count and model, for result tables."""
    return f"{cpu_count()} × {cpu_model()}"


def git_commit() -> str:
    """The short commit of the working tree (``+`` when it has changes), or ``?``."""
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no", "--", "index", "search"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        return commit + ("+" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return "?"


def now() -> str:
    """The local date and time, to the minute."""
    return dt.datetime.now().strftime("%Y-%m-%d %H:%M")


def peak_rss_mb() -> tuple[float, float]:
    """Peak resident memory in MB of this process and of its largest waited-for child."""
    self_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    child_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return self_kb / 1024, child_kb / 1024


def dir_size(path: Path) -> int:
    """Bytes of the files under ``path`` (hard links counted once)."""
    seen: set[tuple[int, int]] = set()
    total = 0
    for dirpath, _dirs, files in os.walk(path):
        for name in files:
            st = os.lstat(os.path.join(dirpath, name))
            key = (st.st_dev, st.st_ino)
            if key not in seen:
                seen.add(key)
                total += st.st_size
    return total


def percentile(sorted_values: list[float], p: float) -> float:
    """The ``p``-th percentile (0–100) of already sorted values, nearest-rank."""
    if not sorted_values:
        return float("nan")
    rank = max(1, -(-len(sorted_values) * p // 100))
    return sorted_values[min(len(sorted_values), int(rank)) - 1]


def markdown_table(headers: list[str], rows: list[list[str]]) -> str:
    """A Markdown table; columns after the first are right-aligned."""
    lines = ["| " + " | ".join(headers) + " |"]
    lines.append("| " + " | ".join(["---"] + ["---:"] * (len(headers) - 1)) + " |")
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def append_row(path: Path, intro: str, headers: list[str], row: list[str]) -> None:
    """Add one row at the end of a Markdown results table, creating the file with its header."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists():
        header = markdown_table(headers, [])
        path.write_text(f"{intro.rstrip()}\n\n{header}\n", encoding="utf-8")
    lines = path.read_text(encoding="utf-8").splitlines()
    # After the table's last row, so notes written below the table stay below it.
    last = max((i for i, line in enumerate(lines) if line.startswith("|")), default=len(lines) - 1)
    lines.insert(last + 1, "| " + " | ".join(row) + " |")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def publish(text: str, results: Path, write: bool = True) -> None:
    """Print a report and, unless told not to, write it to ``results`` (under bench/results)."""
    print(text)
    if write:
        results.parent.mkdir(parents=True, exist_ok=True)
        results.write_text(text, encoding="utf-8")
        print(f"wrote {results.relative_to(ROOT)}")
