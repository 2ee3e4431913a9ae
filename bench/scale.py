"""How the engines grow with the corpus: ``bench/compare.py`` at several sizes, side by side.

A size below the bench corpus's is its first N records plus every known-item target (compare's
``--limit N``); ``full`` is the bench corpus; a size above it is the corpus repeated (compare's
``--scale N``): copy r ≥ 1 of an article gets the id ``<id>~r`` and its date moved
r × 15 years later (after the corpus's 2012–2026 span), so ids stay unique and date facets and
ranges keep their shape. The scaled corpus is written under the work folder, never in the
repository. Known-item hits count a copy of the target as the target. Writes
``bench/results/scale.md``: per size and engine, build time, index size, peak memory and p95,
and each figure's growth from the smallest size.

    python bench/scale.py                          # 10000, full and 300000 (hours: see README)
    python bench/scale.py --sizes 2000 5000        # a quick check
    python bench/scale.py --reuse                  # sizes already run: their saved figures
    python bench/scale.py --rebuild xinwen         # xinwen's indexes built again (new code)
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import (
    BENCH_CORPUS,
    DEFAULT_WORKDIR,
    NOISE_NOTE,
    RESULTS_DIR,
    git_commit,
    machine,
    markdown_table,
    now,
    open_text,
    publish,
    require_corpus,
)

COPY_MARK = "~"
SHIFT_DAYS = 5479  # 15 years
RESULTS = RESULTS_DIR / "scale.md"
DEFAULT_SIZES = ("10000", "full", "300000")
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
        shifted = day + dt.timedelta(days=copy * SHIFT_DAYS)
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
    stamp = {"src": str(src.resolve()), "size": st.st_size, "mtime": int(st.st_mtime), "n": n}
    try:
        current = json.loads(marker.read_text(encoding="utf-8")) == stamp and dest.exists()
    except (OSError, ValueError):
        current = False
    if not current:
        print(f"writing the scaled corpus {dest} ({n:,} records) …", flush=True)
        write_scaled(src, dest, n)
        marker.write_text(json.dumps(stamp), encoding="utf-8")
    return dest


# -- the growth report ---------------------------------------------------------------------


def _growth(value: float | None, first: float | None) -> str:
    if value is None or not first:
        return ""
    return f" ({value / first:.1f}×)"


def first_p95(figures: dict, engine: str) -> float | None:
    """p95 of each latency query's first run in a new query process (None if not measured)."""
    from bench.common import percentile

    query = (figures["engines"].get(engine) or {}).get("query") or {}
    first = (query.get("first") or {}).get("latency", {})
    samples = sorted(ms for v in first.values() for ms in v)
    return percentile(samples, 95) if samples else None


def report(runs: list[tuple[str, dict]]) -> str:
    """The Markdown growth report of compare runs at several sizes (smallest first)."""
    from bench.compare_report import build_memory, build_seconds, engine_summary

    # Every engine that ran at some size, each at the sizes it ran (the baseline is too slow
    # and too large to build at 300,000 articles here).
    engines = list(dict.fromkeys(e for _, r in runs for e in r["engines"]))
    headers = ["engine", "size", "documents", "build s", "index MB", "build peak MB"]
    headers += ["query peak MB"]
    headers += ["p95 top-10 ms", "p50 full page ms", "p95 full page ms", "first-time p95 ms"]
    rows = []
    for engine in engines:
        first = None
        for label, figures in runs:
            if engine not in figures["engines"]:
                continue
            s = engine_summary(figures, engine)
            values = {
                "build": build_seconds(figures, engine),
                "size": s["size_mb"],
                "build_mb": build_memory(figures, engine),
                "query_mb": s["query_mb"],
                "hits": s["hits_p95"],
                "page50": s["page_p50"],
                "page": s["page_p95"],
                "first": first_p95(figures, engine),
            }
            first = first or values

            def cell(key: str, fmt: str, values: dict = values, first: dict = first) -> str:
                v = values[key]
                return "—" if v is None else format(v, fmt) + _growth(v, first[key])

            rows.append(
                [
                    engine,
                    label,
                    f"{s['documents']:,}",
                    cell("build", ",.0f"),
                    cell("size", ",.0f"),
                    cell("build_mb", ",.0f"),
                    cell("query_mb", ",.0f"),
                    cell("hits", ".1f"),
                    cell("page50", ".1f"),
                    cell("page", ".1f"),
                    cell("first", ".1f"),
                ]
            )
    sizes = ", ".join(f"{label} ({r['documents']:,} documents)" for label, r in runs)
    return "\n".join(
        [
            "# Scaling: xinwen and its peers at several corpus sizes",
            "",
            f"Written by `python bench/scale.py` on {now()} · {machine()} · commit {git_commit()}.",
            f"Sizes: {sizes}. Each size is one `bench/compare.py` run (see"
            " `bench/results/compare.md` for what each figure means); in brackets, the growth"
            " from the smallest size. Build time of tantivy and FTS5 includes the jieba"
            " segmentation; build peak memory is the build process's plus its largest"
            " worker's × workers, as in compare's ratio table. A size above the corpus"
            " repeats it with new ids and dates 15 years later per copy: exact copies, which"
            " xinwen collapses as near-duplicates and the others list one by one."
            f" Note: {NOISE_NOTE}.",
            "",
            markdown_table(headers, rows),
            "",
        ]
    )


def main(argv: list[str] | None = None) -> int:
    """Run compare at each size (or reuse saved figures), write the growth report."""
    from bench import compare

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes",
        nargs="+",
        default=list(DEFAULT_SIZES),
        help="record counts, or 'full' for the bench corpus (default: %(default)s)",
    )
    parser.add_argument("--reuse", action="store_true", help="use a size's saved figures")
    parser.add_argument("--workdir", type=Path, default=DEFAULT_WORKDIR)
    parser.add_argument("--corpus", type=Path, default=BENCH_CORPUS)
    parser.add_argument("--engines", nargs="+", choices=compare.ENGINES, default=compare.ENGINES)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--rebuild", nargs="+", default=[], choices=compare.ENGINES, help="build again"
    )
    parser.add_argument("--nice", default="idle", help="xinwen's reindex priority (compare.py)")
    parser.add_argument("--no-write", action="store_true", help="print only")
    args = parser.parse_args(argv)
    corpus_records = compare.corpus_size(require_corpus(args.corpus))
    runs = []
    for size in args.sizes:
        argv_size = ["--workdir", str(args.workdir), "--corpus", str(args.corpus)]
        argv_size += ["--engines", *args.engines, "--repeat", str(args.repeat), "--no-write"]
        argv_size += ["--nice", str(args.nice)]
        if args.rebuild:
            argv_size += ["--rebuild", *args.rebuild]
        if size != "full":
            n = int(size)
            argv_size += ["--scale" if n > corpus_records else "--limit", str(n)]
        opts = compare.parse_args(argv_size)
        saved = compare.saved_figures(opts) if args.reuse else None
        figures = saved or compare.run(opts)
        runs.append((size, figures))
    runs.sort(key=lambda lr: lr[1]["documents"])
    publish(report(runs), RESULTS, write=not args.no_write)
    return 0


if __name__ == "__main__":
    sys.exit(main())
