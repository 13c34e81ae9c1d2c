"""The checked-in encryption fixtures are what their specifications write, and the shared writer renders a
reference between two resources so that every format sees the same relation."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from iacgate.api import ScanSettings, scan
from rules.encryption import generate_fixtures as spec

ROOT = Path(__file__).resolve().parents[3]


@pytest.mark.parametrize("rule_id", sorted(spec.FIXTURES))
def test_checked_in_files_match_the_specifications(rule_id: str, tmp_path: Path) -> None:
    written = spec.write(spec.PACK, rule_id, spec.FIXTURES[rule_id], formats=spec.FORMATS, project=spec.PACK,
                         root=tmp_path)  # fmt: skip
    assert {path.name for path in written} == {"main.tf", "template.yaml", f"{rule_id}.pulumi.json"}
    for path in written:
        checked_in = ROOT / "fixtures" / spec.PACK / rule_id / path.name
        assert checked_in.read_text(encoding="utf-8") == path.read_text(encoding="utf-8"), (
            f"{checked_in.relative_to(ROOT)} is stale: run tests/rules/encryption/generate_fixtures.py"
        )


def test_a_separate_encryption_resource_reaches_its_bucket_in_every_format(tmp_path: Path) -> None:
    cases = [*spec.separately_encrypted("pass_declared", "AES256"), spec.bucket("fail_undeclared")]
    spec.write(spec.PACK, "ENC-S3-001", cases, project="writer", root=tmp_path)
    directory = tmp_path / "fixtures" / spec.PACK / "ENC-S3-001"

    assert "  bucket = aws_s3_bucket.pass_declared.id\n" in (directory / "main.tf").read_text(
        encoding="utf-8"
    )
    plan = json.loads((directory / "ENC-S3-001.tfplan.json").read_text(encoding="utf-8"))
    configured = {
        entry["address"]: entry["expressions"] for entry in plan["configuration"]["root_module"]["resources"]
    }
    assert configured["aws_s3_bucket_server_side_encryption_configuration.pass_declared_sse"]["bucket"] == {
        "references": ["aws_s3_bucket.pass_declared.id", "aws_s3_bucket.pass_declared"]
    }
    template = yaml.safe_load((directory / "template.yaml").read_text(encoding="utf-8"))
    assert template["Resources"]["PassDeclared"]["Properties"]["BucketEncryption"]
    stack = json.loads((directory / "ENC-S3-001.pulumi.json").read_text(encoding="utf-8"))
    separate = next(r for r in stack["deployment"]["resources"] if r["urn"].endswith("::pass_declared_sse"))
    assert separate["propertyDependencies"] == {
        "bucket": ["urn:pulumi:prod::writer::aws:s3/bucketV2:BucketV2::pass_declared"]
    }

    result = scan(ScanSettings(paths=(directory,), packs=("encryption",)))
    outcomes = {
        (graph_resource.format, check.outcome)
        for check in result.evaluation.checks
        if check.rule_id == "ENC-S3-001"
        for graph in result.graphs
        for graph_resource in graph.resources
        if graph_resource.id == check.resource_id and graph_resource.type == "aws_s3_bucket"
    }
    formats = ("terraform", "terraform-plan", "cloudformation", "pulumi")
    assert outcomes == {(name, outcome) for name in formats for outcome in ("pass", "fail")}
