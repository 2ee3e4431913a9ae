"""Check the query sets against the bench corpus, by plain substring matching (no index).

Known items (``queries/known_items.jsonl``): the target exists; every positive word of the query
occurs in the target (after folding width, case and traditional → simplified characters, as the
index does); no run of more than 4 characters is shared with the target's title unless the query
is tagged ``headline_copy`` (at most a fifth of the drawn queries are); the kinds read off the
query's looks are the ones ``bench/query_sets.py`` derives (traditional characters, a
one-character word, full-width characters, a quoted phrase, a year, three or more words, a word
jieba's dictionary lacks); every query has a split; and how many articles contain all its words
(a query matching thousands of articles is no known-item query). Topics have an id, an area and
a split, and every judgment of ``topical_qrels.jsonl`` names a topic and an article of the corpus
with a grade 0–3. Latency queries (``queries/latency.txt``): how many articles
contain all the positive words of each line (lines that match nothing are listed).

    python -m bench.check_queries
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from bench.harness import QUERIES_DIR, arguments, iter_raw, require_corpus
from bench.query_sets import (
    ALL_KINDS,
    DERIVED,
    HELD_OUT,
    HELD_OUT_ITEMS,
    LOOKS,
    SPLITS,
    derived_kinds,
    expected_kind,
    read_rows,
    terms,
)

KNOWN_ITEMS = QUERIES_DIR / "known_items.jsonl"
LATENCY = QUERIES_DIR / "latency.txt"
TOPICAL = QUERIES_DIR / "topical.jsonl"
KINDS = ALL_KINDS
MIN_PER_KIND = {"traditional": 15, "single_char": 15, "fullwidth": 5, "phrase": 10}
MAX_TITLE_RUN = 4
TOO_MANY = 1000  # a known-item query whose words all occur in more articles than this fails


def longest_common_run(a: str, b: str) -> str:
    """The longest substring shared by ``a`` and ``b``."""
    best = ""
    for i in range(len(a)):
        for j in range(i + len(best) + 1, len(a) + 1):
            if a[i:j] in b:
                best = a[i:j]
            else:
                break
    return best


def load_corpus(path: Path) -> tuple[dict[str, tuple[str, str]], list[str]]:
    """Every article's (title, body) by id, and the folded title + body of each, in order."""
    from xinwen.index.analysis import fold

    articles: dict[str, tuple[str, str]] = {}
    folded: list[str] = []
    for record in iter_raw(path):
        title, body = record.get("title") or "", record.get("body") or ""
        articles[str(record["id"])] = (title, body)
        folded.append(fold(title + "\n" + body))
    return articles, folded


def count_containing(folded_docs: list[str], needles: list[str]) -> int:
    """How many folded documents contain every needle."""
    if not needles:
        return len(folded_docs)
    first, rest = needles[0], needles[1:]
    return sum(1 for doc in folded_docs if first in doc and all(n in doc for n in rest))


def check_known_items(
    path: Path,
    articles: dict[str, tuple[str, str]],
    folded_docs: list[str],
    splits: tuple[str, ...] = SPLITS,
) -> tuple[list[str], Counter[str]]:
    """Problems found in a known-item file, and its count of queries per kind."""
    from xinwen.index.analysis import fold

    problems: list[str] = []
    kinds: Counter[str] = Counter()
    seen: set[tuple[str, str]] = set()
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    print(f"{path.name}: {len(rows)} queries")
    for n, row in enumerate(rows, 1):
        query, target, kind = row["query"], row["id"], row["kind"]
        where = f"line {n} ({query!r})"
        row_kinds = set(row.get("kinds") or [kind])
        for k in row_kinds:
            kinds[k] += 1
        if kind not in KINDS or not row_kinds <= set(KINDS):
            problems.append(f"{where}: unknown kind in {kind!r}, {sorted(row_kinds)}")
        if row.get("split") not in splits:
            problems.append(f"{where}: split {row.get('split')!r} is not one of {splits}")
        looks = derived_kinds(query) | ({kind} & set(LOOKS))
        if row_kinds & set(DERIVED) != looks:
            problems.append(f"{where}: kinds {sorted(row_kinds)} but it looks {sorted(looks)}")
        if (query, target) in seen:
            problems.append(f"{where}: duplicate")
        seen.add((query, target))
        if target not in articles:
            problems.append(f"{where}: target {target} is not in the corpus")
            continue
        title, body = articles[target]
        doc = fold(title + "\n" + body)
        ftitle = fold(title)
        words, phrases, _excluded = terms(query)
        needles = [fold(w) for w in words + phrases]
        for needle in needles:
            if needle not in doc:
                problems.append(f"{where}: {needle!r} does not occur in the target")
            run = longest_common_run(needle, ftitle)
            if len(run) > MAX_TITLE_RUN and "headline_copy" not in row_kinds:
                problems.append(f"{where}: shares {run!r} with the title")
        if kind in LOOKS and kind not in expected_kind(query, fold(query), words, phrases):
            problems.append(f"{where}: does not look like kind {kind!r}")
        matching = count_containing(folded_docs, needles)
        if matching > TOO_MANY:
            problems.append(f"{where}: {matching} articles contain all its words")
        row["matching"] = matching
    drawn = [r for r in rows if r.get("source") == "drawn"]
    copies = sum(1 for r in drawn if "headline_copy" in r.get("kinds", []))
    if copies * 5 > len(drawn):
        problems.append(f"{copies} of {len(drawn)} drawn queries copy headlines (max a fifth)")
    # (the minimums are the halves' together: a held-out set is a sample, its kinds as drawn)
    for kind, minimum in MIN_PER_KIND.items() if splits == SPLITS else ():
        if kinds[kind] < minimum:
            problems.append(f"only {kinds[kind]} queries of kind {kind!r} (want ≥ {minimum})")
    matching = sorted(r.get("matching", 0) for r in rows)
    if matching:
        print(
            f"  articles containing all words: median {matching[len(matching) // 2]},"
            f" max {matching[-1]}, exactly one (the target) {matching.count(1)}"
        )
    return problems, kinds


