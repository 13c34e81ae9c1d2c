"""Pulumi stack exports for Azure (``azure`` classic) and GCP (``gcp``) fixture cases.

``tests/rules/fixture_writer.py`` writes Pulumi for AWS only; this writes the same cases as a
``pulumi stack export`` of the azure or gcp provider. Inputs come from the Terraform arguments as Pulumi
names them: camelCase keys; a nested block that may occur once becomes an object; a repeated block keeps
its list under Pulumi's plural name (``database_flags`` stays ``databaseFlags``, ``enabled_log`` becomes
``enabledLogs``: ``PLURALS``). A reference becomes the target's id (or the attribute it names, when the
target sets it) plus ``dependencies`` and ``propertyDependencies`` naming the target's URN. A case can give
its own inputs (``Case.pulumi``) or be left out (``Case.pulumi_token`` None).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from fixture_writer import Interpolated

from plan_builder import Ref

# Repeated Terraform blocks and the plural Pulumi gives them (the parser maps them back through
# pulumi_types.json renames or, when the Terraform name is already plural, keeps them).
PLURALS = {
    "enabled_log": "enabledLogs",
    "log": "logs",
    "metric": "metrics",
    "audit_log_config": "auditLogConfigs",
    "database_flags": "databaseFlags",
    "subnet": "subnets",
    "ip_configuration": "ipConfigurations",
}


@dataclass(frozen=True)
class Case:
    """One resource: its Terraform type, name (by outcome), arguments and plan-only defaults; its Pulumi
    type token (None: not in the Pulumi stack), its Pulumi id, and inputs that differ from the converted
    Terraform arguments."""

    type: str
    name: str
    arguments: Mapping[str, Any]
    defaults: Mapping[str, Any] = field(default_factory=dict)
    pulumi_token: str | None = None
    pulumi_id: str | None = None
    pulumi: Mapping[str, Any] | None = None
    terraform: bool = True  # False: only in the Pulumi stack
    # Plan values that differ from the configuration (a data source's known value), merged over it.
    plan_values: Mapping[str, Any] = field(default_factory=dict)
    # HCL written in main.tf instead of the generated block (a dynamic block, which the writer does not
    # write): the plan is still written from the arguments and plan_values.
    hcl: str | None = None

    @property
    def address(self) -> str:
        return f"{self.type}.{self.name}"


def camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part[:1].upper() + part[1:] for part in rest)


def _is_blocks(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(item, Mapping) for item in value)


def _convert(value: Any, resolve: Any) -> Any:
    if isinstance(value, Ref | Interpolated):
        return resolve(value)
    if isinstance(value, Mapping):
        converted: dict[str, Any] = {}
        for key, item in value.items():
            if item is None:
                continue
            if _is_blocks(item) and key not in PLURALS:
                converted[camel(key)] = _convert(item[0], resolve)
            elif key in PLURALS and isinstance(item, list):
                converted[PLURALS[key]] = [_convert(block, resolve) for block in item]
            else:
                converted[camel(key)] = _convert(item, resolve)
        return converted
    if isinstance(value, list | tuple):
        return [_convert(item, resolve) for item in value]
    return value


def stack_export(
    cases: Sequence[Case], package: str, config: Mapping[str, Any], project: str = "fixtures"
) -> dict[str, Any]:
    """A ``pulumi stack export`` of the cases that have a Pulumi type token, for provider ``package``."""
    stack = "prod"
    prefix = f"urn:pulumi:{stack}::{project}::"
    root_urn = f"{prefix}pulumi:pulumi:Stack::{project}-{stack}"
    provider_urn = f"{prefix}pulumi:providers:{package}::default"
    chosen = [case for case in cases if case.pulumi_token is not None]
    urns = {case.address: f"{prefix}{case.pulumi_token}::{case.name}" for case in chosen}
    ids = {case.address: case.pulumi_id or case.name.replace("_", "-") for case in chosen}
    by_address = {case.address: case for case in chosen}
    resources: list[dict[str, Any]] = [
        {"urn": root_urn, "custom": False, "type": "pulumi:pulumi:Stack"},
        {
            "urn": provider_urn,
            "custom": True,
            "id": "default-id",
            "type": f"pulumi:providers:{package}",
            "inputs": dict(config),
            "outputs": dict(config),
        },
    ]
    # A case of another package (azure-native beside azure) gets that package's default provider.
    other_packages = sorted({str(case.pulumi_token).split(":", 1)[0] for case in chosen} - {package})
    providers = {package: provider_urn}
    for other in other_packages:
        providers[other] = f"{prefix}pulumi:providers:{other}::default"
        resources.append(
            {
                "urn": providers[other],
                "custom": True,
                "id": "default-id",
                "type": f"pulumi:providers:{other}",
                "inputs": dict(config),
                "outputs": dict(config),
            }
        )
    for case in chosen:
        property_dependencies: dict[str, list[str]] = {}
        raw = case.pulumi if case.pulumi is not None else case.arguments
        inputs: dict[str, Any] = {}
        for key, value in raw.items():
            used: set[str] = set()

            def resolve(ref: Ref | Interpolated, used: set[str] = used) -> Any:
                target_ref = ref.ref if isinstance(ref, Interpolated) else ref
                suffix = ref.suffix if isinstance(ref, Interpolated) else ""
                prefix = ref.prefix if isinstance(ref, Interpolated) else ""
                if target_ref.target not in by_address:  # a variable: a stack export has its value
                    return f"{prefix}{target_ref.target.removeprefix('var.')}-value{suffix}"
                target = by_address[target_ref.target]
                used.add(urns[target.address])
                attribute = target_ref.attribute or "id"
                value = target.arguments.get(attribute) if attribute != "id" else None
                return f"{prefix}{value if isinstance(value, str) else ids[target.address]}{suffix}"

            converted = (
                _convert({key: value}, resolve) if case.pulumi is None else {key: _convert(value, resolve)}
            )
            inputs.update(converted)
            if used:
                for name in converted:
                    property_dependencies[name] = sorted(used)
        entry: dict[str, Any] = {
            "urn": urns[case.address],
            "custom": True,
            "id": ids[case.address],
            "type": case.pulumi_token,
            "inputs": inputs,
            "outputs": inputs,
            "parent": root_urn,
            "provider": f"{providers[str(case.pulumi_token).split(':', 1)[0]]}::default-id",
        }
        if property_dependencies:
            entry["dependencies"] = sorted({urn for urns_ in property_dependencies.values() for urn in urns_})
            entry["propertyDependencies"] = property_dependencies
        resources.append(entry)
    manifest = {"time": "2025-06-02T09:14:27Z", "magic": project, "version": "v3.136.1"}
    return {"version": 3, "deployment": {"manifest": manifest, "resources": resources}}


def write_pulumi(path: Path, cases: Sequence[Case], package: str, config: Mapping[str, Any]) -> Path | None:
    if not any(case.pulumi_token for case in cases):
        return None
    path.write_text(json.dumps(stack_export(cases, package, config), indent=1) + "\n", encoding="utf-8")
    return path
