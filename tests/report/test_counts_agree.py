"""One answer in every output: text, JSON, SARIF, JUnit, the Markdown summary and the HTML audit report of
one scan count the same findings (rule x resource x attribute) and checks (rule x resource)."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from html import unescape
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from iacgate.cli import main

TODAY = "2026-03-01"
# pass, fail, undetermined, waived, below the threshold, and two findings in one check.
MIXED = """\
variable "enc" {
  type = bool
}

resource "aws_opensearch_domain" "two_findings" {
  domain_name = "two-findings"
  encrypt_at_rest {
    enabled = true
  }
  node_to_node_encryption {
    enabled = true
  }
  domain_endpoint_options {
    enforce_https       = false
    tls_security_policy = "Policy-Min-TLS-1-0-2019-07"
  }
}

resource "aws_ebs_volume" "failing" {
  availability_zone = "eu-west-1a"
  size              = 10
  encrypted         = false
}

resource "aws_ebs_volume" "waived" {
  availability_zone = "eu-west-1a"
  size              = 10
  encrypted         = false
}

resource "aws_ebs_volume" "unknown" {
  availability_zone = "eu-west-1a"
  size              = 10
  encrypted         = var.enc
}

resource "aws_ebs_volume" "encrypted" {
  availability_zone = "eu-west-1a"
  size              = 10
  encrypted         = true
}

resource "aws_sqs_queue" "below_threshold" {
  name                    = "below-threshold"
  sqs_managed_sse_enabled = false
}
"""
WAIVERS = """\
waivers:
  - rule: ENC-EBS-001
    resource: aws_ebs_volume.waived
    reason: replaced next quarter
    ticket: SEC-42
    approved_by: alice@example.com
    expires: 2026-06-01
