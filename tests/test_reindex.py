"""Building, updating and switching real indexes on disk."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from whoosh import query as wq

from tests.helpers import DEMO, ROOT, article, balanced, build_index, records, write_jsonl
from xinwen.index.builder import ReindexError, ReindexOptions, StrictModeError, reindex
from xinwen.index.progress import estimate_records
from xinwen.index.schema import SCHEMA_VERSION, published_dates
from xinwen.index.stats import index_stats
from xinwen.index.store import (
    CorruptIndexError,
    IndexStore,
    NoIndexError,
    ReindexRunningError,
    SchemaMismatchError,
    write_meta,
)
from xinwen.search import Searcher, SearchRequest, SortOrder


def ids_for(root: Path, q: str, **kw: object) -> set[str]:
    result = Searcher(root).search(SearchRequest(q=q, page_size=100, **kw))
    assert result.total <= 100
    return {h.id for h in result.hits} | {i for h in result.hits for i in h.similar_ids}


def test_demo_index_holds_every_demo_record(demo_index: Path) -> None:
    stats = index_stats(demo_index)
    recs = records(DEMO)
    assert stats.documents == len(recs) >= 110
    assert dict(stats.categories) == dict(Counter(r.category or "未分类" for r in recs))
    assert stats.schema_version == SCHEMA_VERSION
    assert stats.earliest is not None and stats.earliest.year == 2019
    assert stats.size_bytes > 0


def test_dates_and_input_order_are_columns_without_index_terms(demo_index: Path) -> None:
    # Searches read them from the columns; Whoosh would index 8 + 16 range terms per document.
    _, ix, reader = IndexStore(demo_index).open_reader()
    try:
        assert not list(reader.lexicon("published")) and not list(reader.lexicon("seq"))
        dates = [d for d in published_dates(reader) if d is not None]
        assert len(dates) == reader.doc_count() and min(dates).year == 2019
        assert sorted(reader.column_reader("seq")) == list(range(reader.doc_count()))
    finally:
        reader.close()
        ix.close()
    # Date filters and date order still work through the columns.
    page = Searcher(demo_index).search(
        SearchRequest(q="", date_from=min(dates), sort=SortOrder.DATE)
    )
    assert page.total == len(dates)


def test_token_positions_make_word_phrases_match(tmp_path: Path) -> None:
    src = write_jsonl(
        tmp_path / "a.jsonl",
        [
            article(1, body="中国绿色供应链联盟年会在京召开。"),
            article(2, body="召开年会 京。"),
            article(3, body="召开年会。京。"),
        ],
    )
    root = build_index(tmp_path / "ix", src)
    _gen, ix = IndexStore(root).open_current()
    with ix.searcher() as s:
        # 联盟 is a sub-word of 中国绿色供应链联盟 at its position; 年会 is the next token.
        hits = {s.stored_fields(d)["id"] for d in wq.Phrase("body", ["联盟", "年会"]).docs(s)}
        assert hits == {"t-1"}
        # 在 is a stop word, dropped without renumbering: in t-1 年会 and 京 are not adjacent;
        # a space leaves them adjacent (t-2), a full stop is a position of its own (t-3).
        adjacent = {s.stored_fields(d)["id"] for d in wq.Phrase("body", ["年会", "京"]).docs(s)}
        assert adjacent == {"t-2"}
        assert len(list(wq.Phrase("body", ["京", "召开"]).docs(s))) == 1
    ix.close()


def test_incremental_rewrites_only_the_changed_record(tmp_path: Path) -> None:
    rows = [article(n) for n in range(1, 21)]
    src = write_jsonl(tmp_path / "a.jsonl", rows)
    root = build_index(tmp_path / "ix", src)
    first = IndexStore(root).current()
    rows[4] = article(5, body="第5篇改写后的正文，提到了抽水蓄能电站。")
    write_jsonl(src, rows)
    report = reindex(ReindexOptions([src], root, incremental=True, progress=False))
    assert (report.indexed, report.unchanged, report.duplicates, report.skipped) == (1, 19, 0, 0)
    assert report.documents == 20
    assert ids_for(root, "抽水蓄能") == {"t-5"}
    assert IndexStore(root).current().name != first.name
    # Nothing changed: nothing rewritten, no new generation.
    again = reindex(ReindexOptions([src], root, incremental=True, progress=False))
    assert (again.indexed, again.unchanged) == (0, 20)
    assert IndexStore(root).current().name == report.generation


def test_incremental_prune_deletes_records_gone_from_the_sources(tmp_path: Path) -> None:
    src = write_jsonl(tmp_path / "a.jsonl", [article(n) for n in range(1, 6)])
    root = build_index(tmp_path / "ix", src)
    write_jsonl(src, [article(n) for n in range(1, 4)] + [article(9)])
    kept = reindex(ReindexOptions([src], root, incremental=True, progress=False))
    assert kept.documents == 6 and kept.deleted == 0
    pruned = reindex(ReindexOptions([src], root, incremental=True, prune=True, progress=False))
    assert pruned.deleted == 2 and pruned.documents == 4
    assert ids_for(root, "光伏") == {"t-1", "t-2", "t-3", "t-9"}


@pytest.mark.parametrize("incremental", [False, True])
def test_duplicate_ids_last_one_wins(tmp_path: Path, incremental: bool) -> None:
    rows = [
        article(1, body="旧版本正文，写的是风电。"),
        article(2),
        article(1, body="新版本正文，写的是氢能。"),
    ]
    src = write_jsonl(tmp_path / "a.jsonl", rows)
    root = tmp_path / "ix"
    if incremental:
        build_index(root, write_jsonl(tmp_path / "seed.jsonl", [article(3)]))
    report = reindex(ReindexOptions([src], root, incremental=incremental, progress=False))
    assert report.duplicates == 1 and balanced(report)
    assert ids_for(root, "氢能") == {"t-1"}
    assert ids_for(root, "风电") == set()
    # Both places are named: the one that won and the one it replaced.
    assert f"t-1 at {src}:3 (first at {src}:1)" in report.summary()


def test_records_without_a_category_are_counted_once_per_indexed_article(tmp_path: Path) -> None:
    # An uncategorised record replaced by a later one of its id counts once, or not at all when
    # the later one has a category: the summary agrees with the 未分类 facet.
    rows = [
        article(1, category=None),
        article(2, category=None),
        article(1, category=None, body="第二版正文。"),
        article(3, category=None),
        article(3, body="第二版正文，有了分类。"),
    ]
    report = reindex(ReindexOptions([write_jsonl(tmp_path / "a.jsonl", rows)], tmp_path / "ix"))
    assert (report.indexed, report.duplicates, report.uncategorised) == (3, 2, 2)
    assert "2 records without a category" in report.summary()
    one = reindex(ReindexOptions([write_jsonl(tmp_path / "b.jsonl", rows[:1])], tmp_path / "i2"))
    assert "1 record without a category" in one.summary()


def test_a_date_that_cannot_be_read_is_kept_undated_and_said(tmp_path: Path) -> None:
    # A date out of range or not a date: the article is indexed undated (never "today", never
    # dropped), and the summary names where, so the user can mend the source.
    rows = [article(1, published="1899-01-01"), article(2, published="明天"), article(3)]
    report = reindex(ReindexOptions([write_jsonl(tmp_path / "a.jsonl", rows)], tmp_path / "ix"))
    assert report.indexed == 3 and report.unread_dates == 2
    text = report.summary()
    assert (
        "2 records with a date that could not be used (no date, or years ahead), kept undated"
        in text
    )
    assert "a.jsonl:1 ('1899-01-01')" in text and "a.jsonl:2 ('明天')" in text
    assert ids_for(tmp_path / "ix", "光伏", sort=SortOrder.DATE)  # still found, undated


def test_a_body_cut_to_the_limit_is_said(tmp_path: Path) -> None:
    # A body over the limit is indexed up to it; the summary says which record and how long it
    # was, since its end cannot be found (it was cut without a word).
    from xinwen.index.sources import MAX_BODY_CHARS

    long_body = "储能电站运行平稳。" * (MAX_BODY_CHARS // 9 + 1000)
    rows = [article(1, body=long_body), article(2)]
    report = reindex(ReindexOptions([write_jsonl(tmp_path / "a.jsonl", rows)], tmp_path / "ix"))
    assert report.indexed == 2 and report.cut_bodies == 1
    text = report.summary()
    assert f"1 record with a body over {MAX_BODY_CHARS:,} characters, cut there" in text
    assert f"a.jsonl:1 ({len(long_body):,} characters)" in text


def test_summary_accounts_for_every_record(tmp_path: Path) -> None:
    src = tmp_path / "mixed.jsonl"
    src.write_text(
        json.dumps(article(1), ensure_ascii=False)
        + "\n{not json\n"
        + json.dumps(article(2), ensure_ascii=False)
        + "\n"
        + json.dumps({"id": "x", "title": "", "body": ""})
        + "\n",
        encoding="utf-8",
    )
    report = reindex(ReindexOptions([src], tmp_path / "ix", progress=False))
    assert report.read == 4 and report.indexed == 2 and report.skipped == 2
    assert balanced(report)
    text = report.summary()
    assert "mixed.jsonl:2" in text and "mixed.jsonl:4" in text


@pytest.mark.parametrize("workers", [1, 2])
def test_strict_stops_at_the_first_malformed_record_and_keeps_the_old_index(
    tmp_path: Path, workers: int
) -> None:
    good = write_jsonl(tmp_path / "good.jsonl", [article(1)])
    root = build_index(tmp_path / "ix", good)
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps(article(2), ensure_ascii=False) + "\n[1, 2\n", encoding="utf-8")
    with pytest.raises(StrictModeError, match=r"bad\.jsonl:2"):
        reindex(ReindexOptions([bad], root, strict=True, workers=workers, progress=False))
    assert index_stats(root).documents == 1
    assert not any(p.name.endswith(".partial") for p in (root / "generations").iterdir())


def test_nothing_indexable_fails_and_leaves_the_served_index(tmp_path: Path) -> None:
    root = build_index(tmp_path / "ix", write_jsonl(tmp_path / "a.jsonl", [article(1)]))
    empty = tmp_path / "empty.jsonl"
    empty.write_text("{broken\n", encoding="utf-8")
    with pytest.raises(ReindexError, match="nothing could be indexed"):
        reindex(ReindexOptions([empty], root, progress=False))
    assert index_stats(root).documents == 1


def test_a_live_lock_is_respected_and_a_dead_one_needs_no_human(tmp_path: Path) -> None:
    root = tmp_path / "ix"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from index.store import IndexStore\n"
            "with IndexStore(sys.argv[1]).writer_lock():\n"
            "    print('locked', flush=True); time.sleep(60)",
            str(root),
        ],
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        with pytest.raises(ReindexRunningError, match=f"pid {holder.pid}"):
            reindex(ReindexOptions([DEMO], root, progress=False))
    finally:
        holder.kill()
        holder.communicate()
    assert reindex(ReindexOptions([DEMO], root, progress=False)).documents > 100


def test_missing_and_mismatched_indexes_say_what_to_run(tmp_path: Path) -> None:
    with pytest.raises(NoIndexError, match="xinwen reindex"):
        IndexStore(tmp_path / "none").current()
    root = build_index(tmp_path / "ix", write_jsonl(tmp_path / "a.jsonl", [article(1)]))
    gen = IndexStore(root).current()
    write_meta(gen.path, {**gen.meta, "schema_version": SCHEMA_VERSION - 1})
    with pytest.raises(SchemaMismatchError, match="xinwen reindex"):
        IndexStore(root).current()
    (gen.path / "xinwen.json").unlink()
    with pytest.raises(CorruptIndexError, match="xinwen reindex"):
        IndexStore(root).current()


def test_userdict_words_are_kept_whole_on_both_sides(tmp_path: Path) -> None:
    src = write_jsonl(
        tmp_path / "a.jsonl",
        [article(1, body="鲲鹏能源链发布年度报告。"), article(2, body="鲲鹏飞过能源链条。")],
    )
    userdict = tmp_path / "user.txt"
    userdict.write_text("鲲鹏能源链 50 nz\n", encoding="utf-8")
    root = build_index(tmp_path / "ix", src, userdict=userdict)
    _gen, ix = IndexStore(root).open_current()
    with ix.searcher() as s:
        assert s.doc_frequency("body", "鲲鹏能源链") == 1
    ix.close()
    hits = Searcher(root).search(SearchRequest(q="鲲鹏能源链")).hits
    assert [h.id for h in hits] == ["t-1"]


def _big_corpus(path: Path, n: int) -> Path:
    rows = [json.loads(line) for line in (DEMO / "articles.jsonl").read_text("utf-8").splitlines()]
    out = []
    for i in range(n):
        row = dict(rows[i % len(rows)])
        row["id"] = f"big-{i}"
        out.append(row)
    return write_jsonl(path, out)


def test_killed_reindex_leaves_the_previous_index_serving(tmp_path: Path) -> None:
    root = build_index(tmp_path / "ix", write_jsonl(tmp_path / "a.jsonl", [article(1)]))
    served = IndexStore(root).current().name
    big = _big_corpus(tmp_path / "big.jsonl", 3000)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "xinwen", "reindex", str(big), "--index", str(root), "-q"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    partial = None
    while time.monotonic() < deadline and partial is None:
        gens = root / "generations"
        found = [p for p in gens.iterdir() if p.name.endswith(".partial")]
        if found and any(f.stat().st_size > 0 for f in found[0].iterdir()):
            partial = found[0]
        time.sleep(0.05)
    assert partial is not None, "the reindex never started writing"
    time.sleep(0.5)  # let it write segments
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert IndexStore(root).current().name == served
    assert Searcher(root).search(SearchRequest()).total == 1
    # The next reindex needs no human: it removes the half-written generation and succeeds.
    report = reindex(ReindexOptions([big], root, progress=False))
    assert report.documents == 3000
    assert not partial.exists()


def test_a_failing_prepare_step_still_switches_to_the_new_index(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Preparing a generation for readers is a head start only: if it fails, readers do the
    work themselves and the reindex still succeeds."""
    src = write_jsonl(tmp_path / "a.jsonl", [article(n) for n in range(5)])

    def broken(path: Path) -> None:
        raise OSError(f"cannot write in {path}")

    options = ReindexOptions(sources=[src], root=tmp_path / "ix", progress=False, prepare=broken)
    report = reindex(options)
    assert report.documents == 5
    assert "could not prepare" in caplog.text and "cannot write" in caplog.text
    assert Searcher(tmp_path / "ix").search(SearchRequest(q="")).total == 5


