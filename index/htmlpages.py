"""HTML news pages: decoding, blocks as lines, metadata, and trafilatura's main text.

Decoding: a byte-order mark, else the charset the page declares (``<meta charset>`` or
``http-equiv``; GB2312 and GBK pages are decoded as GB18030, their superset, because pages
that declare GB2312 routinely use GBK characters), else detection (`index.encoding`). A page
that cannot be decoded is skipped, never indexed as mojibake.

The page becomes lines (one per block element) for `index.pages`, which finds the headline,
byline and chrome as for a text page; trafilatura (the maintained library for main-text
extraction) says which blocks are the article's text. What trafilatura gets wrong on Chinese
sites is done here and in two modules: `index.htmlmeta` reconciles the headline from
``<h1>``, ``og:title`` and ``<title>`` with the site's name removed and reads what else the
markup says (the site's name, a stated source, the address); `index.htmldates` reads the date
from ``article:published_time``, ``<time datetime>``, JSON-LD ``datePublished``, and asks
htmldate only without its extensive search (which turns a year in the text into 1 January).
Before the blocks are read, the tree is made to show what a browser shows (hidden elements
out, an ``<iframe srcdoc>``'s article in, a date a script writes shown).
"""

from __future__ import annotations

import gzip
import logging
import re
import zlib
from dataclasses import dataclass

import lxml.etree
import lxml.html

from xinwen.index.appstate import draw_state_article
from xinwen.index.bylines import photo_credit_line
from xinwen.index.cleaning import parse_date
from xinwen.index.encoding import UndecodableError, decode_bytes
from xinwen.index.furniture import is_prose
from xinwen.index.htmldates import drop_revision_dates, enp_date
from xinwen.index.htmlmeta import HEADINGS, enp_headline, markup_hints
from xinwen.index.pagerecords import PageHints
from xinwen.index.textdumps import chinese_labels, join_lone_field_labels, split_glued_size_bar

HTML_SUFFIXES = (".html", ".htm", ".shtml", ".xhtml", ".html.gz", ".htm.gz")
_PARSER = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True)
# A compressed page bigger than this once inflated is not a news page.
MAX_HTML_BYTES = 20_000_000

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)""", re.IGNORECASE)
_GB_NAMES = frozenset({"gb2312", "gbk", "gb_2312-80", "x-gbk", "gb18030", "cp936", "euc-cn"})
_BLOCKS_WORDS = (
    "p div li ul ol h1 h2 h3 h4 h5 h6 tr table section article header footer aside nav dd"
    " dt dl blockquote pre form center main figure figcaption address hr br td th caption"
)
_BLOCKS = frozenset(_BLOCKS_WORDS.split())
_SKIP = frozenset(
    ("script", "style", "noscript", "template", "head", "iframe", "svg", "select", "option")
)


# Both libraries log each page they cannot handle at ERROR level; a page without a date or
# main text is an ordinary outcome here, reported in the reindex summary instead.
for _name in ("htmldate", "trafilatura"):
    logging.getLogger(_name).setLevel(logging.CRITICAL)


class NotHtmlError(ValueError):
    """The file's bytes are not a readable HTML page."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(reason)
        self.reason = reason
        self.detail = detail


def is_html_name(name: str) -> bool:
    """Whether a file name is an HTML page's."""
    return name.lower().endswith(HTML_SUFFIXES)


def decode_html(data: bytes) -> str:
    """The page's text (see the module docstring); raises `NotHtmlError`."""
    if data[:2] == b"\x1f\x8b":
        try:
            data = gzip.decompress(data)[: MAX_HTML_BYTES + 1]
        except (OSError, EOFError, zlib.error) as exc:
            raise NotHtmlError("unreadable file", f"bad gzip data: {exc}") from None
        if len(data) > MAX_HTML_BYTES:
            raise NotHtmlError("unreadable file", "inflates to more than 20 MB")
    if not data.strip():
        raise NotHtmlError("empty file")
    has_bom = data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"))
    if not has_bom and (match := _CHARSET.search(data[:4096])):
        name = match[1].decode("ascii").lower()
        codec = "gb18030" if name in _GB_NAMES else name
        try:
            return data.decode(codec)
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong declaration: detect instead
    try:
        return decode_bytes(data).text
    except UndecodableError as exc:
        raise NotHtmlError(exc.reason, exc.detail) from None


