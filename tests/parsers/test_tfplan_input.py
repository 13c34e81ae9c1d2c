"""What the plan parser claims, the encodings and format versions it reads, and how it refuses bad input."""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest

from iacgate.errors import ParseError
from iacgate.parsers.tfplan import parse_plan
from parsers.tfplan_support import FIXTURES, PARSER, parse, source, text_source

MODULES = FIXTURES / "modules.tfplan.json"


def minimal_plan(version: str = "1.2", **extra: object) -> dict[str, object]:
    resource = {
        "address": "aws_ebs_volume.v",
        "mode": "managed",
        "type": "aws_ebs_volume",
        "name": "v",
        "provider_name": "registry.terraform.io/hashicorp/aws",
        "values": {"encrypted": True, "size": 8},
    }
    return {"format_version": version, "planned_values": {"root_module": {"resources": [resource]}}, **extra}


def error_of(text: str, name: str = "plan.json") -> ParseError:
    with pytest.raises(ParseError) as caught:
        parse_plan(text_source(text, name))
    return caught.value


@pytest.mark.parametrize("version", ["0.1", "0.2", "1.0", "1.1", "1.2", "1.9", "1.2.0"])
def test_every_1x_format_version_is_read(version: str) -> None:
    result = parse_plan(text_source(json.dumps(minimal_plan(version))))
    assert [resource.id for resource in result.resources] == ["aws_ebs_volume.v"]


def test_unknown_major_format_version_is_refused_naming_the_file() -> None:
    error = error_of(json.dumps(minimal_plan("2.0")), "prod.tfplan.json")
    assert error.position.file == "prod.tfplan.json"
    assert "format_version 2.0" in str(error)
    assert str(error).startswith("prod.tfplan.json: ")


def test_missing_format_version_is_refused() -> None:
    plan = minimal_plan()
    del plan["format_version"]
    assert "no format_version" in error_of(json.dumps(plan)).detail


def test_invalid_json_reports_line_and_column() -> None:
    text = '{\n  "format_version": "1.2",\n  "planned_values": {\n    "root_module": {,\n'
    error = error_of(text)
    assert (error.position.line, error.position.column) == (4, 21)
    assert error.detail.startswith("invalid JSON")
    assert str(error).startswith("plan.json:4:21: ")


def test_truncated_plan_named_like_a_plan_is_claimed_and_is_an_error() -> None:
    truncated = MODULES.read_text()[:5000]
    broken = text_source(truncated, "deploy/tfplan.json")
    assert PARSER.claims(broken)
    (unit,) = parse(broken)
    assert unit.resources == ()
    (notification,) = unit.notifications
    assert notification.level == "error"
    assert notification.file == "deploy/tfplan.json"
    assert notification.line > 1


def test_json_that_is_not_a_plan_says_what_is_missing() -> None:
    state = {"format_version": "1.0", "terraform_version": "1.9.5", "values": {"root_module": {}}}
    assert "Terraform state" in error_of(json.dumps(state)).detail
    assert (
        "planned_values" in error_of(json.dumps({"format_version": "1.0", "terraform_version": "1.9"})).detail
    )
    assert "top level is a JSON list" in error_of("[1, 2]").detail


def test_empty_file_is_an_error() -> None:
    assert error_of("  \n").detail == "file is empty"


def test_claims_by_content_and_by_name() -> None:
    assert PARSER.claims(text_source(json.dumps(minimal_plan()), "anything.json"))
    assert PARSER.claims(text_source("{}", "plan.json"))
    assert PARSER.claims(text_source("not json", "staging.tfplan.json"))
    assert not PARSER.claims(text_source('{"AWSTemplateFormatVersion": "2010-09-09"}', "template.json"))
    assert not PARSER.claims(text_source('{"format_version": "1.0", "provider_schemas": {}}', "schemas.json"))
    assert not PARSER.claims(text_source("[]", "list.json"))


def test_utf16_with_bom_and_crlf_reads_like_utf8(tmp_path: Path) -> None:
    text = MODULES.read_text().replace("\n", "\r\n")
    path = tmp_path / "windows.tfplan.json"
    path.write_bytes(codecs.BOM_UTF16_LE + text.encode("utf-16-le"))
    decoded = source(path)
    assert PARSER.claims(decoded)
    (unit,) = parse(decoded)
    (utf8,) = parse(source(MODULES))
    assert [r.id for r in unit.resources] == [r.id for r in utf8.resources]
    assert [r.location for r in unit.resources] == [
        type(r.location)(
            "windows.tfplan.json", r.location.start_line, r.location.end_line, r.location.attribute_lines
        )
        for r in utf8.resources
    ]
    assert unit.edges == utf8.edges


def test_one_bad_plan_does_not_stop_the_others() -> None:
    good = source(MODULES)
    bad = text_source('{"format_version": "3.1", "planned_values": {}}', "bad.tfplan.json")
    units = parse(bad, good)
    assert [unit.unit for unit in units] == ["bad.tfplan.json", "modules.tfplan.json"]
    assert units[0].notifications[0].message.startswith("unsupported Terraform plan format_version 3.1")
    assert len(units[1].resources) > 0
