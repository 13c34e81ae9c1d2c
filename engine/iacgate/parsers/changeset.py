"""CloudFormation change sets (``aws cloudformation describe-change-set --output json``) into the graph.

A change set says what an update of a stack will do to each resource: ``Action`` ``Add``, ``Modify``,
``Remove``, ``Import``, ``Dynamic`` or ``SyncWithActual`` (a drift-aware change set), and for a
modification whether it replaces the resource (``Replacement`` ``True``, ``False`` or ``Conditional``)
and which properties force it (``Details[].Target.RequiresRecreation``). With
``--include-property-values`` each change also carries ``BeforeContext`` and ``AfterContext`` (the
resource's properties before and after, as JSON text).

Each resource becomes a ``cloudformation`` resource (its logical id, its template property names turned
into Terraform's as templates are) with a ``Change`` in Terraform's action words; a removed resource is
kept as deleted for the rules that judge changes. A property the change set names without values (no
``--include-property-values``) is unknown, never silently absent. A ``PolicyAction`` of ``Retain`` keeps
the old resource, so nothing is destroyed. Anything not shaped like this is refused naming the place.

Nested stacks: a change set made with ``IncludeNestedStacks`` lists each ``AWS::CloudFormation::Stack``
with the ``ChangeSetId`` of its own change set, a separate document (``ParentChangeSetId`` names the
parent). When that document is among the scanned files, its changes join the parent's unit under the
nested stack's logical id path (``Storage/LedgerDatabase``, as a template's nested stacks are named) and
the file is not a unit of its own. When it is not, a nested stack that is modified or removed has changes
nobody judged: the stack resource says so (``change.reason`` ``nested_stack_changes_not_given``, and a
modification is a conditional replacement, since it may destroy what the stack holds), so the rules of
the change-safety pack answer undetermined instead of passing, and a warning names the missing change set.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from iacgate.casing import snake
from iacgate.errors import ParseError, Position
from iacgate.graph.model import DELETED, AttributePath, Change, Resource, SourceLocation, Unknown
from iacgate.notifications import Notification
from iacgate.parsers import claims, node_types
from iacgate.parsers.base import ParseOptions, ParseResult, parse_each
from iacgate.parsers.cloudformation.intrinsics import normalise
from iacgate.parsers.cloudformation.names import type_table
from iacgate.parsers.jsontext import kind, load_json
from iacgate.parsers.tfplan_lines import top_level_value
from iacgate.textio import SourceFile, line_of_offset

FORMAT = node_types.CLOUDFORMATION_CHANGESET
RESOURCE_FORMAT = node_types.CLOUDFORMATION
_REGION = re.compile(r"^arn:aws[a-z-]*:cloudformation:([a-z0-9-]+):")
_NO_VALUES = "not in the change set (describe-change-set --include-property-values gives it)"
# What a change set's contexts (and details) show for a value CloudFormation knows only while it executes
# the change set: a Ref or Fn::GetAtt of a resource the change creates or replaces, an Fn::ImportValue of
# an export the same run creates.
KNOWN_AFTER_APPLY = "{{changeSet:KNOWN_AFTER_APPLY}}"
_PENDING = f"known only when the change set executes ({KNOWN_AFTER_APPLY})"
_ACTIONS: dict[str, tuple[str, ...]] = {
    "Add": ("create",),
    "Modify": ("update",),
    "Remove": ("delete",),
    "Import": ("no-op",),
    # A drift-aware change set: the resource is not changed, only what CloudFormation records of it.
    "SyncWithActual": ("no-op",),
}
_REPLACEMENTS = frozenset({"True", "False", "Conditional"})
# ``Status`` values of a change set whose changes CloudFormation has not computed yet.
_BEING_CREATED = frozenset({"CREATE_PENDING", "CREATE_IN_PROGRESS"})
STACK_TYPE = "AWS::CloudFormation::Stack"
# ``Change.reason`` of a nested stack whose own change set is not among the scanned inputs.
NESTED_NOT_GIVEN = "nested_stack_changes_not_given"
_MAX_DEPTH = 10


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


def _pending(value: Any, key: str) -> Any:
    """``value`` with every text CloudFormation writes for a value it knows only while executing the change
    set (``KNOWN_AFTER_APPLY``) made ``Unknown``, at any depth: never compared as a literal string."""
    if isinstance(value, str):
        return Unknown(f"{key} is {_PENDING}") if KNOWN_AFTER_APPLY in value else value
    if isinstance(value, dict):
        return {name: _pending(item, key) for name, item in value.items()}
    if isinstance(value, list):
        return [_pending(item, key) for item in value]
    return value


def _attributes(properties: Mapping[str, Any], renames: Mapping[str, str]) -> dict[str, Any]:
    """Template property names turned into Terraform's, top level only, as the template parser does."""
    verbatim = type_table().verbatim
    out: dict[str, Any] = {}
    for key, value in properties.items():
        name = renames.get(key) or snake(key)
        value = _pending(value, key)
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
        raise _fail(
            source,
            line,
            f"Action is {action!r}, expected Add, Modify, Remove, Import, Dynamic or SyncWithActual",
        )
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
    source: SourceFile,
    entry: Mapping[str, Any],
    region: str | Unknown,
    region_source: str,
    prefix: str = "",
    nested_given: bool = True,
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
    if before is None and actions != ("create",):
        # Without property values the changed properties are unknown on both sides, never absent: in a
        # replacement too (("create", "delete")), whose old resource had them.
        before = {name: Unknown(f"{name} before the change is {_NO_VALUES}") for name in names}
    if after is None and not deleted:
        after = {name: Unknown(f"{name} is {_NO_VALUES}") for name in names}
    attributes = (before if deleted else after) or {}
    metadata: dict[str, Any] = {"logical_id": logical_id, "action": entry.get("Action")}
    for key in ("PhysicalResourceId", "Replacement", "PolicyAction"):
        if isinstance(entry.get(key), str):
            metadata[snake(key)] = entry[key]
    paths: tuple[AttributePath, ...] = tuple((name,) for name in forcing)
    reason = ""
    if not nested_given:
        # What the nested stack's own change set would say is not here: it may destroy what it holds.
        reason = NESTED_NOT_GIVEN
        conditional = conditional or "update" in actions
        metadata["nested_change_set_id"] = entry.get("ChangeSetId")
    return Resource(
        id=prefix + logical_id,
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
            reason=reason,
        ),
    )


