"""Point 3: expressions and functions, unknowns with reasons."""

from __future__ import annotations

import json
from pathlib import Path

from iacgate.graph.model import UNSET_BRANCH, Unknown
from iacgate.parsers.terraform.load import _parse_text
from iacgate.parsers.terraform.syntax import Block, references
from parsers.terraform.support import FIXTURES, edges_of, scan


def test_expressions_and_functions_evaluate_like_terraform() -> None:
    scanned = scan(FIXTURES / "expressions")
    parameter = scanned.resources["aws_ssm_parameter.p"]
    values = json.loads(parameter.attributes["value"])
    assert values == {
        "subnets": ["10.0.0.0/24", "10.0.2.0/24"],
        "by_name": {"x": "X", "y": "Y"},
        "doubled": [2, 4, 6],
        "splat": ["p", "q"],
        "text": "hello X\nn1 n2 n3 \n",
        "policy": '{"Statement":[],"Version":"2012-10-17"}',
        "decoded": 2,
        "fallback": "fallback",
        "can_miss": False,
        "coalesced": "third",
        "cond": "big",
        "fmt": "vol-007",
        "look": "default",
        "flat": [1, 2, 3],
        "zipped": {"a": 1, "b": 2},
        "rendered": "Hello, world! Everyone.",
    }


def test_unknowns_propagate_with_reasons_and_references_become_edges() -> None:
    scanned = scan(FIXTURES / "expressions")
    parameter = scanned.resources["aws_ssm_parameter.p"]
    # A conditional whose condition is unknown says so: either branch may be taken (#15).
    assert parameter.attributes["description"] == Unknown(
        "conditional whose condition is unknown (depends on aws_kms_key.k.arn, known after apply)"
    )
    assert parameter.attributes["key_id"] == Unknown("uuid() is generated at apply time")
    assert edges_of(scanned.edges, "aws_ssm_parameter.p") == {("aws_kms_key.k", "reference", "description")}


def test_references_of_a_splat_name_its_root_only() -> None:
    # ("S", obj, ops): the operations name attributes of each element; walking them as roots raised
    # IndexError on every output written as aws_instance.x[*].id.
    parsed = _parse_text('output "ids" {\n  value = aws_instance.web[*].id\n}\n', False)
    assert isinstance(parsed[0], Block)
    assert references(parsed[0].attributes["value"].expr) == [["aws_instance", "web"]]


def test_a_conditional_with_a_null_branch_says_it_may_leave_the_argument_unset(tmp_path: Path) -> None:
    """`c ? x : null` with an unknown condition may leave the argument unset; a policy that requires it
    must not read the unknown as set (lib.unknown_maybe_unset). Two set branches are set either way."""
    (tmp_path / "main.tf").write_text(
        """
variable "prod" {
  type = bool
}
resource "aws_sns_topic" "maybe" {
  kms_master_key_id = var.prod ? "alias/payments" : null
}
resource "aws_sns_topic" "either" {
  kms_master_key_id = var.prod ? "alias/payments" : "alias/other"
}
""",
        encoding="utf-8",
    )
    resources = scan(tmp_path).resources
    maybe = resources["aws_sns_topic.maybe"].attributes["kms_master_key_id"]
    assert maybe == Unknown(
        f"conditional whose condition is unknown (variable 'prod' has no value){UNSET_BRANCH}"
    )
    either = resources["aws_sns_topic.either"].attributes["kms_master_key_id"]
    assert isinstance(either, Unknown) and not either.reason.endswith(UNSET_BRANCH)


def test_an_ephemeral_resource_is_unknown_not_an_undeclared_reference(tmp_path: Path) -> None:
    # `ephemeral` blocks were accepted but not recorded: ephemeral.random_password.p was "reference to
    # undeclared ephemeral.random_password", an error try() turned into its fallback.
    (tmp_path / "main.tf").write_text(
        'ephemeral "random_password" "p" {\n  length = 16\n}\n'
        'resource "aws_db_instance" "d" {\n'
        '  password_wo = try(ephemeral.random_password.p.result, "fallback")\n'
        '  kms_key_id  = try(ephemeral.random_password.nope.result, "undeclared")\n}\n',
        encoding="utf-8",
    )
    scanned = scan(tmp_path)
    attributes = scanned.resources["aws_db_instance.d"].attributes
    assert attributes["password_wo"] == Unknown(
        "ephemeral.random_password.p is opened when Terraform runs: its values are in no file"
    )
    assert attributes["kms_key_id"] == "undeclared"
    assert not scanned.notifications


def test_a_resource_passed_through_a_function_keeps_its_computed_attributes_unknown(
    tmp_path: Path,
) -> None:
    # one(data.x) gave a plain map of the written arguments: .module_source was "this object has no
    # attribute", so can(regex(...)) was false, try() took its fallback and lookup() its default
    # (the Azure AVM telemetry locals: fork_avm came out true). Terraform: unknown until read.
    (tmp_path / "main.tf").write_text(
        'data "modtm_module_source" "t" {\n  count       = 1\n  module_path = "x"\n}\n'
        'resource "aws_kms_key" "k" {\n  count       = 1\n  description = "d"\n}\n'
        'resource "aws_s3_bucket" "b" {\n  bucket = "b"\n  tags = {\n'
        '    can    = can(regex("^registry", one(data.modtm_module_source.t).module_source))\n'
        '    try    = try(one(aws_kms_key.k).arn, "fallback")\n'
        '    lookup = lookup(one(aws_kms_key.k), "arn", "default")\n'
        "    merged = merge(one(aws_kms_key.k), { x = 1 }).key_id\n"
        "    kept   = one(aws_kms_key.k).description\n  }\n}\n",
        encoding="utf-8",
    )
    scanned = scan(tmp_path)
    tags = scanned.resources["aws_s3_bucket.b"].attributes["tags"]
    assert tags == {
        "can": Unknown(
            "depends on data.modtm_module_source.t[0].module_source, read when the data source is read"
        ),
        "try": Unknown("depends on aws_kms_key.k[0].arn, known after apply"),
        "lookup": Unknown("depends on aws_kms_key.k[0].arn, known after apply"),
        "merged": Unknown("depends on aws_kms_key.k[0].key_id, known after apply"),
        "kept": "d",
    }
    assert not scanned.notifications
