"""``--format text``: findings grouped by file for a person at a terminal, readable at 80 columns.

Writes to a rich ``Console`` the caller owns (``write_text``) or returns the text (``render_text``).
Without colour the console has no colour system and is not a terminal, so the text carries no escape
codes whatever the environment says (FORCE_COLOR, TTY_COMPATIBLE). User data is always wrapped in
``Text`` objects, never markup, so a message holding ``[brackets]`` prints as written, and always passes
through ``textio.visible`` first, so a control character in a file name, resource id or value (ESC [1A
ESC [2K erases the line above) prints as its escape; the colour this module asks for is rich's own.
"""

from __future__ import annotations

import io
import textwrap
from collections.abc import Sequence
from itertools import groupby

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from iacgate.api import ScanResult
from iacgate.findings import Finding
from iacgate.notifications import Notification
from iacgate.report.summary import (
    LEVEL_ORDER,
    SEVERITY_ORDER,
    Summary,
    approvals_text,
    baseline_counts,
    checks_text,
    findings_text,
    partial_text,
    summarize,
    unjudged_text,
    unresolved_text,
)
from iacgate.severity import Severity
from iacgate.textio import visible
from iacgate.waivers import EXPIRING_DAYS

SEVERITY_STYLES = {
    Severity.CRITICAL: "bold white on red",
    Severity.HIGH: "bold red",
    Severity.MEDIUM: "yellow",
    Severity.LOW: "cyan",
}
UNDETERMINED_STYLE = "bold magenta"
LEVEL_STYLES = {"error": "bold red", "warning": "yellow", "note": "cyan"}
DEFAULT_WIDTH = 80


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def _wrapped(console: Console, body: str, indent: int, hang: int = 0, label_style: str = "") -> None:
    """Word-wrapped at the console's width with a hanging indent, never splitting a word (ids and paths
    stay whole) and never padding lines with trailing spaces, which rich's own wrapping does."""
    body = visible(body)
    lines = textwrap.wrap(
        body,
        width=max(console.width, 40),
        initial_indent=" " * indent,
        subsequent_indent=" " * (indent + hang),
        break_long_words=False,
        break_on_hyphens=False,
    )
    for number, line in enumerate(lines):
        text = Text(line)
        if number == 0 and label_style:
            text.stylize(label_style, indent, indent + len(body.split(" ", 1)[0]))
        console.print(text, soft_wrap=True)


def _where(finding: Finding) -> str:
    return visible(f"{finding.file}:{finding.line}" if finding.line > 0 else finding.file)


def _tags(finding: Finding) -> list[tuple[str, str]]:
    """What changes how the finding counts: waived, its enforcement when not hard-mandatory, its state
    against the baseline. Hard-mandatory and no baseline say nothing, so the usual report stays short."""
    tags: list[tuple[str, str]] = []
    if finding.suppression is not None:
        label = finding.suppression.label
        tags.append((label.upper() if label in ("approved", "waived") else "SUPPRESSED inline", "green"))
    if finding.waiver_expired:
        tags.append((f"waiver expired {finding.waiver_expired}", "bold red"))
    if finding.enforcement != "hard-mandatory":
        tags.append((finding.enforcement, "cyan"))
    if finding.baseline_state is not None:
        tags.append((finding.baseline_state, "bold" if finding.baseline_state == "new" else "dim"))
    return tags


def _finding_lines(finding: Finding) -> tuple[Text, Text]:
    if finding.status == "fail":
        label = Text(finding.severity.value.upper(), style=SEVERITY_STYLES[finding.severity])
    else:
        label = Text.assemble(("UNDETERMINED", UNDETERMINED_STYLE), f" ({finding.severity.value})")
    head = Text.assemble("  ", label, "  ", (visible(finding.rule_id), "bold"), "  ", _where(finding))
    for tag, style in _tags(finding):
        head.append(f"  [{tag}]", style=style)
    resource = Text.assemble("    ", (visible(finding.resource_id), "bold"))
    if finding.native_attribute:
        resource.append(f"  ({visible(finding.native_attribute)})", style="dim")
    return head, resource


def _write_findings(console: Console, findings: Sequence[Finding], fixes: bool = False) -> None:
    """Findings grouped by unit (root module, plan, template), then by file: a module called from several
    roots has its findings once per caller, each under the root that instantiated it."""
    # A stable sort keeps the pipeline's line order inside each file.
    ordered = sorted(findings, key=lambda f: (f.unit, f.file))
    for unit, in_unit in groupby(ordered, key=lambda finding: finding.unit):
        items_of_unit = list(in_unit)
        if unit and any(finding.file != unit for finding in items_of_unit):
            kind = "root module" if items_of_unit[0].format == "terraform" else "unit"
            console.print(Text.assemble((f"{kind} ", "bold"), (visible(unit), "bold")), soft_wrap=True)
        for file, group in groupby(items_of_unit, key=lambda finding: finding.file):
            items = list(group)
            console.print(
                Text.assemble((visible(file), "bold underline"), f"  {_plural(len(items), 'finding')}")
            )
            for finding in items:
                head, resource = _finding_lines(finding)
                # Ids and file:line stay on one line however long, so they can be copied and searched.
                console.print(head, soft_wrap=True)
                console.print(resource, soft_wrap=True)
                _wrapped(console, finding.message, 4)
                if finding.suppression is not None:
                    label = finding.suppression.label
                    text = finding.suppression.justification
                    # An approval's justification starts "approved <action>:" and says so itself.
                    _wrapped(console, text if label == "approved" else f"{label}: {text}", 4, hang=8)
                if fixes and finding.remediation:
                    # Quiet output is all a hook's author sees: say how to fix it, not only what is wrong.
                    _wrapped(console, f"fix: {finding.remediation.strip()}", 4, hang=5)
            console.print()


