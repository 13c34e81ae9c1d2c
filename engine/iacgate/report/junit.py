"""``--format junit``: JUnit XML for CI test tabs (GitLab, Jenkins, Azure DevOps, GitHub test reporters).

One testsuite per pack and one testcase per check (rule x resource); a check can hold several findings
(rule x resource x attribute), which each suite counts in its ``properties``. Only what blocks the gate is a
``failure``, so the test tab goes red exactly when the gate does. Waived checks are ``skipped`` with the
waiver (reason, approver, ticket, expiry) as testcase ``properties``; undetermined checks are ``skipped``
too (someone must look at them, nothing has failed yet); other findings that do not block (below
``--fail-on``, advisory, soft-mandatory overridden, not new against the baseline) pass and say why in
``system-out``. Inputs that could not be evaluated are ``error`` testcases in an ``iacgate`` suite.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence

from iacgate.api import ScanResult
from iacgate.evaluate.base import Check
from iacgate.findings import Finding, Suppression

TOOL_SUITE = "iacgate"
# Characters XML 1.0 cannot hold even escaped; a message or file name carrying one would make the
# whole report unparseable, so they become U+FFFD.
INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _where(finding: Finding) -> str:
    return f"{finding.file}:{finding.line}" if finding.line > 0 else finding.file


def _finding_text(finding: Finding) -> str:
    attribute = f" ({finding.native_attribute})" if finding.attribute else ""
    return (
        f"{_where(finding)}: {finding.severity.value} {finding.rule_id} "
        f"{finding.resource_id}{attribute}: {finding.message}"
    )


def _why_not_blocking(finding: Finding, result: ScanResult) -> str:
    """The gate's reason for letting a failing finding through, in the words of its reasons."""
    if finding.enforcement == "advisory":
        return "advisory (reported, never fails the gate)"
    if finding.enforcement == "soft-mandatory" and result.override_soft:
        return "soft-mandatory, overridden with --override-soft"
    if result.fail_on_new_only and finding.baseline_state not in (None, "new"):
        return f"{finding.baseline_state} against the baseline (--fail-on-new-only)"
    return f"below the gate's --fail-on severity {result.decision.fail_on.value}"


def _waiver_properties(case: ET.Element, suppression: Suppression) -> None:
    properties = ET.SubElement(case, "properties")
    if suppression.approved:
        # An approval of a flagged change: what it approves, who, under which ticket, until when.
        values = {
            "approval.action": suppression.approved,
            "approval.approvers": suppression.approver,
            "approval.ticket": suppression.ticket,
            "approval.expires": suppression.expires,
            "approval.reason": suppression.reason,
            "approval.source": f"{suppression.source}:{suppression.line}",
        }
        for name, value in values.items():
            ET.SubElement(properties, "property", name=name, value=value)
        return
    values = {
        "waiver.kind": suppression.kind,
        "waiver.reason": suppression.reason,
        "waiver.approver": suppression.approver,
        "waiver.ticket": suppression.ticket,
        "waiver.expires": suppression.expires,
        "waiver.source": f"{suppression.source}:{suppression.line}"
        if suppression.line
        else suppression.source,
    }
    for name, value in values.items():
        if value:
            ET.SubElement(properties, "property", name=name, value=value)


def _testcase(
    suite: ET.Element, check: Check, pack: str, findings: Sequence[Finding], result: ScanResult
) -> tuple[int, int]:
    """Adds the testcase; returns (failures, skipped) it counts for."""
    blocking = frozenset(result.decision.blocking)
    case = ET.SubElement(suite, "testcase", classname=f"{pack}.{check.rule_id}")
    case.set("name", f"{check.rule_id} {check.resource_id}")
    if findings:
        case.set("file", findings[0].file)
        if findings[0].line > 0:
            case.set("line", str(findings[0].line))
    blockers = [finding for finding in findings if finding in blocking]
    if blockers:
        failure = ET.SubElement(case, "failure", type=blockers[0].severity.value)
        several = f"{len(blockers)} findings; first " if len(blockers) > 1 else ""
        failure.set("message", f"{several}{_where(blockers[0])}: {blockers[0].message}")
        failure.text = "\n".join(_finding_text(finding) for finding in blockers)
        return 1, 0
    waived = [finding for finding in findings if finding.suppression is not None]
    suppressions = [finding.suppression for finding in waived if finding.suppression is not None]
    if suppressions:
        suppression = suppressions[0]
        # JUnit puts properties before skipped; readers that validate the order reject the other one.
        _waiver_properties(case, suppression)
        skipped = ET.SubElement(case, "skipped")
        text = suppression.justification
        skipped.set("message", text if suppression.approved else f"{suppression.label}: {text}")
        skipped.text = "\n".join(_finding_text(finding) for finding in waived)
        return 0, 1
    undetermined = [finding for finding in findings if finding.status == "undetermined"]
    if undetermined:
        skipped = ET.SubElement(case, "skipped")
        skipped.set("message", f"undetermined (value unknown until apply): {undetermined[0].message}")
        skipped.text = "\n".join(_finding_text(finding) for finding in undetermined)
        return 0, 1
    if findings:
        out = ET.SubElement(case, "system-out")
        out.text = "\n".join(
            f"not blocking, {_why_not_blocking(finding, result)}: {_finding_text(finding)}"
            for finding in findings
        )
    return 0, 0


