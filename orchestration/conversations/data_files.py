"""Reading the versioned data files under ``data/`` (TSV with ``#`` comment lines)."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

DATA_DIR = Path(__file__).parent / "data"
_VERSION = re.compile(r"_v(\d+)\.tsv$")


def data_version(name: str) -> str:
    """The version in a data file's name: ``fa_sentiment_lexicon_v1.tsv`` -> ``'1'``."""
    match = _VERSION.search(name)
    if match is None:
        raise ValueError(f"{DATA_DIR / name}: a data file name ends in _v<N>.tsv")
    return match.group(1)


@cache
def read_rows(name: str, min_fields: int = 1) -> tuple[tuple[str, ...], ...]:
    """Non-empty, non-comment lines of ``data/<name>`` split on tabs; a line with fewer than
    ``min_fields`` fields is an error naming the file and line."""
    path = DATA_DIR / name
    rows: list[tuple[str, ...]] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = tuple(f.strip() for f in line.split("\t"))
        if len(fields) < min_fields or not fields[0]:
            raise ValueError(
                f"{path}:{number}: expected at least {min_fields} tab-separated fields"
            )
        rows.append(fields)
    return tuple(rows)


def read_words(name: str) -> frozenset[str]:
    """A one-word-per-line list (stop words)."""
    return frozenset(row[0] for row in read_rows(name))


def parse_float(name: str, row: tuple[str, ...], index: int) -> float:
    try:
        return float(row[index])
    except ValueError:
        raise ValueError(f"{DATA_DIR / name}: {row[0]!r}: {row[index]!r} is not a number") from None
