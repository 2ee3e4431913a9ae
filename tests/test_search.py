"""The read side through its typed API, on real indexes of the demo corpus and of real news."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
import re
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.helpers import DEMO, article, build_index, containing, matching, records, write_jsonl
from xinwen.index.analysis import fold
from xinwen.index.builder import ReindexOptions, reindex
from xinwen.index.stats import index_stats
from xinwen.search import (
    QueryError,
    Searcher,
    SearchRequest,
    SearchResult,
    SortOrder,
    engine,
    service,
)
from xinwen.search.engine import highlight_words, query_words, typed_string
from xinwen.search.models import MAX_QUERY_CHARS
from xinwen.search.querylang import Phrase, Text, clean_query, parse
from xinwen.search.service import FALLBACK_NOTICE
from xinwen.search.synonyms import Synonyms

MARK = re.compile(r"<mark>(.*?)</mark>")
DEMO_ARTICLES = len(records(DEMO))


@pytest.fixture(scope="module")
def demo(demo_index: Path) -> Searcher:
    """Without synonyms: these tests check what a word matches against the text itself
    (tests/test_synonyms.py checks what synonyms add)."""
    return Searcher(demo_index, Synonyms())


@pytest.fixture(scope="module")
def demo_records() -> list:
    return records(DEMO)


def all_ids(searcher: Searcher, q: str = "", **kw: object) -> set[str]:
    """Every matching id, near-duplicates included, across pages."""
    out: set[str] = set()
    page = 1
    while True:
        res = searcher.search(SearchRequest(q=q, page=page, page_size=100, **kw))
        for h in res.hits:
            out.add(h.id)
            out.update(h.similar_ids)
        if page >= res.pages:
            return out
        page += 1


# -- query language --------------------------------------------------------------------------


def test_every_word_is_required(demo: Searcher, demo_records: list) -> None:
    expected = matching(demo_records, "光伏") & matching(demo_records, "储能")
    assert expected and all_ids(demo, "光伏 储能") == expected


def test_exact_phrase_needs_the_characters_together(demo: Searcher, demo_records: list) -> None:
    phrase = all_ids(demo, '"绿色供应链"')
    assert phrase == containing(demo_records, "绿色供应链")
    apart = all_ids(demo, "绿色 供应链")
    assert phrase < apart  # demo-0071 has both words, not side by side


def test_exclusion_or_and_fields(demo: Searcher, demo_records: list) -> None:
    wind = matching(demo_records, "风电")
    coal = containing(demo_records, "煤")
    assert all_ids(demo, "风电 -煤") == wind - coal
    assert all_ids(demo, "氢能 OR 核电") == (
        matching(demo_records, "氢能") | matching(demo_records, "核电")
    )
    in_title = all_ids(demo, "title:储能")
    assert in_title == matching(demo_records, "储能", title_only=True)
    policy = {r.id for r in demo_records if r.category == "政策"}
    assert all_ids(demo, "储能 category:政策") == matching(demo_records, "储能") & policy


def test_falls_back_to_any_word_with_a_notice(demo: Searcher) -> None:
    strict = demo.search(SearchRequest(q="氢能"))
    result = demo.search(SearchRequest(q="氢能 鲸鱼迁徙"))
    assert result.notice and "任意" in result.notice
    assert result.total == strict.total > 0
    assert demo.search(SearchRequest(q="光伏 储能")).notice is None


def test_a_query_of_128_words_falls_back_to_any_word_and_scores_a_bounded_share(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No article has all 128 words: the fallback finds every article with any of them, the
    one with the rarest words first, and scores no more postings than its budget allows
    (plus the one term it always keeps), however many words the query has."""
    rows = [article(n) for n in range(1, 31)]
    rows.append(article(99, title="见报", body="鑫璇琰玥瑾珂今日见报。"))
    src = write_jsonl(tmp_path / "a.jsonl", rows)
    recs = records(src)
    corpus = fold("".join(r.title + r.body for r in recs))
    present = list(dict.fromkeys(ch for ch in corpus if "\u4e00" <= ch <= "\u9fff"))
    absent = [
        ch
        for ch in map(chr, range(0x5000, 0x9000))
        if fold(ch) == ch and ch not in corpus and query_words(ch) == [ch]
    ]
    chars = (present + absent)[:128]
    assert len(set(chars)) == 128 and len(present) > 20
    q = " ".join(chars)
    assert len(q) <= MAX_QUERY_CHARS
    expected = set().union(*(containing(recs, ch) for ch in chars))
    searcher = Searcher(build_index(tmp_path / "ix", src))
    engine = searcher._current().engine

    def answer() -> tuple[SearchResult, int]:
        before = engine.scored_postings
        result = searcher.search(SearchRequest(q=q, page_size=50))
        return result, engine.scored_postings - before

    result, _ = answer()
    assert result.notice == FALLBACK_NOTICE
    assert result.total == len(expected) == 31
    assert {h.id for h in result.hits} | {i for h in result.hits for i in h.similar_ids} == expected
    assert result.hits[0].id == "t-99"
    monkeypatch.setattr(service, "FALLBACK_POSTINGS", 40)
    bounded, scored = answer()
    assert scored <= 40 + len(rows)  # the budget, and the term that first goes over it
    assert bounded.total == result.total and bounded.hits[0].id == "t-99"


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(0, 2**70 - 1), max_size=130), st.integers(0, 2**70 - 1))
def test_unit_counts_in_bit_planes_are_the_counts(units: list[int], among: int) -> None:
    planes = service._count_planes(units, among)
    for d in range(70):
        count = sum((plane >> d & 1) << k for k, plane in enumerate(planes))
        assert count == (sum(unit >> d & 1 for unit in units) if among >> d & 1 else 0)


def test_traditional_and_full_width_queries_find_simplified_text(
    demo: Searcher, demo_records: list
) -> None:
    assert all_ids(demo, "綠色供應鏈") == matching(demo_records, "绿色供应链")
    assert all_ids(demo, "儲能") == matching(demo_records, "储能")
    assert all_ids(demo, "５Ｇ") == all_ids(demo, "5G") != set()


