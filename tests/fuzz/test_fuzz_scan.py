"""Fuzzing whole scans: the library's ``scan()`` with the real embedded engine and every report, and the CLI.

Beyond the parser properties (see ``test_fuzz_parsers``): the control file's findings all survive the
mutant beside it, an error makes the gate fail closed (exit 3), every report renders and can be written
as UTF-8, and SARIF is valid against the 2.1.0 schema. Through the command line: no "internal error",
no traceback, the documented exit codes only, and SARIF written whatever the mutant holds.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from functools import cache
from pathlib import Path
from tempfile import TemporaryDirectory

import jsonschema
from hypothesis import given
from hypothesis import strategies as st

from iacgate.api import ScanResult, ScanSettings, scan
from iacgate.errors import IacgateError
from iacgate.packs import RuleSet, load_packs
from iacgate.report import REPORTERS, ReportOptions

from .budget import budget
from .mutations import Mutant, mutants
from .seeds import CONTROLS, FAMILY, REPO, Seed, seeds
from .support import Layout, check_notifications, control_resources, laid_out

SARIF_SCHEMA = REPO.parent / "shared" / "schemas" / "sarif-schema-2.1.0.json"
ALL_FORMATS = ("plan", "terraform", "cfn", "pulumi", "pulumi-events")


@cache
def _rules() -> RuleSet:
    return load_packs(("encryption", "audit-logging"))


@cache
def _sarif_validator() -> jsonschema.protocols.Validator | None:
    if not SARIF_SCHEMA.is_file():
        return None
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    return jsonschema.validators.validator_for(schema)(schema)


def _scan(layout: Layout) -> ScanResult:
    return scan(ScanSettings(paths=layout.paths(), root=layout.root), rules=_rules())


def _findings(result: ScanResult, file: str) -> set[tuple[str, str, str]]:
    return {(f.rule_id, f.resource_id, f.status) for f in result.findings if f.file == file}


@cache
def _control_findings(family: str) -> frozenset[tuple[str, str, str]]:
    control = CONTROLS[family]
    with TemporaryDirectory(prefix="iacgate-control-") as directory:
        root = Path(directory).resolve()
        (root / "control").mkdir()
        (root / "control" / control.name).write_text(control.text, encoding="utf-8")
        result = scan(ScanSettings(paths=(root,), root=root), rules=_rules())
    found = _findings(result, f"control/{control.name}")
    assert found, "the control file must have findings for the property to mean something"
    return frozenset(found)


def _check_reports(result: ScanResult) -> None:
    for name, render in REPORTERS.items():
        text = render(result, ReportOptions())
        text.encode("utf-8")  # what the CLI writes; a lone surrogate would raise here
        if name in ("json", "sarif"):
            document = json.loads(text)
            validator = _sarif_validator()
            if name == "sarif" and validator is not None:
                validator.validate(document)


def _cases(fmt: str) -> st.SearchStrategy[tuple[Seed, Mutant, bool]]:
    return st.sampled_from(seeds(fmt)).flatmap(
        lambda seed: st.tuples(st.just(seed), mutants(seed, seeds(fmt)), st.booleans())
    )


@budget(5, share=20)
@given(st.sampled_from(ALL_FORMATS).flatmap(_cases))
def test_library_scan_and_reports(case: tuple[Seed, Mutant, bool]) -> None:
    seed, mutant, explicit = case
    family = FAMILY[seed.format]
    with laid_out(seed, mutant.data, explicit) as layout:
        try:
            result = _scan(layout)
        except IacgateError:  # a deliberate, named refusal of the whole scan is allowed, nothing else
            return
        check_notifications(result.notifications, layout.root)
        scanned = {item.path: item.resources for item in result.files}
        assert scanned.get(layout.control) == control_resources(family), result.notifications
        assert _control_findings(family) <= _findings(result, layout.control)
        if any(note.level == "error" for note in result.notifications):
            assert result.decision.exit_code == 3
        _check_reports(result)


def _cli(layout: Layout, output: Path) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "NO_COLOR": "1"}
    environment.pop("IACGATE_DEBUG", None)
    return subprocess.run(
        [sys.executable, "-m", "iacgate", "scan", *map(str, layout.paths()), "--pack", "encryption",
         "--format", "sarif", "--output", str(output)],
        cwd=layout.root, capture_output=True, text=True, timeout=300, env=environment,
    )  # fmt: skip


@budget(2, share=200)
@given(st.sampled_from(ALL_FORMATS).flatmap(_cases))
def test_command_line(case: tuple[Seed, Mutant, bool]) -> None:
    seed, mutant, explicit = case
    with laid_out(seed, mutant.data, explicit) as layout:
        output = layout.root / "out" / "report.sarif"
        output.parent.mkdir()
        run = _cli(layout, output)
        assert "internal error" not in run.stderr and "Traceback" not in run.stderr, run.stderr
        assert run.returncode in (0, 1, 3), run.stderr
        log = json.loads(output.read_text(encoding="utf-8"))
        validator = _sarif_validator()
        if validator is not None:
            validator.validate(log)
        notes = log["runs"][0]["invocations"][0].get("toolExecutionNotifications", [])
        errors = [note for note in notes if note.get("level") == "error"]
        if errors:
            assert run.returncode == 3, run.stderr
        control = CONTROLS[FAMILY[seed.format]]
        located = {
            location["physicalLocation"]["artifactLocation"]["uri"]
            for result in log["runs"][0]["results"]
            for location in result.get("locations", [])
        }
        assert f"control/{control.name}" in located, "the control file's findings are missing"
