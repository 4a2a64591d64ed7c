"""`GET /health/`: can this application server do its work? For load balancers and monitors.

200 while the database answers — a cache or task queue outage makes the service slower or
later, not wrong, so it shows as "degraded" — and 503 when the database does not. Names what
failed, never how it is configured: no hosts, URLs or credentials.
"""

import time
import uuid

from django_tasks import default_task_backend

from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.cache import never_cache


def timed(check):
    started = time.perf_counter()
    try:
        details = check() or {}
        ok = True
    except Exception:
        details, ok = {}, False
    return {"ok": ok, "ms": round((time.perf_counter() - started) * 1000, 1), **details}


def check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")


def check_cache():
    key, value = f"health:{uuid.uuid4().hex}", uuid.uuid4().hex
    cache.set(key, value, timeout=10)
    found = cache.get(key)
    cache.delete(key)
    if found != value:  # django-redis answers None, not an error, while Redis is down
        raise ConnectionError


def check_task_queue():
    backend = default_task_backend
    if backend.__class__.__name__ == "RQBackend":
        import django_rq

        django_rq.get_connection().ping()
        return {"backend": "redis", "queued": django_rq.get_queue().count}
    if backend.__class__.__name__ == "DatabaseBackend":
        from django_tasks_db.models import DBTaskResult

        return {"backend": "database", "queued": DBTaskResult.objects.ready().count()}
    return {"backend": backend.__class__.__name__}


@method_decorator(never_cache, name="dispatch")
class HealthView(View):
    def get(self, request):
        checks = {
            "database": timed(check_database),
            "cache": timed(check_cache),
            "task_queue": timed(check_task_queue),
        }
        if not checks["database"]["ok"]:
            status = "down"
        elif all(check["ok"] for check in checks.values()):
            status = "ok"
        else:
            status = "degraded"
        return JsonResponse(
            {"status": status, "checks": checks}, status=503 if status == "down" else 200
        )
