"""Incremental reindexing: many runs against a full rebuild, the merge policy, deletions."""

from __future__ import annotations

import gzip
import hashlib
import itertools
import json
import os
import random
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from whoosh import index as whoosh_index

from tests.helpers import (
    ROOT,
    article,
    balanced,
    build_index,
    kill_first_worker,
    records,
    write_jsonl,
)
from xinwen.index import builder
from xinwen.index.builder import ReindexOptions, reindex, to_document
from xinwen.index.store import FAULT_ENV, IndexStore
from xinwen.search import Searcher, SearchRequest

TOPICS = (
    "光伏电站并网发电",
    "风电项目开工建设",
    "特高压输电线路投运",
    "储能电站参与调峰",
    "氢能产业园签约落地",
    "煤电机组完成改造",
)
CATEGORIES = ("项目", "政策", "市场")
QUERIES = ("光伏", "风电 开工", '"输电线路"', "储能 OR 氢能", "-煤电 电站", "改造", "")


def story(n: int, rng: random.Random, version: int = 0) -> dict:
    """A synthetic article on two topics; ``version`` > 0 marks an edited body."""
    first, second = rng.sample(TOPICS, 2)
    body = f"第{n}篇稿件。{first}，{second}。"
    if version:
        body = f"第{version}次更正。{second}，规模扩大。第{n}篇稿件。"
    return article(
        n,
        body=body,
        category=CATEGORIES[n % len(CATEGORIES)],
        source=f"来源{n % 4}",
        published=f"20{18 + n % 6}-0{1 + n % 9}-1{n % 10}",
    )


def segments(root: Path) -> list:
    """The served generation's segments."""
    _gen, ix = IndexStore(root).open_current()
    return ix._segments()


def stored(root: Path) -> dict[str, dict]:
    """Every live document's stored fields, by id (fails on an id held twice)."""
    _gen, ix = IndexStore(root).open_current()
    with ix.searcher() as searcher:
        docs = [searcher.stored_fields(d) for d in searcher.reader().all_doc_ids()]
    by_id = {doc["id"]: doc for doc in docs}
    assert len(by_id) == len(docs), "an id is held by more than one document"
    return by_id


def answers(root: Path) -> list[tuple]:
    """What every test query finds: total, the ids (collapsed ones too) and the facets."""
    searcher = Searcher(root)
    out = []
    for q in QUERIES:
        result = searcher.search(SearchRequest(q=q, page_size=100, facet_limit=None))
        ids = {h.id for h in result.hits} | {i for h in result.hits for i in h.similar_ids}
        out.append((q, result.total, ids, result.to_dict()["facets"]))
    return out


def assert_same_as_full_rebuild(root: Path, src: Path, scratch: Path) -> None:
    """The incrementally updated index holds and finds what a full rebuild of ``src`` does."""
    full = build_index(scratch, src)
    assert stored(root) == stored(full)
    assert answers(root) == answers(full)


def incremental(src: Path, root: Path):
    return reindex(ReindexOptions([src], root, incremental=True, prune=True, progress=False))


def test_many_incremental_runs_match_a_full_rebuild_and_keep_segments_bounded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A small merge factor makes merges happen (and cascade through tiers) within a few runs.
    monkeypatch.setattr(builder, "MERGE_FACTOR", 3)
    rng = random.Random(6)
    rows = {n: story(n, rng) for n in range(1, 41)}
    src = write_jsonl(tmp_path / "a.jsonl", rows.values())
    root = build_index(tmp_path / "ix", src)
    original = segments(root)[0].segment_id()
    counts = []
    next_n = 41
    for run in range(1, 25):
        del rows[rng.choice(sorted(rows))]
        for n in rng.sample(sorted(rows), 2):
            rows[n] = story(n, rng, version=run)
        rows[next_n] = story(next_n, rng)
        next_n += 1
        write_jsonl(src, rows.values())
        report = incremental(src, root)
        assert balanced(report) and report.deleted == 1
        assert report.documents == len(rows)
        segs = segments(root)
        counts.append(len(segs))
        # Tiers of sizes within a factor of 3: at most 3 segments in each.
        total = sum(s.doc_count() for s in segs)
        assert len(segs) <= builder.MERGE_FACTOR * (builder._tier(total) + 1), counts
        if run % 8 == 0:
            assert_same_as_full_rebuild(root, src, tmp_path / f"full-{run}")
    assert any(b < a for a, b in itertools.pairwise(counts)), counts  # merged
    # Small indexes merge freely (the cap is MERGE_CAP_DOCS): the full build's segment too.
    assert original not in {s.segment_id() for s in segments(root)}
    assert_same_as_full_rebuild(root, src, tmp_path / "full-last")


