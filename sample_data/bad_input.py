"""--bad-input: extra files, beside the clean data, that exercise each kind of bad input.

Each file is listed in the ground truth under ``bad_input.files`` with the outcome a correct
loader produces: ``rows`` lists its quarantine entries, each with its ``action``
(``row_quarantined``: the whole row is kept out; ``value_nulled``: an impossible measure value
is nulled and the row loads). Row numbers are 1-based data rows (CSV header excluded; JSONL
line numbers). Rows that load (with any impossible measure nulled) use keys no clean row uses;
they are listed in ``bad_input.good_rows_added`` (the clean headline totals exclude them).
"""

from __future__ import annotations

import csv
import io
import json
from datetime import timedelta
from pathlib import Path
from typing import Any

from orchestration.defs.ingest.contracts import TABLES_BY_KEY

from .config import Period
from .textgen import arabic_variants


def _csv_text(header: list[str], rows: list[list[str]]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    w.writerows(rows)
    return buf.getvalue()


def _cols(source: str, table: str) -> list[str]:
    return list(TABLES_BY_KEY[(source, table)].column_names)


class _Manifest:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.files: list[dict[str, Any]] = []
        self.good: dict[str, list[dict[str, str]]] = {}

    def write(self, rel: str, data: bytes) -> None:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)

    def entry(self, kind: str, rel: str, table: str, outcome: str, **kw: Any) -> None:
        self.files.append({"kind": kind, "path": rel, "table": table, "outcome": outcome, **kw})

    def good_rows(self, table: str, header: list[str], rows: list[list[str]]) -> None:
        self.good.setdefault(table, []).extend(dict(zip(header, r, strict=True)) for r in rows)


def write_bad_input(root: Path, seed: int, period: Period) -> dict[str, Any]:
    m = _Manifest(root)
    day = (period.end - timedelta(days=1)).isoformat()
    _malformed(m, day)
    _wrong_types(m, period)
    _duplicates(m, period, seed)
    _missing_column(m, day)
    _extra_columns(m, day)
    _encoding(m, period, seed)
    _negative(m, period)
    _future(m, day)
    m.write("seo/backlinks/bad_empty.csv", b"")
    m.entry("empty_file", "seo/backlinks/bad_empty.csv", "seo.backlinks", "empty")
    _jsonl(m, period, seed)
    return {
        "files": m.files,
        "good_rows_added": {t: {"count": len(rows), "rows": rows} for t, rows in m.good.items()},
        "row_numbers": "1-based data rows: CSV header excluded; JSONL line number",
    }


def _malformed(m: _Manifest, day: str) -> None:
    header = _cols("marketing", "spend")
    good = [[day, "other", "bad-input-malformed", "tools", "10.00", "USD"],
            [day, "other", "bad-input-malformed", "agency", "20.00", "USD"],
            [day, "other", "bad-input-malformed", "ads", "30.00", "USD"]]
    lines = [",".join(header), ",".join(good[0]), f"{day},other,bad-input-malformed,ads",
             ",".join(good[1]), f"{day},other,bad-input-malformed,boosting,5.00,USD,extra,fields",
             ",".join(good[2])]
    text = "\n".join(lines) + "\n"
    rel = "marketing/spend/bad_malformed_rows.csv"
    m.write(rel, text.encode())
    m.entry("malformed_csv_rows", rel, "marketing.spend", "rows_quarantined",
            rows=[{"row": 2, "column": None, "reason": "4 fields, header has 6",
                   "action": "row_quarantined"},
                  {"row": 4, "column": None, "reason": "8 fields, header has 6",
                   "action": "row_quarantined"}], good_rows=3)
    m.good_rows("marketing.spend", header, good)


