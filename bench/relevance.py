"""Relevance of xinwen and its peers: known items (MRR@10) and topics (nDCG@10), tune and test.

Two query sets, each split once into a tune and a test half (``bench/query_sets.py``):

- **known items** (``queries/known_items.jsonl``): what a person who remembers one article
  types; its target is that article. MRR@10 (mean of 1/rank, 0 outside the top 10),
  success@1 and success@10, overall, by split, by source (the original 240, on which earlier
  weights were swept, and the queries written from random draws) and by every kind a query has;
- **topics** (``queries/topical.jsonl`` + ``queries/topical_qrels.jsonl``): "everything about
  X", judged 0–3 blind from pooled top 20s (``bench/topical.py``, ``queries/README``). nDCG@10
  and judged@10 by split and area (energy / general), over the topics whose pool is judged
  completely.

Engines: xinwen (``search.Searcher``; a target collapsed as a near-duplicate under a hit counts
at that hit's rank), tantivy + jieba and SQLite FTS5 + jieba (``bench/peer_*.py``, wired as in
``compare_engines.py``), optionally the Whoosh + ChineseAnalyzer ``baseline``. Each engine runs
in a process of its own (``bench/rankings.py``) over the cached full-corpus indexes of
``--workdir`` (build them with ``compare.py`` or ``compare_engines.py build``); its rankings
are saved there (``rankings-<engine>.json``), and ``--saved`` scores the saved ones again.

    python -m bench.relevance                          # xinwen, tantivy, fts5
    python -m bench.relevance --engines xinwen --saved # rescore without querying
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from bench.harness import (
    NOISE_NOTE,
    RESULTS_DIR,
    arguments,
    header,
    iter_raw,
    markdown_table,
    module_command,
    module_env,
    publish,
    require_corpus,
)
from bench.query_sets import (
    ALL_KINDS,
    HELD_OUT_ITEMS,
    HELD_OUT_QRELS,
    HELD_OUT_TOPICS,
    KNOWN_ITEMS,
    SPLITS,
    TOPICAL,
    read_rows,
)

RESULTS = RESULTS_DIR / "relevance.md"
K = 10
ENGINES = ("xinwen", "tantivy", "fts5", "baseline")
DEFAULT_ENGINES = ("xinwen", "tantivy", "fts5")
LABELS = {"xinwen": "xinwen", "tantivy": "tantivy", "fts5": "FTS5", "baseline": "baseline"}


@dataclass(frozen=True)
class KnownItem:
    """A query and the id of the one article it should find."""

    query: str
    id: str
    kind: str
    kinds: tuple[str, ...] = ()
    split: str = ""
    source: str = ""


def read_known_items(path: Path = KNOWN_ITEMS) -> list[KnownItem]:
    """The known-item queries, in file order."""
    items = []
    for row in read_rows(path):
        kind = row.get("kind", "plain")
        kinds = tuple(row.get("kinds") or [kind])
        split, source = row.get("split", ""), row.get("source", "")
        items.append(KnownItem(row["query"], str(row["id"]), kind, kinds, split, source))
    return items


def require_targets(items: list[KnownItem], corpus: Path) -> None:
    """Exit with the list of queries whose target is not an article of the corpus."""
    ids = {str(r["id"]) for r in iter_raw(corpus)}
    missing = [item for item in items if item.id not in ids]
    if missing:
        lines = "\n".join(f"  {m.query!r} → {m.id}" for m in missing)
        sys.exit(f"{len(missing)} known-item target(s) are not in {corpus}:\n{lines}")


def xinwen_engine(root: Path) -> Callable[[str], list[list[str]]]:
    """xinwen's top 10 for a query: for each hit, its id and the ids collapsed under it."""
    from xinwen.search import QueryError, Searcher, SearchRequest

    searcher = Searcher(root)

    def search(query: str) -> list[list[str]]:
        try:
            result = searcher.search(SearchRequest(q=query, page_size=K))
        except QueryError:
            return []
        return [[hit.id, *hit.similar_ids] for hit in result.hits]

    return search


def rank_of(target: str, hits: list[list[str]]) -> int | None:
    """The 1-based rank of the hit that is (or collapses) ``target``, within the top K."""
    for rank, ids in enumerate(hits[:K], 1):
        if target in ids:
            return rank
    return None


def _figures(values: list[int | None]) -> dict[str, float]:
    n = len(values)
    return {
        "n": n,
        "mrr": sum(1 / r for r in values if r) / n if n else 0.0,
        "success1": sum(1 for r in values if r == 1) / n if n else 0.0,
        "success": sum(1 for r in values if r) / n if n else 0.0,
    }


