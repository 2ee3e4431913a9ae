"""News pages (saved text or HTML): find the headline, the date, the source; drop site chrome.

A page is a list of lines (a text file's lines, or an HTML page's blocks, `index.htmlpages`).
Each line is judged, in order, by:

1. the patterns file (``index/boilerplate.txt`` or ``--boilerplate``; its comments explain the
   format): an optional addition for one site's own lines;
2. the site's template learned from the other pages of the same source (`index.template`);
3. built-in rules for Chinese news furniture (`index.furniture`).

The headline is found by its position and shape: a headline-shaped line (not a breadcrumb,
byline or date) near the top, preferred when the page's ``<title>``, ``<h1>`` or another line
(a footer ``未经允许不得转载：站名 » 标题``, a saved page title ``标题_政策_XX网``) repeats it, or
when a byline stands next to it. Lines before it are dropped; after it, the article runs until
a footer line (``上一篇``, ``分享到``, ``版权所有``, a related-articles heading …).

The date comes from the page's metadata (HTML), else a byline next to the headline
(``发布时间：…``, a bare ``2022/11/03``), else a date in the file name (not a saving tool's
``(2025-11-15 21_15_35)`` stamp; kept by `index.sources.textfiles` only where no page of the
site states a date); never from the
article's sentences (only pages that a ``date-from-text:`` pattern of the patterns file
matches may take one from their text). The source is the byline's ``来源：X`` (or another
label of a source; ``来源：本站``, ``本報訊`` name no one), else a news agency's mark opening the
text (``【共同社】``), else the site's name (patterns file, ``og:site_name`` or ``<title>``, the
name the markup of the site's other pages gives, the learned header, its reprint notice
``本文为X整理``, a copyright line, the logo's alt text).
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from xinwen.index.cleaning import (
    clean_title,
    find_date_in_text,
    fold_width,
    parse_date,
    roc_leading_date,
    western_dates,
    writes_roc_years,
)
from xinwen.index.furniture import (
    CRUMB_LABEL,
    EMPTY_DATE_FIELD,
    FOOTER_RULES,
    MAX_BYLINE_CHARS,
    NOT_A_SOURCE,
    WEB_ADDRESS,
    Byline,
    byline_name,
    byline_site_name,
    data_source_byline,
    document_issuer,
    header_name,
    headline_shaped,
    is_author_line,
    is_prose,
    kept_by,
    line_rule,
    looks_like_organ,
    looks_like_site_name,
    newspaper_name,
    owner_name,
    parse_byline,
    photo_credit_line,
    portal_owner,
    shared_document,
    simplified,
    site_name_in,
    split_title,
    url_in,
    wiki_space_owner,
)
from xinwen.index.template import LONG_LINE_CHARS, SiteTemplate

DEFAULT_BOILERPLATE_FILE = Path(__file__).with_name("boilerplate.txt")

# A plain (non-end) pattern marks a file as a scraped page only within its first lines: a
# navigation-like line deep inside a THUCNews article must not turn it into a "page".
HEADER_LINES = 5
# How far down the page a headline is looked for.
HEADLINE_SEARCH_LINES = 40
# How far (in lines) from the headline a byline is taken to be the article's.
BYLINE_WINDOW = 3

_END_PREFIX = "end:"
_DATE_TEXT_PREFIX = "date-from-text:"
_MIN_HEADLINE_CHARS = 4
_CJK_CHARS = re.compile(r"[\u3400-\u9fff]")
_SENTENCE_ENDS = ("。", "！", "？", "。”", "！”", "？”")
_FILE_DATE = re.compile(
    r"(?<!\d)((?:19|20)\d\d)[-_/.]?(0[1-9]|1[0-2])[-_/.]?(0[1-9]|[12]\d|3[01])(?!\d)"
)
# When a page was saved, not published: a date and a time of day in brackets that a saving
# tool adds to the file name (SingleFile's ``标题 (2025-11-15 21_15_35).html``).
_SAVE_STAMP = re.compile(
    r"[(（]\s*(?:19|20)\d\d[-_./]\d{1,2}[-_./]\d{1,2}[\sT_]+\d{1,2}[-_.:]\d\d(?:[-_.:]\d\d)?\s*[)）]"
)
_CRUMB_SPLIT = re.compile(r"\s*[>＞»›]\s*")
# (a line known to be a breadcrumb: 首页 / 新闻 / 详情 and 首页→新闻中心→公司新闻 too)
_CRUMB_ITEMS = re.compile(r"\s*[>＞»›→/]\s*")
_CRUMB_LABEL = re.compile(CRUMB_LABEL + r"\s*[:：]\s*")
_BARE_COUNT = re.compile(r"^(?!(?:19|20)\d\d$)\d{1,3}(?:,?\d{3})*$")
_ELLIPSIS_END = re.compile(r"\s*(?:\.{2,}|…+|。{3})\s*$")
# The last item of a breadcrumb that names the page itself (正文, 查看内容, 文章详情), no section.
_CRUMB_NOT_WORDS = (
    "正文 详情 内容 文章 首页 主页 列表 查看内容 文章详情 内容详情 新闻详情 信息详情 详细内容"
    " 正文内容 文章内容 阅读文章 浏览文章 查看文章 详细信息 网站首页"
)
_CRUMB_NOT_CATEGORY = frozenset(_CRUMB_NOT_WORDS.split())
# A company's full name (the operator of a site whose brand is another name).
_COMPANY = re.compile(r"(?:有限公司|有限责任公司|股份公司|集团公司)$")
_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
_COPYRIGHT_WORDS = re.compile(r"copyright|all\s+rights\s+reserved", re.IGNORECASE)
_LATIN_BRAND = re.compile(r"\s*[A-Za-z][A-Za-z0-9&' .-]*\s*")
_HOST_NAME = re.compile(WEB_ADDRESS, re.IGNORECASE)
_BRAND = re.compile(r"^[\u3400-\u9fff]{2,12}$")  # (a name, not a slogan: 南溪社, 南溪核能)
# A page's kind in its <title> instead of its headline (电报详情, 新闻详情页, 正文).
_PAGE_KIND = re.compile(r"^[\u3400-\u9fff]{0,4}(?:详情|详情页|正文|内容页|详细内容|详细信息)$")
_CRUMB_COLUMN = re.compile(r"^[\u3400-\u9fff]{2}(?:新闻|新聞|资讯|資訊)$")


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


def parse_boilerplate(text: str, *, origin: str = "<patterns>") -> Boilerplate:
    """Compile a patterns file's text; raises ValueError naming the line of a bad pattern."""
    remove: list[re.Pattern[str]] = []
    end: list[re.Pattern[str]] = []
    date_text: list[re.Pattern[str]] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        target = remove
        if line.startswith(_END_PREFIX):
            target, line = end, line[len(_END_PREFIX) :].strip()
        elif line.startswith(_DATE_TEXT_PREFIX):
            target, line = date_text, line[len(_DATE_TEXT_PREFIX) :].strip()
        try:
            target.append(re.compile(line))
        except re.error as exc:
            raise ValueError(f"{origin}:{number}: bad pattern {line!r}: {exc}") from None
    return Boilerplate(tuple(remove), tuple(end), tuple(date_text))


def load_boilerplate(path: str | os.PathLike[str] | None = None) -> Boilerplate:
    """Read a patterns file (default `DEFAULT_BOILERPLATE_FILE`)."""
    path = Path(path) if path is not None else DEFAULT_BOILERPLATE_FILE
    return parse_boilerplate(path.read_text(encoding="utf-8-sig"), origin=str(path))


def page_lines(text: str) -> list[str]:
    """A page's non-empty lines, stripped (any line-break convention)."""
    return [s for line in text.splitlines() if (s := " ".join(line.split()))]


# The kinds of government documents their titles end with (…关于X的通知, …的批复).
_DOCUMENT_KIND = re.compile(
    r"的(?:通知|批复|复函|函|意见|实施意见|决定|报告|请示|公告|通告|通报|规定|办法|方案|答复|决议|命令"
    r"|指导意见|工作方案|实施方案|实施细则)$"
)
_WRAPPED_TITLE_LINES = 12


def header_issuer(lines: list[str]) -> str | None:
    """The organ a document's head names (``X局文件``, ``X发〔2023〕12号``), in its first lines."""
    return next(filter(None, map(document_issuer, lines[:HEADER_LINES])), None)


def join_wrapped_title(lines: list[str]) -> list[str]:
    """A text page with its document title joined when a converted PDF wrapped it over two
    lines (``X局关于印发《X新型储能`` / ``项目管理实施细则》的通知``): a line with ``关于`` that
    does not end as a document's title, followed by a short one that does."""
    for i in range(min(len(lines) - 1, _WRAPPED_TITLE_LINES)):
        first, second = lines[i], lines[i + 1]
        if "关于" not in first or _DOCUMENT_KIND.search(first) or not _DOCUMENT_KIND.search(second):
            continue
        joined = first + second
        if headline_shaped(joined) and not is_prose(joined) and line_rule(joined) is None:
            return [*lines[:i], joined, *lines[i + 2 :]]
    return lines


@dataclass
class _Judged:
    lines: list[str]
    rules: list[str | None]
    furniture: list[str | None]  # the built-in rule a line matches (whatever else judged it)
    bylines: list[Byline | None]
    authors: list[bool]  # an author line (作者：X, 本报记者 X): marks a headline as a byline does
    limit: int  # lines from here on are cut by a patterns-file end: line
    hints: dict[str, str] = field(default_factory=dict)
    user_page: bool = False  # the patterns file recognised the page
    date_from_text: bool = False


def _judge(lines: list[str], boilerplate: Boilerplate, template: SiteTemplate | None) -> _Judged:
    n = len(lines)
    judged = _Judged(lines, [None] * n, [None] * n, [None] * n, [False] * n, n)
    begun = False  # a line of the article's text has been seen
    for i, line in enumerate(lines):
        if any(p.search(line) for p in boilerplate.date_from_text):
            judged.date_from_text = True
        if match := _search_any(boilerplate.end, line):
            _collect_hints(match, judged.hints)
            if begun:
                judged.user_page = True
                judged.limit = i
                break
            # An end: line above the article's text is a side column's heading (相关文章 over
            # a left column's links, printed before the article), not the page's footer: it
            # is removed and the page read on, as the built-in footer rules do.
            judged.user_page = judged.user_page or i < HEADER_LINES
            judged.rules[i] = "patterns file"
            continue
        if match := _search_any(boilerplate.remove, line):
            _collect_hints(match, judged.hints)
            judged.user_page = judged.user_page or i < HEADER_LINES
            judged.rules[i] = "patterns file"
            continue
        judged.furniture[i] = furniture = line_rule(line)
        judged.rules[i] = (template.rule(line) if template else None) or furniture
        judged.bylines[i] = parse_byline(line)
        judged.authors[i] = judged.bylines[i] is None and is_author_line(line)
        if judged.rules[i] is None and judged.bylines[i] is None:
            begun = begun or is_prose(line) or line.endswith(_SENTENCE_ENDS)
    if any(map(writes_roc_years, lines[: judged.limit])):
        # (a bare ROC date, 113-04-15　點閱次數：440, on a page that writes ROC years
        # elsewhere, 更新日期：113-04-17: the byline's date, 2024-04-15)
        for i, line in enumerate(lines[: judged.limit]):
            if (byline := judged.bylines[i]) is not None and byline.date is not None:
                continue
            roc = roc_leading_date(line)
            if roc is not None and (found := parse_byline(roc)) is not None and found.date:
                judged.bylines[i], judged.authors[i] = found, False
    for i in range(1, min(judged.limit, n)):
        # (资料来源：X on its own line beside the dated byline, 發布日期：113年4月15日 above
        # it: the byline's source field, as Taiwan's government sites print it)
        dated = [b for b in judged.bylines[i - 1 : i + 2 : 2] if b and b.date]
        if judged.bylines[i] is None and dated and (field := data_source_byline(lines[i])):
            judged.bylines[i] = field
            judged.authors[i] = False
    _data_source_over_text(judged, min(judged.limit, n))
    for i in range(1, min(judged.limit, n) - 1):
        judged.authors[i] = judged.authors[i] or _account_line(judged, i)
    sections = _menu_sections(judged)
    for i in range(1, min(judged.limit, n, HEADLINE_SEARCH_LINES)):
        judged.authors[i] = judged.authors[i] or _author_and_section(judged, i, sections)
    for k in range(2, min(judged.limit, n, HEADLINE_SEARCH_LINES)):
        if _FOLLOW_BUTTON.match(lines[k]):
            for j in _author_card(judged, k):
                judged.authors[j] = True
    return judged


def _menu_sections(judged: _Judged) -> set[str]:
    """The items of the page's menus (首页 时评 政策 技术 …), its sections' names."""
    return {
        item
        for i, line in enumerate(judged.lines[: judged.limit])
        # (a patterns file's rule may have taken the line first)
        if (judged.furniture[i] or line_rule(line)) == "navigation"
        for item in _MENU_ITEMS.split(line)
        if item and item != "首页"
    }


_MENU_ITEMS = re.compile(r"\s*[>＞»›→/|｜丨·•]\s*|\s+")
_NAME_PART = re.compile(r"^[^\s，。,.:：;；!！?？“”、（）()]{2,12}$")


def _author_and_section(judged: _Judged, i: int, sections: set[str]) -> bool:
    """Line `i` names the author and the page's section only, no date (a blog theme's meta
    line under the headline: 周衡  政策, 政策 · 周衡, the section one of the menu's items): an
    author line.
    A headline is longer and says something; its words are not a name and a section alone."""
    if judged.rules[i] or judged.bylines[i] or len(judged.lines[i]) > 20:
        return False
    parts = [p for p in _MENU_ITEMS.split(judged.lines[i]) if p]
    return (
        len(parts) == 2
        and sum(p in sections for p in parts) == 1
        and all(_NAME_PART.match(p) for p in parts)
    )


_FOLLOW_BUTTON = re.compile(r"^(?:\+\s*)?(?:关注|加关注|关注作者)$")
_CARD_LINE = re.compile(r"^[^\s，。,.:：;；!！?？“”]{2,16}$")