@dataclass
class HtmlPage:
    """A parsed page: its blocks as lines and what its markup says."""

    lines: list[str]
    hints: PageHints
    html: str


def parse_html(text: str, *, main_text: bool = True) -> HtmlPage:
    """Lines and hints of a decoded page; `main_text`: also run trafilatura."""
    try:
        root = lxml.html.document_fromstring(text.encode("utf-8"), parser=_PARSER)
    except (lxml.etree.ParserError, ValueError) as exc:
        # lxml says "Document is empty" of a page of comments or whitespace only.
        raise NotHtmlError("no article text", f"no HTML content: {exc}") from None
    _custom_elements_as_html(root)
    _inline_srcdoc_frames(root)
    # (a page its scripts draw: its article read from the app's state saved with it)
    draw_state_article(root, lambda article: _shows(root, article))
    _drop_heading_anchors(root)
    _drop_replies(root)
    _drop_letter_avatars(root)
    _label_from_tooltips(root)
    drop_revision_dates(root)
    _drop_marquees(root)
    _drop_image_captions(root)
    _show_script_written_dates(root)
    hints = markup_hints(root)
    if hints.published is None and (found := enp_date(text)):
        hints.published, hints.date_from = found, "meta (enpproperty <date>)"
    lines = _block_lines(root)
    enp_headline(text, lines, hints)
    if main_text:
        hints.main_text = _trafilatura_text(root)
    return HtmlPage(lines, hints, text)


# A forum thread's post: an element marked as a post by its class or id (NodeBB's topic-post,
# phpBB's post, vBulletin's postbit, Discuz's post_123) or by schema.org (a Comment, a
# DiscussionForumPosting), which names its author.
_POST_MARK = re.compile(r"(?:^|[\s_-])post(?:bit\w*)?(?:$|[\s_-]|\d)", re.IGNORECASE)
_POST_TYPE = re.compile(r"schema\.org/(?:Comment|DiscussionForumPosting)$", re.IGNORECASE)
_AUTHOR_MARK = (
    ".//*[@itemprop='author' or @data-username or contains(@class, 'author')"
    " or contains(@class, 'username')]"
)


def _inline_srcdoc_frames(root: lxml.html.HtmlElement) -> None:
    """An ``<iframe srcdoc="…">`` holds its page as an attribute (a CMS that sandboxes the
    article's HTML this way, title and byline outside it): its body is put in the frame's
    place, as a browser shows it, so that the text is read where it stands."""
    for frame in list(root.iter("iframe")):
        doc = frame.get("srcdoc")
        if not doc or not doc.strip():
            continue
        try:
            inner = lxml.html.document_fromstring(doc.encode("utf-8"), parser=_PARSER)
        except (lxml.etree.ParserError, ValueError):
            continue  # (nothing but comments or whitespace: nothing to show)
        body = inner.find("body")
        box = lxml.html.Element("div")
        box.extend(list(body if body is not None else inner))
        box.tail = frame.tail
        frame.getparent().replace(frame, box)


def _forum_post(el: lxml.html.HtmlElement) -> bool:
    marks = f"{el.get('class') or ''} {el.get('id') or ''}"
    marked = _POST_MARK.search(marks) or _POST_TYPE.search(el.get("itemtype") or "")
    return bool(marked) and bool(el.xpath(_AUTHOR_MARK))


# A cross-platform app framework's elements, saved after it drew the page (uni-app's
# <uni-view>, <uni-text>, <uni-button>; Taro's <taro-view-core>): its views and buttons are
# boxes, laid out as blocks by its style sheet, its texts inline. Unknown to an HTML reader
# (and inline), a page of them would read as one line.
_CUSTOM_BLOCK = re.compile(
    r"^[a-z][a-z0-9]*-(?:[a-z0-9-]*-)?(?:view|page|page-head|page-body|page-wrapper|button"
    r"|tabbar|navigator|scroll-view|swiper|swiper-item|cell|list|list-item)(?:-core)?$"
)
_CUSTOM_INLINE = re.compile(r"^[a-z][a-z0-9]*-(?:text|rich-text|label|icon|image)(?:-core)?$")


