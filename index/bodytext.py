"""A page's article text: where it ends, and what inside it is the editor's rather than the
text's (summary boxes, decks set apart, tables of contents, credits and view counters
under the text, a reporter's bracketed dateline).
"""

from __future__ import annotations

import re

from xinwen.index.bylines import is_author_line, photo_credit_line
from xinwen.index.furniture import headline_shaped, is_prose
from xinwen.index.headlines import MARKUP_TITLES, OFFICE
from xinwen.index.linetext import simplified
from xinwen.index.pagelines import CJK_CHARS, SENTENCE_ENDS
from xinwen.index.pagerecords import Dropped, PageHints
from xinwen.index.template import LONG_LINE_CHARS


def short_item(body: list[str], title_from: str, date_from: str, hints: PageHints) -> bool:
    """A brief of a line or two without a full stop (东岭海域首批机组并网) under a headline its
    markup confirms, dated by a byline or the markup, which trafilatura reads as the page's
    main text: an article all the same — not a list (its lines are links, or hold their dates)
    nor a menu."""
    if title_from not in MARKUP_TITLES or not date_from.startswith(("byline", "meta")):
        return False
    if not 0 < len(body) <= 2 or not hints.main_text:
        return False
    main = "".join(hints.main_text.split())
    for line in body:
        text = "".join(line.split())
        if text in hints.link_texts or _DATE_IN_TEXT.search(line):
            return False
    return any(len(CJK_CHARS.findall(line)) >= 8 and "".join(line.split()) in main for line in body)


_DATE_IN_TEXT = re.compile(r"\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}")


_ELLIPSIS = re.compile(r"\s*(?:\.{3,}|…+|。{3,})\s*$")


def cut_summary(line: str, rest: list[str]) -> bool:
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
EDITOR_TAIL = re.compile(
    r"(?<=[。！？”」!?])\s*[（(【\[]\s*(?:责任编辑|责编|编辑)\s*[:：]\s*[^\s:：，。()（）【】\[\]]{1,12}"
    r"\s*[）)】\]]\s*$"
)


MIN_REPEATED_CHARS = 12
MAX_REPEATED_CHARS = 100


def repeated_by_lead(body: list[str]) -> bool:
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


def editors_summary(body: list[str]) -> bool:
    """The body's first line is an editor's summary above a news article's text: 摘要：X, X a
    sentence or two (80 characters at most), above two lines of prose or more and no keywords
    line. A reader takes it for the page's description, not the text's start, whether or not
    the text repeats its words (`cut_summary` drops one that does)."""
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


def other_summary_label(body: list[str]) -> bool:
    if not body or not (match := _OTHER_SUMMARY_LABEL.match(body[0])):
        return False
    if not re.match(r"^\s*(?:\*\*)?[【\[]?\S{4}(?:[】\]]|\s*[:：])", body[0]):
        return False  # (a label set off by a colon or brackets, not a sentence's first words)
    return editors_summary([f"摘要：{match['text']}", *body[1:]])


_SUMMARY_CHIP = re.compile(r"^\s*[【\[]?(?:摘要|导读|内容提要)[】\]]?\s*$")


def summary_label_apart(body: list[str]) -> bool:
    """The body opens with an editor's summary box whose label is a chip of its own (摘要, then
    the summary on the next line, as a copy of the box's label and text gives them): read as
    摘要：X would be (`editors_summary`)."""
    if len(body) < 4 or not _SUMMARY_CHIP.match(body[0]):
        return False
    return editors_summary([f"摘要：{body[1]}", *body[2:]])


SENTENCE_MARKS = re.compile(r"[。！？；，、,!?;:：]")


def repeated_paragraph(line: str, main: str) -> bool:
    """A long paragraph of prose that the page's main text holds (trafilatura): kept although
    it repeats across the site's pages (a press release's 关于… paragraph)."""
    return len(line) >= LONG_LINE_CHARS and is_prose(line) and "".join(line.split()) in main


_SECTION_HEAD = re.compile(
    r"^(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[)）]|\d{1,2}[.、．]\s*)"
    r"[^。！？；!?;]{2,24}(?<![，,：:、])$"
)


def _subheading(line: str) -> bool:
    """A numbered section heading (一、X, （二）X, 3. X), or a short line with no punctuation."""
    if _SECTION_HEAD.match(line):
        return True
    return len(line) <= 16 and headline_shaped(line) and not SENTENCE_MARKS.search(line)


