"""Near-duplicate collapsing: the same story reposted with small edits becomes one hit.

Two articles are near-duplicates when the Jaccard similarity of their character 4-gram sets
(over title and the start of the body, folded) reaches ``THRESHOLD``. Candidates are compared
with the hits kept so far, in rank order, so the best-ranked copy represents its group.
"""

from __future__ import annotations

from collections.abc import Sequence

from search.folding import fold

SHINGLE = 4
THRESHOLD = 0.6
PREFIX_CHARS = 1500  # long enough to see a story, short enough to stay cheap


def shingles(title: str, body: str) -> frozenset[str]:
    """The set of character 4-grams of an article's title and the start of its body."""
    text = fold((title + "\n" + body[:PREFIX_CHARS]).replace(" ", ""))
    if len(text) <= SHINGLE:
        return frozenset([text])
    return frozenset({text[i : i + SHINGLE] for i in range(len(text) - SHINGLE + 1)})


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """Jaccard similarity of two shingle sets."""
    if not a or not b:
        return 0.0
    shared = len(a & b)
    return shared / (len(a) + len(b) - shared)  # |a ∪ b| without building the union


def near_duplicates(a: frozenset[str], b: frozenset[str], threshold: float = THRESHOLD) -> bool:
    """Whether ``similarity(a, b) >= threshold``, without intersecting sets whose sizes alone
    rule it out (the Jaccard similarity is at most ``min(|a|, |b|) / max(|a|, |b|)``)."""
    small, large = sorted((len(a), len(b)))
    # Only sizes clearly below the bound are ruled out; anything near it is computed.
    if small < (threshold - 1e-9) * large:
        return False
    return similarity(a, b) >= threshold


def collapse(signatures: Sequence[frozenset[str]]) -> list[list[int]]:
    """Group indexes of ``signatures`` (in rank order): each group's first is its representative."""
    groups: list[list[int]] = []
    for i, sig in enumerate(signatures):
        for group in groups:
            if near_duplicates(signatures[group[0]], sig):
                group.append(i)
                break
        else:
            groups.append([i])
    return groups
