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

PiiKind = Literal["id", "email", "text"]

PLATFORMS = ("facebook", "instagram", "x", "linkedin", "youtube")

GA4_EVENT_PARAMS = (
    "STRUCT(key VARCHAR, value STRUCT(string_value VARCHAR, int_value BIGINT, "
    "float_value DOUBLE, double_value DOUBLE))[]"
)
MONEY = "DECIMAL(18,2)"
# The cost categories the contract names (marketing/spend.cost_category; others load too).
COST_CATEGORIES = ("ads", "boosting", "influencers", "content production", "tools", "agency")
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
    # Values the contract names without restricting the column to them (other values load
    # too); the dbt project reads them from the generated macro contract_known_values(),
    # e.g. one investment column per cost category.
    known: tuple[str, ...] | None = None
    pattern: str | None = None
    pii: PiiKind | None = None
    description: str = ""


NAIVE_TIMESTAMP_RULES = ("utc", "business", "reject")
# Each source's time zone for a timestamp written without an offset. Connector exports
# (Fivetran, the GA4 BigQuery export) write UTC; files people keep or export from their own
# tools (spend, goals, surveys, overrides, ...) are in the business time zone; social
# comments and listening come from third-party tools whose zone is not known: a naive
# timestamp there is quarantined.
NAIVE_TIMESTAMPS: dict[str, str] = {
    "facebook_pages": "utc", "instagram_business": "utc", "twitter_organic": "utc",
    "linkedin_pages": "utc", "youtube_analytics": "utc", "ga4": "utc", "shopify": "utc",
    "social_accounts": "business", "marketing": "business", "seo": "business",
    "blog": "business", "surveys": "business", "strategy": "business",
    "sentiment_overrides": "business",
    "social_comments": "reject", "listening": "reject",
}


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
    # --- reliability (issue 11) ---
    # A file is the whole export of the values of these columns it holds (GA4: one file per
    # event_date): loading it replaces the rows other files loaded for those values, so a day
    # re-landed under another name or in another order is not added twice.
    replaces_by: tuple[str, ...] = ()
    # How a timestamp without an offset is read: "utc" (the export writes UTC), "business"
    # (the business time zone, BUSINESS_TIMEZONE) or "reject" (quarantined). Empty: the
    # source's rule in NAIVE_TIMESTAMPS ("reject" for a source not listed there).
    naive_timestamps: str = ""
    # Hours the newest data may be old before the freshness check warns; None: the source's
    # default (``FRESHNESS_HOURS``).
    freshness_hours: float | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "column_names", tuple(c.name for c in self.columns))
        if not self.naive_timestamps:
            object.__setattr__(self, "naive_timestamps",
                               NAIVE_TIMESTAMPS.get(self.source, "reject"))
        if self.naive_timestamps not in NAIVE_TIMESTAMP_RULES:
            raise ValueError(f"{self.source}.{self.name}: naive_timestamps must be one of "
                             f"{NAIVE_TIMESTAMP_RULES}")
        unknown_by = set(self.replaces_by) - set(self.column_names)
        if unknown_by:
            raise ValueError(f"{self.source}.{self.name}: replaces_by columns {unknown_by} not "
                             "in columns")
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

    def is_measure(self, column: Column) -> bool:
        """A measure: a numeric value the row can do without (not part of the key, not
        required to be filled). An impossible measure (a negative count, a score out of
        range, text where a number belongs) is nulled and reported; the row still loads.
        Keys, required values, timestamps and text keep whole-row quarantine."""
        numeric = column.type.startswith(("BIGINT", "DOUBLE", "DECIMAL"))
        identifier = column.name == "id" or column.name.endswith("_id")
        moment = column.epoch_micros or column.not_future
        return (numeric and not identifier and not moment and not column.not_null
                and column.name not in self.key)

    @property
    def measure_columns(self) -> tuple[Column, ...]:
        return tuple(c for c in self.columns if self.is_measure(c))

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


def _event_time(name: str, type_: str = TS, required: bool = True, **kw: object) -> Column:
    """When something happened: never in the future; required and never empty by default."""
    return Column(  # type: ignore[arg-type]
        name, type_, required=required, not_null=required, not_future=True, **kw
    )


# Personal data columns: what the loader does to them (see ``pii.py``).
_PII_ID = (
    "Personal data: trimmed, then replaced at load by its hex HMAC-SHA256 keyed with "
    "PII_HASH_KEY (same person, same hash in every table)."
)
_PII_TEXT = (
    "Personal data inside the text is masked at load: emails -> `[email]`, phone numbers -> "
    "`[phone]`, other runs of ten or more digits (national ids, card numbers) -> `[number]`, "
    "@handles -> `@user`; the words are kept."
)
_PII_EMAIL = (
    "Personal data: trimmed and lower-cased, then replaced at load by its hex HMAC-SHA256 "
    "keyed with PII_HASH_KEY."
)
_NO_META = "Fivetran stops filling it after Nov 2025 (Meta deprecation)."

