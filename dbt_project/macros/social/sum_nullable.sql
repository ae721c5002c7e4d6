{#- The sum of several nullable columns, NULL only when every one of them is NULL (a missing
    metric family counts as 0 once any family is present). Instagram splits one metric into
    per-media-type columns (reel_shares, story_shares, ...) of which one is filled. -#}
{% macro sum_nullable(columns) -%}
    case
        when {% for c in columns %}{{ c }} is null{% if not loop.last %} and {% endif %}{% endfor %}
            then null
        else {% for c in columns %}coalesce({{ c }}, 0){% if not loop.last %} + {% endif %}{% endfor %}
    end
{%- endmacro %}
