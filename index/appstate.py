"""The article a single-page app's saved state holds, for a page drawn by its scripts.

A site built on Next.js (``<script id="__NEXT_DATA__">``), or one that writes its store as
``window.__INITIAL_STATE__ = {…}``, saves the article it shows as JSON in the page. A page its
scripts draw in the browser (client-rendered) shows only a spinner without them: its headline
and text are in that JSON alone. `state_article` finds the article there (the object with a
headline and the longest text as HTML or paragraphs) so the page can be read as if drawn.

Written here: no maintained library reads an app's state generically (trafilatura and
htmldate read the markup); the JSON itself is read with the standard library.
"""

from __future__ import annotations

import html as html_text
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import lxml.html

# The states' scripts: Next.js's (an id, JSON), and a store assigned to a window property.
_STATE_IDS = frozenset(("__NEXT_DATA__", "__NUXT_DATA__"))
_ASSIGNED = re.compile(r"window\.__(?:INITIAL_STATE|PRELOADED_STATE|APOLLO_STATE)__\s*=\s*")
_TITLE_KEYS = ("title", "headline", "subject")
_TEXT_KEYS = ("content", "contentHtml", "content_html", "body", "bodyHtml", "html", "articleBody")
MIN_TEXT_CHARS = 50
MAX_DEPTH = 12
MAX_CANDIDATES = 5  # objects with a headline and text read as the article, longest first
MAX_STATE_CHARS = 5_000_000  # (a page's state larger than this is not read)


@dataclass(frozen=True)
class StateArticle:
    title: str
    html: str  # the article's text as HTML (paragraphs)
    text: str  # the same as plain text, to see whether the page shows it


def _states(root: lxml.html.HtmlElement) -> list[object]:
    found: list[object] = []
    for script in root.iter("script"):
        text = script.text or ""
        if not text or len(text) > MAX_STATE_CHARS:
            continue
        start = None
        if script.get("id") in _STATE_IDS:
            start = 0
        elif match := _ASSIGNED.search(text):
            start = match.end()
        if start is None:
            continue
        try:
            value, _ = json.JSONDecoder().raw_decode(text.strip() if start == 0 else text, start)
        except ValueError:
            continue
        found.append(value)
    return found


def _plain(html: str) -> str:
    try:
        return lxml.html.fragment_fromstring(html, create_parent="div").text_content()
    except (ValueError, lxml.etree.LxmlError):
        return ""


def _candidates(value: object, depth: int = 0) -> Iterator[tuple[str, str]]:
    if depth > MAX_DEPTH:
        return
    if isinstance(value, dict):
        title = next((value[k] for k in _TITLE_KEYS if isinstance(value.get(k), str)), None)
        body = next((value[k] for k in _TEXT_KEYS if isinstance(value.get(k), str)), None)
        if title and title.strip() and body:
            yield title.strip(), body
        for child in value.values():
            yield from _candidates(child, depth + 1)
    elif isinstance(value, list) and len(value) == 1:
        # (a list of several holds other articles: a list page's, a related list's)
        yield from _candidates(value[0], depth + 1)


def state_article(root: lxml.html.HtmlElement) -> StateArticle | None:
    """The article in the page's app state (the one with the longest text), or None."""
    best: StateArticle | None = None
    for state in _states(root):
        # (the longest texts first, a few: a list page's state holds many short items)
        found = sorted(_candidates(state), key=lambda item: len(item[1]), reverse=True)
        for title, body in found[:MAX_CANDIDATES]:
            if len(body) < MIN_TEXT_CHARS or (best is not None and len(body) <= len(best.text)):
                continue
            if "<" in body:
                html = body
            else:  # (text with line breaks: one paragraph a line)
                html = "".join(
                    f"<p>{html_text.escape(line.strip())}</p>"
                    for line in body.splitlines()
                    if line.strip()
                )
            text = " ".join(_plain(html).split())
            if len(text) >= MIN_TEXT_CHARS and (best is None or len(text) > len(best.text)):
                best = StateArticle(title, html, text)
    return best


def draw_state_article(root: lxml.html.HtmlElement, shows: Callable[[str], bool]) -> bool:
    """Draw the app state's article into the page (its headline as an ``<h1>``, its text) in
    place of what its ``<main>`` shows without scripts (a spinner), unless the page shows it
    or an article of its own (`shows(text)`); True when drawn."""
    article = state_article(root)
    if article is None or shows(article.text):
        return False
    try:
        drawn = lxml.html.fragment_fromstring(article.html, create_parent="article")
    except (ValueError, lxml.etree.LxmlError):
        return False
    heading = lxml.html.Element("h1")
    heading.text = article.title
    drawn.insert(0, heading)
    if source := state_source(root, article.title):
        # (the article's 来源 as the page would print it under the headline)
        line = lxml.html.Element("p")
        line.text = f"来源：{source}"
        drawn.insert(1, line)
    body = root.find("body")
    main = next(root.iter("main"), None)
    if main is not None:
        main.clear()
        main.append(drawn)
    else:
        app = next((el for el in root.iter() if el.get("id") in ("__next", "app", "root")), None)
        (app if app is not None else body if body is not None else root).append(drawn)
    return True


# The fields of an app's article naming where it comes from (its 来源: a paper, a department),
# as CMSs' APIs name them; not the author's, not the site's.
_SOURCE_KEYS = ("source", "sourceName", "source_name", "copyFrom", "copyfrom", "origin")
MAX_SOURCE_CHARS = 30


def _source_of(value: object, title: str, depth: int = 0) -> str | None:
    if depth > MAX_DEPTH:
        return None
    if isinstance(value, dict):
        named = next((value[k] for k in _TITLE_KEYS if isinstance(value.get(k), str)), None)
        if named is not None and named.strip() == title:
            for key in _SOURCE_KEYS:
                found = value.get(key)
                if not isinstance(found, str) or "/" in found:  # (a link is not a name)
                    continue
                if 0 < len(found.strip()) <= MAX_SOURCE_CHARS:
                    return found.strip()
            return None
        children = value.values()
    elif isinstance(value, list) and len(value) == 1:
        children = value
    else:
        return None
    return next(filter(None, (_source_of(c, title, depth + 1) for c in children)), None)


def state_source(root: lxml.html.HtmlElement, title: str) -> str | None:
    """The 来源 the app state's article with this headline names, or None: a page its scripts
    draw prints it in the article's meta line, which the state alone holds."""
    return next(filter(None, (_source_of(state, title) for state in _states(root))), None)
