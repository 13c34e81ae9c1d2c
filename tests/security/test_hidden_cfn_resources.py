"""A CloudFormation template's author may not hide a resource from the gate by the way a template is
written: every construct iacgate cannot evaluate leaves the value unknown (undetermined) or fails the scan
closed (exit 3) naming the file and line, never a resource or property that silently passes.

A MemoryDB cluster with ``TLSEnabled: false`` fails ENC-MEMORYDB-101 (high); each test below writes one
where an attack hid it before.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.parsers.cloudformation.conftest import parse_files

from iacgate.api import ScanResult, ScanSettings, scan
from iacgate.graph.model import Resource, Unknown

CACHE = """\
  Cache:
    Type: AWS::MemoryDB::Cluster
    Properties:
      ClusterName: a
      NodeType: db.t4g.small
      ACLName: open-access
      TLSEnabled: false
"""


def _scan(root: Path, files: dict[str, str], **settings: object) -> ScanResult:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return scan(ScanSettings(paths=(root,), **settings))  # type: ignore[arg-type]


def scan_resources(root: Path, text: str) -> dict[str, Resource]:
    (root / "template.yaml").write_text(text, encoding="utf-8")
    return {resource.id: resource for resource in parse_files(root, ["template.yaml"]).resources}


def _tls(result: ScanResult) -> list[tuple[str, str, str, int]]:
    return sorted(
        (f.status, f.resource_id, f.file, f.line) for f in result.findings if f.rule_id == "ENC-MEMORYDB-101"
    )


def _errors(result: ScanResult) -> list[tuple[str | None, int | None, str]]:
    return [(n.file, n.line, n.message) for n in result.notifications if n.level == "error"]


def _stack(name: str, url: str, condition: str = "") -> str:
    when = f"    Condition: {condition}\n" if condition else ""
    return (
        f"  {name}:\n    Type: AWS::CloudFormation::Stack\n{when}    Properties:\n      TemplateURL: {url}\n"
    )


NEVER = "Conditions:\n  Never: !Equals [a, b]\n"


def test_a_template_named_only_under_a_false_condition_is_judged(tmp_path: Path) -> None:
    result = _scan(
        tmp_path,
        {
            "parent.yaml": NEVER + "Resources:\n" + _stack("Unused", "./cache.yaml", "Never"),
            "cache.yaml": "Resources:\n" + CACHE,
        },
    )
    assert _tls(result) == [("fail", "Cache", "cache.yaml", 8)]
    assert result.decision.exit_code == 1


def test_two_templates_naming_each_other_are_judged(tmp_path: Path) -> None:
    result = _scan(
        tmp_path,
        {
            "a.yaml": "Resources:\n" + CACHE + _stack("Other", "./b.yaml"),
            "b.yaml": NEVER + "Resources:\n" + _stack("Back", "./a.yaml", "Never"),
        },
    )
    assert _tls(result) == [("fail", "Cache", "a.yaml", 8)]
    notes = [(n.file, n.message) for n in result.notifications if n.level == "note" and n.file == "b.yaml"]
    assert notes == [("b.yaml", "evaluated as the nested stack of a.yaml")]


def test_a_cycle_of_nested_stacks_is_refused_naming_the_stack(tmp_path: Path) -> None:
    result = _scan(
        tmp_path,
        {
            "a.yaml": "Resources:\n" + CACHE + _stack("Other", "./b.yaml"),
            "b.yaml": "Resources:\n" + _stack("Back", "./a.yaml"),
        },
    )
    assert _tls(result) == [("fail", "Cache", "a.yaml", 8)]
    assert _errors(result) == [
        (
            "b.yaml",
            2,
            "nested stack Other/Back not evaluated: its template a.yaml contains this stack "
            "(a cycle of nested stacks, which CloudFormation cannot create)",
        )
    ]
    assert result.decision.exit_code == 3


def test_a_template_past_the_nesting_depth_is_judged(tmp_path: Path) -> None:
    files = {f"s{i}.yaml": "Resources:\n" + _stack("Next", f"./s{i + 1}.yaml") for i in range(10)}
    result = _scan(tmp_path, {**files, "s10.yaml": "Resources:\n" + CACHE})
    assert _tls(result) == [("fail", "Next/Cache", "s10.yaml", 8)]


def test_a_template_naming_itself_many_times_is_refused_quickly(tmp_path: Path) -> None:
    stacks = "".join(_stack(f"S{i}", "./template.yaml") for i in range(10))
    result = _scan(tmp_path, {"template.yaml": "Resources:\n" + stacks + CACHE})
    assert _tls(result) == [("fail", "Cache", "template.yaml", 48)]
    assert len(_errors(result)) == 10
    assert result.decision.exit_code == 3


def test_a_fan_out_of_nested_stacks_past_the_ceiling_fails_closed(tmp_path: Path) -> None:
    files = {
        f"t{i}.yaml": "Resources:\n" + "".join(_stack(f"S{j}", f"./t{i + 1}.yaml") for j in range(10))
        for i in range(5)
    }
    result = _scan(tmp_path, {**files, "t5.yaml": "Resources:\n" + CACHE})
    # t0, t1 and t2 each nest more than 1,000 stacks; t3 (110) is judged as a root of its own.
    assert [message for _, _, message in _errors(result)] == [
        f"template t{i}.yaml not evaluated: with its nested stacks it has more than 1,000 nested stacks "
        "(a ceiling of iacgate)"
        for i in range(3)
    ]
    # Each names the stack resource where the ceiling was passed.
    assert {line for _, line, _ in _errors(result)} <= {2, 6, 10, 14, 18, 22, 26, 30, 34, 38}
    assert _tls(result)[0] == ("fail", "S0/S0/Cache", "t5.yaml", 8)
    assert result.decision.exit_code == 3


TLS_OFF = "{ClusterName: a, NodeType: db.t4g.small, ACLName: open-access, TLSEnabled: false}"
TLS_DEFAULT = "{ClusterName: a, NodeType: db.t4g.small, ACLName: open-access}"
HEAD = "Resources:\n  Cache:\n    Type: AWS::MemoryDB::Cluster\n"
WHOLE_PROPERTIES = {
    "if-unknown-condition": "Parameters:\n  Env: {Type: String}\n"
    "Conditions:\n  IsProd: !Equals [!Ref Env, prod]\n"
    + HEAD
    + f"    Properties: !If [IsProd, {TLS_OFF}, {TLS_DEFAULT}]\n",
    "find-in-map-region": f"Mappings:\n  ByRegion:\n    eu-west-1:\n      Props: {TLS_OFF}\n"
    + HEAD
    + "    Properties: !FindInMap [ByRegion, !Ref AWS::Region, Props]\n",
    "pre-processor-tag": HEAD + "    Properties: !Rain::Embed p.yaml\n",
}


@pytest.mark.parametrize("name", sorted(WHOLE_PROPERTIES))
def test_properties_unknown_as_a_whole_are_undetermined_never_a_pass(tmp_path: Path, name: str) -> None:
    result = _scan(tmp_path, {"template.yaml": WHOLE_PROPERTIES[name]}, fail_on_undetermined=True)
    line = 2 if name == "pre-processor-tag" else 6
    checks = {(check.rule_id, check.outcome) for check in result.evaluation.checks}
    assert checks == {("ENC-MEMORYDB-101", "undetermined"), ("ENC-MEMORYDB-011", "undetermined")}
    finding = next(f for f in result.findings if f.rule_id == "ENC-MEMORYDB-101")
    assert (finding.status, finding.line, finding.path) == ("undetermined", line, ())
    assert finding.message.startswith("cannot decide, the resource is unknown: Properties: ")
    assert result.decision.exit_code == 1


def test_properties_an_if_leaves_out_are_no_properties(tmp_path: Path) -> None:
    text = (
        NEVER + "Resources:\n  Cache:\n    Type: AWS::MemoryDB::Cluster\n"
        "    Properties: !If [Never, {ClusterName: a}, !Ref AWS::NoValue]\n"
    )
    result = _scan(tmp_path, {"template.yaml": text})
    assert {(check.rule_id, check.outcome) for check in result.evaluation.checks} == {
        ("ENC-MEMORYDB-101", "pass"),
        ("ENC-MEMORYDB-011", "fail"),
    }


@pytest.mark.parametrize("off", ["off", "Off", "OFF", "no", "No", "NO", "false"])
def test_yaml_1_1_booleans_are_read_as_cloudformation_reads_them(tmp_path: Path, off: str) -> None:
    on = {"off": "on", "Off": "Yes", "OFF": "YES", "no": "yes", "No": "On", "NO": "ON", "false": "true"}[off]
    text = (
        f"Conditions:\n  Deploy: !Equals [{on}, true]\nResources:\n"
        + CACHE.replace("    Properties:", "    Condition: Deploy\n    Properties:")
        + f"  Queue:\n    Type: AWS::SQS::Queue\n    Properties:\n      SqsManagedSseEnabled: {off}\n"
    )
    result = _scan(tmp_path, {"template.yaml": text})
    assert _tls(result) == [("fail", "Cache", "template.yaml", 11)]
    sqs = [(f.status, f.resource_id, f.line) for f in result.findings if f.rule_id == "ENC-SQS-001"]
    assert sqs == [("fail", "Queue", 15)]


def test_quoted_yaml_1_1_boolean_words_stay_strings(tmp_path: Path) -> None:
    text = "Conditions:\n  Deploy: !Equals ['on', true]\nResources:\n" + CACHE.replace(
        "    Properties:", "    Condition: Deploy\n    Properties:"
    )
    assert _tls(_scan(tmp_path, {"template.yaml": text})) == []


@pytest.mark.parametrize(
    "value",
    [
        "'{{resolve:ssm:/queue/sse}}'",
        "'{{resolve:ssm:/queue/sse:3}}'",
        "!Sub '{{resolve:ssm:/${AWS::Region}/sse}}'",
        "!Join ['', ['{{resolve:', 'ssm:/queue/sse}}']]",
    ],
)
def test_a_dynamic_reference_is_unknown_until_deploy(tmp_path: Path, value: str) -> None:
    text = "Resources:\n  Queue:\n"
    text += f"    Type: AWS::SQS::Queue\n    Properties:\n      SqsManagedSseEnabled: {value}\n"
    result = _scan(tmp_path, {"template.yaml": text}, region="eu-west-1")
    sqs = [(f.status, f.line) for f in result.findings if f.rule_id == "ENC-SQS-001"]
    assert sqs == [("undetermined", 5)]
    finding = next(f for f in result.findings if f.rule_id == "ENC-SQS-001")
    assert "dynamic reference {{resolve:ssm:...}} resolved at deploy time" in finding.message


@pytest.mark.parametrize(
    ("service", "status"), [("ssm", "fail"), ("ssm-secure", None), ("secretsmanager", None)]
)
def test_a_password_from_a_dynamic_reference_is_judged_by_its_service(
    tmp_path: Path, service: str, status: str | None
) -> None:
    text = (
        "Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: mysql\n"
        f"      MasterUsername: admin\n      MasterUserPassword: '{{{{resolve:{service}:/db/pw}}}}'\n"
    )
    result = _scan(tmp_path, {"template.yaml": text})
    found = [(f.status, f.line) for f in result.findings if f.rule_id == "SEC-CRED-001"]
    assert found == ([(status, 7)] if status else [])


TRANSFORMS = {
    "sibling-of-properties": CACHE
    + "      Fn::Transform: {Name: AWS::Include, Parameters: {Location: s3://b/x.yaml}}\n",
    "resource-transform": CACHE + "    Transform: {Name: MyMacro}\n",
    "resource-fn-transform": CACHE + "    Fn::Transform: {Name: MyMacro}\n",
}


@pytest.mark.parametrize("name", sorted(TRANSFORMS))
def test_a_macro_beside_other_keys_makes_the_resource_unknown(tmp_path: Path, name: str) -> None:
    result = _scan(tmp_path, {"template.yaml": "Resources:\n" + TRANSFORMS[name]})
    assert {(check.rule_id, check.outcome) for check in result.evaluation.checks} == {
        ("ENC-MEMORYDB-101", "undetermined"),
        ("ENC-MEMORYDB-011", "undetermined"),
    }
    macro = "AWS::Include" if name == "sibling-of-properties" else "MyMacro"
    warnings = [(n.line, n.message) for n in result.notifications if n.level == "warning"]
    assert warnings == [(9, f"Fn::Transform not evaluated: macro {macro} must run first")]


def test_a_macro_beside_keys_of_a_property_makes_that_property_unknown(tmp_path: Path) -> None:
    text = "Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n    Properties:\n      RedrivePolicy:\n"
    text += "        maxReceiveCount: 3\n        Fn::Transform: {Name: MyMacro}\n"
    queue = scan_resources(tmp_path, text)["Queue"]
    assert queue.attributes["redrive_policy"] == Unknown("Fn::Transform: macro MyMacro must run first")


def test_a_number_parameter_is_compared_as_written(tmp_path: Path) -> None:
    text = (
        "Parameters:\n  Replicas:\n    Type: Number\n    Default: '01'\n"
        "Conditions:\n  Deploy: !Equals [!Ref Replicas, '01']\nResources:\n"
        + CACHE.replace("    Properties:", "    Condition: Deploy\n    Properties:")
        + "      NumReplicasPerShard: !Ref Replicas\n      Description: !Sub '${Replicas} replicas'\n"
    )
    result = _scan(tmp_path, {"template.yaml": text})
    assert _tls(result) == [("fail", "Cache", "template.yaml", 15)]
    cache = scan_resources(tmp_path, text)["Cache"]
    # A property set to a Number parameter holds the number; Fn::Sub joins the text as written.
    assert (cache.attributes["num_replicas_per_shard"], cache.attributes["description"]) == (1, "01 replicas")


def _loops(depth: int, width: int, body: str) -> str:
    items = "[" + ", ".join(f"i{n}" for n in range(width)) + "]"
    text, indent = "", "  "
    for level in range(depth):
        text += f"{indent}Fn::ForEach::L{level}:\n{indent}  - V{level}\n{indent}  - {items}\n{indent}  -\n"
        indent += "    "
    name = "".join(f"${{V{level}}}" for level in range(depth))
    return text + f"{indent}Q{name}:\n{indent}  Type: AWS::SQS::Queue\n" + body


@pytest.mark.parametrize(
    ("depth", "width", "message", "line"),
    [
        (3, 300, "Fn::ForEach expands to more than 500 resources, CloudFormation's limit", 11),
        (2, 501, "Fn::ForEach expands to more than 500 resources, CloudFormation's limit", 7),
        (3, 20, "Fn::ForEach loops iterate more than 5,000 times", 11),
    ],
)
def test_for_each_past_the_ceiling_fails_closed_naming_the_loop(
    tmp_path: Path, depth: int, width: int, message: str, line: int
) -> None:
    text = "Transform: AWS::LanguageExtensions\nResources:\n" + _loops(depth, width, "")
    if width == 20:  # loops whose innermost output is empty: they only iterate
        text = text[: text.rindex("-\n")] + "- {}\n"
    result = _scan(tmp_path, {"template.yaml": text, "ok.yaml": "Resources:\n" + CACHE})
    expected = f"template template.yaml not evaluated: {message} (a ceiling of iacgate)"
    assert _errors(result) == [("template.yaml", line, expected)]
    assert _tls(result) == [("fail", "Cache", "ok.yaml", 8)]  # every other file is still judged
    assert result.decision.exit_code == 3


def test_500_resources_from_loops_are_evaluated(tmp_path: Path) -> None:
    text = "Transform: AWS::LanguageExtensions\nResources:\n" + _loops(2, 20, "")
    result = _scan(tmp_path, {"template.yaml": text})
    assert not _errors(result) and len({check.resource_id for check in result.evaluation.checks}) == 400


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("!Select [.inf, [a, b]]", "Fn::Select index inf out of range"),
        ("!Select [0, !Cidr [10.0.0.0/8, .inf, 8]]", "Fn::Cidr with arguments that do not fit"),
        (
            "!Select [0, !Cidr ['::/0', 50000000, 1]]",
            "Fn::Cidr count 50000000 is outside 1-256, CloudFormation's limit",
        ),
        (
            "!Select [0, !Cidr [10.0.0.0/8, 0, 8]]",
            "Fn::Cidr count 0 is outside 1-256, CloudFormation's limit",
        ),
    ],
)
def test_select_and_cidr_past_their_limits_are_unknown(tmp_path: Path, value: str, reason: str) -> None:
    text = f"Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n      QueueName: {value}\n"
    assert scan_resources(tmp_path, text)["Q"].attributes["name"] == Unknown(reason)


def test_a_cidr_within_the_limit_is_evaluated(tmp_path: Path) -> None:
    text = "Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n"
    text += "      QueueName: !Select [255, !Cidr [10.0.0.0/8, 256, 8]]\n"
    assert scan_resources(tmp_path, text)["Q"].attributes["name"] == "10.0.255.0/24"


def test_a_long_chain_of_conditions_fails_closed_naming_its_line(tmp_path: Path) -> None:
    chain = "".join(f"  C{n}: {{Condition: C{n + 1}}}\n" for n in range(3000))
    text = f"Conditions:\n{chain}  C3000: !Equals [a, a]\nResources:\n" + CACHE.replace(
        "    Properties:", "    Condition: C0\n    Properties:"
    )
    result = _scan(tmp_path, {"template.yaml": text})
    expected = (
        "template template.yaml not evaluated: a chain of more than 64 conditions (a ceiling of iacgate)"
    )
    assert _errors(result) == [("template.yaml", 66, expected)]


UNRESOLVED = {
    "remote-stack": (
        "Resources:\n" + _stack("Child", "https://b.s3.amazonaws.com/c.yaml"),
        ("Child", "https://b.s3.amazonaws.com/c.yaml", 2),
    ),
    "loop-over-unknown": (
        "Transform: AWS::LanguageExtensions\nParameters:\n  Names: {Type: CommaDelimitedList}\nResources:\n"
        "  Fn::ForEach::Caches:\n    - N\n    - !Ref Names\n"
        "    - Cache${N}:\n        Type: AWS::MemoryDB::Cluster\n",
        ("Fn::ForEach::Caches", "Fn::ForEach::Caches", 5),
    ),
    "pre-processor-type": (
        "Resources:\n  Cache:\n    Type: !Rain::Constant CacheType\n",
        ("Cache", "!Rain::Constant", 2),
    ),
}


@pytest.mark.parametrize("name", sorted(UNRESOLVED))
def test_resources_left_unevaluated_block_under_fail_on_undetermined(tmp_path: Path, name: str) -> None:
    text, expected = UNRESOLVED[name]
    result = _scan(tmp_path, {"template.yaml": text}, fail_on_undetermined=True)
    assert [(item.address, item.source, item.line) for item in result.unresolved_modules] == [expected]
    assert result.unresolved_modules[0].file == "template.yaml"
    assert result.decision.exit_code == 1
    assert _scan(tmp_path, {}).decision.exit_code == 0  # reported, not blocking, without the option


@pytest.mark.parametrize("end", ["\r", "\r\n", "\n"])
def test_json_findings_are_on_their_lines_whatever_the_line_ends(tmp_path: Path, end: str) -> None:
    lines = [
        "{",
        ' "Resources": {',
        '  "Cache": {',
        '   "Type": "AWS::MemoryDB::Cluster",',
        '   "Properties": {',
    ]
    lines += ['    "ClusterName": "a", "NodeType": "db.t4g.small", "ACLName": "open-access",']
    lines += ['    "TLSEnabled": false', "   }", "  }", " }", "}", ""]
    text = end.join(lines)
    (tmp_path / "template.json").write_text(text, encoding="utf-8", newline="")
    result = scan(ScanSettings(paths=(tmp_path,)))
    assert _tls(result) == [("fail", "Cache", "template.json", 7)]


@pytest.mark.parametrize("merge", ["<<: *common", "<<: [*common]", "!!merge <<: *common"])
def test_a_merge_key_is_applied_as_the_aws_cli_reads_it(tmp_path: Path, merge: str) -> None:
    text = (
        "Metadata:\n  Common: &common\n    NodeType: db.t4g.small\n    ACLName: open-access\n"
        "    TLSEnabled: false\n    ClusterName: merged\n"
        f"Resources:\n  Cache:\n    Type: AWS::MemoryDB::Cluster\n    Properties:\n      {merge}\n"
        "      ClusterName: a\n"
    )
    result = _scan(tmp_path, {"template.yaml": text})
    assert _tls(result) == [("fail", "Cache", "template.yaml", 11)]  # the merge key's line
    assert scan_resources(tmp_path, text)["Cache"].attributes["name"] == "a"  # written keys win


def test_a_merge_key_of_a_scalar_is_an_error_naming_its_line(tmp_path: Path) -> None:
    text = "Resources:\n  Cache:\n    Type: AWS::MemoryDB::Cluster\n    Properties:\n      <<: plain\n"
    assert _errors(_scan(tmp_path, {"template.yaml": text})) == [
        ("template.yaml", 5, "invalid YAML: a merge key (<<) takes a mapping or a list of mappings")
    ]


LOOP = "      Fn::ForEach::Off:\n        - P\n        - {collection}\n        - ${{P}}: false\n"


def test_for_each_in_properties_is_expanded(tmp_path: Path) -> None:
    text = "Transform: AWS::LanguageExtensions\nResources:\n" + CACHE.replace("      TLSEnabled: false\n", "")
    result = _scan(tmp_path, {"template.yaml": text + LOOP.format(collection="[TLSEnabled]")})
    assert _tls(result) == [("fail", "Cache", "template.yaml", 3)]


def test_for_each_in_a_property_is_expanded(tmp_path: Path) -> None:
    text = (
        "Transform: AWS::LanguageExtensions\nResources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n"
    )
    text += "      RedrivePolicy:\n" + LOOP.replace("      ", "        ").format(collection="[a, b]")
    queue = scan_resources(tmp_path, text)["Q"]
    assert queue.attributes["redrive_policy"] == {"a": False, "b": False}


def test_for_each_in_properties_over_an_unknown_collection_is_undetermined(tmp_path: Path) -> None:
    text = (
        "Transform: AWS::LanguageExtensions\nParameters:\n  Names: {Type: CommaDelimitedList}\nResources:\n"
    )
    text += CACHE.replace("      TLSEnabled: false\n", "") + LOOP.format(collection="!Ref Names")
    result = _scan(tmp_path, {"template.yaml": text})
    assert {(check.rule_id, check.outcome) for check in result.evaluation.checks} == {
        ("ENC-MEMORYDB-101", "undetermined"),
        ("ENC-MEMORYDB-011", "undetermined"),
    }
