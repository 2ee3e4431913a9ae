"""The kinds of a known-item query, and the one-time tune/test split of both query sets.

Kinds come in two sorts. Some are read off the query's looks and recomputed here (and checked by
``check_queries.py``): ``traditional``, ``single_char`` (a one-character word), ``fullwidth``,
``phrase`` (a quoted phrase), ``year`` (a word that is a year, 1900–2099), ``three_plus_words``,
``unknown_word`` (a word of two or more characters that jieba's own dictionary lacks: a new name,
a transliteration, a coined compound). Others are given by the person who wrote the query and
kept as written: ``entity_event`` (who/what + what happened), ``compound`` (a single term, often
one jieba splits), ``headline_copy`` (copies headline text; at most a fifth of the drawn
queries), ``brief_item`` (the target is a multi-story roundup and the query is about one of its
items), ``vague`` (a second, looser query for an already drawn article: two to four everyday
words, the way someone who half remembers the story types it, no rare names; several articles
may match). ``kind`` stays a single string (the first of ``KIND_ORDER`` that applies) for the
scripts that group by one kind; ``kinds`` lists them all.

The split is made once (``python -m bench.query_sets``) and then fixed in the files: every row
without a ``split`` gets ``tune`` or ``test``, shuffled with a fixed seed within its stratum
(known items: source × kind; topical: energy / general) and alternated, so each stratum is
halved. Rows that already have a split keep it, so adding queries later never moves old ones; a
second query for an article that already has one is written with that query's split, so no
article is in both halves.
"""

from __future__ import annotations

import functools
import json
import random
import re
import sys
from collections import defaultdict
from pathlib import Path

from bench.harness import QUERIES_DIR, arguments

KNOWN_ITEMS = QUERIES_DIR / "known_items.jsonl"
# Known items written after the last ranking choice and never used for one: no split of their
# own to choose on, only a figure to check the test half against (``relevance.py`` reports
# them; ``rank_experiments.py`` never reads them).
HELD_OUT_ITEMS = QUERIES_DIR / "known_items_held_out.jsonl"
HELD_OUT = "held-out"
TOPICAL = QUERIES_DIR / "topical.jsonl"
# Topics held out the same way, and their judgments (``topical.py``'s pools and grades).
HELD_OUT_TOPICS = QUERIES_DIR / "topical_held_out.jsonl"
HELD_OUT_QRELS = QUERIES_DIR / "topical_held_out_qrels.jsonl"
SEED = 13
SPLITS = ("tune", "test")
# The primary kind is the first that applies, rarest look first.
KIND_ORDER = (
    "traditional",
    "single_char",
    "fullwidth",
    "phrase",
    "headline_copy",
    "compound",
    "brief_item",
    "vague",
    "year",
    "entity_event",
    "plain",
)
LOOKS = ("traditional", "single_char", "fullwidth", "phrase")
DERIVED = (*LOOKS, "year", "three_plus_words", "unknown_word")
GIVEN = ("entity_event", "compound", "headline_copy", "brief_item", "vague")
ALL_KINDS = (*KIND_ORDER, "three_plus_words", "unknown_word")

_YEAR = re.compile(r"^(?:19|20)\d\d年?$")
_HAN_WORD = re.compile(r"^[\u3400-\u9fff]+$")


@functools.cache
def _jieba_dictionary() -> dict[str, int]:
    """jieba's own dictionary (word → frequency), without any words xinwen adds to it."""
    import jieba

    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    return tokenizer.FREQ


_TERM = re.compile(r'-?(?:[^\s:"“”]+:)?(?:["“]([^"”]*)["”]?|(\S+))')
_OPERATORS = {"OR", "AND", "NOT", "|"}
_HAN = re.compile(r"[\u3400-\u9fff]")
_FULLWIDTH = re.compile(r"[\uff01-\uff5e\u3000]")


def terms(query: str) -> tuple[list[str], list[str], list[str]]:
    """The query's positive words, its quoted phrases, and its excluded words."""
    words: list[str] = []
    phrases: list[str] = []
    excluded: list[str] = []
    for m in _TERM.finditer(query):
        text = m.group(1) if m.group(1) is not None else m.group(2)
        if not text or text in _OPERATORS:
            continue
        if m.group(0).startswith("-"):
            excluded.append(text)
        elif m.group(1) is not None:
            phrases.append(text)
        else:
            words.append(text)
    return words, phrases, excluded


