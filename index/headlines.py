"""A page's headline: found by its position and shape, confirmed by the markup or a line that
repeats it, and cleaned of the tags, kickers and meta tails a CMS prints with it.

A headline-shaped line (not a breadcrumb, byline or date) near the top is preferred when the
page's ``<title>``, ``<h1>`` or another line (a footer ``未经允许不得转载：站名 » 标题``, a saved
page title ``标题_政策_XX网``) repeats it, or when a byline stands next to it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from xinwen.index.cleaning import clean_title
from xinwen.index.furniture import headline_shaped, is_prose, line_rule, split_title
from xinwen.index.linetext import HEADLINE_MARK, looks_like_site_name, simplified
from xinwen.index.pagelines import (
    BOUNDARY,
    BYLINE_WINDOW,
    CJK_CHARS,
    CRUMB_ITEMS,
    CRUMB_SPLIT,
    HEADLINE_SEARCH_LINES,
    MIN_HEADLINE_CHARS,
    SENTENCE_ENDS,
    JudgedLines,
    crumb_end,
    crumb_sections,
    is_site_header,
)
from xinwen.index.pagerecords import PageHints
from xinwen.index.sitenames import looks_like_organ

# A page's kind in its <title> instead of its headline (电报详情, 新闻详情页, 正文; a print
# version's 打印页面).
PAGE_KIND = re.compile(
    r"^[\u3400-\u9fff]{0,4}(?:详情|详情页|正文|内容页|详细内容|详细信息|打印页面?|打印版|打印预览|打印本页)$"
)


# The kinds of government documents their titles end with (…关于X的通知, …的批复).
DOCUMENT_KIND = re.compile(
    r"的(?:通知|批复|复函|函|意见|实施意见|决定|报告|请示|公告|通告|通报|规定|办法|方案|答复|决议|命令"
    r"|指导意见|工作方案|实施方案|实施细则)$"
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


# The ways a headline is confirmed by the page's markup.
MARKUP_TITLES = ("<h1> confirmed by <title>", "og:title")


# A bilingual site's headline in English, under the Chinese one: Latin words, no sentence.
_ENGLISH_TITLE = re.compile(r"^[A-Z0-9][\w'’&,:;?!()/%.-]*(?:\s+[\w'’&,:;?!()/%.-]+){2,}$")


def english_headline(judged: JudgedLines, i: int) -> bool:
    """Line `i`, right under the headline and right above the byline, is the headline in
    English (a bilingual site's <h2>: 新厂区一期工程封顶 / Topping-out of Phase I …)."""
    line = judged.lines[i]
    above_byline = i + 1 < judged.limit and judged.bylines[i + 1] is not None
    return above_byline and not line.endswith(".") and bool(_ENGLISH_TITLE.match(line))


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


def without_tag_the_title_lacks(title: str, hint: str | None) -> str:
    """The headline without a bracketed tag before it ([转载] X, [经验] X: a forum's thread
    type, a column's label) where the page's own <title> names the headline without it: the
    tag labels the page, the <title> shows what its headline is."""
    match = _COLUMN_TAG.match(title)
    if not match or not hint or len(match["rest"]) < _MIN_UNTAGGED_CHARS:
        return title
    rest = match["rest"].strip()
    return rest if rest == hint.strip() else title


FOLLOW_MARK = re.compile(r"\s+(?:\+\s*)?(?:关注|已关注|订阅|加关注)$")


def without_column_tag(title: str, lines: list[str], breadcrumb: str | None) -> str:
    """The headline without a column tag before it (see `_COLUMN_TAG`)."""
    match = _COLUMN_TAG.match(title)
    if not match or len(match["rest"]) < _MIN_UNTAGGED_CHARS:
        return title
    tag = match["tag"]
    if _ITEM_KINDS.search(simplified(tag)) or tag == breadcrumb or tag in lines:
        return match["rest"].strip()
    return title


def _similar(line: str, hint: str) -> bool:
    candidate = clean_title(line)
    if len(candidate) < MIN_HEADLINE_CHARS:
        return False
    if (cut := _CUT_SHORT.sub("", hint)) != hint and len(cut) >= _MIN_CRUMB_HEADLINE_CHARS:
        hint = cut  # a <title> cut short (标题前半…): the line it starts is the headline
    # (a document's signature, 青川省能源局, starts its headline, 青川省能源局关于…的通知: an
    # organ's name alone is no headline cut short)
    cut_short = hint.startswith(candidate) and not names_an_organ(candidate)
    if cut_short and hint[len(candidate) :].lstrip().startswith(("：", ":")):
        # (nor is the label before a colon, a column's name that heads its headlines, 会员风采：X,
        # when the page shows it alone: a menu's item)
        cut_short = False
    # (a headline joining two places by a dash, 南山—白河220千伏线路…, whose <title> was cut at
    # the dash as at a site name's: the page shows it whole)
    joined = candidate.endswith(hint) and _PLACE_DASH.fullmatch(candidate[: -len(hint)])
    return candidate == hint or candidate.startswith(hint) or cut_short or bool(joined)


# An office's name (联盟秘书处, 党群工作部, 本刊编辑部): a department, not a headline.
OFFICE = re.compile(r"^[\u3400-\u9fff]{2,8}(?:处|部|室|办|科|中心)$")


def _byline_office(judged: JudgedLines, i: int) -> bool:
    """Line `i` is an office's name between a headline-shaped line and a dated byline, alone
    on its line (a text save of 联盟秘书处 / 2024-06-21 10:11): the article's author."""
    lines, bylines = judged.lines, judged.bylines
    if not (0 < i < len(lines) - 1 and OFFICE.match(lines[i])):
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


def _credited_below(judged: JudgedLines, i: int) -> bool:
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


def contains_title(line: str, title: str) -> bool:
    """`line` repeats the headline set off by separators (a saved title, a footer), and is not
    a sentence that happens to contain it."""
    if title not in line or is_prose(line):
        return False
    at = line.find(title)
    before, after = line[:at].rstrip(), line[at + len(title) :].lstrip()
    return (not before or before[-1] in BOUNDARY) and (not after or after[0] in BOUNDARY)


def repeated_elsewhere(lines: list[str], i: int) -> bool:
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
        if (not before or before[-1] in BOUNDARY) and (not after or after[0] in BOUNDARY):
            return True
    return False


# (its characters may be spaced out to the width of the other labels: 栏　目：, 作　者：)
_FIELD_LABEL = re.compile(r"(?:^|\s)[\u3400-\u9fff](?:\s{0,2}[\u3400-\u9fff]){1,5}\s*[:：]$")


def _headline_top(judged: JudgedLines) -> int:
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


def find_headline(judged: JudgedLines, hints: list[str]) -> tuple[int | None, bool]:
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
                byline = 0 if _dated_list_entry(judged, i, top) else next_to_byline(judged, i, top)
                byline = byline or _deck_then_byline(judged, i, top)
                score = byline + 2 * _prose_follows(judged, i)
                score += 0 if (rules[i] or "").startswith("template") else 2
                score += 2 if led and lines[i].strip() == hint else 0
                key = (score, -rank, -i)
                # (the same line shown twice, as good both times: the second is the headline,
                # the first a table of contents' entry for the page itself)
                again = best is not None and best[0][:2] == key[:2] and lines[best[1]] == lines[i]
                again = again and not _text_between(judged, best[1], i)
                if best is None or key > best[0] or again:
                    best = (key, i)
        if best is not None:
            return best[1], True
        if judged.hints.get("title"):
            return None, False  # the footer names a headline the page does not show: keep it
    scored: tuple[int, int] | None = None
    passed = crumb_sections(judged, last=False)
    for i in range(top):
        line, rule = lines[i], rules[i]
        begun = rule is None and bylines[i] is None and len(CJK_CHARS.findall(line)) >= 20
        # (a long headline with a comma, X，Y, by its byline is no sentence: no full stop)
        # (nor is a question, X，Y？, right above its byline: a commentary's headline)
        asks = line.endswith(("？", "?"))
        long_headline = (asks or not line.endswith(SENTENCE_ENDS)) and headline_shaped(line)
        by_byline = long_headline and next_to_byline(judged, i, top) == 4
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
        if _page_kind_label(line):
            continue  # (详细信息 under the headline: the page's kind, a tab's label)
        if _question_label(line):
            continue  # (问：X？ under the byline: a Q&A's first question, its text begun)
        if rule is not None and _DATE_GLUED_ENTRY.match(line):
            continue  # (05-30X的通知: a sidebar's newest list, its entries' dates glued on)
        if rule is not None and not rule.startswith("template"):
            continue
        if i < 2 and is_site_header(line) and not saved_title_headline(line):
            continue
        if i >= 2 and line == lines[0] and is_site_header(line):
            continue  # (the header's site name again, a publisher line under the headline)
        if _byline_office(judged, i):
            continue
        if _credited_below(judged, i):
            continue
        if line in passed:
            continue  # (a section the breadcrumb passes through, shown by the byline: 政策解读)
        if _section_heading(judged, i):
            continue  # (一、为什么要出台《办法》？ under the byline: the text's first part)
        score = 0
        if repeated_elsewhere(lines, i) and rule is None:
            # (a line the site prints on every page, repeated on this one, is its name in the
            # header and the footer's address line, not a headline the <title> repeats)
            score += 4
        byline = next_to_byline(judged, i, top) or _subtitle_and_tools_then_byline(judged, i, top)
        score += byline
        if _prose_follows(judged, i):
            score += 2
        if "关于" in line and DOCUMENT_KIND.search(line):
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


# A heading numbered as a part of the text (一、X, （一）X, 第一部分 X): an explainer's or a
# report's first section under the byline, never the page's own headline, which carries no
# ordinal.
_SECTION_NUMBER = re.compile(
    r"^\s*(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十]{1,3}[)）]"
    r"|第[一二三四五六七八九十]{1,3}(?:部分|章|节)\s)"
)


def _page_kind_label(line: str) -> bool:
    """Line is a label naming the kind of page (详细信息, 文章详情, 正文), as a CMS prints it as
    a tab or box heading between the headline and the byline: never a headline itself."""
    return bool(PAGE_KIND.match(line.strip()))


def _section_heading(judged: JudgedLines, i: int) -> bool:
    """Line `i` is a numbered part's heading (`_SECTION_NUMBER`) below a byline."""
    if not _SECTION_NUMBER.match(judged.lines[i]):
        return False
    return any(judged.bylines[j] is not None for j in range(max(0, i - 3), i))


# A notice's headline of one word (更正, 声明, 启事), too short for a headline's shape
# but a headline all the same when it stands alone right over its byline: a paper's correction
# or statement, printed as an article of its own.
_NOTICE_WORD = re.compile(r"^(?:更正|勘误|声明|聲明|启事|啟事|公告|通告|致歉|讣告|訃告)$")


def _notice_headline(judged: JudgedLines, i: int, top: int) -> bool:
    line = judged.lines[i].strip()
    return bool(_NOTICE_WORD.match(line)) and next_to_byline(judged, i, top) == 4


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
    if line == hint or not line.startswith(hint) or not line.endswith(SENTENCE_ENDS):
        return False
    if line[len(hint) : len(hint) + 1] not in ("，", ",", "；", "、"):
        return False
    return any(lines[k].strip() == hint for k in range(top) if k != i)


def _headline_over_subtitle(judged: JudgedLines, i: int) -> int | None:
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
    elif not crumb_at(j - 1) and crumb_at(j - 2) and _column_tabs(judged, j - 1, j - 2):
        j_crumb = j - 2  # (the column's tabs between the breadcrumb and the headline)
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
    if rules[i] is not None or lines[i].endswith(SENTENCE_ENDS):
        return None
    # (a column's menu under the breadcrumb, its items run together, names the column the
    # breadcrumb passes: 政策法规项目动态市场动态 under 首页 > 资讯中心 > 政策法规)
    sections = [item for item in CRUMB_ITEMS.split(lines[j_crumb])[1:] if len(item) >= 2]
    if any(section in lines[j] for section in sections):
        return None
    # (a column's label under the breadcrumb, 公司新闻, or a short kicker over the headline,
    # 聚焦全国两会, is no headline over a subtitle: the headline is the longer line under it)
    if len(CJK_CHARS.findall(lines[j])) < _MIN_HEADLINE_OVER_SUBTITLE:
        return None
    return j if headline_shaped(lines[j]) and headline_shaped(lines[i]) else None


_MIN_HEADLINE_OVER_SUBTITLE = 10


def _column_tabs(judged: JudgedLines, k: int, crumb: int) -> bool:
    """Line `k`, under the breadcrumb at `crumb`, is the section's tabs of its columns, run
    together by a browser's copy (公司新闻行业动态政策法规 under 首页 > 新闻资讯 > 公司新闻):
    the site's chrome, naming the column the breadcrumb ends in, first or last, among its
    sibling columns' names (nothing but names: no digits, spaces nor punctuation). The
    headline comes after them, as after the breadcrumb itself."""
    if judged.bylines[k] is not None or not _TAB_NAMES.match(judged.lines[k]):
        return False
    items = [item for item in CRUMB_ITEMS.split(judged.lines[crumb])[1:] if len(item) >= 2]
    line = judged.lines[k]
    column = items[-1] if items else ""
    ends = line.startswith(column) or line.endswith(column)
    return len(column) >= 2 and ends and len(line) >= 2 * len(column)


# Column names run together: CJK only, up to a menu's length.
_TAB_NAMES = re.compile(r"^[\u3400-\u9fff]{4,40}$")


def subtitle_under(judged: JudgedLines, head: int) -> bool:
    """The line under headline `head` is its subtitle, by the same reading that took the
    headline over it (breadcrumb, headline, subtitle, byline): a deck, not the text."""
    return head + 1 < judged.limit and _headline_over_subtitle(judged, head + 1) == head


# A breadcrumb's item a browser's copy puts on a line of its own (新闻中心, 政策): a short name.
_CRUMB_ITEM = re.compile(r"^[\u3400-\u9fffA-Za-z]{2,8}$")


def _crumb_item_line(judged: JudgedLines, k: int) -> bool:
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


def _own_headline_listed(judged: JudgedLines, j: int, i: int) -> bool:
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
        and all(len(CJK_CHARS.findall(part)) >= 3 for part in parts)
    )


