"""The four files Pulumi writes that hold resource states, reduced to one list of states per file.

1. ``pulumi preview --json``: ``{"config", "steps": [{"op", "urn", "newState", ...}]}``.
2. Engine events (streamed preview, ``pulumi up --json``): NDJSON, one ``{sequence, timestamp, <kind>Event}``
   per line; ``resourcePreEvent.metadata`` carries ``op`` and the ``new`` state.
3. ``pulumi stack export``: ``{"version": 3, "deployment": {"resources": [...]}}``.
4. Backend checkpoints: ``{"version", "checkpoint": {"config", "latest": <deployment>}}``, or the
   unversioned ``{"target", "latest"}`` (v0); v0/v1 resources carry ``defaults`` beside ``inputs``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from iacgate.errors import ParseError, Position
from iacgate.parsers.claims import is_event_stream
from iacgate.parsers.jsontext import kind
from iacgate.parsers.pulumi.jsonpos import Lines, Node, loads, locate
from iacgate.parsers.pulumi.states import DELETE_ONLY_OPS, SUPPORTED_VERSIONS, state_problem, step_problem
from iacgate.textio import SourceFile


@dataclass(frozen=True)
class State:
    """One resource state to turn into a graph resource, with where it is in the file."""

    state: Mapping[str, Any]
    node: Node | None
    start_line: int
    end_line: int
    op: str | None = None
    with_outputs: bool = False
    # Previews: the state before the step (``oldState``), and the properties forcing a replacement.
    old: Mapping[str, Any] | None = None
    replace_reasons: tuple[str, ...] = ()
    deleted: bool = False


@dataclass(frozen=True)
class Document:
    shape: str
    states: tuple[State, ...]
    config: Mapping[str, Any]
    lines: Lines | None
    # A stack export's or checkpoint's secrets provider (``passphrase``, ``service``, ``awskms``...) and the
    # line of ``secrets_providers``; None where the file does not say (previews, engine events).
    secrets_provider: str | None = None
    secrets_provider_line: int = 1


def read_document(source: SourceFile) -> Document:
    if is_event_stream(source.text):
        return _events(source)
    data = loads(source.text, source.relative)
    if not isinstance(data, dict):
        raise ParseError(Position(source.relative, 1, 1), "not a Pulumi file: the top level is not an object")
    reader = _Reader(source.relative, Lines(source.text), locate(source.text))
    if "steps" in data:
        return reader.preview(data)
    if "deployment" in data:
        deployment = reader.versioned(data, "deployment", "a stack export")
        return reader.deployment("stack-export", deployment, reader.member(reader.root, "deployment"), data)
    if "checkpoint" in data:
        checkpoint = reader.versioned(data, "checkpoint", "a checkpoint")
        latest = reader.object(checkpoint.get("latest"), "checkpoint.latest", ("checkpoint", "latest"))
        latest_node = reader.member(reader.member(reader.root, "checkpoint"), "latest")
        shape = f"checkpoint-v{data['version']}"
        return reader.deployment(shape, latest, latest_node, checkpoint, "checkpoint.latest")
    if "latest" in data and "target" in data:
        latest = reader.object(data.get("latest"), "latest", ("latest",))
        return reader.deployment(
            "checkpoint-v0", latest, reader.member(reader.root, "latest"), data, "latest"
        )
    raise ParseError(
        Position(source.relative, 1, 1),
        "not a Pulumi file: expected a preview (steps), a stack export (deployment) or a checkpoint",
    )


def _config(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, dict) else {}


def _span(node: Node | None, lines: Lines) -> tuple[int, int]:
    if node is None:
        return 1, 1
    return lines(node.start), lines(max(node.end - 1, node.start))


def _destroyable(state: Mapping[str, Any]) -> bool:
    """A custom resource (not a component or a provider): what a delete step really destroys."""
    return bool(state.get("custom")) and not str(state.get("type", "")).startswith("pulumi:providers:")


def _unique(states: Iterable[State]) -> tuple[State, ...]:
    # A replacement shows one URN several times (replace, create-replacement, ...): keep the first, but
    # never a deleted copy over one that exists after the update, wherever the steps stand.
    seen: dict[str, State] = {}
    for state in states:
        urn = state.state["urn"]
        if urn not in seen or (seen[urn].deleted and not state.deleted):
            seen[urn] = state
    return tuple(seen.values())


class _Reader:
    """One JSON document's states; a part of the wrong shape is a ``ParseError`` at its line."""

    def __init__(self, file: str, lines: Lines, root: Node | None) -> None:
        self.file = file
        self.lines = lines
        self.root = root

    @staticmethod
    def member(node: Node | None, key: str) -> Node | None:
        return node.member(key) if node is not None else None

    def line(self, keys: tuple[str, ...]) -> int:
        """The line of the key at the end of ``keys`` (a path of object members from the top)."""
        node, line = self.root, 1
        for key in keys:
            entry = node.keys.get(key) if node is not None else None
            if entry is None:
                break
            line = self.lines(entry[0])
            node = entry[1]
        return line

    def fail(self, line: int, message: str) -> ParseError:
        return ParseError(Position(self.file, line), f"not a valid Pulumi file: {message}")

    def object(self, value: Any, path: str, keys: tuple[str, ...]) -> Mapping[str, Any]:
        """An optional object member: ``null`` or absent is empty, anything else but an object an error."""
        if value is None:
            return {}
        if not isinstance(value, dict):
            raise self.fail(self.line(keys), f"{path} is {kind(value)}, expected an object")
        return value

    def versioned(self, data: Mapping[str, Any], key: str, what: str) -> Mapping[str, Any]:
        version = data.get("version")
        if isinstance(version, bool) or not isinstance(version, int):
            raise self.fail(self.line(("version",)), f"{what} needs a version number, not {kind(version)}")
        if version not in SUPPORTED_VERSIONS:
            raise ParseError(
                Position(self.file, self.line(("version",))),
                f"unsupported Pulumi {key} version {version}: iacgate reads versions "
                f"{min(SUPPORTED_VERSIONS)} to {max(SUPPORTED_VERSIONS)}",
            )
        value = data.get(key)
        if not isinstance(value, dict):
            raise self.fail(self.line((key,)), f"{key} is {kind(value)}, expected an object")
        return value

    def preview(self, data: Mapping[str, Any]) -> Document:
        steps = data["steps"]
        if not isinstance(steps, list):
            raise self.fail(self.line(("steps",)), f"steps is {kind(steps)}, expected a list")
        steps_node = self.member(self.root, "steps")
        states: list[State] = []
        for index, step in enumerate(steps):
            item = steps_node.item(index) if steps_node else None
            problem = step_problem(step, "newState")
            if problem is not None:
                raise self.fail(_span(item, self.lines)[0], f"steps[{index}] {problem}")
            old = step.get("oldState")
            if old is not None:
                problem = state_problem(old)
                if problem is not None:
                    raise self.fail(_span(item, self.lines)[0], f"steps[{index}] oldState {problem}")
            if step["op"] in DELETE_ONLY_OPS:
                # A resource the update destroys: kept, from its old state, for rules that judge changes.
                if step["op"] == "delete" and old is not None and _destroyable(old):
                    node = self.member(item, "oldState")
                    start, end = _span(node, self.lines)
                    states.append(State(old, node, start, end, op="delete", old=old, deleted=True))
                continue
            new = step["newState"]
            if not new.get("provider") and step.get("provider"):
                new = {**new, "provider": step["provider"]}
            node = self.member(item, "newState")
            start, end = _span(node, self.lines)
            reasons = step.get("replaceReasons")
            replace_reasons = (
                tuple(r for r in reasons if isinstance(r, str)) if isinstance(reasons, list) else ()
            )
            states.append(
                State(new, node, start, end, op=step["op"], old=old, replace_reasons=replace_reasons)
            )
        config = self.object(data.get("config"), "config", ("config",))
        return Document("preview", _unique(states), config, self.lines)

    def deployment(
        self,
        shape: str,
        deployment: Mapping[str, Any],
        node: Node | None,
        holder: Mapping[str, Any],
        path: str = "deployment",
    ) -> Document:
        resources = deployment.get("resources")
        resources_node = self.member(node, "resources")
        if resources is not None and not isinstance(resources, list):
            line = self.lines(node.keys["resources"][0]) if node and "resources" in node.keys else 1
            raise self.fail(line, f"{path}.resources is {kind(resources)}, expected a list")
        states: list[State] = []
        pending: list[State] = []
        for index, resource in enumerate(resources or ()):
            item = resources_node.item(index) if resources_node else None
            start, end = _span(item, self.lines)
            problem = state_problem(resource)
            if problem is not None:
                # A scalar in the list has no node of its own: the list's line says where it is.
                line = start if item is not None else _span(resources_node, self.lines)[0]
                raise self.fail(line, f"{path}.resources[{index}] {problem}")
            # ``delete`` marks the old copy of a replaced resource, waiting to be deleted.
            if resource.get("delete"):
                continue
            # ``pendingReplacement``: a resource deleted before its replacement is created, which may not
            # exist yet. It is judged unless its replacement is there.
            state = State(resource, item, start, end, with_outputs=True)
            (pending if resource.get("pendingReplacement") else states).append(state)
        current = {state.state["urn"] for state in states}
        states += [state for state in pending if state.state["urn"] not in current]
        config = {**self._config(holder, path), **self._config(deployment, path)}
        providers = deployment.get("secrets_providers")
        kind_name = _secrets_provider(providers)
        line = (
            self.lines(node.keys["secrets_providers"][0]) if node and "secrets_providers" in node.keys else 1
        )
        return Document(
            shape,
            _unique(states),
            config,
            self.lines,
            kind_name,
            line,
        )

    def _config(self, holder: Mapping[str, Any], path: str) -> Mapping[str, Any]:
        value = holder.get("config")
        if value is None or isinstance(value, dict):
            return value or {}
        raise self.fail(1, f"the config beside {path} is {kind(value)}, expected an object")


