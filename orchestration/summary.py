"""A short, printable summary of what the warehouse holds (rows per layer, files, quarantine)
and of the problems a person can act on after a run: landing files rejected, rows quarantined
and values nulled per table with their top reasons, and asset checks that failed or warned
(dbt tests included, with their failing-row counts)."""

from __future__ import annotations

from dataclasses import dataclass, field

import dagster as dg
import duckdb

from orchestration.console import models_skipped
from orchestration.defs.ingest.assets import FILES_CHECK, ROWS_CHECK
from orchestration.defs.ingest.problems import (
    RejectedFile,
    TableQuarantine,
    UnreadFolder,
    quarantine_state,
    rejected_in_run,
    unread_in_run,
)
from orchestration.defs.ingest.warehouse_meta import META_SCHEMA, QUARANTINE
from orchestration.defs.quality.feed_checks import FRESHNESS_CHECK

LAYERS = (("raw", "raw_%"), ("staging", "staging%"), ("intermediate", "intermediate%"),
          ("marts", "marts%"))
# The loader's own checks: their findings are listed in full from raw_meta instead.
LOADER_CHECKS = (FILES_CHECK, ROWS_CHECK)
FAILED_STATUSES = ("warn", "fail", "error")
FAILED_ROWS = "dagster_dbt/failed_row_count"


def _rows_per_layer(con: duckdb.DuckDBPyConnection) -> list[tuple[str, int, int]]:
    """Relations (tables and views) and their rows, per layer."""
    tables = con.execute(
        "select table_schema, table_name from information_schema.tables "
        "where table_schema <> ?", [META_SCHEMA]
    ).fetchall()
    out = []
    for layer, pattern in LAYERS:
        prefix = pattern.rstrip("%")
        names = [(s, t) for s, t in tables if s.startswith(prefix)]
        total = 0
        for schema, name in names:
            row = con.execute(f'select count(*) from "{schema}"."{name}"').fetchone()
            total += int(row[0]) if row else 0
        out.append((layer, len(names), total))
    return out


def _has_meta(con: duckdb.DuckDBPyConnection) -> bool:
    row = con.execute(
        "select count(*) from information_schema.tables where table_schema = ?", [META_SCHEMA]
    ).fetchone()
    return bool(row and row[0])


VERDICTS = "marts.channel_verdict"


def _has_mart(con: duckdb.DuckDBPyConnection, name: str) -> bool:
    """Whether the mart was built (a run whose dbt step failed may lack it)."""
    found = con.execute(
        "select count(*) from information_schema.tables "
        "where table_schema = 'marts' and table_name = ?", [name]).fetchone()
    return bool(found and found[0])


def _money(value: float | None) -> str:
    return "-" if value is None else f"{value:,.0f}"


def roi_answer(con: duckdb.DuckDBPyConnection) -> str:
    """The project's question answered per channel, from the latest quarter of
    ``channel_verdict``: the verdict, the incremental net revenue with its interval next to
    the investment, and last-non-direct credit beside it (credit, not cause)."""
    if not _has_mart(con, "channel_verdict"):
        return "Did social media grow revenue? (channel_verdict was not built)"
    rows = con.execute(
        f"select quarter_label, channel, verdict, incremental_net_revenue, "
        f"incremental_net_revenue_lower, incremental_net_revenue_upper, total_investment, "
        f"attributed_net_revenue_last_non_direct, interval_level, verdict_reason "
        f"from {VERDICTS} where quarter_start_date = (select max(quarter_start_date) "
        f"from {VERDICTS}) order by verdict = 'grows revenue' desc, "
        f"verdict = 'awareness only' desc, total_investment desc"
    ).fetchall()
    if not rows:
        return "Did social media grow revenue? (no channel has investment yet)"
    level = next((r[8] for r in rows if r[8] is not None), 0.9)
    lines = [f"Did social media grow revenue? ({rows[0][0]}, per channel; see "
             "marts.channel_verdict and marts.social_roi_monthly)",
             f"  {'channel':<12} {'verdict':<16} {'invested':>10} "
             f"{'incremental net revenue':>32} {'last-click credit':>18}"]
    reasons = {r[9] for r in rows if r[2] == "not enough data"}
    shared = len(reasons) == 1 and all(r[2] == "not enough data" for r in rows)
    for _, channel, verdict, inc, low, high, invested, credit, _, reason in rows:
        effect = ("not estimated" if inc is None
                  else f"{_money(inc)} [{_money(low)}, {_money(high)}]")
        lines.append(f"  {channel:<12} {verdict:<16} {_money(invested):>10} {effect:>32} "
                     f"{_money(credit):>18}")
        if verdict == "not enough data" and not shared:
            lines.append(f"  {'':<12} ({reason})")
    if shared:
        lines.append(f"  Not enough data for any channel: {reasons.pop()}.")
    lines.append(f"  Incremental = the model's estimate of what the investment caused "
                 f"({level:.0%} interval); last-click credit is attribution: credit, not cause.")
    return "\n".join(lines)


