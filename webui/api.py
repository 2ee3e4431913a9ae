"""The JSON API: /api/search, /api/suggest, /api/article/<id>, /healthz, /api/openapi.json."""

from __future__ import annotations

from flask import Blueprint, abort, current_app, jsonify, request
from flask.typing import ResponseReturnValue

from xinwen.webui.context import run_search
from xinwen.webui.health import RETRY_AFTER, index_problems, public_health
from xinwen.webui.openapi import openapi_document
from xinwen.webui.params import SearchParams, article_query, suggest_params
from xinwen.webui.views import searcher

bp = Blueprint("api", __name__)


@bp.get("/api/search")
def search() -> ResponseReturnValue:
    """A page of results: exactly ``SearchResult.to_dict()``."""
    params = SearchParams.parse(request.args, blank_is_absent=False)
    return jsonify(run_search(searcher(), params).to_dict())


@bp.get("/api/suggest")
def suggest() -> ResponseReturnValue:
    """Completions of a prefix, for the search box."""
    prefix, size = suggest_params(request.args)
    return jsonify({"query": prefix, "suggestions": searcher().suggest(prefix, size)})


@bp.get("/api/article/<id:article_id>")
def article(article_id: str) -> ResponseReturnValue:
    """One article with its related articles; ``q`` marks the query's words in ``body_html``."""
    found = searcher().article(article_id, article_query(request.args))
    if found is None:
        abort(404, description=f"没有 id 为“{article_id}”的文章。")
    return jsonify(found.to_dict())


@bp.get("/healthz")
def healthz() -> ResponseReturnValue:
    """Whether an index is loaded: 200 with its document count and generation, else 503 with
    ``error.code`` ``index_unavailable`` (the reason goes to the server's log)."""
    document, status = public_health(searcher().health(), index_problems(current_app))
    headers = {"Retry-After": RETRY_AFTER} if status == 503 else {}
    return jsonify(document), status, headers


@bp.get("/api/openapi.json")
def openapi() -> ResponseReturnValue:
    """The OpenAPI 3.1 description of this API."""
    return jsonify(openapi_document())
