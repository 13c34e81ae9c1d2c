"""`make check-packs` (python -m iacgate.packs.check): passes on the real packs, names each missing piece."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from iacgate.packs.check import KeySettings, check, known_gaps, level_problems, main

ROOT = Path(__file__).resolve().parents[2]
RULE = "ENC-EBS-001"


@pytest.fixture
def pack_root(tmp_path: Path) -> Path:
    """A copy of the encryption pack cut down to one rule, with its policy, test and fixtures."""
    manifest = yaml.safe_load((ROOT / "rulepacks" / "encryption.yaml").read_text(encoding="utf-8"))
    manifest["rules"] = [rule for rule in manifest["rules"] if rule["id"] == RULE]
    # The copy's fixtures are one plan; the format checks have their own tests below.
    manifest["rules"][0]["formats"] = ["terraform-plan"]
    # Alone, an at-rest rule lacks its customer-managed-key twin; the levels check has its own tests below.
    manifest["rules"][0]["tags"] = ["aws", "ebs"]
    (tmp_path / "rulepacks").mkdir()
    (tmp_path / "rulepacks" / "encryption.yaml").write_text(yaml.safe_dump(manifest, sort_keys=False))
    shutil.copytree(ROOT / "policies" / "lib", tmp_path / "policies" / "lib")
    rules = tmp_path / "policies" / "rules" / "encryption"
    rules.mkdir(parents=True)
    for name in ("ebs_volume.rego", "ebs_volume_test.rego"):
        shutil.copy(ROOT / "policies" / "rules" / "encryption" / name, rules / name)
    fixtures = tmp_path / "fixtures" / "encryption" / RULE
    fixtures.mkdir(parents=True)
    shutil.copy(ROOT / "fixtures" / "encryption" / RULE / f"{RULE}.tfplan.json", fixtures)
    return tmp_path


def problems(root: Path) -> list[str]:
    return [str(problem) for problem in check(root).problems]


def fixture_file(root: Path) -> Path:
    return root / "fixtures" / "encryption" / RULE / f"{RULE}.tfplan.json"


def test_the_builtin_packs_pass() -> None:
    # Everything but running the rules' Rego unit tests: `iacgate test --with-builtin` runs every one of
    # them and fails on any (tests/packs/test_custom_packs.py). Running them here as well cost CI about
    # three minutes; `make check-packs` still runs them, and the cut-down copy below runs them here.
    report = check(ROOT, run_rego_tests=False)
    assert report.ok, "\n".join(str(problem) for problem in report.problems)
    assert report.packs >= 2 and report.rules >= 14
    assert report.tests >= report.rules and report.fixtures >= 2 * report.rules
    assert "Rego unit tests found (not run)" in report.summary()


def test_without_running_the_rego_tests_a_failing_one_goes_unseen_but_a_missing_one_does_not(
    pack_root: Path,
) -> None:
    test_file = pack_root / "policies" / "rules" / "encryption" / "ebs_volume_test.rego"
    test_file.write_text(test_file.read_text().replace('"encrypted": false}', '"encrypted": true}', 1))
    assert check(pack_root, run_rego_tests=False).ok
    assert not check(pack_root).ok
    test_file.unlink()
    assert [str(problem) for problem in check(pack_root, run_rego_tests=False).problems] == [
        f"rulepacks/encryption.yaml: {RULE}: no Rego unit test: no *_test.rego with test_ rules for package "
        "iacgate.rules.encryption.ebs_volume"
    ]


def test_make_target_command_prints_one_ok_line(pack_root: Path) -> None:
    # The built-in packs are checked in full above; the command itself is exercised on the cut-down copy.
    result = subprocess.run(
        [sys.executable, "-m", "iacgate.packs.check", "--root", str(pack_root)],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("OK: ") and result.stdout.count("\n") == 1


def test_the_cut_down_copy_passes(pack_root: Path) -> None:
    assert problems(pack_root) == []


def test_missing_metadata_is_named(pack_root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    manifest_path = pack_root / "rulepacks" / "encryption.yaml"
    manifest = yaml.safe_load(manifest_path.read_text())
    del manifest["rules"][0]["help_uri"]
    del manifest["rules"][0]["controls"]["dora"]
    manifest_path.write_text(yaml.safe_dump(manifest, sort_keys=False))

    assert main(["--root", str(pack_root)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert any(RULE in line and "'help_uri' is a required property" in line for line in lines)
    assert any(RULE in line and "'dora' is a required property" in line for line in lines)


def test_missing_rego_test_is_named(pack_root: Path) -> None:
    (pack_root / "policies" / "rules" / "encryption" / "ebs_volume_test.rego").unlink()
    assert problems(pack_root) == [
        f"rulepacks/encryption.yaml: {RULE}: no Rego unit test: no *_test.rego with test_ rules for package "
        "iacgate.rules.encryption.ebs_volume"
    ]


def test_failing_rego_test_is_named(pack_root: Path) -> None:
    test_file = pack_root / "policies" / "rules" / "encryption" / "ebs_volume_test.rego"
    test_file.write_text(test_file.read_text().replace('"encrypted": false}', '"encrypted": true}', 1))
    found = problems(pack_root)
    assert len(found) == 1
    assert "test_unencrypted_volume_fails failed" in found[0]
    assert found[0].startswith("policies/rules/encryption/ebs_volume_test.rego: ")


def test_missing_policy_package_is_named(pack_root: Path) -> None:
    policy = pack_root / "policies" / "rules" / "encryption" / "ebs_volume.rego"
    policy.write_text(
        policy.read_text().replace("package iacgate.rules.encryption.ebs_volume", "package other.name")
    )
    assert any("defines package iacgate.rules.encryption.ebs_volume" in line for line in problems(pack_root))


def test_missing_failing_fixture_is_named(pack_root: Path) -> None:
    path = fixture_file(pack_root)
    path.write_text(path.read_text().replace("fail_", "spare_"))
    assert problems(pack_root) == [
        f"rulepacks/encryption.yaml: {RULE}: no failing fixture: no resource of type aws_ebs_volume named "
        f"fail_* in fixtures/encryption/{RULE}"
    ]


def test_missing_passing_fixture_is_named(pack_root: Path) -> None:
    path = fixture_file(pack_root)
    path.write_text(path.read_text().replace("pass_", "spare_"))
    assert problems(pack_root) == [
        f"rulepacks/encryption.yaml: {RULE}: no passing fixture: no resource of type aws_ebs_volume named "
        f"pass_* in fixtures/encryption/{RULE}"
    ]


def test_missing_fixture_directory_is_named(pack_root: Path) -> None:
    shutil.rmtree(fixture_file(pack_root).parent)
    assert problems(pack_root) == [
        f"rulepacks/encryption.yaml: {RULE}: no fixtures: fixtures/encryption/{RULE} does not exist"
    ]


def test_fixture_that_does_not_behave_as_named_is_named(pack_root: Path) -> None:
    path = fixture_file(pack_root)
    path.write_text(path.read_text().replace("undetermined_account_default", "pass_account_default"))
    assert problems(pack_root) == [
        f"rulepacks/encryption.yaml: {RULE}: fixture aws_ebs_volume.pass_account_default (terraform-plan, "
        f"{RULE}.tfplan.json) is named to pass but the rule gave undetermined"
    ]


def _set_formats(root: Path, formats: list[str]) -> None:
    manifest_path = root / "rulepacks" / "encryption.yaml"
    manifest = yaml.safe_load(manifest_path.read_text())
    manifest["rules"][0]["formats"] = formats
    manifest_path.write_text(yaml.safe_dump(manifest, sort_keys=False))


def test_each_format_without_fixtures_is_named_once(pack_root: Path) -> None:
    _set_formats(pack_root, ["terraform-plan", "cloudformation", "pulumi"])
    assert problems(pack_root) == [
        f"rulepacks/encryption.yaml: {RULE}: no cloudformation fixture: "
        "the rule's formats include cloudformation",
        f"rulepacks/encryption.yaml: {RULE}: no pulumi fixture: the rule's formats include pulumi",
    ]


def test_a_format_with_only_failing_fixtures_is_named(pack_root: Path) -> None:
    _set_formats(pack_root, ["terraform-plan", "cloudformation"])
    template = pack_root / "fixtures" / "encryption" / RULE / "template.yaml"
    template.write_text(
        "Resources:\n"
        "  FailPlainVolume:\n"
        "    Type: AWS::EC2::Volume\n"
        "    Properties: {AvailabilityZone: eu-west-1a, Size: 10, Encrypted: false}\n"
    )
    assert problems(pack_root) == [
        f"rulepacks/encryption.yaml: {RULE}: the cloudformation fixture has no resource of the rule's types "
        "named pass_*"
    ]


def test_default_formats_of_an_aws_rule_are_all_four(pack_root: Path) -> None:
    manifest_path = pack_root / "rulepacks" / "encryption.yaml"
    manifest = yaml.safe_load(manifest_path.read_text())
    del manifest["rules"][0]["formats"]
    manifest_path.write_text(yaml.safe_dump(manifest, sort_keys=False))
    missing = [line.split(": ")[2] for line in problems(pack_root)]
    assert missing == ["no terraform fixture", "no cloudformation fixture", "no pulumi fixture"]


LEVELS = KeySettings({"aws_sqs_queue": "kms_master_key_id"}, {})


def rule(rule_id: str, type_name: str, *tags: str) -> dict[str, object]:
    return {"id": rule_id, "resource_types": [type_name], "tags": ["aws", *tags]}


def test_an_at_rest_rule_on_a_type_with_a_key_setting_needs_its_customer_managed_key_rule() -> None:
    found = level_problems([rule("ENC-SQS-001", "aws_sqs_queue", "encryption-at-rest")], "p.yaml", LEVELS)
    assert [str(problem) for problem in found] == [
        "p.yaml: ENC-SQS-001: aws_sqs_queue is judged encrypted at rest and accepts a customer-managed key "
        "(kms_master_key_id), but no rule tagged customer-managed-key judges aws_sqs_queue: add that rule "
        "(both levels, #15 §1)"
    ]
    both = [
        rule("ENC-SQS-001", "aws_sqs_queue", "encryption-at-rest"),
        rule("ENC-SQS-002", "aws_sqs_queue", "encryption-at-rest", "customer-managed-key"),
    ]
    assert level_problems(both, "p.yaml", LEVELS) == []
    # A type without a key setting (DAX encrypts with an AWS-owned key only) needs one level.
    assert (
        level_problems([rule("ENC-DAX-001", "aws_dax_cluster", "encryption-at-rest")], "p.yaml", LEVELS) == []
    )


def test_known_gaps_are_listed_and_a_gap_that_was_filled_is_a_problem() -> None:
    gaps = KeySettings(LEVELS.types, {"aws_sqs_queue": "rule not written yet"})
    assert level_problems([rule("ENC-SQS-001", "aws_sqs_queue", "encryption-at-rest")], "p.yaml", gaps) == []
    both = [
        rule("ENC-SQS-001", "aws_sqs_queue", "encryption-at-rest"),
        rule("ENC-SQS-002", "aws_sqs_queue", "customer-managed-key"),
    ]
    (problem,) = level_problems(both, "p.yaml", gaps)
    assert "remove it from the list" in problem.message
    # Listed for the summary while the rule is missing, and only for the rules checked.
    assert known_gaps([rule("ENC-SQS-001", "aws_sqs_queue", "encryption-at-rest")], gaps) == [
        "aws_sqs_queue: rule not written yet"
    ]
    assert known_gaps(both, gaps) == []
    assert known_gaps([], gaps) == []


def test_the_real_key_settings_name_only_types_and_gaps_it_knows() -> None:
    settings = KeySettings.load()
    assert set(settings.known_gaps) <= set(settings.types)
