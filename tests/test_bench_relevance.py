"""The relevance yardstick's arithmetic and its fixed splits (no real corpus needed).

nDCG@10 and judged@10 as the topical report computes them, the blind pools (the same documents
whatever engine found them, in an order that says nothing about the engines), known-item scores
counted under every kind of a query, the kinds read off a query's looks, and splits that never
move once assigned. The query files themselves are checked too: every row has a split, the
halves are even within each stratum, and the held-out known items stay apart from both.
"""

from __future__ import annotations

import math
from collections import Counter

import pytest

from bench.query_sets import (
    HELD_OUT,
    HELD_OUT_ITEMS,
    HELD_OUT_QRELS,
    HELD_OUT_TOPICS,
    KNOWN_ITEMS,
    TOPICAL,
    assign_splits,
    derived_kinds,
    primary_kind,
    read_rows,
)
from bench.relevance import (
    KnownItem,
    held_out_section,
    held_out_topics_section,
    rank_of,
    score,
)
from bench.topical import complete_topics, judged_at, ndcg, pools, read_qrels


def test_ndcg_is_one_for_the_ideal_order_and_counts_unjudged_as_zero() -> None:
    judged = {"a": 3, "b": 2, "c": 0, "d": 1}
    assert ndcg(["a", "b", "d", "c"], judged) == pytest.approx(1.0)
    worse = ndcg(["x", "a", "b", "d"], judged)  # an unjudged document first
    expected = (3 / math.log2(3) + 2 / math.log2(4) + 1 / math.log2(5)) / (
        3 + 2 / math.log2(3) + 1 / math.log2(4)
    )
    assert worse == pytest.approx(expected)
    assert ndcg(["a"], {"a": 0}) == 0.0  # no relevant document: 0, not a division error


def test_judged_at_ten_counts_only_the_top_ten() -> None:
    ranking = [str(i) for i in range(20)]
    judged = {str(i): 1 for i in range(5)} | {str(i): 1 for i in range(15, 20)}
    assert judged_at(ranking, judged) == 0.5
    assert judged_at([], judged) == 1.0


def test_pools_are_the_union_shuffled_the_same_whoever_found_them() -> None:
    one = {"engine": "e1", "topical": {"t1": ["a", "b", "c"], "t2": ["z"]}}
    two = {"engine": "e2", "topical": {"t1": ["c", "d"], "t2": []}}
    pooled = pools([one, two], depth=20)
    assert sorted(pooled["t1"]) == ["a", "b", "c", "d"]
    assert pools([two, one], depth=20) == pooled  # the engines' order does not show
    renamed = [{**r, "engine": "other"} for r in (one, two)]
    assert pools(renamed, depth=20) == pooled
    assert set(pools([one, two], depth=1)["t1"]) == {"a", "c"}  # each engine's top 1


def test_only_topics_judged_to_the_bottom_of_the_pool_are_complete() -> None:
    topics = [{"id": "t1"}, {"id": "t2"}, {"id": "t3"}]
    rankings = [{"topical": {"t1": ["a", "b"], "t2": ["c", "d"], "t3": ["e"]}}]
    qrels = {"t1": {"a": 3, "b": 0}, "t2": {"c": 2}}
    assert complete_topics(topics, qrels, rankings, depth=20) == ["t1"]


def test_known_item_scores_count_a_query_under_each_of_its_kinds() -> None:
    items = [
        KnownItem("q1", "a", "year", ("year", "three_plus_words")),
        KnownItem("q2", "b", "traditional", ("traditional",)),
        KnownItem("q3", "c", "plain"),
    ]
    ranks = [rank_of("a", [["x"], ["y", "a"]]), rank_of("b", [["b"]]), None]
    assert ranks == [2, 1, None]
    scores = score(items, ranks)
    assert scores["year"]["mrr"] == 0.5 and scores["three_plus_words"]["n"] == 1
    assert scores["all"]["success1"] == pytest.approx(1 / 3)
    assert scores["all"]["success"] == pytest.approx(2 / 3)
    assert scores["plain"]["mrr"] == 0.0


def test_kinds_read_off_a_query() -> None:
    assert {"traditional", "three_plus_words"} <= derived_kinds("拉薩 雪頓節 哲蚌寺")
    assert "single_char" in derived_kinds("船 手持订单")
    assert "year" in derived_kinds("三峡 2013")
    assert "three_plus_words" not in derived_kinds("三峡 2013")
    assert "unknown_word" in derived_kinds("法克里扎德")
    assert "unknown_word" not in derived_kinds("经济 增长")
    assert primary_kind({"year", "entity_event", "traditional"}) == "traditional"


