"""Waivers, inline suppressions, baselines and enforcement through the real command line (in-process
click runner, real files in a temp dir), with every SARIF and JSON report validated against its schema."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from iacgate.cli import main
from report.support import assert_valid_report, assert_valid_sarif

TODAY = "2026-03-02"
VOLUME = """\
resource "aws_ebs_volume" "{name}" {{
  availability_zone = "eu-west-1a"
  size              = 10
  encrypted         = false
  # A customer-managed key: these volumes differ only in `encrypted` (ENC-EBS-001).
  kms_key_id        = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
}}
"""
TEMPLATE = """\
AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Ledger:
    Type: AWS::EC2::Volume
    Metadata:
      iacgate:
        ignore:
          - rule: ENC-EBS-001
            reason: restored from snapshot, re-encrypted under SEC-9
    Properties:
      AvailabilityZone: eu-west-1a
      Size: 10
      Encrypted: false
      KmsKeyId: arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab
"""


def waiver(expires: str, resource: str = "aws_ebs_volume.ledger", reason: str = "legacy volume") -> str:
    return (
        "  - rule: ENC-EBS-001\n"
        f"    resource: {resource}\n"
        f"    reason: {reason}\n"
        "    ticket: SEC-42\n"
        "    approved_by: alice@example.com\n"
        f"    expires: {expires}\n"
    )


def iacgate(*args: str, today: str = TODAY) -> Result:
    return CliRunner().invoke(main, list(args), env={"IACGATE_TODAY": today}, catch_exceptions=False)


def sarif_run(path: Path) -> dict[str, Any]:
    log = json.loads(path.read_text(encoding="utf-8"))
    assert_valid_sarif(log)
    (run,) = log["runs"]
    return dict(run)


def results_by_resource(run: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {r["locations"][0]["logicalLocations"][0]["fullyQualifiedName"]: r for r in run["results"]}


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    root.mkdir()
    (root / "main.tf").write_text(VOLUME.format(name="ledger"), encoding="utf-8")
    return root


def scan(root: Path, *args: str, today: str = TODAY) -> tuple[Result, dict[str, Any]]:
    sarif = root.parent / "out.sarif"
    result = iacgate(
        "scan", "--pack", "encryption", "--sarif-output", str(sarif), *args, str(root), today=today
    )
    return result, sarif_run(sarif) if sarif.is_file() else {}


def test_waived_finding_passes_and_stays_in_every_report(repo: Path) -> None:
    (repo / "iacgate-waivers.yaml").write_text("waivers:\n" + waiver("2026-06-01"), encoding="utf-8")
    result, run = scan(repo, "--waivers", str(repo / "iacgate-waivers.yaml"))
    assert result.exit_code == 0, result.output
    assert "[WAIVED]" in result.output and "approved by alice@example.com" in result.output
    (finding,) = run["results"]
    (suppression,) = finding["suppressions"]
    assert suppression["kind"] == "external" and suppression["status"] == "accepted"
    assert suppression["justification"] == (
        "legacy volume (approved by alice@example.com, ticket SEC-42, expires 2026-06-01)"
    )
    assert suppression["properties"] == {
        "reason": "legacy volume",
        "approver": "alice@example.com",
        "ticket": "SEC-42",
        "expires": "2026-06-01",
        "source": "iacgate-waivers.yaml",
        "line": 2,
    }
    assert run["invocations"][0]["properties"]["gate"]["reasons"] == ["1 finding waived"]
    report = json.loads(
        iacgate(
            "scan",
            "--pack",
            "encryption",
            "--format",
            "json",
            "--waivers",
            str(repo / "iacgate-waivers.yaml"),
            str(repo),
        ).output
    )
    assert_valid_report(report)
    assert report["findings"][0]["suppression"]["approver"] == "alice@example.com"
    assert report["findings"][0]["blocking"] is False


def test_expired_waiver_fails_and_says_when(repo: Path) -> None:
    (repo / "iacgate-waivers.yaml").write_text("waivers:\n" + waiver("2026-03-01"), encoding="utf-8")
    result, run = scan(repo, "--waivers", str(repo / "iacgate-waivers.yaml"))
    assert result.exit_code == 1
    assert "waiver expired on 2026-03-01" in result.output
    (finding,) = run["results"]
    assert "suppressions" not in finding
    assert finding["properties"]["waiverExpired"] == "2026-03-01"
    assert "waiver expired on 2026-03-01" in finding["message"]["text"]
    # The last day of a waiver still waives.
    assert scan(repo, "--waivers", str(repo / "iacgate-waivers.yaml"), today="2026-03-01")[0].exit_code == 0


def test_stale_and_expiring_waivers_are_reported(repo: Path) -> None:
    text = "waivers:\n" + waiver("2026-03-10") + waiver("2026-05-01", resource="aws_ebs_volume.gone")
    (repo / "iacgate-waivers.yaml").write_text(text, encoding="utf-8")
    result, run = scan(repo, "--waivers", str(repo / "iacgate-waivers.yaml"))
    assert result.exit_code == 0
    assert "Waivers expiring within 14 days:" in result.output
    assert "aws_ebs_volume.ledger expires 2026-03-10" in result.output
    (stale,) = [
        n
        for n in run["invocations"][0]["toolExecutionNotifications"]
        if "stale waiver" in n["message"]["text"]
    ]
    location = stale["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "iacgate-waivers.yaml"
    assert location["region"]["startLine"] == 8
    waivers = run["properties"]["waivers"]
    assert [w["resource"] for w in waivers["stale"]] == ["aws_ebs_volume.gone"]
    assert [(w["resource"], w["expires"]) for w in waivers["expiringSoon"]] == [
        ("aws_ebs_volume.ledger", "2026-03-10")
    ]


@pytest.mark.parametrize(
    ("entry", "line", "problem"),
    [
        (
            "  - rule: ENC-EBS-001\n    resource: x\n    approved_by: a\n    expires: 2026-04-01\n",
            3,
            "'reason'",
        ),
        (
            "  - rule: ENC-EBS-001\n    resource: x\n    reason: r\n    expires: 2026-04-01\n",
            3,
            "'approved_by'",
        ),
        ("  - rule: ENC-EBS-001\n    resource: x\n    reason: r\n    approved_by: a\n", 3, "'expires'"),
    ],
)
def test_incomplete_waiver_is_exit_2_naming_file_and_line(
    repo: Path, entry: str, line: int, problem: str
) -> None:
    (repo / "iacgate-waivers.yaml").write_text("# reviewed\nwaivers:\n" + entry, encoding="utf-8")
    result = iacgate(
        "scan", "--pack", "encryption", "--waivers", str(repo / "iacgate-waivers.yaml"), str(repo)
    )
    assert result.exit_code == 2
    (message,) = result.stderr.splitlines()
    assert message.startswith(f"iacgate: error: iacgate-waivers.yaml:{line}: ")
    assert f"{problem} is a required property" in message


def test_config_names_the_waivers_file_and_caps_its_lifetime(repo: Path) -> None:
    (repo / "policy").mkdir()
    (repo / "policy" / "exceptions.yaml").write_text("waivers:\n" + waiver("2026-09-01"), encoding="utf-8")
    (repo / "iacgate.yaml").write_text(
        "waivers: policy/exceptions.yaml\nmax_waiver_days: 90\n", encoding="utf-8"
    )
    result = iacgate("scan", "--pack", "encryption", "--config", str(repo / "iacgate.yaml"), str(repo))
    assert result.exit_code == 2
    assert result.stderr.startswith(
        "iacgate: error: policy/exceptions.yaml:2: waiver for ENC-EBS-001 expires"
    )
    assert "more than 90 days from 2026-03-02" in result.stderr
    (repo / "iacgate.yaml").write_text(
        "waivers: policy/exceptions.yaml\nmax_waiver_days: 200\n", encoding="utf-8"
    )
    assert (
        iacgate("scan", "--pack", "encryption", "--config", str(repo / "iacgate.yaml"), str(repo)).exit_code
        == 0
    )


def test_inline_comment_honoured_unless_disallowed(repo: Path) -> None:
    (repo / "main.tf").write_text(
        "# iacgate:ignore ENC-EBS-001 scratch data, wiped nightly\n" + VOLUME.format(name="ledger"),
        encoding="utf-8",
    )
    result, run = scan(repo)
    assert result.exit_code == 0
    (suppression,) = run["results"][0]["suppressions"]
    assert suppression["kind"] == "inSource" and suppression["status"] == "accepted"
    assert suppression["properties"]["reason"] == "scratch data, wiped nightly"
    assert suppression["location"]["physicalLocation"]["region"]["startLine"] == 1

    refused, run = scan(repo, "--no-inline-waivers")
    assert refused.exit_code == 1
    assert "suppressions" not in run["results"][0]
    assert "inline suppression of ENC-EBS-001 not honoured" in refused.output
    assert run["properties"]["waivers"]["inlineAllowed"] is False

    (repo / "iacgate.yaml").write_text("inline_waivers: false\n", encoding="utf-8")
    assert scan(repo)[0].exit_code == 1


def test_inline_comment_without_reason_is_exit_2(repo: Path) -> None:
    (repo / "main.tf").write_text(
        "# iacgate:ignore ENC-EBS-001\n" + VOLUME.format(name="ledger"), encoding="utf-8"
    )
    result = iacgate("scan", "--pack", "encryption", str(repo))
    assert result.exit_code == 2
    assert result.stderr.startswith(
        "iacgate: error: main.tf:1: inline suppression of ENC-EBS-001 has no reason"
    )


def test_cloudformation_metadata_suppression(tmp_path: Path) -> None:
    (tmp_path / "stack.yaml").write_text(TEMPLATE, encoding="utf-8")
    result, run = scan(tmp_path)
    assert result.exit_code == 0, result.output
    (finding,) = run["results"]
    assert finding["locations"][0]["logicalLocations"][0]["fullyQualifiedName"] == "Ledger"
    (suppression,) = finding["suppressions"]
    assert suppression["kind"] == "inSource"
    assert suppression["properties"]["reason"] == "restored from snapshot, re-encrypted under SEC-9"
    without_reason = TEMPLATE.replace(
        "            reason: restored from snapshot, re-encrypted under SEC-9\n", ""
    )
    (tmp_path / "stack.yaml").write_text(without_reason, encoding="utf-8")
    refused = iacgate("scan", "--pack", "encryption", str(tmp_path))
    assert refused.exit_code == 2
    assert "stack.yaml:3: inline suppression of ENC-EBS-001 has no reason" in refused.stderr


def test_baseline_create_then_states_and_fail_on_new_only(repo: Path) -> None:
    (repo / "main.tf").write_text(VOLUME.format(name="old") + VOLUME.format(name="gone"), encoding="utf-8")
    baseline = repo.parent / "baseline.sarif"
    created = iacgate("baseline", "create", "--pack", "encryption", str(repo), "-o", str(baseline))
    assert created.exit_code == 0, created.stderr
    assert len(sarif_run(baseline)["results"]) == 2

    (repo / "main.tf").write_text(VOLUME.format(name="old") + VOLUME.format(name="fresh"), encoding="utf-8")
    result, run = scan(repo, "--baseline", str(baseline))
    assert result.exit_code == 1
    states = {
        r["locations"][0]["logicalLocations"][0]["fullyQualifiedName"]: r["baselineState"]
        for r in run["results"]
    }
    assert states == {
        "aws_ebs_volume.old": "unchanged",
        "aws_ebs_volume.fresh": "new",
        "aws_ebs_volume.gone": "absent",
    }
    assert run["properties"]["baseline"]["new"] == 1
    assert f"Baseline {baseline}: 1 new, 1 unchanged, 0 updated, 1 absent." in " ".join(result.output.split())
    assert scan(repo, "--baseline", str(baseline), "--fail-on-new-only")[0].exit_code == 1
    report = json.loads(
        iacgate(
            "scan", "--pack", "encryption", "--format", "json", "--baseline", str(baseline), str(repo)
        ).output
    )
    assert_valid_report(report)
    assert [f["baseline_state"] for f in report["findings"]] == ["unchanged", "new"]
    assert [(a["resource_id"], a["line"]) for a in report["baseline"]["absent"]] == [
        ("aws_ebs_volume.gone", 11)
    ]

    (repo / "main.tf").write_text(VOLUME.format(name="old"), encoding="utf-8")
    only_old, run = scan(repo, "--baseline", str(baseline), "--fail-on-new-only")
    assert only_old.exit_code == 0
    gate = run["invocations"][0]["properties"]["gate"]
    assert gate["failOnNewOnly"] is True
    assert "1 finding already in the baseline, not blocking (--fail-on-new-only)" in gate["reasons"]

    edited = baseline.read_text(encoding="utf-8").replace('"level": "error"', '"level": "warning"')
    baseline.write_text(edited, encoding="utf-8")
    _, run = scan(repo, "--baseline", str(baseline))
    assert [r["baselineState"] for r in run["results"]] == ["updated", "absent"]


def test_fail_on_new_only_needs_a_baseline(repo: Path) -> None:
    result = iacgate("scan", "--fail-on-new-only", str(repo))
    assert result.exit_code == 2
    assert "--fail-on-new-only needs --baseline" in result.stderr


def test_enforcement_levels_from_config(repo: Path) -> None:
    config = repo / "iacgate.yaml"
    config.write_text("enforcement:\n  encryption: advisory\n", encoding="utf-8")
    advisory, run = scan(repo, "--config", str(config))
    assert advisory.exit_code == 0
    assert "[advisory]" in advisory.output
    assert run["results"][0]["properties"]["enforcement"] == "advisory"

    # The rule's own entry beats its pack's.
    config.write_text(
        "enforcement:\n  encryption: advisory\n  ENC-EBS-001: soft-mandatory\n", encoding="utf-8"
    )
    soft, run = scan(repo, "--config", str(config))
    assert soft.exit_code == 1
    assert run["results"][0]["properties"]["enforcement"] == "soft-mandatory"
    overridden, run = scan(repo, "--config", str(config), "--override-soft")
    assert overridden.exit_code == 0
    gate = run["invocations"][0]["properties"]["gate"]
    assert gate["overrideSoft"] is True
    assert "1 soft-mandatory finding overridden by --override-soft" in gate["reasons"]
    assert gate["enforcement"]["soft-mandatory"] == 1


def test_enforcement_level_typo_is_exit_2_naming_the_line(repo: Path) -> None:
    (repo / "iacgate.yaml").write_text(
        "fail_on: high\nenforcement:\n  encryption: advisery\n", encoding="utf-8"
    )
    result = iacgate("scan", "--config", str(repo / "iacgate.yaml"), str(repo))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"iacgate: error: {repo / 'iacgate.yaml'}:3: enforcement/encryption:")


def test_bad_today_is_a_usage_error(repo: Path) -> None:
    result = iacgate("scan", str(repo), today="next tuesday")
    assert result.exit_code == 2
    assert "IACGATE_TODAY='next tuesday' is not a date" in result.stderr


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_version_control_provenance_in_a_git_work_tree(repo: Path) -> None:
    def git(*args: str) -> str:
        done = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True, check=True)
        return done.stdout.strip()

    git("init", "-q", "-b", "audit-branch")
    git("remote", "add", "origin", "https://ci-token:secret@git.example.com/org/infra.git")
    git("add", "main.tf")
    git("-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "first")
    _, run = scan(repo)
    (details,) = run["versionControlProvenance"]
    assert details == {
        "repositoryUri": "https://git.example.com/org/infra.git",
        "revisionId": git("rev-parse", "HEAD"),
        "branch": "audit-branch",
    }
    report = json.loads(
        iacgate(
            "scan",
            "--pack",
            "encryption",
            "--format",
            "json",
            str(repo),
        ).output
    )
    assert report["provenance"]["branch"] == "audit-branch"


def test_no_provenance_outside_git(tmp_path: Path) -> None:
    (tmp_path / "main.tf").write_text(VOLUME.format(name="ledger"), encoding="utf-8")
    _, run = scan(tmp_path)
    assert "versionControlProvenance" not in run


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_no_repository_uri_without_a_remote(repo: Path) -> None:
    # A local path names nothing a code-scanning service knows: no entry rather than file:///...
    subprocess.run(["git", "-C", str(repo), "init", "-q"], check=True)
    _, run = scan(repo)
    assert "versionControlProvenance" not in run


def _resolved(run: dict[str, Any], location: dict[str, Any]) -> Path:
    """The file a SARIF artifact location names, its base resolved as a SARIF reader would."""
    from urllib.parse import unquote, urljoin, urlparse

    artifact = location["physicalLocation"]["artifactLocation"]
    uri = artifact["uri"]
    if "uriBaseId" in artifact:
        uri = urljoin(run["originalUriBaseIds"][artifact["uriBaseId"]]["uri"], uri)
    return Path(unquote(urlparse(uri).path))


def test_waivers_file_outside_the_scan_root_is_located_where_it_is(
    repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Run from another directory (the scan root is then the scanned repository) with the waivers file
    # named relative to the working directory: the evidence must point at that file, not at a file of
    # the same name in the scan root.
    security = tmp_path / "security"
    security.mkdir()
    stale = waiver("2026-06-01", resource="aws_ebs_volume.gone")
    (security / "waivers.yaml").write_text("waivers:\n" + waiver("2026-06-01") + stale, encoding="utf-8")
    monkeypatch.chdir(security)
    result, run = scan(repo, "--waivers", "waivers.yaml")
    assert result.exit_code == 0, result.output
    (finding,) = run["results"]
    (suppression,) = finding["suppressions"]
    assert _resolved(run, suppression["location"]) == (security / "waivers.yaml").resolve()
    (note,) = [
        note
        for note in run["invocations"][0]["toolExecutionNotifications"]
        if note["message"]["text"].startswith("stale waiver")
    ]
    assert _resolved(run, note["locations"][0]) == (security / "waivers.yaml").resolve()
    assert note["locations"][0]["physicalLocation"]["region"]["startLine"] == 8
