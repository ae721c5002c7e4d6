-- One row per brand and web domain: the brands the business benchmarks (own and
-- competitors), Persian yeh/kaf normalised so they join accounts and mentions, and each web
-- domain reduced to its bare host (scheme, `www.` and path dropped) so it joins backlink
-- exports. A brand without a website has one row with a NULL domain.
{%- set available = source_columns(source('social_accounts', 'brands')) %}

with

source as (
    select * from {{ source('social_accounts', 'brands') }}
),

renamed as (
    select
        -- ids
        {{ normalize_text('brand') }} as brand,

        -- strings
        {{ web_domain(column_or_null(available, 'website_domain', dbt.type_string())) }}
            as website_domain,
        lower({{ normalize_text(column_or_null(available, 'industry', dbt.type_string())) }})
            as industry,

        -- booleans
        cast(is_own as {{ dbt.type_boolean() }}) as is_own

    from source
)

select * from renamed
