"""Fixtures of the Azure encryption and audit-logging rules: Terraform HCL and plan, from one case list.

Each case is one azurerm resource named by its expected outcome (resources of other types are helpers the
rule reads through references). The plan gets the provider's defaults for arguments the HCL leaves out,
as ``terraform show -json`` would show them, so a secure default is tested in both formats. The shared
``tests/rules/fixture_writer.py`` writes them for the azurerm provider. Rewrite the checked-in files after
editing a case:

    .venv/bin/python tests/rules/azure/generate_fixtures.py
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import fixture_writer
from azure_fixture_cases import CASES, Case
from fixture_writer import Provider, terraform_only

AZURERM = Provider(
    "azurerm", "registry.terraform.io/hashicorp/azurerm", "~> 4.10", settings={"features": [{}]}
)

__all__ = ["AZURERM", "CASES", "Case", "hcl", "main", "plan"]


def hcl(case: Case) -> str:
    return fixture_writer.hcl(terraform_only(case))


def plan(cases: list[Case]) -> dict[str, Any]:
    return fixture_writer.plan([terraform_only(case) for case in cases], AZURERM)


def main() -> None:
    for (pack, rule_id), cases in CASES.items():
        fixture_writer.write(pack, rule_id, [terraform_only(case) for case in cases], provider=AZURERM)


if __name__ == "__main__":
    main()
