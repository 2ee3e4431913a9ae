"""Headless Chromium (Debian's /usr/bin/chromium, never a downloaded one) against a real
gunicorn server over the demo index: what a reader actually sees and clicks."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest

from tests.helpers import ROOT, build_index
from tests.servers import start_server, stop_server

CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOT = ROOT / "docs" / "screenshot.png"
LAUNCH_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason=f"{CHROMIUM} is absent (apt-get install chromium)"
    ),
]
pytest_plugins = ["tests.webfixtures"]

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")


@pytest.fixture(scope="module")
def browser() -> Iterator[sync_api.Browser]:
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        try:
            yield browser
        finally:
            browser.close()


class Tab:
    """A page that records dialogs and console errors (CSP violations show up there)."""

    def __init__(self, page: sync_api.Page, base: str) -> None:
        self.page = page
        self.base = base
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        page.on("dialog", self._dialog)
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        page.set_default_timeout(15_000)

    def _dialog(self, dialog: sync_api.Dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def goto(self, path: str) -> None:
        response = self.page.goto(self.base + path)
        assert response is not None and response.status < 500

    def total(self) -> int:
        text = self.page.locator("h1.summary").inner_text()
        return int(re.search(r"(?:找到|共) ([\d,]+)", text).group(1).replace(",", ""))


@pytest.fixture
def tab(browser: sync_api.Browser, live_server) -> Iterator[Tab]:
    context = browser.new_context(locale="zh-CN", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    tab = Tab(page, live_server.url)
    yield tab
    context.close()
    assert not tab.dialogs, f"a dialog opened: {tab.dialogs}"
    assert not tab.errors, f"console errors: {tab.errors}"


def test_type_a_query_and_see_marked_results(tab: Tab) -> None:
    page = tab.page
    tab.goto("/")
    box = page.locator("input#q")
    assert page.evaluate("document.activeElement.id") == "q"  # autofocus
    box.press_sequentially("光", delay=30)
    # suggest.js fills the list under the box from /api/suggest
    # (a locator, not wait_for_function: our CSP forbids the eval that one needs)
    page.locator("#q-suggestions [role=option]").first.wait_for()
    box.fill("光伏")
    box.press("Enter")
    page.wait_for_url(re.compile(r"/search\?q=%E5%85%89%E4%BC%8F$"))
    assert page.locator("li.hit").count() == 10
    assert page.locator("h2.hit-title mark").first.inner_text() == "光伏"
    assert re.fullmatch(
        r"找到 [\d,]+ 篇，[\d,]+ 组，第 1–10 条（用时 .+ 毫秒）",
        page.locator("h1.summary").inner_text(),
    )


def test_click_a_category_and_the_counts_change(tab: Tab) -> None:
    page = tab.page
    tab.goto("/search?q=%E5%85%89%E4%BC%8F")
    before = tab.total()
    link = page.locator('.facet-category a[data-value="技术"]')
    expected = int(link.locator(".count").inner_text())
    link.click()
    page.wait_for_url(re.compile(r"category=%E6%8A%80%E6%9C%AF"))
    assert tab.total() == expected < before
    assert page.locator("ul.chips a.chip").first.inner_text().startswith("分类：技术")
    assert page.locator('.facet-category li.selected a[data-value="技术"]').count() == 1
    page.go_back()
    page.wait_for_url(re.compile(r"/search\?q=%E5%85%89%E4%BC%8F$"))
    assert tab.total() == before


def test_click_a_year_bar_then_a_month_bar(tab: Tab) -> None:
    page = tab.page
    tab.goto("/search")
    page.locator('.facet-published a.bar-link[data-value="2024"]').click()
    page.wait_for_url(re.compile(r"from=2024-01-01&to=2024-12-31"))
    assert page.locator(".facet-published li.bar-item").count() == 12
    dates = page.locator("li.hit time").evaluate_all("els => els.map(e => e.dateTime)")
    assert dates and all(d.startswith("2024-") for d in dates)
    month = page.locator(".facet-published a.bar-link").first
    value = month.get_attribute("data-value")
    month.click()
    page.wait_for_url(re.compile(rf"from={value}-01&to={value}-\d\d"))
    dates = page.locator("li.hit time").evaluate_all("els => els.map(e => e.dateTime)")
    assert dates and all(d.startswith(value) for d in dates)
    assert page.locator(".facet-published li.selected").count() == 1


def test_page_two_and_back(tab: Tab) -> None:
    page = tab.page
    tab.goto("/search")
    first = page.locator("h2.hit-title a").first.inner_text()
    page.locator("nav.pagination a.next").click()
    page.wait_for_url(re.compile(r"page=2$"))
    assert page.locator("nav.pagination a.current").inner_text() == "2"
    assert page.locator("h2.hit-title a").first.inner_text() != first
    page.go_back()
    page.wait_for_url(re.compile(r"/search$"))
    assert page.locator("h2.hit-title a").first.inner_text() == first


def test_open_an_article_from_a_result(tab: Tab) -> None:
    page = tab.page
    tab.goto("/search?q=%E7%89%B9%E9%AB%98%E5%8E%8B")
    title = page.locator("h2.hit-title a").first
    text = title.inner_text()
    title.click()
    page.wait_for_url(re.compile(r"/article/.+\?q=%E7%89%B9%E9%AB%98%E5%8E%8B"))
    assert page.locator("article h1").inner_text() == text
    assert page.locator(".article-body mark").count() > 0
    assert page.locator("aside.related li").count() > 0
    assert page.locator("p.original a").get_attribute("rel") == "noopener nofollow"


def test_script_in_an_article_is_text_and_never_runs(tab: Tab) -> None:
    page = tab.page
    tab.goto("/search?q=%E8%B7%A8%E7%AB%99%E8%84%9A%E6%9C%AC")  # 跨站脚本
    page.locator("h2.hit-title a").first.click()
    page.wait_for_url(re.compile(r"/article/demo-0039"))
    body = page.locator(".article-body").inner_text()
    assert "<script>alert(1)</script>" in body
    page.wait_for_timeout(300)
    assert page.evaluate("document.querySelectorAll('.article-body script').length") == 0
    assert tab.dialogs == []


def test_hostile_query_runs_nothing(tab: Tab) -> None:
    tab.page.add_init_script("window.__xss = 0")
    tab.goto(
        "/search?q=%3Cscript%3Ewindow.__xss%3D1%3C%2Fscript%3E%3Cimg+src%3Dx+onerror%3Dalert(1)%3E"
    )
    tab.page.wait_for_timeout(300)
    assert tab.page.evaluate("window.__xss") == 0
    assert tab.page.locator("input#q").input_value().startswith("<script>")


def test_works_without_javascript(browser: sync_api.Browser, live_server) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + "/")
    page.locator("input#q").fill("风电")
    page.locator('form[role="search"] button').click()
    page.wait_for_url(re.compile(r"q=%E9%A3%8E%E7%94%B5"))
    assert page.locator("li.hit").count() > 0
    page.locator("input#from").fill("2020-01-01")
    page.locator("input#to").fill("2020-12-31")
    page.locator("form.date-form button").click()
    page.wait_for_url(re.compile(r"from=2020-01-01&to=2020-12-31"))
    assert "q=%E9%A3%8E%E7%94%B5" in page.url
    context.close()


@pytest.mark.parametrize("width", [1280, 390])
def test_open_a_story_group_and_follow_a_link(
    browser: sync_api.Browser, live_server, width: int
) -> None:
    """ "N 篇相似文章" opens (without JavaScript) into links to the folded reposts; the repost's
    page lists the rest of its group."""
    context = browser.new_context(
        locale="zh-CN", java_script_enabled=False, viewport={"width": width, "height": 800}
    )
    page = context.new_page()
    page.goto(live_server.url + "/search?q=%E7%A2%B3%E9%85%B8%E9%94%82")  # 碳酸锂
    hit = page.locator("li.hit", has=page.locator("details.similar")).first
    shown = hit.locator("h2.hit-title a").inner_text()
    summary = hit.locator("details.similar summary")
    assert summary.inner_text() == "1 篇相似文章"
    link = hit.locator("details.similar li a").first
    assert not link.is_visible()  # closed until asked
    summary.click()
    assert link.is_visible()
    repost = link.inner_text()
    link.click()
    page.wait_for_url(re.compile(r"/article/demo-005[89]\?q="))
    assert page.locator("article h1").inner_text() == repost != shown
    group = page.locator("section.group li a")
    assert group.count() == 1 and group.first.inner_text() == shown
    assert page.locator("#group-heading").inner_text() == "同组相似文章（共 2 篇）"
    group.first.click()
    assert page.locator("article h1").inner_text() == shown
    context.close()


def test_phone_layout_stacks_and_fits(browser: sync_api.Browser, live_server) -> None:
    context = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True)
    page = context.new_page()
    page.goto(live_server.url + "/search?q=%E5%85%89%E4%BC%8F")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    results = page.locator("section.results").bounding_box()
    filters = page.locator("aside.filters").bounding_box()
    assert results and filters and filters["y"] >= results["y"] + results["height"] - 1
    assert page.locator(".jump-filters a").is_visible()
    context.close()


def test_keyboard_focus_is_visible(tab: Tab) -> None:
    page = tab.page
    tab.goto("/search?q=%E5%85%89%E4%BC%8F")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    assert page.locator(".skip-link").is_visible()
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("", "none")


def test_screenshot_of_the_search_page(tab: Tab, tmp_path: Path) -> None:
    """The page renders to a real image; XINWEN_SCREENSHOT=1 refreshes the README's copy.

    By default the image goes to a temporary folder: a test run leaves the repository as it was.
    """
    page = tab.page
    tab.goto("/search?q=%E5%85%89%E4%BC%8F+%E5%82%A8%E8%83%BD&from=2024-01-01&to=2024-12-31")
    if not page.locator("li.hit").count():  # fall back to a query the demo surely has
        tab.goto("/search?q=%E5%85%89%E4%BC%8F")
    target = SCREENSHOT if os.environ.get("XINWEN_SCREENSHOT") == "1" else tmp_path / "page.png"
    page.screenshot(path=str(target), full_page=False)
    assert target.stat().st_size > 10_000


def test_quick_time_range_by_keyboard(tab: Tab) -> None:
    page = tab.page
    tab.goto("/search?q=%E5%85%89%E4%BC%8F")
    year = page.locator(".time-ranges a.time-range", has_text="过去一年")
    expected = int(year.locator(".count").inner_text())
    year.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"within=365d$"))  # (a range that rolls forward)
    assert tab.total() == expected
    assert page.locator("ul.chips a.chip").first.inner_text().startswith("日期：过去一年")
    selected = page.locator(".time-ranges a.time-range.selected")
    assert selected.count() == 1 and "过去一年" in selected.inner_text()


def test_histogram_bars_show_counts_and_take_the_keyboard(tab: Tab) -> None:
    page = tab.page
    tab.goto("/search?q=%E5%85%89%E4%BC%8F")
    bar = page.locator('.facet-published a.bar-link[data-value="2024"]')
    count = bar.locator(".bar-count")
    assert count.is_visible()  # readable without hovering
    shown = int(count.inner_text())
    # Its label for screen readers says the year and the count.
    assert f"2024，{shown} 篇" in bar.locator(".visually-hidden").inner_text()
    bar.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"from=2024-01-01&to=2024-12-31"))
    assert tab.total() == shown


def test_reversed_dates_in_an_english_browser(browser: sync_api.Browser, live_server) -> None:
    context = browser.new_context(locale="en-US")
    page = context.new_page()
    page.goto(live_server.url + "/search?q=%E5%85%89%E4%BC%8F&category=%E6%8A%80%E6%9C%AF")
    box = page.locator("input#from")
    assert box.get_attribute("placeholder") == "yyyy-mm-dd"
    box.fill("2025-12-31")
    page.locator("input#to").fill("2020-01-01")
    page.locator("form.date-form button").click()
    page.wait_for_url(re.compile(r"from=2025-12-31&to=2020-01-01"))
    assert "已将两者对调" in page.locator(".dates-notice").inner_text()
    assert page.locator("input#from").input_value() == "2020-01-01"
    chips = page.locator("ul.chips a.chip").all_inner_texts()
    assert chips[0].startswith("分类：技术") and chips[1].startswith(
        "日期：2020-01-01 至 2025-12-31"
    )
    context.close()


def test_suggestions_by_arrow_keys_and_enter(tab: Tab) -> None:
    page = tab.page
    tab.goto("/")
    box = page.locator("input#q")
    box.press_sequentially("光", delay=30)
    options = page.locator("#q-suggestions [role=option]")
    options.first.wait_for()
    assert box.get_attribute("aria-expanded") == "true"
    words = options.all_inner_texts()
    box.press("ArrowDown")
    box.press("ArrowDown")
    assert box.get_attribute("aria-activedescendant") == "q-suggestion-1"
    assert options.nth(1).get_attribute("aria-selected") == "true"
    box.press("Enter")
    page.wait_for_url(re.compile(r"/search\?q="))
    assert page.locator("input#q").input_value() == words[1]


def test_escape_closes_the_suggestions_and_enter_searches_what_was_typed(tab: Tab) -> None:
    page = tab.page
    tab.goto("/")
    box = page.locator("input#q")
    box.press_sequentially("光伏", delay=30)
    page.locator("#q-suggestions [role=option]").first.wait_for()
    box.press("Escape")
    assert page.locator("#q-suggestions").is_hidden()
    box.press("Enter")
    page.wait_for_url(re.compile(r"/search\?q=%E5%85%89%E4%BC%8F$"))


def test_slash_focuses_the_search_box(tab: Tab) -> None:
    page = tab.page
    tab.goto("/search?q=%E5%85%89%E4%BC%8F")
    page.locator("h1.summary").click()  # focus is on the page, not in the box
    assert page.evaluate("document.activeElement.id") != "q"
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.id") == "q"
    assert page.locator("input#q").input_value() == "光伏"  # the slash was not typed into it
    # In a text field "/" is just a character.
    page.locator("input#from").fill("")
    page.locator("input#from").press("/")
    assert page.locator("input#from").input_value() == "/"


def test_skip_to_filters_appears_on_focus_on_a_desktop(tab: Tab) -> None:
    page = tab.page
    tab.goto("/search?q=%E5%85%89%E4%BC%8F")
    link = page.locator(".jump-filters a")
    assert not link.is_visible() or link.bounding_box()["x"] < 0
    link.focus()
    box = link.bounding_box()
    assert box and box["x"] >= 0 and box["y"] >= 0 and link.is_visible()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"#filters$"))


def test_result_range_on_the_second_page(tab: Tab) -> None:
    page = tab.page
    tab.goto("/search?q=%E5%85%89%E4%BC%8F&page=2")
    assert "第 11–20 条" in page.locator("h1.summary").inner_text()


def test_did_you_mean_is_a_link_with_its_count(tab: Tab) -> None:
    page = tab.page
    tab.goto("/search?q=%E5%85%89%E6%9C%8D")  # 光服, a homophone typo of 光伏
    suggestion = page.locator(".did-you-mean")
    assert suggestion.inner_text().startswith("您是不是要找：光伏（")
    count = int(re.search(r"（([\d,]+) 条）", suggestion.inner_text()).group(1).replace(",", ""))
    suggestion.locator("a").click()
    page.wait_for_url(re.compile(r"q=%E5%85%89%E4%BC%8F$"))
    assert tab.total() == count


def test_pinyin_on_a_phone(browser: sync_api.Browser, live_server) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    page.goto(live_server.url + "/")
    page.locator("input#q").fill("guangfu")
    page.locator("input#q").press("Enter")
    page.wait_for_url(re.compile(r"q=guangfu"))
    assert "按拼音" in page.locator(".notice").inner_text()
    assert page.locator("h2.hit-title mark").first.inner_text() == "光伏"
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    # The quick time ranges fit the phone too, and wrap rather than overflow.
    ranges = page.locator(".time-ranges")
    box = ranges.bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= 390
    context.close()


def test_every_value_of_a_facet_with_a_filter_box(browser: sync_api.Browser, live_server) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    page.goto(live_server.url + "/facets/source?q=%E5%85%89%E4%BC%8F")
    assert page.locator(".facet-all li").count() > 1
    box = page.locator("#facet-filter")
    box.fill("日报")
    box.press("Enter")
    page.wait_for_url(re.compile(r"filter="))
    values = page.locator(".facet-all a").all()
    assert values and all("日报" in v.get_attribute("data-value") for v in values)
    chosen = values[0].get_attribute("data-value")
    values[0].focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/search\?q=%E5%85%89%E4%BC%8F&source="))
    assert page.locator("ul.chips a.chip").first.inner_text().startswith(f"来源：{chosen}")
    context.close()


LONG_WORD = "x" * 360  # one unbroken Latin "word": a URL, a hash, a run of letters
LONG_RECORDS = [
    {
        "id": "long-1",
        "title": f"储能电站{LONG_WORD}",
        "body": f"储能电站调峰项目投运，{LONG_WORD} 写在正文里。\n第二段还是储能电站。",
        "category": "c" * 120,
        "source": "s" * 120,
        "published": "2024-03-05",
        "url": "https://example.org/long-1",
    },
    {
        "id": "long-2",
        "title": "储能电站调峰项目投运",
        "body": "储能电站调峰项目投运，正文普通。",
        "category": "项目",
        "source": "电力日报",
        "published": "2024-03-06",
        "url": "https://example.org/long-2",
    },
    # Articles on other subjects, so that 储能 and 电站 are rare enough to relate the two above.
    *(
        {
            "id": f"other-{n}",
            "title": title,
            "body": f"{title}，正文普通。",
            "category": "政策",
            "source": "能源观察",
            "published": f"2023-0{n + 1}-01",
        }
        for n, title in enumerate(["海上风电开工建设", "光伏组件出口增长", "特高压线路投运"])
    ),
]


@pytest.fixture(scope="module")
def long_word_server(tmp_path_factory: pytest.TempPathFactory):
    """A server over two articles, one with a 360-letter word in its title, body, category
    and source."""
    source = tmp_path_factory.mktemp("long-word-src")
    lines = [json.dumps(r, ensure_ascii=False) for r in LONG_RECORDS]
    (source / "long.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    root = build_index(tmp_path_factory.mktemp("long-word-index"), source)
    server = start_server(root, tmp_path_factory.mktemp("long-word-server") / "server.log")
    try:
        yield server
    finally:
        stop_server(server)


def test_long_unbroken_words_wrap_instead_of_widening_the_page(
    browser: sync_api.Browser, long_word_server
) -> None:
    """A phone never scrolls sideways, whatever the text: result titles, the article's title,
    related links, categories and sources (meta, chips, facets), echoed queries."""
    context = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True)
    page = context.new_page()
    category, source = quote(LONG_RECORDS[0]["category"]), quote(LONG_RECORDS[0]["source"])

    def fits(path: str) -> None:
        page.goto(long_word_server.url + path)
        width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        assert width[0] <= width[1] == 375, (path, width)  # a phone zooms out to fit: not 375

    fits("/search?q=%E5%82%A8%E8%83%BD")  # 储能: the long title among the results
    assert LONG_WORD in page.locator("h2.hit-title a").all_inner_texts()[0]
    fits(f"/search?q=%E5%82%A8%E8%83%BD&category={category}&source={source}")
    assert page.locator("ul.chips a.chip").count() == 2
    fits("/article/long-1?q=%E5%82%A8%E8%83%BD")
    assert LONG_WORD in page.locator("article h1").inner_text()
    fits("/article/long-2?q=%E5%82%A8%E8%83%BD")
    assert LONG_WORD in " ".join(page.locator("aside.related li a").all_inner_texts())
    fits(f"/article/long-2?q={LONG_WORD}")  # the back link echoes the query
    fits(f"/search?q={'q' * 45}")  # no results: the message echoes the word
    assert page.locator(".no-results").count() == 1
    fits(f"/search?q={LONG_WORD}")  # no results, and the notice that the query was cut
    fits(f"/facets/source?q=%E5%82%A8%E8%83%BD&filter={LONG_WORD}")
    fits("/facets/source?q=%E5%82%A8%E8%83%BD")
    context.close()
