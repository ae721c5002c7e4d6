-- Marketing costs in a currency the FX sheet has no rate for at all: their money is NULL and
-- left out of every investment figure (counted in social_investment_daily's
-- money_unconverted_rows / time_unconverted_rows). One row per day, channel, campaign, cost
-- type and currency; unconverted_rows says how many landing rows each stands for.
{{ config(severity='warn') }}

with

costs as (
    select * from {{ ref('int_marketing_costs_unioned') }}
)

select
    cost_date,
    channel,
    campaign,
    cost_type,
    cost_kind,
    currency,
    original_amount,
    unconverted_rows
from costs
where unconverted_rows > 0
