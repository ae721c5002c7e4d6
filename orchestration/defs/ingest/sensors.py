"""A sensor that starts a load when files appear or change in the landing folder."""


import hashlib
import json

import dagster as dg

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
    for table in TABLES:
        files = files_for(landing.root, table)
        if not files:
            continue
        name = f"{table.source}/{table.name}"
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
