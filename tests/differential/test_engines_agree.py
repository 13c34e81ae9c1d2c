"""The embedded engine and a real OPA server give the same answers on every fixture and the shared corpus.

Scan units are discovered, not listed: every directory under ``fixtures/`` that holds files, and every
entry of each format folder of ``../shared/corpus``. Each unit is scanned twice through ``iacgate.api.scan``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from iacgate.api import ScanResult, ScanSettings, scan
from iacgate.evaluate import EngineOptions
from iacgate.graph.model import path_text
from opa_server import RunningOpa, opa_server  # noqa: F401

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "fixtures"
CORPUS = REPO.parent / "shared" / "corpus"


def fixture_units() -> list[Path]:
    if not FIXTURES.is_dir():
        return []
    return sorted(
        directory
        for directory in [FIXTURES, *FIXTURES.rglob("*")]
        if directory.is_dir() and any(child.is_file() for child in directory.iterdir())
    )


def corpus_units() -> list[Path]:
    if not CORPUS.is_dir():
        return []
    return sorted(entry for folder in CORPUS.iterdir() if folder.is_dir() for entry in folder.iterdir())


def unit_id(path: Path) -> str:
    for base in (FIXTURES, CORPUS):
        if path.is_relative_to(base):
            return f"{base.name}/{path.relative_to(base).as_posix()}"
    return path.name


def findings(result: ScanResult) -> set[tuple[Any, ...]]:
    return {
        (f.rule_id, f.resource_id, f.severity.value, path_text(f.path), f.status) for f in result.findings
    }


def checks(result: ScanResult) -> set[tuple[str, str, str]]:
    return {(c.rule_id, c.resource_id, c.outcome) for c in result.evaluation.checks}


def assert_engines_agree(unit: Path, server: RunningOpa) -> None:
    base = ScanSettings(paths=(unit,), root=unit if unit.is_dir() else unit.parent)
    embedded = scan(base)
    opa = scan(
        ScanSettings(
            paths=base.paths, root=base.root, engine="opa", engine_options=EngineOptions(opa_url=server.url)
        ),
        rules=embedded.rules,
    )
    assert opa.evaluation.engine == "opa"
    assert findings(opa) == findings(embedded)
    assert checks(opa) == checks(embedded)
    assert {(f.fingerprint, f.message) for f in opa.findings} == {
        (f.fingerprint, f.message) for f in embedded.findings
    }
    assert opa.decision == embedded.decision


@pytest.mark.parametrize("unit", fixture_units(), ids=unit_id)
def test_fixtures_agree(unit: Path, opa_server: RunningOpa) -> None:  # noqa: F811
    assert_engines_agree(unit, opa_server)


@pytest.mark.skipif(not CORPUS.is_dir(), reason=f"shared corpus not found at {CORPUS}")
@pytest.mark.parametrize("unit", corpus_units(), ids=unit_id)
def test_corpus_agrees(unit: Path, opa_server: RunningOpa) -> None:  # noqa: F811
    assert_engines_agree(unit, opa_server)


def test_there_is_something_to_compare() -> None:
    assert fixture_units(), f"no fixtures found under {FIXTURES}"
