"""HTML news pages: decoding, blocks as lines, metadata, and trafilatura's main text.

Decoding: a byte-order mark, else the charset the page declares (``<meta charset>`` or
``http-equiv``; GB2312 and GBK pages are decoded as GB18030, their superset, because pages
that declare GB2312 routinely use GBK characters), else detection (`index.encoding`). A page
that cannot be decoded is skipped, never indexed as mojibake.

The page becomes lines (one per block element) for `index.pages`, which finds the headline,
byline and chrome as for a text page; trafilatura (the maintained library for main-text
extraction) says which blocks are the article's text. What trafilatura gets wrong on Chinese
sites is done here: the headline is reconciled from ``<h1>``, ``og:title`` and ``<title>``
with the site's name removed; the date is read from ``article:published_time``, ``<time
datetime>``, JSON-LD ``datePublished`` and the byline, and htmldate is asked only without its
extensive search (which turns a year in the text into 1 January); the source is ``来源：X``.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import logging
import re
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from html import unescape as _unescape

import lxml.etree
import lxml.html

from xinwen.index.appstate import draw_state_article
from xinwen.index.bylines import parse_byline, photo_credit_line
from xinwen.index.cleaning import clean_title, parse_date
from xinwen.index.encoding import UndecodableError, decode_bytes
from xinwen.index.furniture import headline_shaped, is_prose, line_rule, split_title
from xinwen.index.linetext import looks_like_site_name, names_no_one
from xinwen.index.pagerecords import PageHints
from xinwen.index.sitenames import document_platform, looks_like_organ
from xinwen.index.textdumps import chinese_labels, join_lone_field_labels, split_glued_size_bar

HTML_SUFFIXES = (".html", ".htm", ".shtml", ".xhtml", ".html.gz", ".htm.gz")
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
_META_SOURCES = ("contentsource", "source", "article:source", "og:article:source")
# Publishing platforms whose pages carry the platform's name as og:site_name: the article's
# source is the account that published it (公众号, 头条号, 百家号 …).
_PLATFORMS_WORDS = (
    "微信公众平台 微信 公众号 今日头条 头条号 百家号 搜狐号 网易号 企鹅号 大鱼号 澎湃号"
    " 知乎 知乎专栏 微博 新浪微博 简书 一点资讯 大风号"
)
_PLATFORMS = frozenset(_PLATFORMS_WORDS.split())
_ACCOUNT_META = ("twitter:creator", "og:article:publisher", "article:publisher")
_ACCOUNT_XPATH = (
    "//*[@id='js_name' or @id='profileBt' or contains(@class, 'profile_nickname')"
    " or contains(@class, 'account_nickname')]"
)
_META_SITE_NAMES = ("og:site_name", "sitename", "site_name", "application-name")
_META_TITLES = ("og:title", "twitter:title", "articletitle", "headline")
_META_DATES = (
    "article:published_time",
    "og:published_time",
    "publishdate",
    "pubdate",
    "publish_date",
    "publishtime",
    "datepublished",
    "dc.date.issued",
    "dcterms.issued",
    "dcterms.created",
    "dc.date.created",
    "dc.date",
    # (portals' own names: Sina's, Weibo's, Tencent's, Parse.ly's; TRS CMS writes PubDate)
    "firstpublishedtime",
    "publishedtime",
    "published_time",
    "pubtime",
    "releasedate",
    "release_date",
    "og:release_date",
    "weibo:article:create_at",
    "parsely-pub-date",
    "sailthru.date",
    "date",
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
    _drop_revision_dates(root)
    _drop_marquees(root)
    _drop_image_captions(root)
    _show_script_written_dates(root)
    hints = _hints(root)
    if hints.published is None and (found := _enp_date(text)):
        hints.published, hints.date_from = found, "meta (enpproperty <date>)"
    lines = _block_lines(root)
    _enp_headline(text, lines, hints)
    if main_text:
        hints.main_text = _trafilatura_text(root)
    return HtmlPage(lines, hints, text)


_PARSER = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True)


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


def _drop_revision_dates(root: lxml.html.HtmlElement) -> None:
    """Take out a date its class marks as the page's last change (MkDocs' git-revision-date
    plugin, ``<span class="git-revision-date-localized-plugin-date">``, a theme's
    ``last-modified``): read bare, it would pass for the publication's date. (A labelled one,
    更新时间：X, is left to the byline's rules: an update's date dates a page that states no
    other.)"""
    for el in root.xpath("//*[@class]"):
        marks = el.get("class") or ""
        if not _REVISION_CLASS.search(marks) or "publish" in marks.lower():
            continue  # (most elements: their text is not read)
        bare = _BARE_DATE_TEXT.fullmatch(" ".join(el.text_content().split()))
        if bare and el.getparent() is not None:
            el.drop_tree()


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


# A date and its time alone, no label (2024年5月20日, 2024-05-20 10:02, May 20, 2024).
_BARE_DATE_TEXT = re.compile(r"[\d\s年月日号时分秒:：,./A-Za-z-]{6,40}")
_REVISION_CLASS = re.compile(
    r"revision-date|last-?updated|last-?modified|date-?modified|modified-?date|lastmod",
    re.IGNORECASE,
)


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


# Founder's (方正) e-paper and newsroom CMS writes each article's properties in a comment at the
# top of its page: <!--enpproperty <articleid>…</articleid><date>2023-08-03</date>…-->. The
# parser drops comments, so it is read from the text.
_ENP_DATE = re.compile(r"<!--\s*enpproperty\b[^>]*?>.*?<date>\s*([^<]{6,30}?)\s*</date>", re.DOTALL)


def _enp_date(text: str) -> dt.date | None:
    start = text.find("enpproperty")
    if start < 0:
        return None
    match = _ENP_DATE.search(text, max(0, start - 10), start + 2000)
    return parse_date(match.group(1)) if match else None


# (and its headline: <title>…</title> in the same comment, apart from its 引题 <introtitle>
# and subtitle <subtitle>, which an e-paper sets above and below it in the same type)
_ENP_TITLE = re.compile(r"<!--\s*enpproperty\b.*?<title>\s*([^<]{2,200}?)\s*</title>", re.DOTALL)


def _enp_headline(text: str, lines: list[str], hints: PageHints) -> None:
    """The e-paper's own headline, where its page shows it and no <h1> gave one: an e-paper's
    <title> is the paper's name or its column's (简讯), and its headline sits between an 引题
    and a subtitle set alike, which the page's position alone cannot tell apart."""
    start = text.find("enpproperty")
    if start < 0 or hints.title_from.startswith("<h1>"):
        return
    match = _ENP_TITLE.search(text, max(0, start - 10), start + 4000)
    if not match:
        return
    headline = clean_title(_unescape(match.group(1)))
    shown = {"".join(line.split()) for line in lines}
    if len(headline) < 4 or "".join(headline.split()) not in shown:
        return
    if hints.headline and hints.headline != headline:
        hints.alternatives = [hints.headline, *hints.alternatives]
    hints.headline, hints.title_from = headline, "meta (enpproperty <title>)"


