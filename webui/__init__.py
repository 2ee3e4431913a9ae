"""xinwen's web UI and JSON API: a Flask app factory (the Flask tutorial's layout).

``create_app()`` builds the app over an index root; ``webui.server.serve`` runs it.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import unquote_to_bytes

from flask import Flask, Response, jsonify, render_template, request, url_for
from flask.typing import ResponseReturnValue
from werkzeug.datastructures import ImmutableDict
from werkzeug.exceptions import HTTPException, InternalServerError, RequestURITooLarge
from werkzeug.routing import PathConverter

from xinwen.index.settings import index_root, synonyms
from xinwen.search import IndexUnavailableError, open_backend
from xinwen.search.models import MAX_EXPORT_ROWS
from xinwen.search.synonyms import load_synonyms
from xinwen.webui.health import (
    PROBLEMS_KEY,
    RETRY_AFTER,
    UNAVAILABLE_CODE,
    UNAVAILABLE_MESSAGE,
    IndexProblems,
    index_problems,
)
from xinwen.webui.params import ParamError, clean_text

log = logging.getLogger(__name__)

STATIC_MAX_AGE = 365 * 24 * 3600  # versioned URLs change whenever a file does
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    # Search words travel in our URLs: no Referer for the original sites we link to.
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
}
STATUS_TITLES = {
    400: "请求参数有误",
    404: "找不到页面",
    405: "不支持的请求方法",
    413: "请求内容过大",
    414: "网址过长",
    431: "请求头过大",
    500: "服务器内部错误",
    503: "搜索暂不可用",
}
STATUS_MESSAGES = {
    400: "请求无法理解，请检查网址。",
    404: "没有这个页面，请检查网址，或者从首页重新搜索。",
    405: "这个地址只接受 GET 请求。",
    413: "请求内容过大。",
    414: "网址过长，请缩短搜索词。",
    431: "请求头过大。",
    503: UNAVAILABLE_MESSAGE,
}
# The API's stable, machine-readable ``error.code`` for each status it answers with.
ERROR_CODES = {
    400: "invalid_parameter",
    404: "not_found",
    405: "method_not_allowed",
    414: "uri_too_long",
    500: "internal_error",
    503: UNAVAILABLE_CODE,
}


# Views that read the index (a success there means it is usable again).
INDEX_ENDPOINTS = frozenset(
    {"views.index", "views.search", "views.search_json", "views.article"}
    | {"views.facet", "views.facet_json"}
    | {"api.search", "api.suggest", "api.article"}
)


class XinwenFlask(Flask):
    """Flask without its automatic OPTIONS answers: every route, static files included, answers
    GET (and HEAD) only, anything else a 405 with ``Allow: GET, HEAD``. No CORS here (the pages
    call the API from their own origin), so an OPTIONS preflight has nothing to allow."""

    default_config = ImmutableDict({**Flask.default_config, "PROVIDE_AUTOMATIC_OPTIONS": False})


class ArticleIdConverter(PathConverter):
    """An article id in a URL (``/article/<id:article_id>``): Werkzeug's ``path`` with any
    character after the first, a newline too. A page's id is its file's path, and a file name
    may hold a newline (a crawler that writes titles into names): ``path``'s ``.`` stops at one,
    and the result's link and ``/api/article/<id>`` answered 404 for an article the search
    showed. (Its first character is no ``/`` still, as in ``path``.)"""

    regex = r"[^/][\s\S]*?"


def static_version(folder: Path) -> str:
    """A digest of every static file: the ``?v=`` that lets browsers cache them for a year."""
    digest = hashlib.blake2b(digest_size=5)
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(path.relative_to(folder).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def create_app(test_config: Mapping[str, Any] | None = None) -> Flask:
    """The app over ``INDEX_ROOT`` (default: ``$XINWEN_INDEX``, else ``var/``).

    ``test_config`` overrides the config; a ``SEARCHER`` key supplies a ready ``Searcher``;
    ``SYNONYMS`` names the synonyms file (default: ``$XINWEN_SYNONYMS``, else the shipped one).
    """
    app = XinwenFlask(__name__)
    # Article ids may be URLs ("https://…"): keep their double slashes, don't redirect.
    app.url_map.merge_slashes = False
    app.url_map.converters["id"] = ArticleIdConverter
    app.config.from_mapping(
        INDEX_ROOT=None,
        SEARCHER=None,
        SYNONYMS=None,
        # No MAX_CONTENT_LENGTH: no route reads a request body (only GETs are answered), so
        # a cap would guard nothing; a body cannot keep a worker waiting (test_web_security).
        # Bytes. Room for a 700-character query (cut to its first 256 with a notice) beside
        # every filter a page can set; under the request line gunicorn reads (webui.server).
        MAX_QUERY_STRING=32 * 1024,
        EXPORT_ROWS=MAX_EXPORT_ROWS,  # rows of /search.csv and /search.jsonl at most
        SEND_FILE_MAX_AGE_DEFAULT=STATIC_MAX_AGE,
    )
    if test_config:
        app.config.from_mapping(test_config)
    app.config["INDEX_ROOT"] = Path(app.config["INDEX_ROOT"] or index_root())
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
    app.json.ensure_ascii = False  # type: ignore[attr-defined]  # readable Chinese in JSON
    app.json.sort_keys = False  # type: ignore[attr-defined]  # keep the documented order
    # Nothing is opened here: the searcher opens the index on first use, in the process that
    # serves (each gunicorn worker), never in a master that forks them.
    # The backend (Whoosh over INDEX_ROOT, or a Typesense cluster) from the settings.
    app.extensions["xinwen.searcher"] = app.config["SEARCHER"] or open_backend(
        app.config["INDEX_ROOT"], synonyms=load_synonyms(synonyms(app.config["SYNONYMS"]))
    )
    app.extensions[PROBLEMS_KEY] = IndexProblems()
    version = static_version(Path(app.static_folder or "static"))
    app.config["STATIC_VERSION"] = version

    from xinwen.webui import api, caching, exports, views

    app.register_blueprint(views.bp)
    app.register_blueprint(api.bp)
    app.register_blueprint(exports.bp)

    @app.context_processor
    def static_url() -> dict:
        def static(filename: str) -> str:
            return url_for("static", filename=filename, v=version)

        return {"static_url": static}

    @app.before_request
    def limit_query_string() -> None:
        if len(request.query_string) > app.config["MAX_QUERY_STRING"]:
            raise RequestURITooLarge(
                f"查询字符串超过 {app.config['MAX_QUERY_STRING']:,} 字节，请缩短搜索词。"
            )
        if name := _undecodable_parameter(request.query_string):
            # (a URL cut inside a character, q=%E7%96%AB%E8%8B: Werkzeug keeps the broken
            # escapes as text, and 疫%E8%8B was searched, its "E8" and "8B" as words)
            raise ParamError(name, f"{name} 不是有效的 UTF-8 文字，网址可能被截断，请重新输入")

    @app.after_request
    def headers(response: Response) -> Response:
        problems = index_problems(app)
        if problems.cause and response.status_code < 400 and request.endpoint in INDEX_ENDPOINTS:
            # Served from the index again: say so, so that the next failure is logged anew.
            problems.resolved(app.extensions["xinwen.searcher"].health()["generation"])
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        if request.endpoint == "static":
            # Only a URL naming the current version may be cached for good.
            if request.args.get("v") == version:
                response.headers["Cache-Control"] = f"public, max-age={STATIC_MAX_AGE}, immutable"
            else:
                response.headers["Cache-Control"] = "public, max-age=300"
            response.expires = None  # Cache-Control says it all
        return response

    # After limit_query_string: a URL refused there is never validated.
    caching.install(app, getattr(app.extensions["xinwen.searcher"], "synonyms", None))
    _register_errors(app)
    return app


def _undecodable_parameter(query_string: bytes) -> str | None:
    """The name of the first parameter whose value, unescaped, is not UTF-8 (None if all are)."""
    for pair in query_string.split(b"&"):
        name, _, value = pair.partition(b"=")
        try:
            unquote_to_bytes(value.replace(b"+", b" ")).decode("utf-8")
        except UnicodeDecodeError:
            return clean_text(unquote_to_bytes(name).decode("utf-8", "replace"))[:40] or "q"
    return None


# Answer errors in JSON besides /api/…: by path, not endpoint, so that a 405 (routing found
# the path but not the method, so no endpoint) is JSON there too.
JSON_ERROR_PATHS = frozenset(
    {"/healthz", "/search.json", "/search.csv", "/search.jsonl", "/search.atom"}
)


def wants_json() -> bool:
    """API paths, the ``.json`` views and the exports answer errors in JSON; pages answer
    with a page."""
    path = request.path
    return (
        path.startswith("/api/")
        or path in JSON_ERROR_PATHS
        or (path.startswith("/facets/") and path.endswith(".json"))
    )


def error_detail(status: int, message: str, param: str | None = None) -> dict:
    """The API's error object: a stable ``code``, the parameter to blame, a message."""
    return {"code": ERROR_CODES.get(status, "http_error"), "param": param, "message": message}


