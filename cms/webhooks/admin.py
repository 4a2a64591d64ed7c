"""The admin for webhooks, under Settings: subscriptions, and the delivery log with re-deliver."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.functional import cached_property

from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.views.generic.base import BaseOperationView
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import HeaderButton, ListingButton
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from cms.models import WebhookDelivery, WebhookSubscription

from .delivery import redeliver


class DeliveryLogPermissionPolicy(ModelPermissionPolicy):
    """The log is written by deliveries only: admins read it, re-deliver from it, prune it."""

    def user_has_permission(self, user, action):
        return action not in {"add", "change"} and super().user_has_permission(user, action)


register_permission_policy(WebhookDelivery, DeliveryLogPermissionPolicy(WebhookDelivery))
# Re-delivering is sending: it takes the right to manage webhooks.
subscription_policy = ModelPermissionPolicy(WebhookSubscription)


def redeliver_button(view, delivery, button_class):
    if not subscription_policy.user_has_permission(view.request.user, "change"):
        return None
    # A POST (Wagtail's w-action controller), as sending is not something a link may do.
    return button_class(
        "Re-deliver",
        icon_name="resubmit",
        attrs={
            "data-controller": "w-action",
            "data-action": "w-action#post",
            "data-w-action-url-value": reverse("webhook_deliveries:redeliver", args=[delivery.pk]),
        },
    )


class DeliveryIndexView(IndexView):
    queryset = WebhookDelivery.objects.select_related("subscription")

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        button = redeliver_button(self, instance, ListingButton)
        return [*buttons, button] if button else buttons


class DeliveryInspectView(InspectView):
    @cached_property
    def header_more_buttons(self):
        button = redeliver_button(self, self.object, HeaderButton)
        return [*super().header_more_buttons, button] if button else super().header_more_buttons


class RedeliverView(PermissionCheckedMixin, BaseOperationView):
    model = WebhookDelivery
    permission_policy = subscription_policy
    permission_required = "change"

    def perform_operation(self):
        self.copy = redeliver(self.object)

    def post(self, request, *args, **kwargs):
        self.perform_operation()
        messages.success(
            request,
            f"Re-delivering {self.object.event_type} {self.object.event_id} "
            f"to “{self.object.subscription}”.",
        )
        return redirect(self.next_url or reverse("webhook_deliveries:index"))


class WebhookSubscriptionViewSet(ModelViewSet):
    model = WebhookSubscription
    name = "webhooks"
    icon = "link-external"
    menu_label = "Webhooks"
    add_to_settings_menu = True
    copy_view_enabled = False
    list_display = ["name", "url", "active", "failing_since", "last_success_at", "created_at"]
    list_filter = ["active"]
    search_fields = ["name", "url"]


class WebhookDeliveryViewSet(ModelViewSet):
    model = WebhookDelivery
    name = "webhook_deliveries"
    icon = "history"
    menu_label = "Webhook deliveries"
    add_to_settings_menu = True
    copy_view_enabled = False
    inspect_view_enabled = True
    index_view_class = DeliveryIndexView
    inspect_view_class = DeliveryInspectView
    list_display = [
        "event_type",
        "subscription",
        "status",
        "response_code",
        "duration_ms",
        "attempts",
        "error",
        "next_attempt_at",
        "created_at",
    ]
    list_filter = ["status", "subscription", "event_type"]
    # Its add and edit views exist but nobody may use them (DeliveryLogPermissionPolicy).
    form_fields = ["subscription"]
    search_fields = ["event_id"]
    inspect_view_fields = [
        "subscription",
        "event_id",
        "event_type",
        "status",
        "attempts",
        "response_code",
        "duration_ms",
        "error",
        "next_attempt_at",
        "delivered_at",
        "created_at",
        "payload",
    ]

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("redeliver/<int:pk>/", RedeliverView.as_view(), name="redeliver"),
        ]
