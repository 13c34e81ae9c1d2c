"""What Terraform's file functions may read, where in the source they were called, and what they read.

``file("../.git/config")`` in a pull request would otherwise put a checkout token into the graph and
from there into finding messages. A path outside the scanned paths (``ParseOptions.readable``), or inside
a ``.git`` directory, is not read: the call's value is ``Unknown`` (so a rule that needs it reports
undetermined, never a pass) and one warning names the calling ``.tf`` file and line and the path as
written. What is read is recorded, so that findings never quote it (``redaction``).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from iacgate.parsers.base import ReadRoots
from iacgate.parsers.terraform.config import ModuleConfig
from iacgate.parsers.terraform.syntax import Block, Expr
from iacgate.redaction import shorten

FILE_FUNCTIONS = frozenset(
    {
        "file", "fileexists", "fileset", "filebase64", "filemd5", "filesha1", "filesha256", "filesha512",
        "filebase64sha256", "filebase64sha512", "templatefile",
    }
)  # fmt: skip


def _blocks(config: ModuleConfig) -> Iterator[tuple[Block, str]]:
    for resource in config.resources.values():
        yield resource.block, resource.file
    for table in (config.variables, config.outputs, config.calls):
        for located in table.values():
            yield located.block, located.file
    for located in config.providers:
        yield located.block, located.file


def _calls(expr: Any) -> Iterator[Expr]:
    if not isinstance(expr, tuple) or not expr:
        return
    if expr[0] == "C" and str(expr[1]).rsplit("::", 1)[-1] in FILE_FUNCTIONS:
        yield expr
    if expr[0] == "L":
        return
    for part in expr:
        if isinstance(part, tuple):
            yield from _calls(part)


def call_sites(config: ModuleConfig) -> list[tuple[str, int, Expr | None]]:
    """Every file-function call of a module: (file, line of its attribute, first argument)."""
    sites: list[tuple[str, int, Expr | None]] = []
    pending: list[tuple[Block, str]] = list(_blocks(config))
    attributes = [(attribute, file) for attribute, file in config.locals.values()]
    while pending:
        block, file = pending.pop()
        attributes.extend((attribute, file) for attribute in block.attributes.values())
        pending.extend((nested, file) for nested in block.blocks)
    for attribute, file in attributes:
        for call in _calls(attribute.expr):
            sites.append((file, attribute.line, call[2][0] if call[2] else None))
    return sorted(sites, key=lambda site: (site[0], site[1]))


@dataclass
class FileReads:
    """The reads of one root module's evaluation: refused ones become notes, allowed ones are recorded."""

    roots: ReadRoots
    texts: set[str] = field(default_factory=set)
    _sites: dict[str, list[tuple[str, int, Expr | None]]] = field(default_factory=dict)

    def where(self, config: ModuleConfig, path: str) -> tuple[str | None, int]:
        """The file and line of the call that most likely asked for ``path``: a call with that literal
        path, else the first call with a computed one, else the module's first file."""
        sites = self._sites.get(config.directory)
        if sites is None:
            sites = self._sites[config.directory] = call_sites(config)
        for file, line, argument in sites:
            if argument == ("L", path):
                return file, line
        for file, line, argument in sites:
            if argument is None or argument[0] != "L":
                return file, line
        return (config.files[0] if config.files else None), 0

    def refusal(self, target: Path, path: str) -> str | None:
        """None when ``target`` may be read; else the note, naming the path as written (never its
        contents), shortened so that a path cannot carry a long value into the report."""
        why = self.roots.refusal(target)
        if why is None:
            return None
        return f"file {shorten(path)!r} {why}; not read, its value is unknown"
