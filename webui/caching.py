"""HTTP validators: an ``ETag`` on every answer read from the index, and ``304 Not Modified``
before any search is run when the client already holds that answer.

A feed reader polls ``/search.atom`` every few minutes, a browser goes back to a results page,
a script pages through the API again: most of those ask what they already have. An answer is
the same while these are: the index generation serving (``SearchBackend.generation``, which
changes whenever a reindex switches), the request's URL, the day (quick ranges and
``within=7d`` count from today), the code, templates and static files serving it, and the
synonyms searched too. The ``ETag`` is a digest of them, so a match is answered from those
alone. ``Cache-Control: no-cache`` makes clients ask again each time (with the validator)
rather than show a stale answer after a reindex.

Only successful answers carry one; an error is never cached. A backend that cannot say its
generation (the index unavailable) gets no validator: the request runs and fails as usual.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from functools import cache
from pathlib import Path

from flask import Flask, Response, request

from xinwen.search import IndexUnavailableError
from xinwen.search.synonyms import Synonyms

# The views whose answers are made from the index and the URL alone.
VALIDATED_ENDPOINTS = frozenset(
    {"views.index", "views.search", "views.search_json", "views.article", "views.facet"}
    | {"api.search", "api.suggest", "api.article"}
    | {"exports.search_csv", "exports.search_jsonl", "exports.search_atom"}
)
_PACKAGES = ("index", "search", "webui")  # the code that makes an answer (the CLI does not)
_KEY = "xinwen.validator_base"


@cache
def code_version() -> str:
    """A digest of the code, templates and static files that make the answers: an upgrade
    without a reindex still changes every validator."""
    import xinwen.index
    import xinwen.search
    import xinwen.webui

    digest = hashlib.blake2b(digest_size=8)
    for package in (xinwen.index, xinwen.search, xinwen.webui):
        root = Path(package.__file__).parent
        for path in sorted(p for p in root.rglob("*") if p.is_file() and p.suffix != ".pyc"):
            digest.update(path.relative_to(root).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def synonyms_version(synonyms: Synonyms | None) -> str:
    """A digest of the synonyms the searcher expands queries with."""
    if not synonyms:
        return "none"
    text = repr(sorted(synonyms.alternatives.items()))
    return hashlib.blake2b(text.encode(), digest_size=8).hexdigest()


def install(app: Flask, synonyms: Synonyms | None) -> None:
    """Answer ``If-None-Match`` before the view runs; add ``ETag`` to what the view made."""
    app.extensions[_KEY] = f"{code_version()}|{synonyms_version(synonyms)}"

    def validator() -> str | None:
        try:
            generation = app.extensions["xinwen.searcher"].generation()
        except IndexUnavailableError:
            return None
        parts = (app.extensions[_KEY], generation, dt.date.today().isoformat(), request.full_path)
        digest = hashlib.blake2b("\n".join(parts).encode(), digest_size=12)
        return digest.hexdigest()

    @app.before_request
    def not_modified() -> Response | None:
        if request.endpoint not in VALIDATED_ENDPOINTS or request.method not in {"GET", "HEAD"}:
            return None
        tag = validator()
        request.environ[_KEY] = tag
        if tag is not None and tag in request.if_none_match:
            response = Response(status=304)
            response.set_etag(tag)
            response.headers["Cache-Control"] = "no-cache"
            return response
        return None

    @app.after_request
    def add_validator(response: Response) -> Response:
        tag = request.environ.get(_KEY)
        if tag is not None and response.status_code == 200:
            response.set_etag(tag)
            response.headers["Cache-Control"] = "no-cache"
        return response
