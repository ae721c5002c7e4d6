{{ config(severity='error') }}
-- Every text of conversation_sentiment has exactly one effective label (override, else model,
-- else the listening tool): every sentiment count downstream counts each text once.
select
    text_source,
    text_id,
    sum(case when is_effective then 1 else 0 end) as effective_labels
from {{ ref('conversation_sentiment') }}
group by text_source, text_id
having sum(case when is_effective then 1 else 0 end) <> 1
