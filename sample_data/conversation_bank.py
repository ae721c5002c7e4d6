"""The phrase bank conversation texts are composed from, each clause with its true sentiment
and theme.

A text is an opening + one clause + a closing (mentions: a brand frame instead of the opening),
so one clause carries the whole meaning: its sentiment is the text's and its theme the text's.
Theme keywords stay inside their theme's clauses (no price word in a delivery clause, no
``ارسال``/``رسید``/``delivery`` outside delivery clauses, no ``بسته`` outside packaging), so a
keyword taxonomy can recover the theme. Negative delivery clauses always carry a delay word
(``نرسید``, ``دیر``, ``هنوز``, ``منتظر``, ``افتضاح``, ``اصلا راضی نیستم``, English ``late``,
``never``, ``still``, ``wait``, ``terrible``); positive and neutral delivery clauses never do.

Placeholders: ``{days}`` a delay in days, ``{price}`` a price in thousand toman, ``{grams}`` a
bag size, ``{city}`` a city, ``{friend}`` an @handle; digits may be written in Persian.
"""

from __future__ import annotations

POSITIVE, NEGATIVE, NEUTRAL = "positive", "negative", "neutral"
LABELS = (POSITIVE, NEGATIVE, NEUTRAL)
THEMES = ("delivery", "price", "quality", "packaging", "support", "availability",
          "content_request")
NO_THEME = "none"

Bank = dict[tuple[str, str], tuple[str, ...]]

