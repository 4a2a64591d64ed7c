"""Build the benchmark corpus: N news pages (and N/10 statements) in a fresh database, fast.

Run by `bench_delivery.py` in a subprocess whose environment names the database (DATABASE_URL)
and media folder (MEDIA_ROOT); it can also be run by hand:

    DATABASE_URL=sqlite:////tmp/coalition-bench-1000.sqlite3 \
        MEDIA_ROOT=/tmp/coalition-bench-1000-media .venv/bin/python scripts/bench_data.py 1000

Going through `add_child` and `save_revision` costs tens of milliseconds a page; 100,000 pages
would take an hour. Instead the pages are laid out the way treebeard would lay them out (path,
depth, numchild) and inserted in batches: the `wagtailcore_page` rows through `bulk_create`, the
page type's own table by one INSERT per batch (Django refuses `bulk_create` across multi-table
inheritance), then the many-to-many and hashtag rows. Everything is one transaction, so a
database either holds a whole corpus, marked as such, or none. The search index is rebuilt at the
end and the images' renditions are generated once, so that neither is measured later.
"""

import argparse
import datetime
import os
import random
import sys
import time
import uuid
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
BATCH_SIZE = 2000
# The corpus is complete when the news index carries this summary; the loader writes it last.
# A corpus with another summary of this kind is rebuilt: raise the version when content changes.
MARKER_PREFIX = "Benchmark corpus"
MARKER = MARKER_PREFIX + ", version 2, of {size} news pages."
# Words for the search figures, each in about SEARCH_MATCHES pages whatever the corpus size: a
# reader's search matches tens to hundreds of items, and its cost grows with the matches.
SEARCH_WORDS = ["Hawija", "Sinjar", "Tabqa", "Kobani", "Diffa"]
SEARCH_MATCHES = 100

PLACES = [
    "Baghdad", "Erbil", "Mosul", "Raqqa", "Deir ez-Zor", "Niamey", "Abuja", "Maputo", "Rome",
    "Brussels",
]  # fmt: skip
PARTNERS = ["Iraqi", "Nigerien", "Nigerian", "Mozambican", "Syrian Democratic", "Kurdish"]
TOPICS = [
    "stabilisation", "border security", "terrorist financing", "returning fighters",
    "demining", "schools and clinics", "water and power", "counter-messaging",
]  # fmt: skip
TITLES = [
    "Coalition partners meet in {place} to review {topic}",
    "New support for {topic} announced in {place}",
    "{partner} partners and Coalition members discuss {topic}",
    "Readout: working group on {topic} meets in {place}",
    "Fact sheet: {topic} after the liberation of {place}",
]
SENTENCES = [
    "Members of the Global Coalition met in {place} to take stock of progress on {topic}.",
    "{partner} officials briefed participants on the situation on the ground.",
    "The meeting welcomed new pledges for {topic}, bringing this year's total to ${amount} "
    "million.",
    "Participants stressed that lasting security depends on the return of basic services.",
    "Teams cleared {amount} hectares of explosive hazards so that families could return home.",
    "The co-chairs thanked {partner} partners for their commitment and their sacrifices.",
    "Members agreed to meet again before the end of the year to review {topic}.",
    "Local councils in {place} reopened {amount} schools with the Coalition's support.",
    "Daesh/ISIS continues to exploit instability, and members remain united against it.",
    "The working group shared lessons from {place} with partners across the region.",
]
HEADINGS = ["Background", "What was agreed", "Next steps", "On the ground", "In numbers"]
LINES_OF_EFFORT = [
    ("military-campaign", "Military campaign"),
    ("countering-financing", "Countering Daesh's financing"),
    ("foreign-terrorist-fighters", "Foreign terrorist fighters"),
    ("stabilisation", "Stabilisation"),
    ("counter-messaging", "Counter-messaging"),
]
REGIONS = [
    ("iraq", "Iraq"),
    ("syria", "Syria"),
    ("sub-saharan-africa", "Sub-Saharan Africa"),
    ("north-africa", "North Africa"),
    ("central-asia", "Central Asia"),
    ("europe", "Europe"),
]
HASHTAGS = [
    "DefeatDaesh", "DefeatISIS", "Stabilisation", "Iraq", "Syria", "Africa", "WomenInPeace",
    "ThisGenerationLearns", "16Days", "CoalitionMeeting",
]  # fmt: skip
MEMBERS = [
    ("Iraq", "IQ"), ("Italy", "IT"), ("Niger", "NE"), ("United States", "US"),
    ("Morocco", "MA"), ("United Kingdom", "GB"),
]  # fmt: skip
PALETTES = ["navy", "sahel", "teal", "dusk", "olive", "slate", "gold", "navy"]


