"""The static HTML report: built by its Dagster asset after the publish step from the `small`
sample, and from a landing folder where most sources are missing; every section is in the HTML
with the figures of the marts it reads (compared with SQL written here, not with the report's
own queries); an empty part says which source loaded nothing instead of disappearing."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import dagster as dg
import duckdb
import pytest
from lxml import html as lxml_html

from tests.conftest import build_everything, failure_message, write

SECTIONS = ("kpi-tiers", "benchmarks", "roi", "verdicts", "goals", "conversations",
            "data-quality")
PERSIAN = "\u0600-\u06ff"
BENCHMARK_TITLES = (("distribution", "followers", "Distribution"),
                    ("interaction", "engagements_per_post", "Interaction"),
                    ("influence", "share_of_voice_by_mentions", "Influence"))


def _table(doc: lxml_html.HtmlElement, table_id: str) -> list[list[str]]:
    """The ``data-value`` of every cell of a report table, row by row."""
    (table,) = doc.xpath(f'//table[@id="{table_id}"]')
    return [[td.get("data-value") for td in tr.xpath("./td")]
            for tr in table.xpath("./tbody/tr") if not tr.xpath("./td[@class='none']")]


def _num(value: str) -> float | None:
    return None if value in ("", None) else float(value)


def _close(got: list[tuple], want: list[tuple]) -> None:
    """Rows equal, numbers to 1e-9 relative (the report prints the mart's own value)."""
    assert len(got) == len(want), (got, want)
    for g, w in zip(got, want, strict=True):
        assert len(g) == len(w)
        for a, b in zip(g, w, strict=True):
            if isinstance(b, int | float) and b is not None and not isinstance(b, bool):
                assert a == pytest.approx(b, rel=1e-9, abs=1e-9), (g, w)
            else:
                assert a == b, (g, w)


@pytest.fixture(scope="module")
def sample(pipeline, tmp_path_factory: pytest.TempPathFactory
           ) -> Iterator[tuple[Path, lxml_html.HtmlElement, duckdb.DuckDBPyConnection,
                               dg.ExecuteInProcessResult]]:
    """The `small` sample's warehouse (a copy: the session's read-only connection stays open),
    published and reported by the real Dagster assets."""
    from orchestration.defs.publish.assets import serving_marts
    from orchestration.defs.report.assets import REPORT_KEY, report
    from orchestration.defs.resources import resources

    landing = pipeline[0]
    root = tmp_path_factory.mktemp("sample")
    warehouse = root / "warehouse.duckdb"
    shutil.copy(landing.parent / "warehouse.duckdb", warehouse)
    result = dg.materialize([serving_marts, report], resources=resources(warehouse, landing),
                            raise_on_error=False)
    assert result.success, failure_message(result)
    (event,) = [e for e in result.get_asset_materialization_events()
                if e.materialization.asset_key == REPORT_KEY]
    path = Path(event.materialization.metadata["path"].value)
    assert path == root / "report" / "index.html"  # REPORT_DIR unset: beside the warehouse
    doc = lxml_html.fromstring(path.read_text(encoding="utf-8"))
    with duckdb.connect(str(warehouse), read_only=True) as con:
        yield path, doc, con, result


def test_every_section_is_there_with_charts_that_name_their_catalog_metrics(sample):
    _, doc, con, _ = sample
    assert [s.get("id") for s in doc.xpath("//section")] == list(SECTIONS)
    catalog = {k for (k,) in con.execute("select metric_key from marts.metric_catalog")
               .fetchall()}
    charts = doc.xpath("//figure[@class='chart']")
    # a part with nothing to show says why in its place; which parts those are follows from
    # the marts (the small sample has one month of texts: no month-over-month action; four
    # days of spend: no incrementality estimate; no peer with posts: no interaction index)
    def none(sql: str) -> bool:
        return con.execute(sql).fetchone()[0] == 0

    expected = sorted(
        [f"{title} (" for dimension, metric, title in BENCHMARK_TITLES if none(
            f"select count({metric}_index_vs_peer_median) from marts.benchmark_{dimension}")]
        + (["Actions: no data: marts.conversation_actions has no rows"]
           if none("select count(*) from marts.conversation_actions") else [])
        + (["Incremental net revenue per channel and quarter, with its interval: nothing to "
            "draw"] if none("select count(incremental_net_revenue) "
                            "from marts.channel_incrementality") else []))
    empties = sorted(p.text_content() for p in doc.xpath("//p[@class='empty']"))
    assert len(empties) == len(expected), empties
    for text, start in zip(empties, expected, strict=True):
        assert text.startswith(start), (text, start)
    assert len(charts) + len([e for e in expected if not e.startswith("Actions")]) == 14
    for figure in charts:
        chart_id = figure.get("data-chart")
        assert figure.xpath(f".//div[@id='{chart_id}']"), chart_id
        assert figure.xpath(".//figcaption/text()"), chart_id
        (metrics,) = figure.xpath(".//*[@data-metric-keys]")
        keys = metrics.get("data-metric-keys").split()
        assert set(keys) <= catalog, chart_id
        if chart_id != "load-audit":  # the loader's file counts are not a catalog metric
            assert keys, chart_id
    # one file, nothing fetched: no script, style, image or link from another address
    assert not doc.xpath("//script[@src] | //link | //img[not(starts-with(@src, 'data:'))]")
    assert "credit, not cause" in doc.text_content()


def test_kpi_tiers_show_the_marts_figures_per_platform(sample):
    _, doc, con, _ = sample
    for tier, stock, flow in ((1, "followers", "net_follower_change"),
                              (2, "impressions", "shares"),
                              (3, "net_revenue", "social_attributed_net_revenue")):
        mart = f"marts.kpi_tier_{tier}_daily"
        jalali = "any_value(jalali_date) filter (where metric_date = d)" if tier < 3 else "null"
        want = con.execute(f"""
            select platform, d::varchar, {jalali},
                   (select sum({stock}) from {mart} as i
                    where i.platform = o.platform and i.metric_date = o.d)::double,
                   sum({flow})::double
            from (select *, max(metric_date) over (partition by platform) as d
                  from {mart}) as o
            group by platform, d order by platform""").fetchall()
        got = [(r[0], r[1], r[2] or None, _num(r[3]), _num(r[4]))
               for r in _table(doc, f"kpi-tier-{tier}-totals")]
        assert want, mart
        _close(got, want)


def test_benchmarks_show_the_own_brands_index_and_percentile(sample):
    _, doc, con, _ = sample
    for dimension, metric in (("distribution", "followers"),
                              ("interaction", "engagements_per_post"),
                              ("influence", "share_of_voice_by_mentions")):
        want = con.execute(f"""
            select platform, month_start_date::varchar, {metric}::double,
                   {metric}_index_vs_peer_median, {metric}_percentile_rank
            from marts.benchmark_{dimension} where is_own_brand
            order by platform, month_start_date""").fetchall()
        got = [(r[0], r[1], *map(_num, r[2:])) for r in _table(doc, f"benchmark-{dimension}-own")]
        assert want
        _close(got, want)


def test_roi_attribution_models_side_by_side_and_incrementality_intervals(sample):
    _, doc, con, _ = sample
    want = con.execute("""
        select channel, attribution_model, sum(credited_net_revenue)::double
        from marts.attribution_by_channel group by all order by 1, 2""").fetchall()
    got = [(r[0], r[1], _num(r[2])) for r in _table(doc, "attribution-models-totals")]
    assert len({r[1] for r in want}) >= 4  # the models, side by side
    _close(got, want)
    want = con.execute("""
        select channel, credit_method, roi
        from marts.social_roi_monthly
        where month_start_date = (select max(month_start_date) from marts.social_roi_monthly)
          and total_investment > 0 order by 1, 2""").fetchall()
    got = [(r[0], r[1], _num(r[6])) for r in _table(doc, "roi-latest-month-figures")]
    assert want
    _close(got, want)
    want = con.execute("""
        select channel, quarter_label, incremental_net_revenue, incremental_net_revenue_lower,
               incremental_net_revenue_upper
        from marts.channel_incrementality order by quarter_label, channel""").fetchall()
    got = [(r[0], r[1], *map(_num, r[2:5])) for r in _table(doc, "incrementality-figures")]
    assert want
    _close(got, want)


def test_verdicts_goals_and_what_people_say(sample):
    _, doc, con, _ = sample
    want = con.execute("""select channel, quarter_label, verdict, verdict_reason
                          from marts.channel_verdict order by quarter_label, channel""").fetchall()
    assert want
    assert [tuple(r[:4]) for r in _table(doc, "verdict-figures")] == want
    want = con.execute("""select goal_id, goal_title, goal_status, progress, projected_progress
                          from marts.goal_scorecard order by goal_id""").fetchall()
    got = [(r[0], r[1], r[3], _num(r[4]), _num(r[6])) for r in _table(doc, "goal-scorecard")]
    assert want
    _close(got, want)
    want = con.execute("""
        select month_start_date::varchar, sentiment_label, count(*)
        from marts.conversation_sentiment where is_effective and is_own_brand
        group by all order by 1, 2""").fetchall()
    got = [(r[0], r[1], int(r[2])) for r in _table(doc, "sentiment-trend-figures")]
    assert want
    assert got == want
    want = con.execute("""
        select theme_label_en, theme_mentions from marts.conversation_themes
        where is_own_brand and month_start_date = (select max(month_start_date)
              from marts.conversation_themes where is_own_brand)
        order by theme_mentions desc, theme_key limit 10""").fetchall()
    assert want
    assert [(r[0], int(r[2])) for r in _table(doc, "top-themes-figures")] == want


def test_persian_text_is_set_right_to_left(sample):
    _, doc, con, _ = sample
    # every Persian goal title, brand and theme label of the marts is in the page, and each
    # text that starts in Persian is in an element set right to left
    persian = {t for (t,) in con.execute(f"""
        select goal_title from marts.goal_scorecard where regexp_matches(goal_title, '[{PERSIAN}]')
        union select theme_label_fa from marts.conversation_themes
        where theme_label_fa is not null""").fetchall()}
    assert persian
    rtl = {e.text_content() for e in doc.xpath("//*[@dir='rtl'][@lang='fa']")}
    assert persian <= rtl


def test_data_quality_lists_quarantine_and_load_outcomes(sample):
    _, doc, con, _ = sample
    want = con.execute("""select status, count(*) from raw_meta.load_audit
                          group by all order by 1""").fetchall()
    assert [(r[0], int(r[1])) for r in _table(doc, "load-outcomes")] == want
    want = con.execute("select count(*) from raw_meta.quarantine").fetchone()[0]
    assert sum(int(r[4]) for r in _table(doc, "quarantine")) == want
    want = con.execute("""select source, table_name, suite, count(*),
                                 count(*) filter (where not success)
                          from raw_meta.batch_validations group by all""").fetchall()
    got = [(r[0], r[1], r[2], int(r[3]), int(r[4])) for r in _table(doc, "batch-validations")]
    assert sorted(got) == sorted(want)


def test_each_mart_built_carries_a_preview(pipeline):
    result = pipeline[3]
    observations = {e.asset_observation_data.asset_observation.asset_key:
                    e.asset_observation_data.asset_observation.metadata
                    for e in result.all_events if e.event_type_value == "ASSET_OBSERVATION"}
    preview = observations[dg.AssetKey(["marts", "kpi_tier_1_daily"])]
    con = pipeline[1]
    count, latest = con.execute(
        "select count(*), max(metric_date) from marts.kpi_tier_1_daily").fetchone()
    assert preview["preview_row_count"].value == count
    assert preview["preview_latest_date"].value == f"metric_date {latest}"
    table = preview["preview"].value
    assert "| platform |" in table and "followers" in table
    followers = con.execute("select followers from marts.kpi_tier_1_daily "
                            "where metric_date = ? order by platform, brand limit 1",
                            [latest]).fetchone()[0]
    assert f"| {followers} |" in table
    with_preview = {k.path[-1] for k, metadata in observations.items()
                    if k.path[0] == "marts" and "preview_row_count" in metadata}
    marts = {t for (t,) in con.execute("select table_name from information_schema.tables "
                                       "where table_schema = 'marts'").fetchall()}
    assert with_preview == marts


# -- a landing folder with most sources missing: one LinkedIn page, and a rejected file --

ORG_ID = "2414183"
POST = "urn:li:ugcPost:7001"


def _linkedin_only(landing: Path) -> None:
    write(landing, "social_accounts/accounts/accounts.csv",
          "platform,account_id,handle,display_name,brand,is_own,industry\n"
          f"linkedin,{ORG_ID},navacoffee,Nava Coffee,کافه نوا,true,coffee_roastery\n")
    write(landing, "social_accounts/daily/linkedin.csv",
          "date,platform,account_id,followers,following,posts_published,mentions,"
          "profile_views\n"
          + "".join(f"2026-03-0{d},linkedin,{ORG_ID},{500 + 2 * d},0,0,0,3\n"
                    for d in (1, 2, 3)))
    write(landing, "linkedin_pages/organization/organization.csv",
          f"id,localized_name,vanity_name\n{ORG_ID},Nava Coffee,navacoffee\n")
    write(landing, "linkedin_pages/ugc_post_history/posts.csv",
          "id,author,commentary,created_time,first_published_at,last_modified_time,"
          "lifecycle_state,_fivetran_synced\n"
          f"{POST},urn:li:organization:{ORG_ID},New roast,2026-02-28T08:00:00Z,"
          "2026-02-28T08:00:00Z,2026-02-28T08:00:00Z,PUBLISHED,2026-03-01T06:00:00Z\n")
    write(landing, "linkedin_pages/organization_ugc_post/links.csv",
          f"organization_id,ugc_post_id\n{ORG_ID},{POST}\n")
    write(landing, "linkedin_pages/ugc_post_share_statistic/links.csv",
          f"share_statistic_id,ugc_post_id\ns1,{POST}\n")
    header = ("_fivetran_id,_organization_entity_urn,_share_entity_urn,click_count,"
              "comment_count,engagement,impression_count,like_count,share_count,"
              "_fivetran_synced\n")
    org = f"urn:li:organization:{ORG_ID}"
    for day, impressions, shares in (("01", 100, "2"), ("02", 250, "-4"), ("03", 300, "3")):
        write(landing, f"linkedin_pages/share_statistic/sync_2026_03_{day}.csv", header
              + f"s1,{org},{POST},1,0,0.02,{impressions},5,{shares},2026-03-{day}T06:00:00Z\n")
    # a file without a required column: rejected whole
    write(landing, "linkedin_pages/organization/broken.csv", "localized_name\nNava\n")


@pytest.fixture(scope="module")
def sparse(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, lxml_html.HtmlElement]:
    from orchestration.defs.report.build import build_report

    root = tmp_path_factory.mktemp("sparse")
    landing, warehouse = root / "landing", root / "warehouse.duckdb"
    _linkedin_only(landing)
    result = build_everything(landing, warehouse)
    assert result.success, failure_message(result)
    built = build_report(warehouse, root / "report")
    return built.path, lxml_html.fromstring(built.path.read_text(encoding="utf-8"))


def test_missing_sources_keep_their_sections_and_say_why(sparse):
    _, doc = sparse
    assert [s.get("id") for s in doc.xpath("//section")] == list(SECTIONS)
    # by hand: LinkedIn followers on 2026-03-03 are 500 + 2 * 3 = 506
    rows = {r[0]: r for r in _table(doc, "kpi-tier-1-totals")}
    assert rows["linkedin"][1] == "2026-03-03"
    assert _num(rows["linkedin"][3]) == 506
    empty = {s.get("id"): " ".join(p.text_content() for p in s.xpath(".//p[@class='empty']"))
             for s in doc.xpath("//section")}
    # no sales, no spend, no goals, no texts: each part says which sources loaded nothing
    # (LinkedIn and the accounts did load: they are never named)
    for section_id in ("roi", "goals", "conversations"):
        assert "no data" in empty[section_id], section_id
    assert "no rows were loaded for shopify" in empty["roi"] or \
        "shopify" in empty["roi"].split("no rows were loaded for", 1)[1]
    assert "ROI per month: no channel has money or time invested" in empty["roi"]
    assert "marketing" in empty["roi"].split("ROI per month", 1)[1]
    tier_3 = [p for p in empty["kpi-tiers"].split("Tier ") if p.startswith("3")]
    assert tier_3 and "partial data" in tier_3[0] and "shopify" in tier_3[0]
    for loaded in ("linkedin_pages", "social_accounts"):
        assert f" {loaded}," not in empty["kpi-tiers"].split("loaded for", 1)[-1]
    # the one channel-quarter of LinkedIn: too little history for a verdict, said as such
    assert [r[:3] for r in _table(doc, "verdict-figures")] == [
        ["linkedin", "2026-Q1", "not enough data"]]


def test_missing_sources_data_quality_names_the_rejected_file_and_the_nulled_value(sparse):
    _, doc = sparse
    rejected = _table(doc, "rejected-files")
    assert [(r[0], r[1], Path(r[2]).name) for r in rejected] == [
        ("linkedin_pages", "organization", "broken.csv")]
    quarantine = _table(doc, "quarantine")
    assert [(r[0], r[1], r[2], int(r[4])) for r in quarantine] == [
        ("linkedin_pages", "share_statistic", "value_nulled", 1)]


# -- a real browser: Debian's chromium, headless, the network off --

CHROMIUM = "/usr/bin/chromium"
REPO = Path(__file__).resolve().parents[1]

# every text node outside scripts with Persian in it: its element's computed direction, and
# (when it lies on one line) whether its first Persian letter is drawn right of its last one
PERSIAN_LAYOUT = r"""() => {
  const persian = /[\u0600-\u06FF]/g, out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode, el = node.parentElement;
    if (el.closest('script, style')) continue;
    const letters = [...node.data.matchAll(persian)].map(m => m.index);
    if (letters.length < 2) continue;
    const first = letters[0], last = letters[letters.length - 1];
    let rightToLeft = null, direction = null;
    if (el.closest('svg')) {
      const text = el.closest('text');
      // positions of characters within the <text> element (its text nodes in order)
      const before = [...text.childNodes].slice(0, [...text.childNodes].indexOf(node))
        .reduce((n, c) => n + (c.textContent || '').length, 0);
      const a = text.getExtentOfChar(before + first), b = text.getExtentOfChar(before + last);
      rightToLeft = a.x > b.x;
    } else {
      direction = getComputedStyle(el).direction;
      const rect = i => { const r = document.createRange(); r.setStart(node, i);
                          r.setEnd(node, i + 1); return r.getBoundingClientRect(); };
      const a = rect(first), b = rect(last);
      if (Math.abs(a.top - b.top) < 2) rightToLeft = a.left > b.left;
    }
    out.push({text: node.data.slice(0, 40), svg: !!el.closest('svg'), direction, rightToLeft});
  }
  return out;
}"""


@pytest.fixture(params=["sample", "sparse"])
def report_page(request: pytest.FixtureRequest) -> Path:
    """The report of either warehouse, built before the browser starts (Playwright's event
    loop and a Dagster run do not share the test's thread)."""
    return request.getfixturevalue(request.param)[0]


@pytest.fixture
def browser():
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), (
        "Debian's chromium is not installed: apt-get install -y chromium (.ci/run does it)")
    with sync_playwright() as playwright:
        # no network: every request but the report's own file goes to a closed proxy port,
        # and the test fails on any request that is not file://
        launched = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--proxy-server=127.0.0.1:9",
                  "--proxy-bypass-list=<-loopback>"])
        yield launched
        launched.close()


