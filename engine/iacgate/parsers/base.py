"""The one small interface every input format implements."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Protocol

from iacgate.errors import ParseError
from iacgate.graph.model import Edge, Resource
from iacgate.notifications import Notification
from iacgate.textio import SourceFile


@dataclass(frozen=True)
class BackendSetting:
    """One ``terraform init -backend-config`` argument: a file of backend arguments (HCL, as a
    ``.tfbackend`` file), or one ``key=value``. Given by the user (command line or trusted
    configuration), applied in order after the backend block's own arguments."""

    file: Path | None = None
    key: str = ""
    value: str = ""

    @classmethod
    def of(cls, text: str, base: Path) -> BackendSetting:
        """As ``terraform init`` reads the argument: ``key=value`` when it holds ``=``, else a file
        (relative to ``base``)."""
        key, separator, value = text.partition("=")
        if separator:
            return cls(key=key.strip(), value=value)
        return cls(file=base / text)


@dataclass(frozen=True)
class ParseOptions:
    """What a parser may need beyond its files: the scan root (paths never leave it) and user inputs.

    Nothing here is read from the process environment by a parser: the CLI passes ``environment``
    (for ``TF_VAR_*``) explicitly, so the library stays free of global state.

    ``confine_to`` are the trusted directories that scanned content may make a parser read from on its
    own (Terraform's ``file()``/``templatefile()`` family, local module sources, ``modules.json``): the
    scanned paths (``confinement_roots``) and whatever the user names besides. Empty means the scan
    root. Links are resolved first, and nothing inside a ``.git`` directory is read even within them.
    """

    scan_root: Path
    variables: Mapping[str, str] = field(default_factory=dict)
    var_files: tuple[Path, ...] = ()
    backend_config: tuple[BackendSetting, ...] = ()
    environment: Mapping[str, str] = field(default_factory=dict)
    source_dirs: tuple[Path, ...] = ()
    parameters: Mapping[str, str] = field(default_factory=dict)
    parameter_files: tuple[Path, ...] = ()
    region: str | None = None
    confine_to: tuple[Path, ...] = ()
    # Nodes for parts of a configuration that are not resources (``terraform_backend``,
    # ``terraform_variable``, ``terraform_output``; ``iacgate_secret``: a plan then hands on its literals):
    # built only for the types a rule judges, so that scans without such a rule see the resources they
    # always saw.
    config_nodes: frozenset[str] = frozenset()

    def with_config_nodes(self, wanted: frozenset[str]) -> ParseOptions:
        return replace(self, config_nodes=wanted) if wanted != self.config_nodes else self

    @property
    def readable(self) -> ReadRoots:
        return ReadRoots.of(self.confine_to or (self.scan_root,))


def confinement_roots(paths: Sequence[Path], extra: Sequence[Path] = ()) -> tuple[Path, ...]:
    """The trees a scan of ``paths`` may read files from: each scanned directory, the directory of each
    scanned file, and ``extra`` trusted directories (a ``--read-root``), resolved, without repeats."""
    roots = [path if path.is_dir() else path.parent for path in paths]
    return tuple(dict.fromkeys(_resolved(path) for path in (*roots, *extra)))


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # a link loop: compared as written, so it matches nothing outside
        return path.absolute()


@dataclass(frozen=True)
class ReadRoots:
    """Where scanned content may make a parser read: inside one of ``roots`` once links are resolved (a
    link pointing out of the tree is outside), and never inside a ``.git`` directory (a checkout token
    lives in ``.git/config``)."""

    roots: tuple[Path, ...]

    @classmethod
    def of(cls, roots: Sequence[Path]) -> ReadRoots:
        return cls(tuple(_resolved(root) for root in roots))

    def refusal(self, path: Path) -> str | None:
        """None when ``path`` may be read; otherwise why not, for a message (the path is the caller's)."""
        try:
            os.fsencode(path)
        except UnicodeEncodeError:  # a lone surrogate (jsondecode can make one): no file has that name
            return "is not a file name"
        target = _resolved(path)
        for root in self.roots:
            if target.is_relative_to(root):
                # Lower case too: on a case-insensitive file system .GIT/config is .git/config.
                if any(part.lower() == ".git" for part in target.relative_to(root).parts):
                    return "is inside a .git directory"
                return None
        return "is outside the scanned paths"


@dataclass(frozen=True)
class UnresolvedModule:
    """A module call whose configuration was not read (not installed, or outside the readable paths):
    its resources were never judged, which coverage reports and ``--fail-on-undetermined`` blocks on."""

    address: str
    source: str
    file: str
    line: int
    reason: str


@dataclass(frozen=True)
class ParseResult:
    """One self-contained unit of a scan: a plan file, a template with its nested stacks, a Terraform root
    module with the modules it calls. Resource ids are unique within a unit and edges never leave it, so
    two plans of one configuration (prod and staging) can hold the same addresses side by side.
    ``unit`` names it (the file, or the root module directory); notifications may come without resources.
    """

    resources: tuple[Resource, ...] = ()
    edges: tuple[Edge, ...] = ()
    notifications: tuple[Notification, ...] = ()
    unit: str = ""
    unresolved: tuple[UnresolvedModule, ...] = ()
    # Why the unit describes only part of the change (a plan made with -target, errored checks): the
    # scan judged what it holds, and reports say it is partial.
    partial: tuple[str, ...] = ()
    # A plan's strings written as literals in the configuration it was made from, (name, text): what the
    # secrets search reads (``secrets.plan_detections``), handed on so the plan is decoded once. None: the
    # parser did not decode the file or was not asked (no rule judges secrets), and the search reads it.
    literals: tuple[tuple[str | None, str], ...] | None = None


class Parser(Protocol):
    format: str
    suffixes: tuple[str, ...]
    """File endings a directory walk offers to this parser (lower case, with the dot)."""

    def claims(self, source: SourceFile) -> bool:
        """Whether this file is this parser's format, judged from its content (extensions lie)."""
        ...

    def parse(self, sources: Sequence[SourceFile], options: ParseOptions) -> tuple[ParseResult, ...]:
        """Parse every claimed file of a scan at once into units (a format may group files, as Terraform
        does by module directory). A file that cannot be understood becomes an error notification naming
        it; the other files are still parsed."""
        ...


def parse_each(
    sources: Sequence[SourceFile], parse_one: Callable[[SourceFile], ParseResult]
) -> tuple[ParseResult, ...]:
    """For formats whose unit is one file: one unit per file, a ``ParseError`` becoming a notification."""
    units: list[ParseResult] = []
    for source in sources:
        try:
            result = parse_one(source)
        except ParseError as error:
            units.append(
                ParseResult(notifications=(Notification.from_parse_error(error),), unit=source.relative)
            )
            continue
        units.append(replace(result, unit=result.unit or source.relative))
    return tuple(units)


def merged(units: Sequence[ParseResult]) -> ParseResult:
    """All units as one result, for looking at a parser's whole output when ids cannot collide."""
    return ParseResult(
        resources=tuple(resource for unit in units for resource in unit.resources),
        edges=tuple(edge for unit in units for edge in unit.edges),
        notifications=tuple(notification for unit in units for notification in unit.notifications),
        unresolved=tuple(item for unit in units for item in unit.unresolved),
    )
