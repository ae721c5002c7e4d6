"""The own brand, its competitors and their accounts on the five platforms."""

from __future__ import annotations

from dataclasses import dataclass

from .config import SITE_DOMAIN

PLATFORMS = ("facebook", "instagram", "x", "linkedin", "youtube")
INDUSTRY = "coffee_roastery"


@dataclass(frozen=True)
class Brand:
    key: str
    brand: str  # canonical Persian name, the value of social_accounts.brand
    english: str
    handle: str
    is_own: bool
    size: float  # audience size relative to the own brand
    mention_weight: float
    domain: str  # web domain of the brand's website (social_accounts/brands)


@dataclass(frozen=True)
class Account:
    platform: str
    account_id: str
    handle: str
    display_name: str
    brand: Brand
    base_followers: int
    following: int


OWN = Brand("nava", "کافه نوا", "Nava Coffee", "navacoffee", True, 1.0, 0.34, SITE_DOMAIN)
COMPETITORS = (
    Brand("dariche", "قهوه دریچه", "Dariche Coffee", "darichecoffee", False, 1.6, 0.3,
          "darichecoffee.ir"),
    Brand("kucheh", "کافه کوچه", "Kucheh Cafe", "kuchehcafe", False, 0.7, 0.2, "kuchehcafe.ir"),
    Brand("nik", "رستری نیک", "Nik Roastery", "nikroastery", False, 0.45, 0.16,
          "nikroastery.ir"),
)
BRANDS = (OWN, *COMPETITORS)

# Own account ids: the ids the connector tables use, so the two can be joined.
OWN_IDS = {
    "facebook": "104857362918274",
    "instagram": "17841405822304914",
    "x": "1456789012345678901",
    "linkedin": "86543210",
    "youtube": "UC7nQ2vZ3kR8tY1mB4xW9pLa",
}
X_ADS_ACCOUNT_ID = "18ce54d4x5t"
OWN_BASE_FOLLOWERS = {
    "facebook": 12_400,
    "instagram": 48_200,
    "x": 3_100,
    "linkedin": 1_850,
    "youtube": 2_300,
}
COMPETITOR_IDS = {
    "facebook": "1090{0}77123456",
    "instagram": "178414{0}0991234",
    "x": "16{0}0223344556677889",
    "linkedin": "9{0}451234",
    "youtube": "UCcomp{0}Xy7Qw2Er5Ty8Ui9Oa",
}


def _account(brand: Brand, platform: str, index: int) -> Account:
    account_id = OWN_IDS[platform] if brand.is_own else COMPETITOR_IDS[platform].format(index)
    handle = brand.handle if platform != "youtube" else f"@{brand.handle}"
    base = round(OWN_BASE_FOLLOWERS[platform] * brand.size)
    return Account(
        platform, account_id, handle, brand.english, brand, base, 120 + 37 * index
    )


def accounts() -> list[Account]:
    """Own brand on all five platforms; competitors where they are present."""
    out = [_account(OWN, p, 0) for p in PLATFORMS]
    absent = {("kucheh", "linkedin"), ("nik", "youtube"), ("nik", "x")}
    for i, brand in enumerate(COMPETITORS, start=1):
        out += [_account(brand, p, i) for p in PLATFORMS if (brand.key, p) not in absent]
    return out


def own_account(platform: str) -> Account:
    return _account(OWN, platform, 0)
