{#- The account_id under which post figures are reported when neither the posts tables nor
    the metrics row say which account they belong to (metrics of a post the connector's post
    table does not hold, with no account id in the metrics row). Such figures are kept, on
    this pseudo-account of their platform (counted as own), never dropped. -#}
{% macro unmatched_account_id() -%}
    '(unmatched)'
{%- endmacro %}
