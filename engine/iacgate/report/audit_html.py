"""``iacgate report results.sarif --html report.html``: one self-contained HTML page for auditors.

Stdlib only (``html.escape`` and f-strings): the page is a handful of tables, and a template engine would
be a dependency for the one place the project writes HTML. Everything taken from the SARIF is escaped,
since it holds file names, messages and waiver reasons that users wrote. The page loads nothing: the
stylesheet is inlined and a Content-Security-Policy forbids scripts and every external fetch, so the
report reads the same offline, archived, or opened years later.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from html import escape
from importlib import resources
from typing import Any

from iacgate.report.audit import (
    SEVERITIES,
    AuditFinding,
    AuditReport,
    AuditRun,
    ControlRow,
    WaiverEntry,
)

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"


def _e(value: object) -> str:
    return escape(str(value), quote=True)


def _none(text: str) -> str:
    return f'<p class="none">{_e(text)}</p>'


def _table(headers: Sequence[str], rows: Iterable[Sequence[str]], numeric: Sequence[int] = ()) -> str:
    """Cells arrive as HTML already escaped by the caller; headers are escaped here."""
    head = "".join(
        f'<th class="num">{_e(name)}</th>' if index in numeric else f"<th>{_e(name)}</th>"
        for index, name in enumerate(headers)
    )
    body = "".join(
        "<tr>"
        + "".join(
            f'<td class="num">{cell}</td>' if index in numeric else f"<td>{cell}</td>"
            for index, cell in enumerate(row)
        )
        + "</tr>"
        for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _code(value: str) -> str:
    return f"<code>{_e(value)}</code>" if value else ""


def _severity(value: str) -> str:
    return f'<span class="sev {_e(value) if value in SEVERITIES else ""}">{_e(value)}</span>'


def _facts(pairs: Iterable[tuple[str, str]]) -> str:
    items = "".join(f"<dt>{_e(name)}</dt><dd>{value}</dd>" for name, value in pairs if value)
    return f'<dl class="facts">{items}</dl>'


def _plural(count: object, word: str) -> str:
    return f"{count} {word}" if str(count) == "1" else f"{count} {word}s"


def _gate(run: AuditRun) -> str:
    gate = run.gate
    if not gate.known:
        return '<div class="gate unknown"><div class="verdict">Gate decision not recorded</div></div>'
    state = "passed" if gate.passed else "failed"
    details = [f"exit code {gate.exit_code}"] if gate.exit_code else []
    details += [f"fails on {gate.fail_on} and above"] if gate.fail_on else []
    in_checks = run.scope.checks.get("blocking")
    blocking = _plural(gate.blocking, "blocking finding")
    blocking += f" in {_plural(in_checks, 'check')}" if in_checks is not None else ""
    details += [blocking] if gate.blocking else []
    details += [f"run with {flag}" for flag in gate.flags]
    details += [f"partial input: {', '.join(file for file, _ in run.partial)}"] if run.partial else []
    reasons = "".join(f"<li>{_e(reason)}</li>" for reason in gate.reasons)
    return (
        f'<div class="gate {state}" id="gate"><div class="verdict">Gate {state.upper()}</div>'
        f'<div class="sub">{_e("; ".join(details))}</div>'
        f"{f'<ul>{reasons}</ul>' if reasons else ''}</div>"
    )


def _unjudged(by_type: Mapping[str, Any] | None) -> str:
    """Resources no rule applied to, by type; "none" when every resource was judged."""
    if by_type is None:
        return "not recorded in this log"
    counts = [(str(name), count) for name, count in by_type.items() if isinstance(count, int)]
    if not counts:
        return "none: a rule applied to every resource"
    total = sum(count for _, count in counts)
    listed = ", ".join(f"{_code(name)} {count}" for name, count in counts)
    return f"{total} resources no rule applies to: {listed}"


def _findings_fact(items: Sequence[AuditFinding]) -> str:
    """The findings of the run in the words of the text report's summary line."""
    failed = sum(1 for item in items if item.status == "fail")
    undetermined = sum(1 for item in items if item.status == "undetermined")
    blocking = sum(1 for item in items if item.blocking)
    waived = sum(1 for item in items if item.waived and not item.approved)
    approved = sum(1 for item in items if item.approved)
    return _e(
        f"{_plural(len(items), 'finding')} (rule x resource x attribute): {failed} failed, "
        f"{undetermined} undetermined; {blocking} blocking the gate, {waived} waived"
        + (f", {approved} approved" if approved else "")
    )


