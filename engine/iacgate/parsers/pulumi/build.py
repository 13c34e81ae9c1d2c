"""Pulumi states -> graph resources and edges (one file at a time)."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import unquote

from iacgate.graph.model import DELETED, Change, Edge, RelatedLocation, Resource, SourceLocation, Unknown
from iacgate.parsers import node_types
from iacgate.parsers.base import ParseOptions, ParseResult
from iacgate.parsers.pulumi.properties import SECRETS_KEY, Converter
from iacgate.parsers.pulumi.providers import RegionContext, effective_region, provider_default_tags
from iacgate.parsers.pulumi.shapes import Document, State
from iacgate.parsers.pulumi.typemap import PROVIDER_PREFIX, TypeTable, mechanical, package_of
from iacgate.textio import SourceFile

FORMAT = node_types.PULUMI
_SOURCE_POSITION = re.compile(r"project://(?P<path>[^#]*)#(?P<line>\d+)(?:,\d+)?\Z")
_READ_OPS = frozenset({"read", "read-replacement"})
# Preview step ops in Terraform's action words (``Change.actions``); Pulumi replaces create-before-delete
# unless deleteBeforeReplace is set.
_ACTIONS: Mapping[str, tuple[str, ...]] = {
    "create": ("create",),
    "update": ("update",),
    "same": ("no-op",),
    "replace": ("create", "delete"),
    "create-replacement": ("create", "delete"),
    "delete": ("delete",),
    "read": ("read",),
    "read-replacement": ("read",),
    "refresh": ("no-op",),
    "import": ("no-op",),
    "import-replacement": ("create", "delete"),
}


@dataclass(frozen=True)
class _Converted:
    state: State
    attributes: dict[str, Any]
    lines: dict[str, int]
    converter: Converter


def mode_of(state: State) -> str:
    """Only "managed" resources are evaluated: components, providers and reads are context, not subjects."""
    token = str(state.state.get("type", ""))
    if token.startswith(PROVIDER_PREFIX):
        return "provider"
    if not state.state.get("custom"):
        return "component"
    if state.op in _READ_OPS or state.state.get("external"):
        return "data"
    return DELETED if state.deleted else "managed"


# Outputs of a stack export read into the resource: its identity (which references and names join on) and
# the provider's default tags merged into tags_all; never a setting the provider filled in.
_IDENTITY_OUTPUTS = frozenset({"id", "arn", "tagsAll"})


def _convert(state: State, table: TypeTable, document: Document) -> _Converted:
    token = str(state.state.get("type", ""))
    line_of = document.lines if state.node is not None else None
    masked = document.shape == "preview"
    converter = Converter(table.renames_for(token), table.map_properties, line_of, masked)
    attributes: dict[str, Any] = {}
    node = state.node
    for key, only_missing in (("inputs", False), ("defaults", True), ("outputs", True)):
        if key == "outputs" and not state.with_outputs:
            continue
        raw = state.state.get(key)
        if key == "outputs" and isinstance(raw, dict) and not token.startswith(PROVIDER_PREFIX):
            # Rules judge what the program declares, in a stack export as in a preview: the provider's
            # read-back (an S3 bucket's default SSE-S3 settings) would pass a resource in the export
            # that fails in every preview of the same program. Outputs only give what identifies it.
            raw = {name: value for name, value in raw.items() if name in _IDENTITY_OUTPUTS}
        if isinstance(raw, dict):
            converter.merge(raw, node.member(key) if node else None, attributes, only_missing)
    if converter.secrets:
        attributes[SECRETS_KEY] = sorted(converter.secrets)
    return _Converted(state, attributes, converter.lines, converter)


def _change(state: State, item: _Converted, table: TypeTable) -> Change | None:
    """A preview step's change: the old state's properties converted as the new ones are."""
    if state.op is None or state.op not in _ACTIONS:
        return None
    actions = _ACTIONS[state.op]
    # The engine keeps the old resource only when the state before the step says so: retainOnDelete set
    # by the program in the same update as a replacement applies to the next one (pulumi/pulumi#13428),
    # so a step without its old state destroys.
    if state.old is not None and state.old.get("retainOnDelete") is True and "delete" in actions:
        actions = tuple("forget" if action == "delete" else action for action in actions)
    before: dict[str, Any] | None = None
    if state.old is not None and ("update" in actions or "delete" in actions):
        if state.deleted:
            before = item.attributes
        else:
            token = str(state.old.get("type", ""))
            converter = Converter(table.renames_for(token), table.map_properties, None, True)
            before = {}
            # As the new state is read (inputs, then defaults): the two sides compare like for like.
            for key in ("inputs", "defaults"):
                raw = state.old.get(key)
                if isinstance(raw, dict):
                    converter.merge(raw, None, before, key == "defaults")
    paths = tuple((item.converter.name(reason),) for reason in state.replace_reasons)
    return Change(actions=actions, before=before, replace_paths=paths)


def _tags(attributes: Mapping[str, Any], defaults: Mapping[str, Any]) -> Mapping[str, Any]:
    # tags_all (an output) is the provider's default tags merged with the resource's; a preview may
    # not have it yet, so the provider's default tags are merged under the resource's own here too.
    own = attributes.get("tags")
    merged = {**defaults, **(own if isinstance(own, dict) else {})}
    every = attributes.get("tags_all")
    return {**merged, **every} if isinstance(every, dict) else merged


class _SourcePositions:
    """``project:///index.ts#12,5`` -> the program file in the scanned tree, looked up once per path."""

    def __init__(self, source: SourceFile, scan_root: Path) -> None:
        self._root = scan_root.resolve()
        self._base = source.path.resolve().parent
        self._found: dict[str, str | None] = {}

    def __call__(self, value: object) -> dict[str, Any] | None:
        match = _SOURCE_POSITION.match(value) if isinstance(value, str) else None
        if match is None:
            return None
        relative = unquote(match["path"]).lstrip("/")
        if relative not in self._found:
            self._found[relative] = self._find(relative)
        found = self._found[relative]
        return {"file": found, "line": int(match["line"])} if found else None

    def _find(self, relative: str) -> str | None:
        # Dependencies (the Pulumi SDK's own stack.ts) are never the author's program.
        if not relative or "node_modules" in PurePosixPath(relative).parts:
            return None
        for directory in (self._base, *self._base.parents):
            if not directory.is_relative_to(self._root):
                break
            candidate = (directory / relative).resolve()
            if candidate.is_file() and candidate.is_relative_to(self._root):
                return candidate.relative_to(self._root).as_posix()
        return None


