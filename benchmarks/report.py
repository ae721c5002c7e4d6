"""The benchmark's output: a plain-text table, the same figures as Markdown (for the README)
and as JSON, and the issue's targets (section 3: meant for ``large``) with met / not met."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from benchmarks.scenario import ScaleResult, gib

GIB = 2**30
SMALL_PROCESS = 20 * 2**20  # processes below this peak are counted, not named


@dataclass
class Target:
    name: str
    value: str
    goal: str
    met: bool | None  # None: not measured

    @property
    def verdict(self) -> str:
        return "not measured" if self.met is None else ("met" if self.met else "NOT met")


def _ratio(a: float | None, b: float | None) -> float | None:
    return a / b if a is not None and b else None


def targets(result: ScaleResult, scaling: dict[str, Any] | None = None) -> list[Target]:
    full, incremental, nothing = (result.refresh("full"), result.refresh("incremental"),
                                  result.refresh("no-change"))
    base = result.baselines[0] if result.baselines else None
    out = []
    ratio = _ratio(full.seconds if full else None, base.seconds if base else None)
    out.append(Target("full refresh / plain-SQL baseline",
                      "-" if ratio is None else f"{ratio:.1f}x", "<= 10x",
                      None if ratio is None else ratio <= 10))
    share = _ratio(incremental.seconds if incremental else None,
                   full.seconds if full else None)
    out.append(Target("one-day incremental / full refresh",
                      "-" if share is None else f"{100 * share:.1f}%", "< 5%",
                      None if share is None else share < 0.05))
    out.append(Target("no-change refresh", "-" if nothing is None else f"{nothing.seconds:.1f} s",
                      "< 30 s", None if nothing is None else nothing.seconds < 30))
    if scaling is not None:
        r = scaling.get("ratio")
        out.append(Target("2x data (two years) / 1x, full refresh",
                          "-" if r is None else f"{r:.2f}x", "<= 2.2x",
                          None if r is None else r <= 2.2))
    peaks = [r.peak_total_bytes for r in result.refreshes]
    peak = max(peaks) if peaks else None
    out.append(Target("peak RSS of the refresh's process tree", gib(peak), "< 4 GiB",
                      None if peak is None else peak < 4 * GIB))
    return out


def _n(x: float | int | None, digits: int = 0) -> str:
    if x is None:
        return "-"
    return f"{x:,.{digits}f}"


def stage_rows(result: ScaleResult) -> tuple[list[str], list[list[str]]]:
    """One row per stage: seconds of each refresh kind, rows and peak RSS of the full one."""
    kinds = [r.kind for r in result.refreshes]
    header = ["stage", *[f"{k} s" for k in kinds], "rows in", "rows out", "rows/s",
              "peak RSS", "note"]
    rows = [["generate", *([_n(result.generate.seconds, 1)] + ["-"] * (len(kinds) - 1)),
             "-", _n(result.generate.rows_out), _n(result.generate.rows_per_second),
             gib(result.generate.peak_rss_bytes), result.generate.note]]
    full = result.refreshes[0] if result.refreshes else None
    names = [s.name for s in full.stages] if full else []
    for refresh in result.refreshes[1:]:
        names += [s.name for s in refresh.stages if s.name not in names]
    for name in names:
        by_kind = [next((s for s in r.stages if s.name == name), None)
                   for r in result.refreshes]
        first = by_kind[0]
        rows.append([name, *[_n(s.seconds, 1) if s else "-" for s in by_kind],
                     _n(first.rows_in) if first else "-", _n(first.rows_out) if first else "-",
                     _n(first.rows_per_second) if first else "-",
                     gib(first.peak_rss_bytes) if first else "-",
                     first.note if first else ""])
    return header, rows


def refresh_rows(result: ScaleResult) -> tuple[list[str], list[list[str]]]:
    header = ["run", "seconds", "start-up s", "Dagster run s", "files loaded", "rows loaded",
              "peak RSS (tree)", "peak RSS per process"]
    rows = []
    for r in result.refreshes:
        big = sorted(((n, b) for n, b in r.peak_by_process.items() if b >= SMALL_PROCESS),
                     key=lambda kv: -kv[1])
        small = len(r.peak_by_process) - len(big)
        per_process = "; ".join(f"{name} {gib(b)}" for name, b in big) + (
            f"; {small} more under {SMALL_PROCESS // 2**20} MiB each" if small else "")
        rows.append([f"{r.kind} refresh" + ("" if r.success else " (FAILED)"),
                     _n(r.seconds, 1), _n(r.startup_seconds, 1), _n(r.run_seconds, 1),
                     _n(len(r.loaded.changed_files)), _n(sum(r.loaded.rows_loaded.values())),
                     gib(r.peak_total_bytes), per_process])
    for b in result.baselines:
        rows.append([f"baseline ({b.label})", _n(b.seconds, 1), "-", "-", "-", "-",
                     gib(b.peak_total_bytes), f"queries {b.query_seconds:.2f} s"])
    return header, rows


def cross_check_lines(result: ScaleResult) -> list[str]:
    lines = []
    for b in result.baselines:
        for name, check in b.cross_check.items():
            unit = "months" if name.endswith("_per_month") else "days"
            if check.get("error"):
                verdict = f"NOT COMPARED: {check['error']}"
            elif check["match"]:
                verdict = f"match ({check['days']} {unit})"
            else:
                shown = ", ".join(f"{d['key']}: baseline {d['baseline']:,.2f} vs warehouse "
                                  f"{d['warehouse']:,.2f}" for d in check["differences"][:5])
                verdict = f"DIFFER on {check['differing']} {unit} of {check['days']}: {shown}"
            lines.append(f"{b.label}: {name} vs {check['compared_with']}: {verdict}")
    return lines


def text_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    widths = [max(len(str(c)) for c in col) for col in zip(header, *rows, strict=True)]
    numeric = [i > 0 and all(_numeric(r[i]) for r in rows) for i in range(len(header))]

    def line(cells: Sequence[str]) -> str:
        return "  ".join(str(c).rjust(w) if num else str(c).ljust(w)
                         for c, w, num in zip(cells, widths, numeric, strict=True)).rstrip()

    return "\n".join([line(header), line(["-" * w for w in widths]),
                      *(line(r) for r in rows)])


def _numeric(cell: str) -> bool:
    return cell == "-" or cell.replace(",", "").replace(".", "").replace(" GiB", "").isdigit()


def markdown_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    def line(cells: Sequence[str]) -> str:
        return "| " + " | ".join(str(c).replace("|", "\\|") for c in cells) + " |"

    return "\n".join([line(header), "|" + "---|" * len(header), *(line(r) for r in rows)])


def summary_rows(results: Sequence[ScaleResult], scaling: dict[str, Any] | None
                 ) -> tuple[list[str], list[list[str]]]:
    """One row per scale: the headline figures (the README's table)."""
    header = ["scale", "full refresh s", "of which dbt build s", "one-day incremental s",
              "no-change s", "baseline s", "full / baseline", "peak RSS (tree)",
              "2x data / 1x", "baseline = warehouse"]
    rows = []
    for result in results:
        full, incremental, nothing = (result.refresh("full"), result.refresh("incremental"),
                                      result.refresh("no-change"))
        base = result.baselines[0] if result.baselines else None
        dbt = next((st for st in full.stages if st.name == "dbt build"), None) if full else None
        share = _ratio(incremental.seconds if incremental else None,
                       full.seconds if full else None)
        ratio = _ratio(full.seconds if full else None, base.seconds if base else None)
        checks = [c for b in result.baselines for c in b.cross_check.values()]
        peaks = [r.peak_total_bytes for r in result.refreshes]
        two = scaling.get("ratio") if scaling and result.scale == "large" else None
        failed = [r.kind for r in result.refreshes if not r.success]
        rows.append([
            f"{result.scale} ({result.period}, {_n(result.generate.rows_out)} rows)",
            _n(full.seconds, 1) if full else "-", _n(dbt.seconds, 1) if dbt else "-",
            "-" if incremental is None else f"{incremental.seconds:,.1f} ({100 * share:.0f}%)"
            if share is not None else _n(incremental.seconds, 1),
            _n(nothing.seconds, 1) if nothing else "-", _n(base.seconds, 1) if base else "-",
            "-" if ratio is None else f"{ratio:,.0f}x", gib(max(peaks) if peaks else None),
            "-" if two is None else f"{two:.2f}x",
            ("match" if checks and all(c["match"] for c in checks) else "see below")
            + (f"; FAILED: {', '.join(failed)}" if failed else "")])
    return header, rows


def engine_rows(engines: Sequence[ScaleResult]) -> tuple[list[str], list[list[str]]]:
    """The full refresh of one scale per engine (where dbt builds), and its ratio to the
    first (DuckDB's)."""
    header = ["scale", "engine", "full refresh s", "of which dbt build s", "peak RSS (tree)",
              "vs DuckDB"]
    rows = []
    first = engines[0].refresh("full") if engines else None
    for result in engines:
        full = result.refresh("full")
        dbt = next((st for st in full.stages if st.name == "dbt build"), None) if full else None
        ratio = _ratio(full.seconds if full else None, first.seconds if first else None)
        rows.append([
            f"{result.scale} ({result.period}, {_n(result.generate.rows_out)} rows)",
            result.engine + ("" if full is None or full.success else " (FAILED)"),
            _n(full.seconds, 1) if full else "-", _n(dbt.seconds, 1) if dbt else "-",
            gib(full.peak_total_bytes) if full else "-",
            "-" if ratio is None else f"{ratio:.2f}x"])
    return header, rows


def render(results: Sequence[ScaleResult], scaling: dict[str, Any] | None,
           machine: dict[str, Any], markdown: bool = False,
           engines: Sequence[ScaleResult] = ()) -> str:
    table = markdown_table if markdown else text_table
    out = []
    title = (f"Benchmark of {machine['started_at']} on {machine['description']}")
    out += [("### " if markdown else "") + title, ""]
    out += [table(*summary_rows(results, scaling)), ""]
    for result in results:
        heading = (f"{result.scale} ({result.sample_key}, {result.period}); the full refresh "
                   f"reads every file but the {len(result.held_back_files)} daily files of "
                   f"{result.held_back_day} (monthly and whole-period files stay), the "
                   "incremental refresh adds them, the no-change refresh finds nothing new")
        out += [("#### " if markdown else "== ") + heading, ""]
        out += [table(*stage_rows(result)), ""]
        out += [table(*refresh_rows(result)), ""]
        out += [("- " if markdown else "cross-check ") + line
                for line in cross_check_lines(result)] + [""]
        rows = [[t.name, t.value, t.goal, t.verdict]
                for t in targets(result, scaling if result.scale == "large" else None)]
        label = "targets (issue 14 section 3, set for large)"
        out += [("**" + label + "**") if markdown else label, ""]
        out += [table(["target", "measured", "goal", "verdict"], rows), ""]
    if scaling is not None:
        out += [("- " if markdown else "") + f"scaling: {scaling['text']}", ""]
    if engines:
        out += [("#### " if markdown else "== ") + "the same full refresh, dbt on each engine "
                "(WAREHOUSE_ENGINE; Spark in local mode on this machine)", ""]
        out += [table(*engine_rows(engines)), ""]
    return "\n".join(out)
