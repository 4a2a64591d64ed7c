"""Members, the groups they form and the meetings they held, as the design note records them."""

from datetime import date

# Founding members are the states that formed the Coalition in September 2014: the “core
# coalition” announced at the NATO summit in Wales (5 September) and the signatories of the
# Jeddah communiqué (11 September). The exact day each joined is not recorded, hence “month”.
SEPTEMBER_2014 = {"joined_on": date(2014, 9, 1), "joined_on_precision": "month", "founding": True}

# Keyed by ISO 3166-1 alpha-2 code (states) or acronym (organisations).
STATES = {
    "US": {"name": "United States", "official_name": "United States of America", **SEPTEMBER_2014},
    "GB": {
        "name": "United Kingdom",
        "official_name": "United Kingdom of Great Britain and Northern Ireland",
        **SEPTEMBER_2014,
    },
    "FR": {"name": "France", "official_name": "French Republic", **SEPTEMBER_2014},
    "IT": {"name": "Italy", "official_name": "Italian Republic", **SEPTEMBER_2014},
    "DE": {"name": "Germany", "official_name": "Federal Republic of Germany", **SEPTEMBER_2014},
    "TR": {"name": "Türkiye", "official_name": "Republic of Türkiye", **SEPTEMBER_2014},
    "AU": {"name": "Australia", "official_name": "Commonwealth of Australia", **SEPTEMBER_2014},
    "CA": {"name": "Canada", **SEPTEMBER_2014},
    "DK": {"name": "Denmark", "official_name": "Kingdom of Denmark", **SEPTEMBER_2014},
    "PL": {"name": "Poland", "official_name": "Republic of Poland", **SEPTEMBER_2014},
    "SA": {"name": "Saudi Arabia", "official_name": "Kingdom of Saudi Arabia", **SEPTEMBER_2014},
    "AE": {"name": "United Arab Emirates", **SEPTEMBER_2014},
    "KW": {"name": "Kuwait", "official_name": "State of Kuwait", **SEPTEMBER_2014},
    "BH": {"name": "Bahrain", "official_name": "Kingdom of Bahrain", **SEPTEMBER_2014},
    "QA": {"name": "Qatar", "official_name": "State of Qatar", **SEPTEMBER_2014},
    "OM": {"name": "Oman", "official_name": "Sultanate of Oman", **SEPTEMBER_2014},
    "JO": {"name": "Jordan", "official_name": "Hashemite Kingdom of Jordan", **SEPTEMBER_2014},
    "EG": {"name": "Egypt", "official_name": "Arab Republic of Egypt", **SEPTEMBER_2014},
    "LB": {"name": "Lebanon", "official_name": "Lebanese Republic", **SEPTEMBER_2014},
    "IQ": {"name": "Iraq", "official_name": "Republic of Iraq", "region": "iraq", **SEPTEMBER_2014},
    # Members the note names without a joining date.
    "NL": {"name": "Netherlands", "official_name": "Kingdom of the Netherlands"},
    "BE": {"name": "Belgium", "official_name": "Kingdom of Belgium"},
    "MA": {"name": "Morocco", "official_name": "Kingdom of Morocco"},
    "NE": {
        "name": "Niger",
        "official_name": "Republic of the Niger",
        "region": "sub-saharan-africa",
    },
    "BJ": {"name": "Benin", "official_name": "Republic of Benin", "region": "sub-saharan-africa"},
    # Members whose place in the order of joining the note gives.
    "BF": {
        "name": "Burkina Faso",
        "region": "sub-saharan-africa",
        "joined_on": date(2021, 12, 2),
        "join_order": 84,
    },
    "TG": {
        "name": "Togo",
        "official_name": "Togolese Republic",
        "region": "sub-saharan-africa",
        "joined_on": date(2023, 6, 8),
        "join_order": 86,
    },
    "SY": {
        "name": "Syria",
        "official_name": "Syrian Arab Republic",
        "region": "syria",
        "joined_on": date(2026, 2, 1),
        "joined_on_precision": "month",
        "join_order": 90,
    },
}