CLAUSES_FA: Bank = {
    ("delivery", POSITIVE): (
        "سفارشم خیلی سریع رسید به دستم", "ارسالشون زودتر از انتظارم بود",
        "پیک دقیقا سر ساعت تحویل داد", "هیچ مشکلی با ارسال نداشتم",
        "تحویل به {city} هم سریع بود", "ارسالشون همیشه به موقعه",
        "فرداش رسید به دستم، دمتون گرم", "ارسال به {city} فقط دو روز طول کشید",
    ),
    ("delivery", NEGATIVE): (
        "سفارشم بعد از {days} روز هنوز نرسیده", "ارسال خیلی دیر بود",
        "دیر رسید و پیک هم بداخلاق بود", "{days} روزه منتظر ارسال سفارشم هستم، دستتون درد نکنه",
        "ارسالتون افتضاحه", "تحویلش {days} روز طول کشید، اصلا راضی نیستم",
        "کد رهگیری دادید ولی هنوز نرسیده", "سفارشم رو اشتباهی تحویل دادن و هنوز خبری نیست",
        "ارسال به {city} {days} روز؟ خیلی دیره", "این بار هم سفارشم دیر رسید",
        "پیک سه بار اومد و رفت، هنوز تحویل نگرفتم",
    ),
    ("delivery", NEUTRAL): (
        "ارسال به {city} هم دارید؟", "سفارش امروز کی تحویل میشه؟",
        "ارسالتون با پیکه یا پست؟", "ارسال تا {city} چند روز طول می‌کشه؟",
        "ارسال بین‌المللی هم دارید؟", "سفارش رو میشه حضوری تحویل گرفت؟",
    ),
    ("price", POSITIVE): (
        "با این قیمت واقعا می‌ارزه", "قیمتاشون منصفانه‌ست", "گرون نیست، از بقیه ارزون‌تره",
        "{price} هزار تومن برای {grams} گرم؟ ارزونه", "تخفیف آخر هفته‌تون عالی بود",
        "قیمتش خیلی مناسبه",
    ),
    ("price", NEGATIVE): (
        "خیلی گرونه", "{price} هزار تومن واسه {grams} گرم؟ واقعا گرونه",
        "قیمتا هر هفته داره میره بالا", "دیگه با این قیمت نمی‌صرفه",
        "قیمت‌ها اصلا منصفانه نیست", "گرون‌فروشی تا کی؟",
        "{grams} گرمی شده {price} هزار تومن، خیلی گرون شده", "قیمتش دو برابر شده",
    ),
    ("price", NEUTRAL): (
        "قیمت {grams} گرمی چنده؟", "تخفیف دانشجویی دارید؟", "قیمت جدید چنده؟",
        "برای خرید عمده تخفیف دارید؟", "قیمت اسپرسو بلند چنده؟",
    ),
    ("quality", POSITIVE): (
        "طعمش محشره", "کیفیت دانه‌ها عالیه", "قهوه‌ش خیلی تازه‌ست، عطرش کل خونه رو برداشت",
        "طعمش بد نبود", "بهترین طعمی که تو تهران چشیدم", "کیفیتش خیلیییی خوبه",
        "عطر و طعمش عالی بود", "تازه و خوش‌طعم بود",
    ),
    ("quality", NEGATIVE): (
        "طعمش سوخته بود", "کیفیتش دیگه مثل قبل نیست", "قهوه کهنه بود، اصلا تازه نبود",
        "طعمش افتضاح بود", "این دفعه کیفیت خیلی افت کرده", "عطر نداشت، طعمش فقط تلخ بود",
        "کیفیتش اصلا خوب نبود",
    ),
    ("quality", NEUTRAL): (
        "طعمش بیشتر تلخه یا ترش؟", "کیفیت این با بلند قبلی فرق داره؟",
        "تاریخ رستش چقدر تازه‌ست؟", "طعم این دان به درد اسپرسو می‌خوره؟",
    ),
    ("packaging", POSITIVE): (
        "بسته‌بندیش خیلی شیکه", "بسته‌بندی عالی و زیپ‌دار بود", "پاکت‌های بسته‌بندیتون خیلی خوشگله",
        "بسته‌بندی تمیز و محکم بود",
    ),
    ("packaging", NEGATIVE): (
        "بسته‌بندی پاره بود", "بسته‌بندیش زیپ نداشت 😕", "بسته‌بندی خیلی ضعیفه",
        "کیسه بسته‌بندی سوراخ بود، نصفش ریخته بود", "بسته‌بندی داغون بود",
    ),
    ("packaging", NEUTRAL): (
        "بسته‌بندی کادویی هم دارید؟", "بسته‌بندی‌هاتون قابل بازیافته؟", "بسته‌بندی یک کیلویی هم دارید؟",
    ),
    ("support", POSITIVE): (
        "پشتیبانی خیلی سریع جواب داد", "پشتیبانیشون عالیه، مشکلم حل شد",
        "تو دایرکت خیلی محترمانه پاسخ دادن", "پشتیبانی واقعا پیگیر بود",
    ),
    ("support", NEGATIVE): (
        "به پشتیبانی پیام دادم، هیچ جوابی ندادن", "سه بار تماس گرفتم کسی جواب نداد",
        "پشتیبانی اصلا پاسخگو نیست", "دایرکت رو چرا جواب نمیدید؟",
        "پشتیبانی فقط قول میده",
    ),
    ("support", NEUTRAL): (
        "ساعت کاری پشتیبانی تا کیه؟", "با پشتیبانی از کجا تماس بگیرم؟",
        "تو دایرکت پیام دادم، لطفا چک کنید",
    ),
    ("availability", POSITIVE): (
        "خوشحالم که دوباره موجود شد 😍", "بالاخره اتیوپی موجود شد", "همه چی موجوده، عالیه",
    ),
    ("availability", NEGATIVE): (
        "همیشه ناموجوده", "هر بار میام تموم شده 😞", "دو ماهه ناموجوده، خسته شدیم",
        "باز هم ناموجود؟",
    ),
    ("availability", NEUTRAL): (
        "کی موجود میشه؟", "کلمبیا دوباره موجود میشه؟", "اسپرسو بلند موجوده؟",
        "دان کنیا کی موجود میشه؟",
    ),
    ("content_request", POSITIVE): (
        "ویدیوهای آموزشیتون عالیه، بازم بذارید", "آموزش موکاپات خیلی کمک کرد",
        "لایو دیشب خیلی مفید بود",
    ),
    ("content_request", NEGATIVE): (
        "چرا دیگه ویدیو آموزشی نمیذارید؟ 😒", "یه آموزش درست و حسابی نمی‌ذارید",
    ),
    ("content_request", NEUTRAL): (
        "لطفا آموزش لاته‌آرت هم بذارید", "یه ویدیو از دم‌آوری با فرنچ‌پرس بذارید",
        "لایو بذارید درباره انتخاب دان", "آموزش آسیاب کردن هم می‌ذارید؟",
        "یه ویدیو مقایسه اسپرسو و موکاپات بذارید",
    ),
    (NO_THEME, POSITIVE): (
        "خیلی خوبه", "عالی بود 👌", "دمتون گرم", "عاشقتونم ❤️", "بهترینید", "واقعا راضیم",
        "بد نبود", "عاااالی", "همیشه ازتون راضی بودم", "خیلی دوستش دارم",
    ),
    (NO_THEME, NEGATIVE): (
        "افتضاح بود", "اصلا راضی نیستم", "دیگه ازتون خرید نمی‌کنم", "خیلی بد بود",
        "ناامید شدم", "اصلا خوب نبود", "واقعا حیف شد",
    ),
    (NO_THEME, NEUTRAL): (
        "کسی امتحان کرده؟", "نظرتون چیه؟", "اینو تو اکسپلور دیدم", "شعبه حضوری هم دارید؟",
        "{friend} ببین", "کجا میشه پیداتون کرد؟", "من تا حالا امتحان نکردم",
    ),
}