def _author_card(judged: _Judged, k: int) -> list[int]:
    """The lines of an author's card above its 关注 button (line `k`) under the headline (知乎,
    头条号: the name, then a badge): the byline's, not the text. The line above the button is
    the card's, and the one above that when it is a short name; each under a longer line (the
    headline), not the headline itself under a shorter one (the site's name)."""
    lines = judged.lines

    def card(j: int) -> bool:
        # (a template's line may be one: an author with several of the site's pages)
        rule = judged.rules[j] or "template"
        plain = rule.startswith("template") and judged.bylines[j] is None
        return plain and bool(_CARD_LINE.match(lines[j]))

    def under_headline(j: int) -> bool:  # (a longer headline-shaped line above it)
        return j >= 1 and len(lines[j - 1]) > len(lines[j]) and headline_shaped(lines[j - 1])

    if not card(k - 1):
        return []
    name = k - 2
    if card(name) and len(lines[name]) <= 8 and under_headline(name):
        return [name, k - 1]
    return [k - 1] if under_headline(k - 1) else []


_NAME_LINE = re.compile(
    r"^[^\s，。,.:：;；!！?？“”\"'《》]{2,12}(?:\s[^\s，。,.:：;；!！?？]{2,4})?$"
)


def _account_line(judged: _Judged, i: int) -> bool:
    """A news app's account line, copied with the article: a short name between the headline
    (or its subtitle) and the dated byline (``标题 / 能源观察周刊 / 2024-02-18 08:15 来源：X``).
    It marks the headline above it as an author line does, and is neither headline nor text."""
    lines, bylines, rules = judged.lines, judged.bylines, judged.rules
    line = lines[i]
    # (a template's line may be one: an account that wrote several of the site's pages)
    template = (rules[i] or "").startswith("template")
    if bylines[i] is not None or (rules[i] is not None and not template):
        return False
    if not _NAME_LINE.match(line):
        return False
    # (a date, a 来源, or both; 3小时前 来源：X has no date; a reader mode's reading time, under
    # the headline, the site's address and the author: 标题 / x.com / 王明 / 3-4 分钟)
    if bylines[i + 1] is None and judged.furniture[i + 1] != "reading time":
        return False
    j = i - 2 if judged.furniture[i - 1] in ("subtitle", "link") and i >= 2 else i - 1
    if j >= 1 and _crumb_end(judged, j):
        j -= 1  # (a forum topic's board under its headline, the breadcrumb's last item: 政策)
    above = lines[j]
    # (the headline may be a template's line, other pages listing it among their latest
    # posts, above a blog author's handle: laozhou; a short headline under a list's item is not
    # the list item's account line)
    listed = (rules[j] or "").startswith("template") and bool(_HANDLE.match(line))
    return (
        len(above) > len(line)
        and headline_shaped(above)
        and (rules[j] is None or listed)
        and not _is_site_header(above)
        and not _SHORT_CRUMB.match(above)
    )


# A breadcrumb of two or more short sections set apart by spaced separators (新闻与洞察 / 新闻稿):
# no headline, whatever short line stands under it.
_SHORT_CRUMB = re.compile(r"^[^\s/>＞»›→]{1,8}(?:\s+[/>＞»›→]\s+[^\s/>＞»›→]{1,8})+$")


_HANDLE = re.compile(r"^[A-Za-z][A-Za-z0-9_.-]{1,19}$")


def _crumb_end(judged: _Judged, j: int) -> bool:
    """Line `j` is a short label that ends a breadcrumb above it (首页 > 版块 > 新闻 > 政策)."""
    line = judged.lines[j]
    if len(line) > 8 or judged.bylines[j] is not None:
        return False
    return any(
        judged.furniture[k] == "breadcrumb" and _CRUMB_ITEMS.split(judged.lines[k])[-1] == line
        for k in range(j)
    )


def saved_title_headline(line: str, page: Sequence[str] = ()) -> str | None:
    """The headline of a page title saved or copied as a line (``标题 - X网``, ``标题_栏目_X网``):
    its first part, when its last part is a site's name — or, given the `page`'s lines, a
    name the page prints alone (``标题 | X研究院`` over ``X研究院``)."""
    parts = split_title(line)
    if len(parts) < 2 or not headline_shaped(parts[0]):
        return None
    last = parts[-1].strip()
    named = any(other.strip() == last for other in page)
    return parts[0] if looks_like_site_name(last) or named else None


def looks_like_page(lines: list[str], boilerplate: Boilerplate) -> bool:
    """Whether a text file is a saved news page rather than a plain article (THUCNews style:
    the first line is the title).

    A page: the patterns file recognises it (an ``end:`` line anywhere, another pattern in
    its first lines), or its first line is a saved page title (``标题 - X网``) or the site's
    name alone, or a byline stands in its first lines, or furniture rules match one of
    its first lines or two lines anywhere. Lines that merely repeat across files do not make
    a page: THUCNews titles and leads repeat too (国内联播快讯).
    """
    if lines and (saved_title_headline(lines[0]) or _site_name_alone(lines[0])):
        return True  # (a saved page title, 标题 - X网, or the site's name heads the page)
    if shared_document(lines):
        return True  # (a document shared from a platform: 企业微信 · 文档, 使用飞书打开)
    furniture = 0
    for i, line in enumerate(lines):
        if _search_any(boilerplate.end, line):
            return True
        if i < HEADER_LINES and _search_any(boilerplate.remove, line):
            return True
        if i < HEADER_LINES + 3 and parse_byline(line) is not None:
            return True
        if line_rule(line) is not None:
            furniture += 1
            if i < HEADER_LINES or furniture >= 2:
                return True
    return False


def extract_page(
    text_or_lines: str | list[str],
    boilerplate: Boilerplate,
    *,
    template: SiteTemplate | None = None,
    hints: PageHints | None = None,
    file_name: str = "",
) -> Page:
    """The article of a page, with what was dropped and why (see the module docstring)."""
    lines = page_lines(text_or_lines) if isinstance(text_or_lines, str) else text_or_lines
    hints = hints or PageHints()
    judged = _judge(lines, boilerplate, template)
    rules, bylines, limit = judged.rules, judged.bylines, judged.limit
    dropped: list[Dropped] = []

    footer_title = clean_title(judged.hints.get("title", ""))
    candidates = [h for h in (hints.headline, *hints.alternatives) if h]
    if candidates == [hints.headline] and hints.title_from.startswith("<title>"):
        # A <title> of the site's or the organ's name alone, as many government sites' pages
        # have, names no headline (the organ's signature under a document would match it).
        candidates = [] if _names_an_organ(candidates[0]) else candidates
    if candidates == [hints.headline] and hints.title_from.startswith("<title>"):
        # (nor does a <title> of the site's name and its section, 白溪水电站--公司新闻, whose name
        # the site's pages agree on: a list of latest items whose first starts with that
        # name, 白溪水电站3号机组…, is no headline cut short)
        names = (template.site_name, template.leading_name) if template is not None else ()
        candidates = [] if candidates[0] in (*names, hints.site_name) else candidates
    organ_named = hints.headline is not None and not candidates
    if candidates == [hints.headline] and _PAGE_KIND.match(candidates[0] or ""):
        # (a <title> naming the kind of page, 电报详情, 新闻详情 - X社: no headline either)
        candidates = []
    section_named = _title_names_its_section(judged, candidates, hints)
    if section_named:
        candidates = []
    if candidates and (named := _NAMED_PREFIX.match(candidates[0])):
        # (a journal's <title>, 《刊名》标题, its name glued before the headline: where the page
        # shows the headline without it, that line is the headline)
        candidates.append(named["rest"])
    title_hint = candidates[0] if candidates else footer_title
    head, matched = _find_headline(judged, candidates or [footer_title] if title_hint else [])
    title = lines[head] if head is not None and (matched or not title_hint) else title_hint
    if head is not None and not matched and _names_a_section(judged, title_hint):
        # (a <title> of the column and the site alone, 通知公告 - X局: the page's headline is
        # the line it shows as one)
        title = lines[head]
    two = lines[head] + lines[head + 1] if head is not None and head + 1 < len(lines) else ""
    if matched and title != title_hint and "".join(two.split()) == "".join(title_hint.split()):
        # (an <h1> of the headline and, after a <br>, its ——subtitle: the markup's headline
        # is the two lines together, as the page prints them in one element)
        title = title_hint
    title = _without_meta_tail(title, title_hint)
    title_from = hints.title_from if hints.headline else "footer" if title_hint else "position"
    if organ_named:
        title_from = "position (the <title> names the site)"
    if section_named:
        title_from = "position (the <title> names a section)"
    organ_title = head is not None and not matched and _names_an_organ(title_hint)
    if organ_title and _next_to_byline(judged, head, min(limit, HEADLINE_SEARCH_LINES)):
        # (a <title> of the site's or the organ's name alone, as many government sites' pages
        # have: the headline is the line the page shows above its byline)
        title, title_from = lines[head], "position (the <title> names the site)"
    if not title_hint and (crumb := _crumb_headline(judged)) is not None:
        head, title, title_from = crumb, _BOARD_TAG.sub("", lines[crumb]), "the breadcrumb's end"
    if head is None and not title_hint and (field_at := _title_field(judged)) is not None:
        # (a page copied as fields, 标题：X / 日期：Y / 来源：Z / 正文：, shows no headline apart)
        head, title, title_from = field_at, _title_value(lines[field_at]), "the page's 标题 field"
    shown = head is not None and not title_hint and title == lines[head]
    if shown and (saved := saved_title_headline(title, lines)) is not None:
        # (a copy whose first line is the browser tab's title, 标题 - X网, and which does not
        # show the headline again: the title's headline part)
        title, title_from = saved, "a saved page title's headline"
    lead = False  # the headline's line is the text's first (a brief's 【headline】text)
    if head is None and not title_hint and (flash := _bracketed_lead(judged)) is not None:
        title, title_from = _LEAD.match(lines[flash])["head"], "the text's bracketed lead"
        head, lead = flash, True
    if head is not None and not hints.headline and not lead:
        title_from = "confirmed by a repeat" if _repeated(lines, head) else title_from
        if title_hint:
            title_from = "confirmed by the patterns file's footer"
    near = range(max(0, (head or 0) - BYLINE_WINDOW), min(limit, (head or 0) + BYLINE_WINDOW + 2))
    if head is not None and (main_title := _subtitle_shown_apart(judged, head, title)):
        title = main_title

    body: list[str] = []
    footer_from: str | None = None
    footer_at = limit  # where the footer starts: a related list's dates are other articles'
    begun = False
    main = "".join(hints.main_text.split()) if len(hints.main_text or "") >= 50 else ""
    for i, line in enumerate(lines[:limit]):
        rule = rules[i]
        if rule and rule.startswith("template") and main and _repeated_paragraph(line, main):
            # A paragraph that every release carries (关于本公司…) is the release's, unless a
            # built-in rule says otherwise (a reposting disclaimer in the main text).
            rule = judged.furniture[i]
        elif rule and rule.startswith("template") and main and _own_field(judged, i, template):
            # A labelled field whose value varies from page to page (项目编号：X, 采购人：Y), in
            # the page's main text: the article's own field, not chrome (责任编辑：X is chrome
            # by a built-in rule, 供稿单位：X is an author line).
            rule = None if "".join(line.split()) in main else rule
        if head is not None and i == head and not lead:
            continue
        if head is not None and i < head:
            dropped.append(Dropped(line, rule or "before the headline"))
            continue
        if head is not None and i == head + 1 and _english_headline(judged, i):
            dropped.append(Dropped(line, "the headline in English"))
            continue
        if head is not None and i == head + 1 and _subtitle_under(judged, head):
            dropped.append(Dropped(line, "subtitle (between the headline and its byline)"))
            continue
        if footer_from:
            dropped.append(Dropped(line, f"footer (after {footer_from})"))
            continue
        if rule is not None:
            # A footer line ends the article, also when the template recognised it first.
            ends = rule if rule in FOOTER_RULES else judged.furniture[i]
            # (only once the article's prose has begun: a subtitle under the headline, then a
            # share bar, then the text is a common layout)
            # (nor by the byline's own line by the headline, whatever it carries: 信息来源：X
            # 发布时间：Y 扫一扫在手机打开)
            explainer = ends == "related articles" and _explainer_box(judged, i)
            if begun and ends in FOOTER_RULES and not (i in near and bylines[i] is not None):
                footer_from, footer_at = (None, footer_at) if explainer else (ends, i)
            dropped.append(Dropped(line, rule))
            begun = begun and not _byline_by_headline(bylines, i, near)
            continue
        if (b := bylines[i]) is not None and (i in near or head is None or b.strong):
            dropped.append(Dropped(line, "byline"))
            # (a standfirst above the byline is not the text's start: a share bar under the
            # byline does not end the article)
            begun = begun and i not in near
            continue
        if judged.authors[i] and (i in near or not body):
            dropped.append(Dropped(line, "byline (author)"))
            begun = begun and i not in near
            continue
        if line == title or (
            title and len(title) >= _MIN_HEADLINE_CHARS and _contains_title(line, title)
        ):
            dropped.append(Dropped(line, "repeats the headline"))
            continue
        body.append(line)
        begun = begun or is_prose(line) or line.endswith(_SENTENCE_ENDS)
    dropped += [Dropped(line, "patterns file: footer") for line in lines[limit:]]
    if hints.main_text and len(hints.main_text) >= 50:
        body = _keep_main_text(body, hints.main_text, dropped, hints.link_texts)
    body = _without_contents(body, dropped)

    while len(body) > 1 and (_SOURCE_CREDIT.match(body[-1]) or _labelled_source(body[-1])):
        # (a source credit under the text, 来源：X on a line of its own: the byline's field)
        dropped.append(Dropped(body.pop(), "byline (source under the text)"))
    if len(body) > 1 and _SOURCE_CREDIT.match(body[0]):
        # (or the text's first paragraph, a repost's credit above it: 来源：X公众号)
        dropped.append(Dropped(body.pop(0), "byline (source above the text)"))
    if _office_over_text(body):
        # (an office's name alone over the text, 品牌与公共关系部, under the headline: its author)
        dropped.append(Dropped(body.pop(0), "byline (the author's office)"))
    material = None
    if len(body) > 1 and (credit := _MATERIAL_CREDIT.match(body[-1])):
        # (a bracketed note of where the whole text's material came from, its last line:
        # （资料来源：X）, where the page states no 来源)
        material = credit["source"]
        dropped.append(Dropped(body.pop(), "byline (source under the text)"))
    if len(body) > 1 and _closing_credit(body[-1]):
        # (the reporter's credit in brackets closing the text: （本刊记者 X）)
        dropped.append(Dropped(body.pop(), "byline (the reporter's credit under the text)"))
    url = hints.url or _url_line(lines)
    published, date_from = _date(judged, head, near, footer_at, hints, file_name, url)
    if published is None and body:
        # A line that is only a date, first or last in the article: the page's dateline.
        for at in (0, len(body) - 1):
            if (found := _date_line(body[at])) is not None:
                published, date_from = found, "byline (a date line by the article)"
                dropped.append(Dropped(body.pop(at), "byline"))
                break
    elif len(body) > 1:
        # A timestamp under (or above) the text, a date and its time alone on a line (a CMS's
        # 2024-05-13 15:16:54): the page's own dateline, whatever its address says; never a
        # document's date of signing, which has no time.
        for at in (len(body) - 1, 0):
            if not _CLOCK.search(body[at]) or (found := _date_line(body[at])) is None:
                continue
            if found == published or date_from in ("file name", "URL"):
                published, date_from = found, "byline (a date line by the article)"
                dropped.append(Dropped(body.pop(at), "byline"))
                break
    source, source_from = _source(judged, near, hints, template, title)
    if material and source_from.startswith("site name") and material not in NOT_A_SOURCE:
        source, source_from = material, "byline 资料来源 (under the text)"
    # A line of the site's or the source's name alone (an AMP page's publisher line under the
    # headline) names the publisher; it is not the article's text.
    names = {clean_title(n) for n in (source, hints.site_name) if n}
    for line in [line for line in body if clean_title(line) in names]:
        body.remove(line)
        dropped.append(Dropped(line, "byline (the publisher's name)"))
    if body and source and _counted(body[0], source):
        # (the source's name and the readers counted, an app page's meta line without a date:
        # 驿充客服中心 2055阅读)
        dropped.append(Dropped(body.pop(0), "byline (the source and a view count)"))
    if len(body) > 1 and _BARE_COUNT.match(body[0]) and is_prose(body[1]):
        # (a number alone above the text, the view counter an eye icon labels: 2108; not a
        # year, which may head a chronicle's first part)
        dropped.append(Dropped(body.pop(0), "view count"))
    # A summary above the text that is its first sentences cut off (X…, a CMS's intro box
    # filled from the description): the text says it again in full.
    while len(body) > 1 and _cut_summary(body[0], body[1:]):
        dropped.append(Dropped(body.pop(0), "summary (the text's start, cut off)"))
    if (at := _set_apart_deck(body, hints.decks)) is not None:
        # (a summary box that the page sets apart above the text's element, unlabelled)
        dropped.append(Dropped(body.pop(at), "summary (a deck set apart above the text)"))
    if _editors_summary(body):
        # (a portal's 摘要：X box above a news article's text: the editor's one-line summary)
        dropped.append(Dropped(body.pop(0), "summary (an editor's 摘要 above the text)"))
    if _other_summary_label(body):
        # (the same box under another label a CMS prints for its intro field: 内容提要：X)
        dropped.append(Dropped(body.pop(0), "summary (an editor's 内容提要 above the text)"))
    if _summary_label_apart(body):
        # (the same box whose label stands on a line of its own: 摘要 / X, its label a chip)
        dropped.append(Dropped(body.pop(0), "summary (an editor's 摘要 above the text)"))
        dropped.append(Dropped(body.pop(0), "summary (an editor's 摘要 above the text)"))
    if _repeated_by_lead(body):
        # (a summary line above the text that the first paragraph says again word for word,
        # after its dateline: 6月8日，X…; the text loses none of its words without it)
        dropped.append(Dropped(body.pop(0), "summary (repeated in the first paragraph)"))
    if body and (tail := _EDITOR_TAIL.search(body[-1])) and tail.start() > 0:
        # (the editor's credit glued to the last paragraph, as a text copy joins them:
        # 请遵照执行。(责任编辑：X) — the text ends at its full stop)
        dropped.append(Dropped(tail[0].strip(), "editor (glued to the text's end)"))
        body[-1] = body[-1][: tail.start()].rstrip()
    if body and (cut := _reporter_dateline_end(body[0])):
        # (a Taiwan paper's reporter credit opening the text, 【記者 X／台北報導】: the byline)
        dropped.append(Dropped(body[0][:cut].strip(), "byline (the reporter's dateline)"))
        body[0] = body[0][cut:].lstrip()
    # The author's card beside or under the text repeats the name the byline gives (a
    # platform's account, 能源号·油气观察): a name, not the article's text.
    credits = [d.line for d in dropped if d.rule == "byline"]
    for line in [line for line in body if _named_in_byline(line, credits)]:
        body.remove(line)
        dropped.append(Dropped(line, "byline (the author's name again)"))
    breadcrumb = _breadcrumb(lines[:limit], rules, title)
    title = _without_column_tag(title, lines, breadcrumb)
    title = _without_tag_the_title_lacks(title, title_hint)
    return Page(
        title=title,
        body="\n".join(body),
        published=published,
        source=source,
        date_from=date_from,
        source_from=source_from,
        title_from=title_from if title else "none",
        breadcrumb=breadcrumb,
        url=url,
        dropped=tuple(dropped),
        has_text=any(is_prose(line) or line.endswith(_SENTENCE_ENDS) for line in body)
        or _short_item(body, title_from, date_from, hints),
    )


