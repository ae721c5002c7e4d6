-- One row per SMART goal (strategy guide, step 2): the metric it is judged by, from which
-- baseline to which target, by when.
{%- set available = source_columns(source('strategy', 'goals')) %}

with

source as (
    select * from {{ source('strategy', 'goals') }}
),

renamed as (
    select
        -- ids
        {{ normalize_text('goal_id') }} as goal_id,

        -- strings
        {{ normalize_text('title') }} as goal_title,
        {{ normalize_text(column_or_null(available, 'purpose', dbt.type_string())) }}
            as goal_purpose,
        lower({{ normalize_text('metric') }}) as metric_key,
        coalesce(
            lower({{ normalize_text(column_or_null(available, 'scope', dbt.type_string())) }}),
            'all'
        ) as goal_scope,
        {{ normalize_text(column_or_null(available, 'success_criteria', dbt.type_string())) }}
            as success_criteria,

        -- numerics
        {{ measure(available, 'baseline_value', type_double()) }} as baseline_value,
        cast(target_value as {{ type_double() }}) as target_value,

        -- dates
        cast(start_date as date) as start_date,
        cast(deadline as date) as deadline_date

    from source
)

select * from renamed
