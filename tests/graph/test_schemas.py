"""The published JSON Schemas describe what the graph and the Rego input really look like."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import jsonschema
import pytest

from iacgate.graph import UNKNOWN, Graph, Resource, SourceLocation, Unknown
from iacgate.graph.document import graph_document, graph_input, resource_input
from iacgate.parsers.base import ParseOptions
from iacgate.parsers.tfplan import TerraformPlanParser
from iacgate.schemas import load_schema
from iacgate.textio import read_source

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO.parent / "shared" / "corpus" / "tfplan"
PLANS = [
    REPO / "fixtures" / "parsers" / "tfplan" / "modules.tfplan.json",
    REPO / "fixtures" / "demo" / "payments-platform.tfplan.json",
]
PLANS += sorted(CORPUS.glob("*.json")) if CORPUS.is_dir() else []
SETTINGS = {"allowed_regions": ["eu-west-1"]}


def graph_of(path: Path) -> Graph:
    """The plan's unit and, for a plan with resource_drift, the drift unit's resources beside it (their
    ids are the same addresses, so the drifted ones are renamed: the documents are what is checked)."""
    unit, *drift = TerraformPlanParser().parse(
        (read_source(path, path.name),), ParseOptions(scan_root=path.parent)
    )
    assert unit.notifications == ()
    extra = [
        dataclasses.replace(resource, id=f"{resource.id} (drift)")
        for other in drift
        for resource in other.resources
        if resource.mode == "managed"
    ]
    return Graph((*unit.resources, *extra), unit.edges, unit.unit)


def validator(name: str) -> jsonschema.protocols.Validator:
    schema = load_schema(name)
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


@pytest.mark.parametrize("path", PLANS, ids=lambda path: path.name)
def test_plans_produce_documents_the_schemas_accept(path: Path) -> None:
    graph = graph_of(path)
    validator("graph.schema.json").validate(graph_document(graph))
    inputs = validator("input.schema.json")
    for resource in graph.resources:
        inputs.validate(resource_input(graph, resource, SETTINGS))
    inputs.validate(graph_input(graph, SETTINGS))
    inputs.validate(graph_input(graph, SETTINGS, refers_to=True))


def test_the_corpus_is_covered() -> None:
    if not CORPUS.is_dir():
        pytest.skip(f"corpus not present at {CORPUS}")
    assert len(PLANS) == 32


def make(**changes: object) -> Resource:
    fields: dict[str, object] = {
        "id": "aws_ebs_volume.v",
        "format": "terraform-plan",
        "native_type": "aws_ebs_volume",
        "type": "aws_ebs_volume",
        "provider": "aws",
        "region": Unknown("provider aws sets no region"),
        "region_source": "provider aws",
        "attributes": {"encrypted": UNKNOWN},
        "tags": {},
        "location": SourceLocation("plan.json", 1, 2),
    }
    fields.update(changes)
    return Resource(**fields)  # type: ignore[arg-type]


def test_unknown_markers_are_part_of_the_schema() -> None:
    graph = Graph((make(),))
    document = graph_document(graph)
    assert document["resources"][0]["region"] == {"__unknown__": "provider aws sets no region"}
    validator("graph.schema.json").validate(document)


@pytest.mark.parametrize(
    ("schema", "broken"),
    [
        ("graph.schema.json", lambda doc: doc["resources"][0].update(region=None)),
        ("graph.schema.json", lambda doc: doc["resources"][0].update(mode="resource")),
        ("graph.schema.json", lambda doc: doc["resources"][0]["location"].update(start_line=0)),
        ("graph.schema.json", lambda doc: doc["resources"][0].pop("tags")),
        ("graph.schema.json", lambda doc: doc["edges"].append({"source": "a", "target": "b"})),
    ],
)
def test_the_graph_schema_rejects_wrong_shapes(schema: str, broken) -> None:  # type: ignore[no-untyped-def]
    document = graph_document(Graph((make(),)))
    broken(document)
    with pytest.raises(jsonschema.ValidationError):
        validator(schema).validate(document)


def test_the_input_schema_rejects_a_mixed_document() -> None:
    graph = Graph((make(),))
    document = resource_input(graph, graph.resources[0], {})
    document["edges"] = []
    with pytest.raises(jsonschema.ValidationError):
        validator("input.schema.json").validate(document)
    document = resource_input(graph, graph.resources[0], {})
    document["resource"]["region"] = {"__unknown__": 3}
    with pytest.raises(jsonschema.ValidationError):
        validator("input.schema.json").validate(document)
