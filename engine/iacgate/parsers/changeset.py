"""CloudFormation change sets (``aws cloudformation describe-change-set --output json``) into the graph.

A change set says what an update of a stack will do to each resource: ``Action`` ``Add``, ``Modify``,
``Remove``, ``Import`` or ``Dynamic``, and for a modification whether it replaces the resource
(``Replacement`` ``True``, ``False`` or ``Conditional``) and which properties force it
(``Details[].Target.RequiresRecreation``). With ``--include-property-values`` each change also carries
``BeforeContext`` and ``AfterContext`` (the resource's properties before and after, as JSON text).

Each resource becomes a ``cloudformation`` resource (its logical id, its template property names turned
into Terraform's as templates are) with a ``Change`` in Terraform's action words; a removed resource is
kept as deleted for the rules that judge changes. A property the change set names without values (no
``--include-property-values``) is unknown, never silently absent. A ``PolicyAction`` of ``Retain`` keeps
the old resource, so nothing is destroyed. Anything not shaped like this is refused naming the place.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from pathlib import PurePosixPath
from typing import Any

from iacgate.errors import ParseError, Position
from iacgate.graph.model import DELETED, AttributePath, Change, Resource, SourceLocation, Unknown
from iacgate.parsers.base import ParseOptions, ParseResult, parse_each
from iacgate.parsers.cloudformation.intrinsics import normalise
from iacgate.parsers.cloudformation.names import snake, type_table
from iacgate.parsers.jsontext import kind, load_json
from iacgate.textio import SourceFile

FORMAT = "cloudformation-changeset"
RESOURCE_FORMAT = "cloudformation"
_HEAD = 4096
_REGION = re.compile(r"^arn:aws[a-z-]*:cloudformation:([a-z0-9-]+):")
_NO_VALUES = "not in the change set (describe-change-set --include-property-values gives it)"
_ACTIONS: dict[str, tuple[str, ...]] = {
    "Add": ("create",),
    "Modify": ("update",),
    "Remove": ("delete",),
    "Import": ("no-op",),
}
_REPLACEMENTS = frozenset({"True", "False", "Conditional"})


def _fail(source: SourceFile, line: int, message: str) -> ParseError:
    return ParseError(Position(source.relative, line), f"not a readable CloudFormation change set: {message}")


def _line_of(text: str, logical_id: str) -> int:
    match = re.search(r'"LogicalResourceId"\s*:\s*"' + re.escape(logical_id) + '"', text)
    return text.count("\n", 0, match.start()) + 1 if match else 1


def _context(source: SourceFile, raw: Any, where: str, line: int) -> Mapping[str, Any] | None:
    """A ``BeforeContext``/``AfterContext``: JSON text (or an object) holding ``Properties``."""
    if raw is None:
        return None
    value = load_json(raw, source.relative, line - 1, f"{where} is not JSON") if isinstance(raw, str) else raw
    if not isinstance(value, dict):
        raise _fail(source, line, f"{where} is {kind(value)}, expected an object")
    properties = value.get("Properties", {})
    if not isinstance(properties, dict):
        raise _fail(source, line, f"{where}.Properties is {kind(properties)}, expected an object")
    return properties


def _tags(value: Any) -> dict[str, Any]:
    if isinstance(value, list):
        return {
            str(item["Key"]): item.get("Value")
            for item in value
            if isinstance(item, Mapping) and isinstance(item.get("Key"), str)
        }
    return dict(value) if isinstance(value, Mapping) else {}


def _attributes(properties: Mapping[str, Any], renames: Mapping[str, str]) -> dict[str, Any]:
    """Template property names turned into Terraform's, top level only, as the template parser does."""
    verbatim = type_table().verbatim
    out: dict[str, Any] = {}
    for key, value in properties.items():
        name = renames.get(key) or snake(key)
        out[name] = _tags(value) if key == "Tags" else value if key in verbatim else normalise(value)
    return out


def _changed_names(details: Sequence[Any], renames: Mapping[str, str]) -> tuple[list[str], list[str]]:
    """(every property the details name, those that force or may force a replacement)."""
    names: list[str] = []
    forcing: list[str] = []
    for detail in details:
        target = detail.get("Target") if isinstance(detail, Mapping) else None
        if not isinstance(target, Mapping) or target.get("Attribute") != "Properties":
            continue
        name = target.get("Name")
        if not isinstance(name, str) or not name:
            continue
        converted = renames.get(name) or snake(name)
        names.append(converted)
        if target.get("RequiresRecreation") in ("Always", "Conditionally"):
            forcing.append(converted)
    return list(dict.fromkeys(names)), list(dict.fromkeys(forcing))