def _custom_elements_as_html(root: lxml.html.HtmlElement) -> None:
    """Name an app framework's boxes and texts as HTML's (div, span), for the line reader,
    the headline's search and trafilatura alike."""
    for el in root.iter():
        tag = el.tag if isinstance(el.tag, str) else ""
        if "-" not in tag:
            continue
        if _CUSTOM_BLOCK.match(tag):
            el.tag = "div"
        elif _CUSTOM_INLINE.match(tag):
            el.tag = "span"


def _drop_replies(root: lxml.html.HtmlElement) -> None:
    """Keep a forum thread's first post only: it is the article, the posts after it (each
    with its author, in the same list) are replies, whatever forum software prints them."""
    for parent in list(root.iter()):
        posts = [child for child in parent if isinstance(child.tag, str) and _forum_post(child)]
        if len(posts) >= 2 and len({post.tag for post in posts}) == 1:
            for reply in posts[1:]:
                reply.drop_tree()


def _drop_letter_avatars(root: lxml.html.HtmlElement) -> None:
    """Remove avatars drawn as a user's initial (NodeBB's ``<span class="avatar">老</span>``):
    a picture of a letter, not a line of the post."""
    for el in root.xpath("//*[contains(@class, 'avatar')]"):
        if len(el.text_content().strip()) <= 2 and el.getparent() is not None:
            el.drop_tree()
    # (and the author's role under the name, schema.org's Person's description or job title:
    # Docusaurus's 核心维护者 beside the avatar)
    for el in root.xpath(
        "//*[@itemprop='author']//*[@itemprop='description' or @itemprop='jobTitle']"
    ):
        if len(el.text_content().strip()) <= 20 and el.getparent() is not None:
            el.drop_tree()


def _drop_heading_anchors(root: lxml.html.HtmlElement) -> None:
    """Remove a heading's permalink, a link to the heading itself shown as a mark (``<h1><a
    href="#id">#</a> 标题</h1>``, as VuePress, Docusaurus and Sphinx write): it is no part of
    the headline's text."""
    for a in root.xpath(_HEADING_ANCHORS):
        if a.text_content().strip() in _ANCHOR_MARKS:
            a.drop_tree()  # (keeps the text after it: the headline)


def _label_from_tooltips(root: lxml.html.HtmlElement) -> None:
    """Show a field's label that the page keeps in its tooltip (``<dd data-original-title=
    "作者：X"><i class="icon-user"></i> X</dd>``, an icon in its place): the bare value would
    read as the article's first line."""
    for el in root.xpath("//*[@title or @data-original-title]"):
        tip = el.get("data-original-title") or el.get("title") or ""
        if not (match := _TOOLTIP_FIELD.match(tip.strip())):
            continue
        if "".join(el.text_content().split()) == "".join(match["value"].split()):
            el.text = f"{match['label']}：{el.text or ''}"


def _drop_marquees(root: lxml.html.HtmlElement) -> None:
    """Take out a scrolling banner (``<marquee>热烈庆祝我矿安全生产突破1500天！…</marquee>``): a
    notice the site runs over every page, never the article; read as a line, its sentence
    would pass for the text's start and the headline's."""
    for el in list(root.iter("marquee")):
        if el.getparent() is not None:
            el.drop_tree()


# An inline script that writes a date given as a literal (``document.write(fmtDate("2024-05-17
# 10:26:08"))``, ``document.write('2024年5月17日')``): the page shows that date where the script
# stands, as a browser renders it; a reader sees 发布时间：2024年05月17日. A script that writes
# today's date computes it (``new Date()``) and gives no literal, so it stays out.
_WRITTEN_DATE = re.compile(
    r"""^\s*document\.write(?:ln)?\s*\(\s*(?:[\w.$]+\s*\(\s*)?(?P<q>["'])"""
    r"(?P<date>(?:19|20)\d\d\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?"
    r"(?:[\sT]+\d{1,2}:\d{2}(?::\d{2})?)?)(?P=q)\s*\)?\s*\)\s*;?\s*$"
)


