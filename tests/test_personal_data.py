"""Personal data is hashed with a keyed hash at load; the plain values are stored nowhere."""

from __future__ import annotations

import hashlib
import hmac
from pathlib import Path

import duckdb

from orchestration.defs import settings
from orchestration.defs.ingest.contracts import Column, Table
from orchestration.defs.ingest.loader import RawLoader
from tests.conftest import write


def _expected(value: str) -> str:
    return hmac.new(settings.pii_hash_key().encode(), value.encode(), hashlib.sha256).hexdigest()


def test_emails_and_customer_ids_are_hashed(landing: Path, warehouse: Path, load, query):
    write(landing, "shopify/customer/c.csv", "id,created_at,email,accepts_marketing\n"
          "42,2026-01-01T10:00:00+03:30, Sara.Ahmadi@Example.com ,true\n"
          "43,2026-01-02T10:00:00Z,,false\n"
          "44,2099-01-02T10:00:00Z,leak@example.com,false\n")
    write(landing, "shopify/order/o.csv",
          "id,created_at,customer_id,email,currency,total_price,_fivetran_synced\n"
          "1001,2026-01-01T11:00:00+03:30,42,sara.ahmadi@example.com,USD,20.00,"
          "2026-01-02T00:00:00Z\n")
    assert load([("shopify", "customer"), ("shopify", "order")]).success
    assert query("select id, email from raw_shopify.customer order by created_at") == [
        (_expected("42"), _expected("sara.ahmadi@example.com")), (_expected("43"), None)]
    # the same person joins across tables
    assert query("select count(*) from raw_shopify.order o join raw_shopify.customer c "
                 "on o.customer_id = c.id and o.email = c.email") == [(1,)]
    # no plain email anywhere in the file, quarantine included
    with duckdb.connect(str(warehouse), read_only=True) as con:
        con.execute("export database '" + str(warehouse.parent / "dump") + "' (format csv)")
    dumped = "".join(p.read_text() for p in (warehouse.parent / "dump").glob("*.csv"))
    assert "@" not in dumped and "sara" not in dumped.lower() and "leak" not in dumped
    assert query("select row_number, column_name from raw_meta.quarantine") == [
        (3, "created_at")]


def test_a_different_key_gives_different_hashes(landing: Path, load, query, monkeypatch):
    write(landing, "surveys/csat/r.csv", "response_id,submitted_at,customer_ref,csat_score\n"
          "r1,2026-01-01T10:00:00Z,CUST-7,5\n")
    monkeypatch.setenv("PII_HASH_KEY", "another-secret")
    assert load([("surveys", "csat")]).success
    (stored,), = query("select customer_ref from raw_surveys.csat")
    assert stored == hmac.new(b"another-secret", b"CUST-7", hashlib.sha256).hexdigest()
    demo = hmac.new(settings.DEMO_PII_HASH_KEY.encode(), b"CUST-7", hashlib.sha256).hexdigest()
    assert stored != demo


def test_the_quarantine_keeps_personal_data_hashed_when_a_value_is_nulled(
    landing: Path, warehouse: Path, load, query
):
    # csat_score 9 is out of range: nulled, and the row (with its customer) recorded
    write(landing, "surveys/csat/r.csv", "response_id,submitted_at,customer_ref,csat_score\n"
          "r1,2026-01-01T10:00:00Z, CUST-9 ,9\n")
    assert load([("surveys", "csat")]).success
    (action, original, record), = query(
        "select action, original_value, raw_record::varchar from raw_meta.quarantine")
    assert (action, original) == ("value_nulled", "9")
    assert _expected("CUST-9") in record and "CUST-9" not in record


def test_an_original_value_of_a_personal_column_is_stored_hashed(
    landing: Path, warehouse: Path
):
    """No contract column with personal data has a rule a filled value can break today; the
    quarantine must still never keep such a value in plain text if one ever does."""
    table = Table("crm", "contacts", (
        Column("contact_id", required=True, not_null=True),
        Column("email", pii="email", pattern=r"^[^@]+@[^@]+\.[a-z]+$"),
    ), key=("contact_id",), description="test table", formats=("csv",))
    write(landing, "crm/contacts/c.csv", "contact_id,email\nc1,Sara.Ahmadi@example\n")
    with duckdb.connect(str(warehouse)) as con:
        outcome = RawLoader(con, landing, settings.pii_hash_key()).load_table(table)
        assert outcome.rows_quarantined == 1
        (column, original, reason, record), = con.execute(
            "select column_name, original_value, reason, raw_record::varchar "
            "from raw_meta.quarantine").fetchall()
    assert column == "email" and original == _expected("sara.ahmadi@example")
    assert "sara" not in (reason + record).lower()


PLANTED = ("Sara.Ahmadi@example.co.ir", "0912 345 6789", "۰۹۱۲۳۴۵۶۷۸۹", "+98 912-345-6789",
           "0012345678", "@sara_ahmadi")


