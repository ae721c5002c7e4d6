"""What people say: the texts of comments, mentions and survey answers read for sentiment,
themes and new phrases (a Dagster asset between the raw tables and dbt)."""
