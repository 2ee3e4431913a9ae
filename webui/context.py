"""One context dict per view, made of plain JSON values (Datasette style): the HTML template
renders it, and ``/search.json`` returns it as is, so what a page shows and what a script
can read never drift apart."""

from __future__ import annotations

import dataclasses
import datetime as dt
from itertools import pairwise
from urllib.parse import urlsplit

from flask import url_for
from markupsafe import escape

from xinwen.search import (
    Article,
    ArticleRef,
    Facet,
    Hit,
    QueryError,
    SearchBackend,
    SearchRequest,
    SearchResult,
)
from xinwen.search.folding import fold
from xinwen.webui import facets
from xinwen.webui.params import ParamError, SearchParams

SUGGESTIONS_WHEN_EMPTY = 6


def run_search(searcher: SearchBackend, params: SearchParams) -> SearchResult:
    """The searcher's answer; its ``QueryError`` becomes our ``ParamError``."""
    request = params.to_request()
    try:
        return searcher.search(request)
    except QueryError as exc:
        raise ParamError(exc.param, exc.message) from None


def date_label(day: dt.date | None) -> str:
    """2024年3月15日"""
    return f"{day.year}年{day.month}月{day.day}日" if day else ""


def safe_link(url: str | None) -> str | None:
    """The original article's URL if it is http(s); autoescaping does not stop a
    ``javascript:`` URL in an href, so anything else is not linked."""
    if not url:
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in {"http", "https"} else None


_DOT_SEGMENTS = frozenset({".", ".."})


def article_link(article_id: str, external: bool = False) -> str:
    """``/article/<id>`` as a browser will send it back. An id may be a path or a URL with a
    ``.`` or ``..`` segment (``2023/../archive/17``), which a browser (and curl) removes before
    sending, ``%2E%2E`` too (the URL standard takes it for ``..``): so the slash beside such a
    segment is sent as ``%2F`` (``2023%2F..%2Farchive/17``), one segment that is no dot
    segment, and the route, which reads the path decoded, gets the id back."""
    url = url_for("views.article", article_id=article_id, _external=external)
    # The route's own prefix, so that the id's part is what url_for quoted (a literal "%" in
    # the id is already "%25", a "." and a "/" are as they were).
    prefix = url_for("views.article", article_id="x", _external=external)[:-1]
    segments = url[len(prefix) :].split("/")
    if len(segments) == 1 and segments[0] in _DOT_SEGMENTS:  # curl keeps this; browsers not
        return prefix + segments[0].replace(".", "%2E")
    path = segments[0]
    for before, segment in pairwise(segments):
        dotted = before in _DOT_SEGMENTS or segment in _DOT_SEGMENTS
        path += ("%2F" if dotted else "/") + segment
    return prefix + path


def article_url(article_id: str, search: SearchParams | None = None) -> str:
    """The article page, carrying the search the reader came from (the search page's own
    parameters: query, filters, order, page): the article marks the query's words, and its
    back link returns to that very search page."""
    path = article_link(article_id)
    query = search.query_string() if search else ""
    return f"{path}?{query}" if query else path


def hit_context(hit: Hit, search: SearchParams | None = None) -> dict:
    return {
        "id": hit.id,
        "title": hit.title,
        "title_html": hit.title_html or str(escape(hit.title)),
        "snippet_html": hit.snippet_html,
        "article_url": article_url(hit.id, search),
        "url": safe_link(hit.url),
        "published": hit.published.isoformat() if hit.published else None,
        "published_label": date_label(hit.published),
        "category": hit.category,
        "source": hit.source,
        "similar": hit.similar,
        "similar_refs": [ref_context(r, search) for r in hit.similar_refs],
        "similar_more": hit.similar - len(hit.similar_refs),
    }


def ref_context(ref: ArticleRef, search: SearchParams | None = None) -> dict:
    """A link to another article: a near-duplicate of a hit, a member of an article's group."""
    return {
        "id": ref.id,
        "title": ref.title,
        "article_url": article_url(ref.id, search),
        "published": ref.published.isoformat() if ref.published else None,
        "published_label": date_label(ref.published),
        "source": ref.source,
    }


def export_links(params: SearchParams) -> dict[str, str]:
    """The search as CSV, JSON Lines and an Atom feed: the same parameters, another ending."""
    query = params.replace(page=1, size=None).query_string()
    links = {}
    for ending in ("csv", "jsonl", "atom"):
        path = url_for(f"exports.search_{ending}")
        links[ending] = f"{path}?{query}" if query else path
    return links


def range_text(params: SearchParams, shown: int) -> str:
    """Which results the page shows: 第 11–20 条 (nothing when it shows none)."""
    if not shown:
        return ""
    first = (params.page - 1) * params.page_size + 1
    return f"第 {first:,}–{first + shown - 1:,} 条"


def took_text(took_ms: float) -> str:
    return "<1" if took_ms < 1 else f"{took_ms:,.0f}"


def no_results_suggestions(
    searcher: SearchBackend, params: SearchParams, result: SearchResult
) -> list[dict]:
    """Other queries that do find something: each of the query's words alone, then
    completions of the query, each with its count (over the whole archive, no filters)."""
    if not params.q:
        return []
    words = [w for w in result.words if w != params.q] if len(result.words) > 1 else []
    candidates = dict.fromkeys([*words, *searcher.suggest(params.q, SUGGESTIONS_WHEN_EMPTY)])
    base = url_for("views.search")
    found = []
    for word in candidates:
        try:
            total = searcher.search(SearchRequest(q=word, page_size=1, facet_limit=0)).total
        except QueryError:
            continue
        if total:
            found.append({"q": word, "count": total, "url": facets.url(base, SearchParams(q=word))})
        if len(found) >= SUGGESTIONS_WHEN_EMPTY:
            break
    return found


