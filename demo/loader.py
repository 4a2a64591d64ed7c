"""Loads the demo content idempotently: everything is looked up by its natural key first."""

import html
from collections import Counter, defaultdict
from contextlib import contextmanager

from django.core.files.base import ContentFile
from django.db import models

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import get_all_child_relations
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site, TranslatableMixin

from cms.models import (
    Announcement,
    Group,
    GroupRole,
    LineOfEffort,
    Meeting,
    MeetingHost,
    Member,
    Region,
    SiteSettings,
    SiteText,
    SocialAccount,
    SocialLink,
    SocialPost,
)
from pages.models import (
    CampaignPage,
    HomePage,
    InFocusIndexPage,
    InFocusPage,
    NewsIndexPage,
    NewsPage,
    StandardPage,
    StatementAttachment,
    StatementIndexPage,
    StatementIssuer,
    StatementPage,
)

from . import images
from .content import infocus, media, members, news, pages, site, statements, taxonomy

CREATED, UPDATED, UNCHANGED = "created", "updated", "unchanged"

INDEX_MODELS = {
    "StatementIndexPage": StatementIndexPage,
    "NewsIndexPage": NewsIndexPage,
    "InFocusIndexPage": InFocusIndexPage,
}

# Content blocks that are typed as text; consecutive ones become one rich-text paragraph block.
TEXT_BLOCKS = {"paragraph", "bullets", "numbered"}


def escape(text):
    return html.escape(text, quote=False)


def rich_text(kind, value):
    """HTML for Wagtail's rich text from a paragraph, or a list of bullet or numbered items."""
    if kind == "paragraph":
        return f"<p>{escape(value)}</p>"
    tag = "ul" if kind == "bullets" else "ol"
    items = "".join(f"<li>{escape(item)}</li>" for item in value)
    return f"<{tag}>{items}</{tag}>"


def localized(obj, locale):
    """The object's translation into `locale`, or the object itself if it has none."""
    translation = obj.get_translation_or_none(locale)
    if translation is None:
        return obj
    return translation.specific if isinstance(translation, Page) else translation


def differs(obj, name, value):
    # Related objects compare by key: a page and its specific subclass are not `==`.
    if isinstance(value, models.Model):
        return getattr(obj, obj._meta.get_field(name).attname) != value.pk
    return getattr(obj, name) != value