def test_segments_too_big_to_merge_are_left_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Merge 2 at a time, never more than 6 documents per run (a 74k index: 2% of it).
    monkeypatch.setattr(builder, "MERGE_FACTOR", 2)
    monkeypatch.setattr(builder, "MERGE_CAP_DOCS", 6)
    monkeypatch.setattr(builder, "MERGE_CAP_SHARE", 0.0)
    rng = random.Random(7)
    rows = {n: story(n, rng) for n in range(1, 31)}
    src = write_jsonl(tmp_path / "a.jsonl", rows.values())
    root = build_index(tmp_path / "ix", src)
    big = {s.segment_id() for s in segments(root)}
    counts = []
    # Runs of 4 changed records write segments that only merge past the cap (4 + 4 > 6), then
    # runs of 1 write segments that merge in pairs.
    for run, changed in enumerate([4, 4, 4, 1, 1, 1, 1], start=1):
        for n in range(run * 4 - 3, run * 4 - 3 + changed):
            rows[n] = story(n, rng, version=run)
        write_jsonl(src, rows.values())
        report = incremental(src, root)
        assert report.indexed == changed
        ids = {s.segment_id() for s in segments(root)}
        assert big <= ids  # the full build's segments are never rewritten
        counts.append(len(ids))
    assert counts == [2, 3, 4, 5, 6, 6, 7]
    assert_same_as_full_rebuild(root, src, tmp_path / "full")


def test_a_segment_whose_documents_all_went_is_dropped(tmp_path: Path) -> None:
    src = write_jsonl(tmp_path / "a.jsonl", [article(n) for n in range(1, 6)])
    root = build_index(tmp_path / "ix", src)
    write_jsonl(src, [article(n) for n in range(1, 9)])
    assert incremental(src, root).indexed == 3
    assert [s.doc_count() for s in segments(root)] == [5, 3]
    write_jsonl(src, [article(n) for n in range(1, 6)])
    pruned = incremental(src, root)
    assert (pruned.deleted, pruned.documents) == (3, 5)
    assert [s.doc_count() for s in segments(root)] == [5]
    assert_same_as_full_rebuild(root, src, tmp_path / "full")


def test_an_id_held_twice_is_rewritten_as_one_document(tmp_path: Path) -> None:
    src = write_jsonl(tmp_path / "a.jsonl", [article(n) for n in range(1, 4)])
    root = build_index(tmp_path / "ix", src)
    # An index some other writer left with two documents for t-2 (xinwen never writes one).
    generation = IndexStore(root).current().path
    ix = whoosh_index.open_dir(str(generation))
    writer = ix.writer()
    writer.add_document(**to_document(records(src)[1], 99, 99))
    writer.commit(merge=False)
    ix.close()
    report = incremental(src, root)
    assert (report.indexed, report.unchanged) == (1, 2)
    assert report.documents == 3
    assert_same_as_full_rebuild(root, src, tmp_path / "full")


