"""Fixtures of the GCP encryption and audit-logging rules: Terraform HCL and plan, from one case list.

Each case is one google resource named by its expected outcome (resources of other types are helpers the
rule reads through references, or keys the resources name). The plan gets the provider's defaults for
arguments the HCL leaves out, as ``terraform show -json`` would show them, so a secure default is tested in
both formats. The shared ``tests/rules/fixture_writer.py`` writes them for the google provider. Rewrite
the checked-in files after editing a case:

    .venv/bin/python tests/rules/gcp/generate_fixtures.py
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import fixture_writer
from fixture_writer import Provider, terraform_only
from gcp_fixture_cases import CASES, PROJECT, REGION, Case

GOOGLE = Provider(
    "google",
    "registry.terraform.io/hashicorp/google",
    "~> 6.10",
    settings={"project": PROJECT, "region": REGION},
)

__all__ = ["CASES", "GOOGLE", "Case", "hcl", "main", "plan"]


def hcl(case: Case) -> str:
    return fixture_writer.hcl(terraform_only(case))


def plan(cases: list[Case]) -> dict[str, Any]:
    return fixture_writer.plan([terraform_only(case) for case in cases], GOOGLE)


def main() -> None:
    for (pack, rule_id), cases in CASES.items():
        fixture_writer.write(pack, rule_id, [terraform_only(case) for case in cases], provider=GOOGLE)


if __name__ == "__main__":
    main()
