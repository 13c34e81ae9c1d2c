"""Edges by literal name and ARN: a resource that names another by its name or ARN refers to it.

``aws_s3_bucket_policy { bucket = "acme-logs" }`` (CloudFormation ``Bucket: acme-logs``, a Pulumi
``bucket`` holding the bucket's id) is about the bucket named acme-logs just as much as
``bucket = aws_s3_bucket.logs.id`` is. Parsers record the references they can see in expressions; this
step, run once per unit when its graph is built, adds a ``name`` edge wherever an argument's literal
value is the name (by the table ``data/names.json``) or the ARN of another resource of the unit, in
every format alike. Unknown values join nothing; an argument that already refers to the resource keeps
its one edge.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from functools import cache
from importlib import resources as package_files
from typing import Any

from iacgate.graph.model import Edge, Resource, Unknown

KIND = "name"
PARTITIONS = ("aws", "aws-cn", "aws-us-gov", "aws-iso", "aws-iso-b", "aws-iso-e", "aws-iso-f", "aws-eusc")
# Arguments that describe a resource rather than point at another: a name equal to another resource's
# name is a coincidence, not a reference.
_NOT_REFERENCES = frozenset({"name", "name_prefix", "description", "tags", "tags_all", "id", "arn"})
_DEPTH = 4


@cache
def _table() -> Mapping[str, Mapping[str, Sequence[str]]]:
    text = package_files.files("iacgate.graph").joinpath("data/names.json").read_text(encoding="utf-8")
    types: Mapping[str, Mapping[str, Sequence[str]]] = json.loads(text)["types"]
    return types


def identities(resource: Resource) -> set[str]:
    """The literal names and ARNs another resource may name ``resource`` by."""
    found: set[str] = set()
    entry = _table().get(resource.type, {})
    for argument in entry.get("names", ()):
        value = resource.attributes.get(argument)
        if isinstance(value, str) and value:
            found.add(value)
            for template in entry.get("arn_templates", ()):
                found.update(
                    template.replace("{partition}", partition).replace("{" + argument + "}", value)
                    for partition in PARTITIONS
                )
    arn = resource.attributes.get("arn")
    if isinstance(arn, str) and arn.startswith("arn:"):
        found.add(arn)
    return found


def _words(type_name: str) -> frozenset[str]:
    """Words an argument naming a resource of this type by its name contains (``bucket``,
    ``target_bucket`` for aws_s3_bucket; ``parameter_group_name`` for aws_db_parameter_group)."""
    extra = _table().get(type_name, {}).get("words", ())
    return frozenset(type_name.split("_")[1:]) | frozenset(extra)


def _names_kind(argument: str, target: Resource) -> bool:
    """Whether ``argument`` may hold the name of ``target``: an ARN says what it names, a bare name is
    joined only to a resource whose type the argument's name speaks of (a queue named like a bucket is
    not what ``bucket = "acme"`` names)."""
    return bool(set(argument.split("_")) & _words(target.type))


def _strings(value: Any, depth: int = 0) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif depth < _DEPTH and isinstance(value, list | tuple):
        for item in value:
            yield from _strings(item, depth + 1)
    elif depth < _DEPTH and isinstance(value, Mapping) and not isinstance(value, Unknown):
        for key, item in value.items():
            if key not in _NOT_REFERENCES:
                yield from _strings(item, depth + 1)


def _same_region(one: Resource, other: Resource) -> bool:
    if isinstance(one.region, str) and isinstance(other.region, str) and one.region and other.region:
        return one.region == other.region
    return True


def name_edges(resources: Sequence[Resource], edges: Sequence[Edge]) -> tuple[Edge, ...]:
    """The ``name`` edges of one unit: one per (resource, argument, resource named there) that no
    reference edge already links."""
    named: dict[str, list[Resource]] = {}
    arns: set[str] = set()
    for resource in resources:
        for identity in identities(resource):
            named.setdefault(identity, []).append(resource)
            if identity.startswith("arn:"):
                arns.add(identity)
    if not named:
        return ()
    linked = {(edge.source, edge.target, edge.attribute) for edge in edges}
    found: list[Edge] = []
    for resource in resources:
        own = set(_table().get(resource.type, {}).get("names", ()))
        for argument, value in resource.attributes.items():
            if argument in _NOT_REFERENCES or argument in own:
                continue
            for text in _strings(value):
                for target in named.get(text, ()):
                    key = (resource.id, target.id, argument)
                    if target.id == resource.id or key in linked or not _same_region(resource, target):
                        continue
                    if text not in arns and not _names_kind(argument, target):
                        continue
                    linked.add(key)
                    found.append(Edge(resource.id, target.id, KIND, argument))
    return tuple(found)
