"""The gate decides from findings and notifications alone, and fails closed on unreadable input."""

from __future__ import annotations

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