def _python(*args: str | Path) -> subprocess.CompletedProcess[str]:
    """``python ARGS`` in a new process that imports this checkout's code."""
    return subprocess.run(
        [sys.executable, *map(str, args)],
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


START_METHOD_RUN = """
import multiprocessing, sys
from pathlib import Path
multiprocessing.set_start_method(sys.argv[1])  # as Python 3.14 does (forkserver) by default
from xinwen.index.builder import ReindexOptions, reindex
first, second, root = (Path(a) for a in sys.argv[2:5])
full = reindex(ReindexOptions([first], root, workers=2, progress=False))
more = reindex(ReindexOptions([second], root, incremental=True, progress=False))
print(full.documents, more.indexed, more.documents)
"""


def test_reindex_works_under_python_3_14s_default_start_method(tmp_path: Path) -> None:
    # Over 100 records each, so that both runs hand batches to sub-writer processes.
    first = write_jsonl(tmp_path / "a.jsonl", [article(n) for n in range(240)])
    changed = [article(n, body=f"第{n}篇更正稿。风电项目开工建设。") for n in range(120, 360)]
    second = write_jsonl(tmp_path / "b.jsonl", [article(n) for n in range(120)] + changed)
    root = tmp_path / "ix"
    done = _python("-W", "error", "-c", START_METHOD_RUN, "forkserver", first, second, root)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["240", "240", "360"]
    assert Searcher(root).search(SearchRequest(q="风电", page_size=10)).total == 240


FORK_THREADS_RUN = """
import os, sys, threading
from pathlib import Path
real_fork, threads = os.fork, []
def fork():
    threads.append(threading.active_count())
    return real_fork()
os.fork = fork
from xinwen.index.builder import ReindexOptions, reindex
reindex(ReindexOptions([Path(sys.argv[1])], Path(sys.argv[2]), workers=3, progress=False))
print(*threads)
"""


def test_sub_writers_are_forked_before_any_thread_starts(tmp_path: Path) -> None:
    # A process that forks while another of its threads holds a lock can leave the child
    # deadlocked on it; Python 3.12+ warns about every such fork (an error under -W error).
    src = write_jsonl(tmp_path / "a.jsonl", [article(n) for n in range(400)])
    done = _python("-c", FORK_THREADS_RUN, src, tmp_path / "ix")
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["1", "1", "1"]  # three sub-writers, forked single-threaded


def test_the_progress_total_counts_every_record_of_a_folder(tmp_path: Path) -> None:
    # A folder of an export and some pages: the export's lines were not counted, and the
    # progress read "2,945/3 records".
    folder = tmp_path / "corpus"
    folder.mkdir()
    write_jsonl(folder / "articles.jsonl", [article(n) for n in range(5)])
    (folder / "list.csv").write_text("title,body\n一,一。\n二,二。\n三,三。\n", "utf-8")
    for name in ("政策/0.txt", "政策/1.txt", "项目/2.html"):
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text("标题\n正文。", "utf-8")
    (folder / "README.md").write_text("说明", "utf-8")
    assert estimate_records([folder]) == 5 + 3 + 3
    assert estimate_records([folder, folder / "articles.jsonl"]) == 16
    (folder / "more.json").write_text("[]", "utf-8")  # a JSON array: not counted quickly
    assert estimate_records([folder]) is None


def _pages(folder: Path, count: int, start: int = 0) -> Path:
    for n in range(start, start + count):
        page = folder / "政策" / f"{n:04d}.txt"
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(
            f"第{n}号通知发布\n2024-03-{n % 28 + 1:02d}\n"
            f"某省能源局发布第{n}号通知，部署储能工作。\n",
            "utf-8",
        )
    return folder


def test_an_incremental_run_that_would_change_every_page_id_stops(tmp_path: Path) -> None:
    """Page ids are relative to the sources' common folder: naming a second folder of pages
    in the nightly incremental command moved it, and every page came back as a new article
    under a new id, the old ones kept: the index held everything twice, without a word."""
    site, extra = _pages(tmp_path / "site", 6), _pages(tmp_path / "extra", 2, start=50)
    root = build_index(tmp_path / "ix", site)
    served = IndexStore(root).current().name
    ids = sorted(h.id for h in Searcher(root).search(SearchRequest(page_size=50)).hits)
    assert ids[0] == "政策/0000.txt"
    with pytest.raises(ReindexError, match="the page ids would change") as stopped:
        build_index(root, site, extra, incremental=True)
    assert str(tmp_path / "site") in str(stopped.value)
    assert IndexStore(root).current().name == served  # nothing written
    # The same folder, with a new page in it: the ids stay, the page is added.
    _pages(site, 1, start=6)
    build_index(root, site, incremental=True)
    after = sorted(h.id for h in Searcher(root).search(SearchRequest(page_size=50)).hits)
    assert after == [*ids, "政策/0006.txt"]


@pytest.mark.parametrize("command", ["reindex", "inspect"])
def test_a_named_pipe_among_the_pages_is_skipped_not_waited_on(
    tmp_path: Path, command: str
) -> None:
    """A named pipe left in a source folder (an upload tool's) made reindex and inspect wait
    for a writer for ever, silently, the reindex holding its lock: every later run failed."""
    site = _pages(tmp_path / "site", 2)
    os.mkfifo(site / "政策" / "upload.html")
    argv = [sys.executable, "-m", "xinwen", command, str(site)]
    if command == "reindex":
        argv += ["--index", str(tmp_path / "ix"), "--nice", "0"]
    done = subprocess.run(
        argv,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    if command == "reindex":
        assert "indexed 2 + unchanged 0 + duplicates 0 + skipped 1" in done.stdout
        assert "not a regular file" in done.stdout + done.stderr