# The ways a headline is confirmed by the page's markup.
_MARKUP_TITLES = ("<h1> confirmed by <title>", "og:title")


# A bilingual site's headline in English, under the Chinese one: Latin words, no sentence.
_ENGLISH_TITLE = re.compile(r"^[A-Z0-9][\w'’&,:;?!()/%.-]*(?:\s+[\w'’&,:;?!()/%.-]+){2,}$")


def _english_headline(judged: _Judged, i: int) -> bool:
    """Line `i`, right under the headline and right above the byline, is the headline in
    English (a bilingual site's <h2>: 新厂区一期工程封顶 / Topping-out of Phase I …)."""
    line = judged.lines[i]
    above_byline = i + 1 < judged.limit and judged.bylines[i + 1] is not None
    return above_byline and not line.endswith(".") and bool(_ENGLISH_TITLE.match(line))


def _short_item(body: list[str], title_from: str, date_from: str, hints: PageHints) -> bool:
    """A brief of a line or two without a full stop (东岭海域首批机组并网) under a headline its
    markup confirms, dated by a byline or the markup, which trafilatura reads as the page's
    main text: an article all the same — not a list (its lines are links, or hold their dates)
    nor a menu."""
    if title_from not in _MARKUP_TITLES or not date_from.startswith(("byline", "meta")):
        return False
    if not 0 < len(body) <= 2 or not hints.main_text:
        return False
    main = "".join(hints.main_text.split())
    for line in body:
        text = "".join(line.split())
        if text in hints.link_texts or _DATE_IN_TEXT.search(line):
            return False
    return any(
        len(_CJK_CHARS.findall(line)) >= 8 and "".join(line.split()) in main for line in body
    )


_DATE_IN_TEXT = re.compile(r"\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}")


# A column tag before a headline: what kind of item it is (【简讯】, [图片新闻], 【X早新闻】: a
# brief, a programme, a medium), or a section the page names apart (its menu's 【媒体北湖】).
# A series' name (【大国工匠】张冬伟：…) and a flash marker (【快讯】, 【突发】, 【独家】) are the
# publisher's own headline, as lists show it: kept.
_COLUMN_TAG = re.compile(
    r"^\s*[【\[［〖]\s*(?P<tag>[^】\]］〗\s]{1,8})\s*[】\]］〗]\s*(?P<rest>.+)$"
)
_ITEM_KINDS = re.compile(
    r"(?:简讯|短讯|速递|速览|早新闻|午新闻|晚新闻|早报|晚报|夜报|新闻|资讯|动态|要闻|播报|直播|视频"
    r"|图片|图文|通知|公告|专题|现场)$"
)
_MIN_UNTAGGED_CHARS = 4


def _without_tag_the_title_lacks(title: str, hint: str | None) -> str:
    """The headline without a bracketed tag before it ([转载] X, [经验] X: a forum's thread
    type, a column's label) where the page's own <title> names the headline without it: the
    tag labels the page, the <title> shows what its headline is."""
    match = _COLUMN_TAG.match(title)
    if not match or not hint or len(match["rest"]) < _MIN_UNTAGGED_CHARS:
        return title
    rest = match["rest"].strip()
    return rest if rest == hint.strip() else title


_ELLIPSIS = re.compile(r"\s*(?:\.{3,}|…+|。{3,})\s*$")


def _cut_summary(line: str, rest: list[str]) -> bool:
    """`line` ends in an ellipsis, or is labelled as a summary, and is (without either) the
    start of the text that follows."""
    labelled = (label := _SUMMARY_LABEL.match(line)) and _LABEL_MARK.search(label[0])
    if match := _ELLIPSIS.search(line):
        line = line[: match.start()]
    elif not labelled:
        return False
    # (labelled as a summary: 摘要：X…, a portal's intro box; a trade portal's 核心提示：X, the
    # description cut at a fixed length with no ellipsis, or the whole first paragraph)
    start = "".join(_SUMMARY_LABEL.sub("", line).split())
    following = "".join("".join(rest).split())
    return len(start) >= 10 and following.startswith(start)


_SUMMARY_LABEL = re.compile(
    r"^\s*[【\[]?(?:内容|文章)?(?:摘要|导读|导语|提要|简介|核心提示)[】\]]?\s*[:：]?\s*"
)
_LABEL_MARK = re.compile(r"[:：】\]]")


def _abstract(line: str) -> bool:
    """A line labelled as the article's abstract (【摘要】X, 摘要：X), X a sentence."""
    label = _SUMMARY_LABEL.match(line)
    return bool(label and _LABEL_MARK.search(label[0]) and is_prose(line[label.end() :]))


# An editor's summary box labelled 摘要 or 导读 (a portal's, plain or bold in a text dump:
# 摘要: X, **摘要** : X) — not a paper's 【摘要】, which its 【关键词】 line follows.
_EDITORS_SUMMARY = re.compile(r"^\s*(?:\*\*)?(?:摘要|导读)(?:\*\*)?\s*[:：]\s*(?P<text>\S.*)$")
_KEYWORDS_LINE = re.compile(r"^\s*[【\[]?(?:关键词|关键字)")
MAX_EDITORS_SUMMARY_CHARS = 80
_PAPERS_OWN = re.compile(r"本文|笔者|该文|^文章")


# An editor's credit in brackets after the text's last sentence: 。(责任编辑：X), 。【编辑：X】.
_EDITOR_TAIL = re.compile(
    r"(?<=[。！？”」!?])\s*[（(【\[]\s*(?:责任编辑|责编|编辑)\s*[:：]\s*[^\s:：，。()（）【】\[\]]{1,12}"
    r"\s*[）)】\]]\s*$"
)


MIN_REPEATED_CHARS = 12
MAX_REPEATED_CHARS = 100


def _repeated_by_lead(body: list[str]) -> bool:
    """The body's first line (a sentence, 12–100 characters) is found whole inside the longer
    line after it, with two lines of text or more below: a summary above the text (a CMS's
    intro box filled from the lead), the lead's words again."""
    if len(body) < 3:
        return False
    words = "".join(body[0].split()).rstrip("。.!！")
    lead = "".join(body[1].split())
    if not MIN_REPEATED_CHARS <= len(words) <= MAX_REPEATED_CHARS or len(lead) <= len(words):
        return False
    return words in lead and not lead.startswith(words) and is_prose(body[2])


def _editors_summary(body: list[str]) -> bool:
    """The body's first line is an editor's summary above a news article's text: 摘要：X, X a
    sentence or two (80 characters at most), above two lines of prose or more and no keywords
    line. A reader takes it for the page's description, not the text's start, whether or not
    the text repeats its words (`_cut_summary` drops one that does)."""
    if len(body) < 3 or not (match := _EDITORS_SUMMARY.match(body[0])):
        return False
    text = match["text"].strip()
    if not 10 <= len(text) <= MAX_EDITORS_SUMMARY_CHARS or _KEYWORDS_LINE.match(body[1]):
        return False
    if _PAPERS_OWN.search(text):
        # (摘要：本文结合…: a paper's abstract, its author's words of the paper, is its text)
        return False
    return sum(is_prose(line) for line in body[1:]) >= 2


# The editor's summary box under the labels CMSs print for their intro field besides
# 摘要 and 导读 (内容提要：X, 内容摘要：X): the same box, checked the same way (not 核心提示,
# whose abstract in its own words a portal keeps as text: tests/test_page_rules_17.py).
_OTHER_SUMMARY_LABEL = re.compile(
    r"^\s*(?:\*\*)?[【\[]?(?:内容提要|内容摘要|内容简介)[】\]]?(?:\*\*)?\s*[:：]?\s*(?P<text>\S.*)$"
)


def _other_summary_label(body: list[str]) -> bool:
    if not body or not (match := _OTHER_SUMMARY_LABEL.match(body[0])):
        return False
    if not re.match(r"^\s*(?:\*\*)?[【\[]?\S{4}(?:[】\]]|\s*[:：])", body[0]):
        return False  # (a label set off by a colon or brackets, not a sentence's first words)
    return _editors_summary([f"摘要：{match['text']}", *body[1:]])


_SUMMARY_CHIP = re.compile(r"^\s*[【\[]?(?:摘要|导读|内容提要)[】\]]?\s*$")


def _summary_label_apart(body: list[str]) -> bool:
    """The body opens with an editor's summary box whose label is a chip of its own (摘要, then
    the summary on the next line, as a copy of the box's label and text gives them): read as
    摘要：X would be (`_editors_summary`)."""
    if len(body) < 4 or not _SUMMARY_CHIP.match(body[0]):
        return False
    return _editors_summary([f"摘要：{body[1]}", *body[2:]])


def _named_in_byline(line: str, bylines: list[str]) -> bool:
    """A short line of a name (no sentence, no digits) that a byline holds after its date."""
    name = _FOLLOW.sub("", line.strip())  # (the card's follow button: 南溪号·油气观察 关注)
    if not 3 <= len(name) <= 20 or is_prose(name) or _SENTENCE_MARKS.search(name):
        return False
    if _DIGIT.search(name) or not _CJK_CHARS.search(name):
        return False
    return any(name in byline and byline != name and _DIGIT.search(byline) for byline in bylines)


_FOLLOW = re.compile(r"\s+(?:\+\s*)?(?:关注|已关注|订阅|加关注)$")
_SENTENCE_MARKS = re.compile(r"[。！？；，、,!?;:：]")
_DIGIT = re.compile(r"\d")


def _without_column_tag(title: str, lines: list[str], breadcrumb: str | None) -> str:
    """The headline without a column tag before it (see `_COLUMN_TAG`)."""
    match = _COLUMN_TAG.match(title)
    if not match or len(match["rest"]) < _MIN_UNTAGGED_CHARS:
        return title
    tag = match["tag"]
    if _ITEM_KINDS.search(simplified(tag)) or tag == breadcrumb or tag in lines:
        return match["rest"].strip()
    return title


