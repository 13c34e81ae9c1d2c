"""Input formats, chosen through this explicit table: nothing registers itself by being imported.

Every parser sits behind ``guard.Guarded``: whatever a file holds, parsing it ends in resources or in
notifications naming it, never in an exception that aborts the scan (see ``guard``).
"""

from __future__ import annotations

from iacgate.parsers.base import ParseOptions, Parser, ParseResult
from iacgate.parsers.changeset import ChangeSetParser
from iacgate.parsers.cloudformation import CloudFormationParser
from iacgate.parsers.guard import Guarded
from iacgate.parsers.pulumi import PulumiParser
from iacgate.parsers.terraform import TerraformParser
from iacgate.parsers.tfplan import TerraformPlanParser

PARSERS: dict[str, Parser] = {
    TerraformPlanParser.format: Guarded(TerraformPlanParser()),
    TerraformParser.format: Guarded(TerraformParser()),
    PulumiParser.format: Guarded(PulumiParser()),
    ChangeSetParser.format: Guarded(ChangeSetParser()),
    CloudFormationParser.format: Guarded(CloudFormationParser()),
}

SUFFIXES: frozenset[str] = frozenset(suffix for parser in PARSERS.values() for suffix in parser.suffixes)

__all__ = ["PARSERS", "SUFFIXES", "Guarded", "ParseOptions", "ParseResult", "Parser"]