def test_compatibility_characters_are_found_as_typed(tmp_path: Path) -> None:
    """The reader keeps ℃ as printed and folds ㎡ to m2 in the stored text; a query typed with
    them finds the article, as a phrase too, and highlights it."""
    src = write_jsonl(
        tmp_path / "a.jsonl",
        [
            article(1, title="储能电站投运", body="电芯温差控制在2.5℃以内，占地1200㎡。"),
            article(2, title="储能电站投运", body="电芯温差控制在3.5以内，占地800平方米。"),
        ],
    )
    searcher = Searcher(build_index(tmp_path / "ix", src))
    for q in ('"电芯温差控制在2.5℃以内"', "2.5℃", "1200㎡"):
        hits = searcher.search(SearchRequest(q=q)).hits
        assert [h.id for h in hits] == ["t-1"], q
    assert "<mark>" in searcher.search(SearchRequest(q="2.5℃")).hits[0].snippet_html
    searcher.close()


def test_single_characters_and_parts_of_words_are_found(demo: Searcher, demo_records: list) -> None:
    assert all_ids(demo, "煤") == containing(demo_records, "煤")
    assert all_ids(demo, "农业") == matching(demo_records, "农业")
    assert all_ids(demo, "供应") == matching(demo_records, "供应")


def test_a_word_match_ranks_above_a_characters_only_match(tmp_path: Path) -> None:
    src = write_jsonl(
        tmp_path / "a.jsonl",
        [
            article(1, title="能源见闻", body="煤炭企业加快转型升级。"),
            article(2, title="能源见闻", body="今年冬天煤供应充足。"),
        ],
    )
    hits = Searcher(build_index(tmp_path / "ix", src)).search(SearchRequest(q="煤")).hits
    assert [h.id for h in hits] == ["t-2", "t-1"]


def test_dictionary_words_match_as_words_and_unknown_words_by_characters(
    tmp_path: Path,
) -> None:
    src = write_jsonl(
        tmp_path / "a.jsonl",
        [
            article(1, title="乡村见闻", body="他平日务农业余时间读书看报。"),
            article(2, title="乡村见闻", body="今年农业生产稳步发展。"),
            article(3, title="会议", body="联盟理事长金书波表示，要打造绿色供应链。"),
        ],
    )
    searcher = Searcher(build_index(tmp_path / "ix", src))
    # 农业 is a word jieba knows: 务农|业余 only puts its characters side by side.
    assert [h.id for h in searcher.search(SearchRequest(q="农业")).hits] == ["t-2"]
    # A name jieba does not know is found by its characters, however jieba cut it.
    assert [h.id for h in searcher.search(SearchRequest(q="书波")).hits] == ["t-3"]
    assert [h.id for h in searcher.search(SearchRequest(q='"业余时间"')).hits] == ["t-1"]


def test_empty_query_browses_everything_newest_first(demo: Searcher, demo_records: list) -> None:
    result = demo.search(SearchRequest(page_size=20))
    assert result.total == len(demo_records)
    dates = [h.published for h in result.hits]
    assert dates == sorted(dates, reverse=True)
    assert dates[0] == max(r.published for r in demo_records if r.published)


def test_date_sort_and_date_filters(demo: Searcher, demo_records: list) -> None:
    res = demo.search(SearchRequest(q="电网", sort=SortOrder.DATE, page_size=50))
    dates = [h.published for h in res.hits if h.published]
    assert dates == sorted(dates, reverse=True)
    start, end = dt.date(2021, 3, 10), dt.date(2022, 6, 15)
    got = all_ids(demo, "", date_from=start, date_to=end)
    assert got == {r.id for r in demo_records if r.published and start <= r.published <= end}


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300))
def test_arbitrary_text_never_raises_anything_but_a_query_error(text: str) -> None:
    searcher = _shared_demo_searcher()
    try:
        result = searcher.search(SearchRequest(q=text))
    except QueryError as exc:
        assert exc.param == "q" and exc.message
        return
    # An answer: a page of distinct articles, as many as it says there are at most.
    ids = [h.id for h in result.hits] + [i for h in result.hits for i in h.similar_ids]
    assert len(ids) == len(set(ids)) <= result.total <= DEMO_ARTICLES
    assert bool(result.hits) == (result.total > 0)
    for hit in result.hits:
        assert "<" not in MARK.sub("", hit.snippet_html) and "<" not in MARK.sub("", hit.title_html)


_SEARCHER: list[Searcher] = []


def _shared_demo_searcher() -> Searcher:
    return _SEARCHER[0]


@pytest.fixture(autouse=True)
def _remember_demo(demo: Searcher) -> None:
    if not _SEARCHER:
        _SEARCHER.append(demo)


def _answer(result: SearchResult) -> tuple[int, list[tuple[str, tuple[str, ...]]], str | None]:
    return result.total, [(h.id, h.similar_ids) for h in result.hits], result.notice


@pytest.mark.parametrize(
    ("q", "repaired"),
    [
        ('"光伏', '"光伏"'),  # an unbalanced quote closes at the end
        ("“光伏", '"光伏"'),
        ("光伏)", "光伏"),  # parentheses are ignored
        ("((储能", "储能"),
        ("光?伏*", "光 伏"),  # wildcards are ignored: they only separate words
        ("\x00\x07煤", "煤"),  # control characters are dropped
        ("光伏 OR", "光伏"),  # a lone operator is dropped
        ("OR 光伏", "光伏"),
        ("- 光伏", "光伏"),
        ("title: 光伏", "光伏"),  # an empty field is dropped
        ("category: 储能", "储能"),
    ],
)
def test_broken_syntax_is_answered_as_its_repair(demo: Searcher, q: str, repaired: str) -> None:
    expected = demo.search(SearchRequest(q=repaired))
    assert expected.total > 0
    assert _answer(demo.search(SearchRequest(q=q))) == _answer(expected)