def test_changed_records_keep_their_place_when_deleted_by_number(tmp_path: Path) -> None:
    # Deletions go by document number across segments: change records in every segment.
    rows = [article(n) for n in range(1, 11)]
    src = write_jsonl(tmp_path / "a.jsonl", rows)
    root = build_index(tmp_path / "ix", src)
    for run, n in enumerate((3, 7, 10), start=1):
        rows[n - 1] = article(n, body=f"第{n}篇改写，第{run}轮：抽水蓄能电站开工。")
        rows.append(article(10 + run))
        write_jsonl(src, rows)
        report = incremental(src, root)
        assert (report.indexed, report.documents) == (2, 10 + run)
    rows[10] = article(11, body="第11篇改写：海上风电并网。")
    rows[0] = article(1, body="第1篇改写：海上风电并网。")
    write_jsonl(src, rows)
    assert incremental(src, root).indexed == 2
    found = Searcher(root).search(SearchRequest(q="海上风电", page_size=100))
    assert {h.id for h in found.hits} | {i for h in found.hits for i in h.similar_ids} == {
        "t-1",
        "t-11",
    }
    assert_same_as_full_rebuild(root, src, tmp_path / "full")


def test_duplicate_ids_in_one_incremental_run_last_one_wins(tmp_path: Path) -> None:
    old = [article(n, body=f"第{n}篇原稿：风电。") for n in range(1, 5)]
    root = build_index(tmp_path / "ix", write_jsonl(tmp_path / "seed.jsonl", old))
    edited = {n: article(n, body=f"第{n}篇改稿：氢能。") for n in range(1, 6)}
    rows = [
        edited[1], old[0],  # changed, then back to what the index holds: the old text wins
        old[1], edited[2],  # unchanged, then changed
        edited[3], edited[3],  # changed twice the same way
        old[3], old[3],  # unchanged twice
        edited[5], article(5, body="第5篇新稿第二版：光伏。"),  # new, twice
    ]  # fmt: skip
    src = write_jsonl(tmp_path / "a.jsonl", rows)
    report = incremental(src, root)
    assert balanced(report) and report.duplicates == 5
    # (the first id's record ends as the index holds it: unchanged, not rewritten)
    assert (report.indexed, report.unchanged) == (3, 2)
    assert_same_as_full_rebuild(root, src, tmp_path / "full")


def test_one_id_in_two_files_is_not_rewritten_by_every_run(tmp_path: Path) -> None:
    # The export holds an article twice, in two files: each incremental run rewrote it (the
    # first record replacing the indexed one, the last putting it back) and wrote a new
    # generation though nothing had changed.
    first = write_jsonl(tmp_path / "a.jsonl", [article(1, body="初稿：风电。"), article(2)])
    last = write_jsonl(tmp_path / "b.jsonl", [article(1, body="定稿：氢能。")])
    root = build_index(tmp_path / "ix", first, last)
    generation = IndexStore(root).current_path()
    options = ReindexOptions([first, last], root, incremental=True, prune=True, progress=False)
    report = reindex(options)
    assert balanced(report) and (report.indexed, report.unchanged, report.duplicates) == (0, 2, 1)
    assert IndexStore(root).current_path() == generation
    assert f"t-1 at {last}:1 (first at {first}:1)" in report.summary()


def run_xinwen(*args: str, fault: str | None = None) -> subprocess.Popen[str]:
    """``python -m xinwen ARGS`` in a new process (with ``XINWEN_FAULT_STAGE=fault``)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    env.pop(FAULT_ENV, None)
    if fault:
        env[FAULT_ENV] = fault
    return subprocess.Popen(
        [sys.executable, "-m", "xinwen", *args],
        env=env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def partials(root: Path) -> list[Path]:
    return [p for p in (root / "generations").iterdir() if p.name.endswith(".partial")]


def test_incremental_run_killed_while_writing_leaves_the_served_index(tmp_path: Path) -> None:
    root = build_index(tmp_path / "ix", write_jsonl(tmp_path / "a.jsonl", [article(1)]))
    served = IndexStore(root).current().name
    # Enough new records that the sub-writer has batches when the run kills itself.
    src = write_jsonl(tmp_path / "b.jsonl", [article(n) for n in range(1, 201)])
    args = ("reindex", str(src), "--index", str(root), "--incremental", "-q")
    killed = run_xinwen(*args, fault="writing")
    killed.communicate(timeout=120)
    assert killed.returncode == -signal.SIGKILL
    assert IndexStore(root).current().name == served and len(partials(root)) == 1
    done = run_xinwen(*args)
    _, stderr = done.communicate(timeout=120)
    assert done.returncode == 0, stderr
    assert not partials(root)
    assert len(stored(root)) == 200


def file_hashes(folder: Path) -> dict[str, str]:
    """Each file's SHA-256, by name."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()}


