"""One article per file: a saved news page (text or HTML), or THUCNews style (title line, body).

The pages of one source (a folder given to ``xinwen reindex``) share one learned template
(`index.template`): a sample of up to `TEMPLATE_SAMPLE` of its page files is read first, then
every file is extracted with it. Every file is accounted for: an empty file, a binary file and
a page without article text (a list, index or navigation page) are counted skips.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

from xinwen.index.errorpages import is_error_page, redirect_target
from xinwen.index.htmldates import htmldate_date
from xinwen.index.htmlmeta import EMPTY_DATE_META, WECHAT_CT_FROM, wechat_ct_is_dates
from xinwen.index.htmlpages import NotHtmlError, decode_html, is_html_name, parse_html
from xinwen.index.pagedates import name_date
from xinwen.index.pagerecords import Boilerplate, Dropped, Page, PageHints
from xinwen.index.pages import (
    extract_page,
    join_wrapped_title,
    looks_like_page,
    page_lines,
)
from xinwen.index.pagesources import header_issuer, site_by_logo
from xinwen.index.records import Origin, Record, Skip
from xinwen.index.sources.categories import choose_category, folder_category
from xinwen.index.sources.fields import build_record
from xinwen.index.sources.files import read_text
from xinwen.index.sources.saved import (
    is_script_page_name,
    looks_like_html,
    mirrored_url,
    saved_from_url,
)
from xinwen.index.sources.webarchives import archive_html, is_archive_name
from xinwen.index.template import SiteTemplate
from xinwen.index.textdumps import (
    chinese_labels,
    join_bare_labels,
    join_lone_field_labels,
    split_glued_size_bar,
    undump,
    unmark,
    unprint,
    unwrap,
)

# Page files read to learn a source's template (spread evenly over the source): chrome is on
# every page of a site, so a sample finds it while the memory stays bounded.
TEMPLATE_SAMPLE = 2000
# Page files read, at most, to find whether a source's pages state their dates (only where a
# page's date would come from its file name: the search ends at the first page that states one).
DATE_SAMPLE = 200
# Where a date comes from a page's name, not from what the page states.
ADDRESS_DATES = ("file name", "URL")
UNSTATED_ON_A_DATING_SITE = "none (its site's pages state their dates; not its file name's)"


@dataclass
class Explanation:
    """How a file became a record, for ``xinwen inspect``."""

    kind: str  # "html page", "text page", "plain text"
    title_from: str = "none"
    date_from: str = "none"
    category_from: str = "none"
    source_from: str = "none"
    dropped: tuple[Dropped, ...] = ()


Explain = Callable[[Record | Skip, Explanation], None]


def is_text_name(name: str) -> bool:
    """A file read as one text article (``.txt`` or no extension)."""
    lower = name.lower()
    return lower.endswith(".txt") or "." not in lower


def is_page_name(name: str) -> bool:
    return _is_markup_name(name) or is_text_name(name)


def _is_markup_name(name: str) -> bool:
    """An HTML page's file, also one saved as an archive or under a server script's name."""
    return is_html_name(name) or is_archive_name(name) or is_script_page_name(name)


@dataclass
class PageSource:
    """The page files of one source root, with the template learned from them."""

    root: str
    boilerplate: Boilerplate
    category_from: str = "auto"
    page_files: Sequence[str] = ()
    explain: Explain | None = None
    site: str | None = None  # the site's host folder in a mirror (www.example.cn/), if any
    _template: SiteTemplate | None = field(default=None, repr=False)
    _states_dates: bool | None = field(default=None, repr=False)
    _ct_is_dates: bool | None = field(default=None, repr=False)

    @property
    def template(self) -> SiteTemplate:
        if self._template is None:
            template = SiteTemplate()
            for lines, hints in self._sample_pages():
                template.add(lines)
                if hints is not None and hints.logo_name:
                    template.add_logo(hints.logo_name)
                if hints is not None and (name := site_by_logo(hints)):
                    template.add_name(name)
                elif hints is None and (issuer := header_issuer(lines)):
                    # (a folder of one organ's documents: the organ its heads name)
                    template.add_name(issuer)
            self._template = template
        return self._template

    def _sample_pages(self) -> Iterator[tuple[list[str], PageHints | None]]:
        for path in _spread(self.page_files, TEMPLATE_SAMPLE):
            try:
                lines, hints = _read_lines(path, main_text=False)[:2]
            except _Unusable:
                continue
            if lines:
                yield lines, hints

    def read(self, path: str, article_id: str) -> Iterator[Record | Skip]:
        """The record of one page file (or the Skip saying why there is none)."""
        origin = Origin(path, 0 if _is_markup_name(path) else 1)
        try:
            lines, hints, html, text = _read_lines(path, main_text=True)
            if hints is not None and hints.url is None and self.site is not None:
                hints.url = mirrored_url(path, self.site)  # (its address: where it was saved)
        except _NotAPage as exc:  # (a script's source: never a page xinwen could index)
            yield Skip(exc.reason, Origin(path, 0), exc.detail)
            return
        except _Unusable as exc:  # unreadable, undecodable, binary: none of it was read
            yield Skip(exc.reason, Origin(path, 0), exc.detail, incomplete=True)
            return
        if html is not None and (target := redirect_target(html, sum(map(len, lines)))):
            yield Skip("redirect page", Origin(path, 0), f"sends the reader to {target}")
            return
        if not lines:
            yield Skip("empty file", Origin(path, 0), "no text")
            return
        folder = folder_category(path, self.root)
        name = os.path.basename(path)
        if html is None and not looks_like_page(lines, self.boilerplate):
            yield from self._plain(text, article_id, origin, folder, name)
            return
        page = self._extract(lines, hints, html, name)
        if _states_date(page):
            self._states_dates = True
        elif page.date_from in ADDRESS_DATES and self.states_dates:
            # A careful reader dates a page by what it states: where the site's pages state
            # their dates, one that states none is undated, whatever its CMS named the file.
            page = _with_date(page, None, UNSTATED_ON_A_DATING_SITE)
        if page.date_from == WECHAT_CT_FROM and not self.ct_is_dates:
            page = _with_date(page, None, "none (its site's WeChat ct is the template's)")
        titles = [page.title, *(hints.title_parts if hints is not None else ())]
        if is_error_page(titles, page.body):
            skip = Skip("error page", Origin(path, 0), f"a server's error page: {page.title}")
            self._explain(skip, page, "html page" if html is not None else "text page", "none")
            yield skip
            return
        if not page.has_text:
            # (a members' wall in place of the text, its prompts all dropped as the paywall's:
            # named so, as a list page is, for the reader of the summary)
            walled = any(d.rule == "paywall" for d in page.dropped)
            what = "a members' login wall" if walled else "a list or navigation page"
            skip = Skip(
                "no article text",
                Origin(path, 0),
                f"{what}: {len(lines)} lines, none of them article text",
            )
            self._explain(skip, page, "html page" if html is not None else "text page", "none")
            yield skip
            return
        category, why = choose_category(folder, page.breadcrumb, self.category_from)
        page = _without_section_label(page, (category, folder, page.breadcrumb))
        values: dict[str, object] = {
            "id": article_id,
            "title": page.title,
            "body": page.body,
            "published": page.published,
            "source": page.source,
            "url": page.url,
            "category": category,
        }
        item = build_record(values, origin)
        self._explain(item, page, "html page" if html is not None else "text page", why)
        yield item

    def _extract(
        self, lines: list[str], hints: PageHints | None, html: str | None, name: str
    ) -> Page:
        """The page read with the site's template, its date from the markup, a byline or (on
        HTML) htmldate, else from its file name or address."""
        page = extract_page(
            lines, self.boilerplate, template=self.template, hints=hints, file_name=name
        )
        # htmldate only where neither the markup nor a byline gave a date: its fast search
        # reads markup and URLs, never the text's years.
        undated = html is not None and page.date_from in ("none", *ADDRESS_DATES)
        if undated and hints is not None and hints.date_from == EMPTY_DATE_META:
            # (the page's own date field is empty: undated, whatever its file name says)
            return dataclasses.replace(page, published=None, date_from=EMPTY_DATE_META)
        if undated and (found := htmldate_date(html)):  # type: ignore[arg-type]
            # (htmldate reads addresses too: the date of a WordPress address, /2024/04/19/x/,
            # or of any address named by its date, /20240516/, t20240516_1.html, is the
            # address's, which a site whose pages state their dates does not go by; but
            # where the file was saved under a name of the same date, as earlier rounds
            # decided, the two agreeing keep it)
            by_address = found in _address_dates(page.url) and found != name_date(name)
            where = "URL" if by_address else "meta (htmldate, no extensive search)"
            page = _with_date(page, found, where)
        return page

    @property
    def states_dates(self) -> bool:
        """Whether a page of this source states its date (markup, byline): then a file name's
        or an address's date is no page's. A folder of notes named by date
        (``2023-05-12 风电招标.txt``) whose pages state none is dated by its names."""
        if self._states_dates is None:
            self._states_dates = any(_states_date(page) for page in self._sample_extracts())
        return self._states_dates

    @property
    def ct_is_dates(self) -> bool:
        """Whether this site's saved WeChat pages carry their own times (`wechat_ct_is_dates`,
        over a spread sample of its page files)."""
        if self._ct_is_dates is None:
            self._ct_is_dates = wechat_ct_is_dates(
                text for path in _spread(self.page_files, DATE_SAMPLE) if (text := _head(path))
            )
        return self._ct_is_dates

    def _sample_extracts(self) -> Iterator[Page]:
        """The pages of a spread sample of the source's files, read as `read` reads them (the
        first that states a date ends the search: most sites' first page does)."""
        for path in _spread(self.page_files, DATE_SAMPLE):
            try:
                lines, hints, html, _ = _read_lines(path, main_text=True)
            except _Unusable:
                continue
            if lines and (html is not None or looks_like_page(lines, self.boilerplate)):
                yield self._extract(lines, hints, html, os.path.basename(path))

    def _plain(
        self, text: str, article_id: str, origin: Origin, folder: str | None, name: str
    ) -> Iterator[Record | Skip]:
        """THUCNews style: the first line is the title, the rest the body; dated by its file
        name only (a user's notes, ``2023-05-12 风电招标.txt``) where no page of the source
        states a date."""
        title, _, body = text.replace("\r\n", "\n").replace("\r", "\n").strip().partition("\n")
        category, why = choose_category(folder, None, self.category_from)
        published = name_date(name)
        if published is not None and self.states_dates:
            published = None
        item = build_record(
            {
                "id": article_id,
                "title": title,
                "body": body,
                "published": published,
                "category": category,
            },
            origin,
        )
        if self.explain is not None:
            date_from = "file name" if published else "none"
            self.explain(item, Explanation("plain text", "first line", date_from, why, "none"))
        yield item

    def _explain(self, item: Record | Skip, page: Page, kind: str, category_from: str) -> None:
        if self.explain is not None:
            self.explain(
                item,
                Explanation(
                    kind=kind,
                    title_from=page.title_from,
                    date_from=page.date_from,
                    category_from=category_from,
                    source_from=page.source_from,
                    dropped=page.dropped,
                ),
            )