def _write_notifications(console: Console, notes: Sequence[Notification]) -> None:
    if not notes:
        return
    console.print(Text(f"Problems ({len(notes)})", style="bold"))
    for note in sorted(notes, key=lambda item: LEVEL_ORDER[item.level]):
        _wrapped(console, f"{note.level.upper():<7} {note}", 2, hang=8, label_style=LEVEL_STYLES[note.level])
    console.print()


def _summary_table(summary: Summary) -> Table:
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, title_justify="left")
    for heading in ("Severity", "Failed", "Blocking", "Undetermined"):
        table.add_column(heading, justify="left" if heading == "Severity" else "right")
    for severity in SEVERITY_ORDER:
        table.add_row(
            Text(severity.value, style=SEVERITY_STYLES[severity]),
            str(summary.by_severity[severity]),
            str(summary.blocking_by_severity[severity]),
            str(summary.undetermined_by_severity[severity]),
        )
    table.add_row(
        Text("total", style="bold"),
        str(summary.by_status["fail"]),
        str(summary.blocking),
        str(summary.by_status["undetermined"]),
    )
    return table


def _checked_line(summary: Summary) -> str:
    line = (
        f"Checked {_plural(summary.resources, 'resource')} in {_plural(summary.files, 'file')} "
        f"against {_plural(summary.rules, 'rule')}: {checks_text(summary)}. {findings_text(summary)}."
    )
    extra = " ".join(text for text in (unjudged_text(summary), unresolved_text(summary)) if text)
    return f"{line} {extra}" if extra else line


def _write_exceptions(console: Console, result: ScanResult) -> None:
    """Partial inputs, approvals (and stale ones), baseline counts and the waivers someone must renew soon
    (stale waivers are warnings under Problems)."""
    for line in (partial_text(result), approvals_text(result)):
        if line:
            _wrapped(console, line, 0)
    if result.baseline is not None:
        counts = baseline_counts(result)
        states = ", ".join(f"{counts[state]} {state}" for state in ("new", "unchanged", "updated", "absent"))
        _wrapped(console, f"Baseline {result.baseline}: {states}.", 0)
    if result.expiring_waivers:
        console.print(Text(f"Waivers expiring within {EXPIRING_DAYS} days:", style="bold yellow"))
        for waiver in result.expiring_waivers:
            line = f"- {waiver} expires {waiver.expires.isoformat()} (approved by {waiver.approved_by}"
            line += f", ticket {waiver.ticket})" if waiver.ticket else ")"
            _wrapped(console, f"{line}, {waiver.source}:{waiver.line}", 2, hang=2)


def _verdict(result: ScanResult) -> Text:
    decision = result.decision
    word = ("PASSED", "bold green") if decision.passed else ("FAILED", "bold red")
    return Text.assemble(("Gate ", "bold"), word, f" (exit {decision.exit_code})")


def write_text(console: Console, result: ScanResult, quiet: bool = False) -> None:
    """Print the report on ``console``; ``quiet`` keeps blocking findings, errors and one summary line."""
    errors = [note for note in result.notifications if note.level == "error"]
    if quiet:
        _write_findings(console, result.decision.blocking, fixes=True)
        _write_notifications(console, errors)
        line = _verdict(result)
        line.append(visible(": " + "; ".join(result.decision.reasons)))
        summary = summarize(result)
        if result.partial:
            line.append(
                visible("; " + "; ".join(f"{item.file} is a partial input" for item in result.partial))
            )
        if summary.resources and not summary.check_total:
            # A gate that judged nothing is never a silent pass, even for a hook.
            sentence = unjudged_text(summary)
            line.append("; " + sentence[0].lower() + sentence[1:])
        console.print(line, soft_wrap=True)
        return
    if result.findings:
        _write_findings(console, result.findings)
    else:
        console.print(Text("No findings.", style="green"))
        console.print()
    _write_notifications(console, result.notifications)
    summary = summarize(result)
    # Every number in the table counts findings; checks are counted in the line below it.
    console.print(Text("Findings by severity", style="bold"))
    console.print(_summary_table(summary))
    console.print()
    _wrapped(console, _checked_line(summary), 0)
    _write_exceptions(console, result)
    console.print(_verdict(result))
    for reason in result.decision.reasons:
        _wrapped(console, f"- {reason}", 2, hang=2)


def text_console(file: io.StringIO, color: bool, width: int = DEFAULT_WIDTH) -> Console:
    return Console(
        file=file,
        width=width,
        force_terminal=color,
        no_color=not color,
        color_system="standard" if color else None,
        highlight=False,
        markup=False,
        emoji=False,
        legacy_windows=False,
    )


def render_text(
    result: ScanResult, color: bool = False, quiet: bool = False, width: int = DEFAULT_WIDTH
) -> str:
    buffer = io.StringIO()
    write_text(text_console(buffer, color, width), result, quiet)
    return buffer.getvalue()
