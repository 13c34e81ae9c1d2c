"""Issue #13 §4, case by case: inputs of the wrong shape, with lone surrogates or with values no report can
hold are one error naming the file (and line), and every other file is still reported.

Before, these aborted the whole scan with "internal error" (TypeError, UnicodeEncodeError) or passed as
files with fewer resources or none ("Checked 0 resources"), losing their findings.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from iacgate.api import ParsedInputs, parse_inputs
from iacgate.discover import discover
from iacgate.notifications import Notification
from iacgate.parsers import SUFFIXES, ParseOptions

REPO = Path(__file__).resolve().parents[2]
RULE = REPO / "fixtures" / "encryption" / "ENC-EBS-001"
PLAN = json.loads((RULE / "ENC-EBS-001.tfplan.json").read_text(encoding="utf-8"))
STACK = json.loads((RULE / "ENC-EBS-001.pulumi.json").read_text(encoding="utf-8"))
CONTROL = "control/ENC-EBS-001.tfplan.json"
CONTROL_RESOURCES = 7  # a key, three volumes, a snapshot copy and two volumes restored from snapshots


def _scan(tmp_path: Path, name: str, data: str | bytes) -> ParsedInputs:
    """``name`` holding ``data`` beside a valid plan in control/, the whole tree scanned as a directory."""
    (tmp_path / "control").mkdir()
    (tmp_path / CONTROL).write_text(json.dumps(PLAN), encoding="utf-8")
    target = tmp_path / name
    target.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogatepass")
    target.write_bytes(data)
    return parse_inputs(discover([tmp_path], tmp_path, SUFFIXES), ParseOptions(scan_root=tmp_path))


def _errors(parsed: ParsedInputs, name: str) -> list[Notification]:
    return [note for note in parsed.notifications if note.level == "error" and note.file == name]


def _assert_fails_closed(parsed: ParsedInputs, name: str, message: str, line: int | None) -> None:
    errors = _errors(parsed, name)
    assert len(errors) == 1, parsed.notifications
    (error,) = errors
    assert message in error.message
    assert "internal error" not in error.message
    str(error).encode("utf-8")  # printable: no lone surrogate reaches a report
    if line is not None:
        assert error.line == line, str(error)
    scanned = {item.path: item.resources for item in parsed.files}
    assert name not in scanned
    assert scanned[CONTROL] == CONTROL_RESOURCES


def _plan(change: Callable[[dict[str, Any]], None], indent: int | None = 1) -> str:
    document = copy.deepcopy(PLAN)
    change(document)
    return json.dumps(document, indent=indent)


def _root_module(document: dict[str, Any]) -> dict[str, Any]:
    module: dict[str, Any] = document["planned_values"]["root_module"]
    return module


def _set(document: dict[str, Any], path: tuple[str | int, ...], value: Any) -> None:
    for key in path[:-1]:
        document = document[key]
    document[path[-1]] = value


# The line is that of the plan's section key ("resource_changes", "planned_values"...) where one is given.
PLAN_CASES = [
    (("resource_changes",), 1.5, "resource_changes is a number, expected a list", '"resource_changes"'),
    (
        ("planned_values", "root_module", "resources"),
        {"a": 1},
        "resources is an object, expected a list",
        '"planned_values"',
    ),
    (("planned_values", "root_module"), [], "root_module is a list, expected an object", '"planned_values"'),
    (("resource_changes", 1, "change"), [], "resource_changes[1].change is a list, expected an object", None),
    (
        ("configuration", "root_module", "module_calls"),
        [],
        "module_calls is a list, expected an object",
        None,
    ),
    (("configuration", "root_module", "resources"), 3, "resources is a number, expected a list", None),
    (
        ("planned_values", "root_module", "resources", 1, "type"),
        None,
        "type is null, expected a string",
        None,
    ),
    (("planned_values", "root_module", "resources", 2, "index"), {}, "index is an object", None),
    (("variables",), [], "variables is a list, expected an object", None),
]


def _line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


@pytest.mark.parametrize(("path", "value", "message", "key"), PLAN_CASES)
def test_plan_of_the_wrong_shape(
    tmp_path: Path, path: tuple[str, ...], value: Any, message: str, key: str | None
) -> None:
    text = _plan(lambda document: _set(document, path, value))
    name = "plans/prod.tfplan.json"
    _assert_fails_closed(_scan(tmp_path, name, text), name, message, _line_of(text, key) if key else None)


def test_plan_with_a_lone_surrogate_names_line_and_column(tmp_path: Path) -> None:
    text = _plan(
        lambda document: _set(document, ("planned_values", "root_module", "resources", 1, "name"), "\ud800")
    )
    assert "\\ud800" in text  # json.dumps writes it as an escape, as any JSON writer would
    offset = text.index("\\ud800")
    line = text[:offset].count("\n") + 1
    parsed = _scan(tmp_path, "prod.tfplan.json", text)
    _assert_fails_closed(parsed, "prod.tfplan.json", "\\ud800 is a lone surrogate", line)
    (error,) = _errors(parsed, "prod.tfplan.json")
    assert error.column == offset - text.rfind("\n", 0, offset)


def test_escaped_surrogate_pairs_and_backslashes_are_text(tmp_path: Path) -> None:
    tags = {"emoji": "\U0001f600", "path": "C:\\ud800"}  # a pair, and a backslash followed by "ud800"
    text = _plan(
        lambda document: _set(
            document, ("planned_values", "root_module", "resources", 1, "values", "tags"), tags
        )
    )
    parsed = _scan(tmp_path, "prod.tfplan.json", text)
    assert not _errors(parsed, "prod.tfplan.json")
    volume = next(
        r
        for g in parsed.graphs
        for r in g.resources
        if r.id == "aws_ebs_volume.pass_encrypted_cmk" and r.location.file == "prod.tfplan.json"
    )
    assert volume.tags == tags


@pytest.mark.parametrize(
    ("token", "message"),
    [("NaN", "NaN is not a JSON number"), ("-Infinity", "-Infinity is not a JSON number"),
     ("1" * 5000, "a number with more than 4300 digits")],
)  # fmt: skip
def test_plan_numbers_json_cannot_hold(tmp_path: Path, token: str, message: str) -> None:
    text = _plan(lambda document: None).replace('"size": 200', f'"size": {token}', 1)
    line = text[: text.index(token)].count("\n") + 1
    _assert_fails_closed(_scan(tmp_path, "prod.tfplan.json", text), "prod.tfplan.json", message, line)


def test_plan_number_beyond_a_float_is_not_evaluated(tmp_path: Path) -> None:
    """400 digits decode, but no policy engine holds the number: the resource is an error at its line."""
    text = _plan(lambda document: None).replace('"size": 200', f'"size": {"9" * 400}', 1)
    parsed = _scan(tmp_path, "prod.tfplan.json", text)
    _assert_fails_closed(parsed, "prod.tfplan.json", "size is a number too large for any policy engine", None)


def _stack(change: Callable[[dict[str, Any]], None]) -> str:
    document = copy.deepcopy(STACK)
    change(document)
    return json.dumps(document, indent=1)


def _volume(document: dict[str, Any]) -> dict[str, Any]:
    resource: dict[str, Any] = document["deployment"]["resources"][3]
    assert resource["type"] == "aws:ebs/volume:Volume"
    return resource


STACK_CASES = [
    # Each of these passed before: exit 0, the resource (and its high finding) silently gone.
    (lambda d: _set(d, ("deployment", "resources"), {"a": _volume(d)}), "deployment.resources is an object"),
    (lambda d: _volume(d).pop("type"), "deployment.resources[3] has no type (it is missing)"),
    (lambda d: _set(_volume(d), ("urn",), None), "deployment.resources[3] has no urn (it is null)"),
    (lambda d: _set(d, ("version",), 99), "unsupported Pulumi deployment version 99"),
    (lambda d: _set(d, ("version",), "3"), "a stack export needs a version number, not a string"),
    (lambda d: _set(_volume(d), ("inputs",), []), "inputs is a list, expected an object"),
    (lambda d: _set(_volume(d), ("dependencies",), 5), "dependencies is not a list of URNs"),
    (lambda d: _set(_volume(d), ("propertyDependencies",), {"size": 5}), "propertyDependencies.size is not"),
    (lambda d: d["deployment"]["resources"].append(7), "deployment.resources[8] is a number"),
]


@pytest.mark.parametrize(("change", "message"), STACK_CASES)
def test_pulumi_stack_of_the_wrong_shape(
    tmp_path: Path, change: Callable[[dict[str, Any]], None], message: str
) -> None:
    parsed = _scan(tmp_path, "stack.json", _stack(change))
    _assert_fails_closed(parsed, "stack.json", message, None)


def test_pulumi_error_names_the_line_of_the_resource(tmp_path: Path) -> None:
    text = _stack(lambda d: _volume(d).pop("type"))
    line = text[
        : text.index("urn:pulumi:prod::encryption::aws:ebs/volume:Volume::fail_volume_unencrypted")
    ].count("\n")
    _assert_fails_closed(_scan(tmp_path, "stack.json", text), "stack.json", "has no type", line)


def test_pulumi_preview_step_without_a_state(tmp_path: Path) -> None:
    preview = {
        "config": {"aws:region": "eu-west-1"},
        "steps": [
            {"op": "create", "urn": "urn:pulumi:p::s::aws:ebs/volume:Volume::v"},
            {"op": "delete", "urn": "urn:pulumi:p::s::aws:ebs/volume:Volume::old"},  # nothing to judge
        ],
    }
    text = json.dumps(preview, indent=1)
    parsed = _scan(tmp_path, "preview.json", text)
    line = _line_of(text, '"op": "create"') - 1  # the step object's opening brace
    _assert_fails_closed(parsed, "preview.json", "steps[0] has no newState (op create must say", line)


def test_pulumi_engine_event_with_a_broken_state(tmp_path: Path) -> None:
    events = (REPO / "fixtures" / "parsers" / "pulumi" / "engine-events.json").read_text(encoding="utf-8")
    lines = events.splitlines()
    event = json.loads(lines[2])
    event["resourcePreEvent"]["metadata"]["new"]["inputs"] = "x"
    lines[2] = json.dumps(event)
    parsed = _scan(tmp_path, "events.json", "\n".join(lines) + "\n")
    _assert_fails_closed(parsed, "events.json", "resourcePreEvent.metadata new (", 3)


TEMPLATE = {
    "AWSTemplateFormatVersion": "2010-09-09",
    "Resources": {"Data": {"Type": "AWS::EC2::Volume", "Properties": {"Size": 20, "Encrypted": False}}},
}

CLOUDFORMATION_CASES = [
    ({"Resources": 1.5}, "not a valid template: Resources is a number, expected a mapping"),
    ({"Resources": [TEMPLATE["Resources"]]}, "not a valid template: Resources is a list, expected a mapping"),
    ({"Parameters": "x"}, "not a valid template: Parameters is a string, expected a mapping"),
    ({"Resources": {"Data": []}}, "resource Data not evaluated: its definition is a list"),
    (
        {"Resources": {"Data": {"Type": ["AWS::EC2::Volume"]}}},
        "resource Data not evaluated: its Type is a list",
    ),
    ({"Resources": {"Data": {"Properties": {}}}}, "resource Data not evaluated: it has no Type"),
    ({"Resources": {"Data": {"Type": "AWS::EC2::Volume", "Properties": [1]}}}, "its Properties are a list"),
]


@pytest.mark.parametrize(("change", "message"), CLOUDFORMATION_CASES)
def test_cloudformation_json_of_the_wrong_shape(tmp_path: Path, change: dict[str, Any], message: str) -> None:
    text = json.dumps({**TEMPLATE, **change}, indent=1)
    _assert_fails_closed(_scan(tmp_path, "stack.template.json", text), "stack.template.json", message, None)


def test_cloudformation_json_with_a_lone_surrogate(tmp_path: Path) -> None:
    text = json.dumps({"Description": "\udc00", **TEMPLATE}, indent=1)
    _assert_fails_closed(_scan(tmp_path, "t.json", text), "t.json", "\\udc00 is a lone surrogate", 2)


def test_cloudformation_yaml_with_a_lone_surrogate(tmp_path: Path) -> None:
    text = "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Data:\n    Type: AWS::EC2::Volume\n" \
           '    Properties:\n      Size: "\\U0000d800"\n'  # fmt: skip
    _assert_fails_closed(_scan(tmp_path, "t.yaml", text), "t.yaml", "invalid YAML", 6)


def test_cloudformation_yaml_number_too_long(tmp_path: Path) -> None:
    text = "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Data:\n    Type: AWS::EC2::Volume\n" \
           f"    Properties:\n      Size: {'1' * 5000}\n"  # fmt: skip
    _assert_fails_closed(_scan(tmp_path, "t.yaml", text), "t.yaml", "a number with more than 4300 digits", 6)


VOLUME_TF = """resource "aws_ebs_volume" "data" {
  availability_zone = "eu-west-1a"
  size = 20
  encrypted = false
}
"""
HCL_SURROGATE = VOLUME_TF.replace('"eu-west-1a"', '"\\ud800"')
HCL_JSONDECODE = VOLUME_TF.replace('"eu-west-1a"', 'jsondecode("\\"\\\\udc00\\"")')
TF_JSON_SURROGATE = '{"resource": {"aws_ebs_volume": {"d": {"size": "\\ud800"}}}}'


@pytest.mark.parametrize(
    ("name", "text", "message", "line"),
    [
        # A lone surrogate written as an HCL escape, directly or through a function.
        # Refused at the escape, as JSON and YAML readers do (before: UnicodeEncodeError in every report).
        ("infra/main.tf", HCL_SURROGATE, "HCL string escape \\ud800 is a surrogate, not a Unicode", 2),
        ("infra/main.tf", VOLUME_TF.replace('"data"', '"d\\ud800"'), "escape \\ud800 is a surrogate", 1),
        ("infra/main.tf", VOLUME_TF.replace("20", '"\\U00110000"'), "beyond the last Unicode character", 3),
        # A module source with one: internal error (UnicodeEncodeError in a path) before.
        ("infra/main.tf", 'module "m" {\n  source = "./\\udcff"\n}\n', "escape \\udcff is a surrogate", 2),
        # Made while evaluating: the resource is not evaluated, an error at the attribute's line.
        ("infra/main.tf", HCL_JSONDECODE, "availability_zone holds a lone surrogate", 2),
        # Blocks Terraform refuses for their shape were dropped without a word.
        ("infra/main.tf", VOLUME_TF.replace(' "data"', ""), "a resource block needs 2 labels, this one has 1",
         1),
        ("infra/main.tf.json", json.dumps({"resource": 1.5}), "JSON syntax: resource is a number", 1),
        ("infra/main.tf.json", json.dumps({"resource": {"aws_ebs_volume": [1]}}),
         "aws_ebs_volume is a list holding a number", 1),
        ("infra/main.tf.json", TF_JSON_SURROGATE, "\\ud800 is a lone surrogate", 1),
    ],
)  # fmt: skip
def test_terraform_source_of_the_wrong_shape(
    tmp_path: Path, name: str, text: str, message: str, line: int
) -> None:
    _assert_fails_closed(_scan(tmp_path, name, text), name, message, line)


def test_every_file_of_the_wrong_shape_is_named_in_one_scan(tmp_path: Path) -> None:
    """All of the above at once: each file named, the valid one reported."""
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.tfplan.json").write_text(_plan(lambda d: _set(d, ("resource_changes",), 1.5)))
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "stack.json").write_text(_stack(lambda d: _set(d, ("version",), 99)))
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "t.json").write_text(json.dumps({**TEMPLATE, "Resources": 1.5}))
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "main.tf").write_text(HCL_SURROGATE)
    parsed = _scan(tmp_path, "e/main.tf.json", json.dumps({"resource": 1.5}))
    named = {note.file for note in parsed.notifications if note.level == "error"}
    assert named == {"a/x.tfplan.json", "b/stack.json", "c/t.json", "d/main.tf", "e/main.tf.json"}
    assert {item.path: item.resources for item in parsed.files} == {CONTROL: CONTROL_RESOURCES}


def test_a_plan_beside_an_undecodable_tf_file_is_still_judged(tmp_path: Path) -> None:
    """The plan's source beside it is read for lines; before, its decode error aborted the whole scan."""
    parsed = _scan(
        tmp_path, "infra/main.tf", b'resource "aws_ebs_volume" "v" {\n  tags = {a = "caf\xe9"}\n}\n'
    )
    (tmp_path / "infra" / "prod.tfplan.json").write_text(json.dumps(PLAN), encoding="utf-8")
    parsed = parse_inputs(discover([tmp_path], tmp_path, SUFFIXES), ParseOptions(scan_root=tmp_path))
    assert _errors(parsed, "infra/main.tf")[0].message == (
        "not a text file: byte 0xe9 is not valid UTF-8 (text is read as UTF-8, or as UTF-16/32 after a "
        "byte-order mark)"
    )
    scanned = {item.path: item.resources for item in parsed.files}
    assert scanned == {CONTROL: CONTROL_RESOURCES, "infra/prod.tfplan.json": CONTROL_RESOURCES}


