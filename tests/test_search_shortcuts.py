"""The read side's faster paths give exactly the answers of the plain ones they replace."""

from __future__ import annotations

import json
from itertools import combinations

from hypothesis import given, settings
from hypothesis import strategies as st

from index import analysis
from search.dedupe import THRESHOLD, near_duplicates, shingles, similarity
from search.folding import fold
from tests.conftest import DEMO

# Characters the folding table changes (full-width, upper case, compatibility forms),
# traditional characters OpenCC converts (also in phrases: 乾隆 stays, 乾燥 does not), and
# plain simplified text.
_FOLDABLE = "ＡＢＣａｂｃ１２３，。：（）ABCXYZ\u3000\u00a0ﬁ㈠①Ⅻ"
_TRADITIONAL = "綠色供應鏈國際聯播發展乾隆乾燥後來頭髮電腦網絡軟體臺灣"
_PLAIN = "特高压输电新冠肺炎疫情光伏储能 abc 2024 -_/.%"


def _demo_texts() -> list[str]:
    texts = []
    for path in sorted(DEMO.rglob("*")):
        if path.suffix in (".jsonl", ".json", ".txt", ".csv") and path.is_file():
            texts.append(path.read_text(encoding="utf-8", errors="replace"))
    return texts


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(_FOLDABLE + _TRADITIONAL + _PLAIN), max_size=60))
def test_fold_equals_the_index_fold_on_mixed_text(text: str) -> None:
    assert fold(text) == analysis.fold(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40))
def test_fold_equals_the_index_fold_on_any_text(text: str) -> None:
    assert fold(text) == analysis.fold(text)


def test_fold_equals_the_index_fold_on_the_demo_corpus() -> None:
    texts = _demo_texts()
    assert texts
    for text in texts:
        for line in text.splitlines():
            assert fold(line) == analysis.fold(line)


def _demo_signatures() -> list[frozenset[str]]:
    sigs = []
    for path in sorted(DEMO.rglob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                rec = json.loads(line)
                sigs.append(shingles(str(rec.get("title", "")), str(rec.get("body", ""))))
    return sigs


def test_near_duplicates_agrees_with_the_jaccard_similarity() -> None:
    sigs = _demo_signatures()
    assert len(sigs) > 20
    for a, b in combinations(sigs, 2):
        assert near_duplicates(a, b) == (similarity(a, b) >= THRESHOLD)
        assert similarity(a, b) == (len(a & b) / len(a | b) if a and b else 0.0)
    # Sizes at and around the bound: 3 of 5 shared is exactly 0.6.
    five = frozenset("abcde")
    for other in (frozenset("abc"), frozenset("abx"), frozenset("abcdefgh"), frozenset()):
        assert near_duplicates(five, other) == (similarity(five, other) >= THRESHOLD)
    assert near_duplicates(frozenset("abc"), five)
