"""sarif-om objects to SARIF JSON: schema property names, no ``None``, no values equal to the default.

sarif-om's classes are attrs classes with Python attribute names; each field carries the SARIF name in
its ``schema_property_name`` metadata. Property bags are plain dicts here because sarif-om's
``PropertyBag`` has a field for ``tags`` only and SARIF bags are open-ended.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

import attr

# Omitting these would be legal (readers fall back to a default) but a reader would then have to know the
# default to tell a warning from an error; results and rule configurations say their level outright.
ALWAYS_WRITTEN = frozenset({"level", "kind"})


_NO_DEFAULT = object()


@dataclass(frozen=True)
class _Field:
    attribute: str
    name: str
    default: Any


@cache
def _fields(kind: Any) -> tuple[_Field, ...] | None:
    """Each field's attribute, SARIF name and default (a factory's product, made once) of an attrs class;
    None for any other type."""
    if not attr.has(kind):
        return None
    found = []
    for field in attr.fields(kind):
        default = field.default
        if default is attr.NOTHING:
            default = _NO_DEFAULT
        elif isinstance(default, attr.Factory):  # type: ignore[arg-type]
            default = default.factory()
        name = field.metadata.get("schema_property_name", field.name)
        found.append(_Field(field.name, name, _NO_DEFAULT if name in ALWAYS_WRITTEN else default))
    return tuple(found)


def _is_default(default: Any, value: Any) -> bool:
    # ``type`` first: 1 == True and 0 == False must not drop a real value.
    return default is not _NO_DEFAULT and type(value) is type(default) and bool(value == default)


def to_sarif(value: Any) -> Any:
    """Plain JSON-ready data for a sarif-om object, a dict, a sequence or a scalar."""
    kind: Any = type(value)
    if kind is str or kind is int or kind is bool or value is None:
        return value
    fields = _fields(kind)
    if fields is not None:
        out: dict[str, Any] = {}
        for field in fields:
            item = getattr(value, field.attribute)
            if item is None or _is_default(field.default, item):
                continue
            out[field.name] = to_sarif(item)
        return out
    if isinstance(value, Mapping):
        return {str(key): to_sarif(item) for key, item in value.items() if item is not None}
    if isinstance(value, list | tuple):
        return [to_sarif(item) for item in value]
    return value
