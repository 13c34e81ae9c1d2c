"""`pulumi preview --json` prints every secret as the string "[secret]" (display/json.go MassageSecrets):
the value Pulumi deploys is not in the file, so a rule reading it is undetermined, never failed or passed
on the mask's text."""

from __future__ import annotations

import json
from pathlib import Path

from iacgate.api import ScanSettings, scan
from iacgate.graph.model import Unknown
from iacgate.parsers.base import ParseOptions, merged
from iacgate.parsers.pulumi import PulumiParser
from iacgate.textio import read_source

PROVIDER = "urn:pulumi:dev::ledger::pulumi:providers:aws::default_6_63_0"


def _step(name: str, type_token: str, inputs: dict[str, object]) -> dict[str, object]:
    urn = f"urn:pulumi:dev::ledger::{type_token}::{name}"
    state = {
        "urn": urn,
        "custom": True,
        "type": type_token,
        "provider": f"{PROVIDER}::id-1",
        "inputs": inputs,
    }
    return {"op": "create", "urn": urn, "newState": state}


def _outcomes(
    tmp_path: Path, steps: list[dict[str, object]], rules: tuple[str, ...]
) -> dict[tuple[str, str], str]:
    path = tmp_path / "preview.json"
    path.write_text(json.dumps({"config": {"aws:region": "eu-west-1"}, "steps": steps}), encoding="utf-8")
    result = scan(ScanSettings(paths=(path,), root=tmp_path, only_rules=rules))
    assert not [note for note in result.notifications if note.level == "error"]
    return {
        (check.rule_id, check.resource_id.rsplit("::", 1)[-1]): check.outcome
        for check in result.evaluation.checks
    }


def test_a_secret_setting_in_a_preview_is_undetermined_not_failed(tmp_path: Path) -> None:
    database = {"engine": "postgres", "instanceClass": "db.t3.micro", "username": "ledger"}
    steps = [
        _step("masked", "aws:rds/instance:Instance", {**database, "storageEncrypted": "[secret]"}),
        _step("plain", "aws:rds/instance:Instance", {**database, "storageEncrypted": False}),
    ]
    outcomes = _outcomes(tmp_path, steps, ("ENC-RDS-001",))
    assert outcomes == {("ENC-RDS-001", "masked"): "undetermined", ("ENC-RDS-001", "plain"): "fail"}


def test_a_secret_password_in_a_preview_is_still_not_a_hard_coded_credential(tmp_path: Path) -> None:
    database = {"engine": "postgres", "instanceClass": "db.t3.micro", "username": "ledger"}
    steps = [
        _step("masked", "aws:rds/instance:Instance", {**database, "password": "[secret]"}),
        _step("plain", "aws:rds/instance:Instance", {**database, "password": "hunter2hunter2"}),
    ]
    outcomes = _outcomes(tmp_path, steps, ("SEC-CRED-001",))
    assert outcomes == {("SEC-CRED-001", "masked"): "pass", ("SEC-CRED-001", "plain"): "fail"}


def test_a_secret_explicit_provider_region_in_a_preview_is_unknown(tmp_path: Path) -> None:
    provider_urn = "urn:pulumi:dev::ledger::pulumi:providers:aws::eu"
    provider = {
        "op": "create",
        "urn": provider_urn,
        "newState": {
            "urn": provider_urn,
            "custom": True,
            "type": "pulumi:providers:aws",
            "inputs": {"region": "[secret]"},
        },
    }
    bucket = _step("logs", "aws:s3/bucket:Bucket", {"bucket": "logs"})
    bucket["newState"]["provider"] = f"{provider_urn}::id-2"  # type: ignore[index]
    path = tmp_path / "preview.json"
    path.write_text(json.dumps({"config": {}, "steps": [provider, bucket]}), encoding="utf-8")
    result = merged(
        PulumiParser().parse([read_source(path, "preview.json")], ParseOptions(scan_root=tmp_path))
    )
    regions = {resource.id.rsplit("::", 1)[-1]: resource.region for resource in result.resources}
    assert isinstance(regions["logs"], Unknown), regions