def _partial(run: AuditRun) -> str:
    """Inputs holding only part of the change, in the words of the text report's summary."""
    return " ".join(
        f"{file} holds only part of the change ({'; '.join(reasons)}): the gate judged only what it holds."
        for file, reasons in run.partial
    )


def _scope(run: AuditRun) -> str:
    scope = run.scope
    checks = scope.checks
    checked = (
        f"{_e(_plural(checks.get('total', ''), 'check'))} (rule x resource): "
        f"{_e(checks.get('pass', 0))} passed, {_e(checks.get('fail', 0))} failed, "
        f"{_e(checks.get('undetermined', 0))} undetermined"
        if checks
        else ""
    )
    if checked and "blocking" in checks:
        checked += f"; {_e(checks['blocking'])} with a finding that blocks the gate"
    facts = _facts(
        [
            ("Tool", _e(f"{scope.tool} {scope.version}".strip())),
            ("Scanned root", _code(scope.root)),
            ("Category", _code(scope.category)),
            ("Started (UTC)", _e(scope.started)),
            ("Finished (UTC)", _e(scope.ended)),
            ("Engine", _e(scope.engine)),
            ("Rule packs", _e(", ".join(scope.packs))),
            ("Files", _e(len(scope.files))),
            ("Resources", _e(scope.resources)),
            ("Checks", checked),
            ("Findings", _findings_fact(run.findings)),
            *([("Partial input", _e(_partial(run)))] if run.partial else []),
            ("Not judged", _unjudged(scope.unjudged)),
            ("Waivers file", _code(run.waivers_file)),
        ]
    )
    files = _table(
        ("File", "Format", "Resources", "Parsed"),
        (
            (_code(item.uri), _e(item.format), _e(item.resources), "yes" if item.parsed else "<b>no</b>")
            for item in scope.files
        ),
        numeric=(2,),
    )
    provenance = (
        _table(
            ("Repository", "Revision", "Branch"),
            ((_code(item.repository), _code(item.revision), _e(item.branch)) for item in run.provenance),
        )
        if run.provenance
        else _none("No version-control provenance recorded (the scan did not run in a git work tree).")
    )
    return (
        f'<h2 id="scope">Scope</h2>{facts}'
        f"<details><summary>{_e(len(scope.files))} scanned files</summary>{files}</details>"
        f'<h3 id="provenance">Provenance</h3>{provenance}'
    )


def _counts(items: Sequence[AuditFinding]) -> tuple[str, str, str, str, str]:
    return (
        _e(sum(1 for item in items if item.status == "fail")),
        _e(sum(1 for item in items if item.blocking)),
        _e(sum(1 for item in items if item.waived)),
        _e(sum(1 for item in items if item.status == "undetermined")),
        _e(len(items)),
    )


def _overview(run: AuditRun) -> str:
    headers = ("Failed", "Blocking", "Waived", "Undetermined", "Total")
    by_severity = _table(
        ("Severity", *headers),
        (
            (_severity(severity), *_counts([i for i in run.findings if i.severity == severity]))
            for severity in SEVERITIES
        ),
        numeric=(1, 2, 3, 4, 5),
    )
    packs = sorted({item.pack for item in run.findings})
    by_pack = _table(
        ("Pack", *headers),
        ((_e(pack), *_counts([i for i in run.findings if i.pack == pack])) for pack in packs),
        numeric=(1, 2, 3, 4, 5),
    )
    absent = (
        f"<p>{_e(run.absent)} findings of the baseline are absent from this scan (fixed or removed).</p>"
        if run.absent
        else ""
    )
    return (
        '<h2 id="overview">Findings overview</h2>'
        f"<h3>By severity</h3>{by_severity}"
        f"<h3>By pack</h3>{by_pack if packs else _none('No findings.')}{absent}"
    )


