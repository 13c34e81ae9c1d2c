"""The Rego input document: the JSON shape every policy reads (published in ``schemas/input.schema.json``).

Per-resource rules get ``{"resource", "related", "settings"}``: the resource and its neighbours one edge
away. Whole-graph rules get ``{"resources_by_type", "edges", "settings"}``. An ``Unknown`` value becomes
``{"__unknown__": "<reason>"}`` so a policy can test for it (``lib.is_unknown``) and a truthiness test
never mistakes it for ``false``; a string known to end with a literal tail also carries
``"__ends_with__": "<tail>"``.

The document is kept small because the embedded engine's cost grows with every node of its input
(measured with regopy 1.5.2: about 50 microseconds per object member): attributes whose value is null
are left out (rules read them with a default, so null and absent mean the same), and neighbours are
passed only when their type is one the policies ever name (``related_types``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from iacgate.graph.model import Change, Graph, Resource, Unknown

UNKNOWN_KEY = "__unknown__"
# The literal text an unknown string is known to end with (``Unknown.ends_with``), beside UNKNOWN_KEY.
ENDS_WITH_KEY = "__ends_with__"


def plain(value: Any, drop_null: bool = False) -> Any:
    """Turn attribute values into JSON-ready data, mapping ``Unknown`` to the marker object; with
    ``drop_null`` the null members of objects are left out (what policies read)."""
    if isinstance(value, Unknown):
        if value.ends_with:
            return {UNKNOWN_KEY: value.reason, ENDS_WITH_KEY: value.ends_with}
        return {UNKNOWN_KEY: value.reason}
    if isinstance(value, Mapping):
        return {
            str(key): plain(item, drop_null)
            for key, item in value.items()
            if not (drop_null and item is None)
        }
    if isinstance(value, list | tuple):
        return [plain(item, drop_null) for item in value]
    return value


# Actions whose before-state a rule may compare: a create has none, a no-op's is its after-state.
_WITH_BEFORE = frozenset({"update", "delete"})


def change_document(change: Change, drop_null: bool = False, with_before: bool = True) -> dict[str, Any]:
    """``input.resource.change``: the before-state only where it differs in kind from the after-state
    (updates, replacements, deletes), so a plan of creates costs the engine no more than before; and only
    ``with_before``: for the rules that judge changes (the engines leave it out where none is asked)."""
    document: dict[str, Any] = {"actions": list(change.actions)}
    if with_before and change.before is not None and _WITH_BEFORE.intersection(change.actions):
        document["before"] = plain(change.before, drop_null)
    if change.replace_paths:
        document["replace_paths"] = [list(path) for path in change.replace_paths]
    if change.replacement_conditional:
        document["replacement_conditional"] = True
    if change.reason:
        document["reason"] = change.reason
    return document


def resource_document(
    resource: Resource, drop_null: bool = False, with_change: bool = True, with_before: bool = True
) -> dict[str, Any]:
    document: dict[str, Any] = {
        "id": resource.id,
        "format": resource.format,
        "type": resource.type,
        "native_type": resource.native_type,
        "provider": resource.provider,
        "mode": resource.mode,
        "region": plain(resource.region),
        "region_source": resource.region_source,
        "attributes": plain(resource.attributes, drop_null),
        "tags": plain(resource.tags, drop_null),
        "file": resource.location.file,
    }
    if with_change and resource.change is not None:
        document["change"] = change_document(resource.change, drop_null, with_before)
    return document


def resource_input(
    graph: Graph,
    resource: Resource,
    settings: Mapping[str, Any],
    related_types: frozenset[str] | None = None,
    with_before: bool = True,
) -> dict[str, Any]:
    """The per-resource document; ``related_types`` (None: all) limits which neighbours are passed;
    without ``with_before`` the change leaves out the before-state (no rule judging changes is asked).

    Each neighbour also says what it refers to itself (``refers_to``: attribute, type, mode and address,
    never the values), besides the resource: an aws_s3_bucket_server_side_encryption_configuration naming
    the bucket tells whether its key is a key resource of the configuration, and the cluster a snapshot
    is taken of tells whether its own key is one (two hops, both directions). A neighbour that refers to
    the resource also says what refers to it in turn (``referred_by``, the same fields): a storage
    container of the account says that a container immutability policy names it.
    """
    related = []
    for other, direction, edge in graph.neighbours(resource.id):
        if related_types is not None and other.type not in related_types:
            continue
        entry: dict[str, Any] = {
            "direction": direction,
            "edge": edge.kind,
            "attribute": edge.attribute,
            "resource": resource_document(other, drop_null=True, with_change=False),
        }
        refers_to, referred_by = _far_neighbours(graph, resource, other, related_types, direction == "in")
        if refers_to:
            entry["refers_to"] = refers_to
        if referred_by:
            entry["referred_by"] = referred_by
        related.append(entry)
    document = {
        "resource": resource_document(resource, drop_null=True, with_before=with_before),
        "related": related,
        "settings": dict(settings),
    }
    if resource.change is not None:
        # What the whole unit's change destroys and replaces: the blast radius rules read it.
        document["change_summary"] = dict(graph.change_counts)
    return document


def _far_neighbours(
    graph: Graph,
    resource: Resource,
    other: Resource,
    related_types: frozenset[str] | None,
    with_referred_by: bool,
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """What the neighbour ``other`` refers to, and (``with_referred_by``) what refers to it, besides
    ``resource``: attribute (of the edge's source), type, mode and address only, so the input stays small.
    What refers to a neighbour the resource refers to is not walked: a key that every resource names would
    make each resource's input walk every other one."""
    refers_to: list[dict[str, Any]] = []
    referred_by: list[dict[str, Any]] = []
    for target, far_direction, far_edge in graph.neighbours(other.id, None if with_referred_by else "out"):
        if target.id == resource.id or (related_types is not None and target.type not in related_types):
            continue
        far = {
            "attribute": far_edge.attribute,
            "type": target.type,
            "mode": target.mode,
            "address": target.id,
        }
        (refers_to if far_direction == "out" else referred_by).append(far)
    return refers_to, referred_by


def graph_input(
    graph: Graph,
    settings: Mapping[str, Any],
    types: frozenset[str] | None = None,
    edges: bool = True,
    refers_to: bool = False,
) -> dict[str, Any]:
    """The document of a whole-graph rule; ``types`` (None: all) are the only types it can read, ``edges``
    whether it reads the reference edges and ``refers_to`` whether it reads what each resource refers to
    (``closure.graph_reads``): the rest is left out.

    ``refers_to`` on a resource lists what it refers to (attribute, type, mode and address, as a
    neighbour's ``refers_to`` in the per-resource input), whatever the types: a rule finds a resource's
    references there instead of searching ``edges``, which the embedded engine does in time linear in
    their number for every resource (a thousand diagnostic settings over their edges stopped a scan).
    """
    return {
        "resources_by_type": {
            type_name: [_graph_resource(graph, resource, refers_to) for resource in resources]
            for type_name, resources in graph.by_type.items()
            if types is None or type_name in types
        },
        "edges": [
            {"source": edge.source, "target": edge.target, "kind": edge.kind, "attribute": edge.attribute}
            for edge in (graph.edges if edges else ())
        ],
        "settings": dict(settings),
    }


def _graph_resource(graph: Graph, resource: Resource, refers_to: bool) -> dict[str, Any]:
    document = resource_document(resource, drop_null=True)
    if refers_to:
        document["refers_to"] = [
            {"attribute": edge.attribute, "type": target.type, "mode": target.mode, "address": target.id}
            for target, _, edge in graph.neighbours(resource.id, "out")
        ]
    return document


def graph_document(graph: Graph) -> dict[str, Any]:
    """The whole graph as JSON (``iacgate graph`` output and the graph schema's subject)."""
    return {
        "resources": [
            {
                **resource_document(resource),
                "location": {
                    "file": resource.location.file,
                    "start_line": resource.location.start_line,
                    "end_line": resource.location.end_line,
                },
                "metadata": plain(resource.metadata),
            }
            for resource in graph.resources
        ],
        "edges": [
            {"source": edge.source, "target": edge.target, "kind": edge.kind, "attribute": edge.attribute}
            for edge in graph.edges
        ],
    }
