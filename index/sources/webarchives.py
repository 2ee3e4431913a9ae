"""A page saved as one archive file with its resources: the HTML page inside it.

- ``.mhtml``/``.mht``: Chrome's and Edge's "Webpage, Single File" (and Internet Explorer's "Web
  Archive"), a MIME ``multipart/related`` message: the page is its root part (the ``start``
  parameter's, else the first ``text/html`` part; the later ones are the page's iframes),
  quoted-printable or base64, in the charset its part names. Read with the standard library's
  `email` parser, which does the MIME decoding.
- ``.webarchive``: Safari's, a property list whose ``WebMainResource`` holds the page's bytes and
  their encoding's name; read with `plistlib`.

Images and scripts in the archive are not read. The page then goes the way of any HTML page.
"""

from __future__ import annotations

import email
import email.policy
import plistlib
from email.message import Message

from xinwen.index.htmlpages import MAX_HTML_BYTES, NotHtmlError, decode_html

ARCHIVE_SUFFIXES = (".mhtml", ".mht", ".webarchive")
_GB_NAMES = frozenset(("gb2312", "gbk", "x-gbk", "gb18030", "cp936"))


def is_archive_name(name: str) -> bool:
    return name.lower().endswith(ARCHIVE_SUFFIXES)


def archive_html(data: bytes, name: str) -> tuple[str, str | None]:
    """The text of the page saved in an archive file, and the address it was saved from;
    raises `NotHtmlError`."""
    if not data.strip():
        raise NotHtmlError("empty file")
    if name.lower().endswith(".webarchive"):
        payload, charset, url = _webarchive_page(data)
    else:
        payload, charset, url = _mhtml_page(data)
    if len(payload) > MAX_HTML_BYTES:
        raise NotHtmlError("unreadable file", "its page is more than 20 MB")
    url = url if url and url.startswith(("http://", "https://")) else None
    if charset:
        codec = "gb18030" if charset.lower() in _GB_NAMES else charset
        try:
            return payload.decode(codec), url
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong declaration: detect instead
    return decode_html(payload), url


def _mhtml_page(data: bytes) -> tuple[bytes, str | None, str | None]:
    message = email.message_from_bytes(data, policy=email.policy.compat32)
    if message.get("Content-Type") is None and data.lstrip()[:1] == b"<":
        return data, None, None  # (an HTML page given an archive's name: the page itself)
    if not message.is_multipart():
        part: Message | None = message if message.get_content_type() == "text/html" else None
    else:
        parts = [p for p in message.walk() if not p.is_multipart()]
        start = (message.get_param("start") or "").strip("<>")
        roots = [p for p in parts if start and (p.get("Content-ID") or "").strip("<>") == start]
        pages = [p for p in parts if p.get_content_type() == "text/html"]
        part = (roots or pages or [None])[0]
    payload = part.get_payload(decode=True) if part is not None else None
    if not isinstance(payload, bytes) or not payload.strip():
        raise NotHtmlError("no article text", "an MHTML file without an HTML page in it")
    url = message.get("Snapshot-Content-Location") or part.get("Content-Location")  # type: ignore[union-attr]
    return payload, part.get_content_charset(), url and str(url).strip()  # type: ignore[union-attr]


def _webarchive_page(data: bytes) -> tuple[bytes, str | None, str | None]:
    try:
        archive = plistlib.loads(data)
        main = archive["WebMainResource"]
        payload = main["WebResourceData"]
    except (KeyError, TypeError):
        raise NotHtmlError("unreadable file", "a Safari web archive without a page") from None
    except (plistlib.InvalidFileException, ValueError) as exc:
        raise NotHtmlError("unreadable file", f"not a Safari web archive: {exc}") from None
    if not isinstance(payload, bytes):
        raise NotHtmlError("unreadable file", "not a Safari web archive: no page data")
    encoding = main.get("WebResourceTextEncodingName")
    url = main.get("WebResourceURL")
    return (
        payload,
        encoding if isinstance(encoding, str) else None,
        url if isinstance(url, str) else None,
    )
