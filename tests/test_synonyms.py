"""Synonyms and abbreviations on the query side: found, ranked below the typed word, noticed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from tests.helpers import ROOT, build_index, write_jsonl
from xinwen.cli import main
from xinwen.search import Searcher, SearchRequest
from xinwen.search.synonyms import Synonyms, load_synonyms, parse_synonyms, shipped
from xinwen.webui import create_app

TOPICS = ("风电场", "煤炭", "天然气", "特高压", "储能", "核电", "水电", "氢能")


def _article(id: str, thing: str, body_extra: str = "") -> dict:
    """One short article about a new plant of ``thing``: the same text whatever the thing."""
    return {
        "id": id,
        "title": f"东岭县新建{thing}项目并网",
        "body": f"东岭县新建的{thing}项目今日并网，年发电量可满足十万户居民用电。"
        f"县里表示，{thing}项目带动了当地就业。{body_extra}",
        "published": "2024-03-01",
        "category": "项目",
        "source": "测试源",
    }


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("synonyms")
    rows = [
        _article("typed", "光伏"),
        _article("synonym", "太阳能发电"),
        _article("own", "阳光电力"),
        {
            "id": "agency",
            "title": "西川盐穴储能电站获批",
            "body": "国家发展改革委日前批复西川盐穴压缩空气储能电站，总投资四十亿元。",
        },
        {
            "id": "agency-short",
            "title": "北岸港口岸电改造启动",
            "body": "市发改委表示，港口岸电改造分三期进行，明年底前完成全部泊位。",
        },
    ]
    rows += [_article(f"other-{i}", t) for i, t in enumerate(TOPICS)]
    return build_index(tmp / "ix", write_jsonl(tmp / "c.jsonl", rows))


def _ids(searcher: Searcher, q: str) -> list[str]:
    """Every article found, in rank order: each hit, then the near-duplicates grouped with it
    (the articles here share a template)."""
    hits = searcher.search(SearchRequest(q=q, page_size=50)).hits
    return [i for h in hits for i in (h.id, *h.similar_ids)]


def test_an_article_with_only_the_synonym_is_found_below_the_typed_word(root: Path) -> None:
    searcher = Searcher(root, shipped())
    result = searcher.search(SearchRequest(q="光伏"))
    ids = [h.id for h in result.hits]
    assert ids[:2] == ["typed", "synonym"]
    assert result.notice == "同时搜索了：太阳能发电"
    # The synonym is marked where it matched.
    assert "<mark>太阳能发电</mark>" in result.hits[1].title_html
    # Without synonyms, the article is not found and nothing is noticed.
    plain = Searcher(root, Synonyms()).search(SearchRequest(q="光伏"))
    assert [h.id for h in plain.hits] == ["typed"] and plain.notice is None


def test_the_other_way_round_and_with_other_words(root: Path) -> None:
    searcher = Searcher(root, shipped())
    assert _ids(searcher, "太阳能发电")[:2] == ["synonym", "typed"]
    # A unit of its own: AND with the other words still holds.
    assert _ids(searcher, "光伏 并网")[:2] == ["typed", "synonym"]


def test_phrases_and_exclusions_are_not_expanded(root: Path) -> None:
    searcher = Searcher(root, shipped())
    phrase = searcher.search(SearchRequest(q='"光伏"'))
    assert [h.id for h in phrase.hits] == ["typed"] and phrase.notice is None
    excluded = _ids(searcher, "并网 -光伏")
    assert "synonym" in excluded and "typed" not in excluded


def test_an_abbreviation_cut_into_several_words_is_one_word(root: Path) -> None:
    """国家发改委 (jieba: 国家 + 发改委) finds the full name, 国家发展改革委."""
    ids = _ids(Searcher(root, shipped()), "国家发改委")
    assert "agency" in ids
    assert "agency-short" in ids  # 发改委 is a group member too


def test_a_file_of_ones_own_replaces_the_shipped_list(root: Path, tmp_path: Path) -> None:
    own = tmp_path / "syn.txt"
    own.write_text("# ours\n光伏 阳光电力\n", encoding="utf-8")
    result = Searcher(root, load_synonyms(own)).search(SearchRequest(q="光伏"))
    assert [h.id for h in result.hits] == ["typed", "own"]
    assert result.notice == "同时搜索了：阳光电力"
    empty = tmp_path / "none.txt"
    empty.write_text("", encoding="utf-8")
    assert not load_synonyms(empty)
    assert load_synonyms("built-in") is shipped()


def test_the_format() -> None:
    syn = parse_synonyms("光伏 太阳能发电  # c\n\n兩會 => 全国两会\n")
    assert syn.alternatives["光伏"] == ("太阳能发电",)
    assert syn.alternatives["太阳能发电"] == ("光伏",)
    assert syn.alternatives["两会"] == ("全国两会",)  # folded
    assert "全国两会" not in syn.alternatives  # one way
    with pytest.raises(ValueError, match=r"syn\.txt:2: a group needs at least two words"):
        parse_synonyms("a b\n光伏\n", "syn.txt")
    with pytest.raises(ValueError, match=":1: expected `word => other words`"):
        parse_synonyms("光伏 =>\n")


def test_the_shipped_list() -> None:
    syn = shipped()
    groups = [
        line
        for line in Path("search/dicts/synonyms.txt").read_text("utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert 100 <= len(groups) <= 250
    assert "太阳能发电" in syn.alternatives["光伏"]
    assert "国家发展改革委" in syn.alternatives["发改委"]
    assert {"新冠肺炎", "新型冠状病毒"} <= set(syn.alternatives["新冠"])
    assert "国家电网" in syn.alternatives["国网"]


def test_command_line_and_environment(
    root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    own = tmp_path / "syn.txt"
    own.write_text("光伏 阳光电力\n", encoding="utf-8")
    args = ["search", "光伏", "--index", str(root), "--json"]
    assert main([*args, "--synonyms", str(own)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["notice"] == "同时搜索了：阳光电力"
    assert [h["id"] for h in data["hits"]] == ["typed", "own"]
    monkeypatch.setenv("XINWEN_SYNONYMS", str(own))
    assert main(args) == 0
    assert json.loads(capsys.readouterr().out)["notice"] == "同时搜索了：阳光电力"
    assert main([*args, "--synonyms", "built-in"]) == 0  # the flag wins
    assert json.loads(capsys.readouterr().out)["notice"] == "同时搜索了：太阳能发电"
    assert main([*args, "--synonyms", str(tmp_path / "missing.txt")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("xinwen: error: no such synonyms file") and "Traceback" not in err
    for command in ("search", "serve"):
        monkeypatch.setenv("XINWEN_SYNONYMS", str(tmp_path / "missing.txt"))
        assert main([command, "--index", str(root)]) == 1
        assert "no such synonyms file" in capsys.readouterr().err


def test_the_web_app_uses_its_synonyms_setting(root: Path, tmp_path: Path) -> None:
    own = tmp_path / "syn.txt"
    own.write_text("光伏 阳光电力\n", encoding="utf-8")
    client = create_app({"INDEX_ROOT": root, "SYNONYMS": str(own)}).test_client()
    data = client.get("/api/search", query_string={"q": "光伏"}).get_json()
    assert data["notice"] == "同时搜索了：阳光电力"
    page = client.get("/", query_string={"q": "光伏"}).get_data(as_text=True)
    assert "同时搜索了：阳光电力" in page
    shipped_list = create_app({"INDEX_ROOT": root, "SYNONYMS": "built-in"}).test_client()
    data = shipped_list.get("/api/search", query_string={"q": "光伏"}).get_json()
    assert data["notice"] == "同时搜索了：太阳能发电"
    # Off by default: they did not improve the relevance sets (bench/results/synonyms.md).
    default = create_app({"INDEX_ROOT": root}).test_client()
    data = default.get("/api/search", query_string={"q": "光伏"}).get_json()
    assert data["notice"] is None


def test_xinwen_serve_searches_with_its_synonyms_file(root: Path, tmp_path: Path) -> None:
    """`xinwen serve --synonyms FILE` under gunicorn, over real HTTP."""
    from tests.servers import free_port

    own = tmp_path / "syn.txt"
    own.write_text("光伏 阳光电力\n", encoding="utf-8")
    port = free_port()
    log = tmp_path / "server.log"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "XINWEN_SYNONYMS": ""}
    args = ["serve", "--index", str(root), "--port", str(port), "--workers", "1"]
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "xinwen", *args, "--synonyms", str(own)],
            stdout=out,
            stderr=subprocess.STDOUT,
            env=env,
            cwd=ROOT,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            assert process.poll() is None, log.read_text("utf-8", "replace")
            try:
                with urllib.request.urlopen(f"{url}/healthz", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                pass
            assert time.monotonic() < deadline, log.read_text("utf-8", "replace")
            time.sleep(0.2)
        query = urllib.parse.urlencode({"q": "光伏"})
        with urllib.request.urlopen(f"{url}/api/search?{query}", timeout=10) as response:
            data = json.load(response)
        assert data["notice"] == "同时搜索了：阳光电力"
        assert [h["id"] for h in data["hits"]] == ["typed", "own"]
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