def _show_script_written_dates(root: lxml.html.HtmlElement) -> None:
    """Put the date an inline script writes in the script's place (`_WRITTEN_DATE`)."""
    for script in list(root.iter("script")):
        if script.get("src") or not script.text or len(script.text) > 200:
            continue
        match = _WRITTEN_DATE.match(script.text)
        parent = script.getparent()
        if match is None or parent is None:
            continue
        text = match["date"] + (script.tail or "")
        previous = script.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + text
        else:
            parent.text = (parent.text or "") + text
        parent.remove(script)


# A picture's caption: a short line, no sentence (no full stop, not a numbered heading), in the
# block right under a block that holds the picture alone, among the text's paragraphs.
_CAPTION_MAX_CHARS = 40
# (nor a labelled field, 主办单位：X under a footer's badge)
_SENTENCE_STOP = re.compile(r"[。！？!?；;:：]")
_NUMBERED_HEADING = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+[、.．]|\d+[、.．]\D|[（(][一二三四五六七八九十\d]+[)）])"
)
_CAPTION_BLOCKS = ("p", "div", "center", "figure")
_PARAGRAPH_CHARS = 30


def _picture_alone(el: lxml.html.HtmlElement) -> bool:
    return (
        el.tag in _CAPTION_BLOCKS
        and bool(el.xpath(".//img"))
        and not "".join(el.text_content().split())
        and not (el.tail or "").strip()
    )


def _beside_paragraphs(el: lxml.html.HtmlElement) -> bool:
    siblings = [*el.itersiblings(), *el.itersiblings(preceding=True)]
    return any(
        s.tag == "p"
        and len(text := " ".join(s.text_content().split())) >= _PARAGRAPH_CHARS
        and is_prose(text)
        for s in siblings
        if isinstance(s.tag, str)
    )


# A caption that closes its one sentence and then credits the picture (X项目光伏区。通讯员 张三 摄,
# 施工现场。图/X电力工程公司, X变电站。王五 摄): the full stop ends the caption's words, not a
# sentence of the text; the photographer's 摄 or the 图/ credit after it says whose picture it is.
_CREDITED_CAPTION = re.compile(
    r"^[^。！？!?；;:：]{2,40}[。.]\s*(?:"
    r"(?:(?:本报|本刊|本网|特约)?(?:记者|通讯员)\s*)?[\u4e00-\u9fff]{2,4}"
    r"(?:\s*[、\s]\s*(?:(?:记者|通讯员)\s*)?[\u4e00-\u9fff]{2,4}){0,3}\s*摄"
    r"|(?:图|摄|图片|摄影)\s*[/／:：]\s*[^\s。，,！？；]{2,20}"
    r")\s*[。.]?$"
)


def _credited_caption(text: str) -> bool:
    """`text` is one short line that ends with a picture's credit after its full stop."""
    return bool(_CREDITED_CAPTION.match(text))


# A gallery (组图, a 图片 column's page): this many pictures, each with a credited caption under it.
_GALLERY_PICTURES = 3


def _gallery(pictures: list[lxml.html.HtmlElement]) -> bool:
    """The pictures are a gallery's: three or more, each with a caption that credits it (…。X 摄).
    A gallery tells its story in its captions, so they are its text, not a picture's label."""
    credited = 0
    for picture in pictures:
        caption = picture.getnext()
        if caption is None or caption.tag not in ("p", "div"):
            continue
        if photo_credit_line(" ".join(caption.text_content().split())):
            credited += 1
    return credited >= _GALLERY_PICTURES


