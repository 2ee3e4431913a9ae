"""Topical relevance ("everything about X"): blind judging pools and graded scores.

``queries/topical.jsonl`` holds the topics (``id``, ``query``, ``area`` energy/general, the
description of what counts in ``relevant``, ``split`` tune/test); ``queries/topical_qrels.jsonl``
the judgments (``topic``, ``doc``, ``grade`` 0–3, judged as ``queries/README`` says); the
held-out topics and their judgments are apart, in ``queries/topical_held_out*.jsonl``.

    python -m bench.topical pool RANKINGS_JSON… [--out /tmp/eval-pools] [--held-out]  # to judge
    python -m bench.topical missing RANKINGS_JSON…                          # unjudged in a top 10

``pool`` takes the union of every engine's top 20 per topic (the files ``rankings.py`` writes),
shuffles it with a fixed seed and writes one file per topic, ``<out>/<topic id>.jsonl``: the id,
title and body (cut to ~1,200 characters) of each pooled document and nothing else — no engine
names, no ranks — so the judge cannot tell who returned what. Those files hold corpus text: they
go outside the repository (``--out`` inside it is refused). Documents already judged are left
out unless ``--all``.

The scores (``relevance.py`` prints them): **nDCG@10** with the grade as the gain and log2
discount, against the ideal ordering of all judged documents of the topic; an unjudged document
counts as grade 0, and **judged@10** (the share of the top 10 that is judged) says how much that
assumption weighs. Whatever a change to the ranking brings into a top 10 unjudged should be
judged (``missing`` lists it) before its figures are trusted.
"""

from __future__ import annotations

import json
import math
import random
import sys
from pathlib import Path

from bench.harness import QUERIES_DIR, ROOT, arguments, iter_raw, require_corpus
from bench.query_sets import HELD_OUT_QRELS, HELD_OUT_TOPICS, TOPICAL, read_rows

QRELS = QUERIES_DIR / "topical_qrels.jsonl"
K = 10
POOL_DEPTH = 20
BODY_CHARS = 1200
SEED = 13


def read_qrels(path: Path = QRELS) -> dict[str, dict[str, int]]:
    """Judgments: topic id → doc id → grade (empty when the file is absent)."""
    qrels: dict[str, dict[str, int]] = {}
    if path.exists():
        for row in read_rows(path):
            qrels.setdefault(row["topic"], {})[row["doc"]] = int(row["grade"])
    return qrels


def complete_topics(
    topics: list[dict], qrels: dict[str, dict[str, int]], rankings: list[dict], depth: int
) -> list[str]:
    """Topic ids whose pool (every engine's top ``depth``) is judged to the last document."""
    done = []
    for topic in topics:
        judged = qrels.get(topic["id"], {})
        pool = {d for r in rankings for d in r["topical"].get(topic["id"], [])[:depth]}
        if judged and pool <= judged.keys():
            done.append(topic["id"])
    return done


def ndcg(ranking: list[str], judged: dict[str, int], k: int = K) -> float:
    """nDCG@k of ``ranking`` (unjudged = 0); 0 when the topic has no relevant document."""
    dcg = sum(judged.get(d, 0) / math.log2(i + 2) for i, d in enumerate(ranking[:k]))
    ideal = sorted(judged.values(), reverse=True)[:k]
    idcg = sum(g / math.log2(i + 2) for i, g in enumerate(ideal))
    return dcg / idcg if idcg else 0.0


def judged_at(ranking: list[str], judged: dict[str, int], k: int = K) -> float:
    """Share of the top k that has a judgment (1.0 for an empty ranking: nothing to judge)."""
    top = ranking[:k]
    return sum(1 for d in top if d in judged) / len(top) if top else 1.0


def pools(rankings: list[dict], depth: int = POOL_DEPTH) -> dict[str, list[str]]:
    """Per topic, the union of every engine's top ``depth``, shuffled (seeded by topic id)."""
    out: dict[str, list[str]] = {}
    for topic in sorted({t for r in rankings for t in r["topical"]}):
        docs = sorted({d for r in rankings for d in r["topical"].get(topic, [])[:depth]})
        random.Random(f"{SEED}/{topic}").shuffle(docs)
        out[topic] = docs
    return out


def all_topics() -> dict[str, dict]:
    """Every topic by id, the held-out ones too."""
    held = read_rows(HELD_OUT_TOPICS) if HELD_OUT_TOPICS.exists() else []
    return {t["id"]: t for t in read_rows(TOPICAL) + held}


def all_qrels() -> dict[str, dict[str, int]]:
    """Every judgment, the held-out topics' too (their ids are their own)."""
    return {**read_qrels(), **read_qrels(HELD_OUT_QRELS)}


def write_pools(
    rankings: list[dict], out: Path, corpus: Path, everything: bool, only: set[str] | None = None
) -> None:
    """Write the blind judging files, one per topic (of ``only``, if given); print their sizes."""
    if ROOT in out.resolve().parents or out.resolve() == ROOT:
        sys.exit("--out must be outside the repository: the pool files hold corpus text")
    qrels = all_qrels()
    wanted = {t: d for t, d in pools(rankings).items() if only is None or t in only}
    needed = {d for docs in wanted.values() for d in docs}
    texts = {}
    for record in iter_raw(corpus):
        if str(record["id"]) in needed:
            body = record.get("body") or ""
            texts[str(record["id"])] = {
                "title": record.get("title") or "",
                "body": body[:BODY_CHARS] + (" …" if len(body) > BODY_CHARS else ""),
            }
    out.mkdir(parents=True, exist_ok=True)
    topics = all_topics()
    total = 0
    for topic, docs in wanted.items():
        judged = qrels.get(topic, {})
        todo = [d for d in docs if everything or d not in judged]
        with (out / f"{topic}.jsonl").open("w", encoding="utf-8") as fh:
            for doc in todo:
                fh.write(json.dumps({"id": doc, **texts[doc]}, ensure_ascii=False) + "\n")
        total += len(todo)
        print(f"{topic} {topics[topic]['query']}: {len(docs)} pooled, {len(todo)} to judge")
    print(f"{total} documents to judge in {out}")


def main(argv: list[str] | None = None) -> int:
    """``pool`` or ``missing``."""
    parser = arguments(__doc__, corpus=True)
    parser.add_argument("command", choices=("pool", "missing"))
    parser.add_argument("rankings", type=Path, nargs="+")
    parser.add_argument("--out", type=Path, default=Path("/tmp/eval-pools"))
    parser.add_argument("--all", action="store_true", help="pool judged documents too")
    parser.add_argument("--held-out", action="store_true", help="the held-out topics only")
    args = parser.parse_args(argv)
    rankings = [json.loads(p.read_text(encoding="utf-8")) for p in args.rankings]
    if args.command == "pool":
        only = {t["id"] for t in read_rows(HELD_OUT_TOPICS)} if args.held_out else None
        write_pools(rankings, args.out, require_corpus(args.corpus), args.all, only)
        return 0
    qrels = all_qrels()
    missing = 0
    for r in rankings:
        for topic, docs in r["topical"].items():
            for doc in docs[:K]:
                if doc not in qrels.get(topic, {}):
                    print(f"{r['engine']} {topic} {doc}")
                    missing += 1
    print(f"{missing} unjudged document(s) in a top {K}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
