"""SARIF ``tool.driver.rules[]`` and the control frameworks as SARIF taxonomies.

Each rule points at the controls it enforces through ``relationships`` into ``run.taxonomies``, and also
lists them as ``properties.controls`` ("framework:id") for readers that do not follow taxonomies.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from iacgate.packs.model import FRAMEWORKS, Rule
from iacgate.report import sarif_node as sarif
from iacgate.report.sarif_node import Node


@dataclass(frozen=True)
class Taxonomies:
    """Frameworks in a fixed order with their controls; indexes are what SARIF references use."""

    frameworks: tuple[str, ...]
    controls: Mapping[str, tuple[str, ...]]

    def framework_index(self, framework: str) -> int:
        return self.frameworks.index(framework)

    def control_index(self, framework: str, control_id: str) -> int:
        return self.controls[framework].index(control_id)


def taxonomies_for(rules: Sequence[Rule]) -> Taxonomies:
    found: dict[str, list[str]] = {}
    for rule in rules:
        for control in rule.controls:
            known = found.setdefault(control.framework, [])
            if control.control_id not in known:
                known.append(control.control_id)
    # Known frameworks in their documented order, then any a custom pack brought, by name.
    order = [name for name in FRAMEWORKS if name in found] + sorted(set(found) - set(FRAMEWORKS))
    return Taxonomies(tuple(order), {name: tuple(found[name]) for name in order})


def taxonomy_components(taxonomies: Taxonomies) -> list[Node]:
    return [
        sarif.ToolComponent(
            name=framework,
            full_name=FRAMEWORKS.get(framework, framework),
            short_description=sarif.MultiformatMessageString(text=FRAMEWORKS.get(framework, framework)),
            taxa=[sarif.ReportingDescriptor(id=control) for control in taxonomies.controls[framework]],
            is_comprehensive=False,
        )
        for framework in taxonomies.frameworks
    ]


def supported_taxonomies(taxonomies: Taxonomies) -> list[Node]:
    return [
        sarif.ToolComponentReference(name=framework, index=index)
        for index, framework in enumerate(taxonomies.frameworks)
    ]


def rule_tags(rule: Rule) -> list[str]:
    """GitHub shows results tagged "security" as security alerts; the pack makes them filterable."""
    tags: list[str] = []
    for tag in ("security", rule.pack, *rule.tags):
        if tag not in tags:
            tags.append(tag)
    return tags


def control_names(rule: Rule) -> list[str]:
    return [f"{control.framework}:{control.control_id}" for control in rule.controls]


def _controls_text(rule: Rule) -> str:
    by_framework: dict[str, list[str]] = {}
    for control in rule.controls:
        by_framework.setdefault(control.framework, []).append(control.control_id)
    return "; ".join(f"{FRAMEWORKS.get(name, name)} {', '.join(ids)}" for name, ids in by_framework.items())


def _help(rule: Rule) -> Node:
    example = rule.remediation.terraform.rstrip("\n")
    controls = _controls_text(rule)
    text = f"{rule.remediation.text}\n\nExample (Terraform):\n{example}\n"
    markdown = f"**Remediation:** {rule.remediation.text}\n\n```hcl\n{example}\n```\n"
    if controls:
        text += f"\nControls: {controls}\n"
        markdown += f"\n**Controls:** {controls}\n"
    if rule.help_uri:
        text += f"\nMore: {rule.help_uri}\n"
        markdown += f"\n[Documentation]({rule.help_uri})\n"
    return sarif.MultiformatMessageString(text=text, markdown=markdown)


def _relationships(rule: Rule, taxonomies: Taxonomies) -> list[Node]:
    return [
        sarif.ReportingDescriptorRelationship(
            target=sarif.ReportingDescriptorReference(
                id=control.control_id,
                index=taxonomies.control_index(control.framework, control.control_id),
                tool_component=sarif.ToolComponentReference(
                    name=control.framework, index=taxonomies.framework_index(control.framework)
                ),
            ),
            kinds=["relevant"],
        )
        for control in rule.controls
    ]


def rule_properties(rule: Rule) -> dict[str, Any]:
    return {
        "pack": rule.pack,
        "tags": rule_tags(rule),
        "precision": rule.precision,
        "security-severity": rule.severity.security_severity,
        "severity": rule.severity.value,
        "scope": rule.scope,
        "resourceTypes": list(rule.resource_types),
        "controls": control_names(rule),
    }


def rule_descriptor(rule: Rule, taxonomies: Taxonomies, checks: Mapping[str, int] | None = None) -> Node:
    """``checks``: how many resources the rule was applied to in this run, by outcome. Auditors read
    "0 checks" as "not applicable here", which the absence of findings alone cannot tell."""
    properties = rule_properties(rule)
    if checks is not None:
        outcomes = ("pass", "fail", "undetermined")
        properties["checks"] = {outcome: checks.get(outcome, 0) for outcome in outcomes}
    full = "\n\n".join(part.strip() for part in (rule.description, rule.rationale) if part.strip())
    return sarif.ReportingDescriptor(
        id=rule.id,
        name=rule.name,
        short_description=sarif.MultiformatMessageString(text=rule.title),
        full_description=sarif.MultiformatMessageString(text=full or rule.title),
        help=_help(rule),
        help_uri=rule.help_uri or None,
        default_configuration=sarif.ReportingConfiguration(level=rule.severity.sarif_level),
        properties=properties,
        relationships=_relationships(rule, taxonomies) or None,
    )
