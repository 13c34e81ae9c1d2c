"""Related locations: a plan finding located in its .tf source keeps the plan entry, a Pulumi finding
names the program line that declared the resource; both in SARIF (validating) and in the JSON report."""

from __future__ import annotations

import json
from pathlib import Path

from iacgate.api import ScanSettings, scan
from iacgate.report import ReportOptions, render
from report.support import assert_valid_report, assert_valid_sarif

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "parsers"
SOURCE = FIXTURES / "tfplan-source"


def _plan_with_source() -> dict[str, object]:
    result = scan(
        ScanSettings(
            paths=(SOURCE / "plans" / "prod.tfplan.json",), root=SOURCE, source_dirs=(SOURCE / "infra",)
        )
    )
    return json.loads(render(result, "sarif", ReportOptions()))


def test_sarif_result_points_at_the_tf_line_and_relates_the_plan_entry() -> None:
    log = _plan_with_source()
    assert_valid_sarif(log)
    run = log["runs"][0]  # type: ignore[index]
    uris = [artifact["location"]["uri"] for artifact in run["artifacts"]]
    result = next(
        r for r in run["results"] if r["locations"][0]["logicalLocations"][0]["fullyQualifiedName"]
        == "aws_ebs_volume.data[0]" and r["ruleId"] == "ENC-EBS-001"
    )  # fmt: skip
    physical = result["locations"][0]["physicalLocation"]
    assert (physical["artifactLocation"]["uri"], physical["region"]["startLine"]) == ("infra/main.tf", 10)
    assert uris[physical["artifactLocation"]["index"]] == "infra/main.tf"
    (related,) = result["relatedLocations"]
    assert related["message"]["text"] == "planned in the Terraform plan"
    assert related["physicalLocation"]["artifactLocation"]["uri"] == "plans/prod.tfplan.json"


def test_json_report_lists_related_locations() -> None:
    result = scan(
        ScanSettings(
            paths=(SOURCE / "plans" / "prod.tfplan.json",), root=SOURCE, source_dirs=(SOURCE / "infra",)
        )
    )
    data = json.loads(render(result, "json", ReportOptions()))
    assert_valid_report(data)
    related = {f["resource_id"]: f["related"] for f in data["findings"]}
    assert related["aws_ebs_volume.data[1]"][0]["file"] == "plans/prod.tfplan.json"
    assert related["aws_ebs_volume.imported"] == []


def test_pulumi_result_relates_the_program_line_that_declared_the_resource() -> None:
    program = FIXTURES / "pulumi"
    result = scan(ScanSettings(paths=(program / "program" / "preview.json",), root=program))
    log = json.loads(render(result, "sarif", ReportOptions()))
    assert_valid_sarif(log)
    related = {
        r["ruleId"]: [
            (
                item["physicalLocation"]["artifactLocation"]["uri"],
                item["physicalLocation"]["region"]["startLine"],
                item["message"]["text"],
            )
            for item in r.get("relatedLocations", [])
        ]
        for r in log["runs"][0]["results"]
    }
    assert related["ENC-EBS-001"] == [("program/index.ts", 7, "declared in the Pulumi program")]
