"""The README's option table of ``iacgate scan``, generated from the click definitions so the two agree.

``python -m iacgate.cli_docs`` rewrites the table between the markers in README.md; a test fails when
the README and ``--help`` differ.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

BEGIN = "<!-- scan-options:begin (generated: python -m iacgate.cli_docs) -->"
END = "<!-- scan-options:end -->"


def _names(option: click.Option) -> str:
    names = sorted(option.opts, key=len) + list(option.secondary_opts)
    if option.is_flag:
        return ", ".join(f"`{name}`" for name in names)
    if isinstance(option.type, click.Choice):
        metavar = "\\|".join(str(choice) for choice in option.type.choices)
    elif option.metavar:
        metavar = option.metavar
    elif isinstance(option.type, click.Path):
        metavar = "DIR" if not option.type.file_okay else "FILE"
    else:
        metavar = option.type.name.upper()
    return ", ".join(f"`{name} {metavar}`" for name in names)


def options_table(command: click.Command) -> str:
    rows = ["| option | meaning |", "| --- | --- |"]
    for param in command.params:
        if not isinstance(param, click.Option) or param.hidden:
            continue
        text = " ".join((param.help or "").split()).replace("|", "\\|")
        if param.multiple:
            text += " Repeatable." if "repeatable" not in text.lower() else ""
        if param.show_default and param.default is not None and not param.is_flag:
            text += f" Default: {param.default}."
        if param.envvar and f"${param.envvar}" not in text and str(param.envvar) not in text:
            text += f" Also `${param.envvar}`."
        rows.append(f"| {_names(param)} | {text} |")
    return "\n".join(rows) + "\n"


def replace_table(readme: str, table: str) -> str:
    start = readme.index(BEGIN) + len(BEGIN)
    end = readme.index(END)
    return readme[:start] + "\n" + table + readme[end:]


def main() -> int:
    from iacgate.cli import scan_command

    path = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("README.md")
    text = path.read_text(encoding="utf-8")
    path.write_text(replace_table(text, options_table(scan_command)), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
