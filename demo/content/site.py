"""Site-wide content: settings per language, the announcement banner and the social wall."""

from datetime import UTC, datetime

SITE_TEXTS = {
    "en": {
        "cookie_notice": "We use cookies that are strictly necessary to run this site and, with "
        "your consent, analytics cookies to understand how it is used. You can change your "
        "choice at any time.",
        "footer_text": "The Global Coalition against Daesh/ISIS brings together states and "
        "organisations committed to the enduring defeat of Daesh/ISIS.",
        "copyright": "© Global Coalition against Daesh/ISIS",
    },
    "ar": {
        "cookie_notice": "نستخدم ملفات تعريف الارتباط الضرورية لتشغيل هذا الموقع، وبموافقتك، "
        "ملفات تحليلية لفهم كيفية استخدامه. يمكنك تغيير اختيارك في أي وقت.",
        "footer_text": "يضمّ التحالف الدولي ضد داعش دولاً ومنظمات ملتزمة بهزيمة التنظيم هزيمة دائمة.",
        "copyright": "© التحالف الدولي ضد داعش",
    },
    "fr": {
        "cookie_notice": "Nous utilisons des cookies strictement nécessaires au fonctionnement "
        "de ce site et, avec votre accord, des cookies de mesure d'audience pour comprendre son "
        "utilisation. Vous pouvez modifier votre choix à tout moment.",
        "footer_text": "La Coalition mondiale contre Daech/EI rassemble des États et des "
        "organisations engagés pour la défaite durable de Daech/EI.",
        "copyright": "© Coalition mondiale contre Daech/EI",
    },
}

# The page each language's cookie notice links to, as a path below the English home page.
COOKIE_POLICY_PAGE = "/privacy/"

SOCIAL_LINKS = [
    {"platform": "x", "url": "https://x.com/Coalition", "label": "@Coalition on X"},
    {"platform": "x", "url": "https://x.com/CoalitionAR", "label": "@CoalitionAR on X (Arabic)"},
]

ANNOUNCEMENT = {
    "text": "Launched in Brussels: the Africa Focus Group will coordinate the Coalition's "
    "civilian support to partners in Africa.",
    "style": "banner",
    "link_label": "Read more",
    "link_page": "/news/africa-focus-group-launched-brussels/",
    "active_from": datetime(2021, 12, 2, 9, 0, tzinfo=UTC),
    "translations": {
        "ar": {
            "text": "من بروكسل: إطلاق مجموعة التركيز على أفريقيا لتنسيق الدعم المدني الذي "
            "يقدّمه التحالف للشركاء في أفريقيا.",
            "link_label": "اقرأ المزيد",
        },
        "fr": {
            "text": "Lancé à Bruxelles, le Groupe Afrique coordonnera le soutien civil de la "
            "Coalition aux partenaires africains.",
            "link_label": "En savoir plus",
        },
    },
}

SOCIAL_ACCOUNTS = {
    "Coalition": {
        "display_name": "Global Coalition (English)",
        "profile_url": "https://x.com/Coalition",
        "locale": "en",
        "is_own": True,
    },
    "CoalitionAR": {
        "display_name": "Global Coalition (Arabic)",
        "profile_url": "https://x.com/CoalitionAR",
        "locale": "ar",
        "is_own": True,
    },
    "UNDPIraq": {"display_name": "UNDP Iraq", "profile_url": "https://x.com/UNDPIraq"},
    "UNESCO": {"display_name": "UNESCO", "profile_url": "https://x.com/UNESCO"},
    "FCDOGovUK": {
        "display_name": "Foreign, Commonwealth & Development Office",
        "profile_url": "https://x.com/FCDOGovUK",
    },
}

# Every post is on X; the permalinks are placeholders that point at no real post.
SOCIAL_POSTS = [
    {
        "account": "Coalition",
        "text": "Welcome, Togo! Togo has joined the Global Coalition as its 86th member. Together "
        "we will keep working for the enduring defeat of Daesh/ISIS. #DefeatDaesh",
        "hashtags": ["DefeatDaesh"],
        "posted_at": datetime(2023, 6, 8, 14, 0, tzinfo=UTC),
        "permalink": "https://x.com/Coalition/status/demo-togo-86th-member",
        "status": "approved",
        "pinned": True,
        "locale": "en",
    },
    {
        "account": "CoalitionAR",
        "text": "نرحّب بانضمام توغو إلى التحالف الدولي ضد داعش بصفتها العضو السادس والثمانين. "
        "معاً نواصل العمل من أجل هزيمة داعش هزيمة دائمة. #DefeatDaesh",
        "hashtags": ["DefeatDaesh"],
        "posted_at": datetime(2023, 6, 8, 14, 30, tzinfo=UTC),
        "permalink": "https://x.com/CoalitionAR/status/demo-togo-86th-member",
        "status": "approved",
        "locale": "ar",
    },
    {
        "account": "UNDPIraq",
        "text": "Classrooms rebuilt, desks full again. In Mosul, children are back at school "
        "after years of disruption. #ThisGenerationLearns #TogetherForIraq",
        "hashtags": ["ThisGenerationLearns", "TogetherForIraq"],
        "image": "mosul-classroom",
        "posted_at": datetime(2021, 1, 20, 10, 0, tzinfo=UTC),
        "permalink": "https://x.com/UNDPIraq/status/demo-mosul-classrooms",
        "status": "approved",
        "locale": "en",
    },
    {
        "account": "Coalition",
        "text": "Today #16Days of activism against gender-based violence begins. We stand with "
        "the women and girls who survived Daesh/ISIS, and with everyone working to bring the "
        "perpetrators to justice. #DaeshFacesJustice",
        "hashtags": ["16Days", "DaeshFacesJustice"],
        "posted_at": datetime(2022, 11, 25, 9, 0, tzinfo=UTC),
        "permalink": "https://x.com/Coalition/status/demo-16-days-2022",
        "status": "approved",
        "locale": "en",
    },
    {
        "account": "UNESCO",
        "text": "In Mosul, local craftspeople are bringing Al-Nouri Mosque and its Al-Hadba "
        "minaret, and the Al-Tahera and Al-Saa'a churches, back to life. #InFocus",
        "hashtags": ["InFocus"],
        "posted_at": datetime(2023, 2, 14, 11, 0, tzinfo=UTC),
        "permalink": "https://x.com/UNESCO/status/demo-mosul-heritage",
        "status": "pending",
        "locale": "en",
    },
    {
        "account": "FCDOGovUK",
        "text": "The UK co-leads the Coalition's communications working group, countering "
        "Daesh/ISIS propaganda online and offline. #DefeatDaesh",
        "hashtags": ["DefeatDaesh"],
        "posted_at": datetime(2022, 5, 11, 16, 0, tzinfo=UTC),
        "permalink": "https://x.com/FCDOGovUK/status/demo-communications-working-group",
        "status": "hidden",
        "locale": "en",
    },
]
