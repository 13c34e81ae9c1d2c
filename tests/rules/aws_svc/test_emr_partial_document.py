"""EMR security configurations written with jsonencode() that name a key created in the same plan: the
switches are known, so ENC-EMR-001/002 judge them (the whole text was unknown, so both were undetermined).
A switch unknown until apply is undetermined, in every format."""

from __future__ import annotations

from pathlib import Path

from rules.aws_svc.scanned import outcomes_and_messages

HCL = """
resource "aws_kms_key" "emr" {
  enable_key_rotation = true
}
variable "in_transit" { type = bool }
resource "aws_emr_security_configuration" "pass_at_rest_fail_in_transit" {
  name = "a"
  configuration = jsonencode({
    EncryptionConfiguration = {
      EnableAtRestEncryption    = true
      EnableInTransitEncryption = false
      AtRestEncryptionConfiguration = {
        S3EncryptionConfiguration = { EncryptionMode = "SSE-KMS", AwsKmsKey = aws_kms_key.emr.arn }
        LocalDiskEncryptionConfiguration = {
          EncryptionKeyProviderType = "AwsKms"
          AwsKmsKey                 = aws_kms_key.emr.arn
        }
      }
    }
  })
}
resource "aws_emr_security_configuration" "fail_at_rest_undetermined_in_transit" {
  name = "b"
  configuration = jsonencode({
    EncryptionConfiguration = {
      EnableAtRestEncryption    = false
      EnableInTransitEncryption = var.in_transit
    }
  })
}
"""

TEMPLATE = """
Parameters:
  AtRest: {Type: String, AllowedValues: ["true", "false"]}
Resources:
  Config:
    Type: AWS::EMR::SecurityConfiguration
    Properties:
      SecurityConfiguration:
        EncryptionConfiguration:
          EnableAtRestEncryption: !Ref AtRest
          EnableInTransitEncryption: true
"""


def _outcomes(tmp_path: Path, name: str, text: str) -> tuple[dict[str, str], dict[str, str]]:
    return outcomes_and_messages(tmp_path, name, text, ("ENC-EMR-001", "ENC-EMR-002"))


def test_jsonencode_with_a_key_created_in_the_plan(tmp_path: Path) -> None:
    outcomes, messages = _outcomes(tmp_path, "main.tf", HCL)
    assert outcomes == {
        "ENC-EMR-001 aws_emr_security_configuration.pass_at_rest_fail_in_transit": "pass",
        "ENC-EMR-002 aws_emr_security_configuration.pass_at_rest_fail_in_transit": "fail",
        "ENC-EMR-001 aws_emr_security_configuration.fail_at_rest_undetermined_in_transit": "fail",
        "ENC-EMR-002 aws_emr_security_configuration.fail_at_rest_undetermined_in_transit": "undetermined",
    }
    assert (
        "EnableInTransitEncryption is false"
        in (messages["ENC-EMR-002 aws_emr_security_configuration.pass_at_rest_fail_in_transit"])
    )


def test_cloudformation_switch_from_a_parameter_is_undetermined(tmp_path: Path) -> None:
    outcomes, messages = _outcomes(tmp_path, "stack.yaml", TEMPLATE)
    assert outcomes == {"ENC-EMR-001 Config": "undetermined", "ENC-EMR-002 Config": "pass"}
    assert messages["ENC-EMR-001 Config"].startswith(
        "EMR security configuration may not encrypt data at rest: "
        "EncryptionConfiguration.EnableAtRestEncryption is unknown until apply"
    )
