"""Decode corpus bytes to text, refusing to guess when the guess cannot be checked.

Order of attempts, per file (or per line for JSON Lines):

1. a byte-order mark decides (UTF-8, UTF-16, UTF-32);
2. NUL bytes without a UTF-16/32 mark mean a binary file, unless they all stand on one side of
   the byte pairs and the bytes read as UTF-16 give Chinese or English text (UTF-16 saved
   without its mark);
3. strict UTF-8 (by far the most common; a GBK file is practically never valid UTF-8);
4. strict GB18030 (a superset of GBK and GB2312), accepted only if nearly all of its
   non-ASCII characters are in the GB2312 repertoire, the everyday simplified Chinese set.
   GB18030 decodes almost any byte string, so this check is what catches Big5 or random
   bytes read as GBK;
5. charset_normalizer, accepted only for multi-byte East Asian encodings (Big5, Shift-JIS,
   EUC-KR, ...) whose output is mostly ASCII and CJK text. Single-byte encodings (cp1250,
   cp1252, KOI8, ...) are never accepted: they decode any bytes, and choosing between them is
   a coin toss that produces mojibake like "naďve" for "naïve".

Anything else raises `UndecodableError`: the caller reports it instead of indexing mojibake.
"""

from __future__ import annotations

import codecs
import functools
import re
from dataclasses import dataclass

import charset_normalizer

# Below this share of expected characters, a GB18030 decoding is taken to be a misreading.
# Real simplified Chinese news scores > 0.99; Big5 read as GBK scores about 0.4.
GB_PLAUSIBLE_SHARE = 0.9
# The share of ASCII/CJK characters required of a charset_normalizer decoding.
CJK_PLAUSIBLE_SHARE = 0.95

_BOMS: tuple[tuple[bytes, str], ...] = (
    # UTF-32 first: its little-endian mark starts with the UTF-16 one.
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Multi-byte encodings for which charset_normalizer's pick can be checked by the share of
# CJK characters in the result (names as charset_normalizer reports them).
_CHECKABLE_ENCODINGS = frozenset(
    {
        "big5",
        "big5hkscs",
        "cp950",
        "gb2312",
        "gbk",
        "gb18030",
        "hz",
        "cp932",
        "shift_jis",
        "shift_jis_2004",
        "shift_jisx0213",
        "euc_jp",
        "euc_jis_2004",
        "euc_jisx0213",
        "iso2022_jp",
        "cp949",
        "euc_kr",
        "johab",
        "iso2022_kr",
    }
)

# Characters expected in any Chinese/English news text: ASCII, CJK ideographs (unified and
# extension A), CJK and general punctuation, full-width forms, Latin-1 letters, kana, hangul.
_CJK_TEXT_CHARS = re.compile(
    "[\t\n\r\x20-\x7e\u00a0-\u00ff\u2000-\u206f\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff"
    "\uac00-\ud7a3\uff00-\uffef]+"
)


class UndecodableError(ValueError):
    """The bytes are not text in an encoding that could be verified."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason} ({detail})" if detail else reason)
        self.reason = reason
        self.detail = detail


@dataclass(frozen=True, slots=True)
class Decoded:
    """Text decoded from bytes, with the codec name that decoded it."""

    text: str
    encoding: str


def decode_bytes(data: bytes) -> Decoded:
    """Decode `data` as described in the module docstring.

    Raises `UndecodableError` with reason "binary file" or "undecodable file".
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(codec), codec)
            except UnicodeDecodeError as exc:
                raise UndecodableError(
                    "undecodable file", f"has a {codec} byte-order mark but is not {codec}: {exc}"
                ) from None
    if b"\x00" in data:
        if (found := _utf16_without_mark(data)) is not None:
            return found
        raise UndecodableError("binary file", "contains NUL bytes")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        pass
    else:
        if _share(text, _gb_text_chars()) >= GB_PLAUSIBLE_SHARE:
            return Decoded(text, "gb18030")
    return _decode_with_charset_normalizer(data)


def _utf16_without_mark(data: bytes) -> Decoded | None:
    """UTF-16 text saved without its byte-order mark (a program writing "Unicode" text): its
    NULs are mostly the high bytes of ASCII characters (line breaks, digits), so on one side of
    the byte pairs (the other side's are the low bytes of 一, 丠 …), and the text it decodes to
    is Chinese or English text without control characters."""
    if len(data) % 2:
        return None
    even, odd = data[0::2].count(0), data[1::2].count(0)
    if min(even, odd) * _UTF16_NUL_RATIO > max(even, odd):
        return None  # (a binary file's NULs fall on both sides)
    codec = "utf-16-le" if odd > even else "utf-16-be"
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return None
    if _CONTROL_CHARS.search(text) or _share(text, _CJK_TEXT_CHARS) < CJK_PLAUSIBLE_SHARE:
        return None
    return Decoded(text, codec)


# (UTF-16 text's NULs on the ASCII side outnumber the others many times over)
_UTF16_NUL_RATIO = 4
_CONTROL_CHARS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")


def _decode_with_charset_normalizer(data: bytes) -> Decoded:
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise UndecodableError("undecodable file", "not UTF-8, GB18030 or any known encoding")
    encoding = best.encoding
    if encoding not in _CHECKABLE_ENCODINGS:
        raise UndecodableError(
            "undecodable file",
            f"not UTF-8 or GB18030; looks like {encoding}, which cannot be verified",
        )
    text = str(best)
    if _share(text, _CJK_TEXT_CHARS) < CJK_PLAUSIBLE_SHARE:
        raise UndecodableError("undecodable file", f"decoding as {encoding} gives mojibake")
    return Decoded(text, encoding)


def _share(text: str, expected: re.Pattern[str]) -> float:
    """Share of the non-ASCII characters of `text` matched by `expected` (1.0 if none)."""
    non_ascii = len(text) - len(text.encode("ascii", "ignore"))
    if non_ascii == 0:
        return 1.0
    unexpected = len(expected.sub("", text))
    return 1.0 - unexpected / non_ascii


@functools.cache
def _gb_text_chars() -> re.Pattern[str]:
    """ASCII plus the GB2312 repertoire minus its rarely used rows.

    Kept: rows 0xA1-0xA3 (punctuation, numbering, full-width ASCII), 0xA8 (pinyin) and
    0xB0-0xF7 (the 6,763 hanzi). Left out: kana, Greek, Cyrillic, box drawing and the
    user-defined rows, which is what Big5 or binary bytes turn into when read as GBK.
    """
    chars: list[str] = []
    for lead in (0xA1, 0xA2, 0xA3, 0xA8, *range(0xB0, 0xF8)):
        for trail in range(0xA1, 0xFF):
            try:
                chars.append(bytes((lead, trail)).decode("gb2312"))
            except UnicodeDecodeError:
                continue  # unassigned cell
    # GBK/GB18030 punctuation outside GB2312 that real text uses: en dash, bullet, euro, ...
    chars.extend("–•€‘’“”")
    body = "".join(sorted({re.escape(c) for c in chars}))
    return re.compile(f"[\t\n\r\x20-\x7e{body}]+")
