"""Template parameters as cloudformation_parameter nodes (#17 §3), only when a rule asks, without values."""

from __future__ import annotations

from pathlib import Path

from iacgate.parsers.base import ParseOptions
from iacgate.parsers.cloudformation import CloudFormationParser
from iacgate.parsers.cloudformation.parameters import snake_name
from iacgate.textio import read_source

TEMPLATE = """\
AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  DBMasterPassword:
    Type: String
    NoEcho: true
    Default: not-shown-anywhere-1
  BucketName:
    Type: String
Resources:
  Queue:
    Type: AWS::SQS::Queue
"""


def _nodes(tmp_path: Path, wanted: frozenset[str]) -> dict[str, object]:
    path = tmp_path / "template.yaml"
    path.write_text(TEMPLATE, encoding="utf-8")
    options = ParseOptions(scan_root=tmp_path).with_config_nodes(wanted)
    units = CloudFormationParser().parse([read_source(path, "template.yaml")], options)
    return {r.id: r for unit in units for r in unit.resources if r.type == "cloudformation_parameter"}


def test_parameters_become_nodes_with_their_shape(tmp_path: Path) -> None:
    nodes = _nodes(tmp_path, frozenset({"cloudformation_parameter"}))
    assert set(nodes) == {"DBMasterPassword", "BucketName"}
    node = nodes["DBMasterPassword"]
    assert node.attributes == {  # type: ignore[attr-defined]
        "name": "DBMasterPassword",
        "snake_name": "db_master_password",
        "parameter_type": "String",
        "no_echo": True,
        "has_default": True,
    }
    assert node.location.line_for(("no_echo",)) == 5  # type: ignore[attr-defined]
    assert "not-shown-anywhere-1" not in repr(node)


def test_no_nodes_unless_a_rule_asks(tmp_path: Path) -> None:
    assert _nodes(tmp_path, frozenset()) == {}


def test_snake_names() -> None:
    assert snake_name("ApiKey") == "api_key"
    assert snake_name("DBPassword") == "db_password"
    assert snake_name("GitHubOAuthToken") == "git_hub_o_auth_token"
