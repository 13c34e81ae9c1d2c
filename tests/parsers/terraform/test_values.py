"""Point 2: variable values in Terraform's precedence, locals in any order."""

from __future__ import annotations

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