def test_a_stack_whose_nested_template_cannot_be_parsed_is_an_error_naming_it(tmp_path: Path) -> None:
    """The child is not a template anyone claims on its own (broken JSON): only its parent can say so.
    Before, the error named the child alone and the parent passed as scanned, its resources gone."""
    parent = {
        **TEMPLATE,
        "Resources": {
            **TEMPLATE["Resources"],
            "Child": {"Type": "AWS::CloudFormation::Stack", "Properties": {"TemplateURL": "./child.json"}},
        },
    }
    parsed = _scan(tmp_path, "stacks/child.json", '{"Resources": {"Data": [}')
    (tmp_path / "stacks" / "parent.json").write_text(json.dumps(parent, indent=1), encoding="utf-8")
    parsed = parse_inputs(discover([tmp_path], tmp_path, SUFFIXES), ParseOptions(scan_root=tmp_path))
    (error,) = _errors(parsed, "stacks/parent.json")
    assert error.message.startswith("a nested stack's template cannot be parsed: stacks/child.json:1:")
    assert {item.path: item.resources for item in parsed.files} == {CONTROL: CONTROL_RESOURCES}


def test_a_file_function_given_a_lone_surrogate_reads_nothing_and_says_so(tmp_path: Path) -> None:
    """jsondecode makes a lone surrogate from text that has none; as a file name it used to raise
    UnicodeEncodeError in the path lookup and abort the module ("internal error")."""
    text = (
        'locals {\n  p = jsondecode("\\"\\\\ud800\\"")\n}\n'
        'resource "aws_s3_bucket" "b" {\n  bucket = file(local.p)\n  policy = fileexists(local.p)\n}\n'
    )
    parsed = _scan(tmp_path, "infra/main.tf", text)
    assert not _errors(parsed, "infra/main.tf")
    warnings = [note.message for note in parsed.notifications if note.file == "infra/main.tf"]
    assert "file '\\ud800' is not a file name; not read, its value is unknown" in warnings
    assert {item.path: item.resources for item in parsed.files}["infra/main.tf"] == 1


