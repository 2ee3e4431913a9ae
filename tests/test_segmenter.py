"""DagSegmenter: jieba's accurate-mode words, computed faster, for any text and any dictionary."""

from __future__ import annotations

import json
from pathlib import Path

import jieba
import pytest
from hypothesis import given
from hypothesis import strategies as st

from xinwen.index.analysis import _JIEBA_HAN, fold
from xinwen.index.segmenter import DagSegmenter

# Runs in jieba's Chinese range, weighted towards dictionary words, function words and the
# characters jieba's HMM turns into names, so routes have ties, unknown runs and long words.
runs = st.lists(
    st.one_of(
        st.characters(min_codepoint=0x4E00, max_codepoint=0x9FD5),
        st.sampled_from(
            [
                "中国",
                "农业",
                "发展",
                "银行",
                "特高压",
                "输电",
                "光伏",
                "储能",
                "的",
                "了",
                "是",
                "在",
                "和",
                "王小明",
                "欧阳",
                "新能源汽车",
                "国家电网",
                "搜索引擎",
                "长江",
                "大桥",
            ]
        ),
    ),
    min_size=1,
    max_size=30,
).map("".join)


@pytest.fixture(scope="module")
def segmenter() -> DagSegmenter:
    segmenter = DagSegmenter(jieba.dt)
    segmenter.cut("预热")  # builds its tables (0.2 s) outside the timed examples
    return segmenter


@given(run=runs)
def test_words_are_jiebas(segmenter: DagSegmenter, run: str) -> None:
    expected = list(jieba.cut(run, HMM=True))
    assert list(segmenter.cut(run)) == expected
    # Asked again (the answer now comes from memory), the same words.
    assert list(segmenter.cut(run)) == expected


@pytest.mark.corpus
def test_words_are_jiebas_on_real_news(segmenter: DagSegmenter, sample_path: Path) -> None:
    checked = 0
    for line in sample_path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        for text in (record.get("title") or "", record.get("body") or ""):
            for run in _JIEBA_HAN.findall(fold(str(text))):
                assert list(segmenter.cut(run)) == list(jieba.cut(run, HMM=True)), run
                checked += 1
    assert checked > 10_000


def test_follows_changes_to_the_dictionary(tmp_path: Path) -> None:
    # A tokenizer of its own: words added here must not leak into the session's jieba.
    tokenizer = jieba.Tokenizer()
    tokenizer.tmp_dir = str(tmp_path)
    tokenizer.initialize()
    segmenter = DagSegmenter(tokenizer)
    text = "氢能重卡示范线路开通"
    before = list(segmenter.cut(text))
    assert before == list(tokenizer.cut(text, HMM=True))
    tokenizer.add_word("氢能重卡", 50_000)
    after = list(segmenter.cut(text))
    assert after == list(tokenizer.cut(text, HMM=True))
    assert "氢能重卡" in after and "氢能重卡" not in before
