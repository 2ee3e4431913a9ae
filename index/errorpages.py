"""Saved pages that are no article: a server's error page and a redirect.

A crawl keeps what the server answered: a "404 页面不存在" page saved under an article's
address, or a page whose only content sends the browser elsewhere. Indexed, the first would
stand in search results and related lists as an article titled 抱歉，您访问的页面不存在; the
second was counted an "empty file". Both are skipped with their own reason.

An error page is recognised by its headline or ``<title>`` in the words servers and CMSs use
(in Chinese and English; a status code only as a code: 500千伏 is a voltage) and a body too
short to be an article about such a page; a redirect by its ``<meta http-equiv="refresh">``
(or a script that only sets ``location``) on a page with next to no text.
"""

from __future__ import annotations

import re

_ERROR_TITLE = re.compile(
    r"^\W*(?:40[0-4]|410|50[0-4])(?:\s*$|\s*[-_|:：]|\s+(?:[A-Za-z]|错误|页面|出错))"
    r"|(?<!\d)(?:403|404|500|502|503)\s*(?:错误|页面|error|not)"
    r"|页面(?:不存在|未找到|找不到|已删除|已被删除|无法访问|出错)"
    r"|(?:网页|文章|信息|内容|资源)(?:不存在|已删除|已被删除|已过期|已下线)"
    r"|找不到(?:该|您要|你要|所|请求的)?(?:的)?(?:页面|网页|文章|内容)"
    r"|您(?:所)?(?:访问|要访问|请求)的(?:页面|网页|内容|文章)"
    r"|访问(?:出错|错误|受限|被拒绝)|(?:服务器|系统)(?:错误|繁忙)"
    r"|not\s+found|page\s+(?:not|cannot|could\s+not)|forbidden|internal\s+server\s+error",
    re.IGNORECASE,
)
# Longer than this, a page whose title says 404 is more likely an article about one.
MAX_ERROR_BODY = 200

_REFRESH = re.compile(
    r"<meta[^>]+http-equiv\s*=\s*[\"']?refresh[^>]*?content\s*=\s*[\"']?\s*\d*\s*[;,]?\s*"
    r"url\s*=\s*[\"']?([^\"'>\s]+)",
    re.IGNORECASE,
)
_SCRIPT_LOCATION = re.compile(
    r"(?:window\.|document\.|top\.|self\.)?location(?:\.href)?\s*=\s*[\"']([^\"']+)[\"']"
    r"|location\.replace\(\s*[\"']([^\"']+)[\"']",
    re.IGNORECASE,
)
# A redirect page may say 正在跳转… or "click here": at most this much text (a script that sets
# ``location`` may also be a mobile site's switch on a short picture story: less still).
MAX_REDIRECT_TEXT = 80
MAX_SCRIPT_REDIRECT_TEXT = 30


def is_error_page(titles: list[str], body: str) -> bool:
    """Whether a page whose headline and ``<title>`` are ``titles`` is a server's error page."""
    return len(body) <= MAX_ERROR_BODY and any(_ERROR_TITLE.search(t or "") for t in titles)


def redirect_target(html: str, text_chars: int) -> str | None:
    """Where a page of ``text_chars`` characters of text sends its reader, if that is all it
    does."""
    if text_chars > MAX_REDIRECT_TEXT:
        return None
    head = html[:8192]
    if match := _REFRESH.search(head):
        return match[1]
    if text_chars <= MAX_SCRIPT_REDIRECT_TEXT and (match := _SCRIPT_LOCATION.search(html[:16384])):
        return match[1] or match[2]
    return None
