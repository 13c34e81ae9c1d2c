"""sarif-om objects to SARIF JSON: schema property names, no ``None``, no values equal to the default.

sarif-om's classes are attrs classes with Python attribute names; each field carries the SARIF name in
its ``schema_property_name`` metadata. Property bags are plain dicts here because sarif-om's
``PropertyBag`` has a field for ``tags`` only and SARIF bags are open-ended.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attr

# Omitting these would be legal (readers fall back to a default) but a reader would then have to know the
# default to tell a warning from an error; results and rule configurations say their level outright.
ALWAYS_WRITTEN = frozenset({"level", "kind"})


def _is_default(field: Any, value: Any) -> bool:
    default = field.default
    if default is attr.NOTHING:
        return False
    if isinstance(default, attr.Factory):  # type: ignore[arg-type]
        default = default.factory()
    # ``type`` first: 1 == True and 0 == False must not drop a real value.
    return type(value) is type(default) and bool(value == default)


def to_sarif(value: Any) -> Any:
    """Plain JSON-ready data for a sarif-om object, a dict, a sequence or a scalar."""
    if attr.has(type(value)):
        out: dict[str, Any] = {}
        for field in attr.fields(type(value)):
            item = getattr(value, field.name)
            if item is None:
                continue
            name = field.metadata.get("schema_property_name", field.name)
            if name not in ALWAYS_WRITTEN and _is_default(field, item):
                continue
            out[name] = to_sarif(item)
        return out
    if isinstance(value, Mapping):
        return {str(key): to_sarif(item) for key, item in value.items() if item is not None}
    if isinstance(value, list | tuple):
        return [to_sarif(item) for item in value]
    return value