def _id(value: str) -> str:
    """Rule and control ids never wrap mid-id; lists of them wrap between ids."""
    return f'<code class="id">{_e(value)}</code>' if value else ""


def _rule_list(rules: Sequence[str]) -> str:
    return " ".join(_id(rule) for rule in rules)


def _control_row(row: ControlRow) -> tuple[str, ...]:
    return (
        _id(row.control),
        _e(len(row.rules)),
        _e(row.passed),
        _e(len(row.failed)),
        _e(len(row.waived)),
        _e(len(row.undetermined)),
        _e(len(row.not_applicable)),
        _e(row.findings),
        f'<span class="outcome {row.outcome}">{row.outcome.replace("-", " ")}</span>',
        _rule_list(row.rules),
    )


def _controls(run: AuditRun) -> str:
    if not run.controls:
        return '<h2 id="controls">Control coverage</h2>' + _none("No rule of this run maps to a control.")
    parts = [
        '<h2 id="controls">Control coverage</h2>',
        "<p>Per control: the rules mapped to it that this run evaluated, and how many of them passed "
        "(applied to at least one resource, no finding), failed, were waived (every finding waived), "
        "could not be decided (a value unknown until apply) or did not apply (no resource of their "
        "types in scope). Findings counts every finding of those rules.</p>",
    ]
    frameworks = list(dict.fromkeys(row.framework for row in run.controls))
    for framework in frameworks:
        rows = [row for row in run.controls if row.framework == framework]
        title = run.frameworks.get(framework, framework)
        parts.append(f"<h3>{_e(title)} <code>{_e(framework)}</code></h3>")
        parts.append(
            _table(
                (
                    "Control",
                    "Rules checked",
                    "Passed",
                    "Failed",
                    "Waived",
                    "Undetermined",
                    "Not applicable",
                    "Findings",
                    "Outcome",
                    "Rules",
                ),
                (_control_row(row) for row in rows),
                numeric=(1, 2, 3, 4, 5, 6, 7),
            )
        )
    return "".join(parts)


def _waiver_table(entries: Sequence[WaiverEntry]) -> str:
    return _table(
        ("Rule", "Resource", "Reason", "Approver", "Ticket", "Expires", "Defined at"),
        (
            (
                _id(w.rule),
                _code(w.resource),
                _e(w.reason),
                _e(w.approver),
                _e(w.ticket),
                _e(w.expires),
                _code(w.source),
            )
            for w in entries
        ),
    )


def _waivers(run: AuditRun) -> str:
    rows = [
        (
            _id(item.rule_id),
            _code(item.resource),
            _code(item.location),
            _e(waiver.kind),
            _e(waiver.reason or waiver.justification),
            _e(waiver.approver),
            _e(waiver.ticket),
            _e(waiver.expires),
            _code(waiver.source),
        )
        for item in run.findings
        for waiver in item.waivers
        if not waiver.approved  # under "Approved changes"
    ]
    parts = ['<h2 id="waivers">Waivers</h2>']
    parts.append(
        _table(
            ("Rule", "Resource", "Location", "Kind", "Reason", "Approver", "Ticket", "Expires", "Defined at"),
            rows,
        )
        if rows
        else _none("No finding is waived.")
    )
    if run.expired:
        parts.append(f"<p><b>{_e(run.expired)}</b> findings had an expired waiver and count as failing.</p>")
    if run.expiring:
        parts.append(f"<h3>Expiring soon ({_e(len(run.expiring))})</h3>{_waiver_table(run.expiring)}")
    if run.stale:
        parts.append(f"<h3>Stale: matched no finding ({_e(len(run.stale))})</h3>{_waiver_table(run.stale)}")
    return "".join(parts)


