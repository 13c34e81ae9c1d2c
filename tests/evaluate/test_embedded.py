"""The embedded regopy evaluator: routing, whole-graph rules, unknowns, refused builtins, compile errors."""

from __future__ import annotations

from pathlib import Path
from textwrap import dedent

import pytest

from iacgate.errors import EvaluationError, PackError
from iacgate.evaluate import EmbeddedEvaluator
from iacgate.graph import UNKNOWN, Edge, Graph, Resource, SourceLocation
from iacgate.packs import load_packs

MANIFEST = """\
pack: house
version: 1.0.0
title: House rules
description: Rules written for these tests.
rules:
  - id: HOUSE-VOL-001
    name: HouseVolume
    title: Volumes are encrypted
    description: test rule
    severity: high
    policy: house.volume
    scope: {scope}
    resource_types: [aws_ebs_volume]
    rationale: test
    remediation: {{text: set it, terraform: "encrypted = true"}}
    help_uri: https://example.invalid/rule
    controls: {{pci-dss-4.0: ["3.5.1"], soc2: [CC6.1], iso27001-2022: [A.8.24], nist-800-53-r5: [SC-28],
               dora: ["Art. 9"]}}
"""


def make_pack(tmp_path: Path, policy: str, scope: str = "resource") -> Path:
    directory = tmp_path / "house"
    directory.mkdir(exist_ok=True)
    (directory / "pack.yaml").write_text(MANIFEST.format(scope=scope))
    (directory / "volume.rego").write_text(dedent(policy))
    return directory


def volume(name: str, **attributes: object) -> Resource:
    return Resource(
        id=f"aws_ebs_volume.{name}",
        format="terraform-plan",
        native_type="aws_ebs_volume",
        type="aws_ebs_volume",
        provider="aws",
        region="eu-west-1",
        region_source="provider aws",
        attributes=attributes,
        tags={},
        location=SourceLocation("plan.json", 10, 20, {"encrypted": 12}),
    )


RESOURCE_POLICY = """\
    package house.volume

    import data.iacgate.lib
    import rego.v1

    deny contains lib.violation(["encrypted"], "not encrypted") if {
        not lib.attrs.encrypted == true
    }

    deny contains lib.violation(["tags"], "no snapshot neighbour") if {
        count(lib.referrers("aws_ebs_snapshot")) == 0
        lib.attrs.want_snapshot == true
    }
"""


def test_resource_rules_route_by_type_and_record_passes(tmp_path: Path) -> None:
    rules = load_packs(("house",), (make_pack(tmp_path, RESOURCE_POLICY),))
    snapshot = Resource(
        **{
            **volume("snap").__dict__,
            "id": "aws_ebs_snapshot.s",
            "type": "aws_ebs_snapshot",
            "native_type": "aws_ebs_snapshot",
        }
    )
    graph = Graph(
        (
            volume("good", encrypted=True, want_snapshot=True),
            volume("bad", encrypted=False),
            volume("missing"),
            volume("later", encrypted=UNKNOWN),
            snapshot,
        ),
        (Edge("aws_ebs_snapshot.s", "aws_ebs_volume.good"),),
    )
    evaluation = EmbeddedEvaluator(rules).evaluate(graph, rules, {})
    outcomes = {check.resource_id: check.outcome for check in evaluation.checks}
    assert outcomes == {
        "aws_ebs_volume.good": "pass",
        "aws_ebs_volume.bad": "fail",
        "aws_ebs_volume.missing": "fail",
        "aws_ebs_volume.later": "undetermined",
    }
    undetermined = [v for v in evaluation.violations if v.status == "undetermined"]
    assert [v.resource_id for v in undetermined] == ["aws_ebs_volume.later"]
    assert "known after apply" in undetermined[0].message


