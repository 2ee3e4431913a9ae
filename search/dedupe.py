"""Near-duplicate collapsing: the same story reposted with small edits becomes one hit.

Two articles are near-duplicates when the Jaccard similarity of their character 4-gram sets
(over title and the start of the body, folded) reaches ``THRESHOLD``. Candidates are compared
with the hits kept so far, in rank order, so the best-ranked copy represents its group.
"""

from __future__ import annotations

from collections.abc import Sequence

from index.analysis import fold

SHINGLE = 4
THRESHOLD = 0.6
PREFIX_CHARS = 1500  # long enough to see a story, short enough to stay cheap


def shingles(title: str, body: str) -> frozenset[str]:
    """The set of character 4-grams of an article's title and the start of its body."""
    text = fold((title + "\n" + body[:PREFIX_CHARS]).replace(" ", ""))
    if len(text) <= SHINGLE:
        return frozenset([text])
    return frozenset(text[i : i + SHINGLE] for i in range(len(text) - SHINGLE + 1))


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """Jaccard similarity of two shingle sets."""
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def collapse(signatures: Sequence[frozenset[str]]) -> list[list[int]]:
    """Group indexes of ``signatures`` (in rank order): each group's first is its representative."""
    groups: list[list[int]] = []
    for i, sig in enumerate(signatures):
        for group in groups:
            if similarity(signatures[group[0]], sig) >= THRESHOLD:
                group.append(i)
                break
        else:
            groups.append([i])
    return groups
