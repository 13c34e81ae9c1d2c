"""Fixtures of the GCP encryption and audit-logging rules: Terraform HCL and plan, from one case list.

Each case is one google resource named by its expected outcome (resources of other types are helpers the
rule reads through references, or keys the resources name). The plan gets the provider's defaults for
arguments the HCL leaves out, as ``terraform show -json`` would show them, so a secure default is tested in
both formats. Rewrite the checked-in files after editing a case:

    .venv/bin/python tests/rules/gcp/generate_fixtures.py
"""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from gcp_fixture_cases import CASES, PROJECT, REGION, Case  # noqa: E402

from plan_builder import UNKNOWN, Ref, Refs, Spec, build_plan  # noqa: E402

GOOGLE = "registry.terraform.io/hashicorp/google"

__all__ = ["CASES", "Case", "hcl", "main", "plan"]


def hcl_value(value: Any) -> str:
    if isinstance(value, Ref):
        return f"{value.target}.{value.attribute}" if value.attribute else value.target
    if isinstance(value, list):
        return "[" + ", ".join(hcl_value(item) for item in value) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{key} = {hcl_value(item)}" for key, item in value.items()) + " }"
    return json.dumps(value)


def is_blocks(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(item, dict) for item in value)


def hcl_body(arguments: Mapping[str, Any], indent: str) -> list[str]:
    lines: list[str] = []
    for key, value in arguments.items():
        if is_blocks(value):
            for block in value:
                lines.append(f"{indent}{key} {{")
                lines += hcl_body(block, indent + "  ")
                lines.append(f"{indent}}}")
        else:
            lines.append(f"{indent}{key} = {hcl_value(value)}")
    return lines


def hcl(case: Case) -> str:
    lines = [f'resource "{case.type}" "{case.name}" {{', *hcl_body(case.arguments, "  "), "}", ""]
    return "\n".join(lines)


def planned(value: Any) -> Any:
    """Plan values: references are unknown until apply."""
    if isinstance(value, Ref):
        return UNKNOWN
    if isinstance(value, dict):
        return {key: planned(item) for key, item in value.items()}
    if isinstance(value, list):
        return [planned(item) for item in value]
    return value


def configured(value: Any) -> Any:
    """Configuration expressions: a list of references is one expression with several references."""
    if isinstance(value, list) and value and all(isinstance(item, Ref) for item in value):
        return Refs(tuple(value))
    if isinstance(value, dict):
        return {key: configured(item) for key, item in value.items()}
    if isinstance(value, list):
        return [configured(item) for item in value]
    return value


def with_defaults(arguments: Mapping[str, Any], defaults: Mapping[str, Any]) -> dict[str, Any]:
    """The provider's defaults under what the configuration sets.

    A dict default describes the defaults inside each block of a nested-block argument: it fills every
    block the configuration writes, and a block left out shows as an empty list, as in a plan.
    """
    values: dict[str, Any] = {key: item for key, item in defaults.items() if not isinstance(item, dict)}
    values.update(arguments)
    for key, default in defaults.items():
        if not isinstance(default, dict):
            continue
        blocks = values.get(key)
        if isinstance(blocks, list) and is_blocks(blocks):
            values[key] = [with_defaults(block, default) for block in blocks]
        elif blocks is None:
            values[key] = []
    return values


def plan(cases: list[Case]) -> dict[str, Any]:
    specs = [
        Spec(
            case.type,
            case.name,
            planned(with_defaults(case.arguments, case.defaults)),
            configured(case.arguments),
            provider_key="google",
        )
        for case in cases
    ]
    document: dict[str, Any] = build_plan(specs, providers={})
    # plan_builder names the AWS provider; these resources belong to google.
    for entry in [*document["planned_values"]["root_module"]["resources"], *document["resource_changes"]]:
        entry["provider_name"] = GOOGLE
    document["configuration"]["provider_config"] = {
        "google": {
            "name": "google",
            "full_name": GOOGLE,
            "version_constraint": "~> 6.10",
            "expressions": {"project": {"constant_value": PROJECT}, "region": {"constant_value": REGION}},
        }
    }
    return document


PROVIDER = f'provider "google" {{\n  project = "{PROJECT}"\n  region  = "{REGION}"\n}}\n\n'


def write(pack: str, rule_id: str, cases: list[Case]) -> None:
    directory = ROOT / "fixtures" / pack / rule_id
    directory.mkdir(parents=True, exist_ok=True)
    header = f"# {rule_id}: resources are named by the outcome the rule must give them.\n\n"
    text = header + PROVIDER + "\n".join(hcl(case) for case in cases)
    (directory / "main.tf").write_text(text, encoding="utf-8")
    document = json.dumps(plan(cases), indent=2) + "\n"
    (directory / f"{rule_id}.tfplan.json").write_text(document, encoding="utf-8")


def main() -> None:
    for (pack, rule_id), cases in CASES.items():
        write(pack, rule_id, cases)


if __name__ == "__main__":
    main()
