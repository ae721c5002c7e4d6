-- The rows a marketer acts on: for each month, the themes of what people say that call for an
-- action, with the evidence (volumes, negative shares, change against the previous month,
-- example texts) and the kind of action the framework names:
--   * own brand, a problem that grew: at least `conversation_action_min_negative_texts`
--     negative texts, and its negative share rose by `conversation_action_negative_share_rise`
--     points, or its volume grew by `conversation_action_volume_growth`, or it is new (none the
--     month before) -> the theme's kind of action (`product` for problems in products and
--     services, `content` for content people ask for: for those the minimum counts all texts,
--     requests are rarely negative);
--   * a competitor's problem: a theme with at least the minimum negative texts and a negative
--     share of `conversation_opportunity_negative_share` or more -> `strategy`, our
--     opportunity (is_opportunity).
-- The months compared are calendar months; the first month of a brand has no comparison and
-- raises no own-brand action.

with

themes as (
    select * from {{ ref('conversation_themes') }}
),

flagged as (
    select
        themes.*,
        case
            when themes.action_kind = 'content' then themes.theme_mentions
            else themes.negative_mentions
        end as evidence_texts,
        case
            when themes.previous_theme_mentions is null then 0
            when themes.previous_theme_mentions = 0 then 1
            when
                themes.negative_share_change
                >= {{ var('conversation_action_negative_share_rise') }} then 1
            when themes.mentions_growth >= {{ var('conversation_action_volume_growth') }} then 1
            else 0
        end as rose_flag
    from themes
),

own_problems as (
    select
        flagged.*,
        flagged.action_kind as action_type,
        false as is_opportunity,
        case
            when flagged.previous_theme_mentions = 0 then 'new this month'
            when
                flagged.negative_share_change
                >= {{ var('conversation_action_negative_share_rise') }}
                then 'negative share rose'
            else 'volume rose'
        end as action_reason
    from flagged
    where
        flagged.is_own_brand
        and flagged.rose_flag = 1
        and flagged.evidence_texts >= {{ var('conversation_action_min_negative_texts') }}
),

competitor_problems as (
    select
        flagged.*,
        'strategy' as action_type,
        true as is_opportunity,
        'competitor problem' as action_reason
    from flagged
    where
        not flagged.is_own_brand
        and flagged.theme_kind = 'configured'
        and flagged.negative_mentions >= {{ var('conversation_action_min_negative_texts') }}
        and flagged.negative_share >= {{ var('conversation_opportunity_negative_share') }}
),

actions as (
    select * from own_problems
    union all
    select * from competitor_problems
),

final as (
    select
        cast(month_start_date as date) as month_start_date,
        cast(brand as {{ dbt.type_string() }}) as brand,
        cast(is_own_brand as {{ dbt.type_boolean() }}) as is_own_brand,
        cast(theme_key as {{ dbt.type_string() }}) as theme_key,
        cast(theme_kind as {{ dbt.type_string() }}) as theme_kind,
        cast(theme_label_en as {{ dbt.type_string() }}) as theme_label_en,
        cast(theme_label_fa as {{ dbt.type_string() }}) as theme_label_fa,
        cast(action_type as {{ dbt.type_string() }}) as action_kind,
        cast(is_opportunity as {{ dbt.type_boolean() }}) as is_opportunity,
        cast(action_reason as {{ dbt.type_string() }}) as action_reason,
        cast(
            case
                when is_opportunity
                    then {{ dbt.concat(["'Customers of '", 'brand',
                                        "' complain about '", 'theme_label_en',
                                        "': show our strength in it in content and campaigns.'"]) }}
                when action_type = 'content'
                    then {{ dbt.concat(["'People ask for '", 'theme_label_en',
                                        "': plan the content they ask for.'"]) }}
                when action_type = 'strategy'
                    then {{ dbt.concat(["'Complaints about '", 'theme_label_en',
                                        "' rose: review the strategy on the channels concerned.'"]) }}
                else {{ dbt.concat(["'Complaints about '", 'theme_label_en',
                                    "' rose: read the example texts and fix the product or service.'"]) }}
            end as {{ dbt.type_string() }}
        ) as suggested_action,
        cast(theme_mentions as {{ dbt.type_bigint() }}) as theme_mentions,
        cast(negative_mentions as {{ dbt.type_bigint() }}) as negative_mentions,
        cast(negative_share as {{ type_double() }}) as negative_share,
        cast(previous_theme_mentions as {{ dbt.type_bigint() }}) as previous_theme_mentions,
        cast(previous_negative_share as {{ type_double() }}) as previous_negative_share,
        cast(negative_share_change as {{ type_double() }}) as negative_share_change,
        cast(mentions_growth as {{ type_double() }}) as mentions_growth,
        cast(example_text_ids as {{ dbt.type_string() }}) as example_text_ids
    from actions
)

select * from final
