"""Count the SQL queries each benchmarked endpoint makes, in-process, against the corpus database.

Queries are not observable from outside gunicorn, so `bench_delivery.py` runs this in a
subprocess with the same environment as the server. It reads the endpoints as JSON on stdin,
{"key": ["/api/v2/…{path}…", <alternative>, …]}, fills in sample pages and search words, and
prints JSON on stdout: for each endpoint, the first alternative that answers 200 (or the last
status seen), its URLs to request, and the SQL queries and response size of a warm request.
"""

import json
import statistics
import sys

from bench_data import SEARCH_WORDS, setup_django

SAMPLE_PAGES = 50
COUNTED_SAMPLES = 10


def sample_pages():
    """News pages spread evenly over the corpus, as {id, slug, path, route}."""
    from pages.models import NewsPage

    ids = list(NewsPage.objects.order_by("pk").values_list("pk", flat=True))
    step = max(1, len(ids) // SAMPLE_PAGES)
    pages = NewsPage.objects.filter(pk__in=ids[::step][:SAMPLE_PAGES]).select_related("locale")
    samples = []
    for page in pages.order_by("pk"):
        path = page.get_url_parts()[2]  # “/en/news/<slug>/”
        route = "/" + path.lstrip("/").partition("/")[2]  # “/news/<slug>/”
        samples.append({"id": page.pk, "slug": page.slug, "path": path, "route": route})
    return samples


def expand(template, samples):
    """The URLs a template stands for: one per sample page or search word, or itself."""
    if "{word}" in template:
        return [template.format(word=word) for word in SEARCH_WORDS]
    if "{" in template:
        return [template.format(**sample) for sample in samples]
    return [template]


def count_queries(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, follow=True)  # stock v2's `find` redirects to the page
    return response, len(captured.captured_queries)


def probe(client, alternatives, samples):
    """The first alternative that answers 200, with its warm query counts."""
    status = None
    for template in alternatives:
        urls = expand(template, samples)
        client.get(
            urls[0], follow=True
        )  # warm: content types, site root paths, renditions in the cache
        counts, sizes = [], []
        for url in urls[:COUNTED_SAMPLES]:
            response, queries = count_queries(client, url)
            status = response.status_code
            if status != 200:
                break
            counts.append(queries)
            sizes.append(len(response.content))
        if status == 200:
            return {
                "template": template,
                "status": 200,
                "urls": urls,
                "queries": statistics.median(counts),
                "queries_min": min(counts),
                "queries_max": max(counts),
                "kilobytes": statistics.median(sizes) / 1024,
            }
    return {"template": alternatives[-1], "status": status, "urls": []}


def main():
    endpoints = json.load(sys.stdin)
    setup_django()
    from django.test import Client

    client = Client(HTTP_HOST="127.0.0.1")
    samples = sample_pages()
    results = {key: probe(client, alternatives, samples) for key, alternatives in endpoints.items()}
    json.dump(results, sys.stdout)


if __name__ == "__main__":
    main()
