"""Incrementality: what each channel's activity adds to an outcome, with an interval.

A marketing-mix regression (metrics.md: "adstock + saturation regression of the outcome on
channel activity") fitted by ordinary least squares (statsmodels) with Newey-West (HAC)
standard errors, because daily residuals are autocorrelated:

    outcome[d] = intercept + trend + weekday + holiday
                 + sum over channels of beta[c] * saturation(adstock(activity[c]))[d] + error

* adstock (carry-over): A[d] = activity[d] + decay * A[d-1]; one decay for every channel,
  chosen from ``DECAYS``.
* saturation: A / (A + k), k = ``multiple`` x the channel's mean adstocked activity on days it
  was active; ``multiple`` chosen from ``SATURATIONS`` (``None`` = linear, no saturation).
* The pair (decay, multiple) with the lowest AIC on the training days wins; the fit is scored
  on the held-out last weeks (MAPE), then refitted on every day for the estimates.
* A channel's contribution on day d is beta x transformed[d]: the outcome the model says
  would be missing on d without the channel's activity (the counterfactual "activity = 0"),
  so a period's incremental outcome is the sum over its days, and the interval is beta's
  interval times the same sum (every transformed value is >= 0).

The interval covers the coefficient only (t-based, small-sample corrected): it does not
widen for the choice of decay and saturation. A channel the data cannot identify is left out
of the regression and reported as not estimable, with the reason:

* activity on fewer than ``min_active_days`` days, or activity that hardly varies
  (coefficient of variation below ``min_activity_cv``): it cannot be told from the baseline;
* activity that moves with the calendar or with another channel (variance inflation factor
  above ``max_vif`` once transformed), e.g. an invoice paid on the same weekday every week:
  the weekday controls would absorb it, so its coefficient would be noise.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

import numpy as np
import statsmodels.api as sm
from statsmodels.stats.outliers_influence import variance_inflation_factor

DECAYS: tuple[float, ...] = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7)
SATURATIONS: tuple[float | None, ...] = (None, 4.0, 2.0, 1.0)
HAC_MAX_LAGS = 7


@dataclass(frozen=True)
class Settings:
    """The knobs a user may set (dbt vars feed them)."""

    interval_level: float = 0.9
    min_days: int = 28
    holdout_days: int = 14
    min_activity_cv: float = 0.25
    min_active_days: int = 14
    max_vif: float = 5.0


@dataclass
class ChannelEstimate:
    channel: str
    is_estimable: bool
    reason: str
    coefficient: float | None = None
    coefficient_lower: float | None = None
    coefficient_upper: float | None = None
    p_value: float | None = None
    transformed: np.ndarray | None = None  # saturation(adstock(activity)) per day


@dataclass
class FitResult:
    outcome: str
    days: list[date]
    channels: dict[str, ChannelEstimate]
    decay: float | None = None
    saturation_multiple: float | None = None
    r_squared: float | None = None
    holdout_mape: float | None = None
    notes: list[str] = field(default_factory=list)


def adstock(activity: np.ndarray, decay: float) -> np.ndarray:
    """Geometric carry-over: A[d] = activity[d] + decay * A[d-1]."""
    out = np.empty_like(activity, dtype=float)
    carry = 0.0
    for i, value in enumerate(activity):
        carry = float(value) + decay * carry
        out[i] = carry
    return out


def saturate(adstocked: np.ndarray, multiple: float | None) -> np.ndarray:
    """Michaelis-Menten saturation with half-saturation at ``multiple`` x the mean active level."""
    if multiple is None:
        return adstocked
    active = adstocked[adstocked > 0]
    if active.size == 0:
        return adstocked
    k = multiple * float(active.mean())
    return adstocked / (adstocked + k)


def controls(days: Sequence[date], holidays: np.ndarray) -> np.ndarray:
    """Intercept, linear trend, weekday dummies (Monday the base) and the holiday flag when
    the period has one (a column that never varies would be collinear with the intercept)."""
    n = len(days)
    weekday = np.array([d.weekday() for d in days])
    cols = [np.ones(n), np.arange(n) / max(n - 1, 1)]
    cols += [(weekday == k).astype(float) for k in range(1, 7) if (weekday == k).any()]
    if holidays.any() and not holidays.all():
        cols.append(holidays.astype(float))
    return np.column_stack(cols)


def _design(activity: dict[str, np.ndarray], decay: float,
            multiple: float | None) -> dict[str, np.ndarray]:
    return {c: saturate(adstock(x, decay), multiple) for c, x in activity.items()}


def _ols(y: np.ndarray, base: np.ndarray, transformed: dict[str, np.ndarray]):
    x = np.column_stack([base, *transformed.values()]) if transformed else base
    return sm.OLS(y, x).fit(cov_type="HAC", use_t=True,
                            cov_kwds={"maxlags": HAC_MAX_LAGS, "use_correction": True})


def _separable(base: np.ndarray, transformed: dict[str, np.ndarray],
               max_vif: float) -> tuple[dict[str, np.ndarray], dict[str, float]]:
    """Drop, one at a time, the channel with the highest variance inflation factor above
    ``max_vif``; return the channels kept and the VIF of each channel dropped."""
    kept, dropped = dict(transformed), {}
    while kept:
        # VIF does not depend on a column's scale; scaling to unit spread keeps the matrix
        # well conditioned (money in thousands next to 0/1 weekday dummies).
        x = np.column_stack([base, *(v / (v.std() or 1.0) for v in kept.values())])
        with warnings.catch_warnings():  # collinearity is what this measures, not a fault
            warnings.simplefilter("ignore")
            vifs = {c: float(variance_inflation_factor(x, j))
                    for j, c in enumerate(kept, start=base.shape[1])}
        worst = max(vifs, key=lambda c: vifs[c])
        if vifs[worst] <= max_vif:
            break
        dropped[worst] = vifs[worst]
        del kept[worst]
    return kept, dropped


def _mape(actual: np.ndarray, predicted: np.ndarray) -> float | None:
    mask = actual > 0
    if not mask.any():
        return None
    return float(np.mean(np.abs(actual[mask] - predicted[mask]) / actual[mask]))


def _screen(activity: dict[str, np.ndarray], settings: Settings,
            channels: dict[str, ChannelEstimate]) -> dict[str, np.ndarray]:
    """Keep the channels whose activity varies enough to be estimated."""
    kept: dict[str, np.ndarray] = {}
    for channel, x in activity.items():
        mean = float(x.mean())
        cv = float(x.std()) / mean if mean > 0 else 0.0
        active_days = int((x > 0).sum())
        if mean <= 0:
            channels[channel] = ChannelEstimate(channel, False, "no activity in the period")
        elif active_days < settings.min_active_days:
            channels[channel] = ChannelEstimate(
                channel, False,
                f"activity on only {active_days} days (the model needs "
                f"{settings.min_active_days}): too few to tell its effect from noise")
        elif cv < settings.min_activity_cv:
            channels[channel] = ChannelEstimate(
                channel, False,
                f"activity hardly varies (coefficient of variation {cv:.2f} < "
                f"{settings.min_activity_cv}): its effect cannot be told from the baseline")
        else:
            kept[channel] = x
    return kept


def fit(outcome: str, days: Sequence[date], y: np.ndarray, activity: dict[str, np.ndarray],
        holidays: np.ndarray, settings: Settings) -> FitResult:
    """Fit one outcome on every channel's activity; see the module docstring."""
    days = list(days)
    channels: dict[str, ChannelEstimate] = {}
    result = FitResult(outcome, days, channels)
    if len(days) < settings.min_days:
        reason = f"only {len(days)} days of history (the model needs {settings.min_days})"
        for channel in activity:
            channels[channel] = ChannelEstimate(channel, False, reason)
        result.notes.append(reason)
        return result
    kept = _screen(activity, settings, channels)
    base = controls(days, holidays)
    n_train = len(days) - settings.holdout_days
    best = None
    for decay in DECAYS:
        for multiple in SATURATIONS:
            transformed, dropped = _separable(base, _design(kept, decay, multiple),
                                              settings.max_vif)
            train = {c: v[:n_train] for c, v in transformed.items()}
            model = _ols(y[:n_train], base[:n_train], train)
            if best is None or model.aic < best[0]:
                best = (model.aic, decay, multiple, model, transformed, dropped)
    assert best is not None
    _, decay, multiple, train_model, transformed, dropped = best
    for channel, vif in dropped.items():
        channels[channel] = ChannelEstimate(
            channel, False,
            f"its activity moves with the calendar or another channel (variance inflation "
            f"{vif:.1f} > {settings.max_vif:g}, e.g. paid on the same weekday every week): "
            "its effect cannot be separated")
    held_x = np.column_stack([base[n_train:], *(v[n_train:] for v in transformed.values())])
    result.holdout_mape = _mape(y[n_train:], held_x @ train_model.params)
    model = _ols(y, base, transformed)
    result.decay, result.saturation_multiple = decay, multiple
    result.r_squared = float(model.rsquared)
    intervals = model.conf_int(alpha=1 - settings.interval_level)
    for j, channel in enumerate(transformed, start=base.shape[1]):
        channels[channel] = ChannelEstimate(
            channel, True, "estimated",
            coefficient=float(model.params[j]),
            coefficient_lower=float(intervals[j][0]),
            coefficient_upper=float(intervals[j][1]),
            p_value=float(model.pvalues[j]),
            transformed=transformed[channel],
        )
    return result
