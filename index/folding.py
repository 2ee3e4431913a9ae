"""``index.analysis.fold``, computed faster where whole texts are folded outside the analysis
(the read side's re-ranking and highlights, the reindex's near-duplicate clusters): the same
result, exactly.

``fold`` maps each character through a table of about 2,900 entries (full-width forms, upper
case, compatibility characters) with ``str.translate``, converts traditional to simplified with
OpenCC, and does both once more (so that folding is idempotent). ``str.translate`` with a dict
looks every character up in Python: about 80 ns a character, most of ``fold``'s time on news text,
and a result page folds the text of dozens of articles (re-ranking, highlights).

Here the table lookups run only where a character that the table changes occurs: a regular
expression over the table's keys finds those (in C), and only they are replaced (the second
pass usually finds none). The OpenCC passes are ``index.analysis``'s own. Tests check that
``fold`` here equals ``index.analysis.fold``.
"""

from __future__ import annotations

import re
from functools import cache

from xinwen.index.analysis import _fold_table, _t2s


def _char_class(codepoints: list[int]) -> str:
    """A regular-expression character class body matching exactly ``codepoints``."""
    parts: list[str] = []
    ordered = sorted(codepoints)
    i = 0
    while i < len(ordered):
        j = i
        while j + 1 < len(ordered) and ordered[j + 1] == ordered[j] + 1:
            j += 1
        first, last = re.escape(chr(ordered[i])), re.escape(chr(ordered[j]))
        parts.append(first if i == j else f"{first}-{last}")
        i = j + 1
    return "".join(parts)


@cache
def _folder() -> tuple[re.Pattern[str], dict[str, str]]:
    table = _fold_table()
    by_char = {chr(cp): folded for cp, folded in table.items()}
    return re.compile(f"[{_char_class(list(table))}]"), by_char


def _translate(text: str) -> str:
    """``text.translate(_fold_table())``, replacing only the characters the table changes."""
    pattern, by_char = _folder()
    return pattern.sub(lambda m: by_char[m.group()], text)


def fold(text: str) -> str:
    """Fold width, case and script exactly as ``index.analysis.fold`` does (same length)."""
    if not text:
        return text
    folded = _t2s(_translate(text))
    return _t2s(_translate(folded))
