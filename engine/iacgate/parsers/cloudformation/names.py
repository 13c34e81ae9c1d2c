"""Type and property names: the data table (``parsers/data/cloudformation_types.json``) and the
mechanical PascalCase -> snake_case rule (``iacgate.casing``) used where the table says nothing."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from iacgate.casing import snake

_TABLE = Path(__file__).resolve().parent.parent / "data" / "cloudformation_types.json"


@dataclass(frozen=True)
class TypeInfo:
    canonical: str
    renames: Mapping[str, str]
    known: bool


@dataclass(frozen=True)
class TypeTable:
    types: Mapping[str, Mapping[str, Any]]
    verbatim: frozenset[str]

    def lookup(self, native: str) -> TypeInfo:
        entry = self.types.get(native)
        if entry is None:
            # Unknown types keep a mechanical name no rule routes on, so nothing is judged by a wrong rule.
            parts = [snake(part) for part in re.split(r"::|[^A-Za-z0-9]+", native) if part]
            return TypeInfo("cfn_" + "_".join(parts), {}, False)
        return TypeInfo(str(entry["type"]), dict(entry.get("renames", {})), True)


@cache
def type_table() -> TypeTable:
    data = json.loads(_TABLE.read_text(encoding="utf-8"))
    return TypeTable(data["types"], frozenset(data.get("verbatim_properties", ())))
