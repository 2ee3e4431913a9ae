"""A page's date: its markup's, else a byline's next to the headline, else its file name's;
never a date of the article's own sentences, of a sidebar's or related list's entries.
"""

from __future__ import annotations

import datetime as dt
import re

from xinwen.index.bylines import MAX_BYLINE_CHARS, Byline, parse_byline
from xinwen.index.cleaning import find_date_in_text, parse_date
from xinwen.index.furniture import EMPTY_DATE_FIELD, is_prose
from xinwen.index.linetext import simplified
from xinwen.index.pagelines import JudgedLines
from xinwen.index.pagerecords import PageHints

_FILE_DATE = re.compile(
    r"(?<!\d)((?:19|20)\d\d)[-_/.]?(0[1-9]|1[0-2])[-_/.]?(0[1-9]|[12]\d|3[01])(?!\d)"
)
# When a page was saved, not published: a date and a time of day in brackets that a saving
# tool adds to the file name (SingleFile's ``标题 (2025-11-15 21_15_35).html``).
_SAVE_STAMP = re.compile(
    r"[(（]\s*(?:19|20)\d\d[-_./]\d{1,2}[-_./]\d{1,2}[\sT_]+\d{1,2}[-_.:]\d\d(?:[-_.:]\d\d)?\s*[)）]"
)


# A span of days, 6月20日—22日, 6月20日至7月2日: when an event runs (an exhibition's box beside
# the text), not when a page was posted: an undated page stays so.
_DAY_SPAN = re.compile(r"\d{1,2}日\s*(?:—|–|-|~|～|至|到)\s*(?:\d{1,2}月)?\d{1,2}日")


def page_date(
    judged: JudgedLines,
    head: int | None,
    near: range,
    footer_at: int,
    hints: PageHints,
    file_name: str,
    url: str | None,
) -> tuple[dt.date | None, str]:
    if hints.published:
        return hints.published, hints.date_from or "meta"
    # (a date on a footer's, a related list's or a calendar's line is not the article's:
    # 版权所有 … 更新时间：X, 上一篇：Y 2023-04-01, 今天是：2023年12月6日)
    bylines = [
        None if judged.furniture[i] in _NOT_DATING or _market_quotes(judged.lines[i]) else b
        for i, b in enumerate(judged.bylines)
    ]
    # (nor a site's last update, 更新时间：X, 最后更新：X, in a footer under the text: the site's
    # date, not the page's; a page's own toolbar under its text, 分享到 … 更新时间：X 【打印】,
    # as some CMSs print their articles' only date, still dates it)
    bylines = [
        None if b and b.other_date and _site_update(judged, i, head) else b
        for i, b in enumerate(bylines)
    ]
    candidates = [
        i
        for i in near
        if i < footer_at and (b := bylines[i]) and b.date and not _in_dated_list(bylines, i, head)
    ]
    if candidates:
        i = min(
            candidates,
            key=lambda i: (
                bylines[i].other_date,  # type: ignore[union-attr]
                not bylines[i].labelled_date,  # type: ignore[union-attr]
                abs(i - (head or 0)),
            ),
        )
        return bylines[i].date, "byline"  # type: ignore[union-attr]
    # A labelled date (发布时间：…), or a date with a source, anywhere above the footer.
    # (not a labelled date that opens a span of days, 时间：2024年6月20日—22日: an event's)
    strong = [
        b
        for i, b in enumerate(bylines[: judged.limit])
        if b and b.strong and not _DAY_SPAN.search(judged.lines[i])
    ]
    if strong:  # (the publication's date before a 成文日期 or 更新时间)
        return min(strong, key=lambda b: b.other_date).date, "byline"
    if head is not None and "e-paper navigation" in judged.furniture[:head]:
        # A newspaper's e-paper page: the date in its header is the issue's, the article's.
        for byline in judged.bylines[:head]:
            if byline and byline.date:
                return byline.date, "byline (the e-paper's issue date)"
    if any(_empty_date_field(judged, i) for i in near):
        # (a notice whose 发布时间 is left empty: undated, whatever its file name says)
        return None, "none (the byline's date field is empty)"
    # (`index.sources.textfiles` keeps such a date only where no page of the site states one)
    for where, name in (("file name", file_name), ("URL", url or "")):
        if found := name_date(name):
            return found, where
    if judged.date_from_text:
        kept = [
            line
            for i, line in enumerate(judged.lines[: judged.limit])
            if judged.rules[i] is None or i == head
        ]
        if found := find_date_in_text("\n".join(kept)):
            return found, "text (patterns file: date-from-text)"
    return None, "none"


# A footer's words for the site or the page as a whole (本站内容…, 网站更新日期, 本页更新于).
_SITE_WORDS = re.compile(r"本站|本网|网站|站点|全站|本页")


