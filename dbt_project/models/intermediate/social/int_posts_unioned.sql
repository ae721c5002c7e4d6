-- One row per platform and post: the latest version of every post the connectors return,
-- across Facebook, Instagram, X, LinkedIn and YouTube, with its account, type, URL and
-- text. Own and competitor posts alike: `is_own` comes from social_accounts (a post of an
-- account not listed there comes from an own connector, so it counts as own).

with

facebook_posts as (
    select * from {{ ref('stg_facebook_pages__posts') }}
),

instagram_media as (
    select * from {{ ref('stg_instagram_business__media') }}
),

tweets as (
    select * from {{ ref('stg_twitter_organic__tweets') }}
),

linkedin_posts as (
    select * from {{ ref('stg_linkedin_pages__posts') }}
),

linkedin_organization_posts as (
    select * from {{ ref('stg_linkedin_pages__organization_posts') }}
),

youtube_videos as (
    select * from {{ ref('stg_youtube_analytics__videos') }}
),

accounts as (
    select * from {{ ref('stg_social_accounts__accounts') }}
),

facebook as (
    select
        'facebook' as platform,
        post_id,
        page_id as account_id,
        case
            when status_type in ('added_photos', 'added_photo') then 'photo'
            when status_type in ('added_video', 'added_reel') then 'video'
            when status_type = 'shared_story' then 'link'
            when status_type = 'created_event' then 'event'
            when status_type in ('mobile_status_update', 'wall_post') then 'text'
            else 'other'
        end as post_type,
        status_type as source_post_type,
        case
            when post_id like '%!_%' escape '!'
                then {{ dbt.concat([
                    "'https://www.facebook.com/'", 'page_id', "'/posts/'",
                    dbt.split_part('post_id', "'_'", 2),
                ]) }}
            else {{ dbt.concat(["'https://www.facebook.com/'", 'post_id']) }}
        end as post_url,
        post_message as post_text,
        cast(null as {{ dbt.type_string() }}) as language_code,
        coalesce(is_published, true) as is_published,
        created_at as published_at
    from facebook_posts
    where is_latest
),

instagram as (
    select
        'instagram' as platform,
        media_id as post_id,
        user_id as account_id,
        case
            when is_story then 'story'
            when media_type = 'CAROUSEL_ALBUM' then 'carousel'
            when media_type = 'IMAGE' then 'photo'
            -- Every feed video published since 2022 is a reel.
            when media_type = 'VIDEO' then 'reel'
            else 'other'
        end as post_type,
        lower(media_type) as source_post_type,
        permalink as post_url,
        caption as post_text,
        cast(null as {{ dbt.type_string() }}) as language_code,
        true as is_published,
        created_at as published_at
    from instagram_media
    where is_latest
),

x as (
    select
        'x' as platform,
        tweet_id as post_id,
        coalesce(user_id, ads_account_id) as account_id,
        'text' as post_type,
        'tweet' as source_post_type,
        {{ dbt.concat(["'https://x.com/i/web/status/'", 'tweet_id']) }} as post_url,
        tweet_text as post_text,
        language_code,
        true as is_published,
        created_at as published_at
    from tweets
    where is_latest
),

linkedin as (
    select
        'linkedin' as platform,
        linkedin_posts.post_id,
        coalesce(
            linkedin_organization_posts.organization_id,
            linkedin_posts.author_organization_id
        ) as account_id,
        'text' as post_type,
        lower(linkedin_posts.post_urn_type) as source_post_type,
        {{ dbt.concat([
            "'https://www.linkedin.com/feed/update/urn:li:'", 'linkedin_posts.post_urn_type',
            "':'", 'linkedin_posts.post_id', "'/'",
        ]) }} as post_url,
        linkedin_posts.commentary as post_text,
        cast(null as {{ dbt.type_string() }}) as language_code,
        coalesce(linkedin_posts.lifecycle_state, 'PUBLISHED') = 'PUBLISHED' as is_published,
        coalesce(linkedin_posts.first_published_at, linkedin_posts.created_at) as published_at
    from linkedin_posts
    left join linkedin_organization_posts
        on linkedin_posts.post_id = linkedin_organization_posts.post_id
    where linkedin_posts.is_latest
),

youtube as (
    select
        'youtube' as platform,
        video_id as post_id,
        channel_id as account_id,
        'video' as post_type,
        'video' as source_post_type,
        {{ dbt.concat(["'https://www.youtube.com/watch?v='", 'video_id']) }} as post_url,
        video_title as post_text,
        cast(null as {{ dbt.type_string() }}) as language_code,
        true as is_published,
        published_at
    from youtube_videos
),

posts as (
    select * from facebook
    union all
    select * from instagram
    union all
    select * from x
    union all
    select * from linkedin
    union all
    select * from youtube
),

final as (
    select
        posts.platform,
        posts.post_id,
        posts.account_id,
        accounts.brand,
        posts.post_type,
        posts.source_post_type,
        posts.post_url,
        posts.post_text,
        posts.language_code,
        coalesce(accounts.is_own, true) as is_own,
        posts.is_published,
        {{ local_date('posts.published_at') }} as published_date,
        posts.published_at
    from posts
    left join accounts
        on
            posts.platform = accounts.platform
            and posts.account_id = accounts.account_id
)

select * from final
