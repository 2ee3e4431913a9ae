"""Incremental reindex benchmark (issue 6): update the full bench index after 1% of it changed.

Makes a changed copy of the bench corpus in the work folder (``--fraction`` of the records, 1% by
default, picked with a fixed seed, each with an edited body; plus ``--new`` new records and
``--removed`` removed ones), copies the cached full index (hard links: the cached one is never
written), runs ``xinwen reindex --incremental --prune`` on the copy through
``index.builder.reindex`` and prints the wall time, where it went, the documents before and
after, and the ratio to the latest full reindex (target: ``bench.targets``). Then checks the
result against the changed corpus: exactly its records, each with its new content, changed
bodies found by their new text and not by the text that was removed, removed records gone.
``--runs N`` makes N successive runs (another share changed each time) to show how segments
accumulate. Writes
``bench/results/incremental.md``.

    python -m bench.incremental                     # one run over the whole corpus
    python -m bench.incremental --runs 5             # five successive runs
    python -m bench.incremental --profile prof.txt   # a pyinstrument profile of the first run
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import re
import shutil
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.harness import (
    NOISE_NOTE,
    RESULTS_DIR,
    ROOT,
    arguments,
    cpu_seconds,
    fmt,
    header,
    markdown_table,
    open_text,
    publish,
    require_corpus,
    summarize,
)
from bench.indexes import xinwen_index
from bench.latency import read_queries, run_warm
from bench.targets import INCREMENTAL_SHARE

RESULTS = RESULTS_DIR / "incremental.md"
REINDEX_RESULTS = RESULTS_DIR / "reindex.md"
SEED = 6
# Whoosh's lock files are never shared between index copies (see index.store.clone_current).
LOCK_SUFFIXES = ("_WRITELOCK", ".lock")

# Where an incremental run's wall time goes, in the order printed: the phases add up to the wall
# time, except ``merge`` (part of ``commit``). ``update`` is what is left of ``_update`` once the
# phases inside it are taken out. The sub-writer process's CPU time is shown beside them: it
# analyses and writes the changed records while this process reads.
PHASES = {
    "clone": "clone the served generation (hard links)",
    "columns": "read the index's id / hash columns",
    "read": "read + clean every record of the sources",
    "hash": "content hash of every record",
    "update": "compare, delete old documents, hand changed ones over",
    "commit": "wait for the sub-writer's segment, merge, TOC",
    "merge": "… of which merging small segments",
    "publish": "publish (metadata, rename, switch)",
    "other": "rest: lock, jieba dictionary, counts",
}
SUBWRITER = "sub-writer CPU: analyse + write the changed records, in parallel"


# -- the changed corpus ------------------------------------------------------------------------


@dataclass(frozen=True)
class Change:
    """One record whose body was edited: a phrase only the new body has, and one it lost."""

    id: str
    marker: str
    lost: str | None


@dataclass
class RunChanges:
    """What one run changed in the corpus."""

    changed: list[Change] = field(default_factory=list)
    new: list[Change] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)


def load_lines(corpus: Path) -> list[str]:
    """The corpus's JSON lines (non-empty), in file order."""
    with open_text(corpus) as fh:
        return [line.rstrip("\n") for line in fh if line.strip()]


def edit_body(body: str, marker: str) -> tuple[str, str | None]:
    """A corrected body: its first paragraph (or sentence) replaced by a sentence with ``marker``.

    Returns the new body and a phrase of the removed text that the new body lacks (None when
    there is none to check).
    """
    cut = body.find("\n")
    if cut <= 0 or cut >= len(body) - 1:
        cut = body.find("。") + 1
    if cut <= 0 or cut >= len(body):
        cut = len(body) // 2
    removed, rest = body[:cut], body[cut:].lstrip("\n")
    new_body = f"{marker}。\n{rest}" if rest else f"{marker}。"
    lost = None
    for chunk in re.findall(r"[\u4e00-\u9fff]{6,}", removed):
        phrase = chunk[:10]
        if phrase not in new_body:
            lost = phrase
            break
    return new_body, lost