def _drop_image_captions(root: lxml.html.HtmlElement) -> None:
    """Take out a picture's caption in the text (检测人员进行容量测试（图/X）, 吊装现场　X 摄, 结构
    示意图): a short line under the picture, not a sentence of the text; a reader skips it as
    the picture's, and a search for the article should not find it as its words."""
    pictures = [el for el in root.iter(*_CAPTION_BLOCKS) if _picture_alone(el)]
    if _gallery(pictures):
        return
    for picture in pictures:
        caption = picture.getnext()
        if caption is None or caption.tag not in ("p", "div") or caption.getparent() is None:
            continue
        text = " ".join(caption.text_content().split())
        if not text or len(text) > _CAPTION_MAX_CHARS:
            continue
        if _SENTENCE_STOP.search(text) and not _credited_caption(text):
            continue
        if _NUMBERED_HEADING.match(text) or caption.xpath(".//img | .//a | .//strong | .//b"):
            continue
        if _beside_paragraphs(caption):
            caption.drop_tree()


_TOOLTIP_FIELD = re.compile(
    r"^(?P<label>作者|来源|编辑|责任编辑|发布者|发布人)\s*[:：]\s*(?P<value>\S.*)$"
)
_HEADING_ANCHORS = "//*[self::h1 or self::h2 or self::h3 or self::h4]//a[starts-with(@href, '#')]"
_ANCHOR_MARKS = frozenset({"#", "¶", "§", "🔗", ""})
# A line of prose this long is an article's text (a page drawn by its scripts shows none).
_SHOWN_PROSE_CHARS = 30


def _shows(root: lxml.html.HtmlElement, text: str) -> bool:
    """The page as saved shows `text` (its start) or prose of its own."""
    lines = _block_lines(root)
    if "".join(text.split())[:30] in "".join("".join(lines).split()):
        return True
    return any(len(line) >= _SHOWN_PROSE_CHARS and is_prose(line) for line in lines)


# Set between two inline elements that touch (``<span>来源：X</span><span>栏目</span>``): a space
# in a line of fields, nothing in a line of prose (``<span>国家</span><span>电网</span>…。``).
_TOUCH = "\u2063"
# Elements whose inline parts are never set apart: a headline's, and a bold run's (a subhead
# written <strong><span>一、</span><span>总体要求</span></strong>).
_UNBROKEN = HEADINGS | {"b", "strong"}


def _block_lines(root: lxml.html.HtmlElement) -> list[str]:
    body = root.find("body")
    start = body if body is not None else root
    out: list[str] = []
    buffer: list[str] = []
    headings = 0  # open heading elements: a headline's parts are never set apart
    author_item = bool(start.xpath(".//*[@itemprop='author']"))

    def flush() -> None:
        line = "".join(buffer)
        if _TOUCH in line:
            joined = line.replace(_TOUCH, "")
            line = joined if is_prose(joined) else line.replace(_TOUCH, " ")
        line = " ".join(line.split())
        if line:
            out.append(line)
        buffer.clear()

    # Iterative walk (deep pages must not hit the recursion limit): ("open", el) and
    # ("close", el) events.
    stack: list[tuple[bool, lxml.html.HtmlElement]] = [(False, start)]
    while stack:
        closing, el = stack.pop()
        tag = el.tag if isinstance(el.tag, str) else ""
        if closing:
            if tag in _BLOCKS:
                flush()
            headings -= tag in _UNBROKEN
            if el.tail:
                buffer.append(el.tail)
            continue
        if tag in _SKIP or not tag:
            if el.tail:
                buffer.append(el.tail)
            continue
        if tag == "table" and _month_calendar(el):
            # (a side column's calendar of the month, 往期回顾: 31 lines of day numbers, which
            # would push the article's headline far down the page's lines)
            if el.tail:
                buffer.append(el.tail)
            continue
        if tag == "tr" and (fields := _label_row(el)) is not None:
            # A row of label and value cells (发布部门：| X | 发布时间：| Y): one line of fields.
            flush()
            out.append(fields)
            if el.tail:
                buffer.append(el.tail)
            continue
        if tag in _BLOCKS and (crumb := _icon_crumb(el)) is not None:
            # A breadcrumb whose separators are icons (<i class="td-bread-sep">): its items
            # set apart by the separator its text would show (首页 > 项目 > 标题).
            flush()
            out.append(crumb)
            if el.tail:
                buffer.append(el.tail)
            continue
        if tag in _BLOCKS and (tags := _tag_links(el) or _category_links(el)) is not None:
            # A post's tag list, its links only (Hugo's, WordPress's post-tags): a labelled
            # line, as other templates print it (标签：X Y), which ends the article.
            flush()
            out.append(tags)
            if el.tail:
                buffer.append(el.tail)
            continue
        if tag in _BLOCKS:
            flush()
            if _author_block(el, author_item):
                buffer.append("作者：")
        elif buffer and not headings and _touches_previous(el):
            buffer.append(_TOUCH)
        headings += tag in _UNBROKEN
        if el.text:
            buffer.append(el.text)
        stack.append((True, el))
        stack.extend((False, child) for child in reversed(el))
    flush()
    # (a bilingual label's English left out, a label alone joined to its value)
    out = join_lone_field_labels(chinese_labels(out))
    # (a meta line's font-size buttons inline in it, 來源：X<span>字級：大中小</span>: a tool bar)
    out = split_glued_size_bar(out)
    return [_english_byline(line) for line in _joined_labels(out)]