def _wrong_types(m: _Manifest, period: Period) -> None:
    header = _cols("social_accounts", "daily")
    d = [(period.start + timedelta(days=i)).isoformat() for i in range(4)]
    rows = [[d[0], "instagram", "bad-input-account", "100", "10", "1", "0", "5"],
            [d[1], "instagram", "bad-input-account", "abc", "10", "1", "0", "5"],
            [d[2], "instagram", "bad-input-account", "101", "10", "12.5", "0", "5"],
            ["2026-02-30", "instagram", "bad-input-account", "102", "10", "1", "0", "5"],
            [period.end.isoformat(), "instagram", "bad-input-account", "103", "10", "2", "0", "6"]]
    rel = "social_accounts/daily/bad_wrong_types.csv"
    m.write(rel, _csv_text(header, rows).encode())
    # followers and posts_published are measures: nulled, their rows load; a bad date is not
    m.entry("wrong_types", rel, "social_accounts.daily", "rows_quarantined",
            rows=[{"row": 2, "column": "followers", "reason": "'abc' is not a BIGINT",
                   "action": "value_nulled"},
                  {"row": 3, "column": "posts_published", "reason": "'12.5' is not a BIGINT",
                   "action": "value_nulled"},
                  {"row": 4, "column": "date", "reason": "'2026-02-30' is not a date",
                   "action": "row_quarantined"}],
            good_rows=4)
    m.good_rows("social_accounts.daily", header, [rows[0], rows[1], rows[2], rows[4]])


def _duplicates(m: _Manifest, period: Period, seed: int) -> None:
    header = _cols("surveys", "csat")
    ts = f"{(period.end - timedelta(days=2)).isoformat()}T10:15:00+03:30"
    rows = [[f"bad-dup-{seed}-1", ts, "cr-bad-1", "web", "5", "10", "عالی"],
            [f"bad-dup-{seed}-2", ts, "cr-bad-2", "web", "2", "3", "ارسال دیر شد"],
            [f"bad-dup-{seed}-3", ts, "cr-bad-3", "email", "4", "8", ""]]
    rel = "surveys/csat/bad_duplicate_rows.csv"
    m.write(rel, _csv_text(header, [*rows, rows[1]]).encode())
    m.entry("duplicate_rows", rel, "surveys.csat", "rows_quarantined",
            rows=[{"row": 4, "column": None, "reason": "exact duplicate of row 2",
                   "duplicate_of": 2, "action": "row_quarantined"}], good_rows=3)
    m.good_rows("surveys.csat", header, rows)


def _missing_column(m: _Manifest, day: str) -> None:
    header = [c for c in _cols("marketing", "time_log") if c != "hours"]
    values = {"date": day, "role": "designer", "channel": "instagram",
              "activity": "bad-input-missing-column", "hourly_cost": "2100000", "currency": "IRR"}
    rows = [[values.get(c, "") for c in header]]  # optional columns empty
    rel = "marketing/time_log/bad_missing_required_column.csv"
    m.write(rel, _csv_text(header, rows).encode())
    m.entry("missing_required_column", rel, "marketing.time_log", "rejected", column="hours")


def _extra_columns(m: _Manifest, day: str) -> None:
    header = _cols("seo", "backlinks")
    rows = [["navacoffee.ir", "bad-input.example", f"https://bad-input.example/p/{i}",
             "https://navacoffee.ir/", day, "", "true", "12.5"] for i in range(3)]
    extra = [[*r, "0.4", "imported from a second tool"] for r in rows]
    rel = "seo/backlinks/bad_unknown_extra_columns.csv"
    m.write(rel, _csv_text([*header, "spam_score", "notes"], extra).encode())
    m.entry("unknown_extra_columns", rel, "seo.backlinks", "loaded",
            ignored_columns=["spam_score", "notes"], good_rows=3)
    m.good_rows("seo.backlinks", header, rows)