def _site_update(judged: JudgedLines, i: int, head: int | None) -> bool:
    """Line `i`, a date labelled as an update (更新时间：X), is the site's footer: under the
    article's text (prose between the headline and it), and the same on the site's pages (the
    template knows the whole line, date and all) or naming the site or the page as a whole
    (本站…, 网站更新日期, 本页更新于). A page's own update time under its text (a CMS's
    点击次数：N 更新时间：X, its only date) varies from page to page and names neither."""
    if head is None or not any(is_prose(line) for line in judged.lines[head + 1 : i]):
        return False
    whole_line = (judged.rules[i] or "").startswith("template: on ")
    return whole_line or bool(_SITE_WORDS.search(judged.lines[i]))


def name_date(name: str) -> dt.date | None:
    """The date a file name or an address is named by (``t20230512_1.html``,
    ``2023-05-12 风电招标.txt``); not a saving tool's stamp of when it saved the page."""
    match = _FILE_DATE.search(_SAVE_STAMP.sub("", name))
    return parse_date(f"{match[1]}-{match[2]}-{match[3]}") if match else None


# A market ticker over a page of an exchange or a price site: a quote and its change run
# together with the other fields, no sentence (收盘价：78.60元/吨 +1.42% 成交量：… 数据日期：…).
_QUOTE = re.compile(
    r"(?:收盘价|开盘价|均价|最新价|成交价|结算价|收盘)\s*[:：]?\s*\d[\d.,]*\s*\S{0,6}?\s*"
    r"[+\-−]\d+(?:\.\d+)?%"
)


def _market_quotes(line: str) -> bool:
    """Line is a market ticker: its date is the quotes' (the day the page was saved), not the
    article's, whatever its label (数据日期, 更新时间)."""
    return not _SENTENCE_MARK.search(line) and bool(_QUOTE.search(line))


_SENTENCE_MARK = re.compile(r"[。，；！？]")


def _in_dated_list(bylines: list[Byline | None], i: int, head: int | None) -> bool:
    """Line `i`, above the headline, is one of a list of dated links (a sidebar's 最新文章,
    ``标题 2025-01-20`` a line each, ending right above the headline): its neighbour above the
    headline is dated too, on another day, and neither date is labelled as a byline's."""
    if head is None or i >= head or (b := bylines[i]) is None or b.strong:
        return False
    neighbours = [bylines[j] for j in (i - 1, i + 1) if 0 <= j < head]
    return any(n is not None and n.date and not n.strong and n.date != b.date for n in neighbours)


_NOT_DATING = frozenset(
    (
        "copyright",
        "ICP number",
        "footer links",
        "site credits",
        "related articles",
        "previous/next",
        "calendar",
    )
)


def _empty_date_field(judged: JudgedLines, i: int) -> bool:
    line = judged.lines[i] if i < len(judged.lines) else ""
    return len(line) <= MAX_BYLINE_CHARS and bool(EMPTY_DATE_FIELD.search(simplified(line)))


# A date of two numbers up to 12 and a year (03/07/2024): day-first in Hong Kong and Macau,
# month-first in an American template; unread alone (`cleaning._DAY_MONTH_YEAR`). Where the
# page's other dates of that shape are plainly day-first (25/04/2024 in its sidebar) and none
# plainly month-first, a page prints all its dates one way: the byline's is day-first too.
# Only a line that then reads as a dated byline is rewritten; the text keeps its
# dates as printed.
_NUMERIC_DATE = re.compile(r"(?<![\d/.-])(\d{1,2})([/.-])(\d{1,2})\2((?:19|20)\d\d)(?![\d/.-])")


def _page_order(lines: list[str]) -> str | None:
    """The order ("day" or "month") the page's plain dd/mm/yyyy dates all put first."""
    day = month = False
    for line in lines:
        for m in _NUMERIC_DATE.finditer(line):
            first, second = int(m[1]), int(m[3])
            day = day or (12 < first <= 31 and 1 <= second <= 12)
            month = month or (12 < second <= 31 and 1 <= first <= 12)
    return "day" if day and not month else "month" if month and not day else None


def _ambiguous_as(order: str, line: str) -> str:
    def year_first(m: re.Match[str]) -> str:
        first, second = int(m[1]), int(m[3])
        if not (1 <= first <= 12 and 1 <= second <= 12):
            return m[0]
        day, month = (first, second) if order == "day" else (second, first)
        return f"{m[4]}-{month:02d}-{day:02d}"

    return _NUMERIC_DATE.sub(year_first, line)


def dates_in_page_order(lines: list[str]) -> list[str]:
    """`lines` with a byline's ambiguous numeric date read in the order the page's other
    dates of that shape plainly use (see `_NUMERIC_DATE`)."""
    if not any(_NUMERIC_DATE.search(line) for line in lines):
        return lines
    order = _page_order(lines)
    if order is None:
        return lines
    out = list(lines)
    for i, line in enumerate(lines):
        if len(line) > MAX_BYLINE_CHARS or not _NUMERIC_DATE.search(line):
            continue
        before = parse_byline(line)
        if before is not None and before.date is not None:
            continue
        rewritten = _ambiguous_as(order, line)
        if rewritten != line and (after := parse_byline(rewritten)) and after.date is not None:
            out[i] = rewritten
    return out
