"""Six news items from the design note: meeting reports, wire copy, a fact sheet and a story."""

from datetime import date

# Related pages are paths below the English home page; they point back at statements, which
# are loaded first, so every page is published once with its links in place.
NEWS = [
    {
        "slug": "africa-focus-group-launched-brussels",
        "title": "Coalition launches Africa Focus Group and welcomes Burkina Faso as 84th member",
        "news_type": "meeting_report",
        "date": date(2021, 12, 2),
        "dateline": "BRUSSELS",
        "place": "Brussels",
        "meeting": "brussels-2021",
        "summary": "Meeting in Brussels, Coalition members launched the Africa Focus Group to "
        "coordinate civilian support to African partners facing Daesh/ISIS affiliates, and "
        "welcomed Burkina Faso as the 84th member.",
        "hero_image": "small-group-brussels-2021",
        "hero_caption": "The Small Group met in Brussels, where members launched the Africa Focus "
        "Group.",
        "body": [
            (
                "paragraph",
                "Members of the Global Coalition against Daesh/ISIS meeting in Brussels on "
                "2 December launched the Africa Focus Group, a new format to coordinate the "
                "Coalition's civilian support to partners in Africa who face Daesh/ISIS "
                "affiliates.",
            ),
            (
                "paragraph",
                "The Small Group meeting also welcomed Burkina Faso as the Coalition's "
                "84th member.",
            ),
            (
                "paragraph",
                "Italy, Morocco, Niger and the United States will co-chair the new group. Its "
                "work will centre on civilian tools – criminal justice, border security, "
                "countering terrorist financing and stabilisation – and on supporting the "
                "priorities of the states most affected.",
            ),
            ("stat", {"value": "84", "label": "members of the Coalition, with Burkina Faso"}),
            (
                "paragraph",
                "Participants also reviewed progress in Iraq and Syria, where the Coalition "
                "continues to support stabilisation in areas liberated from Daesh/ISIS.",
            ),
        ],
        "hashtags": ["DefeatDaesh"],
        "lines_of_effort": ["stabilisation", "countering-financing"],
        "regions": ["sub-saharan-africa"],
        "translations": {
            "ar": {
                "title": "التحالف يطلق مجموعة التركيز على أفريقيا ويرحّب ببوركينا فاسو عضواً "
                "رابعاً وثمانين",
                "slug": "إطلاق-مجموعة-التركيز-على-أفريقيا",
                "dateline": "بروكسل",
                "place": "بروكسل",
                "summary": "أطلق أعضاء التحالف الدولي ضد داعش، خلال اجتماعهم في بروكسل، مجموعة "
                "التركيز على أفريقيا لتنسيق الدعم المدني للشركاء الأفارقة، ورحّبوا ببوركينا "
                "فاسو عضواً رابعاً وثمانين في التحالف.",
                "hero_caption": "اجتمعت المجموعة المصغّرة في بروكسل، حيث أطلق الأعضاء مجموعة "
                "التركيز على أفريقيا.",
                "body": [
                    (
                        "paragraph",
                        "أطلق أعضاء التحالف الدولي ضد داعش، خلال اجتماعهم في بروكسل في 2 كانون "
                        "الأول/ديسمبر، مجموعة التركيز على أفريقيا، وهي إطار جديد لتنسيق الدعم "
                        "المدني الذي يقدّمه التحالف للشركاء في أفريقيا الذين يواجهون الجماعات "
                        "التابعة لداعش.",
                    ),
                    (
                        "paragraph",
                        "ورحّب اجتماع المجموعة المصغّرة أيضاً ببوركينا فاسو عضواً رابعاً وثمانين "
                        "في التحالف.",
                    ),
                    (
                        "paragraph",
                        "وستتولّى إيطاليا والمغرب والنيجر والولايات المتحدة الرئاسة المشتركة "
                        "للمجموعة الجديدة. ويتركّز عملها على الأدوات المدنية، من العدالة الجنائية "
                        "وأمن الحدود إلى مكافحة تمويل الإرهاب وتحقيق الاستقرار، وعلى دعم أولويات "
                        "الدول الأكثر تضرّراً.",
                    ),
                    ("stat", {"value": "84", "label": "عدد أعضاء التحالف بعد انضمام بوركينا فاسو"}),
                    (
                        "paragraph",
                        "كما استعرض المشاركون التقدّم المحرز في العراق وسوريا، حيث يواصل التحالف "
                        "دعم الاستقرار في المناطق المحرّرة من داعش.",
                    ),
                ],
            },
            "fr": {
                "title": "La Coalition lance le Groupe Afrique et accueille le Burkina Faso comme "
                "84e membre",
                "slug": "la-coalition-lance-le-groupe-afrique",
                "dateline": "BRUXELLES",
                "place": "Bruxelles",
                "summary": "Réunis à Bruxelles, les membres de la Coalition mondiale contre "
                "Daech/EI ont lancé le Groupe Afrique pour coordonner leur soutien civil aux "
                "partenaires africains, et accueilli le Burkina Faso comme 84e membre.",
                "hero_caption": "Le groupe restreint s'est réuni à Bruxelles, où les membres ont "
                "lancé le Groupe Afrique.",
                "body": [
                    (
                        "paragraph",
                        "Réunis à Bruxelles le 2 décembre, les membres de la Coalition mondiale "
                        "contre Daech/EI ont lancé le Groupe Afrique (Africa Focus Group), un "
                        "nouveau format destiné à coordonner le soutien civil de la Coalition aux "
                        "partenaires africains confrontés aux groupes affiliés à Daech/EI.",
                    ),
                    (
                        "paragraph",
                        "La réunion du groupe restreint (Small Group) a également accueilli le "
                        "Burkina Faso comme 84e membre de la Coalition.",
                    ),
                    (
                        "paragraph",
                        "L'Italie, le Maroc, le Niger et les États-Unis coprésideront le nouveau "
                        "groupe. Ses travaux porteront sur les outils civils – justice pénale, "
                        "sécurité des frontières, lutte contre le financement du terrorisme et "
                        "stabilisation – et sur le soutien aux priorités des États les plus "
                        "touchés.",
                    ),
                    (
                        "stat",
                        {"value": "84", "label": "membres de la Coalition avec le Burkina Faso"},
                    ),
                    (
                        "paragraph",
                        "Les participants ont également fait le point sur la situation en Irak et "
                        "en Syrie, où la Coalition continue de soutenir la stabilisation des zones "
                        "libérées de Daech/EI.",
                    ),
                ],
            },
        },
    },
    {
        "slug": "uae-hosts-stabilisation-group",
        "title": "UAE hosts the Coalition's Stabilisation Working Group in Abu Dhabi",
        "news_type": "wire",
        "date": date(2022, 11, 24),
        "dateline": "ABU DHABI",
        "place": "Abu Dhabi",
        "source_name": "WAM",
        "meeting": "abu-dhabi-2022",
        "summary": "The United Arab Emirates hosted members and partners who fund the recovery of "
        "areas liberated from Daesh/ISIS, to review stabilisation in Iraq and north-east Syria "
        "and what it can teach the Coalition's work in Africa.",
        "hero_image": "stabilisation-abu-dhabi-2022",
        "hero_caption": "The Stabilisation Working Group met in Abu Dhabi.",
        "body": [
            (
                "paragraph",
                "The United Arab Emirates, which co-leads the group with Germany and the United "
                "States, hosted a meeting of the Global Coalition's Stabilisation Working Group, "
                "bringing together members and partners who fund the recovery of areas liberated "
                "from Daesh/ISIS.",
            ),
            (
                "paragraph",
                "Participants reviewed stabilisation programmes in Iraq and north-east Syria, "
                "including the clearance of explosive hazards, the repair of water and "
                "electricity networks, and support for displaced families returning home.",
            ),
            (
                "paragraph",
                "Speakers stressed that stabilisation is a security priority: communities that "
                "see their services restored and their local institutions working are far less "
                "vulnerable to Daesh/ISIS recruitment.",
            ),
            (
                "paragraph",
                "The meeting also discussed how lessons learned in Iraq and Syria can inform the "
                "Coalition's support to partners in Africa.",
            ),
        ],
        "hashtags": ["DefeatDaesh", "TogetherForIraq"],
        "lines_of_effort": ["stabilisation"],
        "regions": ["iraq", "syria"],
    },
    {
        "slug": "small-group-political-directors-the-hague",
        "title": "Small Group political directors meet in The Hague",
        "news_type": "meeting_report",
        "date": date(2022, 12, 7),
        "dateline": "THE HAGUE",
        "place": "The Hague",
        "meeting": "the-hague-2022",
        "summary": "Political directors of the Small Group met in The Hague to review the threat "
        "from Daesh/ISIS, the situation in detention facilities and camps in north-east Syria, "
        "and how to bring its members to justice.",
        "hero_image": "political-directors-hague-2022",
        "hero_caption": "Political directors of the Small Group met in The Hague.",
        "body": [
            (
                "paragraph",
                "Political directors of the Global Coalition's Small Group met in The Hague on "
                "7 December, co-hosted by the Netherlands and the United States.",
            ),
            (
                "paragraph",
                "They reviewed the threat from Daesh/ISIS in Iraq, Syria and beyond, and the "
                "situation in detention facilities and displacement camps in north-east Syria, "
                "where thousands of people with suspected links to the group are still held.",
            ),
            (
                "paragraph",
                "Discussions also turned to accountability. Political directors underlined the "
                "importance of bringing Daesh/ISIS members to justice for their crimes, including "
                "those committed against Yazidis and other communities, and of supporting "
                "survivors.",
            ),
            (
                "paragraph",
                "Political directors agreed to take these priorities forward to the Coalition's "
                "next ministerial meeting.",
            ),
        ],
        "hashtags": ["DefeatDaesh", "DaeshFacesJustice"],
        "lines_of_effort": ["foreign-terrorist-fighters", "stabilisation"],
        "regions": ["iraq", "syria"],
    },
    {
        "slug": "changing-coalition-changing-threat",
        "title": "“Changing Coalition, changing threat”: working group co-leads meet in Paris",
        "news_type": "readout",
        "date": date(2019, 6, 25),
        "dateline": "PARIS",
        "place": "Paris",
        "meeting": "paris-2019",
        "summary": "Alongside the Small Group's political directors, the co-leads of the "
        "Coalition's working groups met in Paris to discuss how each line of effort must adapt "
        "now that Daesh/ISIS has lost its territory.",
        "hero_image": "co-leads-paris-2019",
        "hero_caption": "The co-leads of the Coalition's working groups met in Paris.",
        "body": [
            (
                "paragraph",
                "The co-leads of the Global Coalition's working groups met in Paris on 25 June, "
                "alongside the meeting of Small Group political directors, to discuss how the "
                "Coalition should adapt now that Daesh/ISIS has lost its territory.",
            ),
            (
                "paragraph",
                "Under the heading “Changing Coalition, changing threat”, the co-leads compared "
                "how each line of effort – countering the group's financing, stemming the flow of "
                "foreign terrorist fighters, stabilisation and communications – needs to change "
                "as Daesh/ISIS turns to insurgency and to its affiliates abroad.",
            ),
            (
                "paragraph",
                "They agreed to work more closely across groups, to share information earlier, "
                "and to make sure that their priorities support the Paris Roadmap agreed by "
                "political directors the same day.",
            ),
        ],
        "hashtags": ["DefeatDaesh"],
        "lines_of_effort": [
            "countering-financing",
            "foreign-terrorist-fighters",
            "stabilisation",
            "countering-propaganda",
        ],
        "regions": ["global"],
        "related": ["/statements/paris-roadmap/"],
    },
    {
        "slug": "togo-86th-member",
        "title": "Togo becomes the 86th member of the Global Coalition",
        "news_type": "fact_sheet",
        "date": date(2023, 6, 8),
        "dateline": "RIYADH",
        "place": "Riyadh",
        "meeting": "riyadh-2023",
        "summary": "Togo has joined the Global Coalition against Daesh/ISIS as its 86th member, "
        "welcomed by ministers meeting in Riyadh. The facts and figures behind the Coalition it "
        "joins.",
        "hero_image": "togo-86th-member",
        "hero_caption": "Ministers meeting in Riyadh welcomed Togo as the Coalition's 86th member.",
        "body": [
            (
                "paragraph",
                "Togo joined the Global Coalition against Daesh/ISIS on 8 June, becoming its 86th "
                "member. Ministers meeting in Riyadh welcomed its membership in their joint "
                "communiqué.",
            ),
            ("stat", {"value": "86", "label": "members of the Coalition, with Togo"}),
            (
                "paragraph",
                "Togo is one of the coastal states of West Africa that have stepped up their "
                "efforts to keep the violence in the Sahel from spreading south. Its membership "
                "strengthens the Coalition's ties with the region, where the Africa Focus Group "
                "coordinates civilian support.",
            ),
            ("heading", "The Coalition in brief"),
            (
                "bullets",
                [
                    "Formed in September 2014.",
                    "86 members, states and organisations alike, with Togo.",
                    "Five lines of effort: the military campaign, countering Daesh's financing, "
                    "foreign terrorist fighters, stabilisation and countering propaganda.",
                    "An Africa Focus Group, launched in Brussels in December 2021.",
                ],
            ),
        ],
        "hashtags": ["DefeatDaesh"],
        "lines_of_effort": ["stabilisation"],
        "regions": ["sub-saharan-africa"],
        "related": ["/statements/joint-communique-ministers-riyadh-2023/"],
        "translations": {
            "fr": {
                "title": "Le Togo devient le 86e membre de la Coalition mondiale",
                "slug": "le-togo-devient-le-86e-membre",
                "summary": "Le Togo a rejoint la Coalition mondiale contre Daech/EI comme 86e "
                "membre, accueilli par les ministres réunis à Riyad. Les faits et les chiffres "
                "de la Coalition qu'il rejoint.",
                "dateline": "RIYAD",
                "place": "Riyad",
                "hero_caption": "Les ministres réunis à Riyad ont accueilli le Togo comme 86e "
                "membre de la Coalition.",
                "body": [
                    (
                        "paragraph",
                        "Le Togo a rejoint la Coalition mondiale contre Daech/EI le 8 juin, "
                        "devenant son 86e membre. Les ministres réunis à Riyad ont salué son "
                        "adhésion dans leur communiqué conjoint.",
                    ),
                    ("stat", {"value": "86", "label": "membres de la Coalition avec le Togo"}),
                    (
                        "paragraph",
                        "Le Togo fait partie des États côtiers d'Afrique de l'Ouest qui ont "
                        "renforcé leurs efforts pour empêcher les violences du Sahel de s'étendre "
                        "vers le sud. Son adhésion resserre les liens de la Coalition avec la "
                        "région, où le Groupe Afrique coordonne le soutien civil.",
                    ),
                    ("heading", "La Coalition en bref"),
                    (
                        "bullets",
                        [
                            "Créée en septembre 2014.",
                            "86 membres, États et organisations, avec le Togo.",
                            "Cinq axes d'action : la campagne militaire, la lutte contre le "
                            "financement de Daech, les combattants terroristes étrangers, la "
                            "stabilisation et la lutte contre la propagande.",
                            "Un Groupe Afrique, lancé à Bruxelles en décembre 2021.",
                        ],
                    ),
                ],
            },
        },
    },
    {
        "slug": "first-woman-mukhtar-kirkuk",
        "title": "First woman mukhtar in Kirkuk",
        "news_type": "story",
        # The note gives no date for this story; this one is illustrative.
        "date": date(2022, 2, 20),
        "place": "Hawija district, Kirkuk",
        "summary": "For the first time, a woman has been elected mukhtar in Kirkuk governorate, in "
        "a town in Hawija district, which lived under Daesh/ISIS until its liberation in 2017.",
        "hero_image": "kirkuk-mukhtar",
        "hero_caption": "Hawija district, in Kirkuk governorate, was liberated from Daesh/ISIS in "
        "October 2017.",
        "body": [
            (
                "paragraph",
                "For the first time, a woman has been elected mukhtar in Kirkuk governorate. The "
                "mukhtar is the head of a town or neighbourhood, and the first point of contact "
                "between residents and the authorities. She was chosen by the residents of her "
                "town in Hawija district, which lived under Daesh/ISIS until its liberation in "
                "October 2017.",
            ),
            (
                "paragraph",
                "A mukhtar settles disputes, certifies the documents that families need for "
                "schooling, property and aid, and speaks for residents in their dealings with "
                "officials. In Hawija, where many families lost their homes, their papers and "
                "their breadwinners under Daesh/ISIS, the role matters more than ever.",
            ),
            (
                "paragraph",
                "Local officials and community leaders described her election as a sign of how "
                "much the district has changed since its liberation, and of the part that women "
                "are playing in its recovery.",
            ),
            (
                "paragraph",
                "Stories like hers are part of the Coalition's #InspiringWomen series, which "
                "follows women rebuilding their communities after Daesh/ISIS.",
            ),
        ],
        "hashtags": ["InspiringWomen", "LifeafterDaesh"],
        "lines_of_effort": ["stabilisation"],
        "regions": ["iraq"],
        "translations": {
            "ar": {
                "title": "أول امرأة تتولّى منصب المختار في كركوك",
                "slug": "أول-امرأة-مختارة-في-كركوك",
                "place": "قضاء الحويجة، كركوك",
                "summary": "للمرة الأولى، انتُخبت امرأة لمنصب المختار في محافظة كركوك، في بلدة "
                "تابعة لقضاء الحويجة الذي عاش تحت سيطرة داعش حتى تحريره في عام 2017.",
                "hero_caption": "حُرّر قضاء الحويجة في محافظة كركوك من داعش في تشرين الأول/أكتوبر "
                "2017.",
                "body": [
                    (
                        "paragraph",
                        "للمرة الأولى، انتُخبت امرأة لمنصب المختار في محافظة كركوك. والمختار هو "
                        "رئيس البلدة أو الحي، وأول نقطة تواصل بين السكان والسلطات. وقد اختارها "
                        "سكان بلدتها في قضاء الحويجة، الذي عاش تحت سيطرة داعش حتى تحريره في "
                        "تشرين الأول/أكتوبر 2017.",
                    ),
                    (
                        "paragraph",
                        "يفصل المختار في النزاعات، ويصادق على الوثائق التي تحتاجها الأسر للتعليم "
                        "والملكية والمساعدات، ويتحدّث باسم السكان أمام المسؤولين. وفي الحويجة، "
                        "حيث فقدت أسر كثيرة منازلها ووثائقها ومعيليها في ظل داعش، أصبح هذا الدور "
                        "أهم من أي وقت مضى.",
                    ),
                    (
                        "paragraph",
                        "ووصف مسؤولون محليون ووجهاء من المجتمع انتخابها بأنه دليل على حجم التغيير "
                        "الذي شهده القضاء منذ تحريره، وعلى الدور الذي تؤدّيه المرأة في تعافيه.",
                    ),
                    (
                        "paragraph",
                        "وتندرج قصص مثل قصتها ضمن سلسلة التحالف #InspiringWomen التي تتابع نساءً "
                        "يُعدن بناء مجتمعاتهن بعد داعش.",
                    ),
                ],
            },
        },
    },
]
