"""The parsed form of an HCL file: blocks, attributes with lines, and expressions as small tuples.

Expressions are plain tuples (tag first) so a parsed file pickles fast into the content-hash cache:

``("L", value)`` literal, ``("T", parts)`` template (parts: ``str``, an expression, ``("if", cond, then,
else)`` or ``("for", key, value, collection, parts)``), ``("V", name)`` a root name, ``("A", obj, name)``,
``("I", obj, key)``, ``("S", obj, ops)`` splat (ops: ``("A", name)`` / ``("I", key)``), ``("C", name,
args, expand)`` call, ``("TU", items)``, ``("O", pairs)``, ``("?", cond, a, b)``, ``("B", op, a, b)``,
``("U", op, x)``, ``("FT", k, v, coll, value, cond)``, ``("FO", k, v, coll, key, value, group, cond)``.
"""

from __future__ import annotations

from typing import Any, NamedTuple

Expr = tuple[Any, ...]


class Attribute(NamedTuple):
    name: str
    expr: Expr
    line: int


class Block(NamedTuple):
    type: str
    labels: tuple[str, ...]
    attributes: dict[str, Attribute]
    blocks: tuple[Block, ...]
    start: int
    end: int


class ParsedFile(NamedTuple):
    relative: str
    blocks: tuple[Block, ...]


def traversal(expr: Expr) -> list[str] | None:
    """``aws.west`` -> ["aws", "west"]: a static reference written as an expression (provider, depends_on)."""
    names: list[str] = []
    while expr[0] == "A":
        names.append(expr[2])
        expr = expr[1]
    if expr[0] == "I" and expr[2][0] == "L":
        return traversal(expr[1])
    if expr[0] != "V":
        return None
    names.append(expr[1])
    return names[::-1]


def input_variable(expr: Expr) -> str | None:
    """``var.name`` (or the pure interpolation ``"${var.name}"`` of Terraform 0.11) -> ``name``: an argument
    whose value is an input variable's, passed on unchanged."""
    if expr[0] == "T1":  # a template that is one interpolation: its value is the expression's
        expr = expr[1]
    names = traversal(expr)
    return names[1] if names is not None and len(names) == 2 and names[0] == "var" else None


def references(expr: Any) -> list[list[str]]:
    """Every root traversal in an expression, as name lists (``var.x.y`` -> ["var", "x", "y"])."""
    found: list[list[str]] = []
    _collect(expr, found)
    return found


def _collect(expr: Any, found: list[list[str]]) -> None:
    if not isinstance(expr, tuple) or not expr:
        return
    tag = expr[0]
    if tag in ("A", "V"):
        names = traversal(expr)
        if names is not None:
            found.append(names)
            return
    if tag == "L":
        return
    if tag == "S":
        # A splat's operations (("A", name), ("I", key)) name attributes of each element, not roots.
        _collect(expr[1], found)
        return
    for part in expr:
        if isinstance(part, tuple):
            _collect(part, found)