@pytest.mark.parametrize(
    ("q", "meaning"),
    [
        ("储能 NOT 光伏", "储能 -光伏"),  # what people type coming from other engines
        ("光伏 AND 储能", "光伏 储能"),  # AND is what a space means anyway
        ("NOT 光伏 储能", "-光伏 储能"),  # at the start
        ("储能 NOT", "储能"),  # at the end: a NOT of nothing is dropped, like a lone "-"
        ("AND 储能 AND", "储能"),
        ("储能 NOT NOT 光伏", "储能 -光伏"),  # like --光伏
        ('储能 NOT "绿色供应链"', '储能 -"绿色供应链"'),
        ("储能 NOT -光伏", "储能 -光伏"),
        ("储能 NOT title:光伏", "储能 -title:光伏"),
        ("光伏 OR NOT 储能", "光伏 -储能"),  # like 光伏 OR -储能: an exclusion, not an alternative
        ("氢能 OR 核电 AND 储能", "氢能 OR 核电 储能"),
        ("储能 NOT * 光伏", "储能 光伏"),  # a NOT before a part that is dropped goes with it
    ],
)
def test_upper_case_and_and_not_are_operators(demo: Searcher, q: str, meaning: str) -> None:
    assert parse(q) == parse(meaning)
    assert all_ids(demo, q) == all_ids(demo, meaning)


def test_and_and_not_in_lower_case_quoted_or_in_a_word_are_words() -> None:
    assert parse("储能 not 光伏").required == [Text("储能"), Text("not"), Text("光伏")]
    assert parse("储能 and").required == [Text("储能"), Text("and")]
    assert parse('储能 "NOT"').required == [Text("储能"), Phrase("NOT")]
    assert parse("储能 -NOT").excluded == [Text("NOT")]
    assert parse("NOT光伏 ANDROID").required == [Text("NOT光伏"), Text("ANDROID")]


def test_not_excludes_and_and_requires_both(demo: Searcher, demo_records: list) -> None:
    storage, solar = matching(demo_records, "储能"), matching(demo_records, "光伏")
    assert storage - solar and storage & solar
    result = demo.search(SearchRequest(q="储能 NOT 光伏", page_size=100))
    assert result.notice is None and all_ids(demo, "储能 NOT 光伏") == storage - solar
    assert all("光伏" not in h.title for h in result.hits)
    both = demo.search(SearchRequest(q="光伏 AND 储能"))
    assert both.notice is None and all_ids(demo, "光伏 AND 储能") == storage & solar


@pytest.mark.parametrize(
    "q", ["光伏 -category:政策", "光伏 NOT 分类:政策", "光伏 -栏目:政策 -category:项目"]
)
def test_an_excluded_category_leaves_it_out(demo: Searcher, demo_records: list, q: str) -> None:
    # -category:政策 used to narrow to 政策, the opposite of what was typed.
    left_out = {"政策"} | ({"项目"} if "项目" in q else set())
    solar = matching(demo_records, "光伏")
    want = {r.id for r in demo_records if r.id in solar and r.category not in left_out}
    assert 0 < len(want) < len(solar)
    assert all_ids(demo, q) == want
    none_of = all_ids(demo, "光伏 -category:未分类")  # the facet value of no category, too
    assert none_of == {r.id for r in demo_records if r.id in solar and r.category is not None}


def test_an_excluded_source_leaves_it_out(demo: Searcher, demo_records: list) -> None:
    solar = matching(demo_records, "光伏")
    source = next(r.source for r in demo_records if r.id in solar and r.source)
    want = {r.id for r in demo_records if r.id in solar and r.source != source}
    assert 0 < len(want) < len(solar)
    assert (
        all_ids(demo, f"光伏 -来源:{source}") == want == all_ids(demo, f"光伏 NOT source:{source}")
    )


@pytest.mark.parametrize("q", ["NOT", "AND", "NOT NOT", "AND NOT OR", "NOT 😀"])
def test_operators_alone_are_a_clear_error(demo: Searcher, q: str) -> None:
    with pytest.raises(QueryError) as raised:
        demo.search(SearchRequest(q=q))
    assert raised.value.message == "查询中没有可以搜索的字词"


def test_a_plus_inside_a_word_is_part_of_it_and_before_a_word_is_dropped(tmp_path: Path) -> None:
    # The index keeps "+" inside a word of letters and digits (C++, A+H, 16+1): a query must
    # too, or 16+1合作 would look for 16 and 1 anywhere and C++ would find the articles about C.
    rows = [
        article(1, title="中东欧合作论坛", body="“16+1合作”机制成立以来，双方贸易稳步增长。"),
        article(2, title="编程课", body="学生们在课上学习C++语言，完成了第一个程序。"),
        article(3, title="维生素", body="医生建议多吃水果，补充维生素C和维生素E。"),
        article(4, title="年报", body="公司16日发布年报，营业收入增长1成，合作伙伴增加。"),
    ]
    searcher = Searcher(build_index(tmp_path / "ix", write_jsonl(tmp_path / "a.jsonl", rows)))

    def ids(q: str) -> list[str]:
        return [hit.id for hit in searcher.search(SearchRequest(q=q)).hits]

    assert ids("16+1合作") == ["t-1"]
    assert ids("C++") == ["t-2"]
    assert ids("+16+1") == ["t-1"]  # a leading "+" is the operator people type for "must have"
    assert parse("光伏 + 储能").required == parse("光伏 储能").required


@pytest.mark.parametrize(
    "q",
    [
        *("OR", "- OR -", "-", "title:", "category:", "*", "( ) ?"),
        # Punctuation, symbols and emoji: the analyzer finds no word in them, so they must not
        # be searched as a query of nothing (which matched every article).
        *("！！？。，", "%%%", "😀", "。\u3000，\u2003、", '"。，"', "-。", "title:…", "$ € ¥"),
    ],
)
def test_syntax_with_nothing_to_search_is_a_clear_error(demo: Searcher, q: str) -> None:
    with pytest.raises(QueryError) as raised:
        demo.search(SearchRequest(q=q))
    assert raised.value.param == "q" and raised.value.message == "查询中没有可以搜索的字词"
    with pytest.raises(QueryError):
        demo.export(SearchRequest(q=q))


@pytest.mark.parametrize("q", ["", " ", "\u3000", " \u2003 "])
def test_a_query_of_nothing_but_spaces_browses(demo: Searcher, q: str) -> None:
    assert demo.search(SearchRequest(q=q)).total == DEMO_ARTICLES


def test_a_part_without_a_word_is_dropped_from_a_query(demo: Searcher) -> None:
    assert _answer(demo.search(SearchRequest(q="光伏 😀 ！！"))) == _answer(
        demo.search(SearchRequest(q="光伏"))
    )


