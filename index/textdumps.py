"""Pages saved as text: a text-mode browser's link marks and link list, list bullets.

lynx numbers every link where it stands (``[12]上一篇：标题``) and, unless told not to, lists
the links' addresses at the end under ``References`` (``12. http://…``). Neither is the
page's: the marks would hide a line's label from the rules (``[9]上一篇：…`` is no longer a
footer line, ``[8]新闻中心`` no section), the list would read as text on a page without a
footer. A page is taken to be such a dump when its first marks count up from 1, or when it ends
with the list; a line of an image or a form control alone (``[IMG]``, ``[BUTTON]``) goes with it.

A text browser and a browser's "save as text" also wrap paragraphs at a fixed width (lynx at 80
columns, a CJK character taking two): `unwrap` joins a paragraph's lines again when most of a
page's long lines end at the same width, so that a word cut at the end of a line (乡 / 镇) is one
word again and a wrapped disclaimer one line of chrome.

Any page saved or copied as text may show its lists' bullets (``* 首页``, ``· 新闻``: a browser's
"save as text", a copy of a list) and a Markdown copy its heading and quote marks (``# 标题``,
``> 来源：X``): `unmark` takes them off so that the line is judged by its words.

Written by hand: no library reads a text browser's dump back.
"""

from __future__ import annotations

import re

# (a mark before a link's text; not a footnote's after a word, 研究表明[1])
_MARK = re.compile(r"\[(\d{1,4})\]")
_LIST_HEADS = frozenset(("References", "Visible links", "Visible links:", "Hidden links:"))
_LIST_ITEM = re.compile(r"^\d{1,4}\.\s+(?:[a-z][a-z0-9+.-]*:\S*|#\S*)$", re.IGNORECASE)
_CONTROL = re.compile(
    r"^\[(?:IMG|INLINE|BUTTON|LINK|USEMAP|EMBED|OBJECT|[^\]\s]+\.(?:png|jpe?g|gif|svg|webp|bmp))\]$",
    re.IGNORECASE,
)
# (lynx's bullets of a list's items: * 首页, + 二级, o 三级)
_BULLET = re.compile(r"^[*+o#]\s+(?=\S)")
# The first marks that must count 1, 2, 3 … for a page without the list to be a dump.
_MIN_MARKS = 3


def _link_list_at(lines: list[str]) -> int | None:
    """Where the dump's link list starts: its heading, then numbered addresses to the end."""
    for i in range(len(lines) - 1, -1, -1):
        if lines[i] in _LIST_HEADS:
            rest = [line for line in lines[i + 1 :] if line not in _LIST_HEADS]
            return i if rest and all(_LIST_ITEM.match(line) for line in rest) else None
    return None


def _counts_up(lines: list[str]) -> bool:
    marks: list[int] = []
    for line in lines:
        marks += [int(m) for m in _MARK.findall(line)]
        if len(marks) >= _MIN_MARKS:
            break
    return len(marks) >= _MIN_MARKS and marks == list(range(1, len(marks) + 1))


def undump(lines: list[str]) -> list[str]:
    """`lines` (a page's stripped lines) without a text browser's marks and link list, when the
    page is such a dump; else `lines` unchanged."""
    end = _link_list_at(lines)
    if end is None and not _counts_up(lines):
        return lines
    kept = []
    for line in lines[:end]:
        line = _BULLET.sub("", " ".join(_MARK.sub("", line).split()))
        if line and not _CONTROL.match(line):
            kept.append(line)
    return kept


# (a list's bullet, a Markdown heading's or quote's mark; not ● or ■, which head a paragraph)
# (a rule drawn in characters, * * *, keeps them all)
_LINE_MARK = re.compile(r"^(?:[*•·▪◦]|#{1,6}|>)\s+(?=\S)(?![-—–_~*·•\s]*$)")


def unmark(lines: list[str]) -> list[str]:
    """`lines` without the bullets and Markdown marks they start with."""
    return [_LINE_MARK.sub("", line) for line in lines]


# A page is wrapped when at least this many of its lines, and this share of its long ones, end
# within `_WRAP_SLACK` columns of the widest (at most `_MAX_WRAP` columns wide).
_MIN_WRAPPED = 3
_WRAPPED_SHARE = 0.3
_WRAP_SLACK = 3
_MAX_WRAP = 100
_MIN_WRAP = 40
_SENTENCE_END = ("。", "！", "？", "」", "”", "；", ".", "!", "?")


# Characters two columns wide (East Asian Wide and Fullwidth: CJK, kana, hangul, full-width
# forms and punctuation), as a terminal or a text browser draws them.
_WIDE = re.compile(
    "[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf"
    "\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]"
)


def _width(line: str) -> int:
    return len(line) + len(_WIDE.findall(line))


# (a line opening with the ideographic indent, two full-width spaces before a paragraph in
# Chinese typesetting, starts a paragraph: a text browser wraps the paragraph's later lines at
# its margin, never behind that indent)
_PARAGRAPH_INDENT = re.compile(r"^[ \t]*\u3000")


