"""Approvals: who approved a change that a pack judging changes flagged (a destroyed database, an update
that turns logging off), from ``iacgate-approvals.yaml``.

An approval is an exception with the trust rules of a waiver (read only from a trusted source, see
``gate_inputs``) and its evidence: the address pattern, the action it approves (``delete``, ``replace``,
``update`` or ``any``), the approvers, a ticket, a reason and an expiry. An approved finding stays in every
report with a suppression of kind ``external`` naming all of it; it only stops failing the gate. An
approval with fewer approvers than ``settings.required_approvals`` asks for the unit approves nothing,
an expired one neither, and one that matches nothing the change does is reported as stale. Where the unit
asks for more than one approver, a waiver or inline suppression (one approver at most) does not excuse a
flagged change either: the two-person rule holds whichever file the exception is written in.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from iacgate.errors import ConfigError
from iacgate.findings import Finding, Suppression, matches_pattern
from iacgate.graph.model import Change, Graph
from iacgate.notifications import Notification
from iacgate.packs.model import RuleSet
from iacgate.schemas import load_schema

if TYPE_CHECKING:
    import yaml

APPROVALS_NAME = "iacgate-approvals.yaml"
ACTIONS = ("delete", "replace", "update", "any")


@dataclass(frozen=True)
class Approval:
    resource: str
    action: str
    approvers: tuple[str, ...]
    ticket: str
    reason: str
    expires: date
    source: str
    line: int
    rule: str = ""
    file: str | None = None

    def covers(self, finding: Finding, action: str) -> bool:
        return (
            (not self.rule or self.rule in (finding.rule_id, finding.pack))
            and self.action in ("any", action)
            and matches_pattern(finding.resource_id, self.resource)
            and (self.file is None or _names_file(self.file, finding))
        )

    def suppression(self, action: str) -> Suppression:
        return Suppression(
            "external",
            self.reason.strip(),
            self.source,
            self.line,
            approver=", ".join(self.approvers),
            ticket=self.ticket,
            expires=self.expires.isoformat(),
            approved=action,
        )

    def __str__(self) -> str:
        return f"{self.action} of {self.resource}" + (f" ({self.rule})" if self.rule else "")


def _names_file(pattern: str, finding: Finding) -> bool:
    """An approval's ``file`` names the plan, preview or change set (the unit), or the file the finding
    points at: a plan's finding points at the ``.tf`` line of its source when that is beside it."""
    return matches_pattern(finding.unit, pattern) or matches_pattern(finding.file, pattern)


@dataclass(frozen=True)
class Approved:
    """One finding an approval covers: the evidence kept with the scan."""

    approval: Approval
    rule_id: str
    resource_id: str
    unit: str
    action: str


@dataclass(frozen=True)
class ApprovalOutcome:
    findings: tuple[Finding, ...]
    notifications: tuple[Notification, ...]
    approved: tuple[Approved, ...] = ()
    stale: tuple[Approval, ...] = ()


def action_of(change: Change | None) -> str:
    """The action an approval names for a resource's change."""
    if change is None:
        return "none"
    # A replacement the source says may happen (CloudFormation Replacement: Conditional) may destroy the
    # resource: approving an update of it does not approve that.
    if change.replaces or change.replacement_conditional:
        return "replace"
    if change.destroys:
        return "delete"
    if "update" in change.actions:
        return "update"
    return "create" if "create" in change.actions else "none"


def _line(root: yaml.Node | None, index: int) -> int:
    import yaml  # loaded by the caller, which read the YAML

    node = root
    if isinstance(node, yaml.MappingNode):
        node = next((value for key, value in node.value if key.value == "approvals"), None)
    if isinstance(node, yaml.SequenceNode) and index < len(node.value):
        return int(node.value[index].start_mark.line) + 1
    return 1


def load_approvals(
    path: Path, today: date, max_days: int | None = None, name: str | None = None
) -> tuple[Approval, ...]:
    """Read and validate an approvals file; every problem is a ``ConfigError`` naming file:line."""
    import yaml  # on use: PyYAML costs 15 ms of every run that reads no YAML

    from iacgate.yamlio import safe_load

    shown = name or str(path)
    try:
        text = path.read_text(encoding="utf-8")
        document = safe_load(text) or {"approvals": []}
    except OSError as exc:
        raise ConfigError(f"{shown}: cannot read approvals file: {exc.strerror or exc}") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}" if mark is not None else ""
        raise ConfigError(f"{shown}{where}: {getattr(exc, 'problem', None) or 'invalid YAML'}") from None
    document = _dates_as_text(document)
    import jsonschema  # here: 0.2 s of import that a run without approvals does not pay

    validator = jsonschema.Draft202012Validator(load_schema("approvals.schema.json"))
    errors = sorted(validator.iter_errors(document), key=lambda error: list(error.absolute_path))
    tree = yaml.compose(text)
    if errors:
        first = errors[0]
        where = "/".join(str(part) for part in first.absolute_path) or "top level"
        index = first.absolute_path[1] if len(first.absolute_path) > 1 else 0
        line = _line(tree, index) if isinstance(index, int) else 1
        raise ConfigError(f"{shown}:{line}: {where}: {first.message}")
    approvals = []
    for index, entry in enumerate(document["approvals"]):
        line = _line(tree, index)
        try:
            expires = date.fromisoformat(entry["expires"])
        except ValueError:
            raise ConfigError(f"{shown}:{line}: expires: {entry['expires']!r} is not a date") from None
        if max_days is not None and expires - today > timedelta(days=max_days):
            raise ConfigError(
                f"{shown}:{line}: approval of {entry['action']} of {entry['resource']} expires "
                f"{expires.isoformat()}, more than {max_days} days from {today.isoformat()} (max_waiver_days)"
            )
        approvals.append(
            Approval(
                resource=entry["resource"],
                action=entry["action"],
                approvers=_distinct(entry["approvers"]),
                ticket=entry["ticket"],
                reason=entry["reason"],
                expires=expires,
                source=shown,
                line=line,
                rule=entry.get("rule", ""),
                file=entry.get("file"),
            )
        )
    return tuple(approvals)


