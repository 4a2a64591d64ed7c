"""Keeping the partner records true to what is published.

`reconcile` compares each language of a statement with its stored record and writes what
changed: a new revision when the content changed, an event in the change feed when anything in
the record changed (content, address, translations), a tombstone when it went away. Receivers call
it for publishing, unpublishing, moves, deletions, privacy changes and edits to the snippets a
record shows. It is idempotent, so calling it too often costs time, never correctness; and it
runs inside the editor's transaction, so a failed publish leaves no event behind.

What no signal reports (a bulk `QuerySet.update`, a changed site hostname or FRONTEND_BASE_URL) is
caught up by `manage.py rebuild_partner_records`.
"""

import contextvars

from django.db import transaction
from django.db.models import Q
from django.db.models.signals import post_delete, post_save, pre_delete
from django.utils import timezone

from wagtail.documents import get_document_model
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from api.models import StatementChange, StatementRecord, StatementRevision
from cms.frontend import is_public
from cms.models import Group, LineOfEffort, Meeting, Member, Region
from pages.models import StatementPage

from .records import build_record, content_hash, statement_content, with_record_data

Kind = StatementChange.Kind


# Statements being reconciled in this context. Building a record can save what it reads (a
# document caches its file size), and that save must not start a second, nested reconciliation.
in_progress = contextvars.ContextVar("statements_in_progress", default=frozenset())


def reconcile(translation_keys, at=None):
    """Bring the records of these statements (every language) up to date."""
    at = at or timezone.now()
    busy = in_progress.get()
    for key in sorted(set(translation_keys) - busy, key=str):
        token = in_progress.set(busy | {key})
        try:
            with transaction.atomic():
                reconcile_statement(key, at)
        finally:
            in_progress.reset(token)


def reconcile_statement(key, at):
    pages = list(with_record_data(StatementPage.objects.filter(translation_key=key)))
    public = [page for page in pages if is_public(page, at=at)]
    records = {
        record.locale: record
        for record in StatementRecord.objects.select_for_update().filter(translation_key=key)
    }
    languages = {page.locale.language_code for page in pages} | set(records)
    for language in sorted(languages):
        record = records.get(language) or StatementRecord(translation_key=key, locale=language)
        page = next((page for page in public if page.locale.language_code == language), None)
        if page is not None:
            translations = [other for other in public if other is not page]
            record_publication(record, page, translations, at)
        else:
            exists = any(page.locale.language_code == language for page in pages)
            record_withdrawal(record, exists, at)


def record_publication(record, page, translations, at):
    content = statement_content(page)
    digest = content_hash(content)
    kind = None
    if not record.public or record.content_hash != digest:
        kind = Kind.UPDATED if record.public else Kind.PUBLISHED
        first = record.pk is None or not record.revisions.exists()
        record.page_id, record.public, record.content_hash = page.pk, True, digest
        record.revision += 1
        record.save()
        record.revisions.filter(withdrawn_at__isnull=True).update(withdrawn_at=at)
        StatementRevision.objects.create(
            record=record,
            number=record.revision,
            content_hash=digest,
            date=page.date,
            # A record made for a statement published before the ledger existed keeps its date.
            published_at=(page.last_published_at or at) if first else at,
        )
    history = [
        {"revision": number, "published_at": published_at.isoformat(), "content_hash": digest}
        for number, published_at, digest in record.revisions.values_list(
            "number", "published_at", "content_hash"
        )
    ]
    data = build_record(
        page, content, translations=translations, revision=record.revision, history=history
    )
    data_hash = content_hash(data)
    if kind is None and data_hash != record.record_hash:
        kind = Kind.MOVED if record.record and record.record["url"] != data["url"] else Kind.UPDATED
    if kind is None:
        return
    record.page_id, record.record, record.record_hash = page.pk, data, data_hash
    record.save()
    StatementChange.objects.create(
        record=record, kind=kind, revision=record.revision, occurred_at=at
    )


