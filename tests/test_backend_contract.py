"""One contract, two backends: the embedded Whoosh index and a real three-node Typesense
cluster, both over the demo corpus, must give the same totals, facet counts, date-sorted pages,
highlights and errors for the same requests."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.clusters import index_into_cluster
from tests.helpers import article, build_index, write_jsonl
from xinwen.search import QueryError, Searcher, SearchRequest, SortOrder
from xinwen.search.synonyms import Synonyms

QUERIES = [
    "",
    "光伏",
    "光伏 储能",
    "储能 光伏 电站",
    '"储能电站"',
    '"光伏 发电"',
    "光伏 -储能",
    '储能 -"电站"',
    "光伏 OR 风电",
    "氢能 OR 海上风电 储能",
    "title:光伏",
    'title:"储能"',
    "category:政策",
    "储能 category:政策 source:电力日报",
    "分类:技术 -光伏",
    "电",
    "儲能",  # traditional characters fold to 储能
    "ＢＥＳＳ 5G 特高压",
    "±800",
    "碳中和 碳达峰",
    "宁德时代",
    '"储能电站" "并网"',  # two phrases: both required
    '"全钒液流" OR 氢能 项目',  # a phrase in an OR
    '光伏 -"并网发电"',
    'title:"储能" 光伏',
    "盐穴 OR 液流",
    "量子计算机 光伏",  # nothing has both words: the any-word fallback
    '"量子计算" "储能电站"',  # the fallback over phrases
    "不存在的词组合xyz",
    "储能 NOT 光伏",  # NOT x is -x
    "光伏 AND 储能",  # AND is what a space means
    "光伏 -category:政策",  # an excluded category leaves it out
    "储能 NOT 分类:政策 -category:技术",
    '"能电"',  # in ten articles, and across a comma (储能，电…) in two: not matched there
    '"能，电"',  # punctuation typed inside a phrase
    "储能 -储能电站",  # an excluded term of several words: as typed, as its quoted form
    "光伏 NOT 并网发电",
    "风光储",  # one string jieba cuts into single characters: where it stands as typed
    "3亿",  # (not all Chinese: the phrase is found by a search of its own on the cluster)
    "1.5亿",  # (in no article as typed: its pieces)
    "电网侧 -光伏",  # (a piece unknown to jieba's dictionary; with an exclusion)
    "title:(光伏 OR 储能)",  # a field before parentheses: on each word in them
    "(光伏 储能) OR 风电",  # no grouping: said in a notice
]

REQUESTS = [
    {},
    {"categories": ("政策",)},
    {"categories": ("政策", "技术"), "sources": ("电力日报",)},
    {"date_from": dt.date(2024, 1, 1), "date_to": dt.date(2024, 12, 31)},
    {"date_from": dt.date(2024, 3, 1), "date_to": dt.date(2024, 3, 31)},
    {"date_from": dt.date(2021, 6, 15), "date_to": dt.date(2023, 2, 10)},
    {"date_from": dt.date(2022, 1, 1)},
]


@pytest.fixture(scope="module")
def whoosh(demo_index) -> Searcher:
    # Without synonyms: the Typesense backend does not expand them yet (README).
    return Searcher(demo_index, Synonyms())


def summary(result) -> dict:
    """What must agree between backends for any sort order."""
    return {
        "total": result.total,
        "groups": result.groups,
        "notice": result.notice,
        "words": result.words,
        "facets": {
            name: (facet.total_values, [(v.value, v.count, v.selected) for v in facet.values])
            for name, facet in result.facets.items()
        },
    }


@pytest.mark.parametrize("q", QUERIES)
def test_same_totals_and_facets(whoosh, typesense_demo, q: str) -> None:
    for extra in REQUESTS:
        request = SearchRequest(q=q, **extra)
        ours, theirs = whoosh.search(request), typesense_demo.search(request)
        assert summary(theirs) == summary(ours), (q, extra)


def both_backends(cluster, tmp_path, rows: list[dict], alias: str) -> tuple:
    """``rows`` indexed on disk and into the cluster (under ``alias``): the two searchers."""
    from xinwen.search.typesense.searcher import TypesenseSearcher

    src = write_jsonl(tmp_path / f"{alias}.jsonl", rows)
    ours = Searcher(build_index(tmp_path / "ix", src), Synonyms())
    index_into_cluster(cluster, tmp_path / "ts", src, alias=alias)
    theirs = TypesenseSearcher(cluster.urls, cluster.api_key, alias, jieba_dir=tmp_path / "ts")
    return ours, theirs


def every_id(result) -> list[str]:
    """The ids of a page with the near-duplicates collapsed into its hits."""
    return [i for h in result.hits for i in (h.id, *h.similar_ids)]


@pytest.mark.parametrize("q", QUERIES)
def test_same_date_sorted_results(whoosh, typesense_demo, q: str) -> None:
    """Sorted by date, the same articles in the same order of dates, with the same
    highlights. (Articles of one day follow the embedded index's document numbers there;
    Typesense follows the input order.)"""
    for extra in REQUESTS[:3]:
        request = SearchRequest(q=q, sort=SortOrder.DATE, page_size=100, **extra)
        ours, theirs = whoosh.search(request), typesense_demo.search(request)
        if ours.total <= 100:  # all on one page
            assert sorted(every_id(theirs)) == sorted(every_id(ours)), (q, extra)
            assert len(theirs.hits) == len(ours.hits)
        assert theirs.total == ours.total
        dates = [h.published or dt.date.min for h in theirs.hits]
        assert dates == sorted(dates, reverse=True)
        mine = {h.id: h for h in ours.hits}
        for b in theirs.hits:
            a = mine.get(b.id)
            if a is not None:
                assert (b.title_html, b.snippet_html, b.published, b.category, b.source) == (
                    a.title_html,
                    a.snippet_html,
                    a.published,
                    a.category,
                    a.source,
                )
        first = typesense_demo.search(SearchRequest(q=q, sort=SortOrder.DATE, **extra))
        assert [h.id for h in first.hits] == [h.id for h in theirs.hits[:10]]
        assert [len(h.similar_ids) for h in theirs.hits] == [h.similar for h in theirs.hits]


def test_relevance_pages_hold_the_same_matches(whoosh, typesense_demo) -> None:
    """Relevance order may differ (see search.typesense.searcher); the matching set may not."""
    request = SearchRequest(q="光伏 储能", page_size=100)
    ours, theirs = whoosh.search(request), typesense_demo.search(request)
    assert sorted(every_id(theirs)) == sorted(every_id(ours))
    assert len(theirs.hits) == ours.groups


def test_same_article_and_unknown_id(whoosh, typesense_demo) -> None:
    hit = whoosh.search(SearchRequest(q="储能电站")).hits[0]
    ours, theirs = (
        whoosh.article(hit.id, q="储能电站"),
        typesense_demo.article(hit.id, q="储能电站"),
    )
    assert theirs is not None and ours is not None
    assert (theirs.title_html, theirs.body_html, theirs.published) == (
        ours.title_html,
        ours.body_html,
        ours.published,
    )
    assert theirs.related and hit.id not in {r.id for r in theirs.related}
    assert typesense_demo.article("no-such-article") is None
    assert whoosh.article("no-such-article") is None


@pytest.mark.parametrize("q", ["()", "* ? ~", "!!! <>", "！！？。，", "😀", "NOT"])
def test_same_errors(whoosh, typesense_demo, q: str) -> None:
    for searcher in (whoosh, typesense_demo):
        with pytest.raises(QueryError) as caught:
            searcher.search(SearchRequest(q=q))
        assert caught.value.param == "q"


def test_health_and_suggestions(typesense_demo) -> None:
    health = typesense_demo.health()
    assert health["ok"] and health["documents"] == 120
    assert health["generation"].startswith("demo-s")
    assert typesense_demo.generation() == health["generation"]  # (the HTTP validators' part)
    suggestions = typesense_demo.suggest("储")
    assert suggestions and all(s.startswith("储") and len(s) > 1 for s in suggestions)


def test_same_articles_without_a_date(typesense_cluster, tmp_path) -> None:
    """``undated`` keeps the articles without a date, on both backends, and the quick ranges'
    last value counts them under the other filters (a crawl's pages that state no date)."""
    rows = [article(n, published=f"2024-0{n}-10") for n in range(1, 4)]
    rows += [article(n, published=None) for n in range(4, 7)]
    rows[5]["category"] = "政策"
    ours, theirs = both_backends(typesense_cluster, tmp_path, rows, "undated")
    for searcher in (ours, theirs):
        everything = searcher.search(SearchRequest(q="光伏"))
        [undated] = [v for v in everything.facets["recent"].values if v.value == "undated"]
        assert (undated.count, undated.selected, undated.label) == (3, False, "未注明日期")
        chosen = searcher.search(SearchRequest(q="光伏", undated=True, sort=SortOrder.DATE))
        assert sorted(every_id(chosen)) == ["t-4", "t-5", "t-6"]
        assert [(v.value, v.selected) for v in chosen.facets["recent"].values][::5] == [
            ("", False),
            ("undated", True),
        ]
        # (the category facet counts within the articles without a date)
        assert {v.value: v.count for v in chosen.facets["category"].values} == {
            "项目": 2,
            "政策": 1,
        }
        with pytest.raises(QueryError) as caught:
            searcher.search(SearchRequest(undated=True, date_from=dt.date(2024, 1, 1)))
        assert caught.value.param == "undated"


def test_oldest_first_on_both_backends(typesense_cluster, tmp_path) -> None:
    """``sort=oldest``: how a story began. The dated articles from the oldest, the undated
    after them (not first, as an ascending date would put them), the same on both backends;
    browsing and a query alike."""
    dates = ["2024-03-10", None, "2021-06-01", "2023-01-05", None, "2022-09-30"]
    rows = [article(n, published=d) for n, d in enumerate(dates, start=1)]
    ours, theirs = both_backends(typesense_cluster, tmp_path, rows, "oldest")
    for searcher in (ours, theirs):
        for q in ("", "光伏"):
            found = searcher.search(SearchRequest(q=q, sort=SortOrder.OLDEST))
            got = [h.published.isoformat() if h.published else None for h in found.hits]
            assert got[:4] == ["2021-06-01", "2022-09-30", "2023-01-05", "2024-03-10"], q
            assert sorted(every_id(found)[4:]) == ["t-2", "t-5"], q
            newest = searcher.search(SearchRequest(q=q, sort=SortOrder.DATE))
            assert [h.id for h in newest.hits][:4] == [h.id for h in found.hits][3::-1], q


@pytest.mark.parametrize("q", ["光伏", "储能 -电站", "风光储"])
def test_same_exports(whoosh, typesense_demo, q: str) -> None:
    """Every match, in date order, on both backends (the CSV, JSON Lines and Atom feed are
    made from this): the cluster's exports used to fail."""
    request = SearchRequest(q=q, sort=SortOrder.DATE)
    ours, theirs = whoosh.export(request), typesense_demo.export(request)
    assert theirs.total == ours.total > 0
    assert sorted(r.id for r in theirs.rows) == sorted(r.id for r in ours.rows)
    dates = [r.published or dt.date.min for r in theirs.rows]
    assert dates == sorted(dates, reverse=True)
    none = SearchRequest(q="量子计算机 光伏")  # no article has both: exports keep every word
    assert whoosh.export(none).total == typesense_demo.export(none).total == 0


def test_a_term_that_loses_a_stop_word_on_both_backends(typesense_cluster, tmp_path) -> None:
    """巴以 (巴 + 以, a stop word) is the term as typed on both backends: not 巴 alone, and
    -巴以 does not leave out every article with 巴."""
    rows = [
        article(n, title=f"巴以冲突第{n}天", body=f"巴以双方第{n}轮谈判举行。")
        for n in range(1, 13)
    ]
    rows += [
        article(20, title="巴西大豆丰收", body="巴西今年大豆产量创新高。"),
        article(21, title="加沙局势", body="加沙地带的巴勒斯坦平民撤离。"),
        article(22, title="加沙停火谈判", body="巴以在加沙停火问题上分歧仍大。"),
    ]
    ours, theirs = both_backends(typesense_cluster, tmp_path, rows, "stopword")
    for searcher in (ours, theirs):
        found = searcher.search(SearchRequest(q="巴以", page_size=50, sort=SortOrder.DATE))
        assert sorted(every_id(found)) == sorted([f"t-{n}" for n in range(1, 13)] + ["t-22"])
        apart = searcher.search(SearchRequest(q="加沙 -巴以", sort=SortOrder.DATE))
        assert every_id(apart) == ["t-21"]


def test_a_phrase_finds_a_part_of_a_glued_code_on_both_backends(
    typesense_cluster, tmp_path
) -> None:
    rows = [
        article(1, title="国务院印发《人口发展规划（2016-2030年）》", body="规划今天公布。"),
        article(2, title="到2030年实现目标", body="目标已经明确。"),
        article(3, title="推进“5G+工业互联网”", body="5G-A网络开始试点。"),
        article(4, title="5G基站建设提速", body="新建基站一万个。"),
    ]
    ours, theirs = both_backends(typesense_cluster, tmp_path, rows, "glued")
    for searcher in (ours, theirs):
        for q, want in (("2030年", ["t-1", "t-2"]), ('"5G"', ["t-3", "t-4"])):
            found = searcher.search(SearchRequest(q=q, sort=SortOrder.DATE))
            assert sorted(every_id(found)) == want, (q, searcher)
