"""Property conversion, special values, the type table and what the parser claims."""

from __future__ import annotations

from pathlib import Path

import pytest

from iacgate.graph.model import Unknown
from iacgate.parsers import PARSERS, Guarded, OnUse
from iacgate.parsers.pulumi import PulumiParser
from iacgate.parsers.pulumi.properties import Converter, snake
from iacgate.parsers.pulumi.typemap import load_table, mechanical
from iacgate.textio import SourceFile

SIG = "4dabf18193072939515e22adb298388d"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("storageEncrypted", "storage_encrypted"),
        ("kmsKeyId", "kms_key_id"),
        ("ipv6CidrBlock", "ipv6_cidr_block"),
        ("enableHTTPSEndpoint", "enable_https_endpoint"),
        ("arn", "arn"),
        ("CostCenter", "CostCenter"),
        ("kubernetes.io/role", "kubernetes.io/role"),
    ],
)
def test_snake(name: str, expected: str) -> None:
    assert snake(name) == expected


def test_special_values_and_bookkeeping_keys() -> None:
    converter = Converter({}, frozenset({"tags", "variables"}), None)
    attributes: dict[str, object] = {}
    converter.merge(
        {
            "__defaults": ["a"],
            "serverSideEncryption": {"__defaults": [], "kmsKeyArn": "04da6b54-80e4-46f7-96ec-b56ff0331ba9"},
            "environment": {
                "variables": {"dbHost": {SIG: "1b47061264138c4ac30d75fd1eb44270", "plaintext": '"db"'}}
            },
            "code": {SIG: "0def7320c3a5731c473e5ecbe6d01bc7", "path": "./app"},
            "role": {SIG: "5cf8f73096256a8f31e491e813e4eb8e", "urn": "urn:x", "id": "role-1"},
            "pending": {SIG: "d0e6a833031e9bbcd3f4e8bde6ca49a4", "dependencies": []},
            "ready": {SIG: "d0e6a833031e9bbcd3f4e8bde6ca49a4", "value": {"maxSize": 3}},
            "list": ["04da6b54-80e4-46f7-96ec-b56ff0331ba9", {"innerKey": 1}],
        },
        None,
        attributes,
    )
    assert attributes == {
        "server_side_encryption": {"kms_key_arn": Unknown("known after update")},
        # User-keyed maps keep their keys; the secret's plaintext is JSON-decoded.
        "environment": {"variables": {"dbHost": "db"}},
        "code": {"path": "./app"},
        "role": "role-1",
        "pending": Unknown("known after update"),
        "ready": {"max_size": 3},
        "list": [Unknown("known after update"), {"inner_key": 1}],
    }


def test_type_table_covers_the_pack_services() -> None:
    table = load_table()
    aws = [token for token in table.types if token.startswith("aws:")]
    assert len(aws) >= 80
    expected = {
        "aws:s3/bucket:Bucket": "aws_s3_bucket",
        "aws:s3/bucketV2:BucketV2": "aws_s3_bucket",
        "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2": (
            "aws_s3_bucket_server_side_encryption_configuration"
        ),
        "aws:cloudtrail/trail:Trail": "aws_cloudtrail",
        "aws:ebs/volume:Volume": "aws_ebs_volume",
        "aws:rds/instance:Instance": "aws_db_instance",
        "aws:rds/cluster:Cluster": "aws_rds_cluster",
        "aws:kms/key:Key": "aws_kms_key",
        "aws:dynamodb/table:Table": "aws_dynamodb_table",
        "aws:sqs/queue:Queue": "aws_sqs_queue",
        "aws:sns/topic:Topic": "aws_sns_topic",
        "aws:ec2/vpc:Vpc": "aws_vpc",
        "aws:ec2/flowLog:FlowLog": "aws_flow_log",
        "aws:cloudwatch/logGroup:LogGroup": "aws_cloudwatch_log_group",
        "aws:cfg/rule:Rule": "aws_config_config_rule",
        "aws:alb/loadBalancer:LoadBalancer": "aws_alb",
        "azure-native:storage/v20230101:StorageAccount": "azurerm_storage_account",
        "azure:compute/managedDisk:ManagedDisk": "azurerm_managed_disk",
        "gcp:storage/bucket:Bucket": "google_storage_bucket",
        "gcp:bigquery/dataset:Dataset": "google_bigquery_dataset",
        "gcp:kms/cryptoKey:CryptoKey": "google_kms_crypto_key",
    }
    assert {token: table.canonical(token) for token in expected} == expected
    for service in (
        "elasticache",
        "opensearch",
        "efs",
        "kinesis",
        "msk",
        "mq",
        "secretsmanager",
        "ssm",
        "ecr",
        "codebuild",
        "glue",
        "athena",
        "sagemaker",
        "eks",
        "workspaces",
        "emr",
        "backup",
        "lb",
        "elb",
        "cloudfront",
        "apigateway",
        "redshift",
        "docdb",
        "neptune",
        "dax",
        "wafv2",
        "globalaccelerator",
    ):
        assert any(token.startswith(f"aws:{service}/") for token in aws), service
    # Every rename belongs to a mapped type, every canonical name looks like a Terraform type.
    assert set(table.renames) <= set(table.types)
    assert all(value.replace("_", "").isalnum() and value.islower() for value in table.types.values())


def test_unmapped_tokens_get_a_mechanical_type() -> None:
    assert mechanical("awsx:x:ec2:Vpc") == "awsx_x_ec2_vpc"
    assert mechanical("eks:index:Cluster") == "eks_cluster"
    assert mechanical("pulumi:providers:aws") == "pulumi_providers_aws"
    assert mechanical("kubernetes:core/v1:ConfigMap") == "kubernetes_core_v1_config_map"


def _source(text: str) -> SourceFile:
    return SourceFile(Path("x.json"), "x.json", text)


@pytest.mark.parametrize(
    ("text", "claimed"),
    [
        ('{"config": {}, "steps": [{"op": "create", "urn": "urn:pulumi:a::b::c::d"}]}', True),
        (
            '{"sequence":0,"timestamp":1,"preludeEvent":{"config":{}}}\n{"sequence":1,"timestamp":1,"cancelEvent":{}}\n',
            True,
        ),
        ('{"version": 3, "deployment": {"manifest": {}, "resources": []}}', True),
        ('{"version": 1, "checkpoint": {"target": "foo", "latest": {"resources": []}}}', True),
        ('{"target": "foo", "latest": {"resources": [{"urn": "urn:pulumi:foo::p::t::n"}]}}', True),
        ('{"format_version": "1.2", "terraform_version": "1.9.5", "planned_values": {}}', False),
        (
            '{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {"Steps": {"Type": "AWS::EMR::Step"}}}',
            False,
        ),
        ('{"Resources": {"Emr": {"Type": "AWS::EMR::Cluster", "Properties": {"steps": []}}}}', False),
        ('{"name": "package.json", "version": "1.0.0"}', False),
    ],
)
def test_claims_by_content(text: str, claimed: bool) -> None:
    assert PulumiParser().claims(_source(text)) is claimed


def test_registered_in_the_parser_table() -> None:
    parser = PARSERS["pulumi"]
    assert isinstance(parser, Guarded) and isinstance(parser.parser, OnUse)
    assert isinstance(parser.parser.parser, PulumiParser)
