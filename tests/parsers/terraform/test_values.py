"""Point 2: variable values in Terraform's precedence, locals in any order."""

from __future__ import annotations

from pathlib import Path

from iacgate.graph.model import Unknown
from parsers.terraform.support import FIXTURES, scan


def test_variable_precedence_follows_terraform() -> None:
    scanned = scan(
        FIXTURES / "values",
        variables={"from_var": "cli"},
        var_files=(FIXTURES / "values" / "extra" / "prod.tfvars",),
        environment={"TF_VAR_from_env": "env", "TF_VAR_from_default": "env", "TF_VAR_zones": '["a", "b"]'},
    )
    volume = scanned.resources["aws_ebs_volume.v"]
    tags = volume.attributes["tags"]
    # TF_VAR_ is the lowest source above the default; -var-file and then -var win over every file.
    assert tags["from_default"] == "env"
    assert tags["from_env"] == "tfvars"
    assert tags["from_tfvars"] == "tfvars"
    assert tags["from_tfvars_json"] == "tfvars.json"
    assert tags["from_auto"] == "b.auto"
    assert tags["from_var_file"] == "var-file"
    assert tags["from_var"] == "cli"
    assert tags["zones"] == "a,b"
    # A number-typed variable given as a string in a var file is converted, as Terraform does.
    assert volume.attributes["size"] == 8
    assert tags["missing"] == Unknown("variable 'no_value' has no value")


def test_defaults_without_any_input() -> None:
    volume = scan(FIXTURES / "values").resources["aws_ebs_volume.v"]
    assert volume.attributes["tags"]["from_default"] == "default"
    assert volume.attributes["tags"]["from_var"] == "a.auto"
    assert volume.attributes["size"] == 2


def test_locals_resolve_whatever_order_they_are_written_in() -> None:
    tags = scan(FIXTURES / "values").resources["aws_ebs_volume.v"].attributes["tags"]
    assert tags["name"] == "APP-default"
    assert tags["team"] == "payments"


def test_a_value_its_variable_type_cannot_hold_is_unknown_not_judged_as_written(tmp_path: Path) -> None:
    # "yes" for a bool, "abc" for a number, a list for a string passed through as written: a rule then
    # judged `encrypted = "yes"`; Terraform refuses the value. What converts still converts.
    (tmp_path / "main.tf").write_text(
        'variable "b" {\n  type    = bool\n  default = "yes"\n}\n'
        'variable "n" {\n  type    = number\n  default = "abc"\n}\n'
        'variable "s" {\n  type    = string\n  default = ["x"]\n}\n'
        'variable "ok" {\n  type    = object({ enc = bool, port = number, names = list(string) })\n'
        '  default = { enc = "true", port = "443", names = [1, true] }\n}\n'
        'resource "aws_ebs_volume" "v" {\n  availability_zone = "a"\n  encrypted = var.b\n'
        "  size = var.n\n  kms_key_id = var.s\n  tags = var.ok\n}\n",
        encoding="utf-8",
    )
    scanned = scan(tmp_path)
    attributes = scanned.resources["aws_ebs_volume.v"].attributes
    refused = "where the type requires a {}: Terraform refuses the value"
    assert attributes["encrypted"] == Unknown("a string " + refused.format("bool"))
    assert attributes["size"] == Unknown("a string " + refused.format("number"))
    assert attributes["kms_key_id"] == Unknown("a list " + refused.format("string"))
    assert attributes["tags"] == {"enc": True, "port": 443, "names": ["1", "true"]}
