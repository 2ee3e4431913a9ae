"""A site's template, learned from its pages: the lines (or HTML blocks) that repeat.

Lines that occur on several pages of one source are the site's chrome: header, navigation,
footer, share bar, sidebar. Lines that repeat with a varying tail (``上一篇：…``, ``责任编辑：…``,
``未经允许不得转载：站名 » 标题``) are recognised by their shared label, the text before the first
``：``/``:``/``»``/``|`` when it is short. Learning counts each distinct line once per page, so it
is linear in the number of lines; it keeps one counter of lines, one of labels and one of pairs
of neighbouring prose lines.

A story published twice on one site (a repost, a wire story used on two pages) is no chrome
although its paragraphs repeat: prose lines that only some of the pages share, and that stand
in a run of prose which the same pages all share (line after line, as a story's paragraphs
do), are the story's.

Guarantee (a property test checks it): a line that occurs on one page only, and whose label
(if any) occurs on one page only, is never template.

Written by hand: the libraries that learn templates work on DOM trees of one site at a time;
saved text pages have no tree, and one count per line (and per pair of lines) is all this needs.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from xinwen.index.furniture import is_prose

# A line on this many pages (of a source of at least SMALL_SOURCE pages) is chrome; fewer pages
# in a source lower it to 2 (a site's chrome is on every page, an article's sentence on one).
MIN_PAGES = 3
SMALL_SOURCE = 6
# A long sentence repeated on a few pages is more likely an article reposted than chrome: it
# must also be on this share of the pages.
LONG_LINE_CHARS = 50
LONG_LINE_SHARE = 0.5
# A run of prose lines that some of the pages share line for line is a story they all print
# (a repost), not chrome, when it is on fewer than this share of the pages or on two only: a
# site's prose chrome (a copyright sentence, a reprint notice) is on nearly every page, and two
# pages of a small site sharing several sentences in order are one story twice.
REPOST_SHARE = 0.5
# A site name the markup of some pages gives is the others' too when this share of the names
# given agree.
SITE_NAME_SHARE = 0.8
# A label is the text before the first separator, at most this long.
MAX_LABEL_CHARS = 10
# Lines with a varying tail longer than this are not chrome (a sentence that starts "一是：").
MAX_LABELLED_CHARS = 80

_LABEL = re.compile(r"^([^:：»|｜]{1," + str(MAX_LABEL_CHARS) + r"}?)\s*[:：»|｜]")


def label_of(line: str) -> str | None:
    """The short label a line starts with (``上一篇`` in ``上一篇：标题``), or None."""
    match = _LABEL.match(line)
    return match[1].strip() or None if match else None


@dataclass
class SiteTemplate:
    """Counts of lines and labels over a source's pages; `rule` says why a line is chrome."""

    pages: int = 0
    lines: Counter[str] = field(default_factory=Counter)
    labels: Counter[str] = field(default_factory=Counter)
    # Pairs of neighbouring prose lines (line, next line), each counted once per page, and
    # each prose line's prose neighbours: a run of sentences that the same pages print in order.
    # (only prose: no other run is a repost's, and a site's menus make most pairs)
    pairs: Counter[tuple[str, str]] = field(default_factory=Counter)
    _neighbours: dict[str, set[str]] = field(default_factory=dict)
    _reposts: dict[str, bool] = field(default_factory=dict)
    # For each label, its first tail and whether a different one was seen.
    _first_tail: dict[str, str] = field(default_factory=dict)
    _varying: set[str] = field(default_factory=set)
    # The site names that pages' markup gives (``<title>``'s site part, og:site_name).
    names: Counter[str] = field(default_factory=Counter)
    # The names the pages' logos give (their alt text), and how many pages showed a logo.
    logos: Counter[str] = field(default_factory=Counter)

    @classmethod
    def learn(cls, pages: Iterable[Sequence[str]]) -> SiteTemplate:
        """Learn from pages given as their (stripped, non-empty) lines."""
        template = cls()
        for page in pages:
            template.add(page)
        return template

    def add(self, page: Sequence[str]) -> None:
        """Count one page's lines."""
        self.pages += 1
        distinct = set(page)
        self.lines.update(distinct)
        prose = {line for line in distinct if is_prose(line)}
        pairs = {pair for pair in itertools.pairwise(page) if prose.issuperset(pair)}
        self.pairs.update(pairs)
        for first, second in pairs:
            self._neighbours.setdefault(first, set()).add(second)
            self._neighbours.setdefault(second, set()).add(first)
        self._reposts.clear()
        labels: set[str] = set()
        for line in distinct:
            if (label := label_of(line)) is None:
                continue
            labels.add(label)
            tail = line[len(label) :]
            first = self._first_tail.setdefault(label, tail)
            if first != tail:
                self._varying.add(label)
        self.labels.update(labels)

    def add_name(self, name: str) -> None:
        """Count a site name one page's markup gives."""
        self.names[name] += 1

    def add_logo(self, name: str) -> None:
        """Count the name one page's logo gives."""
        self.logos[name] += 1

    @property
    def site_logo(self) -> str | None:
        """The name nearly all of the site's logos give, on two pages or more."""
        if not self.logos:
            return None
        name, count = self.logos.most_common(1)[0]
        return name if count >= 2 and count >= SITE_NAME_SHARE * sum(self.logos.values()) else None

    @property
    def site_name(self) -> str | None:
        """The site's name as its pages' markup gives it: on two pages or more, and the name
        of nearly all that name one (a folder of several sites' pages has no one name)."""
        if not self.names:
            return None
        name, count = self.names.most_common(1)[0]
        # (one page's markup is enough where another page credits its own text to the name,
        # 来源：X: a folder of text saves of a site with one saved web page among them)
        seen = count >= 2 or self._credited(name)
        agree = seen and count >= SITE_NAME_SHARE * sum(self.names.values())
        return name if agree else None

    @property
    def leading_name(self) -> str | None:
        """The name most of the pages' markup gives (on three pages or more, over half of the
        names given), where nearly all do not agree: a page that prints it too is the site's
        (a small site with one page's odd name, a folder of two sites has two leaders)."""
        if not self.names:
            return None
        name, count = self.names.most_common(1)[0]
        return name if count >= 3 and count > 0.5 * sum(self.names.values()) else None

    def _credited(self, name: str) -> bool:
        """A page's byline credits `name` as its source (来源：X)."""
        credit = re.compile(r"(?:^|\s)(?:来源|來源)\s*[:：]\s*" + re.escape(name) + r"(?:$|\s)")
        return any(credit.search(line) for line in self.lines)

    def varying_label(self, line: str) -> bool:
        """`line` starts with a label the pages give with different values (项目编号：…)."""
        label = label_of(line)
        return label is not None and label in self._varying

    @property
    def threshold(self) -> int:
        """Pages a line must be on to be chrome (never 1: one page teaches nothing)."""
        return MIN_PAGES if self.pages >= SMALL_SOURCE else 2

    def rule(self, line: str) -> str | None:
        """Why `line` is template chrome (shown by ``xinwen inspect``), or None."""
        if self.pages < 2:
            return None
        count = self.lines.get(line, 0)
        if count >= self.threshold and not self.reposted(line):
            long_sentence = len(line) >= LONG_LINE_CHARS and "。" in line
            if not long_sentence or count >= LONG_LINE_SHARE * self.pages:
                return f"template: on {count} pages"
        label = label_of(line)
        if (
            label is not None
            and label in self._varying
            and self.labels[label] >= self.threshold
            and len(line) <= MAX_LABELLED_CHARS
            and "。" not in line
        ):
            return f"template: '{label}…' on {self.labels[label]} pages"
        return None

    def reposted(self, line: str) -> bool:
        """`line` is a sentence of a story that some of the pages print (a repost): prose, on
        fewer pages than `REPOST_SHARE` of them (or on two only, not on all), next to another
        prose line that is on the same pages, on each of them."""
        count = self.lines.get(line, 0)
        if count < 2 or count >= self.pages:
            return False
        if count >= REPOST_SHARE * self.pages and count > 2:
            return False
        if (known := self._reposts.get(line)) is not None:
            return known
        # (the pair on `count` pages and the neighbour on as many: the same pages, in order)
        found = any(
            self.lines[other] == count
            and count in (self.pairs.get((line, other), 0), self.pairs.get((other, line), 0))
            for other in self._neighbours.get(line, ())
        )
        self._reposts[line] = found
        return found