class DemoLoader:
    """Creates what is missing and corrects snippets that differ from the content modules.

    Pages are created and published once; after that they belong to the editors, so a page
    that exists is left as it is and no revision is added to it.
    """

    def __init__(self, write):
        self.write = write
        self.counts = defaultdict(Counter)  # kind → {"created": n, "updated": n, "unchanged": n}
        self.section_counts = Counter()
        self.locales = {locale.language_code: locale for locale in Locale.objects.all()}
        self.english = self.locales["en"]
        self.home = HomePage.objects.get(locale=self.english)
        self.images, self.documents = {}, {}
        self.regions, self.lines, self.members, self.groups, self.meetings = {}, {}, {}, {}, {}

    def load(self):
        with self.section("Images and documents"):
            self.load_media()
        with self.section("Home, section and standard pages"):
            self.load_site_pages()
        with self.section("Regions and lines of effort"):
            self.load_taxonomy()
        with self.section("Members"):
            self.load_members()
        with self.section("Groups and their roles"):
            self.load_groups()
        with self.section("Meetings and their hosts"):
            self.load_meetings()
        # Statements first: news and features link back to them.
        with self.section("Statements"):
            self.load_articles(StatementPage, StatementIndexPage, statements.STATEMENTS)
        with self.section("News"):
            self.load_articles(NewsPage, NewsIndexPage, news.NEWS)
        with self.section("In Focus"):
            self.load_articles(InFocusPage, InFocusIndexPage, infocus.FEATURES)
        with self.section("Arabic and French names"):
            self.translate_snippets()
        with self.section("Arabic and French pages"):
            self.translate_pages()
        with self.section("Announcement"):
            self.load_announcement()
        with self.section("Social wall"):
            self.load_social_wall()
        with self.section("Site settings"):
            self.load_site_settings()

    # Bookkeeping

    @contextmanager
    def section(self, label):
        self.section_counts = Counter()
        yield
        done = self.section_counts
        self.write(
            f"{label}… {done[CREATED]} created, {done[UPDATED]} updated, "
            f"{done[UNCHANGED]} unchanged"
        )

    def record(self, kind, status):
        self.counts[kind][status] += 1
        self.section_counts[status] += 1

    def sync(self, kind, obj, values, *, created=False, hashtags=None):
        """Set what differs, validate as the admin would, save only if something changed."""
        changed = created
        for name, value in values.items():
            if created or differs(obj, name, value):
                setattr(obj, name, value)
                changed = True
        if hashtags is not None:
            current = {name.lower() for name in obj.hashtags.names()}
            if current != {tag.lower() for tag in hashtags}:
                obj.hashtags.set(hashtags)
                changed = True
        if changed:
            obj.full_clean()
            obj.save()
        self.record(kind, CREATED if created else UPDATED if changed else UNCHANGED)
        return obj

    def upsert(self, kind, model, lookup, values=None, *, hashtags=None):
        """Get by natural key, or create; then sync the values."""
        obj = model.objects.filter(**lookup).first()
        created = obj is None
        if created:
            obj = model(**lookup)
        return self.sync(kind, obj, values or {}, created=created, hashtags=hashtags)

    # Images and documents

    def load_media(self):
        Image = get_image_model()
        for key, (title, label, palette) in media.IMAGES.items():
            self.images[key] = self.upsert_file(
                "images",
                Image,
                title,
                {"description": images.describe(label, palette), "credit": media.IMAGE_CREDIT},
                render=lambda label=label, palette=palette, key=key: images.render_image(
                    label, palette, seed=key
                ),
                filename=f"{key}.jpg",
            )
        Document = get_document_model()
        for key, (title, filename, heading, lines) in media.DOCUMENTS.items():
            self.documents[key] = self.upsert_file(
                "documents",
                Document,
                title,
                {},
                render=lambda title=title, heading=heading, lines=lines: images.render_pdf(
                    title, heading, lines
                ),
                filename=filename,
            )

    def upsert_file(self, kind, model, title, values, *, render, filename):
        """An image or document by title; its file is only drawn when it is created."""
        obj = model.objects.filter(title=title).first()
        created = obj is None
        if created:
            obj = model(title=title, file=ContentFile(render(), name=filename))
            # Size and hash, as Wagtail's upload forms record them: its duplicate check uses them.
            if isinstance(obj, get_image_model()):
                obj._set_image_file_metadata()
            else:
                obj._set_document_file_metadata()
        return self.sync(kind, obj, values, created=created)

    # Pages

    def page_at(self, path, locale=None):
        """The English page at `path` below the home page, or its translation into `locale`."""
        page = Page.objects.get(url_path=f"{self.home.url_path}{path.strip('/')}/").specific
        return localized(page, locale) if locale else page

    def child_page(self, kind, parent, model, data):
        """The page with this slug under `parent`; created and published if it is missing."""
        existing = model.objects.child_of(parent).filter(slug=data["slug"]).first()
        if existing:
            self.record(kind, UNCHANGED)
            return existing
        fields = self.page_fields(data)
        hashtags = fields.pop("hashtags", [])
        page = model(**fields)
        if hashtags:
            page.hashtags.add(*hashtags)
        # A fresh parent: treebeard places the child from the parent's own count of children.
        Page.objects.get(pk=parent.pk).add_child(instance=page)
        page.save_revision().publish()
        self.record(kind, CREATED)
        return page

    def page_fields(self, data, locale=None):
        return {
            name: self.resolve(name, value, locale)
            for name, value in data.items()
            if name not in ("translations", "children")
        }

    def resolve(self, name, value, locale=None):
        """A model value from the content's plain one: keys become objects, blocks raw data."""
        match name:
            case "hero_image" | "social_image":
                return self.images[value]
            case "meeting":
                return self.meetings[value]
            case "group":
                return self.groups[value]
            case "campaign" | "featured_campaign":
                return self.page_at(value, locale)
            case "issuers":
                return [
                    StatementIssuer(member=self.members[code], role=role) for code, role in value
                ]
            case "attachments":
                return [
                    StatementAttachment(document=self.documents[key], title=title)
                    for key, title in value
                ]
            case "members_welcomed":
                return [self.members[code] for code in value]
            case "lines_of_effort":
                return [self.lines[slug] for slug in value]
            case "regions":
                return [self.regions[slug] for slug in value]
            case "body":
                return self.stream(value, locale)
            case "related":
                return [{"type": "page", "value": self.page_at(path, locale).pk} for path in value]
            case "intro":
                return rich_text("paragraph", value)
            case _:
                return value

    def stream(self, blocks, locale=None):
        """Raw StreamField data from the content's (type, value) pairs."""
        raw, text = [], []
        for kind, value in blocks:
            if kind in TEXT_BLOCKS:
                text.append(rich_text(kind, value))
                continue
            if text:
                raw.append({"type": "paragraph", "value": "".join(text)})
                text = []
            raw.append({"type": kind, "value": self.block_value(kind, value, locale)})
        if text:
            raw.append({"type": "paragraph", "value": "".join(text)})
        return raw

    def block_value(self, kind, value, locale):
        match kind:
            case "heading":
                return {"text": value, "level": "h2"}
            case "image":
                return self.captioned_image(value)
            case "gallery":
                return {
                    "title": value.get("title", ""),
                    "images": [self.captioned_image(item) for item in value["images"]],
                }
            case "timeline_entry":
                text = value.get("text")
                return {
                    **value,
                    "date": value["date"].isoformat(),
                    "text": rich_text("paragraph", text) if text else "",
                }
            case "call_to_action":
                link = value["link"]
                page = self.page_at(link["page"], locale) if "page" in link else None
                return {
                    **value,
                    "link": {
                        "label": link["label"],
                        "page": page and page.pk,
                        "url": link.get("url", ""),
                    },
                }
            case "document":
                return {**value, "document": self.documents[value["document"]].pk}
            case _:
                # Stat and pull quote values are already in their block's shape.
                return value

    def captioned_image(self, value):
        image = self.images[value["image"]]
        return {
            "image": {"image": image.pk, "decorative": False, "alt_text": image.description},
            "caption": value.get("caption", ""),
            "credit": value.get("credit", ""),
        }

    def load_site_pages(self):
        for model_name, data in pages.INDEXES.items():
            self.child_page("pages", self.home, INDEX_MODELS[model_name], data)
        mission = self.child_page("pages", self.home, StandardPage, pages.MISSION)
        for data in pages.MISSION["children"]:
            self.child_page("pages", mission, StandardPage, data)
        self.child_page("pages", self.home, StandardPage, pages.ABOUT)
        self.child_page("pages", self.home, StandardPage, pages.PRIVACY)
        self.child_page("pages", self.home, CampaignPage, pages.CAMPAIGN)

        # The home page comes from a migration, empty; it is filled once and then left to editors.
        home = HomePage.objects.get(pk=self.home.pk)
        if home.intro:
            self.record("pages", UNCHANGED)
            return
        for name, value in self.page_fields(pages.HOME).items():
            setattr(home, name, value)
        home.save_revision().publish()
        self.home = home
        self.record("pages", UPDATED)

    def load_articles(self, model, index_model, items):
        index = index_model.objects.child_of(self.home).get()
        kind = model._meta.verbose_name_plural
        for data in items:
            self.child_page(kind, index, model, data)

    # Taxonomy, members, groups, meetings

    def load_taxonomy(self):
        for data in taxonomy.REGIONS:
            self.regions[data["slug"]] = self.upsert(
                "regions",
                Region,
                {"slug": data["slug"], "locale": self.english},
                {"name": data["name"]},
            )
        for order, data in enumerate(taxonomy.LINES_OF_EFFORT):
            self.lines[data["slug"]] = self.upsert(
                "lines of effort",
                LineOfEffort,
                {"slug": data["slug"], "locale": self.english},
                {
                    "name": data["name"],
                    "summary": data["summary"],
                    "page": self.page_at(data["page"]),
                    "sort_order": order,
                },
            )

    def load_members(self):
        for kind, entries in (
            (Member.Kind.STATE, members.STATES),
            (Member.Kind.ORGANISATION, members.ORGANISATIONS),
        ):
            code_field = "iso_code" if kind == Member.Kind.STATE else "acronym"
            for code, data in entries.items():
                values = {
                    "kind": kind,
                    "official_name": "",
                    "region": None,
                    "joined_on": None,
                    "joined_on_precision": "day",
                    "join_order": None,
                    "founding": False,
                    **data,
                }
                if values["region"]:
                    values["region"] = self.regions[values["region"]]
                self.members[code] = self.upsert(
                    "members", Member, {code_field: code, "locale": self.english}, values
                )

    def load_groups(self):
        for data in members.GROUPS:
            group = self.upsert(
                "groups",
                Group,
                {"slug": data["slug"], "locale": self.english},
                {
                    "name": data["name"],
                    "description": data["description"],
                    "established_on": data.get("established_on"),
                },
            )
            self.groups[data["slug"]] = group
            for order, (code, role, started_on, ended_on) in enumerate(data["roles"]):
                self.upsert(
                    "group roles",
                    GroupRole,
                    {
                        "group": group,
                        "member": self.members[code],
                        "role": role,
                        "started_on": started_on,
                    },
                    {"ended_on": ended_on, "sort_order": order},
                )

    def load_meetings(self):
        for key, data in members.MEETINGS.items():
            values = {
                "kind": data["kind"],
                "group": self.groups[data["group"]] if "group" in data else None,
                "starts_on": data["starts_on"],
                "ends_on": data.get("ends_on"),
                "city": data.get("city", ""),
                "format": data.get("format", Meeting.Format.IN_PERSON),
                "participant_count": data.get("participant_count"),
            }
            meeting = self.upsert(
                "meetings", Meeting, {"title": data["title"], "locale": self.english}, values
            )
            self.meetings[key] = meeting
            for order, (code, role) in enumerate(data["hosts"]):
                self.upsert(
                    "meeting hosts",
                    MeetingHost,
                    {"meeting": meeting, "member": self.members[code], "role": role},
                    {"sort_order": order},
                )

    # Translations

    def translate_snippets(self):
        for data in taxonomy.REGIONS:
            for code, name in data["translations"].items():
                self.translate_snippet(self.regions[data["slug"]], code, {"name": name})
        for data in taxonomy.LINES_OF_EFFORT:
            for code, values in data["translations"].items():
                self.translate_snippet(self.lines[data["slug"]], code, values)
        for member_code, names in members.MEMBER_TRANSLATIONS.items():
            for code, (name, official_name) in names.items():
                values = {"name": name, "official_name": official_name}
                self.translate_snippet(self.members[member_code], code, values)

    def translate_snippet(self, source, code, values):
        """The snippet's translation into a language: copied with Wagtail's i18n if missing."""
        locale = self.locales[code]
        translation = source.get_translation_or_none(locale)
        created = translation is None
        if created:
            translation = source.copy_for_translation(locale)
            self.localize_references(translation, locale)
        return self.sync("snippet translations", translation, values, created=created)

    def translate_pages(self):
        """Copy each page into its language, parents first; then fill and publish the copies."""
        sources = [
            (self.home, pages.HOME),
            *((self.page_at(data["slug"]), data) for data in pages.INDEXES.values()),
            (self.page_at(pages.PRIVACY["slug"]), pages.PRIVACY),
            (self.page_at(pages.CAMPAIGN["slug"]), pages.CAMPAIGN),
            *(
                (self.page_at(f"/statements/{data['slug']}/"), data)
                for data in statements.STATEMENTS
            ),
            *((self.page_at(f"/news/{data['slug']}/"), data) for data in news.NEWS),
        ]
        copies = []
        for source, data in sources:
            for code, fields in data.get("translations", {}).items():
                locale = self.locales[code]
                if source.has_translation(locale):
                    self.record("page translations", UNCHANGED)
                    continue
                copy = source.copy_for_translation(locale, copy_parents=True, alias=False)
                copies.append((copy.pk, locale, fields))

        # Filled once every copy exists, so translations link to one another, not to English.
        for pk, locale, fields in copies:
            # Fetched afresh: copying children changed the tree fields of the copied parents.
            page = Page.objects.get(pk=pk).specific
            for name, value in self.page_fields(fields, locale).items():
                setattr(page, name, value)
            self.localize_references(page, locale)
            page.save_revision().publish()
            self.record("page translations", CREATED)

    def localize_references(self, obj, locale):
        """Point a translation's links to snippets and pages at their versions in its locale."""
        for field in obj._meta.concrete_fields:
            if field.many_to_one and issubclass(field.related_model, TranslatableMixin):
                target = getattr(obj, field.name)
                if target is not None:
                    setattr(obj, field.attname, localized(target, locale).pk)
        for field in obj._meta.many_to_many:
            if isinstance(field, ParentalManyToManyField) and issubclass(
                field.related_model, TranslatableMixin
            ):
                targets = getattr(obj, field.name).all()
                setattr(obj, field.name, [localized(target, locale) for target in targets])
        for relation in get_all_child_relations(obj):
            accessor = relation.get_accessor_name()
            children = list(getattr(obj, accessor).all())
            changed = False
            for child in children:
                for field in child._meta.concrete_fields:
                    if not field.many_to_one or isinstance(field, ParentalKey):
                        continue
                    target = getattr(child, field.name)
                    if isinstance(target, TranslatableMixin):
                        setattr(child, field.attname, localized(target, locale).pk)
                        changed = True
            if changed:
                setattr(obj, accessor, children)
        if related := getattr(obj, "related", None):
            obj.related = [
                ("page", localized(block.value, locale)) for block in related if block.value
            ]

    # Site-wide content

    def load_announcement(self):
        data = site.ANNOUNCEMENT
        announcement = self.upsert(
            "announcements",
            Announcement,
            {"text": data["text"], "locale": self.english},
            {
                "style": data["style"],
                "link_label": data["link_label"],
                "link_page": self.page_at(data["link_page"]),
                "active_from": data["active_from"],
            },
        )
        for code, values in data["translations"].items():
            self.translate_snippet(announcement, code, values)

    def load_social_wall(self):
        accounts = {}
        for handle, data in site.SOCIAL_ACCOUNTS.items():
            locale = self.locales[data["locale"]] if "locale" in data else None
            accounts[handle] = self.upsert(
                "social accounts",
                SocialAccount,
                {"platform": "x", "handle": handle},
                {**data, "locale": locale, "is_own": data.get("is_own", False)},
            )
        for data in site.SOCIAL_POSTS:
            image = self.images[data["image"]] if "image" in data else None
            values = {
                **data,
                "account": accounts[data["account"]],
                "locale": self.locales[data["locale"]],
                "image": image,
                "image_alt": image.description if image else "",
                "pinned": data.get("pinned", False),
            }
            hashtags = values.pop("hashtags")
            permalink = values.pop("permalink")
            self.upsert(
                "social posts", SocialPost, {"permalink": permalink}, values, hashtags=hashtags
            )

    def load_site_settings(self):
        default_site = Site.objects.get(is_default_site=True)
        site_settings = self.upsert("site settings", SiteSettings, {"site": default_site})
        policy = self.page_at(site.COOKIE_POLICY_PAGE)
        for order, (code, values) in enumerate(site.SITE_TEXTS.items()):
            locale = self.locales[code]
            self.upsert(
                "site texts",
                SiteText,
                {"settings": site_settings, "locale": locale},
                {**values, "cookie_policy_page": localized(policy, locale), "sort_order": order},
            )
        for order, data in enumerate(site.SOCIAL_LINKS):
            self.upsert(
                "social links",
                SocialLink,
                {"settings": site_settings, "url": data["url"]},
                {"platform": data["platform"], "label": data["label"], "sort_order": order},
            )
