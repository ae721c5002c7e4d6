{#- The cost categories the landing contract names for marketing/spend.cost_category
    (generated macro contract_known_values()) and the investment column of each:
    [{'category': 'content production', 'column': 'money_content_production'}, ...].
    int_channel_investments_aggregated and social_investment_daily have one column per entry
    (and money_other_categories for any other label). -#}
{% macro cost_category_columns() -%}
    {%- set columns = [] -%}
    {%- for category in contract_known_values()['marketing.spend']['cost_category'] -%}
        {%- set slug = modules.re.sub('[^a-z0-9]+', '_', category | lower) | trim('_') -%}
        {%- do columns.append({'category': category, 'column': 'money_' ~ slug}) -%}
    {%- endfor -%}
    {{ return(columns) }}
{%- endmacro %}
