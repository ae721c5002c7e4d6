{#- Two ways to add up several nullable columns of ONE snapshot row; pick by what a NULL means.

    sum_nullable: NULL only when every column is NULL (a missing column counts as 0 once any
    is present). For metric families of which one column is filled and the others are empty
    by design: Instagram splits one metric into per-media-type columns (reel_shares,
    story_shares, ...), and a reel has no story_shares.

    sum_strict: NULL as soon as any column is NULL. For a total whose parts are all always
    reported: Facebook's six reaction columns. A NULL part (a value the loader nulled as
    impossible, a column the sync missed) makes that snapshot's total unknown, so the
    differencing skips the snapshot like a missing one instead of reading the part as 0 and
    booking a false negative delta the next day. -#}
{% macro sum_nullable(columns) -%}
    case
        when {% for c in columns %}{{ c }} is null{% if not loop.last %} and {% endif %}{% endfor %}
            then null
        else {% for c in columns %}coalesce({{ c }}, 0){% if not loop.last %} + {% endif %}{% endfor %}
    end
{%- endmacro %}

{% macro sum_strict(columns) -%}
    ({% for c in columns %}{{ c }}{% if not loop.last %} + {% endif %}{% endfor %})
{%- endmacro %}
