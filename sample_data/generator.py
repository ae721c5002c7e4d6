"""Runs every producer in dependency order and assembles the ground truth."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from .bad_input import write_bad_input
from .blog import write_subscribers
from .brands import PLATFORMS, own_account
from .campaigns import build_campaigns
from .comments import write_comments
from .config import DEFAULT_END_DATE, SCALES, Period
from .conversations import Conversations, write_sentiment_overrides
from .facebook import write_facebook
from .followers import own_series
from .fx import build_fx
from .ga4_sink import Ga4Sink
from .instagram import write_instagram
from .linkedin import write_linkedin
from .listening import write_listening
from .marketing import write_marketing
from .seo import write_backlinks
from .shop import Shop
from .social_accounts import write_social_accounts
from .strategy import write_strategy
from .surveys import write_surveys
from .traffic import SessionPlanner
from .truth import Results, build_truth
from .twitter import write_twitter
from .web import Web
from .writers import Sinks
from .youtube import write_youtube


def generate(
    out_dir: Path, scale: str = "default", seed: int = 42,
    end_date: date = DEFAULT_END_DATE, bad_input: bool = False,
) -> dict[str, Any]:
    """Write landing files for every raw table under ``out_dir``; return the ground truth."""
    if scale not in SCALES:
        raise ValueError(f"unknown scale {scale!r}; choose from {sorted(SCALES)}")
    cfg = SCALES[scale]
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    period = Period.ending(end_date, cfg.days)
    sinks = Sinks(out_dir)
    say = print if cfg.progress else (lambda *_a, **_k: None)

    fx = build_fx(seed, period.start, period.end)
    campaigns = build_campaigns(seed, period, cfg.traffic)
    investment = write_marketing(sinks, seed, period, fx, campaigns, cfg.traffic)
    say("marketing written", flush=True)
    series = {p: own_series(seed, own_account(p), period, investment.daily.get(p))
              for p in PLATFORMS}
    fb = write_facebook(sinks, seed, period, series["facebook"])
    ig = write_instagram(sinks, seed, period, series["instagram"])
    x = write_twitter(sinks, seed, period, series["x"])
    zero = [0.0] * len(period.days)
    li, li_impressions = write_linkedin(sinks, seed, period, series["linkedin"],
                                        investment.daily.get("linkedin", zero))
    yt = write_youtube(sinks, seed, period, series["youtube"])
    platforms = {r.platform: r for r in (fb, ig, x, li, yt)}
    posts = [p for r in platforms.values() for p in r.posts]
    talk = Conversations(seed, period)
    comments = write_comments(sinks, seed, period, posts, talk)
    listening = write_listening(sinks, seed, period, cfg.mentions_per_day, talk)
    write_sentiment_overrides(sinks, talk.log)
    write_social_accounts(sinks, seed, period, series, posts, listening)
    seo = write_backlinks(sinks, seed, period, cfg.backlinks)
    blog = write_subscribers(sinks, seed, period)
    surveys = write_surveys(sinks, seed, period, 3.0 * max(1.0, cfg.traffic / 3), talk)
    goals, planted_goals = write_strategy(sinks, period, series)
    say("social, listening, seo, blog, surveys and strategy written", flush=True)

    ga4 = Ga4Sink(out_dir, cfg.ga4_format, period.end, sinks.stats)
    shop = Shop(sinks, seed, period, fx)
    planner = SessionPlanner(seed, period, cfg.sessions_per_day, campaigns, investment.daily)
    web = Web(seed, period, planner, shop, ga4, cfg.progress).run()
    sinks.close()

    results = Results(
        scale=cfg, seed=seed, period=period, fx=fx, campaigns=campaigns, investment=investment,
        series=series, platforms=platforms, li_impressions=li_impressions, comments=comments,
        listening=listening, seo=seo, blog=blog, surveys=surveys, goals=goals,
        planted_goals=planted_goals, web=web,
        ga4=ga4, shop=shop.finish(), planner=planner, stats=sinks.stats, talk=talk.log,
    )
    truth = build_truth(results)
    if bad_input:
        truth["bad_input"] = write_bad_input(out_dir, seed, period)
    (out_dir / "_ground_truth.json").write_text(
        json.dumps(truth, ensure_ascii=False, indent=2, sort_keys=False) + "\n", encoding="utf-8")
    return truth
