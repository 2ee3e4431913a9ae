"""Files that saving tools leave beside the pages they save, which are no articles.

- A browser's "Save page, complete" writes ``X.html`` and beside it a folder of the page's
  resources (images, CSS, scripts, and the HTML of its iframes: a share widget, a comment box,
  an ad). Chrome and Firefox name it ``X_files``; Internet Explorer, Edge and localised
  browsers use their language's word (``X-Dateien``, ``X_fichiers``, ``X.files`` …). The
  folder is the page's, not more pages: read as pages, its comment box became a second copy
  of the article. It is passed over whole, as one skip ("a saved page's resources"), and only
  when the page it belongs to sits beside it (a folder merely named ``x_files`` is read).
- A page ``wget --mirror`` saved under a server script's name (``show.php?id=2031``,
  ``Default.aspx``) is an HTML page when its bytes are one; a script's source is no page.
- HTTrack's own files at the top of a mirror (the folder holding ``hts-cache/``): the cache,
  its logs, the ``index.html`` listing the mirrored sites and that page's images
  (``backblue.gif``, ``fade.gif``); and a site's ``robots.txt``, which ``wget --mirror``
  fetches, and the ``X.html.orig`` that ``wget -K`` keeps beside the ``X.html`` it rewrote:
  one skip each ("a mirroring tool's own files").

Each is one counted skip, so the closing summary says why those files went unread instead of
counting each image as an unsupported file and each iframe as a page; so is a site's image,
style sheet, script or font elsewhere in a mirror ("a site's images, styles or scripts").
"""

from __future__ import annotations

import os
import re

from xinwen.index.htmlpages import HTML_SUFFIXES
from xinwen.index.records import Origin, Skip

# A page a mirroring tool saved under its URL's name, a server script's (wget without
# --adjust-extension: show.php?id=2031, or show.php@id=2031 with Windows-safe names;
# Default.aspx, article.asp?id=7): HTML all the same, when its bytes are.
_SCRIPT_PAGE = re.compile(
    r"\.(?:(?:php\d?|phtml|asp|aspx|jsp|jspx|do|action|cgi|cfm|shtm)(?:[?@].*)?"
    r"|(?:s?html?|xhtml)[?@].*)$",  # (and a page with its query: list.html?page=2)
    re.IGNORECASE,
)
_HTML_START = re.compile(rb"<(?:!doctype\s+html|html|head|body|meta|title|div|p)[\s>/]", re.I)


def is_script_page_name(name: str) -> bool:
    # (a text file saved with a script's query, x.php?id=1.txt, is a text file)
    return bool(_SCRIPT_PAGE.search(name)) and not name.lower().endswith(".txt")


def looks_like_html(data: bytes) -> bool:
    """Bytes of a served page, not a script's source (``<?php``, ``<%``)."""
    return bool(_HTML_START.search(data[:8192]))


# The address a saving tool notes in a comment at the top of the page: a browser's mark of the
# web (``<!-- saved from url=(0058)https://… -->``, "Save page, complete"), SingleFile's
# ``url: https://…``, a crawler's ``url=https://…``.
_LEADING_NOTE = re.compile(r"\A\s*(?:<!DOCTYPE[^>]*>\s*)?<!--(.*?)-->", re.DOTALL | re.IGNORECASE)
_SAVING_WORD = re.compile(r"saved|singlefile|crawl|fetch|scrap|archiv|mirror|download", re.I)
_NOTED_URL = re.compile(r"\burl\s*[=:]\s*(?:\(\d+\))?\s*(https?://[^\s<>\"']+)", re.IGNORECASE)


def saved_from_url(text: str) -> str | None:
    """The address a saved page came from, as its saving tool noted it."""
    note = _LEADING_NOTE.match(text[:4096])
    if note is None or not _SAVING_WORD.search(note[1]):
        return None  # (a template's comment naming its maker's site is no page's address)
    found = _NOTED_URL.search(note[1])
    return found[1] if found else None


# The suffix a browser gives a saved page's resource folder, by language (Windows' list of
# "connected files" suffixes, which IE and Edge use; Firefox localises its own the same way).
COMPANION_SUFFIXES = (
    "_files",
    ".files",
    "-Dateien",
    "_fichiers",
    "_archivos",
    "_arquivos",
    "_ficheiros",
    "_file",
    "_bestanden",
    "-filer",
    "_filer",
    "_tiedostot",
    "_pliki",
    "_soubory",
    "_dosyalar",
    "_elemei",
)
# HTTrack's files at the top of a mirror (the folder holding hts-cache/).
_HTTRACK_MARK = "hts-cache"
_HTTRACK_FILES = frozenset(
    (
        "hts-cache",
        "hts-log.txt",
        "hts-err.txt",
        "hts-ioinfo.txt",
        "hts-nohup.out",
        "hts-in_progress.lock",
        "index.html",
        "backblue.gif",
        "fade.gif",
    )
)
# A site's files that pages use, saved with them by a mirror or a crawl (css/site.css,
# images/logo.png): no articles, and named so in the summary rather than as an unknown type.
_WEB_RESOURCE_SUFFIXES = (
    *(".css", ".js", ".mjs", ".map", ".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp"),
    *(".ico", ".bmp", ".avif", ".woff", ".woff2", ".ttf", ".otf", ".eot", ".swf"),
)
WEB_RESOURCES = "a site's images, styles or scripts"
SAVED_RESOURCES = "a saved page's resources"
TOOL_FILES = "a mirroring tool's own files"