TABLES: tuple[Table, ...] = (
    # ---------------------------------------------------------------- facebook_pages
    Table(
        "facebook_pages", "page",
        (
            _key("id", description=(
                "Facebook Page ID (numeric string); the `account_id` of the own facebook "
                "account in `social_accounts.accounts`.")),
            Column("name", description="Page name as shown on Facebook, as of this sync."),
            _count("fan_count", description=(
                "People who like the Page, a level as of the sync (not a daily change).")),
            _count("talking_about_count", description=(
                "People talking about the Page (Meta's rolling-window count of people who "
                "interacted with it), as reported at the sync; not cumulative.")),
            Column("overall_star_rating", "DOUBLE", min_value=0, max_value=5, description=(
                "Overall Page rating on a 0-5 scale, normalised by Meta (not a strict "
                "average); NULL when there are too few ratings.")),
            _count("rating_count", description=(
                "Public ratings of the Page, lifetime count as of the sync.")),
            _synced(),
        ),
        key=("id", "_fivetran_synced"),
        description=(
            "Facebook Page profile, one row per page per connector sync; counts are levels "
            "as of that sync."),
    ),
    Table(
        "facebook_pages", "post_history",
        (
            _key("id", description="Post ID, `<page_id>_<post number>`."),
            _key("page_id", description="Page the post was published on (`page.id`)."),
            _event_time("created_time", description="When the post was first published."),
            Column("updated_time", TS, description=(
                "When the post last changed: its creation, an edit or a new comment.")),
            Column("message", description=(
                "Post text as of this version, any language (often Persian); NULL for media "
                "without text.")),
            _count("share_count", description=(
                "Times the post was shared, lifetime count as of this version.")),
            Column("status_type", description=(
                "Kind of post as Meta reports it: `added_photos`, `added_video` or "
                "`mobile_status_update` in the sample data (Meta also uses `shared_story`, "
                "`created_event`, ...).")),
            Column("is_published", "BOOLEAN", description=(
                "Whether the post is public; false only for scheduled or ad-creation posts "
                "not yet published.")),
            _synced(),
        ),
        key=("id", "_fivetran_synced"),
        description=(
            "Facebook Page posts, one row per post version (a new row when the connector sees "
            "a change); the latest `_fivetran_synced` per `id` is the current version."),
    ),
    Table(
        "facebook_pages", "lifetime_post_metrics_total",
        (
            _key("post_id", description="Post ID (`post_history.id`)."),
            _event_time("date", "DATE", description=(
                "Date the lifetime values are as of (the Page's local date).")),
            _count("post_impressions", description=(
                "Times the post entered a person's screen, lifetime as of `date`. Meta stopped "
                "filling it in Nov 2025 (NULL since): use `post_media_view`.")),
            _count("post_impressions_organic", description=(
                "Impressions through unpaid distribution, lifetime as of `date`; NULL since "
                "Nov 2025.")),
            _count("post_impressions_paid", description=(
                "Impressions through paid distribution (ads, boosts), lifetime as of `date`; "
                "NULL since Nov 2025.")),
            _count("post_engaged_users", description=(
                "Unique people who clicked anywhere in the post, lifetime as of `date`.")),
            _count("post_clicks", description=(
                "Clicks anywhere on the post, lifetime count as of `date`.")),
            _count("post_media_view", description=(
                "Times the post's media or content was viewed (Meta's 'views', which replace "
                "impressions), lifetime as of `date`.")),
            _count("post_video_views", description=(
                "Video plays of at least 3 seconds, lifetime as of `date`; 0 for posts "
                "without video.")),
            _count("post_reactions_like_total", description=(
                "'Like' reactions on the post, lifetime count as of `date`.")),
            _count("post_reactions_love_total", description=(
                "'Love' reactions on the post, lifetime count as of `date`.")),
            _count("post_reactions_wow_total", description=(
                "'Wow' reactions on the post, lifetime count as of `date`.")),
            _count("post_reactions_haha_total", description=(
                "'Haha' reactions on the post, lifetime count as of `date`.")),
            _count("post_reactions_sorry_total", description=(
                "'Sad' reactions on the post, lifetime count as of `date`.")),
            _count("post_reactions_anger_total", description=(
                "'Angry' reactions on the post, lifetime count as of `date`.")),
            _synced(),
        ),
        key=("post_id", "date", "_fivetran_synced"),
        description=(
            "One row per post per date (per sync), lifetime (cumulative) values as of that "
            "date: a day's figure is the difference between consecutive dates, never a sum."),
    ),
    Table(
        "facebook_pages", "daily_page_metrics_total",
        (
            _key("page_id", description="Facebook Page ID (`page.id`)."),
            _event_time("date", "DATE", description=(
                "Day the metrics cover (the Page's local date).")),
            _count("page_fans", description=(
                "People who like the Page at the end of `date`, a level (not a daily change). "
                + _NO_META)),
            _count("page_fan_adds", description="New Page likes on `date`. " + _NO_META),
            _count("page_fan_removes", description="Page unlikes on `date`. " + _NO_META),
            _count("page_impressions", description=(
                "Times any content from or about the Page entered a person's screen on `date`. "
                + _NO_META)),
            _count("page_media_view", description=(
                "Times the Page's media or content was viewed on `date` (Meta's 'views').")),
            _count("page_post_engagements", description=(
                "Times people engaged with the Page's posts on `date` (reactions, comments, "
                "shares, clicks).")),
            _count("page_views_total", description=(
                "Times the Page's profile was viewed on `date`, logged-in and logged-out.")),
            _synced(),
        ),
        key=("page_id", "date", "_fivetran_synced"),
        description=(
            "Page metrics, one row per page per date (per sync); daily values for that date, "
            "except `page_fans`, a level at the end of the day."),
    ),
    # ---------------------------------------------------------------- instagram_business
    Table(
        "instagram_business", "user_history",
        (
            _key("id", description=(
                "Instagram user ID of the business account (numeric string); the `account_id` "
                "of the own instagram account in `social_accounts.accounts`.")),
            Column("username", description="Handle without '@', e.g. `navacoffee`."),
            Column("name", description="Profile display name, as of this sync."),
            _count("followers_count", description=(
                "Followers of the account, a level as of the sync (not a daily change).")),
            _count("follows_count", description="Accounts this account follows, as of the sync."),
            _count("media_count", description=(
                "Media the account has published, lifetime count as of the sync.")),
            _synced(),
        ),
        key=("id", "_fivetran_synced"),
        description=(
            "Instagram business account profile, one row per account per connector sync; "
            "counts are levels as of that sync."),
    ),
    Table(
        "instagram_business", "media_history",
        (
            _key("id", description="Instagram media ID (numeric string)."),
            _key("user_id", description="Account that published the media (`user_history.id`)."),
            _event_time("created_time", description="When the media was published."),
            Column("caption", description=(
                "Caption as of this version, any language; NULL for stories and media without "
                "one.")),
            Column("media_type", description=(
                "`IMAGE`, `VIDEO` (reels) or `CAROUSEL_ALBUM`; stories are `IMAGE` or `VIDEO` "
                "with `is_story` true.")),
            Column("permalink", description="Public URL of the media on instagram.com."),
            Column("is_story", "BOOLEAN", description=(
                "True for stories (live 24 h; insights in the `story_*` columns), false for "
                "feed posts and reels.")),
            _synced(),
        ),
        key=("id", "_fivetran_synced"),
        description=(
            "Instagram media (feed posts, reels, carousels, stories), one row per media "
            "version; the latest `_fivetran_synced` per `id` is current."),
    ),
    Table(
        "instagram_business", "media_insights",
        (
            _key("id", description="Instagram media ID (`media_history.id`)."),
            _count("like_count", description=(
                "Likes, lifetime as of the sync; NULL for stories. Can be restated downward "
                "(e.g. spam likes removed).")),
            _count("comment_count", description=(
                "Comments, lifetime as of the sync; NULL for stories.")),
            _count("video_photo_reach", description=(
                "Unique accounts reached by an image feed post (`IMAGE`), lifetime as of the "
                "sync.")),
            _count("video_photo_shares", description=(
                "Shares of an image feed post, lifetime as of the sync.")),
            _count("video_photo_saved", description=(
                "Saves of an image feed post, lifetime as of the sync.")),
            _count("video_photo_views", description=(
                "Views of an image feed post, lifetime as of the sync.")),
            _count("reel_reach", description=(
                "Unique accounts reached by a reel (`VIDEO`), lifetime as of the sync.")),
            _count("reel_shares", description="Shares of a reel, lifetime as of the sync."),
            _count("reel_views", description="Views (plays) of a reel, lifetime as of the sync."),
            _count("reel_likes", description="Likes on a reel, lifetime as of the sync."),
            _count("reel_comments", description="Comments on a reel, lifetime as of the sync."),
            _count("carousel_album_reach", description=(
                "Unique accounts reached by a carousel (`CAROUSEL_ALBUM`), lifetime as of the "
                "sync.")),
            _count("carousel_album_shares", description=(
                "Shares of a carousel, lifetime as of the sync.")),
            _count("carousel_album_saved", description=(
                "Saves of a carousel, lifetime as of the sync.")),
            _count("carousel_album_views", description=(
                "Views of a carousel, lifetime as of the sync.")),
            _count("story_reach", description=(
                "Unique accounts reached by a story, lifetime as of the sync.")),
            _count("story_views", description="Views of a story, lifetime as of the sync."),
            _count("story_shares", description="Shares of a story, lifetime as of the sync."),
            _count("story_replies", description="Replies to a story, lifetime as of the sync."),
            _synced(),
        ),
        key=("id", "_fivetran_synced"),
        description=(
            "One row per media per sync, lifetime (cumulative) values as of `_fivetran_synced`; "
            "only the columns of the media's type are filled, the others are NULL."),
    ),
    # ---------------------------------------------------------------- twitter_organic (X)
    Table(
        "twitter_organic", "account_history",
        (
            _key("id", description=(
                "X Ads account ID (alphanumeric, e.g. `18ce54d4x5t`); not the user ID.")),
            Column("name", description="Ads account name as of this version."),
            Column("updated_at", TS, description="When X last updated the account."),
            _synced(),
        ),
        key=("id", "_fivetran_synced"),
        description=(
            "X (Twitter) Ads account the organic data is read through, one row per account "
            "version (sync)."),
    ),
    Table(
        "twitter_organic", "twitter_user_history",
        (
            _key("id", description=(
                "X user ID (numeric string); the `account_id` of the own x account in "
                "`social_accounts.accounts`.")),
            Column("screen_name", description="Handle without '@', e.g. `navacoffee`."),
            Column("name", description="Profile display name, as of this sync."),
            _count("followers_count", description=(
                "Followers of the user, a level as of the sync (not a daily change).")),
            Column("created_at", TS, description="When the X account was created."),
            _synced(),
        ),
        key=("id", "_fivetran_synced"),
        description="X user profile, one row per user per connector sync.",
    ),
    Table(
        "twitter_organic", "tweet",
        (
            _key("id", description="Tweet (post) ID, a 64-bit integer as text."),
            _key("account_id", description=(
                "Ads account the tweet was synced through (`account_history.id`).")),
            Column("user_id", description="X user who posted it (`twitter_user_history.id`)."),
            _event_time("created_at", description="When the tweet was posted."),
            Column("full_text", description="Full text of the tweet (up to 280 characters)."),
            Column("lang", description=(
                "Language X detected, a BCP 47 code such as `fa` or `en` (`und` when "
                "undetermined).")),
            _count("retweet_count", description=(
                "Retweets (reposts), lifetime count as of this version.")),
            _count("favorite_count", description="Likes, lifetime count as of this version."),
            _synced(),
        ),
        key=("id", "_fivetran_synced"),
        description=(
            "Posts on X (tweets), one row per tweet version (sync); counts are lifetime as of "
            "that sync."),
    ),
    Table(
        "twitter_organic", "organic_tweet_report",
        (
            _key("account_id", description="Ads account (`account_history.id`)."),
            _key("organic_tweet_id", description="Tweet the metrics are for (`tweet.id`)."),
            _event_time("date", "DATE", description="Day the metrics cover."),
            Column("placement", description=(
                "Where the activity happened: `ALL_ON_TWITTER` (on X itself) or "
                "`PUBLISHER_NETWORK` (X's partner apps and sites); add both for a tweet's total.")),
            _count("impressions", description=(
                "Times the tweet was seen on `date` in this placement (daily, not lifetime).")),
            _count("engagements", description=(
                "All interactions with the tweet on `date` (clicks, likes, retweets, replies, "
                "follows, ...).")),
            _count("likes", description="Likes on `date`."),
            _count("retweets", description="Retweets (reposts) on `date`."),
            _count("replies", description="Replies on `date`."),
            _count("clicks", description="Clicks anywhere on the tweet on `date`."),
            _count("url_clicks", description="Clicks on links in the tweet on `date`."),
            _count("follows", description="Follows of the account from the tweet on `date`."),
            _count("unfollows", description="Unfollows attributed to the tweet on `date`."),
            _synced(),
        ),
        key=("organic_tweet_id", "date", "placement", "_fivetran_synced"),
        description=(
            "One row per tweet per date per placement (per sync), daily values (not lifetime): "
            "they add up over dates."),
    ),
    # ---------------------------------------------------------------- linkedin_pages
    Table(
        "linkedin_pages", "organization",
        (
            _key("id", description=(
                "LinkedIn organization ID (numeric; URN `urn:li:organization:<id>`); the "
                "`account_id` of the own linkedin account in `social_accounts.accounts`.")),
            Column("localized_name", description="Organization name in its default locale."),
            Column("vanity_name", description=(
                "URL slug of the page: linkedin.com/company/<vanity_name>.")),
        ),
        key=("id",),
        description="LinkedIn organizations (company pages), one row per organization.",
    ),
    Table(
        "linkedin_pages", "ugc_post_history",
        (
            _key("id", description="Post URN, e.g. `urn:li:ugcPost:<number>`."),
            Column("author", required=True, description=(
                "URN of the author; `urn:li:organization:<id>` for company posts.")),
            Column("commentary", description="Post text as of this version, any language."),
            _event_time("created_time", description="When the post was created."),
            Column("first_published_at", TS, description=(
                "When the post was first published; NULL for drafts.")),
            Column("last_modified_time", TS, description=(
                "When the post was last modified (its creation or an edit).")),
            Column("lifecycle_state", description=(
                "`PUBLISHED` in the sample data; LinkedIn also uses `DRAFT`, "
                "`PUBLISH_REQUESTED`, `PUBLISH_FAILED` and `PROCESSING`.")),
            _synced(),
        ),
        key=("id", "_fivetran_synced"),
        description=(
            "LinkedIn company posts, one row per post version (sync); the latest "
            "`_fivetran_synced` per `id` is current."),
    ),
    Table(
        "linkedin_pages", "organization_ugc_post",
        (
            _key("organization_id", description="Organization (`organization.id`)."),
            _key("ugc_post_id", description="Post URN (`ugc_post_history.id`)."),
        ),
        key=("organization_id", "ugc_post_id"),
        description="Which organization owns a post, one row per organization and post.",
    ),
    Table(
        "linkedin_pages", "ugc_post_share_statistic",
        (
            _key("share_statistic_id", description=(
                "Share statistic (`share_statistic._fivetran_id`).")),
            _key("ugc_post_id", description="Post URN (`ugc_post_history.id`)."),
        ),
        key=("share_statistic_id", "ugc_post_id"),
        description="Links a post to its share statistic, one row per pair.",
    ),
    Table(
        "linkedin_pages", "share_statistic",
        (
            # required in the header (staging selects it), but neither key nor never empty
            Column("_fivetran_id", required=True, description=(
                "Fivetran's ID of the statistic row (hex string); "
                "`ugc_post_share_statistic.share_statistic_id`. Some connectors mint a new one "
                "on every sync, so it never identifies a share's versions.")),
            Column("_organization_entity_urn", description=(
                "URN of the organization, `urn:li:organization:<id>`.")),
            _key("_share_entity_urn", description=(
                "URN of the post the statistics are for (`urn:li:share:...` or "
                "`urn:li:ugcPost:...`, `ugc_post_history.id`); with `_fivetran_synced` it "
                "identifies a version.")),
            _count("click_count", description="Clicks on the post, lifetime as of the sync."),
            _count("comment_count", description="Comments, lifetime as of the sync."),
            Column("engagement", "DOUBLE", non_negative=True, description=(
                "Engagement rate as LinkedIn computes it: (clicks + likes + comments + shares) "
                "/ impressions, a ratio (0.012 = 1.2%) as of the sync; not a count.")),
            _count("impression_count", description="Impressions, lifetime as of the sync."),
            _count("like_count", description="Likes (reactions), lifetime as of the sync."),
            _count("share_count", description="Reshares, lifetime as of the sync."),
            _synced(),
        ),
        key=("_share_entity_urn", "_fivetran_synced"),
        description=(
            "Post statistics, one row per share per sync, lifetime (cumulative) values as of "
            "`_fivetran_synced`; the latest `_fivetran_synced` per `_share_entity_urn` is "
            "current."),
    ),
    # ---------------------------------------------------------------- youtube_analytics
    Table(
        "youtube_analytics", "video",
        (
            _key("id", description="YouTube video ID (11 characters)."),
            Column("snippet_channel_id", required=True, description=(
                "Channel that published the video (`UC...`); the `account_id` of the own "
                "youtube account in `social_accounts.accounts`.")),
            Column("snippet_title", description="Video title, any language."),
            _event_time("snippet_published_at", description="When the video was published."),
            Column("content_details_duration", description=(
                "Video length as an ISO 8601 duration, e.g. `PT4M13S`.")),
            _count("statistics_view_count", description="Views, lifetime as of the export."),
            _count("statistics_like_count", description="Likes, lifetime as of the export."),
            _count("statistics_comment_count", description=(
                "Comments, lifetime as of the export.")),
        ),
        key=("id",),
        description=(
            "YouTube videos of the channel, one row per video (latest state, no history); "
            "statistics are lifetime as of the export."),
    ),
    Table(
        "youtube_analytics", "channel_basic_a_2",
        (
            Column("_fivetran_id", description=(
                "Fivetran's ID of the report row (hex string); not used to identify rows, the "
                "report's dimensions do.")),
            _key("channel_id", description="Channel ID (`video.snippet_channel_id`)."),
            Column("video_id", required=True, description=(
                "Video ID (`video.id`); empty on the channel's own rows (seen carrying only "
                "subscriber gains and losses), which belong to the channel, not to a video.")),
            _event_time("date", "DATE", description=(
                "Day the metrics cover (YouTube Analytics days are in Pacific time).")),
            Column("country_code", description=(
                "Viewers' country, ISO 3166-1 alpha-2 (`ZZ` when unknown); NULL when the file "
                "has no country breakdown.")),
            Column("live_or_on_demand", accepted=("live", "on_demand"), description=(
                "`live` (watched during a live stream) or `on_demand`; NULL when the file has "
                "no such breakdown.")),
            Column("subscribed_status", accepted=("subscribed", "not_subscribed"), description=(
                "Whether the viewers were subscribed to the channel: `subscribed` or "
                "`not_subscribed`; NULL when the file has no such breakdown.")),
            _count("views", description="Views on `date` (daily, not lifetime)."),
            _count("red_views", description="Views by YouTube Premium (Red) members on `date`."),
            _count("likes", description="Likes on `date`."),
            _count("dislikes", description=(
                "Dislikes on `date` (reported to the owner though hidden publicly).")),
            _count("comments", description="Comments on `date`."),
            _count("shares", description="Shares on `date`."),
            _count("subscribers_gained", description=(
                "Channel subscriptions gained on `date` (from this video, or on the channel "
                "page for rows without a video).")),
            _count("subscribers_lost", description=(
                "Channel subscriptions lost on `date` (through this video, or on the channel "
                "for rows without a video).")),
            Column("watch_time_minutes", "DOUBLE", non_negative=True, description=(
                "Minutes watched on `date` (fractional).")),
            Column("red_watch_time_minutes", "DOUBLE", non_negative=True, description=(
                "Minutes watched by YouTube Premium (Red) members on `date`.")),
            Column("average_view_duration_seconds", "DOUBLE", non_negative=True, description=(
                "Average length of a view on `date`, in seconds; 0 when there were no views.")),
            Column("average_view_duration_percentage", "DOUBLE", non_negative=True,
                   description=(
                       "Average share of the video watched per view on `date`, in percent "
                       "(can exceed 100 when viewers rewatch).")),
            _count("videos_added_to_playlists", description=(
                "Times the video was added to a playlist on `date`.")),
            _count("videos_removed_from_playlists", description=(
                "Times the video was removed from a playlist on `date`.")),
            _count("card_impressions", description="Times cards were shown on `date`."),
            _count("card_clicks", description="Clicks on cards on `date`."),
            Column("card_click_rate", "DOUBLE", non_negative=True, description=(
                "Card clicks per card impression on `date`, a ratio.")),
            _count("card_teaser_impressions", description=(
                "Times card teasers were shown on `date`.")),
            _count("card_teaser_clicks", description="Clicks on card teasers on `date`."),
            Column("card_teaser_click_rate", "DOUBLE", non_negative=True, description=(
                "Card teaser clicks per teaser impression on `date`, a ratio.")),
            _count("annotation_impressions", description=(
                "Annotation impressions on `date` (annotations were retired in 2019; old "
                "reports only).")),
            _count("annotation_clickable_impressions", description=(
                "Impressions of clickable annotations on `date`.")),
            _count("annotation_clicks", description="Clicks on annotations on `date`."),
            Column("annotation_click_through_rate", "DOUBLE", non_negative=True, description=(
                "Annotation clicks per clickable annotation impression on `date`, a ratio.")),
            _count("annotation_closable_impressions", description=(
                "Impressions of closable annotations on `date`.")),
            _count("annotation_closes", description="Annotations closed by viewers on `date`."),
            Column("annotation_close_rate", "DOUBLE", non_negative=True, description=(
                "Annotations closed per closable annotation impression on `date`, a ratio.")),
            Column("_fivetran_synced", TS, not_future=True, description=(
                "When the connector synced this row; NULL for files not landed by Fivetran.")),
        ),
        key=("channel_id", "video_id", "date", "country_code", "live_or_on_demand",
             "subscribed_status"),
        description=(
            "YouTube Analytics channel_basic_a2 report: one row per channel, video, date, "
            "country, live or on-demand playback and subscribed status (the report's grain), "
            "daily values (not lifetime) that add up over every row of a video and date; rows "
            "without a video belong to the channel. A file without the breakdown columns "
            "loads at channel x video x date."),
    ),
    # ---------------------------------------------------------------- ga4
    Table(
        "ga4", "events",
        (
            Column("event_date", required=True, not_null=True, pattern=r"^\d{8}$", description=(
                "Date of the event in the property's time zone, text 'YYYYMMDD'.")),
            Column(
                "event_timestamp", "BIGINT", required=True, not_null=True, not_future=True,
                epoch_micros=True, description=(
                    "When the client logged the event, microseconds since the Unix epoch "
                    "(UTC)."),
            ),
            Column("event_name", required=True, not_null=True, description=(
                "Event name: `first_visit`, `session_start`, `page_view`, `user_engagement`, "
                "`scroll`, `purchase`, `sign_up`, ...")),
            Column("event_params", GA4_EVENT_PARAMS, description=(
                "Event parameters, a list of {key, value} with one typed value filled; keys "
                "include ga_session_id, ga_session_number, page_location, page_referrer, "
                "page_title, engagement_time_msec, session_engaged, source, medium, campaign.")),
            Column("user_pseudo_id", required=True, not_null=True, description=(
                "Pseudonymous ID of the browser (the GA client ID cookie); kept as exported. "
                "With `ga_session_id` it identifies a session.")),
            Column("user_id", pii="id", description=(
                "The site's own user ID (the Shopify customer id), NULL when not logged in. "
                + _PII_ID)),
            Column("user_first_touch_timestamp", "BIGINT", epoch_micros=True, description=(
                "When the user first visited the site, microseconds since the Unix epoch "
                "(UTC).")),
            Column("traffic_source", "STRUCT(name VARCHAR, medium VARCHAR, source VARCHAR)",
                   description=(
                       "Source that first acquired the user (first touch, not this session): "
                       "campaign `name`, `medium`, `source`, e.g. (direct) / (none).")),
            Column(
                "collected_traffic_source",
                "STRUCT(manual_source VARCHAR, manual_medium VARCHAR, "
                "manual_campaign_name VARCHAR, gclid VARCHAR)",
                description=(
                    "UTM parameters and Google Ads click ID collected with this event from the "
                    "landing URL; NULL on events that carry none."),
            ),
            Column("device", "STRUCT(category VARCHAR)", description=(
                "Device of the event; `category` is `mobile`, `desktop` or `tablet`.")),
            Column("geo", "STRUCT(country VARCHAR)", description=(
                "Location from the IP address; `country` is an English country name, e.g. "
                "`Iran`.")),
            Column("ecommerce", "STRUCT(transaction_id VARCHAR, purchase_revenue DOUBLE)",
                   description=(
                       "Filled on `purchase` events: `transaction_id` (the Shopify order id as "
                       "text) and `purchase_revenue` as GA4 measured it (USD in the sample "
                       "data; Shopify holds the exact amounts).")),
        ),
        formats=("jsonl", "json", "parquet"),
        description=(
            "GA4 BigQuery export (events_YYYYMMDD), one row per event, no unique key; GA4 "
            "back-fills up to 3 days, so late events for a loaded day are normal. A day "
            "landed again (any file name, any row order) supersedes the file that held "
            "exactly that day."),
        replaces_by=("event_date",),
    ),
    # ---------------------------------------------------------------- shopify
    Table(
        "shopify", "order",
        (
            _key("id", "BIGINT", description="Shopify order ID (64-bit integer)."),
            Column("name", description=(
                "Order name shown to the customer, the shop's prefix and a number (e.g. "
                "`#NV1001`).")),
            _event_time("created_at", description="When the order was placed."),
            Column("processed_at", TS, description=(
                "When the order was processed (usually equal to `created_at`; earlier for "
                "imported orders).")),
            Column("cancelled_at", TS, description=(
                "When the order was cancelled; NULL unless cancelled.")),
            Column("customer_id", pii="id", description=(
                "Customer who placed the order (`customer.id`). " + _PII_ID)),
            Column("email", pii="email", description="Customer's email. " + _PII_EMAIL),
            Column("currency", required=True, not_null=True, pattern=r"^[A-Za-z]{3}$",
                   description=(
                       "ISO 4217 code of the order's amounts, e.g. `IRR` or `USD`.")),
            Column("total_price", MONEY, required=True, not_null=True, non_negative=True,
                   description=(
                       "Total the customer pays (lines after discounts, plus shipping and any "
                       "tax not included), in `currency`; IRR amounts exceed 32-bit integers.")),
            Column("subtotal_price", MONEY, non_negative=True, description=(
                "Line items after discounts, before shipping, in `currency`.")),
            Column("total_discounts", MONEY, non_negative=True, description=(
                "Discounts applied to the order, in `currency`.")),
            Column("total_tax", MONEY, non_negative=True, description=(
                "Tax on the order, in `currency`; part of the prices when the shop prices "
                "include tax (as in the sample data: 10/110 of the subtotal).")),
            Column("financial_status", description=(
                "Payment state: `pending`, `authorized`, `partially_paid`, `paid`, "
                "`partially_refunded`, `refunded` or `voided` (cancelled before payment).")),
            Column("landing_site_base_url", description=(
                "URL of the page where the buyer entered the shop; may carry the UTM or gclid "
                "query string.")),
            Column("referring_site", description=(
                "Site the buyer came from (referrer URL); NULL for direct visits.")),
            Column("source_name", description=(
                "Where the order was created: `web` (online store), or e.g. `pos`, "
                "`shopify_draft_order`, an app's name.")),
            Column("order_url_tags", "JSON", description=(
                "UTM parameters of the landing URL as a JSON array of {key, value} "
                "(`utm_source`, `utm_medium`, `utm_campaign`); NULL when untagged.")),
            _synced(),
        ),
        key=("id", "_fivetran_synced"),
        description=(
            "Shopify orders, one row per order version (placed, paid, refunded, cancelled); "
            "the latest `_fivetran_synced` per `id` is the current state."),
    ),
    Table(
        "shopify", "order_line",
        (
            _key("id", "BIGINT", description="Order line ID."),
            _key("order_id", "BIGINT", description="Order the line belongs to (`order.id`)."),
            Column("product_id", "BIGINT", description=(
                "Shopify product ID; NULL for custom items.")),
            Column("sku", description="Stock keeping unit of the variant, e.g. `BN-ETH-250`."),
            Column("title", description="Product title at order time, any language."),
            _count("quantity", description="Units ordered."),
            Column("price", MONEY, non_negative=True, description=(
                "Unit price before discounts, in the order's currency (`order.currency`).")),
        ),
        key=("id",),
        description="Shopify order lines, one row per line item (no history).",
    ),
    Table(
        "shopify", "refund",
        (
            _key("id", "BIGINT", description="Refund ID."),
            _key("order_id", "BIGINT", description="Refunded order (`order.id`)."),
            _event_time("created_at", description="When the refund was made."),
        ),
        key=("id",),
        description="Shopify refunds, one row per refund (an order can have several).",
    ),
    Table(
        "shopify", "order_line_refund",
        (
            _key("id", "BIGINT", description="Refund line ID."),
            _key("refund_id", "BIGINT", description="Refund (`refund.id`)."),
            _key("order_line_id", "BIGINT", description="Refunded line (`order_line.id`)."),
            _count("quantity", description="Units refunded."),
            Column("subtotal", MONEY, non_negative=True, description=(
                "Amount refunded for the line after discounts, in the order's currency.")),
        ),
        key=("id",),
        description="Refunded quantities and amounts, one row per order line per refund.",
    ),
    Table(
        "shopify", "customer",
        (
            Column("id", required=True, not_null=True, pii="id", description=(
                "Shopify customer ID; joins `order.customer_id` and `ga4.events.user_id`. "
                + _PII_ID)),
            _event_time("created_at", description="When the customer record was created."),
            Column("email", pii="email", description="Customer's email. " + _PII_EMAIL),
            Column("accepts_marketing", "BOOLEAN", description=(
                "Whether the customer agreed to receive marketing email.")),
        ),
        key=("id",),
        description="Shopify customers, one row per customer; id and email hashed at load.",
    ),
    # ---------------------------------------------------------------- project-defined sources
    Table(
        "social_accounts", "accounts",
        (
            _key("platform", accepted=PLATFORMS, description=(
                "`facebook`, `instagram`, `x`, `linkedin` or `youtube`.")),
            _key("account_id", description=(
                "The platform's account ID; for own accounts the ID the connector tables use "
                "(Facebook page, Instagram user, X user, LinkedIn organization, YouTube "
                "channel).")),
            Column("handle", description=(
                "Public handle, e.g. `navacoffee` (`@navacoffee` on YouTube).")),
            Column("display_name", description="Name shown on the profile."),
            Column("brand", required=True, not_null=True, description=(
                "Brand the account belongs to, its canonical name (Persian for the sample "
                "brands, e.g. `کافه نوا`).")),
            Column("is_own", "BOOLEAN", required=True, not_null=True, description=(
                "True for the own brand's accounts, false for competitors.")),
            Column("industry", description="Industry of the brand, e.g. `coffee_roastery`."),
        ),
        key=("platform", "account_id"),
        description=(
            "Own and competitor social accounts, one row per platform and account."),
    ),
    Table(
        "social_accounts", "brands",
        (
            _key("brand", description=(
                "Brand name, its canonical spelling: the same as `accounts.brand` and the "
                "listening tool's `mentions.brand` (Arabic yeh/kaf are normalised, so `كافه` "
                "and `کافه` are one brand).")),
            Column("is_own", "BOOLEAN", required=True, not_null=True, description=(
                "True for the business's own brand (or brands), false for a competitor. A "
                "brand is own when any of its rows here or in `accounts` says so.")),
            Column("website_domain", description=(
                "One web domain of the brand's website, e.g. `navacoffee.ir`; written as a "
                "bare host or a URL (`https://www.navacoffee.ir/` is read as "
                "`navacoffee.ir`). SEO backlink exports (`seo.backlinks.target_domain`) are "
                "matched to the brand through it. One row per domain when the brand has "
                "several; empty when the brand has no website.")),
            Column("industry", description=(
                "Industry of the brand, e.g. `coffee_roastery`; optional.")),
        ),
        key=("brand", "website_domain"),
        description=(
            "The brands the business benchmarks (its own and its competitors) and their "
            "web domains, one row per brand and domain (a brand without a website has one "
            "row with an empty domain). Brands named only in `accounts` or in listening "
            "mentions are benchmarked too; this table adds brands without social accounts "
            "and the domains that link backlinks to a brand."),
    ),
    Table(
        "social_accounts", "daily",
        (
            _event_time("date", "DATE", description="Day the figures cover."),
            _key("platform", accepted=PLATFORMS, description=(
                "`facebook`, `instagram`, `x`, `linkedin` or `youtube`.")),
            _key("account_id", description="Account (`accounts.account_id`)."),
            _count("followers", description=(
                "Followers at the end of `date`, a level (not a daily change); for own "
                "accounts it equals the connector's count.")),
            _count("following", description="Accounts followed at the end of `date`."),
            _count("posts_published", description="Posts the account published on `date`."),
            _count("mentions", description=(
                "Mentions of the account's brand on this platform on `date`.")),
            _count("profile_views", description=(
                "Profile views on `date`; own accounts only (NULL for competitors).")),
        ),
        key=("date", "platform", "account_id"),
        description=(
            "Public daily figures, one row per date, platform and account (own and "
            "competitor)."),
    ),
    Table(
        "social_comments", "comments",
        (
            _key("platform", accepted=PLATFORMS, description=(
                "`facebook`, `instagram`, `x`, `linkedin` or `youtube`.")),
            _key("comment_id", description=(
                "The platform's comment ID (format differs by platform).")),
            _key("post_id", description=(
                "Commented post, with the ID the connector tables use (Facebook post id, "
                "Instagram media id, tweet id, LinkedIn post URN, YouTube video id).")),
            Column("parent_comment_id", description=(
                "Comment this one replies to; NULL for top-level comments.")),
            _event_time("created_at", description="When the comment was posted."),
            Column("author_id", pii="id", description=(
                "Platform ID of the commenter (the own account's id for the brand's replies). "
                + _PII_ID)),
            Column("text", pii="text", description=(
                "Comment text, any language (often Persian). " + _PII_TEXT)),
            _count("like_count", description="Likes on the comment when exported."),
            Column("is_from_owner", "BOOLEAN", description=(
                "True when the own account wrote it (the brand's reply; the APIs' `from` is "
                "the page or channel); such comments are not what people say and stay out "
                "of the conversation marts. Empty when the export does not tell.")),
        ),
        key=("platform", "comment_id"),
        description=(
            "Comments on own posts, one row per comment (top-level and replies, including the "
            "brand's own replies)."),
    ),
    Table(
        "listening", "mentions",
        (
            _key("mention_id", description="The listening tool's mention ID."),
            Column("platform", required=True, not_null=True, description=(
                "Where the mention appeared: a social platform (`instagram`, `x`, ...) or a "
                "kind of site (`web`, `news`, `blog`, `forum`).")),
            _event_time("published_at", description="When the mention was published."),
            Column("brand", required=True, not_null=True, description=(
                "Brand mentioned, as the tool labels it; Persian names may use Arabic yeh/kaf "
                "(ي ك), so normalise before joining `social_accounts.accounts.brand`.")),
            Column("author_id", pii="id", description="Author's ID on the platform. " + _PII_ID),
            Column("text", pii="text", description=(
                "Text of the mention, any language. " + _PII_TEXT)),
            Column("language", description="Language code from the tool, e.g. `fa`, `en`."),
            Column("url", description="Link to the mention."),
            _count("reach_estimate", description=(
                "The tool's estimate of people who could have seen the mention (audience "
                "size), not a measured count.")),
            _count("engagements", description=(
                "Interactions with the mention (likes, comments, shares) when collected.")),
            Column("sentiment_label", accepted=("positive", "negative", "neutral"), description=(
                "`positive`, `negative` or `neutral` from the tool; NULL when unlabelled.")),
        ),
        key=("mention_id",),
        description=(
            "Mentions of own and competitor brands found by a listening tool, one row per "
            "mention."),
    ),
    Table(
        "marketing", "spend",
        (
            _event_time("date", "DATE", description="Day the cost is booked to."),
            _key("channel", description=(
                "Channel the money went to: a platform name, or e.g. `google_ads`, `blog`, "
                "`email`, `all` for shared costs.")),
            Column("campaign", description=(
                "Campaign the cost belongs to, as `campaigns.campaign_id` or its "
                "`utm_campaign` (exports use either), or e.g. `general` when not tied to one.")),
            _key("cost_category", known=COST_CATEGORIES, description=(
                "Kind of cost: `ads`, `boosting`, `influencers`, `content production`, "
                "`tools`, `agency` (other labels allowed; social_investment_daily has a "
                "column for each of these and one for all others).")),
            Column("amount", MONEY, required=True, not_null=True, non_negative=True,
                   description=(
                       "Amount spent, in `currency`; IRR amounts exceed 32-bit integers, and "
                       "Persian digits in the file are read as numbers.")),
            Column("currency", required=True, not_null=True, pattern=r"^[A-Za-z]{3}$",
                   description="ISO 4217 code of `amount`, e.g. `IRR`, `USD`, `EUR`, `AED`."),
        ),
        key=("date", "channel", "campaign", "cost_category"),
        description=(
            "Money spent on marketing, one row per date, channel, campaign and cost "
            "category, in the currency paid."),
    ),
    Table(
        "marketing", "time_log",
        (
            _event_time("date", "DATE", description="Day the work was done."),
            _key("role", description=(
                "Team role, e.g. `social_media_manager`, `content_creator`, `designer`, "
                "`analyst`.")),
            _key("channel", description=(
                "Channel the work was for: a platform name, `blog`, or `all`.")),
            _key("activity", description=(
                "What was done, e.g. `content creation`, `community management`, `design`, "
                "`analytics`, `ads management`.")),
            Column("hours", "DOUBLE", required=True, not_null=True, non_negative=True,
                   description=(
                       "Hours worked (decimal); Persian digits in the file are read as "
                       "numbers.")),
            Column("hourly_cost", MONEY, non_negative=True, description=(
                "Cost of one hour of this role, in `currency`; NULL when not costed.")),
            Column("currency", pattern=r"^[A-Za-z]{3}$", description=(
                "ISO 4217 code of `hourly_cost`, e.g. `IRR`.")),
            Column("campaign", description=(
                "Campaign the work was for, as `campaigns.campaign_id` or its `utm_campaign`; "
                "NULL (or the column absent) when not tied to one.")),
        ),
        key=("date", "role", "channel", "activity"),
        description=(
            "Team time spent on marketing, one row per date, role, channel and activity."),
    ),
    Table(
        "marketing", "fx_rates",
        (
            _key("date", "DATE", description=(
                "Day the rate applies to; a transaction converts at the rate of its UTC date.")),
            _key("currency", pattern=r"^[A-Za-z]{3}$", description=(
                "ISO 4217 code of the currency converted.")),
            Column(
                "rate_to_reporting_currency", "DOUBLE", required=True, not_null=True,
                non_negative=True, description=(
                    "Units of the reporting currency per one unit of `currency` (1 for the "
                    "reporting currency itself; about 0.000001 for IRR to USD)."),
            ),
        ),
        key=("date", "currency"),
        description=(
            "Daily exchange rates, one row per date and currency, into the reporting currency "
            "(dbt var `reporting_currency`, USD by default)."),
    ),
    Table(
        "marketing", "campaigns",
        (
            _key("campaign_id", description=(
                "Campaign ID, e.g. `cmp_001`; `spend.campaign` refers to it.")),
            Column("name", description="Campaign name."),
            Column("channel", required=True, description=(
                "Channel the campaign runs on, e.g. `instagram`, `linkedin`, `google_ads`, "
                "`email`.")),
            Column("utm_campaign", description=(
                "utm_campaign value on the campaign's links; matches GA4 "
                "`collected_traffic_source.manual_campaign_name` and Shopify `order_url_tags`.")),
            Column("objective", accepted=("awareness", "engagement", "conversion"), description=(
                "`awareness`, `engagement` or `conversion`.")),
            Column("start_date", "DATE", description="First day of the campaign."),
            Column("end_date", "DATE", description=(
                "Last day of the campaign (inclusive); NULL when open-ended.")),
        ),
        key=("campaign_id",),
        description=(
            "Marketing campaigns, one row per campaign, with the UTM campaign that tags its "
            "links."),
    ),
    Table(
        "seo", "backlinks",
        (
            _key("target_domain", description="Domain linked to (own or competitor site)."),
            _key("referring_domain", description="Domain of the linking page."),
            _key("referring_url", description="URL of the linking page."),
            _key("target_url", description="URL linked to."),
            _event_time("first_seen", "DATE", description="Date the tool first found the link."),
            Column("lost_at", "DATE", not_future=True, description=(
                "Date the tool found the link gone; NULL while it is live.")),
            Column("is_dofollow", "BOOLEAN", description=(
                "True when the link is followed (no rel=nofollow), so it passes ranking "
                "signal.")),
            Column("domain_rating", "DOUBLE", min_value=0, max_value=100, description=(
                "The SEO tool's authority score of the referring domain, 0-100; scales differ "
                "between tools.")),
        ),
        key=("referring_url", "target_url", "first_seen"),
        description=(
            "Backlinks as SEO tools export them, one row per link and first-seen date (a lost "
            "link found again gets a new row)."),
    ),
    Table(
        "blog", "subscribers_daily",
        (
            _event_time("date", "DATE", description="Day the figures cover."),
            _key("blog_or_list", description=(
                "Blog or mailing list, e.g. `blog`, `newsletter`, `weekly offers`; every "
                "list counts (per list, and summed per brand).")),
            _count("subscribers_total", description=(
                "Subscribers at the end of `date`, a level (not a daily change).")),
            _count("subscribed", description="New subscribers on `date`."),
            _count("unsubscribed", description="Unsubscribes on `date`."),
            Column("brand", description=(
                "Brand the list belongs to, spelled as in `social_accounts.brands` (Arabic "
                "yeh/kaf normalised); empty (NULL) for the own brand's lists, the usual case. "
                "Name the brand when the business has several own brands or tracks a "
                "competitor's public list.")),
        ),
        key=("date", "brand", "blog_or_list"),
        description=(
            "Blog and newsletter subscribers, one row per date, brand and blog or list (the "
            "brand empty for the own brand)."),
    ),
    Table(
        "surveys", "csat",
        (
            _key("response_id", description="Survey response ID."),
            _event_time("submitted_at", description="When the response was submitted."),
            Column("customer_ref", pii="id", description=(
                "Respondent's customer reference in the survey tool or shop. " + _PII_ID)),
            Column("channel", description=(
                "Where the survey was answered, e.g. `web`, `instagram`, `telegram`, `phone`, "
                "`email`.")),
            Column("csat_score", "BIGINT", min_value=1, max_value=5, description=(
                "Satisfaction from 1 (very dissatisfied) to 5 (very satisfied); NULL when "
                "skipped.")),
            Column("nps_score", "BIGINT", min_value=0, max_value=10, description=(
                "Likelihood to recommend, 0-10 (9-10 promoters, 0-6 detractors); NULL when "
                "skipped.")),
            Column("comment", pii="text", description=(
                "Free-text comment, any language. " + _PII_TEXT)),
        ),
        key=("response_id",),
        description="Customer satisfaction (CSAT) and NPS survey responses, one row per response.",
    ),
    Table(
        "surveys", "audience",
        (
            _key("response_id", description="Survey response ID."),
            _event_time("submitted_at", description="When the response was submitted."),
            Column("knows_social_sites", "BOOLEAN", description=(
                "Whether the respondent uses social sites at all.")),
            Column("platforms_used", description=(
                "Platforms the respondent uses, `;`-separated (e.g. `instagram;telegram`); "
                "NULL when `knows_social_sites` is false.")),
            Column("minutes_personal", "BIGINT", non_negative=True, description=(
                "Minutes a day spent on social sites for personal use; Persian digits in the "
                "file are read as numbers.")),
            Column("minutes_professional", "BIGINT", non_negative=True, description=(
                "Minutes a day spent on social sites for work.")),
            Column("motivations", description=(
                "What makes the respondent follow a brand, `;`-separated (e.g. "
                "`discount coupons;tutorial videos`).")),
            Column("other_brands", description=(
                "Other brands of the category the respondent follows, `;`-separated; NULL "
                "when none.")),
        ),
        key=("response_id",),
        description=(
            "Audience survey responses (the framework's five audience questions), one row per "
            "response."),
    ),
    Table(
        "strategy", "goals",
        (
            _key("goal_id", description="Goal ID as given in the goals sheet, e.g. `G1`."),
            Column("title", required=True, description="Short name of the goal, any language."),
            Column("purpose", description="Why the goal matters (the framework's purpose)."),
            Column("metric", required=True, not_null=True, description=(
                "Key of the metric the goal is judged by (see the metric catalog), e.g. "
                "`followers`.")),
            Column("scope", description="Platform or channel the goal covers, or `all`."),
            Column("baseline_value", "DOUBLE", description=(
                "The metric's value when the goal was set, in the metric's unit; NULL when "
                "unknown.")),
            Column("target_value", "DOUBLE", required=True, not_null=True, description=(
                "Value the goal aims for by `deadline`, in the metric's unit.")),
            Column("start_date", "DATE", required=True, not_null=True, description=(
                "First day the goal counts.")),
            Column("deadline", "DATE", required=True, not_null=True, description=(
                "Last day to reach the target.")),
            Column("success_criteria", description="What indicates success, in words."),
        ),
        key=("goal_id",),
        description=(
            "SMART goals, one row per goal: metric, baseline, target and time frame."),
    ),
    Table(
        "strategy", "self_assessment",
        (
            _key("channel", description=(
                "Channel assessed: a platform name, `blog` or `email`.")),
            Column("team_experience", accepted=("none", "personal", "professional"),
                   description=(
                       "The team's experience with the channel: `none`, `personal` or "
                       "`professional`.")),
            Column("hours_per_week_planned", "DOUBLE", non_negative=True, description=(
                "Team hours per week planned for the channel.")),
            Column("has_skilled_writer", "BOOLEAN", description=(
                "Whether the team has a skilled writer for the channel.")),
            Column("has_photo_library", "BOOLEAN", description=(
                "Whether a library of usable photos exists.")),
            Column("has_photographer", "BOOLEAN", description=(
                "Whether a photographer is available.")),
            Column("has_video_library", "BOOLEAN", description=(
                "Whether a library of usable video exists.")),
            Column("has_video_skills", "BOOLEAN", description=(
                "Whether the team can shoot and edit video.")),
        ),
        key=("channel",),
        description=(
            "Channel self-assessment (strategy step 1), one row per channel: experience, "
            "planned hours and resources."),
    ),
    Table(
        "sentiment_overrides", "overrides",
        (
            _key("text_source", accepted=("comment", "mention", "survey"), description=(
                "Which texts the id belongs to: `comment` (a comment on an own post), "
                "`mention` (a listening mention) or `survey` (a CSAT survey comment).")),
            _key("text_id", description=(
                "The text's id as the `conversation_sentiment` mart shows it (comments: "
                "`<platform>:<comment_id>`; mentions: the mention id; surveys: the response "
                "id).")),
            Column("label", required=True, not_null=True,
                   accepted=("positive", "negative", "neutral"), description=(
                       "The sentiment a person decided: `positive`, `negative` or `neutral`. "
                       "It wins over every model and over the listening tool.")),
            Column("reason", description="Why the label was overridden, in words."),
            Column("reviewed_by", pii="id", description=(
                "Who decided the label. " + _PII_ID)),
            _event_time("reviewed_at", required=False, description=(
                "When the label was decided; the latest decision wins when a text was "
                "reviewed more than once.")),
        ),
        key=("text_source", "text_id"),
        description=(
            "Manual sentiment labels (a reviewer's corrections of the models), one row per "
            "text."),
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
    "social_accounts": (
        "Own and competitor brands and their web domains, their social accounts and the "
        "accounts' public daily figures."),
    "social_comments": "Comments on own posts, from the platforms' APIs or a social inbox tool.",
    "listening": "Social listening: mentions of own and competitor brands on the web.",
    "marketing": "Money and time invested in marketing, campaigns and FX rates.",
    "seo": "Backlinks to own and competitor sites, as SEO tools export them.",
    "blog": "Blog and newsletter subscribers per day and list.",
    "surveys": "Customer satisfaction (CSAT, NPS) and audience survey responses.",
    "strategy": "SMART goals and the channel self-assessment of the strategy guide.",
    "sentiment_overrides": (
        "Sentiment labels set by a person, which win over every model (a review queue's "
        "export or a sheet)."),
}

TABLES_BY_KEY: dict[tuple[str, str], Table] = {(t.source, t.name): t for t in TABLES}
SOURCES: tuple[str, ...] = tuple(dict.fromkeys(t.source for t in TABLES))


def tables_of(source: str) -> tuple[Table, ...]:
    return tuple(t for t in TABLES if t.source == source)


# How old a source's newest data (its sync time, else its event time or day) may be before
# its Dagster freshness check warns, in hours; a table's own ``freshness_hours`` wins. Daily
# connectors and exports: two days (one missed sync is tolerated); spend and time logs land
# weekly; surveys and backlinks arrive when they happen. Sources without a threshold (goals,
# self-assessment, manual labels) are reference data, not a feed.
FRESHNESS_HOURS: dict[str, float] = {
    "facebook_pages": 48, "instagram_business": 48, "twitter_organic": 48,
    "linkedin_pages": 48, "youtube_analytics": 72, "ga4": 48, "shopify": 48,
    "social_accounts": 48, "social_comments": 48, "listening": 48, "marketing": 24 * 8,
    "seo": 24 * 31, "blog": 48, "surveys": 24 * 14,
}


def freshness_hours(table: Table) -> float | None:
    """The table's freshness threshold in hours, or None when it is not a feed."""
    if table.freshness_hours is not None:
        return table.freshness_hours
    return FRESHNESS_HOURS.get(table.source)
