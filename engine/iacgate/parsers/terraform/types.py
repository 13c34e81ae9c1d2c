"""Variable type constraints applied to values, as Terraform converts them on the way in.

What matters for findings is kept: primitive conversions (``"4"`` to ``4`` for a number), and objects
given the attributes their type declares, ``optional(type, default)`` ones filled with their default
or null, so ``var.settings.encrypted`` reads the declared default instead of failing. Anything the
constraint does not describe is passed through unchanged.
"""

from __future__ import annotations

from typing import Any

from iacgate.graph.model import Unknown
from iacgate.parsers.terraform.syntax import Expr
from iacgate.parsers.terraform.values import (
    EvalError,
    LazyObject,
    PartialPolicy,
    as_set,
    number,
    to_bool,
    to_number,
    to_string,
    type_name,
)

_COLLECTIONS = frozenset({"list", "set", "map"})
_PRIMITIVE = str | int | float | bool


def convert(value: Any, constraint: Expr | None) -> Any:
    if constraint is None or isinstance(value, Unknown | LazyObject) or value is None:
        return value
    try:
        return _convert(value, constraint)
    except (EvalError, ValueError, TypeError, IndexError):
        return value


def _convert(value: Any, constraint: Expr) -> Any:
    tag = constraint[0]
    if tag == "V":
        return _primitive(value, constraint[1])
    if tag != "C" or not constraint[2]:
        return value
    name, args = constraint[1], constraint[2]
    if name == "optional":
        return _convert(value, args[0])
    if name in _COLLECTIONS:
        inner = args[0]
        if isinstance(value, list) and name == "list":
            return [convert(item, inner) for item in value]
        if isinstance(value, list) and name == "set" and all(isinstance(item, _PRIMITIVE) for item in value):
            # A set holds each value once: ["b", "a", "b"] is two elements, for length() and for_each.
            return as_set([convert(item, inner) for item in value])
        if isinstance(value, dict) and name == "map":
            return {key: convert(item, inner) for key, item in value.items()}
        return value
    if name == "tuple" and isinstance(value, list) and args[0][0] == "TU":
        kinds = args[0][1]
        return [convert(item, kinds[i]) if i < len(kinds) else item for i, item in enumerate(value)]
    if name == "object" and isinstance(value, dict) and args[0][0] == "O":
        out = dict(value)
        for key_expr, attribute_type in args[0][1]:
            if key_expr[0] != "L":
                continue
            key = str(key_expr[1])
            if key in out and out[key] is not None:
                out[key] = convert(out[key], attribute_type)
            elif attribute_type[0] == "C" and attribute_type[1] == "optional":
                optional_args = attribute_type[2]
                default = _literal(optional_args[1]) if len(optional_args) > 1 else None
                out[key] = convert(default, optional_args[0]) if default is not None else None
        return out
    return value


def _primitive(value: Any, name: str) -> Any:
    """``value`` converted to the primitive type ``name`` as Terraform converts it ("4" to 4, "true" to
    true, 4 to "4"); what Terraform cannot convert (a list for a string, "yes" or 1 for a bool, "abc" for
    a number) is unknown: Terraform refuses the value, and a rule must not judge it as written."""
    try:
        if name == "string" and isinstance(value, str | int | float | bool):
            return to_string(value)
        if name == "string" and isinstance(value, PartialPolicy):
            return value  # a policy document's JSON text, held as the document
        if name == "number" and isinstance(value, str | int | float) and not isinstance(value, bool):
            return to_number(value)
        if name == "bool" and isinstance(value, str | bool):
            return to_bool(value)
        if name not in ("string", "number", "bool"):
            return value
    except EvalError:
        pass
    return Unknown(f"a {type_name(value)} where the type requires a {name}: Terraform refuses the value")


def _literal(expr: Expr) -> Any:
    """A default written in a type constraint: constants, lists and objects of constants."""
    tag = expr[0]
    if tag == "L":
        return expr[1]
    if tag == "TU":
        return [_literal(item) for item in expr[1]]
    if tag == "O":
        return {str(key[1]): _literal(item) for key, item in expr[1] if key[0] == "L"}
    if tag == "U" and expr[1] == "-" and expr[2][0] == "L":
        return number(-to_number(expr[2][1]))
    raise EvalError("default is not a constant")
