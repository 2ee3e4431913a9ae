"""News pages (saved text or HTML): find the headline, the date, the source; drop site chrome.

A page is a list of lines (a text file's lines, or an HTML page's blocks, `index.htmlpages`).
`extract_page` reads it in stages, each in its own module:

1. `index.pagelines` judges each line, in order, by the patterns file (``index/boilerplate.txt``
   or ``--boilerplate``; its comments explain the format: an optional addition for one site's
   own lines), the site's template learned from the other pages of the same source
   (`index.template`) and the built-in rules for Chinese news furniture (`index.furniture`);
   it reads the bylines and author lines;
2. `index.headlines` finds the headline by its position and shape: a headline-shaped line (not
   a breadcrumb, byline or date) near the top, preferred when the page's ``<title>``, ``<h1>``
   or another line (a footer ``未经允许不得转载：站名 » 标题``, a saved page title
   ``标题_政策_XX网``) repeats it, or when a byline stands next to it. Lines before it are
   dropped;
3. `index.bodytext` keeps the article after it until a footer line (``上一篇``, ``分享到``,
   ``版权所有``, a related-articles heading …), without what inside it is the editor's (summary
   boxes, decks set apart, tables of contents, credits under the text, a box of related links
   set between its paragraphs, which ends nothing);
4. `index.pagedates`: the page's metadata (HTML), else a byline next to the headline
   (``发布时间：…``, a bare ``2022/11/03``), else a date in the file name (not a saving tool's
   ``(2025-11-15 21_15_35)`` stamp; kept by `index.sources.textfiles` only where no page of
   the site states a date); never the article's sentences (only pages that a
   ``date-from-text:`` pattern of the patterns file matches may take one from their text);
5. `index.pagesources`: the byline's ``来源：X`` (or another label of a source; ``来源：本站``,
   ``本報訊`` name no one), else a news agency's mark opening the text (``【共同社】``), else
   the site's name (patterns file, ``og:site_name`` or ``<title>``, the name the markup of the
   site's other pages gives, the learned header, its reprint notice ``本文为X整理``, a
   copyright line, the logo's alt text).

The records these stages share are in `index.pagerecords`.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

from xinwen.index.bodytext import (
    EDITOR_TAIL,
    MATERIAL_CREDIT,
    SENTENCE_MARKS,
    SOURCE_CREDIT,
    closing_credit,
    counted,
    cut_summary,
    editors_summary,
    keep_main_text,
    labelled_source,
    office_over_text,
    other_summary_label,
    repeated_by_lead,
    repeated_paragraph,
    reporter_dateline_end,
    set_apart_deck,
    short_item,
    summary_label_apart,
    without_contents,
)
from xinwen.index.bylines import parse_byline
from xinwen.index.cleaning import clean_title, parse_date, western_dates
from xinwen.index.furniture import (
    FOOTER_RULES,
    headline_shaped,
    is_latin_prose,
    is_prose,
    line_rule,
    url_in,
)
from xinwen.index.headlines import (
    BOARD_TAG,
    BRACKETED_LEAD,
    DOCUMENT_KIND,
    FOLLOW_MARK,
    NAMED_PREFIX,
    PAGE_KIND,
    bracketed_lead,
    contains_title,
    crumb_headline,
    english_headline,
    explainer_box,
    find_headline,
    inline_box_end,
    names_a_section,
    names_an_organ,
    next_to_byline,
    repeated_elsewhere,
    saved_title_headline,
    site_name_alone,
    subtitle_shown_apart,
    subtitle_under,
    title_field,
    title_names_its_section,
    title_value,
    without_column_tag,
    without_mark_tail,
    without_meta_tail,
    without_tag_the_title_lacks,
)
from xinwen.index.linetext import NOT_A_SOURCE, looks_like_site_name
from xinwen.index.pagedates import dates_in_page_order, page_date
from xinwen.index.pagelines import (
    BYLINE_WINDOW,
    CJK_CHARS,
    CRUMB_ITEMS,
    CRUMB_LABEL_LINE,
    HEADER_LINES,
    HEADLINE_SEARCH_LINES,
    MIN_HEADLINE_CHARS,
    SENTENCE_ENDS,
    JudgedLines,
    judge_lines,
    search_any,
)
from xinwen.index.pagerecords import Boilerplate, Dropped, Page, PageHints
from xinwen.index.pagesources import page_source
from xinwen.index.sitenames import shared_document
from xinwen.index.template import SiteTemplate

DEFAULT_BOILERPLATE_FILE = Path(__file__).with_name("boilerplate.txt")

_END_PREFIX = "end:"
_DATE_TEXT_PREFIX = "date-from-text:"
_BARE_COUNT = re.compile(r"^(?!(?:19|20)\d\d$)\d{1,3}(?:,?\d{3})*$")
_ELLIPSIS_END = re.compile(r"\s*(?:\.{2,}|…+|。{3})\s*$")
# The last item of a breadcrumb that names the page itself (正文, 查看内容, 文章详情), no section.
_CRUMB_NOT_WORDS = (
    "正文 详情 内容 文章 首页 主页 列表 查看内容 文章详情 内容详情 新闻详情 信息详情 详细内容"
    " 正文内容 文章内容 阅读文章 浏览文章 查看文章 详细信息 网站首页"
)
_CRUMB_NOT_CATEGORY = frozenset(_CRUMB_NOT_WORDS.split())
_CRUMB_COLUMN = re.compile(r"^[\u3400-\u9fff]{2}(?:新闻|新聞|资讯|資訊)$")


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
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as exc:  # (missing, a folder, unreadable: the user's to fix, in one line)
        raise ValueError(f"cannot read the patterns file {path}: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise ValueError(f"cannot read the patterns file {path}: not UTF-8 text") from None
    return parse_boilerplate(text, origin=str(path))


def page_lines(text: str) -> list[str]:
    """A page's non-empty lines, stripped (any line-break convention)."""
    return [s for line in text.splitlines() if (s := " ".join(line.split()))]


