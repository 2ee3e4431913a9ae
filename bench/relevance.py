"""Known-item relevance: MRR@10 and success@10 of xinwen and of the usual baseline.

Each query of ``queries/known_items.jsonl`` is what a person who remembers one article would
type; its target is that article. Over indexes of the bench corpus built once and cached in
``--workdir`` (default ``bench/.work``), both engines answer every query with their top 10:
xinwen through ``search.Searcher`` (a target collapsed as a near-duplicate under a hit counts at
that hit's rank), the baseline through ``bench.baseline``. Scores overall and per ``kind``;
writes ``bench/results/relevance.md``.

    python bench/relevance.py                    # whole corpus (the indexes take minutes, once)
    python bench/relevance.py --limit 5000       # first 5,000 records + every target
    python bench/relevance.py --engines baseline # one engine only
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import (
    BENCH_CORPUS,
    DEFAULT_WORKDIR,
    QUERIES_DIR,
    RESULTS_DIR,
    git_commit,
    iter_raw,
    machine,
    markdown_table,
    now,
    publish,
    require_corpus,
)

KNOWN_ITEMS = QUERIES_DIR / "known_items.jsonl"
RESULTS = RESULTS_DIR / "relevance.md"
K = 10
ENGINES = ("xinwen", "baseline")
KIND_ORDER = ("plain", "traditional", "single_char", "fullwidth", "phrase")


@dataclass(frozen=True)
class KnownItem:
    """A query and the id of the one article it should find."""

    query: str
    id: str
    kind: str


def read_known_items(path: Path = KNOWN_ITEMS) -> list[KnownItem]:
    """The known-item queries, in file order."""
    items = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            items.append(KnownItem(row["query"], str(row["id"]), row.get("kind", "plain")))
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
    from search import QueryError, Searcher, SearchRequest

    searcher = Searcher(root)

    def search(query: str) -> list[list[str]]:
        try:
            result = searcher.search(SearchRequest(q=query, page_size=K))
        except QueryError:
            return []
        return [[hit.id, *hit.similar_ids] for hit in result.hits]

    return search


def baseline_engine(folder: Path) -> Callable[[str], list[list[str]]]:
    """The baseline's top 10 for a query, in the same shape as ``xinwen_engine``."""
    from bench.baseline import baseline_search

    search_ids = baseline_search(folder)
    return lambda query: [[id_] for id_ in search_ids(query)]


def rank_of(target: str, hits: list[list[str]]) -> int | None:
    """The 1-based rank of the hit that is (or collapses) ``target``, within the top K."""
    for rank, ids in enumerate(hits[:K], 1):
        if target in ids:
            return rank
    return None


def score(items: list[KnownItem], ranks: list[int | None]) -> dict[str, dict[str, float]]:
    """MRR@K, success@K and queries with no results, overall and per kind."""
    groups: dict[str, list[int | None]] = defaultdict(list)
    for item, rank in zip(items, ranks, strict=True):
        groups[item.kind].append(rank)
        groups["all"].append(rank)
    out = {}
    for kind, values in groups.items():
        out[kind] = {
            "n": len(values),
            "mrr": sum(1 / r for r in values if r) / len(values),
            "success": sum(1 for r in values if r) / len(values),
        }
    return out


def run(args: argparse.Namespace) -> dict:
    """Build or reuse the indexes, query both engines, return ranks and scores."""
    from bench.indexes import baseline_index, xinwen_index
    from index.analysis import configure_jieba

    corpus = require_corpus(args.corpus)
    items = read_known_items(args.queries)
    print(f"{len(items)} known-item queries; checking their targets exist …", flush=True)
    require_targets(items, corpus)
    args.workdir.mkdir(parents=True, exist_ok=True)
    # jieba's cache in our work folder, never in /tmp. The baseline is built and queried first,
    # before xinwen adds its own dictionary words to the process-wide jieba.
    configure_jieba(args.workdir / "jieba")
    targets = [item.id for item in items]
    engines: dict[str, Callable[[str], list[list[str]]]] = {}
    results: dict[str, dict] = {}
    for name in args.engines:
        if name == "baseline":
            folder = baseline_index(args.workdir, corpus, args.limit, targets, args.rebuild)
            engines[name] = baseline_engine(folder)
        else:
            root = xinwen_index(args.workdir, corpus, args.limit, targets, args.rebuild)
            engines[name] = xinwen_engine(root)
        hits = [engines[name](item.query) for item in items]
        ranks = [rank_of(item.id, h) for item, h in zip(items, hits, strict=True)]
        empty = sum(1 for h in hits if not h)
        results[name] = {"ranks": ranks, "scores": score(items, ranks), "empty": empty}
        print(f"  {name}: done", flush=True)
    return {"items": items, "results": results}


