{#- Generated from orchestration/defs/ingest/contracts.py by
    `python -m orchestration.defs.ingest.dbt_sources`; edit the contract instead.
    The values the landing contract names for a column (Column.known) per source
    table; other values load too. -#}
{% macro contract_known_values() -%}
{{ return({
    "marketing.spend": {"cost_category": ["ads", "boosting", "influencers", "content production", "tools", "agency"]},
}) }}
{%- endmacro %}
