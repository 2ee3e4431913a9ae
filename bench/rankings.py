"""One engine's rankings for both query sets, in a process of its own, saved as JSON.

    python -m bench.rankings ENGINE OUT_JSON [--workdir DIR] [--depth 20]

ENGINE is ``xinwen``, ``tantivy``, ``fts5`` or ``baseline`` (top 10 at most), opened on the
cached full-corpus index in the work folder (built by ``compare_engines.py``'s build phase or by
``compare.py``), with the query wiring of ``compare_engines.py``: xinwen through
``search.Searcher`` with its default request, the peers through ``bench.peer_query`` (every
word required, OR when that finds nothing). Each engine runs in its own process because xinwen
adds its own words to the process-wide jieba, which would change how the peers segment queries.

Writes ``{"engine", "known": [[[id, collapsed…], …] per query], "held_out": (the same for the
held-out known items), "topical": {topic id: [id, …]}}`` (held-out topics among the others, by
their own ids): the top 10 of every known-item query (each hit with the ids xinwen collapsed
under it) and the top ``--depth`` of every topical query (hit ids only: a collapsed
near-duplicate is not a result of its own). ``relevance.py`` and ``topical.py`` score them.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from bench.harness import arguments
from bench.query_sets import HELD_OUT_ITEMS, HELD_OUT_TOPICS, KNOWN_ITEMS, TOPICAL, read_rows

ENGINES = ("xinwen", "tantivy", "fts5", "baseline")
K = 10
POOL_DEPTH = 20


def searcher(engine: str, workdir: Path, corpus: Path):
    """A function ``(query, k) -> [[id, collapsed…], …]`` for ``engine``'s cached index."""
    from bench.compare_engines import RunConfig, index_path

    cfg = RunConfig(str(workdir), str(corpus), None, "", str(KNOWN_ITEMS))
    if engine == "xinwen":
        from bench.indexes import xinwen_index
        from xinwen.search import QueryError, Searcher, SearchRequest

        root = xinwen_index(workdir, corpus, None)
        engine_searcher = Searcher(root)

        def search(query: str, k: int) -> list[list[str]]:
            try:
                result = engine_searcher.search(SearchRequest(q=query, page_size=k))
            except QueryError:
                return []
            return [[hit.id, *hit.similar_ids] for hit in result.hits]

        return search
    if engine == "baseline":
        from bench.baseline import baseline_search
        from bench.indexes import baseline_index
        from xinwen.index.analysis import configure_jieba

        configure_jieba(workdir / "jieba")
        ids = baseline_search(baseline_index(workdir, corpus, None))
        return lambda query, k: [[id_] for id_ in ids(query)[:k]]
    from bench.segmented import configure

    configure(workdir / "jieba")  # the peers' plain jieba, as compare_engines.py sets it up
    path = index_path(engine, cfg)
    if not path.exists():
        sys.exit(
            f"{path} is missing: build it with python -m bench.compare_engines build {engine} …"
        )
    if engine == "fts5":
        from bench.peer_fts5 import Fts5Search

        peer = Fts5Search(path)
    else:
        from bench.peer_tantivy import TantivySearch

        peer = TantivySearch(path)
    return lambda query, k: [[hit.id] for hit in peer.hits(query, k=k)]


def main(argv: list[str] | None = None) -> int:
    """Rank both query sets with one engine; write the JSON."""
    parser = arguments(__doc__, corpus=True, workdir=True)
    parser.add_argument("engine", choices=ENGINES)
    parser.add_argument("out", type=Path)
    parser.add_argument("--depth", type=int, default=POOL_DEPTH)
    args = parser.parse_args(argv)
    search = searcher(args.engine, args.workdir, args.corpus)
    known = [search(row["query"], K) for row in read_rows(KNOWN_ITEMS)]
    held = read_rows(HELD_OUT_ITEMS) if HELD_OUT_ITEMS.exists() else []
    held_out = [search(row["query"], K) for row in held]
    topics = read_rows(TOPICAL) + (read_rows(HELD_OUT_TOPICS) if HELD_OUT_TOPICS.exists() else [])
    topical = {row["id"]: [ids[0] for ids in search(row["query"], args.depth)] for row in topics}
    data = {"engine": args.engine, "known": known, "held_out": held_out, "topical": topical}
    args.out.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    print(f"{args.engine}: {len(known)} known-item, {len(topical)} topical rankings → {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
