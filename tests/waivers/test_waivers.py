"""Waivers and inline suppressions through the real pipeline: scan() on files written to a temp dir."""

from __future__ import annotations

import dataclasses
import json
from datetime import date
from pathlib import Path

import pytest

from iacgate.api import ScanResult, ScanSettings, scan
from iacgate.approvals import Approval
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


def _suppressed(result: ScanResult) -> dict[str, str]:
    return {
        f"{f.resource_id} {f.rule_id}": f.suppression.reason
        for f in result.findings
        if f.suppression is not None
    }


def test_a_string_or_heredoc_is_not_a_comment(tf: Path) -> None:
    """Only a real comment suppresses: not a tag value that looks like one, nor a heredoc's line."""
    (tf / "main.tf").write_text(
        HCL.replace(
            "  encrypted         = false\n",
            '  encrypted         = false\n  tags = { Note = "# iacgate:ignore ENC-EBS-001 a tag value" }\n'
            '  description = "// iacgate:ignore ENC-EBS-001 \\" # iacgate:ignore ENC-EBS-001 x"\n'
            "  user_data = <<-EOT\n    # iacgate:ignore ENC-EBS-001 inside a heredoc\n  EOT\n",
        ),
        encoding="utf-8",
    )
    result = run(tf)
    assert _suppressed(result) == {}
    assert not result.decision.passed


@pytest.mark.parametrize("blank", ["\x1c", "\x1f"])
def test_a_heredoc_line_terraform_does_not_close_keeps_the_heredoc_open(tf: Path, blank: str) -> None:
    """Terraform trims Go's blanks around a closing marker; Python's str.strip() trims \\x1c-\\x1f
    too. A line "EOT\\x1c" closes nothing in Terraform, so the next line is still heredoc text."""
    (tf / "main.tf").write_text(
        HCL.replace(
            "  encrypted         = false\n",
            "  encrypted         = false\n"
            f"  tags = {{\n    Note = <<EOT\nEOT{blank}\n"
            "# iacgate:ignore ENC-EBS-001 heredoc text\nEOT\n  }\n",
        ),
        encoding="utf-8",
    )
    result = run(tf)
    assert [n for n in result.notifications if n.level == "error"] == []
    assert _suppressed(result) == {}
    assert [f.rule_id for f in result.findings] == ["ENC-EBS-001"]
    assert not result.decision.passed


@pytest.mark.parametrize(
    "tags",
    [
        # python-hcl2's heredoc marker may hold dots.
        "    Note = <<A.B\n# iacgate:ignore ENC-EBS-001 heredoc text\nA.B\n",
        # python-hcl2 reads \"a\" in code as a string: the next quote opens a string.
        '    Note  = \\"a\\"\n    Other = "# iacgate:ignore ENC-EBS-001 a string"\n',
        # A comment inside a template directive is no reason to leave the template.
        '    Note = "%{ if length([\n      # a comment }"\n'
        '    ]) > 0 }# iacgate:ignore ENC-EBS-001 text%{ endif }"\n',
    ],
    ids=["heredoc-marker-with-dot", "escaped-quote-string", "comment-in-directive"],
)
def test_what_python_hcl2_reads_as_data_is_not_a_comment(tf: Path, tags: str) -> None:
    (tf / "main.tf").write_text(
        HCL.replace(
            "  encrypted         = false\n", f"  encrypted         = false\n  tags = {{\n{tags}  }}\n"
        ),
        encoding="utf-8",
    )
    result = run(tf)
    assert [n for n in result.notifications if n.level == "error"] == []
    assert [f.rule_id for f in result.findings] == ["ENC-EBS-001"]
    assert _suppressed(result) == {}
    assert not result.decision.passed


def test_a_comment_after_code_strings_and_heredocs_still_suppresses(tf: Path) -> None:
    text = HCL.replace(
        "  size              = 10\n",
        '  size              = 10\n  tags = { Note = "a # and a // in a string" }\n'
        "  user_data = <<EOT\n  # not this\nEOT\n"
        '  encrypted_note = "${"}"}" // iacgate:ignore ENC-EBS-001 after a template  \n',
    )
    (tf / "main.tf").write_text(text, encoding="utf-8")
    assert _suppressed(run(tf)) == {"aws_ebs_volume.ledger ENC-EBS-001": "after a template"}


