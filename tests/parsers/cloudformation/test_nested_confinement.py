"""A nested stack's TemplateURL is scanned content: it names a file inside the scanned paths, never one
beside them or in ``.git`` (issue #13 §2.6)."""

from __future__ import annotations

from pathlib import Path

from tests.parsers.cloudformation.conftest import parse_files

from iacgate.parsers.base import confinement_roots

PARENT = """\
AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Token:
    Type: AWS::CloudFormation::Stack
    Properties:
      TemplateURL: ../.git/config
  Beside:
    Type: AWS::CloudFormation::Stack
    Properties:
      TemplateURL: ../beside.yaml
  Inside:
    Type: AWS::CloudFormation::Stack
    Properties:
      TemplateURL: ./child.yaml
"""
CHILD = "Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n"


def test_nested_templates_are_read_only_inside_the_scanned_path(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "config").write_text("Resources:\n  Leak:\n    Type: AWS::S3::Bucket\n")
    (tmp_path / "beside.yaml").write_text(CHILD, encoding="utf-8")
    (tmp_path / "infra").mkdir()
    (tmp_path / "infra" / "child.yaml").write_text(CHILD, encoding="utf-8")
    (tmp_path / "infra" / "stack.yaml").write_text(PARENT, encoding="utf-8")
    result = parse_files(tmp_path, ["infra/stack.yaml"], confine_to=confinement_roots((tmp_path / "infra",)))
    assert sorted(resource.id for resource in result.resources) == [
        "Beside",
        "Inside",
        "Inside/Bucket",
        "Token",
    ]
    assert sorted((note.line, note.message) for note in result.notifications) == [
        (3, "nested stack Token not evaluated: template '../.git/config' not found inside the scanned tree"),
        (7, "nested stack Beside not evaluated: template '../beside.yaml' not found inside the scanned tree"),
    ]


def test_dot_git_is_refused_even_when_the_scan_root_holds_it(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "config").write_text("Resources:\n  Leak:\n    Type: AWS::S3::Bucket\n")
    (tmp_path / "stack.yaml").write_text(PARENT.replace("../", "./"), encoding="utf-8")
    result = parse_files(tmp_path, ["stack.yaml"])
    assert "Token/Leak" not in {resource.id for resource in result.resources}