def test_long_queries_are_cut_with_a_notice(demo: Searcher) -> None:
    result = demo.search(SearchRequest(q="光伏" * 5000))
    assert result.notice and str(MAX_QUERY_CHARS) in result.notice


def test_a_long_query_is_cut_between_words(tmp_path: Path) -> None:
    """At 256 characters 口罩 was cut to 口, a word of its own: it found 沌口 and 硚口."""
    rows = [
        article(1, title="沌口新区夜市开张", body="沌口和硚口的夜市今晚开张，游客众多。"),
        article(2, title="防护口罩产能提升", body="防护口罩日产量提升，援助物资陆续运抵。"),
    ]
    searcher = Searcher(build_index(tmp_path / "ix", write_jsonl(tmp_path / "a.jsonl", rows)))
    words = ["疫情", "武汉", "医疗", "物资", "援助", "口罩", "隔离", "病例", "确诊", "治愈"]
    q = " ".join(words * 10)
    assert q[MAX_QUERY_CHARS - 2 : MAX_QUERY_CHARS + 1] == " 口罩"  # the limit falls in 口罩
    result = searcher.search(SearchRequest(q=q))
    assert result.notice and str(MAX_QUERY_CHARS) in result.notice
    assert [h.id for h in result.hits] == ["t-2"]
    assert "<mark>口</mark>" not in result.hits[0].title_html
    # Any run of letters, digits or Chinese the limit falls in is left out whole (the cut is at
    # the space or punctuation before it); one longer than the limit is cut at it.
    assert parse(" ".join(["光伏"] * 85) + " ab12345").required[-1].text == "光伏"
    assert clean_query("风电，" + "储能电站" * 80) == ("风电，", True)
    long_word = parse("x" * 300).required
    assert len(long_word) == 1 and long_word[0].text == "x" * MAX_QUERY_CHARS


def test_invalid_requests_name_their_parameter() -> None:
    for kwargs, param in (({"page": 0}, "page"), ({"page_size": 101}, "size")):
        with pytest.raises(QueryError) as info:
            SearchRequest(**kwargs)
        assert info.value.param == param
    with pytest.raises(QueryError) as info:
        SearchRequest(date_from=dt.date(2024, 2, 1), date_to=dt.date(2024, 1, 1))
    assert info.value.param == "from"


# -- facets --------------------------------------------------------------------------------


def _facet(result, name: str) -> dict[str, int]:
    return {v.value: v.count for v in result.facets[name].values}


def _check_facets(searcher: Searcher, recs: list, q: str, needle: str) -> None:
    matched = [r for r in recs if r.id in matching(recs, needle)]
    result = searcher.search(SearchRequest(q=q, facet_limit=None))
    assert result.total == len(matched)
    # Documents without a category or source are counted as 未分类 / 未知来源.
    assert _facet(result, "category") == dict(Counter(r.category or "未分类" for r in matched))
    assert _facet(result, "source") == dict(Counter(r.source or "未知来源" for r in matched))
    years = Counter(str(r.published.year) for r in matched if r.published)
    assert _facet(result, "published") == dict(years)


def test_facet_counts_equal_brute_force_counts_on_the_demo(demo: Searcher, demo_records) -> None:
    _check_facets(demo, demo_records, "", "")
    _check_facets(demo, demo_records, "光伏", "光伏")
    _check_facets(demo, demo_records, "煤", "煤")


@pytest.mark.corpus
def test_facet_counts_equal_brute_force_counts_on_real_news(
    sample_index: Path, sample_path: Path
) -> None:
    recs = records(sample_path)
    searcher = Searcher(sample_index)
    for word in ("", "经济", "水", "习近平", "能源"):
        _check_facets(searcher, recs, word, word)


@pytest.mark.corpus
def test_real_news_single_character_traditional_and_phrase_recall(
    sample_index: Path, sample_path: Path
) -> None:
    recs = records(sample_path)
    searcher = Searcher(sample_index)
    assert all_ids(searcher, "煤") == containing(recs, "煤") != set()
    assert all_ids(searcher, "經濟") == matching(recs, "经济") != set()
    assert all_ids(searcher, '"新闻联播"') == containing(recs, "新闻联播")


def test_multi_select_counts_ignore_their_own_group(demo: Searcher, demo_records) -> None:
    plain = demo.search(SearchRequest(q="储能"))
    picked = demo.search(SearchRequest(q="储能", categories=("技术",)))
    # Categories keep showing what picking another one would add...
    assert _facet(picked, "category") == _facet(plain, "category")
    # ...while the other groups count only within the selection.
    in_tech = [
        r for r in demo_records if r.id in matching(demo_records, "储能") and r.category == "技术"
    ]
    assert picked.total == len(in_tech)
    assert _facet(picked, "source") == dict(Counter(r.source for r in in_tech))
    assert next(v for v in picked.facets["category"].values if v.value == "技术").selected


def test_selected_values_are_listed_even_at_zero(demo: Searcher) -> None:
    result = demo.search(SearchRequest(q="核电", sources=("没有这个来源",)))
    assert result.total == 0
    chosen = [v for v in result.facets["source"].values if v.selected]
    assert [(v.value, v.count) for v in chosen] == [("没有这个来源", 0)]


def test_top_n_categories_and_all_on_request(demo: Searcher) -> None:
    top = demo.search(SearchRequest(facet_limit=2))
    assert len(top.facets["category"].values) == 2
    assert top.facets["category"].total_values == 6  # five categories and 未分类
    assert len(demo.search(SearchRequest(facet_limit=None)).facets["category"].values) == 6


def test_date_histogram_shows_months_inside_a_selected_year(demo: Searcher, demo_records) -> None:
    year = demo.search(SearchRequest(date_from=dt.date(2023, 1, 1), date_to=dt.date(2023, 12, 31)))
    months = _facet(year, "published")
    assert all(re.fullmatch(r"2023-\d\d", m) for m in months)
    expected = Counter(
        f"{r.published:%Y-%m}" for r in demo_records if r.published and r.published.year == 2023
    )
    assert months == dict(expected)


# -- results ---------------------------------------------------------------------------------


def test_highlights_mark_whole_words_on_the_original_characters(demo: Searcher) -> None:
    result = demo.search(SearchRequest(q="离岸风电"))
    marked = {m for h in result.hits for m in MARK.findall(h.title_html + h.snippet_html)}
    assert "離岸風電" in marked  # the traditional original, found by the simplified query
    assert marked <= {"离岸风电", "離岸風電"}


