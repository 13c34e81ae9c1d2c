"""Pulumi fixtures for the first Azure and GCP encryption rules, from their Terraform case lists.

The rules of ``tests/rules/azure`` and ``tests/rules/gcp`` were written for Terraform HCL and plans; the same
resources are written here as a ``pulumi stack export`` of the ``azure`` or ``gcp`` package (inputs derived
from the Terraform arguments as ``writer.derive`` does), so each rule is judged in Pulumi too. Resources of
types Pulumi has no token for in ``pulumi_types.json`` are left out. Rewrite after editing a case:

    .venv/bin/python tests/rules/azgcp/existing_pulumi.py [RULE-ID ...]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "azure"))
sys.path.insert(0, str(HERE.parent / "gcp"))

from azure_fixture_cases import CASES as AZURE_CASES  # noqa: E402
from gcp_fixture_cases import CASES as GCP_CASES  # noqa: E402
from writer import AZURERM, GOOGLE, NO_PULUMI, ROOT, Res, Rule, derive, stack_export  # noqa: E402

from plan_builder import Ref  # noqa: E402

TYPES = ROOT / "engine" / "iacgate" / "parsers" / "data" / "pulumi_types.json"

# Terraform blocks Pulumi writes as a list under a plural name (a block that occurs once is an object).
PLURAL = {
    "database_flags": "databaseFlags",
    "authorized_networks": "authorizedNetworks",
    "geo_location": "geoLocations",
    "network_rules": "networkRules",
}
# The value `pulumi preview` shows for an output known only after the update.
PULUMI_UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9"
# Rules left out of the Pulumi fixtures (none now: ENC-AZDB-001's server parameter tls_version is a service
# name the vocabulary check of Pulumi findings accepts).
SKIP: set[str] = set()


def tokens() -> dict[str, str]:
    found: dict[str, str] = {}
    for token, type_name in json.loads(TYPES.read_text(encoding="utf-8"))["types"].items():
        if token.startswith(("azure:", "gcp:")):
            found.setdefault(type_name, token)
    return found


def preview_unknowns(value: Any) -> Any:
    """Terraform arguments with every variable (``var.x``, unknown until apply) a preview's unknown output."""
    if isinstance(value, Ref):
        return PULUMI_UNKNOWN if value.target.startswith("var.") else value
    if isinstance(value, dict):
        return {key: preview_unknowns(item) for key, item in value.items()}
    if isinstance(value, list):
        return [preview_unknowns(item) for item in value]
    return value


def rules() -> list[Rule]:
    known = tokens()
    found: list[Rule] = []
    for provider, cases in ((AZURERM, AZURE_CASES), (GOOGLE, GCP_CASES)):
        for (pack, rule_id), rule_cases in cases.items():
            if pack != "encryption" or rule_id in SKIP:
                continue
            # The undetermined_* cases (variables without a value) are written as a preview's unknown
            # outputs: what an input computed from another resource's output shows before the update.
            # A resource an azapi_resource case names as its parent (a server and its azapi configuration)
            # is judged by that neighbour, which Pulumi has no type for: left out of the stack.
            azapi_parents = {
                case.arguments["parent_id"].target
                for case in rule_cases
                if case.type == "azapi_resource" and isinstance(case.arguments.get("parent_id"), Ref)
            }
            resources = [
                Res(case.type, case.name, case.arguments, pulumi=NO_PULUMI)
                if f"{case.type}.{case.name}" in azapi_parents
                else Res(case.type, case.name, case.arguments)
                if not case.name.startswith("undetermined")
                else Res(
                    case.type,
                    case.name,
                    case.arguments,
                    pulumi=derive(preview_unknowns(case.arguments), PLURAL),
                )
                for case in rule_cases
            ]
            found.append(Rule(rule_id, provider, resources, known, plural=PLURAL))
    return found


def main(selected: list[str]) -> None:
    for rule in rules():
        if selected and rule.id not in selected:
            continue
        export = stack_export(rule)
        if export is None:
            continue
        path = ROOT / "fixtures" / "encryption" / rule.id / f"{rule.id}.pulumi.json"
        path.write_text(json.dumps(export, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1:])
