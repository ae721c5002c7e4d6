"""What a run did to the serving copy, in words a person can act on: published (where, which
publish), or not, with what blocked it and which publish BI tools still read."""

from dataclasses import dataclass
from pathlib import Path

import dagster as dg
import duckdb

from orchestration.console import models_skipped
from orchestration.defs import settings
from orchestration.defs.publish.assets import SERVING_KEY
from orchestration.defs.publish.serving import PARQUET_DIR, SERVING_FILE, current_publish_id


@dataclass(frozen=True)
class PublishOutcome:
    serving: Path
    publish_id: str | None  # this run's, when it published
    served_id: str | None  # what BI tools read now
    blocked_by: tuple[str, ...]
    unchanged: bool = False  # the models were not rebuilt: nothing new to publish

    def render(self) -> str:
        where = (f"{self.serving / SERVING_FILE} (DuckDB) and "
                 f"{self.serving / PARQUET_DIR / 'current'}/ (Parquet)")
        if self.publish_id is not None:
            return f"Serving copy for BI tools: published {self.publish_id} to {where}."
        if self.unchanged and not self.blocked_by:
            return (f"Serving copy for BI tools unchanged (nothing new to publish): {where} "
                    f"still hold publish {self.served_id}.")
        kept = (f"they still read publish {self.served_id}" if self.served_id
                else "nothing was ever published")
        lines = [f"Serving copy NOT published: BI tools read {where}; {kept}."]
        if self.blocked_by:
            lines.append("Blocked by:")
            lines += [f"  - {reason}" for reason in self.blocked_by]
        return "\n".join(lines)


def _served_id(serving: Path) -> str | None:
    path = serving / SERVING_FILE
    if not path.exists():
        return current_publish_id(serving)
    with duckdb.connect(str(path), read_only=True, config=settings.duckdb_config()) as con:
        tables = con.execute("select table_schema || '.' || table_name "
                             "from information_schema.tables limit 1").fetchall()
        if not tables:
            return None
        found = con.execute(f"select max(publish_id) from {tables[0][0]}").fetchone()
    return str(found[0]) if found and found[0] is not None else None


def publish_outcome(result: dg.ExecuteInProcessResult, serving: Path,
                    mart_keys: set[dg.AssetKey]) -> PublishOutcome:
    """``mart_keys``: the assets of the marts group (failed ERROR checks on them block)."""
    for event in result.get_asset_materialization_events():
        if event.asset_key == SERVING_KEY:
            metadata = event.materialization.metadata
            publish_id = str(metadata["publish_id"].value)
            return PublishOutcome(serving, publish_id, publish_id, ())
    blocked = [f"{'/'.join(c.asset_key.path)}: {c.check_name} failed ({c.severity.value})"
               + (f" - {c.description}" if c.description else "")
               for c in result.get_asset_check_evaluations()
               if not c.passed and c.severity == dg.AssetCheckSeverity.ERROR
               and c.asset_key in mart_keys]
    blocked += [f"step {e.step_key} failed: {e.step_failure_data.error.message.strip()[:300]}"
                for e in result.all_events
                if e.is_step_failure and e.step_failure_data.error is not None]
    return PublishOutcome(serving, None, _served_id(serving), tuple(blocked),
                          unchanged=models_skipped(result))

