"""Site and organ names as pages print them: in a header, a copyright line, a `<title>`'s
suffix, a shared document's platform; which of them names an organ, a paper, a portal's
owner. Written by hand: no library knows how Chinese sites name themselves.
"""

from __future__ import annotations

import re

from xinwen.index.linetext import (
    CJK,
    FOREIGN_EDITION,
    MAX_FURNITURE_CHARS,
    SENTENCE,
    looks_like_site_name,
    simplified,
)

_NAME_SPLIT = re.compile(r"\s*(?:[|｜_—–\-·•»]|\s{2,}|\s+(?=www\.|https?:))\s*")


# An organisation's name: a government's, a bureau's, a company's (南溪县人民政府, X市能源局).
_ORGAN = re.compile(
    r"^[\u3400-\u9fff]{2,14}(?:人民政府|政府|局|委员会|委|厅|办公室|公司|集团|中心|协会|学会|大学|学院)$"
)


def looks_like_organ(text: str) -> bool:
    """A short CJK name ending like an organisation's (…人民政府, …局, …有限公司)."""
    return bool(_ORGAN.match(text))


_SPONSOR = re.compile(r"(?:主办单位|主办|网站主办)\s*[:：]\s*(?P<name>[^\s:：|｜,，]{2,20})")
_RIGHTS = re.compile(
    r"copyright|版权所有|版權所有|©|\(c\)|all rights reserved|保留所有权利"
    r"|\d{4}\s*[-–—~]\s*\d{4}|\d{4}",
    re.IGNORECASE,
)


_COPYRIGHT_MARK = re.compile(
    r"copyright|版权所有|版權所有|©|all rights reserved|保留所有权利", re.I
)


# A site's statement that its content is its own (本网站所有内容属X所有, 本站内容版权归X所有).
_OWNED_BY = re.compile(
    r"^(?:本网站?|本站)(?:所有|全部)?(?:内容|信息|文章|稿件|作品)(?:的?版权)?均?(?:属于?|归)"
    r"(?P<name>[^\s,，。:：]{2,20}?)(?:所有|独家所有|拥有)"
)


# A site's statement of who keeps it (本知识库由 X 维护, 本站由X主办, 本网站由X运营): its owner,
# whatever platform hosts it.
_KEPT_BY = re.compile(
    r"本(?:知识库|网站?|站|博客|专栏|空间|文库|平台|栏目|专题)由\s*(?P<name>[^\s,，。:：]{2,20}?)\s*"
    r"(?:负责)?(?:维护|主办|运营|创办|管理|建设|承办|编辑)"
)


# A platform's share bar naming who published the page on it (该内容由“X”通过钉钉发布): the
# publisher owns the page, not the platform whose logo tops it.
_SHARED_BY = re.compile(
    r"(?:该|此|本)?(?:内容|公告|通知|文章|页面|消息)由\s*[“\"「]?(?P<name>[^\s,，。:：“”\"「」]{2,20}?)"
    r"[”\"」]?\s*(?:通过|经|在|使用)\s*\S{2,8}?(?:发布|分享|发送)"
)


# A document platform's share bar naming the organisation that shared the page, with its
# department after a dot (来自 X · 营销部 的分享).
_SHARED_FROM = re.compile(
    r"(?:^|\s)来自\s*[“\"「]?(?P<name>[^\s,，。:：·・“”\"「」]{2,20}?)[”\"」]?\s*(?:[·・]\s*[^\s·・]{1,12}\s*)?的分享"
)


# Shared-document and wiki platforms (飞书, 企业微信's 微文档, 钉钉, 腾讯文档, 语雀 …): their
# name in a page's <title>, logo or header is the host's, never that of the document's owner.
_DOCUMENT_PLATFORMS_WORDS = (
    "飞书 飞书云文档 飞书文档 飞书知识库 飞书wiki lark feishu 企业微信 企业微信文档 微文档"
    " 腾讯文档 钉钉 钉钉文档 钉钉知识库 语雀 石墨文档 金山文档 wps云文档 wps wps文档"
)
_DOCUMENT_PLATFORMS = frozenset(_DOCUMENT_PLATFORMS_WORDS.split())


def document_platform(name: str | None) -> bool:
    """Whether `name` is a shared-document platform's (飞书云文档, ``企业微信 · 文档``)."""
    if not name:
        return False
    bare = re.sub(r"[\s·・|｜-]+", "", name)
    return bare.lower() in _DOCUMENT_PLATFORMS