_DATE_LINE = re.compile(
    r"[(（\[【]?\s*(\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?)"
    r"(?:\s*\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?\s*[)）\]】]?"
)


_CLOCK = re.compile(r"\d{1,2}[:：]\d{2}")


def _date_line(line: str) -> dt.date | None:
    """The date of a line that holds nothing but a date (and a time), e.g. ``（2020/2/8 9:05）``."""
    match = _DATE_LINE.fullmatch(western_dates(line.strip()))
    return parse_date(re.sub(r"\s+", "", match[1])) if match else None


def _own_field(judged: _Judged, i: int, template: SiteTemplate | None) -> bool:
    """Line `i` is a field whose label the site's pages give with varying values, and no
    built-in rule, byline or author line claims it."""
    if template is None or judged.furniture[i] or judged.bylines[i] or judged.authors[i]:
        return False
    return template.varying_label(judged.lines[i])


def _repeated_paragraph(line: str, main: str) -> bool:
    """A long paragraph of prose that the page's main text holds (trafilatura): kept although
    it repeats across the site's pages (a press release's 关于… paragraph)."""
    return len(line) >= LONG_LINE_CHARS and is_prose(line) and "".join(line.split()) in main


def _url_line(lines: list[str]) -> str | None:
    """A text page's own address, from a link line among its first or last lines."""
    for line in lines[:5] + lines[-5:]:
        if url := url_in(line):
            return url
    return None


_SECTION_HEAD = re.compile(
    r"^(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[)）]|\d{1,2}[.、．]\s*)"
    r"[^。！？；!?;]{2,24}(?<![，,：:、])$"
)


def _subheading(line: str) -> bool:
    """A numbered section heading (一、X, （二）X, 3. X), or a short line with no punctuation."""
    if _SECTION_HEAD.match(line):
        return True
    return len(line) <= 16 and headline_shaped(line) and not _SENTENCE_MARKS.search(line)


def _keep_main_text(
    body: list[str], main_text: str, dropped: list[Dropped], links: frozenset[str] = frozenset()
) -> list[str]:
    """Drop body lines that trafilatura did not take for main text."""
    main = "".join(main_text.split())
    taken = ["".join(line.split()) in main for line in body]
    taken = _with_introduced_list(body, taken, links)
    taken = _with_headed_list(body, taken, links)
    taken = _with_captions_between(body, taken)
    kept: list[str] = []
    for i, line in enumerate(body):
        between = bool(kept) and kept[-1] is body[i - 1] and i + 1 < len(body) and taken[i + 1]
        if taken[i]:
            kept.append(line)
        elif between and _subheading(line) and "".join(line.split()) not in links:
            # (a section heading, 二、常见故障类型 or 几点看法, or a picture's caption between
            # two paragraphs kept: the text's own, which trafilatura leaves out of some pages;
            # never a link, 相关链接's item)
            kept.append(line)
        elif _abstract(line):
            # (a journal's or a 会刊's 【摘要】 box above the text, outside the element that
            # holds it: the author's abstract, in its own words, is the article's; one that
            # only repeats the text's start is dropped below)
            kept.append(line)
        else:
            dropped.append(Dropped(line, "not main text (trafilatura)"))
    return kept if any(is_prose(line) for line in kept) else body


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


def _similar(line: str, hint: str) -> bool:
    candidate = clean_title(line)
    if len(candidate) < _MIN_HEADLINE_CHARS:
        return False
    if (cut := _CUT_SHORT.sub("", hint)) != hint and len(cut) >= _MIN_CRUMB_HEADLINE_CHARS:
        hint = cut  # a <title> cut short (标题前半…): the line it starts is the headline
    # (a document's signature, 青川省能源局, starts its headline, 青川省能源局关于…的通知: an
    # organ's name alone is no headline cut short)
    cut_short = hint.startswith(candidate) and not _names_an_organ(candidate)
    if cut_short and hint[len(candidate) :].lstrip().startswith(("：", ":")):
        # (nor is the label before a colon, a column's name that heads its headlines, 会员风采：X,
        # when the page shows it alone: a menu's item)
        cut_short = False
    # (a headline joining two places by a dash, 南山—白河220千伏线路…, whose <title> was cut at
    # the dash as at a site name's: the page shows it whole)
    joined = candidate.endswith(hint) and _PLACE_DASH.fullmatch(candidate[: -len(hint)])
    return candidate == hint or candidate.startswith(hint) or cut_short or bool(joined)


_VIEW_COUNT = (
    r"(?:\d[\d,]*\s*(?:次|人)?(?:阅读|浏览|点击|查看)|(?:阅读|浏览|点击|查看)\s*[:：]?\s*\d[\d,]*)"
)


def _counted(line: str, source: str) -> bool:
    """`line` is `source` and a view count, nothing else."""
    return re.fullmatch(re.escape(source) + r"\s+" + _VIEW_COUNT, line.strip()) is not None


# An office's name (联盟秘书处, 党群工作部, 本刊编辑部): a department, not a headline.
_OFFICE = re.compile(r"^[\u3400-\u9fff]{2,8}(?:处|部|室|办|科|中心)$")


def _office_over_text(body: list[str]) -> bool:
    """The text's first line is an office's name alone (品牌与公共关系部, 综合处) and prose follows:
    the department that wrote it, as a company's newsroom credits it under the headline; the
    text does not open with a department's name and no verb."""
    return len(body) > 1 and bool(_OFFICE.match(body[0].strip())) and is_prose(body[1])


def _byline_office(judged: _Judged, i: int) -> bool:
    """Line `i` is an office's name between a headline-shaped line and a dated byline, alone
    on its line (a text save of 联盟秘书处 / 2024-06-21 10:11): the article's author."""
    lines, bylines = judged.lines, judged.bylines
    if not (0 < i < len(lines) - 1 and _OFFICE.match(lines[i])):
        return False
    dated = (b := bylines[i + 1]) is not None and b.date is not None
    return dated and bylines[i - 1] is None and headline_shaped(lines[i - 1])


# An office's or a writer's name alone under the headline, whom the page credits
# again below the text with a label (需求侧研究中心 … 来源：需求侧研究中心): a byline without its
# label, never the headline, though the text follows it.
_CREDIT_FIELD = re.compile(
    r"^[（(【\[]?\s*(?:来源|來源|作者|供稿|撰稿|稿源|文|发布单位|發布單位|发布机构|发布部门)\s*[:：]\s*"
    r"(?P<name>[^\s:：，。]{2,24})\s*[）)】\]]?$"
)


def _credited_below(judged: _Judged, i: int) -> bool:
    lines = judged.lines
    if i == 0 or judged.bylines[i - 1] is not None or not headline_shaped(lines[i - 1]):
        return False
    name = lines[i].strip()
    for later in lines[i + 1 :]:
        field = _CREDIT_FIELD.match(later.strip())
        if field and field["name"] == name:
            return True
    return False


_PLACE_DASH = re.compile(r"[\u3400-\u9fff]{2,4}[—–]")


_BOUNDARY = "_|｜-—–»:：·"


def _contains_title(line: str, title: str) -> bool:
    """`line` repeats the headline set off by separators (a saved title, a footer), and is not
    a sentence that happens to contain it."""
    if title not in line or is_prose(line):
        return False
    at = line.find(title)
    before, after = line[:at].rstrip(), line[at + len(title) :].lstrip()
    return (not before or before[-1] in _BOUNDARY) and (not after or after[0] in _BOUNDARY)


def _repeated(lines: list[str], i: int) -> bool:
    """Another line repeats line `i` set off by a separator: a saved page title
    (``标题_政策_XX网``) or a footer (``未经允许不得转载：XX网 » 标题``)."""
    line = lines[i]
    for other in lines:
        if other == line or line not in other:
            continue
        at = other.find(line)
        before = other[:at].rstrip()
        after = other[at + len(line) :].lstrip()
        if _FIELD_LABEL.search(before):
            continue  # (a labelled field's value, 信息来源：X or 发布机构：X, names an organ)
        if (not before or before[-1] in _BOUNDARY) and (not after or after[0] in _BOUNDARY):
            return True
    return False


# (its characters may be spaced out to the width of the other labels: 栏　目：, 作　者：)
_FIELD_LABEL = re.compile(r"(?:^|\s)[\u3400-\u9fff](?:\s{0,2}[\u3400-\u9fff]){1,5}\s*[:：]$")


def _headline_top(judged: _Judged) -> int:
    """Where the headline search ends: after `HEADLINE_SEARCH_LINES` lines that are not the
    site's own chrome (a side column's calendar of the month, 31 lines of day numbers that
    every page of the site prints, does not push the headline out of reach)."""
    seen = 0
    for i in range(judged.limit):
        if not (judged.rules[i] or "").startswith("template"):
            seen += 1
            if seen > HEADLINE_SEARCH_LINES:
                return i
    return judged.limit


def _data_source_over_text(judged: _Judged, limit: int) -> None:
    """资料来源：X alone on the line right over the text's first paragraph, with no
    paragraph above it, is the page's source field (Taiwan's government sites print it so
    under the headline, undated notices too); a 资料来源 under a table or in the text credits
    the figures, and a paragraph comes before it."""
    lines = judged.lines
    for i in range(1, limit - 1):
        if judged.rules[i] is None and judged.bylines[i] is None and is_prose(lines[i]):
            return  # (the text has begun above it)
        if judged.bylines[i] is not None or not is_prose(lines[i + 1]):
            continue
        field = data_source_byline(lines[i])
        if field is not None and field.source:
            judged.bylines[i], judged.authors[i] = field, False
            return


def _find_headline(judged: _Judged, hints: list[str]) -> tuple[int | None, bool]:
    """The headline's line, and whether it is one of `hints` (the page's markup, a footer).

    Of the lines that match a hint, the one next to a byline, followed by the article and not
    repeated across the site wins. Without hints (or, for markup hints, when no line matches),
    the headline-shaped lines above the article are scored the same way.
    """
    lines, rules, bylines = judged.lines, judged.rules, judged.bylines
    top = _headline_top(judged)
    if hints:
        best: tuple[tuple[int, int, int], int] | None = None
        for rank, hint in enumerate(hints):
            # (the headline shown whole over a lead that restates it: the lead is the text)
            led = any(_lead_opening_with(lines, k, hint, top) for k in range(top))
            for i in range(top):
                if not _similar(lines[i], hint) or _lead_opening_with(lines, i, hint, top):
                    continue
                byline = 0 if _dated_list_entry(judged, i, top) else _next_to_byline(judged, i, top)
                byline = byline or _deck_then_byline(judged, i, top)
                score = byline + 2 * _prose_follows(judged, i)
                score += 0 if (rules[i] or "").startswith("template") else 2
                score += 2 if led and lines[i].strip() == hint else 0
                key = (score, -rank, -i)
                # (the same line shown twice, as good both times: the second is the headline,
                # the first a table of contents' entry for the page itself)
                again = best is not None and best[0][:2] == key[:2] and lines[best[1]] == lines[i]
                if best is None or key > best[0] or again:
                    best = (key, i)
        if best is not None:
            return best[1], True
        if judged.hints.get("title"):
            return None, False  # the footer names a headline the page does not show: keep it
    scored: tuple[int, int] | None = None
    passed = _crumb_sections(judged, last=False)
    for i in range(top):
        line, rule = lines[i], rules[i]
        begun = rule is None and bylines[i] is None and len(_CJK_CHARS.findall(line)) >= 20
        # (a long headline with a comma, X，Y, by its byline is no sentence: no full stop)
        # (nor is a question, X，Y？, right above its byline: a commentary's headline)
        asks = line.endswith(("？", "?"))
        long_headline = (asks or not line.endswith(_SENTENCE_ENDS)) and headline_shaped(line)
        by_byline = long_headline and _next_to_byline(judged, i, top) == 4
        by_byline = by_byline or (long_headline and _over_its_subtitle(judged, i, top))
        if begun and is_prose(line) and not by_byline:
            break  # the article has begun: a headline comes before it
        shaped = headline_shaped(line) or _notice_headline(judged, i, top)
        if bylines[i] is not None or not shaped or judged.furniture[i]:
            continue
        if judged.authors[i] or _TITLE_FIELD.match(line) or _NAME_FIELD.match(line):
            continue  # (标　　题：X, a disclosure table's field: the headline is shown apart)
        if _DECK_FIELD.match(line):
            continue  # (引题：X, 副题：X: a newspaper's kicker or subtitle, labelled)
        if _disclosure_field(line):
            continue  # (发文机关：X, a disclosure table's field above the headline)
        if _quote_box_line(line):
            continue  # (相关股票：X-2.31%, a finance page's quote box over the text)
        if rule is not None and _DATE_GLUED_ENTRY.match(line):
            continue  # (05-30X的通知: a sidebar's newest list, its entries' dates glued on)
        if rule is not None and not rule.startswith("template"):
            continue
        if i < 2 and _is_site_header(line) and not saved_title_headline(line):
            continue
        if i >= 2 and line == lines[0] and _is_site_header(line):
            continue  # (the header's site name again, a publisher line under the headline)
        if _byline_office(judged, i):
            continue
        if _credited_below(judged, i):
            continue
        if line in passed:
            continue  # (a section the breadcrumb passes through, shown by the byline: 政策解读)
        score = 0
        if _repeated(lines, i) and rule is None:
            # (a line the site prints on every page, repeated on this one, is its name in the
            # header and the footer's address line, not a headline the <title> repeats)
            score += 4
        byline = _next_to_byline(judged, i, top)
        score += byline
        if _prose_follows(judged, i):
            score += 2
        if "关于" in line and _DOCUMENT_KIND.search(line):
            score += 3  # a document's title (X局关于Y的通知), whose text may open unlike prose
        if rule is not None:
            if score == 0:
                continue  # a sidebar headline of another page, repeated across the site
            if byline < 4:
                score -= 1  # (a headline right by its byline may repeat: 联播快讯)
        if scored is None or score > scored[0]:
            scored = (score, i)
    if scored and (above := _headline_over_subtitle(judged, scored[1])) is not None:
        return above, False
    return (scored[1] if scored else None), False


# A notice's headline of one word (更正, 声明, 启事), too short for a headline's shape
# but a headline all the same when it stands alone right over its byline: a paper's correction
# or statement, printed as an article of its own.
_NOTICE_WORD = re.compile(r"^(?:更正|勘误|声明|聲明|启事|啟事|公告|通告|致歉|讣告|訃告)$")


