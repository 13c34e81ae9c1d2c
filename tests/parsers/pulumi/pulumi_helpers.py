"""Helpers shared by the Pulumi parser tests: parse a fixture file through the public parser."""

from __future__ import annotations

from pathlib import Path

from iacgate.graph.model import Resource
from iacgate.parsers.base import ParseOptions, ParseResult, merged
from iacgate.parsers.pulumi import PulumiParser
from iacgate.textio import read_source

REPO = Path(__file__).resolve().parents[3]
FIXTURES = REPO / "fixtures" / "parsers" / "pulumi"


def parse_fixture(relative: str, region: str | None = None) -> ParseResult:
    source = read_source(FIXTURES / relative, relative)
    return merged(PulumiParser().parse([source], ParseOptions(scan_root=FIXTURES, region=region)))


def by_name(result: ParseResult) -> dict[str, Resource]:
    return {resource.id.rsplit("::", 1)[-1]: resource for resource in result.resources}