# A forum subject's board tag (``[技术交流] 标题``); a breadcrumb's end cut short (``标题...``).
BOARD_TAG = re.compile(r"^\[[^\]\s]{1,10}\]\s*")
_CUT_SHORT = re.compile(r"\s*(?:\.{2,}|…+)$")
_MIN_CRUMB_HEADLINE_CHARS = 6


# A brief's text opening with its headline in brackets (a flash, 电报: 【X：Y】某社8月30日电，…).
BRACKETED_LEAD = re.compile(r"^【(?P<head>[^【】]{4,60})】\s*(?P<text>\S.*)$")


def bracketed_lead(judged: JudgedLines) -> int | None:
    """The line of a page without a headline line whose text, its first prose, opens with the
    headline in brackets: a news flash as 财联社-style sites print one."""
    for i in range(min(judged.limit, HEADLINE_SEARCH_LINES)):
        line = judged.lines[i]
        if judged.rules[i] is not None or judged.bylines[i] is not None or not is_prose(line):
            continue
        match = BRACKETED_LEAD.match(line)
        good = match is not None and headline_shaped(match["head"]) and is_prose(match["text"])
        return i if good else None
    return None


def names_a_section(judged: JudgedLines, hint: str) -> bool:
    """`hint` (a short <title> part) is an item of the page's breadcrumb or menu: a section."""
    if not hint or len(hint) > 8:
        return False
    return any(
        judged.furniture[i] in ("breadcrumb", "navigation") and hint in CRUMB_ITEMS.split(line)
        for i, line in enumerate(judged.lines[: judged.limit])
    ) or any(line == hint and judged.rules[i] for i, line in enumerate(judged.lines))


