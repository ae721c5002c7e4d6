{#- The canonical channel of a touch (issue 8's shared channel keys, used alike by investment,
    attribution and incrementality), from GA4's default channel group of the touch and the
    social platform its source belongs to (seed ga4_source_categories):
    - Organic Social and Paid Social: the platform (instagram, facebook, x, linkedin, youtube,
      or any platform the seed lists); a social site the seed gives no platform: `other`;
    - Organic Video and Paid Video of a platform's source: the platform too (YouTube's
      traffic is a video group in GA4, but its channel is youtube); other video sites: `other`;
    - Paid Search: paid_search; Organic Search: organic_search; Email: email; Referral:
      referral; Direct: direct; Unattributed (an order nothing links): unattributed;
    - every other group (Display, Paid Other, Cross-network, Unassigned, ...): other.
    Use: `{{ attribution_channel('default_channel_group', 'social_platform') }} as channel`. -#}
{% macro attribution_channel(channel_group, social_platform) -%}
    case
        when
            {{ social_platform }} is not null
            and {{ channel_group }} in ('Organic Social', 'Paid Social', 'Organic Video', 'Paid Video')
            then lower({{ social_platform }})
        when {{ channel_group }} = 'Paid Search' then 'paid_search'
        when {{ channel_group }} = 'Organic Search' then 'organic_search'
        when {{ channel_group }} = 'Email' then 'email'
        when {{ channel_group }} = 'Referral' then 'referral'
        when {{ channel_group }} = 'Direct' then 'direct'
        when {{ channel_group }} = 'Unattributed' then 'unattributed'
        else 'other'
    end
{%- endmacro %}

{#- The six attribution models, in the order the marts list them. -#}
{% macro attribution_models() -%}
    {{ return(['first_touch', 'last_touch', 'last_non_direct', 'linear', 'position_based',
               'time_decay']) }}
{%- endmacro %}

{#- The Solar Hijri date of a date as text, `YYYY-MM-DD` (int_dates_enriched's jalali_date_label). -#}
{% macro jalali_label(date_expr) -%}
    {{ dbt.concat([
        dbt.cast(jalali_date_part(date_expr, 'year'), dbt.type_string()), "'-'",
        "lpad(" ~ dbt.cast(jalali_date_part(date_expr, 'month'), dbt.type_string()) ~ ", 2, '0')",
        "'-'",
        "lpad(" ~ dbt.cast(jalali_date_part(date_expr, 'day'), dbt.type_string()) ~ ", 2, '0')",
    ]) }}
{%- endmacro %}
