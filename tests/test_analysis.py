"""Chinese analysis: folding, segmentation, positions and offsets."""

from __future__ import annotations

import jieba
from hypothesis import given, settings
from hypothesis import strategies as st
from whoosh.fields import TEXT as WHOOSH_TEXT

from tests.helpers import analyze
from xinwen.index.analysis import (
    CharTokenizer,
    JiebaTokenizer,
    char_analyzer,
    cut_han,
    fold,
    word_analyzer,
)
from xinwen.index.schema import build_schema

TEXT = (
    "臺灣電力公司推動離岸風電，２０２４年裝機５ＧＷ；中国绿色供应链联盟年会在京召开。"
    "±800千伏特高压直流工程 iPhone 的 5G 份额 65.4% 标准号 14040-14044 搜索引擎 中国农业发展银行 煤"
)

# Text from any script and width, including the characters the analysis cares about.
chinese_text = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),
        st.characters(min_codepoint=0xFF01, max_codepoint=0xFF5E),
        st.sampled_from("臺灣電風機綠應鏈發銀±%.-/ \n，。"),
        st.characters(codec="utf-8"),
    ),
    max_size=80,
)


def tokens(analyzer, text: str, mode: str) -> list:
    return [
        (t.text, t.pos, t.startchar, t.endchar)
        for t in analyzer(text, positions=True, chars=True, mode=mode)
    ]


def test_fold_maps_traditional_full_width_and_case() -> None:
    assert fold("臺灣電力公司") == "台湾电力公司"
    assert fold("２０２４年ＬＮＧ与ｉＰｈｏｎｅ") == "2024年lng与iphone"
    assert fold("綠色供應鏈") == "绿色供应链"


@settings(max_examples=300, deadline=None)
@given(chinese_text)
def test_fold_keeps_length_and_is_idempotent(text: str) -> None:
    folded = fold(text)
    assert len(folded) == len(text)
    assert fold(folded) == folded


@settings(max_examples=200, deadline=None)
@given(chinese_text)
def test_offsets_slice_back_to_the_token(text: str) -> None:
    for analyzer in (word_analyzer(), char_analyzer()):
        for mode in ("index", "query"):
            for word, _pos, start, end in tokens(analyzer, text, mode):
                assert fold(text[start:end]) == word


def test_offsets_point_into_the_original_unfolded_text() -> None:
    found = {TEXT[s:e] for _w, _p, s, e in tokens(word_analyzer(), TEXT, "query")}
    assert {"臺灣", "離岸風電", "２０２４", "５ＧＷ", "iPhone", "65.4%", "14040-14044"} <= found


def test_query_mode_keeps_words_whole_and_index_mode_adds_sub_words_at_same_position() -> None:
    query = tokens(word_analyzer(), "搜索引擎", "query")
    assert [w for w, *_ in query] == ["搜索引擎"]
    index = tokens(word_analyzer(), "搜索引擎", "index")
    assert {w for w, *_ in index} == {"搜索引擎", "搜索", "索引", "引擎"}
    assert {p for _w, p, *_ in index} == {0}


def test_part_of_a_long_word_is_indexed() -> None:
    words = set(analyze("中国农业发展银行", mode="index"))
    assert "农业" in words
    assert "农业" not in analyze("中国农业发展银行", mode="query")


def test_positions_count_tokens_not_characters() -> None:
    toks = tokens(word_analyzer(), "中国绿色供应链联盟年会召开", "query")
    assert [p for _w, p, *_ in toks] == list(range(len(toks)))


def test_stop_words_are_dropped_without_renumbering() -> None:
    toks = tokens(word_analyzer(), "光伏的发展", "query")
    assert [(w, p) for w, p, *_ in toks] == [("光伏", 0), ("发展", 2)]


def test_latin_numbers_and_codes_stay_whole() -> None:
    words = analyze("5G iPhone 65.4% 14040-14044 ±800千伏 V2.0 GB/T")
    assert words[:6] == ["5g", "iphone", "65.4%", "14040-14044", "±800", "千伏"]
    assert "v2.0" in words
    parts = set(analyze("65.4% 14040-14044 ±800", mode="index"))
    assert {"65.4", "14040", "14044", "800"} <= parts


def test_the_parts_of_a_glued_code_are_found_on_their_own() -> None:
    """Terms glued by "+" or against digits (5G+4K/8K+AI, 2014APEC, IPHONE4) are indexed
    whole and by their parts, so 5G, AI, APEC and iPhone find them; a single letter or digit
    is no part of its own (5G has none, G20 only 20), nor is a decimal or a thousands group."""
    parts = analyze("5G+4K/8K+AI 2014APEC IPHONE4 COVID19", mode="index")
    assert {"5g", "4k", "8k", "ai", "2014", "apec", "iphone", "covid", "19"} <= set(parts)
    assert {"5g+4k/8k+ai", "2014apec", "iphone4"} <= set(parts)
    assert analyze("5G G20 1,000 3.5", mode="index") == ["5g", "g20", "20", "1,000", "3.5"]


def test_energy_dictionary_keeps_industry_terms_whole() -> None:
    assert analyze("推进特高压和新型储能建设，力争碳达峰") == [
        "推进",
        "特高压",
        "新型储能",
        "建设",
        "力争",
        "碳达峰",
    ]


def test_traditional_query_segments_like_simplified_text() -> None:
    assert analyze("離岸風電與儲能系統") == analyze("离岸风电与储能系统")


def test_user_words_travel_with_the_tokenizer() -> None:
    word = ("雪鸮储运网", None, None)
    assert "雪鸮储运网" not in analyze("雪鸮储运网发布")
    tokenizer = JiebaTokenizer(userwords=(word,))
    assert next(t.text for t in tokenizer("雪鸮储运网发布")) == "雪鸮储运网"


def test_char_tokenizer_emits_each_chinese_character_at_its_own_position() -> None:
    toks = tokens(CharTokenizer(), "煤炭 5G", "index")
    assert [(w, p) for w, p, *_ in toks] == [("煤", 0), ("炭", 1), ("5g", 2)]


@settings(max_examples=150, deadline=None)
@given(chinese_text)
def test_the_indexing_fast_path_writes_what_whoosh_would(text: str) -> None:
    schema = build_schema()
    for name in ("title", "body_c"):
        field = schema[name]
        fast = sorted(field.index(text))
        generic = sorted(WHOOSH_TEXT.index(field, text))
        assert fast == generic


han_runs = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),
        st.characters(min_codepoint=0x3400, max_codepoint=0x4DBF),
        st.sampled_from("中国农业发展银行搜索引擎特高压输电光伏储能新冠疫苗的了是"),
    ),
    min_size=1,
    max_size=40,
)


@given(han_runs)
def test_direct_segmentation_of_chinese_runs_is_jiebas(run: str) -> None:
    assert list(cut_han(run)) == list(jieba.cut(run, HMM=True))
