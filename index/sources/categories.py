"""The category of a record, one rule for every kind of file.

Precedence: the record's own category field; else the nearest folder below the source root
that names a category (``政策/0001.html``); else the page's breadcrumb's last item; else none.
The source root's own folder name is never a category. ``--category-from`` chooses: ``auto``
(the rule above), ``folder`` (folders only), ``page`` (breadcrumbs only) or ``none``; a
record's own field is data and always kept.

A folder names a category unless it looks like something else: a site (``www.x.com``, a name
ending in 网/在线/资讯), a date or number (``2023``, ``2023-11``), a Latin label that is not a
plain word (``site_a``, ``crawl-2``, a letter), a generic container (``pages``, ``html``,
``data``, ``crawl``, ``网页`` …), a level a CMS puts in its paths (``info``, ``content``,
``show``, ``post``, ``art``, ``Default``; a parameter's name before its value:
``ArticleID/1204/``), a multilingual site's language (``zh``, ``en``, ``big5``) or its mobile
edition (``wap``, ``mobile``). Such a folder is passed over for the next one up (a mirror's
``www.x.cn/zhengce/ArticleID/1204/Default.html`` is in ``zhengce``). A Chinese name
that reads as a site's or a generic word (资讯, 行业资讯) is a category all the same when two or
more category folders sit beside it: a site's sections (数据 too, a data column); a plain
generic word (资讯, 新闻, ``news``) needs only one (a small site's 资讯 and 深度, a CMS's
``news/2023-04-20/`` beside ``jishu/``); so is a slug of Latin words (``oil-gas``) beside
``power`` and ``carbon``. A province's folder inside a category folder (``地方/湖南/``)
is a region of that category, which is the category; a Latin folder inside a Chinese category
folder (``政策/policy/``, a site's URL path saved under the archive's own category) is that
category too.
"""

from __future__ import annotations

import functools
import os
import re

from xinwen.index.linetext import looks_like_site_name

CATEGORY_FROM = ("auto", "folder", "page", "none")

_GENERIC_WORDS = (
    "pages page html htm shtml txt text texts data corpus corpora crawl crawls crawled raw"
    " files file archive archives articles article docs documents download downloads saved"
    " output out site sites web www mirror mirrors news items input src source sources tmp"
    " temp misc all 网页 页面 文章 数据 语料 语料库 抓取 下载 存档 归档 全部 其他 其它"
    # (the levels CMSs put in a page's path: info/1012/, content/, show/, post/, art/2023/,
    # plus/, uploadfile/)
    " info content contents detail details show view post posts art col system upload uploads"
    " uploadfile static cms index list plus default"
    " 新闻 资讯 未分类"
    # (a multilingual site's language level: Hugo's and WordPress's zh/, en/, a portal's
    # traditional-character big5/; a site's mobile edition: wap/, mobile/)
    " zh en cn tw hk big5 wap mobile"
)
_GENERIC = frozenset(_GENERIC_WORDS.split())
# A parameter's name that a CMS writes into its paths before the value, as DotNetNuke does
# (``/zhengce/ArticleID/1204/Default.aspx``, ``/tabid/57/``): ``id`` or a word ending in ID or
# Id (ArticleID, NewsId, tabid, catid), the parameter and not the section.
_KEY = re.compile(r"^(?:[A-Za-z]*[a-z](?:ID|Id)|(?:tab|cat|type|class|item|news|article|info)?id)$")
_NOT_A_NAME = re.compile(r"[\d.]|^[-_\s]|[-_\s]$")
_MAX_CHARS = 16


def names_category(name: str) -> bool:
    """Whether a folder's name reads as a category (see the module docstring)."""
    name = name.strip()
    if not name or len(name) > _MAX_CHARS or _NOT_A_NAME.search(name):
        return False
    if name.lower() in _GENERIC or looks_like_site_name(name) or _KEY.match(name):
        return False
    if name.isascii():
        # Latin names: a plain word (sports, tech); site_a, new-site, x_2 are labels of a crawl,
        # a letter (DedeCMS's a/, a portal's n/) a CMS's level.
        return name.isalpha() and len(name) > 1
    return not name.startswith(("~", "#", "@"))


# A newspaper's issue of its own kind (特刊, 增刊, 号外): when the page came out, not its section.
_ISSUE_KIND = re.compile(r"(?:特刊|增刊|号外|號外)")