# Set between two inline elements that touch (``<span>来源：X</span><span>栏目</span>``): a space
# in a line of fields, nothing in a line of prose (``<span>国家</span><span>电网</span>…。``).
_TOUCH = "\u2063"
_HEADINGS = frozenset(("h1", "h2", "h3", "h4", "h5", "h6"))
# Elements whose inline parts are never set apart: a headline's, and a bold run's (a subhead
# written <strong><span>一、</span><span>总体要求</span></strong>).
_UNBROKEN = _HEADINGS | {"b", "strong"}


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


_HOME_HREF = re.compile(
    r"^(?:(?:https?:)?//[^/?#]+/?|\.?/)(?:index\.\w{3,5})?$|^index\.\w{3,5}$", re.IGNORECASE
)


def _one_link_href(h1: lxml.html.HtmlElement) -> str | None:
    """Where an ``<h1>`` leads when its whole text is one link, else None."""
    links = list(h1.iter("a"))
    if len(links) != 1:
        return None
    text = " ".join(h1.text_content().split())
    if not text or text != " ".join(links[0].text_content().split()):
        return None
    return (links[0].get("href") or "").strip()


def _links_home(h1: lxml.html.HtmlElement) -> bool:
    """An ``<h1>`` whose text is all one link to the site's home page (``/``,
    ``https://host/``, ``index.html``): a header's logo, not a headline."""
    href = _one_link_href(h1)
    return href is not None and bool(_HOME_HREF.match(href))


_HOME_WORDS = frozenset(("首页", "主页", "返回首页", "返回主页", "home"))


def _home_hrefs(root: lxml.html.HtmlElement) -> frozenset[str]:
    """Where the page's 首页 links lead (its text or its image's alt text says 首页, 主页)."""
    found = set()
    for link in root.iter("a"):
        href = (link.get("href") or "").strip()
        if not href or href.startswith(("#", "javascript")):
            continue
        text = "".join(link.text_content().split()).lower()
        if not text and len(link) == 1 and link[0].tag == "img":
            text = "".join((link[0].get("alt") or "").split()).lower()
        if text in _HOME_WORDS:
            found.add(href)
    return frozenset(found)


def _links_to(h1: lxml.html.HtmlElement, hrefs: Callable[[], frozenset[str]]) -> bool:
    """An ``<h1>`` whose text is all one link to one of `hrefs()` (asked only then)."""
    href = _one_link_href(h1)
    return href is not None and href in hrefs()


# Class names of elements shown to screen readers and search engines only (Bootstrap's sr-only,
# WordPress's screen-reader-text): a hidden <h1> of the site's name, as MetInfo's header has.
_HIDDEN_CLASSES = frozenset(
    ("hidden", "hide", "sr-only", "visually-hidden", "screen-reader-text", "element-invisible")
)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


def _hidden(el: lxml.html.HtmlElement) -> bool:
    """An element the page does not show: it or its parent is ``hidden``, ``aria-hidden``,
    styled ``display:none`` or of a hiding class (not a further ancestor: a page hidden whole
    until its scripts run shows its headline all the same)."""
    parent = el.getparent()
    for node in (el,) if parent is None else (el, parent):
        if node.get("hidden") is not None or (node.get("aria-hidden") or "").lower() == "true":
            return True
        if _HIDDEN_STYLE.search(node.get("style") or ""):
            return True
        if _HIDDEN_CLASSES.intersection((node.get("class") or "").lower().split()):
            return True
    return False


# Class or id of a header's element holding the site's name (site-title, site-name, logo, brand).
_SITE_TOKEN = re.compile(r"^(?:site[-_]?(?:title|name|logo|brand)|logo|brand|sitename|webname)$")


def _names_the_site(el: lxml.html.HtmlElement) -> bool:
    """An element whose class or id says it holds the site's name (a theme's site-title)."""
    tokens = f"{el.get('class') or ''} {el.get('id') or ''}".lower().split()
    return any(_SITE_TOKEN.match(token) for token in tokens)


# What a site's full name adds to its short one (乐狐 → 乐狐网, 乐狐新闻网).
_FULL_NAME = re.compile(r"(?:新闻)?[网網]")


# What a portal's channel adds to the portal's name: a subject (能源, 财经, 科技).
_CHANNEL = re.compile(r"[\u3400-\u9fff]{2,4}")


def _portal_channel(parts: list[str], logo: str) -> str | None:
    """The channel's name in a <title> ending ``_Channel_Portal`` where the logo is the
    portal's (``新流网``) and the channel is the portal's stem and a subject (``新流财经``)."""
    stem = logo[:-1] if logo.endswith(("网", "網")) and len(logo) > 2 else ""
    if len(parts) < 3 or parts[-1] != logo or not stem:
        return None
    channel = parts[-2]
    rest = channel.removeprefix(stem)
    return (
        channel if rest != channel and _CHANNEL.fullmatch(rest) and rest[0] not in "网網" else None
    )


def _section_link(root: lxml.html.HtmlElement, name: str) -> bool:
    """`name` is the text of a link to a page of the site other than its home page (a menu's
    section; a site's name links home)."""
    for link in root.iter("a"):
        href = (link.get("href") or "").strip()
        if href and not _HOME_HREF.match(href) and "".join(link.text_content().split()) == name:
            return True
    return False


def _meta(root: lxml.html.HtmlElement) -> dict[str, str]:
    found: dict[str, str] = {}
    for el in root.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip().lower()
        value = (el.get("content") or "").strip()
        if key and value and key not in found:
            found[key] = value
    return found


