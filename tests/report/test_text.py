"""The terminal report: what a person reads, with colour on a terminal and plain text anywhere else."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from rich.console import Console

from iacgate.api import ScanSettings, scan
from iacgate.errors import ParseError, Position
from iacgate.graph import Graph
from iacgate.notifications import Notification
from iacgate.report import render_text
from iacgate.report.text import write_text
from iacgate.severity import Severity
from report.support import mixed_graph, module_warning, parse_error, scan_result, volume

ANSI = "\x1b["
PLAN = "stacks/prod/plan.json"


def test_findings_show_file_line_rule_resource_message_and_the_decision(tmp_path: Path) -> None:
    text = render_text(scan_result([mixed_graph()], tmp_path))
    assert ANSI not in text
    lines = text.splitlines()
    head = next(line for line in lines if "stacks/prod/plan.json:12" in line)
    assert "HIGH" in head and "ENC-EBS-001" in head
    assert "aws_ebs_volume.ledger" in lines[lines.index(head) + 1]
    assert "EBS volume is not encrypted at rest" in lines[lines.index(head) + 2]
    assert "Gate FAILED (exit 1)" in text
    assert "1 finding at or above severity high" in text
    assert "aws_ebs_volume.scratch" not in text  # passes are counted, not listed
    assert "3 checks (rule x resource): 1 passed, 1 failed, 1 undetermined" in text.replace("\n", " ")


def test_findings_are_grouped_under_their_file(tmp_path: Path) -> None:
    graphs = [mixed_graph("stacks/prod/plan.json"), mixed_graph("stacks/staging/plan.json")]
    lines = render_text(scan_result(graphs, tmp_path)).splitlines()
    headings = [line for line in lines if line.startswith("stacks/")]
    assert headings == ["stacks/prod/plan.json  2 findings", "stacks/staging/plan.json  2 findings"]
    staging = lines.index(headings[1])
    for block, path in (
        (lines[:staging], "stacks/prod/plan.json:"),
        (lines[staging:], "stacks/staging/plan.json:"),
    ):
        heads = [line for line in block if "ENC-EBS-001" in line]
        assert len(heads) == 2 and all(path in line for line in heads)


def test_undetermined_findings_are_marked_as_such(tmp_path: Path) -> None:
    text = render_text(scan_result([mixed_graph()], tmp_path))
    (head,) = [line for line in text.splitlines() if "plan.json:52" in line]
    assert "UNDETERMINED (high)" in head
    assert "could not be decided" in text


def test_colour_when_asked_and_none_when_not_even_if_the_environment_forces_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = scan_result([mixed_graph()], tmp_path)
    assert ANSI in render_text(result, color=True)
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.setenv("TTY_COMPATIBLE", "1")
    plain = render_text(result, color=False)
    assert ANSI not in plain
    assert "ENC-EBS-001" in plain


def test_plain_text_fits_80_columns_without_trailing_spaces(tmp_path: Path) -> None:
    broken = Notification.from_parse_error(
        ParseError(Position("stacks/dev/plan.json", 2, 5), "expected a value " + "after the comma " * 8)
    )
    text = render_text(scan_result([mixed_graph()], tmp_path, notifications=[broken]))
    for line in text.splitlines():
        assert len(line) <= 80, line
        assert line == line.rstrip(), repr(line)


def test_a_long_resource_id_stays_whole_on_one_line(tmp_path: Path) -> None:
    module = 'module.payments_platform_primary_region.module.ledger_storage_volumes["eu-west-1a"].'
    graph = Graph((volume("ledger_scratch_space", False, 10, module=module),), name=PLAN)
    text = render_text(scan_result([graph], tmp_path))
    assert f"{module}aws_ebs_volume.ledger_scratch_space" in text.splitlines()[2]


def test_problems_list_errors_first_with_file_line_and_column(tmp_path: Path) -> None:
    warning = module_warning()
    broken = parse_error()
    text = render_text(scan_result([mixed_graph()], tmp_path, notifications=[warning, broken]))
    error_at = text.index("ERROR   stacks/dev/plan.json:2:5: expected a value")
    warning_at = text.index("WARNING stacks/prod/main.tf:7: module source not found")
    assert error_at < warning_at
    assert "Gate FAILED (exit 3)" in text
    assert "fails closed" in text


def test_quiet_shows_only_blocking_findings_errors_and_one_summary_line(tmp_path: Path) -> None:
    warning = module_warning()
    broken = parse_error()
    result = scan_result([mixed_graph()], tmp_path, notifications=[warning, broken])
    text = render_text(result, quiet=True)
    assert "aws_ebs_volume.ledger" in text
    assert "aws_ebs_volume.pending" not in text  # undetermined never blocks
    assert "stacks/dev/plan.json:2:5" in text
    assert "module source not found" not in text
    assert "Severity" not in text  # no table
    assert text.splitlines()[-1].startswith("Gate FAILED (exit 3): ")
    assert sum(line.startswith("Gate ") for line in text.splitlines()) == 1


def test_quiet_leaves_out_findings_below_the_threshold(tmp_path: Path) -> None:
    text = render_text(scan_result([mixed_graph()], tmp_path, fail_on=Severity.CRITICAL), quiet=True)
    assert (
        text == "Gate PASSED (exit 0): 1 finding below severity critical; "
        "1 check could not be decided (values unknown until apply); reported for review, not blocking\n"
    )


def test_a_clean_scan_says_so(tmp_path: Path) -> None:
    text = render_text(scan_result([Graph((volume("ok", True, 3),), name=PLAN)], tmp_path))
    assert "No findings." in text
    assert "Gate PASSED (exit 0)" in text
    assert "- no findings" in text


def test_brackets_in_values_print_as_written_not_as_markup(tmp_path: Path) -> None:
    graph = Graph((volume("odd", "[bold]yes[/bold]", 10),), name=PLAN)
    text = render_text(scan_result([graph], tmp_path), color=True)
    assert "[bold]yes[/bold]" in text


def test_write_text_prints_on_the_callers_console(tmp_path: Path) -> None:
    buffer = io.StringIO()
    console = Console(file=buffer, width=100, force_terminal=False, no_color=True)
    write_text(console, scan_result([mixed_graph()], tmp_path))
    assert "stacks/prod/plan.json:12" in buffer.getvalue()
    assert ANSI not in buffer.getvalue()


@pytest.mark.parametrize("color", [False, True], ids=["plain", "colour"])
def test_control_characters_in_scanned_names_print_as_escapes(tmp_path: Path, color: bool) -> None:
    """A logical id or a file name holding ESC [1A ESC [2K would erase the report's lines above it on a
    terminal (ESC ] sets the title, U+202E reverses the text): every one prints as its escape."""
    (tmp_path / "cfn.yaml").write_text(
        'Resources:\n  "Vol\\e[1A\\e[2K\\e]0;title\\a\\u202e":\n    Type: AWS::EC2::Volume\n'
        "    Properties: {AvailabilityZone: eu-west-1a, Size: 10, Encrypted: false}\n",
        encoding="utf-8",
    )
    (tmp_path / "ok\x1b[2K\x85name.tf").write_text(
        'resource "aws_ebs_volume" "x" {\n  availability_zone = "eu-west-1a"\n  encrypted = false\n}\n',
        encoding="utf-8",
    )
    result = scan(ScanSettings(paths=(tmp_path,), packs=("encryption",), root=tmp_path))
    text = render_text(result, color=color)
    assert "Vol\\x1b[1A\\x1b[2K\\x1b]0;title\\x07\\u202e" in text
    assert "ok\\x1b[2K\\x85name.tf:3" in text
    raw = re.sub(r"\x1b\[[0-9;]*m", "", text) if color else text  # only rich's own colour codes remain
    assert not re.search("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e]", raw)
