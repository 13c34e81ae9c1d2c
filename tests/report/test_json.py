"""The JSON report: one documented shape (schemas/report.schema.json) other tools can rely on."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click
import pytest

from iacgate.cli import scan_command
from iacgate.report import REPORTERS, ReportOptions, render, render_json
from iacgate.severity import Severity
from report.support import (
    assert_valid_report,
    assert_valid_sarif,
    mixed_graph,
    module_warning,
    parse_error,
    scan_result,
)


def report_of(*args: Any, **kwargs: Any) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(render_json(*args, **kwargs))
    assert_valid_report(data)
    return data


def test_findings_carry_everything_a_tool_needs(tmp_path: Path) -> None:
    result = scan_result([mixed_graph()], tmp_path)
    data = report_of(result)
    assert data["schema_version"] == 1
    assert data["tool"]["name"] == "iacgate" and data["tool"]["engine"] == "embedded"
    assert data["root"] == str(tmp_path)
    ledger = next(f for f in data["findings"] if f["resource_id"] == "aws_ebs_volume.ledger")
    assert ledger == {
        "rule_id": "ENC-EBS-001",
        "pack": "encryption",
        "title": "EBS volumes are encrypted at rest",
        "severity": "high",
        "status": "fail",
        "blocking": True,
        "resource_id": "aws_ebs_volume.ledger",
        "resource_type": "aws_ebs_volume",
        "native_type": "aws_ebs_volume",
        "format": "terraform-plan",
        "file": "stacks/prod/plan.json",
        "line": 12,
        "end_line": 12,
        "attribute": "encrypted",
        "native_attribute": "encrypted",
        "message": ledger["message"],
        "remediation": "Set encrypted = true, and kms_key_id to a customer-managed key.",
        "fingerprint": result.findings[0].fingerprint,
        "unit": "stacks/prod/plan.json",
        "related": [],
        "enforcement": "hard-mandatory",
        "suppression": None,
        "waiver_expired": None,
        "baseline_state": None,
    }
    assert "not encrypted" in ledger["message"]
    pending = next(f for f in data["findings"] if f["resource_id"] == "aws_ebs_volume.pending")
    assert (pending["status"], pending["blocking"]) == ("undetermined", False)


def test_summary_counts_what_was_checked_not_only_what_failed(tmp_path: Path) -> None:
    data = report_of(scan_result([mixed_graph()], tmp_path))
    summary = data["summary"]
    assert summary["by_severity"] == {"critical": 0, "high": 1, "medium": 0, "low": 0}
    assert summary["by_status"] == {"fail": 1, "undetermined": 1}
    assert summary["checks"] == {"pass": 1, "fail": 1, "undetermined": 1, "total": 3, "blocking": 1}
    assert (summary["findings"], summary["resources"], summary["files"]) == (2, 3, 1)
    assert summary["rules"] == sum(pack["rules"] for pack in data["packs"]) >= 1
    outcomes = {(c["resource_id"], c["outcome"]) for c in data["checks"] if c["rule_id"] == "ENC-EBS-001"}
    assert outcomes == {
        ("aws_ebs_volume.ledger", "fail"),
        ("aws_ebs_volume.scratch", "pass"),
        ("aws_ebs_volume.pending", "undetermined"),
    }
    assert data["scanned_files"] == [
        {"path": "stacks/prod/plan.json", "format": "terraform-plan", "resources": 3}
    ]


def test_gate_and_notifications(tmp_path: Path) -> None:
    warning = module_warning()
    broken = parse_error()
    data = report_of(scan_result([mixed_graph()], tmp_path, notifications=[warning, broken]))
    assert data["gate"]["passed"] is False
    assert data["gate"]["exit_code"] == 3
    assert data["gate"]["fail_on"] == "high"
    assert data["gate"]["blocking"] == 1
    assert data["notifications"] == [
        {
            "level": "error",
            "message": "expected a value",
            "file": "stacks/dev/plan.json",
            "line": 2,
            "column": 5,
        },
        {
            "level": "warning",
            "message": "module source not found",
            "file": "stacks/prod/main.tf",
            "line": 7,
            "column": None,
        },
    ]


def test_the_threshold_comes_from_the_gate_decision(tmp_path: Path) -> None:
    data = report_of(scan_result([mixed_graph()], tmp_path, fail_on=Severity.CRITICAL))
    assert data["gate"]["fail_on"] == "critical"
    assert (data["gate"]["passed"], data["gate"]["exit_code"], data["gate"]["blocking"]) == (True, 0, 0)


def test_the_report_schema_rejects_a_wrong_shape(tmp_path: Path) -> None:
    data = report_of(scan_result([mixed_graph()], tmp_path))
    data["findings"][0]["severity"] = "severe"
    del data["summary"]["checks"]["total"]
    with pytest.raises(AssertionError, match=r"(?s)severe.*total|total.*severe"):
        assert_valid_report(data)


def test_every_cli_format_has_a_reporter_and_every_reporter_renders(tmp_path: Path) -> None:
    (choice,) = [p for p in scan_command.params if p.name == "output_format"]
    assert isinstance(choice.type, click.Choice)
    assert set(REPORTERS) == set(choice.type.choices)
    result = scan_result([mixed_graph()], tmp_path)
    for name in REPORTERS:
        text = render(result, name, ReportOptions(category="ci/test"))
        assert "ENC-EBS-001" in text
        if name == "sarif":
            assert_valid_sarif(json.loads(text))
        elif name == "json":
            assert_valid_report(json.loads(text))