def _nested(depth: int) -> str:
    return "[" * depth + '"x"' + "]" * depth


# Nested 100 levels: each stage after the parser (the copy sent to the engine's child, the engine's input,
# the reports) may walk a value recursively. Before, such a value in any file aborted the whole scan with
# "internal error: RecursionError" (pickling the unit for the engine's child), or the engine crashed.
_DEEP_TEMPLATE = json.dumps(
    {"Resources": {"Data": {"Type": "AWS::EC2::Volume", "Properties": {
        "Size": 20, "Encrypted": False, "Tags": [{"Key": "k", "Value": json.loads(_nested(100))}]}}}},
    indent=1,
)  # fmt: skip
NESTING_CASES = [
    ("infra/main.tf", VOLUME_TF.replace("size = 20", f"size = 20\n  tags = {{ k = {_nested(100)} }}"), 4),
    ("t.yaml", _DEEP_TEMPLATE, _line_of(_DEEP_TEMPLATE, '"Tags"')),
    (
        "stack.json",
        _stack(lambda d: _set(_volume(d), ("inputs", "tags"), {"k": json.loads(_nested(100))})),
        None,
    ),
]


@pytest.mark.parametrize(("name", "text", "line"), NESTING_CASES)
def test_a_value_nested_beyond_the_ceiling_is_refused(
    tmp_path: Path, name: str, text: str, line: int | None
) -> None:
    parsed = _scan(tmp_path, name, text)
    _assert_fails_closed(parsed, name, "not evaluated", line)
    (error,) = _errors(parsed, name)
    assert error.message.endswith("nests more than 64 levels deep"), error.message
    from iacgate.api import ScanSettings, scan

    # The whole scan, every rule and secret detector on: the file beside it is still judged.
    result = scan(ScanSettings(paths=(tmp_path,)))
    assert ("ENC-EBS-001", CONTROL) in {(f.rule_id, f.file) for f in result.findings}


def test_a_value_nested_up_to_the_ceiling_is_evaluated(tmp_path: Path) -> None:
    from iacgate.api import ScanSettings, scan

    # tags (1) -> k (2) -> 62 lists: 64 levels in all.
    (tmp_path / "main.tf").write_text(
        VOLUME_TF.replace("size = 20", f"size = 20\n  tags = {{ k = {_nested(62)} }}"), encoding="utf-8"
    )
    result = scan(ScanSettings(paths=(tmp_path,)))
    assert not [note for note in result.notifications if note.level == "error"], result.notifications
    assert ("ENC-EBS-001", "aws_ebs_volume.data", 5) in {
        (f.rule_id, f.resource_id, f.line) for f in result.findings
    }
