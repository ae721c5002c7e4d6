-- One row per LinkedIn post and day: daily figures derived from the LIFETIME share
-- statistics (one snapshot per sync; the sync's business-local date is the day).
--
-- A share's snapshots are keyed by its natural key, the post from the share URN
-- (`_share_entity_urn`), or from ugc_post_share_statistic when the URN is missing; never by
-- the connector's row id, which some connectors mint anew on every sync. Only a statistic
-- with neither keeps its row id as its key. Reactions are the likes. The account is the
-- organization of the statistic (`_organization_entity_urn`), which keeps the figures of a
-- share missing from ugc_post_history on its page.
-- Incremental by post: a run rebuilds, from all its snapshots, every post with a statistic
-- or a statistic-to-post link loaded since the previous run, and replaces that post's rows.
-- A link that arrives after its statistic re-keys the statistic from its row id to the
-- post: the pre-hook deletes the rows still under the row id (no later run would).
{{
    config(
        pre_hook="{% if is_incremental() %}{{ linkedin_rekeyed_statistics_deleted() }}{% endif %}",
        **incremental_by_key('post_id')
    )
}}

with

share_statistics as (
    select * from {{ ref('stg_linkedin_pages__share_statistics') }}
),

post_share_statistics as (
    select * from {{ ref('stg_linkedin_pages__post_share_statistics') }}
),

keyed_snapshots as (
    select
        coalesce(
            share_statistics.post_id,
            post_share_statistics.post_id,
            share_statistics.share_statistic_id
        ) as post_id,
        {{ local_date('share_statistics.synced_at') }} as metric_date,
        share_statistics.organization_id,
        share_statistics.synced_at,
        share_statistics.impression_count,
        share_statistics.like_count,
        share_statistics.comment_count,
        share_statistics.share_count,
        share_statistics.click_count,
        share_statistics._loaded_at,
        post_share_statistics._loaded_at as link_loaded_at
    from share_statistics
    left join post_share_statistics
        on share_statistics.share_statistic_id = post_share_statistics.share_statistic_id
),

snapshots as (
    select * from keyed_snapshots
    {%- if is_incremental() %}
        where post_id in (
            select changed.post_id
            from keyed_snapshots as changed
            where
                changed._loaded_at > {{ last_built_at() }}
                or changed.link_loaded_at > {{ last_built_at() }}
        )
    {%- endif %}
),

post_organizations as (
    select
        post_id,
        max(organization_id) as organization_id
    from snapshots
    group by post_id
),

{{ lifetime_to_daily(
    'deltas', 'snapshots', ['post_id'],
    ['impression_count', 'like_count', 'comment_count', 'share_count', 'click_count'],
) }},

final as (
    select
        'linkedin' as platform,
        deltas.post_id,
        post_organizations.organization_id as source_account_id,
        deltas.metric_date,
        deltas.impression_count,
        cast(null as {{ dbt.type_bigint() }}) as reach,
        deltas.like_count,
        deltas.like_count as reaction_count,
        deltas.comment_count,
        deltas.share_count,
        cast(null as {{ dbt.type_bigint() }}) as save_count,
        deltas.click_count,
        cast(null as {{ dbt.type_bigint() }}) as video_view_count,
        deltas.is_restated,
        'lifetime_delta' as metric_basis,
        {{ built_at() }} as _built_at
    from deltas
    left join post_organizations
        on deltas.post_id = post_organizations.post_id
)

select * from final
