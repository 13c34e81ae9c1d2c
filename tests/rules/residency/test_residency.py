"""The residency pack on its fixtures, per rule and per format, plus its configuration and skip note."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from iacgate.api import ScanResult, ScanSettings, scan
from iacgate.config import find_config
from iacgate.packs import load_packs
from iacgate.packs.check import expected_outcome

ROOT = Path(__file__).resolve().parents[3]
FIXTURES = ROOT / "fixtures" / "residency"
RULES = load_packs(("residency",)).rules
CASES = [
    (rule.id, directory.name)
    for rule in RULES
    for directory in sorted((FIXTURES / rule.id).iterdir())
    if directory.is_dir()
]


def run(directory: Path, **overrides: Any) -> ScanResult:
    # The settings come from the rule's iacgate.yaml, as the CLI reads them at the scan root.
    config = find_config(None, directory.parent if directory.parent.name.startswith("RES-") else directory)
    settings = {**config.settings, **overrides}
    return scan(
        ScanSettings(
            paths=(directory,), root=directory, packs=("residency",), settings=settings, region=config.region
        )
    )


def outcomes(result: ScanResult, rule_id: str) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {"fail": set(), "pass": set(), "undetermined": set()}
    for check in result.evaluation.checks:
        if check.rule_id == rule_id and expected_outcome(check.resource_id) is not None:
            found[check.outcome].add(check.resource_id)
    return found


@pytest.mark.parametrize(("rule_id", "fmt"), CASES, ids=[f"{rule}-{fmt}" for rule, fmt in CASES])
def test_fixture_outcomes_match_resource_names(rule_id: str, fmt: str) -> None:
    result = run(FIXTURES / rule_id / fmt)
    assert not [n for n in result.notifications if n.level == "error"], result.notifications
    rule = next(rule for rule in RULES if rule.id == rule_id)
    named: dict[str, set[str]] = {"fail": set(), "pass": set(), "undetermined": set()}
    for graph in result.graphs:
        for resource in graph.resources:
            outcome = expected_outcome(resource.id)
            if resource.type in rule.resource_types and outcome is not None:
                named[outcome].add(resource.id)
    assert named["fail"] and named["pass"], f"{rule_id}/{fmt} needs fail_* and pass_* resources"
    assert outcomes(result, rule_id) == named


def test_every_rule_has_a_terraform_plan_fixture() -> None:
    assert {rule.id for rule in RULES} == {rule for rule, fmt in CASES if fmt == "terraform-plan"}


def test_messages_name_region_source_and_allowed_set() -> None:
    result = run(FIXTURES / "RES-REGION-001" / "terraform-plan")
    by_id = {v.resource_id: v for v in result.evaluation.violations if v.rule_id == "RES-REGION-001"}
    us = by_id["aws_s3_bucket.fail_us"].message
    assert "us-east-1" in us and "provider aws.us" in us and "eu-west-1, eu-central-1" in us
    pci = by_id["aws_s3_bucket.fail_pci_frankfurt"].message
    assert "eu-central-1" in pci and "data classified pci" in pci
    unknown = by_id["aws_s3_bucket.fail_unknown_region"]
    assert unknown.status == "fail" and "set region" in unknown.message
    assert by_id["google_storage_bucket.fail_us_multi_region"].path == ("location",)
    assert by_id["aws_dynamodb_table.fail_own_region_argument"].path == ("region",)


def test_finding_lines_point_at_the_replica_block() -> None:
    result = run(FIXTURES / "RES-DYNAMODB-001" / "cloudformation")
    [finding] = [f for f in result.findings if f.rule_id == "RES-DYNAMODB-001" and f.status == "fail"]
    assert finding.resource_id == "FailGlobalTable"
    template = (FIXTURES / "RES-DYNAMODB-001" / "cloudformation" / "RES-DYNAMODB-001.yaml").read_text()
    assert "us-east-1" in template.splitlines()[finding.line - 1]


def test_unknown_region_warn_reports_undetermined() -> None:
    residency = {
        **find_config(None, FIXTURES / "RES-REGION-001").settings["residency"],
        "unknown_region": "warn",
    }
    result = run(FIXTURES / "RES-REGION-001" / "terraform-plan", residency=residency)
    found = outcomes(result, "RES-REGION-001")
    assert "aws_s3_bucket.fail_unknown_region" in found["undetermined"]
    assert "aws_s3_bucket.fail_us" in found["fail"]


def test_global_services_allow_judges_nothing() -> None:
    residency = {
        **find_config(None, FIXTURES / "RES-GLOBAL-001").settings["residency"],
        "global_services": "allow",
    }
    result = run(FIXTURES / "RES-GLOBAL-001" / "terraform-plan", residency=residency)
    assert outcomes(result, "RES-GLOBAL-001")["fail"] == set()


def test_without_residency_section_the_pack_says_so_once() -> None:
    directory = FIXTURES / "RES-REGION-001"
    result = scan(ScanSettings(paths=(directory,), root=directory, region="eu-west-1"))
    notes = [n.message for n in result.notifications if n.level == "note"]
    assert notes == ["pack residency not evaluated: no residency section in iacgate.yaml"]
    assert not [c for c in result.evaluation.checks if c.rule_id.startswith("RES-")]
    assert [c for c in result.evaluation.checks if c.rule_id.startswith("ENC-")]


def test_config_residency_reaches_settings(tmp_path: Path) -> None:
    (tmp_path / "iacgate.yaml").write_text("residency:\n  allowed_regions: [eu-*]\n  unknown_region: warn\n")
    assert find_config(None, tmp_path).settings == {
        "residency": {"allowed_regions": ["eu-*"], "unknown_region": "warn"}
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "residency:\n  unknown_region: fail\n",
            "iacgate.yaml:2: residency: 'allowed_regions' is a required property",
        ),
        (
            "residency:\n  allowed_regions: [eu-west-1]\n  global_services: maybe\n",
            "iacgate.yaml:3: residency/global_services: 'maybe' is not one of",
        ),
        (
            "residency:\n  allowed_regions: []\n",
            "iacgate.yaml:2: residency/allowed_regions: [] should be non-empty",
        ),
        (
            "residency:\n  allowed_regions: [eu-west-1]\n  classifications: {pci: eu-west-1}\n",
            "iacgate.yaml:3: residency/classifications/pci: 'eu-west-1' is not of type 'array'",
        ),
        (
            "residency:\n  allowed_regions: [eu-west-1]\nsettings:\n  residency: {}\n",
            "iacgate.yaml:2: residency: given both here and under settings",
        ),
    ],
)
def test_bad_residency_section_exits_2(tmp_path: Path, text: str, expected: str) -> None:
    (tmp_path / "iacgate.yaml").write_text(text)
    plan = FIXTURES / "RES-REGION-001" / "terraform-plan" / "RES-REGION-001.tfplan.json"
    (tmp_path / "plan.tfplan.json").write_bytes(plan.read_bytes())
    completed = subprocess.run(
        [sys.executable, "-m", "iacgate", "scan", str(tmp_path), "--quiet"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert completed.returncode == 2, completed.stdout + completed.stderr
    assert expected in completed.stderr + completed.stdout
