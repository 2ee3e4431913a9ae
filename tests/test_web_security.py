"""Hostile input, escaping, security headers and error handling: nothing a client sends may
cause a 500, a traceback or unescaped markup."""

from __future__ import annotations

import json
import socket
import time
import urllib.request
from pathlib import Path
from urllib.parse import quote, urlsplit

import lxml.html
import pytest
from flask import Flask
from flask.testing import FlaskClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree
from lxml.html import HtmlElement

from tests.helpers import one, page, text_of
from xinwen.webui import CSP, create_app

pytest_plugins = ["tests.webfixtures"]

HOSTILE = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "'><svg/onload=alert(1)>",
    "</textarea></title><script>alert(1)</script>",
    "javascript:alert(1)",
    "{{7*7}} ${7*7} {% raw %}",
    "' OR 1=1; DROP TABLE articles; --",
    'title:(光伏 OR 风电) AND body:"储能 -电池" NOT x~2 y^3 *:* [a TO z] {b TO c}',
    '"unclosed phrase',
    "(((( )))) ]]]] \\ / : ^ ~ * ?",
    "-光伏 -风电",
    "OR AND NOT",
    "光" * 10_000,
    "a" * 10_000,
    "光伏 " * 1_000,
    "\x00\x01\x02\x1b[31m\x7f\x85 控制字符",
    "🔥⚡️👨‍👩‍👧 光伏 🌞",
    "\u202e\u200f\u2066 光伏 مرحبا \u202c",
    "\ufeff\u200b\u00a0\u3000 全角　空格",
    "%00%ff%",
    "１２３ ＡＢＣ 全角",
]
PARAMS = ["q", "category", "source", "from", "to", "sort", "page", "size"]
# Raw query strings a browser could never send but a client can.
RAW = [
    "q=%ED%A0%80",  # a lone surrogate as UTF-8-ish bytes
    "q=%ED%A0%80%ED%B0%80光伏",
    "q=%FF%FE%FD",
    "q=%C0%AF",  # an overlong encoding
    "q=%zz%",
    "q=%00",
    "category=%ED%A0%80&source=%00",
    "q=a&q=b&q=c",
    "page=%ED%A0%80",
    "from=%ED%A0%80",
    "size=%00",
    "sort=%00",
    "q",
    "&&&==&",
    "q=" + "%E5%85%89" * 3000,  # 3,000 characters, 27 KB encoded: over the cap
]
ALLOWED_TAGS = {
    "html", "head", "meta", "title", "link", "script", "body", "a", "span", "header", "form",
    "label", "input", "datalist", "button", "main", "div", "section", "h1", "h2", "h3", "p",
    "ul", "ol", "li", "nav", "aside", "time", "mark", "bdi", "code", "footer", "article",
    "details", "summary",
}  # fmt: skip


def assert_safe_html(doc: HtmlElement, text: str) -> None:
    """Only our own tags, no event-handler attributes, no inline script, no traceback."""
    assert "Traceback" not in text and "werkzeug" not in text.lower()
    for node in doc.iter(etree.Element):  # elements only (comments are not markup)
        assert node.tag in ALLOWED_TAGS, f"unexpected <{node.tag}> in page"
        assert not [a for a in node.attrib if a.startswith("on")], node
        if node.tag == "script":
            assert node.get("src", "").startswith("/static/")
            assert not node.text and not len(node)  # no inline code, no children
        if node.tag == "a":
            assert not node.get("href", "").lower().lstrip().startswith("javascript:")


def check_html(client: FlaskClient, url: str) -> None:
    response = client.get(url)
    assert response.status_code in {200, 400, 414}, (url[:200], response.status_code)
    assert response.mimetype == "text/html"
    text = response.get_data(as_text=True)
    assert_safe_html(lxml.html.fromstring(text), text)