def test_assigned_splits_never_move_and_halve_each_stratum() -> None:
    rows = [{"q": i, "s": "a" if i < 10 else "b"} for i in range(21)]
    assign_splits(rows, lambda r: r["s"])
    first = [r["split"] for r in rows]
    counts = Counter((r["s"], r["split"]) for r in rows)
    assert counts[("a", "tune")] == counts[("a", "test")] == 5
    assert abs(counts[("b", "tune")] - counts[("b", "test")]) == 1
    rows.append({"q": 99, "s": "a"})
    assert assign_splits(rows, lambda r: r["s"]) == 1  # only the new row
    assert [r["split"] for r in rows[:21]] == first


@pytest.mark.parametrize(("path", "stratum"), [(KNOWN_ITEMS, "source"), (TOPICAL, "area")])
def test_query_files_are_split_evenly(path, stratum: str) -> None:
    rows = read_rows(path)
    assert all(r.get("split") in ("tune", "test") for r in rows)
    for value in {r[stratum] for r in rows}:
        halves = Counter(r["split"] for r in rows if r[stratum] == value)
        assert abs(halves["tune"] - halves["test"]) <= max(3, len(rows) // 50)


def test_every_topic_is_judged_with_grades_zero_to_three() -> None:
    from bench.topical import read_qrels

    topics = {r["id"]: r for r in read_rows(TOPICAL)}
    qrels = read_qrels()
    assert set(qrels) == set(topics)
    assert all(g in (0, 1, 2, 3) for judged in qrels.values() for g in judged.values())
    areas = Counter(t["area"] for t in topics.values())
    assert len(topics) >= 60 and areas["energy"] >= 35 and areas["general"] >= 20


def test_held_out_known_items_share_no_target_with_the_halves() -> None:
    # Written after the last ranking choice: a split of their own that no tuning script reads,
    # and no article that a tuned query also finds (it would carry what was tuned on).
    held = read_rows(HELD_OUT_ITEMS)
    assert len(held) >= 90 and all(r["split"] == HELD_OUT for r in held)
    assert not {r["id"] for r in held} & {r["id"] for r in read_rows(KNOWN_ITEMS)}
    assert all(r["source"] == "drawn" and r["kinds"] for r in held)


def test_the_held_out_section_reports_counts_and_never_the_queries() -> None:
    items = [
        KnownItem("甲 乙", "a", "vague", ("vague",), HELD_OUT),
        KnownItem("丙丁戊", "b", "compound", ("compound",), HELD_OUT),
    ]
    rankings = {"xinwen": {"held_out": [[["a"]], [["x"], ["b"]]]}}
    text = "\n".join(held_out_section(items, rankings))
    assert "| held out | 2 | 0.750 | 50% | 100% |" in text
    assert "| vague | 1 | 1.000 |" in text and "| compound | 1 | 0.500 |" in text
    assert "甲" not in text and "丙丁戊" not in text
    # (rankings saved before the held-out file existed: no section rather than a wrong one)
    assert held_out_section(items, {"xinwen": {"known": []}}) == []


def test_held_out_topics_are_new_and_judged_apart() -> None:
    held = read_rows(HELD_OUT_TOPICS)
    assert len(held) >= 12 and all(t["split"] == HELD_OUT for t in held)
    assert not {t["id"] for t in held} & {t["id"] for t in read_rows(TOPICAL)}
    assert not {t["query"] for t in held} & {t["query"] for t in read_rows(TOPICAL)}
    qrels = read_qrels(HELD_OUT_QRELS)
    assert set(qrels) == {t["id"] for t in held}
    assert all(g in (0, 1, 2, 3) for judged in qrels.values() for g in judged.values())


def test_the_held_out_topics_section_gives_areas_and_no_topic() -> None:
    held = read_rows(HELD_OUT_TOPICS)
    qrels = read_qrels(HELD_OUT_QRELS)
    ideal = {t["id"]: sorted(qrels[t["id"]], key=lambda d: -qrels[t["id"]][d]) for t in held}
    text = "\n".join(held_out_topics_section({"xinwen": {"topical": ideal}}))
    assert "| **all** | " in text and "| 1.000 | 100% |" in text
    # Each batch apart: the first was seen by a ranking choice, the second not.
    batches = {str(t["batch"]) for t in held}
    assert len(batches) >= 2 and all(f"| {b} | **all** | " in text for b in batches)
    assert not any(t["query"] in text or f"| {t['id']} |" in text for t in held)
