"""Within v1 the partner API only grows: a change that could break a partner's client fails here.

tests/snapshots/partners-v1-openapi.json holds the partner API's operations as first published,
with every `$ref` resolved. The live schema is compared with it: operations, parameters,
parameter values and response fields may be added, never removed, renamed, narrowed or retyped.
After an intended, compatible addition, record it (and review the diff):

    UPDATE_SNAPSHOTS=1 .venv/bin/pytest tests/test_partner_schema.py

No maintained Python package compares OpenAPI documents for compatibility (the usual tools are
Go and Java programs), so the few rules a read-only API needs are written out below.
"""

import copy
import json
import os
from pathlib import Path

import pytest

pytestmark = pytest.mark.django_db

SNAPSHOT = Path(__file__).parent / "snapshots" / "partners-v1-openapi.json"
PREFIX = "/api/partners/v1/"


def resolve(node, components):
    """The schema with every `$ref` replaced by what it points at."""
    if isinstance(node, dict):
        if "$ref" in node:
            name = node["$ref"].rsplit("/", 1)[-1]
            return resolve(components[name], components)
        return {key: resolve(value, components) for key, value in node.items()}
    if isinstance(node, list):
        return [resolve(value, components) for value in node]
    return node


def partner_operations(schema):
    components = schema["components"]["schemas"]
    return {
        path: resolve(methods, components)
        for path, methods in schema["paths"].items()
        if path.startswith(PREFIX)
    }


def breaking_changes(old, new):
    """What in `new` could break a client written against `old`."""
    for path, methods in old.items():
        for method, operation in methods.items():
            where = f"{method.upper()} {path}"
            current = new.get(path, {}).get(method)
            if current is None:
                yield f"{where}: removed"
                continue
            yield from parameter_changes(where, operation, current)
            yield from response_changes(where, operation, current)


def parameter_changes(where, old, new):
    def by_name(operation):
        return {(p["name"], p["in"]): p for p in operation.get("parameters", [])}

    before, after = by_name(old), by_name(new)
    for key, parameter in before.items():
        if key not in after:
            yield f"{where}: parameter {key[0]} removed"
        else:
            yield from input_changes(f"{where} {key[0]}", parameter["schema"], after[key]["schema"])
    for key, parameter in after.items():
        if key not in before and parameter.get("required"):
            yield f"{where}: new required parameter {key[0]}"


def input_changes(where, old, new):
    """What a client sends must stay valid: no narrower type, values or range."""
    if old.get("type") != new.get("type"):
        yield f"{where}: type {old.get('type')} became {new.get('type')}"
    if set(old.get("enum", [])) - set(new.get("enum", old.get("enum", []))):
        yield f"{where}: values removed"
    if new.get("maximum", float("inf")) < old.get("maximum", float("inf")):
        yield f"{where}: maximum lowered"
    if new.get("minimum", float("-inf")) > old.get("minimum", float("-inf")):
        yield f"{where}: minimum raised"
    if new.get("maxLength", float("inf")) < old.get("maxLength", float("inf")):
        yield f"{where}: maxLength lowered"


def response_changes(where, old, new):
    for status, response in old.get("responses", {}).items():
        current = new.get("responses", {}).get(status)
        if current is None:
            yield f"{where}: response {status} removed"
            continue
        for media_type, content in response.get("content", {}).items():
            if media_type not in current.get("content", {}):
                yield f"{where} {status}: {media_type} removed"
                continue
            yield from output_changes(
                f"{where} {status}", content["schema"], current["content"][media_type]["schema"]
            )


def output_changes(where, old, new):
    """What a client reads must stay there, with the same type, never newly null."""
    if old.get("type") != new.get("type"):
        yield f"{where}: type {old.get('type')} became {new.get('type')}"
        return
    if new.get("nullable") and not old.get("nullable"):
        yield f"{where}: may now be null"
    for name, field in old.get("properties", {}).items():
        if name not in new.get("properties", {}):
            yield f"{where}.{name}: removed"
        else:
            yield from output_changes(f"{where}.{name}", field, new["properties"][name])
    if old.get("type") == "array":
        yield from output_changes(f"{where}[]", old["items"], new["items"])


@pytest.fixture
def operations(client):
    return partner_operations(json.loads(client.get("/api/schema/").content))


def test_the_partner_api_is_compatible_with_its_published_schema(operations):
    if os.environ.get("UPDATE_SNAPSHOTS") == "1":
        SNAPSHOT.write_text(json.dumps(operations, indent=2, ensure_ascii=False) + "\n")
    published = json.loads(SNAPSHOT.read_text())

    assert list(breaking_changes(published, operations)) == []


def test_the_snapshot_is_the_whole_partner_api(operations):
    """Every operation is pinned, so none can change unnoticed."""
    published = json.loads(SNAPSHOT.read_text())

    assert set(published) == set(operations)


@pytest.mark.parametrize(
    "change, expected",
    [
        (
            lambda ops: ops.pop(f"{PREFIX}members/"),
            f"GET {PREFIX}members/: removed",
        ),
        (
            lambda ops: ops[f"{PREFIX}statements/"]["get"]["parameters"].pop(0),
            f"GET {PREFIX}statements/: parameter cursor removed",
        ),
        (
            lambda ops: record(ops)["properties"].pop("content_hash"),
            f"GET {PREFIX}statements/ 200.items[].content_hash: removed",
        ),
        (
            lambda ops: record(ops)["properties"]["revision"].update(type="string"),
            f"GET {PREFIX}statements/ 200.items[].revision: type integer became string",
        ),
        (
            lambda ops: parameter(ops, "sort")["schema"]["enum"].remove("date"),
            f"GET {PREFIX}statements/ sort: values removed",
        ),
        (
            lambda ops: parameter(ops, "limit")["schema"].update(maximum=100),
            f"GET {PREFIX}statements/ limit: maximum lowered",
        ),
        (
            lambda ops: ops[f"{PREFIX}statements/"]["get"]["parameters"].append(
                {"name": "token", "in": "query", "required": True, "schema": {"type": "string"}}
            ),
            f"GET {PREFIX}statements/: new required parameter token",
        ),
    ],
)
def test_an_incompatible_change_is_caught(operations, change, expected):
    changed = copy.deepcopy(operations)
    change(changed)

    assert expected in list(breaking_changes(operations, changed))


def test_additions_are_compatible(operations):
    changed = copy.deepcopy(operations)
    record(changed)["properties"]["language_name"] = {"type": "string"}
    parameter(changed, "sort")["schema"]["enum"].append("title")
    changed[f"{PREFIX}statements/"]["get"]["parameters"].append(
        {"name": "country", "in": "query", "schema": {"type": "string"}}
    )

    assert list(breaking_changes(operations, changed)) == []


def record(operations):
    response = operations[f"{PREFIX}statements/"]["get"]["responses"]["200"]
    return response["content"]["application/json"]["schema"]["properties"]["items"]["items"]


def parameter(operations, name):
    parameters = operations[f"{PREFIX}statements/"]["get"]["parameters"]
    return next(p for p in parameters if p["name"] == name)
