"""What an auditor reads, taken back out of a SARIF log iacgate wrote: scope, gate, findings, waivers and
control coverage.

Reads SARIF only (never a ScanResult), so a report can be rendered long after the scan from the evidence
that was archived. Every field is optional: older logs and other writers' fields simply show as absent.
Values stay plain text here; the renderer escapes them (they hold file names, messages and waiver reasons).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from iacgate.errors import UsageError

# SARIF levels back to iacgate severities when a result does not carry properties.severity.
LEVEL_SEVERITY = {"error": "high", "warning": "medium", "note": "low", "none": "low"}
SEVERITIES = ("critical", "high", "medium", "low")

JSON = Mapping[str, Any]


def _dict(value: Any) -> JSON:
    return value if isinstance(value, Mapping) else {}


def _list(value: Any) -> Sequence[Any]:
    return value if isinstance(value, list) else []


def _str(value: Any) -> str:
    return "" if value is None else str(value)


@dataclass(frozen=True)
class Waiver:
    """One SARIF ``suppression`` of a result, with the waiver's fields from its property bag."""

    kind: str
    status: str
    justification: str
    reason: str
    approver: str
    ticket: str
    expires: str
    source: str
    # The action an approval of a flagged change approves; "" for a waiver or inline suppression.
    approved: str = ""


@dataclass(frozen=True)
class WaiverEntry:
    """A waiver of the waivers file as run.properties.waivers lists it (expiring soon, stale)."""

    rule: str
    resource: str
    reason: str
    approver: str
    ticket: str
    expires: str
    source: str


@dataclass(frozen=True)
class AuditFinding:
    rule_id: str
    pack: str
    severity: str
    status: str  # fail | undetermined
    blocking: bool
    resource: str
    location: str
    message: str
    controls: tuple[str, ...]
    waivers: tuple[Waiver, ...]
    baseline: str
    enforcement: str
    waiver_expired: str

    @property
    def waived(self) -> bool:
        return any(waiver.status in ("", "accepted") for waiver in self.waivers)

    @property
    def approved(self) -> bool:
        """Waived by an approval of the flagged change (approvals.py), not by a waiver."""
        return any(waiver.status in ("", "accepted") and waiver.approved for waiver in self.waivers)


@dataclass(frozen=True)
class ControlRow:
    """One control of one framework: how many of the rules mapped to it passed, failed or were waived."""

    framework: str
    control: str
    rules: tuple[str, ...]
    failed: tuple[str, ...]
    undetermined: tuple[str, ...]
    waived: tuple[str, ...]
    findings: int
    # Rules that matched no scanned resource (SARIF from iacgate records checks per rule).
    not_applicable: tuple[str, ...] = ()

    @property
    def passed(self) -> int:
        return (
            len(self.rules)
            - len(self.failed)
            - len(self.undetermined)
            - len(self.waived)
            - len(self.not_applicable)
        )

    @property
    def outcome(self) -> str:
        if self.failed:
            return "failed"
        if self.undetermined:
            return "undetermined"
        if self.waived:
            return "waived"
        if self.passed == 0 and self.not_applicable:
            return "not-applicable"
        return "passed"


@dataclass(frozen=True)
class Gate:
    known: bool
    passed: bool
    exit_code: str
    reasons: tuple[str, ...]
    fail_on: str
    blocking: str
    flags: tuple[str, ...]


@dataclass(frozen=True)
class ScannedFile:
    uri: str
    format: str
    resources: str
    parsed: bool


@dataclass(frozen=True)
class Scope:
    tool: str
    version: str
    root: str
    category: str
    started: str
    ended: str
    engine: str
    packs: tuple[str, ...]
    resources: str
    checks: Mapping[str, Any]
    files: tuple[ScannedFile, ...]
    # Resources no rule applied to, by type (run properties ``unjudged``): what the gate did not judge.
    # None: a SARIF log written before iacgate recorded it.
    unjudged: Mapping[str, Any] | None = None


@dataclass(frozen=True)
class Provenance:
    repository: str
    revision: str
    branch: str


