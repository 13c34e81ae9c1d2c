"""Two hops in the per-resource input (#15): every neighbour says what it refers to itself (``refers_to``),
and a neighbour that refers to the resource says what refers to it in turn (``referred_by``); type,
attribute, mode and address only, never values, and only types the policies name."""

from __future__ import annotations

from pathlib import Path

from iacgate.api import parse_inputs
from iacgate.discover import discover
from iacgate.graph.document import resource_input
from iacgate.graph.model import Graph
from iacgate.parsers import SUFFIXES, ParseOptions

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "parsers" / "terraform" / "two_hops"


def graph() -> Graph:
    parsed = parse_inputs(discover((FIXTURE,), FIXTURE, SUFFIXES), ParseOptions(scan_root=FIXTURE))
    (only,) = parsed.graphs
    return only


def related_of(resource_id: str, related_types: frozenset[str] | None = None) -> list[dict]:
    unit = graph()
    return resource_input(unit, unit.by_id[resource_id], {}, related_types)["related"]


def test_an_out_neighbour_says_what_it_refers_to() -> None:
    (cluster,) = related_of("aws_neptune_cluster_snapshot.graph")
    assert cluster["direction"] == "out"
    assert cluster["refers_to"] == [
        {"attribute": "kms_key_arn", "type": "aws_kms_key", "mode": "managed", "address": "aws_kms_key.graph"}
    ]
    assert "referred_by" not in cluster


def test_an_in_neighbour_says_what_refers_to_it() -> None:
    (container,) = related_of("azurerm_storage_account.logs")
    assert container["direction"] == "in"
    assert container["referred_by"] == [
        {
            "attribute": "storage_container_resource_manager_id",
            "type": "azurerm_storage_container_immutability_policy",
            "mode": "managed",
            "address": "azurerm_storage_container_immutability_policy.logs",
        }
    ]
    # The judged resource itself is never among the far neighbours.
    assert "refers_to" not in container


def test_far_neighbours_of_types_no_policy_names_are_left_out() -> None:
    (cluster,) = related_of("aws_neptune_cluster_snapshot.graph", frozenset({"aws_neptune_cluster"}))
    assert "refers_to" not in cluster
