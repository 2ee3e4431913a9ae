"""What an HTML page's markup says about its article: the headline reconciled from ``<h1>``,
``og:title`` and ``<title>`` with the site's name removed, the site's name and logo, a stated
source, the canonical address, decks set apart above the text (`index.pagerecords.PageHints`).
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import re
from collections.abc import Callable, Iterable, Iterator
from html import unescape as _unescape

import lxml.etree
import lxml.html

from xinwen.index.bylines import parse_byline
from xinwen.index.cleaning import clean_title, parse_date
from xinwen.index.furniture import headline_shaped, line_rule, split_title
from xinwen.index.linetext import HEADLINE_MARK, looks_like_site_name, names_no_one
from xinwen.index.pagerecords import PageHints
from xinwen.index.sitenames import document_platform, looks_like_organ

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


# (and its headline: <title>…</title> in the same comment, apart from its 引题 <introtitle>
# and subtitle <subtitle>, which an e-paper sets above and below it in the same type)
_ENP_TITLE = re.compile(r"<!--\s*enpproperty\b.*?<title>\s*([^<]{2,200}?)\s*</title>", re.DOTALL)


def enp_headline(text: str, lines: list[str], hints: PageHints) -> None:
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


HEADINGS = frozenset(("h1", "h2", "h3", "h4", "h5", "h6"))


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


def markup_hints(root: lxml.html.HtmlElement) -> PageHints:
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
        clean_title(_heading_text(h))
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
        site = without_english_name(clean_title(home_h1s[0].text_content()))
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
    if (headline := _json_ld_headline(items)) and headline not in candidates:
        # (a page whose <title> is the site's name alone and whose <h1>, if any, is not
        # shaped like a Chinese headline — a site's English edition: its JSON-LD names it,
        # the last candidate, which the page's lines confirm or not)
        if not candidates:
            hints.title_from = "meta JSON-LD headline"
        candidates, hints.ld_headline = [*candidates, headline], headline
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
    hints.authors = _json_ld_authors(items)
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


# 资料来源：X in a source-classed element, as Taiwan's and Hong Kong's sites label the page's
# source (資料來源：X組): the label is not part of the name.
_DATA_SOURCE_LABEL = re.compile(r"^(?:资料|資料)(?=(?:来源|來源)\s*[:：|｜])")


def _without_data_label(text: str) -> str:
    """`text` without the 资料 of a leading 资料来源 label (the rest of the label goes after)."""
    return _DATA_SOURCE_LABEL.sub("", text)


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
        if _in_list(el):
            continue
        name = _SOURCE_LABEL.sub("", _without_data_label(" ".join(el.text_content().split())))
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
        if not 4 <= len(text) <= 90 or (len(el) and el.tag not in HEADINGS):
            continue
        if after is None:
            before.add(clean_title(text))
            continue
        tokens = f"{el.get('class') or ''} {el.get('id') or ''}".lower().split()
        if el.tag in HEADINGS or any(_TITLE_TOKEN.search(t) for t in tokens):
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


# A Chinese name with its English name after it in capitals, glued or spaced (a header's
# <h1>X委员会<small>X DEVELOPMENT AND REFORM COMMISSION</small></h1>, read as one text).
_ENGLISH_NAME_AFTER = re.compile(
    r"^(?P<name>[^A-Za-z]*[\u3400-\u9fff])\s*[A-Z][A-Z0-9&'.,()-]*(?:\s+[A-Z0-9&'.,()-]+)+$"
)


def without_english_name(name: str) -> str:
    """`name` less the English name in capitals a header prints after the Chinese one (its
    small line under the logo): the site's name is the Chinese one its readers know."""
    match = _ENGLISH_NAME_AFTER.match(name)
    return match["name"] if match else name


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


def _json_ld_headline(items: list[dict]) -> str:
    """The headline an article's JSON-LD gives (a short one: a description is no headline)."""
    for item in items:
        kind = item.get("@type")
        kinds = kind if isinstance(kind, list) else [kind]
        if not any(isinstance(k, str) and k.endswith("Article") for k in kinds):
            continue
        headline = item.get("headline")
        headline = clean_title(headline) if isinstance(headline, str) else ""
        if 4 <= len(headline) <= 150:
            return headline
    return ""


