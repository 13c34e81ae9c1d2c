"""Counts every report shows, computed once so the text, JSON and SARIF reports cannot disagree."""

from __future__ import annotations

import hashlib
import posixpath
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from iacgate.api import ScanResult
from iacgate.approvals import Approval
from iacgate.evaluate.base import Outcome
from iacgate.parsers.base import UnresolvedModule
from iacgate.severity import Severity

# Most severe first: the order people read a summary in.
SEVERITY_ORDER: tuple[Severity, ...] = tuple(sorted(Severity, key=lambda severity: -severity.rank))
OUTCOMES: tuple[Outcome, ...] = ("pass", "fail", "undetermined")
STATUSES: tuple[str, ...] = ("fail", "undetermined")
LEVEL_ORDER = {"error": 0, "warning": 1, "note": 2}

TOOL_NAME = "iacgate"
# No public home page is published in the package metadata yet; one place to change when there is.


@dataclass(frozen=True)
class Summary:
    """The counts every output reports, defined once.

    A **check** is one rule applied to one resource it concerns (rule x resource), with one outcome:
    ``pass``, ``fail`` or ``undetermined``. A resource the rule does not concern gets no check at all
    (not applicable is never a pass).
    A **finding** is one violation: rule x resource x attribute path. A failed check has one finding or
    more (a rule can fault several attributes of one resource); an undetermined check has only
    undetermined findings; a passed check has none. Waivers, thresholds and the baseline decide which
    findings block the gate; they never change a count of findings or checks.

    ``by_severity`` counts failing findings only; undetermined ones are in ``by_status``.
    ``blocking_by_severity`` counts every finding that blocks the gate (undetermined ones too under
    ``--fail-on-undetermined``); ``blocking_checks`` the checks holding one (JUnit ``failures``).
    """

    by_severity: Mapping[Severity, int]
    undetermined_by_severity: Mapping[Severity, int]
    blocking_by_severity: Mapping[Severity, int]
    by_status: Mapping[str, int]
    checks: Mapping[Outcome, int]
    resources: int
    rules: int
    files: int
    # Resources no rule applied to, by type in the scanned format (coverage an auditor must see).
    unjudged: Mapping[str, int] = field(default_factory=dict)
    # Module calls never read (not installed, outside the readable paths): their resources are unjudged.
    unresolved: tuple[UnresolvedModule, ...] = ()

    # Checks with at least one finding that blocks the gate, and findings a waiver covers.
    blocking_checks: int = 0
    waived: int = 0
    # Of the waived findings, those an approval of a flagged change covers (approvals.py).
    approved: int = 0

    @property
    def blocking(self) -> int:
        return sum(self.blocking_by_severity.values())

    @property
    def unjudged_total(self) -> int:
        return sum(self.unjudged.values())

    @property
    def findings(self) -> int:
        return sum(self.by_status.values())

    @property
    def check_total(self) -> int:
        return sum(self.checks.values())


def summarize(result: ScanResult) -> Summary:
    def per_severity(status: str, blocking_only: bool = False) -> dict[Severity, int]:
        """Findings of ``status`` per severity; ``blocking_only``: every finding that blocks the gate
        (undetermined ones too under --fail-on-undetermined), whatever ``status`` says."""
        pool = result.decision.blocking if blocking_only else result.findings
        counts = dict.fromkeys(SEVERITY_ORDER, 0)
        for finding in pool:
            if blocking_only or finding.status == status:
                counts[finding.severity] += 1
        return counts

    checks = dict.fromkeys(OUTCOMES, 0)
    for check in result.evaluation.checks:
        checks[check.outcome] += 1
    by_status = dict.fromkeys(STATUSES, 0)
    for finding in result.findings:
        by_status[finding.status] += 1
    return Summary(
        by_severity=per_severity("fail"),
        undetermined_by_severity=per_severity("undetermined"),
        blocking_by_severity=per_severity("fail", blocking_only=True),
        by_status=by_status,
        checks=checks,
        resources=result.resource_count,
        rules=len(result.rules.rules),
        files=len(result.files),
        unjudged=result.unjudged_by_type,
        blocking_checks=len(
            {(finding.unit, finding.rule_id, finding.resource_id) for finding in result.decision.blocking}
        ),
        waived=sum(1 for finding in result.findings if finding.suppression is not None),
        approved=sum(1 for f in result.findings if f.suppression is not None and f.suppression.approved),
        unresolved=result.unresolved_modules,
    )