def test_chromium_renders_every_chart_offline_with_persian_right_to_left(
    report_page: Path, browser
):
    path = report_page
    which = path.parent.parent.name.rstrip("0123456789")  # the fixture's folder: sample|sparse
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    errors: list[str] = []
    requests: list[str] = []
    page.on("console", lambda m: errors.append(f"console {m.type}: {m.text}")
            if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(f"page error: {e}"))
    page.on("requestfailed", lambda r: errors.append(f"request failed: {r.url}"))
    page.on("request", lambda r: requests.append(r.url))
    page.goto(path.as_uri(), wait_until="load")
    page.wait_for_timeout(500)
    assert errors == []
    assert requests == [path.as_uri()]  # nothing fetched from anywhere
    charts = page.evaluate("""() => [...document.querySelectorAll('figure.chart')].map(f => [
        f.dataset.chart, f.querySelectorAll('.js-plotly-plot svg.main-svg').length,
        f.querySelectorAll('.js-plotly-plot .trace path').length])""")
    expected = len(lxml_html.fromstring(path.read_text(encoding="utf-8"))
                   .xpath("//figure[@class='chart']"))
    assert len(charts) == expected > 0
    not_drawn = [c for c in charts if c[1] == 0 or c[2] == 0]
    assert not_drawn == [], "charts that did not render"
    layout = page.evaluate(PERSIAN_LAYOUT)
    if which == "sample":  # its Persian brands, goals and themes: in tables and in charts
        assert {t["svg"] for t in layout} == {True, False}
        assert any(t["rightToLeft"] for t in layout if t["svg"])
    wrong = [t for t in layout if (not t["svg"] and t["direction"] != "rtl")
             or t["rightToLeft"] is False]
    assert wrong == [], "Persian text laid out left to right"
    # the screenshot stays beside the report, and under data/report/ of the checkout (CI)
    shot = path.parent / "screenshot.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000
    artifacts = REPO / "data" / "report"
    artifacts.mkdir(parents=True, exist_ok=True)
    shutil.copy(shot, artifacts / f"test-screenshot-{which}.png")
    page.close()
