"""The gate: a pure function from findings and notifications to a decision, an exit code and its reasons."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from iacgate.findings import Finding
from iacgate.notifications import Notification
from iacgate.severity import Severity

EXIT_PASSED = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_UNEVALUABLE = 3


@dataclass(frozen=True)
class GatePolicy:
    fail_on: Severity = Severity.HIGH


@dataclass(frozen=True)
class GateDecision:
    passed: bool
    exit_code: int
    reasons: tuple[str, ...]
    blocking: tuple[Finding, ...] = ()
    fail_on: Severity = Severity.HIGH


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def decide(
    findings: Sequence[Finding], notifications: Sequence[Notification], policy: GatePolicy
) -> GateDecision:
    errors = [notification for notification in notifications if notification.level == "error"]
    blocking = tuple(
        finding
        for finding in findings
        if finding.status == "fail" and finding.severity.rank >= policy.fail_on.rank
    )
    undetermined = [finding for finding in findings if finding.status == "undetermined"]
    reasons: list[str] = []
    if errors:
        reasons.append(f"{_plural(len(errors), 'input')} could not be evaluated; the gate fails closed")
    if blocking:
        reasons.append(f"{_plural(len(blocking), 'finding')} at or above severity {policy.fail_on.value}")
    if undetermined:
        reasons.append(
            f"{_plural(len(undetermined), 'check')} could not be decided (values unknown until apply); "
            "reported for review, not blocking"
        )
    if errors:
        return GateDecision(False, EXIT_UNEVALUABLE, tuple(reasons), blocking, policy.fail_on)
    if blocking:
        return GateDecision(False, EXIT_FAILED, tuple(reasons), blocking, policy.fail_on)
    below = sum(1 for finding in findings if finding.status == "fail")
    if below:
        reasons.insert(0, f"{_plural(below, 'finding')} below severity {policy.fail_on.value}")
    else:
        reasons.insert(0, "no findings")
    return GateDecision(True, EXIT_PASSED, tuple(reasons), blocking, policy.fail_on)