def title_names_its_section(judged: JudgedLines, candidates: list[str], hints: PageHints) -> bool:
    """The <title>'s only headline candidate is a section that the page's breadcrumb or menu
    names (安全生产 - X网, on a page whose CMS leaves the headline out of its <title>): the
    page shows that section's name in its menu, but its headline is the line it shows as one."""
    return (
        candidates == [hints.headline]
        and hints.title_from.startswith("<title>")
        and names_a_section(judged, candidates[0])
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


def title_value(line: str) -> str:
    return _TITLE_FIELD.sub("", line).strip()


def title_field(judged: JudgedLines) -> int | None:
    """The line of a 标题：X field above the article whose value is shaped like a headline."""
    for i in range(min(judged.limit, HEADLINE_SEARCH_LINES)):
        line = judged.lines[i]
        if is_prose(line) and not _TITLE_FIELD.match(line):
            return None  # (the article has begun)
        if _TITLE_FIELD.match(line) and headline_shaped(title_value(line)):
            return i
    return None


def names_an_organ(hint: str) -> bool:
    """`hint` (a whole <title>) is a site's or an organisation's name, no headline."""
    return bool(hint) and (looks_like_site_name(hint) or looks_like_organ(hint))


# A breadcrumb from the home page whose items slashes with a space set apart.
_SLASH_CRUMB = re.compile(r"^(?:首页|主页|网站首页|Home)\s*/\s+|^(?:首页|主页|网站首页|Home)\s+/")
_SLASH_SPLIT = re.compile(r"\s+/\s*|\s*/\s+")


def crumb_headline(judged: JudgedLines) -> int | None:
    """The headline's line when a breadcrumb ends with it, whole or cut short (forums and
    blogs: ``站名 » 论坛 › 版块 › 标题...``): of the lines it starts, the shortest, so that a
    saved page title (``标题 - 版块 - 站名``) loses to the headline itself."""
    lines = judged.lines
    top = min(judged.limit, HEADLINE_SEARCH_LINES)
    for i in range(top):
        items = CRUMB_SPLIT.split(lines[i])
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
            line = BOARD_TAG.sub("", lines[j])
            shorter = found is None or len(line) < found[0]
            if shorter and line.startswith(end) and headline_shaped(line[:90]):
                found = (len(line), j)
        if found is not None:
            return found[1]
    return None


_WEBSITE = re.compile(r"(?:网|網|在线|在線|门户|門戶)$")


def site_name_alone(line: str) -> bool:
    """A website's name alone (南溪能源网; not a report's or a paper's name, 光伏企业发布年报)."""
    return len(line) <= 8 and bool(_WEBSITE.search(line)) and looks_like_site_name(line)


def _text_between(judged: JudgedLines, a: int, b: int) -> bool:
    """Paragraphs of the article's own text (not the site's chrome) stand between lines `a`
    and `b`: a headline shown again after them is a list's entry further down (the site's
    推荐/最新 list naming this page too), not the headline, which comes before its text."""
    return any(
        judged.rules[j] is None and is_prose(line) and line.endswith(SENTENCE_ENDS)
        for j, line in enumerate(judged.lines[a + 1 : b], a + 1)
    )


def _prose_follows(judged: JudgedLines, i: int) -> bool:
    """The article starts right after line `i` (bylines and furniture between are skipped)."""
    for j in range(i + 1, min(judged.limit, i + 4)):
        if judged.bylines[j] is not None or judged.furniture[j] or judged.authors[j]:
            continue
        line = judged.lines[j]
        # (a headline with a comma, X，Y, is no sentence: no full stop, and short)
        return is_prose(line) and (line.endswith(SENTENCE_ENDS) or len(line) > 30)
    return False


def explainer_box(judged: JudgedLines, i: int) -> bool:
    """A 延伸阅读 label inside the text followed by a paragraph of prose: an explainer box set in
    the article (什么是X？X是…。), or one related link set between its paragraphs (延伸阅读：X,
    then the text again); the article goes on after it. A list of related articles, which
    ends it, goes on with other articles' headlines (no full stop)."""
    if i + 1 >= judged.limit or judged.rules[i + 1] is not None or judged.bylines[i + 1]:
        return False
    line = judged.lines[i + 1]
    return len(line) >= 40 and is_prose(line) and line.endswith(SENTENCE_ENDS)


# How many links a related box set between a text's paragraphs holds at most (a portal's
# 相关阅读 box holds one to three; a list that ends the article runs longer).
MAX_BOX_LINKS = 5


def inline_box_end(judged: JudgedLines, i: int, main: str) -> int | None:
    """Where a related-articles box set inside the text ends (the line the text goes on at), or
    None: its heading (line `i`: 相关阅读：X, 延伸阅读 or 相关新闻： alone), a few links to other
    articles (short lines, no sentence), then a paragraph of prose that stands in the page's
    main text (`main`, its whitespace removed). A list that ends the article goes on with more
    headlines, a footer or lines the main text does not hold: it still ends the article."""
    if not main:
        return None
    for j in range(i + 1, min(judged.limit, i + 2 + MAX_BOX_LINKS)):
        line = judged.lines[j]
        if judged.bylines[j] is not None:
            return None
        if is_prose(line) and line.endswith(SENTENCE_ENDS):
            text = "".join(line.split())
            return j if judged.rules[j] is None and text in main else None
        if judged.rules[j] is not None or len(line) > 60 or line.endswith(SENTENCE_ENDS):
            return None
    return None


def _over_its_subtitle(judged: JudgedLines, i: int, top: int) -> bool:
    """Line `i` is a headline over its subtitle and byline (breadcrumb / headline / subtitle /
    byline): a long headline with a comma there, X，Y, is no sentence of the text."""
    return i + 1 < top and _headline_over_subtitle(judged, i + 1) == i


def _deck_then_byline(judged: JudgedLines, i: int, top: int) -> int:
    """2 when line `i` is followed by a deck and then a byline: a headline, its subtitle
    under it (one short line, no sentence), then the date and 来源, as newspapers print them.
    (The same headline in a list of most-read articles has no byline two lines down.)"""
    j = i + 2
    if j >= top or judged.bylines[j] is None or judged.bylines[i + 1] is not None:
        return 0
    deck = judged.lines[i + 1]
    if judged.rules[i + 1] is not None or judged.furniture[i + 1] or judged.authors[i + 1]:
        return 0
    return 2 if len(deck) <= 60 and not deck.endswith(SENTENCE_ENDS) else 0


# A Q&A's question, labelled (问：X？, 问1：X, Q：X): the text of an explainer or an interview,
# however short and headline-shaped; its headline is above it, unlabelled.
_QUESTION = re.compile(r"^(?:问|問|提问|提問|Q)\s*\d{0,2}\s*[:：]")


def _question_label(line: str) -> bool:
    """`line` is a Q&A's labelled question, part of the text, never its headline."""
    return bool(_QUESTION.match(line))


_DASH_SUBTITLE = re.compile(r"^(?:——|--|—)\s*\S")


def _subtitle_and_tools_then_byline(judged: JudgedLines, i: int, top: int) -> int:
    """2 when line `i` stands over its subtitle set off by a dash (——访X, an interview's), then
    the page's chrome (字号：大中小, 打印) and then its byline: the headline, its subtitle and
    the tool bar, as a portal prints them, put the byline three lines down, beyond the window
    `next_to_byline` looks in."""
    j = i + 1
    if j >= top or not _DASH_SUBTITLE.match(judged.lines[j]) or judged.bylines[j] is not None:
        return 0
    for k in (i + 2, i + 3):
        if k >= top:
            return 0
        if judged.bylines[k] is not None:
            return 2
        if judged.rules[k] is None and not judged.furniture[k]:
            return 0
    return 0


def next_to_byline(judged: JudgedLines, i: int, top: int) -> int:
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
        if j > i and authors[j] and crumb_end(judged, middle):
            return score  # (the topic's board between a forum post's headline and its author)
        if j > i and english_headline(judged, middle):
            return score  # (the headline's English between it and its byline)
    return 0


NAMED_PREFIX = re.compile(r"^《[^《》]{2,12}》\s*(?P<rest>\S.{3,})$")


def subtitle_shown_apart(judged: JudgedLines, head: int, title: str) -> str | None:
    """The headline of a title ``A——B`` whose page shows its subtitle ``——B`` again on a line
    of its own under it (a reader view's title, which joins the two): A. (Not when the
    headline's line is A alone: an <h1> printing A, then ——B after a <br>, is one headline.)"""
    main, dash, sub = title.partition("——")
    want = "".join(sub.split()).lstrip("—–-")
    if not dash or len(main.strip()) < MIN_HEADLINE_CHARS or not want:
        return None
    if "".join(judged.lines[head].split()) != "".join(title.split()):
        return None
    for i in range(head + 1, min(len(judged.lines), head + BYLINE_WINDOW + 3)):
        line = "".join(judged.lines[i].split())
        if judged.furniture[i] == "subtitle" and line.lstrip("—–-") == want:
            return main.strip()
    return None


def _dated_list_entry(judged: JudgedLines, i: int, top: int) -> bool:
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


# What a CMS prints after the headline in the same element (PHPCMS's ``<h1>标题<span>日期
# 来源：X 点击：</span></h1>``): a date, or a labelled field, then anything.
_META_TAIL = re.compile(
    r"\s*(?:\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?\s*"
    r"|(?:来源|作者|点击|浏览|阅读|发布时间|时间|日期|编辑)\s*[:：]).*"
)


def without_meta_tail(title: str, hint: str | None) -> str:
    """The markup's headline, where the line the page shows is that headline with the meta
    line glued after it (a date, 来源：X, 点击：): the meta line is no part of the headline."""
    return hint if _glued_after(title, hint, _META_TAIL) else title


def without_mark_tail(title: str, hint: str | None) -> str:
    """The markup's headline, where the line the page shows is that headline with a platform's
    mark glued after it (``标题原创``: the tag set in the <h1> after the words, 原创, 独家, 置顶),
    which the markup's headline leaves out: the mark is no part of the headline."""
    return hint if _glued_after(title, hint, HEADLINE_MARK) else title


def _glued_after(title: str, hint: str | None, tail: re.Pattern[str]) -> bool:
    """`title` is the markup's headline `hint` with only what `tail` matches glued after it."""
    if not hint or len(hint) < 4 or title == hint or not title.startswith(hint):
        return False
    return bool(tail.fullmatch(title[len(hint) :].strip()))