def score(items: list[KnownItem], ranks: list[int | None]) -> dict[str, dict[str, float]]:
    """MRR@K, success@1 and success@K overall ("all") and per kind (each kind a query has)."""
    groups: dict[str, list[int | None]] = defaultdict(list)
    for item, rank in zip(items, ranks, strict=True):
        for kind in item.kinds or (item.kind,):
            groups[kind].append(rank)
        groups["all"].append(rank)
    return {kind: _figures(values) for kind, values in groups.items()}


# -- running the engines -------------------------------------------------------------------


def rankings_path(workdir: Path, engine: str) -> Path:
    """Where ``engine``'s saved rankings live."""
    return workdir / f"rankings-{engine}.json"


def load_rankings(args: argparse.Namespace) -> dict[str, dict]:
    """Every engine's rankings: run ``rankings.py`` per engine, or read the saved ones."""
    out = {}
    for engine in args.engines:
        path = rankings_path(args.workdir, engine)
        if not args.saved:
            options = ["--workdir", str(args.workdir), "--corpus", str(args.corpus)]
            command = module_command("rankings", engine, str(path), *options)
            subprocess.run(command, env=module_env(), check=True)
        if not path.exists():
            sys.exit(f"no saved rankings for {engine} in {path}: run without --saved")
        out[engine] = json.loads(path.read_text(encoding="utf-8"))
    return out


# -- report --------------------------------------------------------------------------------


def _known_rows(
    groups: Iterable[tuple[str, list[int]]],
    items: list[KnownItem],
    ranks: dict[str, list[int | None]],
) -> list[list[str]]:
    rows = []
    for label, idx in groups:
        if not idx:
            continue
        figs = {e: _figures([r[i] for i in idx]) for e, r in ranks.items()}
        row = [label, str(len(idx))]
        row += [f"{figs[e]['mrr']:.3f}" for e in ranks]
        row += [f"{figs[e]['success1']:.0%}" for e in ranks]
        row += [f"{figs[e]['success']:.0%}" for e in ranks]
        rows.append(row)
    return rows


def _known_headers(first: str, engines: list[str]) -> list[str]:
    names = [LABELS[e] for e in engines]
    return (
        [first, "queries"]
        + [f"MRR@{K} {n}" for n in names]
        + [f"s@1 {n}" for n in names]
        + [f"s@{K} {n}" for n in names]
    )


def known_section(items: list[KnownItem], rankings: dict[str, dict]) -> list[str]:
    """The known-item tables: by split, split × source, and kind within each split."""
    engines = list(rankings)
    ranks = {
        e: [rank_of(i.id, h) for i, h in zip(items, r["known"], strict=True)]
        for e, r in rankings.items()
    }
    idx = range(len(items))
    by_split = [(s, [i for i in idx if items[i].split == s]) for s in SPLITS]
    by_split.append(("**all**", list(idx)))
    by_source = [
        (f"{s} · {src}", [i for i in idx if items[i].split == s and items[i].source == src])
        for s in SPLITS
        for src in ("original", "drawn")
    ]
    lines = [
        "## Known items",
        "",
        f"{len(items)} queries of `bench/queries/known_items.jsonl`: the original 240 (the"
        " earlier weights were swept on them) and the ones written from randomly drawn"
        " articles. MRR@10: mean of 1/rank of the target within the top 10 (0 when absent);"
        " s@1, s@10: share of queries whose target is first, in the top 10.",
        "",
        markdown_table(_known_headers("split", engines), _known_rows(by_split, items, ranks)),
        "",
        "By split and source (`drawn`: written from random draws, never tuned on):",
        "",
        markdown_table(
            _known_headers("split · source", engines), _known_rows(by_source, items, ranks)
        ),
        "",
    ]
    for split in SPLITS:
        kinds = [
            (k, [i for i in idx if items[i].split == split and k in items[i].kinds])
            for k in ALL_KINDS
        ]
        lines += [
            f"By kind, **{split}** half (a query counts under every kind it has):",
            "",
            markdown_table(_known_headers("kind", engines), _known_rows(kinds, items, ranks)),
            "",
        ]
    empty = ", ".join(
        f"{LABELS[e]} {sum(1 for h in r['known'] if not h)}" for e, r in rankings.items()
    )
    lines += [f"Queries answered with no results at all: {empty}.", ""]
    if "xinwen" in ranks:
        for split in SPLITS:
            miss = [
                (items[i], ranks["xinwen"][i])
                for i in idx
                if items[i].split == split and ranks["xinwen"][i] != 1
            ]
            lines += [f"xinwen, {split}: targets not ranked first ({len(miss)}):", ""]
            lines += [
                f"- `{m.query}` ({', '.join(m.kinds)}) → `{m.id}`: "
                + ("not in the top 10" if r is None else f"rank {r}")
                for m, r in miss
            ]
            lines.append("")
    return lines