_WRAPPED_TITLE_LINES = 12


def join_wrapped_title(lines: list[str]) -> list[str]:
    """A text page with its document title joined when a converted PDF wrapped it over two
    lines (``X局关于印发《X新型储能`` / ``项目管理实施细则》的通知``): a line with ``关于`` that
    does not end as a document's title, followed by a short one that does."""
    for i in range(min(len(lines) - 1, _WRAPPED_TITLE_LINES)):
        first, second = lines[i], lines[i + 1]
        if "关于" not in first or DOCUMENT_KIND.search(first) or not DOCUMENT_KIND.search(second):
            continue
        joined = first + second
        if headline_shaped(joined) and not is_prose(joined) and line_rule(joined) is None:
            return [*lines[:i], joined, *lines[i + 2 :]]
    return lines


def looks_like_page(lines: list[str], boilerplate: Boilerplate) -> bool:
    """Whether a text file is a saved news page rather than a plain article (THUCNews style:
    the first line is the title).

    A page: the patterns file recognises it (an ``end:`` line anywhere, another pattern in
    its first lines), or its first line is a saved page title (``标题 - X网``) or the site's
    name alone, or a byline stands in its first lines, or furniture rules match one of
    its first lines or two lines anywhere. Lines that merely repeat across files do not make
    a page: THUCNews titles and leads repeat too (国内联播快讯).
    """
    if lines and (saved_title_headline(lines[0]) or site_name_alone(lines[0])):
        return True  # (a saved page title, 标题 - X网, or the site's name heads the page)
    if shared_document(lines):
        return True  # (a document shared from a platform: 企业微信 · 文档, 使用飞书打开)
    furniture = 0
    for i, line in enumerate(lines):
        if search_any(boilerplate.end, line):
            return True
        if i < HEADER_LINES and search_any(boilerplate.remove, line):
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
    lines = dates_in_page_order(lines)  # (03/07/2024 read as the page's other dates are)
    hints = hints or PageHints()
    judged = judge_lines(lines, boilerplate, template)
    for i, line in enumerate(lines[: judged.limit]):
        # (a line of the author's name alone, as the markup names the author: Yifan He under
        # an English edition's headline, which no Chinese byline rule reads)
        if line.strip() in hints.authors and judged.bylines[i] is None:
            judged.authors[i] = True
    rules, bylines, limit = judged.rules, judged.bylines, judged.limit
    dropped: list[Dropped] = []

    footer_title = clean_title(judged.hints.get("title", ""))
    candidates = [h for h in (hints.headline, *hints.alternatives) if h]
    if candidates == [hints.headline] and hints.title_from.startswith("<title>"):
        # A <title> of the site's or the organ's name alone, as many government sites' pages
        # have, names no headline (the organ's signature under a document would match it).
        candidates = [] if names_an_organ(candidates[0]) else candidates
    if candidates == [hints.headline] and hints.title_from.startswith("<title>"):
        # (nor does a <title> of the site's name and its section, 白溪水电站--公司新闻, whose name
        # the site's pages agree on: a list of latest items whose first starts with that
        # name, 白溪水电站3号机组…, is no headline cut short)
        names = (template.site_name, template.leading_name) if template is not None else ()
        candidates = [] if candidates[0] in (*names, hints.site_name) else candidates
    organ_named = hints.headline is not None and not candidates
    if candidates == [hints.headline] and PAGE_KIND.match(candidates[0] or ""):
        # (a <title> naming the kind of page, 电报详情, 新闻详情 - X社: no headline either)
        candidates = []
    section_named = title_names_its_section(judged, candidates, hints)
    if section_named:
        candidates = []
    if candidates and (named := NAMED_PREFIX.match(candidates[0])):
        # (a journal's <title>, 《刊名》标题, its name glued before the headline: where the page
        # shows the headline without it, that line is the headline)
        candidates.append(named["rest"])
    title_hint = candidates[0] if candidates else footer_title
    head, matched = find_headline(judged, candidates or [footer_title] if title_hint else [])
    title = lines[head] if head is not None and (matched or not title_hint) else title_hint
    if head is not None and not matched and names_a_section(judged, title_hint):
        # (a <title> of the column and the site alone, 通知公告 - X局: the page's headline is
        # the line it shows as one)
        title = lines[head]
    two = lines[head] + lines[head + 1] if head is not None and head + 1 < len(lines) else ""
    if matched and title != title_hint and "".join(two.split()) == "".join(title_hint.split()):
        # (an <h1> of the headline and, after a <br>, its ——subtitle: the markup's headline
        # is the two lines together, as the page prints them in one element)
        title = title_hint
    title = without_meta_tail(title, title_hint)
    title = without_mark_tail(title, title_hint)
    title_from = hints.title_from if hints.headline else "footer" if title_hint else "position"
    if matched and title != hints.headline and title == hints.ld_headline:
        title_from = "meta JSON-LD headline"
    if organ_named:
        title_from = "position (the <title> names the site)"
    if section_named:
        title_from = "position (the <title> names a section)"
    organ_title = head is not None and not matched and names_an_organ(title_hint)
    if organ_title and next_to_byline(judged, head, min(limit, HEADLINE_SEARCH_LINES)):
        # (a <title> of the site's or the organ's name alone, as many government sites' pages
        # have: the headline is the line the page shows above its byline)
        title, title_from = lines[head], "position (the <title> names the site)"
    if not title_hint and (crumb := crumb_headline(judged)) is not None:
        head, title, title_from = crumb, BOARD_TAG.sub("", lines[crumb]), "the breadcrumb's end"
    if head is None and not title_hint and (field_at := title_field(judged)) is not None:
        # (a page copied as fields, 标题：X / 日期：Y / 来源：Z / 正文：, shows no headline apart)
        head, title, title_from = field_at, title_value(lines[field_at]), "the page's 标题 field"
    shown = head is not None and not title_hint and title == lines[head]
    if shown and (saved := saved_title_headline(title, lines)) is not None:
        # (a copy whose first line is the browser tab's title, 标题 - X网, and which does not
        # show the headline again: the title's headline part)
        title, title_from = saved, "a saved page title's headline"
    lead = False  # the headline's line is the text's first (a brief's 【headline】text)
    if head is None and not title_hint and (flash := bracketed_lead(judged)) is not None:
        title, title_from = BRACKETED_LEAD.match(lines[flash])["head"], "the text's bracketed lead"
        head, lead = flash, True
    if head is not None and not hints.headline and not lead:
        title_from = "confirmed by a repeat" if repeated_elsewhere(lines, head) else title_from
        if title_hint:
            title_from = "confirmed by the patterns file's footer"
    near = range(max(0, (head or 0) - BYLINE_WINDOW), min(limit, (head or 0) + BYLINE_WINDOW + 2))
    if head is not None and (main_title := subtitle_shown_apart(judged, head, title)):
        title = main_title

    body: list[str] = []
    footer_from: str | None = None
    footer_at = limit  # where the footer starts: a related list's dates are other articles'
    box_end = 0  # a related box inside the text drops its links up to here
    begun = False
    main = "".join(hints.main_text.split()) if len(hints.main_text or "") >= 50 else ""
    for i, line in enumerate(lines[:limit]):
        rule = rules[i]
        if rule and rule.startswith("template") and main and repeated_paragraph(line, main):
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
        if head is not None and i == head + 1 and english_headline(judged, i):
            dropped.append(Dropped(line, "the headline in English"))
            continue
        if head is not None and i == head + 1 and subtitle_under(judged, head):
            dropped.append(Dropped(line, "subtitle (between the headline and its byline)"))
            continue
        if footer_from:
            dropped.append(Dropped(line, f"footer (after {footer_from})"))
            continue
        if i < box_end:
            dropped.append(Dropped(line, "related articles (a box inside the text)"))
            continue
        if rule is not None:
            # A footer line ends the article, also when the template recognised it first.
            ends = rule if rule in FOOTER_RULES else judged.furniture[i]
            # (only once the article's prose has begun: a subtitle under the headline, then a
            # share bar, then the text is a common layout)
            # (nor by the byline's own line by the headline, whatever it carries: 信息来源：X
            # 发布时间：Y 扫一扫在手机打开)
            explainer = ends == "related articles" and explainer_box(judged, i)
            if _share_bar_over_text(lines[:limit], i, head, ends):
                ends = None  # (the article's toolbar at its top: the text follows)
            if begun and ends == "related articles" and not explainer:
                # (a box of a few links set between the text's paragraphs, the text going on
                # after it: the box goes, the paragraphs after it stay)
                box_end = inline_box_end(judged, i, main) or 0
                explainer = box_end > i
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
            title and len(title) >= MIN_HEADLINE_CHARS and contains_title(line, title)
        ):
            dropped.append(Dropped(line, "repeats the headline"))
            continue
        body.append(line)
        begun = begun or is_prose(line) or line.endswith(SENTENCE_ENDS) or is_latin_prose(line)
    dropped += [Dropped(line, "patterns file: footer") for line in lines[limit:]]
    if hints.main_text and len(hints.main_text) >= 50:
        body = keep_main_text(body, hints.main_text, dropped, hints.link_texts)
    body = without_contents(body, dropped)

    while len(body) > 1 and (SOURCE_CREDIT.match(body[-1]) or labelled_source(body[-1])):
        # (a source credit under the text, 来源：X on a line of its own: the byline's field)
        dropped.append(Dropped(body.pop(), "byline (source under the text)"))
    if len(body) > 1 and SOURCE_CREDIT.match(body[0]):
        # (or the text's first paragraph, a repost's credit above it: 来源：X公众号)
        dropped.append(Dropped(body.pop(0), "byline (source above the text)"))
    if office_over_text(body):
        # (an office's name alone over the text, 品牌与公共关系部, under the headline: its author)
        dropped.append(Dropped(body.pop(0), "byline (the author's office)"))
    material = None
    if len(body) > 1 and (credit := MATERIAL_CREDIT.match(body[-1])):
        # (a bracketed note of where the whole text's material came from, its last line:
        # （资料来源：X）, where the page states no 来源)
        material = credit["source"]
        dropped.append(Dropped(body.pop(), "byline (source under the text)"))
    if len(body) > 1 and closing_credit(body[-1]):
        # (the reporter's credit in brackets closing the text: （本刊记者 X）)
        dropped.append(Dropped(body.pop(), "byline (the reporter's credit under the text)"))
    url = hints.url or _url_line(lines)
    published, date_from = page_date(judged, head, near, footer_at, hints, file_name, url)
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
    source, source_from = page_source(judged, near, hints, template, title)
    if material and source_from.startswith("site name") and material not in NOT_A_SOURCE:
        source, source_from = material, "byline 资料来源 (under the text)"
    # A line of the site's or the source's name alone (an AMP page's publisher line under the
    # headline) names the publisher; it is not the article's text.
    names = {clean_title(n) for n in (source, hints.site_name) if n}
    for line in [line for line in body if clean_title(line) in names]:
        body.remove(line)
        dropped.append(Dropped(line, "byline (the publisher's name)"))
    if body and source and counted(body[0], source):
        # (the source's name and the readers counted, an app page's meta line without a date:
        # 驿充客服中心 2055阅读)
        dropped.append(Dropped(body.pop(0), "byline (the source and a view count)"))
    if len(body) > 1 and _BARE_COUNT.match(body[0]) and is_prose(body[1]):
        # (a number alone above the text, the view counter an eye icon labels: 2108; not a
        # year, which may head a chronicle's first part)
        dropped.append(Dropped(body.pop(0), "view count"))
    # A summary above the text that is its first sentences cut off (X…, a CMS's intro box
    # filled from the description): the text says it again in full.
    while len(body) > 1 and cut_summary(body[0], body[1:]):
        dropped.append(Dropped(body.pop(0), "summary (the text's start, cut off)"))
    if (at := set_apart_deck(body, hints.decks)) is not None:
        # (a summary box that the page sets apart above the text's element, unlabelled)
        dropped.append(Dropped(body.pop(at), "summary (a deck set apart above the text)"))
    if editors_summary(body):
        # (a portal's 摘要：X box above a news article's text: the editor's one-line summary)
        dropped.append(Dropped(body.pop(0), "summary (an editor's 摘要 above the text)"))
    if other_summary_label(body):
        # (the same box under another label a CMS prints for its intro field: 内容提要：X)
        dropped.append(Dropped(body.pop(0), "summary (an editor's 内容提要 above the text)"))
    if summary_label_apart(body):
        # (the same box whose label stands on a line of its own: 摘要 / X, its label a chip)
        dropped.append(Dropped(body.pop(0), "summary (an editor's 摘要 above the text)"))
        dropped.append(Dropped(body.pop(0), "summary (an editor's 摘要 above the text)"))
    if repeated_by_lead(body):
        # (a summary line above the text that the first paragraph says again word for word,
        # after its dateline: 6月8日，X…; the text loses none of its words without it)
        dropped.append(Dropped(body.pop(0), "summary (repeated in the first paragraph)"))
    if body and (tail := EDITOR_TAIL.search(body[-1])) and tail.start() > 0:
        # (the editor's credit glued to the last paragraph, as a text copy joins them:
        # 请遵照执行。(责任编辑：X) — the text ends at its full stop)
        dropped.append(Dropped(tail[0].strip(), "editor (glued to the text's end)"))
        body[-1] = body[-1][: tail.start()].rstrip()
    if body and (cut := reporter_dateline_end(body[0])):
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
    title = without_column_tag(title, lines, breadcrumb)
    title = without_tag_the_title_lacks(title, title_hint)
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
        has_text=any(
            is_prose(line) or line.endswith(SENTENCE_ENDS) or is_latin_prose(line) for line in body
        )
        or short_item(body, title_from, date_from, hints),
    )


