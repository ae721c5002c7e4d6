-- One row per platform, post and day: the posts' daily figures across Facebook, Instagram,
-- X, LinkedIn and YouTube on one grain, with the post's account. Lifetime sources arrive
-- here already differenced (never summed snapshots); daily reports as they are.
{%- set platform_models = [
    'int_facebook_post_metrics_differenced',
    'int_instagram_post_metrics_differenced',
    'int_x_post_metrics_aggregated',
    'int_linkedin_post_metrics_differenced',
    'int_youtube_post_metrics_aggregated',
] %}
{%- set metric_columns = [
    'metric_basis', 'impression_count', 'reach', 'like_count', 'comment_count',
    'share_count', 'save_count', 'click_count', 'video_view_count', 'is_restated',
] %}

with

posts as (
    select * from {{ ref('int_posts_unioned') }}
),

unioned as (
    {%- for platform_model in platform_models %}
        select
            platform,
            post_id,
            metric_date,
            {{ metric_columns | join(',\n            ') }}
        from {{ ref(platform_model) }}
        {% if not loop.last %}union all{% endif %}
    {%- endfor %}
),

final as (
    select
        unioned.platform,
        unioned.post_id,
        posts.account_id,
        unioned.metric_basis,
        unioned.impression_count,
        unioned.reach,
        unioned.like_count,
        unioned.comment_count,
        unioned.share_count,
        unioned.save_count,
        unioned.click_count,
        unioned.video_view_count,
        unioned.is_restated,
        unioned.metric_date
    from unioned
    left join posts
        on
            unioned.platform = posts.platform
            and unioned.post_id = posts.post_id
)

select * from final