_LATIN_NAME = re.compile(r"\s+[A-Za-z][A-Za-z &'.-]*$")


def _without_section_label(page: Page, sections: tuple[str | None, ...]) -> Page:
    """The page without a first line that only names its section (公司动态 Company News, in
    a news page's meta line): the category's label, not the article's text."""
    first, _, rest = page.body.partition("\n")
    label = _LATIN_NAME.sub("", first.strip())
    if not rest.strip() or label not in {s for s in sections if s}:
        return page
    dropped = (*page.dropped, Dropped(first, "section label (the page's category)"))
    return dataclasses.replace(page, body=rest, dropped=dropped)


# A date as an address's folders (/2024/04/19/, /2024/4/19/): a blog's permalink.
_PATH_DATE = re.compile(r"/(\d{4})/(\d{1,2})/(\d{1,2})/")


def _path_date(url: str | None) -> dt.date | None:
    match = _PATH_DATE.search(url or "")
    if not match:
        return None
    try:
        return dt.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def _address_dates(url: str | None) -> set[dt.date]:
    """The dates an address is named by: a permalink's folders (/2024/4/19/) or a date in
    its path or file name (/20240516/, /2024-05-16/, t20240516_1.html)."""
    return {d for d in (_path_date(url), name_date(url or "")) if d is not None}