ORGANISATIONS = {
    "EU": {"name": "European Union"},
    "LAS": {"name": "Arab League", "official_name": "League of Arab States"},
    "INTERPOL": {"name": "INTERPOL", "official_name": "International Criminal Police Organization"},
    "NATO": {"name": "NATO", "official_name": "North Atlantic Treaty Organization"},
    "CEN-SAD": {"name": "CEN-SAD", "official_name": "Community of Sahel-Saharan States"},
}

# Names in Arabic and French for the members the translated pages mention.
MEMBER_TRANSLATIONS = {
    "US": {
        "ar": ("الولايات المتحدة", "الولايات المتحدة الأمريكية"),
        "fr": ("États-Unis", "États-Unis d'Amérique"),
    },
    "IT": {"ar": ("إيطاليا", "الجمهورية الإيطالية"), "fr": ("Italie", "République italienne")},
    "MA": {"ar": ("المغرب", "المملكة المغربية"), "fr": ("Maroc", "Royaume du Maroc")},
    "NE": {"ar": ("النيجر", "جمهورية النيجر"), "fr": ("Niger", "République du Niger")},
    "SA": {
        "ar": ("السعودية", "المملكة العربية السعودية"),
        "fr": ("Arabie saoudite", "Royaume d'Arabie saoudite"),
    },
    "BJ": {"ar": ("بنين", "جمهورية بنين"), "fr": ("Bénin", "République du Bénin")},
    "BF": {"ar": ("بوركينا فاسو", ""), "fr": ("Burkina Faso", "")},
    "TG": {"ar": ("توغو", "جمهورية توغو"), "fr": ("Togo", "République togolaise")},
    "IQ": {"ar": ("العراق", "جمهورية العراق"), "fr": ("Irak", "République d'Irak")},
    "SY": {
        "ar": ("سوريا", "الجمهورية العربية السورية"),
        "fr": ("Syrie", "République arabe syrienne"),
    },
    "FR": {"ar": ("فرنسا", "الجمهورية الفرنسية"), "fr": ("France", "République française")},
}

# Roles are (member code, role, started_on, ended_on); None means since the start, or still held.
GROUPS = [
    {
        "slug": "small-group",
        "name": "Small Group",
        "description": "A smaller set of members that meets at ministerial or political-director "
        "level between full ministerial meetings, co-hosted by the United States and a host "
        "state, to steer the Coalition's work.",
        "roles": [],
    },
    {
        "slug": "africa-focus-group",
        "name": "Africa Focus Group",
        "description": "Coordinates the Coalition's civilian support to partners in Africa facing "
        "Daesh/ISIS affiliates, from criminal justice to stabilisation.",
        "established_on": date(2021, 12, 2),
        # The note gives the co-chairs at launch and “by Nov 2023”; the handover is dated to
        # the first statement that shows it (Cotonou, 15 November 2023).
        "roles": [
            ("IT", "co_chair", date(2021, 12, 2), None),
            ("MA", "co_chair", date(2021, 12, 2), None),
            ("NE", "co_chair", date(2021, 12, 2), date(2023, 11, 14)),
            ("US", "co_chair", date(2021, 12, 2), None),
            ("SA", "co_chair", date(2023, 11, 15), None),
        ],
    },
    {
        "slug": "counter-isis-finance-group",
        "name": "Counter ISIS Finance Group",
        "description": "Brings together members' finance ministries, central banks and "
        "investigators to disrupt the money that sustains Daesh/ISIS and its affiliates.",
        "roles": [
            ("IT", "co_lead", None, None),
            ("SA", "co_lead", None, None),
            ("US", "co_lead", None, None),
        ],
    },
    {
        "slug": "foreign-terrorist-fighters-working-group",
        "name": "Foreign Terrorist Fighters Working Group",
        "description": "Helps members stop terrorist travel, share information at borders and "
        "deal with returning fighters and their families.",
        "roles": [
            ("NL", "co_lead", None, None),
            ("TR", "co_lead", None, None),
            ("KW", "co_lead", None, None),
        ],
    },
    {
        "slug": "communications-working-group",
        "name": "Communications Working Group",
        "description": "Counters Daesh/ISIS propaganda and supports credible voices who reject it, "
        "online and offline.",
        "roles": [
            ("AE", "co_lead", None, None),
            ("GB", "co_lead", None, None),
            ("US", "co_lead", None, None),
        ],
    },
    {
        "slug": "stabilisation-working-group",
        "name": "Stabilisation Working Group",
        "description": "Coordinates support for the recovery of areas liberated from Daesh/ISIS: "
        "clearing explosive hazards, restoring services and helping families return.",
        "roles": [
            ("DE", "co_lead", None, None),
            ("AE", "co_lead", None, None),
            ("US", "co_lead", None, None),
        ],
    },
]

