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


# The parent each kind of log bucket configuration names.
BUCKET_PARENTS = {
    "project": {"project": "acme-ledger"},
    "folder": {"folder": "folders/734512908812"},
    "organization": {"organization": "123456789012"},
    "billing_account": {"billing_account": "01A2B3-C4D5E6-F7A8B9"},
}


def log_bucket(name: str, days: Any | None, parent: str = "project") -> Case:
    arguments: dict[str, Any] = {
        **BUCKET_PARENTS[parent],
        "location": "global",
        "bucket_id": name.replace("_", "-"),
    }
    if days is not None:
        arguments["retention_days"] = days
    return Case(
        f"google_logging_{parent}_bucket_config",
        name,
        arguments,
        blocks=None,
        defaults={"retention_days": 30},
    )


FIXTURES: dict[str, tuple[Provider, list[Case]]] = {
    "LOG-GCPLOGGING-001": (
        GOOGLE,
        [
            log_bucket("pass_one_year", 365),
            log_bucket("fail_default_thirty_days", None),
            log_bucket("fail_ninety_days", 90),
            log_bucket("undetermined_retention_variable", Ref("var.log_retention_days")),
            # The folder, organization and billing-account buckets (the _Default and _Required buckets of
            # an organization's aggregated sinks live there).
            log_bucket("pass_folder_one_year", 365, "folder"),
            log_bucket("fail_folder_default", None, "folder"),
            log_bucket("pass_organization_two_years", 730, "organization"),
            log_bucket("fail_organization_ninety_days", 90, "organization"),
            log_bucket("pass_billing_account_one_year", 365, "billing_account"),
            log_bucket("fail_billing_account_default", None, "billing_account"),
        ],
    ),
}


def main() -> None:
    for rule_id, (provider, cases) in FIXTURES.items():
        write(PACK, rule_id, cases, formats=("terraform", "terraform-plan"), provider=provider)


if __name__ == "__main__":
    main()
