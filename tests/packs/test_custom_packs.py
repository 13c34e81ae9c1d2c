"""Custom packs end to end: --pack-dir, `packs:` in iacgate.yaml, and `iacgate test` over all packs."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from iacgate.packs.regotest import discover_tests

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "docs" / "custom-pack-example"
FIXTURES = EXAMPLE / "fixtures" / "ACME-TAG-001"


def iacgate(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "iacgate", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )


def rule_ids(report: str) -> set[str]:
    return {finding["rule_id"] for finding in json.loads(report)["findings"]}


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    """A writable copy of the documented example pack."""
    return Path(shutil.copytree(EXAMPLE, tmp_path / "acme"))


def test_scan_with_pack_dir_runs_the_custom_rule_next_to_the_builtins() -> None:
    result = iacgate(
        "scan", "--pack-dir", str(EXAMPLE), "--fail-on", "low", "--format", "json", str(FIXTURES)
    )
    assert result.returncode == 1, result.stderr
    found = json.loads(result.stdout)["findings"]
    acme = sorted(finding["resource_id"] for finding in found if finding["rule_id"] == "ACME-TAG-001")
    assert acme == ["aws_dynamodb_table.fail_no_tags", "aws_s3_bucket.fail_unowned"]
    assert any(finding["rule_id"].startswith("ENC-") for finding in found)


def test_selecting_a_builtin_pack_keeps_the_custom_pack() -> None:
    result = iacgate(
        "scan", "--pack", "audit-logging", "--pack-dir", str(EXAMPLE), "--format", "json", str(FIXTURES)
    )
    ids = rule_ids(result.stdout)
    assert "ACME-TAG-001" in ids and not any(rule.startswith("ENC-") for rule in ids)


def test_packs_in_config_take_builtin_ids_and_relative_directories(tmp_path: Path, pack: Path) -> None:
    scanned = Path(shutil.copytree(FIXTURES, tmp_path / "infra"))
    (scanned / "iacgate.yaml").write_text("packs: [audit-logging, ../acme]\nfail_on: critical\n")
    result = iacgate("scan", "--format", "json", "--config", str(scanned / "iacgate.yaml"), str(scanned))
    assert result.returncode == 0, result.stderr
    ids = rule_ids(result.stdout)
    assert "ACME-TAG-001" in ids and not any(rule.startswith("ENC-") for rule in ids)


def test_a_custom_pack_with_an_invalid_manifest_is_a_pack_error(pack: Path) -> None:
    manifest = pack / "pack.yaml"
    manifest.write_text(manifest.read_text().replace("    severity: low\n", "    severity: tiny\n"))
    result = iacgate("scan", "--pack-dir", str(pack), str(FIXTURES))
    assert result.returncode == 2
    assert "invalid manifest at rules/0/severity" in result.stderr


def test_a_custom_policy_calling_a_refused_builtin_is_a_pack_error(pack: Path) -> None:
    policy = pack / "policies" / "owner_tag.rego"
    policy.write_text(policy.read_text() + '\nleak := http.send({"method": "get", "url": "https://x"})\n')
    for command in (["scan", "--pack-dir", str(pack), str(FIXTURES)], ["test", "--no-builtin", str(pack)]):
        result = iacgate(*command)
        assert result.returncode == 2, command
        assert "policy uses http.send, which is refused" in result.stderr


def test_iacgate_test_passes_on_the_example_with_one_summary_line(pack: Path) -> None:
    result = iacgate("test", "--no-builtin", str(pack))
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == "6 passed, 0 failed\n"  # 3 Rego tests and 3 named fixture resources


def test_iacgate_test_names_each_failing_test_with_its_file(pack: Path) -> None:
    test_file = pack / "policies" / "owner_tag_test.rego"
    test_file.write_text(test_file.read_text().replace('{"owner": ""}', '{"owner": "team-x"}'))
    fixture = pack / "fixtures" / "ACME-TAG-001" / "main.tf"
    fixture.write_text(fixture.read_text().replace('"pass_owned"', '"fail_owned"'))
    result = iacgate("test", "--no-builtin", str(pack))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[-1] == "4 passed, 2 failed"
    failing = "data.acme.rules.tagging.owner_tag_test.test_empty_owner_fails: undefined"
    assert f"FAIL policies/owner_tag_test.rego: {failing}" in [line.replace(f"{pack}/", "") for line in lines]
    assert any(
        line.startswith("FAIL ")
        and "ACME-TAG-001 aws_s3_bucket.fail_owned: named to fail but the rule gave pass" in line
        for line in lines
    )


def test_iacgate_test_reports_a_test_that_does_not_compile_as_an_error(pack: Path) -> None:
    (pack / "policies" / "broken_test.rego").write_text(
        "package acme.broken_test\n\nimport rego.v1\n\ntest_x if {\n\tundefined_function(1)\n}\n"
    )
    result = iacgate("test", "--no-builtin", str(pack))
    assert result.returncode == 1
    assert any(line.startswith("ERROR ") for line in result.stdout.splitlines())
    assert result.stdout.splitlines()[-1].endswith(" failed") and not result.stdout.endswith(" 0 failed\n")


def test_iacgate_test_without_a_manifest_is_a_pack_error(tmp_path: Path) -> None:
    result = iacgate("test", "--no-builtin", str(tmp_path))
    assert result.returncode == 2
    assert "pack.yaml" in result.stderr


def test_iacgate_test_runs_only_the_named_pack_by_default() -> None:
    result = iacgate("test", "--verbose", str(EXAMPLE))
    assert result.returncode == 0, result.stdout
    passed = int(result.stdout.splitlines()[-1].split(" passed")[0])
    assert 0 < passed < 20
    assert "custom-pack-example" in result.stdout and "policies/rules/" not in result.stdout


def test_iacgate_test_with_builtin_runs_the_builtin_packs_and_the_example() -> None:
    # The one run of every built-in rule's Rego unit tests in the suite (check-packs' test leaves them to it).
    result = iacgate("test", "--with-builtin", str(EXAMPLE))
    assert result.returncode == 0, result.stdout
    # Every Rego test of the built-in packs, their library and the example ran and passed (and the
    # example's fixture outcomes, which count as tests too).
    passed = int(result.stdout.splitlines()[-1].split(" passed")[0])
    assert passed >= len(discover_tests([ROOT / "policies", EXAMPLE])) > 1000
    assert result.stdout.splitlines()[-1] == f"{passed} passed, 0 failed"


def test_rules_lists_custom_packs() -> None:
    result = iacgate("rules", "--format", "json", "--pack-dir", str(EXAMPLE), "--pack", "audit-logging")
    ids = {rule["id"] for rule in json.loads(result.stdout)["rules"]}
    assert "ACME-TAG-001" in ids and not any(rule.startswith("ENC-") for rule in ids)


def test_the_guide_shows_the_example_policy_as_it_is() -> None:
    guide = (ROOT / "docs" / "writing-rules.md").read_text(encoding="utf-8")
    policy = (EXAMPLE / "policies" / "owner_tag.rego").read_text(encoding="utf-8")
    deny = policy[policy.index("deny contains") :].strip()
    assert deny in guide, "docs/writing-rules.md quotes a policy that differs from docs/custom-pack-example"


def test_pack_selects_a_custom_pack_by_its_id() -> None:
    # --pack acme-tagging names the pack --pack-dir loads, in scan and in rules alike.
    listed = iacgate("rules", "--format", "json", "--pack-dir", str(EXAMPLE), "--pack", "acme-tagging")
    assert listed.returncode == 0, listed.stderr
    assert {rule["id"] for rule in json.loads(listed.stdout)["rules"]} == {"ACME-TAG-001"}
    scanned = iacgate(
        "scan", "--format", "json", "--pack-dir", str(EXAMPLE), "--pack", "acme-tagging", str(FIXTURES)
    )
    assert scanned.returncode in (0, 1), scanned.stderr
    assert rule_ids(scanned.stdout) == {"ACME-TAG-001"}
