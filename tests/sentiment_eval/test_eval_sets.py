"""The evaluation sets stay well-formed: one tab, a known label, no duplicates, the agreed sizes."""

from collections import Counter
from pathlib import Path

import pytest

HERE = Path(__file__).parent
LABELS = {"positive", "negative", "neutral"}
# file -> minimum number of texts (issue 9: at least 300 Persian; brief: 320 / 120)
SETS = {"fa_social.tsv": 320, "en_social.tsv": 120, "en_vader_tweets.tsv": 4000}


def rows(name: str) -> list[tuple[int, str, str]]:
    found = []
    lines = (HERE / name).read_text(encoding="utf-8").split("\n")
    assert lines[0].startswith("#"), f"{name}: no header comment"
    assert lines[-1] == "", f"{name}: no final newline"
    for number, line in enumerate(lines[:-1], 1):
        if line.startswith("#"):
            continue
        parts = line.split("\t")
        assert len(parts) == 2, f"{name}: line {number}: expected text<TAB>label"
        text, label = parts
        assert text == text.strip() and text, f"{name}: line {number}: empty or padded text"
        assert label in LABELS, f"{name}: line {number}: label {label!r}"
        found.append((number, text, label))
    return found


@pytest.mark.parametrize("name", sorted(SETS))
def test_set_is_well_formed(name: str) -> None:
    found = rows(name)
    assert len(found) >= SETS[name]
    assert {label for _, _, label in found} == LABELS


@pytest.mark.parametrize("name", ["fa_social.tsv", "en_social.tsv"])
def test_own_sets_have_distinct_texts_and_the_agreed_balance(name: str) -> None:
    found = rows(name)
    repeated = [t for t, n in Counter(t for _, t, _ in found).items() if n > 1]
    assert not repeated, f"{name}: repeated texts {repeated}"
    share = Counter(label for _, _, label in found)
    total = len(found)
    # rough balance agreed in the brief: ~40% negative, ~35% positive, ~25% neutral
    assert 0.35 <= share["negative"] / total <= 0.50
    assert 0.28 <= share["positive"] / total <= 0.40
    assert 0.20 <= share["neutral"] / total <= 0.30