def _key_line(source: SourceFile, key: str) -> int:
    """The line of the change set's own ``key`` (1 when the text does not hold it)."""
    offset = top_level_value(source.text, key)
    return line_of_offset(source.text, offset) if offset is not None else 1


def _document(source: SourceFile) -> dict[str, Any]:
    document = load_json(source.text, source.relative)
    if not isinstance(document, dict):
        raise _fail(source, 1, f"the top level is {kind(document)}, expected an object")
    changes = document.get("Changes")
    if not isinstance(changes, list):
        raise _fail(source, 1, f"Changes is {kind(changes)}, expected a list")
    if document.get("NextToken") not in (None, ""):
        # One page of a paged DescribeChangeSet: the changes of the other pages run too, unjudged.
        raise _fail(
            source,
            _key_line(source, "NextToken"),
            "it holds one page of the change set's changes (NextToken is set: the others are not in the "
            "file); write it with describe-change-set without --max-items or --no-paginate (the AWS CLI "
            "then reads every page), or join every page's Changes",
        )
    status = document.get("Status")
    if status in _BEING_CREATED:
        # DescribeChangeSet answers before CloudFormation has computed the changes: Changes is empty.
        raise _fail(
            source,
            _key_line(source, "Status"),
            f"the change set is still being created (Status {status}): its changes are not computed yet; "
            "run `aws cloudformation wait change-set-create-complete` before describe-change-set",
        )
    return document


