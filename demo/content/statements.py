"""The eight statements from the design note's table, with bodies written for the demo."""

from datetime import date

# Body blocks are (type, value): "paragraph" (plain text), "bullets" and "numbered" (lists of
# plain text), "heading", and the StreamField's own blocks as dicts. Consecutive text blocks
# are joined into one rich-text block, as an editor would type them.
STATEMENTS = [
    {
        "slug": "co-chairs-africa-focus-group-niamey-2022",
        "title": "Joint Statement of the Co-Chairs of the Global Coalition to Defeat Daesh/ISIS "
        "Africa Focus Group",
        "statement_type": "co_chairs_statement",
        "date": date(2022, 10, 26),
        "meeting": "niamey-2022",
        "place": "Niamey",
        "group": "africa-focus-group",
        "issuers": [
            ("IT", "co_chair"),
            ("US", "co_chair"),
            ("MA", "co_chair"),
            ("NE", "co_chair"),
            ("NE", "host"),
        ],
        "attribution": "The text of the following statement was released by the Governments of "
        "Italy, the Kingdom of Morocco, the Republic of the Niger and the United States of "
        "America, co-chairs of the Africa Focus Group, on the occasion of the Group's meeting "
        "in Niamey.",
        "summary": "Meeting in Niamey, the co-chairs of the Africa Focus Group reviewed the threat "
        "from Daesh/ISIS affiliates in West Africa and the Sahel and agreed to focus the Group "
        "on civilian tools: prevention, justice, finance and stabilisation.",
        "hero_image": "afg-niamey-2022",
        "hero_caption": "The co-chairs of the Africa Focus Group met in Niamey at the invitation "
        "of the Government of Niger.",
        "body": [
            (
                "paragraph",
                "The co-chairs of the Global Coalition to Defeat Daesh/ISIS Africa Focus Group – "
                "Italy, Morocco, Niger and the United States – met in Niamey on 26 October at the "
                "invitation of the Government of Niger. They thanked their hosts for their "
                "hospitality and for Niger's leadership in the region.",
            ),
            (
                "paragraph",
                "The co-chairs noted with concern that Daesh/ISIS branches and networks in West "
                "Africa and the Sahel continue to exploit local grievances, the thin presence of "
                "the state in border areas, and the movement of people and goods across those "
                "borders. Civilians bear the heaviest cost of this violence, and the displacement "
                "it causes puts further strain on the communities that take in those who flee.",
            ),
            (
                "paragraph",
                "They reaffirmed that the Africa Focus Group complements, and does not replace, "
                "the work of African governments and regional organisations. Its role is to "
                "coordinate the civilian capabilities that Coalition members already bring to the "
                "region, to avoid duplication, and to respond to the priorities set by the "
                "countries most affected.",
            ),
            ("heading", "Priorities for the year ahead"),
            (
                "bullets",
                [
                    "strengthening criminal justice responses, including the investigation and "
                    "prosecution of terrorist offences in line with international law;",
                    "disrupting the financing of Daesh/ISIS affiliates, with the Counter ISIS "
                    "Finance Group;",
                    "supporting stabilisation in areas recovered from terrorist groups, so that "
                    "public services and trust in local authorities return;",
                    "countering Daesh/ISIS propaganda online and offline, with messages in local "
                    "languages.",
                ],
            ),
            (
                "paragraph",
                "The co-chairs agreed to prepare an action plan for the Group to endorse at its "
                "next meeting, and invited members to share details of the programmes they fund "
                "in the region so that gaps can be found early.",
            ),
        ],
        "source_name": "U.S. Department of State media note",
        "legacy_url": "/?p=21779",
        "hashtags": ["DefeatDaesh"],
        "lines_of_effort": ["stabilisation", "countering-financing", "countering-propaganda"],
        "regions": ["sub-saharan-africa"],
    },
    {
        "slug": "africa-focus-group-niamey-2023",
        "title": "Joint Statement: Africa Focus Group — Niamey 2023",
        "statement_type": "joint_statement",
        "date": date(2023, 3, 2),
        "meeting": "niamey-2023",
        "place": "Niamey",
        "group": "africa-focus-group",
        "issuers": [
            ("IT", "co_chair"),
            ("MA", "co_chair"),
            ("NE", "co_chair"),
            ("US", "co_chair"),
            ("NE", "host"),
        ],
        "attribution": "The text of the following statement was released by the Governments of "
        "Italy, the Kingdom of Morocco, the Republic of the Niger and the United States of "
        "America on the occasion of the meeting of the Africa Focus Group in Niamey.",
        "summary": "Thirty-eight Coalition members and observers met in Niamey and endorsed the "
        "Africa Focus Group's first action plan, setting out how members will coordinate their "
        "civilian support against Daesh/ISIS in West Africa and the Sahel.",
        "hero_image": "afg-niamey-2023",
        "hero_caption": "Delegations from 38 members and observers took part in the Africa Focus "
        "Group meeting in Niamey.",
        "body": [
            (
                "paragraph",
                "Delegations from 38 members and observers of the Global Coalition to Defeat "
                "Daesh/ISIS met in Niamey on 1 and 2 March for a meeting of the Africa Focus "
                "Group, hosted by the Government of Niger and co-chaired by Italy, Morocco, Niger "
                "and the United States.",
            ),
            (
                "paragraph",
                "Participants heard from officials of the host government and from regional "
                "partners about the changing threat. Daesh/ISIS affiliates have extended their "
                "operations in parts of the Sahel and the Lake Chad Basin, and continue to attack "
                "civilians, local officials and security forces.",
            ),
            (
                "paragraph",
                "Members endorsed the Group's action plan. It commits them to share information "
                "on the programmes they fund, to align their support with national strategies, "
                "and to report on progress at each meeting of the Group. The action plan is "
                "attached to this statement.",
            ),
            ("heading", "What the action plan covers"),
            (
                "numbered",
                [
                    "Prevention: support for community resilience, education and local dialogue "
                    "in areas at risk.",
                    "Justice: help for investigators, prosecutors and courts handling terrorism "
                    "cases, with full respect for human rights.",
                    "Finance: tracing and disrupting the funds that sustain Daesh/ISIS affiliates.",
                    "Stabilisation: restoring basic services where communities have been freed "
                    "from terrorist control.",
                ],
            ),
            (
                "paragraph",
                "The co-chairs thanked Niger for its hospitality and look forward to reviewing "
                "progress on the action plan at the Group's next meeting.",
            ),
        ],
        "attachments": [("afg-action-plan", "Action plan (PDF)")],
        "source_name": "U.S. Department of State media note",
        "hashtags": ["DefeatDaesh"],
        "lines_of_effort": ["stabilisation", "countering-financing"],
        "regions": ["sub-saharan-africa"],
        "translations": {
            "fr": {
                "title": "Déclaration conjointe : Groupe Afrique — Niamey 2023",
                "slug": "declaration-conjointe-groupe-afrique-niamey-2023",
                "attribution": "Le texte de la déclaration suivante a été publié par les "
                "gouvernements de l'Italie, du Royaume du Maroc, de la République du Niger et "
                "des États-Unis d'Amérique, à l'occasion de la réunion du Groupe Afrique à Niamey.",
                "summary": "Réunis à Niamey, trente-huit membres et observateurs de la Coalition "
                "ont adopté le premier plan d'action du Groupe Afrique, qui précise comment les "
                "membres coordonneront leur soutien civil contre Daech/EI en Afrique de l'Ouest "
                "et au Sahel.",
                "hero_caption": "Les délégations de 38 membres et observateurs ont participé à la "
                "réunion du Groupe Afrique à Niamey.",
                "body": [
                    (
                        "paragraph",
                        "Les délégations de 38 membres et observateurs de la Coalition mondiale "
                        "contre Daech/EI se sont réunies à Niamey les 1er et 2 mars pour une "
                        "réunion du Groupe Afrique (Africa Focus Group), accueillie par le "
                        "Gouvernement du Niger et coprésidée par l'Italie, le Maroc, le Niger et "
                        "les États-Unis.",
                    ),
                    (
                        "paragraph",
                        "Les participants ont entendu des responsables du pays hôte et des "
                        "partenaires régionaux sur l'évolution de la menace. Les groupes affiliés "
                        "à Daech/EI ont étendu leurs opérations dans certaines parties du Sahel et "
                        "du bassin du lac Tchad, et continuent de s'en prendre aux civils, aux "
                        "autorités locales et aux forces de sécurité.",
                    ),
                    (
                        "paragraph",
                        "Les membres ont adopté le plan d'action du Groupe. Ils s'engagent à "
                        "partager les informations sur les programmes qu'ils financent, à aligner "
                        "leur soutien sur les stratégies nationales et à rendre compte des progrès "
                        "accomplis à chaque réunion du Groupe. Le plan d'action est joint à la "
                        "présente déclaration.",
                    ),
                    ("heading", "Les axes du plan d'action"),
                    (
                        "numbered",
                        [
                            "Prévention : soutien à la résilience des communautés, à l'éducation "
                            "et au dialogue local dans les zones à risque.",
                            "Justice : appui aux enquêteurs, aux procureurs et aux tribunaux "
                            "chargés des affaires de terrorisme, dans le plein respect des droits "
                            "de l'homme.",
                            "Financement : identification et démantèlement des flux financiers "
                            "qui alimentent les groupes affiliés à Daech/EI.",
                            "Stabilisation : rétablissement des services de base là où les "
                            "communautés ont été libérées de l'emprise terroriste.",
                        ],
                    ),
                    (
                        "paragraph",
                        "Les coprésidents ont remercié le Niger pour son hospitalité et se "
                        "réjouissent d'examiner la mise en œuvre du plan d'action lors de la "
                        "prochaine réunion du Groupe.",
                    ),
                ],
                "source_name": "Note aux médias du Département d'État des États-Unis",
            },
        },
    },
    {
        "slug": "africa-focus-group-cotonou-2023",
        "title": "Joint Statement: Africa Focus Group Meeting, Cotonou",
        "statement_type": "joint_statement",
        "date": date(2023, 11, 15),
        "meeting": "cotonou-2023",
        "place": "Cotonou",
        "group": "africa-focus-group",
        "issuers": [
            ("US", "co_chair"),
            ("IT", "co_chair"),
            ("MA", "co_chair"),
            ("SA", "co_chair"),
            ("BJ", "host"),
        ],
        "attribution": "The text of the following statement was released by the Governments of "
        "the United States of America, Italy, the Kingdom of Morocco and the Kingdom of Saudi "
        "Arabia, co-chairs of the Africa Focus Group, on the occasion of the Group's meeting in "
        "Cotonou.",
        "summary": "Hosted by Benin, 28 Coalition members and observers met in Cotonou to discuss "
        "the spread of Daesh/ISIS violence towards coastal West Africa, and how civilian "
        "programmes can help states to prevent it.",
        "hero_image": "afg-cotonou-2023",
        "hero_caption": "The Africa Focus Group met in Cotonou at the invitation of the Government "
        "of Benin.",
        "body": [
            (
                "paragraph",
                "The Africa Focus Group of the Global Coalition to Defeat Daesh/ISIS met in "
                "Cotonou on 15 November, hosted by the Government of Benin. The meeting was "
                "co-chaired by the United States, Italy, Morocco and Saudi Arabia; 28 members and "
                "observers took part.",
            ),
            (
                "paragraph",
                "Participants discussed the risk that violence in the central Sahel spreads south "
                "towards the coastal states of West Africa. Beninese officials described the "
                "measures taken to protect communities in the north of the country and to "
                "strengthen cooperation with neighbouring states.",
            ),
            ("paragraph", "The co-chairs welcomed Saudi Arabia as a co-chair of the Group."),
            (
                "paragraph",
                "Members reviewed progress on the action plan endorsed in Niamey in March, and "
                "agreed to give particular attention to border communities, to the financing of "
                "Daesh/ISIS affiliates through illicit trade, and to the reintegration of people "
                "who leave armed groups.",
            ),
            (
                "paragraph",
                "The co-chairs thanked Benin for its hospitality and for its leadership in "
                "hosting the meeting.",
            ),
        ],
        "source_name": "U.S. Department of State media note",
        "hashtags": ["DefeatDaesh"],
        "lines_of_effort": ["stabilisation", "countering-financing", "foreign-terrorist-fighters"],
        "regions": ["sub-saharan-africa"],
        "translations": {
            "fr": {
                "title": "Déclaration conjointe : réunion du Groupe Afrique à Cotonou",
                "slug": "declaration-conjointe-groupe-afrique-cotonou",
                "attribution": "Le texte de la déclaration suivante a été publié par les "
                "gouvernements des États-Unis d'Amérique, de l'Italie, du Royaume du Maroc et du "
                "Royaume d'Arabie saoudite, coprésidents du Groupe Afrique, à l'occasion de la "
                "réunion du Groupe à Cotonou.",
                "summary": "Accueillis par le Bénin, 28 membres et observateurs de la Coalition se "
                "sont réunis à Cotonou pour examiner l'extension des violences de Daech/EI vers "
                "les pays côtiers d'Afrique de l'Ouest, et la manière dont les programmes civils "
                "peuvent aider les États à la prévenir.",
                "hero_caption": "Le Groupe Afrique s'est réuni à Cotonou à l'invitation du "
                "Gouvernement du Bénin.",
                "body": [
                    (
                        "paragraph",
                        "Le Groupe Afrique de la Coalition mondiale contre Daech/EI s'est réuni à "
                        "Cotonou le 15 novembre, à l'invitation du Gouvernement du Bénin. La "
                        "réunion était coprésidée par les États-Unis, l'Italie, le Maroc et "
                        "l'Arabie saoudite ; 28 membres et observateurs y ont participé.",
                    ),
                    (
                        "paragraph",
                        "Les participants ont évoqué le risque de voir les violences du Sahel "
                        "central s'étendre vers le sud, jusqu'aux États côtiers d'Afrique de "
                        "l'Ouest. Les autorités béninoises ont présenté les mesures prises pour "
                        "protéger les populations du nord du pays et renforcer la coopération "
                        "avec les États voisins.",
                    ),
                    (
                        "paragraph",
                        "Les coprésidents ont salué l'arrivée de l'Arabie saoudite parmi les "
                        "coprésidents du Groupe.",
                    ),
                    (
                        "paragraph",
                        "Les membres ont fait le point sur la mise en œuvre du plan d'action "
                        "adopté à Niamey en mars et sont convenus d'accorder une attention "
                        "particulière aux communautés frontalières, au financement des groupes "
                        "affiliés à Daech/EI par les trafics illicites et à la réintégration des "
                        "personnes qui quittent les groupes armés.",
                    ),
                    (
                        "paragraph",
                        "Les coprésidents ont remercié le Bénin pour son hospitalité et pour "
                        "l'organisation de cette réunion.",
                    ),
                ],
                "source_name": "Note aux médias du Département d'État des États-Unis",
            },
        },
    },
    {
        "slug": "joint-communique-ministers-riyadh-2023",
        "title": "Joint Communiqué by Ministers of the Global Coalition to Defeat Daesh/ISIS, "
        "Riyadh",
        "statement_type": "joint_communique",
        "date": date(2023, 6, 8),
        "meeting": "riyadh-2023",
        "place": "Riyadh",
        "issuers": [("SA", "co_host"), ("US", "co_host")],
        "members_welcomed": ["TG"],
        "attribution": "The text of the following communiqué was released by the Governments of "
        "the Kingdom of Saudi Arabia and the United States of America on the occasion of the "
        "ministerial meeting of the Global Coalition in Riyadh.",
        "summary": "Coalition ministers meeting in Riyadh welcomed Togo as the 86th member, "
        "reaffirmed their resolve to achieve the enduring defeat of Daesh/ISIS, and pledged "
        "continued support for stabilisation in Iraq and Syria and for partners in Africa.",
        "hero_image": "ministerial-riyadh-2023",
        "hero_caption": "Ministers of the Global Coalition met in Riyadh, co-hosted by Saudi "
        "Arabia and the United States.",
        "body": [
            (
                "paragraph",
                "Ministers of the Global Coalition to Defeat Daesh/ISIS met in Riyadh on 8 June "
                "at the invitation of the Kingdom of Saudi Arabia and the United States to review "
                "the campaign and agree its priorities.",
            ),
            (
                "paragraph",
                "Ministers welcomed Togo as the 86th member of the Coalition, and recognised the "
                "contribution that members from Africa bring to its work.",
            ),
            (
                "paragraph",
                "Ministers noted that, although Daesh/ISIS no longer holds territory in Iraq and "
                "Syria, it remains a threat there and has grown in parts of Africa. They "
                "reaffirmed that its enduring defeat needs a comprehensive approach, combining "
                "security with stabilisation, justice and the fight against its propaganda.",
            ),
            ("heading", "Iraq and Syria"),
            (
                "paragraph",
                "Ministers committed to continue funding stabilisation in areas liberated from "
                "Daesh/ISIS, and underlined the urgency of repatriating, rehabilitating and, "
                "where appropriate, prosecuting those held in detention facilities and "
                "displacement camps in north-east Syria.",
            ),
            ("heading", "Africa"),
            (
                "paragraph",
                "Ministers endorsed the work of the Africa Focus Group and encouraged members to "
                "align their civilian support with the priorities of the states most affected.",
            ),
            ("paragraph", "Ministers thanked the Kingdom of Saudi Arabia for hosting the meeting."),
        ],
        "source_name": "U.S. Department of State media note",
        "hashtags": ["DefeatDaesh"],
        "lines_of_effort": [
            "military-campaign",
            "stabilisation",
            "foreign-terrorist-fighters",
        ],
        "regions": ["iraq", "syria", "sub-saharan-africa"],
    },
    {
        "slug": "joint-communique-ministers-washington-2024",
        "title": "Joint Communiqué by Ministers of the Global Coalition: Washington, October 2024",
        "statement_type": "joint_communique",
        "date": date(2024, 9, 30),
        "meeting": "washington-2024",
        "place": "Washington, D.C.",
        "issuers": [("US", "host")],
        "attribution": "The text of the following communiqué was released by the Government of the "
        "United States of America on the occasion of the ministerial meeting marking the tenth "
        "anniversary of the Global Coalition.",
        "summary": "Ten years after the Coalition was formed, ministers met in Washington to mark "
        "what has been achieved against Daesh/ISIS since 2014 and to commit to the work that "
        "remains: in Iraq and Syria, in Africa, and online.",
        "hero_image": "ministerial-washington-2024",
        "hero_caption": "Ministers met in Washington, D.C., to mark ten years of the Global "
        "Coalition.",
        "body": [
            (
                "paragraph",
                "Ministers of the Global Coalition to Defeat Daesh/ISIS met in Washington, D.C., "
                "hosted by the United States, ten years after the Coalition was formed in "
                "September 2014.",
            ),
            (
                "paragraph",
                "Ministers recalled that in 2014 Daesh/ISIS controlled large parts of Iraq and "
                "Syria, where millions of people lived under its rule. Working with partners on "
                "the ground, the Coalition helped to free those areas, ending the group's control "
                "of territory in March 2019.",
            ),
            (
                "paragraph",
                "Ministers paid tribute to the Iraqi and Syrian forces who fought Daesh/ISIS, and "
                "to the survivors of its crimes, including the Yazidi community.",
            ),
            ("heading", "The work ahead"),
            (
                "paragraph",
                "Ministers agreed that the Coalition's civilian work remains essential: "
                "stabilisation in liberated areas, justice for victims, the return and "
                "reintegration of displaced people, and sustained pressure on the group's "
                "finances and propaganda.",
            ),
            (
                "paragraph",
                "They reaffirmed their support for the Africa Focus Group and welcomed the "
                "growing number of African members of the Coalition.",
            ),
            ("paragraph", "Ministers thanked the United States for hosting the meeting."),
        ],
        "source_name": "U.S. Department of State media note",
        "hashtags": ["DefeatDaesh"],
        "lines_of_effort": [
            "military-campaign",
            "countering-financing",
            "foreign-terrorist-fighters",
            "stabilisation",
            "countering-propaganda",
        ],
        "regions": ["iraq", "syria", "sub-saharan-africa", "global"],
    },
    {
        "slug": "joint-communique-small-group-june-2020",
        "title": "Joint Communiqué by Ministers of the Global Coalition Small Group",
        "statement_type": "small_group_communique",
        "date": date(2020, 6, 4),
        "meeting": "small-group-2020",
        "group": "small-group",
        "issuers": [("IT", "co_host"), ("US", "co_host")],
        "attribution": "The text of the following communiqué was released by the Governments of "
        "Italy and the United States of America, co-hosts of the virtual meeting of the Small "
        "Group of the Global Coalition.",
        "summary": "Meeting by video conference during the COVID-19 pandemic, ministers of the "
        "Small Group agreed that the pandemic must not distract from the fight against "
        "Daesh/ISIS and committed to sustain their support to Iraq and north-east Syria.",
        "hero_image": "small-group-2020",
        "hero_caption": "Ministers of the Small Group met by video conference.",
        "body": [
            (
                "paragraph",
                "Ministers of the Small Group of the Global Coalition to Defeat Daesh/ISIS met by "
                "video conference on 4 June, co-hosted by Italy and the United States.",
            ),
            (
                "paragraph",
                "Ministers noted that Daesh/ISIS is trying to exploit the COVID-19 pandemic and "
                "the pressure it places on governments. They agreed that the Coalition's "
                "commitment must not waver, and that its programmes should adapt so that they can "
                "continue safely.",
            ),
            (
                "paragraph",
                "Ministers reaffirmed their support for the Government of Iraq and for "
                "stabilisation in liberated areas of Iraq and north-east Syria, including the "
                "clearance of explosive hazards, the restoration of basic services and support "
                "for local governance.",
            ),
            (
                "paragraph",
                "Ministers also discussed the threat from Daesh/ISIS affiliates beyond Iraq and "
                "Syria, particularly in West Africa and the Sahel, and agreed to keep it under "
                "close review.",
            ),
        ],
        "source_name": "U.S. Department of State media note",
        "hashtags": ["DefeatDaesh"],
        "lines_of_effort": ["stabilisation", "military-campaign"],
        "regions": ["iraq", "syria"],
    },
    {
        "slug": "paris-roadmap",
        "title": "The Paris Roadmap: Statement by Political Directors of the Small Group",
        "statement_type": "political_directors_statement",
        "date": date(2019, 6, 25),
        "meeting": "paris-2019",
        "place": "Paris",
        "group": "small-group",
        "issuers": [("FR", "host")],
        "attribution": "The text of the following statement was released by the Government of "
        "France on the occasion of the meeting of political directors of the Small Group of the "
        "Global Coalition in Paris.",
        "summary": "Three months after Daesh/ISIS lost the last of its territory, political "
        "directors of the Small Group met in Paris and agreed a roadmap for the next phase of "
        "the campaign, focused on preventing the group's resurgence.",
        "hero_image": "paris-roadmap-2019",
        "hero_caption": "Political directors of the Small Group met in Paris at the invitation of "
        "France.",
        "body": [
            (
                "paragraph",
                "Political directors of the Small Group of the Global Coalition to Defeat "
                "Daesh/ISIS met in Paris on 25 June at the invitation of France.",
            ),
            (
                "paragraph",
                "They welcomed the end of the so-called territorial “caliphate” in March and paid "
                "tribute to the forces who fought to achieve it. They agreed that the Coalition "
                "now faces a changing threat: a group that has lost its territory but not its "
                "ambition, operating underground in Iraq and Syria and through affiliates "
                "elsewhere.",
            ),
            ("heading", "The roadmap"),
            (
                "numbered",
                [
                    "Sustain military and security pressure on the remaining Daesh/ISIS networks "
                    "in Iraq and Syria.",
                    "Speed up stabilisation in liberated areas, so that the conditions that "
                    "allowed Daesh/ISIS to rise do not return.",
                    "Hold Daesh/ISIS members to account for their crimes, in line with "
                    "international law.",
                    "Counter the group's propaganda and its efforts to regroup online.",
                    "Keep the Coalition's structures under review, so that they match the "
                    "changing threat.",
                ],
            ),
            (
                "paragraph",
                "Political directors agreed to review progress against the roadmap at the "
                "Coalition's next meeting.",
            ),
        ],
        "source_name": "Ministry for Europe and Foreign Affairs of France",
        "hashtags": ["DefeatDaesh"],
        "lines_of_effort": [
            "military-campaign",
            "stabilisation",
            "countering-propaganda",
        ],
        "regions": ["iraq", "syria"],
    },
    {
        "slug": "first-anniversary-territorial-defeat",
        "title": "Statement on behalf of the Global Coalition on the first anniversary of Daesh's "
        "territorial defeat",
        "statement_type": "on_behalf_of_coalition",
        "date": date(2020, 3, 23),
        "on_behalf_of_all_members": True,
        "attribution": "The following statement is issued on behalf of the members of the Global "
        "Coalition against Daesh/ISIS.",
        "summary": "One year after the liberation of Baghouz ended Daesh's hold on territory in "
        "Iraq and Syria, the Coalition honours those who made it possible and renews its "
        "commitment to the group's enduring defeat.",
        "hero_image": "baghouz-anniversary",
        "hero_caption": "Baghouz, the last town held by Daesh/ISIS, was liberated in March 2019.",
        # Overrides the image's own credit, as an editor would for a page-specific credit.
        "hero_credit": "Graphic: Global Coalition communications team (demo)",
        "body": [
            (
                "paragraph",
                "A year ago today, the Syrian Democratic Forces, supported by the Global "
                "Coalition, liberated Baghouz, the last town held by Daesh/ISIS. With it, the "
                "group lost the last of the territory it had seized in Iraq and Syria since 2014.",
            ),
            (
                "paragraph",
                "At its height, Daesh/ISIS ruled over millions of people. Its defeat on the "
                "battlefield came at a great cost, borne above all by the Iraqi Security Forces, "
                "the Kurdish Peshmerga and the Syrian Democratic Forces, and by the communities "
                "who suffered under its rule. We honour their sacrifice.",
            ),
            (
                "paragraph",
                "The territorial defeat of Daesh/ISIS was a milestone, not the end of the "
                "campaign. The group continues to carry out attacks, to spread its propaganda and "
                "to inspire violence beyond Iraq and Syria. The Coalition remains united and "
                "determined to achieve its enduring defeat.",
            ),
            (
                "paragraph",
                "We will continue to support stabilisation in liberated areas, to hold Daesh/ISIS "
                "members accountable for their crimes, and to work with our partners so that the "
                "group cannot return.",
            ),
        ],
        "source_name": "Global Coalition against Daesh/ISIS",
        "legacy_url": "/?p=18530",
        "hashtags": ["DefeatDaesh"],
        "lines_of_effort": ["military-campaign", "stabilisation"],
        "regions": ["iraq", "syria"],
        "translations": {
            "ar": {
                "title": "بيان باسم التحالف الدولي في الذكرى الأولى للهزيمة الإقليمية لداعش",
                "slug": "بيان-الذكرى-الأولى-لهزيمة-داعش",
                "attribution": "صدر البيان التالي باسم أعضاء التحالف الدولي ضد داعش.",
                "summary": "بعد عام على تحرير الباغوز الذي أنهى سيطرة داعش على الأراضي في العراق "
                "وسوريا، يكرّم التحالف كل من جعل ذلك ممكناً، ويجدّد التزامه بهزيمة التنظيم "
                "هزيمة دائمة.",
                "hero_caption": "حُرّرت الباغوز، آخر بلدة كانت تحت سيطرة داعش، في آذار/مارس 2019.",
                "hero_credit": "رسم: فريق الاتصالات في التحالف الدولي (نسخة تجريبية)",
                "body": [
                    (
                        "paragraph",
                        "قبل عام من اليوم، حرّرت قوات سوريا الديمقراطية، بدعم من التحالف الدولي، "
                        "بلدة الباغوز، آخر بلدة كانت تحت سيطرة داعش. وبذلك خسر التنظيم آخر ما "
                        "تبقّى من الأراضي التي استولى عليها في العراق وسوريا منذ عام 2014.",
                    ),
                    (
                        "paragraph",
                        "في ذروة قوته، حكم داعش ملايين الناس. وقد تحققت هزيمته في ساحة المعركة "
                        "بثمن باهظ، دفعته قبل كل شيء قوات الأمن العراقية وقوات البيشمركة الكردية "
                        "وقوات سوريا الديمقراطية، والمجتمعات التي عانت من حكمه. إننا نكرّم "
                        "تضحياتهم.",
                    ),
                    (
                        "paragraph",
                        "كانت الهزيمة الإقليمية لداعش محطة مهمة، لكنها ليست نهاية الحملة. فالتنظيم "
                        "ما زال ينفّذ هجمات وينشر دعايته ويحرّض على العنف خارج العراق وسوريا. "
                        "ويبقى التحالف موحّداً وعازماً على تحقيق هزيمته الدائمة.",
                    ),
                    (
                        "paragraph",
                        "سنواصل دعم جهود تحقيق الاستقرار في المناطق المحرّرة، ومحاسبة عناصر داعش "
                        "على جرائمهم، والعمل مع شركائنا حتى لا يتمكّن التنظيم من العودة.",
                    ),
                ],
                "source_name": "التحالف الدولي ضد داعش",
            },
        },
    },
]
