"""Helpers shared by the Terraform plan parser tests."""

from __future__ import annotations

from pathlib import Path

from iacgate.graph import Graph
from iacgate.parsers.base import ParseOptions, ParseResult
from iacgate.parsers.tfplan import TerraformPlanParser
from iacgate.textio import SourceFile, read_source

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "fixtures" / "parsers" / "tfplan"
CORPUS = REPO.parent / "shared" / "corpus" / "tfplan"
PARSER = TerraformPlanParser()


def source(path: Path, relative: str | None = None) -> SourceFile:
    return read_source(path, relative or path.name)


def text_source(text: str, name: str = "input.json") -> SourceFile:
    return SourceFile(Path(name), name, text)


def parse(*sources: SourceFile) -> tuple[ParseResult, ...]:
    return PARSER.parse(sources, ParseOptions(scan_root=REPO))


def graph_of(path: Path) -> Graph:
    # A plan with resource_drift gives a second unit: the real state of the drifted resources.
    unit, *drift = parse(source(path))
    assert [other.unit for other in drift] in ([], [f"{path.name} (drift)"])
    assert unit.notifications == ()
    assert unit.unit == path.name
    return Graph(unit.resources, unit.edges, unit.unit)
