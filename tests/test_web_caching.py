"""HTTP validators: a client that already holds an answer (a feed reader polling, a browser
going back) gets ``304 Not Modified`` without a search being run, until a reindex switches
the generation."""

from __future__ import annotations

from pathlib import Path

import pytest
from flask.testing import FlaskClient

from tests.helpers import article, build_index, write_jsonl
from xinwen.search import Searcher
from xinwen.search.synonyms import Synonyms
from xinwen.webui import create_app

URLS = [
    "/",
    "/search?q=光伏",
    "/search.json?q=光伏",
    "/api/search?q=光伏&within=7d",
    "/api/suggest?q=光",
    "/article/t-1?q=光伏",
    "/api/article/t-1",
    "/search.atom?q=光伏",
    "/search.csv?q=光伏",
    "/search.jsonl?q=光伏",
    "/facets/category?q=光伏",
]


@pytest.fixture
def served(tmp_path: Path) -> tuple[FlaskClient, Path, Path]:
    src = write_jsonl(tmp_path / "news.jsonl", [article(n) for n in range(1, 6)])
    root = build_index(tmp_path / "ix", src)
    searcher = Searcher(root, Synonyms())
    app = create_app({"INDEX_ROOT": root, "SEARCHER": searcher, "TESTING": True})
    return app.test_client(), root, src


def fetch(client: FlaskClient, url: str, method: str = "GET", **headers: str):
    """The response, read whole and closed (an export streams its rows)."""
    response = client.open(url, method=method, headers=headers)
    response.get_data()
    response.close()
    return response


@pytest.mark.parametrize("url", URLS)
def test_an_answer_the_client_holds_is_not_sent_again(served, url: str) -> None:
    client, _, _ = served
    first = fetch(client, url)
    assert first.status_code == 200, first.text
    tag = first.headers["ETag"]
    assert first.headers["Cache-Control"] == "no-cache"  # ask again each time, with the tag
    again = fetch(client, url, **{"If-None-Match": tag})
    assert again.status_code == 304 and again.data == b""
    assert again.headers["ETag"] == tag
    assert fetch(client, url, "HEAD", **{"If-None-Match": tag}).status_code == 304
    # A different URL is a different answer.
    other = fetch(client, url + ("&" if "?" in url else "?") + "size=5")
    assert other.headers.get("ETag") != tag


def test_a_reindex_makes_every_held_answer_stale(served, tmp_path: Path) -> None:
    client, root, src = served
    first = client.get("/api/search?q=光伏")
    tag = first.headers["ETag"]
    more = write_jsonl(tmp_path / "more.jsonl", [article(n) for n in range(6, 9)])
    build_index(root, src, more)  # a new generation, switched to
    after = client.get("/api/search?q=光伏", headers={"If-None-Match": tag})
    assert after.status_code == 200 and after.headers["ETag"] != tag
    assert after.get_json()["total"] == first.get_json()["total"] + 3


def test_errors_carry_no_validator(served) -> None:
    client, _, _ = served
    bad = client.get("/api/search?q=光伏&page=0")
    assert bad.status_code == 400 and "ETag" not in bad.headers
    missing = client.get("/api/article/no-such-article")
    assert missing.status_code == 404 and "ETag" not in missing.headers
    assert "ETag" not in client.get("/healthz").headers  # (a probe must always see the truth)
