"""The shop's web pages and which page a session lands on."""

from __future__ import annotations

import random

from .catalogue import PRODUCTS
from .config import SITE
from .seo import TARGETS
from .traffic import Touch

BLOG = (
    ("/blog/v60-brew-guide", "راهنمای دم‌آوری V60 | کافه نوا"),
    ("/blog/espresso-at-home", "اسپرسو در خانه | کافه نوا"),
    ("/blog/moka-pot-guide", "Moka pot guide | Nava Coffee"),
    ("/blog/coffee-origins-ethiopia", "قهوه اتیوپی را بشناسید | کافه نوا"),
    ("/blog/grind-size-chart", "Grind size chart | Nava Coffee"),
    ("/blog/storing-coffee-beans", "نگهداری دان قهوه | کافه نوا"),
)
PAGES = {
    "/": "کافه نوا | Nava Coffee - رستری آنلاین قهوه",
    "/shop": "فروشگاه | کافه نوا",
    "/about": "درباره ما | کافه نوا",
    "/cart": "سبد خرید | کافه نوا",
    "/checkout": "پرداخت | کافه نوا",
    "/checkout/thank-you": "سفارش ثبت شد | کافه نوا",
    **{path: title for path, title in BLOG},
    **{p.path: f"{p.title} | کافه نوا" for p in PRODUCTS},
}
PRODUCT_PATHS = tuple(p.path for p in PRODUCTS[:8])
BROWSE = ("/shop", "/", "/about", *PRODUCT_PATHS, *(b[0] for b in BLOG))


def landing(rng: random.Random, touch: Touch) -> str:
    kind = touch.kind
    if kind == "organic_search":
        if rng.random() < 0.6:
            return rng.choice(BLOG)[0]
        return rng.choice(("/", "/shop", *PRODUCT_PATHS))
    if kind == "direct":
        return rng.choices(("/", "/shop", *PRODUCT_PATHS[:3]), (12, 2, 2, 2, 2))[0]
    if kind == "referral" and "." in (touch.source or "") and touch.medium == "referral":
        return rng.choice(TARGETS)
    if kind == "email":
        return rng.choice(("/shop/autumn-gift-box", "/blog/storing-coffee-beans", "/shop"))
    if kind == "cpc":
        return rng.choice(PRODUCT_PATHS)
    return rng.choices(("/", "/shop/autumn-gift-box", *PRODUCT_PATHS, BLOG[0][0]),
                       (2, 2, *([1] * len(PRODUCT_PATHS)), 1))[0]


def page_path(rng: random.Random) -> str:
    return rng.choice(BROWSE)


def url(path: str, query: str = "") -> str:
    return f"{SITE}{path}{query}"
