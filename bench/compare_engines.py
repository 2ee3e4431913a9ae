"""The engines of ``bench.compare`` behind one interface, and the child process of a phase.

Every phase runs in a process of its own, so that each figure of peak memory (``ru_maxrss``) is
that engine's and that phase's alone::

    python -m bench.compare_engines PHASE ENGINE CONFIG_JSON OUT_JSON

PHASE is ``segment`` (the shared jieba segmentation; ENGINE is ignored), ``build`` (build or
reuse the engine's cached index; time, peak memory, size) or ``query`` (known items, then the
latency queries: a warm-up pass and ``repeat`` timed passes per mode). The figures go to
OUT_JSON. Indexes are cached in the work folder by ``bench.indexes``; build figures are kept
beside them (``compare-<name>.json``) so that a run reusing an index still reports how long it
took to build, as long as it was built by this script.
"""

from __future__ import annotations

import json
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from bench.harness import arguments, cpu_count, dir_size, iter_raw, now, peak_rss_mb
from bench.indexes import cache_stamp, cached_build, known_item_ids, scope_name, source_for

if TYPE_CHECKING:
    from bench.latency import BenchQuery

ENGINES = ("xinwen", "tantivy", "fts5", "baseline")
PEERS = ("tantivy", "fts5")
SEGMENTATION_VERSION = 1  # bump when bench.segmented changes: segments the corpus again
PEER_VERSION = 3  # bump when a peer's schema changes: rebuilds the peers' cached indexes
K = 10


