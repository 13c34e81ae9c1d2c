"""Every built-in rule on its fixture plan: resources named fail_*/pass_*/undetermined_* get exactly that."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

from iacgate.api import ScanSettings, scan
from iacgate.packs import load_packs
from iacgate.packs.check import expected_outcome, fixture_settings
from iacgate.packs.model import Rule

ROOT = Path(__file__).resolve().parents[2]
PACKS = ("encryption", "audit-logging", "secrets-and-state")
RULES = load_packs(PACKS).rules


@pytest.mark.parametrize("rule", RULES, ids=[rule.id for rule in RULES])
def test_fixture_outcomes_match_resource_names(rule: Rule) -> None:
    directory = ROOT / "fixtures" / rule.pack / rule.id
    assert directory.is_dir(), f"{rule.id} has no fixture directory {directory}"
    # With the settings an iacgate.yaml in the fixture directory gives, as check-packs judges them.
    result = scan(replace(fixture_settings(directory), packs=(rule.pack,)))

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


# Terraform's vocabulary: its type names, and snake_case attribute names (CloudFormation writes
# PascalCase, Pulumi camelCase). Values glued to punctuation (alias/aws/s3, aws:kms) are not words here.
_TERRAFORM_TYPE = re.compile(r"(?<![\w:/.-])(?:aws|azurerm|azuread|azapi|google)_[a-z0-9_]+")
# A snake_case word or dotted path, not glued to a value's punctuation (aws:kms, alias/aws/s3); a colon after
# it is a label's ("encryption_configuration: ..."), not a value's ("aws:kms"), when a space follows.
_SNAKE = re.compile(r"(?<![\w:/.@*$-])[a-z][a-z0-9]*(?:_[a-z0-9]+)+(?:\.[a-z0-9_]+)*(?![\w/@*-]|:\S)")
# A CloudFormation property path whose last name kept Terraform's spelling (ArtifactStore.EncryptionKey.id).
_LOWER_TAIL = re.compile(
    r"(?<![\w:/.@*$-])[A-Z][A-Za-z0-9]*(?:\.[A-Z][A-Za-z0-9]*)*\.[a-z][a-z0-9_]*(?![\w/@*-])"
)


# Names that are the same in every format because the service defines them, not the IaC tool: database
# engine parameters and load balancer attribute keys.
SERVICE_NAMES = frozenset(
    {"require_secure_transport", "require_ssl", "rds.force_ssl", "access_logs.s3.enabled", "log_connections"}
    | {"log_disconnections", "log_checkpoints", "enable_user_activity_logging", "log_statement", "audit_logs"}
    | {"log_min_duration_statement", "log_min_messages", "log_min_error_statement", "log_lock_waits"}
    | {"log_temp_files", "log_hostname", "server_audit_logging", "server_audit_events", "general_log"}
    | {"tls_version", "ssl_min_protocol_version", "neptune_enforce_ssl", "neptune_enable_audit_log"}
    | {"log_duration"}
)


def terraform_words(text: str, values: set[str], format: str = "pulumi") -> list[str]:
    """The Terraform names left in a text shown on a CloudFormation or Pulumi finding."""
    found = list(_TERRAFORM_TYPE.findall(text))
    if format == "cloudformation":
        found += [path for path in _LOWER_TAIL.findall(text) if path not in values]
    found += [
        word
        for word in _SNAKE.findall(text)
        if word not in values and word not in SERVICE_NAMES and not _TERRAFORM_TYPE.match(word)
    ]
    return found


def string_values(value: object) -> set[str]:
    if isinstance(value, str):
        return {value}
    if isinstance(value, dict):
        return {text for item in value.values() for text in string_values(item)}
    if isinstance(value, list):
        return {text for item in value for text in string_values(item)}
    return set()


@pytest.mark.parametrize("rule", RULES, ids=[rule.id for rule in RULES])
def test_failures_explain_themselves(rule: Rule) -> None:
    directory = ROOT / "fixtures" / rule.pack / rule.id
    # With the settings an iacgate.yaml in the fixture directory gives, as check-packs judges them.
    result = scan(replace(fixture_settings(directory), packs=(rule.pack,)))
    violations = [v for v in result.evaluation.violations if v.rule_id == rule.id]
    assert violations
    for violation in violations:
        assert violation.message and '""' not in violation.message
        # Messages name values the way people read them, never raw unknown markers.
        assert "__unknown__" not in violation.message
    # ... and in the user's own vocabulary: a finding on a template or a stack names no Terraform
    # attribute or type, in its message or in its remediation (#14 §4).
    resources = {(graph.name, r.id): r for graph in result.graphs for r in graph.resources}
    foreign = {}
    for finding in result.findings:
        if finding.rule_id != rule.id or finding.format not in ("cloudformation", "pulumi"):
            continue
        values = string_values(resources[(finding.unit, finding.resource_id)].attributes)
        words = terraform_words(finding.message, values, finding.format) + terraform_words(
            finding.remediation, set(), finding.format
        )
        if words:
            foreign[f"{finding.file}:{finding.resource_id}"] = (words, finding.message)
    assert not foreign


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
