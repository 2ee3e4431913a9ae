"""Side by side (issue 6): xinwen, tantivy, SQLite FTS5 and the jieba + Whoosh baseline.

The same corpus and the same queries for the four engines; for each, index build time, index
size on disk, peak memory of the build and of the queries, latency (p50/p95) of the top 10 alone
and of a full page (hits + snippets + category and year counts + exact total) over
``queries/latency.txt``, MRR@10 and success@10 over ``queries/known_items.jsonl``, and xinwen's
ratio to each. Each phase of each engine runs in a process of its own
(``bench.compare_engines``); tantivy and FTS5 index the corpus segmented once by jieba
(``bench.segmented``), their queries translated by ``bench.peer_query``. Indexes are
cached in ``--workdir``. Writes ``bench/results/compare.md``.

    python -m bench.compare --rebuild       # the whole corpus, every index built and timed
    python -m bench.compare --limit 5000    # first 5,000 records + every known-item target
    python -m bench.compare --scale 300000  # the corpus repeated to 300,000 (bench.scale)
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import subprocess
import sys
import time
from pathlib import Path

from bench.compare_engines import ENGINES, PEERS, RunConfig
from bench.compare_report import report
from bench.harness import (
    QUERIES_DIR,
    RESULTS_DIR,
    arguments,
    corpus_size,
    cpu_count,
    git_commit,
    machine,
    module_command,
    module_env,
    now,
    publish,
    require_corpus,
)
from bench.relevance import read_known_items
from bench.scaled import scaled_corpus

RESULTS = RESULTS_DIR / "compare.md"
LATENCY_QUERIES = QUERIES_DIR / "latency.txt"
KNOWN_ITEMS = QUERIES_DIR / "known_items.jsonl"
REBUILDABLE = (*ENGINES, "segmented")


def label_of(args: argparse.Namespace) -> str:
    """``full``, ``first5000`` or ``scale300000``: names this run's saved figures."""
    if args.scale:
        return f"scale{args.scale}"
    return "full" if args.limit is None else f"first{args.limit}"


def _figures_path(args: argparse.Namespace) -> Path:
    return args.workdir / f"compare-{label_of(args)}.figures.json"


def saved_figures(args: argparse.Namespace) -> dict | None:
    """The figures an earlier run with the same scope saved, if any."""
    try:
        return json.loads(_figures_path(args).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _child(phase: str, engine: str, cfg: RunConfig) -> dict | None:
    """Run one phase of one engine in a new process; its figures, or None if it failed."""
    out = cfg.work / f".compare-{phase}-{engine}.json"
    out.unlink(missing_ok=True)
    started = time.perf_counter()
    command = module_command("compare_engines", phase, engine, cfg.to_json(), str(out))
    proc = subprocess.run(command, env=module_env(), check=False)
    wall = time.perf_counter() - started
    if proc.returncode != 0 or not out.exists():
        print(f"  {phase} {engine} failed (exit {proc.returncode})", file=sys.stderr, flush=True)
        return None
    figures = json.loads(out.read_text(encoding="utf-8"))
    figures["wall_seconds"] = wall
    out.unlink()
    print(f"  {phase} {engine}: {wall:,.0f} s", flush=True)
    return figures


def run(args: argparse.Namespace) -> dict:
    """Segment, build and query every engine (each phase in a child process); the figures."""
    corpus = require_corpus(args.corpus)
    workdir = args.workdir
    if args.scale:
        if args.scale <= corpus_size(corpus):
            sys.exit("--scale N repeats the corpus: N must exceed its size (use --limit N)")
        workdir = args.workdir / f"scale-{args.scale}"
        workdir.mkdir(parents=True, exist_ok=True)
        corpus = scaled_corpus(workdir, corpus, args.scale)
    workdir.mkdir(parents=True, exist_ok=True)
    engines = list(args.engines)
    notes = []
    if "tantivy" in engines and importlib.util.find_spec("tantivy") is None:
        engines.remove("tantivy")
        notes.append("tantivy is not installed (`pip install -e .[bench]`): left out.")
    cfg = RunConfig(
        workdir=str(workdir),
        corpus=str(corpus),
        limit=args.limit,
        queries=str(args.queries),
        known_items=str(args.known_items),
        repeat=args.repeat,
        rebuild=tuple(args.rebuild),
        nice=args.nice,
    )
    figures: dict = {
        "label": label_of(args),
        "limit": args.limit,
        "scale": args.scale,
        "started": now(),
        "machine": machine(),
        "commit": git_commit(),
        "cpus": cpu_count(),
        "repeat": args.repeat,
        "nice": args.nice,
        "load_start": os.getloadavg(),
        "kinds": [item.kind for item in read_known_items(args.known_items)],
        "notes": notes,
        "engines": {},
    }
    if any(e in PEERS for e in engines):
        print("segmenting the corpus with jieba (for tantivy and FTS5) …", flush=True)
        figures["segmentation"] = _child("segment", "-", cfg)
    for engine in engines:
        print(f"{engine}: build …", flush=True)
        entry: dict = {"build": _child("build", engine, cfg)}
        if entry["build"] is not None:
            print(f"{engine}: queries …", flush=True)
            entry["query"] = _child("query", engine, cfg)
        figures["engines"][engine] = entry
    figures["load_end"] = os.getloadavg()
    docs = [e["query"]["documents"] for e in figures["engines"].values() if e.get("query")]
    figures["documents"] = max(docs, default=0)
    _figures_path(args).write_text(json.dumps(figures, ensure_ascii=False), encoding="utf-8")
    return figures


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """The command line (also used by ``bench.scale``)."""
    parser = arguments(
        __doc__, corpus=True, workdir=True, repeat=(3, "timed passes (default 3)"), no_write=True
    )
    size = parser.add_mutually_exclusive_group()
    size.add_argument("--limit", type=int, help="the first N records (+ every known-item target)")
    size.add_argument("--scale", type=int, help="the corpus repeated to N records (N > its size)")
    parser.add_argument("--engines", nargs="+", choices=ENGINES, default=list(ENGINES))
    parser.add_argument(
        "--rebuild",
        nargs="*",
        choices=REBUILDABLE,
        help="rebuild and time these cached indexes (no name: all of them)",
    )
    parser.add_argument(
        "--nice",
        default="idle",
        type=lambda v: v if v == "idle" else int(v),
        help="xinwen's reindex priority: idle (xinwen's default) or a nice increment 0-19;"
        " idle starves while other jobs use the CPUs (default %(default)s)",
    )
    parser.add_argument("--queries", type=Path, default=LATENCY_QUERIES)
    parser.add_argument("--known-items", type=Path, default=KNOWN_ITEMS)
    parser.add_argument(
        "--from-saved", action="store_true", help="report the last run of this scope again"
    )
    args = parser.parse_args(argv)
    # --rebuild alone rebuilds everything; without it, nothing.
    args.rebuild = list(REBUILDABLE) if args.rebuild == [] else args.rebuild or []
    args.engines = list(dict.fromkeys(args.engines))
    return args


def main(argv: list[str] | None = None) -> int:
    """Run the comparison, print the report and write ``bench/results/compare.md``."""
    args = parse_args(argv)
    figures = saved_figures(args) if args.from_saved else run(args)
    if figures is None:
        sys.exit(f"no saved figures in {_figures_path(args)}: run without --from-saved first")
    text = report(figures)
    # A scaled run is one row of bench.scale's report; it does not replace compare.md.
    publish(text, RESULTS, write=not args.no_write and not args.scale)
    return 0


if __name__ == "__main__":
    sys.exit(main())
