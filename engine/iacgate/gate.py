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
    """``override_soft`` lets soft-mandatory findings pass (recorded in the reasons); ``fail_on_new_only``
    lets only findings that are new against the baseline fail; ``fail_on_undetermined`` makes undetermined
    checks block like failures."""

    fail_on: Severity = Severity.HIGH
    override_soft: bool = False
    fail_on_new_only: bool = False
    # Undetermined checks (a value unknown until apply) at or above fail_on block too: unknowns fail closed.
    fail_on_undetermined: bool = False


@dataclass(frozen=True)
class GateDecision:
    passed: bool
    exit_code: int
    reasons: tuple[str, ...]
    blocking: tuple[Finding, ...] = ()
    fail_on: Severity = Severity.HIGH


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def _exemptions(findings: Sequence[Finding], policy: GatePolicy) -> tuple[set[int], list[str]]:
    """Findings at or above the threshold that still do not block, and one reason per kind of exemption.

    Checked in this order, each finding counted once: waived (or approved), advisory, soft-mandatory
    overridden, already in the baseline. Counted at every severity, so the reasons account for every
    finding."""
    kinds = ("waived", "approved", "advisory", "soft", "baseline")
    groups: dict[str, list[Finding]] = {kind: [] for kind in kinds}
    for finding in findings:
        if finding.suppression is not None:
            groups["approved" if finding.suppression.approved else "waived"].append(finding)
        elif finding.enforcement == "advisory":
            groups["advisory"].append(finding)
        elif finding.enforcement == "soft-mandatory" and policy.override_soft:
            groups["soft"].append(finding)
        elif policy.fail_on_new_only and finding.baseline_state not in (None, "new"):
            groups["baseline"].append(finding)
    reasons = []
    if groups["waived"]:
        reasons.append(f"{_plural(len(groups['waived']), 'finding')} waived")
    if groups["approved"]:
        reasons.append(f"{_plural(len(groups['approved']), 'flagged change')} approved (approvals file)")
    if groups["advisory"]:
        reasons.append(f"{_plural(len(groups['advisory']), 'advisory finding')} reported, not blocking")
    if groups["soft"]:
        reasons.append(
            f"{_plural(len(groups['soft']), 'soft-mandatory finding')} overridden by --override-soft"
        )
    if groups["baseline"]:
        reasons.append(
            f"{_plural(len(groups['baseline']), 'finding')} already in the baseline, "
            "not blocking (--fail-on-new-only)"
        )
    return {id(finding) for group in groups.values() for finding in group}, reasons


def _checks(findings: Sequence[Finding]) -> int:
    """How many checks (rule x resource) ``findings`` are in."""
    return len({(finding.unit, finding.rule_id, finding.resource_id) for finding in findings})


def _undecided(undetermined: Sequence[Finding], failing: Sequence[Finding]) -> int:
    """Checks whose outcome is undetermined: an undetermined finding and no failing one."""
    keys = {(finding.unit, finding.rule_id, finding.resource_id) for finding in failing}
    return len({(f.unit, f.rule_id, f.resource_id) for f in undetermined} - keys)


def decide(
    findings: Sequence[Finding],
    notifications: Sequence[Notification],
    policy: GatePolicy,
    unresolved_modules: int = 0,
) -> GateDecision:
    """``unresolved_modules``: module calls whose resources were never judged; under
    ``fail_on_undetermined`` they block like undetermined checks."""
    errors = [notification for notification in notifications if notification.level == "error"]
    failing = [finding for finding in findings if finding.status == "fail"]
    undetermined = [finding for finding in findings if finding.status == "undetermined"]
    judged = failing + undetermined if policy.fail_on_undetermined else failing
    exempt, excused = _exemptions(judged, policy)
    blocking = tuple(
        finding
        for finding in judged
        if finding.severity.rank >= policy.fail_on.rank and id(finding) not in exempt
    )
    blocking_failures = sum(1 for finding in blocking if finding.status == "fail")
    # Undetermined findings are reported by the checks they are in (one check can hold several).
    blocking_unknown = _checks([finding for finding in blocking if finding.status == "undetermined"])
    reasons: list[str] = []
    if errors:
        reasons.append(f"{_plural(len(errors), 'input')} could not be evaluated; the gate fails closed")
    if blocking_failures:
        reasons.append(f"{_plural(blocking_failures, 'finding')} at or above severity {policy.fail_on.value}")
    if blocking_unknown:
        reasons.append(
            f"{_plural(blocking_unknown, 'undetermined check')} at or above severity {policy.fail_on.value} "
            "(--fail-on-undetermined: values unknown until apply fail closed)"
        )
    unresolved_block = policy.fail_on_undetermined and unresolved_modules > 0
    if unresolved_block:
        reasons.append(
            f"{unresolved_modules} module call{'s' if unresolved_modules > 1 else ''} or nested "
            f"stack{'s' if unresolved_modules > 1 else ''} not resolved, so not judged "
            "(--fail-on-undetermined: unknowns fail closed)"
        )
    reasons.extend(excused)
    undecided = _undecided(undetermined, failing)
    if undecided and not policy.fail_on_undetermined:
        reasons.append(
            f"{_plural(undecided, 'check')} could not be decided (values unknown until apply); "
            "reported for review, not blocking"
        )
    if errors:
        return GateDecision(False, EXIT_UNEVALUABLE, tuple(reasons), blocking, policy.fail_on)
    if blocking or unresolved_block:
        return GateDecision(False, EXIT_FAILED, tuple(reasons), blocking, policy.fail_on)
    below = sum(1 for finding in judged if id(finding) not in exempt)
    if below:
        reasons.insert(0, f"{_plural(below, 'finding')} below severity {policy.fail_on.value}")
    elif not excused:
        reasons.insert(0, "no findings")
    return GateDecision(True, EXIT_PASSED, tuple(reasons), blocking, policy.fail_on)