def setup_django():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "settings.dev")
    # No query log: the loader runs hundreds of thousands of statements.
    os.environ.setdefault("DJANGO_DEBUG", "False")
    sys.path.insert(0, str(PROJECT_ROOT))
    import django

    django.setup()


def log(message):
    print(message, file=sys.stderr, flush=True)


class Vocabulary:
    """Images, taxonomy, hashtags and meetings shared by every page of the corpus."""

    def __init__(self, rng):
        from wagtail.models import Locale

        self.rng = rng
        self.locale = Locale.objects.get(language_code="en")
        self.images = self.make_images("Hero", len(PALETTES))
        self.flags = self.make_images("Flag", len(MEMBERS))
        self.lines = self.make_snippets("LineOfEffort", LINES_OF_EFFORT)
        self.regions = self.make_snippets("Region", REGIONS)
        self.hashtags = self.make_hashtags()
        self.members = self.make_members()
        self.meetings = self.make_meetings()

    def make_images(self, kind, count):
        from django.core.files.base import ContentFile

        from wagtail.images import get_image_model

        from demo.images import render_image

        images = []
        for number in range(count):
            label = f"{kind} {number + 1}"
            image = get_image_model()(
                title=f"Benchmark {label.lower()}",
                description=f"A generated picture labelled “{label}”.",
                credit="Photo: benchmark corpus",
                file=ContentFile(
                    render_image(label, PALETTES[number % len(PALETTES)], seed=label),
                    name=f"bench-{kind.lower()}-{number + 1}.jpg",
                ),
            )
            image._set_image_file_metadata()
            image.save()
            images.append(image)
        return images

    def make_snippets(self, model_name, entries):
        from django.apps import apps

        model = apps.get_model("cms", model_name)
        return [
            model.objects.create(slug=slug, name=name, locale=self.locale) for slug, name in entries
        ]

    def make_hashtags(self):
        from cms.models import Hashtag

        return [Hashtag.objects.create(name=name, slug=name.lower()) for name in HASHTAGS]

    def make_members(self):
        from cms.models import Member

        return [
            Member.objects.create(name=name, iso_code=code, flag=flag, locale=self.locale)
            for (name, code), flag in zip(MEMBERS, self.flags, strict=True)
        ]

    def make_meetings(self):
        from cms.models import Meeting, MeetingHost

        meetings = []
        for number, place in enumerate(PLACES[:5]):
            meeting = Meeting.objects.create(
                title=f"Small Group meeting, {place}",
                kind=Meeting.Kind.SMALL_GROUP,
                starts_on=datetime.date(2016 + number, 3, 1),
                city=place,
                participant_count=30 + number,
                locale=self.locale,
            )
            for order, member in enumerate(self.rng.sample(self.members, 2)):
                MeetingHost.objects.create(
                    meeting=meeting, member=member, role=MeetingHost.Role.HOST, sort_order=order
                )
            meetings.append(meeting)
        return meetings

    def generate_renditions(self):
        """Every named rendition of every image, so no request pays for drawing one."""
        from cms.renditions import RENDITION_FILTERS, filter_specs

        for image in self.images + self.flags:
            image.get_renditions(*filter_specs(RENDITION_FILTERS))


