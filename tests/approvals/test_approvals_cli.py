"""Approvals of flagged changes end to end through the command line (in-process click runner, real files
in a temp dir): approved, expired, too few approvers, stale, untrusted; with the SARIF, JSON and HTML
evidence validated and read back."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from iacgate.cli import main
from report.support import assert_valid_report, assert_valid_sarif
from report.test_audit_html import Page
from report.test_audit_html_browser import chromium, headless

ROOT = Path(__file__).resolve().parents[2]
PLAN = ROOT / "fixtures" / "change-safety" / "CHG-STATE-001" / "plan.tfplan.json"
TODAY = "2026-12-06"
# What CHG-STATE-001 flags in the plan: four destroyed, two replaced.
FLAGGED = {
    "aws_db_instance.fail_destroyed": "delete",
    "aws_db_instance.fail_replaced": "replace",
    "aws_s3_bucket.fail_state_bucket_destroyed": "delete",
    "aws_kms_key.fail_key_scheduled_for_deletion": "delete",
    "azurerm_key_vault.fail_vault_destroyed": "delete",
    "google_sql_database_instance.fail_replaced_sql": "replace",
}


def approval(
    resource: str, action: str, approvers: tuple[str, ...] = ("alice@example.com", "bob@example.com"),
    expires: str = "2026-12-20", ticket: str = "CHG-1234",
) -> str:  # fmt: skip
    names = ", ".join(approvers)
    return (
        f"  - resource: {resource}\n"
        f"    action: {action}\n"
        f"    approvers: [{names}]\n"
        f"    ticket: {ticket}\n"
        "    reason: ledger v1 retired after the migration; final snapshot kept\n"
        f"    expires: {expires}\n"
    )


def setup(tmp_path: Path, *entries: str, config: str | None = None) -> tuple[Path, Path]:
    repo = tmp_path / "repo"
    repo.mkdir()
    shutil.copy(PLAN, repo / "release.tfplan.json")
    approvals = tmp_path / "trusted" / "approvals.yaml"
    approvals.parent.mkdir()
    approvals.write_text("approvals:\n" + "".join(entries), encoding="utf-8")
    if config is not None:
        (tmp_path / "trusted" / "iacgate.yaml").write_text(config, encoding="utf-8")
    return repo, approvals


def iacgate(*args: str, today: str = TODAY) -> Result:
    return CliRunner().invoke(main, list(args), env={"IACGATE_TODAY": today}, catch_exceptions=False)


def scan_json(repo: Path, *options: str, today: str = TODAY) -> tuple[Result, dict[str, Any]]:
    result = iacgate("scan", "--pack", "change-safety", "--format", "json", *options, str(repo), today=today)
    data = json.loads(result.output)
    assert_valid_report(data)
    return result, data


def suppressed(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {f["resource_id"]: f["suppression"] for f in data["findings"] if f.get("suppression")}


def warnings(data: dict[str, Any]) -> list[str]:
    return [n["message"] for n in data["notifications"] if n["level"] == "warning"]


def test_every_flagged_change_approved_passes_the_gate_with_the_evidence(tmp_path: Path) -> None:
    repo, approvals = setup(tmp_path, *(approval(resource, action) for resource, action in FLAGGED.items()))
    sarif = tmp_path / "out.sarif"
    result, data = scan_json(repo, "--approvals", str(approvals), "--sarif-output", str(sarif))
    assert result.exit_code == 0, result.output
    assert set(suppressed(data)) == set(FLAGGED)
    evidence = {item["resource_id"]: item for item in data["approvals"]["approved"]}
    assert {key: item["action"] for key, item in evidence.items()} == FLAGGED
    assert evidence["aws_db_instance.fail_replaced"]["approval"]["approvers"] == [
        "alice@example.com",
        "bob@example.com",
    ]
    assert data["approvals"]["stale"] == []
    log = json.loads(sarif.read_text(encoding="utf-8"))
    assert_valid_sarif(log)
    (run,) = log["runs"]
    suppressions = [result["suppressions"] for result in run["results"]]
    assert len(suppressions) == len(FLAGGED)
    for (suppression,) in suppressions:
        assert suppression["kind"] == "external"
        assert "approved by alice@example.com, bob@example.com" in suppression["justification"]
        assert "ticket CHG-1234" in suppression["justification"]
    assert len(run["properties"]["approvals"]["approved"]) == len(FLAGGED)


def test_an_unapproved_change_still_fails_and_an_approval_names_its_action(tmp_path: Path) -> None:
    # Approving a delete does not approve a replacement of the same resource.
    repo, approvals = setup(
        tmp_path,
        approval("aws_db_instance.fail_destroyed", "delete"),
        approval("aws_db_instance.fail_replaced", "delete"),
    )
    result, data = scan_json(repo, "--approvals", str(approvals))
    assert result.exit_code == 1
    assert set(suppressed(data)) == {"aws_db_instance.fail_destroyed"}
    stale = data["approvals"]["stale"]
    assert [(entry["resource"], entry["action"]) for entry in stale] == [
        ("aws_db_instance.fail_replaced", "delete")
    ]
    assert any(
        "stale approval: delete of aws_db_instance.fail_replaced matches nothing" in w for w in warnings(data)
    )


def test_an_expired_approval_approves_nothing_and_says_so(tmp_path: Path) -> None:
    repo, approvals = setup(
        tmp_path, approval("aws_db_instance.fail_destroyed", "delete", expires="2026-12-20")
    )
    result, data = scan_json(repo, "--approvals", str(approvals), today="2026-12-21")
    assert result.exit_code == 1
    assert suppressed(data) == {}
    assert any("expired on 2026-12-20: it approves nothing" in w for w in warnings(data))
    # The day it expires it still applies.
    _, data = scan_json(repo, "--approvals", str(approvals), today="2026-12-20")
    assert set(suppressed(data)) == {"aws_db_instance.fail_destroyed"}


def test_required_approvals_from_the_trusted_configuration(tmp_path: Path) -> None:
    repo, approvals = setup(
        tmp_path,
        approval("aws_db_instance.fail_destroyed", "delete", approvers=("alice@example.com",)),
        approval("aws_s3_bucket.*", "any", approvers=("alice@example.com", "bob@example.com")),
        config="settings:\n  required_approvals:\n    default: 1\n    '*.tfplan.json': 2\n",
    )
    config = approvals.parent / "iacgate.yaml"
    _, data = scan_json(repo, "--approvals", str(approvals), "--config", str(config))
    assert set(suppressed(data)) == {"aws_s3_bucket.fail_state_bucket_destroyed"}
    assert any("has 1 approver(s), settings.required_approvals asks for 2" in w for w in warnings(data))


def test_one_approver_spelt_twice_is_one_approver(tmp_path: Path) -> None:
    # required_approvals: 2 is a two-person rule: the same address in another case (or with spaces) is
    # still one person, so the destroyed database stays blocking.
    repo, approvals = setup(
        tmp_path,
        approval(
            "aws_db_instance.fail_destroyed",
            "delete",
            approvers=("alice@example.com", "' Alice@Example.COM'"),
        ),
        config="settings:\n  required_approvals: 2\n",
    )
    config = approvals.parent / "iacgate.yaml"
    result, data = scan_json(repo, "--approvals", str(approvals), "--config", str(config))
    assert result.exit_code == 1
    assert suppressed(data) == {}
    assert any("has 1 approver(s), settings.required_approvals asks for 2" in w for w in warnings(data))


def test_an_approvals_file_in_the_scanned_tree_is_not_applied(tmp_path: Path) -> None:
    repo, _ = setup(tmp_path)
    (repo / "iacgate-approvals.yaml").write_text(
        "approvals:\n" + "".join(approval(resource, action) for resource, action in FLAGGED.items()),
        encoding="utf-8",
    )
    result, data = scan_json(repo)
    assert result.exit_code == 1
    assert suppressed(data) == {}
    assert any("iacgate-approvals.yaml found in the scanned tree is not applied" in w for w in warnings(data))


def test_a_malformed_approval_is_a_configuration_error_naming_its_line(tmp_path: Path) -> None:
    repo, approvals = setup(tmp_path, approval("aws_db_instance.fail_destroyed", "destroy"))
    result = iacgate("scan", "--pack", "change-safety", "--approvals", str(approvals), str(repo))
    assert result.exit_code == 2
    assert "approvals.yaml:2: approvals/0/action" in result.output


def audited(tmp_path: Path) -> Path:
    repo, approvals = setup(
        tmp_path,
        approval("aws_db_instance.fail_destroyed", "delete", ticket="CHG-<b>7</b>"),
        approval("aws_rds_cluster.nothing", "any"),
    )
    sarif, html = tmp_path / "out.sarif", tmp_path / "report.html"
    options = ("--pack", "change-safety", "-q", "--approvals", str(approvals), "--sarif-output", str(sarif))
    iacgate("scan", *options, str(repo))
    report = iacgate("report", str(sarif), "--html", str(html))
    assert report.exit_code == 0, report.output
    return html


def test_the_html_report_shows_who_approved_which_change_and_stale_approvals(tmp_path: Path) -> None:
    page = Page(audited(tmp_path).read_text(encoding="utf-8"))
    text = page.text
    assert "Approved changes" in text
    assert (
        "CHG-STATE-001 aws_db_instance.fail_destroyed delete alice@example.com, bob@example.com CHG-<b>7</b>"
        in text
    )
    assert "Stale: matched nothing this change does (1) Resource Action Approved by Ticket Expires" in text
    assert "aws_rds_cluster.nothing any" in text
    assert not any(tag == "b" for tag, _ in page.tags)  # the ticket is text, never markup


def test_a_browser_renders_the_approvals(tmp_path: Path) -> None:
    browser = chromium()
    url = audited(tmp_path).resolve().as_uri()
    text = Page(headless(browser, tmp_path / "profile", "--dump-dom", url).stdout).text
    assert "Approved changes" in text
    assert "alice@example.com, bob@example.com" in text
    assert "aws_rds_cluster.nothing" in text


@pytest.mark.parametrize("today", ["2026-12-06"])
def test_the_text_report_names_the_approval(tmp_path: Path, today: str) -> None:
    repo, approvals = setup(tmp_path, approval("aws_db_instance.fail_destroyed", "delete"))
    result = iacgate("scan", "--pack", "change-safety", "--approvals", str(approvals), str(repo), today=today)
    assert "approved delete: ledger v1 retired" in result.output
    assert "[APPROVED]" in result.output and "waived:" not in result.output


def flat(text: str) -> str:
    return " ".join(text.split())


def test_an_approved_change_reads_as_approved_in_every_output(tmp_path: Path) -> None:
    # Not "[WAIVED]": who approved which action, under which ticket, until when; stale approvals as stale.
    repo, approvals = setup(
        tmp_path,
        approval("aws_db_instance.fail_destroyed", "delete"),
        approval("aws_rds_cluster.nothing", "any"),
    )
    summary, sarif, html = tmp_path / "summary.md", tmp_path / "out.sarif", tmp_path / "report.html"
    options = ("--pack", "change-safety", "--approvals", str(approvals))
    text = flat(
        iacgate(
            "scan", *options, "--summary-file", str(summary), "--sarif-output", str(sarif), str(repo)
        ).output
    )
    assert "[WAIVED]" not in text
    assert "CHG-STATE-001 release.tfplan.json:87 [APPROVED] aws_db_instance.fail_destroyed" in text
    assert (
        "approved delete: ledger v1 retired after the migration; final snapshot kept (approved by "
        "alice@example.com, bob@example.com, ticket CHG-1234, expires 2026-12-20)"
    ) in text
    assert "blocking the gate (in 5 checks), 0 waived, 1 approved." in text
    assert "- 1 flagged change approved (approvals file)" in text
    assert (
        f"Approvals ({approvals}): 1 flagged change approved by 1 approval. 1 stale approval, matching "
        "nothing this change does (remove it): any of aws_rds_cluster.nothing, approved by "
        f"alice@example.com, bob@example.com, ticket CHG-1234, expires 2026-12-20 ({approvals}:8)."
    ) in text

    markdown = summary.read_text(encoding="utf-8")
    assert "### Waived findings" not in markdown
    assert (
        "| `CHG-STATE-001` | `aws_db_instance.fail_destroyed` | delete | "
        "alice&#64;example.com, bob&#64;example.com | CHG-1234 | 2026-12-20 | "
        "ledger v1 retired after the migration; final snapshot kept |"
    ) in markdown
    assert "### Stale approvals, matching nothing this change does (1)" in markdown
    assert (
        "| `aws_rds_cluster.nothing` | any | alice&#64;example.com, bob&#64;example.com | CHG-1234 |"
        in markdown
    )

    junit = iacgate("scan", *options, "--format", "junit", str(repo)).output
    assert '<property name="approval.action" value="delete" />' in junit
    assert '<property name="approval.approvers" value="alice@example.com, bob@example.com" />' in junit
    assert '<property name="approval.ticket" value="CHG-1234" />' in junit
    assert '<property name="approval.expires" value="2026-12-20" />' in junit
    assert '<skipped message="approved delete: ledger v1 retired' in junit and "waiver." not in junit

    _, data = scan_json(repo, "--approvals", str(approvals))
    assert data["summary"]["approved"] == 1
    assert suppressed(data)["aws_db_instance.fail_destroyed"]["approved"] == "delete"
    log = json.loads(sarif.read_text(encoding="utf-8"))
    assert_valid_sarif(log)
    (result,) = [r for r in log["runs"][0]["results"] if r.get("suppressions")]
    assert result["suppressions"][0]["properties"]["approved"] == "delete"
    assert log["runs"][0]["properties"]["findings"]["approved"] == 1

    assert iacgate("report", str(sarif), "--html", str(html)).exit_code == 0
    page = flat(Page(html.read_text(encoding="utf-8")).text)
    assert "5 blocking the gate, 0 waived, 1 approved" in page
    assert "high approved CHG-STATE-001" in page
    assert "No finding is waived." in page  # the approval is under "Approved changes", not a waiver


def test_an_approval_naming_the_plan_file_covers_its_findings_located_in_the_source(tmp_path: Path) -> None:
    """``file`` names the plan (as the schema says): a plan beside its ``.tf`` source reports findings at
    the source's line, and the approval naming the plan still covers them, and only that plan's."""
    entry = approval("aws_db_instance.fail_replaced", "replace") + "    file: prod.tfplan.json\n"
    repo, approvals = setup(tmp_path, entry)
    (repo / "release.tfplan.json").rename(repo / "prod.tfplan.json")
    shutil.copy(PLAN, repo / "staging.tfplan.json")
    (repo / "main.tf").write_text(
        'resource "aws_db_instance" "fail_replaced" {\n  identifier = "ledger-v2"\n}\n', encoding="utf-8"
    )
    _, data = scan_json(repo, "--approvals", str(approvals))
    replaced = [f for f in data["findings"] if f["resource_id"] == "aws_db_instance.fail_replaced"]
    assert {(f["file"], f["unit"]) for f in replaced} == {
        ("main.tf", "prod.tfplan.json"), ("main.tf", "staging.tfplan.json"),
    }  # fmt: skip
    approved = {f["unit"]: f["suppression"] for f in replaced if f.get("suppression")}
    assert list(approved) == ["prod.tfplan.json"]
    assert approved["prod.tfplan.json"]["approved"] == "replace"
    assert not data["approvals"]["stale"]


def test_a_replacement_that_may_happen_needs_an_approval_of_replace(tmp_path: Path) -> None:
    """CloudFormation ``Replacement: Conditional``: the database may be destroyed, so approving an update of
    it does not approve that; approving its replacement does."""
    changeset = ROOT / "fixtures" / "change-safety" / "CHG-STATE-001" / "stack.changeset.json"
    maybe = "UndeterminedMaybeReplacedDatabase"
    outcomes = {}
    for action in ("update", "replace"):
        (tmp_path / action).mkdir()
        repo, approvals = setup(tmp_path / action, approval(maybe, action))
        (repo / "release.tfplan.json").unlink()
        shutil.copy(changeset, repo / "stack.changeset.json")
        _, data = scan_json(repo, "--approvals", str(approvals))
        assert any(f["resource_id"] == maybe and f["rule_id"] == "CHG-STATE-001" for f in data["findings"])
        outcomes[action] = maybe in suppressed(data)
    assert outcomes == {"update": False, "replace": True}


WAIVER_OF_THE_DESTROY = (
    "waivers:\n"
    "  - rule: CHG-STATE-001\n"
    "    resource: aws_db_instance.fail_destroyed\n"
    "    reason: ledger v1 retired\n"
    "    ticket: CHG-1\n"
    "    approved_by: mallory@example.com\n"
    "    expires: 2026-12-20\n"
)


@pytest.mark.parametrize("required", [None, 2])
def test_a_waiver_does_not_get_round_the_two_person_rule(tmp_path: Path, required: int | None) -> None:
    # A waiver names one approver. Where the unit asks for two, a destroyed database waived by one person
    # still blocks, with a warning at the waiver; where one is enough (the default), the waiver applies.
    config = f"settings:\n  required_approvals: {required}\n" if required else "fail_on: high\n"
    repo, approvals = setup(tmp_path, config=config)
    waivers = approvals.parent / "waivers.yaml"
    waivers.write_text(WAIVER_OF_THE_DESTROY, encoding="utf-8")
    config_path = approvals.parent / "iacgate.yaml"
    result, data = scan_json(repo, "--waivers", str(waivers), "--config", str(config_path))
    assert result.exit_code == 1  # the other flagged changes are not excused
    destroyed = [f for f in data["findings"] if f["resource_id"] == "aws_db_instance.fail_destroyed"]
    assert [f["rule_id"] for f in destroyed] == ["CHG-STATE-001"]
    refused = [
        w for w in warnings(data) if "waiver of CHG-STATE-001 on aws_db_instance.fail_destroyed not" in w
    ]
    if required:
        assert destroyed[0]["suppression"] is None and destroyed[0]["blocking"]
        assert refused == [
            "waiver of CHG-STATE-001 on aws_db_instance.fail_destroyed not applied: "
            "settings.required_approvals asks for 2 approvers in release.tfplan.json for a flagged change; "
            "approve it in the approvals file"
        ]
    else:
        assert destroyed[0]["suppression"]["approver"] == "mallory@example.com"
        assert not destroyed[0]["blocking"] and refused == []
