"""Messages of the aws_rest database rules read right in every format they are rendered in."""

from __future__ import annotations

from pathlib import Path

from iacgate.api import ScanSettings, scan

ROOT = Path(__file__).resolve().parents[3]


def test_dynamodb_replica_findings_keep_their_subject_on_a_pulumi_table() -> None:
    """The finding's path runs through replica, which a Pulumi stack calls replicas: a subject ending in the
    word "replica" was rendered as that property ("DynamoDB table replicas is not encrypted")."""
    stack = ROOT / "fixtures" / "encryption" / "ENC-DYNAMODB-002" / "ENC-DYNAMODB-002.pulumi.json"
    result = scan(ScanSettings(paths=(stack,), packs=("encryption",)))
    messages = [
        finding.message
        for finding in result.findings
        if finding.rule_id == "ENC-DYNAMODB-002" and finding.native_type == "aws:dynamodb/table:Table"
    ]
    assert messages
    assert not [message for message in messages if "replicas is" in message], messages
