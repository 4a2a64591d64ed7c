"""The partner API's ledger (the public record of each statement, its revisions and changes, and
the feed's epoch) and the publishing outbox.

A statement's record is built once, when something it shows changes (api.partners.ledger), and
read many times: a full sync of the archive reads stored JSON instead of rendering every page.
Rows are never deleted, so a deleted statement leaves a tombstone and its revision numbers
never restart.
"""

import secrets

from django.db import models
from django.utils import timezone


class StatementRecord(models.Model):
    """One statement in one language, as partners see it."""

    translation_key = models.UUIDField(help_text="The statement's permanent id, in every language.")
    locale = models.CharField(max_length=10)
    page_id = models.IntegerField(null=True, db_index=True, help_text="None once deleted.")
    public = models.BooleanField(default=False)
    revision = models.PositiveIntegerField(default=0)
    content_hash = models.CharField(max_length=64, blank=True)
    # Over the whole record (links and translations too): tells a change worth an event.
    record_hash = models.CharField(max_length=64, blank=True)
    record = models.JSONField(null=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["translation_key", "locale"], name="unique_statement_record"
            ),
        ]

    def __str__(self):
        return f"{self.translation_key} ({self.locale})"


class StatementRevision(models.Model):
    """A published version of a record's content: its history, and what a listing pages through.

    A listing is a snapshot of the revisions valid at one moment (`published_at <= t <
    withdrawn_at`), so its order cannot shift while editors publish between two pages.
    """

    record = models.ForeignKey(StatementRecord, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField()
    content_hash = models.CharField(max_length=64)
    date = models.DateField()
    published_at = models.DateTimeField()
    withdrawn_at = models.DateTimeField(
        null=True, help_text="When a later revision, an unpublish or a deletion replaced it."
    )

    class Meta:
        ordering = ["record", "number"]
        constraints = [
            models.UniqueConstraint(fields=["record", "number"], name="unique_revision_number"),
        ]
        indexes = [
            models.Index(fields=["date", "record"], name="revision_by_date"),
            models.Index(fields=["published_at", "record"], name="revision_by_publication"),
        ]

    def __str__(self):
        return f"{self.record} revision {self.number}"


class StatementChange(models.Model):
    """One event of the change feed, in the order partners replay them (by id)."""

    class Kind(models.TextChoices):
        PUBLISHED = "published", "Published"
        UPDATED = "updated", "Updated"
        MOVED = "moved", "Moved"
        UNPUBLISHED = "unpublished", "Unpublished"
        DELETED = "deleted", "Deleted"

    record = models.ForeignKey(StatementRecord, on_delete=models.CASCADE, related_name="changes")
    kind = models.CharField(max_length=12, choices=Kind.choices)
    revision = models.PositiveIntegerField()
    occurred_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self):
        return f"{self.record} {self.kind}"


class ApiCacheEpoch(models.Model):
    """A counter every cached answer is stamped with (api.cache), kept in the database.

    An invalidation that cannot reach the cache (Redis down, or unreachable from one server)
    raises it instead, inside the editor's transaction: once Redis is back, every answer stored
    before is stale, rather than the few that showed the change being served on as if current.
    """

    value = models.PositiveBigIntegerField(default=0)

    def __str__(self):
        return f"API cache epoch {self.value}"


def new_feed_epoch():
    return secrets.token_hex(8)


class FeedEpoch(models.Model):
    """The partner feed's era: replaced when the ledger is rebuilt or the database restored.

    Change ids and listing cursors are only meaningful within one epoch. After a restore the
    database may hand out again ids a mirror has already seen, so a cursor from another epoch,
    or beyond the end of the feed, is answered 410: resync from a full listing.
    """

    value = models.CharField(max_length=32, default=new_feed_epoch)
    started_at = models.DateTimeField(default=timezone.now)

    def __str__(self):
        return f"Partner feed epoch {self.value}"

    @classmethod
    def current(cls):
        return cls.objects.get_or_create(pk=1)[0].value

    @classmethod
    def begin_new(cls):
        epoch, _ = cls.objects.get_or_create(pk=1)
        epoch.value, epoch.started_at = new_feed_epoch(), timezone.now()
        epoch.save()
        return epoch.value


class OutboxEntry(models.Model):
    """What must happen once a change to the public view has committed (api.publishing).

    Written in the change's own transaction, so it exists exactly when the change does; carried
    out by the committing process at once and, if that did not complete, by the task worker,
    until done. Carrying out an entry twice is harmless: each step is idempotent.
    """

    reason = models.CharField(max_length=200, help_text="What changed, for the report.")
    cache_tags = models.JSONField(default=list)
    # Gathered when the change was made (the immediate pass drops the cache's lists); carrying
    # out adds what was cached under the tags until the commit.
    purge_urls = models.JSONField(default=list, help_text="URLs the CDN must forget.")
    deliveries = models.JSONField(default=list, help_text="Webhook delivery ids to send.")
    created_at = models.DateTimeField(default=timezone.now)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.CharField(max_length=255, blank=True)
    done_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name_plural = "outbox entries"
        indexes = [models.Index(fields=["done_at", "created_at"], name="outbox_pending")]

    def __str__(self):
        return f"Outbox {self.pk}: {self.reason}"