def test_personal_data_inside_free_text_is_masked_everywhere(
    landing: Path, warehouse: Path, load, query
):
    """Emails, phone numbers (any digits), national ids and handles inside comments, mentions
    and survey answers are masked at load, in the raw tables and in the quarantine alike; the
    words around them are kept."""
    write(landing, "social_comments/comments/c.csv",
          "platform,comment_id,post_id,created_at,author_id,text\n"
          "instagram,1,10,2026-01-01T10:00:00Z,u1,\"سفارشم نرسید، شماره من 0912 345 6789\"\n"
          # a future timestamp: the row is quarantined with its text
          "instagram,2,10,2099-01-01T10:00:00Z,u2,ایمیلم Sara.Ahmadi@example.co.ir هست\n")
    write(landing, "listening/mentions/m.csv",
          "mention_id,platform,published_at,brand,text\n"
          "m1,x,2026-01-01T10:00:00Z,کافه نوا,\"@sara_ahmadi زنگ بزنید ۰۹۱۲۳۴۵۶۷۸۹\"\n")
    write(landing, "surveys/csat/r.csv",
          "response_id,submitted_at,customer_ref,csat_score,comment\n"
          "r1,2026-01-01T10:00:00Z,C1,2,\"call +98 912-345-6789, national id 0012345678\"\n")
    assert load([("social_comments", "comments"), ("listening", "mentions"),
                 ("surveys", "csat")]).success
    assert query("select text from raw_social_comments.comments") == [
        ("سفارشم نرسید، شماره من [phone]",)]
    assert query("select text from raw_listening.mentions") == [("@user زنگ بزنید [phone]",)]
    assert query("select comment from raw_surveys.csat") == [
        ("call [phone], national id [phone]",)]
    (record,), = query("select raw_record::varchar from raw_meta.quarantine")
    assert "[email]" in record
    with duckdb.connect(str(warehouse), read_only=True) as con:
        con.execute("export database '" + str(warehouse.parent / "dump") + "' (format csv)")
    dumped = "".join(p.read_text() for p in (warehouse.parent / "dump").glob("*.csv"))
    for value in PLANTED:
        assert value not in dumped and value.lower() not in dumped.lower(), value


def test_free_text_an_elt_tool_landed_is_masked_in_staging(tmp_path: Path) -> None:
    """Tables an ELT tool lands straight into a schema never pass the loader: staging masks
    their free text with the loader's own rules (generated into contract_text_masks())."""
    from orchestration.defs.ingest.contracts import TABLES_BY_KEY
    from orchestration.defs.ingest.warehouse_meta import ensure_raw_table
    from tests.conftest import run_dbt

    warehouse = tmp_path / "warehouse.duckdb"
    with duckdb.connect(str(warehouse)) as con:
        for key, column in ((("listening", "mentions"), "text"),
                            (("social_comments", "comments"), "text"),
                            (("surveys", "csat"), "comment")):
            table = TABLES_BY_KEY[key]
            ensure_raw_table(con, table)
            required = {c.name: "x1" for c in table.columns if c.required}
            values = {**required, column: "تماس: 0912 345 6789، Sara.Ahmadi@example.co.ir "
                                          "و @sara_ahmadi، کد ۰۰۱۲۳۴۵۶۷۸"}
            for c in table.columns:
                if c.name in values and c.type.startswith("TIMESTAMP"):
                    values[c.name] = "2026-01-01 10:00:00+00"
                elif c.name in values and c.name == "platform":
                    values[c.name] = "x"
            names = ", ".join(f'"{n}"' for n in values)
            marks = ", ".join("?" for _ in values)
            con.execute(f"insert into {table.qualified} ({names}) values ({marks})",
                        list(values.values()))
    run_dbt(warehouse, tmp_path / "target", "run", "--select", "stg_listening__mentions",
            "stg_social_comments__comments", "stg_surveys__csat_responses")
    with duckdb.connect(str(warehouse), read_only=True) as con:
        texts = [con.execute(f"select {column} from staging.{model}").fetchone()[0]
                 for model, column in (("stg_listening__mentions", "mention_text"),
                                       ("stg_social_comments__comments", "comment_text"),
                                       ("stg_surveys__csat_responses", "response_comment"))]
    assert texts == ["تماس: [phone]، [email] و @user، کد [phone]"] * 3


def _dump(warehouse: Path) -> str:
    target = warehouse.parent / "dump"
    with duckdb.connect(str(warehouse), read_only=True) as con:
        con.execute(f"export database '{target}' (format csv)")
    return "".join(p.read_text() for p in target.glob("*.csv"))


