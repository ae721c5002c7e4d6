"""The sentiment scorers' accuracy is measured on held-out labelled sets (tests/sentiment_eval,
written without reading the scorer), through the documented command, with a macro-F1 floor
per set that only rises."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from orchestration.conversations import evaluate_file

EVAL = Path(__file__).parent / "sentiment_eval"
FLOORS = {k: v for k, v in json.loads((EVAL / "floors.json").read_text()).items() if k != "_"}
HEADROOM = 0.03


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_the_command_passes_the_floor_and_prints_the_figures(name: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "orchestration.conversations", "sentiment-eval",
         str(EVAL / name), "--min-macro-f1", str(FLOORS[name])],
        capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "[overall]" in result.stdout and "macro_f1=" in result.stdout
    assert "gold \\ predicted" in result.stdout


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_the_floor_follows_the_figure(name: str) -> None:
    """A floor far below today's figure would let accuracy fall unnoticed: raise it."""
    figure = evaluate_file(EVAL / name).overall.macro_f1
    assert figure >= FLOORS[name]
    assert figure <= FLOORS[name] + HEADROOM, (
        f"{name}: macro-F1 {figure:.3f} is above its floor {FLOORS[name]} by more than "
        f"{HEADROOM}: raise the floor in floors.json and the figures in the README")


def test_the_command_fails_below_the_floor() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "orchestration.conversations", "sentiment-eval",
         str(EVAL / "fa_social.tsv"), "--min-macro-f1", "0.99"],
        capture_output=True, text=True, check=False,
    )
    assert result.returncode == 1
    assert "FAIL" in result.stdout + result.stderr
