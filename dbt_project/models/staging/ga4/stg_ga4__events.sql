-- One row per GA4 event as the BigQuery export gives it, event parameters and nested structs
-- flattened to typed columns. `event_key` identifies an event: a hash of user_pseudo_id,
-- event_timestamp, event_name and ga_session_id, plus an ordinal only for exact duplicates
-- of those four (the second and later copies, in landing-file order).
-- Incremental, a table: 13M events a year are not a view each consumer recomputes. A run
-- rebuilds every event date that has a raw row loaded since the previous run (a new day, a
-- re-exported day, late events), from all the raw rows of those dates, and replaces those
-- dates whole; the duplicate ordinal only ever compares events of one date (duplicates share
-- their timestamp), so it needs nothing outside them.
{{
    config(**incremental_by_date('event_date'))
}}
{%- set available = source_columns(source('ga4', 'events')) %}
{%- set keys = 'event_param_keys' %}
{%- set new_dates -%}
    {%- if is_incremental() %}
        where event_date in (
            select distinct changed.event_date
            from {{ source('ga4', 'events') }} as changed
            where {{ to_utc('changed._loaded_at') }} > {{ last_loaded_at() }}
        )
    {%- endif %}
{%- endset %}

with

source as (
    select * from {{ source('ga4', 'events') }}
    {{ new_dates }}
),

-- (user, timestamp, name) that came more than once: only these can be exact duplicates, so
-- only their events need an ordinal (a window over every event cost as much as the rest of
-- the model together)
repeated_events as (
    select
        user_pseudo_id,
        event_timestamp,
        event_name
    from {{ source('ga4', 'events') }}
    {{ new_dates }}
    group by user_pseudo_id, event_timestamp, event_name
    having count(*) > 1
),

duplicate_ordinals as (
    select
        repeated_raw._source_file,
        repeated_raw._row_number,
        row_number() over (
            partition by
                repeated_raw.user_pseudo_id,
                repeated_raw.event_timestamp,
                repeated_raw.event_name,
                {{ ga4_param_as(ga4_param_value(
                    column_or_null(available, 'event_params', ga4_column_type('event_params')),
                    'ga_session_id'), 'int') }}
            order by repeated_raw._source_file, repeated_raw._row_number
        ) as duplicate_ordinal
    from {{ source('ga4', 'events') }} as repeated_raw
    inner join repeated_events
        on
            repeated_raw.user_pseudo_id is not distinct from repeated_events.user_pseudo_id
            and repeated_raw.event_timestamp is not distinct from repeated_events.event_timestamp
            and repeated_raw.event_name is not distinct from repeated_events.event_name
),

typed as (
    select
        event_date,
        event_timestamp,
        event_name,
        user_pseudo_id,
        {{ column_or_null(available, 'event_params', ga4_column_type('event_params')) }}
            as event_params,
        {{ column_or_null(available, 'user_id', dbt.type_string()) }} as user_id,
        {{ column_or_null(available, 'user_first_touch_timestamp', dbt.type_bigint()) }}
            as user_first_touch_timestamp,
        {{ column_or_null(available, 'traffic_source', ga4_column_type('traffic_source')) }}
            as traffic_source,
        {{ column_or_null(available, 'collected_traffic_source',
                          ga4_column_type('collected_traffic_source')) }}
            as collected_traffic_source,
        {{ column_or_null(available, 'device', ga4_column_type('device')) }} as device,
        {{ column_or_null(available, 'geo', ga4_column_type('geo')) }} as geo,
        {{ column_or_null(available, 'ecommerce', ga4_column_type('ecommerce')) }} as ecommerce,
        _loaded_at,
        _source_file,
        _row_number
    from source
),

keyed_params as (
    select
        typed.*,
        {{ ga4_param_keys('typed.event_params') }} as event_param_keys
    from typed
),

params as (
    select
        keyed_params.*,
        {{ ga4_param_value('event_params', 'ga_session_id', keys) }} as p_ga_session_id,
        {{ ga4_param_value('event_params', 'ga_session_number', keys) }} as p_ga_session_number,
        {{ ga4_param_value('event_params', 'page_location', keys) }} as p_page_location,
        {{ ga4_param_value('event_params', 'page_referrer', keys) }} as p_page_referrer,
        {{ ga4_param_value('event_params', 'page_title', keys) }} as p_page_title,
        {{ ga4_param_value('event_params', 'engagement_time_msec', keys) }}
            as p_engagement_time_msec,
        {{ ga4_param_value('event_params', 'session_engaged', keys) }} as p_session_engaged,
        {{ ga4_param_value('event_params', 'source', keys) }} as p_source,
        {{ ga4_param_value('event_params', 'medium', keys) }} as p_medium,
        {{ ga4_param_value('event_params', 'campaign', keys) }} as p_campaign
    from keyed_params
),

