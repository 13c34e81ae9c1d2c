"""A bundle's modules cut down to the statements its rules can reach.

A rego-cpp 1.5.2 query costs more with every rule compiled into its bundle, used or not, and comments cost
nothing (measured: the S3 bucket router takes 4.3 ms beside its 13 modules and 16.7 ms beside every pack's;
a package of 2,000 one-line functions nothing calls adds 8 ms to it, 300 kB of comments nothing).
``closure.py`` keeps a bundle to the files its rules reach; this keeps, inside those files, the statements
(rules, functions, defaults, each with its ``else`` chain) they reach, and blanks the others, lines kept so
every location stays right.

What is kept errs on the side of keeping, as in ``closure.py``: a statement wrongly left out would make a
reference undefined, which reads as "no finding". Rego reaches a rule of another package only through
``data.<package>.<name>`` or an imported name (``lib.<name>``), and one of its own package also by its bare
name; rego-cpp also looks a bare name up in every package above (``lib.x`` in ``house.volume``, without an
import, is ``data.house.lib.x`` if nothing nearer has that name). So a kept statement keeps

- every statement named by a bare name it holds, in its own package and in each package above it, and the
  sub-packages its dotted path names (local variables and builtins included: keeping too much costs
  nothing but time);
- every statement named by a path through ``data`` or an import, in each package that path starts with;
- every statement of a package it uses whole: a path ending at a package or above one, indexed
  (``lib[x]``) or passed as a value; ``data`` used whole keeps everything.

The packages of the rules asked (``roots``) are kept whole. Text that cannot be cut into statements
(unbalanced brackets, no package, a package or import with a quoted part: ``import data.a["b"]``, a name
indented outside any bracket, ``input`` or ``data`` where a statement could start) leaves the bundle as it
is.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from iacgate.evaluate.closure import DOTTED, SPACES, imported
from iacgate.evaluate.safety import code_only, comments_blanked

# A whole ``package`` statement. Other spellings (``package a["b"]``) leave the bundle whole, as do imports
# ``closure.imported`` does not follow.
_PACKAGE = re.compile(rf"package\s+({DOTTED})\s*")
# A statement starts at the first column: its name follows ``default`` when there is one (on the same
# line, or on the next).
_HEAD = re.compile(r"\s*(?:default\s+)?([A-Za-z_]\w*)")
_DEFAULT = re.compile(r"default\s+([A-Za-z_]\w*)")
# A name and the dotted path after it (``lib.aws.key_class``, ``data.iacgate.lib``).
_REF = re.compile(r"(?<![\w.])([A-Za-z_]\w*)((?:\s*\.\s*[A-Za-z_]\w*)*)")
# A line starting at the first column with one of these words (none can name a rule) continues the
# statement above it: ``else``, an ``if`` or ``contains`` on a line of its own, ``input.x`` continuing an
# expression. So does any line after one ending in an operator, a comma, such a word or ``default``.
_CONTINUING = frozenset(
    {
        "as",
        "contains",
        "data",
        "else",
        "every",
        "false",
        "if",
        "in",
        "input",
        "not",
        "null",
        "some",
        "true",
        "with",
    }
)
_OPEN_ENDED = re.compile(
    r"(?:[-=:,+*/%&|<>!.]|(?<![\w.])(?:as|contains|default|else|every|if|in|not|some|with))$"
)


@dataclass(frozen=True)
class _Statement:
    start: int
    end: int
    # None for ``package`` and ``import``, always kept.
    name: str | None
    # The paths under ``data`` it may name (``iacgate.lib.attr``, or "" for ``data`` itself): a bare name
    # gives one in its package and in each package above it.
    names: frozenset[str] = frozenset()


@dataclass(frozen=True)
class _Module:
    name: str
    source: str
    package: str
    statements: tuple[_Statement, ...]


class _Unsplittable(ValueError):
    pass


class Pruner:
    """Cuts a bundle's modules down (``pruned``), remembering each module's statements across the bundles
    of a scan (a library is shared by most of them)."""

    def __init__(self) -> None:
        self._parsed: dict[tuple[str, str], _Module | None] = {}

    def _module(self, name: str, source: str) -> _Module | None:
        key = (name, source)
        if key not in self._parsed:
            try:
                self._parsed[key] = _parse(name, source)
            except _Unsplittable:
                self._parsed[key] = None
        return self._parsed[key]

    def pruned(self, modules: Sequence[tuple[str, str]], roots: Iterable[str]) -> list[tuple[str, str]]:
        """``modules`` (name, text) with every statement the packages ``roots`` cannot reach blanked out."""
        parsed = [self._module(name, source) for name, source in modules]
        if any(module is None for module in parsed):
            return list(modules)
        return _pruned([module for module in parsed if module is not None], roots)


def pruned(modules: Sequence[tuple[str, str]], roots: Iterable[str]) -> list[tuple[str, str]]:
    """``modules`` (name, text) with every statement the packages ``roots`` cannot reach blanked out."""
    return Pruner().pruned(modules, roots)


def _pruned(parsed: Sequence[_Module], roots: Iterable[str]) -> list[tuple[str, str]]:
    packages = {module.package for module in parsed}
    # The packages at or below each path (``a.b`` and ``a.b.c`` under ``a``).
    below: dict[str, list[str]] = {}
    for package in packages:
        parts = package.split(".")
        for index in range(1, len(parts) + 1):
            below.setdefault(".".join(parts[:index]), []).append(package)
    by_name: dict[tuple[str, str], list[tuple[int, int]]] = {}
    by_package: dict[str, list[tuple[int, int]]] = {}
    for m, module in enumerate(parsed):
        for s, statement in enumerate(module.statements):
            by_package.setdefault(module.package, []).append((m, s))
            if statement.name is not None:
                by_name.setdefault((module.package, statement.name), []).append((m, s))
    kept: set[tuple[int, int]] = set()
    whole: set[str] = set()
    wanted: set[tuple[str, str]] = set()
    pending: list[tuple[int, int]] = []
    reached: set[str] = set()

    def use_whole(package: str) -> None:
        if package not in whole:
            whole.add(package)
            pending.extend(by_package.get(package, ()))

    def want(package: str, name: str) -> None:
        if (package, name) not in wanted:
            wanted.add((package, name))
            pending.extend(by_name.get((package, name), ()))

    def reach(target: str) -> None:
        if target in reached:
            return
        reached.add(target)
        if not target:  # ``data`` itself
            for package in packages:
                use_whole(package)
            return
        # A package at or below the target is used whole; one above it, for the rule the target names.
        for package in below.get(target, ()):
            use_whole(package)
        parts = target.split(".")
        for index in range(1, len(parts)):
            package = ".".join(parts[:index])
            if package in packages:
                want(package, parts[index])

    for package in roots:
        use_whole(package)
    while pending:
        m, s = pending.pop()
        if (m, s) in kept:
            continue
        kept.add((m, s))
        module = parsed[m]
        for target in module.statements[s].names:
            reach(target)
    return [
        (module.name, _kept_text(module, {s for (m, s) in kept if m == index}))
        for index, module in enumerate(parsed)
    ]


def _names(text: str, imports: dict[str, str], package: str) -> frozenset[str]:
    """What a statement's code names (``_Statement.names``)."""
    found: set[str] = set()
    for first, rest in _REF.findall(text):
        path = SPACES.sub("", rest)
        if first == "data":
            found.add(path[1:])
        elif first in imports:
            found.add(imports[first] + path)
        else:
            # rego-cpp looks a bare name up in the package, then in each one above it, up to ``data``.
            prefix = package
            while prefix:
                found.add(f"{prefix}.{first}{path}")
                prefix = prefix.rpartition(".")[0]
            found.add(first + path)
    return frozenset(found)


