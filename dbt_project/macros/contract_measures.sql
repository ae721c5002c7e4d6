{#- Generated from orchestration/defs/ingest/contracts.py by
    `python -m orchestration.defs.ingest.dbt_sources`; edit the contract instead.
    Every measure of the landing contract (Table.measure_columns) per source table,
    with the bounds outside which a value is impossible. -#}
{% macro contract_measures() -%}
{{ return({
    "facebook_pages.page": {"fan_count": {"min_value": 0}, "overall_star_rating": {"max_value": 5, "min_value": 0}, "rating_count": {"min_value": 0}, "talking_about_count": {"min_value": 0}},
    "facebook_pages.post_history": {"share_count": {"min_value": 0}},
    "facebook_pages.lifetime_post_metrics_total": {"post_clicks": {"min_value": 0}, "post_engaged_users": {"min_value": 0}, "post_impressions": {"min_value": 0}, "post_impressions_organic": {"min_value": 0}, "post_impressions_paid": {"min_value": 0}, "post_media_view": {"min_value": 0}, "post_reactions_anger_total": {"min_value": 0}, "post_reactions_haha_total": {"min_value": 0}, "post_reactions_like_total": {"min_value": 0}, "post_reactions_love_total": {"min_value": 0}, "post_reactions_sorry_total": {"min_value": 0}, "post_reactions_wow_total": {"min_value": 0}, "post_video_views": {"min_value": 0}},
    "facebook_pages.daily_page_metrics_total": {"page_fan_adds": {"min_value": 0}, "page_fan_removes": {"min_value": 0}, "page_fans": {"min_value": 0}, "page_impressions": {"min_value": 0}, "page_media_view": {"min_value": 0}, "page_post_engagements": {"min_value": 0}, "page_views_total": {"min_value": 0}},
    "instagram_business.user_history": {"followers_count": {"min_value": 0}, "follows_count": {"min_value": 0}, "media_count": {"min_value": 0}},
    "instagram_business.media_insights": {"carousel_album_reach": {"min_value": 0}, "carousel_album_saved": {"min_value": 0}, "carousel_album_shares": {"min_value": 0}, "carousel_album_views": {"min_value": 0}, "comment_count": {"min_value": 0}, "like_count": {"min_value": 0}, "reel_comments": {"min_value": 0}, "reel_likes": {"min_value": 0}, "reel_reach": {"min_value": 0}, "reel_shares": {"min_value": 0}, "reel_views": {"min_value": 0}, "story_reach": {"min_value": 0}, "story_replies": {"min_value": 0}, "story_shares": {"min_value": 0}, "story_views": {"min_value": 0}, "video_photo_reach": {"min_value": 0}, "video_photo_saved": {"min_value": 0}, "video_photo_shares": {"min_value": 0}, "video_photo_views": {"min_value": 0}},
    "twitter_organic.twitter_user_history": {"followers_count": {"min_value": 0}},
    "twitter_organic.tweet": {"favorite_count": {"min_value": 0}, "retweet_count": {"min_value": 0}},
    "twitter_organic.organic_tweet_report": {"clicks": {"min_value": 0}, "engagements": {"min_value": 0}, "follows": {"min_value": 0}, "impressions": {"min_value": 0}, "likes": {"min_value": 0}, "replies": {"min_value": 0}, "retweets": {"min_value": 0}, "unfollows": {"min_value": 0}, "url_clicks": {"min_value": 0}},
    "linkedin_pages.share_statistic": {"click_count": {"min_value": 0}, "comment_count": {"min_value": 0}, "engagement": {"min_value": 0}, "impression_count": {"min_value": 0}, "like_count": {"min_value": 0}, "share_count": {"min_value": 0}},
    "youtube_analytics.video": {"statistics_comment_count": {"min_value": 0}, "statistics_like_count": {"min_value": 0}, "statistics_view_count": {"min_value": 0}},
    "youtube_analytics.channel_basic_a_2": {"annotation_click_through_rate": {"min_value": 0}, "annotation_clickable_impressions": {"min_value": 0}, "annotation_clicks": {"min_value": 0}, "annotation_closable_impressions": {"min_value": 0}, "annotation_close_rate": {"min_value": 0}, "annotation_closes": {"min_value": 0}, "annotation_impressions": {"min_value": 0}, "average_view_duration_percentage": {"min_value": 0}, "average_view_duration_seconds": {"min_value": 0}, "card_click_rate": {"min_value": 0}, "card_clicks": {"min_value": 0}, "card_impressions": {"min_value": 0}, "card_teaser_click_rate": {"min_value": 0}, "card_teaser_clicks": {"min_value": 0}, "card_teaser_impressions": {"min_value": 0}, "comments": {"min_value": 0}, "dislikes": {"min_value": 0}, "likes": {"min_value": 0}, "red_views": {"min_value": 0}, "red_watch_time_minutes": {"min_value": 0}, "shares": {"min_value": 0}, "subscribers_gained": {"min_value": 0}, "subscribers_lost": {"min_value": 0}, "videos_added_to_playlists": {"min_value": 0}, "videos_removed_from_playlists": {"min_value": 0}, "views": {"min_value": 0}, "watch_time_minutes": {"min_value": 0}},
    "shopify.order": {"subtotal_price": {"min_value": 0}, "total_discounts": {"min_value": 0}, "total_tax": {"min_value": 0}},
    "shopify.order_line": {"price": {"min_value": 0}, "quantity": {"min_value": 0}},
    "shopify.order_line_refund": {"quantity": {"min_value": 0}, "subtotal": {"min_value": 0}},
    "social_accounts.daily": {"followers": {"min_value": 0}, "following": {"min_value": 0}, "mentions": {"min_value": 0}, "posts_published": {"min_value": 0}, "profile_views": {"min_value": 0}},
    "social_comments.comments": {"like_count": {"min_value": 0}},
    "listening.mentions": {"engagements": {"min_value": 0}, "reach_estimate": {"min_value": 0}},
    "marketing.time_log": {"hourly_cost": {"min_value": 0}},
    "seo.backlinks": {"domain_rating": {"max_value": 100, "min_value": 0}},
    "blog.subscribers_daily": {"subscribed": {"min_value": 0}, "subscribers_total": {"min_value": 0}, "unsubscribed": {"min_value": 0}},
    "surveys.csat": {"csat_score": {"max_value": 5, "min_value": 1}, "nps_score": {"max_value": 10, "min_value": 0}},
    "surveys.audience": {"minutes_personal": {"min_value": 0}, "minutes_professional": {"min_value": 0}},
    "strategy.goals": {"baseline_value": {}},
    "strategy.self_assessment": {"hours_per_week_planned": {"min_value": 0}},
}) }}
{%- endmacro %}