def facet_with_more(name: str, facet: Facet, params: SearchParams, base: str) -> dict:
    """A facet group for the sidebar; when it shows only the commonest values, the URL of
    the page listing them all (更多)."""
    context = facets.facet_context(name, facet, params, base)
    if context["truncated"]:
        query = params.replace().query_string()
        more = url_for("views.facet", name=name)
        context["more_url"] = f"{more}?{query}" if query else more
        context["total_values"] = facet.total_values
    return context


def search_context(searcher: SearchBackend, params: SearchParams) -> dict:
    """Everything the search page shows: hits, facets with toggle URLs, chips, pages."""
    base = url_for("views.search")
    result = run_search(searcher, params)
    suggestions = no_results_suggestions(searcher, params, result) if not result.total else []
    linked = (
        params if result.searched_as is None else dataclasses.replace(params, q=result.searched_as)
    )
    return {
        "query": params.q,
        "params": {
            "q": params.q,
            "category": list(params.categories),
            "source": list(params.sources),
            "from": params.date_from.isoformat() if params.date_from else "",
            "to": params.date_to.isoformat() if params.date_to else "",
            "undated": params.undated,
            "sort": params.effective_sort.value,
            "page": params.page,
            "size": params.page_size,
        },
        # Hidden inputs of the search and date forms: what a new submission keeps.
        "keep": {
            "search": [(k, v) for k, v in params.pairs() if k not in {"q", "page"}],
            "dates": [
                (k, v)
                for k, v in params.pairs()
                if k not in {"from", "to", "undated", "within", "page"}
            ],
        },
        "browsing": not params.q,
        "total": result.total,
        "total_text": f"{result.total:,}",
        "groups": result.groups,
        "groups_text": f"{result.groups:,}",
        "took_ms": round(result.took_ms, 2),
        "took_text": took_text(result.took_ms),
        "notice": result.notice,
        # (exports and the feed keep every word: nothing to export or follow then)
        "any_word": result.any_word,
        "words": list(result.words),
        # (pinyin searched as Chinese: the articles open with the Chinese words marked)
        "hits": [hit_context(h, linked) for h in result.hits],
        "range_text": range_text(params, len(result.hits)),
        "exports": export_links(params),
        "facets": [
            facet_with_more(name, result.facets[name], params, base)
            for name in ("category", "source", "published")
            if name in result.facets
        ],
        "time_ranges": (ranges := facets.time_ranges(result.facets["recent"], params, base)),
        "custom_range": bool(params.date_from or params.date_to)
        and not any(r["selected"] for r in ranges),
        "dates_notice": ("起始日期晚于结束日期，已将两者对调。" if params.dates_swapped else None),
        "chips": facets.chips(params, base),
        "has_filters": params.has_filters,
        "clear_url": facets.clear_filters_url(params, base),
        "clear_dates_url": facets.url(base, params.replace(date_from=None, date_to=None)),
        "sort_options": facets.sort_options(params, base),
        "pagination": facets.pagination(params, result.groups, base),
        "suggestions": suggestions,
        "did_you_mean": (
            {
                "q": result.did_you_mean.query,
                "count": result.did_you_mean.total,
                "url": facets.url(base, params.replace(q=result.did_you_mean.query)),
            }
            if result.did_you_mean
            else None
        ),
    }


def facet_page_context(searcher: SearchBackend, params: SearchParams, name: str, text: str) -> dict:
    """One facet's every value under the search's other filters, narrowed to those that
    contain ``text`` (folded: 電力 finds 电力), each toggling it on the search page."""
    base = url_for("views.search")
    request = dataclasses.replace(params.to_request(), page=1, page_size=1, facet_limit=None)
    try:
        result = searcher.search(request)
    except QueryError as exc:
        raise ParamError(exc.param, exc.message) from None
    context = facets.facet_context(name, result.facets[name], params, base)
    every = len(context["results"])
    if text:
        key = fold(text)
        context["results"] = [r for r in context["results"] if key in fold(r["label"])]
    return {
        "query": params.q,
        "keep": [(k, v) for k, v in params.pairs() if k != "page"],
        "facet": context,
        "filter": text,
        "every": every,
        "back_url": facets.url(base, params.replace()),
    }


def article_context(article: Article, came_from: SearchParams) -> dict:
    """Everything the article page shows. ``came_from`` is the search the reader opened it
    from (empty for a bare article URL): the back link returns to exactly that page, and the
    links to related and grouped articles carry it on, so the way back is never lost."""
    search = url_for("views.search")
    body_html = article.body_html or "".join(
        f"<p>{escape(p)}</p>" for p in article.body.split("\n") if p.strip()
    )
    return {
        "query": came_from.q,
        "article": {
            "id": article.id,
            "title": article.title,
            "title_html": article.title_html or str(escape(article.title)),
            "body_html": body_html,
            "url": safe_link(article.url),
            "published": article.published.isoformat() if article.published else None,
            "published_label": date_label(article.published),
            "category": article.category,
            "category_url": (
                facets.url(search, SearchParams(categories=(article.category,)))
                if article.category
                else None
            ),
            "source": article.source,
            "source_url": (
                facets.url(search, SearchParams(sources=(article.source,)))
                if article.source
                else None
            ),
        },
        "related": [hit_context(h, came_from) for h in article.related],
        "group": [ref_context(r, came_from) for r in article.group],
        "group_size": article.group_size,
        "group_more": article.group_size - 1 - len(article.group),
        "back_url": facets.url(search, came_from) if came_from.pairs() else None,
    }
