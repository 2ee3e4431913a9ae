"""A page's source: the byline's ``来源：X`` (``来源：本站`` and ``本報訊`` name no one), else a
news agency's mark opening the text, else the site's own name (the patterns file,
``og:site_name`` or ``<title>``, the name the markup of the site's other pages gives, the
learned header, a reprint notice ``本文为X整理``, a copyright line, the logo's alt text), a
company's in the form the site itself prints most.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from xinwen.index.bylines import byline_name, byline_site_name, parse_byline
from xinwen.index.cleaning import clean_title, fold_width
from xinwen.index.furniture import (
    CRUMB_LABEL,
    WEB_ADDRESS,
    document_issuer,
    is_prose,
    line_rule,
    split_title,
)
from xinwen.index.linetext import looks_like_site_name, simplified
from xinwen.index.pagelines import (
    BOUNDARY,
    CJK_CHARS,
    CRUMB_LABEL_LINE,
    CRUMB_SPLIT,
    HEADER_LINES,
    MIN_HEADLINE_CHARS,
    JudgedLines,
    crumb_sections,
    is_site_header,
)
from xinwen.index.pagerecords import PageHints
from xinwen.index.sitenames import (
    header_name,
    kept_by,
    looks_like_organ,
    newspaper_name,
    owner_name,
    portal_owner,
    shared_document,
    site_name_in,
    wiki_space_owner,
)
from xinwen.index.template import SiteTemplate

# A company's full name (the operator of a site whose brand is another name).
_COMPANY = re.compile(r"(?:有限公司|有限责任公司|股份公司|集团公司)$")
_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
_COPYRIGHT_WORDS = re.compile(r"copyright|all\s+rights\s+reserved", re.IGNORECASE)
_LATIN_BRAND = re.compile(r"\s*[A-Za-z][A-Za-z0-9&' .-]*\s*")
_HOST_NAME = re.compile(WEB_ADDRESS, re.IGNORECASE)
_BRAND = re.compile(r"^[\u3400-\u9fff]{2,12}$")  # (a name, not a slogan: 南溪社, 南溪核能)


def header_issuer(lines: list[str]) -> str | None:
    """The organ a document's head names (``X局文件``, ``X发〔2023〕12号``), in its first lines."""
    return next(filter(None, map(document_issuer, lines[:HEADER_LINES])), None)


def page_source(
    judged: JudgedLines, near: range, hints: PageHints, template: SiteTemplate | None, title: str
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


def _fuller_name(name: str, judged: JudgedLines) -> str | None:
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


def _brand_of_edition(name: str, judged: JudgedLines) -> str | None:
    match = _EDITION.match(name)
    if not match:
        return None
    brand = match["brand"]
    subsidiary = re.compile(re.escape(brand) + r"\s*[(（]\s*中国\s*[)）]\S*(?:公司|集团)")
    for line in judged.lines[-12:]:
        if (owner := owner_name(line)) and subsidiary.match(owner):
            return brand
    return None


def _agreed_site_name(judged: JudgedLines, template: SiteTemplate | None) -> str | None:
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
    judged: JudgedLines, near: range, hints: PageHints, template: SiteTemplate | None, title: str
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
    sections = crumb_sections(judged)
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
    if judged.lines and is_site_header(judged.lines[0]):  # a header line at the top
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


def _breadcrumb_root(judged: JudgedLines) -> str | None:
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


def _network_of_channel(judged: JudgedLines, site: str) -> str | None:
    """The network a channel's site belongs to, for a page of the channel that states no source:
    its breadcrumb starts with the network's name, then the channel's (``北辰电力网 > 北辰光伏网
    > 光伏要闻 > 正文``: the channel is a section of the network's site), and its copyright line
    names the network as the owner."""
    owners = {owner_name(line) for line in judged.lines[-12:]} - {None, site}
    if not owners:
        return None
    for line in judged.lines[: judged.limit]:
        items = CRUMB_SPLIT.split(CRUMB_LABEL_LINE.sub("", line))
        if len(items) >= 3 and items[1] == site and items[0] in owners:
            return items[0]
    return None


_EDITION_OF = re.compile(
    r"^(?:第[一二三四五六七八九十百零〇\d]{1,4}届|\d{4}\s*年?)\s*(?P<name>\S{2,20})$"
)


def _owner_over_meta(judged: JudgedLines, hints: PageHints) -> str | None:
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


def _meta_of_group_portal(judged: JudgedLines, hints: PageHints) -> bool:
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


def _header_brand(judged: JudgedLines) -> str | None:
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
        if len(title) < MIN_HEADLINE_CHARS or line == title or not line.startswith(title):
            continue
        rest = line[len(title) :]
        if not rest.lstrip() or rest.lstrip()[0] not in BOUNDARY:
            continue
        parts = split_title(rest.strip(BOUNDARY + " "))
        owned = [part for part in parts if any(owner.startswith(part) for owner in owners)]
        name = owned[0] if owned else parts[-1] if parts else ""
        if 2 <= len(name) <= 20 and CJK_CHARS.search(name) and not is_prose(name):
            return name
    return None
