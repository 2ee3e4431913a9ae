"""Two xinwen searchers side by side on the relevance sets, by split (tune / test).

For the benchmarks that compare a change with its absence on the bench corpus
(``synonyms.py``: without and with the shipped synonyms; ``words.py --with-words``: the index
without and with the proposed words): known-item MRR@10 and success@10
(``queries/known_items.jsonl``) and topical nDCG@10 with judged@10
(``queries/topical.jsonl``, ``queries/topical_qrels.jsonl``; unjudged documents count as 0),
and nDCG@10 over the judged documents only (the ranking with unjudged documents left out: a
change that brings documents the pools never held into the top 10 is not scored as if each
were irrelevant).
"""

from __future__ import annotations

from statistics import mean

from bench.query_sets import SPLITS, TOPICAL, read_rows
from bench.relevance import K, rank_of, read_known_items
from bench.topical import judged_at, ndcg, read_qrels
from xinwen.search import QueryError, Searcher, SearchRequest

DEPTH = 30  # results read for the judged-only nDCG (the first K judged among them)


def _hits(searcher: Searcher, q: str, depth: int = K) -> list[list[str]]:
    try:
        result = searcher.search(SearchRequest(q=q, page_size=depth))
    except QueryError:
        return []
    return [[h.id, *h.similar_ids] for h in result.hits]


def evaluate(searcher: Searcher) -> dict[str, dict[str, float]]:
    """Per split (and ``all``): MRR@10, success@10, nDCG@10, judged@10 and the query counts."""
    known = read_known_items()
    ranks = {item: rank_of(item.id, _hits(searcher, item.query)) for item in known}
    topics = read_rows(TOPICAL)
    qrels = read_qrels()
    topical = {}
    for topic in topics:
        ranking = [ids[0] for ids in _hits(searcher, topic["query"], DEPTH)]
        judged = qrels.get(topic["id"], {})
        only_judged = [d for d in ranking if d in judged]
        topical[topic["id"]] = (
            ndcg(ranking, judged),
            judged_at(ranking, judged),
            ndcg(only_judged, judged),
        )
    out = {}
    for split in (*SPLITS, "all"):
        ks = [r for item, r in ranks.items() if split in ("all", item.split)]
        ts = [topical[t["id"]] for t in topics if split in ("all", t.get("split"))]
        out[split] = {
            "known": len(ks),
            "mrr": sum(1 / r for r in ks if r) / max(len(ks), 1),
            "success": sum(1 for r in ks if r) / max(len(ks), 1),
            "topics": len(ts),
            "ndcg": mean(t[0] for t in ts) if ts else 0.0,
            "judged": mean(t[1] for t in ts) if ts else 0.0,
            "ndcg_judged": mean(t[2] for t in ts) if ts else 0.0,
        }
    return out


def table(results: dict[str, dict[str, dict[str, float]]]) -> list[str]:
    """Markdown rows: one per searcher and split."""
    lines = [
        f"| searcher | split | known items | MRR@{K} | success@{K} | topics | nDCG@{K} |"
        f" judged@{K} | nDCG@{K} judged only |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, by_split in results.items():
        for split, r in by_split.items():
            lines.append(
                f"| {name} | {split} | {r['known']} | {r['mrr']:.3f} | {r['success']:.0%} |"
                f" {r['topics']} | {r['ndcg']:.3f} | {r['judged']:.0%} | {r['ndcg_judged']:.3f} |"
            )
    return lines
