"""Frozen value types of the common resource graph.

A value the IaC source cannot tell yet (a Terraform ``after_unknown``, an unresolvable expression) is an
``Unknown`` instance in place of the value: never a made-up default and never silently missing, so a
rule can tell "not set" from "not known".
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

PathElement = str | int
AttributePath = tuple[PathElement, ...]


@dataclass(frozen=True)
class Unknown:
    """A value that exists but cannot be known statically; ``reason`` says why, for people.

    ``ends_with``: text the value is known to end with, when it is a string built from unknown parts and a
    literal tail (``"arn:aws:kms:${var.region}:${local.account}:alias/aws/s3"`` ends with
    ``":alias/aws/s3"``); "" when nothing is known of it. Policies read it (``lib.unknown_ends_with``)."""

    reason: str = "known after apply"
    ends_with: str = ""


UNKNOWN = Unknown()

# The end of the reason of a conditional value whose condition cannot be evaluated and one of whose branches
# leaves the attribute unset (CloudFormation Fn::If with AWS::NoValue, HCL `c ? x : null`): the attribute
# may not be set at all. Policies read it (lib.unknown_maybe_unset).
UNSET_BRANCH = "; a branch leaves it unset"


def is_unknown(value: object) -> bool:
    return isinstance(value, Unknown)


def opaque(value: Any) -> Any:
    """``value`` where an operation on it gives an ``Unknown``: what it was known to end with says nothing
    of the result (``trimsuffix(x, ":alias/aws/s3")``, ``x == y``), so the result keeps only the reason."""
    if isinstance(value, Unknown) and value.ends_with:
        return Unknown(value.reason)
    return value


def under(path: str, top: str) -> bool:
    """Whether ``path`` (a ``path_text``) is ``top`` or lies inside it (``top.x``, ``top[0]``)."""
    return path == top or path.startswith((f"{top}.", f"{top}["))


def path_text(path: Sequence[PathElement]) -> str:
    """``("rule", 0, "apply")`` -> ``rule[0].apply``: the form used in messages and line maps."""
    out = ""
    for element in path:
        if isinstance(element, int):
            out += f"[{element}]"
        else:
            out += f".{element}" if out else element
    return out


@dataclass(frozen=True)
class ValueOrigin:
    """Where a value was decided when the resource's own text does not write it: ``text`` completes
    "the value comes from ..." ("the default of parameter TlsVersion", "argument storage_encrypted of
    module.db"); ``file``/``line`` point there when it is another place (a caller's argument)."""

    text: str
    file: str = ""
    line: int = 0
    # The finding belongs at that place (the caller decided the value), not only beside it.
    decides: bool = False


@dataclass(frozen=True)
class SourceLocation:
    """A file relative to the scan root (POSIX separators), the resource's line span, and attribute lines.

    ``attribute_lines`` maps ``path_text`` of an attribute path to its line; ``line_for`` falls back to the
    nearest enclosing attribute, then to the resource's first line, so a finding on a missing attribute
    points at the resource header.
    """

    file: str
    start_line: int
    end_line: int
    attribute_lines: Mapping[str, int] = field(default_factory=dict)
    # ``path_text`` -> where a value the resource's text does not write was decided: a parameter's or a
    # variable's default, the argument of the module call that passed it.
    value_origins: Mapping[str, ValueOrigin] = field(default_factory=dict)

    def line_for(self, path: Sequence[PathElement]) -> int:
        for cut in range(len(path), 0, -1):
            line = self.attribute_lines.get(path_text(path[:cut]))
            if line:
                return line
        return self.start_line

    def origin_for(self, path: Sequence[PathElement]) -> ValueOrigin | None:
        """Where the value at ``path`` (or the block holding it) came from, when not written there."""
        for cut in range(len(path), 0, -1):
            origin = self.value_origins.get(path_text(path[:cut]))
            if origin:
                return origin
        return None


@dataclass(frozen=True)
class RelatedLocation:
    """Another place that explains a resource, reported beside its location: the program line that
    declared a Pulumi resource, or the plan entry of a resource whose findings point at its ``.tf`` source."""

    file: str
    line: int
    label: str


@dataclass(frozen=True)
class Change:
    """What a plan, preview or change set will do to a resource, beside its after-state attributes.

    ``actions`` are Terraform's words (``create``, ``update``, ``delete``, ``no-op``, ``read``; a
    replacement is ``("delete", "create")`` or ``("create", "delete")``). ``before`` is the state before
    the change (None for a create), with the same attribute names and shapes as ``attributes``.
    ``replace_paths`` are the attributes forcing a replacement; a replacement the source only says may
    happen (CloudFormation ``Replacement: Conditional``) has ``replacement_conditional``.
    """

    actions: tuple[str, ...]
    before: Mapping[str, Any] | None = None
    replace_paths: tuple[AttributePath, ...] = ()
    reason: str = ""
    replacement_conditional: bool = False

    @property
    def destroys(self) -> bool:
        return "delete" in self.actions

    @property
    def replaces(self) -> bool:
        return "delete" in self.actions and "create" in self.actions


# ``Resource.mode``: a managed resource (after the change, for a plan), a data source, or a resource the
# change destroys: it exists only in ``change.before`` and only rules that judge changes see it.
DELETED = "deleted"
# ``Resource.metadata`` key: the resource is the real state of a plan's ``resource_drift`` (changed outside
# Terraform), its ``change.before`` the state Terraform recorded.
DRIFT = "drift"
# ``Resource.metadata`` key: a copy of a plan's resource beside the drifted ones in the drift unit (their
# neighbours); it is counted once, in the plan's unit.
DRIFT_CONTEXT = "drift_context"
# ``Resource.metadata`` key: the resource's attributes as a whole cannot be known (a CloudFormation
# ``Properties`` that is an ``Fn::If`` on an unknown condition, a pre-processor tag), the value the reason.
# ``attributes`` is then empty, and every rule that judges the resource is undetermined, never a pass.
ATTRIBUTES_UNKNOWN = "attributes_unknown"


def unknown_attributes(resource: Resource) -> Unknown | None:
    """Why the attributes of ``resource`` as a whole are unknown, or None when they are known."""
    reason = resource.metadata.get(ATTRIBUTES_UNKNOWN)
    return Unknown(reason) if isinstance(reason, str) else None


# Types that exist only as data sources and are judged as such: Terraform's built-in
# ``terraform_remote_state`` reads another configuration's state, and how it reaches that state (the
# backend and its settings) is what a rule judges. Every other data source only informs the resources that
# read it and is never judged (``data "aws_s3_bucket"`` is not a bucket the scan creates).
JUDGED_DATA_SOURCES = frozenset({"terraform_remote_state"})


def judged(resource: Resource) -> bool:
    """Whether rules judge ``resource`` itself: a managed resource, a destroyed one (rules judging changes),
    or a data source of ``JUDGED_DATA_SOURCES`` (once: not its copy beside a plan's drifted resources)."""
    if resource.mode != "data":
        return True
    return resource.type in JUDGED_DATA_SOURCES and not resource.metadata.get(DRIFT_CONTEXT)


def counted(resource: Resource) -> bool:
    """Whether a resource counts among a scan's resources: the drift unit's resources are the plan's."""
    return not (resource.metadata.get(DRIFT) or resource.metadata.get(DRIFT_CONTEXT))


@dataclass(frozen=True)
class Resource:
    """One resource (or data source) instance, whatever IaC format it came from.

    ``id`` is the format's own stable address (Terraform address, CloudFormation stack path and logical
    id, Pulumi URN). ``type`` is the canonical type (the Terraform type name) that rules route on;
    ``native_type`` is what the file says. ``region`` is the effective region or ``Unknown``;
    ``region_source`` says how it was found (provider alias, resource argument, ...) for messages.
    """

    id: str
    format: str
    native_type: str
    type: str
    provider: str
    region: str | Unknown
    region_source: str
    attributes: Mapping[str, Any]
    tags: Mapping[str, Any]
    location: SourceLocation
    mode: str = "managed"
    metadata: Mapping[str, Any] = field(default_factory=dict)
    related: tuple[RelatedLocation, ...] = ()
    # Words of the files functions read while this resource's unit was evaluated (Terraform ``file()``...)
    # that look like secrets and that the scanned sources do not contain: rules may judge the values,
    # reports never quote these words (``redaction.file_words``). One set shared by the unit's resources;
    # not part of the Rego input.
    file_words: frozenset[str] = frozenset()
    # Plans, previews and change sets: what the change does to this resource (None for source code).
    change: Change | None = None


@dataclass(frozen=True)
class Edge:
    """``source`` refers to ``target`` (``source`` depends on ``target``)."""

    source: str
    target: str
    kind: str = "reference"
    attribute: str | None = None


@dataclass(frozen=True)
class Graph:
    """One unit's resources and the reference edges between them; lookups are derived once and cached.

    ``name`` is the unit (a plan file, a template, a Terraform root module directory): ids are unique
    within it, and the same id may exist in another unit of the same scan.
    """

    resources: tuple[Resource, ...]
    edges: tuple[Edge, ...] = ()
    name: str = ""

    @cached_property
    def by_id(self) -> Mapping[str, Resource]:
        return {resource.id: resource for resource in self.resources}

    @cached_property
    def by_type(self) -> Mapping[str, tuple[Resource, ...]]:
        index: dict[str, list[Resource]] = {}
        for resource in self.resources:
            index.setdefault(resource.type, []).append(resource)
        return {key: tuple(value) for key, value in index.items()}

    @cached_property
    def change_counts(self) -> Mapping[str, int]:
        """How many resources the unit's change destroys and replaces (plans, previews, change sets)."""
        changes = [resource.change for resource in self.resources if resource.mode != "data"]
        return {
            "delete": sum(1 for c in changes if c is not None and c.destroys and not c.replaces),
            "replace": sum(1 for c in changes if c is not None and c.replaces),
        }

    @cached_property
    def _adjacency(self) -> Mapping[str, tuple[tuple[Edge, str], ...]]:
        adjacency: dict[str, list[tuple[Edge, str]]] = {}
        for edge in self.edges:
            adjacency.setdefault(edge.source, []).append((edge, "out"))
            adjacency.setdefault(edge.target, []).append((edge, "in"))
        return {key: tuple(value) for key, value in adjacency.items()}

    @cached_property
    def _adjacency_out(self) -> Mapping[str, tuple[tuple[Edge, str], ...]]:
        adjacency: dict[str, list[tuple[Edge, str]]] = {}
        for edge in self.edges:
            adjacency.setdefault(edge.source, []).append((edge, "out"))
        return {key: tuple(value) for key, value in adjacency.items()}

    def neighbours(self, resource_id: str, only: str | None = None) -> tuple[tuple[Resource, str, Edge], ...]:
        """Resources one edge away, with the direction seen from ``resource_id`` ("out": it refers to them),
        once per distinct edge kind and attribute; ``only="out"``: only the resources it refers to (without
        walking what refers to it: a key many resources name)."""
        found: list[tuple[Resource, str, Edge]] = []
        seen: set[tuple[str, str, str, str | None]] = set()
        adjacency = self._adjacency_out if only == "out" else self._adjacency
        for edge, direction in adjacency.get(resource_id, ()):
            other_id = edge.target if direction == "out" else edge.source
            other = self.by_id.get(other_id)
            # One entry per way of being related: a logging resource naming the same bucket as both
            # source and target is related through both attributes.
            key = (other_id, direction, edge.kind, edge.attribute)
            if other is None or other_id == resource_id or key in seen:
                continue
            seen.add(key)
            found.append((other, direction, edge))
        return tuple(found)