def _edges(converted: _Converted) -> list[Edge]:
    state = converted.state.state
    urn = str(state["urn"])
    edges: list[Edge] = []
    parent = state.get("parent")
    if isinstance(parent, str) and parent:
        edges.append(Edge(urn, parent, "parent"))
    for target in state.get("dependencies") or ():
        if isinstance(target, str) and target:
            edges.append(Edge(urn, target, "depends_on"))
    property_dependencies = state.get("propertyDependencies")
    if isinstance(property_dependencies, dict):
        for key, targets in property_dependencies.items():
            name = converted.converter.name(key)
            for target in targets or ():
                if isinstance(target, str) and target:
                    edges.append(Edge(urn, target, "reference", name))
    return [edge for edge in edges if edge.target != urn]


STACK_TOKEN = "pulumi:pulumi:Stack"
SECRETS_PROVIDER_TOKEN = "iacgate:pulumi:SecretsProvider"
SECRETS_PROVIDER_TYPE = node_types.PULUMI_SECRETS_PROVIDER


def build(document: Document, source: SourceFile, options: ParseOptions, table: TypeTable) -> ParseResult:
    converted = [_convert(state, table, document) for state in document.states]
    providers = {
        str(item.state.state["urn"]): item.attributes
        for item in converted
        if str(item.state.state.get("type", "")).startswith(PROVIDER_PREFIX)
    }
    context = RegionContext(providers, document.config, table.region_config, options.region)
    positions = _SourcePositions(source, options.scan_root)
    resources: list[Resource] = []
    edges: dict[Edge, None] = {}
    for item in converted:
        state = item.state
        urn = str(state.state["urn"])
        token = str(state.state.get("type", ""))
        mode = mode_of(state)
        provider = table.provider(token)
        reference = state.state.get("provider")
        region, region_source = effective_region(
            provider,
            package_of(token),
            mode,
            item.attributes,
            reference if isinstance(reference, str) else "",
            urn.rsplit("::", 1)[-1],
            context,
        )
        metadata: dict[str, Any] = {"shape": document.shape}
        if state.op:
            metadata["op"] = state.op
        position = positions(state.state.get("sourcePosition"))
        related = (
            (RelatedLocation(position["file"], position["line"], "declared in the Pulumi program"),)
            if position
            else ()
        )
        resources.append(
            Resource(
                id=urn,
                format=FORMAT,
                native_type=token,
                type=table.canonical(token) or mechanical(token),
                provider=provider,
                region=region,
                region_source=region_source,
                attributes=item.attributes,
                tags=_tags(item.attributes, provider_default_tags(reference, context)),
                location=SourceLocation(source.relative, state.start_line, state.end_line, item.lines),
                mode=mode,
                metadata=metadata,
                related=related,
                change=_change(state, item, table) if document.shape == "preview" else None,
            )
        )
        edges.update(dict.fromkeys(_edges(item)))
    secrets = (
        secrets_provider_node(document, resources, source.relative)
        if SECRETS_PROVIDER_TYPE in options.config_nodes
        else None
    )
    if secrets is not None:
        resources.append(secrets)
    return ParseResult(tuple(resources), tuple(edges))


def secrets_provider_node(
    document: Document, resources: Sequence[Resource], relative: str
) -> Resource | None:
    """How a stack export or checkpoint encrypts its secrets (``deployment.secrets_providers``), as a
    ``pulumi_secrets_provider`` node named after the stack (``...::iacgate:pulumi:SecretsProvider::<stack>``):
    the stack resource itself is a component, context rather than a subject of rules (#17)."""
    if document.secrets_provider is None:
        return None
    stack = next((r.id for r in resources if r.native_type == STACK_TOKEN), None)
    if stack is None:
        return None
    prefix, _, name = stack.rpartition(f"::{STACK_TOKEN}::")
    line = document.secrets_provider_line
    return Resource(
        id=f"{prefix}::{SECRETS_PROVIDER_TOKEN}::{name}",
        format=FORMAT,
        native_type=SECRETS_PROVIDER_TOKEN,
        type=SECRETS_PROVIDER_TYPE,
        provider="pulumi",
        region=Unknown("a secrets provider has no region"),
        region_source="none",
        attributes={"secrets_provider": document.secrets_provider},
        tags={},
        location=SourceLocation(relative, line, line, {"secrets_provider": line}),
    )