def check_json(client: FlaskClient, url: str) -> None:
    response = client.get(url)
    assert response.status_code in {200, 400, 414}, (url[:200], response.status_code)
    assert response.mimetype == "application/json"
    data = response.get_json()
    assert isinstance(data, dict)
    if response.status_code != 200:
        assert set(data["error"]) == {"code", "param", "message"}


@pytest.mark.parametrize("param", PARAMS)
@pytest.mark.parametrize("value", HOSTILE, ids=lambda v: repr(v[:24]))
def test_hostile_values_never_500_never_unescaped(client: FlaskClient, param: str, value: str):
    query = f"{param}={quote(value)}"
    check_html(client, f"/search?{query}")
    check_json(client, f"/api/search?{query}")


@pytest.mark.parametrize("query", RAW)
def test_raw_query_strings(client: FlaskClient, query: str) -> None:
    for path in ("/search", "/", "/search.json"):
        response = client.get(f"{path}?{query}")
        assert response.status_code in {200, 400, 414}
        assert b"Traceback" not in response.data
    check_html(client, f"/search?{query}")
    check_json(client, f"/api/search?{query}")
    check_json(client, f"/api/suggest?{query}")


def test_echoed_query_is_escaped(client: FlaskClient) -> None:
    value = '<script>alert(1)</script>"><img src=x onerror=alert(1)> 光伏'
    response = client.get("/search", query_string={"q": value})
    text = response.get_data(as_text=True)
    assert "<script>alert(1)" not in text and "<img src=x" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    doc = lxml.html.fromstring(text)
    assert one(doc, "input#q").get("value") == value


def test_long_query_is_cut_with_a_notice(client: FlaskClient) -> None:
    response = client.get("/search", query_string={"q": "光伏" * 300})
    assert response.status_code == 200
    doc = lxml.html.fromstring(response.get_data(as_text=True))
    assert "查询过长" in text_of(one(doc, ".notice"))


def test_query_string_over_the_cap_is_414(client: FlaskClient) -> None:
    page(client, "/search?q=" + "a" * 40_000, status=414)
    response = client.get("/api/search?q=" + "a" * 40_000)
    assert response.status_code == 414 and response.get_json()["error"]["code"] == "uri_too_long"


def test_700_character_query_is_answered_cut_with_a_notice(client: FlaskClient) -> None:
    """Over gunicorn's default 8,190-byte request line once URL-encoded: still a search."""
    q = "光伏储能电站" * 117  # 702 characters, 6,318 bytes URL-encoded
    response = client.get("/api/search", query_string={"q": q})
    assert response.status_code == 200 and "查询过长" in response.get_json()["notice"]


@given(q=st.text(max_size=300), cat=st.text(max_size=40), page=st.text(max_size=6))
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_any_text_is_answered(app: Flask, q: str, cat: str, page: str) -> None:
    client = app.test_client()
    args = {"q": q, "category": cat, "page": page}
    for path in ("/api/search", "/search"):
        response = client.get(path, query_string=args)
        assert response.status_code in {200, 400, 414}, (args, response.data[:300])


def test_security_headers_on_every_response(client: FlaskClient) -> None:
    for url in ("/", "/search?q=光伏", "/api/search?q=光伏", "/article/nope", "/healthz"):
        response = client.get(url)
        assert response.headers["Content-Security-Policy"] == CSP
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert response.headers["Referrer-Policy"] == "same-origin"
    assert "script-src 'self'" in CSP and "unsafe-inline" not in CSP
    assert "frame-ancestors 'none'" in CSP and "object-src 'none'" in CSP


