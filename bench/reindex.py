"""Full reindex benchmark (issue 2): how long ``xinwen reindex`` takes next to jieba alone.

Runs ``index.builder.reindex`` over the bench corpus into a temporary index root with one worker
per CPU, then, in the same run, times jieba alone segmenting the same text (title + body of every
record as the reader cleans it, ``jieba.cut(..., HMM=True)``, one process). The ratio
reindex / segmentation says what the indexer costs on top of the segmentation it cannot avoid
(target: ``bench.targets``). Appends a row to ``bench/results/reindex.md``.

    python -m bench.reindex                 # the whole corpus (minutes)
    python -m bench.reindex --limit 5000    # the first 5,000 records
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

from bench.harness import (
    NOISE_NOTE,
    RESULTS_DIR,
    append_row,
    arguments,
    cpu_count,
    cpu_seconds,
    dir_size,
    git_commit,
    load,
    machine,
    now,
    peak_rss_mb,
    require_corpus,
    write_subset,
)
from bench.targets import REINDEX_RATIO, verdict

RESULTS = RESULTS_DIR / "reindex.md"
INTRO = f"""# Full reindex benchmark

Written by `python -m bench.reindex` (one row per run). `ratio` is the reindex wall time over
the time jieba alone takes to segment the same text in one process (target ≤ {REINDEX_RATIO}).
Peak memory is `ru_maxrss` of the benchmark process (which also runs the segmentation) / of its
largest child (a reindex worker). `load` is the 1-minute load average at the start / end of
the run: on this 2-core machine anything much above 2 means other jobs shared the CPUs and the
times are inflated."""
HEADERS = [
    "date",
    "machine",
    "load",
    "commit",
    "records",
    "workers",
    "wall s",
    "docs/s",
    "chars/s",
    "peak MB self/child",
    "index MB",
    "jieba s",
    "ratio",
]


def segment_time(source: Path, jieba_dir: Path) -> tuple[float, int, int, float]:
    """Seconds jieba takes to segment title + body of every record, with records, chars and
    the CPU seconds of the same calls.

    Records come from ``read_sources`` (the text the indexer sees); only ``jieba.cut`` is timed.
    """
    import jieba

    from xinwen.index.analysis import configure_jieba
    from xinwen.index.records import Record
    from xinwen.index.sources import read_sources

    configure_jieba(jieba_dir)
    cut = jieba.cut
    seconds = cpu = 0.0
    records = chars = 0
    for item in read_sources([source]):
        if not isinstance(item, Record):
            continue
        text = item.title + "\n" + item.body
        started, cpu_started = time.perf_counter(), time.process_time()
        for _word in cut(text, HMM=True):
            pass
        seconds += time.perf_counter() - started
        cpu += time.process_time() - cpu_started
        records += 1
        chars += len(item.title) + len(item.body)
    return seconds, records, chars, cpu


def _cpu_seconds() -> float:
    """CPU seconds of this process and of its waited-for children, together."""
    return sum(cpu_seconds())


def run(source: Path, root: Path, workers: int, nice: int | str = 0) -> dict:
    """Reindex ``source`` into ``root``, then time the segmentation; returns the figures."""
    from xinwen.index.builder import ReindexOptions, reindex
    from xinwen.index.store import IndexStore

    options = ReindexOptions(
        sources=[source], root=root, workers=workers, progress=False, nice=nice
    )
    started, cpu_started = time.perf_counter(), _cpu_seconds()
    report = reindex(options)
    wall = time.perf_counter() - started
    cpu = _cpu_seconds() - cpu_started
    store = IndexStore(root)
    generation = store.current_path()
    index_bytes = dir_size(generation) if generation else dir_size(root)
    seg_seconds, seg_records, seg_chars, seg_cpu = segment_time(source, store.jieba_dir)
    self_mb, child_mb = peak_rss_mb()
    return {
        "report": report,
        "wall": wall,
        "cpu": cpu,
        "seg_cpu": seg_cpu,
        "index_bytes": index_bytes,
        "seg_seconds": seg_seconds,
        "seg_records": seg_records,
        "seg_chars": seg_chars,
        "self_mb": self_mb,
        "child_mb": child_mb,
    }


def main(argv: list[str] | None = None) -> int:
    """Parse options, run the benchmark, print the figures and append the results row."""
    parser = arguments(
        __doc__,
        corpus=True,
        limit="index only the first N records",
        repeat=(1, "reindex + jieba pairs to run; the row is the median pair (a drifting machine)"),
        no_write=True,
    )
    parser.add_argument("--workers", type=int, default=cpu_count(), help="default: CPU count")
    parser.add_argument("--keep", type=Path, help="build the index here and keep it")
    parser.add_argument(
        "--nice",
        default=0,
        type=lambda v: v if v == "idle" else int(v),
        help="the reindex's priority (index/priority.py): 0, the default here, as the jieba pass"
        " runs; `xinwen reindex`'s own default, idle, starves while other jobs run",
    )
    args = parser.parse_args(argv)
    corpus = require_corpus(args.corpus)

    if args.keep:
        if args.keep.exists() and any(args.keep.iterdir()):
            parser.error(f"--keep {args.keep}: folder exists and is not empty")
        args.keep.mkdir(parents=True, exist_ok=True)
    load_start = load()
    tmp = Path(tempfile.mkdtemp(prefix="xinwen-bench-"))
    try:
        root = args.keep or tmp / "index"
        source = corpus
        if args.limit is not None:
            source = write_subset(corpus, tmp / f"first-{args.limit}.jsonl", args.limit)
        runs = []
        for n in range(max(1, args.repeat)):
            print(f"reindexing {source} with {args.workers} worker(s) into {root} …", flush=True)
            if n and root.exists():
                shutil.rmtree(root)
            fig = run(source, root, args.workers, args.nice)
            fig["ratio"] = fig["wall"] / fig["seg_seconds"] if fig["seg_seconds"] else float("nan")
            print(
                f"pair {n + 1}: reindex {fig['wall']:.1f} s, jieba {fig['seg_seconds']:.1f} s,"
                f" ratio {fig['ratio']:.2f}; CPU: reindex {fig['cpu']:.1f} s, jieba"
                f" {fig['seg_cpu']:.1f} s, ratio {fig['cpu'] / fig['seg_cpu']:.2f}",
                flush=True,
            )
            runs.append(fig)
        runs.sort(key=lambda f: f["ratio"])
        fig = runs[len(runs) // 2]
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    load_end = load()
    report = fig["report"]
    wall = fig["wall"]
    ratio = fig["ratio"]
    if len(runs) > 1:
        ratios = ", ".join(f"{f['ratio']:.2f}" for f in runs)
        print(f"ratios of the {len(runs)} pairs: {ratios}; the figures below are the median pair's")
    print(report.summary())
    print()
    print(f"records indexed       {report.indexed:>12,}  (read {report.read:,})")
    print(f"characters            {report.characters:>12,}")
    print(f"wall time             {wall:>12.1f} s")
    print(f"docs/s                {report.indexed / wall:>12,.0f}")
    print(f"characters/s          {report.characters / wall:>12,.0f}")
    print(f"peak memory self      {fig['self_mb']:>12,.0f} MB  (bench process, incl. jieba run)")
    print(f"peak memory children  {fig['child_mb']:>12,.0f} MB  (largest reindex worker)")
    print(f"index size on disk    {fig['index_bytes'] / 2**20:>12,.1f} MB")
    print(
        f"jieba alone           {fig['seg_seconds']:>12.1f} s  "
        f"({fig['seg_records']:,} records, {fig['seg_chars'] / fig['seg_seconds']:,.0f} chars/s,"
        " one process)"
    )
    print(
        f"CPU s reindex / jieba {fig['cpu']:>9.1f} / {fig['seg_cpu']:.1f} ="
        f" {fig['cpu'] / fig['seg_cpu']:.2f}  (all processes; steadier than wall time under load)"
    )
    met = verdict(ratio <= REINDEX_RATIO)
    print(f"reindex / jieba       {ratio:>12.2f}    (target ≤ {REINDEX_RATIO}: {met})")
    print(f"load average (1 min)  {load_start:>12.1f} at start, {load_end:.1f} at end")
    print(f"note: {NOISE_NOTE}")

    if not args.no_write:
        append_row(
            RESULTS,
            INTRO,
            HEADERS,
            [
                now(),
                machine(),
                f"{load_start:.1f} / {load_end:.1f}",
                git_commit(),
                f"{report.indexed:,}",
                str(args.workers),
                f"{wall:.1f}",
                f"{report.indexed / wall:,.0f}",
                f"{report.characters / wall:,.0f}",
                f"{fig['self_mb']:,.0f} / {fig['child_mb']:,.0f}",
                f"{fig['index_bytes'] / 2**20:,.1f}",
                f"{fig['seg_seconds']:.1f}",
                f"{ratio:.2f}",
            ],
        )
    if args.keep:
        print(f"index kept in {args.keep}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