def _share_bar_over_text(lines: list[str], i: int, head: int | None, rule: str | None) -> bool:
    """A share bar two or three lines under the headline (under its deck) with the text's
    paragraphs after it: the article's toolbar at its top, not the footer's."""
    if rule != "share" or head is None or not head < i <= head + 3:
        return False
    after = lines[i + 1 : i + 4]
    return sum(1 for line in after if is_prose(line)) >= 2


def _named_in_byline(line: str, bylines: list[str]) -> bool:
    """A short line of a name (no sentence, no digits) that a byline holds after its date."""
    name = FOLLOW_MARK.sub("", line.strip())  # (the card's follow button: 南溪号·油气观察 关注)
    if not 3 <= len(name) <= 20 or is_prose(name) or SENTENCE_MARKS.search(name):
        return False
    if _DIGIT.search(name) or not CJK_CHARS.search(name):
        return False
    return any(name in byline and byline != name and _DIGIT.search(byline) for byline in bylines)


_DIGIT = re.compile(r"\d")


_DATE_LINE = re.compile(
    r"[(（\[【]?\s*(\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?)"
    r"(?:\s*\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?\s*[)）\]】]?"
)


_CLOCK = re.compile(r"\d{1,2}[:：]\d{2}")


def _date_line(line: str) -> dt.date | None:
    """The date of a line that holds nothing but a date (and a time), e.g. ``（2020/2/8 9:05）``."""
    match = _DATE_LINE.fullmatch(western_dates(line.strip()))
    return parse_date(re.sub(r"\s+", "", match[1])) if match else None


