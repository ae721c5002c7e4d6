"""Convert VADER's human-rated tweets into en_vader_tweets.tsv (text<TAB>label).

Source: vaderSentiment 3.3.2 source distribution,
additional_resources/hutto_ICWSM_2014/tweets_GroundTruth.txt (id<TAB>mean rating -4..4<TAB>text).
Rule (LABELLING.md, rule 14): mean >= 0.5 positive, mean <= -0.5 negative, otherwise neutral.
Texts: HTML entities decoded, tabs / line breaks replaced by one space, outer spaces stripped.
Tweets whose text starts with '#' are left out: the file format reserves such lines for comments.

Usage: python tests/sentiment_eval/convert_vader_tweets.py tweets_GroundTruth.txt OUT.tsv
Not part of the project's code and not collected by pytest; kept to make the file reproducible.
"""

from __future__ import annotations

import html
import re
import sys
from pathlib import Path

HEADER = """\
# en_vader_tweets.tsv: the 4,200 English tweets rated by humans in Hutto & Gilbert (2014),
# "VADER: A Parsimonious Rule-based Model for Sentiment Analysis of Social Media Text", ICWSM-14,
# shipped in the vaderSentiment 3.3.2 source distribution
# (additional_resources/hutto_ICWSM_2014/tweets_GroundTruth.txt), MIT licence,
# Copyright (c) 2016 C.J. Hutto (licence notice in tests/sentiment_eval/README.md).
# Label from the mean human rating (-4..4): >= 0.5 positive, <= -0.5 negative, otherwise neutral.
# CAUTION: VADER's rules were developed on tweets of this corpus (its authors derived them from
# tweets sampled the same way, and 200 of these 4,200 were written to test them), so VADER's figure
# here is optimistic; en_social.tsv is the fairer English figure.
# Converted by convert_vader_tweets.py ({omitted} tweets starting with '#' left out).
"""


def label(mean: float) -> str:
    if mean >= 0.5:
        return "positive"
    if mean <= -0.5:
        return "negative"
    return "neutral"


def convert(source: Path, target: Path) -> tuple[int, list[str]]:
    rows: list[str] = []
    omitted: list[str] = []
    for number, line in enumerate(source.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        parts = line.split("\t", 2)
        if len(parts) != 3:
            raise ValueError(f"{source}: line {number}: expected id<TAB>rating<TAB>text")
        tweet_id, rating, raw_text = parts
        text = re.sub(r"\s+", " ", html.unescape(raw_text)).strip()
        if text.startswith("#"):
            omitted.append(tweet_id)
            continue
        rows.append(f"{text}\t{label(float(rating))}")
    target.write_text(
        HEADER.format(omitted=len(omitted)) + "\n".join(rows) + "\n", encoding="utf-8"
    )
    return len(rows), omitted


if __name__ == "__main__":
    written, left_out = convert(Path(sys.argv[1]), Path(sys.argv[2]))
    print(f"{written} rows written; {len(left_out)} left out (start with '#'): ids {left_out}")
