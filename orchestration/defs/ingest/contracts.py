"""The landing contract: every raw table, its columns, types and row rules.

One source of truth for the loader (what to accept, what to quarantine, what to hash) and for
the documentation of the landing folder. Column names and table shapes follow
``shared/reference/landing-sources.md``: ELT-connector names where a public schema exists
(Fivetran's Facebook Pages, Instagram Business, Twitter Organic, LinkedIn Pages, YouTube
Analytics and Shopify; the GA4 BigQuery export), the project's own contract elsewhere.

Types are DuckDB types of the ``raw_<source>`` tables. ``required`` columns must be present
in a file's header (otherwise the file is rejected); optional columns that a file lacks load
as NULL.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

PiiKind = Literal["id", "email"]

PLATFORMS = ("facebook", "instagram", "x", "linkedin", "youtube")

GA4_EVENT_PARAMS = (
    "STRUCT(key VARCHAR, value STRUCT(string_value VARCHAR, int_value BIGINT, "
    "float_value DOUBLE, double_value DOUBLE))[]"
)
MONEY = "DECIMAL(18,2)"
TS = "TIMESTAMPTZ"


@dataclass(frozen=True)
class Column:
    """One column of a raw table and the rules each of its values must pass."""

    name: str
    type: str = "VARCHAR"
    required: bool = False
    not_null: bool = False
    non_negative: bool = False
    not_future: bool = False
    epoch_micros: bool = False
    min_value: float | None = None
    max_value: float | None = None
    accepted: tuple[str, ...] | None = None
    pattern: str | None = None
    pii: PiiKind | None = None
    description: str = ""


@dataclass(frozen=True)
class Table:
    """One raw table: ``<landing>/<source>/<name>/*`` loads into ``raw_<source>.<name>``."""

    source: str
    name: str
    columns: tuple[Column, ...]
    key: tuple[str, ...] = ()
    formats: tuple[str, ...] = ("csv", "jsonl", "json", "parquet")
    description: str = ""
    column_names: tuple[str, ...] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "column_names", tuple(c.name for c in self.columns))
        unknown = set(self.key) - set(self.column_names)
        if unknown:
            raise ValueError(f"{self.source}.{self.name}: key columns {unknown} not in columns")

    @property
    def schema(self) -> str:
        return f"raw_{self.source}"

    @property
    def qualified(self) -> str:
        return f'"{self.schema}"."{self.name}"'

    @property
    def required_columns(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns if c.required)

    def column(self, name: str) -> Column:
        for c in self.columns:
            if c.name == name:
                return c
        raise KeyError(name)


def _key(name: str, type_: str = "VARCHAR", **kw: object) -> Column:
    """A key column: present in every file, never empty."""
    return Column(name, type_, required=True, not_null=True, **kw)  # type: ignore[arg-type]


def _count(name: str, **kw: object) -> Column:
    """A count: a whole number that is never negative."""
    return Column(name, "BIGINT", non_negative=True, **kw)  # type: ignore[arg-type]


def _synced() -> Column:
    return Column(
        "_fivetran_synced", TS, required=True, not_null=True, not_future=True,
        description="When the connector synced this version; orders versions of an entity.",
    )


def _event_time(name: str, type_: str = TS, required: bool = True) -> Column:
    return Column(name, type_, required=required, not_null=required, not_future=True)


TABLES: tuple[Table, ...] = (
    # ---------------------------------------------------------------- facebook_pages
    Table(
        "facebook_pages", "page",
        (
            _key("id"), Column("name"), _count("fan_count"), _count("talking_about_count"),
            Column("overall_star_rating", "DOUBLE", min_value=0, max_value=5),
            _count("rating_count"), _synced(),
        ),
        key=("id", "_fivetran_synced"), description="Facebook page, one row per sync.",
    ),
    Table(
        "facebook_pages", "post_history",
        (
            _key("id"), _key("page_id"), _event_time("created_time"), Column("updated_time", TS),
            Column("message"), _count("share_count"), Column("status_type"),
            Column("is_published", "BOOLEAN"), _synced(),
        ),
        key=("id", "_fivetran_synced"), description="Facebook posts, one row per version.",
    ),
    Table(
        "facebook_pages", "lifetime_post_metrics_total",
        (
            _key("post_id"), _event_time("date", "DATE"),
            _count("post_impressions"), _count("post_impressions_organic"),
            _count("post_impressions_paid"), _count("post_engaged_users"), _count("post_clicks"),
            _count("post_media_view"), _count("post_video_views"),
            _count("post_reactions_like_total"), _count("post_reactions_love_total"),
            _count("post_reactions_wow_total"), _count("post_reactions_haha_total"),
            _count("post_reactions_sorry_total"), _count("post_reactions_anger_total"),
            _synced(),
        ),
        key=("post_id", "date", "_fivetran_synced"),
        description="Lifetime (cumulative) metrics per post as of each date.",
    ),
    Table(
        "facebook_pages", "daily_page_metrics_total",
        (
            _key("page_id"), _event_time("date", "DATE"), _count("page_fans"),
            _count("page_fan_adds"), _count("page_fan_removes"), _count("page_impressions"),
            _count("page_media_view"), _count("page_post_engagements"),
            _count("page_views_total"), _synced(),
        ),
        key=("page_id", "date", "_fivetran_synced"), description="Daily page metrics.",
    ),
    # ---------------------------------------------------------------- instagram_business
    Table(
        "instagram_business", "user_history",
        (
            _key("id"), Column("username"), Column("name"), _count("followers_count"),
            _count("follows_count"), _count("media_count"), _synced(),
        ),
        key=("id", "_fivetran_synced"), description="Instagram business account per sync.",
    ),
    Table(
        "instagram_business", "media_history",
        (
            _key("id"), _key("user_id"), _event_time("created_time"), Column("caption"),
            Column("media_type"), Column("permalink"), Column("is_story", "BOOLEAN"), _synced(),
        ),
        key=("id", "_fivetran_synced"), description="Instagram media, one row per version.",
    ),
    Table(
        "instagram_business", "media_insights",
        (
            _key("id"), _count("like_count"), _count("comment_count"),
            _count("video_photo_reach"), _count("video_photo_shares"),
            _count("video_photo_saved"), _count("video_photo_views"), _count("reel_reach"),
            _count("reel_shares"), _count("reel_views"), _count("reel_likes"),
            _count("reel_comments"), _count("carousel_album_reach"),
            _count("carousel_album_shares"), _count("carousel_album_saved"),
            _count("carousel_album_views"), _count("story_reach"), _count("story_views"),
            _count("story_shares"), _count("story_replies"), _synced(),
        ),
        key=("id", "_fivetran_synced"), description="Lifetime media insights per sync.",
    ),
    # ---------------------------------------------------------------- twitter_organic (X)
    Table(
        "twitter_organic", "account_history",
        (_key("id"), Column("name"), Column("updated_at", TS), _synced()),
        key=("id", "_fivetran_synced"), description="X ads/organic account per sync.",
    ),
    Table(
        "twitter_organic", "twitter_user_history",
        (
            _key("id"), Column("screen_name"), Column("name"), _count("followers_count"),
            Column("created_at", TS), _synced(),
        ),
        key=("id", "_fivetran_synced"), description="X user (profile) per sync.",
    ),
    Table(
        "twitter_organic", "tweet",
        (
            _key("id"), _key("account_id"), Column("user_id"), _event_time("created_at"),
            Column("full_text"), Column("lang"), _count("retweet_count"),
            _count("favorite_count"), _synced(),
        ),
        key=("id", "_fivetran_synced"), description="Tweets (posts on X) per sync.",
    ),
    Table(
        "twitter_organic", "organic_tweet_report",
        (
            _key("account_id"), _key("organic_tweet_id"), _event_time("date", "DATE"),
            Column("placement"), _count("impressions"), _count("engagements"), _count("likes"),
            _count("retweets"), _count("replies"), _count("clicks"), _count("url_clicks"),
            _count("follows"), _count("unfollows"), _synced(),
        ),
        key=("organic_tweet_id", "date", "placement", "_fivetran_synced"),
        description="Daily (not lifetime) tweet metrics per placement.",
    ),
    # ---------------------------------------------------------------- linkedin_pages
    Table(
        "linkedin_pages", "organization",
        (_key("id"), Column("localized_name"), Column("vanity_name")),
        key=("id",), description="LinkedIn organization (company page).",
    ),
    Table(
        "linkedin_pages", "ugc_post_history",
        (
            _key("id"), Column("author", required=True), Column("commentary"),
            _event_time("created_time"), Column("first_published_at", TS),
            Column("last_modified_time", TS), Column("lifecycle_state"), _synced(),
        ),
        key=("id", "_fivetran_synced"), description="LinkedIn posts, one row per version.",
    ),
    Table(
        "linkedin_pages", "organization_ugc_post",
        (_key("organization_id"), _key("ugc_post_id")),
        key=("organization_id", "ugc_post_id"), description="Which organization owns a post.",
    ),
    Table(
        "linkedin_pages", "ugc_post_share_statistic",
        (_key("share_statistic_id"), _key("ugc_post_id")),
        key=("share_statistic_id", "ugc_post_id"),
        description="Links a post to its share statistic.",
    ),
    Table(
        "linkedin_pages", "share_statistic",
        (
            _key("_fivetran_id"), Column("_organization_entity_urn"),
            Column("_share_entity_urn"), _count("click_count"), _count("comment_count"),
            Column("engagement", "DOUBLE", non_negative=True), _count("impression_count"),
            _count("like_count"), _count("share_count"), _synced(),
        ),
        key=("_fivetran_id", "_fivetran_synced"),
        description="Lifetime share statistics per sync.",
    ),
    # ---------------------------------------------------------------- youtube_analytics
    Table(
        "youtube_analytics", "video",
        (
            _key("id"), Column("snippet_channel_id", required=True), Column("snippet_title"),
            _event_time("snippet_published_at"), Column("content_details_duration"),
            _count("statistics_view_count"), _count("statistics_like_count"),
            _count("statistics_comment_count"),
        ),
        key=("id",), description="YouTube videos with lifetime statistics.",
    ),
    Table(
        "youtube_analytics", "channel_basic_a_2",
        (
            _key("channel_id"), _key("video_id"), _event_time("date", "DATE"), _count("views"),
            _count("likes"), _count("dislikes"), _count("comments"), _count("shares"),
            _count("subscribers_gained"), _count("subscribers_lost"),
            Column("watch_time_minutes", "DOUBLE", non_negative=True),
            Column("average_view_duration_seconds", "DOUBLE", non_negative=True),
        ),
        key=("channel_id", "video_id", "date"),
        description="Daily channel x video report (channel_basic_a2).",
    ),
    # ---------------------------------------------------------------- ga4
    Table(
        "ga4", "events",
        (
            Column("event_date", required=True, not_null=True, pattern=r"^\d{8}$"),
            Column(
                "event_timestamp", "BIGINT", required=True, not_null=True, not_future=True,
                epoch_micros=True,
            ),
            Column("event_name", required=True, not_null=True),
            Column("event_params", GA4_EVENT_PARAMS),
            Column("user_pseudo_id", required=True, not_null=True),
            Column("user_id", pii="id"),
            Column("user_first_touch_timestamp", "BIGINT", epoch_micros=True),
            Column("traffic_source", "STRUCT(name VARCHAR, medium VARCHAR, source VARCHAR)"),
            Column(
                "collected_traffic_source",
                "STRUCT(manual_source VARCHAR, manual_medium VARCHAR, "
                "manual_campaign_name VARCHAR, gclid VARCHAR)",
            ),
            Column("device", "STRUCT(category VARCHAR)"),
            Column("geo", "STRUCT(country VARCHAR)"),
            Column("ecommerce", "STRUCT(transaction_id VARCHAR, purchase_revenue DOUBLE)"),
        ),
        formats=("jsonl", "json", "parquet"),
        description="GA4 BigQuery export, one row per event.",
    ),
    # ---------------------------------------------------------------- shopify
    Table(
        "shopify", "order",
        (
            _key("id", "BIGINT"), Column("name"), _event_time("created_at"),
            Column("processed_at", TS), Column("cancelled_at", TS),
            Column("customer_id", pii="id"), Column("email", pii="email"),
            Column("currency", required=True, not_null=True, pattern=r"^[A-Za-z]{3}$"),
            Column("total_price", MONEY, required=True, not_null=True, non_negative=True),
            Column("subtotal_price", MONEY, non_negative=True),
            Column("total_discounts", MONEY, non_negative=True),
            Column("total_tax", MONEY, non_negative=True), Column("financial_status"),
            Column("landing_site_base_url"), Column("referring_site"), Column("source_name"),
            Column("order_url_tags", "JSON"), _synced(),
        ),
        key=("id", "_fivetran_synced"), description="Shopify orders, one row per sync.",
    ),
    Table(
        "shopify", "order_line",
        (
            _key("id", "BIGINT"), _key("order_id", "BIGINT"), Column("product_id", "BIGINT"),
            Column("sku"), Column("title"), _count("quantity"),
            Column("price", MONEY, non_negative=True),
        ),
        key=("id",), description="Shopify order lines.",
    ),
    Table(
        "shopify", "refund",
        (_key("id", "BIGINT"), _key("order_id", "BIGINT"), _event_time("created_at")),
        key=("id",), description="Shopify refunds.",
    ),
    Table(
        "shopify", "order_line_refund",
        (
            _key("id", "BIGINT"), _key("refund_id", "BIGINT"), _key("order_line_id", "BIGINT"),
            _count("quantity"), Column("subtotal", MONEY, non_negative=True),
        ),
        key=("id",), description="Refunded quantities and amounts per order line.",
    ),
    Table(
        "shopify", "customer",
        (
            Column("id", required=True, not_null=True, pii="id"), _event_time("created_at"),
            Column("email", pii="email"), Column("accepts_marketing", "BOOLEAN"),
        ),
        key=("id",), description="Shopify customers (id and email hashed at load).",
    ),
    # ---------------------------------------------------------------- project-defined sources
    Table(
        "social_accounts", "accounts",
        (
            _key("platform", accepted=PLATFORMS), _key("account_id"), Column("handle"),
            Column("display_name"), Column("brand", required=True, not_null=True),
            Column("is_own", "BOOLEAN", required=True, not_null=True), Column("industry"),
        ),
        key=("platform", "account_id"), description="Own and competitor accounts.",
    ),
    Table(
        "social_accounts", "daily",
        (
            _event_time("date", "DATE"), _key("platform", accepted=PLATFORMS),
            _key("account_id"), _count("followers"), _count("following"),
            _count("posts_published"), _count("mentions"), _count("profile_views"),
        ),
        key=("date", "platform", "account_id"), description="Per account per day.",
    ),
    Table(
        "social_comments", "comments",
        (
            _key("platform", accepted=PLATFORMS), _key("comment_id"), _key("post_id"),
            Column("parent_comment_id"), _event_time("created_at"),
            Column("author_id", pii="id"), Column("text"), _count("like_count"),
        ),
        key=("platform", "comment_id"), description="Comments on own posts.",
    ),
    Table(
        "listening", "mentions",
        (
            _key("mention_id"), Column("platform", required=True, not_null=True),
            _event_time("published_at"), Column("brand", required=True, not_null=True),
            Column("author_id", pii="id"), Column("text"), Column("language"), Column("url"),
            _count("reach_estimate"), _count("engagements"),
            Column("sentiment_label", accepted=("positive", "negative", "neutral")),
        ),
        key=("mention_id",), description="Mentions of own and competitor brands.",
    ),
    Table(
        "marketing", "spend",
        (
            _event_time("date", "DATE"), _key("channel"), Column("campaign"),
            _key("cost_category"),
            Column("amount", MONEY, required=True, not_null=True, non_negative=True),
            Column("currency", required=True, not_null=True, pattern=r"^[A-Za-z]{3}$"),
        ),
        key=("date", "channel", "campaign", "cost_category"),
        description="Money spent per day, channel, campaign and cost category.",
    ),
    Table(
        "marketing", "time_log",
        (
            _event_time("date", "DATE"), _key("role"), _key("channel"), _key("activity"),
            Column("hours", "DOUBLE", required=True, not_null=True, non_negative=True),
            Column("hourly_cost", MONEY, non_negative=True),
            Column("currency", pattern=r"^[A-Za-z]{3}$"),
        ),
        key=("date", "role", "channel", "activity"), description="Hours logged per role.",
    ),
    Table(
        "marketing", "fx_rates",
        (
            _key("date", "DATE"), _key("currency", pattern=r"^[A-Za-z]{3}$"),
            Column(
                "rate_to_reporting_currency", "DOUBLE", required=True, not_null=True,
                non_negative=True,
            ),
        ),
        key=("date", "currency"), description="Units of reporting currency per unit.",
    ),
    Table(
        "marketing", "campaigns",
        (
            _key("campaign_id"), Column("name"), Column("channel", required=True),
            Column("utm_campaign"),
            Column("objective", accepted=("awareness", "engagement", "conversion")),
            Column("start_date", "DATE"), Column("end_date", "DATE"),
        ),
        key=("campaign_id",), description="Campaigns and the UTM campaign they tag.",
    ),
    Table(
        "seo", "backlinks",
        (
            _key("target_domain"), _key("referring_domain"), _key("referring_url"),
            _key("target_url"), _event_time("first_seen", "DATE"),
            Column("lost_at", "DATE", not_future=True), Column("is_dofollow", "BOOLEAN"),
            Column("domain_rating", "DOUBLE", min_value=0, max_value=100),
        ),
        key=("referring_url", "target_url", "first_seen"),
        description="Backlinks as SEO tools export them.",
    ),
    Table(
        "blog", "subscribers_daily",
        (
            _event_time("date", "DATE"), _key("blog_or_list"), _count("subscribers_total"),
            _count("subscribed"), _count("unsubscribed"),
        ),
        key=("date", "blog_or_list"), description="Blog / newsletter subscribers per day.",
    ),
    Table(
        "surveys", "csat",
        (
            _key("response_id"), _event_time("submitted_at"),
            Column("customer_ref", pii="id"), Column("channel"),
            Column("csat_score", "BIGINT", min_value=1, max_value=5),
            Column("nps_score", "BIGINT", min_value=0, max_value=10), Column("comment"),
        ),
        key=("response_id",), description="Customer satisfaction and NPS responses.",
    ),
    Table(
        "surveys", "audience",
        (
            _key("response_id"), _event_time("submitted_at"),
            Column("knows_social_sites", "BOOLEAN"), Column("platforms_used"),
            Column("minutes_personal", "BIGINT", non_negative=True),
            Column("minutes_professional", "BIGINT", non_negative=True),
            Column("motivations"), Column("other_brands"),
        ),
        key=("response_id",), description="The framework's five audience questions.",
    ),
    Table(
        "strategy", "goals",
        (
            _key("goal_id"), Column("title", required=True), Column("purpose"),
            Column("metric", required=True, not_null=True),
            Column("scope"), Column("baseline_value", "DOUBLE"),
            Column("target_value", "DOUBLE", required=True, not_null=True),
            Column("start_date", "DATE", required=True, not_null=True),
            Column("deadline", "DATE", required=True, not_null=True),
            Column("success_criteria"),
        ),
        key=("goal_id",), description="SMART goals.",
    ),
    Table(
        "strategy", "self_assessment",
        (
            _key("channel"),
            Column("team_experience", accepted=("none", "personal", "professional")),
            Column("hours_per_week_planned", "DOUBLE", non_negative=True),
            Column("has_skilled_writer", "BOOLEAN"), Column("has_photo_library", "BOOLEAN"),
            Column("has_photographer", "BOOLEAN"), Column("has_video_library", "BOOLEAN"),
            Column("has_video_skills", "BOOLEAN"),
        ),
        key=("channel",), description="Channel self-assessment (strategy step 1).",
    ),
)

SOURCE_DESCRIPTIONS: dict[str, str] = {
    "facebook_pages": "Facebook Pages, in the Fivetran facebook_pages connector's shape.",
    "instagram_business": "Instagram business accounts, in the Fivetran connector's shape.",
    "twitter_organic": "X (Twitter) organic, in the Fivetran twitter_organic connector's shape.",
    "linkedin_pages": "LinkedIn company pages, in the Fivetran linkedin_pages connector's shape.",
    "youtube_analytics": "YouTube Analytics, in the Fivetran youtube_analytics connector's shape.",
    "ga4": "Google Analytics 4 BigQuery export (events_YYYYMMDD tables as JSON lines or Parquet).",
    "shopify": "Shopify orders, refunds and customers, in the Fivetran shopify connector's shape.",
    "social_accounts": "Own and competitor social accounts and their public daily figures.",
    "social_comments": "Comments on own posts, from the platforms' APIs or a social inbox tool.",
    "listening": "Social listening: mentions of own and competitor brands on the web.",
    "marketing": "Money and time invested in marketing, campaigns and FX rates.",
    "seo": "Backlinks to own and competitor sites, as SEO tools export them.",
    "blog": "Blog and newsletter subscribers per day.",
    "surveys": "Customer satisfaction (CSAT, NPS) and audience survey responses.",
    "strategy": "SMART goals and the channel self-assessment of the strategy guide.",
}

TABLES_BY_KEY: dict[tuple[str, str], Table] = {(t.source, t.name): t for t in TABLES}
SOURCES: tuple[str, ...] = tuple(dict.fromkeys(t.source for t in TABLES))


def tables_of(source: str) -> tuple[Table, ...]:
    return tuple(t for t in TABLES if t.source == source)
