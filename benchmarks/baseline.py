"""The baseline: the headline figures computed by the most direct plain DuckDB SQL over the
landing files (no dbt, no Dagster, no tests), with the pipeline's DuckDB settings.

    python -m benchmarks.baseline LANDING OUT.json

- sessions per day: distinct (user_pseudo_id, ga_session_id) of the GA4 events (JSON lines
  and Parquet files alike), on the business-local date of the session's first event (the
  warehouse's ``session_start_date``); events without a ga_session_id belong to no session.
- net revenue per day: the latest version of each Shopify order (by ``_fivetran_synced``),
  cancelled orders left out, on the business-local date of ``created_at``: total_price at the
  FX rate of the order's UTC date minus its refunds' line subtotals at the FX rate of each
  refund's UTC date (the last rate on or before that date; the reporting currency is 1).
  That is ``kpi_tier_3_daily.net_revenue``'s definition (metric catalog).
- followers per day: the sum of the own accounts' followers in ``social_accounts/daily``.

Writes the figures and the seconds each query took to OUT.json.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path
from typing import Any

import duckdb

from orchestration.defs import settings

REPORTING_CURRENCY = "USD"  # the dbt var reporting_currency's default

_GA4_COLUMNS = (
    "{'event_timestamp': 'BIGINT', 'user_pseudo_id': 'VARCHAR', 'event_params': "
    "'STRUCT(key VARCHAR, value STRUCT(string_value VARCHAR, int_value BIGINT, "
    "float_value DOUBLE, double_value DOUBLE))[]'}"
)


def _sql_string(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _glob(landing: Path, table: str, ext: str) -> str | None:
    folder = landing / table
    if not any(folder.glob(f"*.{ext}")):
        return None
    return _sql_string(str(folder / f"*.{ext}"))


def ga4_events_sql(landing: Path) -> str:
    parts = []
    jsonl = _glob(landing, "ga4/events", "jsonl")
    if jsonl:
        parts.append("select event_timestamp, user_pseudo_id, event_params from read_json("
                     f"{jsonl}, format = 'newline_delimited', columns = {_GA4_COLUMNS})")
    parquet = _glob(landing, "ga4/events", "parquet")
    if parquet:
        parts.append("select event_timestamp, user_pseudo_id, event_params "
                     f"from read_parquet({parquet}, union_by_name = true)")
    if not parts:
        raise FileNotFoundError(f"no GA4 event files under {landing / 'ga4/events'}")
    return " union all ".join(parts)


def sessions_per_day_sql(landing: Path, tz: str) -> str:
    return f"""
        with events as ({ga4_events_sql(landing)}),
        keyed as (
            select
                user_pseudo_id,
                coalesce(
                    list_filter(event_params, lambda p: p.key = 'ga_session_id')[1]
                        .value.int_value,
                    try_cast(list_filter(event_params, lambda p: p.key = 'ga_session_id')[1]
                        .value.string_value as bigint)) as ga_session_id,
                event_timestamp
            from events
        ),
        sessions as (
            select user_pseudo_id, ga_session_id, min(event_timestamp) as first_event
            from keyed
            where ga_session_id is not null
            group by user_pseudo_id, ga_session_id
        )
        select cast(timezone({_sql_string(tz)}, make_timestamptz(first_event)) as date) as day,
               count(*) as sessions
        from sessions
        group by day
        order by day
    """


def _csv(landing: Path, table: str) -> str:
    glob = _glob(landing, table, "csv")
    if glob is None:
        raise FileNotFoundError(f"no CSV files under {landing / table}")
    return f"read_csv({glob}, union_by_name = true, all_varchar = true)"


def net_revenue_per_day_sql(landing: Path, tz: str) -> str:
    return f"""
        with orders as (
            select id, currency, cast(total_price as decimal(38, 4)) as total_price,
                   cast(created_at as timestamptz) as created_at,
                   nullif(cancelled_at, '') as cancelled_at
            from {_csv(landing, 'shopify/order')}
            qualify row_number() over (
                partition by id order by cast(_fivetran_synced as timestamptz) desc) = 1
        ),
        kept as (
            select *, cast(timezone('UTC', created_at) as date) as utc_date
            from orders where cancelled_at is null
        ),
        fx as (
            select upper(currency) as currency, cast(date as date) as rate_date,
                   avg(cast(rate_to_reporting_currency as double)) as rate
            from {_csv(landing, 'marketing/fx_rates')}
            group by all
        ),
        refunds as (
            select r.order_id, cast(timezone('UTC', cast(r.created_at as timestamptz)) as date)
                       as utc_date,
                   sum(cast(l.subtotal as decimal(38, 4))) as amount
            from {_csv(landing, 'shopify/refund')} as r
            join {_csv(landing, 'shopify/order_line_refund')} as l on l.refund_id = r.id
            group by all
        ),
        gross as (
            select k.id, k.created_at,
                   k.total_price * case when k.currency = '{REPORTING_CURRENCY}' then 1
                                        else fx.rate end as amount
            from kept as k
            asof left join fx on fx.currency = k.currency and fx.rate_date <= k.utc_date
        ),
        refunded as (
            select k.id,
                   sum(refunds.amount * case when k.currency = '{REPORTING_CURRENCY}' then 1
                                             else fx.rate end) as amount
            from refunds
            join kept as k on k.id = refunds.order_id
            asof left join fx on fx.currency = k.currency and fx.rate_date <= refunds.utc_date
            group by k.id
        )
        select cast(timezone({_sql_string(tz)}, gross.created_at) as date) as day,
               round(sum(gross.amount - coalesce(refunded.amount, 0)), 2) as net_revenue
        from gross
        left join refunded on refunded.id = gross.id
        group by day
        order by day
    """


def followers_per_day_sql(landing: Path) -> str:
    return f"""
        with own as (
            select distinct platform, account_id
            from {_csv(landing, 'social_accounts/accounts')}
            where lower(is_own) in ('true', '1', 'yes', 't')
        )
        select cast(d.date as date) as day, sum(cast(d.followers as bigint)) as followers
        from {_csv(landing, 'social_accounts/daily')} as d
        join own on own.platform = d.platform and own.account_id = d.account_id
        group by day
        order by day
    """


def compute(landing: Path) -> dict[str, Any]:
    """Every baseline figure over ``landing``, with the seconds each query took."""
    tz = settings.business_timezone()
    figures: dict[str, Any] = {}
    seconds: dict[str, float] = {}
    with duckdb.connect(config=settings.duckdb_config()) as con:
        for name, sql in (("sessions_per_day", sessions_per_day_sql(landing, tz)),
                          ("net_revenue_per_day", net_revenue_per_day_sql(landing, tz)),
                          ("followers_per_day", followers_per_day_sql(landing))):
            started = time.perf_counter()
            rows = con.execute(sql).fetchall()
            seconds[name] = time.perf_counter() - started
            figures[name] = {day.isoformat(): float(value) for day, value in rows}
    return {"figures": figures, "seconds": seconds, "total_seconds": sum(seconds.values())}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("landing", type=Path)
    parser.add_argument("out", type=Path)
    args = parser.parse_args(argv)
    args.out.write_text(json.dumps(compute(args.landing), indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
