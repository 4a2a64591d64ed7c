"""CORS on the API only, for the listed origins only, never with credentials; the OpenAPI schema
and its docs page, which load nothing from outside the site."""

import json
import re
import uuid

import pytest
import yaml

from django.contrib.staticfiles import finders
from django.test import Client

pytestmark = pytest.mark.django_db

ALLOWED = "http://frontend.test"  # settings.test.CORS_ALLOWED_ORIGINS
REFUSED = [
    "http://evil.test",
    "http://frontend.test.evil.test",
    "https://frontend.test",
    "http://frontend.test:8080",
    "null",
]
PREFLIGHT = {"Access-Control-Request-Method": "GET"}
PROBLEM = "application/problem+json"


def cors_headers(response):
    return {name for name in response.headers if name.lower().startswith("access-control-")}


def vary(response):
    return {value.strip().lower() for value in response.get("Vary", "").split(",")}


# CORS ---------------------------------------------------------------------------------------------


def test_an_allowed_origin_may_read_the_api(client, home_page):
    response = client.get("/api/v2/site/", headers={"Origin": ALLOWED})

    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == ALLOWED
    assert "Access-Control-Allow-Credentials" not in response
    assert "origin" in vary(response)


def test_an_allowed_origin_passes_the_preflight_for_reading_only(client, home_page):
    response = client.options("/api/v2/site/", headers={"Origin": ALLOWED, **PREFLIGHT})

    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == ALLOWED
    assert {m.strip() for m in response["Access-Control-Allow-Methods"].split(",")} == {
        "GET",
        "HEAD",
        "OPTIONS",
    }
    assert "Access-Control-Allow-Credentials" not in response


@pytest.mark.parametrize("origin", REFUSED)
def test_other_origins_get_no_cors_headers(client, home_page, origin):
    response = client.get("/api/v2/site/", headers={"Origin": origin})
    preflight = client.options("/api/v2/site/", headers={"Origin": origin, **PREFLIGHT})

    assert response.status_code == 200  # answered, but the browser keeps it from the page
    assert cors_headers(response) == set()
    assert cors_headers(preflight) == set()
    # Responses are cached publicly: a cache must not serve one origin's answer to another.
    assert "origin" in vary(response)


@pytest.mark.parametrize("path", ["/admin/login/", "/admin/api/main/pages/", "/en/"])
def test_nothing_outside_the_api_is_shared_even_with_an_allowed_origin(client, home_page, path):
    response = client.get(path, headers={"Origin": ALLOWED})
    preflight = client.options(path, headers={"Origin": ALLOWED, **PREFLIGHT})

    assert cors_headers(response) == set()
    assert cors_headers(preflight) == set()


# The schema ---------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def schema():
    response = Client().get("/api/schema/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.oai.openapi+json")
    return json.loads(response.content)


NO_STATEMENT = uuid.UUID(int=1)


def accepted(path):
    """The statuses a valid request gets: 404 where the path names no statement."""
    return {200, 404} if str(NO_STATEMENT) in path else {200}


def our_operations(schema):
    """(path, operation) for the delivery API's own endpoints: those that answer problem details."""
    for path, methods in schema["paths"].items():
        operation = methods.get("get")
        if operation and PROBLEM in operation["responses"].get("400", {}).get("content", {}):
            # A well-formed id of no statement: the parameters are checked before the lookup.
            yield path.replace("{statement_id}", str(NO_STATEMENT)), operation


def test_the_schema_is_openapi_3_and_covers_every_endpoint(schema):
    assert schema["openapi"].startswith("3.")
    assert schema["info"]["title"] == "Coalition CMS API"
    assert set(schema["paths"]) >= {
        "/api/v2/pages/by-path/",
        "/api/v2/preview/",
        "/api/v2/site/",
        "/api/v2/news/",
        "/api/v2/statements/",
        "/api/v2/in-focus/",
        "/api/v2/latest/",
        "/api/v2/social-posts/",
        # Wagtail's stock endpoints
        "/api/v2/pages/",
        "/api/v2/pages/{id}/",
        "/api/v2/images/",
        "/api/v2/documents/",
    }
    assert not any(path.startswith("/admin/") for path in schema["paths"])
    operation_ids = [op["operationId"] for ops in schema["paths"].values() for op in ops.values()]
    assert len(operation_ids) == len(set(operation_ids))
    for methods in schema["paths"].values():
        for operation in methods.values():
            assert "200" in operation["responses"] or "302" in operation["responses"]


