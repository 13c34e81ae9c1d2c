"""The demo plan (fixtures/demo/) is internally consistent, the way ``terraform show -json`` writes it."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

DEMO = Path(__file__).resolve().parents[1] / "fixtures" / "demo" / "payments-platform.tfplan.json"


def planned(module: dict[str, Any]) -> Iterator[dict[str, Any]]:
    yield from module.get("resources", [])
    for child in module.get("child_modules", []):
        yield from planned(child)


def configured(module: dict[str, Any], path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], Any]]:
    for resource in module.get("resources", []):
        yield path, resource
    for name, call in module.get("module_calls", {}).items():
        yield from configured(call["module"], (*path, name))


def references(expression: Any) -> Iterator[str]:
    if isinstance(expression, dict):
        yield from expression.get("references", [])
        for value in expression.values():
            yield from references(value)
    elif isinstance(expression, list):
        for item in expression:
            yield from references(item)


@pytest.fixture(scope="module")
def plan() -> dict[str, Any]:
    text = DEMO.read_text(encoding="utf-8")
    assert text.lstrip().startswith('{\n  "format_version": "1.2"')
    document: dict[str, Any] = json.loads(text)
    return document


def test_planned_values_hold_every_change_except_the_delete(plan: dict[str, Any]) -> None:
    changes = {c["address"]: c["change"] for c in plan["resource_changes"]}
    values = {r["address"]: r["values"] for r in planned(plan["planned_values"]["root_module"])}
    deleted = {address for address, change in changes.items() if change["actions"] == ["delete"]}
    assert deleted == {"aws_s3_bucket.legacy_statements"}
    assert values == {
        address: change["after"] for address, change in changes.items() if address not in deleted
    }
    assert 20 <= len(values) <= 35


def test_existing_resources_are_in_prior_state(plan: dict[str, Any]) -> None:
    prior = {r["address"]: r["values"] for r in planned(plan["prior_state"]["values"]["root_module"])}
    existing = {
        c["address"]: c["change"]["before"] for c in plan["resource_changes"] if c["change"]["before"]
    }
    assert prior == existing
    assert {
        c["address"]: c["change"]["actions"] for c in plan["resource_changes"] if c["change"]["before"]
    } == {
        "aws_db_instance.reporting": ["update"],
        "aws_vpc.core": ["no-op"],
        "aws_s3_bucket.legacy_statements": ["delete"],
    }


def test_unknown_values_are_marked_and_left_out_of_after(plan: dict[str, Any]) -> None:
    for change in plan["resource_changes"]:
        after, unknown = change["change"]["after"], change["change"]["after_unknown"]
        if after is None:
            continue
        marked = {key for key, value in unknown.items() if value is True}
        assert not marked & set(after), change["address"]
    ledger = next(c for c in plan["resource_changes"] if c["address"] == "aws_db_instance.ledger")["change"]
    assert ledger["after_unknown"]["kms_key_id"] is True and ledger["after"]["storage_encrypted"] is True


def test_every_resource_reference_resolves_within_its_module(plan: dict[str, Any]) -> None:
    resources = list(configured(plan["configuration"]["root_module"]))
    addresses = {(path, r["address"]) for path, r in resources}
    edges = 0
    for path, resource in resources:
        names = [*references(resource["expressions"]), *resource.get("depends_on", [])]
        for name in names:
            if name.split(".")[0] in {"var", "local", "each", "count"} or name.count(".") != 1:
                continue
            assert (path, name) in addresses, (resource["address"], name)
            edges += 1
    assert edges >= 20


def test_providers_give_the_module_its_aliased_region(plan: dict[str, Any]) -> None:
    providers = plan["configuration"]["provider_config"]
    assert providers["aws"]["expressions"]["region"]["constant_value"] == "eu-west-1"
    assert providers["aws.dr"]["alias"] == "dr"
    assert providers["aws.dr"]["expressions"]["region"]["constant_value"] == "eu-central-1"
    keys = {path: set() for path, _ in configured(plan["configuration"]["root_module"])}
    for path, resource in configured(plan["configuration"]["root_module"]):
        keys[path].add(resource["provider_config_key"])
    assert keys == {(): {"aws"}, ("dr_backup",): {"aws.dr"}}
