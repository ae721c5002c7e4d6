"""seo/backlinks: links to the site as an SEO tool exports them (some lost, one re-found)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from .config import SITE, SITE_DOMAIN, Period
from .randomness import stream
from .writers import Sinks

REFERRING_DOMAINS = (
    "coffeeguide.ir", "virgool.io", "digikala.com", "zoomit.ir", "namnak.com", "chetor.com",
    "beytoote.com", "hamshahrionline.ir", "isna.ir", "barista-iran.ir", "tasteatlas.com",
    "sprudge.com", "ninisite.com", "delgarm.com", "honarmandan.ir", "kafeh.blog",
    "reddit.com", "medium.com", "tehrantimes.com", "ecoiran.com",
)
TARGETS = ("/", "/shop", "/blog/v60-brew-guide", "/blog/espresso-at-home",
           "/shop/beans/ethiopia-yirgacheffe", "/blog/moka-pot-guide", "/about")


@dataclass
class SeoResult:
    rows: int
    active_at_end: int
    lost_in_period: int


def write_backlinks(sinks: Sinks, seed: int, period: Period, n_links: int) -> SeoResult:
    rng = stream(seed, "seo")
    sink = sinks("seo", "backlinks")
    rows: list[dict[str, object]] = []
    for n in range(n_links):
        domain = REFERRING_DOMAINS[n % len(REFERRING_DOMAINS)]
        first = period.end - timedelta(days=rng.randint(0, 700))
        lost: date | None = None
        if rng.random() < 0.2:
            lost = first + timedelta(days=rng.randint(1, max(1, (period.end - first).days)))
            lost = min(lost, period.end)
            if lost <= first:
                lost = None
        rows.append({
            "target_domain": SITE_DOMAIN, "referring_domain": domain,
            "referring_url": f"https://{domain}/p/{n * 2654435761 % 10**8:08d}",
            "target_url": SITE + rng.choice(TARGETS), "first_seen": first, "lost_at": lost,
            "is_dofollow": rng.random() < 0.7,
            "domain_rating": round(rng.uniform(8, 92), 1),
        })
    for row in rows:  # a lost link found again later: a second row, new first_seen
        lost = row["lost_at"]
        if isinstance(lost, date) and lost < period.end - timedelta(days=1):
            again = dict(row)
            again["first_seen"], again["lost_at"] = lost + timedelta(days=1), None
            rows.append(again)
            break
    rows.sort(key=lambda r: (r["first_seen"], r["referring_url"]))  # type: ignore[return-value]
    for row in rows:
        first_seen = row["first_seen"]
        assert isinstance(first_seen, date)
        sink.write(f"backlinks_first_seen_{first_seen:%Y}", row)
    links = {(r["referring_url"], r["target_url"]) for r in rows if r["lost_at"] is None}
    lost_in = sum(1 for r in rows if isinstance(r["lost_at"], date) and r["lost_at"] in period)
    return SeoResult(len(rows), len(links), lost_in)
