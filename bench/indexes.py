"""Indexes of the bench corpus built once and cached in a work folder (default ``bench/.work``).

``bench.relevance``, ``bench.latency`` and ``bench.compare`` share them. A cached index is
reused while its stamp (corpus size and time, record limit, xinwen's schema version) still
matches; ``--rebuild`` forces a new one. With a record limit the index holds the first N
records plus every known-item target, so a quick run still has something to find (the
benchmarks pass the known-item targets).
"""

from __future__ import annotations

import fcntl
import json
import shutil
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from bench.harness import QUERIES_DIR, cpu_count, iter_raw, write_subset

KNOWN_ITEMS = QUERIES_DIR / "known_items.jsonl"


def known_item_ids(path: Path = KNOWN_ITEMS) -> list[str]:
    """The target ids of the known-item queries (empty when the file is absent)."""
    if not path.exists():
        return []
    ids = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            ids.append(json.loads(line)["id"])
    return ids


def source_for(workdir: Path, corpus: Path, limit: int | None, targets: Sequence[str]) -> Path:
    """The file to index: the corpus itself, or its first ``limit`` records + ``targets``."""
    if limit is None:
        return corpus
    subset = workdir / f"subset-{limit}.jsonl"
    stamp = cache_stamp(corpus, limit, targets)
    marker = workdir / f"subset-{limit}.json"
    if not subset.exists() or not marker.exists() or _read(marker) != stamp:
        write_subset(corpus, subset, limit, targets)
        marker.write_text(json.dumps(stamp), encoding="utf-8")
    return subset


def cache_stamp(corpus: Path, limit: int | None, targets: Sequence[str], **extra: object) -> dict:
    """What a cached file was built from; with a limit, the extra target ids count too."""
    st = corpus.stat()
    return {
        "corpus": str(corpus.resolve()),
        "size": st.st_size,
        "mtime": int(st.st_mtime),
        "limit": limit,
        "targets": sorted(set(targets)) if limit is not None else None,
        **extra,
    }


def _read(path: Path) -> dict | None:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def cached_build(
    name: str,
    workdir: Path,
    stamp: dict,
    build: Callable[[Path], None],
    rebuild: bool,
) -> Path:
    """The folder ``workdir/name``, built by ``build`` unless it is there with this ``stamp``."""
    folder = workdir / name
    marker = workdir / f"{name}.json"
    # Several benchmarks (and people) share the work folder: one builder at a time per index;
    # whoever waited finds the index built and reuses it.
    workdir.mkdir(parents=True, exist_ok=True)
    with (workdir / f".{name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not rebuild and folder.exists() and _read(marker) == stamp:
            return folder
        shutil.rmtree(folder, ignore_errors=True)
        marker.unlink(missing_ok=True)
        print(f"building {folder} (once; later runs reuse it) …", flush=True)
        started = time.perf_counter()
        build(folder)
        print(f"  built in {time.perf_counter() - started:.0f} s", flush=True)
        marker.write_text(json.dumps(stamp), encoding="utf-8")
        return folder


def scope_name(limit: int | None) -> str:
    """``full``, or ``first5000`` for a record limit: names a cached file's scope."""
    return "full" if limit is None else f"first{limit}"


def xinwen_index(
    workdir: Path,
    corpus: Path,
    limit: int | None,
    targets: Sequence[str] = (),
    rebuild: bool = False,
    nice: int | str = "idle",
) -> Path:
    """An xinwen index root of the bench corpus (built with one worker per CPU).

    ``nice`` is the reindex's priority (``index.priority``): ``idle``, the default of
    ``xinwen reindex``, starves while other jobs use both cores; 0 builds at normal priority.
    """
    from xinwen.index.builder import ReindexOptions, reindex
    from xinwen.index.schema import SCHEMA_VERSION

    source = source_for(workdir, corpus, limit, targets)

    def build(folder: Path) -> None:
        options = ReindexOptions(
            sources=[source], root=folder, workers=cpu_count(), progress=False, nice=nice
        )
        reindex(options)

    stamp = cache_stamp(corpus, limit, targets, schema_version=SCHEMA_VERSION)
    return cached_build(f"xinwen-{scope_name(limit)}", workdir, stamp, build, rebuild)


def baseline_index(
    workdir: Path,
    corpus: Path,
    limit: int | None,
    targets: Sequence[str] = (),
    rebuild: bool = False,
) -> Path:
    """A baseline (jieba ChineseAnalyzer + Whoosh) index of the bench corpus."""
    from bench.baseline import build_baseline

    source = source_for(workdir, corpus, limit, targets)

    def build(folder: Path) -> None:
        build_baseline(iter_raw(source), folder)

    stamp = cache_stamp(corpus, limit, targets)
    return cached_build(f"baseline-{scope_name(limit)}", workdir, stamp, build, rebuild)
