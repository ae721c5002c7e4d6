"""A sensor that starts a load when files appear or change in the landing folder."""


import hashlib
import json
import time

import dagster as dg

from orchestration.defs import settings
from orchestration.defs.ingest.assets import raw_key
from orchestration.defs.ingest.contracts import TABLES
from orchestration.defs.ingest.landing import files_for, fingerprint
from orchestration.defs.resources import LandingResource


@dg.sensor(
    name="landing_files_sensor",
    minimum_interval_seconds=60,
    asset_selection=dg.AssetSelection.groups("raw"),
    description="Loads the raw tables whose landing folder gained or changed files.",
)
def landing_files_sensor(
    context: dg.SensorEvaluationContext, landing: LandingResource
) -> dg.SensorResult:
    previous: dict[str, str] = json.loads(context.cursor) if context.cursor else {}
    current: dict[str, str] = {}
    changed: list[dg.AssetKey] = []
    settle = settings.landing_settle_seconds()
    for table in TABLES:
        files = files_for(landing.root, table)
        name = f"{table.source}/{table.name}"
        if not files and name not in previous:
            continue  # (a folder emptied since the last tick does start a load: rows follow)
        if settle and any(f.refused is None and time.time() - f.path.stat().st_mtime < settle
                          for f in files):
            # still being written: look again on the next tick, once it has settled
            if name in previous:
                current[name] = previous[name]
            continue
        current[name] = fingerprint(files)
        if previous.get(name) != current[name]:
            changed.append(raw_key(table))
    if not changed:
        return dg.SensorResult(skip_reason="no new or changed landing files",
                               cursor=json.dumps(current, sort_keys=True))
    state = json.dumps(current, sort_keys=True)
    run_key = "landing-" + hashlib.sha256(state.encode()).hexdigest()[:16]
    return dg.SensorResult(
        run_requests=[dg.RunRequest(run_key=run_key, asset_selection=changed)], cursor=state,
    )