def held_out_section(items: list[KnownItem], rankings: dict[str, dict]) -> list[str]:
    """The held-out known items: overall and by kind, counts only (no list of misses: a query
    read while changing the ranking would no longer be held out)."""
    engines = [e for e, r in rankings.items() if len(r.get("held_out", [])) == len(items)]
    if not items or not engines:
        return []
    ranks = {
        e: [rank_of(i.id, h) for i, h in zip(items, rankings[e]["held_out"], strict=True)]
        for e in engines
    }
    idx = list(range(len(items)))
    kinds = [(k, [i for i in idx if k in items[i].kinds]) for k in ALL_KINDS]
    return [
        "## Known items held out",
        "",
        f"{len(items)} queries of `bench/queries/{HELD_OUT_ITEMS.name}`, written blind from"
        " random draws after the last ranking choice and never used for one: a check on the test"
        " half. Their misses are not listed, so that they stay held out.",
        "",
        markdown_table(
            _known_headers("set", engines), _known_rows([("held out", idx)], items, ranks)
        ),
        "",
        "By kind (a query counts under every kind it has):",
        "",
        markdown_table(_known_headers("kind", engines), _known_rows(kinds, items, ranks)),
        "",
    ]


def topical_section(rankings: dict[str, dict]) -> list[str]:
    """The topical tables: nDCG@10 and judged@10 by split × area, and per topic."""
    from bench.topical import POOL_DEPTH, complete_topics, judged_at, ndcg, read_qrels

    topics = read_rows(TOPICAL)
    qrels = read_qrels()
    pool_engines = [r for e, r in rankings.items() if e in DEFAULT_ENGINES]
    # A topic is scored once its pool has been judged; a later ranking change that brings
    # unjudged documents into a top 10 shows as judged@10 below 100% (judge them, see topical.py).
    usable = {t["id"] for t in topics if qrels.get(t["id"])}
    complete = set(complete_topics(topics, qrels, pool_engines, POOL_DEPTH))
    engines = list(rankings)
    names = [LABELS[e] for e in engines]
    scored = {
        t["id"]: {
            e: (
                ndcg(r["topical"].get(t["id"], []), qrels.get(t["id"], {})),
                judged_at(r["topical"].get(t["id"], []), qrels.get(t["id"], {})),
            )
            for e, r in rankings.items()
        }
        for t in topics
        if t["id"] in usable
    }
    peers = [e for e in engines if e != "xinwen"]
    headers = ["split · area", "topics"] + [f"nDCG@{K} {n}" for n in names]
    if len(peers) > 1:
        headers.append(f"nDCG@{K} best peer per topic")
    headers += [f"judged@{K} {n}" for n in names]
    rows = []
    for split in (*SPLITS, None):
        for area in ("energy", "general", None):
            ids = [
                t["id"]
                for t in topics
                if t["id"] in usable
                and (split is None or t["split"] == split)
                and (area is None or t["area"] == area)
            ]
            if not ids:
                continue
            label = f"{split or 'all'} · {area or 'all'}"
            if area is None:
                label = f"**{label}**"
            row = [label, str(len(ids))]
            row += [f"{sum(scored[i][e][0] for i in ids) / len(ids):.3f}" for e in engines]
            if len(peers) > 1:
                best = sum(max(scored[i][e][0] for e in peers) for i in ids) / len(ids)
                row.append(f"{best:.3f}")
            row += [f"{sum(scored[i][e][1] for i in ids) / len(ids):.0%}" for e in engines]
            rows.append(row)
    judged_docs = sum(len(qrels.get(t, {})) for t in usable)
    lines = [
        "## Topics",
        "",
        f"{len(usable)} of {len(topics)} topics of `bench/queries/topical.jsonl` are judged"
        f" ({judged_docs} judgments in `bench/queries/topical_qrels.jsonl`; for {len(complete)}"
        f" of them every document in these rankings' top {POOL_DEPTH} is judged;"
        " the pool of a topic is the union of the top 20 of xinwen, tantivy and FTS5, judged"
        " 0–3 blind as `bench/queries/README` says). nDCG@10: the grade"
        " as gain, log2 discount, against the ideal order of all judged documents of the"
        " topic; unjudged documents count 0, judged@10 says how many there were. *Best peer per"
        " topic*: the mean over topics of the better peer's nDCG@10 on each topic (an oracle no"
        " single engine reaches; the bar for a ranking that does not lose topics).",
        "",
        markdown_table(headers, rows),
        "",
    ]
    if len(usable) < len(topics):
        left = [t["id"] for t in topics if t["id"] not in usable]
        lines += [f"Topics not scored (no judgments yet): {', '.join(left)}.", ""]
    per_topic = []
    for t in topics:
        if t["id"] not in usable:
            continue
        grades = qrels[t["id"]].values()
        per_topic.append(
            [t["id"], t["query"], t["area"], t["split"], str(sum(1 for g in grades if g >= 2))]
            + [f"{scored[t['id']][e][0]:.3f}" for e in engines]
        )
    lines += [
        "Per topic (`≥2`: judged documents graded 2 or 3):",
        "",
        markdown_table(
            ["topic", "query", "area", "split", "≥2"] + [f"nDCG@{K} {n}" for n in names],
            per_topic,
        ),
        "",
    ]
    return lines


