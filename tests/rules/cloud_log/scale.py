"""The scale tests' scan: a generated configuration through the real CLI and the embedded engine, every
query evaluated, and its JSON report."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any


def scan_report(directory: Path, *rules: str) -> dict[str, Any]:
    """The report of a scan of ``directory`` with these rules only. The gate passes (each rule is below its
    default threshold): exit 3, the rego engine giving up on a whole-graph query, is what the tests guard
    against."""
    report = directory / "report.json"
    selection = [part for rule in rules for part in ("--rule", rule)]
    completed = subprocess.run(
        [
            *(sys.executable, "-m", "iacgate", "scan", str(directory), *selection),
            *("--engine", "embedded", "--format", "json", "--output", str(report), "--no-answer-cache"),
        ],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    document: dict[str, Any] = json.loads(report.read_text(encoding="utf-8"))
    return document
