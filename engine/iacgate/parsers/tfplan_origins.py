"""Where a plan's credential attributes come from, read from the plan's ``configuration`` (#17 §1).

A plan holds resolved values: a password read from Secrets Manager, a ``random_password`` and a literal all
look alike in ``planned_values``. The configuration tells them apart: an attribute written as a literal has
a ``constant_value``; one computed from other objects has ``references``. For each credential attribute
(``CREDENTIAL_ATTRIBUTES``) the configuration sets, the resource gets ``__plan_origins__``:
``{attribute: origin}``, one of

- ``literal``: a constant in the configuration, or a variable whose value is the default the configuration
  declares (followed through module calls to the expression the caller passes);
- ``injected``: read from other objects (a ``random_password``, a secrets manager data source, a resource)
  or from a variable the plan was given from outside the configuration (no default, or another value);
- ``unresolved``: what the plan cannot tell (a ``local``, whose value a plan does not record, or an
  expression with neither a constant nor a reference, such as a function call).

Only the origin is recorded, never a value.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from iacgate.secrets.detect import CREDENTIAL_ATTRIBUTES

ORIGINS = "__plan_origins__"
LITERAL, INJECTED, UNRESOLVED = "literal", "injected", "unresolved"
_MAX_DEPTH = 32
# Nested blocks followed for credentials: advanced_security_options.master_user_options.master_user_password.
_MAX_BLOCK_DEPTH = 3


def _mapping(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def _variable_origin(
    name: str,
    path: tuple[str, ...],
    modules: Mapping[tuple[str, ...], Mapping[str, Any]],
    given: Mapping[str, Any],
    depth: int,
) -> str:
    declared = _mapping(_mapping(modules.get(path, {}).get("variables")).get(name))
    if path:
        # Inside a module: the expression the calling module passes, read in the caller.
        parent = modules.get(path[:-1], {})
        call = _mapping(_mapping(parent.get("module_calls")).get(path[-1]))
        passed = _mapping(call.get("expressions")).get(name)
        if passed is None:
            return LITERAL if declared.get("default") is not None else INJECTED
        return expression_origin(passed, path[:-1], modules, given, depth + 1)
    if "default" not in declared or declared.get("default") is None:
        return INJECTED
    value = _mapping(given.get(name)).get("value")
    return LITERAL if value is None or value == declared.get("default") else INJECTED


def expression_origin(
    expression: Any,
    path: tuple[str, ...],
    modules: Mapping[tuple[str, ...], Mapping[str, Any]],
    given: Mapping[str, Any],
    depth: int = 0,
) -> str:
    """The origin (``literal``, ``injected``, ``unresolved``) of one configuration expression."""
    expression = _mapping(expression)
    if depth > _MAX_DEPTH:
        return UNRESOLVED
    if expression.get("constant_value") is not None:
        return LITERAL
    references = [item for item in expression.get("references") or () if isinstance(item, str)]
    if not references:
        return UNRESOLVED
    found: set[str] = set()
    for reference in references:
        parts = reference.split(".")
        if parts[0] == "var" and len(parts) > 1:
            found.add(_variable_origin(parts[1].split("[")[0], path, modules, given, depth))
        elif parts[0] == "local":
            found.add(UNRESOLVED)
        else:
            found.add(INJECTED)
    if LITERAL in found:
        return LITERAL
    return UNRESOLVED if UNRESOLVED in found else INJECTED


def credential_origins(
    config_resource: Mapping[str, Any],
    path: tuple[str, ...],
    modules: Mapping[tuple[str, ...], Mapping[str, Any]],
    given: Mapping[str, Any],
) -> dict[str, str]:
    """``{attribute: origin}`` of the credential attributes the configuration of one resource sets, in
    nested blocks too (``os_profile.admin_password``, ``user.password``: the names through the blocks,
    joined with dots, without indices; a literal in any block of a kind makes the attribute literal)."""
    found: dict[str, set[str]] = {}
    # (expressions of one block, names of the blocks above it): a block's expressions are a list of
    # objects under its name; walked with a stack, to a bounded depth.
    stack: list[tuple[Mapping[str, Any], tuple[str, ...]]] = [
        (_mapping(config_resource.get("expressions")), ())
    ]
    while stack:
        expressions, above = stack.pop()
        for name, expression in expressions.items():
            if isinstance(expression, list) and len(above) < _MAX_BLOCK_DEPTH:
                stack.extend((_mapping(block), (*above, name)) for block in expression)
            elif name in CREDENTIAL_ATTRIBUTES and isinstance(expression, Mapping):
                origin = expression_origin(expression, path, modules, given)
                found.setdefault(".".join((*above, name)), set()).add(origin)
    order = (LITERAL, UNRESOLVED, INJECTED)
    return {name: next(o for o in order if o in kinds) for name, kinds in found.items()}
