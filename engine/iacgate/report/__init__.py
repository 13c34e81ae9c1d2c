"""Reports from a ``ScanResult``: SARIF 2.1.0, JSON and terminal text, one module per format.

Renderers are pure: they return text and never print, and they never decide anything (the gate's
decision is already in ``result.decision``). ``REPORTERS`` is the one table of format names, so the CLI's
choices and the tests' "every format" loops cannot drift from what exists.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from iacgate.api import ScanResult
from iacgate.report.json_report import render_json

# Renderers other than JSON are imported on use: rich costs 40 ms of start-up, and a run writes one format.


def render_sarif(result: ScanResult, category: str | None = None) -> str:
    from iacgate.report.sarif import render_sarif as render

    return render(result, category)


def render_text(
    result: ScanResult, color: bool = False, quiet: bool = False, width: int | None = None
) -> str:
    from iacgate.report.text import DEFAULT_WIDTH
    from iacgate.report.text import render_text as render

    return render(result, color, quiet, DEFAULT_WIDTH if width is None else width)


def render_junit(result: ScanResult) -> str:
    from iacgate.report.junit import render_junit as render

    return render(result)


@dataclass(frozen=True)
class ReportOptions:
    """Everything any renderer takes besides the result; each renderer reads the fields it needs."""

    color: bool = False
    quiet: bool = False
    width: int = 80
    category: str | None = None


Reporter = Callable[[ScanResult, ReportOptions], str]

REPORTERS: dict[str, Reporter] = {
    "text": lambda result, options: render_text(result, options.color, options.quiet, options.width),
    "json": lambda result, _options: render_json(result),
    "sarif": lambda result, options: render_sarif(result, options.category),
    "junit": lambda result, _options: render_junit(result),
}


def render(result: ScanResult, output_format: str, options: ReportOptions | None = None) -> str:
    return REPORTERS[output_format](result, options or ReportOptions())


__all__ = [
    "REPORTERS",
    "ReportOptions",
    "Reporter",
    "render",
    "render_json",
    "render_sarif",
    "render_text",
]
