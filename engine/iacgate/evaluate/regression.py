"""Regressions: a rule that declares ``regression`` and fails a resource after an update is asked about the
state before it too, and a failure that passed before is reported as a regression, with both values.

The before-state is evaluated only where it can change the answer: for an update (not a create, a
replacement's new resource or a destroyed one) whose after-state fails a regression rule at an attribute
the update changes, or at the resource as a whole when the update changes more than its tags. A failure
at an attribute the update leaves alone failed before as well, and a plan whose resources pass costs
nothing more.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Mapping, Sequence
from typing import Any

from iacgate.graph.model import DRIFT, AttributePath, Resource, Unknown, path_text
from iacgate.packs.model import Rule

_ABSENT = object()


def value_at(value: Any, path: Sequence[str | int]) -> Any:
    for part in path:
        if isinstance(value, Mapping) and isinstance(part, str):
            value = value.get(part, _ABSENT)
        elif isinstance(value, list | tuple) and isinstance(part, int) and 0 <= part < len(value):
            value = value[part]
        else:
            return _ABSENT
    return value


def before_state(resource: Resource) -> Resource | None:
    """The resource as it was before an in-place update, or None when there is no such state."""
    change = resource.change
    if change is None or change.before is None or resource.mode != "managed":
        return None
    if "update" not in change.actions or "create" in change.actions:
        return None
    return dataclasses.replace(resource, attributes=change.before, change=None)


def _failures(items: Any) -> list[Mapping[str, Any]]:
    if not isinstance(items, list):
        return []
    return [
        item
        for item in items
        if isinstance(item, Mapping)
        and item.get("not_applicable") is not True
        and item.get("status", "fail") == "fail"
    ]


# Tags name and label; a rule judging the resource as a whole does not turn on them (the usual update of
# a plan is a default-tags change, which then costs no second evaluation).
_LABELS = frozenset({"tags", "tags_all", "labels", "effective_labels", "terraform_labels"})


def _changed_beyond_tags(before: Mapping[str, Any], after: Mapping[str, Any]) -> bool:
    names = (set(before) | set(after)) - _LABELS
    # A value known only after apply (an id, an ARN) is the provider's, not a setting the update changed.
    return any(
        before.get(name) != after.get(name) for name in names if not isinstance(after.get(name), Unknown)
    )


def needs_before(resource: Resource, rules: Sequence[Rule], answer: Any) -> bool:
    """Whether the before-state can turn one of the answer's failures into a regression."""
    state = before_state(resource)
    if state is None or not isinstance(answer, Mapping):
        return False
    drift = bool(resource.metadata.get(DRIFT))
    for rule in rules:
        if not (rule.regression or drift):
            continue
        for item in _failures(answer.get(rule.id)):
            path = item.get("path") or []
            if not isinstance(path, list) or not path:
                if _changed_beyond_tags(state.attributes, resource.attributes):
                    return True
                continue
            if value_at(state.attributes, path) != value_at(resource.attributes, path):
                return True
    return False


def passed_before(rule: Rule, before_answer: Any) -> bool:
    """The rule judged the before-state and found nothing wrong with it."""
    if not isinstance(before_answer, Mapping):
        return False
    items = before_answer.get(rule.id)
    if not isinstance(items, list):
        return False
    return not items


def _shown(value: Any) -> str:
    if value is _ABSENT or value is None or value == "":
        return "not set"
    if isinstance(value, Unknown):
        return "unknown"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return value
    return json.dumps(value, sort_keys=True, default=str)


def regression_note(resource: Resource, path: AttributePath) -> str:
    """ " (regression: ...)" after a failure's message, naming the value before the change."""
    before = resource.change.before if resource.change is not None else None
    if resource.metadata.get(DRIFT):
        where = f"{path_text(path)} was {_shown(value_at(before, path))}" if path else "it passed"
        return (
            f" (drift: the real infrastructure, changed outside Terraform, fails this; in the state, {where})"
        )
    if not path:
        return " (regression: this change makes it fail; it passed before)"
    return (
        f" (regression: this change makes it fail; before it, {path_text(path)} was "
        f"{_shown(value_at(before, path))})"
    )