def _notice_headline(judged: _Judged, i: int, top: int) -> bool:
    line = judged.lines[i].strip()
    return bool(_NOTICE_WORD.match(line)) and _next_to_byline(judged, i, top) == 4


# A finance page's box of the stocks a story names, with their day's change, printed
# between the byline and the text (相关股票：X-2.31%, 相关个股：X +1.05% Y -0.80%): prices, never
# a headline, though the article follows it. The label, or every item a name and a signed
# percentage with two decimals, as a quote board prints it.
_QUOTE_BOX = re.compile(
    r"^(?:(?:相关|涉及|提及|文中)(?:股票|个股|標的|标的|基金|概念股?|板块)\s*[:：]\s*\S.*"
    r"|(?:[^\s\d+\-−%]{2,12}\s*[+\-−]\d+\.\d{2}%\s*){1,8})$"
)


def _quote_box_line(line: str) -> bool:
    return bool(_QUOTE_BOX.match(line.strip()))


def _lead_opening_with(lines: list[str], i: int, hint: str, top: int) -> bool:
    """Line `i` is the text's first sentence opening with the headline's words (X正式启动，面向…
    岗位共计180余个。) while the page shows the headline alone too: a lead that restates the
    headline goes on after a comma and closes with a full stop; it is no headline."""
    line = lines[i].strip()
    if line == hint or not line.startswith(hint) or not line.endswith(_SENTENCE_ENDS):
        return False
    if line[len(hint) : len(hint) + 1] not in ("，", ",", "；", "、"):
        return False
    return any(lines[k].strip() == hint for k in range(top) if k != i)


def _headline_over_subtitle(judged: _Judged, i: int) -> int | None:
    """The line above line `i` when it is the headline and `i` its subtitle: the breadcrumb
    (当前位置：首页 > 栏目 > 正文), two headline-shaped lines, the byline. A CMS prints the
    subtitle under the headline, right over the byline that scores it as the headline."""
    lines, rules, bylines = judged.lines, judged.rules, judged.bylines
    j = i - 1
    if j < 1 or i + 1 >= len(lines) or bylines[i + 1] is None or bylines[i] is not None:
        return None

    def crumb_at(k: int) -> bool:
        return k >= 0 and (
            "breadcrumb" in (judged.furniture[k], rules[k])
            or line_rule(lines[k]) == "breadcrumb"
            or _crumb_item_line(judged, k)
        )

    chip = rules[j - 1] is None and _column_chip(lines[j - 1])
    if not crumb_at(j - 1) and chip and crumb_at(j - 2):
        j_crumb = j - 2  # (a column's chip between the breadcrumb and the headline)
    elif not crumb_at(j - 1):
        # (a newspaper's 引题 over the two, under the breadcrumb: 引题 / 标题 / 副题 / byline)
        kicker = j >= 2 and rules[j - 1] is None and _kicker_shaped(lines[j - 1])
        return j if kicker and crumb_at(j - 2) and headline_shaped(lines[j]) else None
    else:
        j_crumb = j - 1
    if _DECK_FIELD.match(lines[j]) or _DECK_FIELD.match(lines[i]):
        return None  # (labelled: 引题：X over its headline is no headline)
    if _kicker_shaped(lines[j]) and not _CLAUSES.search(lines[i]):
        # (a newspaper's 引题, its clauses set apart by a space, over a headline of one
        # clause: 总投资约32亿元 建成后年发电量约28亿千瓦时 / X电站主体工程开工)
        return None
    listed = _own_headline_listed(judged, j, i)
    if (rules[j] is not None and not listed) or bylines[j] is not None:
        return None
    if judged.furniture[j] or judged.authors[j]:
        return None
    if rules[i] is not None or lines[i].endswith(_SENTENCE_ENDS):
        return None
    # (a column's menu under the breadcrumb, its items run together, names the column the
    # breadcrumb passes: 政策法规项目动态市场动态 under 首页 > 资讯中心 > 政策法规)
    sections = [item for item in _CRUMB_ITEMS.split(lines[j_crumb])[1:] if len(item) >= 2]
    if any(section in lines[j] for section in sections):
        return None
    # (a column's label under the breadcrumb, 公司新闻, or a short kicker over the headline,
    # 聚焦全国两会, is no headline over a subtitle: the headline is the longer line under it)
    if len(_CJK_CHARS.findall(lines[j])) < _MIN_HEADLINE_OVER_SUBTITLE:
        return None
    return j if headline_shaped(lines[j]) and headline_shaped(lines[i]) else None


_MIN_HEADLINE_OVER_SUBTITLE = 10


def _subtitle_under(judged: _Judged, head: int) -> bool:
    """The line under headline `head` is its subtitle, by the same reading that took the
    headline over it (breadcrumb, headline, subtitle, byline): a deck, not the text."""
    return head + 1 < judged.limit and _headline_over_subtitle(judged, head + 1) == head


# A breadcrumb's item a browser's copy puts on a line of its own (新闻中心, 政策): a short name.
_CRUMB_ITEM = re.compile(r"^[\u3400-\u9fffA-Za-z]{2,8}$")


def _crumb_item_line(judged: _Judged, k: int) -> bool:
    """Line `k` ends a breadcrumb that a copy from the browser split into lines, one per link
    (当前位置：网站首页 / 新闻中心 / 政策): short names, the site's own on every page, right
    under a line that starts the breadcrumb."""
    for back in range(k, max(-1, k - 4), -1):
        line = judged.lines[back]
        if back < k and line_rule(line) == "breadcrumb":
            return True
        if not _CRUMB_ITEM.match(line) or not (judged.rules[back] or "").startswith("template"):
            return False
    return False


def _own_headline_listed(judged: _Judged, j: int, i: int) -> bool:
    """The line over subtitle `i` is the site's chrome only because the site lists its newest
    articles on every page (最新资讯): this page's own headline, which the page shows once as
    its headline and again in that list further down."""
    if not (judged.rules[j] or "").startswith("template") or judged.furniture[j]:
        return False
    return judged.lines[j] in judged.lines[i + 2 :]


# A column's chip over a headline (换电站, 地方政策): a few characters, no punctuation nor space.
_CHIP = re.compile(r"^[\u3400-\u9fff]{2,6}$")


def _column_chip(line: str) -> bool:
    """A card-style page's label of the article's column, printed between the breadcrumb and
    the headline (首页 / 项目 / 正文, then 换电站, then the headline): not a 引题, which is a
    phrase or two, but a name of a few characters."""
    return bool(_CHIP.match(line))


# A labelled kicker or subtitle of a newspaper's headline (引题：X, 肩题：X, 副题：X, 副标题：X).
_DECK_FIELD = re.compile(r"^(?:引\s*题|肩\s*题|眉\s*题|副\s*题|副标题)\s*[:：]")
# Clauses set apart by a space or a comma.
_CLAUSES = re.compile(r"[\u3400-\u9fff\d]\s+[\u3400-\u9fff\d]|[，,、；]")


def _kicker_shaped(line: str) -> bool:
    """A 引题 over a headline: labelled, or two or more clauses set apart by a space only."""
    if _DECK_FIELD.match(line):
        return True
    parts = line.split()
    return (
        len(parts) >= 2
        and not re.search("[，,、；;。]", line)
        and all(len(_CJK_CHARS.findall(part)) >= 3 for part in parts)
    )


# A forum subject's board tag (``[技术交流] 标题``); a breadcrumb's end cut short (``标题...``).
_BOARD_TAG = re.compile(r"^\[[^\]\s]{1,10}\]\s*")
_CUT_SHORT = re.compile(r"\s*(?:\.{2,}|…+)$")
_MIN_CRUMB_HEADLINE_CHARS = 6


_SOURCE_CREDIT = re.compile(
    r"^(?:来源|來源|稿源|信息来源|文章来源)\s*[:：]\s*[^\s:：，。,()（）【】]{2,30}$"
    r"|^[（(【\[]\s*(?:来源|來源|稿源|信息来源|文章来源)\s*[:：]\s*[^\s:：，。,()（）【】]{2,30}\s*[）)】\]]$"
)

# The source credited under the text with a longer label than 来源 (稿件来源：X,
# 新闻来源：X, 供稿单位：X), a line of its own: the byline's source field printed at the foot,
# as an evening paper's CMS does, no more a sentence of the text than 来源：X is.
_LABELLED_SOURCE = re.compile(
    r"^[（(【\[]?\s*(?:(?:稿件|新闻|新聞|原文|内容|本文|消息)(?:来源|來源)|供稿(?:单位)?|稿件提供)"
    r"\s*[:：]\s*[^\s:：，。,()（）【】]{2,30}\s*[）)】\]]?$"
)


def _labelled_source(line: str) -> bool:
    return bool(_LABELLED_SOURCE.match(line))


# The text's material credited in brackets on its last line (（资料来源：X）): not a chart's
# credit, which stands under the chart unbracketed (资料来源：国家统计局), among the text.
_MATERIAL_CREDIT = re.compile(
    r"^[（(]\s*资料来源\s*[:：]\s*(?P<source>[^\s:：，。,()（）]{2,30})\s*[）)]$"
)

# A line in brackets, whole (（本报记者 X 通讯员 Y）).
_BRACKETED = re.compile(r"^[（(][^（()）]{3,28}[）)]$")


def _closing_credit(line: str) -> bool:
    """The text's last line is its reporter's credit in brackets (（本刊记者 杨某）, （记者 X
    通讯员 Y）), as a paper prints it after the text: the byline's, not a sentence."""
    return bool(_BRACKETED.match(line)) and is_author_line(line)


# A brief's text opening with its headline in brackets (a flash, 电报: 【X：Y】某社8月30日电，…).
_LEAD = re.compile(r"^【(?P<head>[^【】]{4,60})】\s*(?P<text>\S.*)$")


def _bracketed_lead(judged: _Judged) -> int | None:
    """The line of a page without a headline line whose text, its first prose, opens with the
    headline in brackets: a news flash as 财联社-style sites print one."""
    for i in range(min(judged.limit, HEADLINE_SEARCH_LINES)):
        line = judged.lines[i]
        if judged.rules[i] is not None or judged.bylines[i] is not None or not is_prose(line):
            continue
        match = _LEAD.match(line)
        good = match is not None and headline_shaped(match["head"]) and is_prose(match["text"])
        return i if good else None
    return None


def _names_a_section(judged: _Judged, hint: str) -> bool:
    """`hint` (a short <title> part) is an item of the page's breadcrumb or menu: a section."""
    if not hint or len(hint) > 8:
        return False
    return any(
        judged.furniture[i] in ("breadcrumb", "navigation") and hint in _CRUMB_ITEMS.split(line)
        for i, line in enumerate(judged.lines[: judged.limit])
    ) or any(line == hint and judged.rules[i] for i, line in enumerate(judged.lines))


def _title_names_its_section(judged: _Judged, candidates: list[str], hints: PageHints) -> bool:
    """The <title>'s only headline candidate is a section that the page's breadcrumb or menu
    names (安全生产 - X网, on a page whose CMS leaves the headline out of its <title>): the
    page shows that section's name in its menu, but its headline is the line it shows as one."""
    return (
        candidates == [hints.headline]
        and hints.title_from.startswith("<title>")
        and _names_a_section(judged, candidates[0])
    )


# A disclosure table's field of the document's title (标　　题：X, 名　　称：X).
_TITLE_FIELD = re.compile(r"^(?:标\s*题|名\s*称|题\s*名|文件名称|信息名称)\s*[:：]")


# A notice's field naming its subject (项目名称：X, 工程名称：X), under the headline: no headline.
_NAME_FIELD = re.compile(r"^[\u3400-\u9fff]{2,4}名称\s*[:：]")


# A government disclosure page's metadata table, copied as text (索引号：X, 发文机关：X,
# 成文日期：X, 文号：X, 有效性：有效), sits above the headline: a labelled field is no headline,
# however short and name-like its value (发文机关：X市能源局).
_DISCLOSURE_FIELD = re.compile(
    r"^(?:索\s*引\s*号|发文机关|发布机构|发文单位|成文日期|发文日期|文\s*号|发文字号|有\s*效\s*性"
    r"|主题分类|体裁分类|组配分类|公开方式|公开范围|公开时限|信息分类|所属类别)\s*[:：]"
)


# An entry of a sidebar's list of newest items copied as text, its date run into its headline
# (06-03市能源局召开…, 05-30关于…的通知): a headline never opens with a month and day so glued
# (only where the site's template marks the line: repeated on the site's other pages).
# (a range of numbers before its measure word is no date: 12-15岁青少年)
_DATE_GLUED_ENTRY = re.compile(
    r"^(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])"
    r"(?![岁年月日号时天周个名人家户次万亿千百元米度倍级期届条项分秒])(?=[\u3400-\u9fff《“])"
)


def _disclosure_field(line: str) -> bool:
    """A labelled field of a disclosure page's metadata table (`_DISCLOSURE_FIELD`)."""
    return bool(_DISCLOSURE_FIELD.match(line))


def _title_value(line: str) -> str:
    return _TITLE_FIELD.sub("", line).strip()


def _title_field(judged: _Judged) -> int | None:
    """The line of a 标题：X field above the article whose value is shaped like a headline."""
    for i in range(min(judged.limit, HEADLINE_SEARCH_LINES)):
        line = judged.lines[i]
        if is_prose(line) and not _TITLE_FIELD.match(line):
            return None  # (the article has begun)
        if _TITLE_FIELD.match(line) and headline_shaped(_title_value(line)):
            return i
    return None


def _names_an_organ(hint: str) -> bool:
    """`hint` (a whole <title>) is a site's or an organisation's name, no headline."""
    return bool(hint) and (looks_like_site_name(hint) or looks_like_organ(hint))


# A breadcrumb from the home page whose items slashes with a space set apart.
_SLASH_CRUMB = re.compile(r"^(?:首页|主页|网站首页|Home)\s*/\s+|^(?:首页|主页|网站首页|Home)\s+/")
_SLASH_SPLIT = re.compile(r"\s+/\s*|\s*/\s+")