def _hints(root: lxml.html.HtmlElement) -> PageHints:
    meta = _meta(root)
    hints = PageHints()
    title_el = root.find(".//title")
    page_title = clean_title(title_el.text_content()) if title_el is not None else ""
    # (an <h1> linking home, one the page hides, or one that says what the logo's alt text
    # says, is the site's name in its header)
    logo = _logo_name(root)
    home_h1s = [
        h
        for h in root.iter("h1")
        if _links_home(h)
        or _hidden(h)
        or _names_the_site(h)
        or (logo and clean_title(h.text_content()) == logo)
    ]
    # (an <h1> linking where the menu's 首页 links, a blog's name on a blogging platform,
    # whose home page is the blog's, not the site's: not a headline, nor the site's name)
    h1s = [
        clean_title(h.text_content())
        for h in root.iter("h1")
        if h not in home_h1s and not _links_to(h, lambda: _home_hrefs(root))
    ]
    # (a headline marked with schema.org's microdata, Joomla's <h2 itemprop="headline">, on a
    # page without an <h1> of it: read as one)
    h1s += [
        text
        for el in root.xpath("//body//*[@itemprop='headline']")
        if el.tag not in ("meta", "link")
        and (text := clean_title(el.text_content()))
        and text not in h1s
    ]
    meta_title = next((clean_title(meta[k]) for k in _META_TITLES if meta.get(k, "").strip()), "")
    # (SiteName: what Chinese government sites' CMS, TRS, writes)
    site = next((clean_title(meta[k]) for k in _META_SITE_NAMES if meta.get(k, "").strip()), "")
    if site in _PLATFORMS or not site:
        # An article on a publishing platform is the account's, which names itself apart.
        site = _account_name(root, meta) or site
    elif account := _account_of_a_platform_by_its_notice(root, meta, site):
        site = account
    items = _json_ld(root)
    if not site:
        # (JSON-LD's publisher: an AMP or a portal's page that has no og:site_name)
        site = next(filter(None, map(_publisher_name, items)), "")
    if not site and home_h1s:
        # (a blog's <h1> of its name linking to its home page, as Z-Blog's and WordPress
        # themes' headers are, or a hidden one, as MetInfo's: the site's name, whatever it
        # ends with)
        site = clean_title(home_h1s[0].text_content())
    if not site and logo and (channel := _portal_channel(split_title(page_title), logo)):
        # (a portal's channel that is a brand of its own, 标题_新流财经_新流网 under the
        # portal's logo 新流网, as Sina's are: the channel's pages are the channel's)
        site = channel
    if not site and logo and logo in split_title(page_title):
        # (a header's logo whose name is one of the <title>'s parts: that part is the site's
        # name, whatever shape the other has — 油价周报 - 能源号)
        site = logo
    if not site and logo and any(_logo_and_section(p, logo) for p in split_title(page_title)):
        # (or is one with a section after a space, 产品发运 | 氢擎装备 新闻中心: the logo's name
        # is the site's, not the other part's)
        site = logo
    if (
        site
        and not _CJK_START.search(site)
        and (chinese := _chinese_name_beside(root, site, page_title))
    ):
        # (og:site_name Nordhav Wind on the Chinese pages of a site whose logo reads "Nordhav
        # Wind 诺海风能": the name it gives its Chinese readers)
        site = chinese
    site = _site_proper(site)
    later = split_title(page_title)[1:] if page_title else []
    # (the headings below the first <h1>, read only when an <h1> may be a banner's: a short
    # later part of the <title>)
    banner = any(len(h) <= 8 and h in later for h in h1s)
    candidates, hints.title_from, title_site = reconcile_title(
        h1s, meta_title, page_title, site, _headings_after_h1(root) if banner else None
    )
    hints.headline = candidates[0] if candidates else None
    hints.alternatives = candidates[1:]
    if hints.headline and page_title:
        hints.title_site = _rest_of_title(split_title(page_title), hints.headline)
    hints.title_parts = tuple(split_title(page_title)) if page_title else ()
    hints.decks = _decks(root) + _headline_decks(root)
    last = later[-1] if later else ""
    if site and last.startswith(site) and _FULL_NAME.fullmatch(last[len(site) :]):
        # (og:site_name 乐狐, <title> 标题_乐狐网: the site's full name is the <title>'s)
        site = last
    if not site and title_site and title_site != logo and _section_link(root, title_site):
        # (a <title> ending with the page's section, 标题_技术创新, 标题 | 远见洞察, which a menu
        # links to: the site is the one its logo names; without a logo, one the page names
        # elsewhere, unless the section is shaped like a site's name)
        title_site = logo or (title_site if looks_like_site_name(title_site) else None)
    section = title_site[len(logo) :] if title_site and logo and title_site.startswith(logo) else ""
    if not site and section and _CHANNEL.fullmatch(section):
        # (标题_凤讯网能源 under the logo 凤讯网: the portal's section, the portal's page)
        title_site = logo if logo.endswith(("网", "網")) else title_site
    hints.site_name = site or (_site_proper(title_site) if title_site else None)
    if document_platform(hints.site_name):
        # (标题 - 飞书云文档: the platform hosting a shared document is not whose it is; the
        # page names its owner otherwise, its share bar or its wiki's space)
        hints.site_name = None
    stated = next((clean_title(meta[k]) for k in _META_SOURCES if meta.get(k, "").strip()), "")
    # (a CMS that writes the label with an empty value: content="来源：")
    stated = _SOURCE_LABEL.sub("", stated)
    usable = stated and not names_no_one(stated) and "//" not in stated and len(stated) <= 30
    hints.stated_source = stated if usable else None
    hints.marked_source = _marked_source(root)
    hints.logo_name = logo
    hints.link_texts = frozenset(
        text for a in root.iter("a") if (text := "".join(a.text_content().split()))
    )
    hints.url = _url(root, meta)
    hints.published, hints.date_from = _markup_date(root, meta, items)
    if hints.published is None and _empty_date_meta(root):
        hints.date_from = EMPTY_DATE_META
    return hints


# Said of a page whose CMS writes its publication date's meta empty (<meta name="PubDate"
# content="">, as 集约化 government platforms do on an undated page): the page is undated, as
# one whose 发布时间 field is left empty, whatever its file name says.
EMPTY_DATE_META = "none (the markup's date field is empty)"


def _empty_date_meta(root: lxml.html.HtmlElement) -> bool:
    for el in root.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip().lower()
        if key in _META_DATES and key != "date" and not (el.get("content") or "").strip():
            return el.get("content") is not None
    return False


# Class or id of the element that holds an article's source in its meta line, unlabelled
# (portals: ``<a class="source">X</a>`` beside the date, ``<span class="a_source">``,
# ``id="article-source"``; mobile sites: ``<span class="src">``), but not ``resource``.
_SOURCE_TOKEN = re.compile(
    r"^(?:ly|from|come-?from|media-?name)$"
    r"|(?:^|[-_]|article|news|post|info)(?:source|src|laiyuan)(?:$|[-_]|name|link)"
)
_SOURCE_LABEL = re.compile(
    # (供稿：X in a source-classed span: who contributed it, as 来源：X)
    r"^(?:(?:信息|稿件|文章|原文|新闻|消息)?(?:来源|來源)|稿源|供稿(?:单位)?|出处|出處|来自|來自|source)"
    r"\s*[:：|｜]?\s*",
    re.IGNORECASE,
)
_DIGITS = re.compile(r"\d")


def _names_source(el: lxml.html.HtmlElement) -> bool:
    tokens = f"{el.get('class') or ''} {el.get('id') or ''}".lower().split()
    return any(_SOURCE_TOKEN.search(token) for token in tokens)


def _marked_source(root: lxml.html.HtmlElement) -> str | None:
    """The source an element of the article's meta line names by its class, without a 来源
    label: the first such element whose parent is a short line of two or more fields (date,
    source, reads), outside lists, sidebars and footers (other articles' sources)."""
    for el in root.iter("a", "span", "em", "i", "b", "strong", "cite", "div", "p"):
        if not _names_source(el):
            continue
        parent = el.getparent()
        if parent is None or len(parent) < 2 or len(parent.text_content().strip()) > 80:
            continue
        if any(a.tag in ("li", "aside", "nav", "footer") for a in el.iterancestors()):
            continue
        name = _SOURCE_LABEL.sub("", " ".join(el.text_content().split()))
        if _ORIGINAL_LINK.match(name):
            continue
        # (a date or a count in it: not a name; 本站, 原创: the site's own)
        if 2 <= len(name) <= 20 and not _DIGITS.search(name) and not names_no_one(name):
            return name
    return None


# A link to the original, marked as a source (WeChat's ``<a id="js_view_source">阅读原文</a>``
# under each article, a reprint's 查看原文): the words of a button, naming no one.
_ORIGINAL_LINK = re.compile(
    r"^(?:阅读|閱讀|查看|点击查看|點擊查看|浏览|瀏覽)?(?:原文|全文)(?:链接|鏈接|地址)?$"
    r"|^(?:view|read)\s+(?:source|original|more)$",
    re.IGNORECASE,
)


