"""The site's frame: home page, section indexes, the mission and legal pages, the campaign."""

from datetime import date

HOME = {
    "intro_heading": "What is the Coalition?",
    "intro": "The Global Coalition against Daesh/ISIS was formed in September 2014. Beyond the "
    "military campaign in Iraq and Syria, its members work together to cut off Daesh's "
    "financing, stop the flow of foreign terrorist fighters, stabilise liberated areas and "
    "counter the group's propaganda.",
    "summary": "States and organisations working together for the enduring defeat of "
    "Daesh/ISIS, in Iraq and Syria and beyond.",
    "featured_campaign": "/this-generation-learns/",
    "translations": {
        "ar": {
            "title": "التحالف الدولي ضد داعش",
            "intro_heading": "ما هو التحالف؟",
            "intro": "تأسّس التحالف الدولي ضد داعش في أيلول/سبتمبر 2014. وإلى جانب الحملة "
            "العسكرية في العراق وسوريا، يعمل أعضاؤه معاً لقطع مصادر تمويل داعش، ووقف تدفّق "
            "المقاتلين الإرهابيين الأجانب، وتحقيق الاستقرار في المناطق المحرّرة، ومواجهة دعاية "
            "التنظيم.",
            "summary": "دول ومنظمات تعمل معاً لهزيمة داعش هزيمة دائمة، في العراق وسوريا وخارجهما.",
        },
        "fr": {
            "title": "Coalition mondiale contre Daech/EI",
            "intro_heading": "Qu'est-ce que la Coalition ?",
            "intro": "La Coalition mondiale contre Daech/EI a été créée en septembre 2014. Au-delà "
            "de la campagne militaire en Irak et en Syrie, ses membres agissent ensemble pour "
            "tarir le financement de Daech, enrayer le flux de combattants terroristes étrangers, "
            "stabiliser les zones libérées et contrer la propagande du groupe.",
            "summary": "Des États et des organisations unis pour la défaite durable de Daech/EI, "
            "en Irak, en Syrie et au-delà.",
        },
    },
}

# Section indexes, keyed by the page model that lists their children.
INDEXES = {
    "StatementIndexPage": {
        "slug": "statements",
        "show_in_menus": True,
        "title": "Statements",
        "summary": "Joint statements, communiqués and readouts issued by members of the Coalition.",
        "translations": {
            "ar": {
                "title": "البيانات",
                "slug": "البيانات",
                "summary": "البيانات المشتركة والبلاغات والملخّصات الصادرة عن أعضاء التحالف.",
            },
            "fr": {
                "title": "Déclarations",
                "slug": "declarations",
                "summary": "Déclarations conjointes, communiqués et comptes rendus publiés par "
                "les membres de la Coalition.",
            },
        },
    },
    "NewsIndexPage": {
        "slug": "news",
        "show_in_menus": True,
        "title": "News",
        "summary": "Meeting reports, stories and facts from across the Coalition.",
        "translations": {
            "ar": {
                "title": "الأخبار",
                "slug": "الأخبار",
                "summary": "تقارير الاجتماعات والقصص والحقائق من أنحاء التحالف.",
            },
            "fr": {
                "title": "Actualités",
                "slug": "actualites",
                "summary": "Comptes rendus de réunions, récits et faits de toute la Coalition.",
            },
        },
    },
    "InFocusIndexPage": {
        "slug": "in-focus",
        "show_in_menus": True,
        "title": "In Focus",
        "summary": "Films, photo essays, analysis and profiles about life after Daesh/ISIS.",
        "translations": {
            "ar": {
                "title": "في دائرة الضوء",
                "slug": "في-دائرة-الضوء",
                "summary": "أفلام ومقالات مصوّرة وتحليلات وقصص عن الحياة بعد داعش.",
            },
            "fr": {
                "title": "Éclairages",
                "slug": "eclairages",
                "summary": "Films, reportages photo, analyses et portraits sur la vie après "
                "Daech/EI.",
            },
        },
    },
}

