"""Ranking experiments: every known-item and topical query of one half against one open index,
in seconds, with the ranking's module constants patched per candidate.

    python -m bench.rank_experiments --index DIR [--split tune|test] [--diff] [--table] CANDIDATE…

A candidate is ``name`` from ``CANDIDATES`` below, or ``CONST=VALUE[,CONST=VALUE…]`` for the
constants of ``xinwen.search.engine`` (and ``xinwen.search.service``, which imports some of
them); ``shipped`` is the code as it is. Prints, per candidate, known-item MRR@10 (all and by
kind) and topical nDCG@10 (all, energy, general) with judged@10; ``--diff`` lists the queries
whose rank or nDCG changed against the first candidate. Choose on ``--split tune`` only
(bench/queries/README).
The index is any xinwen index of the whole bench corpus (``xinwen reindex bench.jsonl.gz``).
"""

from __future__ import annotations

import sys
import time
import zlib
from collections import defaultdict

from bench.harness import arguments
from bench.query_sets import KNOWN_ITEMS, TOPICAL, read_rows
from bench.relevance import K, rank_of, read_known_items
from bench.topical import judged_at, ndcg, read_qrels

# Named candidates: constant → value (see the constants of search/engine.py).
CANDIDATES: dict[str, dict[str, object]] = {
    "shipped": {},
    # The ranking before roundups' stories and verbatim strings counted (2026-12-06).
    "before-stories": {"STORY_DAMP": 0.0, "STORY_LEAD": False, "VERBATIM_BONUS": 0.0},
}
KINDS = (
    "vague",
    "compound",
    "brief_item",
    "phrase",
    "entity_event",
    "unknown_word",
    "three_plus_words",
    "traditional",
    "single_char",
    "year",
    "fullwidth",
    "headline_copy",
)


def parse_candidate(text: str) -> dict[str, object]:
    """A named candidate's constants, or ``A=1,B=x`` parsed (numbers as floats or ints)."""
    if text in CANDIDATES:
        return dict(CANDIDATES[text])
    out: dict[str, object] = {}
    for pair in text.split(","):
        name, _, value = pair.partition("=")
        out[name] = _value(value)
    return out


def _value(text: str) -> object:
    for kind in (int, float):
        try:
            return kind(text)
        except ValueError:
            pass
    return {"True": True, "False": False}.get(text, text)


def patch(constants: dict[str, object]) -> dict[str, object]:
    """Set the constants on the ranking modules; returns the old values."""
    import xinwen.search.engine as engine
    import xinwen.search.service as service

    old = {}
    for name, value in constants.items():
        if not hasattr(engine, name):
            raise SystemExit(f"xinwen.search.engine has no {name}")
        old[name] = getattr(engine, name)
        setattr(engine, name, value)
        if hasattr(service, name):
            setattr(service, name, value)
    return old


def run(searcher, split: str, qrels: dict[str, dict[str, int]]) -> dict:
    """Ranks of the known items and nDCG@10 of the topics of ``split``."""
    from xinwen.search import QueryError, SearchRequest

    def top(query: str, k: int) -> list[list[str]]:
        try:
            result = searcher.search(SearchRequest(q=query, page_size=k))
        except QueryError:
            return []
        return [[hit.id, *hit.similar_ids] for hit in result.hits]

    items = [i for i in read_known_items(KNOWN_ITEMS) if i.split == split]
    ranks = {i.query + "→" + i.id: rank_of(i.id, top(i.query, K)) for i in items}
    topics = [t for t in read_rows(TOPICAL) if t["split"] == split]
    topical = {}
    for t in topics:
        ranking = [ids[0] for ids in top(t["query"], K)]
        judged = qrels.get(t["id"], {})
        topical[t["id"]] = (ndcg(ranking, judged), judged_at(ranking, judged), t, ranking)
    return {"items": items, "ranks": ranks, "topical": topical}


def folds_of(rows: list[tuple[str, str]]) -> dict[str, int]:
    """Two fixed folds within a half, for choices that must hold on both: ``rows`` are (key,
    stratum); within each stratum the keys, ordered by their CRC-32, alternate folds."""
    strata: dict[str, list[str]] = defaultdict(list)
    for key, stratum in rows:
        strata[stratum].append(key)
    out: dict[str, int] = {}
    flip = 0
    for stratum in sorted(strata):
        for key in sorted(strata[stratum], key=lambda k: (zlib.crc32(k.encode()), k)):
            out[key] = flip
            flip ^= 1
    return out


def fold_scores(result: dict) -> dict[str, float]:
    """Known-item MRR@10 and topical nDCG@10 on each fold of a half (``mrr0``, ``ndcg1`` …) and
    on the whole half (``mrr``, ``ndcg``), with ``obj`` = MRR + nDCG for each."""
    items, ranks, topics = result["items"], result["ranks"], result["topical"]
    keys = [i.query + "→" + i.id for i in items]
    ifold = folds_of([(k, f"{i.source} {i.kind}") for k, i in zip(keys, items, strict=True)])
    tfold = folds_of([(tid, v[2]["area"]) for tid, v in topics.items()])
    mrr: dict[int, list[float]] = defaultdict(list)
    for k in keys:
        mrr[ifold[k]].append(1 / ranks[k] if ranks[k] else 0.0)
    nd: dict[int, list[float]] = defaultdict(list)
    for tid, (score, *_rest) in topics.items():
        nd[tfold[tid]].append(score)
    out: dict[str, float] = {}
    for f in (0, 1):
        out[f"mrr{f}"] = sum(mrr[f]) / len(mrr[f])
        out[f"ndcg{f}"] = sum(nd[f]) / len(nd[f])
        out[f"obj{f}"] = out[f"mrr{f}"] + out[f"ndcg{f}"]
    all_mrr, all_nd = mrr[0] + mrr[1], nd[0] + nd[1]
    out["mrr"] = sum(all_mrr) / len(all_mrr)
    out["ndcg"] = sum(all_nd) / len(all_nd)
    out["obj"] = out["mrr"] + out["ndcg"]
    return out