def test_the_schema_is_yaml_on_request(client, schema):
    response = client.get("/api/schema/", {"format": "yaml"})

    assert response.status_code == 200
    assert yaml.safe_load(response.content) == schema


def test_the_sections_are_one_operation_each_with_their_own_types(schema):
    operations = dict(our_operations(schema))
    types = {
        section: next(
            p for p in operations[f"/api/v2/{section}/"]["parameters"] if p["name"] == "type"
        )
        for section in ["news", "statements", "in-focus", "latest"]
    }

    assert (
        operations["/api/v2/news/"]["operationId"] != operations["/api/v2/latest/"]["operationId"]
    )
    news, statements = (
        set(types["news"]["schema"]["enum"]),
        set(types["statements"]["schema"]["enum"]),
    )
    assert news != statements
    assert set(types["latest"]["schema"]["enum"]) == news | statements


def test_each_endpoint_documents_exactly_the_parameters_it_accepts(client, home_page, schema):
    """The API names what it accepts when refusing an unknown parameter; the schema must agree."""
    for path, operation in our_operations(schema):
        response = client.get(path, {"not_a_parameter": "1"})
        problem = json.loads(response.content)
        accepted = re.search(r"Allowed: (.*)\.$", problem["detail"]).group(1).split(", ")

        assert response.status_code == 400, path
        assert response["Content-Type"] == PROBLEM
        query = {p["name"] for p in operation["parameters"] if p["in"] == "query"}
        assert query == set(accepted), path


def test_documented_values_are_accepted_and_documented_bounds_are_enforced(
    client, home_page, schema, partner_key
):
    # The partner API's largest pages need a key; it changes nothing else.
    client.defaults["HTTP_AUTHORIZATION"] = f"Bearer {partner_key}"
    for path, operation in our_operations(schema):
        parameters = [p for p in operation["parameters"] if p["in"] == "query"]
        if any(p.get("required") for p in parameters):
            for required in (p for p in parameters if p.get("required")):
                response = client.get(path)
                assert response.status_code == 400, path
                assert json.loads(response.content)["parameter"] == required["name"]
            continue
        for parameter in parameters:
            name, values = parameter["name"], parameter["schema"]
            for value in values.get("enum", []):
                response = client.get(path, {name: value})
                assert response.status_code in accepted(path), (path, name, value)
            if values.get("type") == "integer":
                response = client.get(path, {name: values["maximum"]})
                assert response.status_code in accepted(path), path
                for outside in (values["minimum"] - 1, values["maximum"] + 1):
                    response = client.get(path, {name: outside})
                    assert response.status_code == 400, (path, name, outside)
                    assert json.loads(response.content)["parameter"] == name


def test_errors_are_documented_as_problem_details(schema):
    problem = schema["components"]["schemas"]["Problem"]

    assert {"type", "title", "status", "detail", "parameter"} <= set(problem["properties"])
    for path, operation in our_operations(schema):
        for status, response in operation["responses"].items():
            if status.startswith("4"):
                assert list(response["content"]) == [PROBLEM], (path, status)


# The docs page ------------------------------------------------------------------------------------


def test_the_docs_page_loads_only_the_sites_own_assets(client):
    response = client.get("/api/docs/")
    html = response.content.decode()
    assets = re.findall(r'(?:src|href)="([^"]*)"', html)

    assert response.status_code == 200
    assert assets
    for asset in assets:
        assert asset.startswith("/static/"), asset
        assert finders.find(asset.removeprefix("/static/")), f"{asset} is not a local static file"
    assert not re.search(r"(?:https?:)?//[\w.-]+\.\w+/", html)
    assert 'url: "/api/schema/"' in html
