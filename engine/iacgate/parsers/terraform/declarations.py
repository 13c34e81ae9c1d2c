"""A root module's variables and outputs as graph nodes (``terraform_variable``, ``terraform_output``), so
rules can judge how they treat secrets (#17 §3): whether a secret-carrying variable or output is marked
``sensitive = true``. Nodes carry the declaration's shape, never a value: a variable's name, type keyword,
whether it is sensitive and has a default; an output's name, whether it is sensitive, the names its value
refers to (``var.db_password``, ``aws_db_instance.main.password``) and whether it calls ``nonsensitive``.
Built only for the types a rule judges (``ParseOptions.config_nodes``).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from iacgate.graph.model import Resource, SourceLocation, Unknown
from iacgate.parsers import node_types
from iacgate.parsers.terraform.config import Located, ModuleConfig
from iacgate.parsers.terraform.syntax import Expr

VARIABLE_TYPE = node_types.TERRAFORM_VARIABLE
OUTPUT_TYPE = node_types.TERRAFORM_OUTPUT
CONFIG_NODE_TYPES = node_types.TERRAFORM_CONFIG_NODES
_NO_REGION = Unknown("a declaration has no region")


def _type_keyword(expr: Expr | None) -> str | None:
    """``string``, ``number``, ``bool`` for a primitive type; the constructor (``list``, ``object``...)
    otherwise; None when no type is written."""
    if expr is None:
        return None
    if expr[0] == "V":
        return str(expr[1])
    if expr[0] == "C":
        return str(expr[1])
    return "complex"


def _sensitive(located: Located, name: str = "sensitive") -> bool | None:
    """A declaration's literal boolean argument (``sensitive``, ``ephemeral``); None unless a literal."""
    attribute = located.block.attributes.get(name)
    if attribute is None:
        return None
    expr = attribute.expr
    return bool(expr[1]) if expr[0] == "L" and isinstance(expr[1], bool) else None


def _calls(expr: Any, name: str) -> bool:
    pending = [expr]
    while pending:
        item = pending.pop()
        if not isinstance(item, tuple) or not item:
            continue
        if item[0] == "C" and item[1] == name:
            return True
        pending.extend(part for part in item if isinstance(part, tuple | list))
        pending.extend(sub for part in item if isinstance(part, list) for sub in part)
    return False


def _chain(item: Any) -> list[str] | None:
    """``var.a.b`` -> ["var", "a", "b"] for a root traversal, else None."""
    names: list[str] = []
    while isinstance(item, tuple) and len(item) == 3 and item[0] == "A" and isinstance(item[2], str):
        names.append(item[2])
        item = item[1]
    if isinstance(item, tuple) and len(item) == 2 and item[0] == "V" and isinstance(item[1], str):
        names.append(item[1])
        return names[::-1]
    return None


def referred(expr: Expr) -> list[str]:
    """The names an expression refers to, at most three parts each (``var.db_password``,
    ``aws_db_instance.main.password``), sorted. Written for any expression shape: splat operations
    (``("A", name)``) and index keys are walked through, never taken for traversals."""
    found: set[str] = set()
    pending: list[Any] = [expr]
    while pending:
        item = pending.pop()
        if isinstance(item, list):
            pending.extend(item)
            continue
        if not isinstance(item, tuple) or not item or item[0] == "L":
            continue
        chain = _chain(item)
        if chain is not None:
            found.add(".".join(chain[:3]))
            continue
        # A tagged expression's parts follow its tag; a bare tuple (call arguments) is all parts.
        parts = item[1:] if isinstance(item[0], str) else item
        pending.extend(part for part in parts if isinstance(part, tuple | list))
    return sorted(found)


def _node(type_name: str, name: str, located: Located, attributes: dict[str, Any]) -> Resource:
    block = located.block
    lines: dict[str, int] = {}
    for key in ("sensitive", "value", "default"):
        if key in block.attributes:
            lines[key] = block.attributes[key].line
    return Resource(
        id=f"{type_name}.{name}",
        format="terraform",
        native_type=type_name,
        type=type_name,
        provider="terraform",
        region=_NO_REGION,
        region_source="none",
        attributes=attributes,
        tags={},
        location=SourceLocation(located.file, block.start, block.end, lines),
    )


def declaration_nodes(config: ModuleConfig, wanted: frozenset[str]) -> Iterator[Resource]:
    """The nodes of the root module's variables and outputs that ``wanted`` asks for."""
    if VARIABLE_TYPE in wanted:
        for name, located in sorted(config.variables.items()):
            type_attribute = located.block.attributes.get("type")
            yield _node(
                VARIABLE_TYPE,
                name,
                located,
                {
                    "name": name,
                    "type": _type_keyword(type_attribute.expr if type_attribute else None),
                    "sensitive": _sensitive(located),
                    # Terraform 1.10+: never in the plan or the state, nor printed.
                    "ephemeral": _sensitive(located, "ephemeral"),
                    "has_default": "default" in located.block.attributes,
                },
            )
    if OUTPUT_TYPE in wanted:
        for name, located in sorted(config.outputs.items()):
            value = located.block.attributes.get("value")
            refers = referred(value.expr) if value else []
            yield _node(
                OUTPUT_TYPE,
                name,
                located,
                {
                    "name": name,
                    "sensitive": _sensitive(located),
                    "references": refers,
                    "nonsensitive": value is not None and _calls(value.expr, "nonsensitive"),
                },
            )
