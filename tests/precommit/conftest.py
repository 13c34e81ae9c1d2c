"""A small Terraform repository as a commit would change it: a root module passing its own variable
(from a sibling file) into a local module, one violating resource, and non-IaC YAML/JSON beside it."""

from __future__ import annotations

from pathlib import Path

import pytest

MODULE = """\
variable "encrypted" {
  type = bool
}

resource "aws_ebs_volume" "data" {
  availability_zone = "eu-west-1a"
  size              = 10
  encrypted         = var.encrypted
}
"""

# aws_ebs_volume.scratch is on line 13: the tests assert that file:line.
ROOT = """\
provider "aws" {
  region = "eu-west-1"
}

module "disk" {
  source    = "./modules/disk"
  encrypted = var.encrypt_disk
}

resource "aws_ebs_volume" "scratch" {
  availability_zone = "eu-west-1a"
  size              = 10
  encrypted         = false
}
"""
SCRATCH_LINE = 13

VARIABLES = """\
variable "encrypt_disk" {
  type    = bool
  default = true
}
"""

CLOUDFORMATION = """\
AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Queue:
    Type: AWS::SQS::Queue
"""


def write_repository(root: Path) -> Path:
    (root / "modules" / "disk").mkdir(parents=True)
    (root / "modules" / "disk" / "main.tf").write_text(MODULE, encoding="utf-8")
    (root / "main.tf").write_text(ROOT, encoding="utf-8")
    (root / "variables.tf").write_text(VARIABLES, encoding="utf-8")
    (root / ".github" / "workflows").mkdir(parents=True)
    (root / ".github" / "workflows" / "ci.yml").write_text("on: push\njobs: {}\n", encoding="utf-8")
    (root / "package.json").write_text('{"name": "site", "version": "1.0.0"}\n', encoding="utf-8")
    (root / "stack.yaml").write_text(CLOUDFORMATION, encoding="utf-8")
    return root


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    return write_repository(tmp_path / "repo")