def expected_kind(query: str, folded: str, words: list[str], phrases: list[str]) -> set[str]:
    """The kinds a query qualifies for by its looks."""
    kinds = {"plain"}
    if _FULLWIDTH.search(query):
        kinds.add("fullwidth")
    if folded != query and any(
        _HAN.match(a) and a != b for a, b in zip(query, folded, strict=True)
    ):
        kinds.add("traditional")
    if any(len(w) == 1 and _HAN.match(w) for w in words):
        kinds.add("single_char")
    if phrases:
        kinds.add("phrase")
    return kinds


def derived_kinds(query: str) -> set[str]:
    """The kinds ``query`` has by its looks (see the module docstring)."""
    from xinwen.index.analysis import fold

    words, phrases, _ = terms(query)
    kinds = expected_kind(query, fold(query), words, phrases) - {"plain"}
    folded = [fold(w) for w in words]
    if any(_YEAR.match(w) for w in folded):
        kinds.add("year")
    if len(words) + len(phrases) >= 3:
        kinds.add("three_plus_words")
    freq = _jieba_dictionary()
    if any(len(w) >= 2 and _HAN_WORD.match(w) and not freq.get(w) for w in folded):
        kinds.add("unknown_word")
    return kinds


def primary_kind(kinds: set[str]) -> str:
    """The one kind reported for scripts that group by a single kind."""
    return next((k for k in KIND_ORDER if k in kinds), "plain")


def assign_splits(rows: list[dict], stratum, seed: int = SEED) -> int:
    """Give every row without a ``split`` one, halving each stratum; how many were assigned."""
    groups: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        if "split" not in row:
            groups[stratum(row)].append(row)
    rng = random.Random(seed)
    for key in sorted(groups):
        members = groups[key]
        rng.shuffle(members)
        start = rng.randrange(2)  # odd strata: which half gets the extra row is random too
        for n, row in enumerate(members):
            row["split"] = SPLITS[(n + start) % 2]
    return sum(len(g) for g in groups.values())


def read_rows(path: Path) -> list[dict]:
    """The JSON objects of a JSON Lines file."""
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


def write_rows(path: Path, rows: list[dict]) -> None:
    """Write ``rows`` as JSON Lines, one object a line, non-ASCII as is."""
    text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    path.write_text(text, encoding="utf-8")


def _with_kinds(row: dict) -> dict:
    """``row`` with its derived kinds recomputed beside the given ones, and its primary kind."""
    given = {k for k in row.get("kinds", []) if k in GIVEN}
    kinds = given | derived_kinds(row["query"])
    if row.get("kind") in LOOKS:
        kinds.add(row["kind"])
    row["kinds"] = [k for k in ALL_KINDS if k in kinds] or ["plain"]
    row["kind"] = primary_kind(kinds)
    return row


def main(argv: list[str] | None = None) -> int:
    """Recompute the derived kinds and assign splits to rows that have none."""
    arguments(__doc__).parse_args(argv)
    items = [_with_kinds(row) for row in read_rows(KNOWN_ITEMS)]
    n = assign_splits(items, lambda r: f"{r.get('source', '')}/{r['kind']}")
    write_rows(KNOWN_ITEMS, items)
    if HELD_OUT_ITEMS.exists():
        held = [{**_with_kinds(row), "split": HELD_OUT} for row in read_rows(HELD_OUT_ITEMS)]
        write_rows(HELD_OUT_ITEMS, held)
        print(f"{HELD_OUT_ITEMS.name}: {len(held)} rows")
    topics = read_rows(TOPICAL)
    m = assign_splits(topics, lambda r: r["area"])
    write_rows(TOPICAL, topics)
    print(f"{KNOWN_ITEMS.name}: {len(items)} rows, {n} newly split")
    print(f"{TOPICAL.name}: {len(topics)} rows, {m} newly split")
    return 0


if __name__ == "__main__":
    sys.exit(main())
