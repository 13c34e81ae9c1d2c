"""ENC-KINESIS-001's remediation on a template names the properties AWS::Kinesis::Stream has: its encryption
sits in StreamEncryption (EncryptionType, KeyId). Rendered from the Terraform words by name alone it read
"Set EncryptionType: "KMS" and KmsKeyId", a property the stream does not have."""

from __future__ import annotations

from pathlib import Path

from iacgate.api import ScanSettings, scan

ROOT = Path(__file__).resolve().parents[3]


def test_template_remediation_names_stream_encryption() -> None:
    template = ROOT / "fixtures" / "encryption" / "ENC-KINESIS-001" / "template.yaml"
    result = scan(ScanSettings(paths=(template,), root=ROOT, only_rules=("ENC-KINESIS-001",)))
    remediations = {finding.remediation for finding in result.findings}
    assert remediations, "the template holds failing streams"
    for text in remediations:
        assert "StreamEncryption" in text and "KeyId" in text
        assert "KmsKeyId" not in text
