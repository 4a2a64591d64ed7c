"""Five In Focus features, one per format: video, photo essay, analysis, timeline, profiles."""

from datetime import date

FOLLOW_US = {
    "heading": "Follow the Coalition",
    "text": "News, features and statements from the Global Coalition against Daesh/ISIS.",
    "link": {"label": "Follow @Coalition on X", "url": "https://x.com/Coalition"},
}

FEATURES = [
    {
        "slug": "kirkuk-residents-on-security",
        "title": "How do the residents of Kirkuk feel about security in their governorate?",
        "format": "video",
        # A placeholder: the demo has no real video. Replace it with the feature's own link.
        "hero_video_url": "https://www.youtube.com/watch?v=demo-kirkuk-security",
        "date": date(2021, 6, 15),
        "summary": "Shopkeepers, students, drivers and parents in Kirkuk tell us how safe they "
        "feel in their governorate today, and what still worries them.",
        "hero_image": "kirkuk-security",
        "hero_caption": "Residents of Kirkuk talk about security in their governorate.",
        "body": [
            (
                "paragraph",
                "In this short film, residents of Kirkuk – shopkeepers, students, taxi drivers "
                "and parents – talk about how safe they feel in their governorate today, and "
                "about what still worries them.",
            ),
            (
                "paragraph",
                "Kirkuk is one of Iraq's most diverse governorates, home to Arabs, Kurds, Turkmen "
                "and Christians. Parts of it, including Hawija district, were held by Daesh/ISIS "
                "until 2017. Since then, security has improved markedly, and markets, schools and "
                "roads that were closed for years have reopened.",
            ),
            (
                "paragraph",
                "Residents describe that progress, but also the worries that remain: Daesh/ISIS "
                "remnants in remote areas, the explosive hazards the group left behind, and the "
                "need for work for young people.",
            ),
            ("heading", "Why it matters"),
            (
                "paragraph",
                "Security is more than the absence of attacks. When people trust the forces that "
                "protect them, and can move, work and study freely, Daesh/ISIS finds it far "
                "harder to recruit. Listening to residents is how the Coalition and its Iraqi "
                "partners know whether stabilisation is working.",
            ),
            ("call_to_action", FOLLOW_US),
        ],
        "hashtags": ["InFocus", "TogetherForIraq"],
        "lines_of_effort": ["stabilisation", "military-campaign"],
        "regions": ["iraq"],
    },
    {
        "slug": "this-generation-learns-mosul-nineveh",
        "title": "#ThisGenerationLearns: back to school in Mosul and Nineveh",
        "format": "photo_essay",
        "date": date(2021, 1, 21),
        "campaign": "/this-generation-learns/",
        "summary": "Ahead of International Education Day on 24 January, a look at the schools of "
        "Mosul and Nineveh that have reopened since the governorate was freed from Daesh/ISIS.",
        "hero_image": "mosul-schools",
        "hero_caption": "Schools across Mosul and Nineveh have reopened since liberation.",
        "body": [
            (
                "paragraph",
                "Ahead of International Education Day on 24 January, we look at the schools of "
                "Mosul and Nineveh that have reopened since the governorate was liberated from "
                "Daesh/ISIS.",
            ),
            (
                "paragraph",
                "Under Daesh/ISIS, schools were closed, turned into bases or used to teach the "
                "group's ideology. Many buildings were damaged in the fighting or left with "
                "explosive hazards, and a generation of children lost years of learning.",
            ),
            (
                "paragraph",
                "With funding from Coalition members, and the work of the Iraqi authorities and "
                "United Nations agencies, many of those schools have been cleared, repaired and "
                "reopened. The pictures below show some of them.",
            ),
            (
                "gallery",
                {
                    "title": "Back to school",
                    "images": [
                        {
                            "image": "mosul-classroom",
                            "caption": "Pupils are back in a repaired classroom in west Mosul.",
                        },
                        {
                            "image": "nineveh-school-yard",
                            "caption": "A school yard in Nineveh, cleared of explosive hazards "
                            "before the children returned.",
                        },
                        {
                            "image": "mosul-books",
                            "caption": "New textbooks replace the ones Daesh/ISIS used to spread "
                            "its ideology.",
                        },
                        {
                            "image": "nineveh-teachers",
                            "caption": "Teachers return to work in Nineveh.",
                            "credit": "Demo graphic · Coalition communications team",
                        },
                    ],
                },
            ),
            (
                "call_to_action",
                {
                    "heading": "Join #ThisGenerationLearns",
                    "text": "Share the stories of children and teachers going back to school.",
                    "link": {"label": "About the campaign", "page": "/this-generation-learns/"},
                },
            ),
        ],
        "hashtags": ["ThisGenerationLearns", "InFocus", "LifeafterDaesh"],
        "lines_of_effort": ["stabilisation"],
        "regions": ["iraq"],
    },
    {
        "slug": "three-weeks-on-who-is-in-charge-of-daesh",
        "title": "Three weeks on – who is in charge of Daesh?",
        "format": "analysis",
        "date": date(2019, 11, 17),
        "summary": "Daesh/ISIS named a successor within days of its leader's death, but said "
        "almost nothing about him. Why the network matters more than the name.",
        "hero_image": "daesh-leadership",
        "hero_caption": "Three weeks after the death of its leader, Daesh/ISIS remains a threat.",
        "body": [
            (
                "paragraph",
                "Three weeks after Abu Bakr al-Baghdadi was killed in a US operation in "
                "north-west Syria, Daesh/ISIS has named a successor. But the announcement raised "
                "more questions than it answered.",
            ),
            (
                "paragraph",
                "The group gave only a nom de guerre, Abu Ibrahim al-Hashimi al-Qurashi, and "
                "offered no biography and no proof of the new leader's credentials. Analysts "
                "have struggled to say with any confidence who he is.",
            ),
            ("heading", "The network matters more than the name"),
            (
                "paragraph",
                "Daesh/ISIS was never one man. Its survival depends on its money, its "
                "propaganda, its foreign fighters and its affiliates elsewhere: the areas where "
                "the Coalition's lines of effort apply pressure.",
            ),
            (
                "paragraph",
                "Losing its leader and its spokesman within days of each other is a blow to the "
                "group's command and to its propaganda. It does not end the threat. Remnants in "
                "Iraq and Syria continue to carry out attacks, and affiliates in Africa and Asia "
                "act with growing independence.",
            ),
            ("heading", "What to watch"),
            (
                "bullets",
                [
                    "whether, and how quickly, affiliates pledge allegiance to the new leader;",
                    "whether the group's propaganda output recovers;",
                    "attempts to free members held in detention facilities in north-east Syria.",
                ],
            ),
            (
                "paragraph",
                "The Coalition will keep working with its partners to deny Daesh/ISIS the money, "
                "fighters and platforms it needs to regroup.",
            ),
        ],
        "hashtags": ["DefeatDaesh", "InFocus"],
        "lines_of_effort": [
            "military-campaign",
            "countering-financing",
            "countering-propaganda",
        ],
        "regions": ["iraq", "syria", "global"],
    },
    {
        "slug": "military-mission-timeline",
        "title": "The military mission: a timeline from 2014",
        "format": "timeline",
        "date": date(2024, 9, 10),
        "summary": "From the first air strikes in 2014 to the end of the combat mission in Iraq "
        "in 2021: the milestones of the military campaign against Daesh/ISIS.",
        "hero_image": "military-timeline",
        "hero_caption": "The military campaign against Daesh/ISIS since 2014.",
        "body": [
            (
                "paragraph",
                "In the summer of 2014, Daesh/ISIS swept across northern and western Iraq and "
                "eastern Syria. This timeline follows the military campaign that, alongside Iraqi "
                "and Syrian partner forces, took that territory back.",
            ),
            (
                "timeline_entry",
                {
                    "date": date(2014, 8, 8),
                    "title": "First air strikes against Daesh/ISIS in Iraq",
                    "text": "Strikes begin to protect civilians and to halt the group's advance.",
                },
            ),
            (
                "timeline_entry",
                {
                    "date": date(2014, 9, 1),
                    "date_precision": "month",
                    "title": "The Global Coalition is formed",
                    "text": "States commit to defeat Daesh/ISIS on every front, not only the "
                    "military one.",
                },
            ),
            (
                "timeline_entry",
                {
                    "date": date(2014, 10, 1),
                    "date_precision": "month",
                    "title": "The campaign is named Operation Inherent Resolve",
                },
            ),
            (
                "timeline_entry",
                {
                    "date": date(2016, 10, 17),
                    "title": "The battle for Mosul begins",
                    "text": "Iraqi forces, supported by the Coalition, move on the largest city "
                    "held by Daesh/ISIS.",
                },
            ),
            (
                "timeline_entry",
                {"date": date(2017, 7, 10), "title": "Mosul is liberated"},
            ),
            (
                "timeline_entry",
                {
                    "date": date(2017, 10, 1),
                    "date_precision": "month",
                    "title": "Raqqa is liberated",
                    "text": "The Syrian Democratic Forces free the city Daesh/ISIS called its "
                    "capital.",
                },
            ),
            (
                "timeline_entry",
                {"date": date(2017, 12, 9), "title": "Iraq declares victory over Daesh/ISIS"},
            ),
            (
                "timeline_entry",
                {
                    "date": date(2019, 3, 23),
                    "title": "Baghouz: the end of Daesh's territorial control",
                    "text": "The last town held by the group, in eastern Syria, is liberated.",
                },
            ),
            (
                "timeline_entry",
                {
                    "date": date(2021, 12, 9),
                    "title": "The combat mission in Iraq ends",
                    "text": "Coalition forces move to advising, assisting and enabling Iraqi "
                    "forces.",
                },
            ),
            ("call_to_action", FOLLOW_US),
        ],
        "hashtags": ["DefeatDaesh", "InFocus"],
        "lines_of_effort": ["military-campaign"],
        "regions": ["iraq", "syria"],
        "related": ["/statements/first-anniversary-territorial-defeat/"],
    },
    {
        "slug": "inspiring-women-life-after-daesh",
        "title": "#InspiringWomen: rebuilding life after Daesh",
        "format": "profile",
        "date": date(2022, 3, 8),
        "summary": "For International Women's Day, three women in Iraq who are rebuilding their "
        "communities after Daesh/ISIS: a teacher, an entrepreneur and a local leader.",
        "hero_image": "inspiring-women",
        "hero_caption": "Women across Iraq are rebuilding their communities after Daesh/ISIS.",
        "body": [
            (
                "paragraph",
                "Across Iraq, women who lived through the rule of Daesh/ISIS are rebuilding "
                "their communities as teachers, doctors, entrepreneurs and local leaders. For "
                "International Women's Day, we share three of their stories.",
            ),
            ("heading", "The teacher"),
            (
                "paragraph",
                "When the schools of west Mosul reopened, Noor was among the first teachers back. "
                "Her classroom had no windows and no desks; she taught from the floor until the "
                "repairs were finished.",
            ),
            (
                "pull_quote",
                {
                    "quote": "The children had lost three years. We could not lose another day.",
                    "attribution": "Noor",
                    "role": "Primary school teacher, west Mosul",
                },
            ),
            ("heading", "The entrepreneur"),
            (
                "paragraph",
                "Huda's sewing workshop in Nineveh started with a single machine and a small "
                "grant. It now trains other women who have come home to the area.",
            ),
            (
                "pull_quote",
                {
                    "quote": "Work gives women a voice, in the family and in the town.",
                    "attribution": "Huda",
                    "role": "Owner of a sewing workshop, Nineveh",
                },
            ),
            ("heading", "The local leader"),
            (
                "paragraph",
                "In Hawija district, residents elected the first woman mukhtar in Kirkuk "
                "governorate. She now speaks for her town in its dealings with the authorities.",
            ),
            (
                "paragraph",
                "Names have been changed to protect the women who shared their stories.",
            ),
            ("call_to_action", FOLLOW_US),
        ],
        "hashtags": ["InspiringWomen", "LifeafterDaesh", "InFocus"],
        "lines_of_effort": ["stabilisation", "countering-propaganda"],
        "regions": ["iraq"],
        "related": ["/news/first-woman-mukhtar-kirkuk/"],
    },
]
