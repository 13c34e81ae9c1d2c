"""The four files Pulumi writes that hold resource states, reduced to one list of states per file.

1. ``pulumi preview --json``: ``{"config", "steps": [{"op", "urn", "newState", ...}]}``.
2. Engine events (streamed preview, ``pulumi up --json``): NDJSON, one ``{sequence, timestamp, <kind>Event}``
   per line; ``resourcePreEvent.metadata`` carries ``op`` and the ``new`` state.
3. ``pulumi stack export``: ``{"version": 3, "deployment": {"resources": [...]}}``.
4. Backend checkpoints: ``{"version", "checkpoint": {"config", "latest": <deployment>}}``, or the
   unversioned ``{"target", "latest"}`` (v0); v0/v1 resources carry ``defaults`` beside ``inputs``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from iacgate.errors import ParseError, Position
from iacgate.parsers.pulumi.jsonpos import Lines, Node, loads, locate
from iacgate.textio import SourceFile

# Steps that only remove something: what they touch will not exist after the update, so it is not judged.
DELETE_ONLY_OPS = frozenset(
    {"delete", "delete-replaced", "discard", "discard-replaced", "remove-pending-replace", "read-discard"}
)
_EVENT_KEY = re.compile(r'[a-zA-Z]Event"\s*:')


@dataclass(frozen=True)
class State:
    """One resource state to turn into a graph resource, with where it is in the file."""

    state: Mapping[str, Any]
    node: Node | None
    start_line: int
    end_line: int
    op: str | None = None
    with_outputs: bool = False


@dataclass(frozen=True)
class Document:
    shape: str
    states: tuple[State, ...]
    config: Mapping[str, Any]
    lines: Lines | None


def first_line(text: str) -> str:
    stripped = text.lstrip()
    end = stripped.find("\n")
    return stripped if end < 0 else stripped[:end]


def is_event_stream(text: str) -> bool:
    """Engine events are one compact object per line, each opening with ``sequence`` and ``timestamp``."""
    line = first_line(text).rstrip()
    head = line[:200]
    return (
        line.startswith("{")
        and line.endswith("}")
        and ('"sequence"' in head or '"timestamp"' in head)
        and _EVENT_KEY.search(line) is not None
    )


def read_document(source: SourceFile) -> Document:
    if is_event_stream(source.text):
        return _events(source)
    data = loads(source.text, source.relative)
    if not isinstance(data, dict):
        raise ParseError(Position(source.relative, 1, 1), "not a Pulumi file: the top level is not an object")
    lines = Lines(source.text)
    root = locate(source.text)
    if isinstance(data.get("steps"), list):
        return _preview(data, root, lines)
    if isinstance(data.get("deployment"), dict):
        deployment = data["deployment"]
        return _deployment("stack-export", deployment, _member(root, "deployment"), deployment, lines)
    if isinstance(data.get("checkpoint"), dict):
        checkpoint = data["checkpoint"]
        latest = checkpoint.get("latest") or {}
        latest_node = _member(_member(root, "checkpoint"), "latest")
        shape = f"checkpoint-v{data.get('version', '?')}"
        return _deployment(shape, latest, latest_node, checkpoint, lines)
    if "latest" in data and "target" in data:
        return _deployment("checkpoint-v0", data.get("latest") or {}, _member(root, "latest"), data, lines)
    raise ParseError(
        Position(source.relative, 1, 1),
        "not a Pulumi file: expected a preview (steps), a stack export (deployment) or a checkpoint",
    )


def _member(node: Node | None, key: str) -> Node | None:
    return node.member(key) if node is not None else None


def _config(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, dict) else {}


def _span(node: Node | None, lines: Lines) -> tuple[int, int]:
    if node is None:
        return 1, 1
    return lines(node.start), lines(max(node.end - 1, node.start))


def _unique(states: Iterable[State]) -> tuple[State, ...]:
    # A replacement shows one URN several times (replace, create-replacement, ...): keep the first.
    seen: dict[str, State] = {}
    for state in states:
        urn = state.state.get("urn")
        if isinstance(urn, str) and urn and urn not in seen:
            seen[urn] = state
    return tuple(seen.values())


def _preview(data: Mapping[str, Any], root: Node | None, lines: Lines) -> Document:
    steps_node = _member(root, "steps")
    states: list[State] = []
    for index, step in enumerate(data["steps"]):
        if not isinstance(step, dict) or step.get("op") in DELETE_ONLY_OPS:
            continue
        new = step.get("newState")
        if not isinstance(new, dict):
            continue
        if not new.get("provider") and step.get("provider"):
            new = {**new, "provider": step["provider"]}
        node = _member(steps_node.item(index) if steps_node else None, "newState")
        start, end = _span(node, lines)
        states.append(State(new, node, start, end, op=str(step.get("op"))))
    return Document("preview", _unique(states), _config(data.get("config")), lines)


def _deployment(
    shape: str, deployment: Mapping[str, Any], node: Node | None, holder: Mapping[str, Any], lines: Lines
) -> Document:
    resources = deployment.get("resources") or []
    resources_node = _member(node, "resources")
    states: list[State] = []
    for index, resource in enumerate(resources if isinstance(resources, list) else []):
        # ``delete`` marks the old copy of a replaced resource, waiting to be deleted.
        if not isinstance(resource, dict) or resource.get("delete") or resource.get("pendingReplacement"):
            continue
        item = resources_node.item(index) if resources_node else None
        start, end = _span(item, lines)
        states.append(State(resource, item, start, end, with_outputs=True))
    config = {**_config(holder.get("config")), **_config(deployment.get("config"))}
    return Document(shape, _unique(states), config, lines)


def _events(source: SourceFile) -> Document:
    states: list[State] = []
    config: dict[str, Any] = {}
    for number, line in enumerate(source.text.splitlines(), start=1):
        if not line.strip():
            continue
        event = loads(line, source.relative, line_offset=number - 1, what=f"line {number} is not valid JSON")
        if not isinstance(event, dict):
            raise ParseError(Position(source.relative, number, 1), f"line {number} is not a JSON object")
        prelude = event.get("preludeEvent")
        if isinstance(prelude, dict):
            config.update(_config(prelude.get("config")))
        for kind in ("resourcePreEvent", "resOutputsEvent"):
            payload = event.get(kind)
            metadata = payload.get("metadata") if isinstance(payload, dict) else None
            if not isinstance(metadata, dict) or metadata.get("op") in DELETE_ONLY_OPS:
                continue
            new = metadata.get("new")
            if not isinstance(new, dict):
                continue
            if not new.get("provider") and metadata.get("provider"):
                new = {**new, "provider": metadata["provider"]}
            states.append(State(new, None, number, number, op=str(metadata.get("op"))))
    return Document("engine-events", _unique(states), config, None)
