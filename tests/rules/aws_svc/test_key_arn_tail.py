"""A key ARN built from values unknown until apply (region, account, partition) is still judged by its
literal end: ":alias/aws/secretsmanager" is AWS-managed, ":alias/team-key" customer-managed, whatever
the account. An end that is not literal leaves the key undetermined."""

from __future__ import annotations

from pathlib import Path

from rules.aws_svc.scanned import outcomes_and_messages

HCL = """
variable "region" { type = string }
data "aws_caller_identity" "current" {}
locals {
  account = data.aws_caller_identity.current.account_id
  managed = "arn:aws:kms:${var.region}:${local.account}:alias/aws/secretsmanager"
}
resource "aws_secretsmanager_secret" "fail_managed" {
  name       = "a"
  kms_key_id = "arn:aws:kms:${var.region}:${local.account}:alias/aws/secretsmanager"
}
resource "aws_secretsmanager_secret" "fail_managed_local" {
  name       = "b"
  kms_key_id = local.managed
}
resource "aws_secretsmanager_secret" "pass_customer_alias" {
  name       = "c"
  kms_key_id = "arn:aws:kms:${var.region}:${local.account}:alias/team-secrets"
}
resource "aws_secretsmanager_secret" "pass_key_arn" {
  name       = "d"
  kms_key_id = "arn:aws:kms:${var.region}:${local.account}:key/1234abcd-12ab-34cd-56ef-1234567890ab"
}
resource "aws_secretsmanager_secret" "undetermined_alias_name" {
  name       = "e"
  kms_key_id = "arn:aws:kms:${var.region}:${local.account}:alias/${var.region}"
}
resource "aws_secretsmanager_secret" "undetermined_trimmed" {
  name       = "f"
  kms_key_id = trimsuffix(local.managed, "/secretsmanager")
}
resource "aws_cloudwatch_log_group" "fail_managed" {
  name       = "g"
  kms_key_id = "arn:aws:kms:${var.region}:${local.account}:alias/aws/logs"
}
"""

TEMPLATE = """
Resources:
  FailManaged:
    Type: AWS::SecretsManager::Secret
    Properties:
      KmsKeyId: !Sub "arn:${AWS::Partition}:kms:${AWS::Region}:${AWS::AccountId}:alias/aws/secretsmanager"
  PassCustomerAlias:
    Type: AWS::SecretsManager::Secret
    Properties:
      KmsKeyId: !Sub "arn:${AWS::Partition}:kms:${AWS::Region}:${AWS::AccountId}:alias/team-secrets"
  FailManagedJoin:
    Type: AWS::Logs::LogGroup
    Properties:
      KmsKeyId: !Join [":", ["arn:aws:kms", !Ref "AWS::Region", !Ref "AWS::AccountId", "alias/aws/logs"]]
  UndeterminedAliasName:
    Type: AWS::SecretsManager::Secret
    Properties:
      KmsKeyId: !Sub "arn:aws:kms:${AWS::Region}:${AWS::AccountId}:alias/${AWS::StackName}"
"""


def _outcomes(tmp_path: Path, name: str, text: str) -> tuple[dict[str, str], dict[str, str]]:
    return outcomes_and_messages(tmp_path, name, text, ("ENC-SECRETSMANAGER-001", "ENC-CLOUDWATCH-001"))


def test_terraform_key_arn_judged_by_its_literal_end(tmp_path: Path) -> None:
    outcomes, messages = _outcomes(tmp_path, "main.tf", HCL)
    assert outcomes == {
        "ENC-SECRETSMANAGER-001 aws_secretsmanager_secret.fail_managed": "fail",
        "ENC-SECRETSMANAGER-001 aws_secretsmanager_secret.fail_managed_local": "fail",
        "ENC-SECRETSMANAGER-001 aws_secretsmanager_secret.pass_customer_alias": "pass",
        "ENC-SECRETSMANAGER-001 aws_secretsmanager_secret.pass_key_arn": "pass",
        "ENC-SECRETSMANAGER-001 aws_secretsmanager_secret.undetermined_alias_name": "undetermined",
        "ENC-SECRETSMANAGER-001 aws_secretsmanager_secret.undetermined_trimmed": "undetermined",
        "ENC-CLOUDWATCH-001 aws_cloudwatch_log_group.fail_managed": "fail",
    }
    assert (
        "kms_key_id is unknown until apply, ending in :alias/aws/secretsmanager"
        in (messages["ENC-SECRETSMANAGER-001 aws_secretsmanager_secret.fail_managed"])
    )


def test_cloudformation_key_arn_judged_by_its_literal_end(tmp_path: Path) -> None:
    outcomes, messages = _outcomes(tmp_path, "stack.yaml", TEMPLATE)
    assert outcomes == {
        "ENC-SECRETSMANAGER-001 FailManaged": "fail",
        "ENC-SECRETSMANAGER-001 PassCustomerAlias": "pass",
        "ENC-CLOUDWATCH-001 FailManagedJoin": "fail",
        "ENC-SECRETSMANAGER-001 UndeterminedAliasName": "undetermined",
    }
    assert (
        "KmsKeyId is unknown until apply, ending in :alias/aws/logs"
        in (messages["ENC-CLOUDWATCH-001 FailManagedJoin"])
    )
