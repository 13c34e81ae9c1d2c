"""A template's parameters as ``cloudformation_parameter`` nodes (#17 §3), so rules can judge how they
treat secrets: whether a parameter that carries one is declared ``NoEcho: true``. A node holds the
declaration's shape, never a value: name (and its snake_case form), Type, NoEcho and whether a Default is
written. Built only when a rule judges the type (``ParseOptions.config_nodes``)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from iacgate.graph.model import Resource, SourceLocation, Unknown
from iacgate.parsers import node_types
from iacgate.parsers.cloudformation.loaded import Loaded

PARAMETER_TYPE = node_types.CLOUDFORMATION_PARAMETER
_BOUNDARY = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
_NO_REGION = Unknown("a parameter has no region")


def snake_name(name: str) -> str:
    """``DBMasterPassword`` -> ``db_master_password``, ``ApiKey`` -> ``api_key``."""
    return _BOUNDARY.sub("_", name).replace("-", "_").lower()


def parameter_nodes(loaded: Loaded, relative: str) -> Iterator[Resource]:
    declared = loaded.value.get("Parameters") if isinstance(loaded.value, dict) else None
    if not isinstance(declared, dict):
        return
    for name, spec in declared.items():
        if not isinstance(spec, dict):
            continue
        path = ("Parameters", name)
        start = loaded.lines.get(path, 1)
        end = max(loaded.ends.get(path, start), start)
        lines = {
            "no_echo": loaded.lines.get((*path, "NoEcho"), start),
            "default": loaded.lines.get((*path, "Default"), start),
        }
        no_echo = spec.get("NoEcho")
        yield Resource(
            id=str(name),
            format="cloudformation",
            native_type="AWS::CloudFormation::Parameter",
            type=PARAMETER_TYPE,
            provider="aws",
            region=_NO_REGION,
            region_source="none",
            attributes={
                "name": str(name),
                "snake_name": snake_name(str(name)),
                "parameter_type": str(spec.get("Type", "String")),
                "no_echo": no_echo if isinstance(no_echo, bool | str) else None,
                "has_default": "Default" in spec,
            },
            tags={},
            location=SourceLocation(relative, start, end, lines),
        )
