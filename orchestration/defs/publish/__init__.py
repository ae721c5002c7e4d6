"""Write-audit-publish: the marts, once every blocking check passed, copied to a serving DuckDB
file and a Parquet folder that BI tools read while the pipeline works on its own file."""
