"""``--format json``: one stable, documented object (schemas/report.schema.json) for other tools.

``schema_version`` changes only when a field is removed or changes meaning; new fields may appear.
"""

from __future__ import annotations

import json
from typing import Any

from iacgate.api import ScanResult
from iacgate.findings import Finding, Suppression
from iacgate.notifications import Notification
from iacgate.report.approvals_data import approvals_data, partial_data
from iacgate.report.summary import (
    LEVEL_ORDER,
    SEVERITY_ORDER,
    TOOL_NAME,
    Summary,
    baseline_counts,
    finished,
    summarize,
    unresolved_record,
    utc_text,
)
from iacgate.waivers import Waiver

SCHEMA_VERSION = 1


def finding_record(finding: Finding, blocking: bool) -> dict[str, Any]:
    return {
        "rule_id": finding.rule_id,
        "pack": finding.pack,
        "title": finding.title,
        "severity": finding.severity.value,
        "status": finding.status,
        "blocking": blocking,
        "resource_id": finding.resource_id,
        "resource_type": finding.resource_type,
        "native_type": finding.native_type,
        "format": finding.format,
        "file": finding.file,
        "line": finding.line,
        "end_line": finding.end_line,
        "attribute": finding.attribute,
        "native_attribute": finding.native_attribute,
        "message": finding.message,
        "remediation": finding.remediation,
        "fingerprint": finding.fingerprint,
        "unit": finding.unit,
        "related": [{"file": item.file, "line": item.line, "label": item.label} for item in finding.related],
        "enforcement": finding.enforcement,
        "suppression": suppression_record(finding.suppression) if finding.suppression else None,
        "waiver_expired": finding.waiver_expired or None,
        "baseline_state": finding.baseline_state,
    }


def suppression_record(suppression: Suppression) -> dict[str, Any]:
    return {
        "kind": suppression.kind,
        "reason": suppression.reason,
        "approver": suppression.approver,
        "ticket": suppression.ticket,
        "expires": suppression.expires,
        "justification": suppression.justification,
        "source": suppression.source,
        "line": suppression.line,
        **({"approved": suppression.approved} if suppression.approved else {}),
    }


def waiver_record(waiver: Waiver) -> dict[str, Any]:
    return {
        "rule": waiver.rule,
        "resource": waiver.resource,
        "file": waiver.file,
        "reason": waiver.reason,
        "approver": waiver.approved_by,
        "ticket": waiver.ticket,
        "expires": waiver.expires.isoformat(),
        "source": waiver.source,
        "line": waiver.line,
    }


def baseline_record(result: ScanResult) -> dict[str, Any] | None:
    if result.baseline is None:
        return None
    counts = baseline_counts(result)
    return {
        "file": result.baseline,
        **{state: counts[state] for state in ("new", "unchanged", "updated")},
        "absent": [
            {
                "rule_id": item.rule_id,
                "resource_id": item.resource_id,
                "file": item.uri,
                "line": item.start_line,
                "message": item.message,
                "fingerprint": item.fingerprint,
            }
            for item in result.absent
        ],
    }


def provenance_record(result: ScanResult) -> dict[str, Any] | None:
    found = result.provenance
    if found is None:
        return None
    return {"repository_uri": found.repository_uri, "revision_id": found.revision_id, "branch": found.branch}


def notification_record(note: Notification) -> dict[str, Any]:
    return {
        "level": note.level,
        "message": note.message,
        "file": note.file,
        "line": note.line or None,
        "column": note.column or None,
    }


def summary_record(summary: Summary) -> dict[str, Any]:
    return {
        "findings": summary.findings,
        "by_severity": {severity.value: summary.by_severity[severity] for severity in SEVERITY_ORDER},
        "by_status": dict(summary.by_status),
        "blocking": summary.blocking,
        "waived": summary.waived,
        "approved": summary.approved,
        "checks": {**summary.checks, "total": summary.check_total, "blocking": summary.blocking_checks},
        "resources": summary.resources,
        "rules": summary.rules,
        "files": summary.files,
        "unjudged": {
            "total": summary.unjudged_total,
            "by_type": dict(summary.unjudged),
            "unresolved_modules": [unresolved_record(item) for item in summary.unresolved],
        },
    }


def report_data(result: ScanResult) -> dict[str, Any]:
    decision = result.decision
    blocking = frozenset(decision.blocking)
    gate: dict[str, Any] = {
        "passed": decision.passed,
        "exit_code": decision.exit_code,
        "reasons": list(decision.reasons),
        "blocking": len(decision.blocking),
        "fail_on": decision.fail_on.value,
        "override_soft": result.override_soft,
        "fail_on_new_only": result.fail_on_new_only,
        "fail_on_undetermined": result.fail_on_undetermined,
        "skipped_rules": list(result.skipped_rules),
    }
    notes = sorted(result.notifications, key=lambda note: LEVEL_ORDER[note.level])
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {
            "name": TOOL_NAME,
            "version": result.tool_version,
            "engine": result.evaluation.engine,
            "reused_answers": result.evaluation.reused_answers,
        },
        "root": str(result.root),
        "started": utc_text(result.started),
        "finished": utc_text(finished(result)),
        "duration_seconds": round(result.duration_seconds, 3),
        "packs": [
            {"id": pack.id, "version": pack.version, "rules": len(pack.rules)} for pack in result.rules.packs
        ],
        "scanned_files": [
            {"path": scanned.path, "format": scanned.format, "resources": scanned.resources}
            for scanned in result.files
        ],
        "summary": summary_record(summarize(result)),
        "gate": gate,
        "provenance": provenance_record(result),
        "trusted_ref": (
            {"name": result.trusted_ref.name, "commit": result.trusted_ref.commit}
            if result.trusted_ref is not None
            else None
        ),
        "waivers": {
            "file": result.waivers_file,
            "inline_allowed": result.inline_waivers,
            "expiring_soon": [waiver_record(waiver) for waiver in result.expiring_waivers],
            "stale": [waiver_record(waiver) for waiver in result.stale_waivers],
        },
        "approvals": approvals_data(result),
        "partial": partial_data(result),
        "baseline": baseline_record(result),
        "findings": [finding_record(finding, finding in blocking) for finding in result.findings],
        "notifications": [notification_record(note) for note in notes],
        "checks": [
            {
                "rule_id": check.rule_id,
                "resource_id": check.resource_id,
                "outcome": check.outcome,
                "unit": check.unit,
            }
            for check in result.evaluation.checks
        ],
    }


def render_json(result: ScanResult) -> str:
    return json.dumps(report_data(result), indent=2, ensure_ascii=False) + "\n"