flattened as (
    select
        -- ids
        user_pseudo_id,
        user_id,
        {{ ga4_param_as('p_ga_session_id', 'int') }} as ga_session_id,
        nullif(trim({{ struct_field('ecommerce', 'transaction_id') }}), '') as transaction_id,
        nullif(trim({{ struct_field('collected_traffic_source', 'gclid') }}), '') as gclid,

        -- strings
        event_name,
        nullif(trim({{ ga4_param_as('p_page_location', 'string') }}), '') as page_location,
        nullif(trim({{ ga4_param_as('p_page_referrer', 'string') }}), '') as page_referrer,
        {{ normalize_text(ga4_param_as('p_page_title', 'string')) }} as page_title,
        {{ normalize_text(ga4_param_as('p_source', 'string')) }} as event_source,
        {{ normalize_text(ga4_param_as('p_medium', 'string')) }} as event_medium,
        {{ normalize_text(ga4_param_as('p_campaign', 'string')) }} as event_campaign,
        {{ normalize_text(struct_field('collected_traffic_source', 'manual_source')) }}
            as manual_source,
        {{ normalize_text(struct_field('collected_traffic_source', 'manual_medium')) }}
            as manual_medium,
        {{ normalize_text(struct_field('collected_traffic_source', 'manual_campaign_name')) }}
            as manual_campaign,
        {{ normalize_text(struct_field('traffic_source', 'source')) }} as first_touch_source,
        {{ normalize_text(struct_field('traffic_source', 'medium')) }} as first_touch_medium,
        {{ normalize_text(struct_field('traffic_source', 'name')) }} as first_touch_campaign,
        lower({{ normalize_text(struct_field('device', 'category')) }}) as device_category,
        {{ normalize_text(struct_field('geo', 'country')) }} as geo_country,

        -- numerics
        {{ ga4_param_as('p_ga_session_number', 'int') }} as ga_session_number,
        {{ ga4_param_as('p_engagement_time_msec', 'int') }} as engagement_time_msec,
        cast({{ struct_field('ecommerce', 'purchase_revenue') }} as {{ type_double() }})
            as purchase_revenue,

        -- booleans
        coalesce(trim({{ ga4_param_as('p_session_engaged', 'string') }}) = '1', false)
            as is_session_engaged,

        -- dates
        cast({{ dbt.concat(["substring(event_date, 1, 4)", "'-'",
                            "substring(event_date, 5, 2)", "'-'",
                            "substring(event_date, 7, 2)"]) }} as date) as event_date,

        -- timestamps
        event_timestamp as event_timestamp_micros,
        {{ from_epoch_micros('event_timestamp') }} as event_at,
        {{ from_epoch_micros('user_first_touch_timestamp') }} as user_first_touch_at,
        {{ to_utc('_loaded_at') }} as _loaded_at,

        -- lineage
        _source_file,
        _row_number
    from params
),

keyed as (
    select
        flattened.*,
        {{ web_url_path('flattened.page_location') }} as page_path,
        coalesce(duplicate_ordinals.duplicate_ordinal, 1) as duplicate_ordinal
    from flattened
    left join duplicate_ordinals
        on
            flattened._source_file = duplicate_ordinals._source_file
            and flattened._row_number = duplicate_ordinals._row_number
),

final as (
    select
        {{ dbt.hash(dbt.concat([
            "user_pseudo_id", "'|'",
            "cast(event_timestamp_micros as " ~ dbt.type_string() ~ ")", "'|'",
            "event_name", "'|'",
            "coalesce(cast(ga_session_id as " ~ dbt.type_string() ~ "), '')",
            "case when duplicate_ordinal > 1 then '|' || cast(duplicate_ordinal as "
                ~ dbt.type_string() ~ ") else '' end",
        ])) }} as event_key,
        keyed.*
    from keyed
)

select * from final