def _secrets_provider(providers: Any) -> str | None:
    """The secrets provider a stack names: its ``type`` (passphrase, service, b64), or for ``cloud`` (the
    one type Pulumi writes for every KMS provider) the scheme of its key's URL: awskms, azurekeyvault,
    gcpkms, hashivault."""
    if not isinstance(providers, dict) or not isinstance(providers.get("type"), str):
        return None
    kind_name = str(providers["type"])
    state = providers.get("state")
    url = state.get("url") if isinstance(state, dict) else None
    if kind_name == "cloud" and isinstance(url, str) and "://" in url:
        return url.split("://", 1)[0].lower() or kind_name
    return kind_name


def _events(source: SourceFile) -> Document:
    states: list[State] = []
    config: dict[str, Any] = {}
    for number, line in enumerate(source.text.splitlines(), start=1):
        if not line.strip():
            continue
        event = loads(line, source.relative, line_offset=number - 1, what=f"line {number} is not valid JSON")
        where = Position(source.relative, number, 1)
        if not isinstance(event, dict):
            raise ParseError(where, f"line {number} is not a JSON object")
        prelude = event.get("preludeEvent")
        if isinstance(prelude, dict):
            prelude_config = prelude.get("config")
            if prelude_config is not None and not isinstance(prelude_config, dict):
                raise ParseError(
                    where, f"not a valid Pulumi file: preludeEvent.config is {kind(prelude_config)}"
                )
            config.update(prelude_config or {})
        for key in ("resourcePreEvent", "resOutputsEvent"):
            payload = event.get(key)
            if payload is None:
                continue
            if not isinstance(payload, dict):
                raise ParseError(where, f"not a valid Pulumi file: {key} is {kind(payload)}")
            problem = step_problem(payload.get("metadata"), "new")
            if problem is not None:
                raise ParseError(where, f"not a valid Pulumi file: {key}.metadata {problem}")
            metadata = payload["metadata"]
            if metadata["op"] in DELETE_ONLY_OPS:
                continue
            new = metadata["new"]
            if not new.get("provider") and metadata.get("provider"):
                new = {**new, "provider": metadata["provider"]}
            states.append(State(new, None, number, number, op=metadata["op"]))
    return Document("engine-events", _unique(states), config, None)
