"""audience_survey_summary against the landing files of the small sample: every expected
figure is computed here from the JSON-lines / CSV files with the standard library, never read
back from another warehouse table."""

from __future__ import annotations

import math
import statistics
from collections import Counter
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from tests.landing_files import csv_rows, jsonl_rows

MART = "marts.audience_survey_summary"
TEHRAN = ZoneInfo("Asia/Tehran")
DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")
PERSIAN = str.maketrans({"ي": "ی", "ك": "ک"})


def responses(landing) -> list[dict[str, Any]]:
    rows = jsonl_rows(landing, "surveys", "audience") + csv_rows(landing, "surveys", "audience")
    assert rows, "the small sample has audience responses"
    return rows


def items(value: Any) -> set[str]:
    """The distinct items of a `;` list, trimmed, Persian yeh/kaf normalised."""
    if value is None:
        return set()
    return {i.translate(PERSIAN).strip() for i in str(value).split(";")} - {""}


def knows(value: Any) -> bool | None:
    if value is None or value == "":
        return None
    return value if isinstance(value, bool) else str(value).strip().lower() == "true"


def minutes(value: Any) -> int | None:
    if value is None or str(value).strip() == "":
        return None
    return int(str(value).translate(DIGITS).strip())


def local_date(timestamp: str) -> date:
    moment = datetime.fromisoformat(timestamp.replace("Z", "+00:00")).astimezone(TEHRAN)
    return moment.date()


def mart_row(con, question: str, answer: str | None) -> dict[str, Any]:
    cursor = con.execute(
        f"select * from {MART} where question = ? and answer is not distinct from ?",
        [question, answer])
    names = [d[0] for d in cursor.description]
    found = cursor.fetchall()
    assert len(found) == 1, (question, answer, found)
    return dict(zip(names, found[0], strict=True))


def test_share_of_respondents_per_platform(pipeline):
    """Every platform (instagram among them when the sample names it): the share of the
    respondents who know social sites and named platforms, with its margin of error."""
    landing, con, _, _ = pipeline
    answered = [r for r in responses(landing)
                if knows(r["knows_social_sites"]) and items(r["platforms_used"])]
    n = len(answered)
    counts = Counter(p for r in answered for p in {i.lower() for i in items(r["platforms_used"])})
    assert counts, "the small sample has respondents naming platforms"
    published = {a for (a,) in con.execute(
        f"select answer from {MART} where question = 'platforms_used'").fetchall()}
    assert published == set(counts)
    for platform, count in counts.items():
        share = count / n
        row = mart_row(con, "platforms_used", platform)
        assert (row["respondents"], row["answer_count"]) == (n, count), platform
        assert math.isclose(row["answer_share"], share)
        assert math.isclose(row["margin_of_error_95"],
                            1.96 * math.sqrt(share * (1 - share) / n), abs_tol=1e-12)


def test_share_who_know_social_sites(pipeline):
    landing, con, _, _ = pipeline
    answers = [k for r in responses(landing) if (k := knows(r["knows_social_sites"])) is not None]
    row = mart_row(con, "knows_social_sites", "yes")
    assert (row["respondents"], row["answer_count"]) == (len(answers), sum(answers))
    assert math.isclose(row["answer_share"], sum(answers) / len(answers))


def test_median_and_quartiles_of_personal_minutes(pipeline):
    landing, con, _, _ = pipeline
    values = [m for r in responses(landing) if (m := minutes(r["minutes_personal"])) is not None]
    assert any(not str(r["minutes_personal"]).isascii() for r in responses(landing)), \
        "the sample writes some minutes in Persian digits"
    p25, median, p75 = statistics.quantiles(values, n=4, method="inclusive")
    row = mart_row(con, "minutes_personal", None)
    assert row["respondents"] == len(values)
    assert math.isclose(row["median_minutes"], statistics.median(values))
    assert math.isclose(row["median_minutes"], median)
    assert math.isclose(row["p25_minutes"], p25)
    assert math.isclose(row["p75_minutes"], p75)


def test_other_brands_are_normalised_counted_among_every_respondent_and_ranked(pipeline):
    landing, con, _, _ = pipeline
    rows = responses(landing)
    counts = Counter(b for r in rows for b in items(r["other_brands"]))
    expected = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    published = con.execute(
        f"select answer, answer_count, respondents, answer_rank from {MART} "
        "where question = 'other_brands' order by answer_rank").fetchall()
    assert [(a, c) for a, c, _, _ in published] == expected
    assert {n for _, _, n, _ in published} == {len(rows)}
    assert [rank for *_, rank in published] == list(range(1, len(expected) + 1))


def test_period_spans_the_local_submission_dates(pipeline):
    landing, con, _, _ = pipeline
    dates = [local_date(r["submitted_at"]) for r in responses(landing)]
    assert con.execute(
        f"select distinct period_start_date, period_end_date from {MART}").fetchall() == [
        (min(dates), max(dates))]