# How far past where the line before was found the next one is looked for first.
_NEAR_CHARS = 4096


def _held_in(texts: list[str], main: str) -> list[bool]:
    """``[text in main for text in texts]``, in time that grows with the lines, not their
    square: the lines come in the main text's order, so each is looked for first just past the
    one before (a search of the whole main text for each of a long report's 40,000 paragraphs
    took longer than the rest of reading it); one not there is looked for in the whole."""
    held, cursor = [], 0
    for text in texts:
        at = main.find(text, cursor, cursor + len(text) + _NEAR_CHARS)
        if at < 0:
            at = main.find(text)  # (out of order, repeated, or not in the main text)
        held.append(at >= 0)
        if at >= 0:
            cursor = at + len(text)
    return held


def keep_main_text(
    body: list[str], main_text: str, dropped: list[Dropped], links: frozenset[str] = frozenset()
) -> list[str]:
    """Drop body lines that trafilatura did not take for main text."""
    main = "".join(main_text.split())
    taken = _held_in(["".join(line.split()) for line in body], main)
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


_VIEW_COUNT = (
    r"(?:\d[\d,]*\s*(?:次|人)?(?:阅读|浏览|点击|查看)|(?:阅读|浏览|点击|查看)\s*[:：]?\s*\d[\d,]*)"
)


def counted(line: str, source: str) -> bool:
    """`line` is `source` and a view count, nothing else."""
    return re.fullmatch(re.escape(source) + r"\s+" + _VIEW_COUNT, line.strip()) is not None


def office_over_text(body: list[str]) -> bool:
    """The text's first line is an office's name alone (品牌与公共关系部, 综合处) and prose follows:
    the department that wrote it, as a company's newsroom credits it under the headline; the
    text does not open with a department's name and no verb."""
    return len(body) > 1 and bool(OFFICE.match(body[0].strip())) and is_prose(body[1])


SOURCE_CREDIT = re.compile(
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


def labelled_source(line: str) -> bool:
    return bool(_LABELLED_SOURCE.match(line))


# The text's material credited in brackets on its last line (（资料来源：X）): not a chart's
# credit, which stands under the chart unbracketed (资料来源：国家统计局), among the text.
MATERIAL_CREDIT = re.compile(
    r"^[（(]\s*资料来源\s*[:：]\s*(?P<source>[^\s:：，。,()（）]{2,30})\s*[）)]$"
)

# A line in brackets, whole (（本报记者 X 通讯员 Y）).
_BRACKETED = re.compile(r"^[（(][^（()）]{3,28}[）)]$")


def closing_credit(line: str) -> bool:
    """The text's last line is its reporter's credit in brackets (（本刊记者 杨某）, （记者 X
    通讯员 Y）), as a paper prints it after the text: the byline's, not a sentence."""
    return bool(_BRACKETED.match(line)) and is_author_line(line)


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


def reporter_dateline_end(line: str) -> int:
    """Where a reporter's bracketed dateline opening ``line`` ends (0: none), when prose follows."""
    folded = simplified(line)
    if len(folded) != len(line) or not (found := _REPORTER_DATELINE.match(folded)):
        return 0
    return found.end() if len(line) - found.end() >= 10 else 0


def _labelled_or_cut(line: str) -> bool:
    """A box labelled 摘要/导语/【X】, or cut off with an ellipsis: earlier rounds' rules judge
    it (`cut_summary` drops one that repeats the text's start; `_abstract` keeps an author's
    abstract, and a labelled summary the text does not begin with stays)."""
    return bool(_SUMMARY_LABEL.match(line) or _ELLIPSIS.search(line)) or line.lstrip()[:1] in "【["


def set_apart_deck(body: list[str], decks: tuple[str, ...]) -> int | None:
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


def without_contents(body: list[str], dropped: list[Dropped]) -> list[str]:
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
            short = 0 < len(entry) <= _CONTENTS_ENTRY_CHARS and not entry.endswith(SENTENCE_ENDS)
            if not short or entry not in (b.strip() for b in body[end + 1 :]):
                break
            end += 1
        if end - at - 1 < 2:
            return body
        dropped += [Dropped(b, "table of contents") for b in body[at:end]]
        return body[:at] + body[end:]
    return body


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
