{#- How a SMART goal on a catalog metric is measured on a given date (strategy guide, step 2).
    One rule per metric, from its catalog entry, so every goal on it is judged the same way:
    - `latest`: a daily stock (`stock: true`, e.g. followers): the latest daily value;
    - `sum`: a daily flow (unit count, money or hours): the sum over the trailing
      `goal_flow_window_days` days (a target of 180 orders means 180 per 30 days);
    - `mean`: a daily rate, score or average: the mean of the daily values over that window;
    - `month`: a metric of a monthly benchmark mart: the own brand's value in the latest
      complete month.
    Metrics at other grains (per order, per quarter, per attribution model) return none: no
    goal can follow them, and int_goals_validated says so. -#}
{% macro goal_measure(metric) -%}
    {%- set daily_marts = ['kpi_tier_1_daily', 'kpi_tier_2_daily', 'kpi_tier_3_daily'] -%}
    {%- set monthly_marts = ['benchmark_distribution', 'benchmark_interaction',
                             'benchmark_influence'] -%}
    {%- if metric.mart in daily_marts -%}
        {%- if metric.stock -%}
            {{ return('latest') }}
        {%- elif metric.unit in ['count', 'money', 'hours'] -%}
            {{ return('sum') }}
        {%- else -%}
            {{ return('mean') }}
        {%- endif -%}
    {%- elif metric.mart in monthly_marts -%}
        {{ return('month') }}
    {%- endif -%}
    {{ return(none) }}
{%- endmacro %}

{#- The rule above in words, for the goal tables people read. -#}
{% macro goal_measure_text(measure) -%}
    {%- set window = var('goal_flow_window_days') -%}
    {%- set texts = {
        'latest': 'the latest daily value',
        'sum': 'the sum over the trailing ' ~ window ~ ' days',
        'mean': 'the mean of the daily values over the trailing ' ~ window ~ ' days',
        'month': "the own brand's value in the latest complete month",
    } -%}
    {{ return(texts.get(measure)) }}
{%- endmacro %}