_LOGO_WORD = re.compile(r"(?<=..)\s*(?:logo|标志|图标|标识)$", re.IGNORECASE)
_GENERIC_ALT = frozenset(
    ("logo", "首页", "返回首页", "主页", "返回主页", "网站logo", "image", "图片")
)


def _logo_name(root: lxml.html.HtmlElement) -> str | None:
    """The site's name as its logo's alt text (an image whose src, class or id, or its
    parent's, says logo), outside lists and the article's text."""
    for link in root.iter("a"):
        # (a text logo: a link to the home page, its class or id saying logo, its text the
        # name, as a 头条-style header's)
        marks = f"{link.get('class') or ''} {link.get('id') or ''}".lower()
        if "logo" in marks and len(link) == 0 and _HOME_HREF.match(link.get("href") or ""):
            name = clean_title(link.text_content())
            if 2 <= len(name) <= 20 and _CJK_START.search(name):
                return name
    for img in root.iter("img"):
        parent = img.getparent()
        marks = f"{img.get('src') or ''} {img.get('class') or ''} {img.get('id') or ''}"
        if parent is not None:
            marks += f" {parent.get('class') or ''} {parent.get('id') or ''}"
        if "logo" not in marks.lower():
            continue
        name = clean_title(img.get("alt") or "")
        name = _LATIN_TAIL.sub("", name) if _CJK_START.match(name) else name
        # (the alt text's word for the image, 南溪能源观察LOGO, and a slogan after the name,
        # 南溪能源观察 - 让能源更清洁: the name alone)
        name = _LOGO_WORD.sub("", name) if _CJK_START.match(name) else name
        if len(parts := split_title(name)) > 1:
            name = next((p for p in parts if looks_like_site_name(p)), parts[0])
        if 2 <= len(name) <= 20 and _CJK_START.search(name) and name.lower() not in _GENERIC_ALT:
            return name
    return None


def _logo_and_section(part: str, logo: str) -> bool:
    """A <title>'s part that is the logo's name and, after a space, a short section name."""
    return re.fullmatch(re.escape(logo) + r"\s+[\u3400-\u9fff]{2,6}", part) is not None


def _chinese_name_beside(
    root: lxml.html.HtmlElement, latin: str, page_title: str | None = None
) -> str | None:
    """The Chinese name a site's logo gives beside its Latin one (alt "Nordhav Wind 诺海风能"
    or "诺海风能 Nordhav Wind" → 诺海风能), where the markup names the site in Latin only; or
    the last part of the page's <title> (``标题 | 栏目 | Nordhav Wind 诺海风能``)."""
    for img in root.iter("img"):
        parent = img.getparent()
        marks = f"{img.get('src') or ''} {img.get('class') or ''} {img.get('id') or ''}"
        if parent is not None:
            marks += f" {parent.get('class') or ''} {parent.get('id') or ''}"
        if "logo" in marks.lower() and (rest := _name_beside(img.get("alt") or "", latin)):
            return rest
    parts = split_title(page_title) if page_title else []
    return _name_beside(parts[-1], latin) if len(parts) >= 2 else None


def _name_beside(text: str, latin: str) -> str | None:
    """The Chinese name beside `latin` in `text` (``Nordhav Wind 诺海风能`` → 诺海风能)."""
    text = " ".join(text.split())
    if latin.lower() not in text.lower():
        return None
    at = text.lower().index(latin.lower())
    rest = f"{text[:at]} {text[at + len(latin) :]}".strip(" |｜-·")
    return rest if 2 <= len(rest) <= 12 and all(_CJK_START.match(c) for c in rest) else None


_ISSUE_NUMBER = re.compile(r"(?<=..)\s*(?:第\s*\d{1,5}\s*期|\d{4}\s*年\s*第\s*\d{1,3}\s*期)$")
_COLUMN_SECTION = re.compile(r"(?<=..)(?:专栏|專欄)$")


def _site_proper(name: str) -> str:
    """A site's name without what its markup adds to it: its English name after the Chinese
    (``狮城时报 Lion City Times``), its columns section (``X专栏``: the columns are X's), an
    issue's number (``X周报第128期``: a newsletter's or a magazine's issue)."""
    if _CJK_START.match(name):
        name = _LATIN_TAIL.sub("", _DOMAIN_TAIL.sub("", name))
        # (手机X网: the mobile edition's name for the site's; X官网: X's official site, X's)
        name = _OFFICIAL_SITE.sub("", _MOBILE_EDITION.sub("", name))
        name = _MOBILE_VERSION.sub("", name)
        name = _global_information_net(name)
    name = _ISSUE_NUMBER.sub("", name)
    return _COLUMN_SECTION.sub("", name) if name not in _PLATFORMS else name


# A site's address in brackets after its name (央视网(cctv.com), X网（www.x.cn）).
_DOMAIN_TAIL = re.compile(r"(?<=..)\s*[(（]\s*(?:https?://)?[\w.-]+\.[a-z]{2,6}/?\s*[)）]$", re.I)
_OFFICIAL_SITE = re.compile(r"(?<=[\u3400-\u9fff]{2})\s*(?:官网|官方网站|官方網站|官網)$")
_MOBILE_EDITION = re.compile(r"^(?:手机|手機)(?=[\u3400-\u9fff]{2,}[网網]$)")
# Taiwan's government sites are each named X全球資訊網 (global information net:
# 行政院全球資訊網, a ministry's): the site of the office X, which is the source, as X官網 is X's.
_GLOBAL_INFO_NET = re.compile(r"(?<=[\u3400-\u9fff]{2})\s*(?:全球資訊網|全球资讯网|全球信息网)$")


def _global_information_net(name: str) -> str:
    """A government site's name without 全球資訊網 (``X全球資訊網`` → X)."""
    return _GLOBAL_INFO_NET.sub("", name)


# (X手机版, X移动版, X触屏版, XWAP版: the mobile site's <title> names the site X)
_MOBILE_VERSION = re.compile(
    r"(?<=[\u3400-\u9fff]{2})\s*(?:手机版|手機版|移动版|移動版|触屏版|觸屏版|WAP版|3G版)$",
    re.IGNORECASE,
)


def _account_name(root: lxml.html.HtmlElement, meta: dict[str, str]) -> str | None:
    """The publishing account's name: its meta (twitter:creator), else its profile element."""
    names = [meta.get(k, "") for k in _ACCOUNT_META]
    names += [el.text_content() for el in root.xpath(_ACCOUNT_XPATH)]
    for name in names:
        name = clean_title(name)
        if 2 <= len(name) <= 30 and "//" not in name and "@" not in name:
            return name
    return None


def _account_of_a_platform_by_its_notice(
    root: lxml.html.HtmlElement, meta: dict[str, str], site: str
) -> str | None:
    """The account an article on a publishing platform not in `_PLATFORMS` is by: the page
    says the site is a platform of authors (本文为X作者原创, 本文由X作者上传并发布, X仅提供信息
    发布平台), and its meta names the author; the article is the account's, as on 百家号."""
    notice = re.compile(
        r"本文(?:为|由|系)\s*" + re.escape(site) + r"\s*(?:的)?(?:作者|创作者|用户)"
        r"|" + re.escape(site) + r"\s*仅提供信息(?:发布|存储)"
    )
    body = root.find("body")
    text = " ".join((body if body is not None else root).text_content().split())
    if not notice.search(text):
        return None
    name = _account_name(root, meta) or clean_title(meta.get("author", ""))
    return name if 2 <= len(name) <= 30 and "//" not in name and name != site else None