@dataclass(frozen=True)
class Notice:
    level: str
    message: str
    location: str


@dataclass(frozen=True)
class AuditRun:
    scope: Scope
    provenance: tuple[Provenance, ...]
    gate: Gate
    findings: tuple[AuditFinding, ...]
    absent: int
    controls: tuple[ControlRow, ...]
    frameworks: Mapping[str, str]
    rule_titles: Mapping[str, str]
    notices: tuple[Notice, ...]
    expiring: tuple[WaiverEntry, ...]
    stale: tuple[WaiverEntry, ...]
    expired: int
    waivers_file: str
    approved: tuple[ApprovalEntry, ...] = ()
    stale_approvals: tuple[ApprovalEntry, ...] = ()
    approvals_file: str = ""
    # Inputs holding only part of the change (run.properties.partial): file and reasons.
    partial: tuple[tuple[str, tuple[str, ...]], ...] = ()


@dataclass(frozen=True)
class ApprovalEntry:
    """An approval of a flagged change as run.properties.approvals lists it: the finding it covers
    (approved) or none (stale), and who approved what, under which ticket, until when."""

    rule_id: str
    resource_id: str
    action: str
    pattern: str
    approvers: str
    ticket: str
    reason: str
    expires: str
    source: str


def _approval_entry(entry: JSON) -> ApprovalEntry:
    approval = _dict(entry.get("approval")) or entry
    where = _str(approval.get("source"))
    line = approval.get("line")
    return ApprovalEntry(
        rule_id=_str(entry.get("rule_id") or approval.get("rule")),
        resource_id=_str(entry.get("resource_id")),
        action=_str(entry.get("action") or approval.get("action")),
        pattern=_str(approval.get("resource")),
        approvers=", ".join(_str(name) for name in _list(approval.get("approvers"))),
        ticket=_str(approval.get("ticket")),
        reason=_str(approval.get("reason")),
        expires=_str(approval.get("expires")),
        source=f"{where}:{line}" if where and isinstance(line, int) and line else where,
    )


@dataclass(frozen=True)
class AuditReport:
    source: str
    runs: tuple[AuditRun, ...]


def _text(message: Any) -> str:
    return _str(_dict(message).get("text", ""))


def _driver(run: JSON) -> JSON:
    return _dict(_dict(run.get("tool")).get("driver"))


def rule_controls(run: JSON) -> dict[str, tuple[str, ...]]:
    """Rule id -> "framework:control", following relationships into run.taxonomies, else the rule's
    properties.controls."""
    taxonomies = _list(run.get("taxonomies"))
    out: dict[str, tuple[str, ...]] = {}
    for item in _list(_driver(run).get("rules")):
        rule = _dict(item)
        controls: list[str] = []
        for relationship in _list(rule.get("relationships")):
            target = _dict(_dict(relationship).get("target"))
            component = _dict(target.get("toolComponent"))
            name = component.get("name")
            index = component.get("index")
            if not name and isinstance(index, int) and 0 <= index < len(taxonomies):
                name = _dict(taxonomies[index]).get("name")
            if name and target.get("id"):
                controls.append(f"{name}:{target['id']}")
        if not controls:
            controls = [_str(control) for control in _list(_dict(rule.get("properties")).get("controls"))]
        out[_str(rule.get("id"))] = tuple(controls)
    return out


def _location(result: JSON) -> tuple[str, str]:
    """(file:line, resource name) of the first location."""
    first = _dict((_list(result.get("locations")) or [{}])[0])
    physical = _dict(first.get("physicalLocation"))
    uri = _str(_dict(physical.get("artifactLocation")).get("uri"))
    line = _dict(physical.get("region")).get("startLine")
    logical = _dict((_list(first.get("logicalLocations")) or [{}])[0])
    resource = _str(logical.get("fullyQualifiedName") or logical.get("name"))
    return (f"{uri}:{line}" if line else uri), resource


def _source(properties: JSON) -> str:
    source, line = _str(properties.get("source")), properties.get("line")
    return f"{source}:{line}" if source and line else source


