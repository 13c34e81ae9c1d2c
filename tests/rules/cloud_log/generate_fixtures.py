"""Fixtures of the issue-16 Azure and GCP audit-logging rules: Terraform HCL, plan and Pulumi from one case
list per rule (``azure_cases.py``, ``gcp_cases.py``). HCL and plan are written by the shared
``tests/rules/fixture_writer.py``; the Pulumi stack export by ``pulumi_export.py``. Rewrite the checked-in
files after editing a case:

    .venv/bin/python tests/rules/cloud_log/generate_fixtures.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import azure_cases
import fixture_writer
import gcp_cases
from fixture_writer import Provider
from pulumi_export import Case, write_pulumi

ROOT = Path(__file__).resolve().parents[3]

GOOGLE = Provider(
    "google",
    "registry.terraform.io/hashicorp/google",
    "~> 6.10",
    settings={"project": gcp_cases.PROJECT, "region": gcp_cases.REGION},
)
GOOGLE_PULUMI = ("gcp", {"project": gcp_cases.PROJECT, "region": gcp_cases.REGION})
AZURERM = Provider(
    "azurerm", "registry.terraform.io/hashicorp/azurerm", "~> 4.10", settings={"features": [{}]}
)
AZURE_PULUMI = ("azure", {"location": azure_cases.LOCATION})


def _terraform(case: Case) -> fixture_writer.Case:
    return fixture_writer.Case(
        case.type,
        case.name,
        case.arguments,
        blocks=None,
        plan_values=case.plan_values,
        defaults=case.defaults,
    )


def write(
    rule_id: str,
    cases: list[Case],
    provider: Provider,
    pulumi: tuple[str, dict[str, str]],
    root: Path = ROOT,
) -> list[Path]:
    terraform = [_terraform(case) for case in cases if case.terraform]
    written = fixture_writer.write(
        "audit-logging",
        rule_id,
        terraform,
        provider=provider,
        formats=("terraform", "terraform-plan"),
        root=root,
    )
    own_hcl = [case for case in cases if case.terraform and case.hcl is not None]
    if own_hcl:
        main_tf = next(path for path in written if path.name == "main.tf")
        text = main_tf.read_text(encoding="utf-8")
        for case in own_hcl:
            generated = fixture_writer.hcl(_terraform(case))
            assert generated in text, case.address
            text = text.replace(generated, case.hcl or "")
        main_tf.write_text(text, encoding="utf-8")
    path = write_pulumi(_pulumi_path(rule_id, root), cases, *pulumi)
    return [*written, *([path] if path else [])]


def main(root: Path = ROOT) -> list[Path]:
    """Write every fixture file under ``root``; returns the files written."""
    written: list[Path] = []
    for rule_id, cases in gcp_cases.CASES.items():
        written += write(rule_id, cases, GOOGLE, GOOGLE_PULUMI, root)
    for rule_id, cases in azure_cases.CASES.items():
        files = write(rule_id, cases, AZURERM, AZURE_PULUMI, root)
        written += files
        extra = azure_cases.EXTRA_HCL.get(rule_id)
        if extra:
            main_tf = next(path for path in files if path.name == "main.tf")
            main_tf.write_text(main_tf.read_text(encoding="utf-8") + "\n" + extra, encoding="utf-8")
    # Earlier rules whose HCL and plan come from tests/rules/azure and tests/rules/gcp: Pulumi only.
    for packages, pulumi in ((azure_cases.PULUMI_ONLY, AZURE_PULUMI), (gcp_cases.PULUMI_ONLY, GOOGLE_PULUMI)):
        for rule_id, cases in packages.items():
            path = _pulumi_path(rule_id, root)
            path.parent.mkdir(parents=True, exist_ok=True)
            if write_pulumi(path, cases, *pulumi):
                written.append(path)
    return written


def _pulumi_path(rule_id: str, root: Path = ROOT) -> Path:
    return root / "fixtures" / "audit-logging" / rule_id / f"{rule_id}.pulumi.json"


if __name__ == "__main__":
    main()