CLAUSES_EN: Bank = {
    ("delivery", POSITIVE): (
        "my order arrived in two days, super quick", "delivery was fast",
        "the courier was right on time", "no problems with shipping at all",
        "shipping to {city} was quick too",
    ),
    ("delivery", NEGATIVE): (
        "my order still hasn't arrived after {days} days", "delivery was so late",
        "waited {days} days for shipping, terrible", "the order never arrived",
        "late delivery again",
    ),
    ("delivery", NEUTRAL): (
        "do you deliver to {city}?", "how long does delivery take?", "is shipping tracked?",
    ),
    ("price", POSITIVE): (
        "great value for the price", "not expensive at all", "the weekend discount was great",
    ),
    ("price", NEGATIVE): (
        "way too expensive", "{price}k toman for {grams}g? too pricey",
        "prices keep going up",
    ),
    ("price", NEUTRAL): ("what's the price for 1 kg?", "any student discount?"),
    ("quality", POSITIVE): (
        "the taste is amazing", "really fresh beans", "best quality coffee in Tehran",
        "not bad at all, the taste is nice",
    ),
    ("quality", NEGATIVE): (
        "tasted burnt", "the quality has dropped", "the beans were stale",
    ),
    ("quality", NEUTRAL): ("is the taste more fruity or chocolatey?",),
    ("packaging", POSITIVE): ("love the packaging", "the packaging is beautiful"),
    ("packaging", NEGATIVE): ("the box came crushed", "the packaging was flimsy"),
    ("packaging", NEUTRAL): ("do you have gift packaging?",),
    ("support", POSITIVE): ("support replied in minutes", "customer service was super helpful"),
    ("support", NEGATIVE): ("support never replies", "no response from customer service"),
    ("support", NEUTRAL): ("how can I reach support?",),
    ("availability", POSITIVE): ("so glad it's back in stock",),
    ("availability", NEGATIVE): ("always out of stock", "sold out again?! 😞"),
    ("availability", NEUTRAL): (
        "when will the Colombia be in stock?", "is the espresso blend available?",
    ),
    ("content_request", POSITIVE): ("your brew guide videos are great, more please",),
    ("content_request", NEGATIVE): ("why no more tutorial videos?",),
    ("content_request", NEUTRAL): (
        "please post a latte art tutorial", "could you do a video on French press?",
    ),
    (NO_THEME, POSITIVE): ("love it!", "amazing 😍", "you guys are the best", "not bad at all"),
    (NO_THEME, NEGATIVE): ("very disappointed", "never buying again", "awful experience"),
    (NO_THEME, NEUTRAL): ("anyone tried this?", "where are you located?", "{friend} look"),
}