def test_no_plain_email_in_the_quarantine(landing: Path, warehouse: Path, load, query):
    """marketing.spend has no personal column, so the quarantine keeps raw lines of its
    malformed rows: an email in one, or in a value landed in the wrong column, is masked."""
    header = "date,channel,campaign,cost_category,amount,currency\n"
    write(landing, "marketing/spend/s.csv", header
          + "2026-01-01,x,c1,ads,5,USD,sara.ahmadi@example.com\n"  # one field too many
          + "Sara.Ahmadi@Example.com,x,c1,ads,5,USD\n"  # an email where the date belongs
          + "2026-01-02,x,c1,ads,5,USD\n")
    write(landing, "marketing/spend/s.jsonl",
          '{"date": "2026-01-03", "channel": "x", "note": "reza@example.org", \n'
          '{"date": "2026-01-04", "channel": "reza@example.org", "campaign": "c1", '
          '"cost_category": "ads", "amount": -1, "currency": "USD"}\n')
    assert load([("marketing", "spend")]).success
    rows = query("select source_file, row_number, reason, original_value, "
                 "raw_record::varchar from raw_meta.quarantine order by 1, 2")
    assert [(r[0].rsplit(".")[-1], r[1]) for r in rows] == [("csv", 1), ("csv", 2), ("jsonl", 1),
                                                  ("jsonl", 2)]
    assert "[email]" in rows[0][4] and "[email]" in rows[1][2] and rows[1][3] == "[email]"
    assert "[email]" in rows[2][4]
    dumped = _dump(warehouse).lower()
    assert "sara.ahmadi@" not in dumped and "reza@" not in dumped


def test_emails_in_ga4_page_urls_are_masked(landing: Path, warehouse: Path, load, query):
    """A real leak: a form posts to a URL with ?email=..., and GA4 records it as
    page_location (and the next page's page_referrer), plain or URL-encoded."""
    import json

    event = {
        "event_date": "20260301", "event_timestamp": 1772341200000000,
        "event_name": "page_view", "user_pseudo_id": "u1",
        "event_params": [
            {"key": "page_location", "value": {"string_value": (
                "https://shop.example/thanks?email=sara.ahmadi%40example.com&step=2")}},
            {"key": "page_referrer", "value": {"string_value": (
                "https://shop.example/signup?email=Sara.Ahmadi@Example.com")}},
            {"key": "ga_session_id", "value": {"int_value": 7}},
        ],
    }
    write(landing, "ga4/events/events_20260301.jsonl", json.dumps(event) + "\n")
    assert load([("ga4", "events")]).success
    assert query(
        "select [p.value.string_value for p in event_params if p.key like 'page_%'], "
        "[p.value.int_value for p in event_params if p.key = 'ga_session_id'][1] "
        "from raw_ga4.events") == [(["https://shop.example/thanks?email=[email]&step=2",
                                     "https://shop.example/signup?email=[email]"], 7)]
    assert "sara.ahmadi" not in _dump(warehouse).lower()


def test_planted_personal_data_survives_in_no_column_of_any_table(
    landing: Path, warehouse: Path, load, query
):
    """Every table of the contract gets two rows: every text-like column (text, JSON, nested)
    holds an email (plain and URL-encoded), its free-text columns a phone number and a
    national id as well, the other columns a 1 (first row) or the email too (second row).
    Whether a row loads or is quarantined, no planted value may be stored anywhere."""
    import json

    from orchestration.defs.ingest.contracts import TABLES

    email = "Sara.Ahmadi@example.co.ir and ?email=reza.karimi%40example.org"
    free = email + ", call 0912 345 6789, national id 0012345678"
    for table in TABLES:
        def text_like(column: Column) -> bool:
            return column.type in ("VARCHAR", "JSON") or column.type.startswith("STRUCT") or (
                column.type.endswith("]"))

        first = {c.name: free if c.pii == "text" else email if text_like(c) else "1"
                 for c in table.columns}
        second = {c.name: free if c.pii == "text" else email for c in table.columns}
        if "jsonl" in table.formats:
            write(landing, f"{table.source}/{table.name}/planted.jsonl",
                  json.dumps(first) + "\n" + json.dumps(second) + "\n")
        else:
            header = ",".join(table.column_names)
            rows = "\n".join(",".join(f'"{r[n]}"' for n in table.column_names)
                             for r in (first, second))
            write(landing, f"{table.source}/{table.name}/planted.csv", f"{header}\n{rows}\n")
    assert load().success
    # every file was read (none rejected): each row loaded or went to the quarantine
    assert query("select count(*), sum(rows_landed), count(*) filter (where status = "
                 "'rejected') from raw_meta.load_audit") == [(len(TABLES), 2 * len(TABLES), 0)]
    assert query("select count(distinct source || table_name) from raw_meta.quarantine") != [
        (0,)]
    dumped = _dump(warehouse).lower()
    for planted in ("sara.ahmadi@", "reza.karimi%40", "reza.karimi@", "0912 345 6789",
                    "0012345678"):
        assert planted not in dumped, planted
