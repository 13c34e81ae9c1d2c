"""Helpers for the Terraform HCL parser tests: scan a fixture directory the way ``iacgate.api`` does."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from iacgate.api import parse_inputs
from iacgate.discover import discover
from iacgate.graph.model import Resource
from iacgate.notifications import Notification
from iacgate.parsers import SUFFIXES, ParseOptions

REPO = Path(__file__).resolve().parents[3]
FIXTURES = REPO / "fixtures" / "parsers" / "terraform"
CORPUS = REPO.parent / "shared" / "corpus" / "terraform"


@dataclass(frozen=True)
class Scanned:
    resources: dict[str, Resource]
    edges: set[tuple[str, str, str, str | None]]
    notifications: tuple[Notification, ...]
    units: tuple[str, ...]
    every: tuple[Resource, ...] = ()


def scan(
    directory: Path,
    root: Path | None = None,
    variables: Mapping[str, str] | None = None,
    var_files: tuple[Path, ...] = (),
    environment: Mapping[str, str] | None = None,
    unique: bool = True,
) -> Scanned:
    scan_root = (root or directory).resolve()
    options = ParseOptions(
        scan_root=scan_root, variables=variables or {}, var_files=var_files, environment=environment or {}
    )
    parsed = parse_inputs(discover((directory,), scan_root, SUFFIXES), options)
    resources: dict[str, Resource] = {}
    edges: set[tuple[str, str, str, str | None]] = set()
    for graph in parsed.graphs:
        for resource in graph.resources:
            # Ids are unique within a unit; two root modules may hold the same address.
            assert not unique or resource.id not in resources
            resources[resource.id] = resource
        edges.update((edge.source, edge.target, edge.kind, edge.attribute) for edge in graph.edges)
    every = tuple(resource for graph in parsed.graphs for resource in graph.resources)
    return Scanned(
        resources, edges, parsed.notifications, tuple(graph.name for graph in parsed.graphs), every
    )


def edges_of(edges: set[tuple[str, str, str, str | None]], source: str) -> set[tuple[str, str, str | None]]:
    return {(target, kind, attribute) for start, target, kind, attribute in edges if start == source}
