"""The JSON API, validated against its own OpenAPI description."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest
from flask.testing import FlaskClient
from jsonschema import Draft202012Validator, FormatChecker
from werkzeug.test import TestResponse

from tests.helpers import article, build_index, write_jsonl
from xinwen.index.schema import SCHEMA_VERSION
from xinwen.webui import create_app

pytest_plugins = ["tests.webfixtures"]


@pytest.fixture(scope="module")
def spec(client: FlaskClient) -> dict:
    response = client.get("/api/openapi.json")
    assert response.status_code == 200 and response.mimetype == "application/json"
    return response.get_json()


@pytest.fixture(scope="module")
def client(app) -> FlaskClient:  # module-scoped: the spec fixture needs one
    return app.test_client()


def conforms(spec: dict, path: str, response: TestResponse) -> dict:
    """Check ``response`` against the schema the spec gives for its path and status."""
    operation = spec["paths"][path]["get"]
    documented = operation["responses"][str(response.status_code)]
    assert response.mimetype == "application/json"
    schema = documented["content"]["application/json"]["schema"]
    validator = Draft202012Validator(
        {**schema, "components": spec["components"]}, format_checker=FormatChecker()
    )
    data = response.get_json()
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.path))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors]
    return data


def test_spec_is_openapi_3_with_every_route(spec: dict) -> None:
    assert spec["openapi"].startswith("3.")
    assert set(spec["paths"]) == {
        "/api/search",
        "/api/suggest",
        "/api/article/{id}",
        "/healthz",
        "/api/openapi.json",
        "/search.csv",
        "/search.jsonl",
        "/search.atom",
    }
    for schema in spec["components"]["schemas"].values():
        Draft202012Validator.check_schema(schema)
    names = [p["name"] for p in spec["paths"]["/api/search"]["get"]["parameters"]]
    assert names == [
        "q",
        "category",
        "source",
        "from",
        "to",
        "undated",
        "within",
        "sort",
        "page",
        "size",
    ]


@pytest.mark.parametrize(
    "query",
    [
        "q=光伏",
        "q=风电&category=项目&category=政策",
        "q=储能&source=电力日报&sort=date&size=5&page=2",
        "from=2024-01-01&to=2024-12-31",
        "from=2024-03-01&to=2024-03-31&q=光伏",
        "",
        "q=量子纠缠猫咪",
        "q=光伏 量子纠缠",
        "q=光伏&page=500",
    ],
)
def test_search_conforms(client: FlaskClient, spec: dict, query: str) -> None:
    response = client.get(f"/api/search?{query}")
    assert response.status_code == 200
    data = conforms(spec, "/api/search", response)
    assert set(data["facets"]) == {"category", "source", "published", "recent"}


def test_search_is_searchresult_to_dict(client: FlaskClient, spec: dict) -> None:
    data = client.get("/api/search?q=光伏&category=技术&size=3").get_json()
    assert data["query"] == "光伏" and data["page"] == 1 and data["page_size"] == 3
    assert len(data["hits"]) == 3 and data["total"] >= 3
    assert all(h["category"] == "技术" for h in data["hits"])
    assert all("<mark>光伏</mark>" in h["title_html"] + h["snippet_html"] for h in data["hits"])
    chosen = [v for v in data["facets"]["category"] if v["selected"]]
    assert [v["value"] for v in chosen] == ["技术"]


def test_search_months_inside_one_year(client: FlaskClient) -> None:
    data = client.get("/api/search?from=2024-01-01&to=2024-12-31").get_json()
    assert data["facets"]["published"]
    assert all(v["value"].startswith("2024-") for v in data["facets"]["published"])
    assert all(h["published"].startswith("2024-") for h in data["hits"])


def test_browse_is_newest_first(client: FlaskClient) -> None:
    hits = client.get("/api/search?size=20").get_json()["hits"]
    dates = [h["published"] for h in hits]
    assert dates == sorted(dates, reverse=True)


@pytest.mark.parametrize(
    ("query", "param"),
    [
        ("from=2024-02-30", "from"),
        ("from=20240101", "from"),
        ("to=tomorrow", "to"),
        ("from=2025-01-01&to=2024-01-01", "from"),
        ("page=0", "page"),
        ("page=-3", "page"),
        ("page=two", "page"),
        ("page=1e3", "page"),
        ("size=101", "size"),
        ("size=0", "size"),
        ("sort=popular", "sort"),
        ("q=%21%21%21", "q"),  # the searcher's own QueryError: no searchable words
        ("q=%EF%BC%81%EF%BC%81%EF%BC%9F%E3%80%82%EF%BC%8C", "q"),  # ！！？。，
        ("q=%25%25%25", "q"),  # %%%
        ("q=%F0%9F%98%80", "q"),  # 😀
        ("page=5000&size=100", "page"),
    ],
)
def test_invalid_parameters_are_400_naming_them(
    client: FlaskClient, spec: dict, query: str, param: str
) -> None:
    response = client.get(f"/api/search?{query}")
    assert response.status_code == 400
    data = conforms(spec, "/api/search", response)
    assert data["error"]["param"] == param and data["error"]["message"]


def test_suggest(client: FlaskClient, spec: dict) -> None:
    response = client.get("/api/suggest?q=光")
    data = conforms(spec, "/api/suggest", response)
    assert data["query"] == "光" and data["suggestions"]
    assert all(s.startswith("光") for s in data["suggestions"])
    assert len(client.get("/api/suggest?q=光&size=2").get_json()["suggestions"]) <= 2
    assert conforms(spec, "/api/suggest", client.get("/api/suggest"))["suggestions"] == []
    bad = client.get("/api/suggest?q=光&size=999")
    assert bad.status_code == 400
    assert conforms(spec, "/api/suggest", bad)["error"]["param"] == "size"


def test_article(client: FlaskClient, spec: dict) -> None:
    response = client.get("/api/article/demo-0001?q=特高压")
    data = conforms(spec, "/api/article/{id}", response)
    assert data["id"] == "demo-0001" and data["body"]
    assert "<mark>特高压</mark>" in data["body_html"]
    assert data["related"] and all(r["id"] != "demo-0001" for r in data["related"])


def test_article_ids_with_slashes(client: FlaskClient, spec: dict) -> None:
    hits = client.get("/api/search?size=100").get_json()["hits"]
    article_id = next(h["id"] for h in hits if "/" in h["id"])
    data = conforms(spec, "/api/article/{id}", client.get(f"/api/article/{article_id}"))
    assert data["id"] == article_id


def test_unknown_article_is_404_json(client: FlaskClient, spec: dict) -> None:
    response = client.get("/api/article/no-such-id")
    assert response.status_code == 404
    assert conforms(spec, "/api/article/{id}", response)["error"]["param"] is None


def test_unknown_api_path_is_404_json(client: FlaskClient) -> None:
    response = client.get("/api/nothing-here")
    assert response.status_code == 404 and response.get_json()["error"]["message"]


def test_healthz(client: FlaskClient, spec: dict) -> None:
    data = conforms(spec, "/healthz", client.get("/healthz"))
    assert data["ok"] and data["documents"] > 100
    assert data["generation"] and data["schema_version"] == SCHEMA_VERSION and data["error"] is None


def test_without_an_index_503_tells_clients_a_code_not_the_path(
    tmp_path: Path, spec: dict, caplog: pytest.LogCaptureFixture
) -> None:
    root = tmp_path / "empty"
    client = create_app({"INDEX_ROOT": root, "TESTING": True}).test_client()
    health = client.get("/healthz")
    assert health.status_code == 503 and health.headers["Retry-After"] == "30"
    error = conforms(spec, "/healthz", health)["error"]
    assert error == {
        "code": "index_unavailable",
        "param": None,
        "message": "索引暂不可用，请稍后再试。",
    }
    search = client.get("/api/search?q=光伏")
    assert search.status_code == 503 and search.headers["Retry-After"]
    assert conforms(spec, "/api/search", search)["error"]["code"] == "index_unavailable"
    page = client.get("/search?q=光伏")
    assert page.status_code == 503 and page.mimetype == "text/html"
    text = page.get_data(as_text=True)
    assert "搜索暂不可用" in text and "索引暂不可用" in text
    for body in (health.get_data(as_text=True), search.get_data(as_text=True), text):
        assert str(tmp_path) not in body and "xinwen reindex" not in body
    # The cause, with the path, is in the server's log: once, not once per request.
    logged = [r.getMessage() for r in caplog.records if "no usable index" in r.getMessage()]
    assert len(logged) == 1 and str(root) in logged[0] and "xinwen reindex" in logged[0]


def test_a_cause_is_logged_again_after_the_index_was_served_in_between(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="xinwen.web")
    root = tmp_path / "ix"
    client = create_app({"INDEX_ROOT": root, "TESTING": True}).test_client()

    def causes() -> list[str]:
        return [r.getMessage() for r in caplog.records if "no usable index" in r.getMessage()]

    for _ in range(3):
        assert client.get("/api/search?q=光伏").status_code == 503
    assert len(causes()) == 1
    source = write_jsonl(tmp_path / "a.jsonl", [article(i) for i in range(3)])
    build_index(root, source)
    assert client.get("/api/search?q=光伏").status_code == 200
    assert any("usable again" in r.getMessage() for r in caplog.records)
    shutil.rmtree(root)
    assert client.get("/healthz").status_code == 503
    assert len(causes()) == 2


@pytest.mark.parametrize(
    ("path", "param"),
    [
        ("/api/search?to=", "to"),
        ("/api/search?from=", "from"),
        ("/api/search?q=光伏&to=soon", "to"),
        ("/api/search?page=", "page"),
        ("/api/search?size=", "size"),
        ("/api/search?sort=", "sort"),
        ("/api/suggest?q=光&size=", "size"),
        # An empty filter value is refused too, not ignored (the API would search unfiltered).
        ("/api/search?category=", "category"),
        ("/api/search?q=光伏&category=项目&source=%20", "source"),
        ("/search.csv?q=光伏&source=", "source"),
        ("/search.jsonl?category=", "category"),
        ("/search.atom?q=光伏&category=", "category"),
    ],
)
def test_api_refuses_empty_typed_parameters(
    client: FlaskClient, spec: dict, path: str, param: str
) -> None:
    """``to=`` is not a date and ``size=`` not an integer: the API says so (pages don't: an
    HTML form sends its empty fields that way)."""
    response = client.get(path)
    assert response.status_code == 400, response.data
    error = conforms(spec, path.split("?")[0], response)["error"]
    assert error["code"] == "invalid_parameter" and error["param"] == param


def test_an_empty_filter_is_refused_as_an_empty_date_is(client: FlaskClient) -> None:
    date = client.get("/api/search?q=光伏&to=").get_json()["error"]
    category = client.get("/api/search?q=光伏&category=").get_json()["error"]
    assert date["message"].startswith("to 不能为空：应为")
    assert category == {
        "code": "invalid_parameter",
        "param": "category",
        "message": "category 不能为空：应为要筛选的分类名称，不需要时请省略这个参数",
    }
    # A value that is nothing once its control characters go (a broken form's %00) is empty
    # too: it returned the whole archive as if filtered.
    for query in ("category=%00", "source=%00", "category=%01%20"):
        response = client.get(f"/api/search?q=光伏&{query}")
        assert response.status_code == 400, query
        assert response.get_json()["error"]["param"] == query.split("=")[0]


def test_pages_take_empty_form_fields_as_absent(client: FlaskClient) -> None:
    assert client.get("/search?q=光伏&from=&to=&sort=&page=&size=").status_code == 200
    assert client.get("/search.json?q=光伏&from=&to=").status_code == 200
    assert client.get("/search?q=光伏&category=&source=").status_code == 200
    assert client.get("/search.json?q=光伏&category=&source=").status_code == 200
    assert client.get("/facets/source?q=光伏&category=").status_code == 200


def test_every_error_status_the_api_answers_is_documented(spec: dict) -> None:
    responses = {path: set(ops["get"]["responses"]) for path, ops in spec["paths"].items()}
    assert responses["/api/search"] >= {"200", "400", "414", "503"}
    assert responses["/api/suggest"] >= {"200", "400", "414", "503"}
    assert responses["/api/article/{id}"] >= {"200", "404", "414", "503"}
    assert responses["/healthz"] >= {"200", "414", "503"}
    # docs/api.md: "405 … anything but GET"; the document says it of every path.
    assert all("405" in statuses for statuses in responses.values()), responses
    assert (
        "from` later than `to`"
        in spec["paths"]["/api/search"]["get"]["responses"]["400"]["description"]
    )


def test_post_is_405_not_500(client: FlaskClient) -> None:
    response = client.post("/api/search", data={"q": "x"})
    assert response.status_code == 405 and response.headers["Allow"]
    assert response.get_json()["error"]["message"]


@pytest.mark.parametrize("method", ["OPTIONS", "POST", "PUT", "DELETE", "PATCH"])
def test_every_method_but_get_is_a_documented_405(
    client: FlaskClient, spec: dict, method: str
) -> None:
    """OPTIONS too: Flask would answer it 200 by itself, but no route is meant for it (no
    CORS); every path of the document answers it as documented, in JSON, with Allow."""
    for path in spec["paths"]:
        url = path.replace("{id}", "demo-0001") + "?q=x"
        response = client.open(url, method=method)
        assert response.status_code == 405, (method, path, response.status_code)
        assert set(response.headers["Allow"].split(", ")) == {"GET", "HEAD"}
        error = conforms(spec, path, response)["error"]
        assert error["code"] == "method_not_allowed", (method, path)
        assert "Allow" in spec["paths"][path]["get"]["responses"]["405"]["headers"]
    # Not only the API's paths: the pages and static files answer GET and HEAD alone too.
    for url in ("/search?q=x", "/static/style.css"):
        assert client.open(url, method=method).status_code == 405, (method, url)
    assert client.head("/api/search?q=x").status_code == 200


def test_json_is_utf8_not_ascii_escaped(client: FlaskClient) -> None:
    assert "光伏".encode() in client.get("/api/search?q=光伏").data


@pytest.mark.parametrize("query", ["q=%E7%96%AB%E8%8B", "q=%E7%96", "q=a&source=%FF"])
def test_a_url_cut_inside_a_character_is_a_400_naming_the_parameter(
    client: FlaskClient, spec: dict, query: str
) -> None:
    # Werkzeug keeps broken escapes as text: 疫%E8%8B was searched, E8 and 8B as words, and
    # "%E7%96" marked "96" in thirty articles.
    response = client.get(f"/api/search?{query}")
    assert response.status_code == 400
    error = conforms(spec, "/api/search", response)["error"]
    assert error["param"] == query.rsplit("&", 1)[-1].split("=")[0]
    assert "网址可能被截断" in error["message"]
    assert client.get(f"/search?{query}").status_code == 400
    assert client.get("/api/search?q=%E7%96%AB%E6%83%85").status_code == 200  # 疫情, whole


def test_every_facet_value_is_within_reach_of_a_client(spec: dict, tmp_path: Path) -> None:
    """The API lists a facet's top 20 values: it says how many there are, and the facet's
    own JSON lists them all (a CMS building its own category panel lost the six smallest of
    26 categories, with nothing saying so)."""
    rows = [{**article(n), "category": f"分类{n % 25:02d}", "source": "测试源"} for n in range(60)]
    root = build_index(tmp_path / "ix", write_jsonl(tmp_path / "a.jsonl", rows))
    client = create_app({"INDEX_ROOT": root, "TESTING": True}).test_client()
    found = conforms(spec, "/api/search", client.get("/api/search?q=光伏"))
    assert len(found["facets"]["category"]) == 20
    assert found["facet_totals"]["category"] == 25 and found["facet_totals"]["source"] == 1
    every = client.get("/facets/category.json?q=光伏")
    assert every.status_code == 200 and every.content_type == "application/json"
    counts = {r["value"]: r["count"] for r in every.get_json()["facet"]["results"]}
    assert len(counts) == 25 and sum(counts.values()) == 60
    # (filtered as the page is, and its errors are JSON as the API's are)
    assert client.get("/facets/category.json?q=光伏&category=分类03").status_code == 200
    bad = client.get("/facets/category.json?q=光伏&to=2024-13-01")
    assert bad.status_code == 400 and bad.get_json()["error"]["param"] == "to"
    assert client.get("/facets/other.json").get_json()["error"]["code"] == "not_found"