def test_a_plan_has_no_comments(tmp_path: Path) -> None:
    """A minified plan is one line: every resource spans it, so a tag value of another resource read as
    a comment would suppress the victim (and quote the rest of the plan as its reason)."""
    plan = {
        "format_version": "1.2",
        "terraform_version": "1.6.0",
        "planned_values": {
            "root_module": {
                "resources": [
                    {
                        "address": f"aws_ebs_volume.{name}",
                        "mode": "managed",
                        "type": "aws_ebs_volume",
                        "name": name,
                        "provider_name": "registry.terraform.io/hashicorp/aws",
                        "values": {
                            "availability_zone": "eu-west-1a",
                            "encrypted": name == "other",
                            "tags": tags,
                        },
                    }
                    for name, tags in (
                        ("victim", {"Name": "victim"}),
                        ("other", {"Note": "# iacgate:ignore ENC-EBS-001 looks reviewed"}),
                    )
                ]
            }
        },
    }
    (tmp_path / "tfplan.json").write_text(json.dumps(plan, separators=(",", ":")), encoding="utf-8")
    result = run(tmp_path)
    assert "aws_ebs_volume.victim" in {f.resource_id for f in result.findings if f.rule_id == "ENC-EBS-001"}
    assert _suppressed(result) == {}
    assert not result.decision.passed


CFN = """\
AWSTemplateFormatVersion: "2010-09-09"
Resources:
  {comment}
  Ledger:
    Type: AWS::EC2::Volume
    Properties:
      AvailabilityZone: eu-west-1a
      {extra}
      Size: 10
      Encrypted: false
"""


@pytest.mark.parametrize(
    ("comment", "extra", "suppressed"),
    [
        ("# iacgate:ignore ENC-EBS-001 a YAML comment", "", True),
        ("Description: 'it''s # iacgate:ignore ENC-EBS-001 quoted'", "", False),
        ('Description: "a\n    # iacgate:ignore ENC-EBS-001 quoted over lines"', "", False),
        ("Description: |\n    # iacgate:ignore ENC-EBS-001 a block scalar", "", False),
        ("Description: it's plain # iacgate:ignore ENC-EBS-001 after a plain scalar", "", True),
        ("", "# iacgate:ignore ENC-EBS-001 inside the resource", True),
        ("", "Tags: [{Key: a, Value: '# iacgate:ignore ENC-EBS-001 flow'}]", False),
        ("", "Tags: [{Key: a, # iacgate:ignore ENC-EBS-001 in a flow mapping\n        Value: b}]", True),
        # A quote inside a plain scalar is text: the next quote opens a string, not closes one.
        ("", "Note: rock 'n roll\n      Other: 'x # iacgate:ignore ENC-EBS-001 quoted'", False),
        ("", 'Note: x:"y\n      Other: "x # iacgate:ignore ENC-EBS-001 quoted"', False),
        ("", 'Note: a\n        "b\n      Other: "x # iacgate:ignore ENC-EBS-001 quoted"', False),
        ("", "Note: |2- # iacgate:ignore ENC-EBS-001 on a block scalar's header\n        text", True),
        # A block scalar's lines are deeper than its parent, not than the line of its ``|``.
        ("", "Note:\n          |\n        # iacgate:ignore ENC-EBS-001 a block scalar", False),
        (
            "",
            "Notes:\n        - a: |\n          b: '\n# iacgate:ignore ENC-EBS-001 quoted\n          '",
            False,
        ),
    ],
)
def test_yaml_comments_only(tmp_path: Path, comment: str, extra: str, suppressed: bool) -> None:
    (tmp_path / "ledger.yaml").write_text(CFN.format(comment=comment, extra=extra), encoding="utf-8")
    result = scan(ScanSettings(paths=(tmp_path,), packs=("encryption",), today=TODAY))
    assert ("Ledger", "ENC-EBS-001") in {(f.resource_id, f.rule_id) for f in result.findings}
    assert ("Ledger ENC-EBS-001" in _suppressed(result)) is suppressed


TWO_VOLUMES = {
    "ledger.yaml": """\
AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Scratch:
    Type: AWS::EC2::Volume
    Properties:
      AvailabilityZone: eu-west-1a
      Encrypted: false # iacgate:ignore ENC-EBS-001 scratch space, wiped nightly
  Ledger:
    Type: AWS::EC2::Volume
    Properties:
      AvailabilityZone: eu-west-1a
      Encrypted: false
""",
    "main.tf": """\
resource "aws_ebs_volume" "Scratch" {
  availability_zone = "eu-west-1a"
  encrypted         = false
} # iacgate:ignore ENC-EBS-001 scratch space, wiped nightly
resource "aws_ebs_volume" "Ledger" {
  availability_zone = "eu-west-1a"
  encrypted         = false
}
""",
}


