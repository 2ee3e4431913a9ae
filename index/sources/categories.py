"""The category of a record, one rule for every kind of file.

Precedence: the record's own category field; else the nearest folder below the source root
that names a category (``政策/0001.html``); else the page's breadcrumb's last item; else none.
The source root's own folder name is never a category. ``--category-from`` chooses: ``auto``
(the rule above), ``folder`` (folders only), ``page`` (breadcrumbs only) or ``none``; a
record's own field is data and always kept.

A folder names a category unless it looks like something else: a site (``www.x.com``, a name
ending in 网/在线/资讯), a date or number (``2023``, ``2023-11``), a Latin label that is not a
plain word (``site_a``, ``crawl-2``), or a generic container (``pages``, ``html``, ``data``,
``crawl``, ``网页`` …). A Chinese name that reads as a site's or a generic word (资讯, 行业资讯)
is a category all the same when two or more category folders sit beside it: a site's sections.
"""

from __future__ import annotations

import functools
import os
import re

from xinwen.index.furniture import looks_like_site_name

CATEGORY_FROM = ("auto", "folder", "page", "none")

_GENERIC_WORDS = (
    "pages page html htm shtml txt text texts data corpus corpora crawl crawls crawled raw"
    " files file archive archives articles article docs documents download downloads saved"
    " output out site sites web www mirror mirrors news items input src source sources tmp"
    " temp misc all 网页 页面 文章 数据 语料 语料库 抓取 下载 存档 归档 全部 其他 其它"
    " 新闻 资讯 未分类"
)
_GENERIC = frozenset(_GENERIC_WORDS.split())
_NOT_A_NAME = re.compile(r"[\d.]|^[-_\s]|[-_\s]$")
_MAX_CHARS = 16


def names_category(name: str) -> bool:
    """Whether a folder's name reads as a category (see the module docstring)."""
    name = name.strip()
    if not name or len(name) > _MAX_CHARS or _NOT_A_NAME.search(name):
        return False
    if name.lower() in _GENERIC or looks_like_site_name(name):
        return False
    if name.isascii():
        # Latin names: a plain word (sports, tech); site_a, new-site, x_2 are labels of a crawl.
        return name.isalpha()
    return not name.startswith(("~", "#", "@"))


def folder_category(path: str, root: str) -> str | None:
    """The nearest folder between `path`'s folder and `root` (excluded) naming a category."""
    relative = os.path.relpath(os.path.dirname(os.path.abspath(path)), os.path.abspath(root))
    if relative in (".", "") or relative.startswith(".."):
        return None
    folder = os.path.dirname(os.path.abspath(path))
    for name in reversed(relative.split(os.sep)):
        if names_category(name) or _beside_categories(os.path.dirname(folder), name):
            return name
        folder = os.path.dirname(folder)
    return None


# Chinese words for a container of files, never a category even beside categories.
_CONTAINER_WORDS = "网页 页面 数据 语料 语料库 抓取 下载 存档 归档 全部 其他 其它 未分类"
_CONTAINERS = frozenset(_CONTAINER_WORDS.split())


def _beside_categories(parent: str, name: str) -> bool:
    """A Chinese folder name read as a site's or a generic word (资讯, 行业资讯, 新闻) that sits
    beside two or more category folders is one of the site's sections too."""
    if name.isascii() or len(name) > _MAX_CHARS or _NOT_A_NAME.search(name) or name in _CONTAINERS:
        return False
    siblings = [n for n in _subfolders(parent) if n != name]
    return sum(names_category(n) for n in siblings) >= 2


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
