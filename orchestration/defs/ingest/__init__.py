"""Raw loading: landing files -> ``raw_<source>.<table>`` in DuckDB, with audit and quarantine."""
