"""Webhook subscriptions and the log of every delivery made to them."""

import base64
import secrets

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.utils import timezone

from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel


def generate_secret():
    """A Standard Webhooks signing secret: "whsec_" and 32 random bytes in base64."""
    return "whsec_" + base64.b64encode(secrets.token_bytes(32)).decode("ascii")


class WebhookEvent(models.TextChoices):
    PAGE_PUBLISHED = "page.published", "Page published"
    PAGE_UNPUBLISHED = "page.unpublished", "Page unpublished"
    PAGE_MOVED = "page.moved", "Page moved"
    PAGE_DELETED = "page.deleted", "Page deleted"


def validate_webhook_url(url):
    URLValidator(schemes=["https", "http"])(url)
    if "@" in url.split("//", 1)[-1].split("/", 1)[0]:
        raise ValidationError("Put no user name or password in the URL; the signature is the key.")


class WebhookSubscriptionForm(WagtailAdminModelForm):
    event_types = forms.MultipleChoiceField(
        choices=WebhookEvent.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text="The events this receiver is sent.",
    )


class WebhookSubscription(models.Model):
    """A receiver of signed page events: where to send them, which ones, and how it is doing."""

    name = models.CharField(max_length=100, help_text="Who receives these, e.g. “Partner mirror”.")
    url = models.URLField(
        "URL",
        max_length=500,
        validators=[validate_webhook_url],
        help_text="Receives a POST of JSON per event. Use https:// outside a private network.",
    )
    secret = models.CharField(
        max_length=100,
        default=generate_secret,
        editable=False,
        help_text="Give this to the receiver: it checks each request's webhook-signature with it.",
    )
    event_types = models.JSONField(default=list, blank=True)
    locales = models.ManyToManyField(
        "wagtailcore.Locale",
        blank=True,
        related_name="+",
        help_text="Only pages in these languages. None ticked: every language.",
    )
    active = models.BooleanField(
        default=True,
        help_text="Turned off automatically when every attempt has failed for 24 hours.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    # Failure bookkeeping: the first failed attempt since the last success, and why it stopped.
    failing_since = models.DateTimeField(null=True, blank=True, editable=False)
    last_success_at = models.DateTimeField(null=True, blank=True, editable=False)
    disabled_at = models.DateTimeField(null=True, blank=True, editable=False)
    disabled_reason = models.CharField(max_length=255, blank=True, editable=False)

    base_form_class = WebhookSubscriptionForm
    panels = [
        FieldPanel("name"),
        FieldPanel("url"),
        FieldPanel("event_types"),
        FieldPanel("locales", widget=forms.CheckboxSelectMultiple),
        FieldPanel("active"),
        MultiFieldPanel(
            [
                FieldPanel("secret", read_only=True),
                FieldPanel("failing_since", read_only=True),
                FieldPanel("last_success_at", read_only=True),
                FieldPanel("disabled_at", read_only=True),
                FieldPanel("disabled_reason", read_only=True),
            ],
            heading="Signing and health",
        ),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = "webhook"

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        # An admin turning a disabled subscription back on starts its failure clock afresh.
        if self.active and self.disabled_at:
            self.disabled_at = self.failing_since = None
            self.disabled_reason = ""
        super().save(*args, **kwargs)

    def wants(self, event_type, locale_id):
        if event_type not in self.event_types:
            return False
        locale_ids = {locale.pk for locale in self.locales.all()}
        return not locale_ids or locale_id in locale_ids


class WebhookDelivery(models.Model):
    """One event sent to one subscription: its payload and the outcome of its latest attempt."""

    class Status(models.TextChoices):
        PENDING = "pending", "Pending"
        RETRYING = "retrying", "Retrying"
        SUCCEEDED = "succeeded", "Succeeded"
        FAILED = "failed", "Failed"

    subscription = models.ForeignKey(
        WebhookSubscription, on_delete=models.CASCADE, related_name="deliveries"
    )
    # The webhook-id header: the same for a re-delivery, so receivers can drop duplicates.
    event_id = models.CharField(max_length=40, db_index=True)
    event_type = models.CharField(max_length=32, choices=WebhookEvent.choices)
    payload = models.JSONField()
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveIntegerField(default=0)
    response_code = models.PositiveSmallIntegerField("last response code", null=True, blank=True)
    duration_ms = models.PositiveIntegerField("last duration (ms)", null=True, blank=True)
    error = models.CharField("last error", max_length=255, blank=True)
    # When the next attempt is due; while an attempt runs, the end of its lease.
    next_attempt_at = models.DateTimeField(null=True, blank=True, default=timezone.now)
    delivered_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = "webhook delivery"
        verbose_name_plural = "webhook deliveries"
        indexes = [models.Index(fields=["status", "next_attempt_at"])]

    def __str__(self):
        return f"{self.event_type} {self.event_id} → {self.subscription}"