def check_latency(path: Path, folded_docs: list[str]) -> tuple[list[str], Counter[str]]:
    """Lines of ``latency.txt`` whose words match no article, and the count of lines per class."""
    from bench.latency import read_queries
    from xinwen.index.analysis import fold

    problems: list[str] = []
    classes: Counter[str] = Counter()
    queries = read_queries(path)
    print(f"{path.name}: {len(queries)} queries")
    for q in queries:
        classes[q.cls] += 1
        words, phrases, _excluded = terms(q.text)
        if not words and not phrases:
            continue
        if any(w.upper() == "OR" for w in q.text.split()):
            continue  # either side may match; not checked here
        needles = [fold(w) for w in words + phrases]
        if count_containing(folded_docs, needles) == 0:
            problems.append(f"{path.name} line {q.line} ({q.text!r}): no article contains it")
    return problems, classes


def main(argv: list[str] | None = None) -> int:
    """Run the checks; exit 1 when a problem was found."""
    parser = arguments(__doc__, corpus=True)
    args = parser.parse_args(argv)
    corpus = require_corpus(args.corpus)
    print(f"reading and folding {corpus} …", flush=True)
    articles, folded_docs = load_corpus(corpus)
    problems, kinds = check_known_items(KNOWN_ITEMS, articles, folded_docs)
    print("  per kind: " + ", ".join(f"{k} {kinds[k]}" for k in KINDS))
    if HELD_OUT_ITEMS.exists():
        held, held_kinds = check_known_items(HELD_OUT_ITEMS, articles, folded_docs, (HELD_OUT,))
        print("  per kind: " + ", ".join(f"{k} {held_kinds[k]}" for k in KINDS))
        tuned = {row["id"] for row in read_rows(KNOWN_ITEMS)}
        both = [row["id"] for row in read_rows(HELD_OUT_ITEMS) if row["id"] in tuned]
        problems += held + [f"{HELD_OUT_ITEMS.name}: {i} is a target of the halves" for i in both]
    latency_problems, classes = check_latency(LATENCY, folded_docs)
    problems += latency_problems
    print("  per class: " + ", ".join(f"{k} {v}" for k, v in sorted(classes.items())))
    from xinwen.index.analysis import fold

    topical = [json.loads(x) for x in TOPICAL.read_text(encoding="utf-8").splitlines() if x]
    print(f"{TOPICAL.name}: {len(topical)} queries")
    topic_ids = {row.get("id") for row in topical}
    for row in topical:
        if not row.get("id") or row.get("area") not in ("energy", "general"):
            problems.append(f"topic {row['query']!r}: needs an id and an area (energy/general)")
        if row.get("split") not in SPLITS:
            problems.append(f"topic {row['query']!r}: split {row.get('split')!r}")
        words, phrases, _ = terms(row["query"])
        n = count_containing(folded_docs, [fold(w) for w in words + phrases])
        print(f"  {row['query']}: {n} articles contain all its words")
    qrels = QUERIES_DIR / "topical_qrels.jsonl"
    if qrels.exists():
        seen_pairs: set[tuple[str, str]] = set()
        judgments = [json.loads(x) for x in qrels.read_text(encoding="utf-8").splitlines() if x]
        for n, row in enumerate(judgments, 1):
            pair = (row["topic"], row["doc"])
            if row["topic"] not in topic_ids or row["doc"] not in articles:
                problems.append(f"{qrels.name} line {n}: unknown topic or article {pair}")
            if row["grade"] not in (0, 1, 2, 3) or pair in seen_pairs:
                problems.append(f"{qrels.name} line {n}: bad grade or judged twice {pair}")
            seen_pairs.add(pair)
        print(f"{qrels.name}: {len(seen_pairs)} judgments")
    for problem in problems:
        print("PROBLEM", problem)
    print(f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
