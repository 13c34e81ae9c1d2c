"""One file scanned with some encryption rules: each check's outcome and each finding's message (as the
user reads it, in the file's own format), keyed by "<rule id> <resource id>"."""

from __future__ import annotations

from pathlib import Path

from iacgate.api import ScanSettings, scan


def outcomes_and_messages(
    directory: Path, name: str, text: str, rules: tuple[str, ...]
) -> tuple[dict[str, str], dict[str, str]]:
    (directory / name).write_text(text, encoding="utf-8")
    result = scan(ScanSettings(paths=(directory,), packs=("encryption",), only_rules=rules))
    outcomes = {f"{check.rule_id} {check.resource_id}": check.outcome for check in result.evaluation.checks}
    messages = {f"{finding.rule_id} {finding.resource_id}": finding.message for finding in result.findings}
    return outcomes, messages