# Class or id of an element holding a headline (title, tit, news_title, biaoti, subject).
_TITLE_TOKEN = re.compile(r"(?:^|[-_])(?:title|tit|biaoti|bt|headline|subject)(?:$|[-_\d])")


def _headings_after_h1(root: lxml.html.HtmlElement) -> set[str]:
    """The texts of the headings (``<h2>``…, or an element whose class says title) below the
    page's first ``<h1>``, none of them shown above it too."""
    body = root.find("body")
    before: set[str] = set()
    after: set[str] | None = None
    for el in (body if body is not None else root).iter():
        if not isinstance(el.tag, str):
            continue
        if el.tag == "h1" and after is None:
            after = set()
            continue
        text = " ".join(el.text_content().split())
        if not 4 <= len(text) <= 90 or (len(el) and el.tag not in _HEADINGS):
            continue
        if after is None:
            before.add(clean_title(text))
            continue
        tokens = f"{el.get('class') or ''} {el.get('id') or ''}".lower().split()
        if el.tag in _HEADINGS or any(_TITLE_TOKEN.search(t) for t in tokens):
            after.add(clean_title(text))
    return (after or set()) - before


def reconcile_title(
    h1s: list[str],
    meta_title: str,
    page_title: str,
    site_name: str = "",
    shown: set[str] | None = None,
) -> tuple[list[str], str, str | None]:
    """Headline candidates from ``<h1>``, ``og:title`` and ``<title>``, best first, with where
    they came from and the site's name.

    The ``<h1>`` that the ``<title>`` or ``og:title`` contains wins (a logo in an ``<h1>`` does
    not); else ``og:title`` without a site name at either end; else the ``<title>``'s parts
    without the site's name and section (``标题_政策_XX能源网``, ``XX网-标题``, ``标题 | XX网``),
    longest first: `index.pages` keeps the one the page shows as its headline. `shown`: the
    headings the page shows below its first ``<h1>`` (a banner's) and not above it.
    """
    parts = split_title(page_title) if page_title else []
    # (a long <h1> the <title> holds is the headline, even one ending like a name: …全容量并网)
    first = parts[0] if len(parts) > 1 else ""
    if first in (shown or ()) and _names_a_banner(h1s, first, parts):
        # A company site's banner: the section's name (新闻中心, 公司新闻) or the site's in an
        # <h1>, a later part of the <title> (``标题-新闻中心-站名``); the headline, its first
        # part, shown on the page in another element below it.
        return (
            [first],
            "<title>'s first part (the <h1> is a banner)",
            site_name or _rest_of_title(parts, first),
        )
    long_h1s = {h for h in h1s if len(h) > 10}
    named = [p for p in parts if looks_like_site_name(p) and p not in long_h1s]
    site = site_name or (named[-1] if named else None)
    if site is None and len(parts) > 1 and parts[0] in named:
        site = parts[0]
    organ_last = len(parts) > 1 and looks_like_organ(parts[-1])
    if site is None and organ_last and not any(looks_like_organ(p) for p in parts[:-1]):
        # (a company's or a government's site: 标题 - 新闻 - 南溪新能源有限公司, 标题-X县人民政府;
        # the last part, when the headline before it is not shaped like an organ's name too)
        site = parts[-1]
    # A logo in an <h1> is the site's name, which the <title> contains too; but a short <h1>
    # shaped like a name (油价周报, a weekly column's headline) that is the <title>'s first part
    # before the site's name at its end (``油价周报 - 站名``) is the headline.
    headed = parts[0] if len(parts) == 2 and site is not None and parts[1] == site else None
    h1s = [
        h
        for h in h1s
        if h != site and (h == headed or not (len(h) <= 10 and looks_like_site_name(h)))
    ]
    for h1 in h1s:
        if headline_shaped(h1) and (h1 in page_title or h1 in meta_title):
            return [h1], "<h1> confirmed by <title>", site or _rest_of_title(parts, h1)
    for h1 in h1s:
        # (an <h1> of the <title>'s headline and its subtitle after a dash, set on a line of
        # its own with <br>: the headline as printed, subtitle and all)
        head = parts[0] if parts else ""
        if len(head) >= 4 and h1.startswith(head) and _SUBTITLE_REST.match(h1[len(head) :]):
            return (
                [h1],
                "<h1> of the <title>'s headline and its subtitle",
                site or (_rest_of_title(parts, head)),
            )
    if meta_title:
        headline = _strip_site(meta_title, site)
        return [headline], "og:title", site or _rest_of_title(parts, headline)
    core = [p for p in parts if p != site and not looks_like_site_name(p)]
    if len(core) > 1:
        core = [p for p in core if len(p) > 4] or core  # 政策, 新闻: a section
    if core:
        ordered = sorted(core, key=len, reverse=True)
        # (an <h1> last: a page whose <title> is the site's name and slogan alone, as a
        # single-page app's is, shows its headline in the <h1>)
        ordered += [h for h in h1s if headline_shaped(h) and h not in ordered]
        # (a headline that begins with a place and a dash, a route's 晋中—太谷天然气联络线…,
        # whose dash splits the <title> as a separator would: the <title> without the site's
        # name, as the page shows it, is a candidate too, the last)
        whole = _strip_site(page_title, site)
        if whole.endswith(ordered[0]) and _PLACE_DASH.fullmatch(whole[: -len(ordered[0])]):
            ordered.append(whole)
        return ordered, "<title> without the site name", site or _rest_of_title(parts, ordered[0])
    headlines = [h1 for h1 in h1s if headline_shaped(h1)]
    return headlines[:1], "<h1>" if headlines else "", site


# A place before a dash that begins a headline (晋中—, 西宁-): a few characters, no separator.
_PLACE_DASH = re.compile(r"[\u3400-\u9fff]{2,6}[—–-]")


# A subtitle after the headline in one <h1>: a dash and words, no field (发布时间：X) nor date.
_SUBTITLE_REST = re.compile(r"^\s*(?:——|—|--)\s*[^\s:：\d][^:：]{1,40}$")


def _names_a_banner(h1s: list[str], first: str, parts: list[str]) -> bool:
    """The <h1>s are all short later parts of the <title> whose longer first part is shaped
    like a headline, not like a site's or an organisation's name."""
    if not h1s or not headline_shaped(first) or first in h1s:
        return False
    if looks_like_site_name(first) or looks_like_organ(first):
        return False
    return all(h in parts[1:] and len(h) <= 8 and len(h) < len(first) for h in h1s)


def _strip_site(title: str, site: str | None) -> str:
    """A title without a site's name at its start or end (``标题 | 己能观察`` → 标题)."""
    parts = split_title(title)
    if len(parts) < 2:
        return title
    for index in (-1, 0):
        part = parts[index]
        if part == site or looks_like_site_name(part):
            rest = title.rsplit(part, 1)[0] if index == -1 else title.split(part, 1)[1]
            return rest.strip(" _|｜-—–:") or title
    return title


