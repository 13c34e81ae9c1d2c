"""Which entry of a plan or a Pulumi file stands for a resource, whatever order the entries come in.

Before, the first entry of an address or URN won: a deposed object's deletion listed before the current
object's creation (older Terraform, or a plan edited by hand), or a preview's delete step before the
create step of the same URN, hid the resource that exists after the update, and its findings were lost.
A stack export's only copy of a resource marked ``pendingReplacement`` was dropped, and a create held
only in ``resource_changes`` vanished; findings were placed by the first ``"planned_values"`` key in the
text, which may sit inside a variable's value.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from iacgate.api import ScanResult, ScanSettings, scan

VOLUME = "aws_ebs_volume.data"
URN = "urn:pulumi:prod::proj::aws:ebs/volume:Volume::data"
PROVIDER = "urn:pulumi:prod::proj::pulumi:providers:aws::default_6_63_0"
UNENCRYPTED = {"availability_zone": "eu-west-1a", "size": 10, "encrypted": False, "kms_key_id": None}


def _planned(address: str, values: dict[str, Any]) -> dict[str, Any]:
    kind, name = address.split(".")
    return {
        "address": address,
        "mode": "managed",
        "type": kind,
        "name": name,
        "provider_name": "registry.terraform.io/hashicorp/aws",
        "schema_version": 0,
        "values": values,
        "sensitive_values": {},
    }


def _change(address: str, actions: list[str], before: Any, after: Any, deposed: str | None = None) -> Any:
    entry = {**_planned(address, {}), "change": {"actions": actions, "before": before, "after": after}}
    del entry["values"], entry["sensitive_values"], entry["schema_version"]
    return {**entry, "deposed": deposed} if deposed else entry


def _plan(resources: list[dict[str, Any]], changes: list[dict[str, Any]], **top: Any) -> dict[str, Any]:
    return {
        "format_version": "1.2",
        "terraform_version": "1.9.5",
        **top,
        "planned_values": {"root_module": {"resources": resources}},
        "resource_changes": changes,
    }


def _scan(tmp_path: Path, name: str, document: dict[str, Any]) -> ScanResult:
    (tmp_path / name).write_text(json.dumps(document, indent=2), encoding="utf-8")
    return scan(ScanSettings(paths=(tmp_path,)))


def _failed(result: ScanResult) -> set[tuple[str, str]]:
    return {(f.rule_id, f.resource_id) for f in result.findings if f.status == "fail"}


def test_a_deposed_deletion_listed_first_does_not_hide_the_current_object(tmp_path: Path) -> None:
    deposed = _change(VOLUME, ["delete"], UNENCRYPTED, None, deposed="00000001")
    created = _change(VOLUME, ["create"], None, UNENCRYPTED)
    result = _scan(tmp_path, "plan.json", _plan([_planned(VOLUME, UNENCRYPTED)], [deposed, created]))
    assert ("ENC-EBS-001", VOLUME) in _failed(result)


def test_a_creation_held_only_in_resource_changes_fails_closed(tmp_path: Path) -> None:
    document = _plan([], [_change(VOLUME, ["create"], None, UNENCRYPTED)])
    result = _scan(tmp_path, "plan.json", document)
    text = (tmp_path / "plan.json").read_text(encoding="utf-8")
    line = text[: text.index(f'"address": "{VOLUME}"')].count("\n") + 1
    errors = [(n.file, n.line, n.message) for n in result.notifications if n.level == "error"]
    assert errors == [
        (
            "plan.json",
            line,
            f"resource_changes holds {VOLUME} (create), which planned_values does not: "
            "the plan is inconsistent (edited by hand?)",
        )
    ]
    assert result.decision.exit_code == 3


def test_findings_are_placed_in_planned_values_not_in_a_variable_naming_it(tmp_path: Path) -> None:
    # Terraform writes variables before planned_values; a variable's value may hold any key.
    decoy = {"planned_values": {"resources": [{"address": VOLUME, "encrypted": "no"}]}}
    document = _plan([_planned(VOLUME, UNENCRYPTED)], [], variables={"x": {"value": decoy}})
    result = _scan(tmp_path, "plan.json", document)
    text = (tmp_path / "plan.json").read_text(encoding="utf-8")
    resource_at = text.index(f'"address": "{VOLUME}"', text.index('\n  "planned_values"'))
    line = text[: text.index('"encrypted": false', resource_at)].count("\n") + 1
    assert ("ENC-EBS-001", VOLUME, line) in {(f.rule_id, f.resource_id, f.line) for f in result.findings}


def _state(inputs: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {
        "urn": URN,
        "custom": True,
        "type": "aws:ebs/volume:Volume",
        "inputs": inputs,
        "provider": f"{PROVIDER}::pid",
        **extra,
    }


PROVIDER_STATE = {"urn": PROVIDER, "custom": True, "id": "pid", "type": "pulumi:providers:aws", "inputs": {}}
VOLUME_INPUTS = {"availabilityZone": "eu-west-1a", "size": 10, "encrypted": False}


def test_a_delete_step_before_the_create_step_of_the_urn_does_not_hide_it(tmp_path: Path) -> None:
    steps = [
        {"op": "same", "urn": PROVIDER, "newState": PROVIDER_STATE},
        {"op": "delete", "urn": URN, "oldState": _state(VOLUME_INPUTS)},
        {"op": "create", "urn": URN, "newState": _state(VOLUME_INPUTS)},
    ]
    result = _scan(tmp_path, "preview.json", {"config": {"aws:region": "eu-west-1"}, "steps": steps})
    assert ("ENC-EBS-001", URN) in _failed(result)
    (volume,) = [r for graph in result.graphs for r in graph.resources if r.id == URN]
    assert volume.mode != "deleted" and volume.change is not None and volume.change.actions == ("create",)


def _export(*resources: dict[str, Any]) -> dict[str, Any]:
    return {"version": 3, "deployment": {"manifest": {}, "resources": [PROVIDER_STATE, *resources]}}


def test_a_stack_export_keeps_the_only_copy_of_a_resource_pending_replacement(tmp_path: Path) -> None:
    result = _scan(tmp_path, "stack.json", _export(_state(VOLUME_INPUTS, pendingReplacement=True)))
    assert ("ENC-EBS-001", URN) in _failed(result)


def test_a_stack_export_judges_the_replacement_not_the_copy_pending_replacement(tmp_path: Path) -> None:
    encrypted = {**VOLUME_INPUTS, "encrypted": True, "kmsKeyId": "arn:aws:kms:eu-west-1:111122223333:key/k"}
    document = _export(_state(VOLUME_INPUTS, pendingReplacement=True), _state(encrypted))
    result = _scan(tmp_path, "stack.json", document)
    assert [r.id for graph in result.graphs for r in graph.resources].count(URN) == 1
    assert ("ENC-EBS-001", URN) not in _failed(result)


def test_a_secret_region_in_the_stack_config_is_unknown(tmp_path: Path) -> None:
    # A preview shows a secret config value as "[secret]": not a region the residency rules may compare.
    steps = [{"op": "create", "urn": URN, "newState": _state(VOLUME_INPUTS, provider="")}]
    (tmp_path / "preview.json").write_text(
        json.dumps({"config": {"aws:region": "[secret]"}, "steps": steps}), encoding="utf-8"
    )
    residency = {"residency": {"allowed_regions": ["eu-west-1"]}}
    result = scan(ScanSettings(paths=(tmp_path,), packs=("residency",), settings=residency))
    (volume,) = [r for graph in result.graphs for r in graph.resources if r.id == URN]
    assert not isinstance(volume.region, str), volume.region
    messages = [f.message for f in result.findings if f.rule_id == "RES-REGION-001"]
    assert messages and all("[secret]" not in message for message in messages)
    assert all("the stack config aws:region is a secret" in message for message in messages)


def test_a_resource_known_after_apply_as_a_whole_is_undetermined_never_passed(tmp_path: Path) -> None:
    # after_unknown: true (the whole object). Before, its attributes were empty: "not set" decided each rule,
    # so a rule where "not set" passes passed.
    created = _change(VOLUME, ["create"], None, None)
    created["change"]["after_unknown"] = True
    result = _scan(tmp_path, "plan.json", _plan([_planned(VOLUME, {})], [created]))
    checks = {
        check.rule_id: check.outcome for check in result.evaluation.checks if check.resource_id == VOLUME
    }
    assert checks and set(checks.values()) == {"undetermined"}, checks
