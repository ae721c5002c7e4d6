"""The incrementality estimator on series whose effects are planted here, by hand.

Each test builds a daily outcome from a known baseline (weekday pattern, trend, noise) plus a
known effect of one channel's investment through a known carry-over, and checks what the
estimator says: the planted effect inside the interval, a channel without effect not shown,
and the channels the data cannot identify reported as such (never a number).
"""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np

from orchestration.analytics.incrementality import Settings, adstock, fit, saturate

START = date(2026, 1, 3)
DAYS = [START + timedelta(days=i) for i in range(120)]
NO_HOLIDAYS = np.zeros(len(DAYS), dtype=bool)


def flights(rng: np.random.Generator, budget: float) -> np.ndarray:
    """On/off flights of 7-15 days, the way marketers spend: budget x U(0.5, 1.5) when on."""
    out, on = [], True
    while len(out) < len(DAYS):
        length = int(rng.integers(7, 16))
        level = budget * rng.uniform(0.5, 1.5) if on else 0.0
        out += [level * rng.uniform(0.9, 1.1) for _ in range(length)]
        on = not on
    return np.array(out[: len(DAYS)])


def baseline(rng: np.random.Generator) -> np.ndarray:
    weekday = np.array([d.weekday() for d in DAYS])
    return 50.0 + 8.0 * (weekday == 5) - 12.0 * (weekday == 4) + np.linspace(0, 6, len(DAYS))


def test_adstock_and_saturation_by_hand() -> None:
    # A[d] = x[d] + 0.5 A[d-1]: 10, 5, 2.5 + 4 = 6.5
    assert np.allclose(adstock(np.array([10.0, 0.0, 4.0]), 0.5), [10.0, 5.0, 6.5])
    # half-saturation k = 1 x mean of the active values (10, 30 -> 20): 10/30, 0, 30/50
    assert np.allclose(saturate(np.array([10.0, 0.0, 30.0]), 1.0), [1 / 3, 0.0, 0.6])
    assert np.allclose(saturate(np.array([10.0, 0.0, 30.0]), None), [10.0, 0.0, 30.0])


def test_planted_effect_is_inside_the_interval_and_a_null_channel_is_not_shown() -> None:
    rng = np.random.default_rng(7)
    driver, idle = flights(rng, 100.0), flights(rng, 60.0)
    planted = 0.4 * adstock(driver, 0.3)  # 0.4 orders per adstocked USD
    y = rng.poisson(baseline(rng) + planted).astype(float)

    result = fit("orders", DAYS, y, {"driver": driver, "idle": idle}, NO_HOLIDAYS, Settings())

    d, i = result.channels["driver"], result.channels["idle"]
    assert d.is_estimable and i.is_estimable
    assert d.transformed is not None and i.transformed is not None
    total = float(planted.sum())
    lower = d.coefficient_lower * d.transformed.sum()
    upper = d.coefficient_upper * d.transformed.sum()
    assert lower <= total <= upper, (lower, total, upper)
    assert lower > 0  # the effect is shown
    assert i.coefficient_lower < 0 < i.coefficient_upper  # no effect: the interval holds 0
    assert result.holdout_mape is not None and result.holdout_mape < 0.25


def test_channels_the_data_cannot_identify_are_not_estimated() -> None:
    rng = np.random.default_rng(11)
    weekly_invoice = np.array([300.0 if d.weekday() == 6 else 0.0 for d in DAYS])
    constant = np.full(len(DAYS), 20.0) * rng.uniform(0.97, 1.03, len(DAYS))
    rare = np.zeros(len(DAYS))
    rare[[5, 40, 80]] = 500.0
    driver = flights(rng, 100.0)
    y = rng.poisson(baseline(rng) + 0.3 * adstock(driver, 0.3)).astype(float)
    activity = {"driver": driver, "weekly": weekly_invoice, "constant": constant,
                "rare": rare, "none": np.zeros(len(DAYS))}

    result = fit("orders", DAYS, y, activity, NO_HOLIDAYS, Settings())

    reasons = {c: e.reason for c, e in result.channels.items() if not e.is_estimable}
    assert set(reasons) == {"weekly", "constant", "rare", "none"}
    assert "moves with the calendar" in reasons["weekly"]
    assert "hardly varies" in reasons["constant"]
    assert "only 3 days" in reasons["rare"]
    assert reasons["none"] == "no activity in the period"
    assert result.channels["driver"].is_estimable


def test_a_short_history_is_not_enough_data() -> None:
    rng = np.random.default_rng(3)
    days = DAYS[:4]
    result = fit("orders", days, np.array([50.0, 52.0, 49.0, 55.0]),
                 {"driver": flights(rng, 100.0)[:4]}, NO_HOLIDAYS[:4], Settings())
    estimate = result.channels["driver"]
    assert not estimate.is_estimable
    assert estimate.reason == "only 4 days of history (the model needs 28)"
    assert estimate.coefficient is None