def conversation_answer(con: duckdb.DuckDBPyConnection, limit: int = 6) -> str:
    """What people say, from the latest month of ``conversation_actions``: the own brand's
    problems that grew and competitors' problems that are our opportunities."""
    if not _has_mart(con, "conversation_actions"):
        return "What people say: (conversation_actions was not built)"
    rows = con.execute(
        "select month_start_date, brand, action_kind, theme_label_en, action_reason, "
        "negative_mentions, theme_mentions, negative_share, previous_negative_share, "
        "example_text_ids from marts.conversation_actions "
        "where month_start_date = (select max(month_start_date) "
        "from marts.conversation_actions) "
        "order by is_opportunity, negative_mentions desc, theme_key limit ?", [limit],
    ).fetchall()
    if not rows:
        return "What people say: nothing to act on (no theme rose; see marts.conversation_themes)"
    lines = [f"What people say: to act on in {rows[0][0]:%Y-%m} (marts.conversation_actions)"]
    for _, brand, kind, theme, reason, neg, total, share, previous, examples in rows:
        before = "-" if previous is None else f"{previous:.0%}"
        now = "-" if share is None else f"{share:.0%}"
        lines.append(f"  [{kind}] {brand}: {theme}: {reason} ({neg} of {total} texts "
                     f"negative, {before} -> {now}); read {examples}")
    return "\n".join(lines)


def _figure(value: float | None) -> str:
    if value is None:
        return "-"
    return f"{value:,.0f}" if abs(value) >= 10 else f"{value:,.2f}"


def goals_answer(con: duckdb.DuckDBPyConnection) -> str:
    """Where each SMART goal stands (``goal_scorecard``): status, value now against the target
    and the value the recent trend reaches by the deadline; invalid goals with their reasons."""
    if not _has_mart(con, "goal_scorecard"):
        return "Goals: (goal_scorecard was not built)"
    rows = con.execute(
        "select goal_id, goal_title, goal_status, current_value, target_value, "
        "projected_value, deadline_date, invalid_reasons, as_of_date "
        "from marts.goal_scorecard order by goal_id").fetchall()
    if not rows:
        return "Goals: none in strategy/goals (see README, Landing sources)"
    as_of = max((r[8] for r in rows if r[8] is not None), default=None)
    when = f", as of {as_of:%Y-%m-%d}" if as_of else ""
    lines = [f"Goals{when} (marts.goal_scorecard, day by day in marts.goal_progress)",
             f"  {'goal':<6} {'status':<12} {'now':>10} {'target':>10} "
             f"{'by deadline':>12}  title"]
    for goal_id, title, status, now, target, projected, deadline, reasons, _ in rows:
        lines.append(f"  {goal_id:<6} {status:<12} {_figure(now):>10} {_figure(target):>10} "
                     f"{_figure(projected):>12}  {title} (deadline {deadline:%Y-%m-%d})")
        if reasons:
            lines.append(f"  {'':<6} ({reasons})")
    lines.append("  By deadline = the value now, extended by its recent trend (a projection, "
                 "not a promise).")
    return "\n".join(lines)


def channel_fit_answer(con: duckdb.DuckDBPyConnection, top: int = 3) -> str:
    """The channels that suit each goal best (``channel_fit``): rank, fit score, the basis of
    the contribution it used, or why the channel has none."""
    if not _has_mart(con, "channel_fit"):
        return "Channel fit: (channel_fit was not built)"
    rows = con.execute(
        "select goal_id, fit_rank, channel, fit_score, contribution_basis, contribution, "
        "contribution_reason from marts.channel_fit where fit_rank <= ? "
        "order by goal_id, fit_rank", [top]).fetchall()
    if not rows:
        return "Channel fit: no valid goal"
    lines = [f"Channels that fit each goal best (marts.channel_fit, top {top}; every "
             "component in the mart)",
             f"  {'goal':<6} {'rank':>4}  {'channel':<15} {'fit':>5}  contribution"]
    for goal_id, rank, channel, score, basis, contribution, reason in rows:
        evidence = f"{_figure(contribution)} ({basis})" if basis else f"none: {reason}"
        lines.append(f"  {goal_id:<6} {rank:>4}  {channel:<15} {score:>5.2f}  {evidence}")
    lines.append("  Contribution = the incremental estimate where the model has one, else the "
                 "observed figure (attribution: credit, not cause).")
    return "\n".join(lines)


