"""--rule, --skip-rule and --exclude as users of other scanners expect them (#14 §2): globs allowed, a
pattern that matches nothing is a usage error, and what was not run is in the reports."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

VOLUME = """\
resource "aws_ebs_volume" "data" {
  availability_zone = "eu-west-1a"
  size              = 10
  encrypted         = false
}
"""


def iacgate(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "iacgate", "scan", ".", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_skip_rule_leaves_a_rule_out_and_says_so(tmp_path: Path) -> None:
    (tmp_path / "main.tf").write_text(VOLUME, encoding="utf-8")
    assert iacgate(tmp_path).returncode == 1
    skipped = iacgate(tmp_path, "--skip-rule", "ENC-EBS-00*", "--sarif-output", "out.sarif", "-q")
    assert skipped.returncode == 0, skipped.stdout + skipped.stderr
    sarif = json.loads((tmp_path / "out.sarif").read_text(encoding="utf-8"))
    (invocation,) = sarif["runs"][0]["invocations"]
    assert {"ENC-EBS-001", "ENC-EBS-002"} <= set(invocation["properties"]["skippedRules"])
    assert not [r for r in sarif["runs"][0]["tool"]["driver"]["rules"] if r["id"].startswith("ENC-EBS-00")]


def test_rule_runs_only_the_rules_named(tmp_path: Path) -> None:
    (tmp_path / "main.tf").write_text(VOLUME, encoding="utf-8")
    report = json.loads(iacgate(tmp_path, "--rule", "ENC-EBS-001", "--format", "json").stdout)
    assert {check["rule_id"] for check in report["checks"]} == {"ENC-EBS-001"}
    assert "ENC-EBS-002" in report["gate"]["skipped_rules"]
    assert "ENC-EBS-001" not in report["gate"]["skipped_rules"]


def test_a_pattern_that_matches_no_rule_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "main.tf").write_text(VOLUME, encoding="utf-8")
    result = iacgate(tmp_path, "--skip-rule", "ENC-EBS-01")
    assert result.returncode == 2
    assert (
        result.stderr.strip()
        == "iacgate: error: --skip-rule ENC-EBS-01: matches no rule of the packs in this run"
    )


def test_exclude_on_the_command_line(tmp_path: Path) -> None:
    (tmp_path / "examples").mkdir()
    (tmp_path / "examples" / "main.tf").write_text(VOLUME, encoding="utf-8")
    (tmp_path / "main.tf").write_text(VOLUME.replace("false", "true"), encoding="utf-8")
    assert iacgate(tmp_path).returncode == 1
    assert iacgate(tmp_path, "--exclude", "examples/*").returncode == 0
