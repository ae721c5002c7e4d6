"""Writes the dbt semantic layer (``models/semantic/_semantic__models.yml``: MetricFlow
semantic models, metrics and the time spine's properties) from the metric catalog in
``dbt_project/macros/metric_catalog.sql``, so a metric is defined once, in the catalog.

    python -m orchestration.semantic_layer          # rewrite the file
    python -m orchestration.semantic_layer --check  # fail if it is stale

How each catalog entry becomes a metric (MetricFlow aggregates first, then divides, so every
metric is right at any grain: day, week, month, quarter, year, any dimension):
- a count, money or hours figure: a simple metric, the sum of the mart column;
- ``stock: true`` (followers, live backlinks): a semi-additive measure, the value on the last
  day of the period (``stock_at: start``: the first day) of each account, summed over accounts;
- ``semantic_expr`` (every rate and score): an expression over other catalog metrics; ``a / b``
  becomes a ratio metric (sum of a / sum of b), anything else a derived metric;
- ``semantic: none``: left out, with ``semantic_reason`` saying why (e.g. a distinct count
  that cannot be added across months, an index against the peer median).
Entries of marts without a time series here (per order, per quarter) are left out too.
Generation is strict: a rate without ``semantic_expr`` or ``semantic: none``, an operand that
is not a generated metric, or a mart column that the mart's properties do not declare, is an
error naming the entry.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

DBT_PROJECT_DIR = Path(__file__).resolve().parents[1] / "dbt_project"
CATALOG_MACRO = DBT_PROJECT_DIR / "macros" / "metric_catalog.sql"
MARTS_DIR = DBT_PROJECT_DIR / "models" / "marts"
OUTPUT = DBT_PROJECT_DIR / "models" / "semantic" / "_semantic__models.yml"
TIME_SPINE = "metricflow_time_spine"
HEADER = ("# Generated from dbt_project/macros/metric_catalog.sql by\n"
          "# `python -m orchestration.semantic_layer`; edit the catalog instead.\n")

ADDITIVE_UNITS = ("count", "money", "hours")


@dataclass(frozen=True)
class SemanticMart:
    """How a mart is read as a MetricFlow semantic model."""

    time_column: str
    granularity: str
    # entity name -> column: the keys a metric can be grouped by (`--group-by platform`);
    # metrics of different marts sharing an entity can be combined (a ratio across marts).
    entities: dict[str, str]
    dimensions: tuple[str, ...] = ()
    # The entity whose rows a stock is taken per (followers: per account) before summing.
    stock_per: tuple[str, ...] = ()
    # The column whose value 'all' marks a mart's rollup rows (none: the mart has none).
    rollup_column: str | None = None
    description: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


# The marts with a daily or monthly series. The KPI and benchmark marts carry a rollup row
# (platform 'all') beside their platform rows: a measure reads one kind only, so a sum over
# platforms never counts a figure twice. By default the platform rows (the rollup is their
# sum: followers, posts, likes); `semantic_rows: rollup` in the catalog where the rollup holds
# figures no platform row has (shop totals, orders credited to a platform without an own
# account, mentions of no platform, backlinks).
SEMANTIC_MARTS: dict[str, SemanticMart] = {
    "kpi_tier_1_daily": SemanticMart(
        "metric_date", "day", {"platform": "platform", "account": "account_id",
                               "brand": "brand"},
        stock_per=("account",), rollup_column="platform",
        description="KPI tier 1 (followers, posts, likes, comments), day x platform x account."),
    "kpi_tier_2_daily": SemanticMart(
        "metric_date", "day", {"platform": "platform", "account": "account_id",
                               "brand": "brand"},
        rollup_column="platform",
        description="KPI tier 2 (shares, impressions, search referrals), day x platform x "
                    "account; the search figures are on the platform 'all' rows."),
    "kpi_tier_3_daily": SemanticMart(
        "metric_date", "day", {"platform": "platform", "account": "account_id"},
        rollup_column="platform",
        description="KPI tier 3 (orders, revenue, customers, social credit), day: the shop's "
                    "totals and their social credit."),
    "benchmark_distribution": SemanticMart(
        "month_start_date", "month", {"platform": "platform", "brand": "brand"},
        dimensions=("is_own_brand",), stock_per=("brand", "platform"),
        rollup_column="platform",
        description="Benchmark, distribution: month x brand x platform."),
    "benchmark_interaction": SemanticMart(
        "month_start_date", "month", {"platform": "platform", "brand": "brand"},
        dimensions=("is_own_brand",),
        rollup_column="platform",
        description="Benchmark, interaction: month x brand x platform."),
    "benchmark_influence": SemanticMart(
        "month_start_date", "month", {"platform": "platform", "brand": "brand"},
        dimensions=("is_own_brand",),
        rollup_column="platform",
        description="Benchmark, influence: month x brand x platform."),
    "social_investment_daily": SemanticMart(
        "metric_date", "day", {"channel": "channel"}, dimensions=("is_social_channel",),
        description="Money and time invested, day x channel (reporting currency)."),
    "conversation_themes": SemanticMart(
        "month_start_date", "month", {"brand": "brand", "theme": "theme_key"},
        dimensions=("is_own_brand", "theme_kind"),
        description="What people say: texts touching a theme, month x brand x theme."),
}


# Marts with catalog metrics but no metric in the semantic layer, and why.
UNSERIES_MARTS: dict[str, str] = {
    "attribution_credits": "one row per order x touch x model: a credit share, not a series",
    "attribution_by_channel": (
        "six attribution models are alternatives, not parts: a sum over models means nothing, "
        "and MetricFlow cannot require a group-by (query the mart per model)"),
    "social_roi_monthly": (
        "the credit methods are alternatives, not parts, and every method row repeats the "
        "channel's investment: a sum over methods means nothing (query the mart per method)"),
    "channel_incrementality": (
        "model estimates per quarter (with intervals): they are not re-aggregated to other "
        "grains"),
}


class SemanticLayerError(ValueError):
    """A catalog entry the semantic layer cannot express as it stands."""


def read_catalog(path: Path = CATALOG_MACRO) -> list[dict[str, Any]]:
    """The catalog's entries as written in the macro (the YAML between ``{% set catalog_yaml
    %}`` and ``{% endset %}``; the macro adds the index and percentile entries itself)."""
    text = path.read_text(encoding="utf-8")
    match = re.search(r"\{% set catalog_yaml %\}(.*?)\{% endset %\}", text, re.S)
    if match is None:
        raise SemanticLayerError(f"{path}: no `{{% set catalog_yaml %}}` block")
    if "{{" in match.group(1) or "{%" in match.group(1):
        raise SemanticLayerError(f"{path}: the catalog YAML must be plain YAML (no Jinja)")
    return yaml.safe_load(match.group(1))


def mart_columns(marts_dir: Path = MARTS_DIR) -> dict[str, set[str]]:
    columns: dict[str, set[str]] = {}
    for path in sorted(marts_dir.rglob("_*__models.yml")):
        for model in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("models", []):
            columns[model["name"]] = {c["name"] for c in model.get("columns", [])}
    return columns


def excluded(entry: dict[str, Any]) -> str | None:
    """Why an entry has no metric in the semantic layer (none: it has one)."""
    if entry["mart"] in UNSERIES_MARTS:
        return f"{entry['mart']}: {UNSERIES_MARTS[entry['mart']]}"
    if entry["mart"] not in SEMANTIC_MARTS:
        raise SemanticLayerError(
            f"{entry['key']}: mart {entry['mart']} is in neither SEMANTIC_MARTS nor "
            "UNSERIES_MARTS")
    if entry.get("semantic") == "none":
        reason = entry.get("semantic_reason")
        if not reason:
            raise SemanticLayerError(f"{entry['key']}: `semantic: none` needs semantic_reason")
        return reason
    return None


def operands(expr: str) -> list[str]:
    words = re.findall(r"[a-z_][a-z0-9_]*", expr)
    return list(dict.fromkeys(w for w in words if w not in ("nullif", "cast", "as", "double")))


def _measure(entry: dict[str, Any], mart: SemanticMart) -> dict[str, Any]:
    column = entry["column"]
    rows = entry.get("semantic_rows", "breakdown")
    if rows not in ("breakdown", "rollup"):
        raise SemanticLayerError(f"{entry['key']}: semantic_rows is breakdown or rollup")
    expr = column
    if mart.rollup_column is not None:
        operator = "=" if rows == "rollup" else "<>"
        expr = f"case when {mart.rollup_column} {operator} 'all' then {column} end"
    measure: dict[str, Any] = {
        "name": entry["key"], "description": entry["definition"], "agg": "sum", "expr": expr,
    }
    if entry.get("stock"):
        measure["non_additive_dimension"] = {
            "name": mart.time_column,
            "window_choice": "min" if entry.get("stock_at") == "start" else "max",
            **({"window_groupings": list(mart.stock_per)} if mart.stock_per else {}),
        }
    return measure


def _metric(entry: dict[str, Any], label: str) -> dict[str, Any]:
    metric: dict[str, Any] = {
        "name": entry["key"], "label": label, "description": entry["definition"],
    }
    expr = entry.get("semantic_expr")
    if expr is None:
        metric.update(type="simple", type_params={"measure": entry["key"]})
    elif re.fullmatch(r"\s*[a-z_][a-z0-9_]*\s*/\s*[a-z_][a-z0-9_]*\s*", expr):
        numerator, denominator = (part.strip() for part in expr.split("/"))
        metric.update(type="ratio", type_params={"numerator": numerator,
                                                 "denominator": denominator})
    else:
        metric.update(type="derived", type_params={"expr": expr, "metrics": operands(expr)})
    metric["config"] = {"meta": {"unit": entry["unit"], "grain": entry["grain"],
                                 "mart": entry["mart"], "column": entry["column"]}}
    return metric


def semantic_layer(catalog: list[dict[str, Any]],
                   columns: dict[str, set[str]]) -> dict[str, Any]:
    """The semantic layer's YAML document for the catalog (see the module docstring)."""
    kept = [entry for entry in catalog if excluded(entry) is None]
    keys = {entry["key"] for entry in kept}
    for entry in kept:
        if entry["column"] not in columns.get(entry["mart"], set()):
            raise SemanticLayerError(
                f"{entry['key']}: {entry['mart']}.{entry['column']} is not a declared column")
        expr = entry.get("semantic_expr")
        if expr is None and entry["unit"] not in ADDITIVE_UNITS:
            raise SemanticLayerError(
                f"{entry['key']}: a {entry['unit']} cannot be summed; give it semantic_expr "
                "(over other catalog metrics) or `semantic: none` with semantic_reason")
        if expr is not None:
            unknown = [name for name in operands(expr) if name not in keys]
            if unknown:
                raise SemanticLayerError(
                    f"{entry['key']}: semantic_expr reads {unknown}, not metrics of the "
                    "semantic layer")
    # Labels are unique in a semantic layer: a name two marts share gets its mart.
    names = [entry["name"] for entry in kept]
    labels = {entry["key"]: entry["name"] if names.count(entry["name"]) == 1
              else f"{entry['name']} ({entry['mart']})" for entry in kept}
    semantic_models = []
    for name, mart in SEMANTIC_MARTS.items():
        measures = [_measure(entry, mart) for entry in kept
                    if entry["mart"] == name and entry.get("semantic_expr") is None]
        if not measures:
            continue
        semantic_models.append({
            "name": name, "description": mart.description, "model": f"ref('{name}')",
            "defaults": {"agg_time_dimension": mart.time_column},
            "primary_entity": f"{name}_row",
            "entities": [{"name": entity, "type": "foreign", "expr": column}
                         for entity, column in mart.entities.items()],
            "dimensions": [
                {"name": mart.time_column, "type": "time",
                 "type_params": {"time_granularity": mart.granularity}},
                *({"name": dimension, "type": "categorical"} for dimension in mart.dimensions),
            ],
            "measures": measures,
        })
    return {
        "version": 2,
        "models": [{
            "name": TIME_SPINE,
            "description": "One row per day (MetricFlow's time spine: the days metric_time "
                           "can take).",
            "time_spine": {"standard_granularity_column": "date_day"},
            "columns": [{"name": "date_day", "description": "The day.",
                         "granularity": "day"}],
        }],
        "semantic_models": semantic_models,
        "metrics": [_metric(entry, labels[entry["key"]]) for entry in kept],
    }


def render() -> str:
    catalog = read_catalog()
    document = semantic_layer(catalog, mart_columns())
    left_out = "".join(f"#   {entry['key']}: {reason}\n" for entry in catalog
                       if (reason := excluded(entry)) is not None)
    return (HEADER + "# Catalog metrics without a MetricFlow metric, and why:\n" + left_out
            + yaml.safe_dump(document, sort_keys=False, allow_unicode=True, width=100))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true",
                        help="fail if the file is not what the catalog generates")
    args = parser.parse_args(argv)
    text = render()
    if args.check:
        current = OUTPUT.read_text(encoding="utf-8") if OUTPUT.exists() else ""
        if current != text:
            print(f"{OUTPUT} is stale: run `python -m orchestration.semantic_layer`",
                  file=sys.stderr)
            return 1
        return 0
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUTPUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