def page_stems(names: list[str]) -> dict[str, str]:
    """The HTML pages among a folder's file names, by the name without its suffix."""
    stems = {}
    for name in names:
        lower = name.lower()
        for suffix in HTML_SUFFIXES:
            if lower.endswith(suffix):
                stems[name[: -len(suffix)].lower()] = name  # (Windows: names match in any case)
                break
    return stems


def companion_page(folder: str, stems: dict[str, str]) -> str | None:
    """The page beside which a folder named `folder` holds that page's resources, if any."""
    for suffix in COMPANION_SUFFIXES:
        if folder.lower().endswith(suffix.lower()) and len(folder) > len(suffix):
            page = stems.get(folder[: -len(suffix)].lower())
            if page is not None:
                return page
    return None


def tool_files(names: list[str]) -> frozenset[str]:
    """The names in a folder (its files and folders) that a mirroring tool wrote."""
    lower = {name.lower(): name for name in names}
    found = {lower["robots.txt"]} if "robots.txt" in lower else set()
    # (wget -k -K keeps the page as fetched, X.html.orig, beside the one it rewrote)
    found |= {name for low, name in lower.items() if low.endswith(".orig") and low[:-5] in lower}
    if _HTTRACK_MARK in lower:
        found |= {name for low, name in lower.items() if low in _HTTRACK_FILES}
    return frozenset(found)


def resources_skip(path: str, page: str) -> Skip:
    count = sum(len(files) for _, _, files in os.walk(path))
    return Skip(SAVED_RESOURCES, Origin(path, 0), f"{count} files saved with {page}")


def tool_skip(path: str) -> Skip:
    name = os.path.basename(path)
    if name.lower() == "robots.txt":
        return Skip(TOOL_FILES, Origin(path, 0), "the site's robots.txt, not a page")
    if name.lower().endswith(".orig"):
        return Skip(TOOL_FILES, Origin(path, 0), f"wget's copy of {name[:-5]} as fetched")
    return Skip(TOOL_FILES, Origin(path, 0), "written by HTTrack, not a page of the site")


def is_web_resource(name: str) -> bool:
    return name.lower().endswith(_WEB_RESOURCE_SUFFIXES)


def web_resource_skip(path: str) -> Skip:
    kind = os.path.splitext(path)[1].lower().lstrip(".")
    return Skip(WEB_RESOURCES, Origin(path, 0), f"a .{kind} file, not a page")


# A mirroring tool's folder named for the site's host (wget --mirror's and HTTrack's
# www.example.cn/, with a port as www.example.cn:8080/ or +8080): a host name of two labels
# or more, the last a common top-level domain (a folder ``v1.2`` or ``node.js`` is no host).
_HOST_FOLDER = re.compile(
    r"^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+"
    r"(?:cn|com|net|org|gov|edu|int|mil|info|biz|top|xyz|cc|tv|io|me|co|site|online|news"
    r"|hk|tw|mo|sg|my|jp|kr|uk|us|de|fr|ru|au|ca|in)(?:[:+]\d{1,5})?$",
    re.IGNORECASE,
)


def host_folder(path: str, root: str) -> str | None:
    """The folder of ``path``'s site where a crawl keeps each site under its host's name: the
    first folder from ``root`` (itself included) that is named like a host; None if none is."""
    root = os.path.abspath(root)
    if _HOST_FOLDER.match(os.path.basename(root)):
        return root
    relative = os.path.relpath(os.path.dirname(os.path.abspath(path)), root)
    if relative.startswith(".."):
        return None
    folder = root
    for name in relative.split(os.sep):
        if name in (".", ""):
            break
        folder = os.path.join(folder, name)
        if _HOST_FOLDER.match(name):
            return folder
    return None


def mirrored_url(path: str, site: str) -> str:
    """The address a mirror saved ``path`` from, its site's host folder being ``site``."""
    host = os.path.basename(site).replace("+", ":")
    rest = os.path.relpath(os.path.abspath(path), site).replace(os.sep, "/")
    return f"http://{host}/{rest}"
