-- Every attributable order (not cancelled) has, under every attribution model, credits that
-- sum to 1, and no order is missing from any model. Returns the offending order x model rows.
{{ config(severity='error') }}

with

credits as (
    select * from {{ ref('attribution_credits') }}
),

orders as (
    select * from {{ ref('int_orders_enriched') }}
    where not is_cancelled
),

models as (
    {%- for model in attribution_models() %}
        select '{{ model }}' as attribution_model
        {% if not loop.last %}union all{% endif %}
    {%- endfor %}
),

expected as (
    select
        orders.order_id,
        models.attribution_model
    from orders
    cross join models
),

sums as (
    select
        order_id,
        attribution_model,
        sum(credit) as credit_sum
    from credits
    group by
        order_id,
        attribution_model
)

select
    coalesce(expected.order_id, sums.order_id) as order_id,
    coalesce(expected.attribution_model, sums.attribution_model) as attribution_model,
    sums.credit_sum
from expected
full outer join sums
    on
        expected.order_id = sums.order_id
        and expected.attribution_model = sums.attribution_model
where
    sums.credit_sum is null
    or expected.order_id is null
    or abs(sums.credit_sum - 1) > 0.000000001
