"""The gate decides from findings and notifications alone, and fails closed on unreadable input."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from iacgate.cli import main
from iacgate.findings import Finding
from iacgate.gate import GatePolicy, decide
from iacgate.notifications import Notification
from iacgate.severity import Severity


def finding(severity: Severity, status: str = "fail") -> Finding:
    return Finding(
        rule_id="R-1",
        pack="p",
        title="t",
        severity=severity,
        status=status,  # type: ignore[arg-type]
        resource_id="aws_x.y",
        resource_type="aws_x",
        native_type="aws_x",
        format="terraform-plan",
        file="plan.json",
        line=3,
        end_line=3,
        path=("a",),
        message="m",
        fingerprint="f",
    )


def test_findings_below_the_threshold_pass() -> None:
    decision = decide([finding(Severity.MEDIUM)], [], GatePolicy(Severity.HIGH))
    assert (decision.passed, decision.exit_code) == (True, 0)
    assert decision.reasons[0] == "1 finding below severity high"


def test_findings_at_the_threshold_fail() -> None:
    decision = decide([finding(Severity.HIGH), finding(Severity.LOW)], [], GatePolicy(Severity.HIGH))
    assert (decision.passed, decision.exit_code, len(decision.blocking)) == (False, 1, 1)


def test_a_lower_threshold_catches_more() -> None:
    assert decide([finding(Severity.LOW)], [], GatePolicy(Severity.LOW)).exit_code == 1


def test_undetermined_checks_are_reported_but_do_not_block() -> None:
    decision = decide([finding(Severity.CRITICAL, "undetermined")], [], GatePolicy())
    assert decision.passed
    assert any("could not be decided" in reason for reason in decision.reasons)


def test_an_unparseable_file_fails_closed_even_without_findings() -> None:
    decision = decide([], [Notification("error", "invalid JSON", "plan.json", 3, 4)], GatePolicy())
    assert (decision.passed, decision.exit_code) == (False, 3)
    assert "fails closed" in decision.reasons[0]


def test_warnings_alone_do_not_fail() -> None:
    assert decide([], [Notification("warning", "duplicate")], GatePolicy()).passed


def test_fail_on_undetermined_blocks_unknowns_at_the_threshold() -> None:
    policy = GatePolicy(Severity.HIGH, fail_on_undetermined=True)
    decision = decide(
        [finding(Severity.HIGH, "undetermined"), finding(Severity.LOW, "undetermined")], [], policy
    )
    assert (decision.passed, decision.exit_code, len(decision.blocking)) == (False, 1, 1)
    assert decision.reasons[0].startswith("1 undetermined check at or above severity high")


def test_fail_on_undetermined_from_the_command_line_and_config(tmp_path: Path) -> None:
    # encrypted comes from a variable without a value: the check is undetermined, never a pass.
    (tmp_path / "main.tf").write_text(
        'variable "encrypted" {}\n'
        'resource "aws_ebs_volume" "v" {\n  availability_zone = "eu-west-1a"\n  size = 1\n'
        "  encrypted = var.encrypted\n}\n",
        encoding="utf-8",
    )
    runner = CliRunner()
    base = ["scan", "--pack", "encryption", "--rule", "ENC-EBS-001", "--format", "json", str(tmp_path)]
    relaxed = runner.invoke(main, base)
    assert relaxed.exit_code == 0, relaxed.output
    report = json.loads(relaxed.output)
    assert [f["status"] for f in report["findings"]] == ["undetermined"]
    strict = runner.invoke(main, [*base, "--fail-on-undetermined"])
    assert strict.exit_code == 1
    gate = json.loads(strict.output)["gate"]
    assert gate["fail_on_undetermined"] is True and gate["blocking"] == 1
    # A config found in the tree may ask for it: it only tightens the gate.
    (tmp_path / "iacgate.yaml").write_text("fail_on_undetermined: true\n", encoding="utf-8")
    assert runner.invoke(main, base).exit_code == 1