OPENINGS_FA = {
    POSITIVE: ("", "", "سلام، ", "واقعا ", "بچه‌ها ", "راستش "),
    NEGATIVE: ("", "", "سلام، ", "متاسفانه ", "راستش ", "ببخشید ولی "),
    NEUTRAL: ("", "", "سلام، ", "سلام وقت بخیر، ", "ببخشید ", "بچه‌ها "),
}
CLOSINGS_FA = {
    POSITIVE: ("", "", " 😍", " ❤️", " 👌", " مرسی 🙏", "!!", " 👏👏"),
    NEGATIVE: ("", "", " 😡", " 👎", " 😞", " دیگه نمی‌خرم", " واقعا حیف", "!!!", " 🙄"),
    NEUTRAL: ("", "", " 🤔", " مرسی", " ممنون میشم بگید", " ☕"),
}
OPENINGS_EN = {POSITIVE: ("", "Wow, ", "Honestly, "), NEGATIVE: ("", "Ugh, ", "Sadly, "),
               NEUTRAL: ("", "Hi! ", "Quick question: ")}
CLOSINGS_EN = {POSITIVE: ("", "!", " 😍", " ❤️"), NEGATIVE: ("", "!!", " 👎", " 😡"),
               NEUTRAL: ("", " 🤔", " thanks")}

# Listening mentions: a frame carrying the brand name ({b}) and, for hashtags, {tag}.
FRAMES_FA = ("{b}: ", "تجربه‌م از {b}: ", "{b} رو امتحان کردم؛ ", "درباره {b} ", "#{tag} ",
             "دوستان، {b} ", "از {b} گرفتم، ")
FRAMES_EN = ("{b}: ", "Tried {b} - ", "About {b}: ", "#{tag} ", "{b} fans: ")

# Texts of emoji only (no theme), by sentiment.
EMOJI_ONLY = {POSITIVE: ("😍😍😍", "❤️❤️", "👏👏", "🔥🔥", "👌"), NEGATIVE: ("👎", "😡😡", "🤢"),
              NEUTRAL: ("🤔", "☕", "👀")}

# The brand's replies to comments on its own posts, no theme: thanks (positive) and
# follow-ups without thanks (neutral).
REPLIES_FA = {
    POSITIVE: ("ممنون از لطف شما 🙏", "خوشحالیم که دوست داشتید 🌱", "نوش جان ☕",
               "سپاس از همراهیتون ❤️", "حتما، ممنون از پیشنهادتون"),
    NEUTRAL: ("جزئیات رو خصوصی براتون فرستادیم", "حتما بررسی می‌کنیم",
              "لینکش توی بیو هست"),
}
REPLIES_EN = {POSITIVE: ("Thank you so much! 🙏", "Glad you enjoyed it ☕"),
              NEUTRAL: ("We have sent you the details privately.",)}

# CSAT comments without theme and sentiment (the generic neutral clauses are social talk).
CSAT_NEUTRAL_FA = ("معمولی بود", "نظر خاصی ندارم", "مثل همیشه", "فعلا نظری ندارم")
CSAT_NEUTRAL_EN = ("It was ok.", "Nothing special.", "As usual.")

CITIES_FA = ("شیراز", "اصفهان", "تبریز", "مشهد", "رشت", "کرج", "کرمان", "یزد")
CITIES_EN = ("Shiraz", "Isfahan", "Tabriz", "Mashhad", "Rasht", "Karaj")
FRIENDS = ("@sara_92", "@m.rezaei", "@ali.coffee", "@negin_h", "@parsa77", "@mahsa.art")
