"""``xinwen words``: new words found in a corpus of our own text with planted new words."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import ROOT, build_index, write_jsonl
from xinwen.cli import main
from xinwen.index.analysis import in_dictionary
from xinwen.index.newwords import find_new_words, propose_words
from xinwen.index.store import IndexStore

# Words jieba knows, common in news: the random text between the planted words.
_COMMON = (
    "政府 企业 项目 建设 发展 经济 工作 会议 地区 城市 农村 技术 创新 投资 资金 服务 管理 "
    "政策 改革 推进 加快 提高 完善 支持 合作 国际 国家 部门 人员 群众 社会 安全 质量 标准 "
    "能源 电力 市场 价格 产品 生产 销售 增长 下降 记者 今年 去年 目前 计划 实施 开展 召开 "
    "举行 表示 认为 指出 强调 要求 提出 相关 重要 主要 全面 积极 稳定 持续 有效 重点 领域 "
    "行业 产业 设施 系统 平台 数据 信息 网络 环境 生态 资源 交通 教育 医疗 文化 旅游 科技"
)
COMMON = _COMMON.split()
# Invented compounds no dictionary has: each must be proposed.
PLANTED = ("鲲鹏能源链", "澜汐光能", "翟沅溪", "星枢智储平台")
# Pairs of common words that often stand together but whose parts mostly stand alone: a
# segmenter does fine with them, so they must not be proposed.
PAIRS = (("项目", "建设"), ("经济", "增长"), ("资金", "管理"))


def _sentence(rng: random.Random, extra: list[str]) -> str:
    words = rng.choices(COMMON, k=rng.randint(6, 10))
    for w in extra:
        words.insert(rng.randint(0, len(words)), w)
    return "".join(words) + rng.choice("。，；！")


def _corpus(seed: int = 13, documents: int = 240) -> list[dict]:
    rng = random.Random(seed)
    rows = []
    for n in range(documents):
        sentences = []
        for _ in range(8):
            extra = []
            if rng.random() < 0.12:  # about 30 uses of each planted word, in varied places
                extra.append(rng.choice(PLANTED))
            if rng.random() < 0.15:
                extra.append("".join(rng.choice(PAIRS)))
            sentences.append(_sentence(rng, extra))
        rows.append(
            {
                "id": f"w-{n}",
                "title": _sentence(rng, [])[:-1],
                "body": "".join(sentences),
                "published": "2024-05-01",
            }
        )
    return rows


def test_the_fixture_is_meaningful() -> None:
    """The planted words and the pairs are not jieba words; the pairs do stand together."""
    assert not any(in_dictionary(w) for w in PLANTED)
    assert not any(in_dictionary(a + b) for a, b in PAIRS)
    body = " ".join(r["body"] for r in _corpus())
    for a, b in PAIRS:
        assert body.count(a + b) >= 25
    for w in PLANTED:
        assert body.count(w) >= 20


@pytest.fixture(scope="module")
def corpus_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("newwords")
    return build_index(tmp / "ix", write_jsonl(tmp / "c.jsonl", _corpus()))


def test_planted_words_are_proposed_and_common_pairs_are_not(corpus_index: Path) -> None:
    report = propose_words(corpus_index, min_count=5, top=10)
    words = [w.word for w in report.words]
    assert set(PLANTED) <= set(words), words
    for a, b in PAIRS:
        assert a + b not in words
    # No fragment of a planted word is proposed beside it (鲲鹏能源 of 鲲鹏能源链).
    for w in words:
        assert not any(w != p and w in p for p in PLANTED), w
    assert report.documents == report.documents_read == 240
    for w in report.words:
        assert w.count >= 5 and w.pmi > 0 and min(w.left_entropy, w.right_entropy) > 0


def test_words_of_the_user_dictionary_are_left_out(tmp_path: Path) -> None:
    """A word already in the index's user dictionary is not proposed again. (Its own word:
    jieba's dictionary is process-wide, and the word stays in it for the other tests.)"""
    rng = random.Random(7)
    rows = _corpus()
    for row in rows[:60]:
        row["body"] += _sentence(rng, ["琮玥储能"])
    userdict = tmp_path / "user.txt"
    userdict.write_text("琮玥储能 20\n", encoding="utf-8")
    assert not in_dictionary("琮玥储能")
    root = build_index(tmp_path / "ix", write_jsonl(tmp_path / "c.jsonl", rows), userdict=userdict)
    words = [w.word for w in propose_words(root, min_count=5, top=20).words]
    assert "琮玥储能" not in words
    assert set(PLANTED) <= set(words)


def test_sampling_keeps_the_threshold_for_the_whole_index(corpus_index: Path) -> None:
    report = propose_words(corpus_index, min_count=10, top=10, max_chars=30_000)
    assert report.sampled and report.documents_read < report.documents
    assert "鲲鹏能源链" in [w.word for w in report.words]


