"""Pulumi previews, engine events, stack exports and checkpoints into the common resource graph.

Resources are identified by URN; type tokens map to canonical (Terraform) types through
``parsers/data/pulumi_types.json``; property names go from camelCase to snake_case.
"""

from __future__ import annotations

from collections.abc import Sequence

from iacgate.parsers import claims
from iacgate.parsers.base import ParseOptions, ParseResult, parse_each
from iacgate.parsers.pulumi.build import FORMAT, build
from iacgate.parsers.pulumi.shapes import read_document
from iacgate.parsers.pulumi.typemap import load_table
from iacgate.textio import SourceFile


class PulumiParser:
    format: str = FORMAT
    suffixes: tuple[str, ...] = (".json",)

    def claims(self, source: SourceFile) -> bool:
        return claims.pulumi(source)

    def parse(self, sources: Sequence[SourceFile], options: ParseOptions) -> tuple[ParseResult, ...]:
        table = load_table()
        return parse_each(sources, lambda source: build(read_document(source), source, options, table))


__all__ = ["PulumiParser"]
