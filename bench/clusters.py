"""The cost of near-duplicate clustering (MinHash LSH, `index.clusters`) on the bench corpus.

A full reindex reads and cleans the records in its main process and assigns each its cluster
there, in input order, while worker processes analyse and write. This measures that
assignment alone: two processes read the corpus through ``index.sources.read_sources``, one
only reading, one also running ``Clusters.assign_all``; the difference in CPU time is what
clustering adds to a reindex (the machine's two cores are kept busy by the workers, so it adds
about half of it to the wall time of a two-worker build). Also prints the clusters found,
the exact similarity checks made and the peak memory of each process. Writes
``bench/results/clusters.md``.

    python -m bench.clusters [--limit N] [--index DIR]

With ``--index`` (an index of the same corpus), it also compares the clusters with the
definition they replace, pairwise on the ranked results: the best ``--depth`` results of a few
queries collapsed greedily in rank order (each joins the first kept hit whose 4-gram set it
resembles by ``THRESHOLD`` or more, the query-time collapsing of earlier versions), against the
same results grouped by cluster.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

from bench.harness import (
    RESULTS_DIR,
    Stopwatch,
    arguments,
    header,
    markdown_table,
    module_command,
    module_env,
    peak_rss_mb,
    publish,
    require_corpus,
)

RESULTS = RESULTS_DIR / "clusters.md"


def phase(corpus: Path, cluster: bool, limit: int | None) -> dict:
    """Read the corpus (and assign clusters); CPU and wall seconds, counts, peak memory."""
    from itertools import islice

    from xinwen.index.analysis import fold
    from xinwen.index.clusters import Clusters
    from xinwen.index.records import Record
    from xinwen.index.sources import read_sources

    fold("预热")  # OpenCC's tables loaded before the clock starts, in both phases
    with Stopwatch() as clock:
        records = (r for r in read_sources([corpus]) if isinstance(r, Record))
        if limit:
            records = islice(records, limit)
        clusters = Clusters()
        out: dict = {"documents": 0}
        if cluster:
            sizes: dict[int, int] = {}
            for _record, c in clusters.assign_all(records):
                out["documents"] += 1
                sizes[c] = sizes.get(c, 0) + 1
            out["clusters"] = len(sizes)
            out["multi"] = sum(1 for n in sizes.values() if n > 1)
            out["in_multi"] = sum(n for n in sizes.values() if n > 1)
            out["largest"] = max(sizes.values(), default=0)
            out["checked"] = clusters.checked
        else:
            for _record in records:
                out["documents"] += 1
    out["cpu_s"], out["wall_s"] = clock.cpu, clock.wall
    out["peak_mb"], _ = peak_rss_mb()
    return out


AGREEMENT_QUERIES = ("中国", "经济", "发展", "特高压", "新冠 疫情", "两会", "习近平 主席")


def agreement(root: Path, depth: int) -> dict:
    """Pairs folded together by the greedy pairwise definition and by the clusters."""
    from xinwen.index.clusters import THRESHOLD, fold_all, jaccard, shingle_set, shingle_text
    from xinwen.search import Searcher
    from xinwen.search.querylang import parse

    searcher = Searcher(root)
    out = {"results": 0, "old_pairs": 0, "old_kept": 0, "new_pairs": 0, "new_near": 0}
    for q in AGREEMENT_QUERIES:
        snap = searcher._current()
        plan = snap.engine.plan(parse(q), snap.facets.categories, snap.facets.sources)
        final = snap.engine.matches(plan)
        ranked = searcher._by_relevance(snap, plan, final, False).top(depth)
        fields = [snap.searcher.stored_fields(d) for d in ranked]
        texts = fold_all([shingle_text(f.get("title", ""), f.get("body", "")) for f in fields])
        sets = [shingle_set(t) for t in texts]
        clusters = [snap.groups.cluster(d) for d in ranked]
        out["results"] += len(ranked)
        kept: list[int] = []  # greedy: each joins the first kept hit it resembles
        for i in range(len(ranked)):
            rep = next((k for k in kept if jaccard(sets[k], sets[i]) >= THRESHOLD), None)
            if rep is None:
                kept.append(i)
            else:
                out["old_pairs"] += 1
                out["old_kept"] += clusters[rep] == clusters[i]
        first: dict[int, int] = {}  # by cluster: its best-ranked member here
        for i, c in enumerate(clusters):
            if c in first:
                out["new_pairs"] += 1
                out["new_near"] += jaccard(sets[first[c]], sets[i]) >= THRESHOLD
            else:
                first[c] = i
    return out


def run_phase(corpus: Path, cluster: bool, limit: int | None) -> dict:
    args = ["--phase", "cluster" if cluster else "read", "--corpus", str(corpus)]
    args += ["--limit", str(limit)] if limit else []
    done = subprocess.run(
        module_command("clusters", *args),
        env=module_env(),
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def report(read: dict, both: dict, agree: dict | None, depth: int) -> str:
    extra_cpu = both["cpu_s"] - read["cpu_s"]
    n = both["documents"]
    table = markdown_table(
        ["process", "documents", "CPU s", "wall s", "peak MB"],
        [
            ["read and clean", f"{read['documents']:,}", f"{read['cpu_s']:.1f}",
             f"{read['wall_s']:.1f}", f"{read['peak_mb']:.0f}"],
            ["read, clean and cluster", f"{n:,}", f"{both['cpu_s']:.1f}",
             f"{both['wall_s']:.1f}", f"{both['peak_mb']:.0f}"],
        ],
    )  # fmt: skip
    return "\n".join(
        [
            "# Near-duplicate clustering cost",
            "",
            header(__file__),
            "",
            "The corpus read through `read_sources`, without and "
            "with `Clusters.assign_all` (fold, 4-gram keys, 64 MinHash values in numpy for 64 "
            "documents at a time, 21 bands of 3 rows, exact Jaccard checks of candidates).",
            "",
            table,
            "",
            f"Clustering adds **{extra_cpu:.1f} s of CPU** ({extra_cpu / max(n, 1) * 1e6:.0f} µs "
            f"a document) and {both['peak_mb'] - read['peak_mb']:.0f} MB of peak memory to the "
            f"reading process. {both['clusters']:,} clusters; {both['multi']:,} of them hold "
            f"more than one article ({both['in_multi']:,} articles, the largest "
            f"{both['largest']:,}); {both['checked']:,} exact similarity checks.",
            "",
            *(_agreement_text(agree, depth) if agree else []),
        ]
    )


def _agreement_text(a: dict, depth: int) -> list[str]:
    return [
        "## Against pairwise collapsing",
        "",
        f"The best {depth} results of {len(AGREEMENT_QUERIES)} queries "
        f"({', '.join(AGREEMENT_QUERIES)}; {a['results']:,} results): pairwise greedy "
        f"collapsing in rank order folds {a['old_pairs']:,} results into an earlier hit, and "
        f"the clusters put {a['old_kept']:,} of them ({a['old_kept'] / max(a['old_pairs'], 1):.1%})"
        f" in that hit's group. The clusters fold {a['new_pairs']:,} results into their "
        f"group's best-ranked result, {a['new_near']:,} of them "
        f"({a['new_near'] / max(a['new_pairs'], 1):.1%}) at similarity ≥ 0.6 to it (every "
        "member is ≥ 0.6 to its cluster's seed, which need not be the one shown).",
        "",
    ]


def main(argv: list[str] | None = None) -> int:
    parser = arguments(
        __doc__,
        corpus=True,
        index="an index of the corpus: compare (see above)",
        limit="the first N records only",
        no_write=True,
    )
    parser.add_argument("--depth", type=int, default=1000, help="results per query compared")
    parser.add_argument("--phase", choices=["read", "cluster"], help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    corpus = require_corpus(args.corpus)
    if args.phase:
        print(json.dumps(phase(corpus, args.phase == "cluster", args.limit)))
        return 0
    # The phases first: a process started later would inherit this one's peak memory (Linux
    # keeps ru_maxrss across exec) once it has opened the index.
    read = run_phase(corpus, False, args.limit)
    both = run_phase(corpus, True, args.limit)
    agree = agreement(args.index, args.depth) if args.index else None
    publish(report(read, both, agree, args.depth), RESULTS, write=not args.no_write)
    return 0


if __name__ == "__main__":
    sys.exit(main())
