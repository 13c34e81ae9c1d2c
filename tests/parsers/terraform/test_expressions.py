"""Point 3: expressions and functions, unknowns with reasons."""

from __future__ import annotations

import json

from iacgate.graph.model import Unknown
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
