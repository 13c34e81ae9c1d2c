"""``--format junit`` as a CI test tab reads it: one suite per pack, one testcase per check, failures
exactly for what blocks the gate, waived and undetermined checks skipped, parse errors as errors."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from click.testing import CliRunner

from iacgate.cli import main
from iacgate.report import REPORTERS, render
from iacgate.severity import Severity
from report.support import mixed_graph, parse_error, scan_result

VOLUMES = """\
resource "aws_ebs_volume" "ledger" {
  availability_zone = "eu-west-1a"
  size              = 10
  encrypted         = false
}
resource "aws_ebs_volume" "other" {
  availability_zone = "eu-west-1a"
  size              = 10
  encrypted         = false
}
"""
WAIVERS = """\
waivers:
  - rule: ENC-EBS-001
    resource: aws_ebs_volume.ledger
    reason: legacy <volume> & "quoted" reason
    ticket: SEC-42
    approved_by: alice@example.com
    expires: 2026-06-01
"""


def counts(element: ET.Element) -> tuple[str, ...]:
    return tuple(element.attrib[name] for name in ("tests", "failures", "errors", "skipped"))


def cases(root: ET.Element) -> dict[str, ET.Element]:
    return {case.attrib["name"]: case for case in root.iter("testcase")}


def test_junit_is_registered_as_a_format() -> None:
    assert "junit" in REPORTERS


def test_one_suite_per_pack_and_failures_only_for_blocking_checks(tmp_path: Path) -> None:
    result = scan_result([mixed_graph()], tmp_path, [parse_error()])
    root = ET.fromstring(render(result, "junit"))
    assert root.tag == "testsuites"
    suites = {suite.attrib["name"]: suite for suite in root.iter("testsuite")}
    assert set(suites) == {"encryption", "iacgate"}
    encryption = suites["encryption"]
    assert counts(encryption) == ("3", "1", "0", "1")
    by_name = cases(encryption)
    assert set(by_name) == {
        "ENC-EBS-001 aws_ebs_volume.ledger",
        "ENC-EBS-001 aws_ebs_volume.scratch",
        "ENC-EBS-001 aws_ebs_volume.pending",
    }
    ledger = by_name["ENC-EBS-001 aws_ebs_volume.ledger"]
    assert ledger.attrib["classname"] == "encryption.ENC-EBS-001"
    assert ledger.attrib["file"] == "stacks/prod/plan.json" and ledger.attrib["line"] == "12"
    failure = ledger.find("failure")
    assert failure is not None and failure.attrib["type"] == "high"
    assert failure.attrib["message"].startswith("stacks/prod/plan.json:12: ")
    assert list(by_name["ENC-EBS-001 aws_ebs_volume.scratch"]) == []  # a pass has no children
    skipped = by_name["ENC-EBS-001 aws_ebs_volume.pending"].find("skipped")
    assert skipped is not None and skipped.attrib["message"].startswith("undetermined")
    (error_case,) = suites["iacgate"].iter("testcase")
    error = error_case.find("error")
    assert error is not None and "stacks/dev/plan.json" in error.attrib["message"]
    assert suites["iacgate"].attrib["errors"] == "1"
    assert counts(root) == ("4", "1", "1", "1")


def test_findings_below_fail_on_pass_and_say_why(tmp_path: Path) -> None:
    result = scan_result([mixed_graph()], tmp_path, fail_on=Severity.CRITICAL)
    root = ET.fromstring(render(result, "junit"))
    assert root.attrib["failures"] == "0"
    ledger = cases(root)["ENC-EBS-001 aws_ebs_volume.ledger"]
    out = ledger.find("system-out")
    assert out is not None and out.text is not None
    assert "not blocking, below the gate's --fail-on severity critical" in out.text


def test_waived_check_is_skipped_with_the_waiver_as_properties(tmp_path: Path) -> None:
    (tmp_path / "main.tf").write_text(VOLUMES, encoding="utf-8")
    (tmp_path / "iacgate-waivers.yaml").write_text(WAIVERS, encoding="utf-8")
    output = tmp_path / "junit.xml"
    run = CliRunner().invoke(
        main,
        [
            "scan",
            "--pack",
            "encryption",
            "--rule",
            "ENC-EBS-001",
            "--format",
            "junit",
            "-o",
            str(output),
            str(tmp_path),
            "--waivers",
            str(tmp_path / "iacgate-waivers.yaml"),
        ],
        env={"IACGATE_TODAY": "2026-03-02"},
    )
    assert run.exit_code == 1, run.output  # "other" is not waived and still blocks
    root = ET.parse(output).getroot()
    by_name = cases(root)
    ledger = by_name["ENC-EBS-001 aws_ebs_volume.ledger"]
    assert ledger.find("failure") is None
    skipped = ledger.find("skipped")
    assert skipped is not None
    assert skipped.attrib["message"].startswith('waived: legacy <volume> & "quoted" reason (approved by')
    properties = {item.attrib["name"]: item.attrib["value"] for item in ledger.iter("property")}
    assert properties == {
        "waiver.kind": "external",
        "waiver.reason": 'legacy <volume> & "quoted" reason',
        "waiver.approver": "alice@example.com",
        "waiver.ticket": "SEC-42",
        "waiver.expires": "2026-06-01",
        "waiver.source": "iacgate-waivers.yaml:2",
    }
    # JUnit readers expect properties before the outcome element.
    assert [child.tag for child in ledger] == ["properties", "skipped"]
    assert by_name["ENC-EBS-001 aws_ebs_volume.other"].find("failure") is not None
    suite = next(s for s in root.iter("testsuite") if s.attrib["name"] == "encryption")
    assert (suite.attrib["tests"], suite.attrib["failures"], suite.attrib["skipped"]) == ("2", "1", "1")
    raw = output.read_text(encoding="utf-8")
    assert "&lt;volume&gt; &amp; &quot;quoted&quot;" in raw


def test_control_characters_cannot_break_the_xml(tmp_path: Path) -> None:
    result = scan_result([mixed_graph(file="stacks/\x07bell/plan.json")], tmp_path)
    text = render(result, "junit")
    root = ET.fromstring(text)  # would raise on a raw U+0007
    assert "stacks/\ufffdbell/plan.json" in {case.attrib.get("file") for case in root.iter("testcase")}
