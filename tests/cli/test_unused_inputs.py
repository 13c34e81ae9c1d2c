"""Inputs the scan cannot use are said, as Terraform and the AWS CLI say them (#14 §5): a --var no root
module declares, a --parameter no template declares, a --region that is no region. A typo must not
leave the real value at its default in silence."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

TERRAFORM = 'variable "encrypted" {\n  type = bool\n}\n\nresource "aws_ebs_volume" "v" {\n' + (
    '  availability_zone = "eu-west-1a"\n  size = 1\n  encrypted = var.encrypted\n}\n'
)
TEMPLATE = """\
AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  Encrypted:
    Type: String
    Default: "false"
Resources:
  Volume:
    Type: AWS::EC2::Volume
    Properties:
      AvailabilityZone: eu-west-1a
      Size: 1
      Encrypted: !Ref Encrypted
"""


def warnings(cwd: Path, *args: str) -> list[str]:
    done = subprocess.run(
        [sys.executable, "-m", "iacgate", "scan", ".", "--format", "json", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode in (0, 1), done.stderr
    return [n["message"] for n in json.loads(done.stdout)["notifications"] if n["level"] == "warning"]


def test_an_undeclared_var_is_said(tmp_path: Path) -> None:
    (tmp_path / "main.tf").write_text(TERRAFORM, encoding="utf-8")
    assert warnings(tmp_path, "--var", "encrypted=true") == []
    assert warnings(tmp_path, "--var", "encryptd=true") == [
        "variable encryptd (--var or terraform.vars) is declared by no scanned root module; its value is "
        "not used (Terraform refuses an undeclared -var)"
    ]


def test_an_undeclared_parameter_and_a_region_that_is_none_are_said(tmp_path: Path) -> None:
    (tmp_path / "stack.yaml").write_text(TEMPLATE, encoding="utf-8")
    assert warnings(tmp_path, "--parameter", "Encrypted=true", "--region", "us-gov-west-1") == []
    assert warnings(tmp_path, "--parameter", "Encryptd=true", "--region", "eu-west") == [
        "parameter Encryptd (--parameter or a parameters file) is declared by no scanned template; its "
        "value is not used",
        "--region 'eu-west' is not an AWS region name (such as eu-west-1)",
    ]
