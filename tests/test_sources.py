"""Reading corpus files and folders into Records and Skips."""

from __future__ import annotations

import datetime as dt
import gzip
import json
import os
import random
import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from xinwen.index.records import Origin, Record, Skip
from xinwen.index.sources import MAX_BODY_CHARS, parse_field_map, read_sources

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "sources"
SAMPLE = ROOT / ".." / "shared" / "corpus" / "sample.jsonl"

D = dt.date


def records(items: list[Record | Skip]) -> list[Record]:
    return [item for item in items if isinstance(item, Record)]


def skips(items: list[Record | Skip]) -> list[Skip]:
    return [item for item in items if isinstance(item, Skip)]


def read(*paths: Path | str, **options: object) -> list[Record | Skip]:
    return list(read_sources(list(paths), **options))  # type: ignore[arg-type]


def at_line(items: list[Record | Skip], line: int) -> Record | Skip:
    [item] = [item for item in items if item.origin and item.origin.line == line]
    return item


def write_jsonl(path: Path, rows: list[object]) -> Path:
    path.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), "utf-8")
    return path


# ---- formats -------------------------------------------------------------------------------


def test_jsonl_with_common_field_spellings() -> None:
    first, second, third = read(FIXTURES / "news.jsonl")
    assert first == Record(
        id="n-1",  # stripped
        title="光伏装机容量创新高",
        body="国家能源局发布数据，2019年光伏新增装机30GW。",
        category="能源",
        source="能源日报",
        published=D(2020, 1, 9),
        url="https://example.com/n-1",
    )
    assert first.origin == Origin(str(FIXTURES / "news.jsonl"), 1)
    # Chinese keys; HTML body; blank source -> None; no id -> the url
    assert isinstance(second, Record)
    assert (second.title, second.body) == (
        "风电项目开工",
        "某风电项目今日开工。\n总投资 10亿元&配套储能。",
    )
    assert (second.category, second.source, second.published) == ("项目", None, D(2020, 3, 2))
    assert second.id == second.url == "https://example.com/n-2"
    # Keys in another case; a number as title; a list of strings as body; epoch seconds
    assert isinstance(third, Record)
    assert (third.title, third.body, third.published) == (
        "2024",
        "第一段。\n第二段。",
        D(2020, 1, 9),
    )
    assert re.fullmatch(r"h-[0-9a-f]{32}", third.id)


def test_jsonl_gz(tmp_path: Path) -> None:
    path = tmp_path / "news.jsonl.gz"
    path.write_bytes(gzip.compress((FIXTURES / "news.jsonl").read_bytes()))
    assert records(read(path)) == records(read(FIXTURES / "news.jsonl"))


def test_json_array_elements_are_numbered_from_one() -> None:
    path = FIXTURES / "array.json"
    first, second, third = read(path)
    assert isinstance(first, Record)
    assert (first.id, first.title, first.published) == ("7", "储能电池价格下降", D(2023, 5, 6))
    assert (first.category, first.source) == ("市场", "储能网")
    assert first.origin == Origin(str(path), 1)
    assert second == Skip("not a JSON object", Origin(str(path), 2), "got a string")
    assert isinstance(third, Record)
    assert (third.title, third.body, third.published) == (
        "氢能产业链",
        "氢能产业链加快布局。",
        D(2023, 5, 7),
    )
    assert third.origin == Origin(str(path), 3)


@pytest.mark.parametrize("stamp", ["1970-01-01 08:00:00", "1970-01-01T00:00:00Z", 0])
def test_a_cms_placeholder_date_leaves_the_record_undated_and_named(
    tmp_path: Path, stamp: object
) -> None:
    # The day of epoch 0 is what a CMS stores for an article it has no date for: dated, the
    # article sorted as the archive's oldest and stood alone in a 1970 facet.
    path = tmp_path / "export.jsonl"
    path.write_text(
        json.dumps({"title": "旧稿", "body": "旧稿正文。", "published": stamp}), "utf-8"
    )
    [record] = read(path)
    assert isinstance(record, Record)
    assert record.published is None and record.unread_date == str(stamp)


