"""``--summary-file``: the Markdown a job summary or merge-request comment shows, escape-proof."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from iacgate.cli import main
from iacgate.graph import Graph
from iacgate.report.markdown import escape, render_markdown
from report.support import mixed_graph, scan_result, volume

VOLUMES = """\
resource "aws_ebs_volume" "ledger" {
  availability_zone = "eu-west-1a"
  size              = 10
  encrypted         = false
}
resource "aws_ebs_volume" "other" {
  availability_zone = "eu-west-1a"
  size              = 10
  encrypted         = false
}
"""
WAIVERS = """\
waivers:
  - rule: ENC-EBS-001
    resource: aws_ebs_volume.ledger
    reason: "legacy | <b>bold</b> [link](http://x) @security-team"
    ticket: SEC-42
    approved_by: alice
    expires: 2026-03-10
"""


def table_rows(text: str, heading: str) -> list[list[str]]:
    """The cells of the table under ``heading``, split the way GFM splits them (on unescaped pipes)."""
    lines = text.splitlines()
    start = lines.index(heading) + 2
    rows = []
    for line in lines[start + 2 :]:
        if not line.startswith("|"):
            break
        cells = line.strip("|").replace("\\|", "\x00").split("|")
        rows.append([cell.strip().replace("\x00", "\\|") for cell in cells])
    return rows


def test_failed_gate_shows_verdict_reasons_counts_and_blocking_table(tmp_path: Path) -> None:
    text = render_markdown(scan_result([mixed_graph()], tmp_path))
    assert text.startswith("## :x: iacgate: gate FAILED (exit 1)\n")
    assert "- 1 finding at or above severity high" in text
    assert "| high | 1 | 1 | 1 |" in text  # failed, blocking, undetermined
    rows = table_rows(text, "### Blocking findings (1)")
    assert rows == [
        [
            "high",
            "`stacks/prod/plan.json:12`",
            "`ENC-EBS-001`",
            "`aws_ebs_volume.ledger`",
            "EBS volume is not encrypted at rest: encrypted is false, required true",
        ]
    ]


def test_passed_gate_has_no_blocking_table(tmp_path: Path) -> None:
    graph = Graph((volume("scratch", True, 30),), name="stacks/prod/plan.json")
    text = render_markdown(scan_result([graph], tmp_path))
    assert text.startswith("## :white_check_mark: iacgate: gate passed (exit 0)\n")
    assert "- no findings" in text
    assert "Blocking findings" not in text


def test_escape_neutralises_markup_tables_and_mentions() -> None:
    hostile = "a | b <script>x</script> [l](http://e) `c` *d* @team &lt;\nnext"
    escaped = escape(hostile)
    assert "\n" not in escaped
    assert "<script>" not in escaped and "\\<script\\>" in escaped
    assert "\\|" in escaped and "| " not in escaped.replace("\\|", "")
    assert "\\[l\\]\\(http://e\\)" in escaped
    assert "&amp;lt;" in escaped  # an entity in the input shows as typed, not as "<"
    assert "@team" not in escaped and "&#64;team" in escaped


def test_summary_file_lists_waived_and_expiring_waivers_escaped(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    root.mkdir()
    (root / "main.tf").write_text(VOLUMES, encoding="utf-8")
    (root / "iacgate-waivers.yaml").write_text(WAIVERS, encoding="utf-8")
    summary = tmp_path / "summary.md"
    run = CliRunner().invoke(
        main,
        [
            "scan",
            "--pack",
            "encryption",
            "-q",
            "--summary-file",
            str(summary),
            str(root),
            "--waivers",
            str(root / "iacgate-waivers.yaml"),
        ],
        env={"IACGATE_TODAY": "2026-03-02"},
    )
    assert run.exit_code == 1, run.output
    text = summary.read_text(encoding="utf-8")
    assert "- 1 finding waived" in text
    (waived,) = table_rows(text, "### Waived findings (1)")
    assert len(waived) == 9  # the pipe in the reason did not split the row
    assert waived[2:4] == ["`ENC-EBS-001`", "`aws_ebs_volume.ledger`"]
    assert waived[5] == "legacy \\| \\<b\\>bold\\</b\\> \\[link\\]\\(http://x\\) &#64;security-team"
    assert waived[6:] == ["alice", "SEC-42", "2026-03-10"]
    (expiring,) = table_rows(text, "### Waivers expiring soon (1)")
    assert expiring[0] == "`ENC-EBS-001`" and expiring[-1] == "2026-03-10"
    (blocking,) = table_rows(text, "### Blocking findings (1)")
    assert blocking[3] == "`aws_ebs_volume.other`"
