"""Report data of a change's scan (the JSON report's ``approvals`` and ``partial``, SARIF ``run.properties``):
who approved which flagged change, approvals that matched nothing, and inputs holding part of the change."""

from __future__ import annotations

from typing import Any

from iacgate.api import ScanResult
from iacgate.approvals import Approval, Approved


def approval_record(approval: Approval) -> dict[str, Any]:
    record: dict[str, Any] = {
        "resource": approval.resource,
        "action": approval.action,
        "approvers": list(approval.approvers),
        "ticket": approval.ticket,
        "reason": approval.reason,
        "expires": approval.expires.isoformat(),
        "source": approval.source,
        "line": approval.line,
    }
    if approval.rule:
        record["rule"] = approval.rule
    if approval.file:
        record["file"] = approval.file
    return record


def approved_record(item: Approved) -> dict[str, Any]:
    return {
        "rule_id": item.rule_id,
        "resource_id": item.resource_id,
        "unit": item.unit,
        "action": item.action,
        "approval": approval_record(item.approval),
    }


def partial_data(result: ScanResult) -> list[dict[str, Any]]:
    """Inputs holding only part of the change (a plan made with -target), with why."""
    return [{"file": item.file, "reasons": list(item.reasons)} for item in result.partial]


def approvals_data(result: ScanResult) -> dict[str, Any]:
    return {
        "file": result.approvals_file,
        "approved": [approved_record(item) for item in result.approved],
        "stale": [approval_record(approval) for approval in result.stale_approvals],
    }