# A shared document's button to open it in its platform's app (使用飞书打开, 在企业微信中打开).
_OPEN_IN_APP = re.compile(
    r"(?:使用|在|用)\s*(?:飞书|企业微信|钉钉|腾讯文档|语雀|金山文档|WPS)\s*中?\s*打开"
)
# A wiki's space named for its organisation (北坨风电知识库, X的知识库, X知识空间).
_WIKI_SPACE = re.compile(
    r"^(?P<name>[\u3400-\u9fff]{2,12}?)的?(?:知识库|知识空间|团队空间|文档库)$"
)


def shared_document(lines: list[str]) -> bool:
    """Whether a page is a document shared from a document platform: its header names the
    platform (``企业微信 · 文档``) or offers to open it in the platform's app."""
    return any(_OPEN_IN_APP.search(line) or document_platform(line) for line in lines[:8])


def wiki_space_owner(line: str) -> str | None:
    """The organisation a wiki's space is named for (北坨风电知识库 → 北坨风电)."""
    match = _WIKI_SPACE.match(line.strip())
    return match["name"] if match else None


def kept_by(line: str) -> str | None:
    """The owner a site's statement of who keeps it names (本知识库由 X 维护 → X), or the
    publisher a platform's share bar names (该内容由“X”通过钉钉发布, 来自 X · 部门 的分享 → X)."""
    match = _KEPT_BY.search(line) or _SHARED_BY.search(line)
    if match is None and len(line) <= MAX_FURNITURE_CHARS and not SENTENCE.search(line):
        # (a share bar is a short line of the platform's chrome, not a sentence of the text
        # that says whose talk it reports: 以下内容来自专家的分享，…)
        match = _SHARED_FROM.search(line)
    return match["name"] if match else None


# An office named as a part of the organisation the line names otherwise (集团党委宣传部,
# 公司办公室).
_RELATIVE_OFFICE = re.compile(r"^(?:集团|公司|本单位|本院|本局|我司|我院|我局)\S")


def owner_name(line: str) -> str | None:
    """The site named by a copyright or sponsor line (``© 2024 己能观察 保留所有权利``, ``本网站
    所有内容属X所有``); a journal's publisher named for it (``《X》杂志社``) names the journal X,
    whose site it is."""
    name = _owner_name(line)
    if name and (journal := _JOURNAL_PUBLISHER.fullmatch(name)):
        return journal["journal"]
    return name


_JOURNAL_PUBLISHER = re.compile(r"《(?P<journal>[^《》]{2,12})》\s*(?:杂志社|编辑部|期刊社|杂志)")


def _owner_name(line: str) -> str | None:
    line = _ICP_NUMBER.sub(" ", line)  # (京ICP备2024000045号-1: its tail, 45号-1, names no one)
    if match := _OWNED_BY.search(line):
        return match["name"]
    # (a sponsor named relative to the holder, 主办：集团党委宣传部 after 晋源煤电集团有限责任公司
    # 版权所有, is its office: the holder is the site's)
    if (match := _SPONSOR.search(line)) and not _RELATIVE_OFFICE.match(match["name"]):
        return match["name"]
    if not _COPYRIGHT_MARK.search(line):
        return None
    # (a holder named in Latin letters after the mark: © 2025 Westwind A/S. | Cookie 设置;
    # before it, powered by NodeBB | X论坛 © 2025, it is the software's)
    mark = _COPYRIGHT_MARK.search(line)
    words = [(w, False) for w in _RIGHTS.sub(" ", line[: mark.start()]).split()]
    words += [(w, True) for w in _RIGHTS.sub(" ", line[mark.start() :]).split()]
    latin = False
    for word, after_mark in words:
        word = word.lstrip(":：")  # 版权所有：X
        if 2 <= len(word) <= 16 and CJK.search(word) and not re.search(r"icp|[:：]", word, re.I):
            # (and the full stop after it, Latin style: © 2025 X社区. Built with Y)
            return word.strip("·|｜-—").removesuffix(".")
        if latin and word in ("|", "｜"):
            return None  # (the holder's name ended: the links after it name no one)
        latin = latin or (after_mark and bool(_LATIN_NAME.match(word)))
    return None


_LATIN_NAME = re.compile(r"^[A-Z][A-Za-z0-9&-]{2,}$")
# A registration number in a copyright line: an ICP number, a public-security filing.
_ICP_NUMBER = re.compile(
    r"[\u4e00-\u9fff]{0,2}ICP\s*[备證证]\s*[:：]?\s*\d[\d-]*\s*号(?:\s*-\s*\d+)?"
    r"|[\u4e00-\u9fff]{0,2}公网安备\s*[:：]?\s*\d+\s*号?",
    re.IGNORECASE,
)