class ArticleWriter:
    """The fields of one generated article: deterministic for a given seed."""

    def __init__(self, rng, vocabulary, size):
        self.rng = rng
        self.vocabulary = vocabulary
        self.search_every = max(1, size // (SEARCH_MATCHES * len(SEARCH_WORDS)))

    def words(self):
        return {
            "place": self.rng.choice(PLACES),
            "partner": self.rng.choice(PARTNERS),
            "topic": self.rng.choice(TOPICS),
            "amount": self.rng.randint(3, 900),
        }

    def sentences(self, words, count):
        return " ".join(sentence.format(**words) for sentence in self.rng.sample(SENTENCES, count))

    def paragraph(self, words, count):
        return f"<p>{self.sentences(words, count)}</p>"

    def body(self, words, number):
        """A heading and a few paragraphs; every third article also has an image, and some a
        search word."""
        blocks = [
            ("paragraph", self.paragraph(words, 3)),
            ("heading", {"text": self.rng.choice(HEADINGS), "level": "h2"}),
            ("paragraph", self.paragraph(words, 4)),
            ("paragraph", self.paragraph(words, 3)),
        ]
        if number % 3 == 0:
            image = self.rng.choice(self.vocabulary.images)
            blocks.insert(2, ("image", image_block_value(image, f"Seen in {words['place']}.")))
        if number % self.search_every == 0:
            word = SEARCH_WORDS[number // self.search_every % len(SEARCH_WORDS)]
            blocks.append(("paragraph", f"<p>Delegates from {word} also took part.</p>"))
        return [{"type": kind, "value": value, "id": str(uuid.uuid4())} for kind, value in blocks]

    def article(self, number, related_ids):
        words = self.words()
        title = self.rng.choice(TITLES).format(**words)
        title = title[0].upper() + title[1:]
        day = datetime.date(2014, 9, 1) + datetime.timedelta(days=self.rng.randint(0, 3900))
        published = datetime.datetime.combine(day, datetime.time(9, 30), tzinfo=datetime.UTC)
        related = [
            {"type": "page", "value": page_id, "id": str(uuid.uuid4())} for page_id in related_ids
        ]
        return {
            "title": title,
            "draft_title": title,
            "slug": f"{slugify(title)}-{number}",
            "first_published_at": published,
            "last_published_at": published,
            "summary": self.sentences(words, 2)[:320],
            "date": day,
            "place": words["place"],
            "hero_image": self.rng.choice(self.vocabulary.images),
            "hero_caption": f"Coalition partners in {words['place']}.",
            "body": self.body(words, number),
            "related": related,
        }

    def filing(self):
        """Lines of effort, regions and hashtags for one article."""
        return (
            self.rng.sample(self.vocabulary.lines, self.rng.randint(1, 3)),
            [self.rng.choice(self.vocabulary.regions)],
            self.rng.sample(self.vocabulary.hashtags, self.rng.randint(1, 2)),
        )


def image_block_value(image, caption):
    # ImageBlock stores its value like a StructBlock: the image, its alt text, decorative or not.
    return {
        "image": {"image": image.pk, "alt_text": image.description, "decorative": False},
        "caption": caption,
        "credit": "",
    }


def slugify(text):
    from django.utils.text import slugify as django_slugify

    return django_slugify(text)[:200]


def bulk_create_pages(pages):
    """`bulk_create` for a page type: the Page rows through the ORM, then the type's own rows."""
    from django.db import connection

    from wagtail.models import Page

    page_fields = [field for field in Page._meta.concrete_fields if not field.primary_key]
    rows = Page.objects.bulk_create(
        [
            Page(**{field.attname: getattr(page, field.attname) for field in page_fields})
            for page in pages
        ]
    )
    for page, row in zip(pages, rows, strict=True):
        page.pk = page.id = row.pk

    model = type(pages[0])
    fields = model._meta.local_concrete_fields
    quote = connection.ops.quote_name
    columns = ", ".join(quote(field.column) for field in fields)
    placeholders = ", ".join(["%s"] * len(fields))
    # Table and column names come from the model's own meta, never from input.
    sql = f"INSERT INTO {quote(model._meta.db_table)} ({columns}) VALUES ({placeholders})"  # noqa: S608
    values = [
        [field.get_db_prep_save(getattr(page, field.attname), connection) for field in fields]
        for page in pages
    ]
    with connection.cursor() as cursor:
        cursor.executemany(sql, values)


def add_filing(model, hashtag_model, pages, filings):
    """The many-to-many rows (lines of effort, regions) and hashtag rows of `pages`."""
    lines_through = model.lines_of_effort.through
    regions_through = model.regions.through
    owner = f"{model._meta.model_name}_id"
    lines, regions, hashtags = [], [], []
    for page, (page_lines, page_regions, page_hashtags) in zip(pages, filings, strict=True):
        lines += [
            lines_through(**{owner: page.pk, "lineofeffort_id": line.pk}) for line in page_lines
        ]
        regions += [
            regions_through(**{owner: page.pk, "region_id": region.pk}) for region in page_regions
        ]
        hashtags += [
            hashtag_model(content_object_id=page.pk, tag_id=tag.pk) for tag in page_hashtags
        ]
    lines_through.objects.bulk_create(lines)
    regions_through.objects.bulk_create(regions)
    hashtag_model.objects.bulk_create(hashtags)


class PageLoader:
    """Children of one index page, laid out as treebeard would and inserted in batches."""

    def __init__(self, index, model, hashtag_model, writer):
        from django.contrib.contenttypes.models import ContentType

        self.index = index
        self.model = model
        self.hashtag_model = hashtag_model
        self.writer = writer
        self.content_type = ContentType.objects.get_for_model(model)
        self.count = 0
        self.ids = []

    def load(self, total, extra_fields):
        while self.count < total:
            batch = min(BATCH_SIZE, total - self.count)
            pages, filings = [], []
            for _ in range(batch):
                self.count += 1
                pages.append(self.page(self.count, extra_fields()))
                filings.append(self.writer.filing())
            bulk_create_pages(pages)
            add_filing(self.model, self.hashtag_model, pages, filings)
            self.ids += [page.pk for page in pages]
            log(f"  {self.model.__name__}: {self.count:,} of {total:,}")
        type(self.index).objects.filter(pk=self.index.pk).update(numchild=self.count)

    def page(self, number, extra_fields):
        rng = self.writer.rng
        # One article in five links to two earlier ones, as editors' “related” blocks do.
        related = rng.sample(self.ids, 2) if number % 5 == 0 and len(self.ids) >= 2 else []
        fields = self.writer.article(number, related)
        return self.model(
            **fields,
            **extra_fields,
            path=self.model._get_path(self.index.path, self.index.depth + 1, number),
            depth=self.index.depth + 1,
            numchild=0,
            url_path=f"{self.index.url_path}{fields['slug']}/",
            content_type=self.content_type,
            locale_id=self.index.locale_id,
            translation_key=uuid.uuid4(),
            live=True,
            has_unpublished_changes=False,
        )


def corpus_state(size):
    """“ready”, “empty”, “stale” (another benchmark corpus) or “foreign” (someone's content)."""
    from pages.models import NewsIndexPage

    index = NewsIndexPage.objects.first()
    if index is None:
        return "empty"
    if index.summary == MARKER.format(size=size) and index.numchild == size:
        return "ready"
    return "stale" if index.summary.startswith(MARKER_PREFIX) else "foreign"


def create_database(drop=False):
    """A new, empty database under the configured name (SQLite file or PostgreSQL database)."""
    from django.db import connection

    name = connection.settings_dict["NAME"]
    connection.close()
    if connection.vendor == "sqlite":
        Path(name).unlink(missing_ok=True)
    elif connection.vendor == "postgresql":
        # Django's own way to reach the server without the database, as its test runner does.
        with connection._nodb_cursor() as cursor:
            if drop:
                cursor.execute(f"DROP DATABASE IF EXISTS {connection.ops.quote_name(name)}")
            cursor.execute(f"CREATE DATABASE {connection.ops.quote_name(name)}")
    else:
        sys.exit(
            f"The benchmark loader does not know how to create a {connection.vendor} database."
        )


def database_exists():
    from django.db import OperationalError, connection

    try:
        connection.ensure_connection()
    except OperationalError:
        return False
    return True


def build_corpus(size):
    """Load `size` news pages and `size // 10` statements under the English home page."""
    from django.core.management import call_command
    from django.db import transaction

    from pages.models import (
        HomePage,
        NewsHashtag,
        NewsIndexPage,
        NewsPage,
        StatementHashtag,
        StatementIndexPage,
        StatementIssuer,
        StatementPage,
    )

    rng = random.Random(size)  # noqa: S311 — reproducible content, not secrets
    with transaction.atomic():
        home = HomePage.objects.get(locale__language_code="en")
        vocabulary = Vocabulary(rng)
        news_index = home.add_child(instance=NewsIndexPage(title="News", slug="news"))
        statements_index = home.add_child(
            instance=StatementIndexPage(title="Statements", slug="statements")
        )
        writer = ArticleWriter(rng, vocabulary, size)

        def news_fields():
            meeting = rng.choice(vocabulary.meetings) if rng.random() < 0.1 else None
            return {
                "news_type": rng.choice(NewsPage.NewsType.values),
                "dateline": rng.choice(PLACES).upper(),
                "meeting": meeting,
            }

        def statement_fields():
            return {"statement_type": rng.choice(StatementPage.StatementType.values)}

        PageLoader(news_index, NewsPage, NewsHashtag, writer).load(size, news_fields)
        statements = PageLoader(statements_index, StatementPage, StatementHashtag, writer)
        statements.load(size // 10, statement_fields)
        StatementIssuer.objects.bulk_create(
            StatementIssuer(page_id=page_id, member=member, role=role, sort_order=order)
            for page_id in statements.ids
            for order, (member, role) in enumerate(
                zip(rng.sample(vocabulary.members, 2), ["co_chair", "signatory"], strict=True)
            )
        )
        log("  search index")
        call_command("update_index", verbosity=0)
        log("  renditions")
        vocabulary.generate_renditions()
        NewsIndexPage.objects.filter(pk=news_index.pk).update(summary=MARKER.format(size=size))


def analyze():
    """Planner statistics, as a live site has them: PostgreSQL's autovacuum gathers them, and on
    SQLite `run_scheduler` does (analyze_database)."""
    from django.core.management import call_command

    call_command("analyze_database", verbosity=0)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("size", type=int, help="How many news pages")
    args = parser.parse_args()
    setup_django()
    from django.core.management import call_command

    if not database_exists():
        create_database()
    call_command("migrate", verbosity=0, interactive=False)
    state = corpus_state(args.size)
    if state == "ready":
        log(f"Corpus of {args.size:,} news pages already loaded.")
        analyze()
        return
    if state == "foreign":
        sys.exit("This database already has news pages of its own: give the loader a fresh one.")
    if state == "stale":
        log("Rebuilding an older benchmark corpus.")
        create_database(drop=True)
        call_command("migrate", verbosity=0, interactive=False)
    started = time.monotonic()
    build_corpus(args.size)
    analyze()
    log(f"Loaded {args.size:,} news pages in {time.monotonic() - started:.0f} s.")


if __name__ == "__main__":
    main()
