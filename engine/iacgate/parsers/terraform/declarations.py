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
from iacgate.parsers.terraform.backends import TYPE as BACKEND_TYPE
from iacgate.parsers.terraform.config import Located, ModuleConfig
from iacgate.parsers.terraform.syntax import Expr, references

VARIABLE_TYPE = "terraform_variable"
OUTPUT_TYPE = "terraform_output"
CONFIG_NODE_TYPES = frozenset({BACKEND_TYPE, VARIABLE_TYPE, OUTPUT_TYPE})
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


def _sensitive(located: Located) -> bool | None:
    attribute = located.block.attributes.get("sensitive")
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
                    "has_default": "default" in located.block.attributes,
                },
            )
    if OUTPUT_TYPE in wanted:
        for name, located in sorted(config.outputs.items()):
            value = located.block.attributes.get("value")
            refers = sorted({".".join(parts[:3]) for parts in references(value.expr)}) if value else []
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