def summary(result: dict) -> str:
    items, ranks = result["items"], result["ranks"]
    by_kind: dict[str, list[float]] = defaultdict(list)
    for item in items:
        r = ranks[item.query + "→" + item.id]
        rr = 1 / r if r else 0.0
        by_kind["all"].append(rr)
        by_kind[item.source].append(rr)
        for kind in item.kinds:
            by_kind[kind].append(rr)
    mean = {k: sum(v) / len(v) for k, v in by_kind.items()}
    f = fold_scores(result)
    parts = [f"MRR {mean['all']:.4f}"]
    parts.append(
        f"[folds MRR {f['mrr0']:.4f} / {f['mrr1']:.4f} nDCG {f['ndcg0']:.4f} / {f['ndcg1']:.4f}]"
    )
    parts += [f"{k} {mean[k]:.3f}" for k in ("drawn", *KINDS) if k in mean]
    areas: dict[str, list[float]] = defaultdict(list)
    judged: list[float] = []
    for score, j, topic, _ in result["topical"].values():
        areas["all"].append(score)
        areas[topic["area"]].append(score)
        judged.append(j)
    nd = {k: sum(v) / len(v) for k, v in areas.items()}
    parts.append(
        f"| nDCG {nd['all']:.4f} energy {nd.get('energy', 0):.3f} general "
        f"{nd.get('general', 0):.3f} judged@10 {sum(judged) / len(judged):.0%}"
    )
    return " ".join(parts)


def table(result: dict) -> list[str]:
    """A markdown table: known-item MRR@10, s@1, s@10 by kind, then topical nDCG@10 by area."""
    items, ranks = result["items"], result["ranks"]
    groups: dict[str, list[int | None]] = defaultdict(list)
    for item in items:
        r = ranks[item.query + "→" + item.id]
        for key in ("all", item.source, *item.kinds):
            groups[key].append(r)
    lines = [
        "| known items | queries | MRR@10 | s@1 | s@10 |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for key in ("all", "original", "drawn", *KINDS):
        rs = groups.get(key)
        if not rs:
            continue
        mrr = sum(1 / r for r in rs if r) / len(rs)
        s1 = sum(1 for r in rs if r == 1) / len(rs)
        s10 = sum(1 for r in rs if r) / len(rs)
        lines.append(f"| {key} | {len(rs)} | {mrr:.3f} | {s1:.0%} | {s10:.0%} |")
    areas: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for score, judged, topic, _ in result["topical"].values():
        areas["all"].append((score, judged))
        areas[topic["area"]].append((score, judged))
    lines += ["", "| topics | topics | nDCG@10 | judged@10 |", "| --- | ---: | ---: | ---: |"]
    for key in ("all", "energy", "general"):
        v = areas.get(key, [])
        if v:
            nd, jd = (sum(x[i] for x in v) / len(v) for i in (0, 1))
            lines.append(f"| {key} | {len(v)} | {nd:.3f} | {jd:.0%} |")
    return lines


def diff(base: dict, other: dict) -> list[str]:
    lines = []
    for key, r0 in base["ranks"].items():
        r1 = other["ranks"][key]
        if r0 != r1:
            lines.append(f"  known {key.split('→')[0]!r}: {r0} → {r1}")
    for tid, (s0, *_rest) in base["topical"].items():
        s1, j1, topic, _ranking = other["topical"][tid]
        if abs(s0 - s1) > 1e-9:
            lines.append(f"  topic {tid} {topic['query']!r}: {s0:.3f} → {s1:.3f} judged {j1:.0%}")
    return lines


def _forget(searcher) -> None:
    searcher._current().engine._norms.clear()


def main(argv: list[str] | None = None) -> int:
    parser = arguments(__doc__, index="an xinwen index of the whole bench corpus")
    parser.add_argument("candidates", nargs="*", default=["shipped"])
    parser.add_argument("--split", choices=("tune", "test"), default="tune")
    parser.add_argument("--diff", action="store_true")
    parser.add_argument("--table", action="store_true", help="markdown tables by kind and area")
    parser.add_argument(
        "--synonyms", metavar="FILE", help="synonyms to search too: built-in, or a file"
    )
    args = parser.parse_args(argv)
    if args.index is None:
        parser.error(
            "--index DIR is needed: xinwen reindex ../shared/corpus/bench.jsonl.gz --index DIR"
        )
    from xinwen.search import Searcher
    from xinwen.search.synonyms import load_synonyms

    searcher = Searcher(args.index, synonyms=load_synonyms(args.synonyms))
    qrels = read_qrels()
    run(searcher, args.split, qrels)  # warm the caches once
    base = None
    for text in args.candidates:
        old = patch(parse_candidate(text))
        # BM25's length norms (K1, B) are remembered per index generation: computed again
        # under the candidate's constants.
        _forget(searcher)
        started = time.perf_counter()
        try:
            result = run(searcher, args.split, qrels)
        finally:
            patch(old)
            _forget(searcher)
        took = time.perf_counter() - started
        print(f"{text} [{args.split}, {took:.1f} s]: {summary(result)}", flush=True)
        if args.table:
            print("\n".join(table(result)), flush=True)
        if args.diff and base is not None:
            print("\n".join(diff(base, result)), flush=True)
        base = base or result
    return 0


if __name__ == "__main__":
    sys.exit(main())
