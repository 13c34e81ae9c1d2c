"""What a Pulumi resource state and a step must look like before they are read.

A state the parser cannot read whole (no ``urn`` or ``type``, ``inputs`` that are not an object, a
dependency that is not a URN) is never skipped: skipping it would lose its findings, so the file is
refused with a message saying which part is wrong, and the gate fails closed.
"""

from __future__ import annotations

from typing import Any

from iacgate.parsers.jsontext import kind

# Steps that only remove something: what they touch will not exist after the update, so it is not judged.
DELETE_ONLY_OPS = frozenset(
    {"delete", "delete-replaced", "discard", "discard-replaced", "remove-pending-replace", "read-discard"}
)
# ``pulumi stack export`` and checkpoints: deployment schema versions 1-3, and 4 (with ``features``).
SUPPORTED_VERSIONS = range(1, 5)

_OBJECTS = ("inputs", "outputs", "defaults", "propertyDependencies")
_STRINGS = ("id", "parent", "provider", "sourcePosition")
_FLAGS = ("custom", "delete", "pendingReplacement", "external")


def state_problem(state: Any) -> str | None:
    """What is wrong with one resource state, or None when the parser can read all of it."""
    if not isinstance(state, dict):
        return f"is {kind(state)}, expected a resource object"
    for key in ("urn", "type"):
        value = state.get(key)
        if not isinstance(value, str) or not value:
            shown = "empty" if value == "" else "missing" if key not in state else kind(value)
            return f"has no {key} (it is {shown}); every resource state needs one"
    for key in _OBJECTS:
        if state.get(key) is not None and not isinstance(state[key], dict):
            return f"({state['urn']}) {key} is {kind(state[key])}, expected an object"
    for key in _STRINGS:
        if state.get(key) is not None and not isinstance(state[key], str):
            return f"({state['urn']}) {key} is {kind(state[key])}, expected a string"
    for key in _FLAGS:
        if state.get(key) is not None and not isinstance(state[key], bool):
            return f"({state['urn']}) {key} is {kind(state[key])}, expected true or false"
    if _not_strings(state.get("dependencies")):
        return f"({state['urn']}) dependencies is not a list of URNs"
    for name, targets in (state.get("propertyDependencies") or {}).items():
        if _not_strings(targets):
            return f"({state['urn']}) propertyDependencies.{name} is not a list of URNs"
    return None


def step_problem(step: Any, new: str) -> str | None:
    """What is wrong with a preview step (``new`` = "newState") or engine event metadata ("new")."""
    if not isinstance(step, dict):
        return f"is {kind(step)}, expected an object"
    op = step.get("op")
    if not isinstance(op, str) or not op:
        return f"has no op (it is {kind(op)})"
    if step.get("provider") is not None and not isinstance(step["provider"], str):
        return f"provider is {kind(step['provider'])}, expected a string"
    if op in DELETE_ONLY_OPS:
        return None
    if step.get(new) is None:
        return f"has no {new} (op {op} must say what the resource becomes)"
    problem = state_problem(step[new])
    return None if problem is None else f"{new} {problem}"


def _not_strings(value: Any) -> bool:
    return value is not None and (
        not isinstance(value, list) or not all(isinstance(item, str) for item in value)
    )
