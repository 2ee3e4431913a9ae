"""The side-by-side benchmark's pieces on tiny corpora written here (no real corpus needed).

The scaled-corpus generator, the query translation, and the FTS5 and tantivy adapters answering
with the right ids. tantivy is an optional (``bench``) dependency: its tests skip without it.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from bench.peer_fts5 import Fts5Search, build_fts5, match_expression
from bench.peer_query import Clause, Filters, PeerQuery, parse_query
from bench.scaled import base_id, copy_record, write_scaled
from bench.segmented import desegment, segment, segment_record

ARTICLES = [
    {
        "id": "a",
        "title": "中国经济持续增长",
        "body": "今年上半年，中国经济稳步恢复，GDP增长明显。光伏产业发展迅速。",
        "category": "中国经济",
        "published": "2021-08-05",
    },
    {
        "id": "b",
        "title": "美国总统大选",
        "body": "美国总统大选结果揭晓，经济议题受到关注。",
        "category": "国际资讯",
        "published": "2020-11-05",
    },
    {
        "id": "c",
        "title": "风电装机创新高",
        "body": "我国风电装机容量创新高，新能源发展迅速。",
        "category": "中国经济",
        "published": "2019-01-02",
    },
    {
        "id": "d",
        "title": "地震演练",
        "body": "多地举行地震应急演练。",
        "category": None,
        "published": None,
    },
]

# (query, filters, ids in any order) every adapter must answer alike.
CASES = [
    ("经济", Filters(), {"a", "b"}),
    ("中国 经济", Filters(), {"a"}),  # AND
    ("经济 火星", Filters(), {"a", "b"}),  # AND finds nothing: OR
    ("光伏 OR 风电", Filters(), {"a", "c"}),
    ('"中国经济"', Filters(), {"a"}),  # a phrase
    ("经济 -美国", Filters(), {"a"}),
    ("GDP", Filters(), {"a"}),
    ("gdp", Filters(), {"a"}),  # lower-cased on both sides
    ("經濟", Filters(), set()),  # traditional: passed as typed, no folding
    ("%", Filters(), set()),  # nothing searchable
    ("经济", Filters(categories=("国际资讯",)), {"b"}),
    ("经济", Filters(date_from=dt.date(2021, 1, 1)), {"a"}),
    ("发展", Filters(date_to=dt.date(2020, 12, 31)), {"c"}),
]


# -- scaled corpus -------------------------------------------------------------------------


def test_scaled_corpus_has_unique_ids_and_shifted_dates(tmp_path: Path) -> None:
    src = tmp_path / "src.jsonl"
    src.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in ARTICLES), encoding="utf-8"
    )
    dest = tmp_path / "scaled.jsonl"
    assert write_scaled(src, dest, 10) == 10
    rows = [json.loads(line) for line in dest.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 10
    assert len({r["id"] for r in rows}) == 10
    assert rows[:4] == ARTICLES  # the originals first, unchanged
    assert [r["id"] for r in rows[4:]] == ["a~1", "b~1", "c~1", "d~1", "a~2", "b~2"]
    assert [base_id(r["id"]) for r in rows[4:]] == ["a", "b", "c", "d", "a", "b"]
    first = dt.date.fromisoformat("2021-08-05")
    one = dt.date.fromisoformat(rows[4]["published"])
    two = dt.date.fromisoformat(rows[8]["published"])
    assert (one - first).days == (two - one).days > 14 * 365
    assert rows[7]["published"] is None  # undated stays undated
    assert rows[4]["title"] == ARTICLES[0]["title"]


def test_copies_of_a_million_article_corpus_stay_dated() -> None:
    """Copy 14 of a 2026 article (≈ 1,000,000 records from the bench corpus) would be dated
    2236; it wraps into the years the reader keeps instead of becoming undated."""
    record = {"id": "x", "published": "2026-11-30T08:00:00+08:00"}
    years = {int(copy_record(record, r)["published"][:4]) for r in range(1, 15)}
    assert all(1900 <= year <= 2100 for year in years)
    assert len(years) == 14  # still a different date for every copy


def test_copy_record_keeps_time_of_day_and_bad_dates() -> None:
    record = {"id": "x", "published": "2020-02-29T08:00:00+08:00"}
    copied = copy_record(record, 1)
    assert copied["id"] == "x~1"
    assert copied["published"].endswith("T08:00:00+08:00")
    assert copy_record({"id": "y", "published": "2020-13-45"}, 2)["published"] == "2020-13-45"
    assert copy_record(record, 0) is record


# -- segmentation and query translation ----------------------------------------------------


def test_segment_drops_punctuation_and_desegment_restores_text() -> None:
    text = "中国经济，稳步恢复。New York 的GDP"
    seg = segment(text)
    assert "，" not in seg and "。" not in seg
    assert "经济" in seg.split()
    assert desegment(seg) == "中国经济稳步恢复New York的GDP"
    record = segment_record({"id": 7, "title": "中国经济", "body": "", "url": "http://x"})
    assert record["id"] == "7" and "url" not in record


def test_parse_query_translation() -> None:
    q = parse_query('光伏 OR 风电 "中国经济" -美国')
    assert q.groups == (
        (Clause(("光伏",)), Clause(("风电",))),
        (Clause(("中国", "经济"), phrase=True),),
    )
    assert q.excluded == (Clause(("美国",)),)
    relaxed = q.any_word()
    assert relaxed.groups == (
        (Clause(("光伏",)), Clause(("风电",)), Clause(("中国", "经济"), phrase=True)),
    )
    assert parse_query("中国经济").groups == ((Clause(("中国", "经济")),),)
    assert parse_query('"未闭合的引号').groups[0][0].phrase
    assert parse_query("OR").empty and parse_query("  ").empty
    assert PeerQuery().any_word() == PeerQuery()


def test_fts5_match_expression() -> None:
    expr = match_expression(parse_query('光伏 OR 风电 "中国经济" -美国'))
    assert expr == '(("光伏" OR "风电") AND "中国 经济") NOT "美国"'
    assert match_expression(parse_query("%")) is None


# -- the adapters --------------------------------------------------------------------------


def _segmented() -> list[dict]:
    return [segment_record(r) for r in ARTICLES]


@pytest.fixture(scope="module")
def fts5(tmp_path_factory: pytest.TempPathFactory) -> Fts5Search:
    path = tmp_path_factory.mktemp("fts5") / "fts5.sqlite"
    assert build_fts5(_segmented(), path) == len(ARTICLES)
    search = Fts5Search(path)
    yield search
    search.close()


@pytest.fixture(scope="module")
def tantivy_search(tmp_path_factory: pytest.TempPathFactory):
    pytest.importorskip("tantivy", reason="tantivy (the bench extra) is not installed")
    from bench.peer_tantivy import TantivySearch, build_tantivy

    folder = tmp_path_factory.mktemp("tantivy")
    assert build_tantivy(_segmented(), folder) == len(ARTICLES)
    return TantivySearch(folder)


@pytest.fixture(params=["fts5", "tantivy"])
def engine(request: pytest.FixtureRequest):
    fixture = "fts5" if request.param == "fts5" else "tantivy_search"
    return request.getfixturevalue(fixture)


@pytest.mark.parametrize(("text", "filters", "ids"), CASES)
def test_adapter_hits(engine, text: str, filters: Filters, ids: set[str]) -> None:
    assert {hit.id for hit in engine.hits(text, filters)} == ids
    page = engine.page(text, filters)
    assert {hit.id for hit in page.hits} == ids
    assert page.total == len(ids)


def test_adapter_ranks_title_matches_first(engine) -> None:
    assert [hit.id for hit in engine.hits("经济")] == ["a", "b"]


def test_adapter_date_order_and_browse(engine) -> None:
    newest = Filters(by_date=True)
    assert [hit.id for hit in engine.hits("发展", newest)] == ["a", "c"]
    assert [hit.id for hit in engine.hits("", newest)] == ["a", "b", "c", "d"]
    browse = engine.page("", Filters(categories=("中国经济",)))
    assert [hit.id for hit in browse.hits] == ["a", "c"]
    assert browse.total == 2 and browse.categories == {"中国经济": 2}


def test_adapter_page_has_snippets_facets_and_total(engine) -> None:
    page = engine.page("经济")
    assert page.total == 2 and not page.fallback
    assert page.categories == {"中国经济": 1, "国际资讯": 1}
    assert page.years == {2021: 1, 2020: 1}
    first = page.hits[0]
    assert first.id == "a" and first.published == "2021-08-05"
    assert "经济</" in first.title and "经济</" in first.snippet
    assert " " not in first.snippet  # the segmentation's spaces are gone
    assert engine.page("经济 火星").fallback


def test_adapter_limits_hits(engine) -> None:
    assert len(engine.hits("", Filters(), k=2)) == 2
    assert engine.page("", Filters(), k=1).total == len(ARTICLES)
