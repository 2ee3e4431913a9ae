"""Draw articles at random (fixed seed) for writing known-item queries, so nobody picks them.

The draw is reproducible: the corpus's ids in file order, minus the targets of the original 240
known-item queries (the ones there before any draw: leaving out the drawn targets too would
reshuffle the sequence), shuffled with ``random.Random(SEED)``; the first N are the draws, in
that order (draws 1–200, then 201–230 and 231–336 for single-term queries,
``queries/known_item_draws.jsonl``). Each draw is written (id, date, category, title, body) to
a file *outside* the repository for the person writing the queries to read; the repository
keeps only the ids and what became of each draw (``queries/known_item_draws.jsonl``: used, or
skipped with the reason).

    python -m bench.draw_articles --n 200 --out /tmp/eval-draws.jsonl
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

from bench.harness import ROOT, arguments, iter_raw, require_corpus
from bench.query_sets import KNOWN_ITEMS, read_rows

SEED = 20261206  # the day of the draw; never change it, or the draws are not the recorded ones


def draw(corpus: Path, n: int, exclude: set[str], seed: int = SEED) -> list[dict]:
    """The first ``n`` articles of the seeded shuffle of the corpus, ``exclude`` left out."""
    records = [r for r in iter_raw(corpus) if str(r["id"]) not in exclude]
    order = list(range(len(records)))
    random.Random(seed).shuffle(order)
    return [records[i] for i in order[:n]]


def main(argv: list[str] | None = None) -> int:
    """Write the draws to ``--out`` (never inside the repository: it is corpus text)."""
    parser = arguments(__doc__, corpus=True)
    parser.add_argument("--n", type=int, default=200)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    if ROOT in args.out.resolve().parents:
        sys.exit("--out must be outside the repository: the draws hold corpus text")
    corpus = require_corpus(args.corpus)
    original = {row["id"] for row in read_rows(KNOWN_ITEMS) if row["source"] == "original"}
    drawn = draw(corpus, args.n, original)
    with args.out.open("w", encoding="utf-8") as fh:
        for n, record in enumerate(drawn, 1):
            fh.write(json.dumps({"draw": n, **record}, ensure_ascii=False) + "\n")
    print(f"{len(drawn)} draws written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