_WEEKDAY_CELL = re.compile(r"^(?:周|星期)?[日一二三四五六天]$|^(?:Su|Mo|Tu|We|Th|Fr|Sa)[a-z]{0,4}$")
_MAX_CALENDAR_CELLS = 60


def _month_calendar(table: lxml.html.HtmlElement) -> bool:
    """A table of a month's days (28 or more day numbers, weekday names, empty cells)."""
    if table.find(".//table") is not None:
        return False
    cells = table.xpath(".//td|.//th")
    if not 28 <= len(cells) <= _MAX_CALENDAR_CELLS:
        return False
    days = 0
    for cell in cells:
        text = "".join(cell.text_content().split())
        if text.isascii() and text.isdigit() and 1 <= int(text) <= 31:
            days += 1
        elif text and not _WEEKDAY_CELL.match(text):
            return False
    return days >= 28


# An English theme's byline on a Chinese page: Drupal's ``Submitted by X on Tue, 09/10/2024 -
# 10:12`` (its default date format, month first), WordPress themes' ``Posted by X on May 3,
# 2024`` and ``Posted on … by X``.
_BY_ON = re.compile(
    r"^(?:Submitted|Posted|Published|Written)\s+by\s+(?P<who>[^\d]{1,30}?)\s+on\s+(?P<when>.{6,40})$"
    r"|^(?:Posted|Published)\s+on\s+(?P<when2>.{6,40}?)\s+by\s+(?P<who2>[^\d]{1,30})$",
    re.IGNORECASE,
)
_WEEKDAY = re.compile(r"^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]{0,6},?\s*", re.IGNORECASE)
_CLOCK = re.compile(r"\s*(?:[-–—@|]|at)?\s*(\d{1,2}:\d{2})\s*(?:[ap]\.?m\.?)?$", re.IGNORECASE)
_US_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")


def _english_byline(line: str) -> str:
    """`line`, an English theme's byline written as the fields a Chinese page prints
    (作者：X 发布时间：2024-09-10 10:12), which the byline rules read; else unchanged."""
    if len(line) > 90 or not (match := _BY_ON.match(line)):
        return line
    who = (match["who"] or match["who2"]).strip()
    when = _WEEKDAY.sub("", (match["when"] or match["when2"]).strip())
    clock = ""
    if (timed := _CLOCK.search(when)) and timed.start() > 0:
        when = when[: timed.start()].strip()
        # (a 12-hour time, 10:12am, is left out: the date is what is read)
        clock = "" if timed[0].lower().rstrip(".").endswith("m") else f" {timed[1]}"
    if us := _US_DATE.match(when):
        # (month first, as the US and Drupal write it; day first only where it must be)
        first, second = int(us[1]), int(us[2])
        month, day = (first, second) if first <= 12 else (second, first)
        found = parse_date(f"{us[3]}-{month}-{day}")
    else:
        found = parse_date(when)
    if found is None:
        return line
    return f"作者：{who} 发布时间：{found.isoformat()}{clock}"


