-- Credited orders, net revenue and new customers per month x channel x attribution model
-- (attribution is credit, correlational, not cause). The month is the business-local month
-- the order was placed in (not the touch's). Every month of the calendar (int_dates_enriched)
-- x every channel any order was credited to x every model has a row (zeros when nothing was
-- credited), so the marts that join it by month x channel x model find every row. Per month
-- and model the rows sum to the month's attributable orders (orders not cancelled) and
-- attributable revenue (their net revenue).

with

credits as (
    select * from {{ ref('attribution_credits') }}
),

dates as (
    select * from {{ ref('int_dates_enriched') }}
),

calendar_months as (
    select distinct
        month_start_date,
        cast(
            {{ dbt.dateadd('day', -1, dbt.dateadd('month', 1, 'month_start_date')) }} as date
        ) as month_end_date
    from dates
),

months as (
    -- the Solar Hijri dates of the month's first and last day (a Gregorian month spans two
    -- Jalali months)
    select
        month_start_date,
        {{ jalali_label('month_start_date') }} as first_jalali_date,
        {{ jalali_label('month_end_date') }} as last_jalali_date
    from calendar_months
),

channels as (
    select distinct channel
    from credits
),

models as (
    {%- for model in attribution_models() %}
        select '{{ model }}' as attribution_model
        {% if not loop.last %}union all{% endif %}
    {%- endfor %}
),

spine as (
    select
        months.month_start_date,
        months.first_jalali_date,
        months.last_jalali_date,
        channels.channel,
        models.attribution_model
    from months
    cross join channels
    cross join models
),

credited as (
    select
        order_month_start_date,
        channel,
        attribution_model,
        sum(credit) as credited_orders,
        sum(credited_net_revenue) as credited_net_revenue,
        sum(credited_new_customers) as credited_new_customers
    from credits
    group by
        order_month_start_date,
        channel,
        attribution_model
),

final as (
    select
        -- grain
        cast(spine.month_start_date as date) as month_start_date,
        cast(spine.channel as {{ dbt.type_string() }}) as channel,
        cast(spine.attribution_model as {{ dbt.type_string() }}) as attribution_model,

        -- labels
        cast(spine.first_jalali_date as {{ dbt.type_string() }}) as first_jalali_date,
        cast(spine.last_jalali_date as {{ dbt.type_string() }}) as last_jalali_date,
        cast('{{ var("reporting_currency") }}' as {{ dbt.type_string() }}) as reporting_currency,

        -- credited figures
        cast(coalesce(credited.credited_orders, 0) as {{ type_double() }}) as credited_orders,
        {{ money('coalesce(credited.credited_net_revenue, 0)') }} as credited_net_revenue,
        cast(coalesce(credited.credited_new_customers, 0) as {{ type_double() }})
            as credited_new_customers
    from spine
    left join credited
        on
            spine.month_start_date = credited.order_month_start_date
            and spine.channel = credited.channel
            and spine.attribution_model = credited.attribution_model
)

select * from final