def _rest_of_title(parts: list[str], headline: str) -> str | None:
    """The site's name as the <title>'s last (or first) part besides the headline."""
    rest = [p for p in parts if p != headline and headline not in p]
    if len(rest) != len(parts) - 1 or not rest:
        return None
    name = rest[-1] if parts[0] == headline else rest[0]
    # A Chinese name followed by its English one (华曜新能源 Huayao New Energy): the Chinese.
    name = _LATIN_TAIL.sub("", name) if _CJK_START.match(name) else name
    return name if 2 <= len(name) <= 20 and not name.isdigit() else None


_CJK_START = re.compile(r"[\u3400-\u9fff]")
_LATIN_TAIL = re.compile(r"\s+[A-Za-z][A-Za-z0-9 .,&'()-]*$")


def _url(root: lxml.html.HtmlElement, meta: dict[str, str]) -> str | None:
    for link in root.iter("link"):
        if (link.get("rel") or "").strip().lower() == "canonical" and link.get("href"):
            href = link.get("href").strip()
            if href.startswith(("http://", "https://")):
                return href
    url = meta.get("og:url", "")
    return url if url.startswith(("http://", "https://")) else None


def _json_ld(root: lxml.html.HtmlElement) -> list[dict]:
    """The objects of the page's JSON-LD scripts (with a ``@graph``'s)."""
    found: list[dict] = []
    for script in root.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text)
        except ValueError:
            continue
        items = data if isinstance(data, list) else [data]
        if isinstance(data, dict) and isinstance(data.get("@graph"), list):
            items = [data, *data["@graph"]]
        found += [item for item in items if isinstance(item, dict)]
    return found


def _publisher_name(item: dict) -> str:
    publisher = item.get("publisher")
    publisher = publisher[0] if isinstance(publisher, list) and publisher else publisher
    name = publisher.get("name") if isinstance(publisher, dict) else None
    name = clean_title(name) if isinstance(name, str) else ""
    return name if 2 <= len(name) <= 30 and "//" not in name else ""


def _markup_date(
    root: lxml.html.HtmlElement, meta: dict[str, str], items: list[dict]
) -> tuple[dt.date | None, str]:
    for key in _META_DATES:
        if key in meta and (found := parse_date(meta[key])):
            if day := _shown_day_of_stamp(root, found):
                return day, f"meta {key}, the day the page's <time> shows"
            return found, f"meta {key}"
    for item in items:
        if found := parse_date(item.get("datePublished")):
            if day := _shown_day_of_stamp(root, found):
                return day, "meta JSON-LD datePublished, the day the page's <time> shows"
            return found, "meta JSON-LD datePublished"
    for el in root.iter("time"):
        value = el.get("datetime") or el.get("pubdate")
        # Only a <time> outside lists: a sidebar's dates belong to other articles.
        in_list = any(a.tag in ("li", "aside", "nav", "footer") for a in el.iterancestors())
        in_list = in_list or _in_other_articles_box(el)
        if value and not in_list and (found := parse_date(value.strip())):
            # (2025-06-02T17:30:00Z shown as 2025.06.03: a UTC time, printed as the site's
            # readers' day; the day the page prints is its date)
            shown = " ".join(el.text_content().split())
            day = parse_date(shown) if 6 <= len(shown) <= 30 else None
            if day is not None and abs((day - found).days) == 1:
                return day, "meta <time datetime>, the day it shows"
            return found, "meta <time datetime>"
    if found := _app_state_date(root):
        return found, "meta (the app's state: publishTime)"
    return None, ""


def _shown_day_of_stamp(root: lxml.html.HtmlElement, found: dt.date) -> dt.date | None:
    """The day the page's own <time> prints, one day off the meta stamp's day, when that <time>
    carries the same stamp (2024-08-14T16:00Z in the meta and <time datetime=…>2024年8月15日):
    a UTC time, and the day its readers saw, which the page prints, is the page's date (the
    rule below for a <time> alone, applied when a meta tag carries the same UTC stamp)."""
    for el in root.iter("time"):
        value = (el.get("datetime") or el.get("pubdate") or "").strip()
        in_list = any(a.tag in ("li", "aside", "nav", "footer") for a in el.iterancestors())
        if not value or in_list or _in_other_articles_box(el) or parse_date(value) != found:
            continue
        shown = " ".join(el.text_content().split())
        day = parse_date(shown) if 6 <= len(shown) <= 30 else None
        if day is not None and abs((day - found).days) == 1:
            return day
    return None


# A box's class or id naming other articles (a theme's related posts, <section
# id="related-posts"><article class="related-post"><time datetime=…>, recommended
# reading): the <time>s inside are those articles' dates, not the page's. (Not Bootstrap's
# position-relative, a wrapper of any block.)
_OTHER_ARTICLES_BOX = re.compile(r"related|relate[-_]|recommend|xgwz|you-may-like", re.IGNORECASE)


def _in_other_articles_box(el: lxml.html.HtmlElement) -> bool:
    return any(
        _OTHER_ARTICLES_BOX.search(f"{a.get('class') or ''} {a.get('id') or ''}")
        for a in el.iterancestors()
        if a.tag not in ("body", "html")
    )


# A single-page app's state, saved with the page (Vue's and Redux's __INITIAL_STATE__, Nuxt's
# __NUXT__, Next's __NEXT_DATA__): the article's publication time, a string or an epoch.
_APP_STATE = re.compile(r"__(?:INITIAL_STATE|PRELOADED_STATE|NUXT|NEXT_DATA|APOLLO_STATE)__")
_STATE_TIME = re.compile(
    r'"(?:publishTime|publish_time|pubTime|pub_time|publishDate|publish_date|publishedAt'
    r'|published_at|pubDate|datePublished|releaseTime|release_time)"\s*:\s*'
    r'(?:"(?P<text>[^"]{0,40})"|(?P<epoch>\d{10}(?:\d{3})?)\b)'
)
_CHINA_TIME = dt.timezone(dt.timedelta(hours=8))


def _app_state_date(root: lxml.html.HtmlElement) -> dt.date | None:
    """The first publication time in the app's state (an empty one: the page is undated, not
    another article's, a recommended list's, to be taken)."""
    for script in root.iter("script"):
        text = script.text or ""
        if not _APP_STATE.search(text) or not (match := _STATE_TIME.search(text)):
            continue
        if match["epoch"]:
            seconds = int(match["epoch"]) / (1000 if len(match["epoch"]) == 13 else 1)
            return dt.datetime.fromtimestamp(seconds, _CHINA_TIME).date()
        return parse_date(match["text"].strip()) if match["text"].strip() else None
    return None


# Elements whose dates are other articles' (related lists, sidebars, footers), never the page's.
_OTHER_ARTICLES = "//li | //aside | //nav | //footer | //select"
# The same in a CMS's plain <div>s, named by class or id (footer, copyright, sidebar, related,
# a news list, the previous/next links) or starting with 上一篇/下一篇: their dates are other
# articles' (or the site's 更新时间).
_CLASS = (
    "translate(concat(' ', @class, ' ', @id, ' '),"
    " 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"
)
_CHROME_WORDS = (
    "foot",
    "copyright",
    "relate",
    "sidebar",
    " side",
    "prenext",
    "pre-next",
    "prevnext",
    "pre_next",
    "xgwz",
    "rank",
    "recommend",
    " list",
    "-list",
    "_list",
    "list-",
    "list_",
    # (readers' comments, each with its date: 博客园's feedback list, WordPress's comments)
    "comment",
    "feedback",
    # (a box of the latest notices, 最新公告, each row with its date: a portal's table)
    "latest",
    "newest",
    # (an app page's box of more articles under the text, each with its time: class="more")
    " more",
)
_CHROME_DIVS = "//*[" + " or ".join(f"contains({_CLASS}, '{w}')" for w in _CHROME_WORDS) + "]"
_BOX_HEADINGS = "//h2 | //h3 | //h4 | //h5 | //dt | //strong | //b"
_PREV_NEXT = (
    "//*["
    + " or ".join(
        f"starts-with(normalize-space(.), '{w}')" for w in ("上一篇", "下一篇", "上一条", "下一条")
    )
    + "]"
)