def _crumb_headline(judged: _Judged) -> int | None:
    """The headline's line when a breadcrumb ends with it, whole or cut short (forums and
    blogs: ``站名 » 论坛 › 版块 › 标题...``): of the lines it starts, the shortest, so that a
    saved page title (``标题 - 版块 - 站名``) loses to the headline itself."""
    lines = judged.lines
    top = min(judged.limit, HEADLINE_SEARCH_LINES)
    for i in range(top):
        items = _CRUMB_SPLIT.split(lines[i])
        if len(items) < 3 and _SLASH_CRUMB.match(lines[i]):
            # (首页 / 技术 / 标题: slashes set apart by a space, a headline's own, 120MW/240MWh,
            # not)
            items = _SLASH_SPLIT.split(lines[i])
        if len(items) < 3 or any(not item.strip() for item in items):
            continue
        end = _CUT_SHORT.sub("", items[-1].strip())
        if len(end) < _MIN_CRUMB_HEADLINE_CHARS or len(items[-2]) > 20:
            continue
        found: tuple[int, int] | None = None
        for j in range(top):
            if j == i or judged.bylines[j] is not None:
                continue
            line = _BOARD_TAG.sub("", lines[j])
            shorter = found is None or len(line) < found[0]
            if shorter and line.startswith(end) and headline_shaped(line[:90]):
                found = (len(line), j)
        if found is not None:
            return found[1]
    return None


_WEBSITE = re.compile(r"(?:网|網|在线|在線|门户|門戶)$")


def _site_name_alone(line: str) -> bool:
    """A website's name alone (南溪能源网; not a report's or a paper's name, 光伏企业发布年报)."""
    return len(line) <= 8 and bool(_WEBSITE.search(line)) and looks_like_site_name(line)


def _is_site_header(line: str) -> bool:
    """A site's name, alone or first of several fields (``甲能源网 — 汇聚能源力量``,
    ``己能观察 · 新能源深度报道``)."""
    if len(line) <= 8 and looks_like_site_name(line):
        return True
    if (paper := newspaper_name(line)) != line and looks_like_site_name(paper):
        return True  # an e-paper's platform: 能源时报数字报刊平台
    first = header_name(line)
    if first is None or first == line:
        return False
    return looks_like_site_name(first) or bool(re.match(re.escape(first) + r"\s*[·|｜—–-]", line))


def _prose_follows(judged: _Judged, i: int) -> bool:
    """The article starts right after line `i` (bylines and furniture between are skipped)."""
    for j in range(i + 1, min(judged.limit, i + 4)):
        if judged.bylines[j] is not None or judged.furniture[j] or judged.authors[j]:
            continue
        line = judged.lines[j]
        # (a headline with a comma, X，Y, is no sentence: no full stop, and short)
        return is_prose(line) and (line.endswith(_SENTENCE_ENDS) or len(line) > 30)
    return False


def _explainer_box(judged: _Judged, i: int) -> bool:
    """A 延伸阅读 label inside the text followed by a paragraph of prose: an explainer box set in
    the article (什么是X？X是…。), or one related link set between its paragraphs (延伸阅读：X,
    then the text again); the article goes on after it. A list of related articles, which
    ends it, goes on with other articles' headlines (no full stop)."""
    if i + 1 >= judged.limit or judged.rules[i + 1] is not None or judged.bylines[i + 1]:
        return False
    line = judged.lines[i + 1]
    return len(line) >= 40 and is_prose(line) and line.endswith(_SENTENCE_ENDS)


def _over_its_subtitle(judged: _Judged, i: int, top: int) -> bool:
    """Line `i` is a headline over its subtitle and byline (breadcrumb / headline / subtitle /
    byline): a long headline with a comma there, X，Y, is no sentence of the text."""
    return i + 1 < top and _headline_over_subtitle(judged, i + 1) == i


# A span of days, 6月20日—22日, 6月20日至7月2日: when an event runs (an exhibition's box beside
# the text), not when a page was posted: an undated page stays so.
_DAY_SPAN = re.compile(r"\d{1,2}日\s*(?:—|–|-|~|～|至|到)\s*(?:\d{1,2}月)?\d{1,2}日")


def _deck_then_byline(judged: _Judged, i: int, top: int) -> int:
    """2 when line `i` is followed by a deck and then a byline: a headline, its subtitle
    under it (one short line, no sentence), then the date and 来源, as newspapers print them.
    (The same headline in a list of most-read articles has no byline two lines down.)"""
    j = i + 2
    if j >= top or judged.bylines[j] is None or judged.bylines[i + 1] is not None:
        return 0
    deck = judged.lines[i + 1]
    if judged.rules[i + 1] is not None or judged.furniture[i + 1] or judged.authors[i + 1]:
        return 0
    return 2 if len(deck) <= 60 and not deck.endswith(_SENTENCE_ENDS) else 0


def _next_to_byline(judged: _Judged, i: int, top: int) -> int:
    """4 when a byline (a date or a 来源) is the next or previous line, 2 when only chrome
    stands between; an author line under the headline counts as a byline."""
    bylines, rules, authors = judged.bylines, judged.rules, judged.authors
    for j, score in ((i - 1, 4), (i + 1, 4), (i - 2, 2), (i + 2, 2)):
        if not 0 <= j < top:
            continue
        # (a 来源 that names no one, 来源：网络, is a byline all the same: a byline without a date
        # or a source is only ever such a line)
        stated = bylines[j] is not None
        if not (stated or (authors[j] and j > i)):
            continue
        middle = (i + j) // 2
        if j < i and judged.furniture[middle] == "reading time":
            # (a blog post's meta above its headline, author / date / 2 分钟阅读: the reading
            # time is the byline's, the headline right under it)
            return 4
        if score == 4 or rules[middle] is not None or bylines[middle] is not None:
            return score
        if j > i and authors[j] and _crumb_end(judged, middle):
            return score  # (the topic's board between a forum post's headline and its author)
        if j > i and _english_headline(judged, middle):
            return score  # (the headline's English between it and its byline)
    return 0


