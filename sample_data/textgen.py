"""Persian and English text: posts, comments, mentions, Persian digits and Arabic yeh/kaf."""

from __future__ import annotations

import random

PERSIAN_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
ARABIC_VARIANTS = str.maketrans({"ی": "ي", "ک": "ك"})

POSTS_FA = (
    "دان قهوه تازه رست این هفته رسید؛ اتیوپی یرگاچفه با نت‌های گل و لیمو ☕",
    "راهنمای دم‌آوری با موکاپات در خانه، قدم به قدم",
    "تخفیف ویژه آخر هفته روی بسته‌های ۲۵۰ گرمی کافه نوا",
    "پشت صحنه رستری: امروز کلمبیا رست مدیوم زدیم",
    "کدام قهوه برای اسپرسو بهتر است؟ نظرتان را بنویسید",
    "ارسال رایگان سفارش‌های بالای یک میلیون تومان در تهران",
    "معرفی بلند جدید پاییزی کافه نوا",
    "چرا آسیاب تازه طعم قهوه را عوض می‌کند؟",
)
POSTS_EN = (
    "Fresh roast day: Ethiopia Yirgacheffe, floral and bright.",
    "How we cup every batch before it ships.",
    "Weekend offer on all 250 g bags.",
    "Meet the team behind Nava Coffee's roastery in Tehran.",
    "V60 brew guide: 15 g coffee, 250 g water, 3 minutes.",
    "Our new autumn blend is here.",
)
COMMENTS_FA = (
    "خیلی خوشمزه بود، ممنون",
    "ارسال به شیراز هم دارید؟",
    "قیمت بسته یک کیلویی چنده؟",
    "سفارشم دیر رسید ولی کیفیت عالی بود",
    "این قهوه برای فرانسه مناسبه؟",
    "بسته‌بندی خراب رسید 😕",
    "بهترین قهوه‌ای که تو تهران خوردم",
    "کی موجود میشه؟",
)
COMMENTS_EN = (
    "Looks amazing!",
    "Do you ship abroad?",
    "Best espresso beans I've tried.",
    "My order arrived late.",
    "What grind size for moka pot?",
)
REPLIES_FA = ("ممنون از لطف شما 🙏", "بله، به همه شهرها ارسال داریم", "در دایرکت پاسخ دادیم")
MENTIONS_FA = (
    "امروز از {b} قهوه گرفتم، عالی بود",
    "کسی {b} رو امتحان کرده؟",
    "تجربه بد از ارسال {b}",
    "{b} بلند جدیدش خیلی خوبه",
    "مقایسه {b} با بقیه رسترهای تهران",
)
MENTIONS_EN = (
    "Tried {b} today, really good beans.",
    "Anyone ordered from {b}? Delivery was slow for me.",
    "{b} new blend review",
)


def persian_digits(text: str) -> str:
    """Write ASCII digits as Persian digits (۰-۹)."""
    return text.translate(PERSIAN_DIGITS)


def arabic_variants(text: str) -> str:
    """Replace Persian yeh/kaf (ی ک) with the Arabic code points (ي ك) keyboards often emit."""
    return text.translate(ARABIC_VARIANTS)


def normalise(text: str) -> str:
    return text.replace("ي", "ی").replace("ك", "ک")


def post_text(rng: random.Random, english_share: float = 0.25) -> tuple[str, str]:
    """(text, language) of a post caption."""
    if rng.random() < english_share:
        return rng.choice(POSTS_EN), "en"
    text = rng.choice(POSTS_FA)
    if rng.random() < 0.1:
        text = arabic_variants(text)
    return text, "fa"


def comment_text(rng: random.Random) -> str:
    if rng.random() < 0.2:
        return rng.choice(COMMENTS_EN)
    text = rng.choice(COMMENTS_FA)
    return arabic_variants(text) if rng.random() < 0.15 else text


def mention_text(rng: random.Random, brand_name: str) -> tuple[str, str]:
    if rng.random() < 0.3:
        return rng.choice(MENTIONS_EN).format(b=brand_name), "en"
    return rng.choice(MENTIONS_FA).format(b=brand_name), "fa"
