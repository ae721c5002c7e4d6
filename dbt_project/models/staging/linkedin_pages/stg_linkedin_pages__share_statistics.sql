-- One row per LinkedIn share statistic and sync: LIFETIME (cumulative) post statistics as
-- of that sync. Never sum these rows: daily figures are differences of consecutive
-- snapshots (int_linkedin_post_metrics_differenced). A share's versions are keyed by its
-- natural key, the share URN (`_share_entity_urn`): some connectors mint a new `_fivetran_id`
-- on every sync, so the row id identifies nothing across syncs. Only a row without a URN
-- falls back to its row id.
{%- set available = source_columns(source('linkedin_pages', 'share_statistic')) %}

with

source as (
    select * from {{ source('linkedin_pages', 'share_statistic') }}
),

renamed as (
    select
        -- ids
        cast(_fivetran_id as {{ dbt.type_string() }}) as share_statistic_id,
        {{ linkedin_id(column_or_null(available, '_share_entity_urn', dbt.type_string())) }}
            as post_id,
        {{ linkedin_id(column_or_null(available, '_organization_entity_urn',
                                      dbt.type_string())) }} as organization_id,

        -- strings
        'linkedin' as platform,

        -- numerics
        {{ measure(available, 'impression_count', dbt.type_bigint()) }}
            as impression_count,
        {{ measure(available, 'click_count', dbt.type_bigint()) }} as click_count,
        {{ measure(available, 'like_count', dbt.type_bigint()) }} as like_count,
        {{ measure(available, 'comment_count', dbt.type_bigint()) }} as comment_count,
        {{ measure(available, 'share_count', dbt.type_bigint()) }} as share_count,
        {{ measure(available, 'engagement', dbt.type_numeric()) }} as engagement_rate,

        -- booleans
        _fivetran_synced = max(_fivetran_synced) over (
            partition by coalesce(
                {{ linkedin_id(column_or_null(available, '_share_entity_urn',
                                              dbt.type_string())) }},
                cast(_fivetran_id as {{ dbt.type_string() }})
            )
        ) as is_latest,

        -- timestamps
        {{ to_utc('_fivetran_synced') }} as synced_at,
        {{ loaded_at(available) }} as _loaded_at

    from source
)

select * from renamed
