"""Facets at scale: a facet with more values than the sidebar shows links to all of them."""

from __future__ import annotations

from urllib.parse import parse_qsl, urlsplit

import pytest
from flask.testing import FlaskClient
from lxml import html as lxml_html

from tests.helpers import build_index, write_jsonl
from xinwen.webui import create_app

SOURCES = 25  # more than the sidebar's 20


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> FlaskClient:
    rows = []
    n = 0
    for s in range(SOURCES):
        for _ in range(s + 1):  # source s has s + 1 articles: every count differs
            n += 1
            rows.append(
                {
                    "id": f"fm-{n}",
                    "title": f"风电场运行通报{n}",
                    "body": "风电场本月运行平稳。",
                    "source": f"能源观察{s:02d}" if s != 7 else "電力日報",
                    "published": "2024-05-01",
                }
            )
    corpus = write_jsonl(tmp_path_factory.mktemp("fm-corpus") / "news.jsonl", rows)
    root = build_index(tmp_path_factory.mktemp("fm-index"), corpus)
    return create_app({"INDEX_ROOT": root, "TESTING": True}).test_client()


def _values(doc: lxml_html.HtmlElement, selector: str) -> list[tuple[str, int]]:
    return [
        (a.get("data-value"), int(a.cssselect(".count")[0].text_content().replace(",", "")))
        for a in doc.cssselect(selector)
    ]


def test_the_sidebar_links_to_every_value(client: FlaskClient) -> None:
    doc = lxml_html.fromstring(client.get("/search?q=风电&from=2024-01-01").text)
    assert len(doc.cssselect(".facet-source .facet-values a")) == 20
    more = doc.cssselect(".facet-source .facet-more a")[0]
    assert f"共 {SOURCES} 项" in more.text_content()
    path, query = urlsplit(more.get("href"))[2:4]
    assert path == "/facets/source"
    assert parse_qsl(query) == [("q", "风电"), ("from", "2024-01-01")]
    # Under 20 values there is nothing more to show.
    assert not doc.cssselect(".facet-category .facet-more")


def test_the_facet_page_lists_all_by_count(client: FlaskClient) -> None:
    doc = lxml_html.fromstring(client.get("/facets/source?q=风电").text)
    values = _values(doc, ".facet-all a")
    assert len(values) == SOURCES
    assert [c for _, c in values] == sorted((c for _, c in values), reverse=True)
    assert values[0] == ("能源观察24", 25) and values[-1] == ("能源观察00", 1)
    # Each value selects it on the search page, with the query kept.
    href = doc.cssselect('.facet-all a[data-value="能源观察03"]')[0].get("href")
    assert href.startswith("/search?")
    page = client.get(href.replace("/search?", "/search.json?", 1)).get_json()
    assert page["total"] == 4 and page["params"]["q"] == "风电"
    assert page["chips"][0]["label"] == "来源：能源观察03"


def test_the_filter_box_narrows_the_list(client: FlaskClient) -> None:
    doc = lxml_html.fromstring(client.get("/facets/source?q=风电&filter=观察1").text)
    assert sorted(v for v, _ in _values(doc, ".facet-all a")) == [
        f"能源观察{i}" for i in range(10, 20)
    ]
    assert doc.cssselect("#facet-filter")[0].get("value") == "观察1"
    # Simplified typed, traditional stored: folded alike.
    doc = lxml_html.fromstring(client.get("/facets/source?q=风电&filter=电力").text)
    assert [v for v, _ in _values(doc, ".facet-all a")] == ["電力日報"]
    doc = lxml_html.fromstring(client.get("/facets/source?q=风电&filter=没有这个").text)
    assert "没有包含“没有这个”的来源" in doc.cssselect(".facet-empty")[0].text_content()


def test_only_category_and_source_have_a_page(client: FlaskClient) -> None:
    assert client.get("/facets/published?q=风电").status_code == 404
    assert client.get("/facets/nothing").status_code == 404
    assert client.get("/facets/source?page=abc").status_code == 400