def change_corpus(
    lines: list[str], run: int, fraction: float, new: int, removed: int
) -> RunChanges:
    """Edit ``fraction`` of the records of ``lines`` in place, add ``new`` ones, drop ``removed``.

    The records are picked with a fixed seed per run, so every benchmark run changes the same.
    """
    rng = random.Random(SEED * 1000 + run)
    count = round(len(lines) * fraction)
    picked = rng.sample(range(len(lines)), count + removed + new)
    changes = RunChanges()
    for n, i in enumerate(picked[:count]):
        obj = json.loads(lines[i])
        marker = f"第{run}轮校订稿{n:05d}号"
        obj["body"], lost = edit_body(obj.get("body") or "", marker)
        lines[i] = json.dumps(obj, ensure_ascii=False)
        changes.changed.append(Change(obj["id"], marker, lost))
    for n, i in enumerate(picked[count + removed :]):
        obj = json.loads(lines[i])
        obj["id"] = f"bench-incremental-{run}-{n}"
        marker = f"第{run}轮新增稿{n:05d}号"
        obj["body"] = f"{marker}。\n{obj.get('body') or ''}"
        lines.append(json.dumps(obj, ensure_ascii=False))
        changes.new.append(Change(obj["id"], marker, None))
    doomed = set(picked[count : count + removed])
    changes.removed = [json.loads(lines[i])["id"] for i in sorted(doomed)]
    lines[:] = [line for i, line in enumerate(lines) if i not in doomed]
    return changes


