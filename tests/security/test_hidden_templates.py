"""A CloudFormation template is the very file a change deploys: one that dodges the quick content tests
must still be claimed and judged, never skipped as "not IaC" while the gate passes on the files beside it.

Each shape below is a template CloudFormation reads (YAML in flow style, quoted or escaped keys, lines
ended by CR alone, a plan's marker in its description). Before, each was skipped silently in a directory
scan, and the gate passed on the Terraform file next to it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from iacgate.api import ScanSettings, scan
from iacgate.parsers.claims import cloudformation
from iacgate.textio import SourceFile

GITHUB = "ghp_Fx7kQ2mW9rT4vB8nL3pZ6yH1cJ5dG0sA2eRt"
ENCRYPTED_QUEUE = """\
resource "aws_sqs_queue" "ok" {
  name              = "ok"
  kms_master_key_id = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
}
"""
BLOCK = "Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n    Properties:\n      QueueName: plain\n"

SHAPES = {
    "flow-style.yaml": "{AWSTemplateFormatVersion: '2010-09-09', "
    "Resources: {Queue: {Type: 'AWS::SQS::Queue', Properties: {QueueName: plain}}}}\n",
    "single-quoted.yaml": BLOCK.replace("Resources:", "'Resources':").replace("Type:", "'Type':"),
    "escaped-key.yaml": BLOCK.replace("Resources:", '"Re\\x73ources":'),
    "escaped-key.json": json.dumps({"Resources": {"Queue": {"Type": "AWS::SQS::Queue"}}}).replace(
        "Resources", "Re\\u0073ources"
    ),
    "cr-lines.yaml": ("Description: queues\n" + BLOCK).replace("\n", "\r"),
    "line-separators.yaml": ("Description: queues\n" + BLOCK).replace("\n", "\u2028"),
    "plan-marker.yaml": "Description: 'not a plan, whatever \"format_version\" says'\n" + BLOCK,
}


def _queue_findings(root: Path, name: str) -> list[tuple[str, str, int]]:
    result = scan(ScanSettings(paths=(root,)))
    assert not [note for note in result.notifications if note.level == "error"], result.notifications
    return [(f.rule_id, f.resource_id, f.line) for f in result.findings if f.file.endswith(name)]


@pytest.mark.parametrize("name", sorted(SHAPES))
def test_a_template_in_any_shape_is_judged(tmp_path: Path, name: str) -> None:
    (tmp_path / "main.tf").write_text(ENCRYPTED_QUEUE, encoding="utf-8")
    (tmp_path / name).write_text(SHAPES[name], encoding="utf-8", newline="")
    findings = _queue_findings(tmp_path, name)
    # The resource's line: its key's, one below Resources (the one-line shapes have one line).
    line = 1 if name in ("flow-style.yaml", "escaped-key.json") else 2
    line += name.startswith(("plan-marker", "cr-lines", "line-separators"))
    assert ("ENC-SQS-002", "Queue", line) in findings


def test_a_secret_far_down_a_template_of_cr_lines_is_found_on_its_line(tmp_path: Path) -> None:
    queues = "".join(f"  Queue{n}:\n    Type: AWS::SQS::Queue\n" for n in range(300))
    text = f"Resources:\n{queues}  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n"
    text += f"      Environment:\n        Variables:\n          GITHUB_TOKEN: {GITHUB}\n"
    assert len(text) > 2 * 4096
    (tmp_path / "template.yaml").write_text(text.replace("\n", "\r"), encoding="utf-8", newline="")
    result = scan(ScanSettings(paths=(tmp_path,)))
    secrets = [(f.rule_id, f.line) for f in result.findings if f.rule_id.startswith("SEC-CONTENT")]
    assert secrets == [("SEC-CONTENT-001", text.count("\n"))]


@pytest.mark.parametrize(
    "text",
    [
        "name: app\nruntime: yaml\nresources:\n  b:\n    type: aws:s3:Bucket\n",  # Pulumi YAML
        "on: push\njobs:\n  build:\n    steps:\n      - run: echo 'a\\\\b'\n",  # a workflow with a backslash
        # The Serverless framework's resources hold a nested Resources.
        "service: app\nresources:\n  Resources:\n    Q:\n      Type: AWS::SQS::Queue\n",
        '{"name": "pkg", "scripts": {"t": "echo \\"x\\""}}',
    ],
)
def test_yaml_and_json_that_are_not_templates_stay_unclaimed(tmp_path: Path, text: str) -> None:
    assert not cloudformation(SourceFile(tmp_path / "x.yaml", "x.yaml", text))


def test_a_broken_text_that_names_aws_types_under_resources_is_claimed_so_its_error_fails_the_gate(
    tmp_path: Path,
) -> None:
    text = "'Resources':\n  Q:\n    Type: AWS::SQS::Queue\n   bad: [\n"
    assert cloudformation(SourceFile(tmp_path / "t.yaml", "t.yaml", text))
    (tmp_path / "t.yaml").write_text(text, encoding="utf-8")
    result = scan(ScanSettings(paths=(tmp_path,)))
    assert [(note.level, note.file) for note in result.notifications if note.level == "error"] == [
        ("error", "t.yaml")
    ]
    assert not result.decision.passed


def test_a_template_past_the_size_ceiling_is_refused_by_name(tmp_path: Path) -> None:
    # 92 MB of template took 157 s and 7.3 GB before; CloudFormation itself accepts 1 MB.
    from iacgate.parsers.cloudformation import MAX_TEMPLATE_CHARACTERS

    (tmp_path / "main.tf").write_text(ENCRYPTED_QUEUE, encoding="utf-8")
    padding = "#" * 1000 + "\n"
    text = BLOCK + padding * (MAX_TEMPLATE_CHARACTERS // len(padding) + 1)
    (tmp_path / "big.yaml").write_text(text, encoding="utf-8")
    result = scan(ScanSettings(paths=(tmp_path,)))
    errors = [(n.file, n.message) for n in result.notifications if n.level == "error"]
    assert errors == [
        ("big.yaml", "template too large: 16 MiB of text; CloudFormation accepts 1 MB, iacgate reads 16 MiB "
         "at most: not read")
    ]  # fmt: skip
    assert result.decision.exit_code == 3