"""
# Every output must give these numbers (each the ones it reports).
EXPECTED = {
    "findings": 6,
    "failed": 5,
    "undetermined": 1,
    "blocking": 3,
    "waived": 1,
    "checks": 8,
    "checks_passed": 3,
    "checks_failed": 4,
    "checks_undetermined": 1,
    "checks_blocking": 2,
}
SENTENCE = re.compile(
    r"(?P<checks>\d+) checks \(rule x resource\): (?P<checks_passed>\d+) passed, (?P<checks_failed>\d+) "
    r"failed, (?P<checks_undetermined>\d+) undetermined\. (?P<findings>\d+) findings \(rule x resource x "
    r"attribute\): (?P<failed>\d+) failed, (?P<undetermined>\d+) undetermined; (?P<blocking>\d+) blocking "
    r"the gate \(in (?P<checks_blocking>\d+) checks\), (?P<waived>\d+) waived\."
)


def _cli(*args: str) -> int:
    result = CliRunner().invoke(main, list(args), env={"IACGATE_TODAY": TODAY}, catch_exceptions=False)
    return result.exit_code


def _numbers(match: re.Match[str] | None) -> dict[str, int]:
    assert match is not None
    return {name: int(value) for name, value in match.groupdict().items()}


def _from_text(text: str) -> dict[str, int]:
    counts = _numbers(SENTENCE.search(" ".join(text.split())))
    total = re.search(r"^total\s+(\d+)\s+(\d+)\s+(\d+)$", text, re.MULTILINE)
    assert total is not None, text
    assert [int(value) for value in total.groups()] == [
        counts["failed"],
        counts["blocking"],
        counts["undetermined"],
    ]
    return counts


def _from_markdown(text: str) -> dict[str, int]:
    counts = _numbers(SENTENCE.search(text))
    total = re.search(
        r"^\| \*\*total\*\* \| \*\*(\d+)\*\* \| \*\*(\d+)\*\* \| \*\*(\d+)\*\* \|$", text, re.MULTILINE
    )
    assert total is not None, text
    assert [int(value) for value in total.groups()] == [
        counts["failed"],
        counts["blocking"],
        counts["undetermined"],
    ]
    blocking_table = re.search(r"### Blocking findings \((\d+)\)", text)
    assert blocking_table is not None and int(blocking_table.group(1)) == counts["blocking"]
    return counts


def _from_json(report: dict[str, Any]) -> dict[str, int]:
    summary, findings = report["summary"], report["findings"]
    checks = summary["checks"]
    counted = {
        "findings": summary["findings"],
        "failed": summary["by_status"]["fail"],
        "undetermined": summary["by_status"]["undetermined"],
        "blocking": summary["blocking"],
        "waived": summary["waived"],
        "checks": checks["total"],
        "checks_passed": checks["pass"],
        "checks_failed": checks["fail"],
        "checks_undetermined": checks["undetermined"],
        "checks_blocking": checks["blocking"],
    }
    # The summary counts what the lists hold.
    assert counted["findings"] == len(findings)
    assert (
        counted["blocking"] == report["gate"]["blocking"] == sum(1 for item in findings if item["blocking"])
    )
    assert counted["checks"] == len(report["checks"])
    return counted


def _from_sarif(log: dict[str, Any]) -> dict[str, int]:
    run = log["runs"][0]
    properties, results = run["properties"], run["results"]
    checks, findings = properties["checks"], properties["findings"]
    counted = {
        "findings": findings["total"],
        "failed": findings["fail"],
        "undetermined": findings["undetermined"],
        "blocking": findings["blocking"],
        "waived": findings["waived"],
        "checks": checks["total"],
        "checks_passed": checks["pass"],
        "checks_failed": checks["fail"],
        "checks_undetermined": checks["undetermined"],
        "checks_blocking": checks["blocking"],
    }
    assert counted["findings"] == len(results)
    assert counted["waived"] == sum(1 for result in results if result.get("suppressions"))
    assert counted["blocking"] == sum(1 for result in results if result["properties"].get("blocking"))
    # Per rule, the checks by outcome add up to the run's.
    per_rule = [rule["properties"].get("checks", {}) for rule in run["tool"]["driver"]["rules"]]
    assert sum(sum(item.values()) for item in per_rule) == counted["checks"]
    return counted


def _from_junit(text: str) -> dict[str, int]:
    root = ET.fromstring(text)
    properties: dict[str, int] = {}
    for prop in root.iter("property"):
        if prop.attrib["name"].startswith("iacgate.findings"):
            properties[prop.attrib["name"]] = properties.get(prop.attrib["name"], 0) + int(
                prop.attrib["value"]
            )
    return {
        "findings": properties["iacgate.findings"],
        "failed": properties["iacgate.findings.failed"],
        "undetermined": properties["iacgate.findings.undetermined"],
        "blocking": properties["iacgate.findings.blocking"],
        "waived": properties["iacgate.findings.waived"],
        # A testcase is a check; only a check holding a blocking finding is a failure.
        # Inputs that could not be evaluated are error testcases, not checks.
        "checks": int(root.attrib["tests"]) - int(root.attrib["errors"]),
        "checks_blocking": int(root.attrib["failures"]),
    }


def _from_html(page: str) -> dict[str, int]:
    text = " ".join(
        unescape(re.sub(r"<[^>]+>", " ", re.sub(r"<style.*?</style>", "", page, flags=re.S))).split()
    )
    checks = re.search(
        r"(\d+) checks \(rule x resource\): (\d+) passed, (\d+) failed, (\d+) undetermined; (\d+) with a "
        r"finding that blocks the gate",
        text,
    )
    findings = re.search(
        r"(\d+) findings \(rule x resource x attribute\): (\d+) failed, (\d+) undetermined; "
        r"(\d+) blocking the gate, (\d+) waived",
        text,
    )
    gate = re.search(r"(\d+) blocking findings in (\d+) checks", text)
    assert checks is not None and findings is not None and gate is not None, text
    assert gate.groups() == (findings.group(4), checks.group(5))
    numbers = [int(value) for value in (*checks.groups(), *findings.groups())]
    names = (
        *("checks", "checks_passed", "checks_failed", "checks_undetermined", "checks_blocking"),
        *("findings", "failed", "undetermined", "blocking", "waived"),
    )
    return dict(zip(names, numbers, strict=True))


def test_every_output_counts_the_same_findings_and_checks(tmp_path: Path) -> None:
    (tmp_path / "infra").mkdir()
    (tmp_path / "infra" / "main.tf").write_text(MIXED, encoding="utf-8")
    waivers = tmp_path / "waivers.yaml"
    waivers.write_text(WAIVERS, encoding="utf-8")
    # The rules the mixed fixture was written for: the customer-managed-key level added later (ENC-EBS-004,
    # ENC-OPENSEARCH-004, ENC-SQS-002) would change every expected number, not what is compared.
    rules = ("ENC-EBS-001", "ENC-OPENSEARCH-00[123]", "ENC-SQS-001")
    common = [str(tmp_path / "infra"), "--pack", "encryption", "--waivers", str(waivers), "--no-color"]
    common += [option for rule in rules for option in ("--rule", rule)]
    out = tmp_path / "out"
    out.mkdir()
    text, sarif, summary = out / "report.txt", out / "report.sarif", out / "summary.md"
    assert (
        _cli("scan", *common, "-o", str(text), "--sarif-output", str(sarif), "--summary-file", str(summary))
        == 1
    )
    assert _cli("scan", *common, "--format", "json", "-o", str(out / "report.json")) == 1
    assert _cli("scan", *common, "--format", "junit", "-o", str(out / "report.xml")) == 1
    assert _cli("report", str(sarif), "--html", str(out / "report.html")) == 0

    seen = {
        "text": _from_text(text.read_text(encoding="utf-8")),
        "json": _from_json(json.loads((out / "report.json").read_text(encoding="utf-8"))),
        "sarif": _from_sarif(json.loads(sarif.read_text(encoding="utf-8"))),
        "junit": _from_junit((out / "report.xml").read_text(encoding="utf-8")),
        "markdown": _from_markdown(summary.read_text(encoding="utf-8")),
        "html": _from_html((out / "report.html").read_text(encoding="utf-8")),
    }
    for name, counts in seen.items():
        assert counts == {key: EXPECTED[key] for key in counts}, name
    # The gate's own reason counts the same blocking findings.
    assert "3 findings at or above severity high" in text.read_text(encoding="utf-8")


def test_two_results_at_one_attribute_are_one_finding_of_one_check(tmp_path: Path) -> None:
    """ENC-OPENSEARCH-003 on a domain without domain_endpoint_options faults HTTPS and TLS at one path."""
    (tmp_path / "main.tf").write_text(
        'resource "aws_opensearch_domain" "bare" {\n  domain_name = "bare"\n}\n', encoding="utf-8"
    )
    report = tmp_path / "report.json"
    assert (
        _cli("scan", str(tmp_path), "--rule", "ENC-OPENSEARCH-003", "--format", "json", "-o", str(report))
        == 1
    )
    data = json.loads(report.read_text(encoding="utf-8"))
    [finding] = data["findings"]
    assert finding["rule_id"] == "ENC-OPENSEARCH-003"
    assert "accepts plain HTTP" in finding["message"] and "TLS older than 1.2" in finding["message"]
    assert data["summary"]["checks"] == {"pass": 0, "fail": 1, "undetermined": 0, "total": 1, "blocking": 1}


def test_a_bucket_no_trail_writes_to_gets_no_cloudtrail_check(tmp_path: Path) -> None:
    """LOG-CLOUDTRAIL-007 judges the trail's bucket only: any other bucket is not applicable, not passed."""
    (tmp_path / "main.tf").write_text(
        """\
resource "aws_s3_bucket" "trail" {
  bucket = "acme-trail"
}

resource "aws_s3_bucket" "data" {
  bucket = "acme-data"
}

resource "aws_cloudtrail" "main" {
  name           = "main"
  s3_bucket_name = aws_s3_bucket.trail.id
}
""",
        encoding="utf-8",
    )
    report = tmp_path / "report.json"
    _cli("scan", str(tmp_path), "--rule", "LOG-CLOUDTRAIL-007", "--format", "json", "-o", str(report))
    data = json.loads(report.read_text(encoding="utf-8"))
    checks = {(item["resource_id"], item["outcome"]) for item in data["checks"]}
    assert checks == {("aws_s3_bucket.trail", "fail")}
    assert [item["resource_id"] for item in data["findings"]] == ["aws_s3_bucket.trail"]


def test_an_undetermined_finding_in_a_failed_check_is_no_undecided_check(tmp_path: Path) -> None:
    """The check fails (TLS 1.0) although HTTPS is unknown: the gate must not call it undecided."""
    (tmp_path / "main.tf").write_text(
        """\
variable "https" {
  type = bool
}

resource "aws_opensearch_domain" "mixed" {
  domain_name = "mixed"
  domain_endpoint_options {
    enforce_https       = var.https
    tls_security_policy = "Policy-Min-TLS-1-0-2019-07"
  }
}
""",
        encoding="utf-8",
    )
    report = tmp_path / "report.json"
    command = ("scan", str(tmp_path), "--rule", "ENC-OPENSEARCH-003", "--format", "json", "-o", str(report))
    assert _cli(*command) == 1
    data = json.loads(report.read_text(encoding="utf-8"))
    assert sorted(item["status"] for item in data["findings"]) == ["fail", "undetermined"]
    assert data["summary"]["checks"] == {"pass": 0, "fail": 1, "undetermined": 0, "total": 1, "blocking": 1}
    assert data["gate"]["reasons"] == ["1 finding at or above severity high"]