def test_data_sources_are_not_evaluated(tmp_path: Path) -> None:
    rules = load_packs(("house",), (make_pack(tmp_path, RESOURCE_POLICY),))
    data_volume = Resource(**{**volume("d").__dict__, "id": "data.aws_ebs_volume.d", "mode": "data"})
    evaluation = EmbeddedEvaluator(rules).evaluate(Graph((data_volume,)), rules, {})
    assert evaluation.checks == ()


def test_data_sources_of_judged_types_are_evaluated_once() -> None:
    # terraform_remote_state exists only as a data source and is judged as one (SEC-STATE-014); its copy
    # beside a plan's drifted resources is not judged twice, and other data sources are never judged.
    rules = load_packs(("secrets-and-state",))

    def data_source(type_name: str, name: str, **metadata: object) -> Resource:
        return Resource(
            id=f"data.{type_name}.{name}",
            format="terraform-plan",
            native_type=type_name,
            type=type_name,
            provider="terraform",
            region="eu-west-1",
            region_source="none",
            attributes={"backend": "http", "config": {"address": "http://state.example.com/n"}},
            tags={},
            location=SourceLocation("plan.json", 3, 9, {}),
            mode="data",
            metadata=metadata,
        )

    graph = Graph(
        (
            data_source("terraform_remote_state", "network"),
            data_source("terraform_remote_state", "copy", drift_context=True),
            data_source("aws_s3_bucket", "state"),
        )
    )
    evaluation = EmbeddedEvaluator(rules).evaluate(graph, rules, {})
    assert {(c.rule_id, c.resource_id, c.outcome) for c in evaluation.checks} == {
        ("SEC-STATE-014", "data.terraform_remote_state.network", "fail")
    }


GRAPH_POLICY = """\
    package house.volume

    import rego.v1

    deny contains {"resource": v.id, "path": ["encrypted"], "message": "unencrypted"} if {
        some v in input.resources_by_type.aws_ebs_volume
        not v.attributes.encrypted == true
    }
"""


def test_whole_graph_rules_receive_resources_by_type(tmp_path: Path) -> None:
    rules = load_packs(("house",), (make_pack(tmp_path, GRAPH_POLICY, scope="graph"),))
    graph = Graph((volume("good", encrypted=True), volume("bad")))
    evaluation = EmbeddedEvaluator(rules).evaluate(graph, rules, {})
    assert {(c.resource_id, c.outcome) for c in evaluation.checks} == {
        ("aws_ebs_volume.good", "pass"),
        ("aws_ebs_volume.bad", "fail"),
    }


@pytest.mark.parametrize(
    "call",
    [
        'http.send({"method": "get", "url": "https://example.invalid"})',
        "opa.runtime()",
        'net.lookup_ip_addr("example.invalid")',
        'net.cidr_contains("10.0.0.0/8", "10.1.1.1")',
    ],
)
def test_network_and_host_builtins_are_refused_when_policies_load(tmp_path: Path, call: str) -> None:
    policy = f"""\
        package house.volume

        import rego.v1

        deny contains {{"path": [], "message": "x"}} if {{
            x := {call}
            x
        }}
    """
    rules = load_packs(("house",), (make_pack(tmp_path, policy),))
    name = call.split("(")[0].replace(".", r"\.")
    with pytest.raises(PackError, match=rf"volume\.rego:6: policy uses {name}, which is refused"):
        EmbeddedEvaluator(rules)


def test_refused_names_in_comments_and_strings_are_fine(tmp_path: Path) -> None:
    policy = """\
        package house.volume

        import rego.v1

        # never call http.send( here
        deny contains {"path": [], "message": "do not use http.send(...)"} if {
            input.resource.attributes.never
        }
    """
    rules = load_packs(("house",), (make_pack(tmp_path, policy),))
    EmbeddedEvaluator(rules)


def test_a_policy_that_does_not_compile_is_a_pack_error_with_its_location(tmp_path: Path) -> None:
    policy = """\
        package house.volume

        import rego.v1

        deny contains x if {
            x := input.resource +
        }
    """
    rules = load_packs(("house",), (make_pack(tmp_path, policy),))
    with pytest.raises(PackError, match=r"volume\.rego:6:\d+: .*"):
        EmbeddedEvaluator(rules)