def _kept_text(module: _Module, kept: set[int]) -> str:
    if all(index in kept or statement.name is None for index, statement in enumerate(module.statements)):
        return module.source
    pieces: list[str] = []
    last = 0
    for index, statement in enumerate(module.statements):
        pieces.append(module.source[last : statement.start])
        text = module.source[statement.start : statement.end]
        keep = index in kept or statement.name is None
        pieces.append(text if keep else "\n" * text.count("\n"))
        last = statement.end
    pieces.append(module.source[last:])
    return "".join(pieces)


def _parse(name: str, source: str) -> _Module:
    code = code_only(source)
    cut = _statements(code, name, comments_blanked(source))
    package: str | None = None
    imports: dict[str, str] = {}
    for statement in cut:
        if statement.name is not None:
            continue
        text = code[statement.start : statement.end]
        if text.startswith("package"):
            found = _PACKAGE.fullmatch(text)
            if found is None or package is not None:
                raise _Unsplittable(name)
            package = SPACES.sub("", found.group(1))
            continue
        brought = imported(text)
        if brought is None:
            # ``import data.a["b"]``: what it names is not worked out; nor is ``import input["x"]``.
            raise _Unsplittable(name)
        if brought.path is not None:
            imports[brought.alias] = brought.path
    if package is None:
        raise _Unsplittable(name)
    statements = tuple(
        statement
        if statement.name is None
        else replace(statement, names=_names(code[statement.start : statement.end], imports, package))
        for statement in cut
    )
    return _Module(name, source, package, statements)


def _statements(code: str, name: str, texts: str) -> tuple[_Statement, ...]:
    """Top-level statements: each starts on a line whose first column begins a name outside any bracket,
    unless that line continues the one above (``_CONTINUING``, ``_OPEN_ENDED``); everything up to the next
    one (its body, ``else`` chain, comments) is its own. ``texts`` is the source with its strings (a line
    ending in ``"a:"`` is not open-ended). A name indented outside any bracket after a complete line may be
    a rule: the module is then not cut at all."""
    starts: list[tuple[int, str | None]] = []
    depth = 0
    offset = 0
    previous = ""
    for line, text in zip(code.split("\n"), texts.split("\n"), strict=True):
        continued = _OPEN_ENDED.search(previous) is not None
        if depth == 0 and not continued:
            head = _HEAD.match(line)
            if head is not None and head.group(1) in ("input", "data") and not line[0].isspace():
                # rego-cpp takes ``input`` as a rule name: not told from ``input.x`` continuing a line.
                raise _Unsplittable(name)
            if head is not None and head.group(1) not in _CONTINUING:
                if line[0].isspace():
                    raise _Unsplittable(name)
                word = head.group(1)
                if word == "default":  # ``default`` alone on its line: the name is on the next one
                    named = _DEFAULT.match(code, offset)
                    if named is None:
                        raise _Unsplittable(name)
                    word = named.group(1)
                starts.append((offset, None if word in ("package", "import") else word))
        if line.strip():
            # ``package`` and ``import`` end with their line (``import future.keywords.in``).
            previous = "" if starts and starts[-1][0] == offset and starts[-1][1] is None else text.rstrip()
        depth += sum(map(line.count, "{[(")) - sum(map(line.count, "}])"))
        if depth < 0:
            raise _Unsplittable(name)
        offset += len(line) + 1
    if depth != 0 or not starts:
        raise _Unsplittable(name)
    ends = [start for start, _name in starts[1:]] + [len(code)]
    return tuple(_Statement(start, end, word) for (start, word), end in zip(starts, ends, strict=True))