# Standard pages: the mission with a child page per line of effort (its slug is the line's
# slug, so the URL reads /en/mission/<line-of-effort>/), then about and privacy.
MISSION = {
    "slug": "mission",
    "show_in_menus": True,
    "title": "Our mission",
    "summary": "The Coalition works on five lines of effort to achieve the enduring defeat of "
    "Daesh/ISIS.",
    "body": [
        (
            "paragraph",
            "Daesh/ISIS cannot be defeated on the battlefield alone. Since 2014, members of the "
            "Global Coalition have combined military support to partner forces with civilian "
            "work that denies the group money, recruits and a message, and that helps the "
            "communities it terrorised to recover.",
        ),
        ("heading", "Five lines of effort"),
        (
            "paragraph",
            "The Coalition organises its work along five lines of effort, each led by a group of "
            "members who coordinate what others contribute. Read about each of them below.",
        ),
    ],
    "children": [
        {
            "slug": "military-campaign",
            "title": "The military campaign",
            "summary": "Supporting partner forces in Iraq and Syria to defeat Daesh/ISIS on the "
            "battlefield.",
            "body": [
                (
                    "paragraph",
                    "From 2014, Coalition members supported Iraqi and Syrian partner forces with "
                    "air power, training, equipment and advice. Together they took back the "
                    "territory Daesh/ISIS had seized, ending its territorial control in March "
                    "2019.",
                ),
                (
                    "paragraph",
                    "Since the end of the combat mission in Iraq in December 2021, Coalition "
                    "forces advise, assist and enable Iraqi forces, who lead the fight against "
                    "the group's remaining networks.",
                ),
            ],
        },
        {
            "slug": "countering-financing",
            "title": "Countering Daesh's financing",
            "summary": "Cutting Daesh/ISIS off from the money it raises, moves and spends.",
            "body": [
                (
                    "paragraph",
                    "At its height, Daesh/ISIS raised money from oil, extortion and looting. "
                    "Today it relies on smaller, harder-to-trace flows: cash couriers, money "
                    "transfer businesses and online fundraising.",
                ),
                (
                    "paragraph",
                    "The Counter ISIS Finance Group, co-led by Italy, Saudi Arabia and the United "
                    "States, brings together finance ministries, central banks and investigators "
                    "to share information and act against those who fund the group.",
                ),
            ],
        },
        {
            "slug": "foreign-terrorist-fighters",
            "title": "Foreign terrorist fighters",
            "summary": "Stopping terrorist travel and dealing with fighters and their families "
            "after the fighting.",
            "body": [
                (
                    "paragraph",
                    "Tens of thousands of people travelled from abroad to join Daesh/ISIS. The "
                    "Coalition's working group on foreign terrorist fighters, co-led by the "
                    "Netherlands, Türkiye and Kuwait, helps members stop terrorist travel and "
                    "share information at their borders.",
                ),
                (
                    "paragraph",
                    "Its work now turns to what happens after the fighting: prosecuting those "
                    "who committed crimes, and the return, rehabilitation and reintegration of "
                    "family members, many of them children.",
                ),
            ],
        },
        {
            "slug": "stabilisation",
            "title": "Stabilisation",
            "summary": "Helping liberated communities restore services and return home.",
            "body": [
                (
                    "paragraph",
                    "When an area is freed from Daesh/ISIS, the first months decide whether "
                    "families come home. Stabilisation clears explosive hazards, restores water, "
                    "electricity, schools and clinics, and helps local authorities work again.",
                ),
                (
                    "paragraph",
                    "The Stabilisation Working Group, co-led by Germany, the United Arab "
                    "Emirates and the United States, coordinates members' support in Iraq, in "
                    "north-east Syria and, increasingly, in Africa.",
                ),
            ],
        },
        {
            "slug": "countering-propaganda",
            "title": "Countering propaganda",
            "summary": "Exposing the reality behind Daesh/ISIS propaganda.",
            "body": [
                (
                    "paragraph",
                    "Daesh/ISIS built its following with slick propaganda that promised a state "
                    "and delivered brutality. The Communications Working Group, co-led by the "
                    "United Arab Emirates, the United Kingdom and the United States, works to "
                    "expose that reality.",
                ),
                (
                    "paragraph",
                    "Members support credible voices – survivors, religious leaders, former "
                    "members – and work with technology companies to keep terrorist content off "
                    "their platforms.",
                ),
            ],
        },
    ],
}

