-- One row per month, channel and method: what was invested in the channel (money, time and
-- their sum), what each method credits it with (orders, net revenue, new customers), and the
-- return figures: ROAS (revenue / money), ROI ((revenue - money - time cost) / (money + time
-- cost)), revenue per hour invested and cost per new customer. Method is an attribution model
-- (first_touch, last_touch, last_non_direct, linear, position_based, time_decay: credit,
-- correlational, not cause) or `incremental` (the incrementality model's estimate of what the
-- channel's investment caused, with an interval; NULL where the channel is not estimable).
-- Months are Gregorian and business-local; the Jalali dates of their first and last day are
-- alongside. Every channel with investment or credit has every method in every month.
{%- set attribution_models = ['first_touch', 'last_touch', 'last_non_direct', 'linear',
                              'position_based', 'time_decay'] %}

with

investments as (
    select * from {{ ref('int_channel_investments_aggregated') }}
),

attribution as (
    select * from {{ ref('attribution_by_channel') }}
),

effects as (
    select * from {{ ref('int_channel_effects_estimated') }}
),

calendar as (
    select * from {{ ref('int_dates_enriched') }}
),

months as (
    select
        month_start_date,
        min(calendar_date) as first_day,
        max(calendar_date) as last_day
    from calendar
    group by month_start_date
),

monthly_investment as (
    select
        channel,
        cast({{ dbt.date_trunc('month', 'cost_date') }} as date) as month_start_date,
        sum(money_total) as money_invested,
        sum(time_cost) as time_cost,
        sum(hours_logged) as hours_logged,
        sum(total_investment) as total_investment
    from investments
    group by
        channel,
        cast({{ dbt.date_trunc('month', 'cost_date') }} as date)
),

attributed as (
    select
        month_start_date,
        channel,
        attribution_model as credit_method,
        credited_orders as orders,
        credited_net_revenue as net_revenue,
        cast(null as {{ type_double() }}) as net_revenue_lower,
        cast(null as {{ type_double() }}) as net_revenue_upper,
        credited_new_customers as new_customers,
        true as is_estimable
    from attribution
),

incremental as (
    select
        cast({{ dbt.date_trunc('month', 'effect_date') }} as date) as month_start_date,
        channel,
        'incremental' as credit_method,
        sum(case when outcome = 'orders' then contribution end) as orders,
        sum(case when outcome = 'net_revenue' then contribution end) as net_revenue,
        sum(case when outcome = 'net_revenue' then contribution_lower end) as net_revenue_lower,
        sum(case when outcome = 'net_revenue' then contribution_upper end) as net_revenue_upper,
        sum(case when outcome = 'new_customers' then contribution end) as new_customers,
        min(case when is_estimable then 1 else 0 end) = 1 as is_estimable
    from effects
    group by
        cast({{ dbt.date_trunc('month', 'effect_date') }} as date),
        channel
),

credited as (
    select * from attributed
    union all
    select * from incremental
),

channels as (
    select distinct monthly_investment.channel from monthly_investment
    union
    select distinct credited.channel from credited
),

methods as (
    {%- for m in attribution_models %}
        select '{{ m }}' as credit_method
        union all
    {%- endfor %}
    select 'incremental' as credit_method
),

spine as (
    select
        months.month_start_date,
        months.first_day,
        months.last_day,
        channels.channel,
        methods.credit_method
    from months
    cross join channels
    cross join methods
),

joined as (
    -- attribution credit is 0 where a model credits nothing; an incremental figure stays NULL
    -- where the channel is not estimable (unknown, not zero)
    select
        spine.month_start_date,
        spine.first_day,
        spine.last_day,
        spine.channel,
        spine.credit_method,
        coalesce(monthly_investment.money_invested, 0) as money_invested,
        coalesce(monthly_investment.time_cost, 0) as time_cost,
        coalesce(monthly_investment.total_investment, 0) as total_investment,
        coalesce(monthly_investment.hours_logged, 0) as hours_logged,
        credited.net_revenue_lower,
        credited.net_revenue_upper,
        case
            when spine.credit_method = 'incremental' then credited.orders
            else coalesce(credited.orders, 0)
        end as orders,
        case
            when spine.credit_method = 'incremental' then credited.net_revenue
            else coalesce(credited.net_revenue, 0)
        end as net_revenue,
        case
            when spine.credit_method = 'incremental' then credited.new_customers
            else coalesce(credited.new_customers, 0)
        end as new_customers,
        coalesce(credited.is_estimable, spine.credit_method != 'incremental') as is_estimable
    from spine
    left join monthly_investment
        on
            spine.channel = monthly_investment.channel
            and spine.month_start_date = monthly_investment.month_start_date
    left join credited
        on
            spine.channel = credited.channel
            and spine.month_start_date = credited.month_start_date
            and spine.credit_method = credited.credit_method
),

final as (
    select
        -- strings
        channel,
        credit_method,
        {{ jalali_label('first_day') }} as first_jalali_date,
        {{ jalali_label('last_day') }} as last_jalali_date,
        '{{ var("reporting_currency") }}' as reporting_currency,

        -- numerics: investment
        cast(money_invested as {{ type_double() }}) as money_invested,
        cast(time_cost as {{ type_double() }}) as time_cost,
        cast(total_investment as {{ type_double() }}) as total_investment,
        cast(hours_logged as {{ type_double() }}) as hours_logged,

        -- numerics: credited
        cast(orders as {{ type_double() }}) as orders_credited,
        cast(net_revenue as {{ type_double() }}) as net_revenue_credited,
        cast(net_revenue_lower as {{ type_double() }}) as net_revenue_credited_lower,
        cast(net_revenue_upper as {{ type_double() }}) as net_revenue_credited_upper,
        cast(new_customers as {{ type_double() }}) as new_customers_credited,

        -- numerics: returns (metrics.md: ROAS on money, ROI on money + time)
        {{ safe_divide('net_revenue', 'money_invested') }} as roas,
        {{ safe_divide('net_revenue - total_investment', 'total_investment') }} as roi,
        {{ safe_divide('net_revenue', 'hours_logged') }} as net_revenue_per_hour,
        {{ safe_divide('total_investment', 'new_customers') }} as cost_per_new_customer,

        -- booleans
        is_estimable,

        -- dates
        month_start_date
    from joined
)

select * from final