def held_out_topics_section(rankings: dict[str, dict]) -> list[str]:
    """The held-out topics: nDCG@10 and judged@10 by batch and area, no figure per topic (see
    the known items held out)."""
    from bench.topical import judged_at, ndcg, read_qrels

    if not HELD_OUT_TOPICS.exists():
        return []
    qrels = read_qrels(HELD_OUT_QRELS)
    topics = [t for t in read_rows(HELD_OUT_TOPICS) if qrels.get(t["id"])]
    engines = [e for e, r in rankings.items() if all(t["id"] in r["topical"] for t in topics)]
    if not topics or not engines:
        return []
    names = [LABELS[e] for e in engines]
    rows = []
    for batch in sorted({t.get("batch", 1) for t in topics}):
        for area in ("energy", "general", None):
            ids = [
                t["id"]
                for t in topics
                if t.get("batch", 1) == batch and (area is None or t["area"] == area)
            ]
            if not ids:
                continue
            label = f"**{area or 'all'}**" if area is None else area
            row = [str(batch), label, str(len(ids))]
            for measure in (ndcg, judged_at):
                values = [
                    sum(measure(rankings[e]["topical"][i], qrels[i]) for i in ids) / len(ids)
                    for e in engines
                ]
                row += [f"{v:.3f}" if measure is ndcg else f"{v:.0%}" for v in values]
            rows.append(row)
    return [
        "## Topics held out",
        "",
        f"{len(topics)} topics of `bench/queries/{HELD_OUT_TOPICS.name}`, written blind in two"
        " batches, each after the ranking choices before it, pooled and judged as the others"
        f" (`bench/queries/{HELD_OUT_QRELS.name}`); no figure per topic, so that they stay"
        " held out. Batch 1 (h01–h24) counts as seen since a threshold was read off it"
        " (`bench/results/ranking.md`, round 9); batch 2 (g01–g30) was written after that.",
        "",
        markdown_table(
            ["batch", "area", "topics"]
            + [f"nDCG@{K} {n}" for n in names]
            + [f"judged@{K} {n}" for n in names],
            rows,
        ),
        "",
    ]


def report(
    args: argparse.Namespace,
    items: list[KnownItem],
    rankings: dict[str, dict],
    held_out: list[KnownItem] | None = None,
) -> str:
    """The Markdown report (also printed)."""
    lines = [
        "# Relevance: known items and topics, tune and test halves",
        "",
        header(__file__, note=False),
        "Whole bench corpus (73,876 articles). Engines: xinwen"
        " (`search.Searcher`, its default ranking), tantivy + jieba and SQLite FTS5 + jieba"
        " (`bench/peer_tantivy.py`, `bench/peer_fts5.py`: jieba-segmented title and body,"
        " BM25, every query word required, any word when that finds nothing), as wired in"
        " `bench/compare_engines.py`. The halves were fixed once (`bench/query_sets.py`);"
        " weights and methods are to be chosen on **tune** only, **test** is what to believe."
        f" The machine was shared with other jobs ({NOISE_NOTE}); no timing is reported here,"
        " and rankings do not depend on load.",
        "",
        *known_section(items, rankings),
        *held_out_section(held_out or [], rankings),
        *topical_section(rankings),
        *held_out_topics_section(rankings),
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Parse options, rank with every engine, print and write the report."""
    parser = arguments(__doc__, corpus=True, workdir=True, no_write=True)
    parser.add_argument("--engines", nargs="+", choices=ENGINES, default=list(DEFAULT_ENGINES))
    parser.add_argument("--saved", action="store_true", help="score the saved rankings")
    args = parser.parse_args(argv)
    args.engines = list(dict.fromkeys(args.engines))
    items = read_known_items()
    held_out = read_known_items(HELD_OUT_ITEMS) if HELD_OUT_ITEMS.exists() else []
    if not args.saved:
        require_targets(items + held_out, require_corpus(args.corpus))
    rankings = load_rankings(args)
    for engine, data in rankings.items():
        if len(data["known"]) != len(items):
            sys.exit(f"the saved rankings of {engine} are for another query file: rerun")
    publish(report(args, items, rankings, held_out), RESULTS, write=not args.no_write)
    return 0


if __name__ == "__main__":
    sys.exit(main())
