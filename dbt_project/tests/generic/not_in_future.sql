{#- Fails for every row whose moment lies more than `tolerance_days` after now: the loader's
    "in the future" rule (FUTURE_TOLERANCE_DAYS = 1 in orchestration/defs/ingest/validation.py),
    for tables it did not load (an ELT tool's schema). NULLs pass (not_null says whether
    they may be empty). `kind` says how the column holds the moment:
    - `timestamp` (default): a timestamp with or without time zone, or ISO text; compared in
      UTC with now + tolerance;
    - `date`: a calendar date; compared with today (UTC) + tolerance, as the loader does;
    - `epoch_micros`: microseconds since the Unix epoch (GA4's event_timestamp).
    Portable: now, date arithmetic and the conversions are dispatched macros. -#}
{% test not_in_future(model, column_name, kind='timestamp', tolerance_days=1) %}
    {%- set latest_allowed = dbt.dateadd('day', tolerance_days, dbt.current_timestamp()) %}
    select {{ column_name }} as future_value
    from {{ model }}
    where
        {{ column_name }} is not null
        {%- if kind == 'date' %}
        and cast({{ column_name }} as date) > cast({{ latest_allowed }} as date)
        {%- elif kind == 'epoch_micros' %}
        and {{ from_epoch_micros(column_name) }} > {{ to_utc(latest_allowed) }}
        {%- elif kind == 'timestamp' %}
        and {{ to_utc(column_name) }} > {{ to_utc(latest_allowed) }}
        {%- else %}
        {{ exceptions.raise_compiler_error(
            "not_in_future on " ~ model ~ "." ~ column_name ~ ": kind must be timestamp, date "
            ~ "or epoch_micros, not " ~ kind) }}
        {%- endif %}
{% endtest %}
