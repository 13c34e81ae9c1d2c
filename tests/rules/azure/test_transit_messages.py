"""Remediations of the Azure encryption-in-transit rules speak each Pulumi package's input names.

The azure-native StorageAccount and Redis inputs are the ARM properties (enableHttpsTrafficOnly,
enableNonSslPort), not the azure classic 6 names (httpsTrafficOnlyEnabled, nonSslPortEnabled) that the
Terraform remediation renders to; a Redis Enterprise database finding is fixed through its client protocol.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from iacgate.api import ScanSettings, scan

ROOT = Path(__file__).resolve().parents[3]


@pytest.mark.parametrize(
    ("rule_id", "native_type", "word"),
    [
        ("ENC-AZSTORAGE-001", "azure-native:storage:StorageAccount", "enableHttpsTrafficOnly"),
        ("ENC-AZREDIS-001", "azure-native:cache:Redis", "enableNonSslPort"),
        ("ENC-AZREDIS-001", "azurerm_redis_enterprise_database", "client_protocol"),
    ],
)
def test_remediation_names_the_input_of_the_finding_format(rule_id: str, native_type: str, word: str) -> None:
    result = scan(
        ScanSettings(paths=(ROOT / "fixtures" / "encryption" / rule_id,), root=ROOT, packs=("encryption",))
    )
    remediations = {
        finding.remediation
        for finding in result.findings
        if finding.rule_id == rule_id and finding.native_type == native_type
    }
    assert remediations, f"no {native_type} finding of {rule_id}"
    assert all(word in text for text in remediations), remediations


@pytest.mark.parametrize("rule_id", ["ENC-AZSTORAGE-001", "ENC-AZREDIS-001"])
def test_pulumi_remediation_names_no_terraform_provider(rule_id: str) -> None:
    result = scan(
        ScanSettings(paths=(ROOT / "fixtures" / "encryption" / rule_id,), root=ROOT, packs=("encryption",))
    )
    remediations = {
        finding.remediation
        for finding in result.findings
        if finding.rule_id == rule_id and finding.format == "pulumi"
    }
    assert remediations
    assert not any("azurerm" in text for text in remediations), remediations
