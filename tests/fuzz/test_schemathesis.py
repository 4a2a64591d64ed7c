"""Schemathesis against the API's own OpenAPI schema: every operation, valid and invalid input.

Run by `make fuzz` (the `fuzz` marker keeps it out of the default run). Each case goes to the app
in-process over WSGI, against the demo content, and every answer must be free of 5xx and match
what the schema documents (status, content type, headers, body); invalid input must be refused
and valid input accepted. Once without an Authorization header for every operation, and once
more for the partner API with a partner key.
"""

import copy

import pytest
import schemathesis
from drf_spectacular.generators import SchemaGenerator
from schemathesis.config import SchemathesisConfig
from schemathesis.specs.openapi.checks import positive_data_acceptance

from django.core.wsgi import get_wsgi_application
from django.test import Client
from django.urls import Resolver404, resolve

from api.partners.views import PAGE_SIZE
from tests.fuzz.plan import MAX_EXAMPLES, SEED, sent

pytestmark = [pytest.mark.fuzz, pytest.mark.django_db]

PARTNERS = "/api/partners/"


def schema_document():
    """What `manage.py spectacular` writes and /api/schema/ serves."""
    return SchemaGenerator().get_schema(request=None, public=True)


def without_a_key(document):
    """The schema as it applies to a request without a key: the partner API's `limit` takes at
    most PAGE_SIZE (its description says so; a schema cannot make a maximum depend on a header)."""
    document = copy.deepcopy(document)
    for path, methods in document["paths"].items():
        for operation in methods.values():
            for parameter in operation.get("parameters", []):
                if path.startswith(PARTNERS) and parameter["name"] == "limit":
                    parameter["schema"]["maximum"] = PAGE_SIZE
    return document


def load(document):
    config = SchemathesisConfig.from_dict(
        {
            "seed": SEED,
            "generation": {
                "mode": "all",
                "max-examples": MAX_EXAMPLES,
                "database": "none",
                # Authorization is chosen by the run, not generated.
                "with-security-parameters": False,
            },
        }
    )
    schema = schemathesis.openapi.from_dict(document, config=config)
    schema.app = get_wsgi_application()
    schema.hook(filter_case)
    schema.hook(map_case)
    return schema


def filter_case(context, case):
    """Only paths that reach the operation: a path value Django's URL converters refuse is a
    404 before the API sees it (tests/test_fuzz_properties.py checks those answers)."""
    try:
        return resolve(case.formatted_path).func is resolve(example_path(case.operation)).func
    except Resolver404:
        return False


def example_path(operation):
    path = operation.path
    for parameter in operation.path_parameters:
        sample = "1" if parameter.definition["schema"].get("type") == "integer" else UUID
        path = path.replace(f"{{{parameter.name}}}", sample)
    return path


UUID = "00000000-0000-4000-8000-000000000000"


def map_case(context, case):
    """A cursor is opaque: only the API makes valid ones, so valid cases carry none (the
    properties in tests/test_fuzz_properties.py walk real cursors). Invalid ones keep theirs."""
    if case.meta and case.meta.generation.mode.is_positive and case.query:
        case.query.pop("cursor", None)
    return case


def excluded_checks(case):
    """Wagtail's stock endpoints answer 400 to a page id, site or field that does not exist, and
    to parameters that do not combine (`order` with `search`, `random` with `offset`), which a
    schema cannot say: a schema-valid request there may be refused. Everything else is checked."""
    return (
        [positive_data_acceptance]
        if "_wagtail_" in case.operation.definition.raw.get("operationId", "")
        else []
    )


anonymous = load(without_a_key(schema_document()))
keyed = load(schema_document()).include(path_regex=f"^{PARTNERS}")


@anonymous.parametrize()
def test_anonymous(case):
    sent[f"anonymous {case.operation.label}"] += 1
    response = case.call_and_validate(excluded_checks=excluded_checks(case))

    assert response.status_code != 401  # no key was sent: nothing to refuse


@keyed.parametrize()
def test_with_a_partner_key(case, partner_key):
    sent[f"keyed {case.operation.label}"] += 1
    response = case.call_and_validate(headers={"Authorization": f"Bearer {partner_key}"})

    assert response.status_code != 401  # the key is valid: a 401 would be a run without it


def test_the_served_schema_is_the_one_fuzzed():
    response = Client().get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")

    assert response.status_code == 200
    assert response.json() == schema_document()
