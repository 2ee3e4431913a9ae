"""HTML pages: the search page (also the home page) and the article page."""

from __future__ import annotations

from flask import Blueprint, abort, current_app, jsonify, render_template, request
from flask.typing import ResponseReturnValue

from xinwen.search import SearchBackend
from xinwen.webui.context import article_context, facet_page_context, search_context
from xinwen.webui.params import SearchParams, article_search, facet_filter

bp = Blueprint("views", __name__)


def searcher() -> SearchBackend:
    """The app's one ``Searcher`` (opened lazily, shared by the worker's requests)."""
    return current_app.extensions["xinwen.searcher"]


@bp.get("/")
def index() -> ResponseReturnValue:
    """Home: the search box over the newest articles, every facet open for browsing."""
    return search()


@bp.get("/search")
def search() -> ResponseReturnValue:
    """Results for ``q`` with facets; without ``q``, the newest articles."""
    params = SearchParams.parse(request.args, swap_dates=True)
    return render_template("search.html", **search_context(searcher(), params))


@bp.get("/search.json")
def search_json() -> ResponseReturnValue:
    """The search page's context as JSON: what the page shows, facet toggle URLs included."""
    params = SearchParams.parse(request.args, swap_dates=True)
    return jsonify(search_context(searcher(), params))


@bp.get("/article/<id:article_id>")
def article(article_id: str) -> ResponseReturnValue:
    """One whole article; opened from a result, the query's words marked and a link back to
    that search page (the result link carries its parameters)."""
    came_from = article_search(request.args)
    found = searcher().article(article_id, came_from.q)
    if found is None:
        abort(404, description="没有这篇文章：它可能已在重建索引时被删除，或者链接有误。")
    return render_template("article.html", **article_context(found, came_from))


@bp.get("/facets/<name>")
def facet(name: str) -> ResponseReturnValue:
    """Every value of one facet (分类 or 来源) for the search, by count, with a filter box: where
    the search page's sidebar shows the top 20."""
    return render_template("facet.html", **_facet_context(name))


@bp.get("/facets/<name>.json")
def facet_json(name: str) -> ResponseReturnValue:
    """The facet page's context as JSON: every value with its count (the API's ``facets``
    list only the top 20; ``facet_totals`` says how many there are)."""
    return jsonify(_facet_context(name))


def _facet_context(name: str) -> dict:
    if name not in ("category", "source"):
        abort(404, description="没有这个筛选项。")
    params = SearchParams.parse(request.args, swap_dates=True)
    return facet_page_context(searcher(), params, name, facet_filter(request.args))