@pytest.mark.parametrize("stage", ["reading", "writing", "committing", "switching"])
def test_incremental_run_killed_at_each_stage_leaves_the_served_files_byte_identical(
    tmp_path: Path, stage: str
) -> None:
    rng = random.Random(14)
    rows = {n: story(n, rng) for n in range(150)}
    src = write_jsonl(tmp_path / "a.jsonl", rows.values())
    root = build_index(tmp_path / "ix", src)
    # Eight small segments: the killed run's commit merges them (a tier of 8).
    for run in range(8):
        for n in range(150 + 3 * run, 153 + 3 * run):
            rows[n] = story(n, rng)
        write_jsonl(src, rows.values())
        incremental(src, root)
    served = IndexStore(root).current()
    found = answers(root)  # first: searching writes the read cache into the generation
    hashes = file_hashes(served.path)
    assert "xinwen-read.cache" in hashes  # linked into the new generation, then rewritten there
    assert len(segments(root)) == 9

    del rows[3]
    for n in (5, 40, 77):
        rows[n] = story(n, rng, version=1)
    rows[500] = story(500, rng)
    write_jsonl(src, rows.values())
    args = ("reindex", str(src), "--index", str(root), "--incremental", "--prune", "-q")
    before = set((root / "generations").iterdir())
    killed = run_xinwen(*args, fault=stage)
    _, stderr = killed.communicate(timeout=120)
    assert killed.returncode == -signal.SIGKILL, stderr

    assert IndexStore(root).current().name == served.name
    # The new generation shared the served one's files through hard links: not one changed.
    assert file_hashes(served.path) == hashes
    assert answers(root) == found
    if stage == "switching":  # written in full, merge included, then never switched to
        [left] = set((root / "generations").iterdir()) - before
        assert len(whoosh_index.open_dir(str(left))._segments()) == 3  # big, merged, new

    done = run_xinwen(*args)
    _, stderr = done.communicate(timeout=120)
    assert done.returncode == 0, stderr
    assert file_hashes(served.path) == hashes  # the previous generation is kept for readers
    assert stored(root) == stored(build_index(tmp_path / "full", src))


def test_a_dead_sub_writer_fails_the_incremental_run(tmp_path: Path) -> None:
    root = build_index(tmp_path / "ix", write_jsonl(tmp_path / "a.jsonl", [article(1)]))
    served = IndexStore(root).current().name
    src = write_jsonl(tmp_path / "b.jsonl", [article(n) for n in range(1, 3001)])
    proc = run_xinwen("reindex", str(src), "--index", str(root), "--incremental", "-q")
    stderr = kill_first_worker(proc)
    assert proc.returncode == 1, stderr
    assert "Traceback" not in stderr, stderr
    last = stderr.strip().splitlines()[-1]
    assert "indexing worker process failed" in last and "served index is unchanged" in last
    assert IndexStore(root).current().name == served and not partials(root)