def _spread(files: Sequence[str], n: int) -> list[str]:
    """At most ``n`` of ``files``, spread evenly over them."""
    return list(files)[:: max(1, len(files) // n)][:n]


def _head(path: str) -> str:
    """A page file's first megabyte as text for a quick look at its markup ("" if unreadable)."""
    try:
        with open(path, "rb") as handle:
            return handle.read(1 << 20).decode("utf-8", "replace")
    except OSError:
        return ""


def _with_date(page: Page, date: dt.date | None, date_from: str) -> Page:
    return dataclasses.replace(page, published=date, date_from=date_from)


def _states_date(page: Page) -> bool:
    """The page states its date (its markup, a byline, a date line), not only its name."""
    return page.has_text and page.published is not None and page.date_from not in ADDRESS_DATES


class _Unusable(Exception):
    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(reason)
        self.reason = reason
        self.detail = detail


class _NotAPage(_Unusable):
    """A file named like a page that holds none (a server script's source)."""


def _read_lines(
    path: str, *, main_text: bool
) -> tuple[list[str], PageHints | None, str | None, str]:
    """(lines, hints, html or None, text) of a page file; raises _Unusable."""
    if _is_markup_name(path):
        try:
            with open(path, "rb") as handle:
                data = handle.read()
        except OSError as exc:
            raise _Unusable("unreadable file", exc.strerror or str(exc)) from None
        script = not is_html_name(path) and not is_archive_name(path)
        if script and not looks_like_html(data):
            raise _NotAPage("unsupported file type", "a server script's file, not a saved page")
        try:
            # (a page saved as one file with its resources, .mhtml or .webarchive: its page)
            url = None
            if is_archive_name(path):
                text, url = archive_html(data, path)
            else:
                text = decode_html(data)
            page = parse_html(text, main_text=main_text)
        except NotHtmlError as exc:
            raise _Unusable(exc.reason, exc.detail) from None
        if page.hints.url is None:
            # (no canonical link: the address the saving tool noted, if it did)
            page.hints.url = url or saved_from_url(text)
        return page.lines, page.hints, page.html, text
    decoded = read_text(path)
    if isinstance(decoded, Skip):
        raise _Unusable(decoded.reason, decoded.detail)
    text = unwrap(unprint(decoded))
    lines = join_bare_labels(unmark(undump(page_lines(text))))
    # (a bilingual label's English left out, a label alone joined to its value)
    lines = join_lone_field_labels(chinese_labels(lines))
    # (a meta line's font-size buttons run onto it: a tool bar of their own)
    lines = split_glued_size_bar(lines)
    return join_wrapped_title(lines), None, None, text