@pytest.mark.parametrize("stamp", ["2099-01-01 00:00:00", "2038-01-19T03:14:07Z"])
def test_a_pinned_posts_far_future_date_leaves_the_record_undated_and_named(
    tmp_path: Path, stamp: str
) -> None:
    # A CMS pins a post to the top of its lists by dating it decades ahead; dated, it headed
    # every search sorted by date. Next month's date is kept: that is a real (scheduled) date.
    next_month = (dt.date.today() + dt.timedelta(days=31)).isoformat()
    path = tmp_path / "export.jsonl"
    path.write_text(
        json.dumps({"title": "置顶", "body": "置顶公告。", "published": stamp})
        + "\n"
        + json.dumps({"title": "预告", "body": "下月预告。", "published": next_month}),
        "utf-8",
    )
    pinned, scheduled = read(path)
    assert isinstance(pinned, Record) and isinstance(scheduled, Record)
    assert pinned.published is None and pinned.unread_date == stamp
    assert scheduled.published == dt.date.fromisoformat(next_month)


def test_json_file_holding_json_lines_is_read_as_such(tmp_path: Path) -> None:
    path = tmp_path / "export.json"
    path.write_text('{"title": "一"}\n{"title": "二"}\nnot json\n', "utf-8")
    items = read(path)
    assert [r.title for r in records(items)] == ["一", "二"]
    assert [(s.reason, s.origin.line) for s in skips(items)] == [("invalid JSON", 3)]


def test_json_that_is_not_an_array(tmp_path: Path) -> None:
    path = tmp_path / "one.json"
    path.write_text('"标题"', "utf-8")
    assert read(path) == [
        Skip("not a JSON array", Origin(str(path), 1), "the top level is a string", incomplete=True)
    ]


@pytest.mark.parametrize(
    "export",
    [
        {
            "data": [
                {"标题": "风电项目开工", "正文": "风电项目今日开工。"},
                {"title": "储能", "body": "储能电站。"},
            ]
        },
        {
            "code": 0,
            "msg": "ok",
            "data": {
                "total": 2,
                "list": [
                    {"title": "风电项目开工", "content": "风电项目今日开工。"},
                    {"title": "储能", "content": "储能电站。"},
                ],
            },
        },
        {
            "articles": [
                {"title": "风电项目开工", "body": "风电项目今日开工。"},
                {"title": "储能", "body": "储能电站。"},
            ],
            "authors": [{"name": "张三"}],
        },
        {
            "version": "https://jsonfeed.org/version/1.1",
            "title": "某能源网",
            "items": [
                {
                    "id": "1",
                    "title": "风电项目开工",
                    "content_html": "<p>风电项目今日开工。</p>",
                    "date_published": "2024-05-01T08:00:00+08:00",
                },
                {"id": "2", "title": "储能", "content_text": "储能电站。"},
            ],
        },
    ],
    ids=["data", "api-response", "with-authors", "json-feed"],
)
def test_json_export_wrapping_its_articles_in_an_object(tmp_path: Path, export: dict) -> None:
    # The common export shapes: the array of articles under a key, one or two levels down,
    # beside other lists (an author list has no body: not the articles).
    path = tmp_path / "export.json"
    path.write_text(json.dumps(export, ensure_ascii=False), "utf-8")
    items = read(path)
    assert [(r.title, r.origin.line) for r in records(items)] == [("风电项目开工", 1), ("储能", 2)]
    assert skips(items) == []


def test_json_file_of_one_article_or_of_none(tmp_path: Path) -> None:
    one = tmp_path / "one.json"
    one.write_text('{"id": "a1", "title": "光伏电站并网", "body": "光伏电站今日并网。"}', "utf-8")
    [record] = read(one)
    assert isinstance(record, Record) and (record.id, record.title) == ("a1", "光伏电站并网")
    # An article's own lists (its images, its comments, none yet) are not articles.
    own = tmp_path / "own.json"
    own.write_text(
        json.dumps(
            {
                "title": "风电并网",
                "body": "风电场并网。",
                "images": [{"src": "a.jpg"}],
                "comments": [],
            }
        ),
        "utf-8",
    )
    [record] = read(own)
    assert isinstance(record, Record) and record.title == "风电并网"
    empty = tmp_path / "empty.json"
    empty.write_text('{"data": {"total": 0, "list": []}}', "utf-8")
    assert read(empty) == []


