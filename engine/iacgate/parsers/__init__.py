"""Input formats, chosen through this explicit table: nothing registers itself by being imported."""

from __future__ import annotations

from iacgate.parsers.base import ParseOptions, Parser, ParseResult
from iacgate.parsers.cloudformation import CloudFormationParser
from iacgate.parsers.pulumi import PulumiParser
from iacgate.parsers.terraform import TerraformParser
from iacgate.parsers.tfplan import TerraformPlanParser

PARSERS: dict[str, Parser] = {
    TerraformPlanParser.format: TerraformPlanParser(),
    TerraformParser.format: TerraformParser(),
    PulumiParser.format: PulumiParser(),
    CloudFormationParser.format: CloudFormationParser(),
}

SUFFIXES: frozenset[str] = frozenset(suffix for parser in PARSERS.values() for suffix in parser.suffixes)

__all__ = ["PARSERS", "SUFFIXES", "ParseOptions", "ParseResult", "Parser"]
