"""Scoring a labelled TSV file (``text<TAB>label``) and reporting accuracy and macro-F1."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from orchestration.conversations.scoring import LABELS, SCORER_VERSION, score_text


@dataclass(frozen=True)
class Metrics:
    """Figures for one group of texts. ``confusion[gold][predicted]`` in LABELS order."""

    n: int
    accuracy: float
    macro_f1: float
    confusion: tuple[tuple[int, ...], ...]

    @classmethod
    def of(cls, pairs: Iterable[tuple[str, str]]) -> Metrics:
        """Metrics of (gold, predicted) pairs. The F1 of a class is 0 when it has no true
        positive (also when it has neither gold nor predicted texts, as scikit-learn does);
        macro-F1 is the mean over the three classes."""
        index = {label: i for i, label in enumerate(LABELS)}
        matrix = [[0] * len(LABELS) for _ in LABELS]
        for gold, predicted in pairs:
            matrix[index[gold]][index[predicted]] += 1
        n = sum(map(sum, matrix))
        correct = sum(matrix[i][i] for i in range(len(LABELS)))
        f1s = []
        for i in range(len(LABELS)):
            true_positive = matrix[i][i]
            gold_total = sum(matrix[i])
            predicted_total = sum(row[i] for row in matrix)
            f1s.append(2 * true_positive / (gold_total + predicted_total) if true_positive else 0.0)
        return cls(
            n=n,
            accuracy=correct / n if n else 0.0,
            macro_f1=sum(f1s) / len(f1s),
            confusion=tuple(tuple(row) for row in matrix),
        )


@dataclass(frozen=True)
class EvaluationReport:
    path: Path
    scorer_version: str
    overall: Metrics
    by_language: dict[str, Metrics]  # detected language -> metrics, languages sorted

    def format(self) -> str:
        lines = [f"sentiment-eval {self.path}", f"scorer version: {self.scorer_version}"]
        groups = [*self.by_language.items(), ("overall", self.overall)]
        for name, metrics in groups:
            lines += ["", *_format_metrics(name, metrics)]
        return "\n".join(lines)


def _format_metrics(name: str, metrics: Metrics) -> list[str]:
    width = max(len(label) for label in LABELS) + 2
    header = "gold \\ predicted".ljust(18) + "".join(label.rjust(width) for label in LABELS)
    lines = [
        f"[{name}] n={metrics.n} accuracy={metrics.accuracy:.3f} macro_f1={metrics.macro_f1:.3f}",
        header,
    ]
    for label, row in zip(LABELS, metrics.confusion, strict=True):
        lines.append(label.ljust(18) + "".join(str(c).rjust(width) for c in row))
    return lines


def read_labelled(path: Path) -> list[tuple[str, str]]:
    """(text, label) pairs of a TSV; blank lines and lines starting with # are skipped; a
    malformed line is an error naming the file and line number."""
    rows: list[tuple[str, str]] = []
    lines = Path(path).read_text(encoding="utf-8-sig").splitlines()
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.startswith("#"):
            continue
        if "\t" not in line:
            raise ValueError(f"{path}:{number}: expected text<TAB>label, found no tab")
        text, label = line.rsplit("\t", 1)
        label = label.strip().lower()
        if not text.strip():
            raise ValueError(f"{path}:{number}: the text is empty")
        if label not in LABELS:
            raise ValueError(f"{path}:{number}: label {label!r} is not one of {', '.join(LABELS)}")
        rows.append((text, label))
    if not rows:
        raise ValueError(f"{path}: no labelled lines")
    return rows


def evaluate_file(path: Path | str) -> EvaluationReport:
    """Score every labelled text of ``path`` with ``score_text`` and measure the labels."""
    path = Path(path)
    scored = []
    for text, gold in read_labelled(path):
        result = score_text(text)
        scored.append((result.language, gold, result.label))
    languages = sorted({language for language, _, _ in scored})
    return EvaluationReport(
        path=path,
        scorer_version=SCORER_VERSION,
        overall=Metrics.of((gold, predicted) for _, gold, predicted in scored),
        by_language={
            language: Metrics.of((g, p) for lang, g, p in scored if lang == language)
            for language in languages
        },
    )
