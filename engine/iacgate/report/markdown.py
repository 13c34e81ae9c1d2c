"""``--summary-file``: a Markdown summary for ``$GITHUB_STEP_SUMMARY`` or a merge-request comment.

The gate decision and its reasons first, then counts by severity, a table of what blocks the gate, the
waived findings with their approver and expiry, and waivers that expire soon or matched nothing.
Everything from the scanned files and the waivers file is escaped so a resource name, message or reason
cannot break the table, inject markup into a comment or mention (notify) a user or team.
"""

from __future__ import annotations

import re

from iacgate.api import ScanResult
from iacgate.approvals import Approval
from iacgate.findings import Finding
from iacgate.report.summary import (
    SEVERITY_ORDER,
    checks_text,
    findings_text,
    partial_lines,
    summarize,
    unjudged_text,
)
from iacgate.waivers import Waiver

# A merge-request comment has a size limit (GitLab 1 MB, GitHub 65536 characters): the table stops here.
MAX_ROWS = 200
_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~])")


def escape(text: str) -> str:
    """Plain text inside Markdown and table cells: markup characters escaped, newlines flattened."""
    flat = " ".join(text.replace("\r", " ").split("\n"))
    # "&" first so the entity below stays one; "@" as an entity so "@team" in a message pings nobody.
    return _SPECIAL.sub(r"\\\1", flat.replace("&", "&amp;")).replace("@", "&#64;")


