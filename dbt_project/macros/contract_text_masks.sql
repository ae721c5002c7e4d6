{#- Generated from orchestration/defs/ingest/pii.py by
    `python -m orchestration.defs.ingest.dbt_sources`; edit TEXT_MASKS instead.
    The masks of personal data inside free text, in the order they apply. -#}
{% macro contract_text_masks() -%}
{% set masks_yaml %}
- {what: 'email', pattern: '[A-Za-z0-9._%+\-]+(@|%40)[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}', placeholder: '[email]'}
- {what: 'phone number', pattern: '(\+|00|0|۰|٠)[0-9۰-۹٠-٩]([ .()\-]{0,2}[0-9۰-۹٠-٩]){8,}', placeholder: '[phone]'}
- {what: 'national id or other long number', pattern: '[0-9۰-۹٠-٩]([ .()\-]?[0-9۰-۹٠-٩]){9,}', placeholder: '[number]'}
- {what: 'handle', pattern: '@[A-Za-z0-9_][A-Za-z0-9_.]{1,}', placeholder: '@user'}
{% endset %}
{{ return(fromyaml(masks_yaml)) }}
{%- endmacro %}