def _count(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def checks_text(summary: Summary) -> str:
    """Checks by outcome, in the words every human-readable output uses."""
    checks = summary.checks
    return (
        f"{_count(summary.check_total, 'check')} (rule x resource): {checks['pass']} passed, "
        f"{checks['fail']} failed, {checks['undetermined']} undetermined"
    )


def findings_text(summary: Summary) -> str:
    """Findings by status and what the gate made of them, naming the checks the blocking ones are in."""
    blocking = f"{summary.blocking} blocking the gate"
    if summary.blocking:
        blocking += f" (in {_count(summary.blocking_checks, 'check')})"
    return (
        f"{_count(summary.findings, 'finding')} (rule x resource x attribute): "
        f"{summary.by_status['fail']} failed, {summary.by_status['undetermined']} undetermined; "
        f"{blocking}, {summary.waived - summary.approved} waived"
        + (f", {summary.approved} approved" if summary.approved else "")
    )


def partial_lines(result: ScanResult) -> list[str]:
    """One sentence per input holding only part of the change (-target, errored planning or checks)."""
    return [
        f"Partial input: {item.file} holds only part of the change ({'; '.join(item.reasons)}): "
        "the gate judged only what it holds."
        for item in result.partial
    ]


def partial_text(result: ScanResult) -> str:
    return " ".join(partial_lines(result))


def approval_text(approval: Approval) -> str:
    """An approval as people read it: what it approves, who approved it, the ticket and the expiry."""
    rule = f" ({approval.rule})" if approval.rule else ""
    return (
        f"{approval.action} of {approval.resource}{rule}, approved by {', '.join(approval.approvers)}, "
        f"ticket {approval.ticket}, expires {approval.expires.isoformat()} "
        f"({approval.source}:{approval.line})"
    )


def approvals_text(result: ScanResult) -> str:
    """How many flagged changes approvals cover and which approvals are stale, or "" without approvals."""
    if result.approvals_file is None and not result.approved and not result.stale_approvals:
        return ""
    findings = _count(len(result.approved), "flagged change")
    used = len({item.approval for item in result.approved})
    line = f"Approvals ({result.approvals_file}): {findings} approved by {_count(used, 'approval')}."
    if result.stale_approvals:
        stale = "; ".join(approval_text(approval) for approval in result.stale_approvals)
        line += (
            f" {_count(len(result.stale_approvals), 'stale approval')}, matching nothing this change "
            f"does (remove {'it' if len(result.stale_approvals) == 1 else 'them'}): {stale}."
        )
    return line


def unjudged_text(summary: Summary, limit: int = 6) -> str:
    """One sentence on what no rule judged, or "" when every resource was judged."""
    if not summary.unjudged_total:
        return ""
    types = list(summary.unjudged.items())
    shown = ", ".join(f"{name} {count}" for name, count in types[:limit])
    more = f", and {len(types) - limit} more types" if len(types) > limit else ""
    of = f"{summary.unjudged_total} of {summary.resources} resources"
    if summary.unjudged_total == summary.resources:
        every = "the only resource" if summary.resources == 1 else f"any of the {summary.resources} resources"
        return f"No rule applied to {every}: nothing was judged ({shown}{more})."
    return f"No rule applied to {of} ({shown}{more})."


def unresolved_text(summary: Summary, limit: int = 5) -> str:
    """One sentence on what was not resolved (Terraform module calls; CloudFormation nested stacks, loops,
    pre-processed types), or ""."""
    if not summary.unresolved:
        return ""
    shown = ", ".join(f"{item.address} ({item.source})" for item in summary.unresolved[:limit])
    more = f", and {len(summary.unresolved) - limit} more" if len(summary.unresolved) > limit else ""
    count = len(summary.unresolved)
    if all(item.address.startswith("module.") for item in summary.unresolved):
        parts = "module call was" if count == 1 else "module calls were"
    else:
        parts = "part of the configuration was" if count == 1 else "parts of the configuration were"
    return f"{count} {parts} not resolved, so their resources were not judged: {shown}{more}."


def unresolved_record(item: UnresolvedModule) -> dict[str, object]:
    return {"address": item.address, "source": item.source, "file": item.file, "line": item.line,
            "reason": item.reason}  # fmt: skip


def finished(result: ScanResult) -> datetime:
    return result.started + timedelta(seconds=result.duration_seconds)


def utc_text(moment: datetime) -> str:
    """ISO 8601 in UTC with a ``Z``, the form SARIF asks for."""
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def root_uri(root: Path) -> str:
    uri = root.as_uri()
    return uri if uri.endswith("/") else uri + "/"


def scope_hash(result: ScanResult) -> str:
    """Identifies what was scanned by its directories, not its files, so adding a file to a scanned
    directory keeps the same code-scanning category (and the alerts already open in it)."""
    files = [scanned.path for scanned in result.files]
    files += [note.file for note in result.notifications if note.file]
    directories = sorted({posixpath.dirname(name) or "." for name in files})
    return hashlib.sha256("\n".join(directories).encode()).hexdigest()[:12]


def default_category(result: ScanResult) -> str:
    packs = "+".join(pack.id for pack in result.rules.packs) or "none"
    return f"{TOOL_NAME}/{packs}/{scope_hash(result)}"


def baseline_counts(result: ScanResult) -> dict[str, int]:
    """Findings per ``baselineState`` against ``--baseline``, absent ones included (all 0 without one)."""
    counts = dict.fromkeys(("new", "unchanged", "updated"), 0)
    for finding in result.findings:
        if finding.baseline_state in counts:
            counts[finding.baseline_state] += 1
    return {**counts, "absent": len(result.absent)}
