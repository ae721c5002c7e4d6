-- The audience survey summarised (framework section 5, audience): one row per survey wave x
-- question x answer. All responses form one wave, from the first to the last local
-- submission date. Share questions (knows_social_sites, platforms_used, motivations,
-- other_brands): how many respondents named each answer, their share of the question's
-- respondents, its 95% margin of error (normal approximation) and its rank. Minutes
-- questions: one row with a NULL answer, the median and quartiles of the minutes.

with

answers as (
    select * from {{ ref('int_audience_answers_unpivoted') }}
),

period as (
    select
        min({{ local_date('submitted_at') }}) as period_start_date,
        max({{ local_date('submitted_at') }}) as period_end_date
    from answers
),

question_respondents as (
    select
        question,
        count(distinct response_id) as respondents
    from answers
    group by question
),

answer_counts as (
    select
        question,
        answer,
        count(distinct response_id) as answer_count
    from answers
    where answer is not null
    group by question, answer
),

shares as (
    select
        answer_counts.question,
        answer_counts.answer,
        question_respondents.respondents,
        answer_counts.answer_count,
        case
            when question_respondents.respondents > 0
                then
                    cast(answer_counts.answer_count as {{ type_double() }})
                    / question_respondents.respondents
        end as answer_share,
        row_number() over (
            partition by answer_counts.question
            order by answer_counts.answer_count desc, answer_counts.answer asc
        ) as answer_rank
    from answer_counts
    inner join question_respondents
        on answer_counts.question = question_respondents.question
),

minutes as (
    select
        question,
        count(minutes) as respondents,
        {{ percentile_continuous('minutes', 0.5) }} as median_minutes,
        {{ percentile_continuous('minutes', 0.25) }} as p25_minutes,
        {{ percentile_continuous('minutes', 0.75) }} as p75_minutes
    from answers
    where question in ('minutes_personal', 'minutes_professional')
    group by question
),

share_rows as (
    select
        question,
        answer,
        respondents,
        answer_count,
        answer_share,
        case
            when respondents > 0
                then 1.96 * sqrt(answer_share * (1 - answer_share) / respondents)
        end as margin_of_error_95,
        answer_rank,
        cast(null as {{ type_double() }}) as median_minutes,
        cast(null as {{ type_double() }}) as p25_minutes,
        cast(null as {{ type_double() }}) as p75_minutes
    from shares
),

minutes_rows as (
    select
        question,
        cast(null as {{ dbt.type_string() }}) as answer,
        respondents,
        cast(null as {{ dbt.type_bigint() }}) as answer_count,
        cast(null as {{ type_double() }}) as answer_share,
        cast(null as {{ type_double() }}) as margin_of_error_95,
        cast(null as {{ dbt.type_bigint() }}) as answer_rank,
        median_minutes,
        p25_minutes,
        p75_minutes
    from minutes
),

summary_rows as (
    select * from share_rows
    union all
    select * from minutes_rows
),

final as (
    select
        -- dates
        period.period_start_date,
        period.period_end_date,

        -- strings
        cast(summary_rows.question as {{ dbt.type_string() }}) as question,
        cast(summary_rows.answer as {{ dbt.type_string() }}) as answer,

        -- numerics
        cast(summary_rows.respondents as {{ dbt.type_bigint() }}) as respondents,
        cast(summary_rows.answer_count as {{ dbt.type_bigint() }}) as answer_count,
        cast(summary_rows.answer_share as {{ type_double() }}) as answer_share,
        cast(summary_rows.margin_of_error_95 as {{ type_double() }}) as margin_of_error_95,
        cast(summary_rows.answer_rank as {{ dbt.type_bigint() }}) as answer_rank,
        cast(summary_rows.median_minutes as {{ type_double() }}) as median_minutes,
        cast(summary_rows.p25_minutes as {{ type_double() }}) as p25_minutes,
        cast(summary_rows.p75_minutes as {{ type_double() }}) as p75_minutes
    from summary_rows
    cross join period
)

select * from final
