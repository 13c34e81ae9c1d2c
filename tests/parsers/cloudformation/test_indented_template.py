"""Templates are recognised from the parsed document, not from text layout (#14 §1): a valid template
whose top-level keys are indented is scanned, in a directory walk too; a nested ``Resources:`` of
another tool is not taken for one."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

INDENTED = """\
---
  AWSTemplateFormatVersion: "2010-09-09"
  Resources:
    Scratch:
      Type: AWS::EC2::Volume
      Properties:
        AvailabilityZone: eu-west-1a
        Size: 10
        Encrypted: false
"""
SERVERLESS = """\
service: payments
resources:
  Resources:
    Scratch:
      Type: AWS::EC2::Volume
"""


def test_an_indented_template_is_scanned_and_a_nested_resources_key_is_not(tmp_path: Path) -> None:
    (tmp_path / "vpc.yaml").write_text(INDENTED, encoding="utf-8")
    (tmp_path / "serverless.yml").write_text(SERVERLESS, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "iacgate", "scan", ".", "--rule", "ENC-EBS-001", "--format", "json"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 1, done.stderr
    report = json.loads(done.stdout)
    assert [(f["rule_id"], f["resource_id"], f["file"], f["line"]) for f in report["findings"]] == [
        ("ENC-EBS-001", "Scratch", "vpc.yaml", 9)
    ]
    assert [f["path"] for f in report["scanned_files"]] == ["vpc.yaml"]
