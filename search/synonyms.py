"""Synonyms and abbreviations, applied on the query side.

A query word that belongs to a group also finds the group's other words (光伏 → 太阳能发电),
with less weight than the word typed: they are ORed into the word's unit, so an article with
only the synonym is found and ranks below a comparable article with the typed word. Quoted
phrases and excluded words are never expanded.

The file format (``search/dicts/synonyms.txt`` ships; ``--synonyms FILE`` replaces it)::

    # a comment
    光伏 太阳能发电 光伏发电          every word finds the others
    两会 => 全国两会                  one way: 两会 finds 全国两会, not the other way round

Words are separated by spaces; a word may be several jieba words (it is then matched as a
phrase: its characters together). Folding applies (traditional and full-width forms are the
same word). An empty file turns synonyms off.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

from xinwen.index.settings import SYNONYMS
from xinwen.search.folding import fold

BUILT_IN = "built-in"  # the setting's value for the shipped file
NONE = SYNONYMS.default  # the setting's value for no synonyms (the default)
SHIPPED = "synonyms.txt"
ARROW = "=>"


@dataclass(frozen=True)
class Synonyms:
    """Each word (folded) with the words it also finds."""

    alternatives: dict[str, tuple[str, ...]] = field(default_factory=dict)
    longest: int = 0  # the most jieba words a key may span (see `spans`)

    def __bool__(self) -> bool:
        return bool(self.alternatives)

    def spans(self, words: Sequence[str]) -> list[tuple[int, int, tuple[str, ...]]]:
        """Runs ``words[i:j]`` that join to a word with synonyms, longest first from the left,
        with the synonyms: a typed 国家发改委 that jieba cut into 国家 + 发改委 is still one
        word here."""
        found = []
        i = 0
        while i < len(words):
            for j in range(min(len(words), i + self.longest), i, -1):
                alts = self.alternatives.get("".join(words[i:j]))
                if alts:
                    found.append((i, j, alts))
                    i = j
                    break
            else:
                i += 1
        return found


def parse_synonyms(text: str, source: str = "synonyms") -> Synonyms:
    """Read the synonym format; a malformed line raises ValueError naming it."""
    table: dict[str, dict[str, None]] = {}
    for n, raw in enumerate(text.splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if ARROW in line:
            left, _, right = line.partition(ARROW)
            keys, alts = _words(left), _words(right)
            if not keys or not alts or ARROW in right:
                raise ValueError(f"{source}:{n}: expected `word => other words`")
        else:
            keys = alts = _words(line)
            if len(keys) < 2:
                raise ValueError(f"{source}:{n}: a group needs at least two words")
        for key in keys:
            found = table.setdefault(key, {})
            found.update((a, None) for a in alts if a != key)
    alternatives = {k: tuple(v) for k, v in table.items() if v}
    return Synonyms(alternatives, _longest(alternatives))


def _words(text: str) -> list[str]:
    return list(dict.fromkeys(fold(w) for w in text.split()))


def _longest(alternatives: dict[str, tuple[str, ...]]) -> int:
    # How many jieba words a key may span: at most one per character.
    return max((len(k) for k in alternatives), default=0)


@cache
def shipped() -> Synonyms:
    """The synonyms that ship with xinwen (news and the energy industry)."""
    text = resources.files("xinwen.search").joinpath("dicts", SHIPPED).read_text(encoding="utf-8")
    return parse_synonyms(text, f"search/dicts/{SHIPPED}")


def load_synonyms(value: str | os.PathLike[str] | None = None) -> Synonyms:
    """The synonyms named by a setting's value: ``none`` (or None) for none, ``built-in`` for
    the shipped file, else a file of one's own. A clear ValueError when it cannot be read."""
    if value is None or str(value) == NONE:
        return Synonyms()
    if str(value) == BUILT_IN:
        return shipped()
    path = Path(value)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ValueError(f"no such synonyms file: {path}") from None
    except UnicodeDecodeError:
        raise ValueError(f"the synonyms file {path} is not UTF-8 text") from None
    except OSError as exc:
        raise ValueError(f"cannot read the synonyms file {path}: {exc.strerror}") from None
    return parse_synonyms(text, str(path))
