"""Every built-in rule on its fixture plan: resources named fail_*/pass_*/undetermined_* get exactly that."""

from __future__ import annotations

from pathlib import Path

import pytest

from iacgate.api import ScanSettings, scan
from iacgate.packs import load_packs
from iacgate.packs.check import expected_outcome
from iacgate.packs.model import Rule

ROOT = Path(__file__).resolve().parents[2]
PACKS = ("encryption", "audit-logging", "secrets-and-state")
RULES = load_packs(PACKS).rules


@pytest.mark.parametrize("rule", RULES, ids=[rule.id for rule in RULES])
def test_fixture_outcomes_match_resource_names(rule: Rule) -> None:
    directory = ROOT / "fixtures" / rule.pack / rule.id
    assert directory.is_dir(), f"{rule.id} has no fixture directory {directory}"
    result = scan(ScanSettings(paths=(directory,), packs=(rule.pack,)))

    assert not [n for n in result.notifications if n.level == "error"], result.notifications
    # Keyed by unit too: the same address in the HCL and in its plan are two resources, judged apart.
    named: dict[str, set[tuple[str, str]]] = {"fail": set(), "pass": set(), "undetermined": set()}
    for graph in result.graphs:
        for resource in graph.resources:
            outcome = expected_outcome(resource.id) if resource.type in rule.resource_types else None
            if outcome is not None:
                named[outcome].add((graph.name, resource.id))
    assert named["fail"] and named["pass"], f"{rule.id} needs fail_* and pass_* resources"

    checks = [check for check in result.evaluation.checks if check.rule_id == rule.id]
    actual = {
        outcome: {(check.unit, check.resource_id) for check in checks if check.outcome == outcome}
        for outcome in ("fail", "pass", "undetermined")
    }
    assert actual["fail"] == named["fail"]
    assert actual["pass"] == named["pass"]
    assert actual["undetermined"] == named["undetermined"]


@pytest.mark.parametrize("rule", RULES, ids=[rule.id for rule in RULES])
def test_failures_explain_themselves(rule: Rule) -> None:
    directory = ROOT / "fixtures" / rule.pack / rule.id
    result = scan(ScanSettings(paths=(directory,), packs=(rule.pack,)))
    violations = [v for v in result.evaluation.violations if v.rule_id == rule.id]
    assert violations
    for violation in violations:
        assert violation.message and '""' not in violation.message
        # Messages name values the way people read them, never raw unknown markers.
        assert "__unknown__" not in violation.message


def test_log_target_bucket_is_exempt_only_through_a_reference() -> None:
    directory = ROOT / "fixtures" / "audit-logging" / "LOG-S3-001"
    result = scan(ScanSettings(paths=(directory,), packs=("audit-logging",)))
    outcomes = {c.resource_id: c.outcome for c in result.evaluation.checks if c.rule_id == "LOG-S3-001"}
    assert outcomes["aws_s3_bucket.pass_access_log_target"] == "pass"
    assert outcomes["aws_s3_bucket.fail_named_like_logs"] == "fail"


def test_unknown_kms_key_of_a_separate_resource_counts_as_set() -> None:
    directory = ROOT / "fixtures" / "encryption" / "ENC-S3-002"
    result = scan(ScanSettings(paths=(directory,), packs=("encryption",)))
    checks = {c.resource_id: c.outcome for c in result.evaluation.checks if c.rule_id == "ENC-S3-002"}
    assert checks["aws_s3_bucket.pass_kms_cmk"] == "pass"
    messages = {v.resource_id: v.message for v in result.evaluation.violations if v.rule_id == "ENC-S3-002"}
    assert "sse_algorithm AES256" in messages["aws_s3_bucket.fail_sse_s3"]
    assert "alias/aws/s3" in messages["aws_s3_bucket.fail_aws_managed_alias"]


@pytest.mark.parametrize(
    ("resource_id", "expected"),
    [
        ("aws_s3_bucket.fail_no_encryption", "fail"),
        ("module.a.aws_s3_bucket.pass_x[0]", "pass"),
        ('module.a["k"].aws_vpc.undetermined_y["z"]', "undetermined"),
        ("Stack/FailNoEncryption", "fail"),
        ("aws_s3_bucket.passwords", None),
        ("aws_s3_bucket.logs", None),
    ],
)
def test_expected_outcome_reads_the_local_name(resource_id: str, expected: str | None) -> None:
    assert expected_outcome(resource_id) == expected