ABOUT = {
    "slug": "about",
    "show_in_menus": True,
    "title": "About the Coalition",
    "summary": "Who the members of the Global Coalition are, how it works and how it has grown "
    "since 2014.",
    "body": [
        (
            "paragraph",
            "The Global Coalition against Daesh/ISIS was formed in September 2014 to defeat the "
            "group that had seized large parts of Iraq and Syria. It brings together states and "
            "international organisations, among them the European Union, the Arab League, "
            "INTERPOL, NATO and the Community of Sahel-Saharan States.",
        ),
        ("heading", "A growing Coalition"),
        (
            "paragraph",
            "Membership has grown steadily: Burkina Faso became the 84th member in December "
            "2021, Togo the 86th in June 2023, and Syria was welcomed as the 90th in February "
            "2026.",
        ),
        ("stat", {"value": "90", "label": "members, states and organisations alike"}),
        ("heading", "How the Coalition works"),
        (
            "paragraph",
            "Ministers meet regularly to set the Coalition's direction. Between their meetings, "
            "the Small Group steers the work, and focus and working groups coordinate each line "
            "of effort. The Africa Focus Group, launched in December 2021, coordinates civilian "
            "support to partners in Africa.",
        ),
    ],
}

PRIVACY = {
    "slug": "privacy",
    "title": "Privacy and cookies",
    "summary": "How this website uses cookies and what happens to the information you share "
    "with us.",
    "body": [
        ("heading", "Cookies"),
        (
            "paragraph",
            "We use a small number of cookies that are strictly necessary for the site to work, "
            "such as the one that remembers your cookie choice. With your consent, we also use "
            "analytics cookies to count visits and see which pages are read. We do not use "
            "advertising cookies.",
        ),
        (
            "paragraph",
            "Posts on our social wall are copied onto this site by our editors; viewing them "
            "sets no third-party cookies.",
        ),
        ("heading", "Information you send us"),
        (
            "paragraph",
            "If you write to us, we use your message and contact details only to reply, and we "
            "delete them when they are no longer needed.",
        ),
        ("heading", "Your choices"),
        (
            "paragraph",
            "You can change your cookie choice at any time from the link at the foot of every "
            "page.",
        ),
    ],
    "translations": {
        "ar": {
            "title": "الخصوصية وملفات تعريف الارتباط",
            "slug": "الخصوصية",
            "summary": "كيف يستخدم هذا الموقع ملفات تعريف الارتباط، وما الذي يحدث للمعلومات "
            "التي تشاركها معنا.",
            "body": [
                ("heading", "ملفات تعريف الارتباط"),
                (
                    "paragraph",
                    "نستخدم عدداً قليلاً من ملفات تعريف الارتباط الضرورية لعمل الموقع، مثل الملف "
                    "الذي يحفظ اختيارك بشأنها. وبموافقتك، نستخدم أيضاً ملفات تحليلية لإحصاء "
                    "الزيارات ومعرفة الصفحات التي تُقرأ. ولا نستخدم ملفات تعريف الارتباط "
                    "الإعلانية.",
                ),
                (
                    "paragraph",
                    "ينسخ محرّرونا المنشورات المعروضة على حائطنا الاجتماعي إلى هذا الموقع، ولا "
                    "يؤدّي عرضها إلى وضع أي ملفات تعريف ارتباط تابعة لجهات خارجية.",
                ),
                ("heading", "المعلومات التي ترسلها إلينا"),
                (
                    "paragraph",
                    "إذا راسلتنا، فإننا نستخدم رسالتك وبيانات الاتصال بك للرد عليك فقط، ونحذفها "
                    "عندما لا تعود هناك حاجة إليها.",
                ),
                ("heading", "خياراتك"),
                (
                    "paragraph",
                    "يمكنك تغيير اختيارك بشأن ملفات تعريف الارتباط في أي وقت من الرابط الموجود "
                    "أسفل كل صفحة.",
                ),
            ],
        },
        "fr": {
            "title": "Confidentialité et cookies",
            "slug": "confidentialite",
            "summary": "Comment ce site utilise les cookies et ce que deviennent les informations "
            "que vous nous transmettez.",
            "body": [
                ("heading", "Cookies"),
                (
                    "paragraph",
                    "Nous utilisons un petit nombre de cookies strictement nécessaires au "
                    "fonctionnement du site, comme celui qui mémorise votre choix en matière de "
                    "cookies. Avec votre accord, nous utilisons aussi des cookies de mesure "
                    "d'audience pour compter les visites et savoir quelles pages sont lues. Nous "
                    "n'utilisons pas de cookies publicitaires.",
                ),
                (
                    "paragraph",
                    "Les publications de notre mur social sont recopiées sur ce site par nos "
                    "rédacteurs ; leur affichage ne dépose aucun cookie tiers.",
                ),
                ("heading", "Les informations que vous nous envoyez"),
                (
                    "paragraph",
                    "Si vous nous écrivez, nous n'utilisons votre message et vos coordonnées que "
                    "pour vous répondre, et nous les supprimons lorsqu'ils ne sont plus "
                    "nécessaires.",
                ),
                ("heading", "Vos choix"),
                (
                    "paragraph",
                    "Vous pouvez modifier votre choix en matière de cookies à tout moment grâce "
                    "au lien situé en bas de chaque page.",
                ),
            ],
        },
    },
}

