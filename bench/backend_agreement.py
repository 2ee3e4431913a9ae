"""Do the two backends answer alike? Generated queries over a corpus, embedded vs Typesense.

Indexes ``SOURCE`` (default ``../shared/corpus/sample.jsonl``) into a temporary embedded index
and into a local three-node Typesense cluster (``search.typesense.cluster``), generates queries
from the corpus's titles (single words, word pairs, quoted phrases, unknown words, -word,
OR, title:, two phrases, phrases in OR, excluded phrases), and compares totals and facet counts
of every query. Prints each query that differs and the count; exits 1 when any differs.
"""

from __future__ import annotations

import json
import random
import sys
import tempfile
from pathlib import Path

from bench.harness import SAMPLE_CORPUS, arguments, require_corpus
from xinwen.index.builder import ReindexOptions, reindex
from xinwen.search import QueryError, Searcher, SearchRequest
from xinwen.search.engine import query_words
from xinwen.search.typesense.cluster import LocalCluster
from xinwen.search.typesense.indexer import ClusterTarget, reindex_typesense
from xinwen.search.typesense.searcher import TypesenseSearcher


def queries(rows: list[dict], n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    out: list[str] = []
    for row in rng.sample(rows, min(n, len(rows))):
        title = row.get("title") or ""
        words = query_words(title)
        if not words:
            continue
        out += [" ".join(rng.sample(words, min(2, len(words)))), rng.choice(words)]
        if len(title) > 6:
            i = rng.randrange(len(title) - 4)
            out += ['"' + title[i : i + 4] + '"', title[i : i + 3]]
        if len(words) > 2:
            a, b, c = words[0], words[1], words[2]
            out += [f"{a} -{b}", f"{a} OR {c}", f"title:{b}", f'"{a}" "{words[-1]}"']
            out += [f'{b} -"{c}"', f'"{a}" OR "{b}" {c}', f'title:"{a}" {words[-1]}']
    return out


def summary(result: object) -> tuple:
    if isinstance(result, Exception):
        return (type(result).__name__,)
    facets = {k: [(v.value, v.count) for v in f.values] for k, f in result.facets.items()}
    return (result.total, json.dumps(facets, ensure_ascii=False, sort_keys=True))


def answer(searcher: object, q: str) -> object:
    try:
        return searcher.search(SearchRequest(q=q))
    except QueryError as exc:
        return exc


def main() -> int:
    parser = arguments(__doc__)
    parser.add_argument("source", nargs="?", type=Path, default=SAMPLE_CORPUS)
    parser.add_argument("--titles", type=int, default=60, help="titles to draw queries from")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    source = require_corpus(args.source)
    rows = [json.loads(line) for line in source.read_text(encoding="utf-8").splitlines() if line]
    with tempfile.TemporaryDirectory() as tmp, LocalCluster() as cluster:
        root = Path(tmp)
        options = ReindexOptions(sources=[source], root=root / "ix", progress=False)
        reindex(options)
        target = ClusterTarget(cluster.urls, cluster.api_key, "agreement")
        reindex_typesense(ReindexOptions([source], root / "ts", progress=False), target)
        embedded = Searcher(root / "ix")
        cluster_side = TypesenseSearcher(cluster.urls, cluster.api_key, "agreement")
        asked = queries(rows, args.titles, args.seed)
        differ = 0
        for q in asked:
            ours, theirs = answer(embedded, q), answer(cluster_side, q)
            if summary(ours) != summary(theirs):
                differ += 1
                print(
                    f"differs: {q!r}: embedded {summary(ours)[0]}, typesense {summary(theirs)[0]}"
                )
        print(f"{len(asked)} queries over {len(rows)} articles: {differ} differ")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
