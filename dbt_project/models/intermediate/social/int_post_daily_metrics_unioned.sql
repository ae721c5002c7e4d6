-- One row per platform, post and day: the posts' daily figures across Facebook, Instagram,
-- X, LinkedIn and YouTube on one grain, with the post's account. Lifetime sources arrive
-- here already differenced (never summed snapshots); daily reports as they are.
--
-- Nothing is dropped: the account is the post's (int_posts_unioned); for metrics of a post
-- the posts tables do not hold (`is_orphan`), the account the metrics row names (Facebook
-- page id in the post id, LinkedIn organization URN, YouTube report channel), else the
-- platform's `(unmatched)` account. `is_own` follows the account (social_accounts; an
-- account only a connector knows, and `(unmatched)`, count as own).
{%- set platform_models = [
    'int_facebook_post_metrics_differenced',
    'int_instagram_post_metrics_differenced',
    'int_x_post_metrics_aggregated',
    'int_linkedin_post_metrics_differenced',
    'int_youtube_post_metrics_aggregated',
] %}
{%- set metric_columns = [
    'source_account_id', 'metric_basis', 'impression_count', 'reach', 'like_count',
    'reaction_count', 'comment_count', 'share_count', 'save_count', 'click_count',
    'video_view_count', 'is_restated',
] %}

with

posts as (
    select * from {{ ref('int_posts_unioned') }}
),

accounts as (
    select * from {{ ref('stg_social_accounts__accounts') }}
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

resolved as (
    select
        unioned.*,
        posts.post_id is null as is_orphan,
        coalesce(
            posts.account_id, unioned.source_account_id, {{ unmatched_account_id() }}
        ) as account_id
    from unioned
    left join posts
        on
            unioned.platform = posts.platform
            and unioned.post_id = posts.post_id
),

final as (
    select
        resolved.platform,
        resolved.post_id,
        resolved.account_id,
        coalesce(accounts.is_own, true) as is_own,
        resolved.is_orphan,
        resolved.metric_basis,
        resolved.impression_count,
        resolved.reach,
        resolved.like_count,
        resolved.reaction_count,
        resolved.comment_count,
        resolved.share_count,
        resolved.save_count,
        resolved.click_count,
        resolved.video_view_count,
        resolved.is_restated,
        resolved.metric_date
    from resolved
    left join accounts
        on
            resolved.platform = accounts.platform
            and resolved.account_id = accounts.account_id
)

select * from final
