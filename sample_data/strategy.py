"""strategy/*: the three SMART goals and the channel self-assessment (framework step 1-3)."""

from __future__ import annotations

from datetime import timedelta

from .config import Period
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


def write_strategy(sinks: Sinks, period: Period) -> list[dict[str, object]]:
    deadline = period.end + timedelta(days=60)
    goals: list[dict[str, object]] = [
        {"goal_id": "G1", "title": "Grow online sales from Instagram",
         "purpose": "Instagram is where our customers discover coffee; sales pay for the team",
         "metric": "social_attributed_orders", "scope": "instagram", "baseline_value": 120.0,
         "target_value": 180.0, "start_date": period.start, "deadline": deadline,
         "success_criteria": "monthly orders attributed to instagram UTM sessions >= 180"},
        {"goal_id": "G2", "title": "افزایش دنبال‌کنندگان لینکدین برای فروش سازمانی",
         "purpose": "B2B office-coffee leads need a visible company page",
         "metric": "followers", "scope": "linkedin", "baseline_value": 1850.0,
         "target_value": 2600.0, "start_date": period.start, "deadline": deadline,
         "success_criteria": "LinkedIn followers >= 2600 by the deadline"},
        {"goal_id": "G3", "title": "Raise organic search visits to the blog",
         "purpose": "Brew guides bring new visitors at no media cost",
         "metric": "search_content_sessions", "scope": "all", "baseline_value": 2500.0,
         "target_value": 3500.0, "start_date": period.start, "deadline": deadline,
         "success_criteria": "monthly organic-search sessions landing on /blog/ >= 3500"},
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
    return goals
