-- One row per day, channel, campaign, cost kind, cost type and currency: what marketing cost
-- in the reporting currency, money spent (cost type = the spend's cost category) and team
-- time (cost type `team_time`, hours x hourly cost, summed over roles and activities) in one
-- table. The channel text maps to its canonical key through the seed
-- marketing_channel_aliases; the campaign text links to a campaign by its id or by its
-- utm_campaign (case-insensitive; a row that links to none keeps its text and still counts).
-- Each amount converts at the FX rate of its own date; before a currency's first rate (or
-- after its last) at the nearest rate the sheet has, flagged; a currency with no rate at all
-- keeps a NULL amount, flagged and counted.
{%- set reporting_currency = var('reporting_currency') %}

with

spends as (
    select * from {{ ref('stg_marketing__spends') }}
),

time_logs as (
    select * from {{ ref('stg_marketing__time_logs') }}
),

campaigns as (
    select * from {{ ref('stg_marketing__campaigns') }}
),

channel_aliases as (
    select * from {{ ref('marketing_channel_aliases') }}
),

fx_rates as (
    select * from {{ ref('int_fx_rates_filled') }}
),

alias_keys as (
    -- One canonical channel per alias, whatever its case or padding in the seed.
    select
        lower(trim(channel_aliases.alias)) as alias_key,
        min(lower(trim(channel_aliases.channel))) as channel
    from channel_aliases
    group by lower(trim(channel_aliases.alias))
),

campaign_ids as (
    -- Campaigns by id, case-insensitive (the first id when two differ only in case).
    select
        lower(campaigns.campaign_id) as link_key,
        min(campaigns.campaign_id) as campaign_id
    from campaigns
    where campaigns.campaign_id is not null
    group by lower(campaigns.campaign_id)
),

campaign_utms as (
    -- Campaigns by utm_campaign, case-insensitive (the first id when campaigns share one).
    select
        lower(campaigns.utm_campaign) as link_key,
        min(campaigns.campaign_id) as campaign_id
    from campaigns
    where campaigns.utm_campaign is not null
    group by lower(campaigns.utm_campaign)
),

fx_bounds as (
    -- Each currency's first and last day with a rate: the fallback rate of a cost outside them.
    select
        fx_rates.currency,
        min(fx_rates.rate_date) as first_rate_date,
        max(fx_rates.rate_date) as last_rate_date
    from fx_rates
    group by fx_rates.currency
),

money_rows as (
    select
        spends.spend_date as cost_date,
        spends.channel as source_channel,
        spends.campaign,
        spends.cost_category as cost_type,
        'money' as cost_kind,
        spends.currency,
        cast(null as {{ type_double() }}) as hours,
        cast(spends.amount as {{ type_double() }}) as original_amount
    from spends
),

time_rows as (
    -- A time log without a currency is in the reporting currency; without an hourly cost its
    -- hours count and its cost is NULL (not costed, not unconverted).
    select
        time_logs.log_date as cost_date,
        time_logs.channel as source_channel,
        time_logs.campaign,
        'team_time' as cost_type,
        'time' as cost_kind,
        coalesce(time_logs.currency, '{{ reporting_currency }}') as currency,
        time_logs.hours,
        time_logs.hours * cast(time_logs.hourly_cost as {{ type_double() }}) as original_amount
    from time_logs
),

cost_rows as (
    select * from money_rows
    union all
    select * from time_rows
),

dated as (
    -- The day whose rate converts the row: its own date inside the sheet's span of its
    -- currency, else the nearest end of that span; NULL when the currency has no rate at all.
    select
        cost_rows.*,
        case
            when cost_rows.currency = '{{ reporting_currency }}' then cost_rows.cost_date
            when cost_rows.cost_date < fx_bounds.first_rate_date then fx_bounds.first_rate_date
            when cost_rows.cost_date > fx_bounds.last_rate_date then fx_bounds.last_rate_date
            else cost_rows.cost_date
        end as fx_rate_date
    from cost_rows
    left join fx_bounds
        on cost_rows.currency = fx_bounds.currency
),

converted as (
    select
        dated.cost_date,
        dated.source_channel,
        coalesce(alias_keys.channel, dated.source_channel, 'shared') as channel,
        dated.campaign,
        coalesce(campaign_ids.campaign_id, campaign_utms.campaign_id) as campaign_id,
        dated.cost_type,
        dated.cost_kind,
        dated.currency,
        dated.hours,
        dated.original_amount,
        case
            when dated.currency = '{{ reporting_currency }}' then dated.cost_date
            else fx_rates.rate_date
        end as fx_rate_date,
        case
            when dated.currency = '{{ reporting_currency }}' then 1.0
            else fx_rates.rate_to_reporting_currency
        end as fx_rate,
        dated.currency != '{{ reporting_currency }}'
        and fx_rates.rate_date is not null
        and fx_rates.rate_date != dated.cost_date as is_fx_fallback,
        dated.currency != '{{ reporting_currency }}'
        and fx_rates.rate_date is null as is_unconverted
    from dated
    left join fx_rates
        on
            dated.currency = fx_rates.currency
            and dated.fx_rate_date = fx_rates.rate_date
    left join alias_keys
        on dated.source_channel = alias_keys.alias_key
    left join campaign_ids
        on lower(dated.campaign) = campaign_ids.link_key
    left join campaign_utms
        on lower(dated.campaign) = campaign_utms.link_key
),

aggregated as (
    select
        cost_date,
        source_channel,
        channel,
        campaign,
        campaign_id,
        cost_type,
        cost_kind,
        currency,
        fx_rate_date,
        fx_rate,
        is_fx_fallback,
        is_unconverted,
        sum(hours) as hours,
        sum(original_amount) as original_amount,
        sum(original_amount * fx_rate) as cost_amount,
        count(*) as source_rows,
        sum(
            case when is_unconverted and original_amount is not null then 1 else 0 end
        ) as unconverted_rows
    from converted
    group by
        cost_date,
        source_channel,
        channel,
        campaign,
        campaign_id,
        cost_type,
        cost_kind,
        currency,
        fx_rate_date,
        fx_rate,
        is_fx_fallback,
        is_unconverted
),

final as (
    select
        -- ids
        aggregated.campaign_id,

        -- strings
        aggregated.channel,
        aggregated.source_channel,
        aggregated.campaign,
        aggregated.cost_type,
        aggregated.cost_kind,
        aggregated.currency,
        campaigns.objective as campaign_objective,
        '{{ reporting_currency }}' as reporting_currency,

        -- numerics
        aggregated.hours,
        aggregated.original_amount,
        aggregated.fx_rate,
        aggregated.cost_amount,
        cast(aggregated.source_rows as {{ dbt.type_bigint() }}) as source_rows,
        cast(aggregated.unconverted_rows as {{ dbt.type_bigint() }}) as unconverted_rows,

        -- booleans
        aggregated.is_fx_fallback,
        aggregated.is_unconverted,

        -- dates
        aggregated.cost_date,
        aggregated.fx_rate_date

    from aggregated
    left join campaigns
        on aggregated.campaign_id = campaigns.campaign_id
)

select * from final
