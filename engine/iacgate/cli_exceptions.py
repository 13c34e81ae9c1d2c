"""The command line's share of exceptions: waivers, baseline and enforcement options become
``ScanSettings`` fields, and ``iacgate baseline create`` writes the SARIF a later ``--baseline`` reads.

Kept out of cli.py so the scan command only gains one call. ``IACGATE_TODAY=YYYY-MM-DD`` fixes the date
waivers expire against (tests, and re-running an old pipeline as it ran then); unset means today (UTC).
"""

from __future__ import annotations

import os
import sys
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import click

from iacgate.errors import UsageError
from iacgate.gate_inputs import GateInputs
from iacgate.provenance import git_provenance

TODAY_VARIABLE = "IACGATE_TODAY"


def today() -> date:
    value = os.environ.get(TODAY_VARIABLE, "").strip()
    if not value:
        return datetime.now(UTC).date()
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"{TODAY_VARIABLE}={value!r} is not a date (YYYY-MM-DD)") from None


def exception_settings(
    inputs: GateInputs,
    no_inline_waivers: bool,
    fail_on_new_only: bool,
    override_soft: bool,
    fail_on_undetermined: bool = False,
) -> dict[str, Any]:
    """ScanSettings fields from the options and the resolved gate inputs; an option beats the config."""
    if fail_on_new_only and inputs.baseline is None:
        raise UsageError("--fail-on-new-only needs --baseline previous.sarif")
    config = inputs.config
    return {
        "waivers_file": inputs.waivers,
        "waivers_shown": inputs.waivers_shown,
        "approvals_file": inputs.approvals,
        "approvals_shown": inputs.approvals_shown,
        "today": today(),
        "max_waiver_days": config.max_waiver_days,
        "inline_waivers": config.inline_waivers and not no_inline_waivers,
        "enforcement": config.enforcement,
        "baseline": inputs.baseline,
        "fail_on_new_only": fail_on_new_only,
        "override_soft": override_soft,
        "fail_on_undetermined": fail_on_undetermined or config.fail_on_undetermined,
        "provenance": git_provenance(inputs.root),
        "reference": inputs.reference,
        "notes": inputs.notes,
    }


# Options of scan that make no sense for a baseline: it is always SARIF written to --output.
_FIXED = ("paths", "output_format", "output", "quiet", "baseline_path", "fail_on_new_only", "summary_file")


def baseline_group(scan_command: click.Command) -> click.Group:
    @click.group("baseline")
    def group() -> None:
        """Baselines for --baseline: the SARIF of a scan, to compare later scans with."""

    @group.command("create")
    @click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
    @click.option(
        "--output",
        "-o",
        "baseline_output",
        type=click.Path(path_type=Path, dir_okay=False),
        default=Path("baseline.sarif"),
        show_default=True,
        help="Where to write the baseline.",
    )
    @click.pass_context
    def create(ctx: click.Context, /, paths: tuple[Path, ...], baseline_output: Path, **options: Any) -> None:
        """Scan PATHS (default: the current directory) and write the SARIF to use as --baseline later.

        Takes scan's options. Exits 0 when written, whatever the gate says (a baseline records the
        findings that exist); 2 or 3 when the scan could not run or something could not be evaluated."""
        fixed = {"output_format": "sarif", "output": baseline_output, "quiet": True, "summary_file": None}
        fixed |= {"baseline_path": None, "fail_on_new_only": False}
        try:
            ctx.invoke(scan_command, **options, **fixed, paths=paths)
        except SystemExit as done:
            if done.code not in (0, 1):
                raise
        click.echo(f"iacgate: baseline written to {baseline_output}", err=True)
        sys.exit(0)

    create.params.extend(param for param in scan_command.params if param.name not in _FIXED)
    return group