def record_withdrawal(record, page_exists, at):
    if record.pk is None:
        return  # never public: nothing to withdraw
    if record.public:
        kind = Kind.UNPUBLISHED if page_exists else Kind.DELETED
        record.revisions.filter(withdrawn_at__isnull=True).update(withdrawn_at=at)
    elif not page_exists and record.page_id is not None:
        kind = Kind.DELETED  # unpublished earlier, deleted now: the tombstone is final
    else:
        return
    record.public, record.record, record.record_hash = False, None, ""
    if not page_exists:
        record.page_id = None
    record.save()
    StatementChange.objects.create(
        record=record, kind=kind, revision=record.revision, occurred_at=at
    )


def reconcile_section(page):
    """Every statement at or below `page`: its address or its privacy changed."""
    statements = StatementPage.objects.filter(path__startswith=page.path)
    reconcile(statements.values_list("translation_key", flat=True).distinct())


def reconcile_overdue_expiries(at=None):
    """Withdraw records whose page expired, even if the scheduler has not unpublished it yet.

    Called before the change feed answers, so a mirror never keeps an expired statement; an
    indexed query that finds nothing almost always.
    """
    at = at or timezone.now()
    expired = StatementPage.objects.filter(expire_at__lte=at).values("pk")
    keys = StatementRecord.objects.filter(public=True, page_id__in=expired).values_list(
        "translation_key", flat=True
    )
    reconcile(list(keys), at)


def rebuild_all():
    """Reconcile every statement that exists or ever had a record."""
    keys = set(StatementPage.objects.values_list("translation_key", flat=True))
    keys |= set(StatementRecord.objects.values_list("translation_key", flat=True))
    reconcile(keys)
    return len(keys)


# Which statements show a snippet, per snippet model (documents: as attachments).
SNIPPET_USES = {
    Member: lambda member: Q(issuers__member=member) | Q(members_welcomed=member),
    Group: lambda group: Q(group=group),
    Meeting: lambda meeting: Q(meeting=meeting),
    LineOfEffort: lambda line: Q(lines_of_effort=line),
    Region: lambda region: Q(regions=region),
    get_document_model(): lambda document: Q(attachments__document=document),
}


def statements_showing(instance):
    uses = SNIPPET_USES[type(instance)](instance)
    return list(
        StatementPage.objects.filter(uses).values_list("translation_key", flat=True).distinct()
    )


def on_statement_change(sender, instance, **kwargs):
    if isinstance(instance, StatementPage):
        reconcile([instance.translation_key])


def on_page_deleted(sender, instance, **kwargs):
    if StatementRecord.objects.filter(page_id=instance.pk).exists():
        reconcile([instance.translation_key])


def on_section_change(sender, instance, **kwargs):
    reconcile_section(instance)


def on_restriction_change(sender, instance, **kwargs):
    reconcile_section(instance.page)


def before_snippet_delete(sender, instance, **kwargs):
    # After the deletion its links are gone: find the statements that showed it first.
    instance._statements_showing = statements_showing(instance)


def on_snippet_change(sender, instance, **kwargs):
    keys = getattr(instance, "_statements_showing", None)
    reconcile(statements_showing(instance) if keys is None else keys)


def connect_receivers():
    page_published.connect(on_statement_change, dispatch_uid="partners")
    page_unpublished.connect(on_statement_change, dispatch_uid="partners")
    page_slug_changed.connect(on_section_change, dispatch_uid="partners")
    post_page_move.connect(on_section_change, dispatch_uid="partners")
    for model in (Page, StatementPage):
        post_delete.connect(on_page_deleted, sender=model, dispatch_uid=f"partners-{model}")
    for signal in (post_save, post_delete):
        signal.connect(on_restriction_change, sender=PageViewRestriction, dispatch_uid="partners")
    for model in SNIPPET_USES:
        uid = f"partners-{model._meta.label}"
        pre_delete.connect(before_snippet_delete, sender=model, dispatch_uid=uid)
        post_save.connect(on_snippet_change, sender=model, dispatch_uid=uid)
        post_delete.connect(on_snippet_change, sender=model, dispatch_uid=uid)