def folder_category(path: str, root: str) -> str | None:
    """The nearest folder between `path`'s folder and `root` (excluded) naming a category."""
    relative = os.path.relpath(os.path.dirname(os.path.abspath(path)), os.path.abspath(root))
    if relative in (".", "") or relative.startswith(".."):
        return None
    folder = os.path.dirname(os.path.abspath(path))
    names = relative.split(os.sep)
    for at in range(len(names) - 1, -1, -1):
        name = names[at]
        if names_category(name) or _beside_categories(os.path.dirname(folder), name):
            # A province's folder inside a category folder (地方/湖南/) is a region of it.
            if at > 0 and _is_region(name) and names_category(names[at - 1]):
                return names[at - 1]
            if at > 0 and _ISSUE_KIND.fullmatch(name) and names_category(names[at - 1]):
                # (a paper's special issue inside a page's section folder, 观察/特刊/: an issue,
                # not a section; the page is in the section)
                return names[at - 1]
            # A Latin folder inside a Chinese category folder (政策/policy/) is the site's own
            # path level, the section's name in its URL, kept under the category the archive
            # files it by: the Chinese name is the category.
            if at > 0 and name.isascii() and _chinese_category(names[at - 1]):
                return names[at - 1]
            return name
        folder = os.path.dirname(folder)
    return None


def _chinese_category(name: str) -> bool:
    return not name.isascii() and names_category(name)


# Province-level regions: a folder named so below a category is a region, not a topic.
_REGION_WORDS = (
    "北京 天津 上海 重庆 河北 山西 辽宁 吉林 黑龙江 江苏 浙江 安徽 福建 江西 山东 河南 湖北"
    " 湖南 广东 海南 四川 贵州 云南 陕西 甘肃 青海 台湾 内蒙古 广西 西藏 宁夏 新疆 香港 澳门"
)
_REGIONS = frozenset(_REGION_WORDS.split())
_REGION_SUFFIX = re.compile(r"(?:省|市|自治区|壮族自治区|回族自治区|维吾尔自治区|特别行政区)$")


def _is_region(name: str) -> bool:
    return _REGION_SUFFIX.sub("", name) in _REGIONS


# Chinese words for a container of files, never a category even beside categories.
_CONTAINER_WORDS = "网页 页面 语料 语料库 抓取 下载 存档 归档 全部 其他 其它 未分类"
_CONTAINERS = frozenset(_CONTAINER_WORDS.split())
# Words for a container that are a site's column too (数据: a news site's data column), as
# a name shaped like a site's is: a section beside two others.
_COLUMN_CONTAINERS = frozenset(("数据",))
# Latin words read as generic that are a portal's channel beside other channels.
_LATIN_SECTIONS = frozenset(("news",))


_SLUG = re.compile(r"^[a-z]{2,}(?:-[a-z]{2,}){1,2}$")


def _beside_categories(parent: str, name: str) -> bool:
    """A Chinese folder name read as a site's or a generic word (资讯, 行业资讯, 新闻), or
    ``news``, that sits beside two or more category folders is one of the site's sections too;
    a plain generic word (新闻, news) beside one."""
    # (Latin: news, and words joined by hyphens, oil-gas, as a site's section slugs are)
    if name.isascii() and name.lower() not in _LATIN_SECTIONS and not _SLUG.match(name):
        return False
    if len(name) > _MAX_CHARS or name in _CONTAINERS:
        return False
    if _NOT_A_NAME.search(name) and not _SLUG.match(name):
        return False
    siblings = [n for n in _subfolders(parent) if n != name]
    # (a plain generic word, 资讯 or 新闻, beside one other section is a section: a small site
    # has two, 资讯 and 深度; a name shaped like a site's needs two, a folder of sites has none)
    # (news as well: a small CMS site's news/ beside jishu/)
    needed = 1 if name.lower() in _GENERIC and name not in _COLUMN_CONTAINERS else 2
    return sum(names_category(n) for n in siblings) >= needed


@functools.lru_cache(maxsize=256)
def _subfolders(parent: str) -> tuple[str, ...]:
    try:
        return tuple(e.name for e in os.scandir(parent) if e.is_dir(follow_symlinks=False))
    except OSError:
        return ()


def choose_category(
    folder: str | None, breadcrumb: str | None, category_from: str
) -> tuple[str | None, str]:
    """(category, why) for a record without its own category field."""
    if category_from in ("auto", "folder") and folder:
        return folder, "folder"
    if category_from in ("auto", "page") and breadcrumb:
        return breadcrumb, "breadcrumb"
    if category_from == "none":
        return None, "none (--category-from none)"
    return None, "none"
