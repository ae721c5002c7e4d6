"""Products and baskets; prices are set in USD and converted to rials at the day's rate."""

from __future__ import annotations

import random
from dataclasses import dataclass


@dataclass(frozen=True)
class Product:
    product_id: int
    sku: str
    title: str
    path: str
    price_usd: float
    weight: float


PRODUCTS = (
    Product(8_100_000_001, "BN-ETH-250", "دان قهوه اتیوپی یرگاچفه ۲۵۰ گرم",
            "/shop/beans/ethiopia-yirgacheffe", 13.5, 18),
    Product(8_100_000_002, "BN-COL-250", "دان قهوه کلمبیا ۲۵۰ گرم", "/shop/beans/colombia",
            11.0, 20),
    Product(8_100_000_003, "BN-BRZ-1KG", "Brazil Santos 1 kg", "/shop/beans/brazil-santos-1kg",
            34.0, 10),
    Product(8_100_000_004, "BN-NAVA-1KG", "بلند اسپرسو نوا ۱ کیلو",
            "/shop/beans/nava-espresso-blend", 39.0, 12),
    Product(8_100_000_005, "DRIP-10", "Drip bags x10", "/shop/drip-bags", 8.0, 14),
    Product(8_100_000_006, "GIFT-BOX", "جعبه هدیه پاییزی", "/shop/autumn-gift-box", 28.0, 6),
    Product(8_100_000_007, "MOKA-3", "Moka pot 3 cups", "/shop/gear/moka-pot", 32.0, 4),
    Product(8_100_000_008, "GRD-HAND", "آسیاب دستی", "/shop/gear/hand-grinder", 65.0, 3),
    Product(8_100_000_009, "GRD-ELEC", "Electric burr grinder", "/shop/gear/burr-grinder",
            180.0, 0.8),
    Product(8_100_000_010, "ESP-HOME", "اسپرسوساز خانگی", "/shop/gear/espresso-machine", 1450.0,
            0.35),
    Product(8_100_000_011, "ESP-PRO", "Espresso machine, 2 group (office)",
            "/shop/gear/espresso-machine-pro", 2450.0, 0.12),
)
LINES_WEIGHTS = (55, 30, 15)  # 1, 2 or 3 distinct products
QTY_WEIGHTS = (70, 22, 8)  # 1, 2 or 3 units
DISCOUNT_SHARE, DISCOUNT_RATE = 0.2, 0.1


def basket(rng: random.Random) -> list[tuple[Product, int]]:
    n = rng.choices((1, 2, 3), LINES_WEIGHTS)[0]
    picked: list[Product] = []
    while len(picked) < n:
        p = rng.choices(PRODUCTS, [p.weight for p in PRODUCTS])[0]
        if p not in picked:
            picked.append(p)
    return [(p, rng.choices((1, 2, 3), QTY_WEIGHTS)[0]) for p in picked]


def expected_order_usd() -> float:
    """Approximate model AOV (independent draws with replacement, before refunds)."""
    total_w = sum(p.weight for p in PRODUCTS)
    line = sum(p.price_usd * p.weight for p in PRODUCTS) / total_w
    qty = sum(q * w for q, w in zip((1, 2, 3), QTY_WEIGHTS, strict=True)) / sum(QTY_WEIGHTS)
    lines = sum(n * w for n, w in zip((1, 2, 3), LINES_WEIGHTS, strict=True)) / sum(LINES_WEIGHTS)
    return lines * line * qty * (1 - DISCOUNT_SHARE * DISCOUNT_RATE)
