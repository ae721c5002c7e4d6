"""The dbt project as Dagster assets: models downstream of the raw tables, tests as checks."""
