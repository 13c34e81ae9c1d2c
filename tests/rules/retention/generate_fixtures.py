"""Fixtures of the log-store retention rules of issue 16 §3 (Terraform HCL and plan): Google Cloud
Logging buckets (LOG-GCPLOGGING-001; Log Analytics workspaces are LOG-AZMONITOR-004). Rewrite the
checked-in files after editing a case:

    .venv/bin/python tests/rules/retention/generate_fixtures.py
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from fixture_writer import Case, Provider, Ref, write

__all__ = ["FIXTURES", "PACK", "main", "write"]

PACK = "audit-logging"
AZURERM = Provider(
    "azurerm", "registry.terraform.io/hashicorp/azurerm", "~> 4.10", settings={"features": [{}]}
)
GOOGLE = Provider(
    "google", "registry.terraform.io/hashicorp/google", "~> 6.0", settings={"project": "acme-ledger"}
)


def log_bucket(name: str, days: Any | None) -> Case:
    arguments: dict[str, Any] = {
        "project": "acme-ledger",
        "location": "global",
        "bucket_id": name.replace("_", "-"),
    }
    if days is not None:
        arguments["retention_days"] = days
    return Case(
        "google_logging_project_bucket_config", name, arguments, blocks=None, defaults={"retention_days": 30}
    )


FIXTURES: dict[str, tuple[Provider, list[Case]]] = {
    "LOG-GCPLOGGING-001": (
        GOOGLE,
        [
            log_bucket("pass_one_year", 365),
            log_bucket("fail_default_thirty_days", None),
            log_bucket("fail_ninety_days", 90),
            log_bucket("undetermined_retention_variable", Ref("var.log_retention_days")),
        ],
    ),
}


def main() -> None:
    for rule_id, (provider, cases) in FIXTURES.items():
        write(PACK, rule_id, cases, formats=("terraform", "terraform-plan"), provider=provider)


if __name__ == "__main__":
    main()
