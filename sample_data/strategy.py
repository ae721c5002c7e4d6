"""strategy/*: the five SMART goals and the channel self-assessment (framework step 1-3)."""

from __future__ import annotations

from datetime import timedelta

from .config import Period
from .followers import FollowerSeries
from .writers import Sinks

SELF_ASSESSMENT = (
    ("instagram", "professional", 14.0, True, True, True, True, True),
    ("facebook", "personal", 2.0, True, True, False, False, False),
    ("x", "personal", 2.0, True, False, False, False, False),
    ("linkedin", "personal", 3.0, True, False, False, False, False),
    ("youtube", "none", 6.0, False, False, True, True, False),
    ("blog", "professional", 6.0, True, True, False, False, False),
    ("email", "personal", 2.0, True, False, False, False, False),
)


TREND_DAYS = 28  # the warehouse's default goal_trend_days
GOAL_DAYS_AFTER_PERIOD = 60


def trend_projection(values: list[int], days_left: int, window: int = TREND_DAYS) -> float:
    """The last value plus the least-squares slope of the last ``window`` values times the days
    left: the projection a goal tracker makes, computed here from the series as generated."""
    ys = [float(v) for v in values[-window:]]
    n = len(ys)
    xs = [float(i) for i in range(n)]
    mean_x, mean_y = sum(xs) / n, sum(ys) / n
    sxx = sum((x - mean_x) ** 2 for x in xs)
    slope = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True)) / sxx
    return ys[-1] + slope * days_left


def planted_targets(series: dict[str, FollowerSeries], days_left: int) -> dict[str, dict]:
    """Two follower goals planted from the generated series: Instagram's target lies 80% of the
    way to its projected value at the deadline (on track: projected progress 1.25), LinkedIn's
    three times as far as anything it reached or is heading for (off track: at most 1/3)."""
    ig, li = series["instagram"], series["linkedin"]
    ig_projected = trend_projection(ig.followers, days_left)
    li_projected = trend_projection(li.followers, days_left)
    li_reach = max(li_projected - li.start, li.followers[-1] - li.start, 100.0)
    return {
        "G4": {"baseline": float(ig.start), "projected": ig_projected,
               "target": round(ig.start + (ig_projected - ig.start) / 1.25),
               "expected_status": "on track"},
        "G2": {"baseline": float(li.start), "projected": li_projected,
               "target": round(li.start + 3 * li_reach), "expected_status": "off track"},
    }


def write_strategy(
    sinks: Sinks, period: Period, series: dict[str, FollowerSeries]
) -> tuple[list[dict[str, object]], dict[str, dict]]:
    deadline = period.end + timedelta(days=GOAL_DAYS_AFTER_PERIOD)
    planted = planted_targets(series, (deadline - period.end).days)
    goals: list[dict[str, object]] = [
        {"goal_id": "G1", "title": "Grow online sales from Instagram",
         "purpose": "Instagram is where our customers discover coffee; sales pay for the team",
         "metric": "social_attributed_orders", "scope": "instagram", "baseline_value": 300.0,
         "target_value": 450.0, "start_date": period.start, "deadline": deadline,
         "success_criteria": "orders attributed to instagram UTM sessions >= 450 in 30 days"},
        {"goal_id": "G2", "title": "افزایش دنبال‌کنندگان لینکدین برای فروش سازمانی",
         "purpose": "B2B office-coffee leads need a visible company page",
         "metric": "followers", "scope": "linkedin", "baseline_value": planted["G2"]["baseline"],
         "target_value": float(planted["G2"]["target"]), "start_date": period.start,
         "deadline": deadline,
         "success_criteria": f"LinkedIn followers >= {planted['G2']['target']} by the deadline"},
        {"goal_id": "G3", "title": "Raise organic search visits to the blog",
         "purpose": "Brew guides bring new visitors at no media cost",
         "metric": "search_content_sessions", "scope": "all", "baseline_value": 1500.0,
         "target_value": 2500.0, "start_date": period.start, "deadline": deadline,
         "success_criteria": "organic-search sessions landing on /blog/ >= 2500 in 30 days"},
        {"goal_id": "G4", "title": "Grow the Instagram community",
         "purpose": "Reach new coffee lovers where they already look for cafes",
         "metric": "followers", "scope": "instagram",
         "baseline_value": planted["G4"]["baseline"],
         "target_value": float(planted["G4"]["target"]), "start_date": period.start,
         "deadline": deadline,
         "success_criteria": f"Instagram followers >= {planted['G4']['target']} by the deadline"},
        {"goal_id": "G5", "title": "Keep customers satisfied",
         "purpose": "Happy customers come back and bring friends",
         "metric": "csat", "scope": "all", "baseline_value": 0.7, "target_value": 0.85,
         "start_date": period.start, "deadline": deadline,
         "success_criteria": "share of 4-5 ratings >= 85% in a month"},
    ]
    sink = sinks("strategy", "goals")
    for g in goals:
        sink.write("goals", g)
    sa = sinks("strategy", "self_assessment")
    for channel, exp, hours, writer, photos, photographer, videos, skills in SELF_ASSESSMENT:
        sa.write("self_assessment", {
            "channel": channel, "team_experience": exp, "hours_per_week_planned": hours,
            "has_skilled_writer": writer, "has_photo_library": photos,
            "has_photographer": photographer, "has_video_library": videos,
            "has_video_skills": skills,
        })
    return goals, planted
