"""``iacgate rules``: the rule catalogue as a terminal table or JSON."""

from __future__ import annotations

import io
import json
from typing import Any

from rich.console import Console
from rich.table import Table

from iacgate.packs.model import FRAMEWORKS, Rule, RuleSet


def rule_record(rule: Rule) -> dict[str, Any]:
    controls: dict[str, list[str]] = {framework: [] for framework in FRAMEWORKS}
    for control in rule.controls:
        controls.setdefault(control.framework, []).append(control.control_id)
    return {
        "id": rule.id,
        "name": rule.name,
        "pack": rule.pack,
        "title": rule.title,
        "severity": rule.severity.value,
        "scope": rule.scope,
        "resource_types": list(rule.resource_types),
        "help_uri": rule.help_uri,
        "controls": controls,
    }


def render_rules(rules: RuleSet, output_format: str, color: bool = False) -> str:
    if output_format == "json":
        return json.dumps({"rules": [rule_record(rule) for rule in rules.rules]}, indent=2) + "\n"
    buffer = io.StringIO()
    console = Console(file=buffer, width=120, force_terminal=color, no_color=not color, highlight=False)
    table = Table(title=f"{len(rules.rules)} rules in {len(rules.packs)} packs", title_justify="left")
    for heading in ("Rule", "Severity", "Resource types", "Title"):
        table.add_column(heading, overflow="fold")
    for rule in rules.rules:
        table.add_row(rule.id, rule.severity.value, ", ".join(rule.resource_types), rule.title)
    console.print(table)
    return buffer.getvalue()
