"""Every real plan in ../shared/corpus/tfplan parses; resource counts, edges and regions for a few; speed."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pytest

from iacgate.graph import Graph, Unknown
from iacgate.parsers.tfplan import parse_plan
from parsers.tfplan_support import CORPUS, PARSER, graph_of, source, text_source

T = TypeVar("T")

needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason=f"corpus not present at {CORPUS}")
CORPUS_FILES = sorted(CORPUS.glob("*.json")) if CORPUS.is_dir() else []


@needs_corpus
def test_the_corpus_is_there() -> None:
    assert len(CORPUS_FILES) == 30


@needs_corpus
@pytest.mark.parametrize("path", CORPUS_FILES, ids=lambda path: path.name)
def test_every_corpus_plan_is_claimed_and_parses(path: Path) -> None:
    plan = source(path)
    assert PARSER.claims(plan)
    graph = graph_of(path)
    assert all(resource.location.start_line >= 1 for resource in graph.resources)
    assert all(resource.location.end_line >= resource.location.start_line for resource in graph.resources)


@needs_corpus
@pytest.mark.parametrize(
    ("name", "managed", "data"),
    [
        ("checkov__aws_55_resources_tf0.12.json", 55, 4),
        ("checkov__github_oidc_trust_policy_module_tf1.5.json", 5, 4),
        ("checkov__for_each_modules_tf1.9.json", 5, 2),
        ("checkov__utf16le_bom_windows_tf1.0.json", 3, 0),
        ("checkov__providers_only_no_resources_tf1.11.json", 0, 0),
        ("regula__child_modules_outputs_tf1.0.json", 7, 0),
    ],
)
def test_resource_counts(name: str, managed: int, data: int) -> None:
    graph = graph_of(CORPUS / name)
    modes = [resource.mode for resource in graph.resources]
    assert (modes.count("managed"), modes.count("data")) == (managed, data)


@needs_corpus
def test_outputs_and_variables_across_three_module_levels() -> None:
    graph = graph_of(CORPUS / "regula__child_modules_outputs_tf1.0.json")
    grandchild_vpc = "module.child1.module.grandchild1.aws_vpc.grandchild"
    referrers = {edge.source for edge in graph.edges if edge.target == grandchild_vpc}
    assert referrers == {
        "aws_security_group.parent",  # module.child1.grandchild_vpc -> module.grandchild1 output
        "module.child1.module.grandchild1.aws_security_group.grandchild",
        "module.child2.aws_security_group.child",  # var.child_vpc_id -> module.child1 output
    }
    # 0.2-era "child1:aws" keys: the root provider is inherited.
    assert {resource.region for resource in graph.resources} == {"us-east-2"}


@needs_corpus
def test_for_each_module_instances_and_plan_time_data_sources() -> None:
    graph = graph_of(CORPUS / "checkov__for_each_modules_tf1.9.json")
    assert 'module.sg["awful_example"].aws_security_group.bad' in graph.by_id
    assert ('module.sg["bad_example"].aws_security_group.bad', "data.aws_vpc.sandbox", "vpc_id") in {
        (edge.source, edge.target, edge.attribute) for edge in graph.edges
    }
    zone = graph.by_id['aws_route53_zone.example["example.com"]']
    assert isinstance(zone.region, Unknown)  # provider "aws" block without a region


@needs_corpus
def test_provider_variants() -> None:
    opentofu = graph_of(CORPUS / "trivy__drift_delete_tf1.8.json").resources[0]
    assert opentofu.provider == "aws"  # registry.opentofu.org/hashicorp/aws
    bare = graph_of(CORPUS / "checkov__aws_55_resources_tf0.12.json").by_id["aws_s3_bucket.data"]
    assert (bare.provider, bare.region, bare.region_source) == ("aws", "us-west-2", "provider aws")
    v6 = graph_of(CORPUS / "trivy__module_call_tf1.14.json").resources[0]
    assert (v6.region, v6.region_source) == ("eu-west-1", "resource argument region")
    no_config = graph_of(CORPUS / "checkov__after_unknown_no_configuration_tf1.1.json").resources[0]
    assert isinstance(no_config.region, Unknown)
    assert "no configuration section" in no_config.region.reason


def synthetic_plan(count: int) -> str:
    """``count`` buckets, each with an encryption resource referring to it: 2 * ``count`` resources."""
    resources, changes, config = [], [], []
    for number in range(count):
        for kind, values, expressions in (
            ("aws_s3_bucket", {"bucket": f"b{number}", "tags": {"n": str(number)}}, {}),
            (
                "aws_s3_bucket_server_side_encryption_configuration",
                {"rule": [{"apply_server_side_encryption_by_default": [{"sse_algorithm": "AES256"}]}]},
                {"bucket": {"references": [f"aws_s3_bucket.b{number}.id", f"aws_s3_bucket.b{number}"]}},
            ),
        ):
            address = f"{kind}.b{number}"
            resources.append(
                {
                    "address": address,
                    "mode": "managed",
                    "type": kind,
                    "name": f"b{number}",
                    "values": values,
                    "provider_name": "registry.terraform.io/hashicorp/aws",
                }
            )
            changes.append(
                {"address": address, "change": {"actions": ["create"], "after_unknown": {"id": True}}}
            )
            config.append(
                {
                    "address": address,
                    "mode": "managed",
                    "type": kind,
                    "name": f"b{number}",
                    "provider_config_key": "aws",
                    "expressions": expressions,
                }
            )
    plan = {
        "format_version": "1.2",
        "planned_values": {"root_module": {"resources": resources}},
        "resource_changes": changes,
        "configuration": {
            "provider_config": {
                "aws": {"name": "aws", "expressions": {"region": {"constant_value": "eu-west-1"}}}
            },
            "root_module": {"resources": config},
        },
    }
    return json.dumps(plan, indent=2)


def _calls(action: Callable[[], T]) -> tuple[T, int]:
    """``action()`` and how many Python functions it called: work counted, not timed (timing lives in
    make bench), so the test holds on a loaded machine."""
    count = 0

    def profile(_frame: object, event: str, _arg: object) -> None:
        nonlocal count
        if event == "call":
            count += 1

    sys.setprofile(profile)
    try:
        result = action()
    finally:
        sys.setprofile(None)
    return result, count


def test_ten_thousand_resources_parse_linearly() -> None:
    small, large = synthetic_plan(500), synthetic_plan(5000)
    _, small_calls = _calls(lambda: parse_plan(text_source(small, "big.tfplan.json")))
    result, large_calls = _calls(lambda: parse_plan(text_source(large, "big.tfplan.json")))
    assert len(result.resources) == 10_000
    assert len(result.edges) == 5_000
    graph = Graph(result.resources, result.edges)
    last = graph.by_id["aws_s3_bucket_server_side_encryption_configuration.b4999"]
    assert (
        last.location.line_for(("rule", 0, "apply_server_side_encryption_by_default", 0, "sse_algorithm"))
        > 100_000
    )
    # Ten times the resources, about ten times the work (quadratic growth would be ~100x).
    assert large_calls < 12 * small_calls, (small_calls, large_calls)