CAMPAIGN = {
    "slug": "this-generation-learns",
    "title": "#ThisGenerationLearns",
    "summary": "Children in areas freed from Daesh/ISIS lost years of school. This campaign "
    "follows them, and their teachers, back to the classroom.",
    "hero_image": "mosul-schools",
    "starts_on": date(2021, 1, 11),
    "ends_on": date(2021, 1, 24),
    "body": [
        (
            "paragraph",
            "Under Daesh/ISIS, a generation of children in Iraq and Syria was kept out of school "
            "or taught the group's ideology. #ThisGenerationLearns tells the story of how they "
            "are catching up, in the run-up to International Education Day on 24 January.",
        ),
        (
            "paragraph",
            "Follow the campaign to see schools reopening in Mosul and Nineveh, and to meet the "
            "teachers who made it happen.",
        ),
        ("stat", {"value": "24 January", "label": "International Education Day"}),
        (
            "call_to_action",
            {
                "heading": "See the photo essay",
                "text": "Schools reopening in Mosul and Nineveh, in pictures.",
                "link": {"label": "In Focus", "page": "/in-focus/"},
            },
        ),
    ],
    "hashtags": ["ThisGenerationLearns"],
    "translations": {
        "ar": {
            "title": "#ThisGenerationLearns: هذا الجيل يتعلّم",
            "slug": "هذا-الجيل-يتعلم",
            "summary": "خسر الأطفال في المناطق المحرّرة من داعش سنوات من الدراسة. تتابع هذه "
            "الحملة عودتهم، وعودة معلّميهم، إلى الصفوف.",
            "body": [
                (
                    "paragraph",
                    "في ظل داعش، حُرم جيل من الأطفال في العراق وسوريا من المدرسة أو لُقّن "
                    "أيديولوجية التنظيم. وتروي حملة #ThisGenerationLearns كيف يعوّضون ما فاتهم، "
                    "في الأيام التي تسبق اليوم الدولي للتعليم في 24 كانون الثاني/يناير.",
                ),
                (
                    "paragraph",
                    "تابعوا الحملة لتروا المدارس وهي تعيد فتح أبوابها في الموصل ونينوى، "
                    "ولتتعرّفوا إلى المعلّمين الذين جعلوا ذلك ممكناً.",
                ),
                ("stat", {"value": "24 يناير", "label": "اليوم الدولي للتعليم"}),
                (
                    "call_to_action",
                    {
                        "heading": "شاهدوا المقال المصوّر",
                        "text": "المدارس تعيد فتح أبوابها في الموصل ونينوى، بالصور.",
                        "link": {"label": "في دائرة الضوء", "page": "/in-focus/"},
                    },
                ),
            ],
        },
        "fr": {
            "title": "#ThisGenerationLearns : cette génération apprend",
            "slug": "cette-generation-apprend",
            "summary": "Les enfants des zones libérées de Daech/EI ont perdu des années d'école. "
            "Cette campagne les suit, avec leurs enseignants, sur le chemin de la classe.",
            "body": [
                (
                    "paragraph",
                    "Sous Daech/EI, toute une génération d'enfants en Irak et en Syrie a été "
                    "privée d'école ou soumise à l'idéologie du groupe. #ThisGenerationLearns "
                    "raconte comment ils rattrapent leur retard, à l'approche de la Journée "
                    "internationale de l'éducation, le 24 janvier.",
                ),
                (
                    "paragraph",
                    "Suivez la campagne pour voir des écoles rouvrir à Mossoul et dans la "
                    "province de Ninive, et pour rencontrer les enseignants qui l'ont rendu "
                    "possible.",
                ),
                ("stat", {"value": "24 janvier", "label": "Journée internationale de l'éducation"}),
                (
                    "call_to_action",
                    {
                        "heading": "Voir le reportage photo",
                        "text": "La réouverture des écoles à Mossoul et à Ninive, en images.",
                        "link": {"label": "Éclairages", "page": "/in-focus/"},
                    },
                ),
            ],
        },
    },
}
