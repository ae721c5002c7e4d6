"""The text-analysis asset: downstream of the raw tables with free text, upstream of the dbt
models that publish sentiment and themes (dbt reads its tables as the `text_analysis`
source)."""


from collections.abc import Iterator

import dagster as dg
from dagster_duckdb import DuckDBResource

from orchestration.conversations import SCORER_VERSION, ThemeTaxonomy
from orchestration.defs import settings
from orchestration.defs.conversations.store import (
    PHRASES,
    SCHEMA,
    SCORES,
    TAXONOMY,
    TEXT_COLUMNS,
    THEMES,
    AnalysisStats,
    refresh_text_analysis,
)
from orchestration.defs.resources import WAREHOUSE_POOL

GROUP = "text_analysis"
SCORES_KEY = dg.AssetKey([SCHEMA, "sentiment_scores"])
THEMES_KEY = dg.AssetKey([SCHEMA, "text_themes"])
PHRASES_KEY = dg.AssetKey([SCHEMA, "text_phrases"])
TAXONOMY_KEY = dg.AssetKey([SCHEMA, "theme_taxonomy"])
RAW_TEXT_KEYS = [dg.AssetKey([f"raw_{c.source}", c.table]) for c in TEXT_COLUMNS]

_SPECS = [
    dg.AssetSpec(
        SCORES_KEY, group_name=GROUP, deps=RAW_TEXT_KEYS, kinds={"python", "duckdb"},
        description=(
            "Sentiment of every distinct text of comments on own posts, listening mentions and "
            "CSAT survey comments: detected language (fa, en, other), label, score in [-1, 1], "
            "scorer and version. English: VADER; Persian: the project's lexicon scorer with "
            "negation, intensifiers and emoji; emoji-only texts: the emoji lexicon. Keyed by "
            "the MD5 of the text; only new texts are scored on a refresh."),
        metadata={"dagster/table_name": SCORES},
    ),
    dg.AssetSpec(
        THEMES_KEY, group_name=GROUP, deps=RAW_TEXT_KEYS, kinds={"python", "duckdb"},
        description=(
            "Configured themes (delivery, price, quality, ...) each text matches, by keywords in "
            "Persian and English (CONVERSATION_THEMES_FILE, else the bundled taxonomy)."),
        metadata={"dagster/table_name": THEMES},
    ),
    dg.AssetSpec(
        PHRASES_KEY, group_name=GROUP, deps=RAW_TEXT_KEYS, kinds={"python", "duckdb"},
        description=(
            "Word pairs (bigrams, stop words removed) of texts that match no configured theme: "
            "the raw material of the new phrases in conversation_themes."),
        metadata={"dagster/table_name": PHRASES},
    ),
    dg.AssetSpec(
        TAXONOMY_KEY, group_name=GROUP, kinds={"python", "duckdb"},
        description=(
            "The configured themes: key, English and Persian labels and the kind of action a "
            "problem in the theme calls for (product, content, strategy)."),
        metadata={"dagster/table_name": TAXONOMY},
    ),
]


def _summary(stats: AnalysisStats) -> str:
    parts = [f"{stats.distinct_texts} distinct texts: {stats.analysed} analysed, "
             f"{stats.reused} unchanged since the last run"]
    if stats.reanalysed_all:
        parts.append(f"every text analysed again ({stats.reanalysed_all})")
    if stats.missing_tables:
        parts.append("no table for " + ", ".join(stats.missing_tables))
    return "; ".join(parts)


@dg.multi_asset(name="text_analysis", specs=_SPECS, pool=WAREHOUSE_POOL)
def text_analysis(
    context: dg.AssetExecutionContext, duckdb: DuckDBResource
) -> Iterator[dg.MaterializeResult]:
    """Reads the texts not analysed yet and writes their sentiment, themes and phrases."""
    taxonomy = ThemeTaxonomy.load(settings.conversation_themes_path())
    schemas = {k: str(v) for k, v in settings.dbt_vars().items() if k.endswith("_schema")}

    def progress(done: int, total: int) -> None:
        context.log.info(f"text analysis: {done}/{total} new texts read")

    with duckdb.get_connection() as con:
        stats = refresh_text_analysis(con, taxonomy, schemas, progress)
        counts = {
            table: int(con.execute(f"select count(*) from {table}").fetchone()[0])  # type: ignore[index]
            for table in (SCORES, THEMES, PHRASES, TAXONOMY)
        }
    summary = _summary(stats)
    context.log.info(f"{summary} in {stats.seconds:.1f} s")
    common = {
        "summary": summary, "texts_analysed": stats.analysed, "texts_unchanged": stats.reused,
        "scorer_version": SCORER_VERSION, "taxonomy_version": taxonomy.version,
    }
    yield dg.MaterializeResult(asset_key=SCORES_KEY, metadata={
        **common, "dagster/row_count": counts[SCORES],
        "languages_of_new_texts": dict(stats.languages),
        "labels_of_new_texts": dict(stats.labels),
    })
    yield dg.MaterializeResult(asset_key=THEMES_KEY, metadata={
        **common, "dagster/row_count": counts[THEMES],
        "themes_of_new_texts": dict(stats.themes),
    })
    yield dg.MaterializeResult(asset_key=PHRASES_KEY, metadata={
        **common, "dagster/row_count": counts[PHRASES],
    })
    yield dg.MaterializeResult(asset_key=TAXONOMY_KEY, metadata={
        "taxonomy_version": taxonomy.version, "dagster/row_count": counts[TAXONOMY],
    })
