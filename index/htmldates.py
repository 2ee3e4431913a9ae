"""An HTML page's date from its markup: ``article:published_time``, ``<time datetime>``,
JSON-LD ``datePublished``, and htmldate asked without its extensive search (which turns a
year in the text into 1 January, and never shown a modification time, ``article:modified_time``,
``last-modified``): an undated page stays undated.
"""

from __future__ import annotations

import datetime as dt
import re

import lxml.etree
import lxml.html

from xinwen.index.cleaning import parse_date
from xinwen.index.furniture import line_rule

_PARSER = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True)


def drop_revision_dates(root: lxml.html.HtmlElement) -> None:
    """Take out a date its class marks as the page's last change (MkDocs' git-revision-date
    plugin, ``<span class="git-revision-date-localized-plugin-date">``, a theme's
    ``last-modified``): read bare, it would pass for the publication's date. (A labelled one,
    更新时间：X, is left to the byline's rules: an update's date dates a page that states no
    other, unless it is the site's, under the text of all its pages.)"""
    for el in root.xpath("//*[@class]"):
        marks = el.get("class") or ""
        if not _REVISION_CLASS.search(marks) or "publish" in marks.lower():
            continue  # (most elements: their text is not read)
        bare = _BARE_DATE_TEXT.fullmatch(" ".join(el.text_content().split()))
        if bare and el.getparent() is not None:
            el.drop_tree()


# A date and its time alone, no label (2024年5月20日, 2024-05-20 10:02, May 20, 2024).
_BARE_DATE_TEXT = re.compile(r"[\d\s年月日号时分秒:：,./A-Za-z-]{6,40}")
_REVISION_CLASS = re.compile(
    r"revision-date|last-?updated|last-?modified|date-?modified|modified-?date|lastmod",
    re.IGNORECASE,
)


# Founder's (方正) e-paper and newsroom CMS writes each article's properties in a comment at the
# top of its page: <!--enpproperty <articleid>…</articleid><date>2023-08-03</date>…-->. The
# parser drops comments, so it is read from the text.
_ENP_DATE = re.compile(r"<!--\s*enpproperty\b[^>]*?>.*?<date>\s*([^<]{6,30}?)\s*</date>", re.DOTALL)


def enp_date(text: str) -> dt.date | None:
    start = text.find("enpproperty")
    if start < 0:
        return None
    match = _ENP_DATE.search(text, max(0, start - 10), start + 2000)
    return parse_date(match.group(1)) if match else None


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


# A meta (or microdata) naming when the page was last changed: article:modified_time,
# og:updated_time, an http-equiv last-modified, DC.date.modified, itemprop="dateModified",
# revised. An edit's date, not a publication's; on a page that states no other, htmldate would
# take it (as JSON-LD's dateModified is ignored, so are these).
_MODIFIED_META = re.compile(r"modif|updated?(?:[-_ ]?(?:time|date|at|on))?$|lastmod|revis", re.I)


def _drop_build_time_metas(root: lxml.html.HtmlElement) -> None:
    """Drop the metas naming when the page's file was made, by their name or their content,
    and those naming when it was last modified (`_MODIFIED_META`)."""
    for meta in list(root.iter("meta")):
        name = meta.get("name") or meta.get("property") or meta.get("itemprop") or ""
        made = _BUILD_TIME_META.fullmatch(name.strip())
        modified = _MODIFIED_META.search(f"{name} {meta.get('http-equiv') or ''}".strip())
        if made or modified or _GENERATED_TIME_CONTENT.match(meta.get("content") or ""):
            meta.drop_tree()
    for el in root.xpath("//*[@itemprop]"):
        if _MODIFIED_META.search(el.get("itemprop") or "") and el.getparent() is not None:
            el.drop_tree()


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
        drop_revision_dates(root)
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
        _drop_dated_links(root)
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


# What may stand in a block beside a link and its date: spaces, brackets, dots and bars.
_LINK_DATE_REST = re.compile(r"[\s()（）\[\]【】<>〈〉|｜·•\-–—/.,:：、]*")
# A date with or without its year and time (2024-06-03, 06-03, 2024年6月3日, 2024/6/3 10:20).
_LISTED_DATE = re.compile(
    r"(?:\d{4}\s*[-/.年]\s*)?\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?"
)
_INLINE = frozenset({"span", "font", "b", "strong", "em", "i", "small"})


def _drop_dated_links(root: lxml.html.HtmlElement) -> None:
    """Take out every block that holds one link to another article and that article's date,
    nothing else (<p><a>集团召开迎峰度夏部署会</a> <small>2024-05-24</small></p>), wherever
    it stands: a side box, a list under any heading or none. Such a date is the linked
    article's; on an undated page htmldate would take the first of them (its <small>, or a
    bare date in the text)."""
    for link in list(root.iter("a")):
        text = " ".join(link.text_content().split())
        block = link.getparent()
        while block is not None and block.tag in _INLINE:
            block = block.getparent()
        if len(text) < 6 or block is None or block.getparent() is None:
            continue
        if block.tag in ("body", "html") or len(block.xpath(".//a")) != 1:
            continue
        rest = " ".join(block.text_content().split()).replace(text, "", 1)
        if _LISTED_DATE.search(rest) and _LINK_DATE_REST.fullmatch(_LISTED_DATE.sub("", rest)):
            block.drop_tree()


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