def test_words_output_is_a_user_dictionary_for_reindex(
    corpus_index: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The command's output, given to ``reindex --userdict``, keeps the new words whole."""
    assert main(["words", "--index", str(corpus_index), "--min-count", "5", "--top", "10"]) == 0
    out, err = capsys.readouterr()
    lines = out.splitlines()
    assert len(lines) <= 10 and "240 documents" in err
    proposed = {}
    for line in lines:
        word, freq = line.split()
        proposed[word] = int(freq)
    assert set(PLANTED) <= set(proposed) and min(proposed.values()) >= 5
    userdict = tmp_path / "new.txt"
    userdict.write_text(out, encoding="utf-8")
    src = write_jsonl(tmp_path / "c.jsonl", _corpus())
    root = build_index(tmp_path / "ix", src, userdict=userdict)
    _gen, ix = IndexStore(root).open_current()
    with ix.searcher() as s:
        for word in PLANTED:
            having = sum(1 for r in _corpus() if word in r["body"])
            assert s.doc_frequency("body", word) == having
    ix.close()


def test_a_fresh_process_searches_with_the_index_user_dictionary(tmp_path: Path) -> None:
    """After ``reindex --userdict``, a new process (``xinwen search``) cuts the query with the
    index's words: 珩璟能源链 finds the article with the string, not the one with its parts."""
    rows = [
        {"id": "whole", "title": "年报", "body": "珩璟能源链今天发布了年度报告。"},
        {"id": "parts", "title": "见闻", "body": "珩璟飞过，能源链条完整。"},
    ]
    userdict = tmp_path / "new.txt"
    userdict.write_text("珩璟能源链 60\n", encoding="utf-8")
    root = build_index(tmp_path / "ix", write_jsonl(tmp_path / "c.jsonl", rows), userdict=userdict)
    out = subprocess.run(
        [sys.executable, "-m", "xinwen", "search", "珩璟能源链", "--index", str(root), "--json"],
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    ).stdout
    assert [h["id"] for h in json.loads(out)["hits"]] == ["whole"]


def test_bad_arguments_are_one_line_errors(
    corpus_index: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["words", "--index", str(corpus_index), "--min-count", "1"]) == 1
    assert "min-count must be at least 2" in capsys.readouterr().err
    assert main(["words", "--index", str(corpus_index), "--max-chars", "0"]) == 1
    assert "max-chars must be at least 1" in capsys.readouterr().err
    assert main(["words", "--index", str(corpus_index / "nothing")]) == 1
    assert "no index" in capsys.readouterr().err


def test_no_chinese_text_proposes_nothing() -> None:
    assert find_new_words(["abc 123", ""], in_dictionary, min_count=2) == []


def test_the_longest_string_wins_when_its_part_rarely_stands_alone() -> None:
    """昊穹云脑 stands alone a quarter of the time (enough neighbours to pass the boundary
    test on its own) and inside 昊穹云脑中心 the rest: only the longer string is proposed. 麴琰澍
    stands alone mostly, and 麴琰澍团队 only adds a dictionary word to it: only 麴琰澍 is."""
    rng = random.Random(3)
    texts = []
    for n in range(400):
        extra = ["昊穹云脑中心" if n % 4 else "昊穹云脑"] if n < 120 else []
        if 200 <= n < 300:
            extra.append("麴琰澍团队" if n % 3 == 0 else "麴琰澍")
        texts.append(_sentence(rng, extra) + _sentence(rng, []))
    words = [w.word for w in find_new_words(texts, in_dictionary, min_count=5, top=20)]
    assert "昊穹云脑中心" in words and "昊穹云脑" not in words
    assert "麴琰澍" in words and "麴琰澍团队" not in words


def test_a_string_always_after_a_number_is_not_free_at_its_left() -> None:
    """号晨报会 always follows a number (3号晨报会): bound to it, not a word of its own;
    璆瑄光能, after numbers now and then, stays a word. (Words of their own in each test:
    jieba's dictionary is process-wide, and a test that reindexes with proposed words adds
    them to it.)"""
    rng = random.Random(5)
    texts = []
    for n in range(300):
        extra = [f"{n % 28 + 1}号晨报会"] if n % 3 == 0 else []
        if n % 4 == 0:
            extra.append(f"{n}台璆瑄光能" if n % 8 == 0 else "璆瑄光能")
        texts.append(_sentence(rng, extra) + _sentence(rng, []))
    words = [w.word for w in find_new_words(texts, in_dictionary, min_count=5, top=20)]
    assert "璆瑄光能" in words
    assert not any("晨报会" in w for w in words), words
