"""The report's sections, following the measurement framework: KPI tiers, the three benchmark
dimensions, ROI and attribution, channel verdicts, goals, what people say, data quality.

Each builder reads the marts it names (and ``raw_meta`` for data quality only) and returns a
:class:`Section`; a mart with no rows gives the reason (which of its sources loaded nothing)
instead of a chart."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import duckdb
import plotly.graph_objects as go

from orchestration.defs.report.model import Catalog, Chart, Section, Table, rows

TIERS = (
    (1, "kpi_tier_1_daily", "followers", "net_follower_change",
     "Tier 1: followers and interactions"),
    (2, "kpi_tier_2_daily", "impressions", "shares",
     "Tier 2: reach, shares and search referrals through own content"),
    (3, "kpi_tier_3_daily", "net_revenue", "social_attributed_net_revenue",
     "Tier 3: sales"),
)
# the headline figure of each benchmark dimension (a metric the framework names for it)
BENCHMARKS = (
    ("distribution", "benchmark_distribution", "followers", "Distribution (visibility)"),
    ("interaction", "benchmark_interaction", "engagements_per_post", "Interaction (engagement)"),
    ("influence", "benchmark_influence", "share_of_voice_by_mentions", "Influence (brand value)"),
)


@dataclass(frozen=True)
class Context:
    con: duckdb.DuckDBPyConnection
    catalog: Catalog
    why_empty: Callable[[str], str]
    missing: Callable[[str], list[str]]

    def count(self, mart: str) -> int:
        return int(self.con.execute(f"select count(*) from marts.{mart}").fetchone()[0])


def _layout(fig: go.Figure, y_title: str) -> go.Figure:
    fig.update_layout(height=360, margin={"l": 60, "r": 20, "t": 30, "b": 50},
                      yaxis_title=y_title, legend={"orientation": "h", "y": -0.2},
                      template="plotly_white")
    return fig


def _drawable(fig: go.Figure) -> bool:
    """Whether a figure has at least one value to draw."""
    for trace in fig.data:
        values = trace.x if getattr(trace, "orientation", None) == "h" else trace.y
        if any(v is not None and v == v for v in (values or ())):
            return True
    return False


def _add(section: Section, chart: Chart, nothing: str) -> None:
    """The chart, or (when it has no value to draw) the reason in its place."""
    if _drawable(chart.figure):
        section.charts.append(chart)
    else:
        section.empty_reasons.append(f"{chart.title}: nothing to draw: {nothing}")


def kpi_tiers(ctx: Context) -> Section:
    section = Section(
        "kpi-tiers", "KPI tiers over time, per platform",
        "The framework's three tiers: tier 1 (followers, likes, comments), tier 2 (shares, "
        "reach, search referrals through content the business made), tier 3 (sales). Figures "
        "are summed over the accounts of each platform; the platform 'all' is the mart's "
        "total over every platform (and the only row of figures, such as sales, that belong "
        "to no one platform).", tuple(t[1] for t in TIERS))
    for tier, mart, stock, flow, title in TIERS:
        if ctx.count(mart) == 0:
            section.empty_reasons.append(f"{title}: {ctx.why_empty(mart)}")
            continue
        if ctx.missing(mart):
            section.empty_reasons.append(
                f"{title}: partial data: no rows were loaded for {', '.join(ctx.missing(mart))}"
                f"; the figures of marts.{mart} count only what did load.")
        jalali_day = "max(jalali_date)" if tier < 3 else "null"
        series = rows(ctx.con, f"""
            select platform, metric_date, sum({stock})::double, {jalali_day}
            from marts.{mart} group by platform, metric_date order by platform, metric_date""")
        fig = go.Figure()
        for platform in sorted({r[0] for r in series}):
            points = [r for r in series if r[0] == platform]
            # the Jalali date beside the Gregorian one where the mart has it
            fig.add_trace(go.Scatter(
                x=[str(r[1]) for r in points], y=[r[2] for r in points], mode="lines",
                name=platform, customdata=[r[3] or "" for r in points],
                hovertemplate="%{x} %{customdata}: %{y:,}<extra>" + platform + "</extra>"))
        keys = ctx.catalog.keys(mart, [stock])
        _add(section, Chart(
            f"kpi-tier-{tier}", f"{title}: {ctx.catalog.entry(keys[0]).metric_name} per day",
            f"Daily {stock} per platform from marts.{mart}.", keys,
            _layout(fig, ctx.catalog.entry(keys[0]).metric_name)),
             f"every {stock} value of marts.{mart} is empty.")
        jalali = "max(jalali_date) filter (where metric_date = last_date)" if tier < 3 else "null"
        table = rows(ctx.con, f"""
            with latest as (select platform, max(metric_date) as last_date
                            from marts.{mart} group by platform)
            select m.platform, max(l.last_date), {jalali},
                   sum(m.{stock}) filter (where m.metric_date = l.last_date),
                   sum(m.{flow})
            from marts.{mart} as m join latest as l using (platform)
            group by m.platform order by m.platform""")
        section.tables.append(Table(
            f"kpi-tier-{tier}-totals",
            f"{title}: {stock} on the latest day and {flow} over the whole period "
            f"(catalog: {', '.join(ctx.catalog.keys(mart, [stock, flow]))})",
            ("platform", "latest date", "latest date (Jalali)", f"{stock} on the latest day",
             f"{flow}, whole period"), table))
    return section


def benchmarks(ctx: Context) -> Section:
    section = Section(
        "benchmarks", "Benchmarks against competitors",
        "The three dimensions of the framework, own brand against the peers of its industry, "
        "month by month: an index of 100 is the peer median (200 is twice the median); the "
        "percentile rank places the brand among the brands of the platform (0 lowest, 1 "
        "highest).",
        tuple(b[1] for b in BENCHMARKS))
    for dimension, mart, metric, title in BENCHMARKS:
        if ctx.count(mart) == 0:
            section.empty_reasons.append(f"{title}: {ctx.why_empty(mart)}")
            continue
        index, rank = f"{metric}_index_vs_peer_median", f"{metric}_percentile_rank"
        latest = rows(ctx.con, f"""
            select brand, platform, month_start_date, {metric}::double, {index}, {rank}
            from marts.{mart}
            where month_start_date = (select max(month_start_date) from marts.{mart}
                                      where {index} is not null)
            order by platform, brand""")
        keys = ctx.catalog.keys(mart, [metric, index, rank])
        fig = go.Figure()
        for brand in sorted({r[0] for r in latest}):
            points = [r for r in latest if r[0] == brand]
            fig.add_trace(go.Bar(x=[r[1] for r in points], y=[r[4] for r in points],
                                 name=brand))
        fig.add_hline(y=100, line_dash="dot", annotation_text="peer median")
        _add(section, Chart(
            f"benchmark-{dimension}", f"{title}: {ctx.catalog.entry(keys[1]).metric_name}",
            f"Index vs the peer median of {metric} per brand and platform, in the latest month "
            f"of marts.{mart} that has one.", keys, _layout(fig, "index (100 = peer median)")),
             f"no brand has an index for {metric} in marts.{mart} (no peer with the "
             "figure, or no month with it).")
        own = rows(ctx.con, f"""
            select platform, month_start_date, {metric}::double, {index}, {rank}
            from marts.{mart} where is_own_brand order by platform, month_start_date""")
        section.tables.append(Table(
            f"benchmark-{dimension}-own",
            f"{title}: own brand per platform and month (catalog: {', '.join(keys)})",
            ("platform", "month", metric, "index vs peer median", "percentile rank"), own))
    return section


def roi(ctx: Context) -> Section:
    section = Section(
        "roi", "Return on money and time, per channel",
        "Attribution models give each channel a share of the credit for orders its touches "
        "preceded: credit, not cause (a channel can be credited for a sale that would have "
        "happened anyway). The incrementality estimate is the model's answer to what the "
        "channel added, with its interval; 'incremental' in the credit methods below is that "
        "estimate.", ("social_roi_monthly", "attribution_by_channel", "channel_incrementality"))
    if ctx.count("attribution_by_channel") == 0:
        section.empty_reasons.append(
            f"Attribution models: {ctx.why_empty('attribution_by_channel')}")
    else:
        credited = rows(ctx.con, """
            select channel, attribution_model, sum(credited_net_revenue)::double,
                   max(reporting_currency)
            from marts.attribution_by_channel group by channel, attribution_model
            order by channel, attribution_model""")
        fig = go.Figure()
        for model in sorted({r[1] for r in credited}):
            points = [r for r in credited if r[1] == model]
            fig.add_trace(go.Bar(x=[r[0] for r in points], y=[r[2] for r in points],
                                 name=model))
        fig.update_layout(barmode="group")
        keys = ctx.catalog.keys("attribution_by_channel", ["credited_net_revenue"])
        _add(section, Chart(
            "attribution-models", "Net revenue credited per channel, attribution models side "
            "by side", "Sum over all months of the net revenue each attribution model credits "
            "to each channel (marts.attribution_by_channel): credit, not cause.", keys,
            _layout(fig, "net revenue credited")),
             "every credited net revenue is empty.")
        section.tables.append(Table(
            "attribution-models-totals", f"Net revenue credited per channel and model, all "
            f"months (catalog: {', '.join(keys)})",
            ("channel", "attribution model", "net revenue credited", "currency"), credited))
    if ctx.count("social_roi_monthly") == 0:
        section.empty_reasons.append(f"ROI per month: {ctx.why_empty('social_roi_monthly')}")
    else:
        latest = rows(ctx.con, """
            select channel, credit_method, month_start_date, first_jalali_date,
                   total_investment, net_revenue_credited, roi, roas, net_revenue_per_hour
            from marts.social_roi_monthly
            where month_start_date = (select max(month_start_date)
                                      from marts.social_roi_monthly)
              and total_investment > 0
            order by channel, credit_method""")
        if not latest:
            missing = ctx.missing("social_investment_daily")
            section.empty_reasons.append(
                "ROI per month: no channel has money or time invested in the latest month, so "
                "no ROI is defined" + (f" (no rows were loaded for {', '.join(missing)})"
                                       if missing else "") + ".")
        keys = ctx.catalog.keys("social_roi_monthly", [
            "net_revenue_credited", "roi", "roas", "net_revenue_per_hour"])
        fig = go.Figure()
        for method in sorted({r[1] for r in latest}):
            points = [r for r in latest if r[1] == method]
            fig.add_trace(go.Bar(x=[r[0] for r in points], y=[r[6] for r in points],
                                 name=method))
        fig.update_layout(barmode="group")
        _add(section, Chart(
            "roi-latest-month", "ROI on money and time per channel, latest month, by credit "
            "method", "ROI (net revenue credited less total investment, over total "
            "investment) of the channels with an investment in the latest month of "
            "marts.social_roi_monthly, one bar per credit method.", keys,
            _layout(fig, "ROI")),
             "no channel has an ROI in the latest month.")
        section.tables.append(Table(
            "roi-latest-month-figures", f"ROI per channel and credit method, latest month "
            f"(catalog: {', '.join(keys)})",
            ("channel", "credit method", "month", "month start (Jalali)", "total investment",
             "net revenue credited", "ROI", "ROAS", "net revenue per hour"), latest))
    if ctx.count("channel_incrementality") == 0:
        section.empty_reasons.append(
            f"Incrementality: {ctx.why_empty('channel_incrementality')}")
    else:
        estimates = rows(ctx.con, """
            select channel, quarter_label, incremental_net_revenue,
                   incremental_net_revenue_lower, incremental_net_revenue_upper,
                   interval_level, incremental_roi_total, estimability_reason
            from marts.channel_incrementality order by quarter_label, channel""")
        keys = ctx.catalog.keys("channel_incrementality", [
            "incremental_net_revenue", "incremental_roi_total"])
        shown = [r for r in estimates if r[2] is not None]
        fig = go.Figure(go.Scatter(
            x=[f"{r[0]} {r[1]}" for r in shown], y=[r[2] for r in shown], mode="markers",
            error_y={"type": "data", "symmetric": False,
                     "array": [(r[4] - r[2]) if r[4] is not None else 0 for r in shown],
                     "arrayminus": [(r[2] - r[3]) if r[3] is not None else 0 for r in shown]},
            name="incremental net revenue"))
        fig.add_hline(y=0, line_dash="dot")
        _add(section, Chart(
            "incrementality", "Incremental net revenue per channel and quarter, with its "
            "interval", "The estimate of net revenue each channel added (marts."
            "channel_incrementality) and its interval; an interval that includes 0 shows no "
            "effect. Channels the model could not estimate are listed with the reason.", keys,
            _layout(fig, "incremental net revenue")),
             "no channel-quarter could be estimated; the table below gives each reason.")
        section.tables.append(Table(
            "incrementality-figures", f"Incrementality per channel and quarter (catalog: "
            f"{', '.join(keys)})",
            ("channel", "quarter", "incremental net revenue", "lower", "upper",
             "interval level", "incremental ROI (money and time)", "why not estimable"),
            estimates))
    return section


def verdicts(ctx: Context) -> Section:
    section = Section(
        "verdicts", "Channel verdicts: revenue, awareness only, or not enough data",
        "Per channel and quarter, what the incrementality intervals show: a revenue effect, an "
        "awareness effect only, or not enough data to tell.", ("channel_verdict",))
    if ctx.count("channel_verdict") == 0:
        section.empty_reasons.append(ctx.why_empty("channel_verdict"))
        return section
    table = rows(ctx.con, """
        select channel, quarter_label, verdict, verdict_reason, incremental_net_revenue_lower,
               incremental_net_revenue_upper, total_investment
        from marts.channel_verdict order by quarter_label, channel""")
    counts = rows(ctx.con, """
        select verdict, count(*) from marts.channel_verdict group by verdict order by verdict""")
    keys = ctx.catalog.keys("channel_incrementality", ["incremental_net_revenue",
                                                       "incremental_new_visitors",
                                                       "incremental_follower_growth"])
    fig = go.Figure(go.Bar(x=[r[0] for r in counts], y=[r[1] for r in counts]))
    _add(section, Chart(
        "verdict-counts", "Channel-quarters per verdict", "How many channel-quarters of "
        "marts.channel_verdict have each verdict; the verdict reads the incrementality "
        "intervals of revenue, new visitors and follower growth.", keys,
        _layout(fig, "channel-quarters")),
             "no verdict.")
    section.tables.append(Table(
        "verdict-figures", "Verdict per channel and quarter, with its reason",
        ("channel", "quarter", "verdict", "reason", "revenue interval lower",
         "revenue interval upper", "total investment"), table))
    return section


def goals(ctx: Context) -> Section:
    section = Section(
        "goals", "Goals: pace and status",
        "Each goal set at the start, its progress so far (0 = baseline, 1 = target), the "
        "share of its time elapsed, and the progress its trend projects at the deadline.",
        ("goal_scorecard", "goal_progress"))
    if ctx.count("goal_scorecard") == 0:
        section.empty_reasons.append(ctx.why_empty("goal_scorecard"))
        return section
    card = rows(ctx.con, """
        select goal_id, goal_title, metric_key, goal_status, progress, elapsed_share,
               projected_progress, deadline_date, as_of_date
        from marts.goal_scorecard order by goal_id""")
    keys = tuple(sorted({r[2] for r in card if r[2] in ctx.catalog.entries}))
    if ctx.count("goal_progress") == 0:
        section.empty_reasons.append(f"Progress over time: {ctx.why_empty('goal_progress')}")
    else:
        series = rows(ctx.con, """
            select goal_id, progress_date, progress from marts.goal_progress
            order by goal_id, progress_date""")
        fig = go.Figure()
        for goal_id in sorted({r[0] for r in series}):
            points = [r for r in series if r[0] == goal_id]
            fig.add_trace(go.Scatter(x=[str(r[1]) for r in points], y=[r[2] for r in points],
                                     mode="lines", name=goal_id))
        fig.add_hline(y=1, line_dash="dot", annotation_text="target")
        _add(section, Chart(
            "goal-progress", "Progress of each goal over time", "Daily progress of each goal "
            "toward its target (marts.goal_progress); the goals' metrics are the catalog "
            "entries listed.", keys, _layout(fig, "progress (1 = target)")),
             "no goal has a progress value yet.")
    section.tables.append(Table(
        "goal-scorecard", "Goal scorecard (marts.goal_scorecard)",
        ("goal", "title", "metric", "status", "progress", "time elapsed",
         "projected progress at deadline", "deadline", "as of"), card))
    return section


def conversations(ctx: Context) -> Section:
    section = Section(
        "conversations", "What people say",
        "Comments, mentions and conversations read by the sentiment scorers: the trend of "
        "their sentiment, the themes people talk about most, and the actions they call for.",
        ("conversation_sentiment", "conversation_themes", "conversation_actions"))
    if ctx.count("conversation_sentiment") == 0:
        section.empty_reasons.append(
            f"Sentiment trend: {ctx.why_empty('conversation_sentiment')}")
    else:
        trend = rows(ctx.con, """
            select month_start_date, sentiment_label, count(*)
            from marts.conversation_sentiment where is_effective and is_own_brand
            group by month_start_date, sentiment_label
            order by month_start_date, sentiment_label""")
        fig = go.Figure()
        for label in sorted({r[1] for r in trend}):
            points = [r for r in trend if r[1] == label]
            fig.add_trace(go.Bar(x=[str(r[0])[:7] for r in points], y=[r[2] for r in points],
                                 name=label))
        fig.update_layout(barmode="stack")
        fig.update_xaxes(type="category")  # one bar per month, no time of day
        keys = ctx.catalog.keys("benchmark_influence", ["conversation_net_sentiment"])
        _add(section, Chart(
            "sentiment-trend", "Sentiment of texts about the own brand, per month",
            "Texts about the own brand per month and effective sentiment label (one score "
            "per text: a manual override, else the model) from marts.conversation_sentiment; "
            "their balance is the catalog's conversation net sentiment.", keys,
            _layout(fig, "texts")),
             "no scored text about the own brand.")
        section.tables.append(Table(
            "sentiment-trend-figures", "Texts about the own brand per month and sentiment",
            ("month", "sentiment", "texts"), trend))
    if ctx.count("conversation_themes") == 0:
        section.empty_reasons.append(f"Themes: {ctx.why_empty('conversation_themes')}")
    else:
        themes = rows(ctx.con, """
            select theme_label_en, theme_label_fa, theme_mentions, negative_share,
                   month_start_date
            from marts.conversation_themes
            where is_own_brand and month_start_date = (
                select max(month_start_date) from marts.conversation_themes where is_own_brand)
            order by theme_mentions desc, theme_key limit 10""")
        keys = ctx.catalog.keys("conversation_themes", ["theme_mentions", "negative_share"])
        fig = go.Figure(go.Bar(x=[r[2] for r in themes], y=[r[0] for r in themes],
                               orientation="h"))
        fig.update_yaxes(autorange="reversed")
        _add(section, Chart(
            "top-themes", "Top themes about the own brand, latest month",
            "The ten themes with the most mentions in the latest month "
            "(marts.conversation_themes).", keys, _layout(fig, "")),
             "no theme mentioned.")
        section.tables.append(Table(
            "top-themes-figures", f"Top themes, latest month (catalog: {', '.join(keys)})",
            ("theme", "theme (Persian)", "mentions", "negative share", "month"), themes))
    if ctx.count("conversation_actions") == 0:
        section.empty_reasons.append(f"Actions: {ctx.why_empty('conversation_actions')}")
    else:
        actions = rows(ctx.con, """
            select month_start_date, brand, theme_label_en, theme_label_fa, action_kind,
                   action_reason, suggested_action, theme_mentions, negative_share
            from marts.conversation_actions
            order by month_start_date desc, theme_mentions desc, theme_key""")
        section.tables.append(Table(
            "actions", "Actions the conversations call for (marts.conversation_actions)",
            ("month", "brand", "theme", "theme (Persian)", "kind", "why", "suggested action",
             "mentions", "negative share"), actions))
    return section


def data_quality(ctx: Context) -> Section:
    section = Section(
        "data-quality", "Data quality: what the load set aside",
        "Rows quarantined (set aside with a reason, or loaded with a value nulled) and "
        "landing files rejected whole, from the loader's records (raw_meta).",
        ("raw_meta.quarantine", "raw_meta.load_audit"))
    quarantined = rows(ctx.con, """
        select source, table_name, action, reason, count(*)
        from raw_meta.quarantine group by all order by count(*) desc, source, table_name,
        action, reason""")
    rejected = rows(ctx.con, """
        select source, table_name, source_file, rejected_column, rejected_reason, message
        from raw_meta.load_audit where status = 'rejected'
        order by source, table_name, source_file""")
    files = rows(ctx.con, """
        select status, count(*) from raw_meta.load_audit group by status order by status""")
    fig = go.Figure(go.Bar(x=[r[0] for r in files], y=[r[1] for r in files]))
    _add(section, Chart(
        "load-audit", "Landing file loads per outcome", "Every landing file load the loader "
        "recorded (raw_meta.load_audit), per outcome; not a catalog metric.", (),
        _layout(fig, "file loads")),
             "no file load recorded.")
    section.tables.append(Table(
        "load-outcomes", "File loads per outcome", ("outcome", "file loads"), files))
    section.tables.append(Table(
        "quarantine", "Rows quarantined or with a value nulled, per table and reason",
        ("source", "table", "action", "reason", "rows"), quarantined))
    section.tables.append(Table(
        "rejected-files", "Landing files rejected",
        ("source", "table", "file", "column", "reason", "message"), rejected))
    validations = rows(ctx.con, """
        select source, table_name, suite, count(*), count(*) filter (where not success)
        from raw_meta.batch_validations group by all order by 5 desc, 1, 2, 3""")
    section.tables.append(Table(
        "batch-validations", "Great Expectations suites run on each landing batch: "
        "validations and failures per suite (the results of the dbt tests and mart checks "
        "are in the Dagster UI and the run's closing summary)",
        ("source", "table", "suite", "validations", "failed"), validations))
    return section


BUILDERS = (kpi_tiers, benchmarks, roi, verdicts, goals, conversations, data_quality)