# A field of a script's data naming a modification time, with its value (modifyDate,
# repo:modifyDate, lastModified, dateModified, updated_at, updateTime), or the time a headless
# CMS's entry was created (createdAt, created_at: a draft's, not a publication's).
_MODIFIED_FIELD = re.compile(
    r'(?P<key>"[\w:.-]*(?:modif|updat|lastmod|creat)[\w:.-]*"\s*:\s*)"[^"]{0,40}"',
    re.IGNORECASE,
)


# A data attribute naming when a site builder rendered, optimised or deployed the site.
_BUILD_TIME_ATTR = re.compile(r"^data-.*(?:ssr|build|optimi[sz]ed|generated|deploy|render)", re.I)


# A meta naming when the CMS made the page's file (Maketime, generated-at, build-time): the
# time it wrote the page out, on an undated page too, not when the article was published.
_BUILD_TIME_META = re.compile(
    r"^(?:make|made|generat(?:e|ed|ion)|build|built|render(?:ed)?)[-_ ]?(?:time|date|at|on)?$",
    re.IGNORECASE,
)


# A meta whose content says it is the time the page was generated (页面生成时间 2024-06-03 10:22, as
# a government CMS stamps its static pages): when the file was written, whatever the meta's name.
_GENERATED_TIME_CONTENT = re.compile(
    r"^\s*(?:页面|网页|本页|静态页)?(?:生成|发布生成|渲染)(?:时间|日期|于)"
)


def _drop_build_time_metas(root: lxml.html.HtmlElement) -> None:
    """Drop the metas naming when the page's file was made, by their name or their content."""
    for meta in list(root.iter("meta")):
        name = meta.get("name") or meta.get("property") or meta.get("itemprop") or ""
        made = _BUILD_TIME_META.fullmatch(name.strip())
        if made or _GENERATED_TIME_CONTENT.match(meta.get("content") or ""):
            meta.drop_tree()


def htmldate_date(html: str) -> dt.date | None:
    """htmldate's date without its extensive search (which guesses from years in the text),
    on the page without its lists, sidebars and footer: even its quick search reads dates in
    the text of the page (a related-articles list's ``2023-11-10``)."""
    # Imported on first use: slow to import (bench/results/code-notes.md, "Late imports"), and
    # only HTML pages need it.
    import htmldate

    try:
        root = lxml.html.document_fromstring(html.encode("utf-8"), parser=_PARSER)
        for el in root.xpath(f"{_OTHER_ARTICLES} | {_CHROME_DIVS} | {_PREV_NEXT}"):
            el.drop_tree()
        _drop_snapshot_banner(root)
        _drop_related_rows(root)
        _drop_related_cells(root)
        _drop_revision_dates(root)
        for script in root.iter("script"):
            # (a script's data giving the time the page was last changed, AEM's data layer
            # "repo:modifyDate", or its entry created, Strapi's "createdAt": not when it was
            # published, which htmldate would take it for)
            if script.text and _MODIFIED_FIELD.search(script.text):
                script.text = _MODIFIED_FIELD.sub(r'\g<key>""', script.text)
        for el in root.xpath("//*[@*[starts-with(name(), 'data-')]]"):
            # (a site builder's times on its pages, Framer's data-framer-ssr-released-at: when
            # the site was built and published, every page alike, not the article)
            for name in [n for n in el.attrib if _BUILD_TIME_ATTR.search(n)]:
                del el.attrib[name]
        # (a box under a heading of other articles: <h3>本栏目其他文章</h3><p>…（2023-04-01）</p>)
        for el in root.xpath(_BOX_HEADINGS):
            parent = el.getparent()
            text = " ".join(el.text_content().split())
            inside = parent is not None and parent.getparent() is not None
            heading = len(text) <= 20 and line_rule(text) == "related articles"
            if inside and heading and parent.tag != "body":
                parent.drop_tree()
        _drop_titled_link_boxes(root)
        _blank_phone_numbers(root)
        _blank_render_times(root)
        _drop_build_time_metas(root)
        found = htmldate.find_date(root, extensive_search=False, original_date=True)
    except (ValueError, TypeError, lxml.etree.LxmlError):
        return None
    return parse_date(found) if found else None


def _drop_titled_link_boxes(root: lxml.html.HtmlElement) -> None:
    """Drop a side box of other articles titled by a plain block rather than a heading tag
    (<div class="title">最新资讯</div> over its list of links, each with its date): a site
    builder's module. Its first entry's date is the newest article's, not this page's, which
    htmldate would take. The box is mostly links, so the article around it is never dropped."""
    for el in root.xpath("//div[not(*)] | //span[not(*)] | //p[not(*)]"):
        parent = el.getparent()
        if parent is None or parent.tag == "body" or parent.getparent() is None:
            continue
        text = " ".join(el.text_content().split())
        if not (len(text) <= 20 and line_rule(text) == "related articles"):
            continue
        links = parent.xpath(".//a")
        linked = sum(len("".join(a.text_content().split())) for a in links)
        whole = len("".join(parent.text_content().split()))
        if len(links) >= 2 and linked >= 0.5 * whole:
            parent.drop_tree()


# A telephone number in groups (02-2000-0000, 0912-345-678): a date's groups of digits never
# run to three or four in the middle, but htmldate reads 02-2000 as February 2000.
_PHONE_NUMBER = re.compile(r"(?<![\d-])\d{2,4}-\d{3,4}-\d{3,4}(?![\d-])")


def _blank_phone_numbers(root: lxml.html.HtmlElement) -> None:
    """Take telephone numbers out of the text htmldate reads (a contact line under an undated
    event's page, 聯絡窗口：倡議部 02-2000-0000, dated it 2000-02-01)."""
    for el in root.iter():
        if el.text and "-" in el.text:
            el.text = _PHONE_NUMBER.sub(" ", el.text)
        if el.tail and "-" in el.tail:
            el.tail = _PHONE_NUMBER.sub(" ", el.tail)


def _drop_snapshot_banner(root: lxml.html.HtmlElement) -> None:
    """Take out a cache's banner over a saved snapshot (这是 X 的网页快照，是网页在 2024-04-12
    21:40:56 的存档): its time is when the cache kept the page, not when it was published."""
    for el in list(root.iter("div", "p", "td", "section", "header")):
        text = " ".join(el.text_content().split())
        if len(text) <= 300 and el.getparent() is not None and line_rule(text) == "snapshot banner":
            el.drop_tree()


