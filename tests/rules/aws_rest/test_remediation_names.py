"""The CloudFormation remediation of an aws_rest rule names properties its template fixture uses.

The engine renders a remediation written with Terraform names into CloudFormation's by name alone, so a
Terraform argument the template models elsewhere comes out as a property that does not exist there
(Kinesis kms_key_id as KmsKeyId, where AWS::Kinesis::Stream has StreamEncryption.KeyId) and an argument
CloudFormation lacks comes out as one it would refuse (Firehose server_side_encryption.enabled as
DeliveryStreamEncryptionConfigurationInput.Enabled). Such rules need ``remediation.text_in.cloudformation``.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from iacgate.packs import load_packs
from iacgate.vocabulary import speaker
from rules.aws_rest import generate_fixtures as spec

ROOT = Path(__file__).resolve().parents[3]
RULES = {rule.id: rule for rule in load_packs(("encryption",)).rules}

# A property-like word: PascalCase with two capitals or more (KmsKeyId), or any capitalised word followed by
# a colon (Enabled: true).
_PROPERTY = re.compile(r"\b([A-Z][a-z0-9]+(?:[A-Z][A-Za-z0-9]*)+|[A-Z][A-Za-z0-9]*(?=:))")


# Product names, and properties a remediation names beside the rule's own that the fixtures do not write
# (AWS::AppSync::ApiCache TransitEncryptionEnabled; a replication group's AtRestEncryptionEnabled, named in
# ENC-ELASTICACHE-003's remediation, which serverless caches share; DMS Serverless ComputeConfig beside
# replication instances in ENC-DMS-002's).
NOT_PROPERTIES = frozenset(
    {"CloudFormation", "CloudWatch", "DocumentDB"}
    | {"TransitEncryptionEnabled", "AtRestEncryptionEnabled", "ComputeConfig"}
)


def _keys(value: Any) -> set[str]:
    if isinstance(value, dict):
        return set(value) | {key for item in value.values() for key in _keys(item)}
    if isinstance(value, list):
        return {key for item in value for key in _keys(item)}
    return set()


def _template_rules() -> list[str]:
    return sorted(
        rule_id
        for rule_id in spec.FIXTURES
        if (ROOT / "fixtures" / spec.PACK / rule_id / "template.yaml").is_file() and rule_id in RULES
    )


@pytest.mark.parametrize("rule_id", _template_rules())
def test_cloudformation_remediation_names_template_properties(rule_id: str) -> None:
    rule = RULES[rule_id]
    template = yaml.safe_load((ROOT / "fixtures" / spec.PACK / rule_id / "template.yaml").read_text())
    by_type: dict[str, set[str]] = {}
    for resource in template["Resources"].values():
        if not resource["Type"].startswith("AWS::KMS::"):
            by_type.setdefault(resource["Type"], set()).update(_keys(resource.get("Properties", {})))
    for native_type, used in sorted(by_type.items()):
        text = speaker("cloudformation", native_type).text(rule.remediation.text_for("cloudformation"))
        unknown = sorted({word for word in _PROPERTY.findall(text) if word not in used} - NOT_PROPERTIES)
        assert not unknown, f"{rule_id} on {native_type}: {text!r} names {unknown}, not in its template"
