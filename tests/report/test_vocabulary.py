"""A finding speaks the format it was found in, says where a value was decided, and sits where it was
decided (#14 §4). Every rule's own fixtures are checked for Terraform words in
tests/rules/test_rule_fixtures.py::test_failures_explain_themselves; this module pins the mechanism."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from iacgate.api import ScanSettings, scan
from iacgate.cli import main
from iacgate.vocabulary import speaker

CFN_DEFAULT = """\
AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  MinimumProtocolVersion:
    Type: String
    Default: TLSv1
  Encrypted:
    Type: String
    Default: "false"
Resources:
  Volume:
    Type: AWS::EC2::Volume
    Properties:
      AvailabilityZone: eu-west-1a
      Size: 10
      Encrypted: !Ref Encrypted
  Given:
    Type: AWS::EC2::Volume
    Properties:
      AvailabilityZone: eu-west-1a
      Size: 10
      Encrypted: false
  Vpc:
    Type: AWS::EC2::VPC
    Properties:
      CidrBlock: 10.0.0.0/16
"""

MODULE = """\
variable "storage_encrypted" {
  type    = bool
  default = true
}
resource "aws_db_instance" "this" {
  engine            = "postgres"
  instance_class    = "db.t3.micro"
  storage_encrypted = var.storage_encrypted
}
"""

ROOT_ARGUMENT = """\
provider "aws" {
  region = "eu-west-1"
}
module "db" {
  source            = "../../modules/db"
  storage_encrypted = false
}
"""

ROOT_DEFAULT = """\
provider "aws" {
  region = "eu-west-1"
}
variable "encrypt" {
  default = false
}
module "db" {
  source            = "../../modules/db"
  storage_encrypted = var.encrypt
}
"""


def test_rendering_names_properties_types_and_assignments_per_format() -> None:
    volume = speaker("cloudformation", "AWS::EC2::Volume")
    assert volume.text("Set encrypted = true, and kms_key_id to a customer-managed key.") == (
        "Set Encrypted: true, and KmsKeyId to a customer-managed key."
    )
    # A single word is a name only where it stands as the attribute at fault.
    assert volume.text("EBS volume is not encrypted at rest: encrypted is false", ["encrypted"]) == (
        "EBS volume is not encrypted at rest: Encrypted is false"
    )
    # Spellings come from the CloudFormation schemas, not from capitalising words.
    assert speaker("cloudformation", "AWS::S3::Bucket").name("sse_algorithm") == "SSEAlgorithm"
    assert speaker("cloudformation", "AWS::RDS::DBInstance").name("db_instance_class") == "DBInstanceClass"
    assert speaker("cloudformation", "AWS::EC2::VPC").text("no aws_flow_log refers to it") == (
        "no AWS::EC2::FlowLog refers to it"
    )
    stack = speaker("pulumi", "aws:ec2/volume:Volume")
    assert stack.text("Set kms_key_id = x; no aws_flow_log refers to it") == (
        "Set kmsKeyId: x; no aws:ec2/flowLog:FlowLog refers to it"
    )
    # Values are not names: a parameter name, an alias, a policy name stay as written.
    group = speaker("cloudformation", "AWS::RDS::DBParameterGroup")
    text = "rds.force_ssl is 0 with alias/aws/rds and TLS_1_0, required 1"
    assert group.text(text, ["parameters"]) == text
    # Below a map the user or the service names (a parameter group's parameters), nothing is renamed.
    assert group.path(["parameters", "ssl_min_protocol_version"]) == "Parameters.ssl_min_protocol_version"
    minimum = "ssl_min_protocol_version is not set, required TLSv1.2"
    assert group.text(minimum, ["parameters", "ssl_min_protocol_version"]) == minimum
    # Terraform and plans are spoken as written.
    assert speaker("terraform", "aws_ebs_volume").text("Set encrypted = true") == "Set encrypted = true"


def test_cloudformation_findings_say_a_value_comes_from_a_parameter_default(tmp_path: Path) -> None:
    (tmp_path / "template.yaml").write_text(CFN_DEFAULT)
    result = scan(ScanSettings(paths=(tmp_path,), packs=("encryption", "audit-logging")))
    by_resource = {(f.rule_id, f.resource_id): f for f in result.findings}
    volume = by_resource[("ENC-EBS-001", "Volume")]
    assert volume.message.endswith(
        "Encrypted is false, required true; the value comes from the default of parameter Encrypted"
    )
    assert (volume.native_attribute, volume.remediation) == (
        "Encrypted",
        "Set Encrypted: true, and KmsKeyId to a customer-managed key.",
    )
    written = by_resource[("ENC-EBS-001", "Given")]
    assert "comes from" not in written.message
    flow = by_resource[("LOG-VPC-001", "Vpc")]
    assert "AWS::EC2::FlowLog" in flow.message and "aws_flow_log" not in flow.message


def _module_tree(tmp_path: Path) -> Path:
    (tmp_path / "modules" / "db").mkdir(parents=True)
    (tmp_path / "modules" / "db" / "main.tf").write_text(MODULE)
    for name, text in (("argument", ROOT_ARGUMENT), ("default", ROOT_DEFAULT)):
        (tmp_path / "examples" / name).mkdir(parents=True)
        (tmp_path / "examples" / name / "main.tf").write_text(text)
    return tmp_path


def test_a_module_input_points_at_the_callers_argument_with_the_module_line_related(tmp_path: Path) -> None:
    root = _module_tree(tmp_path)
    result = scan(ScanSettings(paths=(root,), packs=("encryption",), root=root))
    found = {f.unit: f for f in result.findings if f.rule_id == "ENC-RDS-001"}
    argument, default = found["examples/argument"], found["examples/default"]
    assert (argument.file, argument.line) == ("examples/argument/main.tf", 6)
    assert argument.message.endswith("the value comes from argument storage_encrypted of module.db")
    assert [(r.file, r.line) for r in argument.related] == [("modules/db/main.tf", 8)]
    # Passed on from the root's own variable: its default decided, in the root.
    assert (default.file, default.line) == ("examples/default/main.tf", 5)
    assert default.message.endswith("the value comes from the default of variable encrypt")
    # The module's own default decides nothing here: neither finding sits in the module.
    assert {f.file for f in found.values()}.isdisjoint({"modules/db/main.tf"})


def test_text_groups_findings_by_unit_so_copies_of_a_module_resource_are_told_apart(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(_module_tree(tmp_path))
    runner = CliRunner()
    outcome = runner.invoke(main, ["scan", ".", "--pack", "encryption", "--rule", "ENC-RDS-001"])
    lines = outcome.output.splitlines()
    headers = [line for line in lines if line.startswith("root module ")]
    assert headers == ["root module examples/argument", "root module examples/default"]
    outcome = runner.invoke(
        main, ["scan", ".", "--pack", "encryption", "--rule", "ENC-RDS-001", "--format", "json"]
    )
    data = json.loads(outcome.output[outcome.output.index("{") :])
    assert sorted((f["unit"], f["file"], f["line"]) for f in data["findings"]) == [
        ("examples/argument", "examples/argument/main.tf", 6),
        ("examples/default", "examples/default/main.tf", 5),
    ]


def test_a_value_passed_through_interpolation_is_followed_to_where_it_was_decided(tmp_path: Path) -> None:
    # Terraform 0.11 style, as in terraform-aws-rds: "${var.storage_encrypted}" passes the variable on.
    (tmp_path / "modules" / "db").mkdir(parents=True)
    (tmp_path / "modules" / "db" / "main.tf").write_text(
        MODULE.replace("var.storage_encrypted", '"${var.storage_encrypted}"')
    )
    (tmp_path / "main.tf").write_text(
        'provider "aws" {\n  region = "eu-west-1"\n}\nvariable "encrypt" {\n  default = false\n}\n'
        'module "db" {\n  source            = "./modules/db"\n  storage_encrypted = "${var.encrypt}"\n}\n'
    )
    result = scan(
        ScanSettings(paths=(tmp_path,), packs=("encryption",), root=tmp_path, only_rules=("ENC-RDS-001",))
    )
    (finding,) = result.findings
    assert (finding.file, finding.line) == ("main.tf", 5)
    assert finding.message.endswith("the value comes from the default of variable encrypt")


@pytest.mark.parametrize(
    ("format", "native_type", "expected"),
    [
        (
            "cloudformation",
            "AWS::ElasticLoadBalancingV2::Listener",
            "DefaultActions[0].RedirectConfig.Protocol",
        ),
        ("pulumi", "aws:lb/listener:Listener", "defaultActions[0].redirectConfig.protocol"),
    ],
)
def test_an_undetermined_path_is_written_out_in_the_formats_names(
    format: str, native_type: str, expected: str
) -> None:
    """The path an undetermined result names ("cannot decide, <path> is unknown") is the finding's own
    path, rendered element by element: past its first element it kept Terraform's names."""
    # The attributes as both readers name them (snake case of DefaultActions / defaultActions).
    path = ("default_actions", 0, "redirect_config", "protocol")
    message = (
        "listener may accept unencrypted traffic (cannot decide, "
        "default_actions[0].redirect_config.protocol is unknown: known after apply)"
    )
    rendered = speaker(format, native_type).text(message, path)
    assert f"cannot decide, {expected} is unknown" in rendered
