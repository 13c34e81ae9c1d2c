"""`iacgate rules --format markdown` is the rule reference, and docs/rules.md is kept equal to it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from iacgate.packs import load_packs
from iacgate.report.rule_list import REGENERATE, render_markdown

ROOT = Path(__file__).resolve().parents[2]
REFERENCE = ROOT / "docs" / "rules.md"


def test_docs_rules_md_is_current() -> None:
    generated = render_markdown(load_packs())
    current = REFERENCE.read_text(encoding="utf-8") if REFERENCE.is_file() else ""
    assert current == generated, f"docs/rules.md is out of date; regenerate it with: {REGENERATE}"


def test_the_command_prints_the_reference() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "iacgate", "rules", "--format", "markdown"],
        capture_output=True, text=True, check=False, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout == render_markdown(load_packs())


def test_each_rule_shows_severity_formats_types_and_all_five_frameworks() -> None:
    rules = load_packs(("audit-logging",))
    text = render_markdown(rules)
    section = text.split("### LOG-VPC-001: ")[1].split("\n### ")[0]
    assert "| Severity | medium |" in section
    assert "| Formats | terraform, terraform-plan, cloudformation, pulumi |" in section
    assert "| Resource types | `aws_vpc` |" in section
    for row in (
        "| PCI DSS 4.0 | 10.2.1 |",
        "| SOC 2 (2017 Trust Services Criteria) | CC7.2 |",
        "| ISO/IEC 27001:2022 Annex A | A.8.15, A.8.16 |",
        "| NIST SP 800-53 rev. 5 | AU-12, SI-4 |",
        "| DORA (Regulation (EU) 2022/2554) | Art. 10(1) |",
    ):
        assert row in section


def test_rules_are_grouped_by_pack() -> None:
    rules = load_packs(("encryption", "audit-logging"))
    sections = render_markdown(rules).split('<a id="pack-')[1:]
    assert [section.split('"')[0] for section in sections] == [pack.id for pack in rules.packs]
    for pack, section in zip(rules.packs, sections, strict=True):
        headed = [
            line.split(":")[0].removeprefix("### ")
            for line in section.splitlines()
            if line.startswith("### ")
        ]
        assert headed == [rule.id for rule in pack.rules]
