"""A 1,000,000-character body (the longest a source may give) through a real index: a search
whose words occur thousands of times in it, and its article page, each answer in a few seconds.

Picking a snippet compared every sentence with every match, and the article page segmented the
whole body with jieba: seconds to tens of seconds for one request on such a body. Only the
timeouts say how long is too long; the assertions check what the reader sees.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import jieba
import pytest
from flask.testing import FlaskClient

from tests.helpers import article, build_index, write_jsonl
from xinwen.index.sources import MAX_BODY_CHARS
from xinwen.search import Searcher, SearchRequest
from xinwen.webui import create_app

LONG_ID = "long-1"
RARE = "特高压换流站"  # once, near the end of the long body
MARK = re.compile(r"<mark>(.*?)</mark>")


def _long_body() -> str:
    """Sentences of dictionary words and of random characters (so that jieba's work is real,
    as on real news, not served from its cache), 储能 in about one in three, and 特高压换流站
    once at the very end."""
    words = []
    with open(Path(jieba.__file__).parent / "dict.txt", encoding="utf-8") as f:
        for line in f:
            word, freq, *_ = line.split()
            if len(word) > 1 and int(freq) >= 2000 and "储" not in word:
                words.append(word)
    chars = sorted(set("".join(words)))
    rng = random.Random(14)
    parts, size = [], 0
    while size < MAX_BODY_CHARS:
        if rng.random() < 0.5:
            sentence = "".join(rng.choices(words, k=rng.randint(4, 14)))
        else:
            sentence = "".join(rng.choices(chars, k=rng.randint(10, 40)))
        if rng.random() < 0.33:
            sentence += "储能"
        sentence += rng.choice("，。。；！\n")
        parts.append(sentence)
        size += len(sentence)
    end = f"。{RARE}今日投运。"
    return "".join(parts)[: MAX_BODY_CHARS - len(end)] + end


@pytest.fixture(scope="module")
def long_index(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    body = _long_body()
    rows = [article(1, id=LONG_ID, title="一篇很长的文章", body=body)]
    rows += [article(n, body=f"第{n}篇：储能电站开工。") for n in range(2, 8)]
    folder = tmp_path_factory.mktemp("long-body")
    root = build_index(folder / "ix", write_jsonl(folder / "long.jsonl", rows))
    return root, body


@pytest.fixture(scope="module")
def long_searcher(long_index: tuple[Path, str]) -> Searcher:
    searcher = Searcher(long_index[0])
    searcher.search(SearchRequest(q="开工"))  # opened, and its columns read, before the clock
    return searcher


@pytest.fixture(scope="module")
def long_client(long_searcher: Searcher, long_index: tuple[Path, str]) -> FlaskClient:
    return create_app({"INDEX_ROOT": long_index[0], "SEARCHER": long_searcher}).test_client()


def test_the_long_body_is_stored_whole(
    long_searcher: Searcher, long_index: tuple[Path, str]
) -> None:
    _root, body = long_index
    assert len(body) == MAX_BODY_CHARS and body.count("储能") > 10_000
    found = long_searcher.article(LONG_ID)
    assert found is not None and found.body == body


@pytest.mark.timeout(5, func_only=True)
def test_a_word_found_thousands_of_times_gets_its_snippet_quickly(
    long_searcher: Searcher,
) -> None:
    result = long_searcher.search(SearchRequest(q="储能"))
    hit = next(h for h in result.hits if h.id == LONG_ID)
    assert set(MARK.findall(hit.snippet_html)) == {"储能"}
    assert len(MARK.sub(r"\1", hit.snippet_html)) <= 142  # a snippet, not the body


@pytest.mark.timeout(5, func_only=True)
def test_a_word_near_the_end_of_the_long_body_is_shown_in_its_snippet(
    long_searcher: Searcher,
) -> None:
    [hit] = long_searcher.search(SearchRequest(q=RARE)).hits
    assert hit.id == LONG_ID
    assert MARK.findall(hit.snippet_html) == [RARE]
    assert hit.snippet_html.startswith("…") and "今日投运" in hit.snippet_html


@pytest.mark.timeout(5, func_only=True)
def test_the_long_articles_page_marks_every_match_quickly(
    long_client: FlaskClient, long_index: tuple[Path, str]
) -> None:
    _root, body = long_index
    page = long_client.get(f"/article/{LONG_ID}", query_string={"q": "储能"})
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "".join(MARK.findall(html)).count("储能") == body.count("储能")
    assert "<mark>储能</mark>" in html and f"{RARE}今日投运" in html
    api = long_client.get(f"/api/article/{LONG_ID}", query_string={"q": RARE})
    assert api.status_code == 200
    assert MARK.findall(api.get_json()["body_html"]) == [RARE]