def test_json_export_with_two_lists_of_articles_is_refused_with_their_names(
    tmp_path: Path,
) -> None:
    path = tmp_path / "two.json"
    path.write_text(
        json.dumps(
            {
                "news": [{"title": "甲", "body": "甲。"}],
                "notices": [{"title": "乙", "body": "乙。"}],
            }
        ),
        "utf-8",
    )
    [skip] = read(path)
    assert isinstance(skip, Skip) and skip.reason == "several JSON arrays"
    assert "news, notices" in skip.detail and skip.incomplete


def test_a_line_cut_short_names_its_column_once(tmp_path: Path) -> None:
    path = tmp_path / "cut.jsonl"
    path.write_text('{"title": "光伏", "body": "光伏电站', "utf-8")
    [skip] = read(path)
    assert isinstance(skip, Skip)
    assert skip.detail == "Unterminated string starting at column 25"


def test_broken_json_array_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('[\n {"title": "a"},\n {"title": "b",}\n]\n', "utf-8")
    [skip] = read(path)
    assert isinstance(skip, Skip)
    assert (skip.reason, skip.origin.line) == ("invalid JSON", 3)


@pytest.mark.parametrize(
    "header",
    [
        "标题,正文,发布日期,类别,来源媒体,网址",  # an export's usual Chinese headers
        "標題,正文,發布時間,欄目,來源,網址",  # the same in traditional characters
        "题目,全文,发表时间,频道,稿源,原文链接",
    ],
)
def test_common_chinese_column_names_are_understood(tmp_path: Path, header: str) -> None:
    # (they were dropped without a word: the record came out undated, uncategorised, and with
    # a title made from its body where the title column was 標題)
    path = tmp_path / "export.csv"
    row = "光伏装机创新高,今年光伏新增装机创历史新高。,2024-02-03,市场,经济日报,https://e.invalid/1"
    path.write_text(f"{header}\r\n{row}\r\n", "utf-8-sig")
    [rec] = records(read(path))
    assert (rec.title, rec.body) == ("光伏装机创新高", "今年光伏新增装机创历史新高。")
    assert (rec.published, rec.category, rec.source) == (dt.date(2024, 2, 3), "市场", "经济日报")
    assert rec.url == "https://e.invalid/1"


def test_csv_with_header_multiline_field_and_short_row() -> None:
    path = FIXTURES / "table.csv"  # \r\n line ends, a quoted field spanning two lines
    first, short, third = read(path)
    assert isinstance(first, Record)
    assert (first.id, first.title, first.body) == ("1", "电网投资加快", "第一段\n第二段")
    assert (first.published, first.category) == (D(2022, 7, 1), "电网")
    assert first.origin == Origin(str(path), 2)
    assert short == Skip("wrong number of fields", Origin(str(path), 4), "expected 5, got 2")
    assert isinstance(third, Record)
    assert (third.id, third.published, third.origin.line) == ("3", D(2022, 7, 2), 5)


def test_tsv() -> None:
    first, second = read(FIXTURES / "table.tsv")
    assert isinstance(first, Record) and isinstance(second, Record)
    assert (first.id, first.title, first.published, first.category) == (
        "1",
        "核电机组投运",
        D(2022, 8, 1),
        "核电",
    )
    assert (second.title, second.body, second.published, second.category) == (
        "带引号的 标题",
        "正文",
        None,
        None,
    )
    assert second.origin.line == 3


def test_csv_broken_quote_is_skipped_and_reading_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "q.csv"
    path.write_text('title,body\n"甲"乙,正文\n丙,正文\n', "utf-8")
    skip, record = read(path)
    assert isinstance(skip, Skip)
    assert (skip.reason, skip.origin.line) == ("malformed row", 2)
    assert isinstance(record, Record)
    assert record.title == "丙"