def _starts_paragraph(line: str) -> bool:
    return bool(_PARAGRAPH_INDENT.match(line))


def unwrap(text: str) -> str:
    """`text` with its paragraphs' wrapped lines joined, when it was wrapped at a fixed width
    (see the module docstring); else `text` unchanged."""
    lines = [line.rstrip() for line in text.splitlines()]
    if any(len(line) > _MAX_WRAP for line in lines):
        return text  # (a line wider than any wrap: most pages, at the cost of a length)
    widths = [_width(line) for line in lines]
    widest = _wrap_width(widths)
    if not _MIN_WRAP <= widest <= _MAX_WRAP:
        return text
    full = [w >= widest - _WRAP_SLACK for w in widths]
    long = sum(w > widest // 2 for w in widths)
    if sum(full) < _MIN_WRAPPED or sum(full) < _WRAPPED_SHARE * long:
        return text
    out: list[str] = []
    joining = False
    for line, is_full in zip(lines, full, strict=True):
        stripped = line.strip()
        if joining and stripped and not _starts_paragraph(line):
            before = out[-1]
            space = " " if before[-1:].isascii() and stripped[:1].isascii() else ""
            out[-1] = before + space + stripped
        else:
            out.append(line)
        # (a line ending a sentence ends no wrapped line worth joining: an unwrapped page's
        # paragraphs of the same length, each ending with 。, stay apart)
        joining = is_full and bool(stripped) and not stripped.endswith(_SENTENCE_END)
    return "\n".join(out)


# A byline's field label alone on its line, without its colon, and its value on the next line:
# a copy of a page whose fields stand as a card of label and value (发布日期 / 2024年3月5日,
# 来源 / X), as an HTML page's are read (`htmlpages._joined_labels`).
_BARE_FIELD_LABEL = re.compile(
    r"^(?:作者|作\s+者|来源|來源|信息来源|文章来源|发布日期|发布时间|发表日期|发表时间|分类)$"
)
# (a value: short, no sentence in it)
_FIELD_VALUE = re.compile(r"^[^。！？；]{1,30}$")


def join_bare_labels(lines: list[str]) -> list[str]:
    """`lines` with a bare field label joined to the short value on the next line (``来源`` /
    ``X`` → ``来源：X``), so that the rules read them as one field."""
    return _join_labels(lines, _BARE_FIELD_LABEL, "：")


def _join_labels(lines: list[str], label: re.Pattern[str], glue: str) -> list[str]:
    """`lines` with each line that `label` matches joined by `glue` to the short value on the
    next line (when that is no label itself)."""
    out: list[str] = []
    for line in lines:
        above = out[-1] if out else ""
        if label.match(above) and _FIELD_VALUE.match(line) and not label.match(line):
            out[-1] = f"{above}{glue}{line}"
        else:
            out.append(line)
    return out


# A bilingual site's field label, its English after the Chinese with a space and no slash
# (来源 Source：X, 发布时间 Release Date：, 撰稿 Author：): the Chinese label is the field's, as
# a reader reads it; the English would hide the label from the rules (来源 / Source： is read
# in `furniture.unspaced_labels`). Only after a short run of Chinese that starts the line or
# follows a space, so that a sentence's words are left alone.
_ENGLISH_AFTER_LABEL = re.compile(
    r"(?:^|(?<=\s))([\u3400-\u9fff]{2,6})[ \u3000]+[A-Z][A-Za-z]{1,12}(?: [A-Za-z]{2,12}){0,2}"
    r"\s*(?=[:：])"
)


def chinese_labels(lines: list[str]) -> list[str]:
    """`lines` with a bilingual label's English left out (来源 Source：X → 来源：X)."""
    return [
        _ENGLISH_AFTER_LABEL.sub(r"\1", line) if ":" in line or "：" in line else line
        for line in lines
    ]


# A field label with its colon alone on its line and its value on the next (a card of fields,
# ``<dt>发布时间：</dt><dd>2024.05.16</dd>``, or a copy of it): one field, as a reader reads
# it. (来源：, 作者：, 标签： alone are joined on HTML pages by `htmlpages._joined_labels`.)
_LONE_FIELD_LABEL = re.compile(
    r"^(?:发布时间|发布日期|发表时间|发表日期|更新时间|时间|日期|来源|來源|信息来源|文章来源|作者|撰稿"
    r"|浏览|浏览量|阅读|点击|点击数)\s*[:：]$"
)


def join_lone_field_labels(lines: list[str]) -> list[str]:
    """`lines` with a field label alone on its line, colon and all, joined to the short value
    on the next line (``发布时间：`` / ``2024.05.16`` → ``发布时间：2024.05.16``)."""
    return _join_labels(lines, _LONE_FIELD_LABEL, "")


# A meta line copied from a browser with the font-size buttons that sit at its end
# run onto it (2023年11月21日 週二　來源：X新聞稿字級：大中小): the buttons are a tool bar of
# their own, not part of the source's name, and the whole line would be dropped as one. The
# line is cut in two where the size label starts, run on to the value before it with no space
# (a space or a bracket before the label shows the copy kept them apart, and the line is read
# as before), when what comes before it is a meta line (a date or a field label: 来源, 作者,
# 记者, 编辑) and what follows is only the size buttons.
_GLUED_SIZE_BAR = re.compile(
    r"^(?P<meta>.*?[^\s【\[(（|｜])(?P<bar>字[级級号號体體](?:大小)?\s*[:：]?\s*"
    r"(?:[【\[]?\s*(?:大|中|小|A\s*[+＋]|A\s*[-－]|A)\s*[】\]]?\s*){2,})$"
)
_META_BEFORE_BAR = re.compile(
    r"(?:来源|來源|作者|记者|記者|编辑|編輯|责编|責編)\s*[:：]\s*\S"
    r"|\d{4}\s*年\s*\d{1,2}\s*月|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}"
)


def split_glued_size_bar(lines: list[str]) -> list[str]:
    """`lines` with a meta line's glued font-size buttons put on a line of their own
    (``來源：X字級：大中小`` → ``來源：X`` / ``字級：大中小``)."""
    out: list[str] = []
    for line in lines:
        match = _GLUED_SIZE_BAR.match(line)
        if match and _META_BEFORE_BAR.search(match["meta"]):
            out.extend((match["meta"], match["bar"].strip()))
        else:
            out.append(line)
    return out


# A browser's print view sent to a text printer (or saved as text): each printed page opens
# with the page's own header (its <title> on the left, 第 1 页，共 2 页 on the right) and closes
# with the footer (the page's address, the time of printing), and a form feed parts the pages.
# None of it is the article's, and the break cuts a paragraph in two: `unprint` takes the
# headers, the footers, the form feeds and the blank lines padding them out, so that the
# paragraph's halves meet again (and `unwrap` joins them like any other wrapped line).
_PRINT_HEADER = re.compile(
    r"^(?:.*\S[ \t\u3000]{2,})?第\s*\d{1,3}\s*页\s*[，,/]\s*共\s*\d{1,3}\s*页\s*$"
)
_PRINT_FOOTER = re.compile(
    r"^\s*(?:https?://\S+|file:\S+)\s+\d{4}[/-]\d{1,2}[/-]\d{1,2}\s+\d{1,2}:\d{2}(?::\d{2})?\s*$"
)


def _print_furniture(line: str) -> bool:
    return bool(_PRINT_HEADER.match(line) or _PRINT_FOOTER.match(line))


def unprint(text: str) -> str:
    """`text` without a print view's page headers, footers and form feeds; unchanged when it
    shows no page header (the 第 N 页，共 M 页 tells a print from a page that prints a URL)."""
    lines = text.replace("\f", "\n").splitlines()
    if not any(_PRINT_HEADER.match(line) for line in lines):
        return text
    marks = [_print_furniture(line) for line in lines]
    drop = list(marks)
    for i, marked in enumerate(marks):
        if not marked:
            continue
        # (the blank lines padding a printed page out to its footer, and after its header)
        for step in (-1, 1):
            j = i + step
            while 0 <= j < len(lines) and not lines[j].strip():
                drop[j] = True
                j += step
    kept: list[str] = []
    broken = False
    for line, dropped, marked in zip(lines, drop, marks, strict=True):
        if dropped:
            broken = broken or marked
            continue
        if broken and kept and _cut_by_break(kept[-1], line):
            before, after = kept[-1].rstrip(), line.strip()
            space = " " if before[-1:].isascii() and after[:1].isascii() else ""
            kept[-1] = before + space + after
        else:
            kept.append(line)
        broken = False
    return "\n".join(kept)


# (a paragraph cut by a page break: its first half a line of prose that ends no sentence, its
# second half opening without a paragraph's indent)
_MIN_CUT_LINE = 20


def _cut_by_break(before: str, after: str) -> bool:
    head = before.strip()
    return (
        len(head) >= _MIN_CUT_LINE
        and not head.endswith(_SENTENCE_END)
        and bool(after.strip())
        and not _starts_paragraph(after)
    )


_MAX_OVER_WRAP = 2
_MIN_WRAPPED_UNDER = 5


def _wrap_width(widths: list[int]) -> int:
    """The width a page was wrapped at: the widest that `_MIN_WRAPPED` lines reach (within
    `_WRAP_SLACK`), not the widest line. A site's top bar, printed on one line with its links
    spaced out to the right margin, or a table's header row runs wider than the paragraphs'
    wrap; it is one line, and the paragraphs' many lines still tell the margin."""
    ordered = sorted(widths, reverse=True)
    # (a line or two over the margin, no more: a page whose lines are of every width has none)
    # (and more lines at the margin then: a headline and its repeat are not a paragraph's wrap)
    for i, width in enumerate(ordered[: _MAX_OVER_WRAP + 1]):
        need = _MIN_WRAPPED if i == 0 else _MIN_WRAPPED_UNDER
        reach = ordered[i : i + need]
        if len(reach) == need and reach[-1] >= width - _WRAP_SLACK:
            return width
    return max(widths, default=0)
