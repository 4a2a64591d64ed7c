from django.urls import path

from . import views

app_name = "partners"
urlpatterns = [
    path("statements/", views.StatementListApi.as_view(), name="statements"),
    path("statements/export/", views.StatementExportApi.as_view(), name="statements-export"),
    path(
        "statements/<uuid:statement_id>/",
        views.StatementDetailApi.as_view(),
        name="statement-detail",
    ),
    path("changes/", views.ChangeFeedApi.as_view(), name="changes"),
    path("members/", views.MemberListApi.as_view(), name="members"),
    path("groups/", views.GroupListApi.as_view(), name="groups"),
    path("meetings/", views.MeetingListApi.as_view(), name="meetings"),
    path("lines-of-effort/", views.LineOfEffortListApi.as_view(), name="lines-of-effort"),
]