def test_malformed_rule_results_are_evaluation_errors(tmp_path: Path) -> None:
    policy = """\
        package house.volume

        import rego.v1

        deny contains "just a string" if { true }
    """
    rules = load_packs(("house",), (make_pack(tmp_path, policy),))
    with pytest.raises(EvaluationError, match="malformed result"):
        EmbeddedEvaluator(rules).evaluate(Graph((volume("v"),)), rules, {})


def test_a_huge_malformed_result_is_quoted_in_one_short_line(tmp_path: Path) -> None:
    # A path of 5,000 objects is not a path: the error says so in one line a person can read.
    policy = """\
        package house.volume

        import rego.v1

        deny contains {"message": "m", "path": [{"n": i} | some i in numbers.range(1, 5000)]} if { true }
    """
    rules = load_packs(("house",), (make_pack(tmp_path, policy),))
    with pytest.raises(EvaluationError, match="'path' must be a list of names and indexes") as raised:
        EmbeddedEvaluator(rules).evaluate(Graph((volume("v"),)), rules, {})
    message = str(raised.value)
    assert "\n" not in message and len(message) < 400
    assert message.endswith("characters)")


def test_a_rule_whose_package_is_missing_cannot_read_as_no_finding(tmp_path: Path) -> None:
    policy = """\
        package house.elsewhere

        import rego.v1

        deny contains {"path": [], "message": "x"} if { false }
    """
    rules = load_packs(("house",), (make_pack(tmp_path, policy),))
    with pytest.raises(EvaluationError, match=r"is package house\.volume defined"):
        EmbeddedEvaluator(rules).evaluate(Graph((volume("v"),)), rules, {})


QUOTING_POLICY = """\
    package house.volume

    import data.iacgate.lib
    import rego.v1

    deny contains lib.violation(["encrypted"], concat(" ", [lib.resource.id, lib.attrs.note])) if {
        not lib.attrs.encrypted == true
        lib.attrs.note == "say \\"hi\\"\\nC:\\\\temp"
    }
"""


def test_quotes_backslashes_and_newlines_survive_the_engine(tmp_path: Path) -> None:
    """for_each addresses carry quotes; values carry anything. Both must round-trip exactly."""
    rules = load_packs(("house",), (make_pack(tmp_path, QUOTING_POLICY),))
    note = 'say "hi"\nC:\\temp'
    keyed = Resource(
        **{
            **volume("v").__dict__,
            "id": 'module.a["x"].aws_ebs_volume.v["k"]',
            "attributes": {"encrypted": False, "note": note},
        }
    )
    evaluation = EmbeddedEvaluator(rules).evaluate(Graph((keyed,)), rules, {})
    assert [(v.resource_id, v.message) for v in evaluation.violations] == [
        ('module.a["x"].aws_ebs_volume.v["k"]', f'module.a["x"].aws_ebs_volume.v["k"] {note}')
    ]


def test_a_broken_policy_checked_in_background_fails_the_scan_even_with_nothing_to_evaluate(
    tmp_path: Path,
) -> None:
    """Scans compile-check every policy while parsing; the failure comes out at evaluation, or at the end
    of a scan that had nothing of the policy's type to evaluate, never as a silent pass."""
    policy = """\
        package house.volume

        import rego.v1

        deny contains x if {
            x := input.resource +
        }
    """
    rules = load_packs(("house",), (make_pack(tmp_path, policy),))
    with pytest.raises(PackError, match=r"volume\.rego:6:\d+: "):
        EmbeddedEvaluator(rules, check_in_background=True).evaluate(Graph((volume("v"),)), rules, {})
    with (
        pytest.raises(PackError, match=r"volume\.rego:6:\d+: "),
        EmbeddedEvaluator(rules, check_in_background=True),
    ):
        pass
