-- One row per Instagram media and day: daily figures derived from the LIFETIME insights
-- snapshots (one per sync; the sync's business-local date is the day). Each media type fills
-- its own column family; views stand for impressions (Instagram's replacement metric).
-- Reactions are the likes (Instagram has no other reaction). The insights row names no
-- account: insights of a media missing from media_history go to account `(unmatched)`.
-- Incremental by media: a run rebuilds, from all its snapshots, every media with a snapshot
-- loaded since the previous run (a late or restated snapshot changes that media's deltas
-- only), and replaces that media's rows.
{{
    config(**incremental_by_key('post_id'))
}}

with

media_insights as (
    select * from {{ ref('stg_instagram_business__media_insights') }}
    {%- if is_incremental() %}
        where media_id in (
            select changed.media_id
            from {{ ref('stg_instagram_business__media_insights') }} as changed
            where changed._loaded_at > {{ last_built_at() }}
        )
    {%- endif %}
),

snapshots as (
    select
        media_id as post_id,
        {{ local_date('synced_at') }} as metric_date,
        synced_at,
        {{ sum_nullable([
            'video_photo_views', 'reel_views', 'carousel_album_views', 'story_views',
        ]) }} as impression_count,
        {{ sum_nullable([
            'video_photo_reach', 'reel_reach', 'carousel_album_reach', 'story_reach',
        ]) }} as reach,
        coalesce(like_count, reel_likes) as like_count,
        coalesce(comment_count, reel_comments) as comment_count,
        {{ sum_nullable([
            'video_photo_shares', 'reel_shares', 'carousel_album_shares', 'story_shares',
        ]) }} as share_count,
        {{ sum_nullable(['video_photo_saved', 'carousel_album_saved']) }} as save_count,
        reel_views as video_view_count
    from media_insights
),

{{ lifetime_to_daily(
    'deltas', 'snapshots', ['post_id'],
    ['impression_count', 'reach', 'like_count', 'comment_count', 'share_count', 'save_count',
     'video_view_count'],
) }},

final as (
    select
        'instagram' as platform,
        deltas.post_id,
        cast(null as {{ dbt.type_string() }}) as source_account_id,
        deltas.metric_date,
        deltas.impression_count,
        deltas.reach,
        deltas.like_count,
        deltas.like_count as reaction_count,
        deltas.comment_count,
        deltas.share_count,
        deltas.save_count,
        cast(null as {{ dbt.type_bigint() }}) as click_count,
        deltas.video_view_count,
        deltas.is_restated,
        'lifetime_delta' as metric_basis,
        {{ built_at() }} as _built_at
    from deltas
)

select * from final