# Class or id of a block holding the author's name alone (<p class="byline">高岚</p>).
_AUTHOR_TOKEN = re.compile(r"^(?:byline|author|author-?name|article-?author|post-?author|writer)$")
_BARE_NAME = re.compile(r"^[\u3400-\u9fff·]{2,6}(?:\s+[\u3400-\u9fff·]{2,6}){0,2}$")


def _author_block(el: lxml.html.HtmlElement, author_item: bool = False) -> bool:
    """A block its class or id calls the byline or the author's, holding a name alone (no
    label): the page's author line, which the rules read as ``作者：X``. `author_item`: the
    page has an author's microdata item, which a block in it is too."""
    tokens = f"{el.get('class') or ''} {el.get('id') or ''}".lower().split()
    named = any(_AUTHOR_TOKEN.match(token) for token in tokens)
    if not named and not (author_item and _in_author_item(el)):
        return False
    return bool(_BARE_NAME.match(" ".join(el.text_content().split())))


def _in_author_item(el: lxml.html.HtmlElement) -> bool:
    """`el` is in the author's schema.org item (``itemprop="author"``, a column platform's
    author card: the name, then a badge)."""
    node: lxml.html.HtmlElement | None = el
    for _ in range(4):
        if node is None:
            return False
        if node.get("itemprop") == "author":
            return True
        node = node.getparent()
    return False


# A post's field label alone on its line (标签：, 分类：), as a heading before its value's links
# prints it (not any label: 公告编号： above a headline is no field of it).
_LONE_LABEL = re.compile(
    r"^(?:标签|分类|所属分类|类别|关键词|关键字|tags?|栏目|所属栏目|来源|作者)\s*[:：]$",
    re.IGNORECASE,
)


# A byline's field label without its colon, alone on its line above its value, as a card of
# fields prints it (``<div class="meta-label">作者</div><div class="meta-value">X</div>``).
_BARE_LABEL = re.compile(r"^(?:作者|作\s+者|来源|來源|发布日期|发布时间|发表日期|发表时间)$")


def _joined_labels(lines: list[str]) -> list[str]:
    """The lines with a label alone on its line joined to the short value on the next one
    (``<h3>标签：</h3><a>X</a>`` → 标签：X; ``作者`` / ``X`` → 作者：X), so that the rules read
    them as one field."""
    out: list[str] = []
    for line in lines:
        value = len(line) <= 40 and not is_prose(line)
        if out and _LONE_LABEL.match(out[-1]) and value:
            out[-1] += line
        elif out and _BARE_LABEL.match(out[-1]) and value and not _BARE_LABEL.match(line):
            out[-1] += "：" + line
        else:
            out.append(line)
    return out


# A link to a tag's page: /tags/X/, /tag/X, ?tag=X (not the tags' index, /tags/).
_TAG_HREF = re.compile(r"(?:^|/)tags?/[^/?#]+/?(?:index\.\w{3,5})?$|[?&]tags?=", re.IGNORECASE)
_TAG_SEPARATORS = re.compile(r"[\s,，、|｜·/#]+")


# Drupal's links to a taxonomy's terms (/taxonomy/term/12), tags or sections: tags in the
# article's field of tags (field--name-field-tags).
_TERM_HREF = re.compile(r"(?:^|/)taxonomy/term/\d+/?$")


def _in_tags_field(el: lxml.html.HtmlElement) -> bool:
    for node in (el, el.getparent()):
        if node is not None and "tags" in f"{node.get('class') or ''} {node.get('id') or ''}":
            return True
    return False


def _tag_links(el: lxml.html.HtmlElement) -> str | None:
    """``标签：X Y`` for a block that holds nothing but links to tags' pages, else None."""
    links = list(el.iter("a"))
    if not links:
        return None
    terms = False
    for a in links:
        href = (a.get("href") or "").strip()
        if not _TAG_HREF.search(href):
            if not _TERM_HREF.search(href):
                return None
            terms = True
    if terms and not _in_tags_field(el):
        return None  # (a taxonomy's terms are a tag list only in a field of tags)
    names = [" ".join(a.text_content().split()) for a in links]
    text = _TAG_SEPARATORS.sub("", el.text_content())
    if not all(names) or text != _TAG_SEPARATORS.sub("", "".join(names)):
        return None
    return "标签：" + " ".join(names)