def test_a_phrase_typed_with_a_space_marks_what_it_found(demo: Searcher) -> None:
    # "储能 电站" is the phrase 储能电站 (it finds the same articles); its words were found
    # and nothing was marked.
    spaced, joined = (
        demo.search(SearchRequest(q='"储能 电站"')),
        demo.search(SearchRequest(q='"储能电站"')),
    )
    # (the same articles; scored by two words or by one, their order may differ)
    assert sorted(h.id for h in spaced.hits) == sorted(h.id for h in joined.hits) and spaced.hits
    for hit in spaced.hits:
        assert set(MARK.findall(hit.title_html + hit.snippet_html)) == {"储能电站"}


def test_snippets_escape_article_text_and_keep_only_our_marks(demo: Searcher) -> None:
    result = demo.search(SearchRequest(q="跨站脚本 alert"))
    hit = next(h for h in result.hits if h.id == "demo-0039")
    assert "&lt;script&gt;" in hit.snippet_html
    assert "<script" not in hit.snippet_html
    assert MARK.sub("", hit.snippet_html).count("<") == 0


def test_snippets_start_at_a_sentence_boundary(demo: Searcher, demo_records) -> None:
    bodies = {r.id: r.body for r in demo_records}
    for hit in demo.search(SearchRequest(q="抽水蓄能")).hits:
        text = MARK.sub(r"\1", hit.snippet_html).removeprefix("…")
        start = bodies[hit.id].find(text[:10])
        assert start == 0 or bodies[hit.id][start - 1] in "。！？；!?;\n"


def test_near_duplicates_collapse_into_one_hit(demo: Searcher) -> None:
    hits = demo.search(SearchRequest(q="碳酸锂 价格")).hits
    pair = {"demo-0058", "demo-0059"}
    grouped = [h for h in hits if h.id in pair]
    assert len(grouped) == 1 and grouped[0].similar == 1
    assert set(grouped[0].similar_ids) | {grouped[0].id} == pair


def test_article_related_and_suggest(demo: Searcher) -> None:
    art = demo.article("demo-0039", q="漏洞")
    assert art is not None and "<mark>漏洞</mark>" in art.body_html
    assert "&lt;script&gt;" in art.body_html and "<script" not in art.body_html
    assert demo.article("no-such-id") is None
    related = demo.related("demo-0026", k=5)
    assert related and all(h.id not in ("demo-0026", "demo-0027") for h in related)
    assert any("特高压" in h.title for h in related)
    suggestions = demo.suggest("光")
    assert suggestions and all(fold(s).startswith("光") for s in suggestions)
    assert "光伏" in suggestions


def test_an_article_marks_its_readers_query_without_running_it(demo_index: Path) -> None:
    """However long the query the reader came from, the article page only marks its words:
    no posting list is read for them (a query of 128 common characters read 512)."""
    searcher = Searcher(demo_index)
    plain = searcher.article("demo-0026")  # its related articles: their terms read now
    engine = searcher._current().engine
    before = engine.cache_info()
    q = " ".join(
        "特高压电网工程投运的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对"
    )
    marked = searcher.article("demo-0026", q=q)
    assert plain is not None and marked is not None
    assert engine.cache_info() == before
    assert "<mark>" in marked.body_html and marked.related == plain.related
    assert MARK.sub(r"\1", marked.body_html) == MARK.sub(r"\1", plain.body_html)


QUERY_PIECES = [
    *("光伏", "储能", "电网", "的", "煤", "5G", "綠色", "特高压工程", "农业", "ＡＢ"),
    *('"', "“", "-", "OR", " ", "title:", "category:", "(", "*", "source:", "标题:"),
    *(" NOT ", " AND ", "😀", "。"),
]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.sampled_from(QUERY_PIECES),
        max_size=12,
    ).map("".join)
)
def test_the_words_an_article_marks_are_the_words_a_search_marks(q: str) -> None:
    engine = _shared_demo_searcher()._current().engine
    parsed = parse(q)
    plan = engine.plan(parsed, {}, {})
    assert highlight_words(parsed) == plan.words
    assert plan.whole == typed_string(parsed)  # (marked alone where an article holds it)


def test_searcher_follows_a_reindex_switch(tmp_path: Path) -> None:
    src = write_jsonl(tmp_path / "a.jsonl", [article(1)])
    root = build_index(tmp_path / "ix", src)
    searcher = Searcher(root)
    assert searcher.search(SearchRequest()).total == 1
    write_jsonl(src, [article(1), article(2)])
    reindex(ReindexOptions([src], root, progress=False))
    assert searcher.search(SearchRequest()).total == 2
    assert searcher.health()["documents"] == 2


def test_a_switch_warms_the_new_generation_with_the_terms_last_used(tmp_path: Path) -> None:
    """After a reindex, the terms the old generation answered last are read into the new
    one's caches in the background, from the new index: queries neither wait for them cold
    nor see the old postings."""
    src = write_jsonl(tmp_path / "a.jsonl", [article(1, body="屋顶光伏并网。")])
    root = build_index(tmp_path / "ix", src)
    searcher = Searcher(root)
    try:
        assert searcher.search(SearchRequest(q="光伏")).total == 1
        used = searcher._current().engine.hot_terms(50)
        assert ("body", "光伏", False) in used or ("body", "光伏", True) in used
        write_jsonl(src, [article(1, body="屋顶光伏并网。"), article(2, body="光伏组件降价。")])
        reindex(ReindexOptions([src], root, progress=False))
        assert searcher.health()["documents"] == 2  # opens the new generation
        assert searcher._warmer is not None
        searcher._warmer.join(timeout=60)
        engine = searcher._current().engine
        assert set(engine.hot_terms(50)) >= set(used)
        assert engine.cache_info()["terms"] >= len(used)
        assert len(engine.postings("body", "光伏").ids) == 2  # the new generation's postings
        assert searcher.search(SearchRequest(q="光伏")).total == 2
    finally:
        searcher.close()


