"""What the page-reading rules share about a line: its simplified form (traditional → simplified,
full-width → half-width), its labels with the spaces set between their characters removed,
and its shape (a sentence, a headline, a title with its site's name).
"""

from __future__ import annotations

import re

import opencc

from xinwen.index.cleaning import fold_width

_T2S = opencc.OpenCC("t2s")


def simplified(line: str) -> str:
    """The line in simplified characters and half-width forms, for matching the rules."""
    return _T2S.convert(fold_width(line)) if not line.isascii() else line


# Furniture lines are shorter than this, or not prose.
MAX_FURNITURE_CHARS = 60
SENTENCE = re.compile(r"[。！？；，,!?;]")
CJK = re.compile(r"[\u3400-\u9fff]")
# Sources that name no one (来源：本站, 未知, 网络): the site's own name is taken instead.
NOT_A_SOURCE = frozenset(
    {
        "本站",
        "本网",
        "本站原创",
        "原创",
        "网络",
        "互联网",
        "网络转载",
        "未知",
        "佚名",
        "admin",
        "不详",
        # (what a CMS's editor leaves in the field: compiled, reposted, the site's own edit)
        "本网原创",
        "本站编辑",
        "本网编辑",
        "本站整理",
        "本网整理",
        "网络整理",
        "网络综合",
        "综合",
        "综合整理",
        "转载",
        "暂无",
        "未知来源",
        "本网讯",
        "本站讯",
        # (a paper's own report, 本报讯: the paper, which is the site)
        "本报讯",
        "本报",
        "本刊讯",
        "投稿",
        "网友投稿",
        "用户投稿",
        "无",
        # (a template's empty value)
        "null",
        "none",
        "-",
        "--",
        "—",
    }
)


# The organisation that runs the site by its kind alone (来源：本中心, 本院, 本公司, 本会原创):
# the site's own, as 本站 is.
_THIS_ORGAN = re.compile(
    r"^本(?:中心|院|所|会|协会|学会|局|委|厅|办|公司|集团|单位|部门?|处|馆|校|刊|台|园区)"
    r"(?:原创|编辑|整理|讯)?$"
)


def names_no_one(source: str) -> bool:
    """Whether a source field's value names no one but the site (本站, 未知, a traditional
    page's 本報訊, the site's organisation by its kind, 本中心), compared simplified."""
    text = simplified(source.lower())
    return text in NOT_A_SOURCE or bool(_THIS_ORGAN.match(text))


# A two-character label spaced out to line up with longer ones (来  源：, 作　者：, 日　期：), as
# government and university sites print their bylines.
_SPACED_LABEL = re.compile(
    r"(?<![\u3400-\u9fff])([来來作日时時出编編摄攝])[\s\u3000]+([源者期间間处處辑輯影])(?=\s*[:：])"
)


_SPACED_HINT = re.compile(r"\s[源者期间間处處辑輯影]\s*[:：]")  # (cheap: most lines have none)


# A bilingual site's label, its English after the Chinese (来源 / Source：, 发布时间 / Date：).
_ENGLISH_IN_LABEL = re.compile(r"(?<=[\u3400-\u9fff])\s*/\s*[A-Za-z][A-Za-z .]{0,20}?\s*(?=[:：])")


def unspaced_labels(line: str) -> str:
    """`line` with its spaced-out two-character labels closed up (来  源： → 来源：) and a
    bilingual label's English left out (来源 / Source： → 来源：)."""
    if "/" in line:
        line = _ENGLISH_IN_LABEL.sub("", line)
    return _SPACED_LABEL.sub(r"\1\2", line) if _SPACED_HINT.search(line) else line


# ---- site names -----------------------------------------------------------------------

# (…融媒体中心: a county's media centre, the publisher of its news site)
_SITE_SUFFIX = re.compile(
    r"(?:网|網|网站|在线|在線|资讯|資訊|新闻|新聞|报|報|日报|频道|门户|传媒|时报|周刊"
    r"|融媒体中心|融媒體中心|融媒中心|传媒中心|傳媒中心"
    # (a broadcaster: 江城广播电视台, XX人民广播电台, XX广电)
    r"|电视台|電視台|广播电台|廣播電台|电台|電台|广电|廣電)$"
)
# A foreign site's Chinese edition: a Latin name and 中文版/中文网 (Grid Weekly 中文版, FT中文网).
FOREIGN_EDITION = re.compile(r"^[A-Za-z][A-Za-z0-9 .&'-]{0,30}?\s?(?:中文版|中文网|中文網)$")


def looks_like_site_name(text: str) -> bool:
    """A short CJK name ending like a site's (…网, …在线, …资讯, …报)."""
    if FOREIGN_EDITION.match(text):
        return True
    match = _SITE_SUFFIX.search(text)
    if not (3 <= len(text) <= 16 and match is not None and match.start() >= 2):
        return False
    name = simplified(text)
    if _DOCUMENT_KIND.search(name):
        return False
    if _CALL_TO_ACTION.match(name):
        return False
    return name not in _GENERIC_NAMES and not _SLOGAN.match(text) and not _SECTION.match(name)


# A box's call to the reader (订阅X周报, 关注X公众号, 下载X客户端): it names the site's
# newsletter or app, after a verb; no name starts so.
_CALL_TO_ACTION = re.compile(r"^(?:订阅|关注|下载|加入|扫码|登录|注册|收听|收看|购买)")


# Words ending in 报 that name a kind of document or notice, not a paper: a headline ending so
# (履约情况通报, 统计公报, 项目申报) is no site's name.
_DOCUMENT_KIND = re.compile(r"(?:通报|公报|申报|举报|汇报|预报|喜报|捷报|海报|警报|年报|季报)$")


# A site's slogan beside its name in the <title> (滨江能源网 - 专业能源资讯, 领先的行业门户): it
# ends like a name but starts as praise.
_SLOGAN = re.compile(
    r"(?:专业|领先|权威|最大|首选|一站式|打造|致力|您身边|你身边|(?:全国|中国|全球|国内|行业)"
    r"(?:领先|最大|首家|第一|权威|专业))"
)


# Words that end like a site's name but name a kind of publication, no one's (a footer's
# 電子報 link, a 即时新闻 list).
# A site's section named for its kind of news (公司新闻, 行业资讯, 图片新闻, 国内新闻): it ends
# like a site's name but is a column of any site, as company sites' banners and <title>s show.
_SECTION = re.compile(
    r"^(?:公司|企业|集团|行业|产业|最新|热点|热门|重要|图片|视频|国内|国际|本地|地方|综合|时政|社会"
    r"|财经|科技|政策|党建|工作|基层|媒体|要闻|头条|学校|校园|院系|部门|通知|信息|新闻|展会|市场"
    r"|技术|产品|项目|会员|协会|学会)(?:新闻|资讯|频道|报道|快讯|要闻)$"
)
# (and an intranet's notice in its footer, 内部网站 注意保密: what kind of site it is, no name)
_GENERIC_NAMES = frozenset(
    [
        *("电子报", "数字报", "手机报", "电子版", "即时新闻", "最新新闻", "热门新闻", "相关新闻"),
        *("内部网站", "内部网", "内网网站", "内部网络", "内部资讯", "内部新闻"),
    ]
)


# A mark a platform sets in a tag at the headline's end: the article's kind (原创, an original
# work; 独家, 首发), or its place in a list (置顶, 精选, 热): not words of the headline.
HEADLINE_MARK = re.compile(r"原创|独家|首发|置顶|精选|热门?|荐|推荐|转载|付费|视频")
