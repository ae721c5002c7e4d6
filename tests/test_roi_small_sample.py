"""The ROI marts on the `small` sample (4 days): far too short a history for the
incrementality model, which must say so (never a zero that reads as "no effect"), while the
attribution methods and the investment still publish their figures."""

from __future__ import annotations


def test_a_four_day_history_is_not_enough_data(pipeline) -> None:
    _, con, truth, _ = pipeline
    rows = con.execute(
        "select channel, verdict, verdict_reason, incremental_net_revenue "
        "from marts.channel_verdict").fetchall()
    days = len({d for (d,) in con.execute(
        "select outcome_date from intermediate.int_daily_outcomes_aggregated").fetchall()})
    assert days == truth["generator"]["days"] == 4
    assert rows, "no verdict rows"
    for channel, verdict, reason, incremental in rows:
        assert verdict == "not enough data", channel
        assert incremental is None, channel
        # the reason names the history's length, or nothing was invested
        assert reason in (f"only {days} days of history (the model needs 28)",
                          "nothing was invested in the channel this quarter"), reason


def test_attribution_methods_still_publish_roi_and_incremental_rows_stay_unknown(
    pipeline,
) -> None:
    _, con, _, _ = pipeline
    by_method = dict(con.execute(
        "select credit_method, sum(net_revenue_credited) from marts.social_roi_monthly "
        "group by credit_method").fetchall())
    attributable = con.execute(
        "select sum(net_revenue) from intermediate.int_orders_enriched where not is_cancelled"
    ).fetchone()[0]
    for method in ("first_touch", "last_touch", "last_non_direct", "linear",
                   "position_based", "time_decay"):
        assert abs(float(by_method[method]) - float(attributable)) < 0.01, method
    assert by_method["incremental"] is None
    investment = con.execute(
        "select sum(total_investment) from marts.social_roi_monthly "
        "where credit_method = 'linear'").fetchone()[0]
    expected = con.execute(
        "select sum(total_investment) from marts.social_investment_daily").fetchone()[0]
    assert abs(float(investment) - float(expected)) < 0.01
