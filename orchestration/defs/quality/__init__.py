"""Quality gates: Great Expectations suites (per landing batch and per mart), source
freshness and volume anomaly checks, all surfaced as Dagster asset checks with numbers."""
