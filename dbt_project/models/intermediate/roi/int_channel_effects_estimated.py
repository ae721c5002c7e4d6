"""One row per outcome, channel and day: what the channel's investment added to the outcome
that day according to the incrementality model, with an interval.

The model (orchestration/analytics/incrementality.py, statsmodels OLS with Newey-West
errors) regresses each daily outcome on every channel's adstocked, saturated investment
(money + time cost) with trend, weekday and public-holiday controls:

* orders, new_customers, new_visitors: one joint regression each on all channels;
* net_revenue: the orders effect times the period's net revenue per order. Daily revenue is
  dominated by a few large orders (one order can be a day's revenue), so a regression on it
  is mostly noise; the order count carries the signal. The interval does not include the
  uncertainty of the revenue per order;
* follower_growth: per channel with an own social account, on that channel's investment only
  (its own audience), for the channels the joint orders model could identify (the same
  screening: a channel paid on the calendar's rhythm is not identifiable for any outcome).

A channel whose investment hardly varies, or a history shorter than the minimum, gets rows
with `is_estimable = false`, the reason, and NULL contributions: never a zero that would read
as "no effect". Incrementality is an estimate of cause from observational data, with the
assumptions of the model (no unmeasured driver moving with the spend); attribution is credit.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa

from orchestration.analytics.incrementality import FitResult, Settings, fit

JOINT_OUTCOMES = ("orders", "new_customers", "new_visitors")
SCHEMA = pa.schema([
    ("outcome", pa.string()), ("channel", pa.string()), ("effect_date", pa.date32()),
    ("investment", pa.float64()), ("transformed_investment", pa.float64()),
    ("contribution", pa.float64()), ("contribution_lower", pa.float64()),
    ("contribution_upper", pa.float64()), ("coefficient", pa.float64()),
    ("coefficient_lower", pa.float64()), ("coefficient_upper", pa.float64()),
    ("scale_factor", pa.float64()), ("p_value", pa.float64()), ("adstock_decay", pa.float64()),
    ("saturation_multiple", pa.float64()), ("r_squared", pa.float64()),
    ("holdout_mape", pa.float64()), ("interval_level", pa.float64()),
    ("days_modelled", pa.int64()), ("is_estimable", pa.bool_()),
    ("estimability_reason", pa.string()),
])


def _settings(dbt: Any) -> Settings:
    return Settings(
        interval_level=float(dbt.config.get("interval_level")),
        min_days=int(dbt.config.get("min_days")),
        holdout_days=int(dbt.config.get("holdout_days")),
        min_activity_cv=float(dbt.config.get("min_activity_cv")),
        min_active_days=int(dbt.config.get("min_active_days")),
        max_vif=float(dbt.config.get("max_vif")),
    )


def _rows(result: FitResult, activity: dict[str, np.ndarray], settings: Settings,
          outcome: str | None = None, scale: float = 1.0) -> list[dict[str, Any]]:
    """The fit's rows; ``scale`` multiplies every effect (revenue = orders x revenue/order)."""
    rows: list[dict[str, Any]] = []
    for channel, estimate in result.channels.items():
        x = activity[channel]
        coefficient, lower_c, upper_c = (
            None if v is None else v * scale
            for v in (estimate.coefficient, estimate.coefficient_lower,
                      estimate.coefficient_upper))
        for i, day in enumerate(result.days):
            t = estimate.transformed
            contribution = lower = upper = None
            if estimate.is_estimable and t is not None:
                contribution = coefficient * t[i]
                lower = lower_c * t[i]
                upper = upper_c * t[i]
            rows.append({
                "outcome": outcome or result.outcome,
                "channel": channel,
                "effect_date": day,
                "investment": float(x[i]),
                "transformed_investment": None if t is None else float(t[i]),
                "contribution": contribution,
                "contribution_lower": lower,
                "contribution_upper": upper,
                "coefficient": coefficient,
                "coefficient_lower": lower_c,
                "coefficient_upper": upper_c,
                "scale_factor": scale,
                "p_value": estimate.p_value,
                "adstock_decay": result.decay,
                "saturation_multiple": result.saturation_multiple,
                "r_squared": result.r_squared,
                "holdout_mape": result.holdout_mape,
                "interval_level": settings.interval_level,
                "days_modelled": len(result.days),
                "is_estimable": estimate.is_estimable,
                "estimability_reason": estimate.reason,
            })
    return rows


def _pandas(relation: Any) -> pd.DataFrame:
    """A ref as pandas: DuckDB's relation (``.df()``) or Spark's DataFrame (``.toPandas()``)."""
    return relation.toPandas() if hasattr(relation, "toPandas") else relation.df()


def _result(table: pa.Table, session: Any) -> Any:
    """The rows for the engine: Arrow for DuckDB; for Spark a DataFrame of the same schema
    (built from Python values, so a missing number stays NULL, never NaN)."""
    if not hasattr(session, "createDataFrame"):
        return table
    spark_types = {pa.string(): "string", pa.date32(): "date", pa.float64(): "double",
                   pa.int64(): "bigint", pa.bool_(): "boolean"}
    ddl = ", ".join(f"{f.name} {spark_types[f.type]}" for f in table.schema)
    return session.createDataFrame(table.to_pylist(), schema=ddl)


def model(dbt: Any, session: Any) -> Any:
    dbt.config(materialized="table")
    settings = _settings(dbt)
    outcomes = _pandas(dbt.ref("int_daily_outcomes_aggregated")).sort_values("outcome_date")
    activity_rows = _pandas(dbt.ref("int_channel_activity_aggregated"))

    days: list[date] = [pd.Timestamp(d).date() for d in outcomes["outcome_date"]]
    index = {d: i for i, d in enumerate(days)}
    investment: dict[str, np.ndarray] = defaultdict(lambda: np.zeros(len(days)))
    followers: dict[str, np.ndarray] = {}
    for row in activity_rows.itertuples(index=False):
        i = index.get(pd.Timestamp(row.activity_date).date())
        if i is None:
            continue
        investment[row.channel][i] += float(row.total_investment or 0.0)
        if bool(row.has_own_account):
            series = followers.setdefault(row.channel, np.zeros(len(days)))
            series[i] += 0.0 if pd.isna(row.follower_growth) else float(row.follower_growth)
    investment = dict(sorted(investment.items()))
    holidays = outcomes["is_public_holiday"].fillna(False).to_numpy(dtype=bool)

    rows: list[dict[str, Any]] = []
    identifiable: dict[str, Any] = {}
    for outcome in JOINT_OUTCOMES:
        y = outcomes[outcome].fillna(0).to_numpy(dtype=float)
        result = fit(outcome, days, y, investment, holidays, settings)
        rows += _rows(result, investment, settings)
        if outcome == "orders":
            identifiable = result.channels
            orders = float(outcomes["orders"].sum())
            per_order = float(outcomes["net_revenue"].sum()) / orders if orders else 0.0
            rows += _rows(result, investment, settings, "net_revenue", per_order)
    for channel, growth in sorted(followers.items()):
        own = {channel: investment.get(channel, np.zeros(len(days)))}
        screened = identifiable.get(channel)
        if screened is not None and not screened.is_estimable:
            # a channel the joint model cannot identify is not identifiable alone either
            result = FitResult("follower_growth", days, {channel: screened})
        else:
            result = fit("follower_growth", days, growth, own, holidays, settings)
        rows += _rows(result, own, settings)

    # an explicit schema: typed columns even when there is nothing to estimate (no rows)
    return _result(pa.Table.from_pylist(rows, schema=SCHEMA), session)
