"""A template whose text holds a secret is one unit: its resources and its secrets are judged together.

cfngoat crashed every scan with both packs on (``internal error: KeyError: 'EC2Instance'``): the secret
nodes of a CloudFormation template formed a second graph named like the template's own (a template's
unit is its file), and the template's findings were looked up among the secret nodes."""

from __future__ import annotations

from pathlib import Path

from iacgate.api import ScanSettings, scan

TEMPLATE = """\
AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Instance:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-12345678
      InstanceType: t3.nano
      UserData:
        Fn::Base64: |
          #!/bin/bash
          export AWS_ACCESS_KEY_ID=AKIAQ3EGUVYTZ7LMKD5N
          export AWS_SECRET_ACCESS_KEY=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
"""


def test_a_templates_resources_and_its_secrets_are_judged_in_one_unit(tmp_path: Path) -> None:
    (tmp_path / "template.yaml").write_text(TEMPLATE, encoding="utf-8")
    result = scan(ScanSettings(paths=(tmp_path,), root=tmp_path, packs=("encryption", "secrets-and-state")))
    assert not [note for note in result.notifications if note.level == "error"]
    assert [graph.name for graph in result.graphs] == ["template.yaml"]
    by_rule = {(f.rule_id.split("-")[0], f.resource_id) for f in result.findings}
    assert ("ENC", "Instance") in by_rule
    assert any(prefix == "SEC" and resource.startswith("iacgate_secret.") for prefix, resource in by_rule)
    assert {f.unit for f in result.findings} == {"template.yaml"}
