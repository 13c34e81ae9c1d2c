"""SARIF a code-scanning service and an auditor read: valid against the official schema, every rule with
its metadata, every finding located, undetermined checks as reviews, parse problems as notifications."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from iacgate.api import ScanSettings, scan
from iacgate.graph import Graph
from iacgate.report import render_sarif
from iacgate.severity import Severity
from report.support import (
    STARTED,
    assert_valid_sarif,
    mixed_graph,
    module_warning,
    parse_error,
    scan_result,
    volume,
)

PLAN = "stacks/prod/plan.json"


def sarif_of(*args: Any, **kwargs: Any) -> dict[str, Any]:
    log: dict[str, Any] = json.loads(render_sarif(*args, **kwargs))
    assert_valid_sarif(log)
    return log


def run_of(log: dict[str, Any]) -> dict[str, Any]:
    (run,) = log["runs"]
    return run


def by_resource(run: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {r["locations"][0]["logicalLocations"][0]["fullyQualifiedName"]: r for r in run["results"]}


def test_log_names_the_tool_and_lists_every_rule_of_the_run(tmp_path: Path) -> None:
    result = scan_result([mixed_graph()], tmp_path)
    log = sarif_of(result)
    assert log["version"] == "2.1.0"
    assert log["$schema"].endswith("sarif-schema-2.1.0.json")
    driver = run_of(log)["tool"]["driver"]
    assert driver["name"] == "iacgate"
    assert driver["version"] == driver["semanticVersion"] == result.tool_version
    assert [rule["id"] for rule in driver["rules"]] == [rule.id for rule in result.rules.rules]


def test_rule_metadata_carries_severity_score_tags_help_and_controls(tmp_path: Path) -> None:
    result = scan_result([mixed_graph()], tmp_path)
    run = run_of(sarif_of(result))
    rules = {rule["id"]: rule for rule in run["tool"]["driver"]["rules"]}
    ebs = rules["ENC-EBS-001"]
    assert ebs["name"] == "EbsVolumeEncrypted"
    assert ebs["shortDescription"]["text"] == "EBS volumes are encrypted at rest"
    assert "encrypted = true" in ebs["fullDescription"]["text"]
    assert "snapshots" in ebs["fullDescription"]["text"]  # the rationale, not only the description
    assert ebs["defaultConfiguration"]["level"] == "error"
    assert ebs["helpUri"].startswith("https://")
    assert "```hcl\n" in ebs["help"]["markdown"] and "encrypted         = true" in ebs["help"]["markdown"]
    assert "Set encrypted = true" in ebs["help"]["text"]
    properties = ebs["properties"]
    assert properties["security-severity"] == "7.5"
    assert properties["pack"] == "encryption"
    assert {"security", "encryption"} <= set(properties["tags"])
    assert properties["precision"] == "high"
    assert "pci-dss-4.0:3.5.1" in properties["controls"]
    for rule in result.rules.rules:
        assert rules[rule.id]["properties"]["security-severity"] == rule.severity.security_severity
        assert isinstance(rules[rule.id]["properties"]["security-severity"], str)


def test_control_relationships_resolve_into_the_taxonomies(tmp_path: Path) -> None:
    run = run_of(sarif_of(scan_result([mixed_graph()], tmp_path)))
    taxonomies = run["taxonomies"]
    supported = run["tool"]["driver"]["supportedTaxonomies"]
    assert [t["name"] for t in taxonomies] == [s["name"] for s in supported]
    for rule in run["tool"]["driver"]["rules"]:
        resolved = set()
        for relationship in rule["relationships"]:
            target = relationship["target"]
            taxonomy = taxonomies[target["toolComponent"]["index"]]
            assert taxonomy["name"] == target["toolComponent"]["name"]
            assert taxonomy["taxa"][target["index"]]["id"] == target["id"]
            resolved.add(f"{taxonomy['name']}:{target['id']}")
        assert resolved == set(rule["properties"]["controls"])


def test_a_failing_check_is_a_located_result_with_level_and_fingerprint(tmp_path: Path) -> None:
    result = scan_result([mixed_graph()], tmp_path)
    run = run_of(sarif_of(result))
    ledger = by_resource(run)["aws_ebs_volume.ledger"]
    assert ledger["ruleId"] == "ENC-EBS-001"
    assert run["tool"]["driver"]["rules"][ledger["ruleIndex"]]["id"] == "ENC-EBS-001"
    assert (ledger["kind"], ledger["level"]) == ("fail", "error")
    assert "aws_ebs_volume.ledger" in ledger["message"]["text"]
    assert "not encrypted" in ledger["message"]["text"]
    physical = ledger["locations"][0]["physicalLocation"]
    assert physical["artifactLocation"]["uri"] == PLAN
    assert physical["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
    assert physical["region"]["startLine"] == 12  # the encrypted attribute, not the resource header
    logical = ledger["locations"][0]["logicalLocations"][0]
    assert logical == {
        "fullyQualifiedName": "aws_ebs_volume.ledger",
        "name": "aws_ebs_volume.ledger",
        "kind": "resource",
    }
    assert ledger["properties"]["resourceType"] == "aws_ebs_volume"
    assert ledger["properties"]["nativeType"] == "aws_ebs_volume"
    assert ledger["properties"]["format"] == "terraform-plan"
    assert ledger["properties"]["attributePath"] == "encrypted"
    (finding,) = [f for f in result.findings if f.resource_id == "aws_ebs_volume.ledger"]
    assert ledger["partialFingerprints"] == {"iacgate/v1": finding.fingerprint}
    assert "aws_ebs_volume.scratch" not in by_resource(run)  # a pass is counted, not reported as a result


def test_an_undetermined_check_is_a_review_with_level_none(tmp_path: Path) -> None:
    run = run_of(sarif_of(scan_result([mixed_graph()], tmp_path)))
    pending = by_resource(run)["aws_ebs_volume.pending"]
    assert (pending["kind"], pending["level"]) == ("review", "none")
    assert pending["properties"]["status"] == "undetermined"
    assert "known after apply" in pending["message"]["text"]
    assert run["properties"]["checks"] == {"pass": 1, "fail": 1, "undetermined": 1, "total": 3, "blocking": 1}


def test_levels_follow_severity_only_for_failures(tmp_path: Path) -> None:
    result = scan_result([mixed_graph()], tmp_path)
    run = run_of(sarif_of(result))
    for sarif_result, finding in zip(run["results"], result.findings, strict=True):
        expected = finding.severity.sarif_level if finding.status == "fail" else "none"
        assert sarif_result["level"] == expected


def test_fingerprints_survive_moved_lines_and_results_point_at_the_new_line(tmp_path: Path) -> None:
    before = by_resource(run_of(sarif_of(scan_result([mixed_graph()], tmp_path))))
    moved = mixed_graph(offset=40)
    moved = Graph((volume("added_above", True, 5), *moved.resources), name=moved.name)
    after = by_resource(run_of(sarif_of(scan_result([moved], tmp_path))))
    for resource_id in ("aws_ebs_volume.ledger", "aws_ebs_volume.pending"):
        assert after[resource_id]["partialFingerprints"] == before[resource_id]["partialFingerprints"]
        line = lambda r: r["locations"][0]["physicalLocation"]["region"]["startLine"]  # noqa: E731
        assert line(after[resource_id]) == line(before[resource_id]) + 40


def test_the_same_address_in_two_plans_gets_two_fingerprints(tmp_path: Path) -> None:
    graphs = [mixed_graph("stacks/prod/plan.json"), mixed_graph("stacks/staging/plan.json")]
    run = run_of(sarif_of(scan_result(graphs, tmp_path)))
    ledgers = [r for r in run["results"] if "aws_ebs_volume.ledger" in r["message"]["text"]]
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in ledgers}
    assert uris == {"stacks/prod/plan.json", "stacks/staging/plan.json"}
    assert len({r["partialFingerprints"]["iacgate/v1"] for r in ledgers}) == 2


def test_a_parse_error_is_an_error_notification_and_the_run_did_not_succeed(tmp_path: Path) -> None:
    broken = parse_error()
    warning = module_warning()
    result = scan_result([mixed_graph()], tmp_path, notifications=[warning, broken])
    run = run_of(sarif_of(result))
    invocation = run["invocations"][0]
    assert invocation["executionSuccessful"] is False
    first, second = invocation["toolExecutionNotifications"]
    assert first["level"] == "error" and first["message"]["text"] == "expected a value"
    physical = first["locations"][0]["physicalLocation"]
    assert physical["artifactLocation"]["uri"] == "stacks/dev/plan.json"
    assert physical["region"] == {"startLine": 2, "startColumn": 5}
    assert second["level"] == "warning"
    assert second["locations"][0]["physicalLocation"]["region"] == {"startLine": 7}
    gate = invocation["properties"]["gate"]
    assert (gate["passed"], gate["exitCode"]) == (False, 3)
    assert any("fails closed" in reason for reason in gate["reasons"])
    unparsed = [a for a in run["artifacts"] if a["properties"].get("parsed") is False]
    assert [a["location"]["uri"] for a in unparsed] == ["stacks/dev/plan.json"]
    assert run["results"], "findings of the files that did parse are still reported"


def test_a_clean_run_succeeds_and_records_the_gate(tmp_path: Path) -> None:
    graph = Graph((volume("scratch", True, 30),), name=PLAN)
    run = run_of(sarif_of(scan_result([graph], tmp_path)))
    invocation = run["invocations"][0]
    assert invocation["executionSuccessful"] is True
    assert invocation["toolExecutionNotifications"] == []
    assert invocation["properties"]["gate"]["passed"] is True
    assert run["results"] == []
    assert run["properties"]["checks"]["pass"] == 1


def test_times_are_utc_with_z_and_span_the_scan(tmp_path: Path) -> None:
    invocation = run_of(sarif_of(scan_result([mixed_graph()], tmp_path)))["invocations"][0]
    assert invocation["startTimeUtc"] == "2026-03-02T09:30:00.123Z"
    assert invocation["endTimeUtc"] == "2026-03-02T09:30:01.623Z"
    assert STARTED.tzinfo is not None


def test_sources_are_relative_to_a_srcroot_that_names_the_scan_root(tmp_path: Path) -> None:
    run = run_of(sarif_of(scan_result([mixed_graph()], tmp_path)))
    base = run["originalUriBaseIds"]["%SRCROOT%"]["uri"]
    assert base == tmp_path.resolve().as_uri() + "/" or base == tmp_path.as_uri() + "/"
    assert re.fullmatch(r"file:///.*/", base)
    assert [a["location"]["uri"] for a in run["artifacts"]] == [PLAN]
    assert run["artifacts"][0]["properties"]["format"] == "terraform-plan"
    assert run["artifacts"][0]["properties"]["resources"] == 3


def test_a_file_name_with_spaces_is_a_valid_uri_reference(tmp_path: Path) -> None:
    graph = mixed_graph("my stacks/prod plan.json")
    run = run_of(sarif_of(scan_result([graph], tmp_path)))
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]}
    assert uris == {"my%20stacks/prod%20plan.json"}


def test_automation_id_keeps_uploads_apart_and_takes_a_category(tmp_path: Path) -> None:
    prod = run_of(sarif_of(scan_result([mixed_graph("stacks/prod/plan.json")], tmp_path)))
    staging = run_of(sarif_of(scan_result([mixed_graph("stacks/staging/plan.json")], tmp_path)))
    prod_id = prod["automationDetails"]["id"]
    assert re.fullmatch(r"iacgate/encryption/[0-9a-f]{12}/", prod_id)
    assert staging["automationDetails"]["id"] != prod_id
    grown = Graph((*mixed_graph().resources, volume("new", True, 90, "stacks/prod/extra.json")), name=PLAN)
    same_directory = run_of(sarif_of(scan_result([grown], tmp_path)))
    assert same_directory["automationDetails"]["id"] == prod_id, "a new file in a scanned directory"
    named = run_of(sarif_of(scan_result([mixed_graph()], tmp_path), category="ci/prod-plan/"))
    assert named["automationDetails"]["id"] == "ci/prod-plan/"


def test_blocking_and_threshold_are_evidence(tmp_path: Path) -> None:
    result = scan_result([mixed_graph()], tmp_path, fail_on=Severity.CRITICAL)
    run = run_of(sarif_of(result))
    ledger = by_resource(run)["aws_ebs_volume.ledger"]
    assert ledger["properties"]["blocking"] is False
    gate = run["invocations"][0]["properties"]["gate"]
    assert (gate["passed"], gate["failOn"], gate["blocking"]) == (True, "critical", 0)
    blocked = by_resource(run_of(sarif_of(scan_result([mixed_graph()], tmp_path))))
    assert blocked["aws_ebs_volume.ledger"]["properties"]["blocking"] is True


def test_a_module_resource_keeps_its_address_and_gets_a_short_name(tmp_path: Path) -> None:
    graph = Graph((volume("data", False, 10, module="module.db.module.disks[0]."),), name=PLAN)
    run = run_of(sarif_of(scan_result([graph], tmp_path)))
    logical = run["results"][0]["locations"][0]["logicalLocations"][0]
    assert logical["fullyQualifiedName"] == "module.db.module.disks[0].aws_ebs_volume.data"
    assert logical["name"] == "aws_ebs_volume.data"


def test_the_schema_check_rejects_what_code_scanning_would_reject(tmp_path: Path) -> None:
    log = json.loads(render_sarif(scan_result([mixed_graph()], tmp_path)))
    run_of(log)["results"][0]["level"] = "fatal"
    with pytest.raises(AssertionError, match="fatal"):
        assert_valid_sarif(log)


def test_a_real_scan_with_an_unparseable_file_reports_it_and_stays_valid(tmp_path: Path) -> None:
    (tmp_path / "broken.json").write_text('{"format_version": "1.2",\n  "planned_values": {,}}')
    result = scan(ScanSettings(paths=(tmp_path / "broken.json",), packs=("encryption",), root=tmp_path))
    run = run_of(sarif_of(result))
    (note,) = run["invocations"][0]["toolExecutionNotifications"]
    assert note["level"] == "error"
    location = note["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "broken.json"
    assert location["region"]["startLine"] == 2
    assert run["invocations"][0]["executionSuccessful"] is False
    assert run["results"] == []


def test_each_result_and_rule_is_one_line_that_grep_shows_whole(tmp_path: Path) -> None:
    text = render_sarif(scan_result([mixed_graph()], tmp_path))
    run = run_of(json.loads(text))
    lines = text.splitlines()
    for found in run["results"]:
        (line,) = [line for line in lines if f'"{found["partialFingerprints"]["iacgate/v1"]}"' in line]
        assert json.loads(line.strip().rstrip(",")) == found
    for rule in run["tool"]["driver"]["rules"]:
        (line,) = [line for line in lines if line.lstrip().startswith(f'{{"id": "{rule["id"]}"')]
        assert json.loads(line.strip().rstrip(",")) == rule
    assert lines[0] == "{" and lines[1].startswith('  "runs": [') and text.endswith("}\n")
