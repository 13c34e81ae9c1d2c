"""Plan hygiene (#18 §3): drifted resources whose real state fails a rule because of the drift, and plans
that hold only part of the change (-target, errored planning, errored checks) marked partial."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from iacgate.api import ScanSettings, scan
from iacgate.cli import main
from iacgate.parsers.tfplan import partial_reasons
from report.support import assert_valid_report, assert_valid_sarif
from report.test_audit_html import Page

ROOT = Path(__file__).resolve().parents[3]
DRIFT = ROOT.parent / "shared" / "corpus" / "tfplan" / "regula__cloudtrail_resource_drift_tf1.1.json"
NO_CORPUS = pytest.mark.skipif(not DRIFT.is_file(), reason=f"shared corpus not present at {DRIFT}")
TARGET = ROOT / "fixtures" / "parsers" / "tfplan" / "terraform-data-target-tf1.11.tfplan.json"


def drifted_plan(tmp_path: Path, before: bool, after: bool) -> Path:
    document = json.loads(DRIFT.read_text(encoding="utf-8"))
    for entry in document["resource_drift"]:
        if entry["address"] == "aws_cloudtrail.cloudtrail":
            entry["change"]["before"]["enable_log_file_validation"] = before
            entry["change"]["after"]["enable_log_file_validation"] = after
    path = tmp_path / "drift.tfplan.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def drift_findings(path: Path) -> list[tuple[str, str, str]]:
    result = scan(ScanSettings(paths=(path,), packs=("audit-logging", "encryption")))
    return [
        (finding.rule_id, finding.resource_id, finding.message)
        for finding in result.findings
        if finding.unit.endswith("(drift)")
    ]


@NO_CORPUS
def test_drift_that_turns_a_control_off_is_a_finding_of_the_real_infrastructure(tmp_path: Path) -> None:
    (found,) = drift_findings(drifted_plan(tmp_path, before=True, after=False))
    assert found[:2] == ("LOG-CLOUDTRAIL-002", "aws_cloudtrail.cloudtrail")
    assert found[2].endswith(
        "(drift: the real infrastructure, changed outside Terraform, fails this; in the state, "
        "enable_log_file_validation was true)"
    )


@NO_CORPUS
def test_drift_the_packs_do_not_care_about_reports_nothing_twice(tmp_path: Path) -> None:
    # The corpus plan's drift is provider noise (tags null -> {}): the plan's own unit judges the rest.
    assert drift_findings(DRIFT) == []
    assert drift_findings(drifted_plan(tmp_path, before=False, after=False)) == []


def test_a_targeted_plan_is_marked_partial_in_every_output(tmp_path: Path) -> None:
    # A genuine `terraform plan -target=terraform_data.updated` of Terraform 1.11.4.
    sarif = tmp_path / "out.sarif"
    run = CliRunner().invoke(main, ["scan", "--format", "json", "--sarif-output", str(sarif), str(TARGET)])
    data = json.loads(run.output)
    assert_valid_report(data)
    reason = "the plan is not complete (complete: false: made with -target, or changes deferred)"
    shown = TARGET.relative_to(Path.cwd()).as_posix() if TARGET.is_relative_to(Path.cwd()) else TARGET.name
    assert data["partial"] == [{"file": shown, "reasons": [reason]}]
    assert any(n["message"].startswith(f"partial input: {reason}") for n in data["notifications"])
    log = json.loads(sarif.read_text(encoding="utf-8"))
    assert_valid_sarif(log)
    assert log["runs"][0]["properties"]["partial"] == data["partial"]
    text = CliRunner().invoke(main, ["scan", str(TARGET)]).output
    assert "partial input: the plan is not complete" in " ".join(text.split())


def test_a_partial_plan_says_so_and_why_in_the_summary_of_every_output(tmp_path: Path) -> None:
    summary, sarif, html = tmp_path / "summary.md", tmp_path / "out.sarif", tmp_path / "report.html"
    plan = tmp_path / "target.tfplan.json"
    plan.write_bytes(TARGET.read_bytes())
    sentence = (
        "target.tfplan.json holds only part of the change (the plan is not complete (complete: false: made "
        "with -target, or changes deferred)): the gate judged only what it holds."
    )
    options = ["scan", "--summary-file", str(summary), "--sarif-output", str(sarif), str(plan)]
    text = " ".join(CliRunner().invoke(main, options).output.split())
    # After the counts, before the gate's verdict: where a reader of the summary looks.
    assert f"Partial input: {sentence} Gate " in text
    quiet = CliRunner().invoke(main, ["scan", "-q", str(plan)]).output
    assert "target.tfplan.json is a partial input" in quiet
    markdown = summary.read_text(encoding="utf-8")
    assert (
        "> **Partial input:** target.tfplan.json holds only part of the change \\(the plan is not" in markdown
    )
    junit = CliRunner().invoke(main, ["scan", "--format", "junit", str(plan)]).output
    assert '<property name="iacgate.partial target.tfplan.json" value="the plan is not complete' in junit
    assert CliRunner().invoke(main, ["report", str(sarif), "--html", str(html)]).exit_code == 0
    page = " ".join(Page(html.read_text(encoding="utf-8")).text.split())
    assert f"Partial input {sentence}" in page
    assert "partial input: target.tfplan.json" in page  # in the gate's box too


def test_errored_plans_and_checks_are_partial_a_complete_plan_is_not() -> None:
    assert partial_reasons({"complete": True, "errored": False}) == ()
    assert partial_reasons({}) == ()
    reasons = partial_reasons({
        "errored": True,
        "checks": [
            {"address": {"to_display": "check.health"}, "status": "error"},
            {"address": {"to_display": "check.ok"}, "status": "pass"},
            {"address": {"to_display": "check.later"}, "status": "unknown"},
        ],
    })  # fmt: skip
    assert reasons == (
        "planning errored (errored: true): the plan holds only what was planned before",
        "checks errored: check.health",
    )