def _json_ld_authors(items: list[dict]) -> tuple[str, ...]:
    """The names of the people an article's JSON-LD gives as its authors."""
    names: list[str] = []
    for item in items:
        authors = item.get("author")
        for author in authors if isinstance(authors, list) else [authors]:
            if isinstance(author, dict) and author.get("@type") == "Person":
                name = author.get("name")
                if isinstance(name, str) and 2 <= len(name := clean_title(name)) <= 30:
                    names.append(name)
    return tuple(dict.fromkeys(names))


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
        in_list = _in_list(el)
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
    if found := _rdfa_date(root):
        return found, "meta RDFa dc:date"
    if found := _publish_time_element_date(root):
        return found, "markup (an element named the publication time)"
    if found := _wechat_date(root):
        return found, WECHAT_CT_FROM
    return None, ""


def _heading_text(h: lxml.html.HtmlElement) -> str:
    """A heading's text without the marks set in tags of their own at its end
    (``<h1>标题<span class="tag">原创</span></h1>``): the headline as a reader reads it. A
    heading that is a mark alone is left whole."""
    text = h.text_content()
    for child in reversed(h):
        mark = " ".join(child.text_content().split())
        tail = (child.tail or "").strip()
        if tail or not HEADLINE_MARK.fullmatch(mark):
            break
        cut = text.rstrip()
        if not cut.endswith(mark) or not cut[: -len(mark)].strip():
            break
        text = cut[: -len(mark)]
    return text


# RDFa's publication date on an element, <span property="dc:date dc:created"
# content="2020-03-10T14:22:05+08:00">, as Drupal 7 writes it around its 提交 line (whose
# printed 03/10/2020 cannot tell month from day): the machine-readable date is the page's.
_RDFA_DATE = re.compile(r"(?:^|\s)(?:dc|dcterms|schema):(?:date|created|issued|datePublished)\b")


def _rdfa_date(root: lxml.html.HtmlElement) -> dt.date | None:
    for el in root.xpath("//*[@property and @content]"):
        if not _RDFA_DATE.search(el.get("property") or "") or el.tag == "meta":
            continue
        # (not a sidebar's or a list's: another article's date)
        if _in_list(el):
            continue
        if found := parse_date((el.get("content") or "").strip()):
            return found
    return None


def _shown_day_of_stamp(root: lxml.html.HtmlElement, found: dt.date) -> dt.date | None:
    """The day the page's own <time> prints, one day off the meta stamp's day, when that <time>
    carries the same stamp (2024-08-14T16:00Z in the meta and <time datetime=…>2024年8月15日):
    a UTC time, and the day its readers saw, which the page prints, is the page's date (the
    rule below for a <time> alone, applied when a meta tag carries the same UTC stamp)."""
    for el in root.iter("time"):
        value = (el.get("datetime") or el.get("pubdate") or "").strip()
        in_list = _in_list(el)
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


def _in_list(el: lxml.html.HtmlElement) -> bool:
    """`el` stands in a list, a sidebar, the navigation or the footer: another article's, or
    the site's, never the page's own date or source."""
    return any(a.tag in ("li", "aside", "nav", "footer") for a in el.iterancestors())


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


# A WeChat official account's article (公众号: its text in #js_content, its styles named
# rich_media_…) prints its date into ``<em id="publish_time">`` with a script, from
# ``var ct = "1712021400"`` (the epoch second it was sent): saved without running scripts, the
# element is empty, and ct is the date it would show. (Where the element is missing the page
# shows no date: a copy of the template, whose ct may be anyone's.)
_WECHAT_CT = re.compile(r"\bvar\s+ct\s*=\s*[\"']?(\d{10})\b")
WECHAT_CT_FROM = "meta (WeChat's ct, for its empty publish_time)"
_SHOWN_TIME = re.compile(r"id=[\"']?publish_time\b[^>]*>([^<]*)<")


def wechat_ct_is_dates(pages: Iterable[str]) -> bool:
    """Whether the ``ct`` of a site's saved WeChat pages is each page's own time, as on WeChat:
    no two pages share one, and where a page shows its date, ct is that day. A copy of the
    template (every page the same ct, or one unlike the dates shown) dates nothing."""
    seen: set[str] = set()
    for html in pages:
        if not (ct := _WECHAT_CT.search(html)):
            continue
        if ct[1] in seen:
            return False
        seen.add(ct[1])
        shown = _SHOWN_TIME.search(html)
        day = parse_date(shown[1].strip()) if shown and shown[1].strip() else None
        if day is not None and day != dt.datetime.fromtimestamp(int(ct[1]), _CHINA_TIME).date():
            return False
    return True