def _finding_properties(suite: ET.Element, findings: Sequence[Finding], result: ScanResult) -> None:
    """The suite's findings (rule x resource x attribute) as properties: a testcase is a check, which can
    hold several findings, so these are the numbers to compare with the other reports' finding counts."""
    blocking = frozenset(result.decision.blocking)
    values: dict[str, int | str] = {
        "iacgate.findings": len(findings),
        "iacgate.findings.failed": sum(1 for finding in findings if finding.status == "fail"),
        "iacgate.findings.undetermined": sum(1 for finding in findings if finding.status == "undetermined"),
        "iacgate.findings.blocking": sum(1 for finding in findings if finding in blocking),
        "iacgate.findings.waived": sum(1 for finding in findings if finding.suppression is not None),
        "iacgate.findings.approved": sum(
            1 for finding in findings if finding.suppression is not None and finding.suppression.approved
        ),
    }
    # An input holding only part of the change limits what every suite judged.
    values.update({f"iacgate.partial {item.file}": "; ".join(item.reasons) for item in result.partial})
    properties = ET.SubElement(suite, "properties")
    for name, value in values.items():
        ET.SubElement(properties, "property", name=name, value=str(value))


def render_junit(result: ScanResult) -> str:
    by_check: dict[tuple[str, str, str], list[Finding]] = {}
    for finding in result.findings:
        by_check.setdefault((finding.unit, finding.rule_id, finding.resource_id), []).append(finding)
    pack_of = {rule.id: rule.pack for rule in result.rules.rules}
    root = ET.Element("testsuites", name="iacgate")
    totals = [0, 0, 0, 0]  # tests, failures, errors, skipped
    for pack in result.rules.packs:
        suite = ET.SubElement(root, "testsuite", name=pack.id)
        _finding_properties(
            suite, [finding for finding in result.findings if finding.pack == pack.id], result
        )
        counts = [0, 0, 0, 0]
        checks = [check for check in result.evaluation.checks if pack_of.get(check.rule_id) == pack.id]
        for check in sorted(checks, key=lambda c: (c.rule_id, c.resource_id, c.unit)):
            findings = by_check.get((check.unit, check.rule_id, check.resource_id), [])
            failures, skipped = _testcase(suite, check, pack.id, findings, result)
            counts[0] += 1
            counts[1] += failures
            counts[3] += skipped
        _set_counts(suite, counts)
        totals = [total + count for total, count in zip(totals, counts, strict=True)]
    errors = [note for note in result.notifications if note.level == "error"]
    if errors:
        suite = ET.SubElement(root, "testsuite", name=TOOL_SUITE)
        for note in errors:
            case = ET.SubElement(suite, "testcase", classname=TOOL_SUITE, name=f"evaluate {note.file or ''}")
            if note.file:
                case.set("file", note.file)
            error = ET.SubElement(case, "error", type="unevaluable", message=str(note))
            error.text = f"{note}\nThe gate fails closed: this input could not be evaluated."
        counts = [len(errors), 0, len(errors), 0]
        _set_counts(suite, counts)
        totals = [total + count for total, count in zip(totals, counts, strict=True)]
    _set_counts(root, totals)
    root.set("time", f"{result.duration_seconds:.3f}")
    ET.indent(root)
    body = INVALID_XML.sub("\ufffd", ET.tostring(root, encoding="unicode"))
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n"


def _set_counts(element: ET.Element, counts: Sequence[int]) -> None:
    for name, count in zip(("tests", "failures", "errors", "skipped"), counts, strict=True):
        element.set(name, str(count))