TWO_VOLUMES["indented.yaml"] = TWO_VOLUMES["ledger.yaml"].replace(
    "false # iacgate:ignore", "false\n      # iacgate:ignore"
)


@pytest.mark.parametrize("name", sorted(TWO_VOLUMES))
def test_a_comment_on_the_last_line_of_a_resource_is_not_the_next_ones(tmp_path: Path, name: str) -> None:
    """The line before a resource anchors a comment to it only when no other resource holds that line,
    and, in YAML, when it is not indented as the end of the resource above (that one it does not suppress
    either: YAML gives a comment no node)."""
    (tmp_path / name).write_text(TWO_VOLUMES[name], encoding="utf-8")
    result = run(tmp_path)
    assert {f.resource_id.split(".")[-1] for f in result.findings if f.rule_id == "ENC-EBS-001"} == {
        "Scratch",
        "Ledger",
    }
    suppressed = [] if name == "indented.yaml" else ["Scratch"]
    assert [key.split()[0].split(".")[-1] for key in _suppressed(result)] == suppressed
    assert not result.decision.passed


def test_a_json_template_has_no_comments(tmp_path: Path) -> None:
    template = {
        "Resources": {
            "Ledger": {
                "Type": "AWS::EC2::Volume",
                "Properties": {
                    "AvailabilityZone": "eu-west-1a",
                    "Size": 10,
                    "Encrypted": False,
                    "Tags": [{"Key": "a", "Value": "# iacgate:ignore ENC-EBS-001 a value"}],
                },
            }
        }
    }
    (tmp_path / "ledger.json").write_text(json.dumps(template, indent=1), encoding="utf-8")
    result = scan(ScanSettings(paths=(tmp_path,), packs=("encryption",), today=TODAY))
    assert _suppressed(result) == {}


def test_an_inline_reason_is_cut_to_a_short_line(tf: Path) -> None:
    text = HCL.replace(
        'resource "aws_ebs_volume"', f'# iacgate:ignore ENC-EBS-001 {"x" * 5000}\nresource "aws_ebs_volume"'
    )
    (tf / "main.tf").write_text(text, encoding="utf-8")
    (reason,) = _suppressed(run(tf)).values()
    assert len(reason) == 200 and reason.endswith("\u2026")


INDEXED = """\
resource "aws_ebs_volume" "v" {
  for_each          = toset(["legacy"])
  availability_zone = "eu-west-1a"
  size              = 10
  encrypted         = false
}
resource "aws_ebs_volume" "ve" {
  availability_zone = "eu-west-1a"
  size              = 500
  encrypted         = false
}
"""


@pytest.mark.parametrize(
    "pattern", ['aws_ebs_volume.v["legacy"]', "aws_ebs_volume.v[*]", 'aws_ebs_volume.v["legac?"]']
)
def test_a_waiver_names_the_id_the_report_prints(tmp_path: Path, pattern: str) -> None:
    """Brackets in a resource pattern are the id's own, not a character class (``v["legacy"]`` would
    match ``ve`` and not the instance it names)."""
    (tmp_path / "main.tf").write_text(INDEXED, encoding="utf-8")
    result = run(tmp_path, waiver("2026-06-01", resource=f"'{pattern}'"))
    assert _suppressed(result) == {'aws_ebs_volume.v["legacy"] ENC-EBS-001': "legacy volume, replaced in Q2"}
    assert not result.decision.passed  # ve is not waived
    assert not [n for n in result.notifications if "stale waiver" in n.message]


def test_an_approval_matches_as_a_waiver_does(tmp_path: Path) -> None:
    (tmp_path / "main.tf").write_text(INDEXED, encoding="utf-8")
    findings = {f.resource_id: f for f in run(tmp_path).findings if f.rule_id == "ENC-EBS-001"}
    approval = Approval(
        resource='aws_ebs_volume.v["legacy"]',
        action="any",
        approvers=("alice@example.com",),
        ticket="CHG-1",
        reason="retired",
        expires=date(2026, 6, 1),
        source="approvals.yaml",
        line=2,
        file="main.[t]f",
    )
    assert not approval.covers(findings['aws_ebs_volume.v["legacy"]'], "delete")  # [t] is literal
    approval = dataclasses.replace(approval, file="*.tf")
    assert approval.covers(findings['aws_ebs_volume.v["legacy"]'], "delete")
    assert not approval.covers(findings["aws_ebs_volume.ve"], "delete")
