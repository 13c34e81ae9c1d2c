"""Counts every report shows, computed once so the text, JSON and SARIF reports cannot disagree."""

from __future__ import annotations

import hashlib
import posixpath
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from iacgate.api import ScanResult
from iacgate.evaluate.base import Outcome
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
    """``by_severity`` counts failing findings only; undetermined ones are in ``by_status``."""

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
        pool = result.decision.blocking if blocking_only else result.findings
        counts = dict.fromkeys(SEVERITY_ORDER, 0)
        for finding in pool:
            if finding.status == status:
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
    )


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
