"""Pulumi previews, engine events, stack exports and checkpoints into the common resource graph.

Resources are identified by URN; type tokens map to canonical (Terraform) types through
``parsers/data/pulumi_types.json``; property names go from camelCase to snake_case.
"""

from __future__ import annotations

from collections.abc import Sequence

from iacgate.parsers.base import ParseOptions, ParseResult, parse_each
from iacgate.parsers.pulumi.build import FORMAT, build
from iacgate.parsers.pulumi.shapes import is_event_stream, read_document
from iacgate.parsers.pulumi.typemap import load_table
from iacgate.textio import SourceFile

_SNIFF = 8192


class PulumiParser:
    format: str = FORMAT
    suffixes: tuple[str, ...] = (".json",)

    def claims(self, source: SourceFile) -> bool:
        text = source.text
        if is_event_stream(text):
            return True
        head = text.lstrip()[:_SNIFF]
        if not head.startswith("{") or '"format_version"' in head or "AWSTemplateFormatVersion" in head:
            return False
        if '"deployment"' in head or '"checkpoint"' in head:
            return '"version"' in head
        if '"latest"' in head and '"target"' in head:
            return '"resources"' in head or "urn:pulumi:" in head
        # A preview's "config" comes first and may be long, so look for its steps anywhere.
        return '"steps"' in text and "urn:pulumi:" in text

    def parse(self, sources: Sequence[SourceFile], options: ParseOptions) -> tuple[ParseResult, ...]:
        table = load_table()
        return parse_each(sources, lambda source: build(read_document(source), source, options, table))


__all__ = ["PulumiParser"]