def test_undated_articles_are_searchable_counted_and_sorted_last(tmp_path: Path) -> None:
    src = write_jsonl(
        tmp_path / "a.jsonl",
        [
            article(1, body="山东一座光伏电站并网。"),
            article(2, body="光伏组件价格连续下跌，企业承压。", published=None),
            article(3, body="屋顶光伏补贴政策发布。", published="not a date"),
        ],
    )
    root = build_index(tmp_path / "ix", src)
    result = Searcher(root).search(SearchRequest(q="光伏", sort=SortOrder.DATE))
    assert result.hits[0].id == "t-1"
    assert {h.published for h in result.hits[1:]} == {None}
    assert {v.value: v.count for v in result.facets["published"].values} == {"2024": 1}
    stats = index_stats(root)
    assert (stats.documents, stats.undated) == (3, 2)


def test_recency_preference_lifts_newer_articles(tmp_path: Path) -> None:
    src = write_jsonl(
        tmp_path / "a.jsonl",
        [
            article(
                1,
                title="氢能",
                body="氢能产业链加快布局，氢能示范城市群扩容。",
                published="2016-03-01",
            ),
            article(
                2,
                title="氢能",
                body="一座加氢站在西部建成，氢能车辆开始试运营。",
                published="2024-03-01",
            ),
        ],
    )
    searcher = Searcher(build_index(tmp_path / "ix", src))
    plain = [h.id for h in searcher.search(SearchRequest(q="氢能")).hits]
    recent = [h.id for h in searcher.search(SearchRequest(q="氢能", recency=3.0)).hits]
    assert plain == ["t-1", "t-2"]  # more mentions of the word
    assert recent == ["t-2", "t-1"]


def test_source_field_in_the_query(demo: Searcher, demo_records: list) -> None:
    daily = {r.id for r in demo_records if r.source == "电力日报"}
    assert all_ids(demo, "电网 source:电力日报") == matching(demo_records, "电网") & daily
    assert all_ids(demo, "电网 来源:电力日报") == matching(demo_records, "电网") & daily
    # Typed in traditional characters (or full width), a prefix is the same field: 來源: used
    # to be searched as the word 来源, which every article's text holds.
    assert all_ids(demo, "电网 來源:电力日报") == matching(demo_records, "电网") & daily
    assert all_ids(demo, "電網 ＳＯＵＲＣＥ：电力日报") == matching(demo_records, "电网") & daily
    titled = all_ids(demo, "标题:电网")
    assert all_ids(demo, "標題:电网") == titled and titled < matching(demo_records, "电网")


def test_words_side_by_side_rank_above_words_apart(tmp_path: Path) -> None:
    src = write_jsonl(
        tmp_path / "a.jsonl",
        [
            article(1, title="园区动态", body="园区建设光伏电站。另有一个项目配套储能设施。"),
            article(2, title="园区动态", body="园区建设光伏储能电站。另有一个项目配套设施。"),
        ],
    )
    hits = Searcher(build_index(tmp_path / "ix", src)).search(SearchRequest(q="光伏 储能")).hits
    assert [h.id for h in hits] == ["t-2", "t-1"]


@pytest.mark.parametrize("q", ["光伏", "光伏 储能"])
def test_equal_scores_rank_in_input_order_not_by_document_number(tmp_path: Path, q: str) -> None:
    # Document numbers depend on how a build's workers shared the records; the place in the
    # sources does not. Here the input order is made the reverse of the document numbers.
    words = ["风电", "水电", "核电", "煤电", "地热", "潮汐", "氢能", "电网", "调峰", "微网"]
    rows = [
        article(n, title=f"简讯{n}", body=f"光伏 储能 {words[n % 10]} {words[n // 10]}。")
        for n in range(1, 40)
    ]
    searcher = Searcher(build_index(tmp_path / "ix", write_jsonl(tmp_path / "a.jsonl", rows)))
    request = SearchRequest(q=q, page_size=50)
    forward = searcher.search(request).hits
    assert len(forward) == len(rows)  # every article on the page, none collapsed
    engine = searcher._current().engine
    engine._order = [-seq for seq in engine.input_order()]
    backward = searcher.search(request).hits
    scores = [h.score for h in forward]
    assert len(set(scores)) < len(scores)  # there are ties to break
    for score in set(scores):
        tied = [h.id for h in forward if h.score == score]
        assert [h.id for h in backward if h.score == score] == tied[::-1]


def test_paging_through_equally_scored_articles_shows_each_once(tmp_path: Path) -> None:
    # Hundreds of bulletins of one shape score alike for their common word. The index is
    # built by two workers, so its document numbers are not the records' order: the tied
    # articles a deeper page needed came in ahead of ones already shown, and paging showed
    # 81 of 600 twice and 92 never.
    rng = random.Random(3)
    places = (
        "东湖 西山 南岭 北塘 中洲 青石 白沙 红桥 黄埔 绿野"
        + " 金川 银滩 铁岭 石门 松江 柳林 桃源 梅岭 竹溪 兰亭"
    )
    rows = []
    for n in range(600):
        a, b, c, d = rng.sample(places.split(), 4)
        rows.append(article(n, title=f"{a}疫情通报", body=f"{a}、{b}、{c}、{d}通报疫情。"))
    root = build_index(tmp_path / "ix", write_jsonl(tmp_path / "b.jsonl", rows), workers=2)
    searcher = Searcher(root)
    shown: Counter[str] = Counter()
    page = 1
    while hits := searcher.search(SearchRequest(q="疫情", page=page, page_size=7)).hits:
        shown.update(i for h in hits for i in (h.id, *h.similar_ids))
        page += 1
    assert len(shown) == 600 and set(shown.values()) == {1}


@pytest.mark.parametrize("q", ["疫情 -疫情防控", "疫情 NOT 疫情防控", '疫情 -"疫情防控"'])
def test_excluding_a_term_of_several_words_leaves_out_the_term_only(tmp_path: Path, q: str) -> None:
    # -疫情防控 left out every article with 疫情 or 防控 (each of its words apart): nothing
    # was left of 疫情. It leaves out what has the term as typed, as the quoted form does.
    rows = [
        article(1, title="多地升级疫情防控措施", body="各地加强疫情防控工作。"),
        article(2, title="疫情通报", body="本地疫情平稳，医院严格防控院内感染。"),
        article(3, title="疫情之后的旅游市场", body="疫情过后，旅游市场逐步回暖。"),
    ]
    searcher = Searcher(build_index(tmp_path / "ix", write_jsonl(tmp_path / "a.jsonl", rows)))
    assert all_ids(searcher, q) == {"t-2", "t-3"}