def _wechat_date(root: lxml.html.HtmlElement) -> dt.date | None:
    if not root.xpath("//*[@id='js_content' or contains(@class, 'rich_media_content')]"):
        return None
    shown = root.xpath("//*[@id='publish_time']")
    if not shown or shown[0].text_content().strip():
        return None
    for script in root.iter("script"):
        if match := _WECHAT_CT.search(script.text or ""):
            return dt.datetime.fromtimestamp(int(match[1]), _CHINA_TIME).date()
    return None


# An element whose id or class names it the publication's time (publish_time, pubtime,
# publish-date, pub_date): a content platform's meta line prints the article's date in it
# (<em id="publish_time">2024年05月21日 08:30</em>), with no label a byline rule would know.
_PUBLISH_TIME_NAME = re.compile(
    r"(?:^|[\s_-])(?:publish|pub)[-_]?(?:time|date)(?:$|[\s_-])", re.IGNORECASE
)
# Its text: a full date and its time alone (a place after it is cut off by the match).
_PUBLISHED_TEXT = re.compile(
    r"\d{4}\s*[年./-]\s*\d{1,2}\s*[月./-]\s*\d{1,2}\s*日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?"
)


def _publish_time_element_date(root: lxml.html.HtmlElement) -> dt.date | None:
    """The date printed in the element whose id or class says it is the publication's time,
    outside lists and other articles' boxes (their own dates); its whole text a date (and
    time), no more: an empty one (filled by a script, saved blank) leaves the page undated."""
    for el in root.xpath("//body//*[@id or @class]"):
        names = f"{el.get('id') or ''} {el.get('class') or ''}"
        if not _PUBLISH_TIME_NAME.search(names):
            continue
        in_list = _in_list(el)
        if in_list or _in_other_articles_box(el):
            continue
        text = " ".join(el.text_content().split())
        if text and _PUBLISHED_TEXT.fullmatch(text) and (found := parse_date(text)):
            return found
    return None


_DECK_TAGS = ("div", "p", "section", "blockquote", "h2", "h3", "h4")


def _decks(root: lxml.html.HtmlElement) -> tuple[str, ...]:
    """Short blocks (10–100 characters) set apart right above the element that holds the
    text's paragraphs (its next sibling but one at most, two paragraphs or more), in the
    block that holds the headline: a summary box, which is the editor's, not the text's. A block
    among paragraphs of its own parent is a paragraph, not one of these; whitespace removed."""
    found: list[str] = []
    # What each parent holds is worked out once per parent, not once per child: a page of
    # thousands of <p> in one <div> (an annual report, a table's rows) made each child count its
    # siblings again, and reading such a page took time in the square of its paragraphs.
    # (The dict's keys keep lxml's proxies alive, so getparent() gives the same object back.)
    parents: dict[lxml.html.HtmlElement, tuple[int, bool]] = {}
    for el in root.iter(*_DECK_TAGS):
        text = "".join(el.text_content().split())
        if not 10 <= len(text) <= 100 or el.find(".//p") is not None:
            continue
        parent = el.getparent()
        if parent is None:
            continue
        if parent not in parents:
            paragraphs = sum(1 for _ in parent.iterchildren("p"))
            headed = parent.find(".//h1") is not None or parent.find(".//h2") is not None
            parents[parent] = (paragraphs, headed)
        paragraphs, headed = parents[parent]
        if paragraphs - (el.tag == "p") >= 1:
            continue  # (a paragraph among paragraphs of its own parent)
        # (in the block that holds the headline too, not inside the text's own element; right
        # under the headline too: a deck or subtitle is the editor's, as the writers of 26 pages
        # of 14 sets count it, against one page of set 16)
        if not headed:
            continue
        after = list(itertools.islice(_next_elements(el), 2))
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
    return list(_next_elements(el))


def _next_elements(el: lxml.html.HtmlElement) -> Iterator[lxml.html.HtmlElement]:
    """The elements after `el` in its parent (comments and processing instructions passed
    over), lazily: a caller that wants the next two does not walk thousands."""
    return (s for s in el.itersiblings() if isinstance(s.tag, str))


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
