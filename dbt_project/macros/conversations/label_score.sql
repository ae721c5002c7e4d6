{#- The score of a label given without one (the listening tool's, a person's): +1 positive,
    -1 negative, 0 neutral, on the scale of the model's scores ([-1, 1]). -#}
{% macro label_score(label) -%}
    case {{ label }}
        when 'positive' then 1.0
        when 'negative' then -1.0
        else 0.0
    end
{%- endmacro %}
