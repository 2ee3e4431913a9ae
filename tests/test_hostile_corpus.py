"""Hostile corpus files all in one folder, through a real reindex: every file gives records or
counted skips naming ``file:line``, and the closing summary accounts for every record.

The readers' handling of each case is tested one by one in ``test_sources.py`` and
``test_encoding.py``; this is the end-to-end account of a reindex over all of them at once.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from tests.helpers import balanced
from xinwen.index.builder import ReindexOptions, reindex
from xinwen.index.records import Skip
from xinwen.index.report import ReindexReport
from xinwen.index.sources import MAX_BODY_CHARS, read_sources
from xinwen.index.store import IndexStore
from xinwen.search import Searcher, SearchRequest

NEWS = "国家能源局发布新能源发展报告，光伏和风电装机容量继续增长，储能项目加快建设。"


def line(obj: object) -> str:
    return json.dumps(obj, ensure_ascii=False)


def good(n: int, **fields: object) -> dict:
    return {"id": f"h-{n}", "title": f"第{n}条电力新闻", "body": f"{NEWS}编号{n}。", **fields}


Expected = dict[str, tuple[int, list[tuple[int, str]] | None]]


def write_corpus(folder: Path) -> Expected:
    """Write the hostile files; returns, per file, (records kept, [(line, skip reason)]),
    None for "skips only, at least one"."""
    folder.mkdir()
    expect: Expected = {}

    # A gzip file cut short: the records before the damage, then one skip.
    rows = [line(good(100 + i, body=NEWS * 40 + str(i))) + "\n" for i in range(60)]
    data = gzip.compress("".join(rows).encode())
    (folder / "a_truncated.jsonl.gz").write_bytes(data[: len(data) // 2])
    # (kept records are counted below, from what the reader could decompress)

    (folder / "b_invalid.jsonl").write_text(
        "\n".join([line(good(1)), "{broken", line(good(2)), "[1, 2]", '"a string"', "{}"]) + "\n",
        encoding="utf-8",
    )
    expect["b_invalid.jsonl"] = (
        2,
        [
            (2, "invalid JSON"),
            (4, "not a JSON object"),
            (5, "not a JSON object"),
            (6, "empty record"),
        ],
    )

    (folder / "c_types.jsonl").write_text(
        "\n".join(
            [
                line(good(3, title=2024)),  # a number as title: the text "2024"
                line(good(4, body=["第一段：光伏。", "第二段：风电。"])),  # a list of text: joined
                line(good(5, body=["正文", 1])),
                line(good(6, title=True)),
                line(good(7, body={"p": "正文"})),
                line(good(8, id=["a", "b"])),
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    expect["c_types.jsonl"] = (
        2,
        [(3, "wrong type"), (4, "wrong type"), (5, "wrong type"), (6, "wrong type")],
    )

    (folder / "d_missing.jsonl").write_text(
        "\n".join(
            [
                line({"id": "h-9", "body": "没有标题的新闻。第二句。"}),  # title from the body
                line({"id": "h-10", "title": "只有标题的新闻"}),  # a title alone is kept
                line({"id": "h-11", "category": "政策"}),
                line({"id": "h-12", "title": " ", "body": ""}),
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    expect["d_missing.jsonl"] = (2, [(3, "empty record"), (4, "empty record")])

    huge = NEWS * (10_000_000 // len(NEWS.encode()) + 1)  # a 10 MB body
    (folder / "e_huge.jsonl").write_text(
        line(good(13, body=huge)) + "\n" + line(good(14)) + "\n", encoding="utf-8"
    )
    expect["e_huge.jsonl"] = (2, [])

    (folder / "f_binary.jsonl").write_bytes(b"\x7fELF\x02\x01\x01\x00\x00\x00" * 200)
    expect["f_binary.jsonl"] = (0, [(1, "binary file")])
    # A PNG renamed .jsonl: its first line has no NUL byte, so it is skipped line by line.
    (folder / "f_image.jsonl").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)
    expect["f_image.jsonl"] = (0, None)
    (folder / "f_image.txt").write_bytes(b"GIF89a\x01\x00\x01\x00\x00\xff\x00," * 20)
    expect["f_image.txt"] = (0, [(0, "binary file")])

    (folder / "g_empty.jsonl").write_bytes(b"")
    expect["g_empty.jsonl"] = (0, [])

    gbk = [line(good(15, title="国网公司特高压工程投运", body="特高压直流工程今日投运。"))]
    (folder / "h_gbk.jsonl").write_bytes(("\n".join(gbk) + "\n").encode("gbk"))  # no marker
    expect["h_gbk.jsonl"] = (1, [])

    (folder / "i_endings.jsonl").write_bytes(
        line(good(16)).encode()
        + b"\r\n"
        + line(good(17)).encode()
        + b"\r"
        + line(good(18)).encode()
        + b"\n{bad\r\n"
        + line(good(19)).encode()
    )
    expect["i_endings.jsonl"] = (4, [(4, "invalid JSON")])

    (folder / "j_dups.jsonl").write_text(
        "\n".join(
            [
                line(good(20, body="旧的正文：抽水蓄能。")),
                line(good(21)),
                line(good(20, body="新的正文：氢能重卡。")),
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    expect["j_dups.jsonl"] = (3, [])  # 3 records read, 1 of them a duplicate
    return expect


@pytest.fixture(scope="module")
def hostile_run(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[Path, ReindexReport, list[Skip], dict]:
    base = tmp_path_factory.mktemp("hostile-corpus")
    folder = base / "corpus"
    expect = write_corpus(folder)
    options = ReindexOptions([folder], base / "ix", workers=2, progress=False)
    report = reindex(options)
    # Every skip, as the reindex read them (its report keeps only the first few of each reason).
    skips = [item for item in read_sources([folder]) if isinstance(item, Skip)]
    return base / "ix", report, skips, expect


def test_every_record_is_accounted_for(hostile_run: tuple) -> None:
    _root, report, skips, expect = hostile_run
    assert balanced(report)
    assert report.skipped == len(skips)
    assert report.duplicates == 1 and report.unchanged == 0
    by_file: dict[str, list[tuple[int, str]]] = {}
    for skip in skips:
        by_file.setdefault(Path(skip.origin.path).name, []).append((skip.origin.line, skip.reason))
    for name, (_kept, expected_skips) in expect.items():
        if expected_skips is None:
            assert by_file[name], name
        else:
            assert sorted(by_file.get(name, [])) == expected_skips, name
    # The truncated gzip: what could be read, then one skip on the line after it.
    [(cut_line, reason)] = by_file["a_truncated.jsonl.gz"]
    assert reason == "truncated gzip" and 1 < cut_line < 60
    kept = sum(n for n, _ in expect.values()) + (cut_line - 1)
    assert report.read == kept + report.skipped
    assert report.indexed == kept - report.duplicates == report.documents


def test_each_skip_names_its_file_and_line(hostile_run: tuple) -> None:
    _root, report, skips, _expect = hostile_run
    for skip in skips:
        # (a record's skip names its line; a whole file's, the file alone)
        place = f"{skip.origin.path}:{skip.origin.line}" if skip.origin.line else skip.origin.path
        assert f"{place}: {skip.reason}" in str(skip)
        assert Path(skip.origin.path).is_file()
    summary = report.summary()
    first = summary.splitlines()[0]
    assert first == (
        f"full reindex: read {report.read:,} records = indexed {report.indexed:,}"
        f" + unchanged 0 + duplicates 1 + skipped {report.skipped:,}"
    )
    for reason, count in report.skip_reasons.items():
        assert f"skipped {count:,} × {reason}: " in summary
    assert "c_types.jsonl:3 (body is a list with non-text items)" in summary
    assert "b_invalid.jsonl:2 (" in summary  # the first few places of each reason
    assert "h-20 at " in summary and "j_dups.jsonl:3" in summary


def test_what_was_kept_is_stored_as_written(hostile_run: tuple) -> None:
    root, _report, _skips, _expect = hostile_run
    _gen, ix = IndexStore(root).open_current()
    with ix.searcher() as searcher:
        doc = searcher.document
        assert doc(id="h-15")["title"] == "国网公司特高压工程投运"  # GBK without a marker
        assert "氢能重卡" in doc(id="h-20")["body"]  # the last of a repeated id wins
        assert len(list(searcher.document_numbers(id="h-20"))) == 1
        assert doc(id="h-3")["title"] == "2024"
        assert "第一段：光伏。" in doc(id="h-4")["body"]
        assert doc(id="h-9")["title"] == "没有标题的新闻"
        assert doc(id="h-10")["body"] == ""  # a title alone
        assert len(doc(id="h-13")["body"]) == MAX_BODY_CHARS  # cut, not skipped
        assert all(doc(id=f"h-{n}") for n in (16, 17, 18, 19))  # every line ending
    ix.close()


def test_what_was_kept_is_searchable(hostile_run: tuple) -> None:
    root, _report, _skips, _expect = hostile_run
    searcher = Searcher(root)
    try:
        hits = searcher.search(SearchRequest(q="特高压直流")).hits
        assert [h.title for h in hits] == ["国网公司特高压工程投运"]
        assert [h.id for h in searcher.search(SearchRequest(q="氢能重卡")).hits] == ["h-20"]
        assert searcher.search(SearchRequest(q="抽水蓄能")).total == 0  # the duplicate lost
        assert [h.id for h in searcher.search(SearchRequest(q="只有标题")).hits] == ["h-10"]
    finally:
        searcher.close()
