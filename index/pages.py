"""Scraped article pages: strip site boilerplate, find the headline and the date.

A page is plain text saved from a news site: a site header and navigation bar, the headline,
the article, then a footer (copyright line, related articles). The boilerplate is described
by regular expressions in a patterns file (default: ``index/boilerplate.txt``, whose comments
explain the format), so that another site is a matter of configuration.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass
from pathlib import Path

from index.cleaning import clean_title, find_date_in_text

DEFAULT_BOILERPLATE_FILE = Path(__file__).with_name("boilerplate.txt")

# A plain (non-end) pattern marks a file as a scraped page only within its first lines: a
# navigation-like line deep inside a THUCNews article must not turn it into a "page".
HEADER_LINES = 5
# How far down the page a headline repeated in the footer is looked for.
HEADLINE_SEARCH_LINES = 10

_END_PREFIX = "end:"
_LINE_BREAKS = re.compile(r"\r\n?|\n")
# Lines that are never the headline: navigation, breadcrumbs, bylines, bare dates.
_NOT_HEADLINE = re.compile(
    r".*[|｜»]|.*\s>\s|首页"
    r"|(?:来源|作者|发布时间|发布日期|时间|日期|编辑|责任编辑|记者|浏览|阅读|点击)\s*[:：]"
    r"|[\d\s:：/.\-年月日号时分秒星期周一二三四五六日天]+$"
)
_MIN_HEADLINE_CHARS = 4


@dataclass(frozen=True, slots=True)
class Boilerplate:
    """Compiled boilerplate patterns: `remove` drops a line, `end` drops it and the rest."""

    remove: tuple[re.Pattern[str], ...]
    end: tuple[re.Pattern[str], ...]


@dataclass(frozen=True, slots=True)
class Page:
    """The article extracted from a scraped page (title and body still to be cleaned)."""

    title: str
    body: str
    published: dt.date | None
    source: str | None


def parse_boilerplate(text: str, *, origin: str = "<patterns>") -> Boilerplate:
    """Compile a patterns file's text; raises ValueError naming the line of a bad pattern."""
    remove: list[re.Pattern[str]] = []
    end: list[re.Pattern[str]] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        target = remove
        if line.startswith(_END_PREFIX):
            target, line = end, line[len(_END_PREFIX) :].strip()
        try:
            target.append(re.compile(line))
        except re.error as exc:
            raise ValueError(f"{origin}:{number}: bad pattern {line!r}: {exc}") from None
    return Boilerplate(tuple(remove), tuple(end))


def load_boilerplate(path: str | os.PathLike[str] | None = None) -> Boilerplate:
    """Read a patterns file (default `DEFAULT_BOILERPLATE_FILE`)."""
    path = Path(path) if path is not None else DEFAULT_BOILERPLATE_FILE
    return parse_boilerplate(path.read_text(encoding="utf-8-sig"), origin=str(path))


def extract_page(text: str, boilerplate: Boilerplate) -> Page | None:
    """Extract the article from a scraped page, or None if `text` does not look like one.

    The headline is the line that the footer repeats (``未经允许不得转载:站名 » 标题``), else the
    first line of at least 4 characters that is not navigation, a byline or a bare date.
    Lines before the headline are dropped. The date is the first one found in the remaining
    text (`find_date_in_text`); the site's name in the footer becomes the source.
    """
    kept: list[str] = []
    hints: dict[str, str] = {}
    is_page = False
    seen = 0
    for raw in _LINE_BREAKS.split(text):
        line = raw.strip()
        if not line:
            continue
        seen += 1
        if match := _search_any(boilerplate.end, line):
            _collect_hints(match, hints)
            is_page = True
            break
        if match := _search_any(boilerplate.remove, line):
            _collect_hints(match, hints)
            is_page = is_page or seen <= HEADER_LINES
            continue
        kept.append(line)
    if not is_page:
        return None

    title_hint = hints.get("title", "")
    index = _find_headline(kept, clean_title(title_hint))
    if index is not None:
        title, body_lines = kept[index], kept[index + 1 :]
    else:
        title, body_lines = title_hint, kept
    return Page(
        title=title,
        body="\n".join(body_lines),
        published=find_date_in_text("\n".join(kept)),
        source=hints.get("source") or None,
    )


def _search_any(patterns: tuple[re.Pattern[str], ...], line: str) -> re.Match[str] | None:
    for pattern in patterns:
        if match := pattern.search(line):
            return match
    return None


def _collect_hints(match: re.Match[str], hints: dict[str, str]) -> None:
    for name in ("title", "source"):
        value = match.groupdict().get(name)
        if value and value.strip() and name not in hints:
            hints[name] = value.strip()


def _find_headline(lines: list[str], hint: str) -> int | None:
    """Index of the headline in `lines`; with a footer `hint`, only a line matching it."""
    if hint:
        for index, line in enumerate(lines[:HEADLINE_SEARCH_LINES]):
            candidate = clean_title(line)
            # A footer may cut a long headline short, or a page may shorten it.
            similar = candidate.startswith(hint) or hint.startswith(candidate)
            if similar and len(candidate) >= _MIN_HEADLINE_CHARS:
                return index
        return None
    for index, line in enumerate(lines):
        if len(line) >= _MIN_HEADLINE_CHARS and not _NOT_HEADLINE.match(line):
            return index
    return None
