"""Hostile queries and parameters: a property-based fuzzer over every search parameter, and the
list of hostile strings in every parameter in headless Chromium (Debian's), where no script
may run and no injected element may appear.

``test_web_security.py`` holds the hostile strings, the HTML safety check and a fuzzer over
``q``, ``category`` and ``page``; this covers every parameter of ``/search``, ``/search.json``,
``/api/search`` and ``/api/suggest`` together, and what a real browser makes of the pages.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlencode

import lxml.html
import pytest
from flask import Flask
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.test_web_security import HOSTILE, assert_safe_html

if TYPE_CHECKING:
    from playwright.sync_api import ConsoleMessage, Dialog, Page

pytest_plugins = ["tests.webfixtures"]

PARAMS = ["q", "category", "source", "from", "to", "sort", "page", "size"]
ERROR_PARAMS = {*PARAMS, None}
CHROMIUM = Path("/usr/bin/chromium")
LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"]

# Values each parameter might get: anything, the hostile list, and near-valid forms that
# reach deeper than the validation (real dates, numbers at the limits, both sort orders).
anything = st.text(max_size=80)
hostile = st.sampled_from(HOSTILE)
near_date = st.dates().map(lambda d: d.isoformat()) | st.from_regex(
    r"\d{4}-\d{2}-\d{2}", fullmatch=True
)
near_number = st.integers(-5, 10_000).map(str) | st.sampled_from(["", " 1", "1e3", "0x10", "١٢"])
VALUES = {
    "q": anything | hostile | st.sampled_from(["光伏", '"绿色 供应链"', "-煤电 OR 风电", ""]),
    "category": anything | hostile | st.sampled_from(["技术", "政策"]),
    "source": anything | hostile,
    "from": anything | near_date,
    "to": anything | near_date,
    "sort": anything | st.sampled_from(["relevance", "date", "DATE", ""]),
    "page": anything | near_number,
    "size": anything | near_number,
}
query_pairs = st.lists(
    st.sampled_from(PARAMS).flatmap(lambda p: st.tuples(st.just(p), VALUES[p])), max_size=10
)


def _query(pairs: list[tuple[str, str]]) -> str:
    # Surrogates cannot be UTF-8 encoded by a client: send what a client could send.
    return urlencode([(k, v.encode("utf-8", "replace")) for k, v in pairs])


@given(pairs=query_pairs)
@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_any_parameters_get_a_page_or_a_json_error(app: Flask, pairs: list) -> None:
    client = app.test_client()
    query = _query(pairs)
    for path in ("/api/search", "/search.json", "/api/suggest"):
        response = client.get(f"{path}?{query}")
        assert response.status_code in {200, 400, 414}, (path, pairs, response.data[:300])
        assert response.mimetype == "application/json"
        data = response.get_json()
        assert isinstance(data, dict)
        if response.status_code == 200:
            assert "error" not in data
        else:
            assert set(data) == {"error"} and set(data["error"]) == {"code", "param", "message"}
            assert data["error"]["param"] in ERROR_PARAMS and data["error"]["message"]
    page = client.get(f"/search?{query}")
    assert page.status_code in {200, 400, 414}, (pairs, page.data[:300])
    assert page.mimetype == "text/html"
    text = page.get_data(as_text=True)
    assert_safe_html(lxml.html.fromstring(text), text)


# ---- in the browser ---------------------------------------------------------------------------

# Anything on the page that is not ours: an inline script, an event handler, embedded content.
INJECTED = (
    "script:not([src]), script[src]:not([src^='/static/']), [onerror], [onload], [onclick], "
    "[onmouseover], [onfocus], img, svg, iframe, object, embed, a[href^='javascript:' i]"
)


@dataclass
class Tab:
    """A Chromium tab on the live server that records dialogs and console errors."""

    page: Page
    base: str
    dialogs: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def console(self, message: ConsoleMessage) -> None:
        # A 400 or 414 page is logged as a failed resource load: expected here.
        if message.type == "error" and "Failed to load resource" not in message.text:
            self.errors.append(message.text)

    def dialog(self, dialog: Dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()


@pytest.fixture(scope="module")
def tab(live_server) -> Iterator[Tab]:
    """One tab in Debian's headless Chromium (never a downloaded one) for the whole module."""
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is absent (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        try:
            page = browser.new_context(locale="zh-CN").new_page()
            tab = Tab(page, live_server.url)
            page.on("dialog", tab.dialog)
            page.on("console", tab.console)
            page.on("pageerror", lambda exc: tab.errors.append(str(exc)))
            page.add_init_script("window.__xss = 0")
            page.set_default_timeout(15_000)
            yield tab
        finally:
            browser.close()


# The shared list, plus payloads that would set a flag instead of opening a dialog.
BROWSER_HOSTILE = [
    *HOSTILE,
    "<script>window.__xss=1</script>",
    '"><img src=x onerror="window.__xss=1">',
    "'><svg onload=window.__xss=1>",
    "<a href=javascript:window.__xss=1 id=x>x</a><script>x.click()</script>",
]


@pytest.mark.browser
@pytest.mark.parametrize("value", BROWSER_HOSTILE, ids=lambda v: repr(v[:24]))
@pytest.mark.parametrize(
    "names",
    [("q", "category", "source"), ("from", "to", "sort", "page", "size")],
    ids=["free text", "validated"],
)
def test_hostile_values_run_nothing_in_the_browser(
    tab: Tab, value: str, names: tuple[str, ...]
) -> None:
    tab.dialogs.clear()
    tab.errors.clear()
    response = tab.page.goto(tab.base + "/search?" + _query([(n, value) for n in names]))
    assert response is not None and response.status in {200, 400, 414}, response.status
    tab.page.wait_for_timeout(50)  # let anything scheduled on load run
    assert tab.page.evaluate("window.__xss") == 0
    assert tab.dialogs == [] and tab.errors == [], (tab.dialogs, tab.errors)
    injected = tab.page.evaluate(f"document.querySelectorAll({INJECTED!r}).length")
    assert injected == 0, tab.page.content()[:2000]
