-- One row per GA4 session. GA4's session key is (user_pseudo_id, ga_session_id): ga_session_id
-- is set by the tag when a session starts (after 30 minutes without activity) and carried by
-- every event of the session, so a session crossing midnight stays one session however
-- many event_date tables its events fall in. Events without a ga_session_id belong to no
-- session. Incremental by the session's first event date (whole dates replaced: delete+insert,
-- or a partition overwrite on Spark): a run takes every session that has an event dated
-- within `ga4_lookback_days` of the latest event date already assembled, or loaded since the
-- previous run, and re-assembles from all their events every session whose first event date
-- is one of those sessions' first event dates, now or as assembled before (a late event
-- dated before its session's first event moves the session to an earlier date).
{{
    config(**incremental_by_date('first_event_date'))
}}

{#- the wide events are read once, by session_events; the narrow look-ups before it read the
    table itself, not a shared CTE (DuckDB materialises a CTE read more than once: a copy of
    every event, every column) -#}
{%- set sessionised = ref('int_web_events_sessionised') %}

with

source_categories as (
    select * from {{ ref('ga4_source_categories') }}
),

-- incremental: every session with an event in the last `ga4_lookback_days` event dates
-- already assembled, or loaded since the previous run
{% if is_incremental() %}
    touched_sessions as (
        select distinct events.session_key
        from {{ sessionised }} as events
        where
            events.session_key is not null
            and (
                events.event_date
                >= {{ lookback_start('last_event_date', var('ga4_lookback_days')) }}
                or events._loaded_at > {{ last_loaded_at() }}
            )
    ),

    -- their first event dates, now and as assembled before: the dates to rebuild whole
    dates_to_assemble as (
        select min(events.event_date) as first_event_date
        from {{ sessionised }} as events
        inner join touched_sessions
            on events.session_key = touched_sessions.session_key
        group by events.session_key
        union distinct
        select assembled.first_event_date
        from {{ this }} as assembled
        inner join touched_sessions
            on assembled.session_key = touched_sessions.session_key
    ),

    -- every session starting on one of those dates: each has an event on or after the
    -- earliest of them; its start is read from all its events (a session crossing midnight
    -- into that range may start before it, on a date this run does not rebuild)
    candidate_sessions as (
        select distinct events.session_key
        from {{ sessionised }} as events
        where
            events.session_key is not null
            and events.event_date >= (select min(first_event_date) from dates_to_assemble)
    ),

    session_first_dates as (
        select
            events.session_key,
            min(events.event_date) as first_event_date
        from {{ sessionised }} as events
        inner join candidate_sessions
            on events.session_key = candidate_sessions.session_key
        group by events.session_key
    ),

    sessions_to_assemble as (
        select session_first_dates.session_key
        from session_first_dates
        inner join dates_to_assemble
            on session_first_dates.first_event_date = dates_to_assemble.first_event_date
    ),
{% endif %}

session_events as (
    select
        events.session_key,
        events.event_key,
        events.event_at,
        events.event_date,
        events.event_name,
        events.user_pseudo_id,
        events.user_id,
        events.ga_session_id,
        events.ga_session_number,
        events.device_category,
        events.geo_country,
        events.page_location,
        events.page_path,
        events.event_source,
        events.event_medium,
        events.event_campaign,
        events.manual_source,
        events.manual_medium,
        events.manual_campaign,
        events.gclid,
        events.transaction_id,
        events.purchase_revenue,
        events.engagement_time_msec,
        events.is_session_engaged,
        events._loaded_at
    from {{ sessionised }} as events
    {%- if is_incremental() %}
        inner join sessions_to_assemble
            on events.session_key = sessions_to_assemble.session_key
    {%- else %}
        where events.session_key is not null
    {%- endif %}
),

-- each session's first event, first page view, first session_start and first event with
-- manual (UTM) fields, in session order (event_at; event_key breaks ties between events of
-- the same microsecond): one aggregate pass, not a window per kind of event
{%- set session_order = ['event_at', 'event_key'] %}
session_totals as (
    select
        session_key,
        {{ first_by(['user_pseudo_id', 'ga_session_id', 'device_category', 'geo_country'],
                    session_order) }} as first_event,
        {{ first_by(['page_location', 'page_path'], session_order,
                    where="event_name = 'page_view'") }} as first_page_view,
        {{ first_by(['page_location', 'page_path', 'event_source', 'event_medium',
                     'event_campaign'], session_order,
                    where="event_name = 'session_start'") }} as first_session_start,
        {{ first_by(['manual_source', 'manual_medium', 'manual_campaign'], session_order,
                    where='manual_source is not null') }} as first_manual_source,
        max(case when gclid is not null then 1 else 0 end) = 1 as has_gclid,
        max(user_id) as user_id,
        min(event_at) as session_started_at,
        max(event_at) as session_ended_at,
        min(event_date) as first_event_date,
        max(event_date) as last_event_date,
        max(_loaded_at) as _loaded_at,
        count(*) as event_count,
        cast(sum(case when event_name = 'page_view' then 1 else 0 end) as {{ dbt.type_bigint() }})
            as page_views,
        cast(coalesce(sum(engagement_time_msec), 0) as {{ type_double() }}) / 1000
            as engagement_seconds,
        min(ga_session_number) as ga_session_number,
        max(case when is_session_engaged then 1 else 0 end) = 1 as has_session_engaged_flag,
        max(case when event_name in ('purchase', 'sign_up', 'generate_lead') then 1 else 0 end)
        = 1 as has_key_event,
        max(case when event_name = 'first_visit' then 1 else 0 end) = 1 as has_first_visit,
        max(case when event_name = 'purchase' then 1 else 0 end) = 1 as has_purchase
    from session_events
    group by session_key
),

-- one row per purchase: a transaction GA4 sent twice counts once
purchases as (
    select
        session_key,
        coalesce(transaction_id, event_key) as purchase_ref,
        max(transaction_id) as transaction_id,
        max(purchase_revenue) as purchase_revenue
    from session_events
    where event_name = 'purchase'
    group by session_key, coalesce(transaction_id, event_key)
),

session_purchases as (
    select
        session_key,
        count(*) as purchases,
        sum(purchase_revenue) as purchase_revenue,
        {{ dbt.listagg('transaction_id', "', '", 'order by transaction_id') }}
            as transaction_ids
    from purchases
    group by session_key
),

-- the first events' fields, as columns
session_firsts as (
    select
        session_key,
        {{ struct_field('first_event', 'user_pseudo_id') }} as user_pseudo_id,
        {{ struct_field('first_event', 'ga_session_id') }} as ga_session_id,
        {{ struct_field('first_event', 'device_category') }} as device_category,
        {{ struct_field('first_event', 'geo_country') }} as geo_country,
        {{ struct_field('first_page_view', 'page_location') }} as first_page_view_location,
        {{ struct_field('first_page_view', 'page_path') }} as first_page_view_path,
        {{ struct_field('first_session_start', 'page_location') }} as session_start_location,
        {{ struct_field('first_session_start', 'page_path') }} as session_start_path,
        {{ struct_field('first_session_start', 'event_source') }} as session_start_source,
        {{ struct_field('first_session_start', 'event_medium') }} as session_start_medium,
        {{ struct_field('first_session_start', 'event_campaign') }} as session_start_campaign,
        {{ struct_field('first_manual_source', 'manual_source') }} as manual_source,
        {{ struct_field('first_manual_source', 'manual_medium') }} as manual_medium,
        {{ struct_field('first_manual_source', 'manual_campaign') }} as manual_campaign,
        has_gclid
    from session_totals
),

-- session source / medium / campaign: the session_start event's parameters, else the
-- manual (UTM) fields GA4 collected, else a Google Ads click id, else direct
attributed as (
    select
        session_firsts.session_key,
        case
            when session_firsts.session_start_source is not null
                then session_firsts.session_start_source
            when session_firsts.manual_source is not null
                then session_firsts.manual_source
            when session_firsts.has_gclid then 'google'
            else '(direct)'
        end as session_source,
        case
            when session_firsts.session_start_source is not null
                then coalesce(session_firsts.session_start_medium, '(not set)')
            when session_firsts.manual_source is not null
                then coalesce(session_firsts.manual_medium, '(not set)')
            when session_firsts.has_gclid then 'cpc'
            else '(none)'
        end as session_medium,
        case
            when session_firsts.session_start_source is not null
                then coalesce(session_firsts.session_start_campaign, '(not set)')
            when session_firsts.manual_source is not null
                then coalesce(session_firsts.manual_campaign, '(not set)')
            when session_firsts.has_gclid then '(not set)'
            else '(direct)'
        end as session_campaign
    from session_firsts
),

categorised as (
    select
        attributed.session_key,
        attributed.session_source,
        attributed.session_medium,
        attributed.session_campaign,
        source_categories.source_category,
        source_categories.social_platform,
        {{ default_channel_group('attributed.session_source', 'attributed.session_medium',
                                 'attributed.session_campaign',
                                 'source_categories.source_category') }}
            as default_channel_group
    from attributed
    left join source_categories
        on lower(attributed.session_source) = lower(source_categories.source)
),

final as (
    select
        -- ids
        session_totals.session_key,
        session_firsts.user_pseudo_id,
        session_totals.user_id,
        session_firsts.ga_session_id,
        session_purchases.transaction_ids,

        -- strings
        coalesce(
            session_firsts.first_page_view_location,
            session_firsts.session_start_location
        ) as landing_page_location,
        coalesce(
            session_firsts.first_page_view_path,
            session_firsts.session_start_path
        ) as landing_page_path,
        categorised.session_source,
        categorised.session_medium,
        categorised.session_campaign,
        categorised.source_category,
        categorised.default_channel_group,
        categorised.social_platform,
        session_firsts.device_category,
        session_firsts.geo_country,

        -- numerics
        session_totals.ga_session_number,
        session_totals.event_count,
        session_totals.page_views,
        session_totals.engagement_seconds,
        coalesce(session_purchases.purchases, 0) as purchases,
        coalesce(session_purchases.purchase_revenue, 0) as purchase_revenue,

        -- booleans
        (
            session_totals.has_session_engaged_flag
            or session_totals.engagement_seconds > 10
            or session_totals.has_key_event
            or session_totals.page_views >= 2
        ) as is_engaged,
        session_totals.has_key_event,
        (
            session_totals.has_first_visit
            or coalesce(session_totals.ga_session_number = 1, false)
        ) as is_new_user,
        session_totals.has_purchase,

        -- dates
        {{ local_date('session_totals.session_started_at') }} as session_start_date,
        session_totals.first_event_date,
        session_totals.last_event_date,

        -- timestamps
        session_totals.session_started_at,
        session_totals.session_ended_at,
        session_totals._loaded_at
    from session_totals
    inner join session_firsts
        on session_totals.session_key = session_firsts.session_key
    inner join categorised
        on session_totals.session_key = categorised.session_key
    left join session_purchases
        on session_totals.session_key = session_purchases.session_key
)

select * from final