def error_response(status: int, message: str, param: str | None = None) -> tuple[Any, int]:
    """``{"error": {"code", "param", "message"}}`` for the API, an error page for people."""
    if wants_json():
        return jsonify({"error": error_detail(status, message, param)}), status
    html = render_template(
        "error.html",
        status=status,
        title=STATUS_TITLES.get(status, "出错了"),
        message=message,
        param=param,
        # Keep the reader's query in the header's search box so they can fix and retry.
        query=clean_text(request.args.get("q", ""))[:256],
    )
    return html, status


def _register_errors(app: Flask) -> None:
    @app.errorhandler(ParamError)
    def bad_param(exc: ParamError) -> ResponseReturnValue:
        return error_response(400, exc.message, exc.param)

    @app.errorhandler(IndexUnavailableError)
    def unavailable(exc: IndexUnavailableError) -> ResponseReturnValue:
        # The cause (a path, Whoosh's own words) is for the server's log, not for clients.
        index_problems(app).report(exc.message)
        response = error_response(503, STATUS_MESSAGES[503])
        return response[0], 503, {"Retry-After": RETRY_AFTER}

    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException) -> ResponseReturnValue:
        if isinstance(exc, InternalServerError):
            return bug(exc)
        code = exc.code or 500
        # Our own descriptions are for users; Werkzeug's stock English ones are not.
        custom = exc.description if exc.description != type(exc).description else None
        message = custom or STATUS_MESSAGES.get(code) or exc.name
        response = exc.get_response()
        body, status = error_response(code, message)
        # Keep what the exception adds (Allow on 405), with our body.
        extra = {k: v for k, v in response.headers.items() if k in {"Allow"}}
        return body, status, extra

    @app.errorhandler(Exception)
    def bug(exc: BaseException) -> ResponseReturnValue:
        # A real bug: log it with the traceback, show the client nothing of it.
        original = getattr(exc, "original_exception", None) or exc
        log.error("unhandled error on %s", request.path, exc_info=original)
        return error_response(500, "服务器出了点问题，请稍后再试。")