def test_too_many_segments_suggest_a_full_reindex(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(builder, "SEGMENTS_WARNING", 2)
    src = write_jsonl(tmp_path / "a.jsonl", [article(1)])
    root = build_index(tmp_path / "ix", src)
    write_jsonl(src, [article(1), article(2)])
    incremental(src, root)
    assert "full reindex" not in caplog.text
    write_jsonl(src, [article(1), article(2), article(3)])
    incremental(src, root)
    assert "the index has 3 segments" in caplog.text and "full reindex" in caplog.text


def test_the_incremental_benchmark_runs_and_checks_a_tiny_corpus(tmp_path: Path) -> None:
    from bench import incremental as bench

    rng = random.Random(8)
    rows = []
    for n in range(60):
        row = story(n, rng)
        row["body"] = f"本台记者第{n}次从现场发回报道。\n" + row["body"]
        rows.append(json.dumps(row, ensure_ascii=False))
    corpus = tmp_path / "tiny.jsonl.gz"
    with gzip.open(corpus, "wt", encoding="utf-8") as out:
        out.write("\n".join(rows) + "\n")
    args = ["--corpus", str(corpus), "--workdir", str(tmp_path / "work"), "--no-write"]
    args += ["--runs", "3", "--fraction", "0.1", "--new", "2", "--removed", "2"]
    assert bench.main([*args, "--full-seconds", "100"]) == 0
    assert not (tmp_path / "work" / "incremental").exists()  # nothing left behind


def test_the_benchmark_takes_the_latest_full_corpus_reindex_time(tmp_path: Path) -> None:
    from bench.incremental import latest_full_reindex

    table = tmp_path / "reindex.md"
    table.write_text(
        "# Full reindex\n\n| date | records | wall s |\n| --- | ---: | ---: |\n"
        "| a | 73,876 | 500.5 |\n| b | 5,000 | 20.0 |\n| c | 73,876 | 371.7 |\n"
        "| d | 5,000 | 19.0 |\n\nNotes.\n",
        encoding="utf-8",
    )
    assert latest_full_reindex(table, records=73876) == 371.7
    assert latest_full_reindex(table, records=1) is None


def test_rewritten_documents_keep_their_place_in_the_input(tmp_path: Path) -> None:
    # The read side breaks ranking ties by ``seq``: as after a full build, it is the record's
    # place in the sources, not the order of the runs that rewrote it.
    rows = [article(n) for n in range(1, 7)]
    src = write_jsonl(tmp_path / "a.jsonl", rows)
    root = build_index(tmp_path / "ix", src)
    rows[2] = article(3, body="第3篇改写：抽水蓄能。")
    rows.append(article(7))
    write_jsonl(src, rows)
    assert incremental(src, root).indexed == 2
    _gen, ix = IndexStore(root).open_current()
    with ix.searcher() as searcher:
        reader = searcher.reader()
        seqs = list(reader.column_reader("seq"))
        places = {searcher.stored_fields(d)["id"]: seqs[d] for d in reader.all_doc_ids()}
    assert places == {f"t-{n}": n - 1 for n in range(1, 8)}


def test_an_incremental_run_of_only_undated_uncategorised_records_keeps_every_value_in_place(
    tmp_path: Path,
) -> None:
    """The run's new segment has no date, category or source column at all (none of its records
    has one): the index still opens, and every document keeps its own values."""
    first = [
        article(1, category="政策", source="电力日报"),
        article(2, title="风电项目核准", body="海上风电项目获得核准并网。", category="政策",
                source="电力日报"),
    ]  # fmt: skip
    src = write_jsonl(tmp_path / "a.jsonl", first)
    reindex(ReindexOptions([src], tmp_path / "ix", progress=False))
    bare = {"id": "t-9", "title": "储能电站并网", "body": "某地储能电站今日并网。"}
    write_jsonl(src, [*first, bare])
    reindex(ReindexOptions([src], tmp_path / "ix", incremental=True, progress=False))
    assert len(list(IndexStore(tmp_path / "ix").current().path.glob("*.seg"))) >= 2
    searcher = Searcher(tmp_path / "ix")
    result = searcher.search(SearchRequest(q="并网"))
    assert result.total == 3
    dates = {h.id: h.published for h in result.hits}
    assert dates["t-9"] is None and dates["t-1"] and dates["t-2"]
    assert {v.value: v.count for v in result.facets["category"].values} == {"政策": 2, "未分类": 1}
    assert {v.value: v.count for v in result.facets["source"].values} == {
        "电力日报": 2,
        "未知来源": 1,
    }
    searcher.close()