def _entries(source: SourceFile, document: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The ``ResourceChange`` objects of a change set, in order."""
    entries: list[dict[str, Any]] = []
    for index, change in enumerate(document["Changes"]):
        if not isinstance(change, dict):
            raise _fail(source, 1, f"Changes[{index}] is {kind(change)}, expected an object")
        if change.get("Type") != "Resource":
            continue
        entry = change.get("ResourceChange")
        if not isinstance(entry, dict):
            raise _fail(source, 1, f"Changes[{index}].ResourceChange is {kind(entry)}, expected an object")
        entries.append(entry)
    return entries


def _nested_id(entry: Mapping[str, Any]) -> str | None:
    """The ``ChangeSetId`` of a nested stack's own change set, as its ``ResourceChange`` names it."""
    found = entry.get("ChangeSetId")
    return found if entry.get("ResourceType") == STACK_TYPE and isinstance(found, str) and found else None


# A change set read from a file: (the file, its document), by its ChangeSetId.
_Given = Mapping[str, tuple[SourceFile, Mapping[str, Any]]]


def _stack_resources(
    source: SourceFile,
    document: Mapping[str, Any],
    given: _Given,
    prefix: str = "",
    seen: frozenset[str] = frozenset(),
) -> tuple[list[Resource], list[Notification]]:
    """A change set's resources, and those of the nested change sets it names that are ``given``."""
    stack = document.get("StackId") or document.get("ChangeSetId")
    found = _REGION.match(stack) if isinstance(stack, str) else None
    region: str | Unknown = found.group(1) if found else Unknown("the change set names no stack ARN")
    region_source = "stack ARN (StackId)" if found else "not given"
    resources: list[Resource] = []
    notes: list[Notification] = []
    for entry in _entries(source, document):
        nested = _nested_id(entry)
        # A change set that names one above it (a cycle) or nests too deep is not read again.
        usable = nested is not None and nested not in seen and len(seen) < _MAX_DEPTH
        child = given.get(nested) if nested is not None and usable else None
        # A nested stack whose changes are not here: modified or removed, it may destroy what it holds
        # (removed with DeletionPolicy Retain, it keeps its stack and everything in it).
        retained = "Retain" in str(entry.get("PolicyAction") or "")
        missing = (
            entry.get("ResourceType") == STACK_TYPE
            and child is None
            and (
                entry.get("Action") in ("Modify", "Dynamic")
                or (entry.get("Action") == "Remove" and not retained)
            )
        )
        resource = _resource(source, entry, region, region_source, prefix, not missing)
        resources.append(resource)
        if missing:
            notes.append(
                Notification(
                    "warning",
                    f"nested stack {resource.id}: its change set "
                    + (f"{nested} is not among the scanned files" if nested else "is not in this change set")
                    + " (nested stack changes not given), so the changes inside it are undetermined; scan "
                    "the describe-change-set output of every nested change set (IncludeNestedStacks) "
                    "with this one",
                    source.relative,
                    resource.location.start_line,
                )
            )
        if child is not None:
            child_source, child_document = child
            own = str(document.get("ChangeSetId") or "")
            inner, inner_notes = _stack_resources(
                child_source, child_document, given, f"{resource.id}/", seen | {own, str(nested)}
            )
            resources += inner
            notes += inner_notes
    return resources, notes


def parse_change_set(source: SourceFile) -> ParseResult:
    """One change set on its own: nested stacks' change sets are not given."""
    resources, notes = _stack_resources(source, _document(source), {})
    return ParseResult(tuple(resources), notifications=tuple(notes))


def _family(
    readable: Sequence[SourceFile], documents: Mapping[str, Mapping[str, Any]], given: _Given
) -> tuple[list[SourceFile], dict[str, tuple[str, str]]]:
    """(the root change sets, each nested change set's file -> (its parent's file, the nested stack's
    logical id)): a file is nested when a root, or a file nested in one, names its ChangeSetId."""
    named: dict[str, list[tuple[str, str]]] = {}
    for source in readable:
        for change in documents[source.relative]["Changes"]:
            # A malformed entry is refused when its file is parsed; here it only names no child.
            entry = change.get("ResourceChange") if isinstance(change, dict) else None
            if not isinstance(entry, dict):
                continue
            nested = _nested_id(entry)
            child = given[nested][0].relative if nested is not None and nested in given else None
            if child is not None and child != source.relative:
                named.setdefault(source.relative, []).append((child, str(entry.get("LogicalResourceId"))))
    children = {child for pairs in named.values() for child, _ in pairs}
    roots = [source for source in readable if source.relative not in children]
    parents: dict[str, tuple[str, str]] = {}
    reached = [source.relative for source in roots]
    while reached:
        relative = reached.pop()
        for child, logical_id in named.get(relative, ()):
            if child not in parents:
                parents[child] = (relative, logical_id)
                reached.append(child)
    # Files that only name each other (a cycle, no root above them) are roots too.
    roots += [source for source in readable if source.relative in children and source.relative not in parents]
    return roots, parents


class ChangeSetParser:
    format: str = FORMAT
    suffixes: tuple[str, ...] = (".json",)

    def claims(self, source: SourceFile) -> bool:
        return claims.changeset(source)

    def parse(self, sources: Sequence[SourceFile], options: ParseOptions) -> tuple[ParseResult, ...]:
        """One unit per root change set, holding the nested change sets given beside it (by ChangeSetId);
        a nested change set is read through its parent only."""
        documents: dict[str, Mapping[str, Any]] = {}
        broken: list[ParseResult] = []
        for source in sources:
            try:
                documents[source.relative] = _document(source)
            except ParseError as error:
                broken.append(
                    ParseResult(notifications=(Notification.from_parse_error(error),), unit=source.relative)
                )
        readable = [source for source in sources if source.relative in documents]
        given: dict[str, tuple[SourceFile, Mapping[str, Any]]] = {}
        for source in readable:
            own = documents[source.relative].get("ChangeSetId")
            if isinstance(own, str) and own:
                given.setdefault(own, (source, documents[source.relative]))
        roots, parents = _family(readable, documents, given)

        def parse_one(source: SourceFile) -> ParseResult:
            resources, notes = _stack_resources(source, documents[source.relative], given)
            document = documents[source.relative]
            parent = document.get("ParentChangeSetId")
            if isinstance(parent, str) and parent and parent not in given:
                notes.insert(0, Notification(
                    "warning",
                    f"a nested change set whose parent change set {parent} is not among the scanned files: "
                    "judged on its own, its resources named without the nested stack's path",
                    source.relative,
                ))  # fmt: skip
            return ParseResult(tuple(resources), notifications=tuple(notes))

        notes = tuple(
            Notification("note", f"evaluated as the nested change set of {parent} ({logical_id})", relative)
            for relative, (parent, logical_id) in parents.items()
        )
        head = (ParseResult(notifications=notes),) if notes else ()
        return (*head, *broken, *parse_each(roots, parse_one))
