-- One row per Facebook post and day: daily figures derived from LIFETIME snapshots (post
-- metrics per date, share counts per post version), plus comments counted from
-- social_comments (the connector has no per-post comment counts).
--
-- Likes are the 'like' reaction only (post_reactions_like_total, the convention of
-- Fivetran's Facebook reports); reactions are all six types. A snapshot with any reaction
-- column NULL has an unknown reaction total: it is skipped like a missing snapshot (macro
-- sum_strict), never read as 0, so the next snapshot's delta is not falsely negative.
-- The account is the page id in the post id (`<page_id>_<n>`), which keeps the figures of
-- a post missing from post_history on its page.
-- Incremental by post: a run rebuilds, from all its snapshots, versions and comments, every
-- post with one of those loaded since the previous run, and replaces that post's rows.
{{
    config(**incremental_by_key('post_id'))
}}

with

{%- if is_incremental() %}
    -- the posts with a snapshot, a version or a comment loaded since the previous run
    changed_posts as (
        select changed_metrics.post_id
        from {{ ref('stg_facebook_pages__post_lifetime_metrics') }} as changed_metrics
        where changed_metrics._loaded_at > {{ last_built_at() }}
        union distinct
        select changed_versions.post_id
        from {{ ref('stg_facebook_pages__posts') }} as changed_versions
        where changed_versions._loaded_at > {{ last_built_at() }}
        union distinct
        select changed_comments.post_id
        from {{ ref('stg_social_comments__comments') }} as changed_comments
        where
            changed_comments.platform = 'facebook'
            and changed_comments._loaded_at > {{ last_built_at() }}
    ),
{%- endif %}

lifetime_metrics as (
    select * from {{ ref('stg_facebook_pages__post_lifetime_metrics') }}
    {%- if is_incremental() %}
        where post_id in (select changed_posts.post_id from changed_posts)
    {%- endif %}
),

post_versions as (
    select * from {{ ref('stg_facebook_pages__posts') }}
    {%- if is_incremental() %}
        where post_id in (select changed_posts.post_id from changed_posts)
    {%- endif %}
),

comments as (
    select * from {{ ref('stg_social_comments__comments') }}
    where platform = 'facebook'
    {%- if is_incremental() %}
        and post_id in (select changed_posts.post_id from changed_posts)
    {%- endif %}
),

metric_snapshots as (
    select
        post_id,
        metric_date,
        synced_at,
        -- Meta replaced impressions with views (post_media_view) in November 2025.
        coalesce(post_media_view, post_impressions) as impression_count,
        post_reactions_like_total as like_count,
        {{ sum_strict([
            'post_reactions_like_total', 'post_reactions_love_total',
            'post_reactions_wow_total', 'post_reactions_haha_total',
            'post_reactions_sorry_total', 'post_reactions_anger_total',
        ]) }} as reaction_count,
        post_clicks as click_count,
        post_video_views as video_view_count
    from lifetime_metrics
),

share_snapshots as (
    select
        post_id,
        {{ local_date('version_synced_at') }} as metric_date,
        version_synced_at as synced_at,
        share_count
    from post_versions
),

{{ lifetime_to_daily(
    'metric_deltas', 'metric_snapshots', ['post_id'],
    ['impression_count', 'like_count', 'reaction_count', 'click_count', 'video_view_count'],
) }},

{{ lifetime_to_daily('share_deltas', 'share_snapshots', ['post_id'], ['share_count']) }},

daily_comments as (
    select
        post_id,
        {{ local_date('created_at') }} as metric_date,
        count(*) as comment_count
    from comments
    group by post_id, {{ local_date('created_at') }}
),

post_days as (
    select
        post_id,
        metric_date
    from metric_deltas
    union
    select
        post_id,
        metric_date
    from share_deltas
    union
    select
        post_id,
        metric_date
    from daily_comments
),

final as (
    select
        'facebook' as platform,
        post_days.post_id,
        case
            when post_days.post_id like '%!_%' escape '!'
                then {{ dbt.split_part('post_days.post_id', "'_'", 1) }}
        end as source_account_id,
        post_days.metric_date,
        metric_deltas.impression_count,
        cast(null as {{ dbt.type_bigint() }}) as reach,
        metric_deltas.like_count,
        metric_deltas.reaction_count,
        cast(coalesce(daily_comments.comment_count, 0) as {{ dbt.type_bigint() }})
            as comment_count,
        share_deltas.share_count,
        cast(null as {{ dbt.type_bigint() }}) as save_count,
        metric_deltas.click_count,
        metric_deltas.video_view_count,
        coalesce(metric_deltas.is_restated, false)
        or coalesce(share_deltas.is_restated, false) as is_restated,
        'lifetime_delta' as metric_basis,
        {{ built_at() }} as _built_at
    from post_days
    left join metric_deltas
        on
            post_days.post_id = metric_deltas.post_id
            and post_days.metric_date = metric_deltas.metric_date
    left join share_deltas
        on
            post_days.post_id = share_deltas.post_id
            and post_days.metric_date = share_deltas.metric_date
    left join daily_comments
        on
            post_days.post_id = daily_comments.post_id
            and post_days.metric_date = daily_comments.metric_date
)

select * from final