@dataclass(frozen=True)
class RunConfig:
    """What every phase of one comparison run needs (passed to the child as JSON)."""

    workdir: str
    corpus: str
    limit: int | None
    queries: str
    known_items: str
    repeat: int = 3
    rebuild: tuple[str, ...] = ()
    nice: int | str = "idle"  # xinwen's reindex priority (`index.priority`)

    def to_json(self) -> str:
        """This configuration as JSON."""
        return json.dumps(asdict(self), ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> RunConfig:
        """The configuration ``to_json`` wrote."""
        data = json.loads(text)
        data["rebuild"] = tuple(data.get("rebuild", ()))
        return cls(**data)

    @property
    def work(self) -> Path:
        """The work folder."""
        return Path(self.workdir)

    def targets(self) -> list[str]:
        """The known-item targets (always in the indexes, even with a record limit)."""
        return known_item_ids(Path(self.known_items))

    def source(self) -> Path:
        """The corpus file the indexes are built from (a cached subset with a limit)."""
        return source_for(self.work, Path(self.corpus), self.limit, self.targets())

    def stamp(self, **extra: object) -> dict:
        """What a cached file of this run is built from (see ``bench.indexes``)."""
        return cache_stamp(Path(self.corpus), self.limit, self.targets(), **extra)


# -- build ---------------------------------------------------------------------------------


def _mtime_ns(path: Path) -> int | None:
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return None


def _timed_build(
    name: str, cfg: RunConfig, make: Callable[[], Path]
) -> tuple[Path, dict | None, bool]:
    """Run ``make`` (which builds the cached index ``name`` or finds it); its build figures.

    When ``make`` built the index, the figures are measured now and saved beside it; when it
    reused one, they are the saved ones of that build (None if another script built it).
    Returns the folder, the figures and whether it was built now. (Should another script
    build the same index while this one waits for its lock, that wait is counted as the build.)
    """
    marker = cfg.work / f"{name}.json"
    sidecar = cfg.work / f"compare-{name}.json"
    before = _mtime_ns(marker)
    started = time.perf_counter()
    folder = make()
    seconds = time.perf_counter() - started
    stamp = marker.read_text(encoding="utf-8")
    if _mtime_ns(marker) != before:
        self_mb, children_mb = peak_rss_mb()
        figures = {"seconds": seconds, "rss_mb": self_mb, "workers_rss_mb": children_mb}
        figures["built_at"] = now()
        sidecar.write_text(json.dumps({"marker": stamp, "figures": figures}), encoding="utf-8")
        return folder, figures, True
    try:
        saved = json.loads(sidecar.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return folder, None, False
    return folder, saved["figures"] if saved.get("marker") == stamp else None, False


def segment_phase(cfg: RunConfig) -> dict:
    """Segment the corpus with jieba once (cached); its figures."""
    from bench.segmented import segment_file

    source = cfg.source()
    name = f"segmented-{scope_name(cfg.limit)}"

    def build(folder: Path) -> None:
        segment_file(iter_raw(source), folder / "segmented.jsonl", cfg.work / "jieba", cpu_count())

    def make() -> Path:
        stamp = cfg.stamp(segmentation_version=SEGMENTATION_VERSION)
        return cached_build(name, cfg.work, stamp, build, "segmented" in cfg.rebuild)

    folder, figures, fresh = _timed_build(name, cfg, make)
    if figures is not None:
        figures["processes"] = cpu_count()
    return {"figures": figures, "bytes": dir_size(folder), "fresh": fresh}


def segmented_path(cfg: RunConfig) -> Path:
    """The segmented corpus of this run (built by the ``segment`` phase)."""
    return cfg.work / f"segmented-{scope_name(cfg.limit)}" / "segmented.jsonl"


def index_path(engine: str, cfg: RunConfig) -> Path:
    """Where ``engine``'s cached index of this run lives."""
    folder = cfg.work / f"{engine}-{scope_name(cfg.limit)}"
    return folder / "fts5.sqlite" if engine == "fts5" else folder


def build_phase(engine: str, cfg: RunConfig) -> dict:
    """Build (or reuse) ``engine``'s index; its build figures and size on disk."""
    from bench.indexes import baseline_index, xinwen_index

    corpus, targets, rebuild = Path(cfg.corpus), cfg.targets(), engine in cfg.rebuild
    name = f"{engine}-{scope_name(cfg.limit)}"
    if engine == "xinwen":

        def make() -> Path:
            return xinwen_index(cfg.work, corpus, cfg.limit, targets, rebuild, cfg.nice)

    elif engine == "baseline":

        def make() -> Path:
            return baseline_index(cfg.work, corpus, cfg.limit, targets, rebuild)

    else:
        from bench.segmented import read_segmented

        segmented = segmented_path(cfg)
        if not segmented.exists():
            sys.exit(f"{segmented} is missing: run the segment phase first")

        def build(folder: Path) -> None:
            if engine == "fts5":
                from bench.peer_fts5 import build_fts5

                build_fts5(read_segmented(segmented), folder / "fts5.sqlite")
            else:
                from bench.peer_tantivy import build_tantivy

                build_tantivy(read_segmented(segmented), folder, threads=cpu_count())

        def make() -> Path:
            stamp = cfg.stamp(
                engine=engine, peer_version=PEER_VERSION, segmentation_version=SEGMENTATION_VERSION
            )
            return cached_build(name, cfg.work, stamp, build, rebuild)

    folder, figures, fresh = _timed_build(name, cfg, make)
    if engine == "xinwen":
        from xinwen.index.store import IndexStore

        generation = IndexStore(folder).current_path()
        size = dir_size(generation) if generation else dir_size(folder)
    else:
        size = dir_size(folder)
    return {"figures": figures, "bytes": size, "fresh": fresh}


# -- query ---------------------------------------------------------------------------------


class Adapter(Protocol):
    """One engine opened for queries."""

    modes: tuple[str, ...]  # "hits" (top 10 alone) and/or "page" (the full page)
    documents: int

    def run(self, mode: str, query: BenchQuery) -> int:
        """Answer one ``BenchQuery`` in ``mode``; the number of hits on the page."""
        ...

    def known(self, text: str) -> list[list[str]]:
        """The top 10 of a known-item query: for each hit, its id and any collapsed under it."""
        ...


class XinwenAdapter:
    """xinwen through ``search.Searcher``: every search is a full page (the API has no less)."""

    modes = ("page",)

    def __init__(self, root: Path) -> None:
        from bench.relevance import xinwen_engine
        from xinwen.search import Searcher

        self.searcher = Searcher(root)
        health = self.searcher.health()
        if not health["ok"]:
            sys.exit(f"cannot open the xinwen index in {root}: {health['error']}")
        self.documents = health["documents"]
        self.known = xinwen_engine(root)

    def run(self, mode: str, query: BenchQuery) -> int:
        """A full page of ``query`` (a QueryError counts as an empty page)."""
        from xinwen.search import QueryError

        try:
            return len(self.searcher.search(query.request()).hits)
        except QueryError:
            return 0


class BaselineAdapter:
    """The Whoosh + ChineseAnalyzer baseline: top 10 ids; it has no category or date fields."""

    modes = ("hits",)

    def __init__(self, folder: Path) -> None:
        from whoosh import index as whoosh_index

        from bench.baseline import baseline_search

        self.search = baseline_search(folder)
        self.documents = whoosh_index.open_dir(str(folder)).doc_count()

    def run(self, mode: str, query: BenchQuery) -> int:
        """The top 10 of the query's text (its filters are ignored: no such fields)."""
        return len(self.search(query.text))

    def known(self, text: str) -> list[list[str]]:
        """The top 10 ids."""
        return [[id_] for id_ in self.search(text)]


class PeerAdapter:
    """tantivy or FTS5 through ``bench.peer_tantivy`` / ``bench.peer_fts5``."""

    modes = ("hits", "page")

    def __init__(self, engine: str, path: Path) -> None:
        if engine == "fts5":
            from bench.peer_fts5 import Fts5Search

            self.engine = Fts5Search(path)
        else:
            from bench.peer_tantivy import TantivySearch

            self.engine = TantivySearch(path)
        self.documents = self.engine.count()

    def run(self, mode: str, query: BenchQuery) -> int:
        """Top 10 alone (``hits``) or a full page (``page``) of a ``BenchQuery``."""
        from bench.peer_query import Filters

        filters = Filters.from_latency(query.filters)
        if mode == "hits":
            return len(self.engine.hits(query.text, filters, K))
        return len(self.engine.page(query.text, filters, K).hits)

    def known(self, text: str) -> list[list[str]]:
        """The top 10 ids."""
        return [[hit.id] for hit in self.engine.hits(text, k=K)]


def open_adapter(engine: str, cfg: RunConfig) -> Adapter:
    """``engine`` opened on its cached index (built by the ``build`` phase)."""
    from bench.indexes import baseline_index, xinwen_index

    corpus, targets = Path(cfg.corpus), cfg.targets()
    if engine == "xinwen":
        return XinwenAdapter(xinwen_index(cfg.work, corpus, cfg.limit, targets))
    if engine == "baseline":
        return BaselineAdapter(baseline_index(cfg.work, corpus, cfg.limit, targets))
    return PeerAdapter(engine, index_path(engine, cfg))


def query_phase(engine: str, cfg: RunConfig) -> dict:
    """Known-item ranks and latency samples (ms, by mode and query class) of ``engine``."""
    from bench.latency import read_queries
    from bench.relevance import rank_of, read_known_items
    from bench.scaled import base_id

    started = time.perf_counter()
    adapter = open_adapter(engine, cfg)
    open_seconds = time.perf_counter() - started
    queries = read_queries(Path(cfg.queries))
    latency: dict[str, dict[str, list[float]]] = {}
    empty: dict[str, int] = {}
    # The first pass of the first mode runs before anything else in this new process: each
    # query's first time (nothing of it cached but the OS's file pages), timed as "first".
    first: dict[str, list[float]] = defaultdict(list)
    for n, mode in enumerate(adapter.modes):
        empty[mode] = 0
        for q in queries:  # the warm-up pass
            t0 = time.perf_counter()
            empty[mode] += adapter.run(mode, q) == 0
            if n == 0:
                first[q.cls].append((time.perf_counter() - t0) * 1000)
        by_class: dict[str, list[float]] = defaultdict(list)
        for _ in range(cfg.repeat):
            for q in queries:
                t0 = time.perf_counter()
                adapter.run(mode, q)
                by_class[q.cls].append((time.perf_counter() - t0) * 1000)
        latency[mode] = dict(by_class)
    items = read_known_items(Path(cfg.known_items))
    ranks = []
    empty_known = 0
    for item in items:
        hits = adapter.known(item.query)
        empty_known += not hits
        ranks.append(rank_of(item.id, [[base_id(i) for i in ids] for ids in hits]))
    self_mb, _ = peak_rss_mb()
    return {
        "documents": adapter.documents,
        "open_seconds": open_seconds,
        "ranks": ranks,
        "empty_known": empty_known,
        "queries": len(queries),
        "latency": latency,
        "first": {"mode": adapter.modes[0], "latency": dict(first)},
        "empty": empty,
        "rss_mb": self_mb,
    }


def main(argv: list[str] | None = None) -> int:
    """Run one phase of one engine; write its figures as JSON to the given file."""
    parser = arguments(__doc__)
    parser.add_argument("phase", choices=("segment", "build", "query"))
    parser.add_argument("engine", help=f"one of {', '.join(ENGINES)} (ignored by segment)")
    parser.add_argument("config", help="the run's RunConfig as JSON")
    parser.add_argument("out", type=Path, help="where the figures go (JSON)")
    args = parser.parse_args(argv)
    phase, engine, out = args.phase, args.engine, args.out
    cfg = RunConfig.from_json(args.config)
    if engine != "xinwen":  # xinwen loads jieba with its own cache folder and dictionary
        from bench.segmented import configure

        configure(cfg.work / "jieba")
    if phase == "segment":
        result = segment_phase(cfg)
    elif phase == "build":
        result = build_phase(engine, cfg)
    else:
        result = query_phase(engine, cfg)
    out.write_text(json.dumps(result, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
