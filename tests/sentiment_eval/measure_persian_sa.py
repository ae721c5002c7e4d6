"""Measure the registry package persian-sa 0.2.5 on a labelled file (text<TAB>label).

Run it in a throwaway venv, never in the project's (see README.md, "Packages measured"):
    cd tests/sentiment_eval && /tmp/venv-psa37/bin/python measure_persian_sa.py fa_social.tsv
persian-sa answers only "Positive!" / "Negative!" (a binary SVM), mapped to positive / negative; it
never answers neutral. Metrics are computed here by hand (no scikit-learn metrics) over the three
labels: accuracy, macro-F1 (mean of per-label F1; F1 = 0 for a label never predicted), confusion
matrix; and the same on the rows labelled positive or negative only.
Not part of the project's code and not collected by pytest.
"""

import sys
from collections import Counter

LABELS = ("positive", "negative", "neutral")


def read(path):
    rows = []
    with open(path, encoding="utf-8") as handle:
        content = handle.read()
    for line in content.splitlines():
        if line and not line.startswith("#"):
            text, label = line.split("\t")
            rows.append((text, label))
    return rows


def report(title, pairs):
    n = len(pairs)
    confusion = Counter(pairs)
    f1s = []
    for label in LABELS:
        tp = confusion[(label, label)]
        gold = sum(v for (g, _), v in confusion.items() if g == label)
        pred = sum(v for (_, p), v in confusion.items() if p == label)
        if gold == 0:
            continue
        precision = tp / pred if pred else 0.0
        recall = tp / gold
        f1s.append(2 * precision * recall / (precision + recall) if tp else 0.0)
    accuracy = sum(v for (g, p), v in confusion.items() if g == p) / n
    print(f"{title}: n={n} accuracy={accuracy:.3f} macro-F1={sum(f1s) / len(f1s):.3f}")
    print("  gold \\ predicted " + " ".join(f"{p:>9}" for p in LABELS))
    for g in LABELS:
        if any(gg == g for gg, _ in pairs):
            print(f"  {g:>17} " + " ".join(f"{confusion[(g, p)]:>9}" for p in LABELS))


def main(path):
    from persian_sa.persian_sa import persian_sa  # loads the two bundled pickles on import

    rows = read(path)
    answers = {"Positive!": "positive", "Negative!": "negative"}
    pairs = [(label, answers[persian_sa.predict_sentiment(text)]) for text, label in rows]
    report("all rows", pairs)
    report("rows labelled positive or negative", [p for p in pairs if p[0] != "neutral"])


if __name__ == "__main__":
    main(sys.argv[1])
