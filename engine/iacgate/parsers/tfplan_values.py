"""A plan's root variables and outputs as ``terraform_plan_value`` nodes (#17 §3), so that a rule can tell
where a value the configuration marks sensitive sits unmasked in the plan.

``terraform show -json`` writes every value in clear. It marks root outputs with
``planned_values.outputs.<name>.sensitive``, but the values of root variables in ``variables`` carry no
marking at all: a tool that reads the plan (a PR comment bot, a plan viewer, a log) cannot know to mask
them. Each node holds the shape only, never a value: ``kind`` (``variable`` or ``output``), ``name``,
``configured_sensitive`` (``sensitive = true`` in the plan's ``configuration``), ``marked`` (the plan's own
``sensitive`` marking; None where the plan format has none, as for variables) and ``shown`` (True when a
known value is written in clear, False when none is, Unknown when it is known only after apply).
Ids are ``var.<name>`` and ``output.<name>``. Built only when a rule judges the type.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from iacgate.graph.model import Resource, SourceLocation, Unknown
from iacgate.parsers import node_types
from iacgate.parsers.tfplan_lines import top_level_value

TYPE = node_types.PLAN_VALUE
_NO_REGION = Unknown("a plan value has no region")
_AFTER_APPLY = Unknown("known after apply")


def _mapping(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def _line(text: str, section: tuple[str, ...], name: str) -> int:
    """The line of ``"<name>":`` under the document's own first key of ``section``, then the first
    occurrence of each next key in turn (1 when not found: a minified plan is one line anyway)."""
    top = top_level_value(text, section[0]) if section else None
    at = top or 0
    for key in section[1:] if top is not None else section:
        found = text.find(f'"{key}"', at)
        if found < 0:
            return 1
        at = found
    found = text.find(f'"{name}"', at)
    return text.count("\n", 0, found) + 1 if found >= 0 else 1


def _node(kind: str, name: str, file: str, line: int, attributes: dict[str, Any]) -> Resource:
    return Resource(
        id=f"{'var' if kind == 'variable' else 'output'}.{name}",
        format="terraform-plan",
        native_type=TYPE,
        type=TYPE,
        provider="terraform",
        region=_NO_REGION,
        region_source="none",
        attributes={"kind": kind, "name": name, **attributes},
        tags={},
        location=SourceLocation(file, line, line, {}),
    )


def value_nodes(document: Mapping[str, Any], text: str, file: str) -> Iterator[Resource]:
    """The nodes of the plan's root variables and outputs."""
    root = _mapping(_mapping(document.get("configuration")).get("root_module"))
    declared_variables = _mapping(root.get("variables"))
    declared_outputs = _mapping(root.get("outputs"))
    for name, given in sorted(_mapping(document.get("variables")).items()):
        declared = _mapping(declared_variables.get(name))
        yield _node(
            "variable",
            name,
            file,
            _line(text, ("variables",), name),
            {
                "configured_sensitive": declared.get("sensitive") is True,
                "marked": None,
                "shown": _mapping(given).get("value") is not None,
            },
        )
    planned = _mapping(_mapping(document.get("planned_values")).get("outputs"))
    for name in sorted(set(planned) | set(declared_outputs)):
        output = _mapping(planned.get(name))
        declared = _mapping(declared_outputs.get(name))
        if "value" in output:
            shown: Any = output.get("value") is not None
        else:
            shown = _AFTER_APPLY if name in planned else False
        yield _node(
            "output",
            name,
            file,
            _line(text, ("planned_values", "outputs"), name) if name in planned else 1,
            {
                "configured_sensitive": declared.get("sensitive") is True,
                "marked": output.get("sensitive") is True if name in planned else None,
                "shown": shown,
            },
        )
