"""Input formats, chosen through this explicit table: nothing registers itself by being imported.

Every parser sits behind ``guard.Guarded``: whatever a file holds, parsing it ends in resources or in
notifications naming it, never in an exception that aborts the scan (see ``guard``). Each is loaded on
use (``OnUse``): which format a file is comes from ``claims``, which imports no parser, so a scan of
Terraform files alone never loads the CloudFormation, Pulumi or plan parsers (a pre-commit run is mostly
start-up).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence

from iacgate.parsers import claims, node_types
from iacgate.parsers.base import ParseOptions, Parser, ParseResult
from iacgate.parsers.guard import Guarded
from iacgate.textio import SourceFile


class OnUse:
    """The parser class ``name`` of ``module``, imported and made when a file is first parsed with it.
    ``format``, ``suffixes`` and ``claims`` answer without it: they are the class's own (a test holds them
    equal)."""

    def __init__(
        self,
        format: str,
        suffixes: tuple[str, ...],
        claims: Callable[[SourceFile], bool],
        module: str,
        name: str,
    ) -> None:
        self.format = format
        self.suffixes = suffixes
        self._claims = claims
        self._module = module
        self._name = name
        self._parser: Parser | None = None

    @property
    def parser(self) -> Parser:
        if self._parser is None:
            made: Parser = getattr(importlib.import_module(self._module), self._name)()
            self._parser = made
        return self._parser

    def claims(self, source: SourceFile) -> bool:
        return self._claims(source)

    def parse(self, sources: Sequence[SourceFile], options: ParseOptions) -> tuple[ParseResult, ...]:
        return self.parser.parse(sources, options)


# Asked in this order: the first parser that claims a file parses it.
PARSERS: dict[str, Parser] = {
    node_types.TERRAFORM_PLAN: Guarded(
        OnUse(
            node_types.TERRAFORM_PLAN,
            (".json",),
            claims.terraform_plan,
            "iacgate.parsers.tfplan",
            "TerraformPlanParser",
        )
    ),
    node_types.TERRAFORM: Guarded(
        OnUse(
            node_types.TERRAFORM,
            (".tf", ".tofu", ".json"),
            claims.terraform,
            "iacgate.parsers.terraform",
            "TerraformParser",
        )
    ),
    node_types.PULUMI: Guarded(
        OnUse(node_types.PULUMI, (".json",), claims.pulumi, "iacgate.parsers.pulumi", "PulumiParser")
    ),
    node_types.CLOUDFORMATION_CHANGESET: Guarded(
        OnUse(
            node_types.CLOUDFORMATION_CHANGESET,
            (".json",),
            claims.changeset,
            "iacgate.parsers.changeset",
            "ChangeSetParser",
        )
    ),
    node_types.CLOUDFORMATION: Guarded(
        OnUse(
            node_types.CLOUDFORMATION,
            (".yaml", ".yml", ".json", ".template"),
            claims.cloudformation,
            "iacgate.parsers.cloudformation",
            "CloudFormationParser",
        )
    ),
    node_types.PULUMI_CONFIG: Guarded(
        OnUse(
            node_types.PULUMI_CONFIG,
            (".yaml", ".yml"),
            claims.pulumi_config,
            "iacgate.parsers.pulumi_config",
            "PulumiConfigParser",
        )
    ),
}

SUFFIXES: frozenset[str] = frozenset(suffix for parser in PARSERS.values() for suffix in parser.suffixes)

__all__ = ["PARSERS", "SUFFIXES", "Guarded", "OnUse", "ParseOptions", "ParseResult", "Parser"]
