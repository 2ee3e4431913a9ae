"""What every benchmark shares: arguments, the corpus, timing, memory, results files.

Each benchmark (``python -m bench.<name>``) keeps only its own logic and takes the rest from here:

- **arguments**: ``arguments()`` makes a benchmark's parser with the common options spelled and
  defaulted once (``--corpus``, ``--workdir``, ``--index``, ``--limit``, ``--repeat``,
  ``--no-write``, ``--out``);
- **the corpus**: where it is (``../shared/corpus/`` from the repository root: third-party text,
  never copied into the repository), the message when it is absent, reading it;
- **timing and memory**: ``timed``, ``Stopwatch``, ``cpu_seconds``, ``peak_rss_mb``,
  ``resident_memory_mb``, ``percentile`` / ``summarize``;
- **results files**: the header every report starts with (command, date, machine, commit,
  load), ``fmt``, ``markdown_table``, ``append_row`` and ``publish``;
- **child processes**: ``module_command`` runs another benchmark module in a new process.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import os
import platform
import resource
import subprocess
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

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

T = TypeVar("T")


# -- arguments -----------------------------------------------------------------------------


def arguments(
    doc: str | None,
    *,
    corpus: bool = False,
    workdir: bool = False,
    index: str | None = None,
    limit: str | None = None,
    repeat: tuple[int, str] | None = None,
    no_write: bool = False,
    out: Path | bool | None = False,
) -> argparse.ArgumentParser:
    """A benchmark's parser (described by the first line of ``doc``) with the common options.

    ``index`` and ``limit`` are the help of ``--index DIR`` and ``--limit N`` (they mean a
    little more in some benchmarks); ``repeat`` is the default and help of ``--repeat N``;
    ``out`` the default of ``--out FILE`` (None: print only unless given).
    """
    # Usage lines say how the benchmark is run (argparse would name the file: latency.py).
    script = Path(sys.argv[0]).resolve()
    prog = command(str(script)) if script.parent == BENCH_DIR else None
    parser = argparse.ArgumentParser(prog=prog, description=(doc or "").strip().splitlines()[0])
    if corpus:
        parser.add_argument(
            "--corpus", type=Path, default=BENCH_CORPUS, help="the corpus (default: %(default)s)"
        )
    if workdir:
        parser.add_argument(
            "--workdir",
            type=Path,
            default=DEFAULT_WORKDIR,
            help="cached indexes and work files (default: %(default)s)",
        )
    if index is not None:
        parser.add_argument("--index", type=Path, help=index)
    if limit is not None:
        parser.add_argument("--limit", type=int, help=limit)
    if repeat is not None:
        default, help_ = repeat
        parser.add_argument("--repeat", type=int, default=default, help=help_)
    if no_write:
        parser.add_argument(
            "--no-write",
            "--no-record",
            dest="no_write",
            action="store_true",
            help="print only: write nothing to bench/results",
        )
    if out is not False:
        parser.add_argument(
            "--out", type=Path, default=out, help="write the report here (default: %(default)s)"
        )
    return parser


# -- the corpus ----------------------------------------------------------------------------


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


def corpus_size(path: Path) -> int:
    """Records (non-blank lines) in a corpus file."""
    with open_text(path) as fh:
        return sum(1 for line in fh if line.strip())


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


# -- the machine and the run ---------------------------------------------------------------


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


def load() -> float:
    """The 1-minute load average: above the CPU count, other jobs shared the CPUs."""
    return os.getloadavg()[0]


def command(module_file: str) -> str:
    """How a benchmark is run, from its module's ``__file__``: ``python -m bench.latency``."""
    return f"python -m bench.{Path(module_file).stem}"


def header(module_file: str, load_start: float | None = None, note: bool = True) -> str:
    """The line every report starts with: command, date, machine, commit and load.

    ``load_start`` is the load average when the run began (shown beside the one now); ``note``
    adds that timings on this shared machine are noisy.
    """
    loads = f"{load_start:.1f} → {load():.1f}" if load_start is not None else f"{load():.1f}"
    text = (
        f"Written by `{command(module_file)}` on {now()} · {machine()} · commit {git_commit()}"
        f" · load average {loads}."
    )
    return text + (f" Note: {NOISE_NOTE}." if note else "")


