"""SARIF objects as plain dicts, built directly with SARIF's property names.

sarif-om is the model: each builder here is named after a sarif-om class and takes that class's Python
field names; it writes the fields in the class's order under their SARIF names, leaves out ``None`` and
any value equal to the class's default (of the same type: ``1 == True`` must not drop a real value), and
always writes ``level`` and ``kind`` (a reader should not need to know the default to tell a warning from
an error). Building sarif-om's attrs objects and converting them by reflection cost a 1,000-resource scan
0.1 s, and importing sarif-om 50 ms more; ``tests/report/test_sarif_node.py`` checks every table here
against sarif-om's classes and every builder against that conversion.

Property bags stay open-ended dicts (sarif-om's ``PropertyBag`` has a field for ``tags`` only); ``None``
inside them is left out too.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any


class Node(dict[str, Any]):
    """A SARIF object as written: SARIF names, nothing ``None``, nothing equal to its default."""


# Per sarif-om class: the fields iacgate writes, in the class's order; where the SARIF name is not the
# field's camelCase, (field, name).
FIELDS: dict[str, tuple[str | tuple[str, str], ...]] = {
    "SarifLog": ("runs", "version", ("schema_uri", "$schema")),
    "Run": (
        "tool",
        "artifacts",
        "automation_details",
        "column_kind",
        "invocations",
        "original_uri_base_ids",
        "properties",
        "results",
        "taxonomies",
        "version_control_provenance",
    ),
    "Tool": ("driver",),
    "ToolComponent": (
        "name",
        "full_description",
        "full_name",
        "is_comprehensive",
        "properties",
        "rules",
        "semantic_version",
        "short_description",
        "supported_taxonomies",
        "taxa",
        "version",
    ),
    "ToolComponentReference": ("index", "name"),
    "ReportingDescriptor": (
        "id",
        "default_configuration",
        "full_description",
        "help",
        "help_uri",
        "name",
        "properties",
        "relationships",
        "short_description",
    ),
    "ReportingDescriptorReference": ("id", "index", "tool_component"),
    "ReportingDescriptorRelationship": ("target", "kinds"),
    "ReportingConfiguration": ("enabled", "level", "rank"),
    "MultiformatMessageString": ("text", "markdown"),
    "Message": ("text",),
    "Result": (
        "message",
        "baseline_state",
        "kind",
        "level",
        "locations",
        "partial_fingerprints",
        "properties",
        "related_locations",
        "rule_id",
        "rule_index",
        "suppressions",
    ),
    "Location": ("id", "logical_locations", "message", "physical_location"),
    "PhysicalLocation": ("artifact_location", "region"),
    "ArtifactLocation": ("description", "index", "uri", "uri_base_id"),
    "Region": ("end_column", "end_line", "start_column", "start_line"),
    "LogicalLocation": ("fully_qualified_name", "kind", "name"),
    "Artifact": ("location", "properties", "roles"),
    "Notification": ("message", "level", "locations"),
    "Invocation": (
        "execution_successful",
        "end_time_utc",
        "exit_code",
        "properties",
        "start_time_utc",
        "tool_execution_notifications",
    ),
    "RunAutomationDetails": ("id",),
    "VersionControlDetails": ("repository_uri", "branch", "mapped_to", "properties", "revision_id"),
}

# sarif-om's defaults of those fields that have one other than None. A value equal to one is left out,
# except for ALWAYS_WRITTEN fields, which are written, with the default when the caller gives none.
DEFAULTS: dict[str, dict[str, Any]] = {
    "ReportingDescriptorReference": {"index": -1},
    "ToolComponentReference": {"index": -1},
    "ReportingDescriptorRelationship": {"kinds": ["relevant"]},
    "ReportingConfiguration": {"enabled": True, "level": "warning", "rank": -1.0},
    "Result": {"kind": "fail", "level": "warning", "rule_index": -1},
    "Location": {"id": -1},
    "ArtifactLocation": {"index": -1},
    "Notification": {"level": "warning"},
}
ALWAYS_WRITTEN = frozenset({"level", "kind"})

_MISSING = object()


def camel(field: str) -> str:
    first, *rest = field.split("_")
    return first + "".join(part[:1].upper() + part[1:] for part in rest)


# Values written as they are: a Node is already written, scalars are JSON.
_AS_IS = frozenset({Node, str, int, bool, float, type(None)})


def plain(value: Any) -> Any:
    """JSON-ready data: a Node as it is, mappings without ``None`` values, tuples as lists."""
    if type(value) in _AS_IS:
        return value
    if isinstance(value, Mapping):
        return {str(key): plain(item) for key, item in value.items() if item is not None}
    if isinstance(value, list | tuple):
        return [plain(item) for item in value]
    return value


def _builder(kind: str) -> Callable[..., Node]:
    defaults = DEFAULTS.get(kind, {})
    # (field, SARIF name, default, written even when equal to the default)
    spec = []
    for entry in FIELDS[kind]:
        field, name = entry if isinstance(entry, tuple) else (entry, camel(entry))
        # A field written always (level, kind) is written with its default when the caller gives none.
        always = field in ALWAYS_WRITTEN and field in defaults
        spec.append((field, name, defaults.get(field, _MISSING), always))
    known = frozenset(field for field, _name, _default, _always in spec)

    def build(**values: Any) -> Node:
        unknown = values.keys() - known
        if unknown:
            raise TypeError(f"{kind}() got unexpected fields {sorted(unknown)}")
        node = Node()
        for field, name, default, always in spec:
            value = values.get(field, default if always else None)
            if value is None:
                continue
            if not always and type(value) is type(default) and value == default:
                continue
            node[name] = plain(value)
        return node

    build.__name__ = kind
    return build


SarifLog = _builder("SarifLog")
Run = _builder("Run")
Tool = _builder("Tool")
ToolComponent = _builder("ToolComponent")
ToolComponentReference = _builder("ToolComponentReference")
ReportingDescriptor = _builder("ReportingDescriptor")
ReportingDescriptorReference = _builder("ReportingDescriptorReference")
ReportingDescriptorRelationship = _builder("ReportingDescriptorRelationship")
ReportingConfiguration = _builder("ReportingConfiguration")
MultiformatMessageString = _builder("MultiformatMessageString")
Message = _builder("Message")
Result = _builder("Result")
Location = _builder("Location")
PhysicalLocation = _builder("PhysicalLocation")
ArtifactLocation = _builder("ArtifactLocation")
Region = _builder("Region")
LogicalLocation = _builder("LogicalLocation")
Artifact = _builder("Artifact")
Notification = _builder("Notification")
Invocation = _builder("Invocation")
RunAutomationDetails = _builder("RunAutomationDetails")
VersionControlDetails = _builder("VersionControlDetails")
