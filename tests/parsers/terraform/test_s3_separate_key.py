"""A customer-managed key named in a separate aws_s3_bucket_server_side_encryption_configuration (#15): the
key's references are that resource's, so the bucket's input says what it refers to (``refers_to``)."""

from __future__ import annotations

from pathlib import Path

from iacgate.api import ScanSettings, scan

FIXTURE = Path(__file__).resolve().parents[3] / "fixtures" / "parsers" / "terraform" / "s3_separate_key"


def test_an_unknown_key_is_customer_managed_only_when_it_is_a_key_resource() -> None:
    result = scan(ScanSettings(paths=(FIXTURE,), root=FIXTURE, only_rules=("ENC-S3-002",)))
    outcomes = {check.resource_id: check.outcome for check in result.evaluation.checks}
    assert outcomes == {
        "aws_s3_bucket.from_var": "undetermined",
        "aws_s3_bucket.from_key": "pass",
        "aws_s3_bucket.from_alias": "fail",
    }
    # Each finding at its bucket's block.
    lines = {finding.resource_id: (finding.file, finding.line) for finding in result.findings}
    assert lines == {"aws_s3_bucket.from_var": ("main.tf", 11), "aws_s3_bucket.from_alias": ("main.tf", 39)}