# -- timing and memory ---------------------------------------------------------------------


def timed(call: Callable[[], T]) -> tuple[float, T]:
    """Seconds ``call()`` took (wall) and what it returned."""
    started = time.perf_counter()
    value = call()
    return time.perf_counter() - started, value


@dataclass
class Stopwatch:
    """Wall and CPU seconds (of this process) of a ``with`` block, readable after it."""

    wall: float = 0.0
    cpu: float = 0.0

    def __enter__(self) -> Stopwatch:
        self._wall, self._cpu = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *exc: object) -> None:
        self.wall = time.perf_counter() - self._wall
        self.cpu = time.process_time() - self._cpu


def cpu_seconds() -> tuple[float, float]:
    """User + system CPU seconds so far of this process and of its waited-for children."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime, children.ru_utime + children.ru_stime


def peak_rss_mb() -> tuple[float, float]:
    """Peak resident memory in MB of this process and of its largest waited-for child."""
    self_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    child_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return self_kb / 1024, child_kb / 1024


_STATUS_KEYS = {"VmRSS": "rss", "RssAnon": "anon", "RssFile": "file", "VmHWM": "peak"}


def resident_memory_mb(pid: int | str = "self") -> dict[str, float]:
    """A process's resident memory now, in MB, from ``/proc/<pid>/status``: ``rss``, its
    ``peak``, and where Linux reports them its anonymous (``anon``: private heap) and
    file-backed (``file``: memory-mapped files, shared with the OS file cache) parts."""
    out: dict[str, float] = {}
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as fh:
            for line in fh:
                key, _, value = line.partition(":")
                if key in _STATUS_KEYS:
                    out[_STATUS_KEYS[key]] = int(value.split()[0]) / 1024
    except OSError:
        pass
    return out


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


def summarize(samples: list[float]) -> dict[str, float]:
    """Count, p50, p95, p99 and max of latencies in ms."""
    ordered = sorted(samples)
    return {
        "n": len(ordered),
        "p50": percentile(ordered, 50),
        "p95": percentile(ordered, 95),
        "p99": percentile(ordered, 99),
        "max": ordered[-1] if ordered else float("nan"),
    }


# -- results files -------------------------------------------------------------------------


def fmt(value: float | None, spec: str = ".1f", suffix: str = "", missing: str = "—") -> str:
    """A figure for a report: ``value`` formatted by ``spec`` (``missing`` when None)."""
    return missing if value is None else format(value, spec) + suffix


def markdown_table(
    headers: Sequence[str], rows: Iterable[Sequence[str]], align: str | None = None
) -> str:
    """A Markdown table. ``align`` has one letter a column, ``l`` or ``r``; by default the
    first column is left-aligned and the others right-aligned (figures)."""
    align = align or "l" + "r" * (len(headers) - 1)
    lines = ["| " + " | ".join(headers) + " |"]
    lines.append("| " + " | ".join("---:" if a == "r" else "---" for a in align) + " |")
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
    print(f"appended a row to {_shown(path)}")


def publish(text: str, results: Path | None, write: bool = True) -> None:
    """Print a report and, unless told not to (or ``results`` is None), write it there."""
    print(text)
    if write and results is not None:
        results.parent.mkdir(parents=True, exist_ok=True)
        results.write_text(text, encoding="utf-8")
        print(f"wrote {_shown(results)}")


def _shown(path: Path) -> Path:
    """``path`` relative to the repository when it is inside it."""
    try:
        return path.resolve().relative_to(ROOT)
    except ValueError:
        return path


# -- child processes -----------------------------------------------------------------------


def module_command(module: str, *args: str) -> list[str]:
    """The command that runs ``bench.<module>`` with ``args`` in a new Python process."""
    return [sys.executable, "-m", f"bench.{module}", *args]


def module_env() -> dict[str, str]:
    """The environment for ``module_command``: the repository first on the module path, so
    that ``bench`` is found whatever the current folder (paths given stay as they are)."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return env