def _waiver(suppression: JSON) -> Waiver:
    properties = _dict(suppression.get("properties"))
    return Waiver(
        kind=_str(suppression.get("kind")),
        status=_str(suppression.get("status")),
        justification=_str(suppression.get("justification")),
        reason=_str(properties.get("reason")),
        approver=_str(properties.get("approver")),
        ticket=_str(properties.get("ticket") or properties.get("reference")),
        expires=_str(properties.get("expires") or properties.get("expiry")),
        source=_source(properties),
        approved=_str(properties.get("approved")),
    )


def _waiver_entry(entry: JSON) -> WaiverEntry:
    return WaiverEntry(
        rule=_str(entry.get("rule")),
        resource=_str(entry.get("resource")),
        reason=_str(entry.get("reason")),
        approver=_str(entry.get("approver")),
        ticket=_str(entry.get("ticket")),
        expires=_str(entry.get("expires")),
        source=_source(entry),
    )


def findings(run: JSON) -> tuple[AuditFinding, ...]:
    """The results of this scan; ``absent`` ones (in the baseline only) are not findings of this scan."""
    controls = rule_controls(run)
    packs = {
        _str(_dict(rule).get("id")): _str(_dict(_dict(rule).get("properties")).get("pack"))
        for rule in _list(_driver(run).get("rules"))
    }
    out: list[AuditFinding] = []
    for item in _list(run.get("results")):
        result = _dict(item)
        if result.get("baselineState") == "absent":
            continue
        properties = _dict(result.get("properties"))
        rule_id = _str(result.get("ruleId") or _dict(result.get("rule")).get("id"))
        location, resource = _location(result)
        level = _str(result.get("level") or "warning")
        out.append(
            AuditFinding(
                rule_id=rule_id,
                pack=_str(properties.get("pack") or packs.get(rule_id) or "(no pack)"),
                severity=_str(properties.get("severity") or LEVEL_SEVERITY.get(level, "low")),
                status=_str(
                    properties.get("status") or ("undetermined" if result.get("kind") == "review" else "fail")
                ),
                blocking=properties.get("blocking") is True,
                resource=resource,
                location=location,
                message=_text(result.get("message")),
                controls=controls.get(rule_id, ()),
                waivers=tuple(_waiver(_dict(entry)) for entry in _list(result.get("suppressions"))),
                baseline=_str(result.get("baselineState")),
                enforcement=_str(properties.get("enforcement")),
                waiver_expired=_str(properties.get("waiverExpired")),
            )
        )
    return tuple(out)


def control_matrix(run: JSON, items: Sequence[AuditFinding]) -> tuple[ControlRow, ...]:
    """Every control a rule of this run maps to. Every rule listed in the run was evaluated, so a rule
    passed a control unless a finding of it failed (unwaived), is undetermined, or was waived."""
    by_control: dict[str, list[str]] = {}
    for rule_id, names in rule_controls(run).items():
        for name in names:
            by_control.setdefault(name, []).append(rule_id)
    by_rule: dict[str, list[AuditFinding]] = {}
    for item in items:
        by_rule.setdefault(item.rule_id, []).append(item)

    checked = rule_checks(run)

    def rules_where(rules: Sequence[str], state: str) -> tuple[str, ...]:
        return tuple(rule for rule in rules if _rule_state(by_rule.get(rule, []), checked.get(rule)) == state)

    rows = [
        ControlRow(
            framework=name.partition(":")[0],
            control=name.partition(":")[2],
            rules=tuple(rules),
            failed=rules_where(rules, "failed"),
            undetermined=rules_where(rules, "undetermined"),
            waived=rules_where(rules, "waived"),
            findings=sum(len(by_rule.get(rule, [])) for rule in rules),
            not_applicable=rules_where(rules, "not-applicable"),
        )
        for name, rules in by_control.items()
    ]
    order = [_str(_dict(taxonomy).get("name")) for taxonomy in _list(run.get("taxonomies"))]
    rank = {name: index for index, name in enumerate(order)}
    rows.sort(key=lambda row: (rank.get(row.framework, len(rank)), row.framework, _control_key(row.control)))
    return tuple(rows)