def _date(
    judged: _Judged,
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


def name_date(name: str) -> dt.date | None:
    """The date a file name or an address is named by (``t20230512_1.html``,
    ``2023-05-12 风电招标.txt``); not a saving tool's stamp of when it saved the page."""
    match = _FILE_DATE.search(_SAVE_STAMP.sub("", name))
    return parse_date(f"{match[1]}-{match[2]}-{match[3]}") if match else None


_NAMED_PREFIX = re.compile(r"^《[^《》]{2,12}》\s*(?P<rest>\S.{3,})$")


def _subtitle_shown_apart(judged: _Judged, head: int, title: str) -> str | None:
    """The headline of a title ``A——B`` whose page shows its subtitle ``——B`` again on a line
    of its own under it (a reader view's title, which joins the two): A. (Not when the
    headline's line is A alone: an <h1> printing A, then ——B after a <br>, is one headline.)"""
    main, dash, sub = title.partition("——")
    want = "".join(sub.split()).lstrip("—–-")
    if not dash or len(main.strip()) < _MIN_HEADLINE_CHARS or not want:
        return None
    if "".join(judged.lines[head].split()) != "".join(title.split()):
        return None
    for i in range(head + 1, min(len(judged.lines), head + BYLINE_WINDOW + 3)):
        line = "".join(judged.lines[i].split())
        if judged.furniture[i] == "subtitle" and line.lstrip("—–-") == want:
            return main.strip()
    return None


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


def _dated_list_entry(judged: _Judged, i: int, top: int) -> bool:
    """Line `i` is an entry of a list of dated links, a headline and its date a line each
    (a sidebar's 最新文章 that lists the page's own article among the site's newest): the
    line under it is a bare date, and so is the line above it or the one two below, each
    unlabelled, the two on different days. Its date is the entry's, no byline of the page."""
    bylines = judged.bylines

    def bare_date(j: int) -> dt.date | None:
        b = bylines[j] if 0 <= j < top else None
        plain = b is not None and b.date is not None and not b.strong and b.source is None
        return b.date if plain and len(judged.lines[j]) <= 20 else None  # type: ignore[union-attr]

    below = bare_date(i + 1)
    if below is None or bylines[i] is not None:
        return False
    other = bare_date(i - 1) or (bare_date(i + 3) if bylines[i + 2 : i + 3] == [None] else None)
    return other is not None and other != below


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


def _empty_date_field(judged: _Judged, i: int) -> bool:
    line = judged.lines[i] if i < len(judged.lines) else ""
    return len(line) <= MAX_BYLINE_CHARS and bool(EMPTY_DATE_FIELD.search(simplified(line)))


def _source(
    judged: _Judged, near: range, hints: PageHints, template: SiteTemplate | None, title: str
) -> tuple[str | None, str]:
    source, source_from = _stated_or_site(judged, near, hints, template, title)
    if source and source_from.startswith("site name"):
        # An e-paper's platform (XX日报数字报刊平台) is published by the newspaper it names, an
        # organisation's portal (XX公司信息门户) by the organisation.
        source = portal_owner(newspaper_name(source))
        if (short := _short_company_name(source, template)) is not None:
            source, source_from = short, "site name (the short name its other pages credit)"
        elif (short := _short_name_in_markup(source, template)) is not None:
            source, source_from = short, "site name (the short name its pages' markup gives)"
        elif (brand := _brand_of_edition(source, judged)) is not None:
            source, source_from = brand, "site name (the company's, not its China edition's)"
        elif (
            source != hints.logo_name
            and not _credited(source, template)
            and (full := _fuller_name(source, judged)) is not None
        ):
            source, source_from = full, "site name (the fuller form the page prints of it)"
    return source, source_from


# What follows a company's name in its registered one: the place in brackets its registration
# adds (南屿（海州）科技有限公司), its legal form.
_REGISTERED_PLACE = re.compile(r"[(（][\u3400-\u9fff]{2,4}[)）]")
_LEGAL_FORM = re.compile(r"(?:股份)?有限(?:责任)?公司$|(?:股份|集团)公司$")
_TRADE = re.compile(r"[\u3400-\u9fff]{2,4}")  # (what a trade name adds to its mark: 科技, 能源)


def _fuller_name(name: str, judged: _Judged) -> str | None:
    """The fuller form of a site's name that its footer's holder gives and the page prints
    elsewhere too, where the <title> or the header gives it short: the registered name
    (南溪设计院有限公司 under the <title>'s 南溪设计院, greeted 欢迎访问南溪设计院有限公司),
    else the trade name without the registration's place and legal form (南屿科技, of
    南屿（海州）科技有限公司, under a header's mark 南屿)."""
    if not _BRAND.match(name):
        return None
    footer = judged.lines[-12:]
    for holder in filter(None, map(owner_name, footer)):
        trade = _LEGAL_FORM.sub("", _REGISTERED_PLACE.sub("", holder))
        forms = [(holder, _LEGAL_FORM.fullmatch(holder[len(name) :]))]
        forms.append((trade, trade != holder and _TRADE.fullmatch(trade[len(name) :])))
        for form, shaped in forms:
            if not shaped or not form.startswith(name):
                continue
            # (printed elsewhere than in the footer's copyright line: it is the name it uses;
            # the trade name printed on its own, not inside the registered one that a header's
            # greeting, 欢迎访问X开发有限公司, prints whole)
            bare = form != holder
            if any(
                (form in line.replace(holder, "") if bare else form in line)
                and owner_name(line) != holder
                for line in judged.lines
            ):
                return form
    return None


# A multinational's China edition of its site (X中国, X China) whose copyright holder is its
# Chinese subsidiary, X（中国）投资有限公司: the site's news is X's, as its text calls it.
_EDITION = re.compile(r"^(?P<brand>[\u3400-\u9fff]{2,10}?)\s*[(（]?中国[)）]?$")


def _brand_of_edition(name: str, judged: _Judged) -> str | None:
    match = _EDITION.match(name)
    if not match:
        return None
    brand = match["brand"]
    subsidiary = re.compile(re.escape(brand) + r"\s*[(（]\s*中国\s*[)）]\S*(?:公司|集团)")
    for line in judged.lines[-12:]:
        if (owner := owner_name(line)) and subsidiary.match(owner):
            return brand
    return None


def _agreed_site_name(judged: _Judged, template: SiteTemplate | None) -> str | None:
    """The site's name its pages vote for: the one nearly all the pages' markup gives, else the
    one most of them give where this page prints it too (its copyright line, its logo)."""
    if template is None:
        return None
    if agreed := template.site_name:
        return agreed
    if not (leading := template.leading_name):
        return None
    # (printed in the page's chrome, not in its text: a page of another site that quotes it)
    chrome = (line for i, line in enumerate(judged.lines) if judged.rules[i] or judged.furniture[i])
    return leading if any(leading in line for line in chrome) else None


def _short_company_name(name: str, template: SiteTemplate | None) -> str | None:
    """The short name a company's site credits its own news with on its other pages (来源：岚湾核电
    on a site named 岚湾核电有限公司): the name a page of the same site without a credit is by."""
    short = _COMPANY.sub("", name)
    if short == name or not _BRAND.match(short):
        return None
    return short if _credited(short, template) else None


def _short_name_in_markup(name: str, template: SiteTemplate | None) -> str | None:
    """The short name a company's site goes by where one of its pages' <title> (or og:site_name)
    gives it (…_北溪能源 beside the others' …-北溪能源有限公司): the registered name is the
    holder's, the short one the name the site itself uses."""
    short = _COMPANY.sub("", name)
    if short == name or not _BRAND.match(short) or template is None:
        return None
    return short if template.names[short] else None


def _credited(name: str, template: SiteTemplate | None) -> bool:
    """Whether the site's other pages credit their news to `name` (来源：岚湾核电)."""
    if template is None:
        return False
    for line in template.lines:
        if name in line and (b := parse_byline(line)) is not None and b.source == name:
            return True
    return False


# A site's mark on its own work in the 来源 field (来源：光能侠原创 on 光能侠光伏网): the site.
_ORIGINAL_WORK = re.compile(r"^(?P<name>[\u3400-\u9fff]{2,12}?)\s*原创$")


def _own_original(source: str, hints: PageHints) -> str | None:
    """The site's name where the 来源 field marks the work the site's own by the start of
    that name (光能侠原创 under og:site_name 光能侠光伏网)."""
    match = _ORIGINAL_WORK.match(source)
    if not match:
        return None
    for name in (site_by_logo(hints), hints.logo_name):
        if name and name.startswith(match["name"]):
            return name
    return None


# A department's name after its organisation's (信息技术部, 网络中心, 办公室).
_UNIT_TAIL = re.compile(r"^[\u3400-\u9fff]{1,10}(?:部|处|科|室|办|组|中心)$")


def _owner_of_keeping_unit(keeper: str | None, hints: PageHints) -> str | None:
    """The site's name where the unit that keeps the site is a department of it (本网站由
    X中心信息技术部维护 on X中心's site): the site is the organisation's, not the unit's that
    runs its servers."""
    for name in (hints.site_name, hints.logo_name):
        if keeper and name and keeper.startswith(name) and _UNIT_TAIL.match(keeper[len(name) :]):
            return name
    return keeper


def _stated_or_site(
    judged: _Judged, near: range, hints: PageHints, template: SiteTemplate | None, title: str
) -> tuple[str | None, str]:
    stated = [
        (i not in near, i) for i, b in enumerate(judged.bylines[: judged.limit]) if b and b.source
    ]
    if stated:
        _, i = min(stated)
        stated_source: str = judged.bylines[i].source  # type: ignore[union-attr,assignment]
        if own := _own_original(stated_source, hints):
            return own, "site name (its own 原创 mark in the byline)"
        return stated_source, "byline 来源"
    if hints.stated_source:
        return hints.stated_source, "meta source"
    if hints.marked_source:
        return hints.marked_source, "source element"
    if judged.hints.get("source"):
        return judged.hints["source"], "patterns file"
    text = [line for i, line in enumerate(judged.lines[: judged.limit]) if not judged.rules[i]]
    if name := _agency_lead(text):
        return name, "news agency's mark opening the text"
    if name := _release_credited_last(text):
        return name, "the press release the text's last line credits"
    for i in near:
        # a paper's or site's name as an unlabelled field beside the byline's date
        if i < len(judged.lines) and judged.bylines[i] and (name := byline_name(judged.lines[i])):
            return name, "byline (unlabelled name beside the date)"
        # (or beside an app's relative time, 南溪日报 3小时前: a paper's name, not a poster's)
        if i < len(judged.lines) and judged.furniture[i] == "time":
            match = _NAME_BEFORE_TIME.match(judged.lines[i])
            if match and looks_like_site_name(match["name"]):
                return match["name"], "byline (a site's name beside the time)"
    keeper = next(filter(None, map(kept_by, judged.lines)), None)
    keeper = _owner_of_keeping_unit(keeper, hints)
    if keeper and hints.site_name and hints.site_name == hints.logo_name:
        # (本知识库由 X 维护 under a header whose logo is the hosting platform's: the site's
        # owner is X, whatever the logo says)
        return keeper, "site name (who the site says keeps it)"
    # (a host name, nxny.example.org, in a CMS's og:site_name or <title>: the site's address,
    # not its name; only where the page names it no other way)
    if hints.site_name and not hints.logo_name and _headline_as_site(hints.site_name, title):
        # (a page without an <h1> whose <title> is its headline alone: the <title> names no
        # site; the page names it otherwise, by its copyright line)
        hints = replace(hints, site_name=None)
    host = hints.site_name if hints.site_name and _HOST_NAME.fullmatch(hints.site_name) else None
    if hints.site_name and not host:
        if name := _network_of_channel(judged, hints.site_name):
            return name, "site name (the network the breadcrumb and the copyright line name)"
        if name := _owner_over_meta(judged, hints):
            return name, "site name (<title> or logo, the footer's owner, over the markup's)"
        name = site_by_logo(hints) or hints.site_name
        agreed = _agreed_site_name(judged, template)
        if agreed and simplified(fold_width(agreed)) != simplified(fold_width(name)):
            # (the name nearly all of the site's pages give, over this page's odd one: a
            # slogan, a domain, the hosting platform's name; its own script kept, 華擎電氣)
            return agreed, "site name (the name the site's pages agree on)"
        if name != hints.site_name:
            return name, "site name (the logo's alt text, over its company's)"
        return hints.site_name, "site name (page markup)"
    if name := _agreed_site_name(judged, template):
        # (a page whose <title> is the headline alone is the site's all the same)
        return name, "site name (the markup of the site's other pages)"
    if keeper:
        # (本知识库由 X 维护: the site's owner, over a hosting platform's header and logo)
        return keeper, "site name (who the site says keeps it)"
    if shared_document(judged.lines):
        # (a document shared from a wiki platform, under its space's name, 北坨风电知识库: the
        # organisation the space is named for)
        for line in judged.lines[:4]:
            if name := wiki_space_owner(line):
                return name, "site name (the shared document's wiki space)"
    if name := header_issuer(judged.lines):
        return name, "site name (the document's issuing organ)"
    owners = [name for line in judged.lines if (name := owner_name(line))]
    if name := _saved_title_site(judged.lines[:2], title, owners):
        return name, "site name (saved page title)"
    for i in near:
        if i < len(judged.lines) and (name := byline_site_name(judged.lines[i])):
            return name, "site name (byline)"
    # (nor is a section the breadcrumb passes through, 首页 > 新闻中心 > 项目: the site's column)
    sections = _crumb_sections(judged)
    for i, line in enumerate(judged.lines):
        # (a related-articles heading, 相关新闻, is furniture, not a header naming the site;
        # after a patterns file's end: line, which left the rest unjudged, the template's)
        rule = judged.rules[i] if i < judged.limit else _template_rule(template, line)
        template_line = (rule or "").startswith("template") and not judged.furniture[i]
        # (nor is a menu's item: a section named like a site, 综合新闻)
        if template_line and not _menu_item(judged.lines, i) and (name := site_name_in(line)):
            if name in sections:
                continue
            return name, "site name (learned header)"
    for i, line in enumerate(judged.lines[:3]):
        # The site's header: its first repeated line that is not furniture, first field.
        if (judged.rules[i] or "").startswith("template") and not judged.furniture[i]:
            name = header_name(line)
            # (a name that is not shaped like a site's must be named again on the page, as the
            # footer does: a weather widget's 天文台 at the top is not the site)
            if name in sections:
                break
            # (nor is the first item of a menu under a logo drawn as an image: 公司概况 /
            # 新闻中心 / 核安全, whose logo's alt text names the site; a name shaped like a
            # site's, 南溪能源网, heading the menu is still the header)
            if (
                hints.logo_name
                and name != hints.logo_name
                and not looks_like_site_name(name or "")
                and all(_MENU_ITEM.match(line) for line in judged.lines[i : i + 3])
            ):
                break
            if name and (looks_like_site_name(name) or _named_again(judged.lines, i, name)):
                return name, "site name (learned header)"
            break
    if name := _own_work_notice(judged.lines):
        return name, "site name (its reprint notice: 本文为X整理)"
    for i, line in enumerate(judged.lines):
        # (a copyright line the site's template learned is a copyright line all the same)
        copyright = "copyright" in (judged.rules[i], judged.furniture[i])
        # (the headline is no site's name, though it end like one: 储能电站并网)
        if not copyright and clean_title(line) == clean_title(title):
            continue
        if copyright or judged.rules[i] == "patterns file" or i < 2:
            name = site_name_in(line)
            if name and (copyright or looks_like_site_name(line)):
                return name, "site name (page header or copyright line)"
    if judged.lines and _is_site_header(judged.lines[0]):  # a header line at the top
        return header_name(judged.lines[0]), "site name (page header)"
    for line in reversed(judged.lines[judged.limit - 12 if judged.limit > 12 else 0 :]):
        if name := owner_name(line):
            # (a page that shows no logo, a text page, reads as its site's pages that show one)
            logo = hints.logo_name or (template.site_logo if template else None) or ""
            if _BRAND.match(logo) and _COMPANY.search(name) and not _COMPANY.search(logo):
                # (the company that runs the site, 南溪信息技术有限公司: its logo names the site)
                return logo, "site name (the logo's alt text, over its company's)"
            # (the same on a text page: its first line, a brand the page names again,
            # 关于微博, over the company of its copyright line; not when the logo names that
            # company: the first line is then a menu's, 公司概况)
            if _COMPANY.search(name) and name != logo and (brand := _header_brand(judged)):
                return brand, "site name (the page's header, over its company's)"
            return name, "site name (copyright or sponsor line)"
    if hints.logo_name:
        return hints.logo_name, "site name (the logo's alt text)"
    if name := _breadcrumb_root(judged):
        return name, "site name (the breadcrumb's first item)"
    if host:
        return host, "site name (page markup: its host name, the only name it gives)"
    return None, "none"


# A breadcrumb's label (您现在的位置：) and the first item after it, up to the separator.
_CRUMB_ROOT = re.compile(CRUMB_LABEL + r"\s*[:：]\s*(?P<root>[^\s>＞»›/→]+)\s*(?:>>?|＞|»|›|→)")


def _crumb_sections(judged: _Judged, *, last: bool = True) -> set[str]:
    """The items of the page's breadcrumb after its first (the home page's): sections; with
    `last` false, only those it passes through (its last item may be the headline itself)."""
    sections: set[str] = set()
    for i, line in enumerate(judged.lines[: judged.limit]):
        if "breadcrumb" in (judged.furniture[i], judged.rules[i]):
            items = _CRUMB_SPLIT.split(_CRUMB_LABEL.sub("", line.strip()))[1:]
            sections.update(items if last else items[:-1])
    return sections


def _breadcrumb_root(judged: _Judged) -> str | None:
    """The site's name as the first item of a labelled breadcrumb (您现在的位置： X >> 文章中心
    >> 正文), on a page that names its site nowhere else: the root of the trail is the home
    page, which an old ASP CMS labels with the site's name instead of 首页. Only a name shaped
    like a site's counts (a trail starting 首页 or a section names no site)."""
    for i, line in enumerate(judged.lines):
        if judged.furniture[i] != "breadcrumb" and judged.rules[i] != "breadcrumb":
            continue
        match = _CRUMB_ROOT.match(line.strip())
        if match and looks_like_site_name(match["root"]):
            return match["root"]
    return None


def _headline_as_site(site: str, title: str) -> bool:
    return bool(title) and "".join(clean_title(site).split()) == "".join(title.split())


def site_by_logo(hints: PageHints) -> str | None:
    """The site's name by its markup: the company that runs the site, named in the <title>
    (西岭光电股份有限公司), under the logo of the short name it goes by (西岭光电), is the
    logo's site."""
    logo, site = hints.logo_name or "", hints.site_name or ""
    if _HOST_NAME.fullmatch(site):
        return None  # (an address, not a name: see _stated_or_site)
    if _BRAND.match(logo) and _COMPANY.search(site) and site.startswith(logo):
        return logo
    if _journal_office_of(site, logo):
        return logo
    return hints.site_name


# A journal's editorial office as the site's name (《能源与动力研究》编辑部, X杂志社): under the
# logo naming the journal, the site is the journal's, as a company's site is its brand's.
_JOURNAL_OFFICE = re.compile(r"^《(?P<name>[^《》]{2,20})》\s*(?:编辑部|杂志社|编委会|编辑委员会)$")


def _journal_office_of(site: str, logo: str) -> bool:
    match = _JOURNAL_OFFICE.match(site)
    return bool(match and logo and logo.strip("《》") == match["name"])


# A news agency's mark opening the text (【共同社】, 【新华社北京5月20日电】): the agency wrote it.
# A paper's own mark (【本报讯】) names no one but the site, so it ends in 讯/电, never 社.
_AGENCY_LEAD = re.compile(r"^\s*[【\[]\s*(?P<name>[^】\]\s\d]{2,8}社)[^】\]]{0,20}[】\]]")
# A reprint notice naming the site's own work (声明：本文为X整理，转载请注明出处).
_OWN_WORK = re.compile(
    r"本文(?:为|系|由)\s*(?P<name>[^\s，,。:：、“”\"]{2,12}?)\s*"
    r"(?:原创|整理|编辑|编译|独家|首发|发布|撰写)"
)


# A story rewritten from a press release that says so in its last line, 資料來源：
# X新聞稿 (the byline states no source): the release is where the story comes from, as a
# 来源 field would say. Only a press release (新闻稿, 新闻公报, 通稿), only on a line of its own
# under the text's first paragraphs: a 资料来源 of other kinds credits figures, not the story.
_RELEASE_CREDIT = re.compile(
    r"^[(（]?\s*(?:資料來源|资料来源|消息來源|消息来源|來源|来源)\s*[:：]\s*"
    r"(?P<name>[^\s，。,;；:：]{2,30}?(?:新聞稿|新闻稿|新聞公報|新闻公报|通稿))\s*[)）]?\s*[。.]?$"
)


def _release_credited_last(text: list[str]) -> str | None:
    # (the page's lines past the text, side columns and footer, are in `text` too: the credit is
    # the line alone, with paragraphs of the text above it)
    for i, line in enumerate(text):
        if i >= 2 and (match := _RELEASE_CREDIT.match(line.strip())):
            return match["name"]
    return None


def _agency_lead(lines: list[str]) -> str | None:
    for line in lines:
        if match := _AGENCY_LEAD.match(fold_width(line)):
            return match["name"]
    return None


def _own_work_notice(lines: list[str]) -> str | None:
    """The site a reprint notice says wrote or compiled the page (本文为X整理，转载请注明出处)."""
    for line in lines:
        text = simplified(line)
        if "转载" in text and (match := _OWN_WORK.search(text)):
            # (the name as printed, traditional or not, where simplifying kept the length)
            printed = fold_width(line)
            return (
                printed[match.start("name") : match.end("name")]
                if len(printed) == len(text)
                else match["name"]
            )
    return None


_NAME_BEFORE_TIME = re.compile(r"^(?P<name>[^\s\d]{2,12})\s+(?:刚刚|\d+\s*(?:秒|分钟|小时|天)前)$")


def _network_of_channel(judged: _Judged, site: str) -> str | None:
    """The network a channel's site belongs to, for a page of the channel that states no source:
    its breadcrumb starts with the network's name, then the channel's (``北辰电力网 > 北辰光伏网
    > 光伏要闻 > 正文``: the channel is a section of the network's site), and its copyright line
    names the network as the owner."""
    owners = {owner_name(line) for line in judged.lines[-12:]} - {None, site}
    if not owners:
        return None
    for line in judged.lines[: judged.limit]:
        items = _CRUMB_SPLIT.split(_CRUMB_LABEL.sub("", line))
        if len(items) >= 3 and items[1] == site and items[0] in owners:
            return items[0]
    return None


_EDITION_OF = re.compile(
    r"^(?:第[一二三四五六七八九十百零〇\d]{1,4}届|\d{4}\s*年?)\s*(?P<name>\S{2,20})$"
)


def _owner_over_meta(judged: _Judged, hints: PageHints) -> str | None:
    """The <title>'s site name, or the logo's, where the markup's (``<meta name="SiteName">``)
    is another's and the page's footer names it as its owner (主办单位：X, 版权所有 X): a
    department's pages on its government's portal, whose CMS writes the portal's name in every
    page's meta."""
    owners = {owner_name(line) for line in judged.lines[-12:]}
    if hints.title_site and hints.title_site != hints.site_name and hints.title_site in owners:
        return hints.title_site
    # (the <title>'s part, or og:site_name's, that the copyright line names, over a slogan
    # beside it: 标题_南溪能源观察_专业的能源资讯门户, og:site_name 南溪能源观察 - 专业能源资讯平台)
    parts = [*hints.title_parts, *split_title(hints.site_name or "")]
    for part in parts:
        if part != hints.site_name and part != hints.headline and part in owners:
            return part
    # (a Latin brand where the copyright line names the site in Chinese, NXNY over
    # 南溪能源观察, or beside it, NXNY 南溪能源观察: the name it gives its Chinese readers)
    for line in judged.lines[-12:]:
        owner = owner_name(line)
        # (not where a holder in Latin letters comes first: © 2024 Nanwan Power A/S 版权所有 ·
        # 隐私政策 is the foreign company's line; an ICP number after the name is no holder)
        before = line.split(owner)[0] if owner else ""
        latin = _LATIN_WORD.search(_COPYRIGHT_WORDS.sub("", before))
        if not owner or latin or not _BRAND.match(owner) or _COMPANY.search(owner):
            continue
        for part in [hints.site_name or "", *parts]:
            rest = part.replace(owner, " ")
            if part != hints.headline and rest.strip() and _LATIN_BRAND.fullmatch(rest):
                return owner
    # (an event's site whose <title> names this year's edition, 第十二届X, 2026X: the event,
    # X, that the copyright line names)
    if (edition := _EDITION_OF.match(hints.site_name or "")) and edition["name"] in owners:
        return edition["name"]
    # (a 站群's subsite: the markup names the group's portal, 县人民政府, which the page prints
    # nowhere, while the <title> names the subsite that heads the page's header)
    if (title_site := hints.title_site) and _meta_of_group_portal(judged, hints):
        head = judged.lines.index(hints.headline) if hints.headline in judged.lines else 15
        if any(header_name(line) == title_site for line in judged.lines[:head]):
            return title_site
    # (the logo's, only an organ's over an organ's portal: a news site's logo may show the
    # paper that sponsors it, which is not the site)
    logo, site = hints.logo_name, hints.site_name or ""
    if logo and logo != site and logo in owners and looks_like_organ(logo):
        return logo if looks_like_organ(site) else None
    return None


def _meta_of_group_portal(judged: _Judged, hints: PageHints) -> bool:
    """The markup's site name is an organ's portal (…人民政府) that the page prints nowhere."""
    site = hints.site_name or ""
    return (
        looks_like_organ(site)
        and site != hints.title_site
        and not any(site in line for line in judged.lines)
    )


def _template_rule(template: SiteTemplate | None, line: str) -> str | None:
    return template.rule(line) if template is not None and line_rule(line) is None else None


_MENU_ITEM = re.compile(r"^[^\s，。,.:：!！?？]{1,8}$")


def _menu_item(lines: list[str], i: int) -> bool:
    """Line `i` is an item of a menu set out one item a line (首页 / 学校要闻 / 综合新闻 / …):
    a run of three or more short words, of which it is not the first (a logo may start it),
    unless the first is one of the run's items again (a side menu's heading, the section it
    is in: 学院新闻 / 学院新闻 / 学术动态 / 通知公告)."""
    if not _MENU_ITEM.match(lines[i]):
        return False
    start, end = i, i
    while start > 0 and _MENU_ITEM.match(lines[start - 1]):
        start -= 1
    while end + 1 < len(lines) and _MENU_ITEM.match(lines[end + 1]):
        end += 1
    return end - start >= 2 and (i != start or lines[i] in lines[start + 1 : end + 1])


def _header_brand(judged: _Judged) -> str | None:
    """The page's first line when it is a short name alone (微博) that the page names again."""
    lines = judged.lines
    if not lines or (judged.rules[0] and not judged.rules[0].startswith("template")):
        return None
    first = lines[0].strip()
    if header_name(first) is None:
        return None  # (a menu's first item, 首页, which its breadcrumb names again)
    return first if _BRAND.match(first) and _named_again(lines, 0, first) else None


def _named_again(lines: list[str], at: int, name: str) -> bool:
    return any(name in line for i, line in enumerate(lines) if i != at)


def _saved_title_site(lines: list[str], title: str, owners: Sequence[str] = ()) -> str | None:
    """The site's name in a saved page title at the top of a text page, the part after the
    headline (``标题-XX数字报``, ``标题_政策_XX网``), as an HTML page's ``<title>`` gives it; of
    several parts, the one the copyright line's owner starts with (``标题-X电气-关键词|关键词``
    over ``© X电气科技有限公司``: the keywords after it are no site)."""
    for line in lines:
        if len(title) < _MIN_HEADLINE_CHARS or line == title or not line.startswith(title):
            continue
        rest = line[len(title) :]
        if not rest.lstrip() or rest.lstrip()[0] not in _BOUNDARY:
            continue
        parts = split_title(rest.strip(_BOUNDARY + " "))
        owned = [part for part in parts if any(owner.startswith(part) for owner in owners)]
        name = owned[0] if owned else parts[-1] if parts else ""
        if 2 <= len(name) <= 20 and _CJK_CHARS.search(name) and not is_prose(name):
            return name
    return None


def _breadcrumb(lines: list[str], rules: list[str | None], title: str) -> str | None:
    """The last item of the page's breadcrumb (``首页 > 新闻 > 政策`` → 政策)."""
    for i, line in enumerate(lines):
        if rules[i] != "breadcrumb" and not (
            rules[i] and rules[i].startswith("template") and line_rule(line) == "breadcrumb"  # type: ignore[union-attr]
        ):
            continue
        line = _CRUMB_LABEL.sub("", line)
        cut_short = False
        if ellipsis := _ELLIPSIS_END.search(line):
            # The headline cut short ends the crumb (首页 > 项目 > 120MW/240MWh...): no
            # section, nor are the parts of it that a slash sets apart.
            line = line[: ellipsis.start()].rstrip()
            starts = [p for p in range(len(line)) if title.startswith(line[p:].strip())]
            start = next((p for p in starts if len(line[p:].strip()) >= 4), None)
            line, cut_short = (line, True) if start is None else (line[:start], False)
        items = [item.strip() for item in _CRUMB_ITEMS.split(line)]
        items = [item for item in items if item]
        if cut_short and items:
            items.pop()
        while items and (
            items[-1] in _CRUMB_NOT_CATEGORY
            or items[-1] == title
            or (title and len(items[-1]) > 6 and (items[-1] in title or title in items[-1]))
        ):
            items.pop()
        if len(items) >= 2 or (items and _CRUMB_LABEL.match(line)):
            last = items[-1]
            # (a short X新闻 or X资讯 after the crumb's first item, 行业新闻 or 公司资讯, is a
            # column, though it ends like a site's name)
            column = len(items) >= 2 and _CRUMB_COLUMN.match(last) is not None
            if len(last) <= 12 and (column or not looks_like_site_name(last)) and " " not in last:
                return clean_title(last) or None
        return None
    return None


# What a CMS prints after the headline in the same element (PHPCMS's ``<h1>标题<span>日期
# 来源：X 点击：</span></h1>``): a date, or a labelled field, then anything.
_META_TAIL = re.compile(
    r"\s*(?:\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?\s*"
    r"|(?:来源|作者|点击|浏览|阅读|发布时间|时间|日期|编辑)\s*[:：]).*"
)


def _without_meta_tail(title: str, hint: str | None) -> str:
    """The markup's headline, where the line the page shows is that headline with the meta
    line glued after it (a date, 来源：X, 点击：): the meta line is no part of the headline."""
    if not hint or len(hint) < 4 or title == hint or not title.startswith(hint):
        return title
    return hint if _META_TAIL.fullmatch(title[len(hint) :]) else title


# A lead's opening: a dateline (5月12日，近日，本报讯) — an article's first paragraph, which a
# template may set apart above the rest (a 导语 box), not a deck.
_DATELINE_START = re.compile(
    r"^\s*(?:（[^）]{1,20}）|\([^)]{1,20}\))?\s*(?:\d{1,2}月\d{1,2}日|近日|日前|昨天|今天|近期"
    r"|本报讯|本刊讯|本网讯|讯|据|记者(?:从|近日|日前|获悉|了解到|注意到|在))"
)


# A reporter's dateline in brackets opening a paper's first paragraph, as Taiwan and Hong Kong
# papers print it: 【記者 X／台北報導】, 〔記者X／高雄報導〕, (中央社記者X台北12日電): the reporter
# and the city, a byline a reader skips, not the text's words. Only with the reporter's city and
# 报导/电, so a bracketed lead that goes on with the news (【独家】, （记者 X）说) stays.
_REPORTER_DATELINE = re.compile(
    r"^\s*[【〔\[（(]\s*(?:本报|本刊|特约|实习)?记者\s*[^】〕\]）()（\s/／]{2,12}"
    r"(?:\s*[、,，]\s*[^】〕\]）()（\s/／]{2,6}){0,3}\s*[/／]?\s*"
    r"[^】〕\]）()（/／，。]{0,16}(?:报导|报道|电)\s*[】〕\]）)]"
)


def _reporter_dateline_end(line: str) -> int:
    """Where a reporter's bracketed dateline opening ``line`` ends (0: none), when prose follows."""
    folded = simplified(line)
    if len(folded) != len(line) or not (found := _REPORTER_DATELINE.match(folded)):
        return 0
    return found.end() if len(line) - found.end() >= 10 else 0


def _labelled_or_cut(line: str) -> bool:
    """A box labelled 摘要/导语/【X】, or cut off with an ellipsis: earlier rounds' rules judge
    it (`_cut_summary` drops one that repeats the text's start; `_abstract` keeps an author's
    abstract, and a labelled summary the text does not begin with stays)."""
    return bool(_SUMMARY_LABEL.match(line) or _ELLIPSIS.search(line)) or line.lstrip()[:1] in "【["


def _set_apart_deck(body: list[str], decks: tuple[str, ...]) -> int | None:
    """Where the body's first line of prose, or a short line above it (under a table of
    contents' headings), is a short block the markup sets apart right above the element that
    holds the text's paragraphs (a summary box), unlabelled and whole, no dateline's lead,
    above at least two lines of text: the editor's summary, not the text."""
    if not decks or len(body) < 3:
        return None
    for at, line in enumerate(body[:6]):
        if "".join(line.split()) in decks:
            rest = body[at + 1 :]
            if _DATELINE_START.match(line) or len(rest) < 2 or _labelled_or_cut(line):
                return None
            return at if any(is_prose(r) for r in rest) else None
        if is_prose(line):
            return None
    return None


# A list's item: a clause or a sentence closed by ；or 。 (not a headline, not a link).
_LIST_ITEM_END = ("；", ";", "。")


def _with_introduced_list(body: list[str], taken: list[bool], links: frozenset[str]) -> list[bool]:
    """`taken` with the items of a list that a kept line introduces (具体做法包括：) and a kept
    line follows, each closed by ；or 。: the text's own list, which trafilatura leaves out of
    some pages (an ``<ol>`` in a table cell)."""
    taken = list(taken)
    i = 0
    while i < len(body):
        if not (taken[i] and body[i].rstrip().endswith(("：", ":"))):
            i += 1
            continue
        i = _take_list_under(body, taken, i, links)
    return taken


def _take_list_under(body: list[str], taken: list[bool], i: int, links: frozenset[str]) -> int:
    """Take (in `taken`) the lines under kept line `i` that are a list's items, each closed by
    ；or 。 and no link's text, when a kept line follows them; where the run ended."""
    end = i + 1
    while end < len(body) and not taken[end]:
        item = body[end].strip()
        if not item.endswith(_LIST_ITEM_END) or "".join(item.split()) in links:
            break
        end += 1
    if end > i + 1 and end < len(body) and taken[end]:
        taken[i + 1 : end] = [True] * (end - i - 1)
    return end


def _with_headed_list(body: list[str], taken: list[bool], links: frozenset[str]) -> list[bool]:
    """`taken` with the items of a list right under a kept numbered section heading (二、申请
    条件) that a kept line follows, each closed by ；or 。: the section's own list, as
    `_with_introduced_list` takes one under a line ending in ：."""
    taken = list(taken)
    for i, line in enumerate(body):
        if taken[i] and _SECTION_HEAD.match(line.strip()):
            _take_list_under(body, taken, i, links)
    return taken


# A table of contents' label (目录, 文章目录, 本文目录, 目　录, Contents).
_CONTENTS_LABEL = re.compile(
    r"^\s*(?:文章|本文|内容)?目\s*录\s*[:：]?\s*$|^\s*(?:Table of )?Contents\s*$", re.I
)
_CONTENTS_ENTRY_CHARS = 30


def _without_contents(body: list[str], dropped: list[Dropped]) -> list[str]:
    """The body without a table of contents at its top: a 目录 label over two or more short
    entries, each shown again further down as its own line (the text's section headings). A
    long post's theme prints it above the text (a static site's collapsible TOC block); it
    repeats the headings and is no text."""
    for at, line in enumerate(body[:8]):
        if not _CONTENTS_LABEL.match(line):
            continue
        end = at + 1
        while end < len(body):
            entry = body[end].strip()
            short = 0 < len(entry) <= _CONTENTS_ENTRY_CHARS and not entry.endswith(_SENTENCE_ENDS)
            if not short or entry not in (b.strip() for b in body[end + 1 :]):
                break
            end += 1
        if end - at - 1 < 2:
            return body
        dropped += [Dropped(b, "table of contents") for b in body[at:end]]
        return body[:at] + body[end:]
    return body


def _byline_by_headline(bylines: list, i: int, near: range) -> bool:
    """Line `i` is a byline by the headline (a line the site's template repeats on each page,
    发布时间：X or 来源：Y, dropped as the template's): a standfirst above it is not the text's
    start, so a share bar under it does not end the article, as for a byline no template
    rule claimed."""
    return i in near and bylines[i] is not None


# (two credited captions or more: the page's pictures tell its story, a photo report's)
_GALLERY_CAPTIONS = 2


def _with_captions_between(body: list[str], taken: list[bool]) -> list[bool]:
    """Also take a run of photo captions (…觅食。X记者 张三 摄) between two lines of the text: a
    gallery's pictures sit between its paragraphs and their captions tell its story, which
    trafilatura leaves out as short lines; each must credit its photographer. A photo report
    has two or more such captions: one picture's caption in a story is its label, left out."""
    if sum(photo_credit_line(line) for line in body) < _GALLERY_CAPTIONS:
        return taken
    taken = list(taken)
    i = 0
    while i < len(body):
        if taken[i] or not photo_credit_line(body[i]):
            i += 1
            continue
        end = i
        while end < len(body) and not taken[end] and photo_credit_line(body[end]):
            end += 1
        if i > 0 and taken[i - 1] and end < len(body) and taken[end]:
            taken[i:end] = [True] * (end - i)
        i = end
    return taken
