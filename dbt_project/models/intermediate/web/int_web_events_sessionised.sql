-- One row per GA4 event with the key of its session: (user_pseudo_id, ga_session_id), as GA4
-- itself counts sessions. Incremental: each run re-processes, whole, every event date with an
-- event loaded since the previous run and the last `ga4_lookback_days` event dates (GA4
-- back-fills three days), and replaces those dates (a re-exported day with fewer events
-- loses the ones it no longer has).
{{
    config(**incremental_by_date('event_date'))
}}

with

events as (
    select * from {{ ref('stg_ga4__events') }}
),

-- incremental: the dates to process again. The look-ups read the staging table itself, not
-- the `events` CTE: DuckDB materialises a CTE read more than once (a copy of every event,
-- every column)
{%- if is_incremental() %}
    dates_to_process as (
        select changed.event_date
        from {{ ref('stg_ga4__events') }} as changed
        where changed._loaded_at > {{ last_loaded_at() }}
        union distinct
        select recent.event_date
        from {{ ref('stg_ga4__events') }} as recent
        where recent.event_date >= {{ lookback_start('event_date', var('ga4_lookback_days')) }}
    ),
{%- endif %}

new_events as (
    select events.*
    from events
    {%- if is_incremental() %}
        inner join dates_to_process
            on events.event_date = dates_to_process.event_date
    {%- endif %}
),

final as (
    select
        new_events.event_key,
        case
            when new_events.ga_session_id is not null
                then {{ dbt.hash(dbt.concat([
                    "new_events.user_pseudo_id", "'|'",
                    "cast(new_events.ga_session_id as " ~ dbt.type_string() ~ ")",
                ])) }}
        end as session_key,
        new_events.user_pseudo_id,
        new_events.user_id,
        new_events.ga_session_id,
        new_events.transaction_id,
        new_events.gclid,
        new_events.event_name,
        new_events.page_location,
        new_events.page_path,
        new_events.page_referrer,
        new_events.page_title,
        new_events.event_source,
        new_events.event_medium,
        new_events.event_campaign,
        new_events.manual_source,
        new_events.manual_medium,
        new_events.manual_campaign,
        new_events.first_touch_source,
        new_events.first_touch_medium,
        new_events.first_touch_campaign,
        new_events.device_category,
        new_events.geo_country,
        new_events.ga_session_number,
        new_events.engagement_time_msec,
        new_events.purchase_revenue,
        new_events.is_session_engaged,
        new_events.event_date,
        new_events.event_at,
        new_events.user_first_touch_at,
        new_events._loaded_at
    from new_events
)

select * from final