# Hosts are (member code, role). The note says Small Group meetings are co-hosted by the United
# States and a host state; where it names only the city, the host state is the one it lies in.
MEETINGS = {
    "paris-2019": {
        "title": "Small Group political directors' meeting, Paris",
        "kind": "political_directors",
        "group": "small-group",
        "starts_on": date(2019, 6, 25),
        "city": "Paris",
        "hosts": [("FR", "host")],
    },
    "small-group-2020": {
        "title": "Small Group ministerial meeting (virtual)",
        "kind": "small_group",
        "group": "small-group",
        "starts_on": date(2020, 6, 4),
        "format": "virtual",
        "hosts": [("IT", "co_host"), ("US", "co_host")],
    },
    "rome-2021": {
        "title": "Ministerial meeting, Rome",
        "kind": "ministerial",
        "starts_on": date(2021, 6, 28),
        "city": "Rome",
        "hosts": [("IT", "co_host"), ("US", "co_host")],
    },
    "brussels-2021": {
        "title": "Small Group meeting, Brussels",
        "kind": "small_group",
        "group": "small-group",
        "starts_on": date(2021, 12, 2),
        "city": "Brussels",
        "hosts": [("BE", "co_host"), ("US", "co_host")],
    },
    "marrakech-2022": {
        "title": "Ministerial meeting, Marrakech",
        "kind": "ministerial",
        "starts_on": date(2022, 5, 11),
        "city": "Marrakech",
        "hosts": [("MA", "co_host"), ("US", "co_host")],
    },
    "niamey-2022": {
        "title": "Africa Focus Group co-chairs' meeting, Niamey",
        "kind": "focus_group",
        "group": "africa-focus-group",
        "starts_on": date(2022, 10, 26),
        "city": "Niamey",
        "hosts": [("NE", "host")],
    },
    "abu-dhabi-2022": {
        "title": "Stabilisation Working Group meeting, Abu Dhabi",
        "kind": "working_group",
        "group": "stabilisation-working-group",
        "starts_on": date(2022, 11, 24),
        "city": "Abu Dhabi",
        "hosts": [("AE", "host")],
    },
    "the-hague-2022": {
        "title": "Small Group political directors' meeting, The Hague",
        "kind": "political_directors",
        "group": "small-group",
        "starts_on": date(2022, 12, 7),
        "city": "The Hague",
        "hosts": [("NL", "co_host"), ("US", "co_host")],
    },
    "niamey-2023": {
        "title": "Africa Focus Group meeting, Niamey",
        "kind": "focus_group",
        "group": "africa-focus-group",
        "starts_on": date(2023, 3, 1),
        "ends_on": date(2023, 3, 2),
        "city": "Niamey",
        "participant_count": 38,
        "hosts": [("NE", "host")],
    },
    "riyadh-2023": {
        "title": "Ministerial meeting, Riyadh",
        "kind": "ministerial",
        "starts_on": date(2023, 6, 8),
        "city": "Riyadh",
        "hosts": [("SA", "co_host"), ("US", "co_host")],
    },
    "cotonou-2023": {
        "title": "Africa Focus Group meeting, Cotonou",
        "kind": "focus_group",
        "group": "africa-focus-group",
        "starts_on": date(2023, 11, 15),
        "city": "Cotonou",
        "participant_count": 28,
        "hosts": [("BJ", "host")],
    },
    "washington-2024": {
        "title": "Ministerial meeting, Washington, D.C.",
        "kind": "ministerial",
        "starts_on": date(2024, 9, 30),
        "city": "Washington, D.C.",
        "hosts": [("US", "host")],
    },
}
