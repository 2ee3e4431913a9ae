"""“Did you mean”: homophone typos and pinyin typed for Chinese, over a corpus of our own."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from flask.testing import FlaskClient

from tests.helpers import build_index, write_jsonl
from xinwen.search import Searcher, SearchRequest
from xinwen.search.spelling import VOCABULARY_FILE, pinyin_letters
from xinwen.webui import create_app

# Our own text: 光伏 and 特高压 are common here; 光服 (a homophone typo) appears nowhere, and
# one article writes the Latin word "tesla", which must stay a Latin search.
TOPICS = [
    ("光伏", "光伏电站并网发电，光伏组件价格下降。"),
    ("特高压", "特高压输电线路投运，特高压工程进展顺利。"),
    ("储能", "储能电站建设提速，新型储能技术成熟。"),
]


def _rows() -> list[dict]:
    rows = []
    n = 0
    for word, body in TOPICS:
        for i in range(8 if word != "储能" else 3):
            n += 1
            rows.append(
                {
                    "id": f"dym-{n}",
                    "title": f"{word}新闻第{i + 1}期",
                    "body": f"{body}本期报道第{i + 1}项进展。",
                    "published": f"2024-03-{n:02d}",
                    "category": "技术",
                }
            )
    rows.append(
        {
            "id": "dym-latin",
            "title": "电动车企业访问",
            "body": "tesla 的工程师参观了当地的工厂。",
            "published": "2024-04-01",
        }
    )
    return rows


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    corpus = write_jsonl(tmp_path_factory.mktemp("dym-corpus") / "news.jsonl", _rows())
    return build_index(tmp_path_factory.mktemp("dym-index"), corpus)


@pytest.fixture(scope="module")
def searcher(root: Path) -> Searcher:
    return Searcher(root)


@pytest.fixture(scope="module")
def client(root: Path) -> FlaskClient:
    return create_app({"INDEX_ROOT": root, "TESTING": True}).test_client()


def test_homophone_typo_suggests_the_common_word_with_its_count(searcher: Searcher) -> None:
    result = searcher.search(SearchRequest(q="光服"))
    assert result.total == 0
    assert result.did_you_mean is not None
    assert result.did_you_mean.query == "光伏"
    assert result.did_you_mean.total == searcher.search(SearchRequest(q="光伏")).total == 8


def test_a_query_that_finds_plenty_gets_no_suggestion(searcher: Searcher) -> None:
    assert searcher.search(SearchRequest(q="光伏")).did_you_mean is None
    assert searcher.search(SearchRequest(q="储能")).did_you_mean is None


def test_suggestion_counts_under_the_same_filters(searcher: Searcher) -> None:
    result = searcher.search(SearchRequest(q="光服", categories=("政策",)))
    # Nothing in 政策 has 光伏 either: a suggestion that finds nothing is no suggestion.
    assert result.did_you_mean is None


def test_phrases_and_exclusions_are_not_second_guessed(searcher: Searcher) -> None:
    assert searcher.search(SearchRequest(q='"光服"')).did_you_mean is None
    assert searcher.search(SearchRequest(q="光服 -储能")).did_you_mean is None


@pytest.mark.parametrize("typed", ["guangfu", "guang fu", "GuangFu", "guāngfú", "guang1fu2"])
def test_pinyin_that_matches_nothing_is_searched_as_chinese(searcher: Searcher, typed: str) -> None:
    result = searcher.search(SearchRequest(q=typed))
    assert result.total == 8
    assert result.notice and "光伏" in result.notice and typed in result.notice
    assert all("光伏" in h.title for h in result.hits)
    assert "<mark>光伏</mark>" in result.hits[0].title_html


def test_pinyin_of_several_words_is_split_by_the_vocabulary(searcher: Searcher) -> None:
    assert searcher.search(SearchRequest(q="tegaoya")).total == 8
    result = searcher.search(SearchRequest(q="tegaoya gongcheng"))
    assert result.notice and "特高压 工程" in result.notice
    assert result.total == 8


def test_latin_text_in_the_corpus_stays_latin(searcher: Searcher) -> None:
    result = searcher.search(SearchRequest(q="tesla"))
    assert [h.id for h in result.hits] == ["dym-latin"]
    assert result.notice is None


def test_pinyin_letters_accepts_pinyin_shapes_only() -> None:
    assert pinyin_letters("Guāng Fú") == "guangfu"
    assert pinyin_letters("xi'an") == "xian"
    assert pinyin_letters("lü3") == "lv"
    assert pinyin_letters("光伏") is None
    assert pinyin_letters("5G") is None
    assert pinyin_letters("") is None


def test_api_reports_did_you_mean(client: FlaskClient) -> None:
    doc = client.get("/api/search", query_string={"q": "光服"}).get_json()
    assert doc["did_you_mean"] == {"query": "光伏", "total": 8}
    assert client.get("/api/search", query_string={"q": "光伏"}).get_json()["did_you_mean"] is None


def test_an_article_opened_from_a_pinyin_search_marks_its_chinese_words(
    client: FlaskClient,
) -> None:
    # The results of guangfu marked 光伏; the article they link to marked nothing (the link
    # carried guangfu, which the article page read as Latin text).
    doc = client.get("/search.json", query_string={"q": "guangfu"}).get_json()
    link = doc["hits"][0]["article_url"]
    assert "q=%E5%85%89%E4%BC%8F" in link
    assert "<mark>光伏</mark>" in client.get(link).text


def test_page_links_the_suggestion_with_its_count(client: FlaskClient) -> None:
    html = client.get("/search", query_string={"q": "光服", "category": "技术"}).text
    assert "您是不是要找：" in html
    assert "（8 条）" in html
    # The link keeps the reader's filters.
    assert 'href="/search?q=%E5%85%89%E4%BC%8F&amp;category=%E6%8A%80%E6%9C%AF"' in html


def test_reindex_writes_the_pinyin_table_beside_the_generation(tmp_path: Path) -> None:
    corpus = write_jsonl(tmp_path / "news.jsonl", _rows())
    root = tmp_path / "index"
    subprocess.run(
        [sys.executable, "-m", "xinwen", "reindex", str(corpus), "--index", str(root), "-q"],
        check=True,
        capture_output=True,
    )
    generation = (root / "current").resolve()
    assert (generation / VOCABULARY_FILE).is_file()
    before = (generation / VOCABULARY_FILE).stat().st_mtime_ns
    out = subprocess.run(
        [sys.executable, "-m", "xinwen", "search", "光服", "--index", str(root), "--json"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    assert json.loads(out)["did_you_mean"] == {"query": "光伏", "total": 8}
    # The searching process loaded the prepared table rather than writing its own.
    assert (generation / VOCABULARY_FILE).stat().st_mtime_ns == before


def test_a_table_in_an_older_layout_is_rebuilt_not_misread(tmp_path: Path) -> None:
    # Before format 3 each sound's words were a list; an index prepared by that version
    # must still suggest, not fail its first query with few results.
    import marshal

    root = build_index(tmp_path / "index", write_jsonl(tmp_path / "news.jsonl", _rows()))
    fresh = Searcher(root)
    fresh.search(SearchRequest(q="光服"))  # writes this version's table
    fresh.close()
    table = (root / "current").resolve() / VOCABULARY_FILE
    payload = marshal.loads(table.read_bytes())
    payload["format"] = 2
    payload["keys"] = {sound: words.split("\t") for sound, words in payload["keys"].items()}
    table.write_bytes(marshal.dumps(payload))
    reopened = Searcher(root)
    result = reopened.search(SearchRequest(q="光服"))
    reopened.close()
    assert result.did_you_mean is not None and result.did_you_mean.query == "光伏"


def test_a_typo_matched_only_by_its_characters_still_gets_a_suggestion(tmp_path: Path) -> None:
    # 新能元 (a homophone typo of 新能源) is cut 新能 + 元, and both stand in every article
    # (新能 inside 新能源, 元 in 亿元) of a third of the articles: a dozen results of nothing
    # in particular, "few" no more, and no suggestion was looked for.
    rows = [
        {
            "id": f"park-{n}",
            "title": f"第{n}个新能源产业园开工",
            "body": f"第{n}个新能源产业园今日开工"
            + (f"，总投资{n}亿元。" if n % 3 == 0 else "，将引进储能企业。"),
        }
        for n in range(1, 37)
    ]
    searcher = Searcher(build_index(tmp_path / "ix", write_jsonl(tmp_path / "a.jsonl", rows)))
    typo = searcher.search(SearchRequest(q="新能元"))
    assert typo.total == 12 and typo.did_you_mean is not None
    assert (typo.did_you_mean.query, typo.did_you_mean.total) == ("新能源", 36)
    assert searcher.search(SearchRequest(q="新能源")).did_you_mean is None


def test_a_typo_matched_by_its_pieces_apart_gets_a_suggestion(tmp_path: Path) -> None:
    # 特搞压 (a homophone typo of 特高压) is cut 特 + 搞 + 压 and stands nowhere as typed: its
    # thirty results are those characters in other words (特色, 搞活, 压力), too many to be
    # "few", and no suggestion was looked for. 特高压 stands in ten articles: the suggestion.
    rows = [
        {"id": f"uhv-{n}", "title": f"特高压工程第{n}期投运", "body": "特高压输电线路投运。"}
        for n in range(10)
    ]
    rows += [
        {
            "id": f"town-{n}",
            "title": f"小镇见闻第{n}期",
            "body": "特色产业搞活了，群众生活压力减轻。",
        }
        for n in range(30)
    ]
    searcher = Searcher(build_index(tmp_path / "ix", write_jsonl(tmp_path / "a.jsonl", rows)))
    typo = searcher.search(SearchRequest(q="特搞压"))
    assert typo.total == 30 and typo.did_you_mean is not None
    assert (typo.did_you_mean.query, typo.did_you_mean.total) == ("特高压", 10)


def test_a_typo_made_of_words_jieba_knows_gets_a_suggestion(tmp_path: Path) -> None:
    # 一代一路 (a homophone typo of 一带一路) is cut 一代 + 一路, two everyday words: a dozen
    # articles have both somewhere (一代又一代 … 一路走来), none as typed, and nothing was
    # suggested. 一带一路 stands as typed in thirty.
    rows = [
        {"id": f"bri-{n}", "title": f"一带一路合作项目第{n}期", "body": "共建一带一路成果丰硕。"}
        for n in range(30)
    ]
    rows += [
        {
            "id": f"builders-{n}",
            "title": f"建设者故事第{n}期",
            "body": "一代又一代的建设者一路走来，扎根边疆。",
        }
        for n in range(12)
    ]
    searcher = Searcher(build_index(tmp_path / "ix", write_jsonl(tmp_path / "a.jsonl", rows)))
    typo = searcher.search(SearchRequest(q="一代一路"))
    assert typo.total == 12 and typo.did_you_mean is not None
    assert (typo.did_you_mean.query, typo.did_you_mean.total) == ("一带一路", 30)
    # Typed with a space, the words apart are what was asked for: no second guess.
    assert searcher.search(SearchRequest(q="一代 一路")).did_you_mean is None
    assert searcher.search(SearchRequest(q="一带一路")).did_you_mean is None


def test_a_suggestion_typed_as_one_string_must_stand_so(tmp_path: Path) -> None:
    # 乡村振心 (a slip for 乡村振兴, which is no homophone of it) was offered 乡村真心: 乡村 and
    # 真心 stand apart in eight articles about rural teachers, and as typed in none.
    rows = [
        {"id": f"rural-{n}", "title": f"乡村振兴第{n}期", "body": "乡村振兴战略全面推进。"}
        for n in range(10)
    ]
    rows += [
        {"id": f"teacher-{n}", "title": f"乡村教师第{n}期", "body": "老师用真心守护孩子。"}
        for n in range(8)
    ]
    searcher = Searcher(build_index(tmp_path / "ix", write_jsonl(tmp_path / "a.jsonl", rows)))
    assert searcher.search(SearchRequest(q="乡村振心")).did_you_mean is None
