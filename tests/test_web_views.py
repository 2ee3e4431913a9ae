"""The HTML pages through Flask's test client, checked by CSS selectors."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit

import lxml.etree
import lxml.html
import pytest
from flask.testing import FlaskClient

from tests.helpers import article, build_index, one, page, text_of, write_jsonl
from xinwen.webui import create_app

pytest_plugins = ["tests.webfixtures"]


def params_of(url: str) -> list[tuple[str, str]]:
    return parse_qsl(urlsplit(url).query, keep_blank_values=True)


def test_home_is_a_searchable_zh_cn_page(client: FlaskClient) -> None:
    doc = page(client, "/")
    html = one(doc, "html")
    assert html.get("lang") == "zh-CN"
    assert one(doc, 'meta[name="viewport"]').get("content").startswith("width=device-width")
    box = one(doc, 'form[role="search"] input#q')
    assert box.get("name") == "q" and "autofocus" in box.attrib
    assert text_of(one(doc, 'label[for="q"]')) == "搜索新闻"
    assert box.get("aria-controls") == "q-suggestions" and doc.cssselect(
        'ul#q-suggestions[role="listbox"]'
    )
    assert box.get("data-suggest-url") == "/api/suggest"
    # landmarks, and no inline script or style anywhere
    assert doc.cssselect("header") and doc.cssselect("main#main") and doc.cssselect("footer")
    assert doc.cssselect('aside[aria-label="筛选"]')
    assert all(s.get("src") for s in doc.cssselect("script"))
    assert not doc.cssselect("style") and not doc.cssselect("[style]")
    assert all(n.get("src", "").startswith("/static/") for n in doc.cssselect("script"))


def test_home_browses_newest_first_with_all_facets(client: FlaskClient) -> None:
    documents = client.get("/healthz").get_json()["documents"]
    doc = page(client, "/")
    assert f"最新文章：共 {documents:,} 篇，" in text_of(one(doc, "h1.summary"))
    dates = [t.get("datetime") for t in doc.cssselect("li.hit time")]
    assert len(dates) == 10 and dates == sorted(dates, reverse=True)
    names = [s.get("aria-labelledby") for s in doc.cssselect("aside section.facet")]
    assert names == ["facet-category", "facet-source", "facet-published"]
    categories = {text_of(one(a, ".facet-label")) for a in doc.cssselect(".facet-category li a")}
    assert categories == {"政策", "项目", "技术", "市场", "国际", "未分类"}  # 未分类: the pages
    # Browsing has no relevance to rank by: only the two date orders.
    options = doc.cssselect("nav.sort a")
    assert [text_of(a) for a in options] == ["最新", "最早"]
    assert options[0].get("aria-current") == "true"
    oldest = page(client, options[1].get("href"))
    assert f"最早文章：共 {documents:,} 篇，" in text_of(one(oldest, "h1.summary"))
    dates = [t.get("datetime") for t in oldest.cssselect("li.hit time")]
    assert len(dates) == 10 and dates == sorted(dates)


def test_results_show_count_time_marked_titles_snippets_and_metadata(client: FlaskClient) -> None:
    doc = page(client, "/search?q=光伏")
    summary = text_of(one(doc, "h1.summary"))
    assert re.fullmatch(
        r"找到 [\d,]+ 篇，[\d,]+ 组，第 1–10 条（用时 (<1|[\d,]+) 毫秒）", summary
    ), summary
    hits = doc.cssselect("ol.hits > li.hit")
    assert len(hits) == 10
    for hit in hits:
        link = one(hit, "h2.hit-title a")
        assert link.get("href").startswith("/article/")
        assert ("q", "光伏") in params_of(link.get("href"))
        assert hit.cssselect("p.snippet")
        assert hit.cssselect("p.meta time[datetime]")
    assert doc.cssselect("h2.hit-title a mark") and doc.cssselect("p.snippet mark")
    assert {text_of(m) for m in doc.cssselect("h2.hit-title mark")} == {"光伏"}


def test_similar_articles_are_counted(client: FlaskClient) -> None:
    data = client.get("/search.json?q=储能&size=100").get_json()
    similar = [h for h in data["hits"] if h["similar"]]
    assert similar  # the demo corpus has near-duplicates about 储能
    doc = page(client, "/search?q=储能&size=100")
    shown = [text_of(s) for s in doc.cssselect("li.hit details.similar summary")]
    assert shown == [f"{h['similar']} 篇相似文章" for h in similar]


def test_sort_toggle(client: FlaskClient) -> None:
    doc = page(client, "/search?q=光伏")
    options = doc.cssselect("nav.sort a")
    assert [text_of(a) for a in options] == ["相关度", "最新", "最早"]
    assert options[0].get("aria-current") == "true"
    newest = page(client, options[1].get("href"))
    assert ("sort", "date") in params_of(options[1].get("href"))
    dates = [t.get("datetime") for t in newest.cssselect("li.hit time")]
    assert dates == sorted(dates, reverse=True)
    assert newest.cssselect("nav.sort a")[1].get("aria-current") == "true"
    oldest = page(client, options[2].get("href"))
    assert ("sort", "oldest") in params_of(options[2].get("href"))
    earliest = [t.get("datetime") for t in oldest.cssselect("li.hit time")]
    assert earliest == sorted(earliest) and earliest[-1] <= dates[-1]


def test_category_toggle_is_a_link_that_changes_counts(client: FlaskClient) -> None:
    doc = page(client, "/search?q=光伏&page=2")
    before = int(text_of(one(doc, "h1.summary")).split()[1].replace(",", ""))
    link = one(doc, '.facet-category a[data-value="技术"]')
    count = int(text_of(one(link, ".count")).replace(",", ""))
    href = link.get("href")
    assert params_of(href) == [("q", "光伏"), ("category", "技术")]  # page reset to 1
    chosen = page(client, href)
    assert text_of(one(chosen, "h1.summary")).startswith(f"找到 {count} 篇，")
    assert count < before
    assert {text_of(h) for h in chosen.cssselect("li.hit .tag")} == {"技术"}
    selected = one(chosen, '.facet-category li.selected a[data-value="技术"]')
    assert selected.get("aria-current") == "true"
    # a chip removes it, and 清除全部筛选 clears everything but the query
    chip = one(chosen, "ul.chips a.chip")
    assert text_of(chip).startswith("分类：技术")
    assert params_of(chip.get("href")) == [("q", "光伏")]
    assert params_of(one(chosen, "ul.chips a.clear-all").get("href")) == [("q", "光伏")]
    # a second category: multi-select (any of them)
    policy = one(chosen, '.facet-category a[data-value="政策"]').get("href")
    both = page(client, policy)
    assert {text_of(h) for h in both.cssselect("li.hit .tag")} <= {"技术", "政策"}
    assert len(both.cssselect("ul.chips a.chip")) == 2


def test_new_search_keeps_the_filters(client: FlaskClient) -> None:
    doc = page(client, "/search?q=光伏&category=技术&sort=date&page=2")
    hidden = [(i.get("name"), i.get("value")) for i in doc.cssselect('form[role="search"] input')]
    assert ("category", "技术") in hidden and ("sort", "date") in hidden
    assert all(name != "page" for name, _ in hidden)


def test_year_bar_then_month_bar(client: FlaskClient) -> None:
    doc = page(client, "/search")
    bars = doc.cssselect(".facet-published ol.histogram li.bar-item a.bar-link")
    assert [b.get("data-value") for b in bars] == [str(y) for y in range(2019, 2027)]
    assert all(re.fullmatch(r"bar h\d+", one(b, ".bar").get("class")) for b in bars)
    year = next(b for b in bars if b.get("data-value") == "2024")
    assert params_of(year.get("href")) == [("from", "2024-01-01"), ("to", "2024-12-31")]
    in_year = page(client, year.get("href"))
    assert len(in_year.cssselect(".facet-published li.bar-item")) == 12
    heading = text_of(one(in_year, ".facet-published h3"))
    assert heading.endswith("（2024年，按月）")
    month = one(in_year, ".facet-published a.bar-link")  # the first month with articles
    count = int(re.search(r"，(\d+) 篇", text_of(month)).group(1))
    narrowed = page(client, month.get("href"))
    window = dict(params_of(month.get("href")))
    start, end = window["from"], window["to"]
    assert start[:7] == end[:7] == month.get("data-value")
    dates = [t.get("datetime") for t in narrowed.cssselect("li.hit time")]
    assert len(dates) == count and all(start <= d <= end for d in dates)
    selected = one(narrowed, ".facet-published li.selected a")
    assert params_of(selected.get("href")) == [("from", "2024-01-01"), ("to", "2024-12-31")]
    assert one(narrowed, ".all-dates a").get("href") == "/search"


def test_date_form_is_a_get_form_keeping_other_parameters(client: FlaskClient) -> None:
    doc = page(client, "/search?q=风电&source=电力日报&from=2020-01-01")
    form = one(doc, "form.date-form")
    assert form.get("method") == "get" and form.get("action") == "/search"
    assert doc.cssselect('label[for="from"]') and doc.cssselect('label[for="to"]')
    assert one(doc, 'input#from[type="text"]').get("value") == "2020-01-01"
    hidden = [(i.get("name"), i.get("value")) for i in form.cssselect('input[type="hidden"]')]
    assert hidden == [("q", "风电"), ("source", "电力日报")]


def test_pagination_next_previous_and_numbers(client: FlaskClient) -> None:
    first = page(client, "/search")
    nav = one(first, 'nav.pagination[aria-label="分页"]')
    assert not nav.cssselect("a.prev")
    assert one(nav, "a.current").get("aria-current") == "page"
    second_url = one(nav, 'a.next[rel="next"]').get("href")
    assert params_of(second_url) == [("page", "2")]
    second = page(client, second_url)
    assert text_of(one(second, "nav.pagination a.current")) == "2"
    assert one(second, "ol.hits").get("start") == "11"
    assert params_of(one(second, "nav.pagination a.prev").get("href")) == []
    last = str(-(-client.get("/healthz").get_json()["documents"] // 10))
    assert {text_of(a) for a in second.cssselect("nav.pagination a.page")} == {
        "1",
        "2",
        "3",
        "4",
        last,
    }
    assert second.cssselect("nav.pagination .gap")
    first_ids = {a.get("href") for a in first.cssselect("h2.hit-title a")}
    assert first_ids.isdisjoint(a.get("href") for a in second.cssselect("h2.hit-title a"))


def test_page_beyond_the_last_is_an_empty_page_with_a_way_back(client: FlaskClient) -> None:
    doc = page(client, "/search?q=光伏&page=50")
    assert not doc.cssselect("li.hit")
    back = one(doc, ".beyond a")
    assert text_of(back).startswith("返回第 ") and ("page", "5") in params_of(back.get("href"))
    assert page(client, back.get("href")).cssselect("li.hit")


def test_no_results_says_so_with_words_and_ways_forward(client: FlaskClient) -> None:
    doc = page(client, "/search?q=量子纠缠猫咪&category=技术")
    empty = one(doc, ".no-results")
    assert "没有找到与“量子纠缠猫咪”相关的结果" in text_of(empty)
    assert doc.cssselect(".no-results .words bdi")
    assert "去掉筛选条件" in text_of(empty)
    assert params_of(one(empty, 'a[href^="/search"]').get("href")) == [("q", "量子纠缠猫咪")]


def test_no_results_suggests_searches_that_find_something(client: FlaskClient) -> None:
    doc = page(client, "/search?q=特高压&source=国际能源快讯")
    links = doc.cssselect(".no-results .suggestions a")
    assert links
    for link in links:
        q = dict(params_of(link.get("href")))["q"]
        found = client.get("/api/search", query_string={"q": q}).get_json()["total"]
        assert found and f"（{found:,}）" in text_of(link.getparent())


def test_fallback_notice_shown(client: FlaskClient) -> None:
    doc = page(client, "/search?q=光伏 量子纠缠")
    assert doc.cssselect("li.hit")
    assert "任意词" in text_of(one(doc, '.notice[role="status"]'))


def test_article_page_marks_query_words_and_links_out_safely(client: FlaskClient) -> None:
    doc = page(client, "/search?q=特高压")
    href = one(doc, "h2.hit-title a").get("href")
    art = page(client, href)
    assert one(art, "article h1").cssselect("mark")
    assert art.cssselect(".article-body p mark")
    assert art.cssselect("article .meta time[datetime]")
    original = one(art, "p.original a")
    assert original.get("href").startswith("https://")
    assert set(original.get("rel").split()) == {"noopener", "nofollow"}
    related = art.cssselect('aside.related[aria-labelledby="related-heading"] li a')
    assert related and all(a.get("href").startswith("/article/") for a in related[:1])
    assert one(art, ".back a").get("href") == "/search?q=%E7%89%B9%E9%AB%98%E5%8E%8B"
    plain = page(client, href.split("?")[0])
    assert not plain.cssselect("mark")


# A filtered, ordered search (two categories, two sources, a date range, by date, five a page).
FILTERED = (
    "/search?q=储能&category=项目&category=市场&source=新能源周刊&source=电力日报"
    "&from=2020-01-01&to=2025-12-31&sort=date&size=5"
)
SEARCH_STATE = {"q", "category", "source", "from", "to", "sort", "size", "page"}


def test_article_back_link_returns_to_the_filtered_page_it_came_from(client: FlaskClient) -> None:
    first = page(client, FILTERED)
    second_url = one(first, "nav.pagination a.next").get("href")
    state = params_of(second_url)
    assert {k for k, _ in state} == SEARCH_STATE  # every kind of parameter, page=2 among them
    second = page(client, second_url)
    links = [a.get("href") for a in second.cssselect("h2.hit-title a")]
    assert links
    for href in links:  # each result carries the search's state, and nothing empty
        assert href.startswith("/article/") and params_of(href) == state
    art = page(client, links[0])
    assert one(art, ".back a").get("href") == second_url  # back to exactly that page
    assert text_of(one(art, ".back a")) == "← 返回“储能”的搜索结果"
    assert art.cssselect("article h1 mark, .article-body mark")  # the query is still marked
    # Related and grouped articles carry the same search on: their back link still works.
    onward = [a.get("href") for a in art.cssselect("aside.related li a")]
    assert onward and all(params_of(h) == state for h in onward)
    assert one(page(client, onward[0]), ".back a").get("href") == second_url


def test_article_without_a_search_or_with_a_broken_one(client: FlaskClient) -> None:
    bare = page(client, "/article/demo-0001")
    assert not bare.cssselect(".back") and not bare.cssselect("mark")
    related = [a.get("href") for a in bare.cssselect("aside.related li a")]
    assert related and all("?" not in h for h in related)  # no empty parameters
    # Browsing (no query) with a filter: a way back, no words to mark.
    browsed = page(client, "/article/demo-0001?category=项目&page=2")
    assert one(browsed, ".back a").get("href") == "/search?category=%E9%A1%B9%E7%9B%AE&page=2"
    assert text_of(one(browsed, ".back a")) == "← 返回搜索结果"
    # A malformed parameter does not keep the article from opening: the query alone is kept.
    broken = page(client, "/article/demo-0001?q=储能&from=2024-02-30&page=x")
    assert one(broken, ".back a").get("href") == "/search?q=%E5%82%A8%E8%83%BD"
    # Empty parameters, as a form sends them, are left out of the way back.
    empty = page(client, "/article/demo-0001?q=储能&category=&from=&sort=&page=")
    assert one(empty, ".back a").get("href") == "/search?q=%E5%82%A8%E8%83%BD"


def test_article_category_links_to_a_filtered_search(client: FlaskClient) -> None:
    art = page(client, "/article/demo-0001")
    tag = one(art, "article .meta a.tag")
    assert params_of(tag.get("href")) == [("category", text_of(tag))]


def test_article_ids_with_slashes(client: FlaskClient) -> None:
    data = client.get("/search.json?size=100&page=2").get_json()
    ids = [h["id"] for h in data["hits"] if "/" in h["id"]]
    for article_id in ids[:2]:
        art = page(client, f"/article/{article_id}")
        assert text_of(one(art, "article h1"))


def test_unknown_article_is_a_404_page(client: FlaskClient) -> None:
    doc = page(client, "/article/no-such-article", status=404)
    assert one(doc, "html").get("lang") == "zh-CN"
    assert "没有这篇文章" in text_of(one(doc, ".error-message"))
    page(client, "/no/such/page", status=404)


def test_bad_parameter_is_a_400_page_naming_it(client: FlaskClient) -> None:
    doc = page(client, "/search?q=风电&from=2024-02-30", status=400)
    assert text_of(one(doc, ".error-param code")) == "from"
    assert "YYYY-MM-DD" in text_of(one(doc, ".error-message"))
    assert one(doc, "input#q").get("value") == "风电"  # fix and retry
    for url, param in [
        ("/search?page=x", "page"),
        ("/?sort=hot", "sort"),
        ("/search?size=101", "size"),
    ]:
        assert text_of(one(page(client, url, status=400), ".error-param code")) == param


def test_query_without_searchable_words_is_a_400_naming_q(client: FlaskClient) -> None:
    doc = page(client, "/search?q=%21%21%21", status=400)
    assert text_of(one(doc, ".error-param code")) == "q"


def test_search_json_is_the_page_context(client: FlaskClient) -> None:
    data = client.get("/search.json?q=光伏&category=技术").get_json()
    assert data["query"] == "光伏" and data["total"] > 0
    category = next(f for f in data["facets"] if f["name"] == "category")
    assert set(category) >= {"name", "results"}
    for value in category["results"]:
        assert set(value) == {"value", "label", "count", "selected", "toggle_url"}
    doc = page(client, "/search?q=光伏&category=技术")
    assert [a.get("href") for a in doc.cssselect(".facet-category li a")] == [
        v["toggle_url"] for v in category["results"]
    ]
    bad = client.get("/search.json?page=0")
    assert bad.status_code == 400 and bad.get_json()["error"]["param"] == "page"


def test_static_assets_are_versioned_and_cached(client: FlaskClient) -> None:
    doc = page(client, "/")
    css = one(doc, 'link[rel="stylesheet"]').get("href")
    js = one(doc, "script[src]").get("src")
    for url in (css, js):
        assert re.fullmatch(r"/static/[\w.]+\?v=[0-9a-f]{10}", url), url
        with client.get(url) as response:
            assert response.status_code == 200
            assert "max-age=31536000" in response.headers["Cache-Control"]
            assert "immutable" in response.headers["Cache-Control"]
    with client.get("/static/style.css") as unversioned:
        assert unversioned.headers["Cache-Control"] == "public, max-age=300"
    with client.get(js) as response:
        assert response.mimetype in {"text/javascript", "application/javascript"}


def test_css_has_a_class_for_every_bar_height(client: FlaskClient) -> None:
    with client.get("/static/style.css") as response:
        css = response.get_data(as_text=True)
    for height in range(0, 101, 5):
        assert f".bar.h{height} {{ height: {height}%; }}" in css
    assert ":focus-visible" in css and "@media (max-width" in css
    assert "@import" not in css and "url(" not in css  # no external fonts or images


def _luminance(hex_color: str) -> float:
    channels = [int(hex_color[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_text_colours_meet_wcag_aa_contrast(client: FlaskClient) -> None:
    with client.get("/static/style.css") as response:
        css = response.get_data(as_text=True)
    colours = dict(re.findall(r"--([\w-]+):\s*(#[0-9a-fA-F]{6})", css))
    for text in ("ink", "muted", "accent", "accent-dark"):
        for background in ("bg", "panel"):
            ratio = contrast(colours[text], colours[background])
            assert ratio >= 4.5, f"--{text} on --{background}: {ratio:.2f}"
    assert contrast("#ffffff", colours["accent"]) >= 4.5  # button text


@pytest.mark.parametrize(
    "url",
    ["/", "/search?q=光伏&category=技术", "/search?q=量子纠缠猫咪", "/article/demo-0001", "/x"],
)
def test_pages_have_labels_landmarks_and_one_h1(client: FlaskClient, url: str) -> None:
    response = client.get(url)
    doc = lxml.html.fromstring(response.get_data(as_text=True))
    assert len(doc.cssselect("h1")) == 1
    assert len(doc.cssselect("main")) == 1 and doc.cssselect("header") and doc.cssselect("footer")
    assert one(doc, "a.skip-link").get("href") == "#main"
    for field in doc.cssselect("input"):
        if field.get("type") == "hidden":
            continue
        assert doc.cssselect(f'label[for="{field.get("id")}"]'), field
    assert all(text_of(link) or link.get("aria-label") for link in doc.cssselect("a"))


def test_the_page_never_sends_an_empty_filter_and_takes_one_as_absent(client: FlaskClient) -> None:
    """The API and the exports refuse ``category=`` and ``source=`` (400); the page's own forms
    and links never send them, and a URL that has one (typed, or from elsewhere) shows the
    unfiltered results, as an empty date field does, with links that work."""
    doc = page(client, "/search?q=光伏&category=&source=&category=政策")
    same = page(client, "/search?q=光伏&category=政策")
    ids = [a.get("href") for a in doc.cssselect(".hit-title a")]
    assert ids and ids == [a.get("href") for a in same.cssselect(".hit-title a")]
    for field in doc.cssselect("form input[type=hidden]"):
        assert field.get("value"), lxml.html.tostring(field)
    links = [a.get("href") for a in doc.cssselect("a[href], link[href]")]
    for url in links:
        assert ("category", "") not in params_of(url) and ("source", "") not in params_of(url), url
    for a in doc.cssselect(".take-away a"):
        assert client.get(a.get("href")).status_code == 200, a.get("href")


@pytest.fixture(scope="module")
def undated_client(tmp_path_factory: pytest.TempPathFactory) -> FlaskClient:
    """An archive where two of five articles have no date (a crawl's pages that state none)."""
    places = ["东湖", "西山", "南岭", "北塘", "中洲"]
    rows = [
        article(
            n,
            title=f"{place}光伏电站并网",
            body=f"{place}的光伏电站第{n}期工程今日并网，{place}居民用上了本地的清洁电力。",
            published=f"2024-0{n}-10" if n <= 3 else None,
        )
        for n, place in enumerate(places, 1)
    ]
    src = write_jsonl(tmp_path_factory.mktemp("undated-src") / "a.jsonl", rows)
    root = build_index(tmp_path_factory.mktemp("undated-index"), src)
    return create_app({"INDEX_ROOT": root, "TESTING": True}).test_client()


def test_the_articles_without_a_date_are_a_time_range_of_their_own(
    undated_client: FlaskClient, client: FlaskClient
) -> None:
    doc = page(undated_client, "/search?q=光伏&category=项目")
    link = one(doc, 'ul.time-ranges a[data-value="undated"]')
    assert text_of(link) == "未注明日期2"
    assert params_of(link.get("href")) == [("q", "光伏"), ("category", "项目"), ("undated", "1")]
    chosen = page(undated_client, link.get("href"))
    assert len(chosen.cssselect("li.hit")) == 2 and not chosen.cssselect("li.hit time")
    assert "日期：未注明日期" in [text_of(c).rstrip("×").strip() for c in chosen.cssselect(".chip")]
    selected = one(chosen, 'ul.time-ranges a[data-value="undated"]')
    assert selected.get("aria-current") == "true"
    assert params_of(selected.get("href")) == [("q", "光伏"), ("category", "项目")]
    # A date typed into the form replaces "no date": the form does not carry it on.
    hidden = [i.get("name") for i in one(chosen, "form.date-form").cssselect("input[type=hidden]")]
    assert "undated" not in hidden
    dated = page(undated_client, "/search?q=光伏&undated=1&from=2024-01-01")
    assert len(dated.cssselect("li.hit time")) == 3
    # The API says it in its own way; an archive whose articles all have a date shows no link.
    api = undated_client.get("/api/search?undated=1&from=2024-01-01")
    assert (api.status_code, api.get_json()["error"]["param"]) == (400, "undated")
    assert undated_client.get("/api/search?undated=yes").status_code == 400
    assert not page(client, "/search?q=光伏").cssselect('a[data-value="undated"]')


def test_a_histogram_of_many_years_labels_every_few_bars(tmp_path: Path) -> None:
    # Fifteen years in a sidebar: each bar had its label, cut to "201"/"202" or ’1 at 1280 px.
    rows = [
        article(y, published=f"{y}-05-01", body=f"{y}年的光伏新闻。") for y in range(2012, 2027)
    ]
    root = build_index(tmp_path / "ix", write_jsonl(tmp_path / "a.jsonl", rows))
    doc = page(create_app({"INDEX_ROOT": root, "TESTING": True}).test_client(), "/search")
    labels = [text_of(e) for e in doc.cssselect(".facet-published .bar-label")]
    assert len(labels) == 15 and labels[-1] == "’26"
    assert [x for x in labels if x] == ["’14", "’17", "’20", "’23", "’26"]
    # (every bar still names its year on hover and to a screen reader)
    bars = doc.cssselect(".facet-published .bar-link")
    assert [b.get("title")[:5] for b in bars] == [f"{y}：" for y in range(2012, 2027)]


def _dot_segments(url: str) -> list[str]:
    """The path segments a browser drops or climbs (the URL standard: ``.``, ``..``, and their
    ``%2e`` spellings), which the server then never sees."""
    segments = urlsplit(url).path.split("/")
    return [s for s in segments if s.lower().replace("%2e", ".") in {".", ".."}]


def test_article_ids_with_dot_segments_get_links_a_browser_keeps(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    ids = ["2023/../archive/17", "./海鸥/1", "news/2024/.."]
    rows = [
        article(
            n, id=article_id, title=f"海鸥甲号编号测试{n}", body=f"海鸥甲 第{n}篇正文。", url=None
        )
        for n, article_id in enumerate(ids, 1)
    ]
    src = write_jsonl(tmp_path_factory.mktemp("dots-src") / "a.jsonl", rows)
    root = build_index(tmp_path_factory.mktemp("dots-index"), src)
    client = create_app({"INDEX_ROOT": root, "TESTING": True}).test_client()
    links = [a.get("href") for a in page(client, "/search?q=海鸥甲").cssselect("li.hit h2 a")]
    hits = client.get("/search.json?q=海鸥甲").get_json()["hits"]
    assert [h["article_url"] for h in hits] == links and len(links) == 3
    feed = lxml.etree.fromstring(client.get("/search.atom?q=海鸥甲").data)
    entries = [e.get("href") for e in feed.iterfind("{*}entry/{*}link")]
    assert len(entries) == 3
    for link in [*links, *entries]:
        assert not _dot_segments(link), link
        art = page(client, link)
        assert text_of(one(art, "article h1")).startswith("海鸥甲号编号测试"), link
        # The other articles it lists (related, grouped) link the same way.
        others = art.cssselect(".article-layout a[href^='/article/']")
        assert others, link
        for other in others:
            assert not _dot_segments(other.get("href")), other.get("href")
    opened = {text_of(one(page(client, link), "article h1")) for link in links}
    assert opened == {f"海鸥甲号编号测试{n}" for n in (1, 2, 3)}


def test_a_long_query_is_cut_between_words_on_the_pages(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """Cut at 256 characters, 口罩 became 口: the results and the article page marked 沌口."""
    rows = [
        article(1, title="沌口新区夜市开张", body="沌口和硚口的夜市今晚开张，游客众多。"),
        article(2, title="防护口罩产能提升", body="防护口罩日产量提升，援助物资陆续运抵。"),
    ]
    src = write_jsonl(tmp_path_factory.mktemp("cut-src") / "a.jsonl", rows)
    root = build_index(tmp_path_factory.mktemp("cut-index"), src)
    client = create_app({"INDEX_ROOT": root, "TESTING": True}).test_client()
    words = ["疫情", "武汉", "医疗", "物资", "援助", "口罩", "隔离", "病例", "确诊", "治愈"]
    q = " ".join(words * 10)
    doc = page(client, f"/search?{urlencode({'q': q})}")
    assert "查询过长" in text_of(one(doc, ".notice"))
    [link] = [a.get("href") for a in doc.cssselect("li.hit h2 a")]
    assert "口罩" in text_of(one(doc, "li.hit h2 a"))
    for path in (link, f"/article/t-1?{urlsplit(link).query}"):
        marked = [text_of(m) for m in page(client, path).cssselect("article mark")]
        assert "口" not in marked, path[:20]
    assert "口罩" in [text_of(m) for m in page(client, link).cssselect("article mark")]


def test_an_article_whose_id_holds_a_newline_opens_from_its_result(tmp_path: Path) -> None:
    """A page's id is its file's path, and a file name may hold a newline (a crawler that writes
    titles into names): its result link and ``/api/article/<id>`` answered 404."""
    folder = tmp_path / "s" / "政策"
    folder.mkdir(parents=True)
    (folder / "report\nfinal.txt").write_text(
        "零碳园区验收通过\n2025-06-07\n省内首个零碳园区通过验收，园区绿电占比超过九成。\n",
        encoding="utf-8",
    )
    root = build_index(tmp_path / "ix", tmp_path / "s")
    client = create_app({"INDEX_ROOT": root, "TESTING": True}).test_client()
    [link] = [a.get("href") for a in page(client, "/search?q=零碳").cssselect("li.hit h2 a")]
    assert link.startswith("/article/%E6%94%BF%E7%AD%96/report%0Afinal.txt?")
    assert text_of(one(page(client, link), "h1")) == "零碳园区验收通过"
    api = client.get("/api/article/%E6%94%BF%E7%AD%96/report%0Afinal.txt")
    assert api.status_code == 200 and api.get_json()["id"] == "政策/report\nfinal.txt"
    # (an id that is not there is still a clean 404, the newline and all)
    gone = client.get("/api/article/%E6%94%BF%E7%AD%96/report%0Agone.txt")
    assert gone.status_code == 404 and "Traceback" not in gone.get_data(as_text=True)
