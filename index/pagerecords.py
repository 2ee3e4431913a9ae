"""The records of a page's reading: the patterns file compiled, what an HTML page's markup says,
the article found, and the lines left out with their rules.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Boilerplate:
    """Compiled patterns: `remove` drops a line, `end` drops it and the rest; pages with a line
    matching a `date_from_text` pattern may take their date from the text."""

    remove: tuple[re.Pattern[str], ...]
    end: tuple[re.Pattern[str], ...]
    date_from_text: tuple[re.Pattern[str], ...] = ()


@dataclass(frozen=True, slots=True)
class Dropped:
    """A line left out of the article, and the rule that left it out."""

    line: str
    rule: str


@dataclass
class PageHints:
    """What an HTML page's markup says (`index.htmlpages`)."""

    headline: str | None = None
    alternatives: list[str] = field(default_factory=list)  # other headline candidates
    title_from: str = ""
    published: dt.date | None = None
    date_from: str = ""
    site_name: str | None = None
    stated_source: str | None = None  # <meta name="source"> and the like
    marked_source: str | None = None  # an unlabelled source element in the meta line
    logo_name: str | None = None  # the site's logo's alt text
    title_site: str | None = None  # the <title>'s part besides the headline (a site's name)
    title_parts: tuple[str, ...] = ()  # the <title>'s parts, headline included
    url: str | None = None
    main_text: str | None = None  # trafilatura's main text
    link_texts: frozenset[str] = frozenset()  # the texts of the page's links, whitespace removed
    decks: tuple[str, ...] = ()  # short blocks set apart right above the text's element
    authors: tuple[str, ...] = ()  # the people JSON-LD names as the article's authors
    ld_headline: str | None = None  # the headline JSON-LD names (the last candidate)


@dataclass(frozen=True, slots=True)
class Page:
    """The article extracted from a page (title and body still to be cleaned)."""

    title: str
    body: str
    published: dt.date | None
    source: str | None
    date_from: str = "none"
    source_from: str = "none"
    title_from: str = "none"
    breadcrumb: str | None = None  # the breadcrumb's last item, a category candidate
    url: str | None = None
    dropped: tuple[Dropped, ...] = ()
    has_text: bool = True  # False: a list or navigation page without article text
