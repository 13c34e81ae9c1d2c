"""Edges by literal name and ARN (issue 15 §3): the same join in every format, never by coincidence."""

from __future__ import annotations

from typing import Any

from iacgate.graph.model import Edge, Resource, SourceLocation, Unknown
from iacgate.graph.names import name_edges


def resource(
    rid: str, type_name: str, attributes: dict[str, Any], region: str | Unknown = "eu-west-1"
) -> Resource:
    return Resource(
        rid,
        "cloudformation",
        type_name,
        type_name,
        "aws",
        region,
        "",
        attributes,
        {},
        SourceLocation("t", 1, 1),
    )


def test_a_policy_naming_its_bucket_by_name_or_arn_is_joined() -> None:
    bucket = resource("Logs", "aws_s3_bucket", {"bucket": "acme-logs"})
    by_name = resource("P1", "aws_s3_bucket_policy", {"bucket": "acme-logs"})
    by_arn = resource("P2", "aws_iam_role_policy", {"resources": ["arn:aws:s3:::acme-logs"]})
    edges = name_edges((bucket, by_name, by_arn), ())
    assert set(edges) == {
        Edge("P1", "Logs", "name", "bucket"),
        Edge("P2", "Logs", "name", "resources"),
    }


def test_an_arn_in_any_partition_names_its_bucket() -> None:
    bucket = resource("Logs", "aws_s3_bucket", {"bucket": "acme-logs"})
    for partition in ("aws-cn", "aws-us-gov", "aws-iso-e", "aws-iso-f", "aws-eusc"):
        policy = resource("P", "aws_iam_role_policy", {"resources": [f"arn:{partition}:s3:::acme-logs"]})
        assert name_edges((bucket, policy), ()) == (Edge("P", "Logs", "name", "resources"),)


def test_literal_arn_attributes_join_any_type() -> None:
    key = resource("Key", "aws_kms_key", {"arn": "arn:aws:kms:eu-west-1:1:key/k"})
    user = resource("Q", "aws_sqs_queue", {"kms_master_key_id": "arn:aws:kms:eu-west-1:1:key/k"})
    assert name_edges((key, user), ()) == (Edge("Q", "Key", "name", "kms_master_key_id"),)


def test_no_join_by_coincidence_by_unknown_or_twice() -> None:
    bucket = resource("Logs", "aws_s3_bucket", {"bucket": "acme"})
    same_name = resource("Q", "aws_sqs_queue", {"name": "acme", "tags": {"bucket": "acme"}})
    unknown = resource("P", "aws_s3_bucket_policy", {"bucket": Unknown("later")})
    referenced = resource("R", "aws_s3_bucket_policy", {"bucket": "acme"})
    elsewhere = resource("W", "aws_s3_bucket_policy", {"bucket": "acme"}, region="us-east-1")
    edges = name_edges(
        (bucket, same_name, unknown, referenced, elsewhere), (Edge("R", "Logs", "reference", "bucket"),)
    )
    assert edges == ()


def test_through_the_api_in_every_format() -> None:
    from pathlib import Path

    from iacgate.api import parse_inputs
    from iacgate.discover import discover
    from iacgate.parsers import SUFFIXES, ParseOptions

    fixtures = Path(__file__).resolve().parents[2] / "fixtures" / "encryption" / "ENC-S3-003"
    names = {
        "main.tf": ("aws_s3_bucket_policy.pass_by_literal_name_policy", "aws_s3_bucket.pass_by_literal_name"),
        "ENC-S3-003.tfplan.json": (
            "aws_s3_bucket_policy.pass_by_literal_name_policy",
            "aws_s3_bucket.pass_by_literal_name",
        ),
        "template.yaml": ("PassByLiteralNamePolicy", "PassByLiteralName"),
        "ENC-S3-003.pulumi.json": ("pass_by_literal_name_policy", "pass_by_literal_name"),
    }
    for file, (source, target) in names.items():
        parsed = parse_inputs(
            discover((fixtures / file,), fixtures, SUFFIXES), ParseOptions(scan_root=fixtures)
        )
        edges = {(e.source, e.target, e.kind, e.attribute) for graph in parsed.graphs for e in graph.edges}
        assert any(
            s.endswith(source) and t.endswith(target) and kind == "name" and attribute == "bucket"
            for s, t, kind, attribute in edges
        ), file


def test_a_google_resource_naming_its_project_by_project_id_is_joined() -> None:
    project = resource("google_project.prod", "google_project", {"name": "Prod", "project_id": "acme-prod"})
    audit = resource(
        "google_project_iam_audit_config.all", "google_project_iam_audit_config", {"project": "acme-prod"}
    )
    other = resource(
        "google_project.test", "google_project", {"name": "acme-prod", "project_id": "acme-test"}
    )
    assert name_edges((project, audit, other), ()) == (
        Edge("google_project_iam_audit_config.all", "google_project.prod", "name", "project"),
    )