def test_suggestions_complete_what_headlines_write_after_the_prefix(tmp_path: Path) -> None:
    # jieba's dictionary has no 新冠疫苗 or 新冠肺炎, so the index has no such terms: 新冠 was
    # completed to whatever rare cuts began with it (新冠大, in one article), never to these.
    titles = ["新冠疫苗第{}批上市", "新冠疫苗接种点开放{}个", "全省新冠疫苗接种超{}万人"]
    titles += ["新冠肺炎防控第{}版方案", "新冠肺炎出院患者{}人"]
    rows = [article(n, title=t.format(n), body=f"正文第{n}段。") for n, t in enumerate(titles)]
    rows.append(article(9, title="一则消息", body="新冠大流行之后，经济逐步恢复。"))
    searcher = Searcher(build_index(tmp_path / "ix", write_jsonl(tmp_path / "a.jsonl", rows)))
    assert searcher.suggest("新冠")[:2] == ["新冠疫苗", "新冠肺炎"]
    assert "新冠大" not in searcher.suggest("新冠")
    assert searcher.suggest("疫苗接")[:1] == ["疫苗接种"]


def test_a_phrase_does_not_match_across_punctuation(tmp_path: Path) -> None:
    # "中国" matched 格局中，国家 (its characters either side of a comma), unmarked.
    rows = [
        article(1, title="形势分析", body="在新的格局中，国家安全形势总体平稳。"),
        article(2, title="经济简讯", body="中国经济稳定增长，就业形势平稳。"),
        article(3, title="年终回顾", body="这一年，中国家电出口增长两成。"),
    ]
    searcher = Searcher(build_index(tmp_path / "ix", write_jsonl(tmp_path / "a.jsonl", rows)))
    assert all_ids(searcher, '"中国"') == {"t-2", "t-3"}
    assert all_ids(searcher, '"局中国"') == set()
    # Punctuation typed inside a phrase stands where it stands in the text.
    assert all_ids(searcher, '"格局中，国家"') == {"t-1"}
    assert all_ids(searcher, '"中，国"') == {"t-1"}


def test_a_quoted_phrase_finds_every_article_holding_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A phrase jieba cuts differently in some articles (深化改革 | 开放) is found there by its
    characters, however many articles hold all its characters: it used to be checked only up
    to the unknown-word limit, and "改革开放" missed 14% of the bench corpus's articles with it.
    Too many to check, the results say so."""
    from xinwen.search import engine

    rows = [article(n, body=f"第{n}期：我国全面深化改革开放，加大宏观调控力度。") for n in range(4)]
    rows += [article(4, body="坚持改革开放不动摇。"), article(5, body="改革方案公布，市场开放。")]
    searcher = Searcher(build_index(tmp_path / "ix", write_jsonl(tmp_path / "a.jsonl", rows)))
    monkeypatch.setattr(engine, "CHAR_CHECK_LIMIT", 1)  # (the bench corpus's 3,000, in small)
    found = searcher.search(SearchRequest(q='"改革开放"', page_size=20))
    assert sorted(h.id for h in found.hits) == ["t-0", "t-1", "t-2", "t-3", "t-4"]
    assert found.notice is None
    monkeypatch.setattr(engine, "PHRASE_CHECK_LIMIT", 1)
    partial = searcher.search(SearchRequest(q='"改革开放"', page_size=20))
    assert [h.id for h in partial.hits] == ["t-4"]
    assert partial.notice == "短语“改革开放”太常见，只找到了词语切分与它相同的文章，可能有遗漏。"


def test_a_string_jieba_cannot_cut_matches_as_typed_when_it_stands_so(tmp_path: Path) -> None:
    """大数据 is cut 大 + 数据: it used to match 大 anywhere beside 数据 anywhere (6,226
    articles of the bench corpus where 1,001 hold it), each lone 大 marked. Where a page's worth
    of articles hold the string as typed, only those match; fewer come first, the pieces apart
    after them; an article holding it is marked by the string alone, on its result and its
    page."""
    rows = [
        article(n, title=f"大数据中心第{n}期投运", body=f"某市大数据中心第{n}期今日投运。")
        for n in range(engine.VERBATIM_ONLY_MIN)
    ]
    rows += [
        article(90, title="用电量增长", body="数据显示今年用电量大幅增长。"),
        article(91, title="储能电站", body="大型储能电站的运行数据公布，大数据平台同步上线。"),
        article(92, title="风电场", body="大型风电场的运行数据公布。"),
        article(93, title="数据发布", body="平台发布大量运行数据。"),
    ]
    searcher = Searcher(build_index(tmp_path / "ix", write_jsonl(tmp_path / "a.jsonl", rows)))
    found = searcher.search(SearchRequest(q="大数据", page_size=50))
    ids = {h.id for h in found.hits} | {i for h in found.hits for i in h.similar_ids}
    assert not {"t-90", "t-92", "t-93"} & ids and len(ids) == engine.VERBATIM_ONLY_MIN + 1
    hit = next(h for h in found.hits if h.id == "t-91")
    assert "<mark>大数据</mark>" in hit.snippet_html and "<mark>大</mark>" not in hit.snippet_html
    page = searcher.article("t-91", q="大数据")
    assert page is not None and "<mark>大数据</mark>" in page.body_html
    assert "<mark>大</mark>" not in page.body_html
    # 大电量 stands nowhere: its pieces; 大数据平台 in one article: it first, then the pieces.
    assert [h.id for h in searcher.search(SearchRequest(q="大电量")).hits] == ["t-90"]
    assert [h.id for h in searcher.search(SearchRequest(q="大数据平台")).hits] == ["t-91", "t-93"]


def test_a_glued_code_is_found_by_its_parts(tmp_path: Path) -> None:
    rows = [
        article(1, title="总台推进“5G+4K/8K+AI”战略", body="超高清制作展示。"),
        article(2, title="2014APEC第四次高官会开幕", body="会议今天开幕。"),
        article(3, title="IPHONE4手机热销", body="新款手机上市。"),
    ]
    searcher = Searcher(build_index(tmp_path / "ix", write_jsonl(tmp_path / "a.jsonl", rows)))
    found = {
        q: [h.id for h in searcher.search(SearchRequest(q=q)).hits]
        for q in ("AI", "8K", "APEC", "iPhone", "5G+4K/8K+AI")
    }
    assert found == {
        "AI": ["t-1"],
        "8K": ["t-1"],
        "APEC": ["t-2"],
        "iPhone": ["t-3"],
        "5G+4K/8K+AI": ["t-1"],
    }


def test_a_joiner_inside_a_word_hides_it_from_no_one(tmp_path: Path) -> None:
    """A zero-width joiner pasted inside a word (储\u200d能), in the article or in the query,
    cut it in two: the article was not found by 储能, nor the query's word anywhere."""
    rows = [
        article(1, title="盐穴储\u200d能电站开工", body="新型储\u200d能项目今日开工。"),
        article(2, title="抽水蓄能电站投产", body="储能规模再创新高。"),
    ]
    searcher = Searcher(build_index(tmp_path / "ix", write_jsonl(tmp_path / "a.jsonl", rows)))
    assert {h.id for h in searcher.search(SearchRequest(q="储能")).hits} == {"t-1", "t-2"}
    assert {h.id for h in searcher.search(SearchRequest(q="储\u200d能")).hits} == {"t-1", "t-2"}