def _approvals(run: AuditRun) -> str:
    """Who approved which destructive or weakening change: shown when the scan read an approvals file."""
    if not (run.approvals_file or run.approved or run.stale_approvals):
        return ""
    parts = ['<h2 id="approvals">Approved changes</h2>']
    if run.approvals_file:
        parts.append(_facts([("Approvals file", _code(run.approvals_file))]))
    rows = [
        (
            _id(entry.rule_id),
            _code(entry.resource_id),
            _e(entry.action),
            _e(entry.approvers),
            _e(entry.ticket),
            _e(entry.reason),
            _e(entry.expires),
            _code(entry.source),
        )
        for entry in run.approved
    ]
    headers = ("Rule", "Resource", "Action", "Approved by", "Ticket", "Reason", "Expires", "Defined at")
    parts.append(_table(headers, rows) if rows else _none("No flagged change is approved."))
    if run.stale_approvals:
        stale = [
            (
                _code(entry.pattern),
                _e(entry.action),
                _e(entry.approvers),
                _e(entry.ticket),
                _e(entry.expires),
                _code(entry.source),
            )
            for entry in run.stale_approvals
        ]
        parts.append(
            f"<h3>Stale: matched nothing this change does ({_e(len(stale))})</h3>"
            + _table(("Resource", "Action", "Approved by", "Ticket", "Expires", "Defined at"), stale)
        )
    return "".join(parts)


def _state(item: AuditFinding) -> str:
    if item.approved:
        return '<span class="outcome waived">approved</span>'
    if item.waived:
        return '<span class="outcome waived">waived</span>'
    if item.blocking:
        return '<span class="outcome failed">blocking</span>'
    if item.status == "undetermined":
        return '<span class="outcome undetermined">undetermined</span>'
    return '<span class="tag">not blocking</span>'


def _finding_row(item: AuditFinding, titles: dict[str, str]) -> tuple[str, ...]:
    notes = [f"waiver expired {item.waiver_expired}"] if item.waiver_expired else []
    notes += [item.enforcement] if item.enforcement and item.enforcement != "hard-mandatory" else []
    notes += [f"baseline: {item.baseline}"] if item.baseline else []
    return (
        _severity(item.severity),
        _state(item),
        f"{_id(item.rule_id)}<br>{_e(titles.get(item.rule_id, ''))}",
        _code(item.resource),
        _code(item.location),
        _e(item.message),
        _rule_list(item.controls),
        _e(", ".join(notes)),
    )


def _findings(run: AuditRun) -> str:
    if not run.findings:
        return '<h2 id="findings">Findings</h2>' + _none("No findings: every check passed.")
    rank = {severity: index for index, severity in enumerate(SEVERITIES)}
    titles = dict(run.rule_titles)
    parts = ['<h2 id="findings">Findings by pack</h2>']
    for pack in sorted({item.pack for item in run.findings}):
        items = sorted(
            (item for item in run.findings if item.pack == pack),
            key=lambda i: (rank.get(i.severity, len(rank)), i.rule_id, i.resource),
        )
        parts.append(f"<h3>{_e(pack)} ({_e(len(items))})</h3>")
        parts.append(
            _table(
                ("Severity", "State", "Rule", "Resource", "Location", "Message", "Controls", "Notes"),
                (_finding_row(item, titles) for item in items),
            )
        )
    return "".join(parts)


def _notices(run: AuditRun) -> str:
    if not run.notices:
        return ""
    rows = ((_e(n.level), _code(n.location), _e(n.message)) for n in run.notices)
    return '<h2 id="notices">Tool notifications</h2>' + _table(("Level", "Location", "Message"), rows)


def _run(run: AuditRun, number: int, total: int) -> str:
    heading = f"<h2>Run {number} of {total}</h2>" if total > 1 else ""
    return (
        f"<section>{heading}{_gate(run)}{_scope(run)}{_overview(run)}{_controls(run)}"
        f"{_waivers(run)}{_approvals(run)}{_findings(run)}{_notices(run)}</section>"
    )


def stylesheet() -> str:
    return resources.files("iacgate.report").joinpath("audit.css").read_text(encoding="utf-8")


def render_audit_html(report: AuditReport) -> str:
    runs = "".join(_run(run, number, len(report.runs)) for number, run in enumerate(report.runs, 1))
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>iacgate audit report: {_e(report.source)}</title>"
        f"<style>{stylesheet()}</style></head><body>"
        "<h1>iacgate audit report</h1>"
        f'<p class="sub">Rendered from the SARIF evidence <code>{_e(report.source)}</code>.</p>'
        f"{runs}</body></html>\n"
    )
