"""Take results away: /search.csv and /search.jsonl (every match, up to the limit) and
/search.atom (the newest matches as a feed), parsed with real parsers."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import feedparser
import pytest
from flask.testing import FlaskClient
from lxml import etree
from lxml import html as lxml_html

from tests.helpers import build_index, write_jsonl
from xinwen.index.stats import index_stats
from xinwen.search import Searcher, SearchRequest
from xinwen.search.models import MAX_EXPORT_ROWS
from xinwen.search.typesense.indexer import new_collection_name
from xinwen.search.typesense.searcher import generation_time
from xinwen.webui import create_app

N = 30  # articles about 氢能; every third one in category 技术, one undated


def _rows() -> list[dict]:
    rows = []
    for i in range(1, N + 1):
        rows.append(
            {
                "id": f"ex-{i}",
                "title": f'氢能项目第{i}号：加氢站, "逗号"与引号',
                "body": f"第{i}座加氢站投运，氢能重卡示范线路延长{i}公里。" * (1 + i % 3),
                "category": "技术" if i % 3 == 0 else "项目",
                "source": "氢能周刊",
                "published": None
                if i == 5
                else f"2024-{(i - 1) // 28 + 1:02d}-{(i - 1) % 28 + 1:02d}",
                "url": f"https://example.invalid/h/{i}",
            }
        )
    rows.append({"id": "ex-other", "title": "风电并网", "body": "风电场并网发电。"})
    return rows


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory):
    corpus = write_jsonl(tmp_path_factory.mktemp("ex-corpus") / "news.jsonl", _rows())
    return build_index(tmp_path_factory.mktemp("ex-index"), corpus)


@pytest.fixture(scope="module")
def client(root) -> FlaskClient:
    return create_app({"INDEX_ROOT": root, "TESTING": True}).test_client()


def test_csv_has_every_match_in_rank_order_and_opens_in_excel(client: FlaskClient, root) -> None:
    response = client.get("/search.csv?q=氢能&page=3&size=5")  # paging means nothing here
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/csv; charset=utf-8"  # one charset
    assert "attachment" in response.headers["Content-Disposition"]
    raw = response.get_data()
    assert raw.startswith("\ufeff".encode())  # Excel reads UTF-8 only with the BOM
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert list(rows[0]) == ["id", "title", "published", "category", "source", "url", "score"]
    assert len(rows) == N == int(response.headers["X-Total-Count"])
    assert response.headers["X-Export-Truncated"] == "false"
    # The same order as the search itself, collapsed near-duplicates included.
    assert rows[0]["title"].endswith('"逗号"与引号')  # quoting survives
    scores = [float(r["score"]) for r in rows]
    assert scores == sorted(scores, reverse=True)
    ranked = Searcher(root).search(SearchRequest(q="氢能", page_size=1)).hits[0].id
    assert rows[0]["id"] == ranked
    undated = next(r for r in rows if r["id"] == "ex-5")
    assert undated["published"] == ""


def test_filters_apply_to_exports(client: FlaskClient) -> None:
    text = client.get("/search.jsonl?q=氢能&category=技术").get_data(as_text=True)
    rows = [json.loads(line) for line in text.splitlines()]
    assert len(rows) == N // 3 and {r["category"] for r in rows} == {"技术"}
    response = client.get("/search.jsonl?q=氢能")
    assert response.headers["Content-Type"] == "application/x-ndjson; charset=utf-8"
    assert set(rows[0]) == {"id", "title", "published", "category", "source", "url", "score"}


FORMULAS = [
    # A title, category, source and id that a spreadsheet would run as formulas.
    {
        "id": "-formula-1",
        "title": '=HYPERLINK("http://evil.invalid","点击")电价改革',
        "body": "电价改革方案公布，居民阶梯电价调整。",
        "category": "+分类",
        "source": "@来源",
        "published": "2024-05-01",
        "url": "https://example.invalid/p/1",
    },
    {
        "id": "formula-2",
        "title": "-2+3 电价改革",
        "body": "电价改革第二篇报道。",
        "category": "=1+1",
        "source": "电力日报",
        "published": "2024-05-02",
        "url": "https://example.invalid/p/2",
    },
]


@pytest.fixture(scope="module")
def formula_client(tmp_path_factory: pytest.TempPathFactory) -> FlaskClient:
    corpus = write_jsonl(tmp_path_factory.mktemp("formula-corpus") / "news.jsonl", FORMULAS)
    root = build_index(tmp_path_factory.mktemp("formula-index"), corpus)
    return create_app({"INDEX_ROOT": root, "TESTING": True}).test_client()


def test_csv_cells_never_start_a_formula(formula_client: FlaskClient) -> None:
    """OWASP's CSV injection advice: a text cell starting with = + - @ (or a tab or CR) gets a
    leading ', so Excel shows the text instead of running it; dates and numbers stay as they
    are."""
    response = formula_client.get("/search.csv?q=电价改革")
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))
    by_url = {r["url"]: r for r in rows}
    assert len(by_url) == 2
    first, second = by_url["https://example.invalid/p/1"], by_url["https://example.invalid/p/2"]
    assert first["title"] == '\'=HYPERLINK("http://evil.invalid","点击")电价改革'
    assert (first["id"], first["category"], first["source"]) == ("'-formula-1", "'+分类", "'@来源")
    assert (second["title"], second["category"]) == ("'-2+3 电价改革", "'=1+1")
    assert second["id"] == "formula-2" and second["source"] == "电力日报"  # untouched
    assert first["published"] == "2024-05-01" and float(first["score"]) > 0
    for row in rows:
        for column in ("id", "title", "category", "source", "url"):
            assert not row[column].startswith(("=", "+", "-", "@", "\t", "\r")), row
    # The JSON Lines export is data, not a spreadsheet: the values as they are.
    lines = formula_client.get("/search.jsonl?q=电价改革").get_data(as_text=True).splitlines()
    titles = {json.loads(line)["title"] for line in lines}
    assert '=HYPERLINK("http://evil.invalid","点击")电价改革' in titles


def test_csv_cell_prefixes_each_formula_start() -> None:
    from xinwen.webui.exports import csv_cell  # here: the file's other tests run without it

    for start in ("=", "+", "-", "@", "\t", "\r"):
        assert csv_cell(f"{start}1") == f"'{start}1"
    assert csv_cell("电价 =1") == "电价 =1" and csv_cell("") == ""


def test_exports_stop_at_the_limit_and_say_so(root) -> None:
    assert create_app({"INDEX_ROOT": root}).config["EXPORT_ROWS"] == MAX_EXPORT_ROWS == 10_000
    client = create_app({"INDEX_ROOT": root, "TESTING": True, "EXPORT_ROWS": 7}).test_client()
    response = client.get("/search.csv?q=氢能")
    rows = list(csv.reader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))
    assert len(rows) == 1 + 7
    assert response.headers["X-Export-Truncated"] == "true"
    assert response.headers["X-Total-Count"] == str(N) and response.headers["X-Export-Rows"] == "7"


def test_atom_feed_is_valid_and_newest_first(client: FlaskClient) -> None:
    response = client.get("/search.atom?q=氢能")
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "application/atom+xml; charset=utf-8"
    feed = feedparser.parse(response.get_data())
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert "氢能" in feed.feed.title
    assert feed.feed.id and feed.feed.updated
    dates = [e.updated for e in feed.entries if "published" in e]
    assert len(dates) == N - 1 and len(feed.entries) == N  # the undated one is in it too
    assert dates == sorted(dates, reverse=True) and "published" not in feed.entries[-1]
    first = feed.entries[0]
    assert first.id and first.title and first.link.startswith("https://example.invalid/h/")
    assert "氢能" in first.summary and "<mark>" not in first.summary
    assert any(link.rel == "self" for link in feed.feed.links)


def test_atom_feed_has_undated_articles_and_ids_that_do_not_follow_the_host(
    client: FlaskClient, root
) -> None:
    """An undated match is an entry, updated when the index was built (the feed too, when that
    is its newest); the ids are tag URIs, the same whatever ``Host`` the client sent."""
    built = dt.datetime.fromisoformat(index_stats(root).built_at)
    feed = feedparser.parse(client.get("/search.atom?q=第5座加氢站").get_data())
    assert not feed.bozo, feed.get("bozo_exception")
    undated = next(e for e in feed.entries if e.link.endswith("/h/5"))
    assert "published" not in undated
    assert dt.datetime.fromisoformat(undated.updated) == built
    assert dt.datetime.fromisoformat(feed.feed.updated) == built  # never 1970
    assert undated.id == "tag:xinwen,2026:article/ex-5"
    assert feed.feed.id == "tag:xinwen,2026:search?q=%E7%AC%AC5%E5%BA%A7%E5%8A%A0%E6%B0%A2%E7%AB%99"

    def ids(host: str) -> tuple[list[str], list[str]]:
        body = client.get("/search.atom?q=氢能", headers={"Host": host}).get_data()
        tree = etree.fromstring(body)
        links = [a.get("href") for a in tree.iterfind("{*}link")]
        return [e.text for e in tree.iterfind(".//{*}id")], links

    (ours, our_links), (theirs, their_links) = ids("localhost"), ids("attacker.example")
    assert ours == theirs and all(i.startswith("tag:xinwen,2026:") for i in ours)
    assert len(ours) == N + 1 and len(set(ours)) == N + 1
    # The links still say where the feed was fetched from, as the search page's links do.
    assert their_links == [u.replace("localhost", "attacker.example") for u in our_links]
    # Nothing matches: no entries, and still a real time.
    empty = feedparser.parse(client.get("/search.atom?q=不存在的词语乙丙").get_data())
    assert not empty.entries and dt.datetime.fromisoformat(empty.feed.updated) == built


def test_atom_feed_links_are_percent_encoded(client: FlaskClient) -> None:
    """``rel="self"`` is the feed's own URL encoded as ``rel="alternate"`` is (a link with raw
    光伏 in it is an IRI, not the URI Atom asks for)."""
    body = client.get("/search.atom?q=氢能&category=技术&sort=relevance").get_data()
    links = etree.fromstring(body).findall("{http://www.w3.org/2005/Atom}link")
    href = {link.get("rel"): link.get("href") for link in links}
    query = "?q=%E6%B0%A2%E8%83%BD&category=%E6%8A%80%E6%9C%AF"
    assert href["alternate"] == f"http://localhost/search{query}"
    assert href["self"] == f"http://localhost/search.atom{query}"


def test_the_page_links_its_feed_and_exports(client: FlaskClient) -> None:
    page = lxml_html.fromstring(client.get("/search?q=氢能&category=技术").text)
    alternate = page.cssselect('head link[rel="alternate"][type="application/atom+xml"]')[0]
    assert alternate.get("href") == "/search.atom?q=%E6%B0%A2%E8%83%BD&category=%E6%8A%80%E6%9C%AF"
    visible = {a.text_content().strip()[:4]: a.get("href") for a in page.cssselect(".take-away a")}
    assert visible["订阅这个"].startswith("/search.atom?")
    assert visible["CSV"].startswith("/search.csv?") and visible["JSON"].startswith(
        "/search.jsonl?"
    )


def test_exports_and_the_feed_keep_every_word(client: FlaskClient) -> None:
    """No article has both words: the page shows those with either, saying so, but an export
    or a feed is read away from that notice, so it keeps every word (empty here) and the page
    offers none."""
    q = "q=氢能+风电"
    found = client.get(f"/api/search?{q}").get_json()
    assert found["total"] == N + 1 and "任意词" in found["notice"]
    page = lxml_html.fromstring(client.get(f"/search?{q}").text)
    assert page.cssselect("li.hit") and not page.cssselect(".take-away")
    table = list(csv.reader(io.StringIO(client.get(f"/search.csv?{q}").text.lstrip("\ufeff"))))
    assert len(table) == 1  # the header row alone
    jsonl = client.get(f"/search.jsonl?{q}")
    assert jsonl.text == "" and jsonl.headers["X-Total-Count"] == "0"
    assert feedparser.parse(client.get(f"/search.atom?{q}").data).entries == []


def test_export_errors_are_json(client: FlaskClient) -> None:
    response = client.get("/search.csv?from=yesterday")
    assert response.status_code == 400 and response.get_json()["error"]["param"] == "from"


def test_exports_are_in_the_openapi_document(client: FlaskClient) -> None:
    paths = client.get("/api/openapi.json").get_json()["paths"]
    assert {"/search.csv", "/search.jsonl", "/search.atom"} <= set(paths)


def test_a_typesense_collection_says_when_it_was_built() -> None:
    """What a Typesense feed's undated entries are dated by: the stamp in the collection's name."""
    before = dt.datetime.now(dt.UTC)
    built = generation_time(new_collection_name("xinwen"))
    assert built is not None and before <= built <= dt.datetime.now(dt.UTC)
    assert generation_time("a-collection-named-by-hand") is None


def test_exports_from_the_cluster(typesense_demo, demo_index) -> None:
    """The web app over the Typesense backend serves the CSV, the JSON Lines and the feed (they
    answered 500: the backend's export could not be called)."""
    app = create_app({"INDEX_ROOT": demo_index, "SEARCHER": typesense_demo, "TESTING": True})
    client = app.test_client()
    table = list(csv.reader(io.StringIO(client.get("/search.csv?q=光伏").text.lstrip("\ufeff"))))
    total = typesense_demo.search(SearchRequest(q="光伏")).total
    assert len(table) == total + 1 > 1
    assert len(client.get("/search.jsonl?q=光伏").text.splitlines()) == total
    assert feedparser.parse(client.get("/search.atom?q=光伏").data).entries


def test_exports_ignore_page_and_size(client: FlaskClient) -> None:
    """Every match is exported: the page's own page and size mean nothing here (the OpenAPI
    document lists neither), so even values the search would refuse are no error."""
    whole = client.get("/search.jsonl?q=氢能").text
    for extra in ("size=0", "page=0", "page=5&size=3", "size=abc"):
        answer = client.get(f"/search.jsonl?q=氢能&{extra}")
        assert answer.status_code == 200 and answer.text == whole, extra
