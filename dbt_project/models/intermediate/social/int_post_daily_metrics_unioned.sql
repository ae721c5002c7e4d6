-- One row per platform, post and day: the posts' daily figures across Facebook, Instagram,
-- X, LinkedIn and YouTube on one grain, with the post's account. Lifetime sources arrive
-- here already differenced (never summed snapshots); daily reports as they are.

with

facebook as (
    select * from {{ ref('int_facebook_post_metrics_differenced') }}
),

instagram as (
    select * from {{ ref('int_instagram_post_metrics_differenced') }}
),

x as (
    select * from {{ ref('int_x_post_metrics_aggregated') }}
),

linkedin as (
    select * from {{ ref('int_linkedin_post_metrics_differenced') }}
),

youtube as (
    select * from {{ ref('int_youtube_post_metrics_aggregated') }}
),

posts as (
    select * from {{ ref('int_posts_unioned') }}
),

unioned as (
    select
        platform,
        post_id,
        metric_date,
        metric_basis,
        impression_count,
        reach,
        like_count,
        comment_count,
        share_count,
        save_count,
        click_count,
        video_view_count,
        is_restated
    from facebook
    union all
    select
        platform,
        post_id,
        metric_date,
        metric_basis,
        impression_count,
        reach,
        like_count,
        comment_count,
        share_count,
        save_count,
        click_count,
        video_view_count,
        is_restated
    from instagram
    union all
    select
        platform,
        post_id,
        metric_date,
        metric_basis,
        impression_count,
        reach,
        like_count,
        comment_count,
        share_count,
        save_count,
        click_count,
        video_view_count,
        is_restated
    from x
    union all
    select
        platform,
        post_id,
        metric_date,
        metric_basis,
        impression_count,
        reach,
        like_count,
        comment_count,
        share_count,
        save_count,
        click_count,
        video_view_count,
        is_restated
    from linkedin
    union all
    select
        platform,
        post_id,
        metric_date,
        metric_basis,
        impression_count,
        reach,
        like_count,
        comment_count,
        share_count,
        save_count,
        click_count,
        video_view_count,
        is_restated
    from youtube
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
