"""Fixtures of the Azure and GCP encryption rules of issue 15 in Terraform HCL, plan JSON and Pulumi.

One :class:`Res` per resource, named by the outcome the rule must give it. Its Terraform arguments go
through ``tests/rules/fixture_writer.py`` (HCL and plan); its Pulumi inputs are derived from them (keys in
camelCase, a block that occurs once as an object, blocks named in ``plural`` as a list under Pulumi's plural
name) unless given, and written here as a ``pulumi stack export`` of the ``azure`` or ``gcp`` package.
``extra_hcl`` is HCL appended to ``main.tf`` for shapes the case list does not write (variables, numbers
where strings are expected, ``jsonencode``).
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "benchmarks"))

import fixture_writer
from fixture_writer import Case, Interpolated, Provider

from plan_builder import UNKNOWN, Ref

ROOT = Path(__file__).resolve().parents[3]

AZURERM = Provider(
    "azurerm", "registry.terraform.io/hashicorp/azurerm", "~> 4.10", settings={"features": [{}]}
)
GOOGLE = Provider(
    "google",
    "registry.terraform.io/hashicorp/google",
    "~> 6.10",
    settings={"project": "acme-payments-prod", "region": "europe-west1"},
)
AZAPI = Provider("azapi", "registry.terraform.io/azure/azapi", "~> 2.0")

NO_PULUMI: Any = object()  # a resource Pulumi has no type for (azapi_resource) or a case not written there


@dataclass(frozen=True)
class Res:
    type: str
    name: str
    tf: Mapping[str, Any] | None
    pulumi: Any = None  # None: derived from tf; NO_PULUMI: left out; a dict: the inputs as written
    plan: Mapping[str, Any] = field(default_factory=dict)  # plan values over the configuration
    defaults: Mapping[str, Any] = field(default_factory=dict)  # provider defaults, in the plan only


@dataclass(frozen=True)
class Rule:
    id: str
    provider: Provider
    resources: Sequence[Res]
    tokens: Mapping[str, str]  # Terraform type -> Pulumi type token
    plural: Mapping[str, str] = field(default_factory=dict)  # Terraform block -> Pulumi list name
    extra_hcl: str = ""


def camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part[:1].upper() + part[1:] for part in rest)


def _contains_unknown(value: Any) -> bool:
    if value is UNKNOWN:
        return True
    if isinstance(value, Mapping):
        return any(_contains_unknown(item) for item in value.values())
    if isinstance(value, list | tuple):
        return any(_contains_unknown(item) for item in value)
    return False


def derive(arguments: Mapping[str, Any], plural: Mapping[str, str]) -> dict[str, Any]:
    inputs: dict[str, Any] = {}
    for key, value in arguments.items():
        if value is None:
            continue
        is_blocks = isinstance(value, list) and value and all(isinstance(item, Mapping) for item in value)
        if is_blocks and key in plural:
            inputs[plural[key]] = [derive(item, plural) for item in value]
        elif is_blocks:
            inputs[camel(key)] = derive(value[0], plural)
        elif isinstance(value, Mapping) and key not in ("tags", "labels", "body"):
            inputs[camel(key)] = derive(value, plural)
        else:
            inputs[camel(key)] = value
    return inputs


def _pulumi_value(value: Any, ids: Mapping[str, tuple[str, str]], used: set[str]) -> Any:
    if isinstance(value, Interpolated):
        return _pulumi_value(value.ref, ids, used) + value.suffix
    if isinstance(value, Ref) and value.target not in ids:
        return value.target.split(".")[-1] + "-id"  # a resource Pulumi has no type for: its id, no edge
    if isinstance(value, Ref):
        urn, identifier = ids[value.target]
        used.add(urn)
        return identifier
    if isinstance(value, Mapping):
        return {key: _pulumi_value(item, ids, used) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_pulumi_value(item, ids, used) for item in value]
    return value


def stack_export(rule: Rule) -> dict[str, Any] | None:
    package = "azure" if rule.provider.key == "azurerm" else "gcp"
    project, stack = "fixtures", "prod"
    prefix = f"urn:pulumi:{stack}::{project}::"
    root_urn = f"{prefix}pulumi:pulumi:Stack::{project}-{stack}"
    provider_urn = f"{prefix}pulumi:providers:{package}::default_6_10_0"
    chosen: list[tuple[Res, dict[str, Any]]] = []
    for res in rule.resources:
        if res.pulumi is NO_PULUMI or res.type not in rule.tokens:
            continue
        if res.pulumi is None:
            if res.tf is None or _contains_unknown(res.tf):
                continue
            chosen.append((res, derive(res.tf, rule.plural)))
        else:
            chosen.append((res, dict(res.pulumi)))
    if not chosen:
        return None
    ids = {
        f"{res.type}.{res.name}": (f"{prefix}{rule.tokens[res.type]}::{res.name}", f"{res.name}-id")
        for res, _ in chosen
    }
    settings = (
        {"location": "westeurope"}
        if package == "azure"
        else {"project": "acme-payments-prod", "region": "europe-west1"}
    )
    resources: list[dict[str, Any]] = [
        {"urn": root_urn, "custom": False, "type": "pulumi:pulumi:Stack"},
        {
            "urn": provider_urn,
            "custom": True,
            "id": "default_6_10_0-id",
            "type": f"pulumi:providers:{package}",
            "inputs": settings,
            "outputs": settings,
        },
    ]
    for res, raw in chosen:
        inputs: dict[str, Any] = {}
        dependencies: dict[str, list[str]] = {}
        for key, value in raw.items():
            used: set[str] = set()
            inputs[key] = _pulumi_value(value, ids, used)
            if used:
                dependencies[key] = sorted(used)
        urn, identifier = ids[f"{res.type}.{res.name}"]
        entry: dict[str, Any] = {
            "urn": urn,
            "custom": True,
            "id": identifier,
            "type": rule.tokens[res.type],
            "inputs": inputs,
            "outputs": inputs,
            "parent": root_urn,
            "provider": f"{provider_urn}::default_6_10_0-id",
        }
        if dependencies:
            entry["dependencies"] = sorted({urn for urns in dependencies.values() for urn in urns})
            entry["propertyDependencies"] = dependencies
        resources.append(entry)
    manifest = {"time": "2025-06-02T09:14:27Z", "magic": project, "version": "v3.136.1"}
    return {"version": 3, "deployment": {"manifest": manifest, "resources": resources}}


_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*\Z")


def _quoted(value: Any) -> Any:
    """Object keys that are not HCL identifiers ("Microsoft.WindowsAzure...Tls10") written quoted."""
    if isinstance(value, Mapping):
        return {
            (key if _IDENTIFIER.match(key) else json.dumps(key)): _quoted(item) for key, item in value.items()
        }
    if isinstance(value, list):
        return [_quoted(item) for item in value]
    return value


def write(rule: Rule, pack: str = "encryption") -> None:
    directory = ROOT / "fixtures" / pack / rule.id
    # The azure-native stacks (native_pulumi.py) are written from their own cases and kept.
    for old in directory.glob("*"):
        if old.is_file() and not old.name.endswith(".native.pulumi.json"):
            old.unlink()
    cases = [
        Case(res.type, res.name, res.tf, blocks=None, plan_values=res.plan, defaults=res.defaults)
        for res in rule.resources
        if res.tf is not None
    ]
    # HCL first (object keys that are not identifiers quoted, as HCL needs), then the plan (keys as data).
    hcl_cases = [
        Case(case.tf_type, case.name, _quoted(case.terraform), blocks=None, defaults=case.defaults)
        for case in cases
    ]
    fixture_writer.write(pack, rule.id, hcl_cases, formats=("terraform",), provider=rule.provider)
    fixture_writer.write(pack, rule.id, cases, formats=("terraform-plan",), provider=rule.provider)
    if rule.extra_hcl:
        main = directory / "main.tf"
        main.write_text(
            main.read_text(encoding="utf-8") + "\n" + rule.extra_hcl.strip() + "\n", encoding="utf-8"
        )
    export = stack_export(rule)
    if export is not None:
        path = directory / f"{rule.id}.pulumi.json"
        path.write_text(json.dumps(export, indent=1) + "\n", encoding="utf-8")
