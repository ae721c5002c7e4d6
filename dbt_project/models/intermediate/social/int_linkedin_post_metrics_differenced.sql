-- One row per LinkedIn post and day: daily figures derived from the LIFETIME share
-- statistics (one snapshot per sync; the sync's business-local date is the day).

with

share_statistics as (
    select * from {{ ref('stg_linkedin_pages__share_statistics') }}
),

post_share_statistics as (
    select * from {{ ref('stg_linkedin_pages__post_share_statistics') }}
),

snapshots as (
    select
        coalesce(share_statistics.post_id, post_share_statistics.post_id) as post_id,
        {{ local_date('share_statistics.synced_at') }} as metric_date,
        share_statistics.synced_at,
        share_statistics.impression_count,
        share_statistics.like_count,
        share_statistics.comment_count,
        share_statistics.share_count,
        share_statistics.click_count
    from share_statistics
    left join post_share_statistics
        on share_statistics.share_statistic_id = post_share_statistics.share_statistic_id
),

{{ lifetime_to_daily(
    'deltas', 'snapshots', ['post_id'],
    ['impression_count', 'like_count', 'comment_count', 'share_count', 'click_count'],
) }},

final as (
    select
        'linkedin' as platform,
        post_id,
        metric_date,
        impression_count,
        cast(null as {{ dbt.type_bigint() }}) as reach,
        like_count,
        comment_count,
        share_count,
        cast(null as {{ dbt.type_bigint() }}) as save_count,
        click_count,
        cast(null as {{ dbt.type_bigint() }}) as video_view_count,
        is_restated,
        'lifetime_delta' as metric_basis
    from deltas
)

select * from final