@dataclass(frozen=True)
class CheckProblem:
    """An asset check (or a dbt test Dagster logged as an observation) that failed or warned."""

    target: str
    name: str
    severity: str
    failing_rows: int | None = None
    description: str | None = None
    numbers: dict[str, float] = field(default_factory=dict, compare=False)

    def __str__(self) -> str:
        rows = f" ({self.failing_rows:,} failing rows)" if self.failing_rows is not None else ""
        text = f"[{self.severity}] {self.target}: {self.name}{rows}"
        return text + (f" - {self.description}" if self.description else "")


@dataclass
class Problems:
    """Everything a person should look at after a run; empty when the run was clean."""

    rejected: list[RejectedFile] = field(default_factory=list)
    quarantine: list[TableQuarantine] = field(default_factory=list)
    checks: list[CheckProblem] = field(default_factory=list)
    unread: list[UnreadFolder] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.rejected or self.quarantine or self.checks or self.unread)

    def render(self) -> str:
        lines = ["Problems to act on", "------------------"]
        if not self:
            return "\n".join([*lines, "none: every file loaded whole and every check passed"])
        if self.rejected:
            lines.append(f"Landing files rejected ({len(self.rejected)}): nothing of them was "
                         "written, each table kept its last good rows. Fix and re-run:")
            lines += [f"  - {r}" for r in self.rejected]
        if self.quarantine:
            lines.append(f"Rows quarantined and values nulled, per table (details in "
                         f"{QUARANTINE}):")
            for table in self.quarantine:
                lines.append(f"  - {table.table}: {table.rows_quarantined:,} row(s) "
                             f"quarantined, {table.values_nulled:,} value(s) nulled")
                lines += [f"      {reason}" for reason in table.top_reasons]
        stale = [c for c in self.checks if c.name == FRESHNESS_CHECK]
        others = [c for c in self.checks if c.name != FRESHNESS_CHECK]
        if others:
            lines.append(f"Checks that failed or warned ({len(others)}):")
            lines += [f"  - {c}" for c in others]
        if stale:
            lines.append(f"Stale feeds ({len(stale)} table(s), {FRESHNESS_CHECK}, WARN): the "
                         "newest data is older than its source's threshold (contract "
                         "FRESHNESS_HOURS). Is the connector still syncing?")
            per_source = _stale_by_source(stale)
            if len(per_source) <= MAX_STALE_LINES:
                lines += [f"  - {line}" for line in per_source]
            else:
                ages = [c.numbers["observed_age_hours"] for c in stale
                        if "observed_age_hours" in c.numbers]
                span = (f"; newest data {_hours(min(ages))} to {_hours(max(ages))} old"
                        if ages else "")
                sources = sorted({line.split(":")[0] for line in per_source})
                lines.append(f"  - {len(sources)} sources: {', '.join(sources)}{span} (each "
                             "table's age and threshold: the check's metadata, `make dev`)")
        if self.unread:
            lines.append(f"Landing files no table reads ({len(self.unread)} place(s)), nothing "
                         "of them loaded. Move them to <source>/<table>/:")
            lines += [f"  - {u}" for u in self.unread]
        return "\n".join(lines)


# More sources stale than this: one line names them (e.g. sample data a month old).
MAX_STALE_LINES = 3


def _stale_by_source(stale: list[CheckProblem]) -> list[str]:
    """One line per source: each stale table's age, and the threshold."""
    by_source: dict[str, list[CheckProblem]] = {}
    for check in stale:
        source = check.target.split("/")[-2].removeprefix("raw_")
        by_source.setdefault(source, []).append(check)
    lines = []
    for source, checks in sorted(by_source.items()):
        ages = ", ".join(
            f"{c.target.split('/')[-1]} {_hours(c.numbers.get('observed_age_hours'))}"
            for c in sorted(checks, key=lambda c: c.target))
        thresholds = sorted({c.numbers.get("threshold_hours") for c in checks
                             if c.numbers.get("threshold_hours") is not None})
        limit = "/".join(f"{t:g} h" for t in thresholds) or "?"
        lines.append(f"{source}: {ages} old (threshold {limit})")
    return lines


def _hours(value: float | None) -> str:
    if value is None:
        return "no data"
    return f"{value / 24:.0f} d" if value >= 72 else f"{value:.0f} h"


