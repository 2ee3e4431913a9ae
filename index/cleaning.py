"""Text cleaning, date parsing and ids for records.

Text cleaning (`clean_text` for bodies, `clean_title` for one-line fields) runs, in order:

1. line breaks: ``\\r\\n``, ``\\r``, U+2028/U+2029 become ``\\n``;
2. HTML tags are stripped, but only from text that looks like HTML (a ``<p>``, ``<div>``,
   ``<br>`` or any closing tag ``</x>``): prose that merely mentions ``<script>`` is kept.
   Block tags become line breaks; ``<script>``/``<style>`` elements and comments go entirely;
3. character entities (``&amp;``, ``&nbsp;``, ``&#12345;``, ``&#x4e2d;``) are always decoded;
   only the ``;``-terminated forms, so "?a=1&copy=2" in a URL is left alone;
4. control characters except ``\\n`` are dropped (also zero-width spaces and stray BOMs), and
   a zero-width joiner beside a letter, digit or Chinese character (``strip_joiners``);
5. NFKC folding, except for Chinese sentence punctuation: full-width digits, letters and
   symbols become ASCII (２０１２年 -> 2012年, Ｂ款 -> B款, U+3000 -> space), compatibility
   ideographs become the unified ones, but ，！？；：（）and … stay as they are: NFKC would turn
   them into ASCII , ! ? ; : ( ) and ..., which changes how Chinese text reads and gains
   nothing for search (the tokenizer drops punctuation). 。、“”《》【】 are untouched by NFKC;
   ℃ and ℉ stay too (NFKC writes them °C, °F: not as the page printed them);
6. whitespace: runs of spaces/tabs become one space, lines are stripped, blank lines dropped
   (a paragraph break is a single ``\\n``).

Cleaning is idempotent on text without markup characters (``<``, ``&`` and their full-width
forms): decoding ``&amp;lt;`` once gives ``&lt;``, which a second pass would decode again.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import hashlib
import html
import math
import re
import unicodedata
from collections import Counter

# Characters that NFKC would change but that are kept: Chinese sentence punctuation, and the
# temperature signs (℃ → °C, two characters: a page's 25℃ is shown as printed; the tokenizer
# drops the sign in either form, so search is the same).
KEPT_FULL_WIDTH = "，！？；：（）…℃℉"

# Years outside this range are placeholders (0000-00-00) or typos; they are treated as unknown.
MIN_YEAR = 1900
MAX_YEAR = 2100
# The day of epoch 0 (1970-01-01 08:00:00 in Beijing): what a CMS stores for "no date".
EPOCH_DAY = dt.date(1970, 1, 1)

BEIJING = dt.timezone(dt.timedelta(hours=8), "Asia/Shanghai")

_NEWLINES = re.compile(r"\r\n?|[\u2028\u2029]")
# Decides whether a field is HTML: a common block tag or any closing tag.
_LOOKS_HTML = re.compile(
    r"<(?:(?:p|div|br|li|span|table|tr|td|h[1-6])\b[^<>]*|/[a-z][\w-]*\s*)>", re.IGNORECASE
)
_HTML_DROP = re.compile(
    r"<(script|style)\b[^<>]*>.*?</\1\s*>|<!--.*?-->", re.IGNORECASE | re.DOTALL
)
_HTML_BLOCK = re.compile(
    r"</?(?:p|div|br|li|ul|ol|h[1-6]|tr|table|section|article|blockquote|pre|header|footer"
    r"|dl|dt|dd|hr)\b[^<>]*>",
    re.IGNORECASE,
)
_HTML_TAG = re.compile(r"</?[a-zA-Z][^<>]*>")
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
# C0/C1 controls except \t and \n (\r is gone by then), soft hyphens and zero-width spaces
# (invisible, but they cut a word in two: 储\u00ad能 was not found as 储能), direction marks,
# BOMs and non-characters. The zero-width joiner is not among them: see _STRAY_JOINER.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u200b\u200e\u200f\ufeff\ufffe\uffff]")
# A joiner beside a letter, digit or ideograph joins nothing there (it cut 储\u200d能 in two);
# between two symbols it builds an emoji sequence (👨\u200d👩) and stays.
_STRAY_JOINER = re.compile(r"(?<=\w)\u200d+|\u200d+(?=\w)")
_KEPT_SPLIT = re.compile(f"([{KEPT_FULL_WIDTH}]+)")


def fold_width(text: str) -> str:
    """NFKC-normalise `text` except for the characters in `KEPT_FULL_WIDTH`."""
    if text.isascii():
        return text
    # Fast path: almost all Chinese news is NFKC-normal apart from the kept punctuation,
    # and this check runs at C speed, unlike normalising or translating the text.
    probe = text
    for ch in KEPT_FULL_WIDTH:
        if ch in probe:
            probe = probe.replace(ch, "")
    if unicodedata.is_normalized("NFKC", probe):
        return text
    # The kept characters are neither combining nor composable, so normalising the pieces
    # between them equals normalising the whole text with them held back.
    parts = _KEPT_SPLIT.split(text)
    parts[::2] = [unicodedata.normalize("NFKC", part) for part in parts[::2]]
    return "".join(parts)


def looks_like_html(text: str) -> bool:
    """True if `text` contains a common block tag (<p>, <div>, <br>, ...) or a closing tag."""
    return "<" in text and _LOOKS_HTML.search(text) is not None


def strip_html(text: str) -> str:
    """Remove tags from HTML text: block tags become line breaks, scripts and styles go."""
    text = _HTML_DROP.sub("", text)
    text = _HTML_BLOCK.sub("\n", text)
    return _HTML_TAG.sub("", text)


def unescape_entities(text: str) -> str:
    """Decode ``;``-terminated HTML character references; leave everything else."""
    if "&" not in text:
        return text
    return _ENTITY.sub(lambda m: html.unescape(m.group()), text)


def _clean_common(text: str) -> str:
    if "\r" in text or "\u2028" in text or "\u2029" in text:  # substring tests are cheaper
        text = _NEWLINES.sub("\n", text)
    if looks_like_html(text):
        text = strip_html(text)
    text = unescape_entities(text)
    text = strip_joiners(_CONTROLS.sub("", text))
    return fold_width(text)


def strip_joiners(text: str) -> str:
    """``text`` without the zero-width joiners that stand beside a word character; the ones
    inside emoji sequences are kept. The query is cleaned the same way (search.querylang)."""
    return _STRAY_JOINER.sub("", text) if "\u200d" in text else text


def clean_text(text: str) -> str:
    """Clean a body: see the module docstring. Paragraphs are separated by single newlines."""
    # Whitespace runs become one space within a line, lines are stripped and blank ones go:
    # str.split() splits on exactly what the regular expression \s matches, in C, faster than
    # the two substitutions it replaces (every record of every reindex; how much:
    # bench/results/code-notes.md, "Cleaning text").
    lines = (" ".join(line.split()) for line in _clean_common(text).split("\n"))
    return "\n".join(filter(None, lines))


def clean_title(text: str) -> str:
    """Clean a one-line field (title, category, source): like `clean_text`, on one line."""
    return " ".join(_clean_common(text).split())


def content_id(title: str, body: str) -> str:
    """A stable id from the content: ``h-`` and a 128-bit BLAKE2b of title and body."""
    digest = hashlib.blake2b(digest_size=16)
    digest.update(title.encode("utf-8"))
    digest.update(b"\x1f")  # separator, so that ("ab", "c") and ("a", "bc") differ
    digest.update(body.encode("utf-8"))
    return "h-" + digest.hexdigest()


# ---- dates -----------------------------------------------------------------------------

# Y-M-D with -, / or . (the separators may differ: people write 2020/01-09), then nothing or
# a time part after "T" or a space: "2020-01-09", "2020/1/9 08:30", "2020-01-09T08:00+08:00".
_YMD = re.compile(r"(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})(?:[T\s].*)?", re.DOTALL)
_CN_YMD = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号].*", re.DOTALL)
_DIGITS = re.compile(r"\d+(?:\.\d*)?")
# In running text: the same two forms, not inside a longer number (a phone or version number).
_TEXT_FULL_DATE = re.compile(
    r"(?<!\d)(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]"
    r"|(?<![\d./-])(\d{4})([-/.])(\d{1,2})\5(\d{1,2})(?!\d|[./-]\d)"
)
_TEXT_MONTH_DAY = re.compile(r"(?<![\d年])(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]")
_TEXT_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*年")


def _date(year: int, month: int, day: int) -> dt.date | None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:  # 2020-02-30, month 13, day 0, ...
        return None


def _from_epoch(seconds: float) -> dt.date | None:
    try:
        moment = dt.datetime.fromtimestamp(seconds, tz=BEIJING)
    except (OverflowError, OSError, ValueError):
        return None
    return _date(moment.year, moment.month, moment.day)


def _from_number_digits(digits: str, value: float) -> dt.date | None:
    """An all-digit date: YYYYMMDD (8 digits), epoch seconds (9-10), epoch ms (13)."""
    if len(digits) == 8:
        return _date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
    if len(digits) in (9, 10):
        return _from_epoch(value)
    if len(digits) == 13:
        return _from_epoch(value / 1000)
    return None


# English month names (their first three letters), as a foreign site's Chinese edition dates.
EN_MONTHS = "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec"
_MONTH_WORDS = (
    "january february march april may june july august september october november december"
)
_MONTH_NAMES = tuple(_MONTH_WORDS.split())
_EN_MDY = re.compile(r"([A-Za-z]{3,9})\.?\s*(\d{1,2}),?\s*(\d{4})(?:[T\s,].*)?", re.DOTALL)
_EN_DMY = re.compile(r"(\d{1,2})\s*([A-Za-z]{3,9})\.?,?\s*(\d{4})(?:[T\s,].*)?", re.DOTALL)


def _english_date(text: str) -> dt.date | None:
    """Sep 14, 2023, September 14 2023, 14 Sep 2023 (a month's name in full or cut short)."""
    if match := _EN_MDY.fullmatch(text):
        name, day, year = match[1], match[2], match[3]
    elif match := _EN_DMY.fullmatch(text):
        day, name, year = match[1], match[2], match[3]
    else:
        return None
    name = name.lower()
    month = next((n for n, m in enumerate(_MONTH_NAMES, 1) if m.startswith(name)), 0)
    return _date(int(year), month, int(day)) if month and len(name) >= 3 else None


# Other calendars and numerals that Chinese pages print dates in, rewritten as Gregorian
# years in digits (`western_dates`): the Republic of China's era (民國112年 = 2023, as Taiwan
# prints it, also ``112年5月4日`` and ``發布日期：112-05-04``), and years, months and days in
# Chinese numerals (二〇二三年五月十二日, as announcements and official documents sign).
ROC_OFFSET = 1911
_ROC_YEAR = re.compile(r"(?:民国|民國)\s*([0-9〇零○一二三四五六七八九十百]{1,5})\s*年")
_ROC_LABELLED = re.compile(
    r"((?:日期|时间|時間)\s*[:：]\s*)(1[0-4]\d)\s*([-/.])\s*(\d{1,2})\s*\3\s*(\d{1,2})(?!\d)"
)
# (Taiwan's sites often leave 民國 out: 112年5月4日; no news page writes a three-digit year)
_ROC_BARE = re.compile(r"(?<![\d年])(1[0-4]\d)(\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)")
_CN_DIGITS = "〇零○一二三四五六七八九"
_CN_DATE = re.compile(
    r"([〇零○一二三四五六七八九]{4}|\d{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月"
    r"\s*([一二三四五六七八九十]{1,4})\s*([日号])"
)


# A bare ROC date opening a line (113-05-10, 113/5/10): read as one only on a page that writes
# ROC years elsewhere (民國113年, 113年5月10日, 更新日期：113-05-12); alone, nothing says whose
# year 113 is.
_ROC_LEADING = re.compile(r"^(\s*)(1[0-4]\d)\s*([-/.])\s*(\d{1,2})\s*\3\s*(\d{1,2})(?!\d)")


def writes_roc_years(line: str) -> bool:
    """`line` writes a year of the Republic of China's era (民國113年, 113年5月10日, or after a
    date label, 發布日期：113-05-10)."""
    return bool(_ROC_YEAR.search(line) or _ROC_BARE.search(line) or _ROC_LABELLED.search(line))


def roc_leading_date(line: str) -> str | None:
    """`line` with the bare ROC date that opens it written as a Gregorian one, else None."""
    if not (match := _ROC_LEADING.match(line)):
        return None
    year = int(match[2]) + ROC_OFFSET
    return f"{match[1]}{year}-{match[4]}-{match[5]}{line[match.end() :]}"


def _cn_number(text: str) -> int | None:
    """A number in Chinese numerals: digit by digit (二〇二三, 一一二) or with 十/百 (二十三)."""
    if all(ch in _CN_DIGITS for ch in text):
        return int("".join(str(max(_CN_DIGITS.find(ch) - 2, 0)) for ch in text))
    total, digit = 0, 0
    for ch in text:
        if ch in _CN_DIGITS:
            digit = max(_CN_DIGITS.find(ch) - 2, 0)
        elif ch in "十百":
            total += (digit or 1) * (10 if ch == "十" else 100)
            digit = 0
        else:
            return None
    return total + digit


def _roc_year(match: re.Match[str]) -> str:
    year = match[1]
    number = int(year) if year.isdigit() else _cn_number(year)
    return f"{number + ROC_OFFSET}年" if number else match[0]


def _cn_date(match: re.Match[str]) -> str:
    parts = [int(m) if m.isdigit() else _cn_number(m) for m in (match[1], match[2], match[3])]
    if None in parts:
        return match[0]
    return f"{parts[0]}年{parts[1]}月{parts[2]}{match[4]}"


def western_dates(text: str) -> str:
    """`text` with ROC-era years and Chinese-numeral dates written as Gregorian digits
    (民國112年5月4日 → 2023年5月4日, 二〇二三年五月十二日 → 2023年5月12日); else unchanged."""
    if "年" in text:
        if "民" in text:
            text = _ROC_YEAR.sub(_roc_year, text)
        text = _ROC_BARE.sub(lambda m: f"{int(m[1]) + ROC_OFFSET}{m[2]}", text)
        if _CN_DATE.search(text):
            text = _CN_DATE.sub(_cn_date, text)
    if _ROC_LABELLED.search(text):
        text = _ROC_LABELLED.sub(
            lambda m: f"{m[1]}{int(m[2]) + ROC_OFFSET}{m[3]}{m[4]}{m[3]}{m[5]}", text
        )
    if "月" in text:
        text = _month_day_year(text)
    if _DAY_MONTH_YEAR.search(text):
        text = _DAY_MONTH_YEAR.sub(_year_first, text)
    return text


# A date printed day, month, year (18/04/2024, as Hong Kong and Macau sites print it) or month,
# day, year (04/18/2024): read only where the order is plain, one of the two numbers past 12;
# 05/04/2024 could be either and stays unread.
_DAY_MONTH_YEAR = re.compile(
    r"(?<![\d/.-])(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*((?:19|20)\d\d)(?![\d/.-])"
)


def _year_first(m: re.Match[str]) -> str:
    first, second = int(m[1]), int(m[3])
    if 12 < first <= 31 and 1 <= second <= 12:
        return f"{m[4]}-{second:02d}-{first:02d}"
    if 12 < second <= 31 and 1 <= first <= 12:
        return f"{m[4]}-{first:02d}-{second:02d}"
    return m[0]


# An English date format printed with Chinese month names, as WordPress themes do in a Chinese
# locale (their "F j, Y": 4月 18, 2024, 四月 18, 2024): month, day, comma, year.
_MONTH_DAY_YEAR = re.compile(
    r"(?<![\d年])(\d{1,2}|[一二三四五六七八九十]{1,2})\s*月\s*(\d{1,2})\s*,\s*(\d{4})(?!\d|\s*年)"
)


def _month_day_year(text: str) -> str:
    """`text` with a month-day-year date (4月 18, 2024) written 2024年4月18日."""

    def year_first(m: re.Match[str]) -> str:
        month = int(m[1]) if m[1].isdigit() else _cn_number(m[1])
        return f"{m[3]}年{month}月{m[2]}日" if month else m[0]

    return _MONTH_DAY_YEAR.sub(year_first, text)


def parse_date(value: object) -> dt.date | None:
    """Parse a published date from a field value; None when absent, invalid or unknown.

    Accepts dates and datetimes; 2020-01-09, 2020/1/9, 2020.1.9 (optionally followed by a
    time, "T08:00:00+08:00" or " 08:30"); 2020年1月9日; 20200109; RFC 2822 ("Thu, 09 Jan
    2020 08:00:00 +0800"); epoch seconds (9-10 digits) or milliseconds (13 digits), as
    numbers or strings, taken in Beijing time (UTC+8). A time in UTC (``Z``, ``+00:00``, GMT),
    as exports and servers store moments, is taken in Beijing time too (2024-03-04T18:00:00Z
    is 5 March), the same moment as epoch seconds; a time in another zone is the publisher's
    own, and its date is the one written there (a Vancouver site's 15:20 -08:00 on 5 February
    is its 5 February, as its page says). Never raises, never guesses today's date.
    1 January 1970, the day of epoch 0, is no date: a CMS's placeholder for one it does not
    have (``1970-01-01 08:00:00``).
    """
    found = _parse_date(value)
    return None if found == EPOCH_DAY else found


def _parse_date(value: object) -> dt.date | None:
    if value is None or isinstance(value, bool):  # bool is an int: True is not 1970-01-01
        return None
    if isinstance(value, dt.datetime):
        if value.utcoffset() == dt.timedelta(0):
            value = value.astimezone(BEIJING)
        return _date(value.year, value.month, value.day)
    if isinstance(value, dt.date):
        return _date(value.year, value.month, value.day)
    if isinstance(value, int | float):
        # Compared before isfinite(), which cannot take huge ints; 1e14: past 13-digit ms.
        if not 0 <= value < 10**14 or not math.isfinite(value):
            return None
        return _from_number_digits(str(int(value)), float(value))
    if not isinstance(value, str):
        return None
    text = western_dates(fold_width(value.strip()))
    if not text:
        return None
    if match := _DIGITS.fullmatch(text):
        digits = match.group().partition(".")[0]
        try:
            return _from_number_digits(digits, float(match.group()))
        except (OverflowError, ValueError):
            return None
    if zoned := _ZONED.fullmatch(text):
        try:
            moment = dt.datetime.fromisoformat(f"{zoned[1]}T{zoned[2]}{zoned[3].upper()}")
        except ValueError:
            return None
        return parse_date(moment)
    if (match := _YMD.fullmatch(text)) or (match := _CN_YMD.fullmatch(text)):
        return _date(int(match[1]), int(match[2]), int(match[3]))
    if found := _english_date(text):
        return found
    if text[0].isalpha():
        try:
            parsed = email.utils.parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError, OverflowError):
            return None
        return parse_date(parsed)
    return None


# An ISO 8601 moment with its zone: 2024-03-04T18:00:00Z, 2024-03-04 18:00:00.123+00:00.
_ZONED = re.compile(
    r"(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?)\s*(Z|[+-]\d{2}:?\d{2})",
    re.IGNORECASE,
)


def find_date_in_text(text: str) -> dt.date | None:
    """The first valid full date in running text (2020年1月9日, 2020-01-09, 2020/1/9).

    Failing that, the first month-day (1月9日) with the year most often mentioned in the text
    ("2020年", ties go to the later year); without any year mention a month-day is not enough.
    """
    text = fold_width(text)
    for match in _TEXT_FULL_DATE.finditer(text):
        if match[1]:
            found = _date(int(match[1]), int(match[2]), int(match[3]))
        else:
            found = _date(int(match[4]), int(match[6]), int(match[7]))
        if found:
            return found
    years = Counter(int(y) for y in _TEXT_YEAR.findall(text))
    if not years:
        return None
    year = max(years, key=lambda y: (years[y], y))
    for match in _TEXT_MONTH_DAY.finditer(text):
        if found := _date(year, int(match[1]), int(match[2])):
            return found
    return None