def _actions(entry: Mapping[str, Any], source: SourceFile, line: int) -> tuple[tuple[str, ...], bool]:
    action = entry.get("Action")
    replacement = entry.get("Replacement")
    if replacement is not None and replacement not in _REPLACEMENTS:
        raise _fail(source, line, f"Replacement is {replacement!r}, expected True, False or Conditional")
    if action == "Dynamic":
        # Decided while the stack updates (a nested stack, a dynamic reference): it may replace.
        return ("update",), True
    if action not in _ACTIONS:
        raise _fail(source, line, f"Action is {action!r}, expected Add, Modify, Remove, Import or Dynamic")
    actions: tuple[str, ...] = _ACTIONS[action]
    conditional = False
    if action == "Modify" and replacement == "True":
        actions = ("create", "delete")
    elif action == "Modify" and replacement == "Conditional":
        conditional = True
    policy = entry.get("PolicyAction")
    if isinstance(policy, str) and "Retain" in policy:
        # DeletionPolicy/UpdateReplacePolicy Retain: the old resource stays, with its data.
        actions = tuple("forget" if step == "delete" else step for step in actions)
    return actions, conditional


def _resource(
    source: SourceFile, entry: Mapping[str, Any], region: str | Unknown, region_source: str
) -> Resource:
    logical_id = entry.get("LogicalResourceId")
    line = _line_of(source.text, logical_id) if isinstance(logical_id, str) else 1
    if not isinstance(logical_id, str) or not logical_id:
        raise _fail(source, line, f"a ResourceChange has LogicalResourceId {kind(logical_id)}")
    native = entry.get("ResourceType")
    if not isinstance(native, str) or not native:
        raise _fail(source, line, f"{logical_id} has ResourceType {kind(native)}, expected a string")
    details = entry.get("Details", [])
    if not isinstance(details, list):
        raise _fail(source, line, f"{logical_id} Details is {kind(details)}, expected a list")
    info = type_table().lookup(native)
    actions, conditional = _actions(entry, source, line)
    before_properties = _context(source, entry.get("BeforeContext"), f"{logical_id} BeforeContext", line)
    after_properties = _context(source, entry.get("AfterContext"), f"{logical_id} AfterContext", line)
    names, forcing = _changed_names(details, info.renames)
    # Removed from the stack, destroyed or kept (Retain): the stack no longer manages it, so only the
    # rules that judge changes see it.
    deleted = "create" not in actions and ("delete" in actions or "forget" in actions)
    before = _attributes(before_properties, info.renames) if before_properties is not None else None
    after = _attributes(after_properties, info.renames) if after_properties is not None else None
    if before is None and "create" not in actions[:1]:
        # Without property values the changed properties are unknown on both sides, never absent.
        before = {name: Unknown(f"{name} before the change is {_NO_VALUES}") for name in names}
    if after is None and not deleted:
        after = {name: Unknown(f"{name} is {_NO_VALUES}") for name in names}
    attributes = (before if deleted else after) or {}
    metadata: dict[str, Any] = {"logical_id": logical_id, "action": entry.get("Action")}
    for key in ("PhysicalResourceId", "Replacement", "PolicyAction"):
        if isinstance(entry.get(key), str):
            metadata[snake(key)] = entry[key]
    paths: tuple[AttributePath, ...] = tuple((name,) for name in forcing)
    return Resource(
        id=logical_id,
        format=RESOURCE_FORMAT,
        native_type=native,
        type=info.canonical,
        provider="aws",
        region=region,
        region_source=region_source,
        attributes=attributes,
        tags=_tags(attributes.get("tags")),
        location=SourceLocation(source.relative, line, line),
        mode=DELETED if deleted else "managed",
        metadata=metadata,
        change=Change(
            actions=actions,
            before=before if ("update" in actions or "delete" in actions) else None,
            replace_paths=paths,
            replacement_conditional=conditional,
        ),
    )


def parse_change_set(source: SourceFile) -> ParseResult:
    document = load_json(source.text, source.relative)
    if not isinstance(document, dict):
        raise _fail(source, 1, f"the top level is {kind(document)}, expected an object")
    changes = document.get("Changes")
    if not isinstance(changes, list):
        raise _fail(source, 1, f"Changes is {kind(changes)}, expected a list")
    stack = document.get("StackId") or document.get("ChangeSetId")
    found = _REGION.match(stack) if isinstance(stack, str) else None
    region: str | Unknown = found.group(1) if found else Unknown("the change set names no stack ARN")
    region_source = "stack ARN (StackId)" if found else "not given"
    resources: list[Resource] = []
    for index, change in enumerate(changes):
        if not isinstance(change, dict):
            raise _fail(source, 1, f"Changes[{index}] is {kind(change)}, expected an object")
        if change.get("Type") != "Resource":
            continue
        entry = change.get("ResourceChange")
        if not isinstance(entry, dict):
            raise _fail(source, 1, f"Changes[{index}].ResourceChange is {kind(entry)}, expected an object")
        resources.append(_resource(source, entry, region, region_source))
    return ParseResult(tuple(resources))


class ChangeSetParser:
    format: str = FORMAT
    suffixes: tuple[str, ...] = (".json",)

    def claims(self, source: SourceFile) -> bool:
        text = source.text
        if not text[:_HEAD].lstrip().startswith("{"):
            return False
        name = PurePosixPath(source.relative).name.lower()
        if name.endswith((".changeset.json", ".change-set.json")):
            return True
        return '"Changes"' in text and ('"ChangeSetId"' in text or '"ChangeSetName"' in text)

    def parse(self, sources: Sequence[SourceFile], options: ParseOptions) -> tuple[ParseResult, ...]:
        return parse_each(sources, parse_change_set)