def _encoding(m: _Manifest, period: Period, seed: int) -> None:
    header = _cols("surveys", "audience")
    ts = f"{(period.end - timedelta(days=3)).isoformat()}T12:00:00+03:30"
    rows = [[f"bad-enc-{seed}-1", ts, "true", "instagram", "60", "10", "تخفیف و آموزش",
             "قهوه دریچه"],
            [f"bad-enc-{seed}-2", ts, "false", "", "0", "0", "محتوای جدید", ""]]
    text = arabic_variants(_csv_text(header, rows))  # cp1256 has no Persian yeh (U+06CC)
    rel = "surveys/audience/bad_cp1256_encoding.csv"
    m.write(rel, text.encode("cp1256"))
    m.entry("non_utf8_encoding", rel, "surveys.audience", "encoding", encoding="cp1256",
            note="not valid UTF-8; a loader either rejects it or transcodes cp1256 (then its 2 "
                 "rows load); its rows are not in good_rows_added", rows_if_decoded=2)


def _negative(m: _Manifest, period: Period) -> None:
    header = [c for c in _cols("blog", "subscribers_daily") if c != "brand"]  # optional
    d = [(period.start + timedelta(days=i)).isoformat() for i in range(4)]
    rows = [[d[0], "bad-input-list", "50", "2", "1"], [d[1], "bad-input-list", "45", "-5", "0"],
            [d[2], "bad-input-list", "44", "0", "-1"], [d[3], "bad-input-list", "46", "2", "0"]]
    rel = "blog/subscribers_daily/bad_negative_counts.csv"
    m.write(rel, _csv_text(header, rows).encode())
    # counts are measures: the negative values are nulled and every row loads
    m.entry("negative_counts", rel, "blog.subscribers_daily", "values_nulled",
            rows=[{"row": 2, "column": "subscribed", "reason": "negative count",
                   "action": "value_nulled"},
                  {"row": 3, "column": "unsubscribed", "reason": "negative count",
                   "action": "value_nulled"}],
            good_rows=4)
    m.good_rows("blog.subscribers_daily", header, rows)


def _future(m: _Manifest, day: str) -> None:
    header = _cols("marketing", "spend")
    rows = [[day, "other", "bad-input-future", "tools", "11.00", "USD"],
            ["2099-01-01", "other", "bad-input-future", "ads", "12.00", "USD"],
            [day, "other", "bad-input-future", "ads", "13.00", "USD"]]
    rel = "marketing/spend/bad_future_dates.csv"
    m.write(rel, _csv_text(header, rows).encode())
    m.entry("future_dates", rel, "marketing.spend", "rows_quarantined",
            rows=[{"row": 2, "column": "date", "reason": "2099-01-01 is in the future",
                   "action": "row_quarantined"}],
            good_rows=2)
    m.good_rows("marketing.spend", header, [rows[0], rows[2]])


def _jsonl(m: _Manifest, period: Period, seed: int) -> None:
    cols = _cols("listening", "mentions")
    ts = f"{(period.end - timedelta(days=1)).isoformat()}T08:00:00Z"

    def row(i: int) -> dict[str, Any]:
        return {"mention_id": f"bad-json-{seed}-{i}", "platform": "forum", "published_at": ts,
                "brand": "کافه نوا", "author_id": "a-bad", "text": "کافه نوا خوب بود",
                "language": "fa", "url": f"https://forum.example/t/{i}", "reach_estimate": 10,
                "engagements": 1, "sentiment_label": None}

    good = [row(1), row(3)]
    lines = [json.dumps(good[0], ensure_ascii=False),
             '{"mention_id": "bad-json-broken", "platform": "forum", "brand": "کافه',
             json.dumps(good[1], ensure_ascii=False)]
    rel = "listening/mentions/bad_malformed_line.jsonl"
    m.write(rel, ("\n".join(lines) + "\n").encode())
    m.entry("malformed_json_line", rel, "listening.mentions", "rows_quarantined",
            rows=[{"row": 2, "column": None, "reason": "truncated JSON object",
                   "action": "row_quarantined"}], good_rows=2)
    m.good.setdefault("listening.mentions", []).extend(
        {c: g[c] for c in cols} for g in good)
