"""The checked-in fixtures of the aws_svc encryption rules are what their specifications write, and the
per-format renames those rules rely on reach the graph."""

from __future__ import annotations

from pathlib import Path

import pytest

from iacgate.api import ScanSettings, scan
from rules.aws_svc import generate_fixtures as spec

ROOT = Path(__file__).resolve().parents[3]


@pytest.mark.parametrize("rule_id", sorted(spec.FIXTURES))
def test_checked_in_files_match_the_specifications(rule_id: str, tmp_path: Path) -> None:
    written = spec.write(spec.PACK, rule_id, spec.FIXTURES[rule_id], project=spec.PROJECT, root=tmp_path)
    assert written
    for path in written:
        checked_in = ROOT / "fixtures" / spec.PACK / rule_id / path.name
        assert checked_in.read_text(encoding="utf-8") == path.read_text(encoding="utf-8"), (
            f"{checked_in.relative_to(ROOT)} is stale: run tests/rules/aws_svc/generate_fixtures.py"
        )


@pytest.mark.parametrize(
    ("rule_id", "resource_type", "attribute"),
    [
        ("ENC-ECR-001", "aws_ecr_repository", "encryption_configuration"),  # Pulumi encryptionConfigurations
        (
            "ENC-SAGEMAKER-002",
            "aws_sagemaker_endpoint_configuration",
            "kms_key_arn",
        ),  # CloudFormation KmsKeyId
    ],
)
def test_every_format_names_the_setting_as_terraform_does(
    rule_id: str, resource_type: str, attribute: str
) -> None:
    result = scan(ScanSettings(paths=(ROOT / "fixtures" / spec.PACK / rule_id,), packs=(spec.PACK,)))
    formats = {
        resource.format
        for graph in result.graphs
        for resource in graph.resources
        if resource.type == resource_type and attribute in resource.attributes
    }
    assert formats == {"terraform", "terraform-plan", "cloudformation", "pulumi"}
