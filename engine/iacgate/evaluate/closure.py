"""Which Rego modules a package needs: its own files and everything they reach through ``data``.

The embedded engine's cost per query grows with every module compiled into the bundle it queries, used or
not (measured: one EBS rule costs 0.1 ms beside the library alone, 0.75 ms beside every pack's modules),
so each bundle holds only the closure of the rules it runs. The analysis errs on the side of including:
a module left out would make a reference undefined, which reads as "no finding".
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from iacgate.evaluate.safety import code_only, comments_blanked

PACKAGE = re.compile(r"^package\s+([A-Za-z_][\w.]*)", re.MULTILINE)
# A dotted name, spaces allowed around the dots (``data . a . b``).
DOTTED = r"[A-Za-z_]\w*(?:\s*\.\s*[A-Za-z_]\w*)*"
SPACES = re.compile(r"\s+")
# Every ``import`` statement of a module (one line each), and the form ``imported`` follows.
_IMPORT_LINE = re.compile(r"^[ \t]*import\b[^\n]*", re.MULTILINE)
_IMPORT = re.compile(rf"[ \t]*import\s+({DOTTED})(?:\s+as\s+([A-Za-z_]\w*))?\s*")
# ``data.a.b`` written in a rule body; ``data`` on its own or indexed (``data[x]``) reaches anything.
_DATA_REF = re.compile(r"(?<![\w.])data\.([A-Za-z_][\w.]*)")
_DATA_ANY = re.compile(r"(?<![\w.])data\b(?!\.[A-Za-z_])")
# How a whole-graph policy may read ``input``: the resources of one type by a literal name, or a part of
# the input that is not the graph's resources. Any other use (iterating every type, ``input`` passed
# whole, a computed type name) reads resources of types the policy does not name.
_GRAPH_LOOKUP = re.compile(
    r'object\.get\(\s*input\.resources_by_type\s*,\s*"([a-z0-9_]+)"'
    r'|input\.resources_by_type\["([a-z0-9_]+)"\]'
    r"|input\.resources_by_type\.([a-z0-9_]+)\b"
    r"|input\.(?:edges|settings|change_summary|resource|related)\b"
    r'|object\.get\(\s*input\s*,\s*"(?:settings|change_summary|resource|related)"'
)
_INPUT = re.compile(r"\binput\b")
_REFERS_TO = re.compile(r"\brefers_to\b")


@dataclass(frozen=True)
class GraphReads:
    """What of the whole-graph input a rule can read: the resource types (None: every type), whether it
    reads the reference edges, and whether it reads what each resource refers to (``refers_to``)."""

    types: frozenset[str] | None
    edges: bool
    refers_to: bool = False


EVERYTHING = GraphReads(None, True, True)


def graph_reads(sources: Sequence[str]) -> GraphReads:
    """What whole-graph policies with these modules can read of their input.

    A policy that only looks resources up by a literal type (``object.get(input.resources_by_type,
    "aws_cloudtrail", [])``) is sent those types alone: one CloudTrail rule on a plan of ten thousand
    resources is asked with its trails, not with the whole plan, and without the plan's edges unless it
    reads ``input.edges``. A policy that uses ``input`` any other way (``some resources in
    input.resources_by_type``) is sent everything.
    """
    types: set[str] = set()
    edges = False
    refers_to = False
    for source in sources:
        # Strings are kept for the type names, comments are not read; ``input`` counts only in code.
        lookups = list(_GRAPH_LOOKUP.finditer(comments_blanked(source)))
        code = code_only(source)
        if len(lookups) != len(_INPUT.findall(code)):
            return EVERYTHING
        types.update(name for match in lookups for name in match.groups()[:3] if name)
        edges = edges or any(match.group(0) == "input.edges" for match in lookups)
        # A resource's ``refers_to`` is read through a resource (``r.refers_to``, ``object.get(r,
        # "refers_to", [])``), never through ``input`` directly; a string naming it counts.
        refers_to = refers_to or _REFERS_TO.search(comments_blanked(source)) is not None
    return GraphReads(frozenset(types), edges, refers_to)


@dataclass(frozen=True)
class Import:
    """An ``import`` statement: the path under ``data`` it names (None for ``input``, ``rego.v1``,
    ``future.keywords``), and the name it brings into scope (its alias, else its last part)."""

    path: str | None
    alias: str


def imported(statement: str) -> Import | None:
    """What an ``import`` statement (its text, trailing blanks allowed) brings in; None for a form this
    does not follow (a quoted part: ``import data.a["b"]``), or ``data`` itself."""
    found = _IMPORT.fullmatch(statement)
    if found is None:
        return None
    dotted = SPACES.sub("", found.group(1))
    if dotted == "data":
        return None
    alias = found.group(2) or dotted.rsplit(".", 1)[-1]
    return Import(dotted.removeprefix("data.") if dotted.startswith("data.") else None, alias)


@dataclass(frozen=True)
class _Reference:
    """A path under ``data`` a module names, and the alias its sub-packages are reached through."""

    path: str
    alias: str | None


@dataclass(frozen=True)
class ModuleIndex:
    """Rego sources by file, the files of each package, and (on first use) what each file reaches."""

    sources: Mapping[Path, str]
    packages: Mapping[str, tuple[Path, ...]]
    # The files each file reaches directly, worked out on first use (a scan asks for a few types only).
    _reaches: dict[Path, tuple[Path, ...]] = field(default_factory=dict, compare=False, repr=False)
    _graph_reads: dict[str, GraphReads] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def of(cls, sources: Iterable[tuple[Path, str]]) -> ModuleIndex:
        texts = dict(sources)
        packages: dict[str, list[Path]] = {}
        for path, text in texts.items():
            found = PACKAGE.search(text)
            if found:
                packages.setdefault(found.group(1), []).append(path)
        return cls(texts, {name: tuple(paths) for name, paths in packages.items()})

    @cached_property
    def digest(self) -> str:
        """The sha256 of every file's name and text: what any closure of this index is a function of."""
        digest = hashlib.sha256()
        for path, text in self.sources.items():
            name = str(path)
            digest.update(f"{len(name)}:{name}{len(text)}:".encode())
            digest.update(text.encode("utf-8", "surrogatepass"))
        return digest.hexdigest()

    def closure(self, packages: Iterable[str]) -> tuple[Path, ...]:
        """The files of these packages and of every package they need, directly or not, in index order."""
        return self.reached_from(path for name in packages for path in self.packages.get(name, ()))

    def graph_reads(self, package: str) -> GraphReads:
        """What the whole-graph rule ``package`` can read of its input, by ``graph_reads`` over its
        closure; worked out once per package."""
        if package not in self._graph_reads:
            sources = [self.sources[path] for path in self.closure([package])]
            self._graph_reads[package] = graph_reads(sources)
        return self._graph_reads[package]

    def reached_from(self, files: Iterable[Path]) -> tuple[Path, ...]:
        """These files and every file they need, directly or not, in index order."""
        needed: set[Path] = set()
        pending = list(files)
        while pending:
            path = pending.pop()
            if path in needed:
                continue
            needed.add(path)
            pending.extend(self._direct(path))
        return tuple(path for path in self.sources if path in needed)

    def _direct(self, path: Path) -> tuple[Path, ...]:
        found = self._reaches.get(path)
        if found is None:
            found = self._reaches[path] = tuple(dict.fromkeys(self._reached(self.sources[path])))
        return found

    def _reached(self, source: str) -> Iterable[Path]:
        code = code_only(source)
        imports = [imported(line) for line in _IMPORT_LINE.findall(code)]
        body = _IMPORT_LINE.sub("", code)
        if _DATA_ANY.search(body) or None in imports:
            # ``data`` used whole, or an import this does not follow (``import data.a["b"]``).
            return self.sources
        references = [_Reference(i.path, i.alias) for i in imports if i is not None and i.path is not None]
        references += [_Reference(path, None) for path in _DATA_REF.findall(body)]
        reached = [path for reference in references for path in self._files_for(reference, body)]
        # rego-cpp also finds a bare name in a package above the module's own (``not strict_ok`` in
        # ``house.volume`` reads ``data.house.strict_ok``), which OPA refuses: those packages come too.
        package = PACKAGE.search(code)
        scope = package.group(1).rpartition(".")[0] if package else ""
        while scope:
            reached.extend(self.packages.get(scope, ()))
            scope = scope.rpartition(".")[0]
        return reached

    def _files_for(self, reference: _Reference, body: str) -> Sequence[Path]:
        found: list[Path] = []
        for package, paths in self.packages.items():
            # The package itself, one it names a rule of, or a sub-package the module reaches into.
            named = package == reference.path or reference.path.startswith(f"{package}.")
            if named or (package.startswith(f"{reference.path}.") and _uses(body, reference, package)):
                found.extend(paths)
        return found


def _uses(body: str, reference: _Reference, package: str) -> bool:
    """Whether a module reaches a sub-package of what it imported (``lib.aws_data.x`` under ``lib``)."""
    if reference.alias is None:
        # ``x := data.a`` takes the whole tree below ``a``.
        return True
    dynamic, paths = _alias_uses(body, reference.alias)
    if dynamic:
        # Indexed dynamically, or passed around whole: every sub-package may be reached.
        return True
    suffix = package[len(reference.path) + 1 :]
    return any(path == suffix or path.startswith(f"{suffix}.") for path in paths)


@functools.lru_cache(maxsize=1024)
def _alias_uses(body: str, alias: str) -> tuple[bool, frozenset[str]]:
    """How a module's body uses an imported name: dynamically (indexed, or whole), and the dotted paths
    it names below it (``lib.aws_data.x`` gives ``aws_data.x``); worked out once per module and name,
    not once per package of the index."""
    name = re.escape(alias)
    dynamic = re.search(rf"(?<![\w.]){name}\s*\[", body) or re.search(rf"(?<![\w.]){name}\b(?!\s*\.)", body)
    paths = frozenset(re.findall(rf"(?<![\w.]){name}\.([A-Za-z_][\w.]*)", body))
    return dynamic is not None, paths