def test_csv_without_title_or_body_column_is_reported_once(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text("a,b\n1,2\n3,4\n", "utf-8")
    assert read(path) == [
        Skip("no title or body column", Origin(str(path), 1), "columns: a, b", incomplete=True)
    ]


def test_thucnews_folder() -> None:
    root = FIXTURES / "thucnews"
    sport, tech = read(root)
    assert isinstance(sport, Record) and isinstance(tech, Record)
    assert (sport.id, sport.category) == ("体育/0.txt", "体育")
    assert sport.title == "主队主场逆转取胜 锁定季后赛席位"
    assert sport.body == (
        "本报讯 昨晚的比赛中，主队在落后15分的情况下完成逆转，最终以98比95取胜。\n"
        "赛后主教练表示，球队的防守在下半场有了明显改善。"
    )
    assert sport.published is None  # THUCNews has no dates; none is made up
    assert sport.origin == Origin(str(root / "体育" / "0.txt"), 1)
    # \r\n line ends
    assert (tech.id, tech.category, tech.title) == ("科技/12.txt", "科技", "新一代芯片量产")
    assert tech.body == "某公司宣布新一代芯片正式量产。\n首批产品将于下月上市。"


def test_folder_ids_are_relative_to_the_given_root_and_stable() -> None:
    items = read(FIXTURES)
    ids = [r.id for r in records(items) if r.origin and r.origin.path.endswith(".txt")]
    assert ids == [
        "pages/page-01.txt",
        "pages/page-02.txt",
        "thucnews/体育/0.txt",
        "thucnews/科技/12.txt",
    ]
    assert read(FIXTURES) == items


def _two_pages(first: Path, second: Path) -> None:
    """Write one article as ``first/1.txt``, another as ``second/1.txt``."""
    pages = {
        first: "苍梧山风电场获批\n苍梧山风电场项目获得核准，计划明年建成。\n",
        second: "琉璃湖光伏电站并网\n琉璃湖光伏电站今日并网，年发电一亿千瓦时。\n",
    }
    for folder, text in pages.items():
        folder.mkdir(parents=True)
        (folder / "1.txt").write_text(text, "utf-8")


def test_two_sources_of_the_same_layout_keep_their_pages_apart(tmp_path: Path) -> None:
    # Two sites' crawls, each 政策/1.txt: two articles, not one replacing the other.
    _two_pages(tmp_path / "siteA" / "政策", tmp_path / "siteB" / "政策")
    items = records(read(tmp_path / "siteA", tmp_path / "siteB"))
    assert [(r.id, r.title, r.category) for r in items] == [
        ("siteA/政策/1.txt", "苍梧山风电场获批", "政策"),
        ("siteB/政策/1.txt", "琉璃湖光伏电站并网", "政策"),
    ]
    # (one source alone: ids relative to it, as ever)
    assert [r.id for r in records(read(tmp_path / "siteA"))] == ["政策/1.txt"]


def test_a_corpus_given_as_its_folders_gets_the_ids_it_gets_whole(tmp_path: Path) -> None:
    # `xinwen reindex corpus/政策 corpus/项目 --incremental` after `xinwen reindex corpus`:
    # the same articles, the same ids (else every one would be indexed again as new). (Their
    # categories follow the rule for each source given: a source's own name is none.)
    _two_pages(tmp_path / "corpus" / "政策", tmp_path / "corpus" / "项目")
    whole = [r.id for r in records(read(tmp_path / "corpus"))]
    parts = records(read(tmp_path / "corpus" / "政策", tmp_path / "corpus" / "项目"))
    assert [r.id for r in parts] == whole == ["政策/1.txt", "项目/1.txt"]


def test_mixed_files_and_folders_in_order(tmp_path: Path) -> None:
    (tmp_path / ".hidden.txt").write_text("隐藏文件\n不读", "utf-8")
    (tmp_path / "README.md").write_text("# 说明", "utf-8")
    (tmp_path / "LICENSE").write_text("MIT", "utf-8")
    (tmp_path / "page.pdf").write_text("%PDF-1.4 不支持的格式", "utf-8")
    items = read(FIXTURES / "table.tsv", tmp_path, FIXTURES / "news.jsonl")
    assert [r.title for r in records(items)][:2] == ["核电机组投运", "带引号的 标题"]
    assert len(records(items)) == 5
    assert skips(items) == [
        Skip(
            "unsupported file type",
            Origin(str(tmp_path / "page.pdf"), 0),
            "expected .jsonl, .jsonl.gz, .json, .csv, .tsv, .txt or .html",
        )
    ]


def test_single_path_string_is_one_path() -> None:
    assert read_sources(str(FIXTURES / "news.jsonl")) is not None
    assert len(list(read_sources(str(FIXTURES / "news.jsonl")))) == 3


def test_missing_path(tmp_path: Path) -> None:
    missing = tmp_path / "nope.jsonl"
    assert read(missing) == [
        Skip("no such file or directory", Origin(str(missing), 0), incomplete=True)
    ]


@pytest.mark.parametrize("name", ["a.jsonl", "a.jsonl.gz", "a.json", "a.csv", "a.tsv", "a.txt"])
def test_empty_file_gives_nothing(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(gzip.compress(b"") if name.endswith(".gz") else b"")
    if name.endswith(".txt"):  # one article per file: an empty one is a counted skip
        assert read(path) == [Skip("empty file", Origin(str(path), 0), "no text")]
        # (named by its file alone in the summary: no line of it is at fault)
        assert str(read(path)[0]) == f"{path}: empty file (no text)"
    else:
        assert read(path) == []


def test_whitespace_only_file_gives_nothing(tmp_path: Path) -> None:
    path = tmp_path / "blank.jsonl"
    path.write_text("\n  \n\r\n", "utf-8")
    assert read(path) == []


# ---- malformed records ---------------------------------------------------------------------


def test_malformed_jsonl_lines_are_reported_with_file_and_line() -> None:
    path = FIXTURES / "malformed.jsonl"
    items = read(path)
    where = {item.origin.line: item for item in items if item.origin}
    assert sorted(where) == [1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]  # line 2 is blank
    expected_skips = {
        3: "invalid JSON",
        4: "not a JSON object",
        5: "wrong type",
        6: "empty record",
        9: "wrong type",
        10: "wrong type",
        11: "empty record",
        12: "not a JSON object",
    }
    assert {line: s.reason for line, s in where.items() if isinstance(s, Skip)} == expected_skips
    assert str(where[3]).startswith(f"{path}:3: invalid JSON")
    assert where[4] == Skip("not a JSON object", Origin(str(path), 4), "got an array")
    assert where[5] == Skip(
        "wrong type",
        Origin(str(path), 5),
        "body is an object, not text (to read the text inside it: --field body=NAME.INNER)",
    )
    assert where[9] == Skip(
        "wrong type", Origin(str(path), 9), "body is a list with non-text items"
    )
    assert where[10] == Skip("wrong type", Origin(str(path), 10), "title is a boolean, not text")
    assert where[6] == Skip("empty record", Origin(str(path), 6), "title and body are empty")
    assert where[11] == Skip(
        "empty record", Origin(str(path), 11), "no title or body field among: 标题x, 摘要"
    )


def test_missing_title_comes_from_the_first_sentence() -> None:
    record = at_line(read(FIXTURES / "malformed.jsonl"), 7)
    assert isinstance(record, Record)
    assert record.title == "没有标题的新闻"
    assert record.body == "没有标题的新闻。第二句话在这里。"


def test_long_first_line_makes_a_cut_title(tmp_path: Path) -> None:
    body = "这是一段很长的没有句号的正文" * 10
    [record] = read(write_jsonl(tmp_path / "a.jsonl", [{"body": body}]))
    assert isinstance(record, Record)
    assert record.title.endswith("…")
    assert body.startswith(record.title[:-1])
    assert len(record.title) <= 65


def test_title_only_record_is_kept_with_empty_body() -> None:
    record = at_line(read(FIXTURES / "malformed.jsonl"), 8)
    assert isinstance(record, Record)
    assert (record.title, record.body) == ("只有标题", "")


def test_huge_body_is_truncated_not_skipped(tmp_path: Path) -> None:
    body = "新" * 10_500_000  # ~31 MB of UTF-8
    path = write_jsonl(
        tmp_path / "big.jsonl", [{"title": "大文件", "body": body}, {"title": "下一条"}]
    )
    first, second = read(path)
    assert isinstance(first, Record)
    assert len(first.body) == MAX_BODY_CHARS == 1_000_000
    assert isinstance(second, Record)


def test_jsonl_mixed_line_endings(tmp_path: Path) -> None:
    path = tmp_path / "endings.jsonl"
    path.write_bytes(b'{"title":"a"}\r\n{"title":"b"}\r{"title":"c"}\n{bad\r\n{"title":"d"}')
    items = read(path)
    assert [(r.title, r.origin.line) for r in records(items) if r.origin] == [
        ("a", 1),
        ("b", 2),
        ("c", 3),
        ("d", 5),
    ]
    assert [(s.reason, s.origin.line) for s in skips(items)] == [("invalid JSON", 4)]


def test_csv_mixed_line_endings(tmp_path: Path) -> None:
    path = tmp_path / "endings.csv"
    path.write_bytes(b"title,body\r\na,1\rb,2\nc,3\r\n")
    assert [(r.title, r.origin.line) for r in records(read(path)) if r.origin] == [
        ("a", 2),
        ("b", 3),
        ("c", 4),
    ]


def test_truncated_gzip_keeps_what_was_read(tmp_path: Path) -> None:
    rng = random.Random(3)
    rows = [
        {"title": f"第{i}条", "body": "".join(rng.choices("光伏风电储能氢能核电", k=400))}
        for i in range(2000)
    ]
    data = gzip.compress("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows).encode())
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(data[: len(data) // 2])
    items = read(path)
    kept = records(items)
    assert 0 < len(kept) < len(rows)
    assert [r.title for r in kept] == [row["title"] for row in rows[: len(kept)]]
    assert items[-1] == Skip(
        "truncated gzip",
        Origin(str(path), len(kept) + 1),
        "compressed data ends early",
        incomplete=True,
    )


def test_not_really_gzip(tmp_path: Path) -> None:
    path = tmp_path / "plain.jsonl.gz"
    path.write_text('{"title": "a"}\n', "utf-8")
    [skip] = read(path)
    assert isinstance(skip, Skip)
    assert (skip.reason, skip.origin.line) == ("corrupt gzip", 1)


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400), st.sampled_from([".jsonl", ".json", ".csv", ".tsv", ".txt"]))
def test_any_bytes_give_records_or_skips(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "f" + suffix)
        with open(path, "wb") as handle:
            handle.write(data)
        for item in read_sources([path]):
            assert isinstance(item, Record | Skip)
            if isinstance(item, Record):
                assert item.id and (item.title or item.body)


# ---- field mapping -------------------------------------------------------------------------


def test_field_map_override_wins_over_defaults(tmp_path: Path) -> None:
    row = {"title": "t", "body": "默认正文", "content": "指定正文"}
    path = write_jsonl(tmp_path / "a.jsonl", [row])
    [default] = read(path)
    [override] = read(path, field_map={"body": "content"})
    assert isinstance(default, Record) and isinstance(override, Record)
    assert (default.body, override.body) == ("默认正文", "指定正文")


def test_field_map_key_is_taken_from_its_default_field(tmp_path: Path) -> None:
    path = write_jsonl(
        tmp_path / "a.jsonl", [{"title": "t", "source": "栏目A", "publisher": "社B"}]
    )
    [record] = read(path, field_map={"category": "SOURCE"})  # case-insensitive
    assert isinstance(record, Record)
    assert (record.category, record.source) == ("栏目A", "社B")


def test_field_map_brings_in_an_unknown_key() -> None:
    items = read(FIXTURES / "malformed.jsonl", field_map={"body": "摘要"})
    line_11 = at_line(items, 11)
    assert isinstance(line_11, Record)
    assert (line_11.title, line_11.body) == ("y", "y")


def test_field_names_ignore_case_and_separators(tmp_path: Path) -> None:
    row = {"HEADLINE": "标题", "Full_Text": "正文", "Publish-Time": "2020-01-09", "DocID": "x1"}
    [record] = read(write_jsonl(tmp_path / "a.jsonl", [row]))
    assert isinstance(record, Record)
    assert (record.id, record.title, record.body, record.published) == (
        "x1",
        "标题",
        "正文",
        D(2020, 1, 9),
    )


def test_unknown_field_in_map_fails_before_reading() -> None:
    with pytest.raises(ValueError, match="unknown field 'bdy'"):
        read_sources([FIXTURES / "news.jsonl"], field_map={"bdy": "content"})


def test_parse_field_map() -> None:
    assert parse_field_map(["body=content", " title = 标题 "]) == {
        "body": "content",
        "title": "标题",
    }
    with pytest.raises(ValueError, match="FIELD=NAME"):
        parse_field_map(["body"])
    with pytest.raises(ValueError, match="unknown field"):
        parse_field_map(["text=content"])


def test_categories_and_sources_are_stripped_and_empty_is_none(tmp_path: Path) -> None:
    rows = [{"title": "a", "category": "  国际  ", "source": " "}, {"title": "b", "category": 3}]
    first, second = read(write_jsonl(tmp_path / "a.jsonl", rows))
    assert isinstance(first, Record) and isinstance(second, Record)
    assert (first.category, first.source) == ("国际", None)
    assert second.category == "3"


def test_id_is_given_then_url_then_content_hash(tmp_path: Path) -> None:
    rows = [
        {"id": 42, "title": "a", "url": "u1"},
        {"id": "  ", "title": "b", "url": " u2 "},
        {"title": "c", "body": "正文"},
    ]
    path = write_jsonl(tmp_path / "a.jsonl", rows)
    ids = [r.id for r in records(read(path))]
    assert ids[:2] == ["42", "u2"]
    assert ids[2].startswith("h-")
    assert ids == [r.id for r in records(read(path))]  # stable across runs


# ---- scraped pages -------------------------------------------------------------------------


def test_scraped_page_header_footer_headline_and_date() -> None:
    path = FIXTURES / "pages" / "page-01.txt"
    [page] = read(path)
    assert isinstance(page, Record)
    assert page.title == "某省海上风电基地首批机组并网发电!"
    assert page.body.startswith("3月18日,某省海上风电基地首批机组顺利并网。\n该基地规划装机容量")
    assert page.body.endswith("2021年底前力争新增并网100万千瓦。")
    for boilerplate in (
        "新能源新闻资讯",
        "政策|项目|技术",
        "未经允许不得转载",
        "相关推荐",
        "光伏扶贫",
    ):
        assert boilerplate not in page.body
    # 3月18日 with the page's year 2021 -- not the 2019 date of a related article in the footer
    assert page.published == D(2021, 3, 18)
    assert page.category is None  # the navigation bar is not a category
    assert page.source == "风光储资讯网"  # named by the copyright footer
    assert page.id == "page-01.txt"


def test_scraped_page_without_footer_headline() -> None:
    [page] = read(FIXTURES / "pages" / "page-02.txt")
    assert isinstance(page, Record)
    assert page.title == "分布式光伏整县推进试点名单公布"  # not the byline above it
    assert (
        page.body
        == "据悉，试点县（市、区）需在6月30日前报送实施方案。\n整县推进将带动屋顶光伏规模化发展。"
    )
    assert page.published == D(2021, 6, 15)
    assert page.category is None


def test_footer_confirms_which_line_is_the_headline(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_text(
        "新能源新闻资讯\n政策|项目|技术\n导读：本文约两千字\n编者按语在此处\n"
        "储能电站招标量同比翻番\n正文第一段。\n"
        "未经允许不得转载：风光储资讯网 » 储能电站招标量同比翻番\n",
        "utf-8",
    )
    [page] = read(path)
    assert isinstance(page, Record)
    assert (page.title, page.body) == ("储能电站招标量同比翻番", "正文第一段。")


def _site_page(folder: Path) -> Path:
    site = folder / "绿能在线"
    site.mkdir()
    path = site / "1.txt"
    path.write_text(
        "绿能在线 首页\n氢燃料电池汽车示范城市扩围\n示范城市群新增三个。\n"
        "版权所有 © 绿能在线\n热门文章：储能招标汇总\n",
        "utf-8",
    )
    return path


def test_a_new_sites_page_needs_no_patterns_and_patterns_still_add(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    path = _site_page(corpus)
    [plain] = read(path)  # the built-in furniture rules know 版权所有 and 热门文章
    assert isinstance(plain, Record)
    assert (plain.title, plain.body, plain.category) == (
        "氢燃料电池汽车示范城市扩围",
        "示范城市群新增三个。",
        None,  # the file was given directly: no folder below the source root
    )
    assert plain.source == "绿能在线"  # named by its copyright line
    patterns = tmp_path / "patterns.txt"
    patterns.write_text("# 绿能在线\n^绿能在线 首页$\nend:^版权所有\n", "utf-8")
    [page] = read(path, boilerplate=patterns)
    assert isinstance(page, Record)
    assert (page.title, page.body, page.category) == (
        "氢燃料电池汽车示范城市扩围",
        "示范城市群新增三个。",
        None,
    )
    [in_folder] = read(corpus, boilerplate=patterns)
    assert isinstance(in_folder, Record) and in_folder.category is None  # 绿能在线: a site


def test_bad_boilerplate_pattern_names_its_line(tmp_path: Path) -> None:
    patterns = tmp_path / "patterns.txt"
    patterns.write_text("# ok\n^fine$\n(unclosed\n", "utf-8")
    with pytest.raises(ValueError, match=r"patterns\.txt:3: bad pattern"):
        read_sources([FIXTURES], boilerplate=patterns)


def test_navigation_like_line_deep_in_an_article_does_not_make_it_a_page(tmp_path: Path) -> None:
    folder = tmp_path / "财经"
    folder.mkdir()
    lines = [
        "股市收盘",
        "第一段。",
        "第二段。",
        "第三段。",
        "第四段。",
        "第五段。",
        "A股|港股|美股",
    ]
    (folder / "1.txt").write_text("\n".join(lines), "utf-8")
    [record] = read(tmp_path)  # the folder below the source root names the category
    assert isinstance(record, Record)
    assert (record.title, record.category) == ("股市收盘", "财经")
    assert record.body.endswith("A股|港股|美股")


# ---- the shared real-news sample -----------------------------------------------------------


@pytest.fixture(scope="module")
def sample() -> tuple[list[dict[str, object]], list[Record | Skip]]:
    if not SAMPLE.is_file():
        pytest.skip(
            "../shared/corpus/sample.jsonl is absent: the shared real-news corpus is only on "
            "the project's machines, not in the repository"
        )
    raw = [json.loads(line) for line in SAMPLE.read_text("utf-8").splitlines()]
    return raw, read(SAMPLE)


@pytest.mark.corpus
def test_sample_reads_every_record(sample: tuple[list[dict], list[Record | Skip]]) -> None:
    raw, items = sample
    assert len(raw) == 392
    assert skips(items) == []
    assert [r.id for r in records(items)] == [row["id"] for row in raw]
    assert [r.origin.line for r in records(items) if r.origin] == list(range(1, 393))


@pytest.mark.corpus
def test_sample_fields_survive(sample: tuple[list[dict], list[Record | Skip]]) -> None:
    raw, items = sample
    for row, record in zip(raw, records(items), strict=True):
        assert record.published == (D.fromisoformat(row["published"]) if row["published"] else None)
        assert record.category == row["category"]
        assert record.source == row["source"]
        assert record.url == row["url"]
        assert record.title and record.body


@pytest.mark.corpus
def test_sample_full_width_digits_are_folded(
    sample: tuple[list[dict], list[Record | Skip]],
) -> None:
    raw, items = sample
    full_width = re.compile("[０-９Ａ-Ｚａ-ｚ]")
    folded = [
        (row, record)
        for row, record in zip(raw, records(items), strict=True)
        if full_width.search(f"{row['title']} {row['body']}")
    ]
    assert len(folded) >= 5  # Sogou articles with ２０１２年, Ｂ款, ...
    for row, record in folded:
        assert row["source"] in {"搜狐新闻", "雅虎中国"}
        assert not full_width.search(record.body + record.title)
        assert record.body.count("，") == str(row["body"]).count("，")  # punctuation kept
    assert any("2012年6月4日" in record.body for _, record in folded)