_EPAPER_SUFFIX = re.compile(
    r"(?<=[报報])(?:社?(?:数字报刊平台|数字报刊|数字报纸|数字报|数字版|电子报刊|电子报|电子版|网络版)|社)$"
)


def newspaper_name(name: str) -> str:
    """A newspaper's name for its e-paper platform's or its publisher's (``XX时报数字报刊平台``,
    ``XX时报社`` → XX时报)."""
    paper = _EPAPER_SUFFIX.sub("", name)
    return paper if len(paper) >= 3 else name


# An organisation's portal or official site (江源电力公司信息门户, XX大学官网): the organisation.
_PORTAL = re.compile(
    r"^(?P<owner>.+?(?:公司|集团|集團|大学|大學|学院|學院|政府|银行|銀行|医院|醫院|中心|协会|協會|学会"
    r"|學會|局|厅|廳|委))"
    r"(?:信息门户|信息門戶|门户网站|門戶網站|门户网|門戶網|门户|門戶|官方网站|官方網站|官网|官網)"
    r"(?:\s*[（(](?:内网|內網|外网|外網)[）)])?$"
)


def portal_owner(name: str) -> str:
    """The organisation whose portal or official site a name is (``XX公司信息门户`` → XX公司)."""
    match = _PORTAL.match(name)
    return match["owner"] if match and len(match["owner"]) >= 3 else name


_CRUMBS = re.compile(r"\s*[>＞»›]\s*")


# A greeting before a site's name in its header (欢迎访问X, 您好，欢迎来到X, 欢迎光临X).
_GREETING = re.compile(r"^(?:您好[，,！!]?)?欢迎(?:您)?(?:访问|光临|来到|进入|浏览|登录)")


def site_name_in(line: str) -> str | None:
    """A site's name in a header or copyright line (``甲能源网 — 汇聚能源力量``), or None.

    Of a breadcrumb (``XX论坛 » 论坛 › 行业资讯 › 标题``) only the first item can name the site:
    the others are its sections."""
    crumbs = _CRUMBS.split(line)
    if len(crumbs) >= 3:
        line = crumbs[0]
    text = re.sub(
        r"copyright|版权所有|版權所有|©|\(c\)|all rights reserved|\d{4}\s*[-–—~]\s*\d{4}|\d{4}",
        " ",
        line,
        flags=re.IGNORECASE,
    )
    for part in _NAME_SPLIT.split(text):
        if FOREIGN_EDITION.match(part.strip()):
            return part.strip()
        for word in part.split():
            word = word.lstrip(":：")  # (版权所有：X)
            # (a header's greeting, 欢迎访问X门户网站, 您好，欢迎来到X网: the site is X)
            word = _GREETING.sub("", word)
            # A labelled field (正在直播：X频道, a live-stream bar) names no site.
            if looks_like_site_name(word) and not re.search("[:：]", word):
                return word
    return None


# A menu's link home (首页, 网站首页, 返回首页, 学校主页: the school's home page, above a
# college's site), not a name; but a blog's 张三的主页 is its name.
_NAV_WORD = re.compile(r"^(?:返回|回到)?[^\s的]{0,4}(?:首页|主页)$")
# A top bar's or footer's link to the site's own pages and services, never its name.
_SITE_LINK = re.compile(
    r"^(?:联系我们|关于我们|网站地图|企业邮箱|员工邮箱|邮箱登录|设为首页|加入收藏|收藏本站"
    r"|OA登录|OA系统|会员登录|用户登录|登录|注册|无障碍浏览|无障碍|长者模式|繁体版?|简体版?)$",
    re.IGNORECASE,
)
# A word of a company's motto in its header, two characters like each of the others.
_MOTTO_WORD = re.compile(r"^[\u3400-\u9fff]{2}$")


def header_name(line: str) -> str | None:
    """The first field of a site's header line (``己能观察 · 新能源深度报道`` → 己能观察)."""
    parts = [p for p in _NAME_SPLIT.split(line) if p.strip()]
    if len(parts) >= 3 and all(_MOTTO_WORD.match(p.strip()) for p in parts):
        return None  # a motto of like words (安全 · 高效 · 绿色 · 智慧), no name
    first = _GREETING.sub("", parts[0].split()[0]) if parts else ""
    if _NAV_WORD.match(simplified(first)):
        return None  # a menu's first item (首页), not a name
    if _SITE_LINK.match(simplified(first)):
        return None  # a top bar's link (联系我们 | 企业邮箱), not a name
    if re.search(r"[:：]", first):
        # (a labelled field, 今天是：<a date a script wrote> before 会员登录: no name)
        return None
    if 2 <= len(first) <= 16 and CJK.search(first) and not re.search(r"\d", first):
        return first
    return None