# A blog's links to its categories' pages (Wix's /blog/categories/X, WordPress's /category/X).
_CATEGORY_HREF = re.compile(r"(?:^|/)categor(?:y|ies)/[^/?#]+/?$", re.IGNORECASE)


def _icon_crumb(el: lxml.html.HtmlElement) -> str | None:
    """``首页 > X > Y`` for a breadcrumb block (its class or id says so) whose items show no
    separator between them (icons draw it), else None."""
    marks = f"{el.get('class') or ''} {el.get('id') or ''}".lower()
    if "crumb" not in marks:
        return None
    items = [" ".join(t.split()) for t in el.itertext() if t.strip()]
    if not 2 <= len(items) <= 8 or any(_CRUMB_SEPARATOR.search(t) for t in items):
        return None
    if any(len(t) > 60 for t in items):
        return None
    return " > ".join(items)


_CRUMB_SEPARATOR = re.compile(r"[>＞»›→/|｜:：]")


def _category_links(el: lxml.html.HtmlElement) -> str | None:
    """``分类：X`` for a block of a post's categories (its class says so) that holds nothing
    but links to categories' pages, else None: the post's category list, not its text."""
    marks = f"{el.get('class') or ''} {el.get('id') or ''} {el.get('data-hook') or ''}"
    links = list(el.iter("a"))
    if "categor" not in marks.lower() or not links:
        return None
    if not all(_CATEGORY_HREF.search((a.get("href") or "").strip()) for a in links):
        return None
    names = [" ".join(a.text_content().split()) for a in links]
    text = _TAG_SEPARATORS.sub("", el.text_content())
    if not all(names) or text != _TAG_SEPARATORS.sub("", "".join(names)):
        return None
    return "分类：" + " ".join(names)


_CELL_LABEL = re.compile(r"^[^:：]{1,8}[:：]$")
MAX_FIELD_CELL_CHARS = 40


def _label_row(tr: lxml.html.HtmlElement) -> str | None:
    """A table row of label cells, each followed by its value's cell (``<td>信息来源：</td>
    <td>X</td>``), as one line of ``label：value`` fields (an empty value's label left out),
    so that a byline set out as a table reads as one; None for any other row."""
    cells = [c for c in tr if isinstance(c.tag, str) and c.tag in ("td", "th")]
    if len(cells) < 2 or any(c.find(".//table") is not None for c in cells):
        return None
    texts = [" ".join(c.text_content().split()) for c in cells]
    if any(len(t) > MAX_FIELD_CELL_CHARS for t in texts):
        return None
    fields: list[str] = []
    labels = 0
    at = 0
    while at < len(texts):
        text = texts[at]
        if _CELL_LABEL.match(text) and at + 1 < len(texts) and not _CELL_LABEL.match(texts[at + 1]):
            labels += 1
            if texts[at + 1]:
                fields.append(text + texts[at + 1])
            at += 2
            continue
        if text and not _CELL_LABEL.match(text):
            fields.append(text)
        at += 1
    return " ".join(fields) if labels else None


def _touches_previous(el: lxml.html.HtmlElement) -> bool:
    """The inline element right before `el` ends where `el` starts (no text between)."""
    previous = el.getprevious()
    if previous is None or not isinstance(previous.tag, str) or previous.tag in _BLOCKS:
        return False
    return not previous.tail


def _trafilatura_text(root: lxml.html.HtmlElement) -> str | None:
    # Imported on first use: slow to import (bench/results/code-notes.md, "Late imports"), and
    # only HTML pages need it.
    import trafilatura

    try:
        # The tree is handed over as it is (trafilatura prunes it; it is not used afterwards).
        document = trafilatura.bare_extraction(
            root,
            include_comments=False,
            with_metadata=False,
        )
    except (ValueError, TypeError, lxml.etree.LxmlError):
        return None
    return getattr(document, "text", None) if document is not None else None
