"""The sentiment-eval command on a small hand-made file; figures computed by hand below."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from orchestration.conversations import evaluate_file

ROOT = Path(__file__).resolve().parents[1]

# gold labels; the predictions are what the rules give (stated per line):
FILE = """\
# a comment line, then a blank line

عالی بود\tpositive
افتضاح بود\tnegative
قیمتش چنده؟\tneutral
خوب بود\tnegative
I love this shop!\tpositive
The delivery was terrible.\tnegative
Is it in stock?\tpositive
😍😍\tpositive
"""
# predicted: pos, neg, neu, pos | pos, neg, neu | pos
# overall confusion (rows gold pos/neg/neu, columns predicted pos/neg/neu):
#   pos: 3 0 1   neg: 1 2 0   neu: 0 0 1     accuracy 6/8 = 0.750
#   F1 pos 2*3/(4+4) = .750, neg 2*2/(3+2) = .800, neu 2*1/(1+2) = .667 -> macro .739
# fa (4): pos 1 0 0 / neg 1 1 0 / neu 0 0 1; accuracy .750;
#   F1 pos 2/3, neg 2/3, neu 1 -> macro .778
# en (3): pos 1 0 1 / neg 0 1 0 / neu 0 0 0; accuracy .667; F1 pos 2/3, neg 1, neu 0 -> .556
# other (1): pos 1 0 0; accuracy 1; F1 pos 1, neg 0, neu 0 -> .333


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "orchestration.conversations", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture
def tsv(tmp_path: Path) -> Path:
    path = tmp_path / "labelled.tsv"
    path.write_text(FILE, encoding="utf-8")
    return path


def test_evaluate_file_figures_by_hand(tsv: Path):
    report = evaluate_file(tsv)
    assert report.overall.n == 8
    assert report.overall.accuracy == pytest.approx(0.75)
    assert report.overall.macro_f1 == pytest.approx((0.75 + 0.8 + 2 / 3) / 3)
    assert report.overall.confusion == ((3, 0, 1), (1, 2, 0), (0, 0, 1))
    assert list(report.by_language) == ["en", "fa", "other"]
    fa, en, other = (report.by_language[k] for k in ("fa", "en", "other"))
    assert (fa.n, fa.accuracy) == (4, pytest.approx(0.75))
    assert fa.macro_f1 == pytest.approx((2 / 3 + 2 / 3 + 1) / 3)
    assert fa.confusion == ((1, 0, 0), (1, 1, 0), (0, 0, 1))
    assert (en.n, en.accuracy, en.macro_f1) == (3, pytest.approx(2 / 3), pytest.approx(5 / 9))
    assert en.confusion == ((1, 0, 1), (0, 1, 0), (0, 0, 0))
    assert (other.n, other.accuracy, other.macro_f1) == (1, 1.0, pytest.approx(1 / 3))


def test_cli_prints_figures_per_language_and_overall(tsv: Path):
    result = run("sentiment-eval", str(tsv))
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "[fa] n=4 accuracy=0.750 macro_f1=0.778" in out
    assert "[en] n=3 accuracy=0.667 macro_f1=0.556" in out
    assert "[other] n=1 accuracy=1.000 macro_f1=0.333" in out
    assert "[overall] n=8 accuracy=0.750 macro_f1=0.739" in out
    overall = out[out.index("[overall]") :].splitlines()
    assert overall[1].split() == ["gold", "\\", "predicted", "positive", "negative", "neutral"]
    assert [line.split() for line in overall[2:5]] == [
        ["positive", "3", "0", "1"],
        ["negative", "1", "2", "0"],
        ["neutral", "0", "0", "1"],
    ]


def test_cli_floor_sets_the_exit_code(tsv: Path):
    passed = run("sentiment-eval", str(tsv), "--min-macro-f1", "0.70")
    assert passed.returncode == 0
    assert "OK: overall macro-F1 0.739 >= floor 0.700" in passed.stdout
    failed = run("sentiment-eval", str(tsv), "--min-macro-f1", "0.75")
    assert failed.returncode == 1
    assert "FAIL: overall macro-F1 0.739 is below the floor 0.750" in failed.stdout


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("no tab here", "expected text<TAB>label, found no tab"),
        ("خوب بود\tgood", "label 'good' is not one of positive, negative, neutral"),
        ("\tpositive", "the text is empty"),
    ],
)
def test_malformed_line_names_file_and_line(tmp_path: Path, line: str, message: str):
    path = tmp_path / "bad.tsv"
    path.write_text(f"# header\nعالی بود\tpositive\n{line}\n", encoding="utf-8")
    with pytest.raises(ValueError, match=message) as error:
        evaluate_file(path)
    assert f"{path}:3:" in str(error.value)
    result = run("sentiment-eval", str(path))
    assert result.returncode == 2
    assert f"{path}:3:" in result.stderr


def test_a_file_without_labelled_lines_is_an_error(tmp_path: Path):
    path = tmp_path / "empty.tsv"
    path.write_text("# nothing\n\n", encoding="utf-8")
    with pytest.raises(ValueError, match="no labelled lines"):
        evaluate_file(path)
