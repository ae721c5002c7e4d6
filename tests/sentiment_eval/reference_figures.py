"""Reference figures for README.md: the most-frequent-label floor and vaderSentiment alone.

Usage (project venv, which has vaderSentiment 3.3.2):
    cd tests/sentiment_eval && /work/main/.venv/bin/python reference_figures.py
Not the project's scorer (orchestration.conversations) and not collected by pytest.
"""

from collections import Counter

from measure_persian_sa import read, report
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

FILES = ("fa_social.tsv", "en_social.tsv", "en_vader_tweets.tsv")


def vader_label(analyzer: SentimentIntensityAnalyzer, text: str) -> str:
    compound = analyzer.polarity_scores(text)["compound"]
    if compound >= 0.05:
        return "positive"
    if compound <= -0.05:
        return "negative"
    return "neutral"


def main() -> None:
    analyzer = SentimentIntensityAnalyzer()
    for name in FILES:
        rows = read(name)
        majority = Counter(label for _, label in rows).most_common(1)[0][0]
        report(f"always {majority!r} on {name}", [(label, majority) for _, label in rows])
        pairs = [(label, vader_label(analyzer, text)) for text, label in rows]
        report(f"vaderSentiment alone on {name}", pairs)


if __name__ == "__main__":
    main()
