"""``count``/``for_each`` expansion and the evaluation of a block body into plan-shaped values.

Nested blocks become lists of objects (as in a plan's values), ``dynamic`` blocks are expanded in place,
and every attribute and nested block records its line under its ``path_text``. An unknown ``count`` or
``for_each`` gives one instance whose ``count.index``/``each`` are unknown, never zero instances.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from iacgate.graph.model import AttributePath, Unknown, path_text
from iacgate.parsers.terraform.budget import MAX_INSTANCES
from iacgate.parsers.terraform.config import NOT_ARGUMENTS
from iacgate.parsers.terraform.expressions import Evaluator, pairs
from iacgate.parsers.terraform.syntax import Attribute, Block, Expr, input_variable, traversal
from iacgate.parsers.terraform.values import EvalError, concrete, to_number, to_string


class Tracker:
    """Which resource instances the expression being evaluated reads; nested collections for locals,
    outputs and arguments so each knows its own references."""

    def __init__(self) -> None:
        self.stack: list[set[str]] = [set()]

    def add(self, address: str) -> None:
        self.stack[-1].add(address)

    def add_all(self, addresses: set[str]) -> None:
        self.stack[-1].update(addresses)

    def collect(self, compute: Callable[[], Any]) -> tuple[Any, set[str]]:
        self.stack.append(set())
        try:
            value = compute()
        finally:
            found = self.stack.pop()
        return value, found


def safe_value(evaluator: Evaluator, expr: Expr, what: str) -> Any:
    try:
        return concrete(evaluator.value(expr))
    except EvalError as error:
        return Unknown(f"{what} could not be evaluated: {error}")


@dataclass(frozen=True)
class Expansion:
    instances: tuple[tuple[str | int | None, dict[str, Any]], ...]
    unknown_reason: str | None = None
    error: str | None = None


def expand(block: Block, evaluator: Evaluator, what: str) -> Expansion:
    if "count" in block.attributes:
        value = safe_value(evaluator, block.attributes["count"].expr, f"count of {what}")
        if isinstance(value, Unknown):
            return Expansion(((None, {"count": {"index": value}}),), f"count is unknown: {value.reason}")
        try:
            total = int(to_number(value))
        except EvalError as error:
            return Expansion((), error=f"count of {what}: {error}")
        except (OverflowError, ValueError):  # infinity, NaN
            return Expansion((), error=f"count of {what}: {value} is not a whole number")
        return _expansion(evaluator, what, total, ((n, {"count": {"index": n}}) for n in range(total)))
    if "for_each" in block.attributes:
        # Not made concrete: a map of resource instances stays lazy, so only what each instance reads
        # through each.value becomes its reference.
        try:
            value = evaluator.value(block.attributes["for_each"].expr)
        except EvalError as error:
            value = Unknown(f"for_each of {what} could not be evaluated: {error}")
        if isinstance(value, Unknown):
            each = {"key": value, "value": value}
            return Expansion(((None, {"each": each}),), f"for_each is unknown: {value.reason}")
        if isinstance(value, dict):
            items = [(key, item) for key, item in value.items()]
        elif isinstance(value, list):
            unknown = next((item for item in value if isinstance(item, Unknown)), None)
            if unknown is not None:
                each = {"key": unknown, "value": unknown}
                return Expansion(((None, {"each": each}),), f"for_each is unknown: {unknown.reason}")
            try:
                items = [(to_string(item), item) for item in value]
            except EvalError as error:
                return Expansion((), error=f"for_each of {what}: {error}")
        else:
            return Expansion((), error=f"for_each of {what} must be a map or a set, not {value!r}")
        each_items = ((key, {"each": {"key": key, "value": item}}) for key, item in items)
        return _expansion(evaluator, what, len(items), each_items)
    return Expansion(((None, {}),))


def _expansion(
    evaluator: Evaluator, what: str, total: int, instances: Iterator[tuple[str | int, dict[str, Any]]]
) -> Expansion:
    """``total`` instances, or an error past the ceiling of one resource or module call (before any is
    built: ``count = 100000000`` took 4.7 GB)."""
    if total > MAX_INSTANCES:
        return Expansion(
            (), error=f"{what} has {total:,} instances, more than iacgate's ceiling of {MAX_INSTANCES:,}"
        )
    evaluator.budget.expand(total)
    return Expansion(tuple(instances))


@dataclass
class Body:
    attributes: dict[str, Any] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)
    references: dict[str, set[str]] = field(default_factory=dict)
    # path_text -> the input variable an argument is written as (``x = var.name``): where its value was
    # decided is the caller's argument or the variable's default (``ModuleInstance.input_origin``).
    variables: dict[str, str] = field(default_factory=dict)


def _variable_of(attribute: Attribute) -> str | None:
    return input_variable(attribute.expr)


def evaluate_resource_body(
    block: Block, evaluator: Evaluator, tracker: Tracker, skip: frozenset[str]
) -> Body:
    body = Body()
    for name, attribute in block.attributes.items():
        if name in skip:
            continue
        value, found = tracker.collect(partial(_attribute, evaluator, attribute))
        body.attributes[name] = value
        body.lines[name] = attribute.line
        body.references.setdefault(name, set()).update(found)
        variable = _variable_of(attribute)
        if variable:
            body.variables[name] = variable
    for nested in block.blocks:
        if nested.type in NOT_ARGUMENTS:
            continue
        name = nested.labels[0] if nested.type == "dynamic" and nested.labels else nested.type
        work = partial(_nested, nested, evaluator, (), body.attributes, body.lines, body.variables)
        found = tracker.collect(work)[1]
        body.references.setdefault(name, set()).update(found)
    return body


def _attribute(evaluator: Evaluator, attribute: Attribute) -> Any:
    return safe_value(evaluator, attribute.expr, attribute.name)


def _block_object(
    block: Block,
    evaluator: Evaluator,
    prefix: AttributePath,
    lines: dict[str, int],
    variables: dict[str, str],
) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, attribute in block.attributes.items():
        out[name] = _attribute(evaluator, attribute)
        lines[path_text((*prefix, name))] = attribute.line
        variable = _variable_of(attribute)
        if variable:
            variables[path_text((*prefix, name))] = variable
    for nested in block.blocks:
        _nested(nested, evaluator, prefix, out, lines, variables)
    return out


def _nested(
    nested: Block,
    evaluator: Evaluator,
    prefix: AttributePath,
    out: dict[str, Any],
    lines: dict[str, int],
    variables: dict[str, str],
) -> None:
    if nested.type != "dynamic":
        items = out.setdefault(nested.type, [])
        if isinstance(items, Unknown):
            return
        lines.setdefault(path_text((*prefix, nested.type)), nested.start)
        path = (*prefix, nested.type, len(items))
        lines[path_text(path)] = nested.start
        items.append(_block_object(nested, evaluator, path, lines, variables))
        return
    if not nested.labels:
        return
    name = nested.labels[0]
    lines.setdefault(path_text((*prefix, name)), nested.start)
    content = next((block for block in nested.blocks if block.type == "content"), None)
    for_each = nested.attributes.get("for_each")
    if content is None or for_each is None:
        return
    collection = safe_value(evaluator, for_each.expr, f"dynamic {name} for_each")
    if isinstance(collection, Unknown):
        out[name] = Unknown(f"dynamic block {name}: {collection.reason}")
        return
    iterator = name
    if "iterator" in nested.attributes:
        names = traversal(nested.attributes["iterator"].expr)
        iterator = names[0] if names else name
    items = out.setdefault(name, [])
    if isinstance(items, Unknown):
        return
    try:
        entries = pairs(collection)
    except EvalError as error:
        out[name] = Unknown(f"dynamic block {name}: {error}")
        return
    for key, value in entries:
        path = (*prefix, name, len(items))
        lines[path_text(path)] = content.start
        inner = evaluator.with_env(**{iterator: {"key": key, "value": value}})
        items.append(_block_object(content, inner, path, lines, variables))
