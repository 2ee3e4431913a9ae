"""An article's separate stories: a roundup (国内联播快讯, 国际联播快讯 and the like) holds
several unrelated items, each under a headline line of its own.

Ranking asks where a query's words stand story by story: in a roundup that has one word in one
item and the other in another, the words are not about one thing, however well BM25 scores
them. Items are told apart by their headlines — short lines with no sentence punctuation at the
end, followed by a longer paragraph — because that is how the corpus's roundups mark them and
there is no markup to read (bodies are plain paragraphs joined with ``\\n``). Hand-written: no
library splits plain-text news into items.
"""

from __future__ import annotations

import itertools
import re

HEADLINE_CHARS = 40  # a headline line is at most this long
MIN_STORIES = 2  # headlines an article needs to count as several stories
# A line ending like a sentence, a clause or an introduction (央视网消息（新闻联播）：) is text,
# not a headline; so is one ending in a closing quote after a sentence (……。”).
_SENTENCE_END = re.compile(r"(?:[。！？!?…；;：:，,、]|[。！？!?][”’」』）)]+)$")


def stories(body: str) -> list[str]:
    """The body cut at its item headlines (each story starts with its headline; the text
    before the first one is a story of its own), or ``[body]`` when it has fewer than
    ``MIN_STORIES`` headlines."""
    lines = body.split("\n")
    starts = [i for i in range(len(lines)) if _is_headline(lines, i)]
    if len(starts) < MIN_STORIES:
        return [body]
    cuts = [0, *starts] if starts[0] else starts
    cuts.append(len(lines))
    return ["\n".join(lines[a:b]) for a, b in itertools.pairwise(cuts) if a < b]


def _is_headline(lines: list[str], i: int) -> bool:
    line = lines[i].strip()
    if not 2 <= len(line) <= HEADLINE_CHARS or _SENTENCE_END.search(line):
        return False
    following = lines[i + 1].strip() if i + 1 < len(lines) else ""
    return len(following) > len(line)
