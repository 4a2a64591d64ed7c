"""Lines of effort and regions, with their names in Arabic and French."""

# `page` is the mission page that explains the line of effort, as a path below the home page.
LINES_OF_EFFORT = [
    {
        "slug": "military-campaign",
        "name": "Military campaign",
        "summary": "Supporting partner forces in Iraq and Syria to defeat Daesh/ISIS on the "
        "battlefield and to keep it from regaining ground.",
        "page": "/mission/military-campaign/",
        "translations": {
            "ar": {
                "name": "الحملة العسكرية",
                "summary": "دعم القوات الشريكة في العراق وسوريا لهزيمة داعش في ساحة المعركة "
                "ومنعه من استعادة أي أرض.",
            },
            "fr": {
                "name": "Campagne militaire",
                "summary": "Soutenir les forces partenaires en Irak et en Syrie pour vaincre "
                "Daech/EI sur le terrain et l'empêcher de reprendre pied.",
            },
        },
    },
    {
        "slug": "countering-financing",
        "name": "Countering Daesh's financing",
        "summary": "Cutting Daesh/ISIS off from the money it raises, moves and spends, "
        "in Iraq and Syria and through its affiliates.",
        "page": "/mission/countering-financing/",
        "translations": {
            "ar": {
                "name": "مكافحة تمويل داعش",
                "summary": "حرمان داعش من الأموال التي يجمعها وينقلها وينفقها، في العراق وسوريا "
                "وعبر الجماعات التابعة له.",
            },
            "fr": {
                "name": "Lutte contre le financement de Daech",
                "summary": "Priver Daech/EI de l'argent qu'il collecte, transfère et dépense, "
                "en Irak, en Syrie et par l'intermédiaire de ses affiliés.",
            },
        },
    },
    {
        "slug": "foreign-terrorist-fighters",
        "name": "Foreign terrorist fighters",
        "summary": "Stopping terrorist travel, sharing information across borders and "
        "dealing with fighters and their families after the fighting.",
        "page": "/mission/foreign-terrorist-fighters/",
        "translations": {
            "ar": {
                "name": "المقاتلون الإرهابيون الأجانب",
                "summary": "وقف تنقل الإرهابيين، وتبادل المعلومات عبر الحدود، ومعالجة ملف "
                "المقاتلين وعائلاتهم بعد انتهاء القتال.",
            },
            "fr": {
                "name": "Combattants terroristes étrangers",
                "summary": "Empêcher les déplacements de terroristes, échanger des informations "
                "par-delà les frontières et traiter le sort des combattants et de leurs familles.",
            },
        },
    },
    {
        "slug": "stabilisation",
        "name": "Stabilisation",
        "summary": "Helping communities freed from Daesh/ISIS to restore basic services, "
        "return home and rebuild trust in local institutions.",
        "page": "/mission/stabilisation/",
        "translations": {
            "ar": {
                "name": "تحقيق الاستقرار",
                "summary": "مساعدة المجتمعات المحررة من داعش على استعادة الخدمات الأساسية "
                "والعودة إلى ديارها وإعادة بناء الثقة بالمؤسسات المحلية.",
            },
            "fr": {
                "name": "Stabilisation",
                "summary": "Aider les communautés libérées de Daech/EI à rétablir les services "
                "de base, à rentrer chez elles et à retrouver confiance dans les institutions "
                "locales.",
            },
        },
    },
    {
        "slug": "countering-propaganda",
        "name": "Countering propaganda",
        "summary": "Exposing the reality behind Daesh/ISIS propaganda and amplifying the "
        "voices of those who reject it.",
        "page": "/mission/countering-propaganda/",
        "translations": {
            "ar": {
                "name": "مكافحة الدعاية",
                "summary": "كشف الحقيقة وراء دعاية داعش وإيصال أصوات من يرفضونها.",
            },
            "fr": {
                "name": "Lutte contre la propagande",
                "summary": "Montrer la réalité que cache la propagande de Daech/EI et relayer "
                "la voix de celles et ceux qui la rejettent.",
            },
        },
    },
]

REGIONS = [
    {"slug": "iraq", "name": "Iraq", "translations": {"ar": "العراق", "fr": "Irak"}},
    {"slug": "syria", "name": "Syria", "translations": {"ar": "سوريا", "fr": "Syrie"}},
    {
        "slug": "sub-saharan-africa",
        "name": "Sub-Saharan Africa",
        "translations": {"ar": "أفريقيا جنوب الصحراء", "fr": "Afrique subsaharienne"},
    },
    {
        "slug": "south-and-central-asia",
        "name": "South and Central Asia",
        "translations": {"ar": "جنوب آسيا وآسيا الوسطى", "fr": "Asie du Sud et Asie centrale"},
    },
    {"slug": "global", "name": "Global", "translations": {"ar": "عالمي", "fr": "Monde"}},
]
