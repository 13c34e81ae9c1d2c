"""Baseline states against a SARIF log iacgate wrote, through the real pipeline."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from iacgate.api import ScanResult, ScanSettings, scan
from iacgate.report.sarif import render_sarif

VOLUME = """\
resource "aws_ebs_volume" "{name}" {{
  availability_zone = "eu-west-1a"
  size              = 10
  encrypted         = false
}}
"""


def run(root: Path, **options: object) -> ScanResult:
    # The baseline states of ENC-EBS-001's findings; the volumes' key rule (ENC-EBS-004) is not the subject.
    options.setdefault("only_rules", ("ENC-EBS-001",))
    settings = ScanSettings(paths=(root,), packs=("encryption",), today=date(2026, 3, 2), **options)  # type: ignore[arg-type]
    return scan(settings)


def test_states_and_fail_on_new_only(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    root.mkdir()
    (root / "main.tf").write_text(VOLUME.format(name="old") + VOLUME.format(name="gone"), encoding="utf-8")
    baseline = tmp_path / "baseline.sarif"
    baseline.write_text(render_sarif(run(root)), encoding="utf-8")
    # One volume unchanged, one removed, one added; the old one's message edited in the baseline.
    (root / "main.tf").write_text(VOLUME.format(name="old") + VOLUME.format(name="fresh"), encoding="utf-8")
    states = {f.resource_id: f.baseline_state for f in run(root, baseline=baseline).findings}
    assert states == {"aws_ebs_volume.old": "unchanged", "aws_ebs_volume.fresh": "new"}
    result = run(root, baseline=baseline)
    assert [a.resource_id for a in result.absent] == ["aws_ebs_volume.gone"]
    assert not run(root, baseline=baseline, fail_on_new_only=True).decision.passed

    (root / "main.tf").write_text(VOLUME.format(name="old"), encoding="utf-8")
    only_old = run(root, baseline=baseline, fail_on_new_only=True)
    assert only_old.decision.passed
    assert any("already in the baseline" in reason for reason in only_old.decision.reasons)

    edited = baseline.read_text(encoding="utf-8").replace('"level": "error"', '"level": "warning"')
    baseline.write_text(edited, encoding="utf-8")
    assert [f.baseline_state for f in run(root, baseline=baseline).findings] == ["updated"]


def test_a_failure_where_the_baseline_was_undetermined_is_new(tmp_path: Path) -> None:
    # The baseline could not decide the volume (encryption unknown until apply): it never held a failure.
    # The change writes encrypted = false, so --fail-on-new-only must block it, not excuse it as
    # "already in the baseline".
    root = tmp_path / "repo"
    root.mkdir()
    unknown = 'variable "enc" {\n  type = bool\n}\n' + VOLUME.format(name="data").replace("false", "var.enc")
    (root / "main.tf").write_text(unknown, encoding="utf-8")
    before = run(root)
    assert [f.status for f in before.findings] == ["undetermined"]
    baseline = tmp_path / "baseline.sarif"
    baseline.write_text(render_sarif(before), encoding="utf-8")

    (root / "main.tf").write_text(unknown.replace("var.enc", "false"), encoding="utf-8")
    result = run(root, baseline=baseline, fail_on_new_only=True)
    assert [(f.resource_id, f.status, f.baseline_state) for f in result.findings] == [
        ("aws_ebs_volume.data", "fail", "new")
    ]
    assert not result.decision.passed
    assert result.decision.exit_code == 1
    assert [f.resource_id for f in result.decision.blocking] == ["aws_ebs_volume.data"]


def test_a_finding_whose_waiver_has_expired_since_the_baseline_is_new(tmp_path: Path) -> None:
    # The baseline was taken while a waiver excused the volume until 2026-06-30. After that day the
    # waiver no longer applies; --fail-on-new-only must not keep excusing the finding as "already there".
    root = tmp_path / "repo"
    root.mkdir()
    (root / "main.tf").write_text(VOLUME.format(name="data"), encoding="utf-8")
    waivers = tmp_path / "waivers.yaml"
    waivers.write_text(
        "waivers:\n"
        "  - rule: ENC-EBS-001\n"
        "    resource: aws_ebs_volume.data\n"
        "    reason: legacy volume, replaced in Q2\n"
        "    ticket: SEC-42\n"
        "    approved_by: alice@example.com\n"
        "    expires: 2026-06-30\n",
        encoding="utf-8",
    )
    before = run(root, waivers_file=waivers)
    assert [f.suppression is not None for f in before.findings] == [True]
    assert before.decision.passed
    baseline = tmp_path / "baseline.sarif"
    baseline.write_text(render_sarif(before), encoding="utf-8")

    still = run(root, waivers_file=waivers, baseline=baseline, fail_on_new_only=True)
    assert [f.baseline_state for f in still.findings] == ["unchanged"]
    assert still.decision.passed

    expired = scan(
        ScanSettings(
            paths=(root,),
            packs=("encryption",),
            only_rules=("ENC-EBS-001",),
            today=date(2026, 7, 1),
            waivers_file=waivers,
            baseline=baseline,
            fail_on_new_only=True,
        )
    )
    assert [(f.resource_id, f.suppression, f.baseline_state) for f in expired.findings] == [
        ("aws_ebs_volume.data", None, "new")
    ]
    assert not expired.decision.passed
    assert expired.decision.exit_code == 1