def _own_field(judged: JudgedLines, i: int, template: SiteTemplate | None) -> bool:
    """Line `i` is a field whose label the site's pages give with varying values, and no
    built-in rule, byline or author line claims it."""
    if template is None or judged.furniture[i] or judged.bylines[i] or judged.authors[i]:
        return False
    return template.varying_label(judged.lines[i])


def _url_line(lines: list[str]) -> str | None:
    """A text page's own address, from a link line among its first or last lines."""
    for line in lines[:5] + lines[-5:]:
        if url := url_in(line):
            return url
    return None


def _breadcrumb(lines: list[str], rules: list[str | None], title: str) -> str | None:
    """The last item of the page's breadcrumb (``首页 > 新闻 > 政策`` → 政策)."""
    for i, line in enumerate(lines):
        if rules[i] != "breadcrumb" and not (
            rules[i] and rules[i].startswith("template") and line_rule(line) == "breadcrumb"  # type: ignore[union-attr]
        ):
            continue
        line = CRUMB_LABEL_LINE.sub("", line)
        cut_short = False
        if ellipsis := _ELLIPSIS_END.search(line):
            # The headline cut short ends the crumb (首页 > 项目 > 120MW/240MWh...): no
            # section, nor are the parts of it that a slash sets apart.
            line = line[: ellipsis.start()].rstrip()
            starts = [p for p in range(len(line)) if title.startswith(line[p:].strip())]
            start = next((p for p in starts if len(line[p:].strip()) >= 4), None)
            line, cut_short = (line, True) if start is None else (line[:start], False)
        items = [item.strip() for item in CRUMB_ITEMS.split(line)]
        items = [item for item in items if item]
        if cut_short and items:
            items.pop()
        while items and (
            items[-1] in _CRUMB_NOT_CATEGORY
            or items[-1] == title
            or (title and len(items[-1]) > 6 and (items[-1] in title or title in items[-1]))
        ):
            items.pop()
        if len(items) >= 2 or (items and CRUMB_LABEL_LINE.match(line)):
            last = items[-1]
            # (a short X新闻 or X资讯 after the crumb's first item, 行业新闻 or 公司资讯, is a
            # column, though it ends like a site's name)
            column = len(items) >= 2 and _CRUMB_COLUMN.match(last) is not None
            if len(last) <= 12 and (column or not looks_like_site_name(last)) and " " not in last:
                return clean_title(last) or None
        return None
    return None


def _byline_by_headline(bylines: list, i: int, near: range) -> bool:
    """Line `i` is a byline by the headline (a line the site's template repeats on each page,
    发布时间：X or 来源：Y, dropped as the template's): a standfirst above it is not the text's
    start, so a share bar under it does not end the article, as for a byline no template
    rule claimed."""
    return i in near and bylines[i] is not None
