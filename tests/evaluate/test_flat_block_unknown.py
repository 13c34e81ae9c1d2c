"""A block that occurs once is an object in CloudFormation and Pulumi, a one-element list in Terraform;
rules read both with ``lib.blocks`` and name its first block ``[block, 0, key]``. A value unknown until
apply at such a path is undetermined in every format, not failed (#15: ENC-ECR-001 failed a template whose
EncryptionType is a parameter without a value)."""

from __future__ import annotations

from pathlib import Path

from iacgate.api import ScanSettings, scan
from iacgate.evaluate.results import _unknown_along
from iacgate.graph.model import Resource, SourceLocation, Unknown

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "parsers"
FIXTURE = FIXTURES / "cloudformation" / "flat_block_unknown"


def test_an_unknown_in_a_single_block_object_is_undetermined() -> None:
    result = scan(ScanSettings(paths=(FIXTURE,), root=FIXTURE, only_rules=("ENC-ECR-001",)))
    outcomes = {check.resource_id: check.outcome for check in result.evaluation.checks}
    assert outcomes == {
        "UnknownType": "undetermined",
        "UnknownKey": "undetermined",
        "KnownKms": "pass",
        "KnownAes": "fail",
    }


def test_index_zero_of_an_object_is_the_object_itself() -> None:
    unknown = Unknown("parameter EncryptionType has no value")
    resource = Resource(
        id="repo",
        format="pulumi",
        native_type="aws:ecr/repository:Repository",
        type="aws_ecr_repository",
        provider="aws",
        region="eu-west-1",
        region_source="provider",
        attributes={"encryption_configuration": {"encryption_type": unknown}, "tags": {"a": "b"}},
        tags={},
        location=SourceLocation("stack.json", 1, 1),
    )
    assert _unknown_along(resource, ("encryption_configuration", 0, "encryption_type")) == unknown
    assert _unknown_along(resource, ("encryption_configuration", "encryption_type")) == unknown
    # Only index 0 names the object: another index is no block at all.
    assert _unknown_along(resource, ("encryption_configuration", 1, "encryption_type")) is None
    assert _unknown_along(resource, ("tags", 0)) is None
