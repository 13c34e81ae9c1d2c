"""``Fn::ForEach`` (AWS::LanguageExtensions): loops in ``Resources`` expanded before anything is resolved."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from iacgate.graph.model import Unknown
from iacgate.parsers.cloudformation.loaded import Entry, Path

# CloudFormation allows 500 resources in a template after its loops are expanded; loops whose outputs
# are empty may still iterate, so iterations have a ceiling of their own.
MAX_RESOURCES = 500
MAX_ITERATIONS = 5_000


class TooLarge(Exception):
    """The loops expand past a ceiling; ``path`` is the loop where it was passed."""

    def __init__(self, what: str, path: Path) -> None:
        super().__init__(what)
        self.what, self.path = what, path


@dataclass
class _Count:
    entries: int = 0
    iterations: int = 0


@dataclass(frozen=True)
class Unexpanded:
    """A loop left unexpanded: the resources it makes are not judged (``reason`` says why)."""

    key: str
    reason: str
    path: Path


def expand_for_each(
    resources: dict[str, Any],
    origin: Path,
    collection: Callable[[Any, Path], Any],
    warnings: list[Unexpanded],
) -> list[Entry]:
    """``origin`` + the template key (not the substituted one) is where each output's lines are. Raises
    ``TooLarge`` past the ceilings (a few kB of nested loops would otherwise make millions of entries)."""
    items = [(key, key, body) for key, body in resources.items()]
    return _expand(items, origin, collection, warnings, _Count())


def _expand(
    items: list[tuple[str, str, Any]],
    origin: Path,
    collection: Callable[[Any, Path], Any],
    warnings: list[Unexpanded],
    count: _Count,
) -> list[Entry]:
    entries: list[Entry] = []
    for key, written, body in items:
        if not key.startswith("Fn::ForEach::"):
            count.entries += 1
            if count.entries > MAX_RESOURCES and origin != ("Resources",):
                what = f"Fn::ForEach expands to more than {MAX_RESOURCES} resources, CloudFormation's limit"
                raise TooLarge(what, origin[:-1])
            entries.append(Entry(key, body, (*origin, written)))
            continue
        here = (*origin, written)
        if not (
            isinstance(body, list)
            and len(body) == 3
            and isinstance(body[0], str)
            and isinstance(body[2], dict)
        ):
            warnings.append(Unexpanded(key, "malformed (expected [identifier, collection, template])", here))
            continue
        identifier, values = body[0], collection(body[1], (*here, 1))
        if not isinstance(values, list):
            reason = values.reason if isinstance(values, Unknown) else "not a list"
            warnings.append(Unexpanded(key, f"its collection cannot be evaluated ({reason})", here))
            continue
        for value in values:
            count.iterations += 1
            if count.iterations > MAX_ITERATIONS:
                raise TooLarge(f"Fn::ForEach loops iterate more than {MAX_ITERATIONS:,} times", here)
            item = value if isinstance(value, str) else str(value)
            outputs = [
                (_substitute(k, identifier, item), k, _substitute(v, identifier, item))
                for k, v in body[2].items()
            ]
            entries.extend(_expand(outputs, (*here, 2), collection, warnings, count))
    return entries


def expand_in_mapping(value: dict[str, Any], collection: Callable[[Any], Any]) -> dict[str, Any] | Unknown:
    """A mapping (a resource's Properties, a property's value) with its ``Fn::ForEach::`` keys expanded in
    place; ``Unknown`` when a loop cannot be (its collection unknown, its shape not a loop's)."""
    result: dict[str, Any] = {}
    iterations = 0
    for key, body in value.items():
        if not key.startswith("Fn::ForEach::"):
            result[key] = body
            continue
        if not (
            isinstance(body, list)
            and len(body) == 3
            and isinstance(body[0], str)
            and isinstance(body[2], dict)
        ):
            return Unknown(f"{key} is malformed (expected [identifier, collection, template])")
        values = collection(body[1])
        if not isinstance(values, list):
            reason = values.reason if isinstance(values, Unknown) else "not a list"
            return Unknown(f"{key} not expanded: its collection cannot be evaluated ({reason})")
        for item in values:
            iterations += 1
            if iterations > MAX_ITERATIONS:
                return Unknown(f"{key}: loops iterate more than {MAX_ITERATIONS:,} times")
            text = item if isinstance(item, str) else str(item)
            expanded = _substitute(body[2], body[0], text)
            inner = expand_in_mapping(expanded, collection) if isinstance(expanded, dict) else expanded
            if not isinstance(inner, dict):
                return inner if isinstance(inner, Unknown) else Unknown(f"{key} makes no mapping")
            result.update(inner)
    return result


def _substitute(value: Any, identifier: str, item: str) -> Any:
    if isinstance(value, str):
        alnum = re.sub(r"[^A-Za-z0-9]", "", item)
        return value.replace("${" + identifier + "}", item).replace("&{" + identifier + "}", alnum)
    if isinstance(value, list):
        return [_substitute(element, identifier, item) for element in value]
    if isinstance(value, dict):
        if value == {"Ref": identifier}:
            return item
        return {_substitute(k, identifier, item): _substitute(v, identifier, item) for k, v in value.items()}
    return value