def report(args: argparse.Namespace, data: dict) -> str:
    """The Markdown report (also printed)."""
    items: list[KnownItem] = data["items"]
    results = data["results"]
    names = [n for n in ENGINES if n in results]
    kinds = [k for k in KIND_ORDER if any(i.kind == k for i in items)]
    kinds += [*sorted({i.kind for i in items} - set(kinds)), "all"]
    headers = ["kind", "queries"]
    headers += [f"MRR@{K} {n}" for n in names] + [f"success@{K} {n}" for n in names]
    rows = []
    for kind in kinds:
        first = results[names[0]]["scores"][kind]
        row = [f"**{kind}**" if kind == "all" else kind, str(first["n"])]
        row += [f"{results[n]['scores'][kind]['mrr']:.3f}" for n in names]
        row += [f"{results[n]['scores'][kind]['success']:.0%}" for n in names]
        rows.append(row)
    scope = (
        "the whole bench corpus"
        if args.limit is None
        else f"the first {args.limit:,} records plus every target"
        " (a quick run: far easier than the whole corpus)"
    )
    lines = [
        "# Known-item relevance",
        "",
        f"Written by `python bench/relevance.py` on {now()} · {machine()} · commit {git_commit()}.",
        f"{len(items)} queries of `bench/queries/known_items.jsonl` over indexes of {scope}."
        f" MRR@{K}: mean of 1/rank of the target within the top {K} (0 when absent);"
        f" success@{K}: share of queries whose target is in the top {K}. xinwen counts a target"
        " collapsed under a near-duplicate hit at that hit's rank. Baseline: jieba's"
        " ChineseAnalyzer + Whoosh `MultifieldParser(['title', 'body'])`, AND of all words.",
        "",
        markdown_table(headers, rows),
        "",
        "Queries answered with no results at all: "
        + ", ".join(f"{n} {results[n]['empty']}" for n in names)
        + ".",
        "",
    ]
    if len(names) == 2:
        a, b = names
        ra, rb = results[a]["ranks"], results[b]["ranks"]
        only_a = [i for i, x, y in zip(items, ra, rb, strict=True) if x and not y]
        only_b = [i for i, x, y in zip(items, ra, rb, strict=True) if y and not x]
        lines += [
            f"Found only by {a}: {len(only_a)}; only by {b}: {len(only_b)}.",
            "",
        ]
    for name in names:
        pairs = list(zip(items, results[name]["ranks"], strict=True))
        lower = [(i, r) for i, r in pairs if r and r > 1]
        if lower:
            lines += [f"Found by {name} below rank 1 ({len(lower)}):", ""]
            lines += [f"- `{i.query}` ({i.kind}) → `{i.id}` at rank {r}" for i, r in lower]
            lines.append("")
        misses = [i for i, r in pairs if not r]
        if misses:
            lines += [f"Missed by {name} ({len(misses)}):", ""]
            lines += [f"- `{m.query}` ({m.kind}) → `{m.id}`" for m in misses]
            lines.append("")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Parse options, score the engines, print and write the report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workdir", type=Path, default=DEFAULT_WORKDIR)
    parser.add_argument("--limit", type=int, help="index the first N records (+ every target)")
    parser.add_argument("--rebuild", action="store_true", help="rebuild the cached indexes")
    parser.add_argument("--engines", nargs="+", choices=ENGINES, default=list(ENGINES[::-1]))
    parser.add_argument("--queries", type=Path, default=KNOWN_ITEMS)
    parser.add_argument("--corpus", type=Path, default=BENCH_CORPUS)
    parser.add_argument("--no-write", action="store_true", help="print only")
    args = parser.parse_args(argv)
    # The baseline goes first (see run); keep the order the user gave otherwise.
    args.engines = sorted(dict.fromkeys(args.engines), key=lambda n: n != "baseline")
    text = report(args, run(args))
    publish(text, RESULTS, write=not args.no_write)
    return 0


if __name__ == "__main__":
    sys.exit(main())