def _target(key: dg.AssetKey) -> str:
    return "/".join(key.path)


def failed_checks(result: dg.ExecuteInProcessResult) -> list[CheckProblem]:
    """Checks of the run that did not pass, ERROR before WARN; the loader's own are left out
    (their findings come from ``raw_meta``). dbt tests Dagster did not map to a check (source
    tests, singular tests on several models) arrive as observations carrying the test's
    status; they count too, once each."""
    out: list[CheckProblem] = []
    for check in result.get_asset_check_evaluations():
        if check.passed or check.check_name in LOADER_CHECKS:
            continue
        rows = check.metadata.get(FAILED_ROWS)
        numbers = {k: float(v.value) for k, v in check.metadata.items()
                   if isinstance(v.value, int | float) and not isinstance(v.value, bool)}
        out.append(CheckProblem(
            _target(check.asset_key), check.check_name, check.severity.value,
            int(rows.value) if rows is not None else None, check.description, numbers))
    seen: set[str] = set()
    for event in result.all_events:
        if event.event_type != dg.DagsterEventType.ASSET_OBSERVATION:
            continue
        observation = event.asset_observation_data.asset_observation
        meta = {k: v.value for k, v in observation.metadata.items()}
        unique_id, status = str(meta.get("unique_id", "")), str(meta.get("status", ""))
        if not unique_id.startswith("test.") or status not in FAILED_STATUSES:
            continue
        if unique_id in seen:
            continue
        seen.add(unique_id)
        rows = meta.get(FAILED_ROWS)
        out.append(CheckProblem(
            _target(observation.asset_key), unique_id.split(".")[-1],
            "WARN" if status == "warn" else "ERROR", int(rows) if rows is not None else None))
    return sorted(out, key=lambda c: (c.severity != "ERROR", c.target, c.name))


def find_problems(
    con: duckdb.DuckDBPyConnection, result: dg.ExecuteInProcessResult
) -> Problems:
    if not _has_meta(con):
        return Problems(checks=failed_checks(result))
    return Problems(rejected_in_run(con, result.run_id), quarantine_state(con),
                    failed_checks(result), unread=unread_in_run(con, result.run_id))


def _duration(seconds: float) -> str:
    minutes, rest = divmod(round(seconds), 60)
    return f"{minutes} min {rest:02d} s" if minutes else f"{rest} s"


def run_summary(con: duckdb.DuckDBPyConnection, result: dg.ExecuteInProcessResult,
                seconds: float) -> str:
    """The run in a few lines: did it work, rows per layer, this run's landing files and
    rows, its checks, the marts it refreshed."""
    state = "completed" if result.success else "FAILED"
    lines = [f"Run {state} in {_duration(seconds)}", "-" * 24]
    layers = _rows_per_layer(con)
    lines.append("Rows per layer: " + ", ".join(f"{layer} {rows:,} ({tables} relations)"
                                                for layer, tables, rows in layers))
    totals = dict.fromkeys(("files_loaded", "files_skipped", "files_rejected", "rows_loaded",
                            "rows_quarantined", "values_nulled"), 0)
    marts = 0
    for event in result.get_asset_materialization_events():
        key = event.asset_key
        metadata = event.materialization.metadata
        if key.path[0].startswith("raw_"):
            for name in totals:
                value = metadata.get(name)
                totals[name] += int(value.value) if value is not None else 0
        elif key.path[0] == "marts":
            marts += 1
    lines.append(f"Landing files this run: {totals['files_loaded']:,} loaded, "
                 f"{totals['files_skipped']:,} skipped (unchanged), "
                 f"{totals['files_rejected']:,} rejected; rows: {totals['rows_loaded']:,} "
                 f"loaded, {totals['rows_quarantined']:,} quarantined, "
                 f"{totals['values_nulled']:,} values nulled")
    checks = result.get_asset_check_evaluations()
    passed = sum(1 for c in checks if c.passed)
    warned = sum(1 for c in checks if not c.passed and c.severity == dg.AssetCheckSeverity.WARN)
    failed = len(checks) - passed - warned
    lines.append(f"Checks: {passed:,} passed, {warned:,} warned, {failed:,} failed "
                 "(the ones that did not pass are named below)")
    if models_skipped(result):
        lines.append("Marts refreshed: 0 (nothing landed, no text analysed and no model "
                     "changed since the last published build, so dbt did not run)")
    else:
        lines.append(f"Marts refreshed: {marts}")
    return "\n".join(lines)
