"""The one small interface every input format implements."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from iacgate.errors import ParseError
from iacgate.graph.model import Edge, Resource
from iacgate.notifications import Notification
from iacgate.textio import SourceFile


@dataclass(frozen=True)
class ParseOptions:
    """What a parser may need beyond its files: the scan root (paths never leave it) and user inputs.

    Nothing here is read from the process environment by a parser: the CLI passes ``environment``
    (for ``TF_VAR_*``) explicitly, so the library stays free of global state.
    """

    scan_root: Path
    variables: Mapping[str, str] = field(default_factory=dict)
    var_files: tuple[Path, ...] = ()
    environment: Mapping[str, str] = field(default_factory=dict)
    source_dirs: tuple[Path, ...] = ()
    parameters: Mapping[str, str] = field(default_factory=dict)
    parameter_files: tuple[Path, ...] = ()
    region: str | None = None


@dataclass(frozen=True)
class ParseResult:
    resources: tuple[Resource, ...] = ()
    edges: tuple[Edge, ...] = ()
    notifications: tuple[Notification, ...] = ()


class Parser(Protocol):
    format: str
    suffixes: tuple[str, ...]
    """File endings a directory walk offers to this parser (lower case, with the dot)."""

    def claims(self, source: SourceFile) -> bool:
        """Whether this file is this parser's format, judged from its content (extensions lie)."""
        ...

    def parse(self, sources: Sequence[SourceFile], options: ParseOptions) -> ParseResult:
        """Parse every claimed file of a scan at once (a format may group them, as Terraform does by
        module directory). A file that cannot be understood becomes an error notification naming it;
        the other files are still parsed."""
        ...


def parse_each(
    sources: Sequence[SourceFile], parse_one: Callable[[SourceFile], ParseResult]
) -> ParseResult:
    """For formats whose unit is one file: parse each, turning a ``ParseError`` into a notification."""
    resources: list[Resource] = []
    edges: list[Edge] = []
    notifications: list[Notification] = []
    for source in sources:
        try:
            result = parse_one(source)
        except ParseError as error:
            notifications.append(Notification.from_parse_error(error))
            continue
        resources.extend(result.resources)
        edges.extend(result.edges)
        notifications.extend(result.notifications)
    return ParseResult(tuple(resources), tuple(edges), tuple(notifications))
