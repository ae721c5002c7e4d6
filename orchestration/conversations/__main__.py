"""``python -m orchestration.conversations sentiment-eval FILE.tsv [--min-macro-f1 X]``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from orchestration.conversations.evaluate import evaluate_file


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m orchestration.conversations")
    commands = parser.add_subparsers(dest="command", required=True)
    evaluate = commands.add_parser(
        "sentiment-eval",
        help="score a labelled file (text<TAB>positive|negative|neutral per line)",
    )
    evaluate.add_argument("file", type=Path)
    evaluate.add_argument(
        "--min-macro-f1",
        type=float,
        default=None,
        help="exit 1 when the overall macro-F1 is below this floor",
    )
    args = parser.parse_args(argv)
    try:
        report = evaluate_file(args.file)
    except (OSError, ValueError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    print(report.format())
    floor = args.min_macro_f1
    if floor is not None:
        macro_f1 = report.overall.macro_f1
        if macro_f1 < floor:
            print(f"FAIL: overall macro-F1 {macro_f1:.3f} is below the floor {floor:.3f}")
            return 1
        print(f"OK: overall macro-F1 {macro_f1:.3f} >= floor {floor:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
