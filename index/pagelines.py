"""A page's lines judged one by one, before its parts are looked for.

Each line is judged by the patterns file, the site's learned template and the built-in rules
(`index.furniture`); bylines and author lines are read, and the hints a page's lines give
(a menu's sections, an author's card, a breadcrumb's end) are collected. `index.headlines`,
`index.pagedates`, `index.pagesources` and `index.bodytext` read the judged lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from xinwen.index.bylines import Byline, data_source_byline, is_author_line, parse_byline
from xinwen.index.cleaning import roc_leading_date, writes_roc_years
from xinwen.index.furniture import CRUMB_LABEL, headline_shaped, is_latin_prose, is_prose, line_rule
from xinwen.index.linetext import looks_like_site_name
from xinwen.index.pagerecords import Boilerplate
from xinwen.index.sitenames import header_name, newspaper_name
from xinwen.index.template import SiteTemplate

# A plain (non-end) pattern marks a file as a scraped page only within its first lines: a
# navigation-like line deep inside a THUCNews article must not turn it into a "page".
HEADER_LINES = 5
# How far down the page a headline is looked for.
HEADLINE_SEARCH_LINES = 40
# How far (in lines) from the headline a byline is taken to be the article's.
BYLINE_WINDOW = 3
MIN_HEADLINE_CHARS = 4
CJK_CHARS = re.compile(r"[\u3400-\u9fff]")
SENTENCE_ENDS = ("。", "！", "？", "。”", "！”", "？”")
CRUMB_SPLIT = re.compile(r"\s*[>＞»›]\s*")
# (a line known to be a breadcrumb: 首页 / 新闻 / 详情 and 首页→新闻中心→公司新闻 too)
CRUMB_ITEMS = re.compile(r"\s*[>＞»›→/]\s*")
CRUMB_LABEL_LINE = re.compile(CRUMB_LABEL + r"\s*[:：]\s*")


@dataclass
class JudgedLines:
    lines: list[str]
    rules: list[str | None]
    furniture: list[str | None]  # the built-in rule a line matches (whatever else judged it)
    bylines: list[Byline | None]
    authors: list[bool]  # an author line (作者：X, 本报记者 X): marks a headline as a byline does
    limit: int  # lines from here on are cut by a patterns-file end: line
    hints: dict[str, str] = field(default_factory=dict)
    user_page: bool = False  # the patterns file recognised the page
    date_from_text: bool = False


def judge_lines(
    lines: list[str], boilerplate: Boilerplate, template: SiteTemplate | None
) -> JudgedLines:
    n = len(lines)
    judged = JudgedLines(lines, [None] * n, [None] * n, [None] * n, [False] * n, n)
    begun = False  # a line of the article's text has been seen
    for i, line in enumerate(lines):
        if any(p.search(line) for p in boilerplate.date_from_text):
            judged.date_from_text = True
        if match := search_any(boilerplate.end, line):
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
        if match := search_any(boilerplate.remove, line):
            _collect_hints(match, judged.hints)
            judged.user_page = judged.user_page or i < HEADER_LINES
            judged.rules[i] = "patterns file"
            continue
        judged.furniture[i] = furniture = line_rule(line)
        judged.rules[i] = (template.rule(line) if template else None) or furniture
        judged.bylines[i] = parse_byline(line)
        judged.authors[i] = judged.bylines[i] is None and is_author_line(line)
        if judged.rules[i] is None and judged.bylines[i] is None:
            begun = begun or is_prose(line) or line.endswith(SENTENCE_ENDS)
            begun = begun or is_latin_prose(line)
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
    _data_source_beyond_a_field(judged, min(judged.limit, n))
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


def _menu_sections(judged: JudgedLines) -> set[str]:
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


def _author_and_section(judged: JudgedLines, i: int, sections: set[str]) -> bool:
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


def _author_card(judged: JudgedLines, k: int) -> list[int]:
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


def _account_line(judged: JudgedLines, i: int) -> bool:
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
    if j >= 1 and crumb_end(judged, j):
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
        and not is_site_header(above)
        and not _SHORT_CRUMB.match(above)
    )


# A breadcrumb of two or more short sections set apart by spaced separators (新闻与洞察 / 新闻稿):
# no headline, whatever short line stands under it.
_SHORT_CRUMB = re.compile(r"^[^\s/>＞»›→]{1,8}(?:\s+[/>＞»›→]\s+[^\s/>＞»›→]{1,8})+$")


_HANDLE = re.compile(r"^[A-Za-z][A-Za-z0-9_.-]{1,19}$")


def crumb_end(judged: JudgedLines, j: int) -> bool:
    """Line `j` is a short label that ends a breadcrumb above it (首页 > 版块 > 新闻 > 政策)."""
    line = judged.lines[j]
    if len(line) > 8 or judged.bylines[j] is not None:
        return False
    return any(
        judged.furniture[k] == "breadcrumb" and CRUMB_ITEMS.split(judged.lines[k])[-1] == line
        for k in range(j)
    )


def search_any(patterns: tuple[re.Pattern[str], ...], line: str) -> re.Match[str] | None:
    for pattern in patterns:
        if match := pattern.search(line):
            return match
    return None


def _collect_hints(match: re.Match[str], hints: dict[str, str]) -> None:
    for name in ("title", "source"):
        value = match.groupdict().get(name)
        if value and value.strip() and name not in hints:
            hints[name] = value.strip()


BOUNDARY = "_|｜-—–»:：·"


# A short labelled field of the byline's list (發布單位：X科, 承辦人：Y): a field, not text.
_LABELLED_FIELD = re.compile(r"^[^\s:：，。]{2,6}\s*[:：]\s*[^\s:：，。]{1,20}$")


def _data_source_beyond_a_field(judged: JudgedLines, limit: int) -> None:
    """资料来源：X on its own line with one other short labelled field between it and the
    dated byline (發布日期：113-03-01 / 發布單位：X科 / 資料來源：Y, a government page's list of
    fields, one a line): the byline's source field too."""
    lines = judged.lines
    for i in range(2, limit):
        if judged.bylines[i] is not None:
            continue
        for j, k in ((i - 2, i - 1), (i + 2, i + 1)):
            dated = 0 <= j < limit and (b := judged.bylines[j]) is not None and b.date
            if not dated or not _LABELLED_FIELD.match(lines[k]):
                continue
            if field := data_source_byline(lines[i]):
                judged.bylines[i], judged.authors[i] = field, False
            break


def _data_source_over_text(judged: JudgedLines, limit: int) -> None:
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


def is_site_header(line: str) -> bool:
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


def crumb_sections(judged: JudgedLines, *, last: bool = True) -> set[str]:
    """The items of the page's breadcrumb after its first (the home page's): sections; with
    `last` false, only those it passes through (its last item may be the headline itself)."""
    sections: set[str] = set()
    for i, line in enumerate(judged.lines[: judged.limit]):
        if "breadcrumb" in (judged.furniture[i], judged.rules[i]):
            items = CRUMB_SPLIT.split(CRUMB_LABEL_LINE.sub("", line.strip()))[1:]
            sections.update(items if last else items[:-1])
    return sections
