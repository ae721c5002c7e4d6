"""The project's dbt command (``social-roi-dbt``, what Dagster and the tests run): dbt itself,
plus one thing dbt-spark lacks. dbt-spark runs Python models only on Databricks (a job or an
all-purpose cluster, over its REST API); with ``method: session`` (Spark in dbt's own process,
local mode or a driver on the cluster) there is nowhere to send them. Here a ``session``
submission method runs the compiled model in that same Spark session, and it is the default
for session profiles. Every other command and adapter is dbt unchanged.
"""

from __future__ import annotations

from typing import Any


class SessionPythonJobHelper:
    """Runs a compiled Python model (its code and dbt-spark's ``py_write_table`` epilogue)
    in the Spark session dbt-spark's ``method: session`` opened in this process."""

    def __init__(self, parsed_model: dict[str, Any], credential: Any) -> None:
        self.name = f"<python model {parsed_model.get('unique_id', '?')}>"

    def submit(self, compiled_code: str) -> None:
        from pyspark.sql import SparkSession

        spark = SparkSession.getActiveSession() or SparkSession.builder.getOrCreate()
        exec(compile(compiled_code, self.name, "exec"), {"spark": spark, "__name__": "dbt"})


def _add_session_python_models() -> None:
    try:
        from dbt.adapters.spark.connections import SparkConnectionMethod
        from dbt.adapters.spark.impl import SparkAdapter
    except ImportError:  # dbt-spark not installed: nothing to add
        return
    helpers = SparkAdapter.python_submission_helpers.fget
    default = SparkAdapter.default_python_submission_method.fget
    assert helpers is not None and default is not None

    def python_submission_helpers(self: Any) -> dict[str, Any]:
        return {**helpers(self), "session": SessionPythonJobHelper}

    def default_python_submission_method(self: Any) -> str:
        method = self.connections.profile.credentials.method
        return "session" if method == SparkConnectionMethod.SESSION else default(self)

    SparkAdapter.python_submission_helpers = property(python_submission_helpers)  # type: ignore[method-assign,assignment]
    SparkAdapter.default_python_submission_method = property(  # type: ignore[method-assign,assignment]
        default_python_submission_method)


def main() -> None:
    from dbt.cli.main import cli

    _add_session_python_models()
    cli()


if __name__ == "__main__":
    main()
