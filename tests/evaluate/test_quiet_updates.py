"""An in-place update that changes nothing CHG-UPDATE-001 compares (a tag-only update, the usual plan) is not
asked that rule, which passes it: the manifest's ``compares`` says what the policy compares, so it must name
exactly the attributes the policy's own ``compared`` names, type by type."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import regopy

from iacgate.api import ScanSettings, scan
from iacgate.evaluate.results import quiet_skipped, route_of
from iacgate.graph.model import Change, Resource, SourceLocation, Unknown
from iacgate.packs import load_packs
from iacgate.packs.model import QUIET, UPDATED

ROOT = Path(__file__).resolve().parents[2]
PLAN = ROOT / "fixtures" / "change-safety" / "CHG-UPDATE-001" / "plan.tfplan.json"
POLICIES = ROOT / "policies"
RULE = "CHG-UPDATE-001"


def _compared(type_name: str) -> set[str]:
    interpreter = regopy.Interpreter()
    for path in sorted(POLICIES.rglob("*.rego")):
        if not path.name.endswith("_test.rego") and ("lib" in path.parts or "change-safety" in path.parts):
            interpreter.add_module(str(path), path.read_text(encoding="utf-8"))
    interpreter.set_input({"resource": {"type": type_name, "attributes": {}}})
    output = interpreter.query("x := data.iacgate.rules.change_safety.weakening_update.compared")
    return set(json.loads(str(output))["bindings"]["x"])


def test_manifest_compares_what_the_policy_compares() -> None:
    rule = load_packs(["change-safety"]).by_id[RULE]
    for type_name in rule.resource_types:
        # A type whose checks compare nothing (a nested stack, judged on its change set) is always asked.
        assert set(rule.compared(type_name) or ()) == _compared(type_name), type_name
    assert rule.compared("aws_cloudformation_stack") is None


def _outcomes() -> dict[str, tuple[str | None, str]]:
    """Per aws_db_instance of the fixture plan: CHG-UPDATE-001's outcome and the route it took."""
    rules = load_packs(["change-safety"])
    result = scan(ScanSettings(paths=(PLAN,), packs=("change-safety",)), rules=rules)
    found = {}
    for graph in result.graphs:
        for resource in graph.resources:
            outcomes = [
                check.outcome
                for check in result.evaluation.checks
                if check.rule_id == RULE and check.resource_id == resource.id
            ]
            found[resource.id] = (outcomes[0] if len(outcomes) == 1 else None, route_of(resource, rules))
    return found


def test_update_changing_nothing_compared_is_not_asked_and_passes() -> None:
    """An engine upgrade changes only engine_version, which no check of the rule compares."""
    outcome, key = _outcomes()["aws_db_instance.pass_engine_upgrade"]
    assert outcome == "pass"
    # Not the route of updates (which asks CHG-UPDATE-001): no query at all, as no other rule of the pack
    # judges the state of an aws_db_instance.
    assert not key.endswith(UPDATED)
    assert RULE not in {rule.id for rule in load_packs(["change-safety"]).routes.get(key, ())}


def test_update_of_a_compared_attribute_is_asked() -> None:
    found = _outcomes()
    for address in ("aws_db_instance.fail_protection_off", "aws_s3_bucket.fail_versioning_turned_off"):
        outcome, key = found[address]
        assert outcome == "fail", address
        assert key.endswith(UPDATED), address


@pytest.mark.parametrize("before", ["unknown", "missing"])
def test_update_without_a_known_before_state_is_asked(tmp_path: Path, before: str) -> None:
    """A value unknown before (a change set without values) or no before-state at all is never quiet."""
    rules = load_packs(["change-safety"])
    attributes = {"deletion_protection": True}
    was = {"deletion_protection": Unknown("not in the change set")} if before == "unknown" else None
    resource = Resource(
        id="aws_db_instance.a",
        format="terraform-plan",
        native_type="aws_db_instance",
        type="aws_db_instance",
        provider="aws",
        region="eu-west-1",
        region_source="provider",
        attributes=attributes,
        tags={},
        location=SourceLocation("plan.json", 1, 1),
        change=Change(("update",), was),
    )
    assert quiet_skipped(resource, rules) == ()
    assert route_of(resource, rules).endswith(UPDATED)
    assert not route_of(resource, rules).endswith(QUIET)
