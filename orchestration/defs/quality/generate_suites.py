"""Write the raw tables' suites (``expectations/raw/*.json``) from the landing contract.

``python -m orchestration.defs.quality.generate_suites`` rewrites them (hand-written
expectations kept); ``--check`` exits 1 when a committed file is out of date.
"""

from __future__ import annotations

import argparse
import sys

from orchestration.defs.quality.suites import RAW_DIR, expected_raw_files


def stale_files() -> list[str]:
    stale = []
    for path, text in expected_raw_files().items():
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            stale.append(str(path))
    known = set(expected_raw_files())
    stale += [str(p) for p in RAW_DIR.glob("*.json") if p not in known]
    return sorted(stale)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true",
                        help="fail when a committed suite differs from the contract")
    args = parser.parse_args(argv)
    if args.check:
        stale = stale_files()
        if stale:
            print("suites out of date (run python -m "
                  "orchestration.defs.quality.generate_suites):\n  " + "\n  ".join(stale))
            return 1
        return 0
    RAW_DIR.mkdir(parents=True, exist_ok=True)
    for path, text in expected_raw_files().items():
        path.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
