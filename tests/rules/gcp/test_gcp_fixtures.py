"""The GCP rules on their fixtures, per format: exactly the fail_* resources fail, exactly the pass_* pass.

``tests/rules/test_rule_fixtures.py`` keys outcomes by resource id, so a Terraform and a plan resource of
the same address hide each other there; these tests keep the formats apart by the file each check came from.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
import yaml

from iacgate.api import ScanResult, ScanSettings, scan
from iacgate.packs.check import expected_outcome

ROOT = Path(__file__).resolve().parents[3]


def _load_generator() -> ModuleType:
    # The generator is a script (it puts benchmarks/ and its own directory on sys.path); load it by path.
    spec = importlib.util.spec_from_file_location(
        "gcp_generate_fixtures", Path(__file__).with_name("generate_fixtures.py")
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


generate_fixtures = _load_generator()
CASES = generate_fixtures.CASES
RULES = sorted(CASES)
UNITS = ("", ".tfplan.json")  # a Terraform unit is its module directory


def _resource_types() -> dict[str, set[str]]:
    types: dict[str, set[str]] = {}
    for pack in ("encryption", "audit-logging"):
        fragment = yaml.safe_load((ROOT / "rulepacks" / f"{pack}.d" / "gcp.yaml").read_text(encoding="utf-8"))
        types |= {rule["id"]: set(rule["resource_types"]) for rule in fragment["rules"]}
    return types


RESOURCE_TYPES = _resource_types()


def test_every_gcp_rule_has_fixture_cases() -> None:
    assert set(RESOURCE_TYPES) == {rule_id for _, rule_id in RULES}


@pytest.fixture(scope="module")
def results() -> Iterator[dict[str, ScanResult]]:
    scanned: dict[str, ScanResult] = {}
    for pack in sorted({pack for pack, _ in RULES}):
        directories = tuple(ROOT / "fixtures" / pack / rule_id for p, rule_id in RULES if p == pack)
        scanned[pack] = scan(ScanSettings(paths=directories, root=ROOT, packs=(pack,)))
    yield scanned


@pytest.mark.parametrize(("pack", "rule_id"), RULES, ids=[rule_id for _, rule_id in RULES])
def test_named_resources_get_their_outcome_in_each_format(
    results: dict[str, ScanResult], pack: str, rule_id: str
) -> None:
    result = results[pack]
    directory = f"fixtures/{pack}/{rule_id}/"
    expected = {
        (case.type + "." + case.name, expected_outcome(case.name))
        for case in CASES[(pack, rule_id)]
        if case.type in RESOURCE_TYPES[rule_id] and expected_outcome(case.name)
    }
    assert {"fail", "pass"} <= {outcome for _, outcome in expected}
    for suffix in UNITS:
        actual = {
            (check.resource_id, check.outcome)
            for check in result.evaluation.checks
            if check.rule_id == rule_id
            and (check.unit + "/").startswith(directory)
            and (check.unit.endswith(suffix) if suffix else check.unit + "/" == directory)
        }
        assert actual == expected, f"{rule_id} in {suffix or 'main.tf'}"


@pytest.mark.parametrize(("pack", "rule_id"), RULES, ids=[rule_id for _, rule_id in RULES])
def test_findings_say_the_value_found_and_what_is_required(
    results: dict[str, ScanResult], pack: str, rule_id: str
) -> None:
    violations = [v for v in results[pack].evaluation.violations if v.rule_id == rule_id]
    assert violations
    for violation in violations:
        assert (
            " is " in violation.message or " includes " in violation.message
        ) and "required" in violation.message
        assert "__unknown__" not in violation.message and '""' not in violation.message


def test_region_disk_findings_name_its_key_argument(results: dict[str, ScanResult]) -> None:
    """google_compute_region_disk names its Cloud KMS key in disk_encryption_key.kms_key_name (it has no
    kms_key_self_link): the finding says so in HCL and plans, and as kmsKeyName in Pulumi."""
    messages = {
        violation.message
        for violation in results["encryption"].evaluation.violations
        if violation.rule_id == "ENC-GCPDISK-001" and "fail_regional_google_managed" in violation.resource_id
    }
    assert messages
    for message in messages:
        assert "kms_key_name is not set" in message or "kmsKeyName is not set" in message, message
        assert "SelfLink" not in message and "self_link" not in message, message


def test_findings_point_at_the_attribute_at_fault() -> None:
    """An explicit bad value is reported at its attribute; a missing block at the resource."""
    expected = {
        ("ENC-GCPSQL-001", "google_sql_database_instance.fail_unencrypted_allowed"): [
            "settings",
            0,
            "ip_configuration",
            0,
            "ssl_mode",
        ],
        ("ENC-GCPSQL-001", "google_sql_database_instance.fail_ssl_mode_omitted"): [
            "settings",
            0,
            "ip_configuration",
            0,
        ],
        ("ENC-GCPKMS-001", "google_kms_crypto_key.fail_one_year"): ["rotation_period"],
        ("ENC-GCPSSL-002", "google_compute_ssl_policy.fail_custom_rsa_suites"): ["custom_features"],
        ("ENC-GCPDISK-001", "google_compute_disk.fail_google_managed"): [],
        ("LOG-GCPSQL-001", "google_sql_database_instance.fail_disconnections_off"): [
            "settings",
            0,
            "database_flags",
            1,
            "value",
        ],
        ("LOG-GCPAUDIT-001", "google_project_iam_audit_config.fail_exempted_members"): [
            "audit_log_config",
            1,
            "exempted_members",
        ],
        ("LOG-GCPVPC-001", "google_compute_subnetwork.fail_zero_sampling"): [
            "log_config",
            0,
            "flow_sampling",
        ],
        ("LOG-GCPGKE-001", "google_container_cluster.fail_logging_off"): ["logging_service"],
    }
    scanned = scan(
        ScanSettings(
            paths=tuple(ROOT / "fixtures" / pack / rule_id for pack, rule_id in RULES),
            root=ROOT,
            packs=("encryption", "audit-logging"),
        )
    )
    for (rule_id, resource_id), path in expected.items():
        found = [
            list(v.path)
            for v in scanned.evaluation.violations
            if v.rule_id == rule_id and v.resource_id == resource_id
        ]
        assert found and all(item == path for item in found), (rule_id, resource_id, found)


def test_checked_in_fixtures_are_what_the_generator_writes() -> None:
    for (pack, rule_id), cases in CASES.items():
        directory = ROOT / "fixtures" / pack / rule_id
        written = json.loads((directory / f"{rule_id}.tfplan.json").read_text(encoding="utf-8"))
        assert written == generate_fixtures.plan(cases), rule_id
        assert (
            (directory / "main.tf")
            .read_text(encoding="utf-8")
            .endswith("\n".join(generate_fixtures.hcl(case) for case in cases))
        ), rule_id
