"""The README's option table is the one ``iacgate scan --help`` would give: generated, and checked here."""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner

from iacgate.cli import main, scan_command
from iacgate.cli_docs import BEGIN, END, options_table

README = Path(__file__).resolve().parents[1] / "README.md"


def test_readme_option_table_is_generated_from_the_click_definitions() -> None:
    text = README.read_text(encoding="utf-8")
    table = text[text.index(BEGIN) + len(BEGIN) : text.index(END)].strip("\n") + "\n"
    assert table == options_table(scan_command), "run: python -m iacgate.cli_docs"


def test_every_option_of_scan_help_is_in_the_readme() -> None:
    help_text = CliRunner().invoke(main, ["scan", "--help"], terminal_width=200).output
    options = set(re.findall(r"(?<![\w-])(--[a-z][a-z-]+)", help_text)) - {"--help"}
    text = README.read_text(encoding="utf-8")
    missing = sorted(option for option in options if f"`{option}" not in text)
    assert not missing
    for expected in ("--summary-file", "--waivers", "--baseline", "--fail-on-new-only", "--pack-dir"):
        assert expected in options