def _drop_related_rows(root: lxml.html.HtmlElement) -> None:
    """Take out a table layout's related articles: a row whose one cell heads them (<tr><td
    class="reltitle">相关文章</td></tr>) and the rows after it, other articles with their dates."""
    for tr in list(root.iter("tr")):
        text = " ".join(tr.text_content().split())
        if len(tr) != 1 or len(text) > 20 or tr.getparent() is None:
            continue
        if line_rule(text) == "related articles":
            for row in [tr, *tr.itersiblings("tr")]:
                row.drop_tree()


def _drop_related_cells(root: lxml.html.HtmlElement) -> None:
    """Take out an element whose own text heads the related articles it lists, the heading and
    its links in one cell (<td>相关文章：<br>· <a>X</a> (2024-05-22)</td>): their dates are
    other articles'."""
    for el in list(root.iter("td", "div", "p", "dd", "section")):
        head = " ".join((el.text or "").split()).rstrip(":：")
        if not head or len(head) > 12 or el.getparent() is None or el.find(".//a") is None:
            continue
        if line_rule(head) == "related articles":
            el.drop_tree()


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


_DECK_TAGS = ("div", "p", "section", "blockquote", "h2", "h3", "h4")


def _decks(root: lxml.html.HtmlElement) -> tuple[str, ...]:
    """Short blocks (10–100 characters) set apart right above the element that holds the
    text's paragraphs (its next sibling but one at most, two paragraphs or more), in the
    block that holds the headline: a summary box, which is the editor's, not the text's. A block
    among paragraphs of its own parent is a paragraph, not one of these; whitespace removed."""
    found: list[str] = []
    for el in root.iter(*_DECK_TAGS):
        text = "".join(el.text_content().split())
        if not 10 <= len(text) <= 100 or el.find(".//p") is not None:
            continue
        parent = el.getparent()
        if parent is None or sum(1 for p in parent.iterchildren("p") if p is not el) >= 1:
            continue
        # (in the block that holds the headline too, not inside the text's own element; right
        # under the headline too: a deck or subtitle is the editor's, as the writers of 26 pages
        # of 14 sets count it, against one page of set 16)
        if parent.find(".//h1") is None and parent.find(".//h2") is None:
            continue
        after = _element_siblings(el)[:2]
        if any(_holds_paragraphs(s) for s in after):
            found.append(text)
    return tuple(found)


# A date in a block under the headline: a meta line (2024-05-18 07:30, 2024年5月18日), not a deck.
_DECK_DATE = re.compile(
    r"\d{4}\s*[-/.年]\s*\d{1,2}|\d{1,2}\s*[-/月]\s*\d{1,2}\s*日?\s+\d{1,2}:\d{2}"
)
_HEADLINE_BOX_CHILDREN = 6


def _headline_decks(root: lxml.html.HtmlElement) -> tuple[str, ...]:
    """Short blocks (10–100 characters, one sentence at most) between the ``<h1>`` and the
    element that holds the text's paragraphs — a subtitle, deck or standfirst under the
    headline (``<h2 class=futi>``, ``<p class=post-deck>``, ``<div class=lead>`` over ``<div
    class=content>``), with the meta lines between them passed over: the editor's, not the
    text's. Where the ``<h1>`` sits in a box of its own (``<div class=title-box><h1/><h2/>
    </div>``), the box's siblings are read. The text's own paragraphs are none: two ``<p>`` of
    20 characters or more under the headline (the text set beside it, a table or a quote after
    them holding paragraphs too) make its blocks the text's; nor is a line with a date, a
    byline's field or a rule's furniture (the meta line, the breadcrumb); whitespace removed."""
    found: list[str] = []
    for h1 in root.iter("h1"):
        under = _element_siblings(h1)
        parent = h1.getparent()
        box = parent is not None and len(parent) <= _HEADLINE_BOX_CHILDREN
        if box and not any(_holds_paragraphs(el) for el in under) and parent.tag != "body":
            # (the headline's own box: what it holds under the <h1>, then the box's siblings)
            under = under + _element_siblings(parent)
        before: list[lxml.html.HtmlElement] = []
        for el in under[:5]:
            if _holds_paragraphs(el):
                found.extend(_deck_blocks(_unwrapped(before)))
                break
            before.append(el)
    return tuple(found)


def _deck_blocks(blocks: list[lxml.html.HtmlElement]) -> list[str]:
    """Of the blocks between a headline and its text, the deck-shaped ones (`_headline_decks`)."""
    texts = ["".join(el.text_content().split()) for el in blocks]
    pairs = list(zip(blocks, texts, strict=True))
    if sum(1 for el, t in pairs if el.tag == "p" and len(t) >= 20) >= 2:
        return []  # (the text's own paragraphs, set beside the headline)
    decks = []
    for el, text in pairs:
        if el.tag not in _DECK_TAGS or not 10 <= len(text) <= 100:
            continue
        if el.find(".//p") is not None:
            continue
        if re.search(r"[。！？!?]", text.rstrip("。！？!?")):
            continue  # (two sentences: a paragraph, not a deck)
        spaced = " ".join(el.text_content().split())
        if _DECK_DATE.search(text) or parse_byline(spaced) is not None or line_rule(spaced):
            continue
        decks.append(text)
    return decks


def _unwrapped(blocks: list[lxml.html.HtmlElement]) -> list[lxml.html.HtmlElement]:
    """`blocks` with a box that holds one ``<p>`` alone and no text of its own given as that
    ``<p>`` (a content system's summary field, ``<div class=field-summary><p>X</p></div>``):
    the deck is the paragraph the box frames, as a bare ``<p>`` under the headline is."""
    out = []
    for el in blocks:
        children = [c for c in el if isinstance(c.tag, str)]
        only = children[0] if len(children) == 1 and el.tag in ("div", "section") else None
        framed = only is not None and only.tag == "p" and len(only) == 0
        if framed and not (el.text or "").strip() and not (only.tail or "").strip():
            out.append(only)
            continue
        out.append(el)
    return out


def _element_siblings(el: lxml.html.HtmlElement) -> list[lxml.html.HtmlElement]:
    return [s for s in el.itersiblings() if isinstance(s.tag, str)]


def _holds_paragraphs(el: lxml.html.HtmlElement) -> bool:
    """`el` is a block holding two paragraphs of text or more (``<p>``s of 20 characters)."""
    if el.tag not in ("div", "section", "article", "table", "td", "main"):
        return False
    count = 0
    for p in el.iter("p"):
        count += len("".join(p.text_content().split())) >= 20
        if count >= 2:
            return True
    return False


# The time a page was served, as forum software prints it in the footer (Discuz!'s ``GMT+8,
# 2024-6-6 21:37, Processed in 0.05 second(s)``): the reader's clock, not the article's date.
_RENDER_TIME = re.compile(
    r"GMT\s*[+-]\s*\d{1,2}(?::?\d{2})?\s*[,，]\s*\d{4}-\d{1,2}-\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?"
)


def _blank_render_times(root: lxml.html.HtmlElement) -> None:
    """Take the time the page was served out of the text htmldate reads (an undated forum
    portal page was dated by its footer's GMT+8, 2024-6-6 21:37)."""
    for el in root.iter():
        if el.text and "GMT" in el.text:
            el.text = _RENDER_TIME.sub(" ", el.text)
        if el.tail and "GMT" in el.tail:
            el.tail = _RENDER_TIME.sub(" ", el.tail)