def write_corpus(lines: Iterable[str], dest: Path) -> Path:
    """Write the lines as gzipped JSON Lines, as the bench corpus itself is stored."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(dest, "wt", encoding="utf-8", compresslevel=1) as out:
        for line in lines:
            out.write(line + "\n")
    return dest


# -- the index copy ----------------------------------------------------------------------------


def copy_index(cached: Path, dest: Path) -> Path:
    """An index root at ``dest`` serving a copy of ``cached``'s current generation.

    Segment files are hard-linked (Whoosh never rewrites one; an incremental run writes new
    files), the metadata and jieba's cache are copied, lock files are left behind.
    """
    from xinwen.index.store import IndexStore

    generation = IndexStore(cached).current().path
    shutil.rmtree(dest, ignore_errors=True)
    target = dest / "generations" / generation.name
    target.mkdir(parents=True)
    for item in generation.iterdir():
        if not item.is_file() or item.name.endswith(LOCK_SUFFIXES):
            continue
        if item.suffix in (".seg", ".toc"):
            os.link(item, target / item.name)
        else:
            shutil.copy2(item, target / item.name)
    if (cached / "jieba").is_dir():
        shutil.copytree(cached / "jieba", dest / "jieba")
    (dest / "current").symlink_to(os.path.relpath(target, dest))
    return dest


def segment_sizes(root: Path) -> list[tuple[int, int]]:
    """``(live documents, deleted documents)`` of each segment of the served generation."""
    from xinwen.index.store import IndexStore

    _gen, ix = IndexStore(root).open_current()
    return [(s.doc_count(), s.deleted_count()) for s in ix._segments()]


# -- timing the phases -------------------------------------------------------------------------


class Phases:
    """Seconds spent in each phase of a reindex, measured by wrapping the functions doing it."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)
        self._active: set[str] = set()

    def _timed(self, key: str, func: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            if key in self._active:  # a commit calling the commit it overrides: counted once
                return func(*args, **kwargs)
            self._active.add(key)
            started = time.perf_counter()
            try:
                return func(*args, **kwargs)
            finally:
                self.seconds[key] += time.perf_counter() - started
                self._active.discard(key)

        return wrapper

    def _timed_iter(self, key: str, func: Callable[..., Iterable]) -> Callable[..., Iterator]:
        def wrapper(*args: Any, **kwargs: Any) -> Iterator:
            items = iter(func(*args, **kwargs))
            while True:
                started = time.perf_counter()
                try:
                    item = next(items)
                except StopIteration:
                    return
                finally:
                    self.seconds[key] += time.perf_counter() - started
                yield item

        return wrapper

    @contextmanager
    def installed(self) -> Iterator[None]:
        """Wrap the reindex's functions while the block runs, and restore them after."""
        from whoosh.multiproc import MpWriter
        from whoosh.writing import SegmentWriter

        from xinwen.index import builder
        from xinwen.index.records import Record
        from xinwen.index.store import IndexStore

        hash_property = Record.__dict__["content_hash"]
        patches: list[tuple[object, str, object]] = [
            (IndexStore, "clone_current", self._timed("clone", IndexStore.clone_current)),
            (IndexStore, "publish", self._timed("publish", IndexStore.publish)),
            (builder, "read_records", self._timed_iter("read", builder.read_records)),
            (builder, "_update", self._timed("update", builder._update)),
            (builder, "_indexed", self._timed("columns", builder._indexed)),
            (SegmentWriter, "commit", self._timed("commit", SegmentWriter.commit)),
            (MpWriter, "commit", self._timed("commit", MpWriter.commit)),
            (SegmentWriter, "_merge_segments", self._timed("merge", SegmentWriter._merge_segments)),
            (Record, "content_hash", property(self._timed("hash", hash_property.fget))),
        ]
        saved = [(owner, name, owner.__dict__[name]) for owner, name, _new in patches]
        try:
            for owner, name, new in patches:
                setattr(owner, name, new)
            yield
        finally:
            for owner, name, old in saved:
                setattr(owner, name, old)

    def breakdown(self, wall: float) -> dict[str, float]:
        """The phases of `PHASES` from the raw timings of a run that took ``wall`` seconds."""
        s = self.seconds
        inside = s["read"] + s["hash"] + s["columns"] + s["commit"]
        out = {key: s[key] for key in ("clone", "columns", "read", "hash", "commit", "merge")}
        out["update"] = max(0.0, s["update"] - inside)
        out["publish"] = s["publish"]
        out["other"] = max(0.0, wall - s["clone"] - s["update"] - s["publish"])
        return out


# -- checking the result -----------------------------------------------------------------------


@dataclass
class Check:
    """What the updated index was checked for, and what failed."""

    documents: int = 0
    expected: int = 0
    searched: int = 0
    failures: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failures

    def fail(self, message: str) -> None:
        if len(self.failures) < 20:
            self.failures.append(message)


def expected_hashes(source: Path) -> dict[str, str]:
    """Each id of the changed corpus with its content hash, as a full reindex would store it."""
    from xinwen.index.records import Record
    from xinwen.index.sources import read_sources

    return {
        item.id: item.content_hash for item in read_sources([source]) if isinstance(item, Record)
    }


def check_index(root: Path, source: Path, changes: RunChanges, sample: int) -> Check:
    """Compare the updated index with the changed corpus; search the edited bodies."""
    from whoosh import query as wq

    from xinwen.index.store import IndexStore

    check = Check()
    expected = expected_hashes(source)
    check.expected = len(expected)
    _gen, ix = IndexStore(root).open_current()
    with ix.searcher() as searcher:
        reader = searcher.reader()
        indexed: dict[str, str] = {}
        for leaf, _offset in reader.leaf_readers():
            ids = list(leaf.column_reader("id"))
            hashes = list(leaf.column_reader("hash"))
            for docnum in leaf.all_doc_ids():
                if ids[docnum] in indexed:
                    check.fail(f"{ids[docnum]} has more than one document")
                indexed[ids[docnum]] = hashes[docnum]
        check.documents = reader.doc_count()
        if check.documents != len(expected):
            check.fail(f"{check.documents:,} documents, expected {len(expected):,}")
        for id_ in expected.keys() - indexed.keys():
            check.fail(f"{id_} missing")
        for id_ in indexed.keys() - expected.keys():
            check.fail(f"{id_} should not be in the index")
        for id_ in expected.keys() & indexed.keys():
            if expected[id_] != indexed[id_]:
                check.fail(f"{id_} holds old content (hash {indexed[id_]})")

        analyzer = ix.schema["body_c"].analyzer

        def body_hits(text: str) -> set[str]:
            terms = [token.text for token in analyzer(text)]
            q = wq.Phrase("body_c", terms) if len(terms) > 1 else wq.Term("body_c", terms[0])
            return {searcher.stored_fields(d)["id"] for d in q.docs(searcher)}

        rng = random.Random(SEED)
        picked = rng.sample(changes.changed, min(sample, len(changes.changed))) + changes.new
        for change in picked:
            check.searched += 1
            if body_hits(change.marker) != {change.id}:
                check.fail(f"{change.id}: its new text {change.marker!r} is not found (only)")
            if change.lost and change.id in body_hits(change.lost):
                check.fail(f"{change.id}: still found by removed text {change.lost!r}")
        for id_ in changes.removed:
            if list(searcher.document_numbers(id=id_)):
                check.fail(f"{id_} was removed from the corpus but is still searchable")
    ix.close()
    return check


# -- the benchmark -----------------------------------------------------------------------------


@dataclass
class RunResult:
    """One incremental run: its changes, timings, counts and check."""

    run: int
    changes: RunChanges
    wall: float
    phases: dict[str, float]
    before: int
    after: int
    report: Any
    cpu: tuple[float, float]  # CPU seconds of this process / of its child processes
    segments: list[tuple[int, int]]
    check: Check | None
    load: tuple[float, float]


def incremental_run(
    run: int,
    lines: list[str],
    root: Path,
    workdir: Path,
    args: argparse.Namespace,
) -> RunResult:
    """Change the corpus, run the incremental reindex on ``root``, check the result."""
    from xinwen.index.builder import ReindexOptions, reindex

    changes = change_corpus(lines, run, args.fraction, args.new, args.removed)
    source = write_corpus(lines, workdir / f"changed-{run}.jsonl.gz")
    before = sum(live for live, _deleted in segment_sizes(root))
    phases = Phases()
    options = ReindexOptions([source], root, incremental=True, prune=True, progress=False)
    print(
        f"run {run}: {len(changes.changed):,} changed, {len(changes.new)} new, "
        f"{len(changes.removed)} removed; reindexing …",
        flush=True,
    )
    load_start = os.getloadavg()[0]
    profiler = _profiler() if args.profile and run == 1 else None
    with phases.installed():
        if profiler:
            profiler.start()
        cpu_start = cpu_seconds()
        started = time.perf_counter()
        report = reindex(options)
        wall = time.perf_counter() - started
        cpu_end = cpu_seconds()
        if profiler:
            profiler.stop()
    load_end = os.getloadavg()[0]
    if profiler:
        args.profile.write_text(profiler.output_text(unicode=True, color=False), encoding="utf-8")
        print(f"profile written to {args.profile}")
    check = None
    if not args.no_check:
        print("  checking the updated index …", flush=True)
        check = check_index(root, source, changes, args.check_sample)
    if not args.keep:
        source.unlink()
    return RunResult(
        run=run,
        changes=changes,
        wall=wall,
        phases=phases.breakdown(wall),
        before=before,
        after=report.documents,
        report=report,
        cpu=(cpu_end[0] - cpu_start[0], cpu_end[1] - cpu_start[1]),
        segments=segment_sizes(root),
        check=check,
        load=(load_start, load_end),
    )


def _profiler() -> Any:
    try:
        from pyinstrument import Profiler
    except ImportError:
        sys.exit("--profile needs pyinstrument (pip install pyinstrument)")
    return Profiler()


def latest_full_reindex(path: Path = REINDEX_RESULTS, records: int | None = None) -> float | None:
    """The wall time of the latest full-corpus row of ``results/reindex.md`` (None if none)."""
    if not path.exists():
        return None
    headers: list[str] = []
    found = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("|"):
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if not headers:
            headers = cells
            continue
        if set(cells[0]) <= set("-: "):
            continue
        row = dict(zip(headers, cells, strict=False))
        try:
            indexed = int(row.get("records", "").replace(",", ""))
            wall = float(row.get("wall s", ""))
        except ValueError:
            continue
        if records is None or indexed == records:
            found = wall
    return found


def render(
    results: list[RunResult],
    args: argparse.Namespace,
    full: float | None,
    full_from: str,
    records: int,
    latency: dict[str, dict],
) -> str:
    """The Markdown report."""
    first = results[0]
    lines = [
        "# Incremental reindex benchmark",
        "",
        header(__file__, note=False),
        f"Each run edits the body of {args.fraction:.0%} of the records "
        f"of the bench corpus ({records:,} records; picked with a fixed seed; the first paragraph"
        f" replaced by a sentence with a unique marker), adds {args.new} and removes "
        f"{args.removed}, then runs `xinwen reindex --incremental --prune` (through "
        "`index.builder.reindex`) on a copy of the full index"
        + (", each run on the result of the one before" if len(results) > 1 else "")
        + f". Full reindex: {fmt(full, missing='unknown')} s ({full_from})."
        f" Target: ≤ {INCREMENTAL_SHARE:.0%} of it.",
        "",
        f"Note: {NOISE_NOTE}. `load` is the 1-minute load average at the start / end of a run.",
        "",
        "## Runs",
        "",
    ]
    rows = []
    for r in results:
        ratio = f"{r.wall / full:.1%}" if full else "n/a"
        check = "not run" if r.check is None else ("ok" if r.check.ok else "**FAILED**")
        rows.append(
            [
                str(r.run),
                f"{len(r.changes.changed):,} / {len(r.changes.new)} / {len(r.changes.removed)}",
                f"{r.before:,} → {r.after:,}",
                f"{r.wall:.1f}",
                f"{r.cpu[0]:.1f} / {r.cpu[1]:.1f}",
                ratio,
                f"{len(r.segments)}",
                f"{r.load[0]:.1f} / {r.load[1]:.1f}",
                check,
            ]
        )
    lines.append(
        markdown_table(
            [
                "run",
                "changed / new / removed",
                "documents",
                "wall s",
                "CPU s self / children",
                "of full",
                "segments after",
                "load",
                "check",
            ],
            rows,
        )
    )
    lines += ["", "## Where the time went (seconds)", ""]
    phase_rows = [
        [f"{key}: {what}"] + [f"{r.phases[key]:.2f}" for r in results]
        for key, what in PHASES.items()
    ]
    phase_rows.append(["**wall**"] + [f"**{r.wall:.2f}**" for r in results])
    phase_rows.append([SUBWRITER] + [f"{r.cpu[1]:.2f}" for r in results])
    lines.append(markdown_table(["phase"] + [f"run {r.run}" for r in results], phase_rows))
    last = results[-1]
    lines += [
        "",
        "Segments after the last run (live documents / deleted): "
        + ", ".join(f"{live:,}/{deleted:,}" for live, deleted in last.segments)
        + ".",
        "",
        _merge_note(last),
        "",
        "Reindex summary of the first run:",
        "",
        "```",
        first.report.summary(),
        "```",
        "",
    ]
    if latency:
        lines += [
            "## Query latency over the added segments",
            "",
            "Warm latency of the queries of `queries/latency.txt` (one timed pass after a "
            "warm-up, as `latency.py` runs them) over a copy of the full build and over the "
            "index after the last run, measured alternately, twice; the second pass shown:",
            "",
            markdown_table(
                ["index", "segments", "queries", "p50 ms", "p95 ms", "p99 ms", "max ms"],
                [
                    [
                        when,
                        str(lat["segments"]),
                        str(lat["n"]),
                        f"{lat['p50']:.1f}",
                        f"{lat['p95']:.1f}",
                        f"{lat['p99']:.1f}",
                        f"{lat['max']:.1f}",
                    ]
                    for when, lat in latency.items()
                ],
            ),
            "",
        ]
    checked = [r for r in results if r.check is not None]
    if checked:
        failed = [r for r in checked if not r.check.ok]
        verdict = "FAILED" if failed else ("passed in every run" if len(checked) > 1 else "passed")
        lines.append(
            "Checks after each run — the index holds exactly the changed corpus's records "
            "(document count, no id twice, every id's content hash equal to the corpus's), "
            f"{checked[0].check.searched} of the edited or new bodies are found by a phrase of "
            "their new text and not by one of the removed text, the removed records are gone: "
            f"**{verdict}**."
        )
        for r in failed:
            lines += [f"  - run {r.run}: {failure}" for failure in r.check.failures]
    return "\n".join(lines) + "\n"


def _merge_note(last: RunResult) -> str:
    """How the merge policy treats segments of the size these runs write."""
    from xinwen.index import builder

    cap = builder._merge_cap(last.after)
    run_docs = len(last.changes.changed) + len(last.changes.new)
    return (
        f"Merge policy (`index.builder._merge_policy`): {builder.MERGE_FACTOR} segments of one "
        f"size tier are merged once they are there, if they hold at most {cap:,} documents "
        f"together (max({builder.MERGE_CAP_DOCS}, {builder.MERGE_CAP_SHARE:.0%} of the index));"
        f" the big segments of the full build are never rewritten. These runs write about "
        f"{run_docs:,} documents each, so {builder.MERGE_FACTOR} of their segments hold "
        f"{builder.MERGE_FACTOR * run_docs:,}: "
        + (
            "within the cap, merged in tiers."
            if builder.MERGE_FACTOR * run_docs <= cap
            else "past the cap, never merged: each run adds a segment until a full reindex."
        )
    )


def query_latency(root: Path) -> dict:
    """Warm latency of the ``latency.txt`` queries over ``root`` (one timed pass) and its
    segment count: what the segments that incremental runs add cost a search."""
    print(f"  timing the latency queries over {len(segment_sizes(root))} segments …", flush=True)
    warm = run_warm(root, read_queries(), repeat=1)
    samples = [ms for values in warm["by_class"].values() for ms in values]
    return {"segments": len(segment_sizes(root)), **summarize(samples)}


def main(argv: list[str] | None = None) -> int:
    """Parse options, run the benchmark, print and write the report."""
    parser = arguments(__doc__, corpus=True, workdir=True, no_write=True)
    parser.add_argument("--fraction", type=float, default=0.01, help="default: %(default)s")
    parser.add_argument("--new", type=int, default=20, help="new records per run (%(default)s)")
    parser.add_argument(
        "--removed", type=int, default=20, help="removed records per run (%(default)s)"
    )
    parser.add_argument("--runs", type=int, default=1, help="successive runs (%(default)s)")
    parser.add_argument("--full-seconds", type=float, help="full reindex wall time to compare")
    parser.add_argument("--check-sample", type=int, default=50, help="edited bodies searched")
    parser.add_argument("--no-check", action="store_true", help="skip checking the result")
    parser.add_argument("--profile", type=Path, help="write a pyinstrument profile of run 1 here")
    parser.add_argument(
        "--latency",
        action="store_true",
        help="time the latency.txt queries before the first run and after the last one",
    )
    parser.add_argument("--keep", action="store_true", help="keep the changed corpus and index")
    args = parser.parse_args(argv)
    corpus = require_corpus(args.corpus)
    args.workdir.mkdir(parents=True, exist_ok=True)
    cached = xinwen_index(args.workdir, corpus, None)
    workdir = args.workdir / "incremental"
    root = copy_index(cached, workdir / "index")
    lines = load_lines(corpus)
    records = len(lines)
    if args.full_seconds is not None:
        full, full_from = args.full_seconds, "--full-seconds"
    else:
        full = latest_full_reindex(records=records)
        full_from = f"latest full-corpus row of {REINDEX_RESULTS.relative_to(ROOT)}"
    results = []
    latency: dict[str, dict] = {}
    try:
        for run in range(1, args.runs + 1):
            result = incremental_run(run, lines, root, workdir, args)
            results.append(result)
            share = f" = {result.wall / full:.1%} of the full reindex" if full else ""
            print(
                f"  {result.wall:.1f} s{share} (CPU {result.cpu[0]:.1f} s + children "
                f"{result.cpu[1]:.1f} s); {len(result.segments)} segments"
            )
        if args.latency:
            base = copy_index(cached, workdir / "full-build")
            # Alternately, twice; the second pass of each is reported (the first one of the
            # process pays for imports and caches).
            for _ in range(2):
                latency["the full build"] = query_latency(base)
                latency[f"after run {args.runs}"] = query_latency(root)
    finally:
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)
    print()
    text = render(results, args, full, full_from, records, latency)
    publish(text, RESULTS, write=not args.no_write)
    if args.keep:
        print(f"changed corpus and index kept in {workdir}")
    failed = [r.run for r in results if r.check is not None and not r.check.ok]
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