def _control_key(control: str) -> tuple[tuple[int, int | str], ...]:
    """ "3.5.1" before "10.2.1": numeric parts compare as numbers."""
    parts = control.replace("-", ".").replace("(", ".").replace(")", "").split(".")
    return tuple((0, int(part)) if part.isdigit() else (1, part) for part in parts)


def rule_checks(run: JSON) -> dict[str, int]:
    """Rule id -> how many resources it was applied to, where the SARIF records it."""
    counts: dict[str, int] = {}
    for item in _list(_driver(run).get("rules")):
        rule = _dict(item)
        checks = _dict(_dict(rule.get("properties")).get("checks"))
        if isinstance(rule.get("id"), str) and checks:
            counts[rule["id"]] = sum(value for value in checks.values() if isinstance(value, int))
    return counts


def _rule_state(items: Sequence[AuditFinding], checks: int | None = None) -> str:
    if any(item.status == "fail" and not item.waived for item in items):
        return "failed"
    if any(item.status == "undetermined" and not item.waived for item in items):
        return "undetermined"
    if items:
        return "waived"
    return "not-applicable" if checks == 0 else "passed"


def _gate(run: JSON) -> Gate:
    invocation = _dict((_list(run.get("invocations")) or [{}])[0])
    gate = _dict(_dict(invocation.get("properties")).get("gate")) or _dict(
        _dict(run.get("properties")).get("gate")
    )
    exit_code = gate.get("exitCode", invocation.get("exitCode"))
    known = "passed" in gate or isinstance(exit_code, int)
    passed = gate.get("passed") is True if "passed" in gate else exit_code == 0
    options = (
        ("overrideSoft", "--override-soft"),
        ("failOnNewOnly", "--fail-on-new-only"),
        ("failOnUndetermined", "--fail-on-undetermined"),
    )
    flags = tuple(label for key, label in options if gate.get(key) is True)
    return Gate(
        known=known,
        passed=passed,
        exit_code=_str(exit_code),
        reasons=tuple(_str(reason) for reason in _list(gate.get("reasons"))),
        fail_on=_str(gate.get("failOn")),
        blocking=_str(gate.get("blocking")),
        flags=flags,
    )


def _scope(run: JSON) -> Scope:
    driver = _driver(run)
    invocation = _dict((_list(run.get("invocations")) or [{}])[0])
    properties = _dict(run.get("properties"))
    root = _dict(_dict(run.get("originalUriBaseIds")).get("%SRCROOT%")).get("uri")
    files = []
    for item in _list(run.get("artifacts")):
        artifact = _dict(item)
        if "analysisTarget" not in _list(artifact.get("roles")):
            continue
        bag = _dict(artifact.get("properties"))
        files.append(
            ScannedFile(
                uri=_str(_dict(artifact.get("location")).get("uri")),
                format=_str(bag.get("format")),
                resources=_str(bag.get("resources")),
                parsed=bag.get("parsed") is not False,
            )
        )
    return Scope(
        tool=_str(driver.get("name") or "iacgate"),
        version=_str(driver.get("semanticVersion") or driver.get("version")),
        root=_str(root),
        category=_str(_dict(run.get("automationDetails")).get("id")),
        started=_str(invocation.get("startTimeUtc")),
        ended=_str(invocation.get("endTimeUtc")),
        engine=_engine(properties),
        packs=tuple(
            " ".join(part for part in (_str(_dict(pack).get("id")), _str(_dict(pack).get("version"))) if part)
            for pack in _list(properties.get("packs"))
        ),
        resources=_str(properties.get("resources")),
        checks=_dict(properties.get("checks")),
        files=tuple(files),
        unjudged=_dict(_dict(properties["unjudged"]).get("byType")) if "unjudged" in properties else None,
    )