def _code(text: str) -> str:
    """Inline code survives any content by choosing a fence longer than any backtick run inside it."""
    # GFM splits table cells on pipes before it parses code spans, so they are escaped even here.
    flat = " ".join(text.replace("|", "\\|").splitlines())
    longest = max((len(run) for run in re.findall(r"`+", flat)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if flat.startswith("`") or flat.endswith("`") else ""
    return f"{fence}{pad}{flat}{pad}{fence}"


def _where(finding: Finding) -> str:
    return f"{finding.file}:{finding.line}" if finding.line > 0 else finding.file


def render_markdown(result: ScanResult) -> str:
    decision = result.decision
    summary = summarize(result)
    icon = ":white_check_mark:" if decision.passed else ":x:"
    verdict = "passed" if decision.passed else "FAILED"
    lines = [
        f"## {icon} iacgate: gate {verdict} (exit {decision.exit_code})",
        "",
        *(f"- {escape(reason)}" for reason in decision.reasons),
        "",
        f"Checked {summary.resources} resources in {summary.files} files against {summary.rules} rules "
        f"({', '.join(pack.id for pack in result.rules.packs) or 'no packs'}): "
        f"{checks_text(summary)}. {findings_text(summary)}. "
        f"Fails on severity {decision.fail_on.value} and above. {escape(unjudged_text(summary))}".rstrip(),
        "",
        *(f"> **Partial input:** {escape(line.split(': ', 1)[1])}" for line in partial_lines(result)),
        *([""] if result.partial else []),
        "Findings by severity:",
        "",
        "| Severity | Failed | Blocking | Undetermined |",
        "| --- | ---: | ---: | ---: |",
    ]
    for severity in SEVERITY_ORDER:
        lines.append(
            f"| {severity.value} | {summary.by_severity[severity]} | "
            f"{summary.blocking_by_severity[severity]} | {summary.undetermined_by_severity[severity]} |"
        )
    lines.append(
        f"| **total** | **{summary.by_status['fail']}** | **{summary.blocking}** | "
        f"**{summary.by_status['undetermined']}** |"
    )
    lines.append("")
    if decision.blocking:
        lines += [
            f"### Blocking findings ({len(decision.blocking)})",
            "",
            "| Severity | Location | Rule | Resource | Message |",
            "| --- | --- | --- | --- | --- |",
        ]
        for finding in decision.blocking[:MAX_ROWS]:
            lines.append(
                f"| {finding.severity.value} | {_code(_where(finding))} | {_code(finding.rule_id)} | "
                f"{_code(finding.resource_id)} | {escape(finding.message)} |"
            )
        if len(decision.blocking) > MAX_ROWS:
            lines.append("")
            lines.append(f"... and {len(decision.blocking) - MAX_ROWS} more; see the full report.")
        lines.append("")
    lines += _waiver_sections(result)
    lines += _approval_sections(result)
    errors = [note for note in result.notifications if note.level == "error"]
    if errors:
        lines += [f"### Could not be evaluated ({len(errors)})", ""]
        lines += [f"- {escape(str(note))}" for note in errors[:MAX_ROWS]]
        lines.append("")
    return "\n".join(lines)


def _waiver_rows(waivers: list[Waiver] | tuple[Waiver, ...]) -> list[str]:
    rows = [
        "| Rule | Resource | Reason | Approver | Ticket | Expires |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for waiver in waivers[:MAX_ROWS]:
        rows.append(
            f"| {_code(waiver.rule)} | {_code(waiver.resource)} | {escape(waiver.reason)} | "
            f"{escape(waiver.approved_by)} | {escape(waiver.ticket or '')} | {waiver.expires.isoformat()} |"
        )
    return [*rows, ""]


def _waiver_sections(result: ScanResult) -> list[str]:
    lines: list[str] = []
    # Approved changes have their own section.
    waived = [f for f in result.findings if f.suppression is not None and not f.suppression.approved]
    if waived:
        lines += [
            f"### Waived findings ({len(waived)})",
            "",
            "| Severity | Location | Rule | Resource | Kind | Reason | Approver | Ticket | Expires |",
            "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
        ]
        for finding in waived[:MAX_ROWS]:
            waiver = finding.suppression
            if waiver is None:
                continue
            lines.append(
                f"| {finding.severity.value} | {_code(_where(finding))} | {_code(finding.rule_id)} | "
                f"{_code(finding.resource_id)} | {waiver.kind} | {escape(waiver.reason)} | "
                f"{escape(waiver.approver)} | {escape(waiver.ticket)} | {escape(waiver.expires)} |"
            )
        if len(waived) > MAX_ROWS:
            lines += ["", f"... and {len(waived) - MAX_ROWS} more; see the full report."]
        lines.append("")
    if result.expiring_waivers:
        lines += [f"### Waivers expiring soon ({len(result.expiring_waivers)})", ""]
        lines += _waiver_rows(result.expiring_waivers)
    if result.stale_waivers:
        lines += [f"### Stale waivers, matching no finding ({len(result.stale_waivers)})", ""]
        lines += _waiver_rows(result.stale_waivers)
    return lines


def _approval_rows(approvals: list[Approval] | tuple[Approval, ...]) -> list[str]:
    rows = [
        "| Resource | Action | Approved by | Ticket | Expires | Defined at |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for approval in approvals[:MAX_ROWS]:
        rows.append(
            f"| {_code(approval.resource)} | {approval.action} | {escape(', '.join(approval.approvers))} | "
            f"{escape(approval.ticket)} | {approval.expires.isoformat()} | "
            f"{_code(f'{approval.source}:{approval.line}')} |"
        )
    return [*rows, ""]


def _approval_sections(result: ScanResult) -> list[str]:
    """Who approved which flagged change (destroyed, replaced, weakened), and approvals matching nothing."""
    lines: list[str] = []
    if result.approved:
        lines += [
            f"### Approved changes ({len(result.approved)})",
            "",
            "| Rule | Resource | Action | Approved by | Ticket | Expires | Reason |",
            "| --- | --- | --- | --- | --- | --- | --- |",
        ]
        for item in result.approved[:MAX_ROWS]:
            approval = item.approval
            lines.append(
                f"| {_code(item.rule_id)} | {_code(item.resource_id)} | {item.action} | "
                f"{escape(', '.join(approval.approvers))} | {escape(approval.ticket)} | "
                f"{approval.expires.isoformat()} | {escape(approval.reason)} |"
            )
        if len(result.approved) > MAX_ROWS:
            lines += ["", f"... and {len(result.approved) - MAX_ROWS} more; see the full report."]
        lines.append("")
    if result.stale_approvals:
        lines += [
            f"### Stale approvals, matching nothing this change does ({len(result.stale_approvals)})",
            "",
        ]
        lines += _approval_rows(result.stale_approvals)
    return lines
