{#- GA4's default channel grouping (Google Analytics help, "[GA4] Default channel group"),
    rules evaluated in GA4's order, first match wins. `source_category` is the category of
    the session source in seed `ga4_source_categories` (social / search / video / shopping /
    email, NULL when the source is not listed): GA4's "source matches a list of social
    sites" and the like. Source and medium are compared lower-cased. One addition to GA4:
    a source of category `email` counts as Email like an email medium does.
    Use: `{{ default_channel_group('session_source', 'session_medium', 'session_campaign',
    'source_categories.source_category') }} as default_channel_group`. -#}
{% macro default_channel_group(source, medium, campaign, source_category) -%}
    {%- set src = "lower(coalesce(" ~ source ~ ", ''))" -%}
    {%- set med = "lower(coalesce(" ~ medium ~ ", ''))" -%}
    {%- set cmp = "lower(coalesce(" ~ campaign ~ ", ''))" -%}
    {%- set cat = "coalesce(" ~ source_category ~ ", '')" -%}
    {%- set paid = web_regexp_matches(med, '^(.*cp.*|ppc|retargeting|paid.*)$') -%}
    {%- set shopping_campaign = web_regexp_matches(cmp, '^(.*(([^a-df-z]|^)shop|shopping).*)$') -%}
    case
        when {{ src }} in ('(direct)', '') and {{ med }} in ('(none)', '(not set)', '')
            then 'Direct'
        when {{ cmp }} like '%cross-network%' then 'Cross-network'
        when ({{ cat }} = 'shopping' or {{ shopping_campaign }}) and {{ paid }}
            then 'Paid Shopping'
        when {{ cat }} = 'search' and {{ paid }} then 'Paid Search'
        when {{ cat }} = 'social' and {{ paid }} then 'Paid Social'
        when {{ cat }} = 'video' and {{ paid }} then 'Paid Video'
        when {{ med }} in ('display', 'banner', 'expandable', 'interstitial', 'cpm')
            then 'Display'
        when {{ paid }} then 'Paid Other'
        when {{ cat }} = 'shopping' or {{ shopping_campaign }} then 'Organic Shopping'
        when {{ cat }} = 'social'
            or {{ med }} in ('social', 'social-network', 'social-media', 'sm', 'social network',
                             'social media')
            then 'Organic Social'
        when {{ cat }} = 'video' or {{ med }} like '%video%' then 'Organic Video'
        when {{ cat }} = 'search' or {{ med }} = 'organic' then 'Organic Search'
        when {{ med }} in ('referral', 'app', 'link') then 'Referral'
        when {{ src }} in ('email', 'e-mail', 'e_mail', 'e mail')
            or {{ med }} in ('email', 'e-mail', 'e_mail', 'e mail')
            or {{ cat }} = 'email'
            then 'Email'
        when {{ med }} = 'affiliate' then 'Affiliates'
        when {{ med }} = 'audio' then 'Audio'
        when {{ src }} = 'sms' or {{ med }} = 'sms' then 'SMS'
        when {{ med }} like '%push' or {{ med }} like '%mobile%'
            or {{ med }} like '%notification%' or {{ src }} = 'firebase'
            then 'Mobile Push Notifications'
        else 'Unassigned'
    end
{%- endmacro %}

{#- True when the text matches a regular expression somewhere (RE2 syntax; anchor the
    pattern with ^...$ for a whole match). -#}
{% macro web_regexp_matches(expr, pattern) -%}
    {{ return(adapter.dispatch('web_regexp_matches', 'social_roi')(expr, pattern)) }}
{%- endmacro %}

{% macro default__web_regexp_matches(expr, pattern) -%}
    regexp_like({{ expr }}, '{{ pattern }}')
{%- endmacro %}

{% macro bigquery__web_regexp_matches(expr, pattern) -%}
    regexp_contains({{ expr }}, r'{{ pattern }}')
{%- endmacro %}

{% macro duckdb__web_regexp_matches(expr, pattern) -%}
    regexp_matches({{ expr }}, '{{ pattern }}')
{%- endmacro %}

{#- Spark: Java regex; backslashes in string literals are escapes, so doubled. -#}
{% macro spark__web_regexp_matches(expr, pattern) -%}
    regexp_like({{ expr }}, '{{ pattern | replace("\\", "\\\\") | replace("'", "\\'") }}')
{%- endmacro %}
