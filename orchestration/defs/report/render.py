"""One self-contained HTML file: the chart library (plotly.js) inlined once, no request to any
other address, so the report opens offline from disk.

Persian text: a text whose first strong letter is Persian is set right to left
(``dir="rtl" lang="fa"``); Persian words inside an English sentence are isolated
(``<bdi dir="rtl" lang="fa">``) so the sentence keeps its order and the words theirs."""

from __future__ import annotations

import datetime as dt
import html
import math
import re
from decimal import Decimal
from typing import Any

from plotly.offline import get_plotlyjs

from orchestration.defs.report.model import Catalog, Chart, Section, Table

# Arabic script (Persian letters, Persian digits, ZWNJ between them)
PERSIAN = re.compile(r"[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]")
PERSIAN_RUN = re.compile(
    r"[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]"
    r"(?:[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF\u200c\s]*"
    r"[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF])?")
LATIN = re.compile(r"[A-Za-z]")

STYLE = """
body{font-family:system-ui,-apple-system,"Segoe UI",Tahoma,"Noto Sans Arabic",sans-serif;
margin:0 auto;max-width:1100px;padding:1rem 2rem;color:#222;line-height:1.45}
h1{margin-bottom:.2rem} nav a{margin-right:1rem}
section{border-top:2px solid #ddd;margin-top:2rem;padding-top:.5rem}
figure{margin:1rem 0} figcaption{font-size:.9rem;color:#444}
.metrics{font-size:.85rem;color:#555} .metrics dt{font-weight:600}
table{border-collapse:collapse;font-size:.85rem;margin:.5rem 0 1.5rem}
caption{text-align:left;font-weight:600;padding:.3rem 0}
td,th{border:1px solid #ddd;padding:.2rem .5rem;vertical-align:top}
td.num{text-align:right;font-variant-numeric:tabular-nums}
.empty{background:#fff6e0;border-left:4px solid #e0a000;padding:.5rem 1rem}
[lang=fa]{font-family:Tahoma,"Noto Sans Arabic","Vazirmatn",sans-serif}
"""


def text(value: str) -> str:
    """Escaped HTML of a text, with its Persian set right to left."""
    if not PERSIAN.search(value):
        return html.escape(value)
    first_persian = PERSIAN.search(value)
    first_latin = LATIN.search(value)
    if first_latin is None or (first_persian and first_persian.start() < first_latin.start()):
        return f'<span dir="rtl" lang="fa">{html.escape(value)}</span>'
    out, last = [], 0
    for match in PERSIAN_RUN.finditer(value):
        out.append(html.escape(value[last:match.start()]))
        out.append(f'<bdi dir="rtl" lang="fa">{html.escape(match.group())}</bdi>')
        last = match.end()
    out.append(html.escape(value[last:]))
    return "".join(out)


def number(value: float) -> str:
    if math.isnan(value) or math.isinf(value):
        return str(value)
    if float(value).is_integer() and abs(value) >= 1:
        return f"{value:,.0f}"
    if abs(value) >= 100:
        return f"{value:,.0f}"
    if abs(value) >= 1:
        return f"{value:,.2f}"
    return f"{value:.3g}"


def cell(value: Any) -> str:
    """A table cell: what a reader sees, and the exact value in ``data-value`` (what a test or
    a script reads back)."""
    if value is None:
        return '<td data-value="">–</td>'
    if isinstance(value, bool):
        return f'<td data-value="{str(value).lower()}">{"yes" if value else "no"}</td>'
    if isinstance(value, int):
        return f'<td class="num" data-value="{value}">{value:,}</td>'
    if isinstance(value, float | Decimal):
        return f'<td class="num" data-value="{value!r}">{number(float(value))}</td>' \
            if isinstance(value, float) else \
            f'<td class="num" data-value="{value}">{number(float(value))}</td>'
    if isinstance(value, dt.datetime | dt.date):
        return f'<td data-value="{value.isoformat()}">{value.isoformat()}</td>'
    return f'<td data-value="{html.escape(str(value))}">{text(str(value))}</td>'


def table(t: Table) -> str:
    head = "".join(f"<th>{html.escape(c)}</th>" for c in t.columns)
    body = "".join("<tr>" + "".join(cell(v) for v in row) + "</tr>" for row in t.rows)
    if not t.rows:
        body = f'<tr><td colspan="{len(t.columns)}" class="none">none</td></tr>'
    return (f'<table id="{t.table_id}" class="figures" data-rows="{len(t.rows)}">'
            f"<caption>{text(t.caption)}</caption><thead><tr>{head}</tr></thead>"
            f"<tbody>{body}</tbody></table>")


def chart(c: Chart, catalog: Catalog) -> str:
    plot = c.figure.to_html(full_html=False, include_plotlyjs=False, div_id=c.chart_id,
                            config={"displayModeBar": False, "responsive": True})
    if c.metric_keys:
        entries = "".join(
            f"<dt>{html.escape(k)}</dt><dd>{html.escape(catalog.entry(k).metric_name)}: "
            f"{text(catalog.entry(k).definition)}</dd>" for k in c.metric_keys)
        metrics = f'<dl class="metrics" data-metric-keys="{" ".join(c.metric_keys)}">' \
                  f"{entries}</dl>"
    else:
        metrics = '<p class="metrics" data-metric-keys="">Metric catalog: none (counts of ' \
                  "the loader's records).</p>"
    return (f'<figure class="chart" data-chart="{c.chart_id}"><h3>{text(c.title)}</h3>'
            f"<figcaption>{text(c.what)}</figcaption>{plot}{metrics}</figure>")


def section(s: Section, catalog: Catalog) -> str:
    parts = [f'<section id="{s.section_id}" data-marts="{" ".join(s.marts)}">',
             f"<h2>{html.escape(s.title)}</h2><p>{text(s.intro)}</p>"]
    parts += [f'<p class="empty">{text(reason)}</p>' for reason in s.empty_reasons]
    parts += [chart(c, catalog) for c in s.charts]
    parts += [table(t) for t in s.tables]
    parts.append("</section>")
    return "".join(parts)


def page(sections: list[Section], catalog: Catalog, subtitle: str) -> str:
    nav = "".join(f'<a href="#{s.section_id}">{html.escape(s.title.split(":")[0])}</a>'
                  for s in sections)
    body = "".join(section(s, catalog) for s in sections)
    return (
        '<!DOCTYPE html><html lang="en" dir="ltr"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        "<title>Social ROI report</title>"
        f"<style>{STYLE}</style><script>{get_plotlyjs()}</script></head><body>"
        "<h1>Did social media grow revenue, or only awareness?</h1>"
        f'<p class="subtitle">{text(subtitle)}</p><nav>{nav}</nav>{body}</body></html>')