def test_a_term_that_loses_a_stop_word_in_the_cut_is_searched_as_typed(tmp_path: Path) -> None:
    """巴以 is cut 巴 + 以, and 以 is a stop word: the query searched 巴 alone (巴西, 巴基斯坦:
    8,931 articles of the bench corpus where 441 hold 巴以), -巴以 left out every article with
    巴, and even the quoted "以总理" matched every article with 总理."""
    rows = [
        article(n, title=f"巴以冲突第{n}天", body=f"巴以双方第{n}轮谈判在开罗举行。")
        for n in range(engine.VERBATIM_ONLY_MIN)
    ]
    rows += [
        article(50, title="巴西大豆丰收", body="巴西今年大豆产量创新高。"),
        article(51, title="加沙局势", body="加沙地带的巴勒斯坦平民撤离。"),
        article(52, title="加沙停火谈判", body="巴以在加沙停火问题上分歧仍大。"),
        article(53, title="以总理会见美国特使", body="以总理表示将继续军事行动。"),
        article(54, title="印度总理访问日本", body="印度总理抵达东京。"),
    ]
    searcher = Searcher(build_index(tmp_path / "ix", write_jsonl(tmp_path / "a.jsonl", rows)))

    def ids(q: str) -> set[str]:
        hits = searcher.search(SearchRequest(q=q, page_size=50)).hits
        return {i for h in hits for i in (h.id, *h.similar_ids)}

    both = {f"t-{n}" for n in range(engine.VERBATIM_ONLY_MIN)} | {"t-52"}
    assert ids("巴以") == both
    assert ids("title:巴以") == both - {"t-52"}
    assert ids("加沙 -巴以") == {"t-51"}
    assert ids('"以总理"') == {"t-53"}
    # (one article holds it: it comes first, the pieces apart after it, as for 大数据平台)
    assert [h.id for h in searcher.search(SearchRequest(q="以总理")).hits] == ["t-53", "t-54"]
    page = searcher.article("t-52", q="巴以")
    assert page is not None and "<mark>巴以</mark>" in page.body_html
    assert "<mark>巴</mark>" not in page.body_html


@pytest.mark.parametrize(
    ("q", "meaning"),
    [
        ("title:(光伏 OR 风电)", "title:光伏 OR title:风电"),
        ("标题:(光伏 储能) 电站", "标题:光伏 标题:储能 电站"),
        ('title:("光伏 电站" OR 风电)', 'title:"光伏 电站" OR title:风电'),
        ("category:(政策 OR 技术) 光伏", "category:政策 category:技术 光伏"),
    ],
)
def test_a_field_before_parentheses_applies_to_each_word(
    demo: Searcher, q: str, meaning: str
) -> None:
    """title:(光伏 OR 风电) searched 光伏 in titles OR 风电 anywhere: 417 bench articles where
    29 titles hold either word."""
    assert parse(q) == dataclasses.replace(parse(meaning), ungrouped=False)
    assert all_ids(demo, q) == all_ids(demo, meaning)


def test_parentheses_that_group_words_are_said_to_be_ignored(demo: Searcher) -> None:
    """(光伏 储能) OR 风电 is read as 光伏 AND (储能 OR 风电), as this language has no grouping:
    the results say so, rather than answer another question unsaid."""
    grouped = demo.search(SearchRequest(q="(光伏 储能) OR 风电"))
    assert grouped.notice is not None and "括号不表示分组" in grouped.notice
    assert all_ids(demo, "(光伏 储能) OR 风电") == all_ids(demo, "光伏 储能 OR 风电")
    for plain in ("光伏 储能", "title:(光伏 OR 风电)", "5G+(4K)"):
        found = demo.search(SearchRequest(q=plain))
        assert found.notice is None or "括号" not in found.notice, plain


def test_a_phrase_finds_a_part_of_a_glued_code(tmp_path: Path) -> None:
    """2016-2030 and 5G+ are indexed with their parts (2030, 5g), but a phrase checked its
    characters too, where the code stands whole: 2030年 missed every 《…规划（2016-2030年）》 and
    "5G" the 5G+ and 5G-A stories that the unquoted 5G finds."""
    rows = [
        article(1, title="国务院印发《人口发展规划（2016-2030年）》", body="规划今天公布。"),
        article(2, title="到2030年实现目标", body="目标已经明确。"),
        article(3, title="推进“5G+工业互联网”", body="5G-A网络开始试点。"),
        article(4, title="5G基站建设提速", body="新建基站一万个。"),
        article(5, title="2031年计划", body="远景目标。"),
    ]
    searcher = Searcher(build_index(tmp_path / "ix", write_jsonl(tmp_path / "a.jsonl", rows)))
    for q in ("2030年", '"2030年"'):
        assert all_ids(searcher, q) == {"t-1", "t-2"}, q
    assert all_ids(searcher, '"5G"') == all_ids(searcher, "5G") == {"t-3", "t-4"}