def _distinct(names: Sequence[Any]) -> tuple[str, ...]:
    """Each approver once, as first written: an address in another case or with spaces around it is
    the same person, so it never counts twice towards ``settings.required_approvals``."""
    found: dict[str, str] = {}
    for name in names:
        text = str(name).strip()
        found.setdefault(text.casefold(), text)
    return tuple(found.values())


def _dates_as_text(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {key: _dates_as_text(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_dates_as_text(item) for item in value]
    return value


def required_approvers(settings: Mapping[str, Any], unit: str) -> int:
    """``settings.required_approvals``: a number for every unit, or unit globs mapped to numbers (the
    largest matching wins; ``default`` for the others). One approver when not set."""
    value = settings.get("required_approvals", 1)
    if isinstance(value, bool):
        return 1
    if isinstance(value, int):
        return max(value, 1)
    if isinstance(value, Mapping):
        matching = [
            number
            for pattern, number in value.items()
            if pattern != "default" and isinstance(number, int) and matches_pattern(unit, str(pattern))
        ]
        default = value.get("default", 1)
        fallback = default if isinstance(default, int) and not isinstance(default, bool) else 1
        return max(max(matching, default=fallback), 1)
    return 1


def apply_approvals(
    findings: Sequence[Finding],
    graphs: Sequence[Graph],
    rules: RuleSet,
    approvals: Sequence[Approval],
    today: date,
    settings: Mapping[str, Any],
) -> ApprovalOutcome:
    """Approve the findings of rules that judge changes which a valid approval covers."""
    by_unit = {graph.name: graph for graph in graphs}
    used: set[Approval] = set()
    notes: dict[tuple[object, str], Notification] = {}
    approved: list[Approved] = []
    result: list[Finding] = []
    for finding in findings:
        rule = rules.by_id.get(finding.rule_id)
        graph = by_unit.get(finding.unit)
        resource = graph.by_id.get(finding.resource_id) if graph is not None else None
        if rule is None or not rule.changes or resource is None:
            result.append(finding)
            continue
        needed = required_approvers(settings, finding.unit)
        excused = finding.suppression
        if excused is not None:
            if needed < 2 or excused.approved:
                result.append(finding)
                continue
            # A waiver names one approver, an inline comment none: fewer than the unit asks for.
            notes[(excused, f"two-person {finding.unit}")] = Notification(
                "warning",
                f"{'waiver' if excused.kind == 'external' else 'inline suppression'} of {finding.rule_id} on "
                f"{finding.resource_id} "
                f"not applied: settings.required_approvals asks for {needed} approvers in {finding.unit} for "
                "a flagged change; approve it in the approvals file",
                excused.source,
                excused.line,
            )
            finding = dataclasses.replace(finding, suppression=None)
        action = action_of(resource.change)
        matching = [approval for approval in approvals if approval.covers(finding, action)]
        used.update(matching)
        valid = []
        for approval in matching:
            if approval.expires < today:
                notes[(approval, "expired")] = Notification(
                    "warning",
                    f"approval of {approval} expired on {approval.expires.isoformat()}: it approves nothing",
                    approval.source,
                    approval.line,
                )
            elif len(approval.approvers) < needed:
                notes[(approval, f"approvers {finding.unit}")] = Notification(
                    "warning",
                    f"approval of {approval} has {len(approval.approvers)} approver(s), settings."
                    f"required_approvals asks for {needed} in {finding.unit}: it approves nothing there",
                    approval.source,
                    approval.line,
                )
            else:
                valid.append(approval)
        if not valid:
            result.append(finding)
            continue
        chosen = max(valid, key=lambda approval: (len(approval.approvers), approval.expires))
        approved.append(Approved(chosen, finding.rule_id, finding.resource_id, finding.unit, action))
        result.append(dataclasses.replace(finding, suppression=chosen.suppression(action)))
    stale = tuple(approval for approval in approvals if approval not in used)
    for approval in stale:
        notes[(approval, "stale")] = Notification(
            "warning",
            f"stale approval: {approval} matches nothing this change does; remove it",
            approval.source,
            approval.line,
        )
    return ApprovalOutcome(tuple(result), tuple(notes.values()), tuple(approved), stale)