def _engine(properties: JSON) -> str:
    """The engine, and how many of its answers an earlier scan of the same input gave."""
    engine = _str(properties.get("engine"))
    reused = properties.get("reusedAnswers")
    if isinstance(reused, int) and not isinstance(reused, bool) and reused > 0:
        return f"{engine} ({reused} answers reused from earlier scans of the same input)"
    return engine


def _notices(run: JSON) -> tuple[Notice, ...]:
    out: list[Notice] = []
    for invocation in _list(run.get("invocations")):
        for item in _list(_dict(invocation).get("toolExecutionNotifications")):
            note = _dict(item)
            location, _ = _location(note)
            out.append(Notice(_str(note.get("level") or "warning"), _text(note.get("message")), location))
    return tuple(out)


def _branch(entry: JSON) -> str:
    """The branch of a provenance entry; the trusted ref's says what was read from it."""
    branch = _str(entry.get("branch"))
    if _dict(entry.get("properties")).get("trustedRef") is True:
        read = "configuration, waivers, approvals, baseline and custom packs read here"
        return f"{branch} (--trusted-ref: {read})"
    return branch


def audit_run(run: JSON) -> AuditRun:
    items = findings(run)
    waivers = _dict(_dict(run.get("properties")).get("waivers"))
    approvals = _dict(_dict(run.get("properties")).get("approvals"))
    return AuditRun(
        scope=_scope(run),
        provenance=tuple(
            Provenance(
                repository=_str(_dict(entry).get("repositoryUri")),
                revision=_str(_dict(entry).get("revisionId")),
                branch=_branch(_dict(entry)),
            )
            for entry in _list(run.get("versionControlProvenance"))
        ),
        gate=_gate(run),
        findings=items,
        absent=sum(
            1 for result in _list(run.get("results")) if _dict(result).get("baselineState") == "absent"
        ),
        controls=control_matrix(run, items),
        frameworks={
            _str(_dict(taxonomy).get("name")): _str(
                _dict(taxonomy).get("fullName") or _dict(taxonomy).get("name")
            )
            for taxonomy in _list(run.get("taxonomies"))
        },
        rule_titles={
            _str(_dict(rule).get("id")): _text(_dict(rule).get("shortDescription"))
            for rule in _list(_driver(run).get("rules"))
        },
        notices=_notices(run),
        expiring=tuple(_waiver_entry(_dict(entry)) for entry in _list(waivers.get("expiringSoon"))),
        stale=tuple(_waiver_entry(_dict(entry)) for entry in _list(waivers.get("stale"))),
        expired=int(waivers.get("expired") or 0) if isinstance(waivers.get("expired"), int) else 0,
        waivers_file=_str(waivers.get("file")),
        approved=tuple(_approval_entry(_dict(entry)) for entry in _list(approvals.get("approved"))),
        stale_approvals=tuple(_approval_entry(_dict(entry)) for entry in _list(approvals.get("stale"))),
        approvals_file=_str(approvals.get("file")),
        partial=tuple(
            (
                _str(_dict(entry).get("file")),
                tuple(_str(reason) for reason in _list(_dict(entry).get("reasons"))),
            )
            for entry in _list(_dict(run.get("properties")).get("partial"))
        ),
    )


def load_report(path: Path) -> AuditReport:
    """The audit view of a SARIF file; a file that is not a SARIF log is a usage error naming it."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else error
        raise UsageError(f"{path}: cannot read SARIF: {reason}") from None
    try:
        log = json.loads(text)
    except json.JSONDecodeError as error:
        raise UsageError(f"{path}:{error.lineno}: not valid JSON: {error.msg}") from None
    runs = _dict(log).get("runs")
    if not isinstance(runs, list) or not _dict(log).get("version"):
        raise UsageError(f"{path}: not a SARIF log (no 'version' and 'runs')")
    if not runs:
        raise UsageError(f"{path}: the SARIF log holds no runs")
    if not all(isinstance(run, Mapping) for run in runs):
        raise UsageError(f"{path}: not a SARIF log (a run is not an object)")
    return AuditReport(source=str(path), runs=tuple(audit_run(_dict(run)) for run in runs))