def test_hostile_article_fields_are_text(hostile_client: FlaskClient) -> None:
    doc = page(hostile_client, "/search?q=储能")
    text = hostile_client.get("/search?q=储能").get_data(as_text=True)
    assert_safe_html(doc, text)
    titles = [text_of(a) for a in doc.cssselect("h2.hit-title a")]
    assert "<img src=x onerror=alert(1)>储能电站标题测试" in titles
    assert "技术<i>" in {text_of(t) for t in doc.cssselect("li.hit .tag")}
    assert "来源\"'><script>" in {text_of(t) for t in doc.cssselect("li.hit .source")}
    link = next(a for a in doc.cssselect("h2.hit-title a") if "img" in text_of(a))
    article = hostile_client.get(link.get("href"))
    assert article.status_code == 200
    art_text = article.get_data(as_text=True)
    art = lxml.html.fromstring(art_text)
    assert_safe_html(art, art_text)
    assert text_of(one(art, "article h1")) == "<img src=x onerror=alert(1)>储能电站标题测试"
    body = text_of(one(art, ".article-body"))
    assert "<script>window.__xss = 1</script>" in body and "<b>加粗</b>" in body
    assert not art.cssselect("p.original")  # a javascript: URL is not linked
    # the id with //, ? and # round-trips through the link
    assert "//2024/a.html?x=1" not in link.get("href")
    api = hostile_client.get(link.get("href").replace("/article/", "/api/article/", 1))
    assert api.get_json()["id"] == "https://example.org/news//2024/a.html?x=1&y=<2>#top"


def test_real_bugs_are_a_plain_500(demo_index: Path) -> None:
    app = create_app({"INDEX_ROOT": demo_index})
    assert not app.debug and not app.testing

    def boom() -> str:
        raise RuntimeError("secret internals")

    app.add_url_rule("/boom", "boom", boom)
    app.add_url_rule("/api/boom", "api_boom", boom)
    client = app.test_client()
    html = client.get("/boom")
    assert html.status_code == 500 and html.mimetype == "text/html"
    assert b"secret internals" not in html.data and b"Traceback" not in html.data
    assert "服务器出了点问题".encode() in html.data
    api = client.get("/api/boom")
    assert api.status_code == 500 and api.get_json()["error"]["param"] is None
    assert b"secret internals" not in api.data


def _announce_a_body(base: str, method: str, path: str) -> socket.socket:
    """Send a request whose headers announce 100 MB of body, then only its first kilobyte."""
    url = urlsplit(base)
    sock = socket.create_connection((url.hostname, url.port), timeout=10)
    head = (
        f"{method} {path} HTTP/1.1\r\nHost: {url.netloc}\r\n"
        "Content-Type: application/x-www-form-urlencoded\r\n"
        f"Content-Length: {100 * 2**20}\r\n\r\n"
    )
    sock.sendall(head.encode("ascii") + b"q=" + b"x" * 1024)
    return sock


def _read_response(sock: socket.socket) -> tuple[int, bytes]:
    data = b""
    with sock:
        try:
            while chunk := sock.recv(65536):
                data += chunk
        except ConnectionResetError:  # the server closed with our body unread: it may reset
            pass
    head, _, body = data.partition(b"\r\n\r\n")
    return int(head.split(b" ", 2)[1]), body


@pytest.mark.timeout(60)
def test_a_request_body_cannot_hold_a_worker(live_server) -> None:
    """No route reads a request body (the app answers GETs only), so a client that announces
    100 MB and sends a kilobyte is answered at once, and it cannot keep a worker waiting: with
    both workers' worth of such requests open, others are still answered."""
    held = [
        _announce_a_body(live_server.url, "POST", "/api/search?q=%E5%85%89%E4%BC%8F"),
        _announce_a_body(live_server.url, "GET", "/api/search?q=%E5%85%89%E4%BC%8F"),
    ]
    started = time.monotonic()
    with urllib.request.urlopen(f"{live_server.url}/api/search?q=%E5%82%A8%E8%83%BD") as other:
        assert other.status == 200 and json.load(other)["total"] > 0
    assert time.monotonic() - started < 5
    (post_status, post_body), (get_status, get_body) = map(_read_response, held)
    assert post_status == 405 and json.loads(post_body)["error"]["message"]
    assert get_status == 200 and json.loads(get_body)["total"] > 0
