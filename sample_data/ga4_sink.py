"""GA4 export files: one per export day (``events_YYYYMMDD``), JSON lines or Parquet.

Events wait in a small per-day buffer until their export day closes; late events (a device
that was offline) are exported one to three days after their ``event_date``. Only the last
few days are ever buffered, so memory stays bounded at any scale.
"""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from .writers import Stats

_VALUE = pa.struct([("string_value", pa.string()), ("int_value", pa.int64()),
                    ("float_value", pa.float64()), ("double_value", pa.float64())])
SCHEMA = pa.schema([
    ("event_date", pa.string()),
    ("event_timestamp", pa.int64()),
    ("event_name", pa.string()),
    ("event_params", pa.list_(pa.struct([("key", pa.string()), ("value", _VALUE)]))),
    ("user_pseudo_id", pa.string()),
    ("user_id", pa.string()),
    ("user_first_touch_timestamp", pa.int64()),
    ("traffic_source", pa.struct([("name", pa.string()), ("medium", pa.string()),
                                  ("source", pa.string())])),
    ("collected_traffic_source", pa.struct([
        ("manual_source", pa.string()), ("manual_medium", pa.string()),
        ("manual_campaign_name", pa.string()), ("gclid", pa.string())])),
    ("device", pa.struct([("category", pa.string())])),
    ("geo", pa.struct([("country", pa.string())])),
    ("ecommerce", pa.struct([("transaction_id", pa.string()), ("purchase_revenue", pa.float64())])),
])


class Ga4Sink:
    def __init__(self, root: Path, fmt: str, end: date, stats: Stats) -> None:
        self.dir = root / "ga4" / "events"
        self.fmt, self.end, self.stats = fmt, end, stats
        self.pending: dict[date, list[dict[str, Any]]] = defaultdict(list)
        self.events = 0
        self.late = 0

    def add(self, events: list[dict[str, Any]], event_days: list[date], lag_days: int) -> None:
        for event, day in zip(events, event_days, strict=True):
            arrival = min(day + timedelta(days=lag_days), self.end)
            self.pending[arrival].append(event)
            self.late += arrival > day

    def flush(self, day: date) -> None:
        events = self.pending.pop(day, [])
        if not events:
            return
        events.sort(key=lambda e: (e["event_timestamp"], e["user_pseudo_id"], e["event_name"]))
        self.dir.mkdir(parents=True, exist_ok=True)
        path = self.dir / f"events_{day:%Y%m%d}.{self.fmt}"
        if self.fmt == "parquet":
            table = pa.Table.from_pylist(events, schema=SCHEMA)
            pq.write_table(table, path, compression="zstd")
        else:
            with path.open("w", encoding="utf-8") as fh:
                for e in events:
                    fh.write(json.dumps(e, ensure_ascii=False, separators=(",", ":")) + "\n")
        self.events += len(events)
        self.stats.add_file(("ga4", "events"))
        self.stats.add_rows(("ga4", "events"), len(events))

    def close(self) -> None:
        for day in sorted(self.pending):
            self.flush(day)
