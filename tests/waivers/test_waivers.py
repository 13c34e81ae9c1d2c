"""Waivers and inline suppressions through the real pipeline: scan() on files written to a temp dir."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from iacgate.api import ScanResult, ScanSettings, scan
from iacgate.errors import ConfigError

TODAY = date(2026, 3, 2)
HCL = """\
provider "aws" {
  region = "eu-west-1"
}

resource "aws_ebs_volume" "ledger" {
  availability_zone = "eu-west-1a"
  size              = 10
  encrypted         = false
  # A customer-managed key: these volumes differ only in `encrypted` (ENC-EBS-001).
  kms_key_id        = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
}
"""


def run(tmp_path: Path, waivers: str | None = None, **options: object) -> ScanResult:
    if waivers is not None:
        (tmp_path / "iacgate-waivers.yaml").write_text(waivers, encoding="utf-8")
        options.setdefault("waivers_file", tmp_path / "iacgate-waivers.yaml")
    settings = ScanSettings(paths=(tmp_path,), packs=("encryption",), today=TODAY, **options)  # type: ignore[arg-type]
    return scan(settings)


def waiver(expires: str, resource: str = "aws_ebs_volume.ledger", rule: str = "ENC-EBS-001") -> str:
    return (
        "waivers:\n"
        f"  - rule: {rule}\n"
        f"    resource: {resource}\n"
        "    reason: legacy volume, replaced in Q2\n"
        "    ticket: SEC-42\n"
        "    approved_by: alice@example.com\n"
        f"    expires: {expires}\n"
    )


@pytest.fixture
def tf(tmp_path: Path) -> Path:
    (tmp_path / "main.tf").write_text(HCL, encoding="utf-8")
    return tmp_path


def test_unwaived_finding_fails(tf: Path) -> None:
    result = run(tf)
    assert [f.rule_id for f in result.findings] == ["ENC-EBS-001"]
    assert not result.decision.passed


def test_waived_finding_stays_and_gate_passes(tf: Path) -> None:
    result = run(tf, waiver("2026-06-01"))
    (finding,) = result.findings
    assert finding.suppression is not None
    assert finding.suppression.justification == (
        "legacy volume, replaced in Q2 (approved by alice@example.com, ticket SEC-42, expires 2026-06-01)"
    )
    assert result.decision.passed
    assert "1 finding waived" in result.decision.reasons


def test_pack_id_waives_too(tf: Path) -> None:
    assert run(tf, waiver("2026-06-01", resource="aws_ebs_*", rule="encryption")).decision.passed


def test_expired_waiver_fails_with_date(tf: Path) -> None:
    result = run(tf, waiver("2026-03-01"))
    (finding,) = result.findings
    assert finding.suppression is None
    assert "waiver expired on 2026-03-01" in finding.message
    assert not result.decision.passed


def test_stale_waiver_is_a_warning(tf: Path) -> None:
    result = run(tf, waiver("2026-06-01", resource="aws_ebs_volume.gone"))
    stale = [n for n in result.notifications if "stale waiver" in n.message]
    assert len(stale) == 1 and stale[0].level == "warning"
    assert stale[0].file == "iacgate-waivers.yaml" and stale[0].line == 2


def test_expiring_soon_listed(tf: Path) -> None:
    result = run(tf, waiver("2026-03-10"))
    assert [w.expires for w in result.expiring_waivers] == [date(2026, 3, 10)]
    assert run(tf, waiver("2026-04-10")).expiring_waivers == ()


def test_missing_approver_is_config_error_with_line(tf: Path) -> None:
    text = waiver("2026-06-01").replace("    approved_by: alice@example.com\n", "")
    with pytest.raises(ConfigError, match=r"iacgate-waivers.yaml:2: .*'approved_by' is a required"):
        run(tf, text)


def test_max_waiver_days(tf: Path) -> None:
    with pytest.raises(ConfigError, match="more than 30 days"):
        run(tf, waiver("2026-06-01"), max_waiver_days=30)


def test_inline_comment_in_hcl(tf: Path) -> None:
    text = HCL.replace(
        'resource "aws_ebs_volume"',
        '# iacgate:ignore ENC-EBS-001 scratch data only\nresource "aws_ebs_volume"',
    )
    (tf / "main.tf").write_text(text, encoding="utf-8")
    result = run(tf)
    (finding,) = result.findings
    assert finding.suppression is not None and finding.suppression.kind == "inSource"
    assert finding.suppression.reason == "scratch data only"
    assert result.decision.passed


def test_inline_without_reason_is_a_config_error_naming_the_line(tf: Path) -> None:
    text = HCL.replace("  size ", "  // iacgate:ignore ENC-EBS-001\n  size ")
    (tf / "main.tf").write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=r"^main.tf:7: inline suppression of ENC-EBS-001 has no reason"):
        run(tf)


def test_no_inline_waivers(tf: Path) -> None:
    text = HCL.replace(
        'resource "aws_ebs_volume"', '# iacgate:ignore ENC-EBS-001 scratch\nresource "aws_ebs_volume"'
    )
    (tf / "main.tf").write_text(text, encoding="utf-8")
    result = run(tf, inline_waivers=False)
    assert result.findings[0].suppression is None
    assert any(n.level == "note" and "not honoured" in n.message for n in result.notifications)
    assert not result.decision.passed


def test_enforcement_levels(tf: Path) -> None:
    assert run(tf, enforcement={"encryption": "advisory"}).decision.passed
    soft = {"encryption": "hard-mandatory", "ENC-EBS-001": "soft-mandatory"}
    assert not run(tf, enforcement=soft).decision.passed
    overridden = run(tf, enforcement=soft, override_soft=True).decision
    assert overridden.passed
    assert "1 soft-mandatory finding overridden by --override-soft" in overridden.reasons
