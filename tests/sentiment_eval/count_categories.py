"""Count labels per section and per surface feature of a labelled file (for LABELLING.md).

Usage: python tests/sentiment_eval/count_categories.py tests/sentiment_eval/fa_social.tsv
Sections are the "# section:" comment lines (the category a text was written for); features are
found by the patterns below and overlap (a text can have several). Not collected by pytest.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path

EMOJI = re.compile("[\U0001f300-\U0001faff\u2600-\u27bf\u2b50\ufe0f\u200d]")
NEGATION_FA = re.compile(
    r"(^|[\s،,])(نه(?=[\s،,.!؟]|$)|نمی|نمي|نیست|نبود|نداشت|نداره|ندارم|نکن|نکرد|نشد|نشده|نذاشتین"
    r"|نیومد|نیومده|نرسیده|نمیدن|نمیده|نخری|ننوشت|برنگردوند|ناراضی|هیچ|هيچ|اصلا|اصلاً|بدک)"
)
INTENSIFIER_FA = re.compile("خیلی|خيلي|خیی|واقعا|واقعاً|بسیار|کاملا|شدیدا|بی نهایت|اصلا یه")
FEATURES: dict[str, Callable[[str], bool]] = {
    "contains ZWNJ": lambda t: "\u200c" in t,
    "mi-/nemi- verb written without ZWNJ (joined or spaced)": lambda t: bool(
        re.search(r"(^|\s)ن?(می|مي)(?!\u200c|ز)(\s?)[\u0600-\u06ff]{2,}", t)
    ),
    "Arabic yeh/kaf (ي ك)": lambda t: bool(re.search("[\u064a\u0643]", t)),
    "Persian digits": lambda t: bool(re.search("[\u06f0-\u06f9]", t)),
    "Arabic-Indic digits": lambda t: bool(re.search("[\u0660-\u0669]", t)),
    "ASCII digits": lambda t: bool(re.search("[0-9]", t)),
    "emoji-only": lambda t: not EMOJI.sub("", t).strip(),
    "contains emoji": lambda t: bool(EMOJI.search(t)),
    "question mark (? or ؟)": lambda t: "?" in t or "؟" in t,
    "elongation (a letter 3+ times, or kashida)": lambda t: bool(re.search(r"(\w)\1\1|\u0640", t)),
    "diacritics": lambda t: bool(re.search("[\u064b-\u0652]", t)),
    "Latin-script words in Persian text": lambda t: (
        bool(re.search("[A-Za-z]", t)) and bool(re.search("[\u0600-\u06ff]", t))
    ),
    "Persian negation word": lambda t: bool(NEGATION_FA.search(t)),
    "Persian intensifier": lambda t: bool(INTENSIFIER_FA.search(t)),
    "all-capital English word": lambda t: bool(re.search(r"\b[A-Z]{3,}\b", t)),
}


def main(path: str) -> None:
    rows: list[tuple[str, str]] = []
    sections: dict[str, Counter[str]] = {}
    section = "(none)"
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if line.startswith("# section: "):
            section = line.removeprefix("# section: ").split(":")[0].split(" (")[0]
            sections[section] = Counter()
        elif line.strip() and not line.startswith("#"):
            text, label = line.split("\t")
            rows.append((text, label))
            sections.setdefault(section, Counter())[label] += 1

    def show(name: str, counts: Counter[str]) -> None:
        parts = ", ".join(f"{k} {counts[k]}" for k in ("negative", "positive", "neutral"))
        print(f"| {name} | {sum(counts.values())} | {parts} |")

    total = Counter(label for _, label in rows)
    show("all texts", total)
    for name, counts in sections.items():
        show(f"section: {name}", counts)
    for name, test in FEATURES.items():
        counts = Counter(label for text, label in rows if test(text))
        if counts:
            show(f"feature: {name}", counts)


if __name__ == "__main__":
    main(sys.argv[1])
