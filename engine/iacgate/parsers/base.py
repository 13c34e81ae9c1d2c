"""The one small interface every input format implements."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from iacgate.graph.model import Edge, Resource
from iacgate.notifications import Notification
from iacgate.textio import SourceFile


@dataclass(frozen=True)
class ParseOptions:
    """What a parser may need beyond the file: the scan root (paths never leave it) and user inputs."""

    scan_root: Path
    variables: Mapping[str, str] = field(default_factory=dict)
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

    def parse(self, source: SourceFile, options: ParseOptions) -> ParseResult:
        """Parse one file; raise ``ParseError`` when it cannot be understood at all."""
        ...
