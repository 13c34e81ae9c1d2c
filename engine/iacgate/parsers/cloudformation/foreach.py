"""``Fn::ForEach`` (AWS::LanguageExtensions): loops in ``Resources`` expanded before anything is resolved."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from iacgate.graph.model import Unknown
from iacgate.parsers.cloudformation.loaded import Entry, Path


def expand_for_each(
    resources: dict[str, Any], origin: Path, collection: Callable[[Any, Path], Any], warnings: list[str]
) -> list[Entry]:
    """``origin`` + the template key (not the substituted one) is where each output's lines are."""
    return _expand([(key, key, body) for key, body in resources.items()], origin, collection, warnings)


def _expand(
    items: list[tuple[str, str, Any]],
    origin: Path,
    collection: Callable[[Any, Path], Any],
    warnings: list[str],
) -> list[Entry]:
    entries: list[Entry] = []
    for key, written, body in items:
        if not key.startswith("Fn::ForEach::"):
            entries.append(Entry(key, body, (*origin, written)))
            continue
        here = (*origin, written)
        if not (
            isinstance(body, list)
            and len(body) == 3
            and isinstance(body[0], str)
            and isinstance(body[2], dict)
        ):
            warnings.append(f"{key} is malformed (expected [identifier, collection, template]); not expanded")
            continue
        identifier, values = body[0], collection(body[1], (*here, 1))
        if not isinstance(values, list):
            reason = values.reason if isinstance(values, Unknown) else "not a list"
            warnings.append(f"{key} not expanded: its collection cannot be evaluated ({reason})")
            continue
        for value in values:
            item = value if isinstance(value, str) else str(value)
            outputs = [
                (_substitute(k, identifier, item), k, _substitute(v, identifier, item))
                for k, v in body[2].items()
            ]
            entries.extend(_expand(outputs, (*here, 2), collection, warnings))
    return entries


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
