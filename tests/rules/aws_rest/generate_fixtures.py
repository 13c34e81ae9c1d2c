"""Fixtures of the AWS at-rest encryption rules of the aws_rest group (issue 15), in every format where the
resource exists.

Each case is a resource named by its expected outcome with its Terraform arguments, its CloudFormation
properties and its Pulumi inputs. Rewrite the checked-in files after editing a case:

    .venv/bin/python tests/rules/aws_rest/generate_fixtures.py
"""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from fixture_writer import UNKNOWN, Case, Chosen, Parameter, Ref, pascal, write

PACK = "encryption"
PROJECT = "awsrest"
KEY = Ref("aws_kms_key.cmk", "arn")
LITERAL_KEY = "arn:aws:kms:eu-west-1:482913057716:key/0f2b9c1e-7d4a-4c55-9a1b-3e8f6d2c4b71"
AMI_ID = "ami-0c1a7f1e2d3b4c5a6"
SNAPSHOT_ID = "snap-0a1b2c3d4e5f60718"
NO_VALUE = {"Ref": "AWS::NoValue"}


def kms_key() -> Case:
    description = "data at rest"
    return Case(
        "aws_kms_key",
        "cmk",
        {"description": description, "enable_key_rotation": True},
        ("AWS::KMS::Key", {"Description": description, "EnableKeyRotation": True}),
        ("aws:kms/key:Key", {"description": description, "enableKeyRotation": True}),
    )


def kms_key_only_terraform_pulumi() -> Case:
    """The key, for a rule whose resources have no CloudFormation fixture (no template of a key alone)."""
    return replace(kms_key(), cloudformation=None)


def camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part[:1].upper() + part[1:] for part in rest)


def _drop_none(values: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in values.items() if value is not None}


# --- EC2 instances -----------------------------------------------------------------------------------


def instance(
    name: str,
    root: dict[str, Any] | None,
    extra: dict[str, Any] | None = None,
) -> Case:
    """An instance; ``root`` and ``extra`` are the root and one additional EBS device's settings in
    Terraform names (None: no such device), e.g. {"encrypted": True, "kms_key_id": KEY}."""
    tf: dict[str, Any] = {"ami": AMI_ID, "instance_type": "t3.micro"}
    cfn: dict[str, Any] = {"ImageId": AMI_ID, "InstanceType": "t3.micro"}
    pul: dict[str, Any] = {"ami": AMI_ID, "instanceType": "t3.micro"}
    mappings: list[dict[str, Any]] = []
    if root is not None:
        tf["root_block_device"] = [{"volume_size": 30, **root}]
        pul["rootBlockDevice"] = {"volumeSize": 30, **{camel(k): v for k, v in root.items()}}
        ebs = {"VolumeSize": 30, **{pascal(k): v for k, v in root.items()}}
        mappings.append({"DeviceName": "/dev/xvda", "Ebs": ebs})
    if extra is not None:
        tf["ebs_block_device"] = [{"device_name": "/dev/sdf", "volume_size": 50, **extra}]
        pul["ebsBlockDevices"] = [
            {"deviceName": "/dev/sdf", "volumeSize": 50, **{camel(k): v for k, v in extra.items()}}
        ]
        ebs = {"VolumeSize": 50, **{pascal(k): v for k, v in extra.items()}}
        mappings.append({"DeviceName": "/dev/sdf", "Ebs": ebs})
    if mappings:
        cfn["BlockDeviceMappings"] = mappings
    return Case(
        "aws_instance",
        name,
        tf,
        ("AWS::EC2::Instance", cfn),
        ("aws:ec2/instance:Instance", pul),
        blocks=("root_block_device", "ebs_block_device"),
    )


def instance_unknown_data_volumes(name: str) -> Case:
    """An instance whose ebs_block_device is a variable without a value (as a dynamic block over one):
    unknown as a whole, so its devices' encryption and keys cannot be told. Terraform only (HCL and plan)."""
    tf: dict[str, Any] = {
        "ami": AMI_ID,
        "instance_type": "t3.micro",
        "root_block_device": [{"volume_size": 30, "encrypted": True, "kms_key_id": KEY}],
        "ebs_block_device": Ref("var.data_volumes", None),
    }
    return Case("aws_instance", name, tf, None, None, blocks=("root_block_device",))


def spot_instance(name: str, root: dict[str, Any] | None, extra: dict[str, Any] | None = None) -> Case:
    """An aws_spot_instance_request: the provider builds its block devices as an aws_instance's (same
    root_block_device and ebs_block_device). Terraform and Pulumi; CloudFormation has no such type."""
    case = instance(name, root, extra)
    assert case.pulumi is not None
    return replace(
        case,
        tf_type="aws_spot_instance_request",
        cloudformation=None,
        pulumi=("aws:ec2/spotInstanceRequest:SpotInstanceRequest", case.pulumi[1]),
    )


def as_planned(case: Case) -> Case:
    """An instance case whose plan shows what terraform shows: the devices' encrypted and kms_key_id
    (optional and computed) unknown until apply where the configuration leaves them out, and the root
    device's device_name, which the provider computes."""
    assert case.terraform is not None
    planned: dict[str, Any] = {}
    for attribute in ("root_block_device", "ebs_block_device"):
        devices = case.terraform.get(attribute)
        if not isinstance(devices, list):
            continue
        planned[attribute] = [
            {
                **{key: UNKNOWN if isinstance(value, Ref) else value for key, value in device.items()},
                **{key: UNKNOWN for key in ("encrypted", "kms_key_id") if key not in device},
                **({"device_name": UNKNOWN} if attribute == "root_block_device" else {}),
            }
            for device in devices
        ]
    return replace(case, plan_values=planned)


def instance_root_name_after_apply(name: str, root: dict[str, Any]) -> Case:
    """An instance whose plan shows its root device's device_name unknown until apply, as every real plan
    does (the provider computes it from the AMI): the name is shown in messages, never concatenated."""
    case = instance(name, root)
    assert case.terraform is not None
    (device,) = case.terraform["root_block_device"]
    planned = {key: UNKNOWN if isinstance(value, Ref) else value for key, value in device.items()}
    return replace(case, plan_values={"root_block_device": [{**planned, "device_name": UNKNOWN}]})


def instance_data_device_unknown(name: str, data: dict[str, Any]) -> Case:
    """An instance whose data volume's device_name is a variable without a value (CloudFormation: a
    parameter without a default): the device cannot be named, its settings still decide."""
    root = {"volume_size": 30, "encrypted": True, "kms_key_id": KEY}
    tf: dict[str, Any] = {
        "ami": AMI_ID,
        "instance_type": "t3.micro",
        "root_block_device": [root],
        "ebs_block_device": [{"device_name": Ref("var.data_device", None), "volume_size": 50, **data}],
    }
    cfn: dict[str, Any] = {
        "ImageId": AMI_ID,
        "InstanceType": "t3.micro",
        "BlockDeviceMappings": [
            {"DeviceName": "/dev/xvda", "Ebs": {pascal(k): v for k, v in root.items()}},
            {
                "DeviceName": Parameter("DataDevice"),
                "Ebs": {"VolumeSize": 50, **{pascal(k): v for k, v in data.items()}},
            },
        ],
    }
    return Case(
        "aws_instance",
        name,
        tf,
        ("AWS::EC2::Instance", cfn),
        None,
        blocks=("root_block_device", "ebs_block_device"),
    )


# --- Resources whose only setting under test is one key attribute -----------------------------------


def keyed(
    tf_type: str,
    cfn_type: str | None,
    token: str,
    names: tuple[str, str, str],
    base: tuple[dict[str, Any], dict[str, Any], dict[str, Any]],
    blocks: tuple[str, ...] = (),
) -> Any:
    """A builder of resources of one type: ``names`` is the key attribute in Terraform, CloudFormation and
    Pulumi, ``base`` the other settings per format; ``extra`` adds settings as (tf, cfn, pulumi) dicts."""

    def build(
        name: str,
        key: Any = None,
        extra: tuple[dict[str, Any], dict[str, Any], dict[str, Any]] = ({}, {}, {}),
    ) -> Case:
        label = name.replace("_", "-")
        tf = {key_: (label if value == "$name" else value) for key_, value in base[0].items()}
        cfn = {key_: (label if value == "$name" else value) for key_, value in base[1].items()}
        pul = {key_: (label if value == "$name" else value) for key_, value in base[2].items()}
        tf.update(extra[0])
        cfn.update(extra[1])
        pul.update(extra[2])
        if key is not None:
            tf[names[0]], cfn[names[1]], pul[names[2]] = key, key, key
        return Case(
            tf_type,
            name,
            tf,
            (cfn_type, cfn) if cfn_type else None,
            (token, pul),
            blocks=blocks,
        )

    return build


KEY_NAMES = ("kms_key_id", "KmsKeyId", "kmsKeyId")
KEY_ARN_NAMES = ("kms_key_arn", "KmsKeyId", "kmsKeyArn")


def efs_replica(name: str, key: Any = None, existing: bool = False) -> Case:
    """An aws_efs_replication_configuration of the file system pass_cmk to a new file system in
    eu-central-1 under ``key`` (``existing``: to an existing file system, which it does not create).
    Terraform and Pulumi; CloudFormation declares replicas inside the file system (efs_with_replica)."""
    destination: dict[str, Any] = {"region": "eu-central-1"}
    if key is not None:
        destination["kms_key_id"] = key
    if existing:
        destination["file_system_id"] = "fs-0a1b2c3d4e5f60718"
    source = Ref("aws_efs_file_system.pass_cmk", "id")
    return Case(
        "aws_efs_replication_configuration",
        name,
        {"source_file_system_id": source, "destination": [destination]},
        None,
        (
            "aws:efs/replicationConfiguration:ReplicationConfiguration",
            {"sourceFileSystemId": source, "destination": {camel(k): v for k, v in destination.items()}},
        ),
        blocks=("destination",),
    )


def efs_with_replica(name: str, key: Any = None) -> Case:
    """A CloudFormation file system under the stack's key with ReplicationConfiguration to a new file system
    in eu-central-1 under ``key``."""
    destination: dict[str, Any] = {"Region": "eu-central-1"}
    if key is not None:
        destination["KmsKeyId"] = key
    properties = {
        "Encrypted": True,
        "KmsKeyId": KEY,
        "ReplicationConfiguration": {"Destinations": [destination]},
    }
    return Case("aws_efs_file_system", name, None, ("AWS::EFS::FileSystem", properties), None)


ebs_volume = keyed(
    "aws_ebs_volume",
    "AWS::EC2::Volume",
    "aws:ebs/volume:Volume",
    KEY_NAMES,
    (
        {"availability_zone": "eu-west-1a", "size": 50, "encrypted": True},
        {"AvailabilityZone": "eu-west-1a", "Size": 50, "Encrypted": True},
        {"availabilityZone": "eu-west-1a", "size": 50, "encrypted": True},
    ),
)
efs = keyed(
    "aws_efs_file_system",
    "AWS::EFS::FileSystem",
    "aws:efs/fileSystem:FileSystem",
    KEY_NAMES,
    (
        {"creation_token": "$name", "encrypted": True},
        {"Encrypted": True},
        {"creationToken": "$name", "encrypted": True},
    ),
)
replication_group = keyed(
    "aws_elasticache_replication_group",
    "AWS::ElastiCache::ReplicationGroup",
    "aws:elasticache/replicationGroup:ReplicationGroup",
    KEY_NAMES,
    (
        {
            "replication_group_id": "$name",
            "description": "sessions",
            "node_type": "cache.t4g.small",
            "at_rest_encryption_enabled": True,
        },
        {
            "ReplicationGroupDescription": "sessions",
            "CacheNodeType": "cache.t4g.small",
            "Engine": "redis",
            "AtRestEncryptionEnabled": True,
        },
        {
            "replicationGroupId": "$name",
            "description": "sessions",
            "nodeType": "cache.t4g.small",
            "atRestEncryptionEnabled": True,
        },
    ),
)
serverless_cache = keyed(
    "aws_elasticache_serverless_cache",
    "AWS::ElastiCache::ServerlessCache",
    "aws:elasticache/serverlessCache:ServerlessCache",
    KEY_NAMES,
    (
        {"name": "$name", "engine": "valkey"},
        {"ServerlessCacheName": "$name", "Engine": "valkey"},
        {"name": "$name", "engine": "valkey"},
    ),
)
sqs_queue = keyed(
    "aws_sqs_queue",
    "AWS::SQS::Queue",
    "aws:sqs/queue:Queue",
    ("kms_master_key_id", "KmsMasterKeyId", "kmsMasterKeyId"),
    ({"name": "$name"}, {"QueueName": "$name"}, {"name": "$name"}),
)
sns_topic = keyed(
    "aws_sns_topic",
    "AWS::SNS::Topic",
    "aws:sns/topic:Topic",
    ("kms_master_key_id", "KmsMasterKeyId", "kmsMasterKeyId"),
    ({"name": "$name"}, {"TopicName": "$name"}, {"name": "$name"}),
)
docdb_cluster = keyed(
    "aws_docdb_cluster",
    "AWS::DocDB::DBCluster",
    "aws:docdb/cluster:Cluster",
    KEY_NAMES,
    (
        {"cluster_identifier": "$name", "storage_encrypted": True},
        {"DBClusterIdentifier": "$name", "StorageEncrypted": True},
        {"clusterIdentifier": "$name", "storageEncrypted": True},
    ),
)
docdb_elastic_cluster = keyed(
    "aws_docdb_elastic_cluster",
    "AWS::DocDBElastic::Cluster",
    "aws:docdb/elasticCluster:ElasticCluster",
    KEY_NAMES,
    (
        {
            "name": "$name",
            "admin_user_name": "profiles",
            "admin_user_password": Ref("var.docdb_admin_password", None),
            "auth_type": "PLAIN_TEXT",
            "shard_capacity": 2,
            "shard_count": 1,
        },
        {
            "ClusterName": "$name",
            "AdminUserName": "profiles",
            "AdminUserPassword": "{{resolve:secretsmanager:docdb-elastic-admin:SecretString:password}}",
            "AuthType": "PLAIN_TEXT",
            "ShardCapacity": 2,
            "ShardCount": 1,
        },
        {
            "name": "$name",
            "adminUserName": "profiles",
            "authType": "SECRET_ARN",
            "shardCapacity": 2,
            "shardCount": 1,
        },
    ),
)
neptune_cluster = keyed(
    "aws_neptune_cluster",
    "AWS::Neptune::DBCluster",
    "aws:neptune/cluster:Cluster",
    KEY_ARN_NAMES,
    (
        {"cluster_identifier": "$name", "storage_encrypted": True},
        {"DBClusterIdentifier": "$name", "StorageEncrypted": True},
        {"clusterIdentifier": "$name", "storageEncrypted": True},
    ),
)
serverless_namespace = keyed(
    "aws_redshiftserverless_namespace",
    "AWS::RedshiftServerless::Namespace",
    "aws:redshiftserverless/namespace:Namespace",
    KEY_NAMES,
    ({"namespace_name": "$name"}, {"NamespaceName": "$name"}, {"namespaceName": "$name"}),
)
timestream_database = keyed(
    "aws_timestreamwrite_database",
    "AWS::Timestream::Database",
    "aws:timestreamwrite/database:Database",
    KEY_NAMES,
    ({"database_name": "$name"}, {"DatabaseName": "$name"}, {"databaseName": "$name"}),
)
dms_endpoint = keyed(
    "aws_dms_endpoint",
    "AWS::DMS::Endpoint",
    "aws:dms/endpoint:Endpoint",
    KEY_ARN_NAMES,
    (
        {"endpoint_id": "$name", "endpoint_type": "source", "engine_name": "postgres"},
        {"EndpointIdentifier": "$name", "EndpointType": "source", "EngineName": "postgres"},
        {"endpointId": "$name", "endpointType": "source", "engineName": "postgres"},
    ),
)
dms_s3_endpoint = keyed(
    "aws_dms_s3_endpoint",
    None,
    "aws:dms/s3Endpoint:S3Endpoint",
    ("kms_key_arn", "", "kmsKeyArn"),
    (
        {
            "endpoint_id": "$name",
            "endpoint_type": "target",
            "bucket_name": "ledger-landing",
            "service_access_role_arn": "arn:aws:iam::482913057716:role/dms-s3",
        },
        {},
        {
            "endpointId": "$name",
            "endpointType": "target",
            "bucketName": "ledger-landing",
            "serviceAccessRoleArn": "arn:aws:iam::482913057716:role/dms-s3",
        },
    ),
)
dms_replication_instance = keyed(
    "aws_dms_replication_instance",
    "AWS::DMS::ReplicationInstance",
    "aws:dms/replicationInstance:ReplicationInstance",
    KEY_ARN_NAMES,
    (
        {"replication_instance_id": "$name", "replication_instance_class": "dms.t3.medium"},
        {"ReplicationInstanceIdentifier": "$name", "ReplicationInstanceClass": "dms.t3.medium"},
        {"replicationInstanceId": "$name", "replicationInstanceClass": "dms.t3.medium"},
    ),
)
db_instance = keyed(
    "aws_db_instance",
    "AWS::RDS::DBInstance",
    "aws:rds/instance:Instance",
    KEY_NAMES,
    (
        {
            "identifier": "$name",
            "engine": "postgres",
            "instance_class": "db.t4g.medium",
            "allocated_storage": 50,
            "storage_encrypted": True,
        },
        {
            "DBInstanceIdentifier": "$name",
            "Engine": "postgres",
            "DBInstanceClass": "db.t4g.medium",
            "AllocatedStorage": "50",
            "StorageEncrypted": True,
        },
        {
            "identifier": "$name",
            "engine": "postgres",
            "instanceClass": "db.t4g.medium",
            "allocatedStorage": 50,
            "storageEncrypted": True,
        },
    ),
)
rds_cluster = keyed(
    "aws_rds_cluster",
    "AWS::RDS::DBCluster",
    "aws:rds/cluster:Cluster",
    KEY_NAMES,
    (
        {"cluster_identifier": "$name", "engine": "aurora-postgresql", "storage_encrypted": True},
        {"DBClusterIdentifier": "$name", "Engine": "aurora-postgresql", "StorageEncrypted": True},
        {"clusterIdentifier": "$name", "engine": "aurora-postgresql", "storageEncrypted": True},
    ),
)
kinesis_stream = keyed(
    "aws_kinesis_stream",
    "AWS::Kinesis::Stream",
    "aws:kinesis/stream:Stream",
    KEY_NAMES,
    (
        {"name": "$name", "shard_count": 1},
        {"Name": "$name", "ShardCount": 1},
        {"name": "$name", "shardCount": 1},
    ),
)


def kinesis(name: str, key: Any = None) -> Case:
    """A stream; a key turns KMS encryption on (CloudFormation StreamEncryption)."""
    if key is None:
        return kinesis_stream(name)
    return kinesis_stream(
        name,
        extra=(
            {"encryption_type": "KMS", "kms_key_id": key},
            {"StreamEncryption": {"EncryptionType": "KMS", "KeyId": key}},
            {"encryptionType": "KMS", "kmsKeyId": key},
        ),
    )


def performance_insights(name: str, key: Any = None, cluster: bool = False) -> Case:
    """An RDS instance (or cluster) with Performance Insights on and ``key`` for its data."""
    keys = (
        ({"performance_insights_kms_key_id": key}, {}, {"performanceInsightsKmsKeyId": key})
        if key
        else ({}, {}, {})
    )
    if cluster:
        cfn = {"PerformanceInsightsEnabled": True, **({"PerformanceInsightsKmsKeyId": key} if key else {})}
        return rds_cluster(
            name,
            LITERAL_KEY,
            (
                {"performance_insights_enabled": True, **keys[0]},
                cfn,
                {"performanceInsightsEnabled": True, **keys[2]},
            ),
        )
    cfn = {"EnablePerformanceInsights": True, **({"PerformanceInsightsKMSKeyId": key} if key else {})}
    return db_instance(
        name,
        LITERAL_KEY,
        (
            {"performance_insights_enabled": True, **keys[0]},
            cfn,
            {"performanceInsightsEnabled": True, **keys[2]},
        ),
    )


PULUMI_UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9"


def performance_insights_switch_unknown(name: str, key: Any = None) -> Case:
    """An RDS instance whose Performance Insights switch is known only at deploy time: a variable without a
    value, a CloudFormation parameter without a default, a Pulumi preview's unknown output."""
    case = performance_insights(name, key)
    cfn_type, cfn = case.cloudformation
    pulumi_type, pulumi = case.pulumi
    return replace(
        case,
        terraform={**case.terraform, "performance_insights_enabled": Ref("var.performance_insights")},
        cloudformation=(cfn_type, {**cfn, "EnablePerformanceInsights": Parameter("PerformanceInsights")}),
        pulumi=(pulumi_type, {**pulumi, "performanceInsightsEnabled": PULUMI_UNKNOWN}),
    )


def performance_insights_cluster_instance(name: str, key: Any = None) -> Case:
    """An Aurora cluster instance (Terraform aws_rds_cluster_instance, Pulumi aws:rds/clusterInstance) with
    Performance Insights on and ``key`` for its data. CloudFormation declares it as an AWS::RDS::DBInstance
    with DBClusterIdentifier, judged as aws_db_instance."""
    label = name.replace("_", "-")
    tf: dict[str, Any] = {
        "identifier": label,
        "cluster_identifier": "ledger",
        "engine": "aurora-postgresql",
        "instance_class": "db.r7g.large",
        "performance_insights_enabled": True,
    }
    pul: dict[str, Any] = {
        "identifier": label,
        "clusterIdentifier": "ledger",
        "engine": "aurora-postgresql",
        "instanceClass": "db.r7g.large",
        "performanceInsightsEnabled": True,
    }
    if key is not None:
        tf["performance_insights_kms_key_id"] = key
        pul["performanceInsightsKmsKeyId"] = key
    return Case("aws_rds_cluster_instance", name, tf, None, ("aws:rds/clusterInstance:ClusterInstance", pul))


def aurora_member_performance_insights(name: str, key: Any = None) -> Case:
    """An Aurora cluster instance as CloudFormation declares it: AWS::RDS::DBInstance with
    DBClusterIdentifier."""
    cfn: dict[str, Any] = {
        "DBClusterIdentifier": "ledger",
        "Engine": "aurora-postgresql",
        "DBInstanceClass": "db.r7g.large",
        "EnablePerformanceInsights": True,
    }
    if key is not None:
        cfn["PerformanceInsightsKMSKeyId"] = key
    return Case("aws_db_instance", name, None, ("AWS::RDS::DBInstance", cfn), None)


def lambda_function(name: str, key: Any = None, variables: Any = None) -> Case:
    """A function with environment variables, encrypted with ``key``. ``variables`` replaces them with a
    value unknown until apply: Terraform ``environment { variables = var.x }`` (HCL and plan) and
    CloudFormation ``Environment: !If [Cond, {Variables: ...}, !Ref AWS::NoValue]``; no Pulumi case."""
    label = name.replace("_", "-")
    role = "arn:aws:iam::482913057716:role/lambda"
    tf: dict[str, Any] = {
        "function_name": label,
        "role": role,
        "runtime": "python3.12",
        "handler": "app.handler",
        "filename": "app.zip",
        "environment": [{"variables": {"LEDGER_TABLE": "ledger"}}],
    }
    cfn: dict[str, Any] = {
        "FunctionName": label,
        "Role": role,
        "Runtime": "python3.12",
        "Handler": "app.handler",
        "Code": {"ZipFile": "def handler(event, context): return None"},
        "Environment": {"Variables": {"LEDGER_TABLE": "ledger"}},
    }
    pul: dict[str, Any] = {
        "name": label,
        "role": role,
        "runtime": "python3.12",
        "handler": "app.handler",
        "environment": {"variables": {"LEDGER_TABLE": "ledger"}},
    }
    if key is not None:
        tf["kms_key_arn"] = cfn["KmsKeyArn"] = pul["kmsKeyArn"] = key
    if variables is not None:
        tf["environment"] = [{"variables": variables}]
        cfn["Environment"] = Chosen("Configured", cfn["Environment"], NO_VALUE)
    return Case(
        "aws_lambda_function",
        name,
        tf,
        ("AWS::Lambda::Function", cfn),
        ("aws:lambda/function:Function", pul) if variables is None else None,
        blocks=("environment",),
    )


def opensearch(name: str, key: Any = None, enabled: Any = True) -> Case:
    """A domain with encryption at rest ``enabled`` (True: on), under ``key``."""
    label = name.replace("_", "-")
    rest = {"enabled": enabled, **({"kms_key_id": key} if key else {})}
    return Case(
        "aws_opensearch_domain",
        name,
        {"domain_name": label, "engine_version": "OpenSearch_2.13", "encrypt_at_rest": [rest]},
        (
            "AWS::OpenSearchService::Domain",
            {
                "DomainName": label,
                "EngineVersion": "OpenSearch_2.13",
                "EncryptionAtRestOptions": {"Enabled": enabled, **({"KmsKeyId": key} if key else {})},
            },
        ),
        (
            "aws:opensearch/domain:Domain",
            {
                "domainName": label,
                "engineVersion": "OpenSearch_2.13",
                "encryptAtRest": {"enabled": enabled, **({"kmsKeyId": key} if key else {})},
            },
        ),
        blocks=("encrypt_at_rest",),
    )


def opensearch_unknown_encryption(name: str) -> Case:
    """A domain whose encrypt_at_rest block is unknown until apply: a variable in HCL (as a dynamic block over
    one; not in the plan, which knows the blocks), an Fn::If with AWS::NoValue in CloudFormation."""
    label = name.replace("_", "-")
    return Case(
        "aws_opensearch_domain",
        name,
        {
            "domain_name": label,
            "engine_version": "OpenSearch_2.13",
            "encrypt_at_rest": Ref("var.encrypt_at_rest", None),
        },
        (
            "AWS::OpenSearchService::Domain",
            {
                "DomainName": label,
                "EngineVersion": "OpenSearch_2.13",
                "EncryptionAtRestOptions": Chosen("Encrypt", {"Enabled": True, "KmsKeyId": KEY}, NO_VALUE),
            },
        ),
        None,
        in_plan=False,
    )


def firehose(
    name: str, key_type: str | None = None, key: Any = None, source: bool = False, enabled: Any = True
) -> Case:
    """A Direct PUT delivery stream to S3 with server-side encryption of ``key_type`` under ``key``
    (``source``: a stream that reads a Kinesis stream instead). ``enabled`` is Terraform's and Pulumi's
    server_side_encryption.enabled (None: not written; a Ref to a variable: Terraform only); CloudFormation
    has none (DeliveryStreamEncryptionConfigurationInput turns encryption on), so a case whose ``enabled``
    is not True has no template."""
    label = name.replace("_", "-")
    bucket = "arn:aws:s3:::acme-events"
    role = "arn:aws:iam::482913057716:role/firehose"
    tf: dict[str, Any] = {
        "name": label,
        "destination": "extended_s3",
        "extended_s3_configuration": [{"role_arn": role, "bucket_arn": bucket}],
    }
    cfn: dict[str, Any] = {
        "DeliveryStreamName": label,
        "ExtendedS3DestinationConfiguration": {"RoleARN": role, "BucketARN": bucket},
    }
    pul: dict[str, Any] = {
        "name": label,
        "destination": "extended_s3",
        "extendedS3Configuration": {"roleArn": role, "bucketArn": bucket},
    }
    switch = {} if enabled is None else {"enabled": enabled}
    if key_type is not None:
        tf["server_side_encryption"] = [{**switch, "key_type": key_type, **({"key_arn": key} if key else {})}]
        cfn["DeliveryStreamEncryptionConfigurationInput"] = {
            "KeyType": key_type,
            **({"KeyARN": key} if key else {}),
        }
        pul["serverSideEncryption"] = {
            **switch,
            "keyType": key_type,
            **({"keyArn": key} if key else {}),
        }
    return Case(
        "aws_kinesis_firehose_delivery_stream",
        name,
        tf,
        ("AWS::KinesisFirehose::DeliveryStream", cfn) if enabled is True else None,
        None
        if isinstance(enabled, Ref)
        else ("aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream", pul),
        blocks=("server_side_encryption", "extended_s3_configuration"),
        defaults={"server_side_encryption": {"enabled": False}},
    )


SUBNET = "subnet-0a1b2c3d4e5f60718"
lustre = keyed(
    "aws_fsx_lustre_file_system",
    "AWS::FSx::FileSystem",
    "aws:fsx/lustreFileSystem:LustreFileSystem",
    KEY_NAMES,
    (
        {"storage_capacity": 1200, "subnet_ids": [SUBNET], "deployment_type": "PERSISTENT_2"},
        {
            "FileSystemType": "LUSTRE",
            "StorageCapacity": 1200,
            "SubnetIds": [SUBNET],
            "LustreConfiguration": {"DeploymentType": "PERSISTENT_2"},
        },
        {"storageCapacity": 1200, "subnetIds": [SUBNET], "deploymentType": "PERSISTENT_2"},
    ),
)
windows_fs = keyed(
    "aws_fsx_windows_file_system",
    None,
    "aws:fsx/windowsFileSystem:WindowsFileSystem",
    KEY_NAMES,
    (
        {"storage_capacity": 300, "subnet_ids": [SUBNET], "throughput_capacity": 32},
        {},
        {"storageCapacity": 300, "subnetIds": [SUBNET], "throughputCapacity": 32},
    ),
)
ontap_fs = keyed(
    "aws_fsx_ontap_file_system",
    None,
    "aws:fsx/ontapFileSystem:OntapFileSystem",
    KEY_NAMES,
    (
        {"storage_capacity": 1024, "subnet_ids": [SUBNET], "deployment_type": "SINGLE_AZ_1"},
        {},
        {"storageCapacity": 1024, "subnetIds": [SUBNET], "deploymentType": "SINGLE_AZ_1"},
    ),
)
openzfs_fs = keyed(
    "aws_fsx_openzfs_file_system",
    None,
    "aws:fsx/openZfsFileSystem:OpenZfsFileSystem",
    KEY_NAMES,
    (
        {"storage_capacity": 64, "subnet_ids": [SUBNET], "deployment_type": "SINGLE_AZ_1"},
        {},
        {"storageCapacity": 64, "subnetIds": [SUBNET], "deploymentType": "SINGLE_AZ_1"},
    ),
)
memorydb_cluster = keyed(
    "aws_memorydb_cluster",
    "AWS::MemoryDB::Cluster",
    "aws:memorydb/cluster:Cluster",
    ("kms_key_arn", "KmsKeyId", "kmsKeyArn"),
    (
        {"name": "$name", "node_type": "db.t4g.small", "acl_name": "open-access"},
        {"ClusterName": "$name", "NodeType": "db.t4g.small", "ACLName": "open-access"},
        {"name": "$name", "nodeType": "db.t4g.small", "aclName": "open-access"},
    ),
)


def memorydb_snapshot(name: str, key: Any = None) -> Case:
    tf: dict[str, Any] = {"cluster_name": "sessions", "name": name.replace("_", "-")}
    if key is not None:
        tf["kms_key_arn"] = key
    return Case("aws_memorydb_snapshot", name, tf)


event_data_store = keyed(
    "aws_cloudtrail_event_data_store",
    "AWS::CloudTrail::EventDataStore",
    "aws:cloudtrail/eventDataStore:EventDataStore",
    KEY_NAMES,
    ({"name": "$name"}, {"Name": "$name"}, {"name": "$name"}),
)


AUTOMATED_BACKUPS_ARN = "arn:aws:rds:eu-central-1:482913057716:auto-backup:ab-4q2v7x9z3k5m1n8p6r0t2w4y6a"
SOURCE_SNAPSHOT = "arn:aws:rds:eu-west-1:482913057716:snapshot:ledger-2025-06-01"
ebs_snapshot_copy = keyed(
    "aws_ebs_snapshot_copy",
    None,
    "aws:ebs/snapshotCopy:SnapshotCopy",
    KEY_NAMES,
    (
        {"source_snapshot_id": SNAPSHOT_ID, "source_region": "eu-central-1", "encrypted": True},
        {},
        {"sourceSnapshotId": SNAPSHOT_ID, "sourceRegion": "eu-central-1", "encrypted": True},
    ),
)


def db_snapshot_copy(name: str, key: Any = None) -> Case:
    tf: dict[str, Any] = {
        "source_db_snapshot_identifier": SOURCE_SNAPSHOT,
        "target_db_snapshot_identifier": name.replace("_", "-"),
    }
    pul: dict[str, Any] = {
        "sourceDbSnapshotIdentifier": SOURCE_SNAPSHOT,
        "targetDbSnapshotIdentifier": name.replace("_", "-"),
    }
    if key is not None:
        tf["kms_key_id"] = pul["kmsKeyId"] = key
    return Case("aws_db_snapshot_copy", name, tf, None, ("aws:rds/snapshotCopy:SnapshotCopy", pul))


SOURCE_CLUSTER_SNAPSHOT = "arn:aws:rds:eu-west-1:482913057716:cluster-snapshot:ledger-2025-06-01"


def cluster_snapshot_copy(name: str, key: Any = None) -> Case:
    """An aws_rds_cluster_snapshot_copy (AWS provider 5.x and later), judged by ENC-RDS-007 too."""
    tf: dict[str, Any] = {
        "source_db_cluster_snapshot_identifier": SOURCE_CLUSTER_SNAPSHOT,
        "target_db_cluster_snapshot_identifier": name.replace("_", "-"),
    }
    pul: dict[str, Any] = {
        "sourceDbClusterSnapshotIdentifier": SOURCE_CLUSTER_SNAPSHOT,
        "targetDbClusterSnapshotIdentifier": name.replace("_", "-"),
    }
    if key is not None:
        tf["kms_key_id"] = pul["kmsKeyId"] = key
    return Case(
        "aws_rds_cluster_snapshot_copy",
        name,
        tf,
        None,
        ("aws:rds/clusterSnapshotCopy:ClusterSnapshotCopy", pul),
    )


def rds_database(name: str, cluster: bool, encrypted: Any = None, key: Any = None, **extra: Any) -> Case:
    """A DB instance or Aurora cluster (not judged by the snapshot rules; their snapshots are)."""
    identifier = name.replace("_", "-")
    if cluster:
        tf: dict[str, Any] = {"cluster_identifier": identifier, "engine": "aurora-postgresql"}
        pul: dict[str, Any] = {"clusterIdentifier": identifier, "engine": "aurora-postgresql"}
    else:
        tf = {"identifier": identifier, "engine": "postgres", "instance_class": "db.m6g.large"}
        pul = {"identifier": identifier, "engine": "postgres", "instanceClass": "db.m6g.large"}
        if "snapshot_identifier" not in extra:
            tf["allocated_storage"] = pul["allocatedStorage"] = 100
    if encrypted is not None:
        tf["storage_encrypted"] = pul["storageEncrypted"] = encrypted
    if key is not None:
        tf["kms_key_id"] = pul["kmsKeyId"] = key
    for argument, value in extra.items():
        tf[argument] = pul[pascal(argument)[0].lower() + pascal(argument)[1:]] = value
    if cluster:
        return Case("aws_rds_cluster", name, tf, None, ("aws:rds/cluster:Cluster", pul))
    return Case("aws_db_instance", name, tf, None, ("aws:rds/instance:Instance", pul))


def db_snapshot(name: str, source: str | None) -> Case:
    """A snapshot of the DB instance ``source`` of the file, by reference (None: an instance of another
    configuration named by a literal identifier; "=<id>": a literal identifier of an instance of the file)."""
    identifier: Any
    if source is None:
        identifier = "shared-ledger"
    elif source.startswith("="):
        identifier = source[1:]
    else:
        identifier = Ref(f"aws_db_instance.{source}", "identifier")
    tf = {"db_instance_identifier": identifier, "db_snapshot_identifier": name.replace("_", "-")}
    pul = {"dbInstanceIdentifier": identifier, "dbSnapshotIdentifier": name.replace("_", "-")}
    return Case("aws_db_snapshot", name, tf, None, ("aws:rds/snapshot:Snapshot", pul))


def db_cluster_snapshot(name: str, source: str | None) -> Case:
    """A snapshot of the Aurora cluster ``source`` of the file (None and "=<id>" as for db_snapshot)."""
    identifier: Any
    if source is None:
        identifier = "shared-ledger"
    elif source.startswith("="):
        identifier = source[1:]
    else:
        identifier = Ref(f"aws_rds_cluster.{source}", "cluster_identifier")
    tf = {"db_cluster_identifier": identifier, "db_cluster_snapshot_identifier": name.replace("_", "-")}
    pul = {"dbClusterIdentifier": identifier, "dbClusterSnapshotIdentifier": name.replace("_", "-")}
    return Case("aws_db_cluster_snapshot", name, tf, None, ("aws:rds/clusterSnapshot:ClusterSnapshot", pul))


RDS_SOURCES = [
    rds_database("ledger_cmk", False, True, LITERAL_KEY),
    rds_database("ledger_default_key", False, True),
    rds_database("ledger_aws_managed", False, True, "alias/aws/rds"),
    rds_database("ledger_unencrypted", False),
    rds_database("ledger_restored", False, None, None, snapshot_identifier=SOURCE_SNAPSHOT),
    rds_database("aurora_cmk", True, True, LITERAL_KEY),
    rds_database("aurora_default_key", True, True),
    rds_database("aurora_unencrypted", True, False),
    rds_database("aurora_serverless", True, None, None, engine_mode="serverless"),
]


def backup_replication(name: str, key: Any = None) -> Case:
    """Terraform and Pulumi (aws.rds.InstanceAutomatedBackupsReplication); CloudFormation has no such type."""
    tf: dict[str, Any] = {"source_db_instance_arn": "arn:aws:rds:eu-central-1:482913057716:db:ledger"}
    pul: dict[str, Any] = {"sourceDbInstanceArn": "arn:aws:rds:eu-central-1:482913057716:db:ledger"}
    if key is not None:
        tf["kms_key_id"] = key
        pul["kmsKeyId"] = key
    token = "aws:rds/instanceAutomatedBackupsReplication:InstanceAutomatedBackupsReplication"
    return Case("aws_db_instance_automated_backups_replication", name, tf, None, (token, pul))


def ami_copy(name: str, encrypted: bool | None = None, key: Any = None) -> Case:
    tf: dict[str, Any] = {
        "name": name.replace("_", "-"),
        "source_ami_id": AMI_ID,
        "source_ami_region": "eu-central-1",
    }
    pul: dict[str, Any] = {
        "name": name.replace("_", "-"),
        "sourceAmiId": AMI_ID,
        "sourceAmiRegion": "eu-central-1",
    }
    if encrypted is not None:
        tf["encrypted"] = pul["encrypted"] = encrypted
    if key is not None:
        tf["kms_key_id"] = pul["kmsKeyId"] = key
    # A plan shows encrypted's default, false, when the configuration leaves it out, and kms_key_id
    # (optional and computed) unknown until apply.
    return Case(
        "aws_ami_copy",
        name,
        tf,
        None,
        ("aws:ec2/amiCopy:AmiCopy", pul),
        defaults={"encrypted": False},
        plan_values={} if key is not None else {"kms_key_id": UNKNOWN},
    )


def global_cluster(name: str, tf_type: str, encrypted: bool | None = None, source: bool = False) -> Case:
    label = name.replace("_", "-")
    tf: dict[str, Any] = {"global_cluster_identifier": label}
    cfn: dict[str, Any] = {"GlobalClusterIdentifier": label}
    pul: dict[str, Any] = {"globalClusterIdentifier": label}
    if not source:
        engine = {"aws_rds_global_cluster": "aurora-postgresql", "aws_neptune_global_cluster": "neptune"}.get(
            tf_type, "docdb"
        )
        tf["engine"] = cfn["Engine"] = pul["engine"] = engine
    if encrypted is not None:
        tf["storage_encrypted"] = cfn["StorageEncrypted"] = pul["storageEncrypted"] = encrypted
    if source:
        arn = "arn:aws:rds:eu-west-1:482913057716:cluster:ledger"
        tf["source_db_cluster_identifier"] = cfn["SourceDBClusterIdentifier"] = arn
        pul["sourceDbClusterIdentifier"] = arn
    if tf_type == "aws_rds_global_cluster":
        return Case(
            tf_type, name, tf, ("AWS::RDS::GlobalCluster", cfn), ("aws:rds/globalCluster:GlobalCluster", pul)
        )
    if tf_type == "aws_neptune_global_cluster":
        return Case(
            tf_type,
            name,
            tf,
            ("AWS::Neptune::GlobalCluster", cfn),
            ("aws:neptune/globalCluster:GlobalCluster", pul),
        )
    # CloudFormation has no DocumentDB global cluster type.
    return Case(tf_type, name, tf, None, ("aws:docdb/globalCluster:GlobalCluster", pul))


codeartifact_domain = keyed(
    "aws_codeartifact_domain",
    "AWS::CodeArtifact::Domain",
    "aws:codeartifact/domain:Domain",
    ("encryption_key", "EncryptionKey", "encryptionKey"),
    ({"domain": "$name"}, {"DomainName": "$name"}, {"domain": "$name"}),
)
kinesis_video = keyed(
    "aws_kinesis_video_stream",
    "AWS::KinesisVideo::Stream",
    "aws:kinesis/videoStream:VideoStream",
    KEY_NAMES,
    (
        {"name": "$name", "data_retention_in_hours": 24},
        {"Name": "$name", "DataRetentionInHours": 24},
        {"name": "$name", "dataRetentionInHours": 24},
    ),
)
sagemaker_domain = keyed(
    "aws_sagemaker_domain",
    "AWS::SageMaker::Domain",
    "aws:sagemaker/domain:Domain",
    KEY_NAMES,
    (
        {
            "domain_name": "$name",
            "auth_mode": "IAM",
            "vpc_id": "vpc-0a1b2c3d",
            "subnet_ids": ["subnet-0a1b2c3d"],
            "default_user_settings": [{"execution_role": "arn:aws:iam::482913057716:role/sagemaker"}],
        },
        {
            "DomainName": "$name",
            "AuthMode": "IAM",
            "VpcId": "vpc-0a1b2c3d",
            "SubnetIds": ["subnet-0a1b2c3d"],
            "DefaultUserSettings": {"ExecutionRole": "arn:aws:iam::482913057716:role/sagemaker"},
        },
        {
            "domainName": "$name",
            "authMode": "IAM",
            "vpcId": "vpc-0a1b2c3d",
            "subnetIds": ["subnet-0a1b2c3d"],
            "defaultUserSettings": {"executionRole": "arn:aws:iam::482913057716:role/sagemaker"},
        },
    ),
    blocks=("default_user_settings",),
)


GLUE_ROLE = "arn:aws:iam::482913057716:role/glue"


def glue(name: str, kind: str, configuration: Any = None) -> Case:
    """A Glue job, crawler or development endpoint with ``configuration`` as its security configuration."""
    label = name.replace("_", "-")
    if kind == "job":
        tf: dict[str, Any] = {
            "name": label,
            "role_arn": GLUE_ROLE,
            "command": [{"script_location": "s3://acme-etl/job.py"}],
        }
        cfn: dict[str, Any] = {
            "Name": label,
            "Role": GLUE_ROLE,
            "Command": {"Name": "glueetl", "ScriptLocation": "s3://acme-etl/job.py"},
        }
        pul: dict[str, Any] = {
            "name": label,
            "roleArn": GLUE_ROLE,
            "command": {"scriptLocation": "s3://acme-etl/job.py"},
        }
        if configuration is not None:
            tf["security_configuration"] = cfn["SecurityConfiguration"] = pul["securityConfiguration"] = (
                configuration
            )
        return Case(
            "aws_glue_job", name, tf, ("AWS::Glue::Job", cfn), ("aws:glue/job:Job", pul), blocks=("command",)
        )
    if kind == "crawler":
        target = {"path": "s3://acme-landing/"}
        tf = {"name": label, "role": GLUE_ROLE, "database_name": "landing", "s3_target": [target]}
        cfn = {
            "Name": label,
            "Role": GLUE_ROLE,
            "DatabaseName": "landing",
            "Targets": {"S3Targets": [{"Path": "s3://acme-landing/"}]},
        }
        pul = {"name": label, "role": GLUE_ROLE, "databaseName": "landing", "s3Targets": [target]}
        if configuration is not None:
            tf["security_configuration"] = configuration
            cfn["CrawlerSecurityConfiguration"] = configuration
            pul["securityConfiguration"] = configuration
        return Case(
            "aws_glue_crawler",
            name,
            tf,
            ("AWS::Glue::Crawler", cfn),
            ("aws:glue/crawler:Crawler", pul),
            blocks=("s3_target",),
        )
    tf = {"name": label, "role_arn": GLUE_ROLE}
    cfn = {"EndpointName": label, "RoleArn": GLUE_ROLE}
    pul = {"name": label, "roleArn": GLUE_ROLE}
    if configuration is not None:
        tf["security_configuration"] = cfn["SecurityConfiguration"] = configuration
        pul["securityConfiguration"] = configuration
    return Case(
        "aws_glue_dev_endpoint",
        name,
        tf,
        ("AWS::Glue::DevEndpoint", cfn),
        ("aws:glue/devEndpoint:DevEndpoint", pul),
    )


def pipeline(name: str, key: Any = None) -> Case:
    """A two-stage pipeline whose S3 artifact store is encrypted with ``key``."""
    label = name.replace("_", "-")
    role = "arn:aws:iam::482913057716:role/codepipeline"
    source = {"name": "Source", "category": "Source", "owner": "AWS", "provider": "S3", "version": "1"}
    build = {"name": "Build", "category": "Build", "owner": "AWS", "provider": "CodeBuild", "version": "1"}
    tf_store: dict[str, Any] = {"location": "acme-pipeline-artifacts", "type": "S3"}
    cfn_store: dict[str, Any] = {"Location": "acme-pipeline-artifacts", "Type": "S3"}
    pul_store: dict[str, Any] = {"location": "acme-pipeline-artifacts", "type": "S3"}
    if key is not None:
        tf_store["encryption_key"] = [{"id": key, "type": "KMS"}]
        cfn_store["EncryptionKey"] = {"Id": key, "Type": "KMS"}
        pul_store["encryptionKey"] = {"id": key, "type": "KMS"}
    tf = {
        "name": label,
        "role_arn": role,
        "artifact_store": [tf_store],
        "stage": [{"name": "Source", "action": [source]}, {"name": "Build", "action": [build]}],
    }
    cfn = {
        "Name": label,
        "RoleArn": role,
        "ArtifactStore": cfn_store,
        "Stages": [
            {
                "Name": "Source",
                "Actions": [
                    {
                        "Name": "Source",
                        "ActionTypeId": {
                            "Category": "Source",
                            "Owner": "AWS",
                            "Provider": "S3",
                            "Version": "1",
                        },
                    }
                ],
            },
            {
                "Name": "Build",
                "Actions": [
                    {
                        "Name": "Build",
                        "ActionTypeId": {
                            "Category": "Build",
                            "Owner": "AWS",
                            "Provider": "CodeBuild",
                            "Version": "1",
                        },
                    }
                ],
            },
        ],
    }
    pul = {
        "name": label,
        "roleArn": role,
        "artifactStores": [pul_store],
        "stages": [{"name": "Source", "actions": [source]}, {"name": "Build", "actions": [build]}],
    }
    return Case(
        "aws_codepipeline",
        name,
        tf,
        ("AWS::CodePipeline::Pipeline", cfn),
        ("aws:codepipeline/pipeline:Pipeline", pul),
        blocks=("artifact_store", "encryption_key", "stage", "action"),
    )


def typed_key(
    tf_type: str,
    token: str,
    base: tuple[dict[str, Any], dict[str, Any]],
    block: tuple[str, str],
    names: tuple[tuple[str, str], tuple[str, str]],
) -> Any:
    """A builder of Terraform and Pulumi resources whose key sits in a block with a type: ``block`` is its
    Terraform and Pulumi name, ``names`` the (type, key) field names in each."""

    def build(name: str, kind: str | None = None, key: Any = None) -> Case:
        label = name.replace("_", "-")
        tf = {k: (label if v == "$name" else v) for k, v in base[0].items()}
        pul = {k: (label if v == "$name" else v) for k, v in base[1].items()}
        if kind is not None:
            tf[block[0]] = [{names[0][0]: kind, **({names[0][1]: key} if key else {})}]
            pul[block[1]] = {names[1][0]: kind, **({names[1][1]: key} if key else {})}
        return Case(tf_type, name, tf, None, (token, pul), blocks=(block[0],))

    return build


firewall = typed_key(
    "aws_networkfirewall_firewall",
    "aws:networkfirewall/firewall:Firewall",
    (
        {
            "name": "$name",
            "firewall_policy_arn": "arn:aws:network-firewall:eu-west-1:482913057716:firewall-policy/egress",
            "vpc_id": "vpc-0a1b2c3d",
            "subnet_mapping": [{"subnet_id": "subnet-0a1b2c3d"}],
        },
        {
            "name": "$name",
            "firewallPolicyArn": "arn:aws:network-firewall:eu-west-1:482913057716:firewall-policy/egress",
            "vpcId": "vpc-0a1b2c3d",
            "subnetMappings": [{"subnetId": "subnet-0a1b2c3d"}],
        },
    ),
    ("encryption_configuration", "encryptionConfiguration"),
    (("type", "key_id"), ("type", "keyId")),
)
firewall_policy = typed_key(
    "aws_networkfirewall_firewall_policy",
    "aws:networkfirewall/firewallPolicy:FirewallPolicy",
    (
        {
            "name": "$name",
            "firewall_policy": [
                {
                    "stateless_default_actions": ["aws:forward_to_sfe"],
                    "stateless_fragment_default_actions": ["aws:forward_to_sfe"],
                }
            ],
        },
        {
            "name": "$name",
            "firewallPolicy": {
                "statelessDefaultActions": ["aws:forward_to_sfe"],
                "statelessFragmentDefaultActions": ["aws:forward_to_sfe"],
            },
        },
    ),
    ("encryption_configuration", "encryptionConfiguration"),
    (("type", "key_id"), ("type", "keyId")),
)
rule_group = typed_key(
    "aws_networkfirewall_rule_group",
    "aws:networkfirewall/ruleGroup:RuleGroup",
    (
        {
            "name": "$name",
            "capacity": 100,
            "type": "STATEFUL",
            "rules": "pass tcp any any -> any any (sid:1;)",
        },
        {
            "name": "$name",
            "capacity": 100,
            "type": "STATEFUL",
            "rules": "pass tcp any any -> any any (sid:1;)",
        },
    ),
    ("encryption_configuration", "encryptionConfiguration"),
    (("type", "key_id"), ("type", "keyId")),
)
keyspaces_table = typed_key(
    "aws_keyspaces_table",
    "aws:keyspaces/table:Table",
    (
        {
            "keyspace_name": "ledger",
            "table_name": "$name",
            "schema_definition": [
                {"column": [{"name": "id", "type": "text"}], "partition_key": [{"name": "id"}]}
            ],
        },
        {
            "keyspaceName": "ledger",
            "tableName": "$name",
            "schemaDefinition": {
                "columns": [{"name": "id", "type": "text"}],
                "partitionKeys": [{"name": "id"}],
            },
        },
    ),
    ("encryption_specification", "encryptionSpecification"),
    (("type", "kms_key_identifier"), ("type", "kmsKeyIdentifier")),
)
scheduler = keyed(
    "aws_scheduler_schedule",
    "AWS::Scheduler::Schedule",
    "aws:scheduler/schedule:Schedule",
    ("kms_key_arn", "KmsKeyArn", "kmsKeyArn"),
    (
        {
            "name": "$name",
            "schedule_expression": "rate(1 hour)",
            "flexible_time_window": [{"mode": "OFF"}],
            "target": [
                {
                    "arn": "arn:aws:sqs:eu-west-1:482913057716:jobs",
                    "role_arn": "arn:aws:iam::482913057716:role/scheduler",
                }
            ],
        },
        {
            "Name": "$name",
            "ScheduleExpression": "rate(1 hour)",
            "FlexibleTimeWindow": {"Mode": "OFF"},
            "Target": {
                "Arn": "arn:aws:sqs:eu-west-1:482913057716:jobs",
                "RoleArn": "arn:aws:iam::482913057716:role/scheduler",
            },
        },
        {
            "name": "$name",
            "scheduleExpression": "rate(1 hour)",
            "flexibleTimeWindow": {"mode": "OFF"},
            "target": {
                "arn": "arn:aws:sqs:eu-west-1:482913057716:jobs",
                "roleArn": "arn:aws:iam::482913057716:role/scheduler",
            },
        },
    ),
    blocks=("flexible_time_window", "target"),
)
bedrock_agent = keyed(
    "aws_bedrockagent_agent",
    "AWS::Bedrock::Agent",
    "aws:bedrock/agentAgent:AgentAgent",
    ("customer_encryption_key_arn", "CustomerEncryptionKeyArn", "customerEncryptionKeyArn"),
    (
        {
            "agent_name": "$name",
            "agent_resource_role_arn": "arn:aws:iam::482913057716:role/bedrock",
            "foundation_model": "anthropic.claude-3-haiku-20240307-v1:0",
        },
        {
            "AgentName": "$name",
            "AgentResourceRoleArn": "arn:aws:iam::482913057716:role/bedrock",
            "FoundationModel": "anthropic.claude-3-haiku-20240307-v1:0",
        },
        {
            "agentName": "$name",
            "agentResourceRoleArn": "arn:aws:iam::482913057716:role/bedrock",
            "foundationModel": "anthropic.claude-3-haiku-20240307-v1:0",
        },
    ),
)


copy_grant = keyed(
    "aws_redshift_snapshot_copy_grant",
    None,
    "aws:redshift/snapshotCopyGrant:SnapshotCopyGrant",
    KEY_NAMES,
    ({"snapshot_copy_grant_name": "$name"}, {}, {"snapshotCopyGrantName": "$name"}),
)


def api_cache(name: str, encrypted: bool | None = None) -> Case:
    api = "a1b2c3d4e5f6g7h8i9j0"
    tf: dict[str, Any] = {
        "api_id": api,
        "api_caching_behavior": "FULL_REQUEST_CACHING",
        "type": "SMALL",
        "ttl": 300,
    }
    cfn: dict[str, Any] = {
        "ApiId": api,
        "ApiCachingBehavior": "FULL_REQUEST_CACHING",
        "Type": "SMALL",
        "Ttl": 300,
    }
    pul: dict[str, Any] = {
        "apiId": api,
        "apiCachingBehavior": "FULL_REQUEST_CACHING",
        "type": "SMALL",
        "ttl": 300,
    }
    if encrypted is not None:
        tf["at_rest_encryption_enabled"] = cfn["AtRestEncryptionEnabled"] = pul["atRestEncryptionEnabled"] = (
            encrypted
        )
    return Case(
        "aws_appsync_api_cache",
        name,
        tf,
        ("AWS::AppSync::ApiCache", cfn),
        ("aws:appsync/apiCache:ApiCache", pul),
    )


def codebuild(name: str, disabled: bool | None = None, status_unknown: bool = False) -> Case:
    """A project writing build logs to S3, with their encryption_disabled. ``status_unknown``: s3_logs.status
    is known only at apply (a Terraform variable, a CloudFormation parameter without a default; no Pulumi
    case)."""
    label = name.replace("_", "-")
    role = "arn:aws:iam::482913057716:role/codebuild"
    logs: dict[str, Any] = {"status": "ENABLED", "location": "acme-build-logs/ci"}
    cfn_status: Any = "ENABLED"
    if status_unknown:
        logs["status"] = Ref("var.s3_logs_status", None)
        cfn_status = Parameter("S3LogsStatus")
    if disabled is not None:
        logs["encryption_disabled"] = disabled
    env = {
        "compute_type": "BUILD_GENERAL1_SMALL",
        "image": "aws/codebuild/standard:7.0",
        "type": "LINUX_CONTAINER",
    }
    tf = {
        "name": label,
        "service_role": role,
        "artifacts": [{"type": "NO_ARTIFACTS"}],
        "environment": [env],
        "source": [{"type": "CODEPIPELINE"}],
        "logs_config": [{"s3_logs": [logs]}],
    }
    cfn = {
        "Name": label,
        "ServiceRole": role,
        "Artifacts": {"Type": "NO_ARTIFACTS"},
        "Environment": {
            "ComputeType": "BUILD_GENERAL1_SMALL",
            "Image": "aws/codebuild/standard:7.0",
            "Type": "LINUX_CONTAINER",
        },
        "Source": {"Type": "CODEPIPELINE"},
        "LogsConfig": {"S3Logs": {pascal(k): v for k, v in logs.items()} | {"Status": cfn_status}},
    }
    pul = {
        "name": label,
        "serviceRole": role,
        "artifacts": {"type": "NO_ARTIFACTS"},
        "environment": {
            "computeType": "BUILD_GENERAL1_SMALL",
            "image": "aws/codebuild/standard:7.0",
            "type": "LINUX_CONTAINER",
        },
        "source": {"type": "CODEPIPELINE"},
        "logsConfig": {"s3Logs": {camel(k): v for k, v in logs.items()}},
    }
    return Case(
        "aws_codebuild_project",
        name,
        tf,
        ("AWS::CodeBuild::Project", cfn),
        None if status_unknown else ("aws:codebuild/project:Project", pul),
        blocks=("artifacts", "environment", "source", "logs_config", "s3_logs"),
    )


def launch_template(name: str, devices: list[dict[str, Any]] | None) -> Case:
    """A launch template; ``devices`` are its EBS mappings' settings in Terraform names (None: no mapping,
    the AMI's own mappings apply)."""
    tf: dict[str, Any] = {"name": name, "image_id": AMI_ID, "instance_type": "t3.micro"}
    data: dict[str, Any] = {"ImageId": AMI_ID, "InstanceType": "t3.micro"}
    pul: dict[str, Any] = {"name": name, "imageId": AMI_ID, "instanceType": "t3.micro"}
    if devices is not None:
        names = [f"/dev/sd{chr(ord('f') + i)}" for i in range(len(devices))]
        tf["block_device_mappings"] = [
            {"device_name": dev, "ebs": [{"volume_size": 50, **settings}]}
            for dev, settings in zip(names, devices, strict=True)
        ]
        data["BlockDeviceMappings"] = [
            {"DeviceName": dev, "Ebs": {"VolumeSize": 50, **{pascal(k): v for k, v in settings.items()}}}
            for dev, settings in zip(names, devices, strict=True)
        ]
        pul["blockDeviceMappings"] = [
            {"deviceName": dev, "ebs": {"volumeSize": 50, **{camel(k): v for k, v in settings.items()}}}
            for dev, settings in zip(names, devices, strict=True)
        ]
    return Case(
        "aws_launch_template",
        name,
        tf,
        ("AWS::EC2::LaunchTemplate", {"LaunchTemplateName": name, "LaunchTemplateData": data}),
        ("aws:ec2/launchTemplate:LaunchTemplate", pul),
        blocks=("block_device_mappings", "ebs"),
    )


activity_stream = keyed(
    "aws_rds_cluster_activity_stream",
    None,
    "aws:rds/clusterActivityStream:ClusterActivityStream",
    KEY_NAMES,
    (
        {"resource_arn": "arn:aws:rds:eu-west-1:482913057716:cluster:ledger", "mode": "async"},
        {},
        {"resourceArn": "arn:aws:rds:eu-west-1:482913057716:cluster:ledger", "mode": "async"},
    ),
)
imagebuilder_component = keyed(
    "aws_imagebuilder_component",
    "AWS::ImageBuilder::Component",
    "aws:imagebuilder/component:Component",
    KEY_NAMES,
    (
        {
            "name": "$name",
            "platform": "Linux",
            "version": "1.0.0",
            "uri": "s3://acme-imagebuilder/harden.yaml",
        },
        {
            "Name": "$name",
            "Platform": "Linux",
            "Version": "1.0.0",
            "Uri": "s3://acme-imagebuilder/harden.yaml",
        },
        {
            "name": "$name",
            "platform": "Linux",
            "version": "1.0.0",
            "uri": "s3://acme-imagebuilder/harden.yaml",
        },
    ),
)


def kendra_index(name: str, key: Any = None) -> Case:
    label = name.replace("_", "-")
    role = "arn:aws:iam::482913057716:role/kendra"
    tf: dict[str, Any] = {"name": label, "role_arn": role, "edition": "ENTERPRISE_EDITION"}
    cfn: dict[str, Any] = {"Name": label, "RoleArn": role, "Edition": "ENTERPRISE_EDITION"}
    pul: dict[str, Any] = {"name": label, "roleArn": role, "edition": "ENTERPRISE_EDITION"}
    if key is not None:
        tf["server_side_encryption_configuration"] = [{"kms_key_id": key}]
        cfn["ServerSideEncryptionConfiguration"] = {"KmsKeyId": key}
        pul["serverSideEncryptionConfiguration"] = {"kmsKeyId": key}
    return Case(
        "aws_kendra_index",
        name,
        tf,
        ("AWS::Kendra::Index", cfn),
        ("aws:kendra/index:Index", pul),
        blocks=("server_side_encryption_configuration",),
    )


def comprehend(
    name: str,
    model_key: Any = None,
    volume_key: Any = None,
    recognizer: bool = False,
    output_key: Any = "omit",
) -> Case:
    """A document classifier (or, with ``recognizer``, an entity recognizer: no CloudFormation type);
    ``output_key`` other than "omit" writes a classifier's output_data_config with that kms_key_id (None:
    not set)."""
    label = name.replace("_", "-")
    role = "arn:aws:iam::482913057716:role/comprehend"
    tf: dict[str, Any] = {"name": label, "data_access_role_arn": role, "language_code": "en"}
    cfn: dict[str, Any] = {"DocumentClassifierName": label, "DataAccessRoleArn": role, "LanguageCode": "en"}
    pul: dict[str, Any] = {"name": label, "dataAccessRoleArn": role, "languageCode": "en"}
    if recognizer:
        tf["input_data_config"] = [
            {
                "entity_types": [{"type": "ACCOUNT"}],
                "documents": [{"s3_uri": "s3://acme-comprehend/documents/"}],
                "entity_list": [{"s3_uri": "s3://acme-comprehend/entities.csv"}],
            }
        ]
        pul["inputDataConfig"] = {
            "entityTypes": [{"type": "ACCOUNT"}],
            "documents": {"s3Uri": "s3://acme-comprehend/documents/"},
            "entityList": {"s3Uri": "s3://acme-comprehend/entities.csv"},
        }
    else:
        tf["input_data_config"] = [{"s3_uri": "s3://acme-comprehend/training/"}]
        cfn["InputDataConfig"] = {"S3Uri": "s3://acme-comprehend/training/"}
        pul["inputDataConfig"] = {"s3Uri": "s3://acme-comprehend/training/"}
    if output_key != "omit":
        output = {"s3_uri": "s3://acme-comprehend/output/"}
        if output_key is not None:
            output["kms_key_id"] = output_key
        tf["output_data_config"] = [output]
        cfn["OutputDataConfig"] = {pascal(k): v for k, v in output.items()}
        pul["outputDataConfig"] = {camel(k): v for k, v in output.items()}
    for tf_name, value in (("model_kms_key_id", model_key), ("volume_kms_key_id", volume_key)):
        if value is not None:
            tf[tf_name] = value
            cfn[pascal(tf_name)] = value
            pul[camel(tf_name)] = value
    if recognizer:
        return Case(
            "aws_comprehend_entity_recognizer",
            name,
            tf,
            None,
            ("aws:comprehend/entityRecognizer:EntityRecognizer", pul),
            blocks=("input_data_config", "entity_types", "documents", "entity_list", "output_data_config"),
        )
    return Case(
        "aws_comprehend_document_classifier",
        name,
        tf,
        ("AWS::Comprehend::DocumentClassifier", cfn),
        ("aws:comprehend/documentClassifier:DocumentClassifier", pul),
        blocks=("input_data_config", "output_data_config"),
    )


def ecs_cluster(name: str, exec_settings: dict[str, Any] | None, key: Any = None) -> Case:
    """A cluster; ``exec_settings`` is its execute_command_configuration in Terraform names (None: no
    configuration block), ``key`` its kms_key_id."""
    label = name.replace("_", "-")
    tf: dict[str, Any] = {"name": label}
    cfn: dict[str, Any] = {"ClusterName": label}
    pul: dict[str, Any] = {"name": label}
    if exec_settings is not None:
        settings = {**exec_settings, **({"kms_key_id": key} if key is not None else {})}
        tf["configuration"] = [{"execute_command_configuration": [settings]}]
        cfn["Configuration"] = {"ExecuteCommandConfiguration": {pascal(k): v for k, v in settings.items()}}
        pul["configuration"] = {"executeCommandConfiguration": {camel(k): v for k, v in settings.items()}}
    return Case(
        "aws_ecs_cluster",
        name,
        tf,
        ("AWS::ECS::Cluster", cfn),
        ("aws:ecs/cluster:Cluster", pul),
        blocks=("configuration", "execute_command_configuration"),
    )


REPLICA_KEY = "arn:aws:kms:eu-central-1:482913057716:key/6d1c9e2a-3b4f-4a8e-9c7d-2e5f1a0b8c93"


def global_table(name: str, replica_keys: list[Any]) -> Case:
    """A table replicated to eu-central-1 (and eu-west-3 for a second key); ``replica_keys`` are the
    replicas' keys (None: not set). CloudFormation writes it as an AWS::DynamoDB::GlobalTable whose first
    replica is the home region's."""
    table = name.replace("_", "-")
    regions = ["eu-central-1", "eu-west-3"][: len(replica_keys)]
    tf: dict[str, Any] = {
        "name": table,
        "hash_key": "id",
        "billing_mode": "PAY_PER_REQUEST",
        "stream_enabled": True,
        "stream_view_type": "NEW_AND_OLD_IMAGES",
        "attribute": [{"name": "id", "type": "S"}],
        "server_side_encryption": [{"enabled": True, "kms_key_arn": KEY}],
        "replica": [
            {"region_name": region, **({"kms_key_arn": key} if key is not None else {})}
            for region, key in zip(regions, replica_keys, strict=True)
        ],
    }
    pul: dict[str, Any] = {
        "name": table,
        "hashKey": "id",
        "billingMode": "PAY_PER_REQUEST",
        "streamEnabled": True,
        "streamViewType": "NEW_AND_OLD_IMAGES",
        "attributes": [{"name": "id", "type": "S"}],
        "serverSideEncryption": {"enabled": True, "kmsKeyArn": KEY},
        "replicas": [
            {"regionName": region, **({"kmsKeyArn": key} if key is not None else {})}
            for region, key in zip(regions, replica_keys, strict=True)
        ],
    }
    cfn_replicas: list[dict[str, Any]] = [
        {"Region": "eu-west-1", "SSESpecification": {"KMSMasterKeyId": LITERAL_KEY}}
    ]
    for region, key in zip(regions, replica_keys, strict=True):
        cfn_replicas.append(
            {"Region": region, **({"SSESpecification": {"KMSMasterKeyId": key}} if key is not None else {})}
        )
    cfn: dict[str, Any] = {
        "TableName": table,
        "BillingMode": "PAY_PER_REQUEST",
        "AttributeDefinitions": [{"AttributeName": "id", "AttributeType": "S"}],
        "KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}],
        "StreamSpecification": {"StreamViewType": "NEW_AND_OLD_IMAGES"},
        "SSESpecification": {"SSEEnabled": True, "SSEType": "KMS"},
        "Replicas": cfn_replicas,
    }
    return Case(
        "aws_dynamodb_table",
        name,
        tf,
        ("AWS::DynamoDB::GlobalTable", cfn),
        ("aws:dynamodb/table:Table", pul),
        blocks=("attribute", "server_side_encryption", "replica"),
    )


def table_replica(name: str, key: Any = None) -> Case:
    arn = "arn:aws:dynamodb:eu-west-1:482913057716:table/ledger"
    tf: dict[str, Any] = {"global_table_arn": arn}
    pul: dict[str, Any] = {"globalTableArn": arn}
    if key is not None:
        tf["kms_key_arn"] = key
        pul["kmsKeyArn"] = key
    return Case("aws_dynamodb_table_replica", name, tf, None, ("aws:dynamodb/tableReplica:TableReplica", pul))


def dlm_policy(
    name: str, encrypted: bool | None = None, key: Any = None, event: bool = False, copies: bool = True
) -> Case:
    """A snapshot policy copying to eu-central-1 (``event``: an event-based policy's cross_region_copy);
    ``copies`` False writes a policy that copies nothing across regions."""
    role = "arn:aws:iam::482913057716:role/dlm"
    label = name.replace("_", "-")
    encryption = {"encrypted": encrypted, **({"cmk_arn": key} if key is not None else {})}
    encryption = {k: v for k, v in encryption.items() if v is not None}
    retain = {"interval": 7, "interval_unit": "DAYS"}
    if event:
        tf_details: dict[str, Any] = {
            "policy_type": "EVENT_BASED_POLICY",
            "event_source": [
                {
                    "type": "MANAGED_CWE",
                    "parameters": [
                        {
                            "event_type": "shareSnapshot",
                            "snapshot_owner": ["111122223333"],
                        }
                    ],
                }
            ],
            "action": [
                {
                    "name": "copy-to-dr",
                    "cross_region_copy": [
                        {
                            "target": "eu-central-1",
                            "encryption_configuration": [encryption],
                            "retain_rule": [retain],
                        }
                    ],
                }
            ],
        }
        cfn_details: dict[str, Any] = {
            "PolicyType": "EVENT_BASED_POLICY",
            "EventSource": {
                "Type": "MANAGED_CWE",
                "Parameters": {"EventType": "shareSnapshot", "SnapshotOwner": ["111122223333"]},
            },
            "Actions": [
                {
                    "Name": "copy-to-dr",
                    "CrossRegionCopy": [
                        {
                            "Target": "eu-central-1",
                            "EncryptionConfiguration": {pascal(k): v for k, v in encryption.items()},
                            "RetainRule": {"Interval": 7, "IntervalUnit": "DAYS"},
                        }
                    ],
                }
            ],
        }
        pul_details: dict[str, Any] = {
            "policyType": "EVENT_BASED_POLICY",
            "eventSource": {
                "type": "MANAGED_CWE",
                "parameters": {"eventType": "shareSnapshot", "snapshotOwners": ["111122223333"]},
            },
            "actions": [
                {
                    "name": "copy-to-dr",
                    "crossRegionCopies": [
                        {
                            "target": "eu-central-1",
                            "encryptionConfiguration": {camel(k): v for k, v in encryption.items()},
                            "retainRule": {"interval": 7, "intervalUnit": "DAYS"},
                        }
                    ],
                }
            ],
        }
    else:
        schedule: dict[str, Any] = {
            "name": "daily",
            "create_rule": [{"interval": 24, "interval_unit": "HOURS", "times": ["03:00"]}],
            "retain_rule": [{"count": 14}],
        }
        cfn_schedule: dict[str, Any] = {
            "Name": "daily",
            "CreateRule": {"Interval": 24, "IntervalUnit": "HOURS", "Times": ["03:00"]},
            "RetainRule": {"Count": 14},
        }
        pul_schedule: dict[str, Any] = {
            "name": "daily",
            "createRule": {"interval": 24, "intervalUnit": "HOURS", "times": "03:00"},
            "retainRule": {"count": 14},
        }
        if copies:
            schedule["cross_region_copy_rule"] = [
                {"target": "eu-central-1", **encryption, "retain_rule": [retain]}
            ]
            cfn_schedule["CrossRegionCopyRules"] = [
                {
                    "Target": "eu-central-1",
                    **{pascal(k): v for k, v in encryption.items()},
                    "RetainRule": {"Interval": 7, "IntervalUnit": "DAYS"},
                }
            ]
            pul_schedule["crossRegionCopyRules"] = [
                {
                    "target": "eu-central-1",
                    **{camel(k): v for k, v in encryption.items()},
                    "retainRule": {"interval": 7, "intervalUnit": "DAYS"},
                }
            ]
        tf_details = {
            "resource_types": ["VOLUME"],
            "target_tags": {"backup": "daily"},
            "schedule": [schedule],
        }
        cfn_details = {
            "ResourceTypes": ["VOLUME"],
            "TargetTags": [{"Key": "backup", "Value": "daily"}],
            "Schedules": [cfn_schedule],
        }
        pul_details = {
            "resourceTypes": ["VOLUME"],
            "targetTags": {"backup": "daily"},
            "schedules": [pul_schedule],
        }
    return Case(
        "aws_dlm_lifecycle_policy",
        name,
        {
            "description": label,
            "execution_role_arn": role,
            "state": "ENABLED",
            "policy_details": [tf_details],
        },
        (
            "AWS::DLM::LifecyclePolicy",
            {
                "Description": label,
                "ExecutionRoleArn": role,
                "State": "ENABLED",
                "PolicyDetails": cfn_details,
            },
        ),
        (
            "aws:dlm/lifecyclePolicy:LifecyclePolicy",
            {
                "description": label,
                "executionRoleArn": role,
                "state": "ENABLED",
                "policyDetails": pul_details,
            },
        ),
        blocks=(
            "policy_details",
            "schedule",
            "create_rule",
            "retain_rule",
            "cross_region_copy_rule",
            "event_source",
            "parameters",
            "action",
            "cross_region_copy",
            "encryption_configuration",
        ),
    )


def s3_object(
    name: str, sse: str | None = None, key: Any = None, copy: bool = False, legacy: bool = False
) -> Case:
    """An object uploaded to acme-ledger (``copy``: an object copy from acme-staging; ``legacy``: the
    deprecated aws_s3_bucket_object, Pulumi's aws.s3.BucketObject, which takes the same arguments)."""
    tf: dict[str, Any] = {"bucket": "acme-ledger", "key": f"exports/{name}.csv"}
    pul: dict[str, Any] = {"bucket": "acme-ledger", "key": f"exports/{name}.csv"}
    if copy:
        tf["source"] = pul["source"] = f"acme-staging/exports/{name}.csv"
    else:
        tf["content"] = pul["content"] = "id,amount\n"
    if sse is not None:
        tf["server_side_encryption"] = pul["serverSideEncryption"] = sse
    if key is not None:
        tf["kms_key_id"] = pul["kmsKeyId"] = key
    if copy:
        return Case("aws_s3_object_copy", name, tf, None, ("aws:s3/objectCopy:ObjectCopy", pul))
    if legacy:
        return Case("aws_s3_bucket_object", name, tf, None, ("aws:s3/bucketObject:BucketObject", pul))
    return Case("aws_s3_object", name, tf, None, ("aws:s3/bucketObjectv2:BucketObjectv2", pul))


def image_recipe(name: str, devices: list[dict[str, Any]] | None) -> Case:
    """An image recipe; ``devices`` are its EBS mappings' settings in Terraform names (None: no mapping)."""
    label = name.replace("_", "-")
    parent = "arn:aws:imagebuilder:eu-west-1:aws:image/amazon-linux-2023-x86/x.x.x"
    component = "arn:aws:imagebuilder:eu-west-1:aws:component/update-linux/x.x.x"
    tf: dict[str, Any] = {
        "name": label,
        "parent_image": parent,
        "version": "1.0.0",
        "component": [{"component_arn": component}],
    }
    cfn: dict[str, Any] = {
        "Name": label,
        "ParentImage": parent,
        "Version": "1.0.0",
        "Components": [{"ComponentArn": component}],
    }
    pul: dict[str, Any] = {
        "name": label,
        "parentImage": parent,
        "version": "1.0.0",
        "components": [{"componentArn": component}],
    }
    if devices is not None:
        names = [f"/dev/xvd{chr(ord('a') + i)}" for i in range(len(devices))]
        tf["block_device_mapping"] = [
            {"device_name": dev, "ebs": [{"volume_size": 30, "volume_type": "gp3", **settings}]}
            for dev, settings in zip(names, devices, strict=True)
        ]
        cfn["BlockDeviceMappings"] = [
            {
                "DeviceName": dev,
                "Ebs": {"VolumeSize": 30, "VolumeType": "gp3", **{pascal(k): v for k, v in settings.items()}},
            }
            for dev, settings in zip(names, devices, strict=True)
        ]
        pul["blockDeviceMappings"] = [
            {
                "deviceName": dev,
                "ebs": {"volumeSize": 30, "volumeType": "gp3", **{camel(k): v for k, v in settings.items()}},
            }
            for dev, settings in zip(names, devices, strict=True)
        ]
    return Case(
        "aws_imagebuilder_image_recipe",
        name,
        tf,
        ("AWS::ImageBuilder::ImageRecipe", cfn),
        ("aws:imagebuilder/imageRecipe:ImageRecipe", pul),
        blocks=("component", "block_device_mapping", "ebs"),
    )


SAGEMAKER_ROLE = "arn:aws:iam::482913057716:role/sagemaker"


def flow_definition(name: str, key: Any = None) -> Case:
    label = name.replace("_", "-")
    output: dict[str, Any] = {"s3_output_path": "s3://acme-reviews/output/"}
    if key is not None:
        output["kms_key_id"] = key
    tf = {
        "flow_definition_name": label,
        "role_arn": SAGEMAKER_ROLE,
        "human_loop_config": [
            {
                "human_task_ui_arn": "arn:aws:sagemaker:eu-west-1:482913057716:human-task-ui/review",
                "task_availability_lifetime_in_seconds": 3600,
                "task_count": 1,
                "task_description": "review",
                "task_title": "review",
                "workteam_arn": "arn:aws:sagemaker:eu-west-1:482913057716:workteam/private-crowd/reviewers",
            }
        ],
        "output_config": [output],
    }
    pul = {
        "flowDefinitionName": label,
        "roleArn": SAGEMAKER_ROLE,
        "humanLoopConfig": {
            "humanTaskUiArn": "arn:aws:sagemaker:eu-west-1:482913057716:human-task-ui/review",
            "taskAvailabilityLifetimeInSeconds": 3600,
            "taskCount": 1,
            "taskDescription": "review",
            "taskTitle": "review",
            "workteamArn": "arn:aws:sagemaker:eu-west-1:482913057716:workteam/private-crowd/reviewers",
        },
        "outputConfig": {camel(k): v for k, v in output.items()},
    }
    return Case(
        "aws_sagemaker_flow_definition",
        name,
        tf,
        None,
        ("aws:sagemaker/flowDefinition:FlowDefinition", pul),
        blocks=("human_loop_config", "output_config"),
    )


def data_quality_job(name: str, output_key: Any = None, volume_key: Any = None) -> Case:
    label = name.replace("_", "-")
    image = "468650794304.dkr.ecr.eu-west-1.amazonaws.com/sagemaker-model-monitor-analyzer"
    output: dict[str, Any] = {
        "monitoring_outputs": [{"s3_output": [{"s3_uri": "s3://acme-monitoring/reports/"}]}]
    }
    cluster: dict[str, Any] = {"instance_count": 1, "instance_type": "ml.t3.medium", "volume_size_in_gb": 20}
    cfn_output: dict[str, Any] = {
        "MonitoringOutputs": [
            {"S3Output": {"S3Uri": "s3://acme-monitoring/reports/", "LocalPath": "/opt/ml/processing/output"}}
        ]
    }
    cfn_cluster: dict[str, Any] = {"InstanceCount": 1, "InstanceType": "ml.t3.medium", "VolumeSizeInGB": 20}
    pul_output: dict[str, Any] = {
        "monitoringOutputs": {"s3Output": {"s3Uri": "s3://acme-monitoring/reports/"}}
    }
    pul_cluster: dict[str, Any] = {"instanceCount": 1, "instanceType": "ml.t3.medium", "volumeSizeInGb": 20}
    if output_key is not None:
        output["kms_key_id"] = cfn_output["KmsKeyId"] = pul_output["kmsKeyId"] = output_key
    if volume_key is not None:
        cluster["volume_kms_key_id"] = cfn_cluster["VolumeKmsKeyId"] = pul_cluster["volumeKmsKeyId"] = (
            volume_key
        )
    endpoint = "ledger-scoring"
    tf = {
        "name": label,
        "role_arn": SAGEMAKER_ROLE,
        "data_quality_app_specification": [{"image_uri": image}],
        "data_quality_job_input": [{"endpoint_input": [{"endpoint_name": endpoint}]}],
        "data_quality_job_output_config": [output],
        "job_resources": [{"cluster_config": [cluster]}],
    }
    cfn = {
        "JobDefinitionName": label,
        "RoleArn": SAGEMAKER_ROLE,
        "DataQualityAppSpecification": {"ImageUri": image},
        "DataQualityJobInput": {
            "EndpointInput": {"EndpointName": endpoint, "LocalPath": "/opt/ml/processing/input"}
        },
        "DataQualityJobOutputConfig": cfn_output,
        "JobResources": {"ClusterConfig": cfn_cluster},
    }
    pul = {
        "name": label,
        "roleArn": SAGEMAKER_ROLE,
        "dataQualityAppSpecification": {"imageUri": image},
        "dataQualityJobInput": {"endpointInput": {"endpointName": endpoint}},
        "dataQualityJobOutputConfig": pul_output,
        "jobResources": {"clusterConfig": pul_cluster},
    }
    return Case(
        "aws_sagemaker_data_quality_job_definition",
        name,
        tf,
        ("AWS::SageMaker::DataQualityJobDefinition", cfn),
        ("aws:sagemaker/dataQualityJobDefinition:DataQualityJobDefinition", pul),
        blocks=(
            "data_quality_app_specification",
            "data_quality_job_input",
            "endpoint_input",
            "data_quality_job_output_config",
            "monitoring_outputs",
            "s3_output",
            "job_resources",
            "cluster_config",
        ),
    )


def appflow(name: str, key: Any = None) -> Case:
    label = name.replace("_", "-")
    tf: dict[str, Any] = {
        "name": label,
        "source_flow_config": [
            {
                "connector_type": "S3",
                "source_connector_properties": [
                    {"s3": [{"bucket_name": "acme-crm-export", "bucket_prefix": "accounts"}]}
                ],
            }
        ],
        "destination_flow_config": [
            {
                "connector_type": "S3",
                "destination_connector_properties": [
                    {"s3": [{"bucket_name": "acme-lake", "bucket_prefix": "crm"}]}
                ],
            }
        ],
        "task": [
            {
                "source_fields": ["id"],
                "destination_field": "id",
                "task_type": "Map",
                "connector_operator": [{"s3": "NO_OP"}],
            }
        ],
        "trigger_config": [{"trigger_type": "OnDemand"}],
    }
    cfn: dict[str, Any] = {
        "FlowName": label,
        "SourceFlowConfig": {
            "ConnectorType": "S3",
            "SourceConnectorProperties": {
                "S3": {"BucketName": "acme-crm-export", "BucketPrefix": "accounts"}
            },
        },
        "DestinationFlowConfigList": [
            {
                "ConnectorType": "S3",
                "DestinationConnectorProperties": {"S3": {"BucketName": "acme-lake", "BucketPrefix": "crm"}},
            }
        ],
        "Tasks": [
            {
                "SourceFields": ["id"],
                "DestinationField": "id",
                "TaskType": "Map",
                "ConnectorOperator": {"S3": "NO_OP"},
            }
        ],
        "TriggerConfig": {"TriggerType": "OnDemand"},
    }
    pul: dict[str, Any] = {
        "name": label,
        "sourceFlowConfig": {
            "connectorType": "S3",
            "sourceConnectorProperties": {
                "s3": {"bucketName": "acme-crm-export", "bucketPrefix": "accounts"}
            },
        },
        "destinationFlowConfigs": [
            {
                "connectorType": "S3",
                "destinationConnectorProperties": {"s3": {"bucketName": "acme-lake", "bucketPrefix": "crm"}},
            }
        ],
        "tasks": [
            {
                "sourceFields": ["id"],
                "destinationField": "id",
                "taskType": "Map",
                "connectorOperators": [{"s3": "NO_OP"}],
            }
        ],
        "triggerConfig": {"triggerType": "OnDemand"},
    }
    if key is not None:
        tf["kms_arn"] = cfn["KMSArn"] = pul["kmsArn"] = key
    return Case(
        "aws_appflow_flow",
        name,
        tf,
        ("AWS::AppFlow::Flow", cfn),
        ("aws:appflow/flow:Flow", pul),
        blocks=(
            "source_flow_config",
            "source_connector_properties",
            "s3",
            "destination_flow_config",
            "destination_connector_properties",
            "task",
            "connector_operator",
            "trigger_config",
        ),
    )


CONNECT_INSTANCE = "arn:aws:connect:eu-west-1:482913057716:instance/3f1c2b7e-9d4a-4e8b-a1c6-5d2e0f9b8a71"


def connect_storage(name: str, kind: str = "S3", encryption: dict[str, Any] | None = None) -> Case:
    """A storage config for call recordings (S3) or live media (KINESIS_VIDEO_STREAM); ``encryption`` is
    its encryption_config in Terraform names (None: not set)."""
    if kind == "S3":
        resource_type, name_tf = "CALL_RECORDINGS", "s3_config"
        target: dict[str, Any] = {"bucket_name": "acme-contact-center", "bucket_prefix": "recordings"}
    else:
        resource_type, name_tf = "MEDIA_STREAMS", "kinesis_video_stream_config"
        target = {"prefix": "live", "retention_period_hours": 24}
    if encryption is not None:
        target = {**target, "encryption_config": [encryption]}
    cfn_target = {
        pascal(k): ({pascal(a): b for a, b in v[0].items()} if k == "encryption_config" else v)
        for k, v in target.items()
    }
    pul_target = {
        camel(k): ({camel(a): b for a, b in v[0].items()} if k == "encryption_config" else v)
        for k, v in target.items()
    }
    cfn_name = "S3Config" if kind == "S3" else "KinesisVideoStreamConfig"
    return Case(
        "aws_connect_instance_storage_config",
        name,
        {
            "instance_id": CONNECT_INSTANCE,
            "resource_type": resource_type,
            "storage_config": [{"storage_type": kind, name_tf: [target]}],
        },
        (
            "AWS::Connect::InstanceStorageConfig",
            {
                "InstanceArn": CONNECT_INSTANCE,
                "ResourceType": resource_type,
                "StorageType": kind,
                cfn_name: cfn_target,
            },
        ),
        (
            "aws:connect/instanceStorageConfig:InstanceStorageConfig",
            {
                "instanceId": CONNECT_INSTANCE,
                "resourceType": resource_type,
                "storageConfig": {"storageType": kind, camel(name_tf): pul_target},
            },
        ),
        blocks=("storage_config", "s3_config", "kinesis_video_stream_config", "encryption_config"),
    )


def ecs_exec_logs(name: str, logging: str, log_configuration: dict[str, Any] | None = None) -> Case:
    """A cluster whose ECS Exec logging is ``logging``; ``log_configuration`` in Terraform names
    (CloudFormation names s3_bucket_encryption_enabled S3EncryptionEnabled)."""
    label = name.replace("_", "-")
    cfn_names = {"s3_bucket_encryption_enabled": "S3EncryptionEnabled"}
    exec_tf: dict[str, Any] = {"logging": logging}
    exec_cfn: dict[str, Any] = {"Logging": logging}
    exec_pul: dict[str, Any] = {"logging": logging}
    if log_configuration is not None:
        exec_tf["log_configuration"] = [log_configuration]
        exec_cfn["LogConfiguration"] = {cfn_names.get(k, pascal(k)): v for k, v in log_configuration.items()}
        exec_pul["logConfiguration"] = {camel(k): v for k, v in log_configuration.items()}
    return Case(
        "aws_ecs_cluster",
        name,
        {"name": label, "configuration": [{"execute_command_configuration": [exec_tf]}]},
        (
            "AWS::ECS::Cluster",
            {"ClusterName": label, "Configuration": {"ExecuteCommandConfiguration": exec_cfn}},
        ),
        (
            "aws:ecs/cluster:Cluster",
            {"name": label, "configuration": {"executeCommandConfiguration": exec_pul}},
        ),
        blocks=("configuration", "execute_command_configuration", "log_configuration"),
    )


def distribution_configuration(name: str, keys: list[Any]) -> Case:
    """Distributions to eu-west-1 and eu-central-1 (as many as ``keys``), each with an
    ami_distribution_configuration whose kms_key_id is the key (None: not set)."""
    label = name.replace("_", "-")
    regions = ["eu-west-1", "eu-central-1"][: len(keys)]

    def ami(key: Any, case: Any) -> dict[str, Any]:
        settings = {"name": "golden-{{ imagebuilder:buildDate }}"}
        if key is not None:
            settings["kms_key_id"] = key
        return {case(k): v for k, v in settings.items()}

    tf = {
        "name": label,
        "distribution": [
            {"region": region, "ami_distribution_configuration": [ami(key, str)]}
            for region, key in zip(regions, keys, strict=True)
        ],
    }
    cfn = {
        "Name": label,
        "Distributions": [
            {"Region": region, "AmiDistributionConfiguration": ami(key, pascal)}
            for region, key in zip(regions, keys, strict=True)
        ],
    }
    pul = {
        "name": label,
        "distributions": [
            {"region": region, "amiDistributionConfiguration": ami(key, camel)}
            for region, key in zip(regions, keys, strict=True)
        ],
    }
    return Case(
        "aws_imagebuilder_distribution_configuration",
        name,
        tf,
        ("AWS::ImageBuilder::DistributionConfiguration", cfn),
        ("aws:imagebuilder/distributionConfiguration:DistributionConfiguration", pul),
        blocks=("distribution", "ami_distribution_configuration"),
    )


def neptune_graph(name: str, encrypted: bool | None, key: Any = None, snapshot: str | None = None) -> Case:
    """A Neptune cluster (not judged by the snapshot rules; their snapshots are), restored from
    ``snapshot`` when given."""
    tf: dict[str, Any] = {"cluster_identifier": name.replace("_", "-"), "engine": "neptune"}
    pul: dict[str, Any] = {"clusterIdentifier": name.replace("_", "-"), "engine": "neptune"}
    if encrypted is not None:
        tf["storage_encrypted"] = pul["storageEncrypted"] = encrypted
    if key is not None:
        tf["kms_key_arn"] = pul["kmsKeyArn"] = key
    if snapshot is not None:
        tf["snapshot_identifier"] = pul["snapshotIdentifier"] = snapshot
    return Case("aws_neptune_cluster", name, tf, None, ("aws:neptune/cluster:Cluster", pul))


def neptune_snapshot(name: str, cluster: str | None) -> Case:
    """A snapshot of the Neptune cluster ``cluster`` of the file (None: a cluster of another configuration
    named by a literal id; "=<id>": a literal identifier of a cluster of the file)."""
    identifier: Any
    if cluster is None:
        identifier = "shared-graph"
    elif cluster.startswith("="):
        identifier = cluster[1:]
    else:
        identifier = Ref(f"aws_neptune_cluster.{cluster}", "id")
    tf = {"db_cluster_identifier": identifier, "db_cluster_snapshot_identifier": name.replace("_", "-")}
    pul = {"dbClusterIdentifier": identifier, "dbClusterSnapshotIdentifier": name.replace("_", "-")}
    return Case(
        "aws_neptune_cluster_snapshot", name, tf, None, ("aws:neptune/clusterSnapshot:ClusterSnapshot", pul)
    )


NEPTUNE_CLUSTERS = [
    neptune_graph("graph_cmk", True, LITERAL_KEY),
    neptune_graph("graph_default_key", True),
    neptune_graph("graph_aws_managed", True, "alias/aws/rds"),
    neptune_graph("graph_unencrypted", None),
]


def keyspaces(name: str, kind: str | None = None, key: Any = None) -> Case:
    """A Keyspaces table in every format: CloudFormation AWS::Cassandra::Table names the key's type
    EncryptionSpecification.EncryptionType."""
    cfn: dict[str, Any] = {
        "KeyspaceName": "ledger",
        "TableName": name,
        "PartitionKeyColumns": [{"ColumnName": "id", "ColumnType": "text"}],
    }
    if kind is not None:
        cfn["EncryptionSpecification"] = {
            "EncryptionType": kind,
            **({"KmsKeyIdentifier": key} if key else {}),
        }
    return replace(keyspaces_table(name, kind, key), cloudformation=("AWS::Cassandra::Table", cfn))


def dms_replication_config(name: str, key: Any = None) -> Case:
    """A DMS Serverless replication: its key is compute_config.kms_key_id (CloudFormation
    ComputeConfig.KmsKeyId)."""
    endpoints = {
        "source": "arn:aws:dms:eu-west-1:482913057716:endpoint:LEDGERSOURCE",
        "target": "arn:aws:dms:eu-west-1:482913057716:endpoint:LEDGERTARGET",
    }
    mappings = '{"rules":[{"rule-type":"selection","rule-id":"1","rule-name":"1","object-locator":'
    mappings += '{"schema-name":"%","table-name":"%"},"rule-action":"include"}]}'
    compute: dict[str, Any] = {"max_capacity_units": 16}
    if key is not None:
        compute["kms_key_id"] = key
    tf = {
        "replication_config_identifier": name.replace("_", "-"),
        "replication_type": "full-load",
        "source_endpoint_arn": endpoints["source"],
        "target_endpoint_arn": endpoints["target"],
        "table_mappings": mappings,
        "compute_config": [compute],
    }
    cfn = {
        "ReplicationConfigIdentifier": name.replace("_", "-"),
        "ReplicationType": "full-load",
        "SourceEndpointArn": endpoints["source"],
        "TargetEndpointArn": endpoints["target"],
        "TableMappings": {"rules": []},
        "ComputeConfig": {pascal(k): v for k, v in compute.items()},
    }
    pul = {
        "replicationConfigIdentifier": name.replace("_", "-"),
        "replicationType": "full-load",
        "sourceEndpointArn": endpoints["source"],
        "targetEndpointArn": endpoints["target"],
        "tableMappings": mappings,
        "computeConfig": {camel(k): v for k, v in compute.items()},
    }
    return Case(
        "aws_dms_replication_config",
        name,
        tf,
        ("AWS::DMS::ReplicationConfig", cfn),
        ("aws:dms/replicationConfig:ReplicationConfig", pul),
        blocks=("compute_config",),
    )


def cmk_cases(build: Any, aws_alias: str) -> list[Case]:
    """The usual cases of a key attribute: a key of the stack, a literal ARN, none, the AWS-managed alias."""
    return [
        kms_key(),
        build("pass_cmk", KEY),
        build("pass_literal_key_arn", LITERAL_KEY),
        build("fail_default_key"),
        build("fail_aws_managed", aws_alias),
    ]


def restored_to_point_in_time(build: Any, source: tuple[str, str, str], identifier: str) -> Case:
    """A database restored to a point in time of ``identifier`` without a key of its own: Terraform and Pulumi
    restore_to_point_in_time (``source`` names the source argument in each format, the CloudFormation
    one top-level), which keeps the source's key."""
    tf_source, cfn_source, pulumi_source = source
    case = build(
        "undetermined_restored_to_point_in_time",
        extra=(
            {"restore_to_point_in_time": [{tf_source: identifier, "use_latest_restorable_time": True}]},
            {cfn_source: identifier, "UseLatestRestorableTime": True},
            {"restoreToPointInTime": {pulumi_source: identifier, "useLatestRestorableTime": True}},
        ),
    )
    return replace(case, blocks=(*(case.blocks or ()), "restore_to_point_in_time"))


ENC = {"encrypted": True}
CMK = {"encrypted": True, "kms_key_id": KEY}

FIXTURES: dict[str, list[Case]] = {
    "ENC-EC2-004": [
        kms_key(),
        instance("pass_root_and_data_encrypted", ENC, ENC),
        instance("pass_root_encrypted_with_cmk", CMK),
        instance("fail_root_unencrypted", {"encrypted": False}, ENC),
        instance("fail_data_volume_unencrypted", ENC, {"encrypted": False}),
        instance("undetermined_root_from_ami", None),
        instance("undetermined_data_volume_from_snapshot", ENC, {"snapshot_id": SNAPSHOT_ID}),
        instance_unknown_data_volumes("undetermined_data_volumes_variable"),
        instance_root_name_after_apply("pass_root_device_name_after_apply", ENC),
        # The provider passes Encrypted only when true: a root_block_device without it is left to the AMI.
        # (A template's mappings do not say which device is the root.)
        replace(as_planned(instance("undetermined_root_encryption_not_set", {})), cloudformation=None),
        as_planned(instance("fail_data_volume_encryption_not_set", ENC, {})),
        spot_instance("pass_spot_encrypted", ENC, ENC),
        spot_instance("fail_spot_data_volume_unencrypted", ENC, {"encrypted": False}),
        spot_instance("undetermined_spot_root_from_ami", None),
        instance_data_device_unknown(
            "fail_data_volume_unencrypted_device_name_unknown", {"encrypted": False}
        ),
    ],
    "ENC-EC2-005": [
        kms_key(),
        instance("pass_root_and_data_cmk", CMK, CMK),
        instance("pass_root_literal_key_arn", {"encrypted": True, "kms_key_id": LITERAL_KEY}),
        instance("fail_root_default_key", ENC),
        instance("fail_data_volume_aws_managed", CMK, {"encrypted": True, "kms_key_id": "alias/aws/ebs"}),
        instance("fail_root_unencrypted", {"encrypted": False}),
        instance("undetermined_root_from_ami", None),
        instance("undetermined_data_volume_from_snapshot", CMK, {"snapshot_id": SNAPSHOT_ID}),
        instance_unknown_data_volumes("undetermined_data_volumes_variable"),
        instance_root_name_after_apply("pass_root_device_name_after_apply", CMK),
        replace(as_planned(instance("undetermined_root_key_not_set", {})), cloudformation=None),
        as_planned(instance("fail_data_volume_key_not_set", CMK, ENC)),
        spot_instance("pass_spot_cmk", CMK, CMK),
        spot_instance("fail_spot_root_aws_managed", {"encrypted": True, "kms_key_id": "alias/aws/ebs"}),
        spot_instance("fail_spot_data_volume_default_key", CMK, ENC),
        instance_data_device_unknown(
            "fail_data_volume_aws_managed_device_name_unknown",
            {"encrypted": True, "kms_key_id": "alias/aws/ebs"},
        ),
    ],
    "ENC-EBS-004": [
        *cmk_cases(ebs_volume, "alias/aws/ebs"),
        ebs_volume(
            "fail_unencrypted", extra=({"encrypted": False}, {"Encrypted": False}, {"encrypted": False})
        ),
        # Created from a snapshot without a key: the snapshot's key, if it is encrypted.
        ebs_volume(
            "undetermined_from_snapshot",
            extra=({"snapshot_id": SNAPSHOT_ID}, {"SnapshotId": SNAPSHOT_ID}, {"snapshotId": SNAPSHOT_ID}),
        ),
        ebs_volume(
            "pass_from_snapshot_with_cmk",
            KEY,
            extra=({"snapshot_id": SNAPSHOT_ID}, {"SnapshotId": SNAPSHOT_ID}, {"snapshotId": SNAPSHOT_ID}),
        ),
    ],
    "ENC-EFS-002": [
        *cmk_cases(efs, "alias/aws/elasticfilesystem"),
        # The file system a replication creates takes destination.kms_key_id or aws/elasticfilesystem.
        efs_replica("pass_replica_cmk", REPLICA_KEY),
        efs_replica("fail_replica_default_key"),
        efs_replica("fail_replica_aws_managed", "alias/aws/elasticfilesystem"),
        efs_replica("not_applicable_replica_to_existing_file_system", existing=True),
        efs_with_replica("pass_inline_replica_cmk", REPLICA_KEY),
        efs_with_replica("fail_inline_replica_default_key"),
    ],
    "ENC-ELASTICACHE-003": [
        *cmk_cases(replication_group, "alias/aws/elasticache"),
        serverless_cache("pass_serverless_cmk", KEY),
        serverless_cache("fail_serverless_default_key"),
        serverless_cache("fail_serverless_aws_managed", "alias/aws/elasticache"),
    ],
    "ENC-SQS-002": [
        *cmk_cases(sqs_queue, "alias/aws/sqs"),
        sqs_queue(
            "fail_sqs_managed_sse",
            extra=(
                {"sqs_managed_sse_enabled": True},
                {"SqsManagedSseEnabled": True},
                {"sqsManagedSseEnabled": True},
            ),
        ),
    ],
    "ENC-SNS-002": cmk_cases(sns_topic, "alias/aws/sns"),
    "ENC-DOCDB-011": [
        *cmk_cases(docdb_cluster, "alias/aws/rds"),
        docdb_cluster(
            "undetermined_restored_from_snapshot",
            extra=(
                {"snapshot_identifier": "ledger-final"},
                {"SnapshotIdentifier": "ledger-final"},
                {"snapshotIdentifier": "ledger-final"},
            ),
        ),
        restored_to_point_in_time(
            docdb_cluster,
            ("source_cluster_identifier", "SourceDBClusterIdentifier", "sourceClusterIdentifier"),
            "profiles-prod",
        ),
        docdb_elastic_cluster("pass_elastic_cmk", KEY),
        docdb_elastic_cluster("fail_elastic_default_key"),
        docdb_elastic_cluster("fail_elastic_aws_managed", "alias/aws/docdb-elastic"),
    ],
    "ENC-NEPTUNE-002": [
        *cmk_cases(neptune_cluster, "alias/aws/rds"),
        neptune_cluster(
            "undetermined_restored_from_snapshot",
            extra=(
                {"snapshot_identifier": "graph-final"},
                {"SnapshotIdentifier": "graph-final"},
                {"snapshotIdentifier": "graph-final"},
            ),
        ),
        # Terraform and Pulumi have no point-in-time restore of a Neptune cluster; CloudFormation has.
        replace(
            neptune_cluster(
                "undetermined_restored_to_point_in_time",
                extra=({}, {"SourceDBClusterIdentifier": "graph-prod", "UseLatestRestorableTime": True}, {}),
            ),
            terraform=None,
            pulumi=None,
        ),
    ],
    "ENC-REDSHIFTSERVERLESS-001": [
        *cmk_cases(serverless_namespace, "alias/aws/redshift"),
        serverless_namespace("fail_aws_owned_key", "AWS_OWNED_KMS_KEY"),
    ],
    "ENC-TIMESTREAM-001": cmk_cases(timestream_database, "alias/aws/timestream"),
    "ENC-DMS-001": [
        *cmk_cases(dms_endpoint, "alias/aws/dms"),
        # The S3 endpoint's own type (Terraform, Pulumi; CloudFormation writes an AWS::DMS::Endpoint).
        dms_s3_endpoint("pass_s3_endpoint_cmk", KEY),
        dms_s3_endpoint("fail_s3_endpoint_default_key"),
        dms_s3_endpoint("fail_s3_endpoint_aws_managed", "alias/aws/dms"),
    ],
    "ENC-DMS-002": [
        *cmk_cases(dms_replication_instance, "alias/aws/dms"),
        dms_replication_config("pass_serverless_cmk", KEY),
        dms_replication_config("fail_serverless_default_key"),
        dms_replication_config("fail_serverless_aws_managed", "alias/aws/dms"),
    ],
    "ENC-RDS-004": [
        *cmk_cases(db_instance, "alias/aws/rds"),
        db_instance(
            "undetermined_read_replica",
            extra=(
                {"replicate_source_db": "ledger-primary"},
                {"SourceDBInstanceIdentifier": "ledger-primary"},
                {"replicateSourceDb": "ledger-primary"},
            ),
        ),
        restored_to_point_in_time(
            db_instance,
            ("source_db_instance_identifier", "SourceDBInstanceIdentifier", "sourceDbInstanceIdentifier"),
            "ledger-primary",
        ),
        # CloudFormation names the replicated automated backups of another region top-level.
        replace(
            db_instance(
                "undetermined_restored_from_automated_backups",
                extra=(
                    {},
                    {
                        "SourceDBInstanceAutomatedBackupsArn": AUTOMATED_BACKUPS_ARN,
                        "UseLatestRestorableTime": True,
                    },
                    {},
                ),
            ),
            terraform=None,
            pulumi=None,
        ),
    ],
    "ENC-RDS-005": [
        *cmk_cases(rds_cluster, "alias/aws/rds"),
        rds_cluster(
            "undetermined_global_secondary",
            extra=(
                {"global_cluster_identifier": "ledger-global"},
                {"GlobalClusterIdentifier": "ledger-global"},
                {"globalClusterIdentifier": "ledger-global"},
            ),
        ),
        restored_to_point_in_time(
            rds_cluster,
            ("source_cluster_identifier", "SourceDBClusterIdentifier", "sourceClusterIdentifier"),
            "ledger-prod",
        ),
    ],
    "ENC-RDS-006": [
        kms_key(),
        performance_insights("pass_instance_cmk", KEY),
        performance_insights("pass_cluster_cmk", KEY, cluster=True),
        performance_insights("fail_instance_default_key"),
        performance_insights("fail_cluster_default_key", cluster=True),
        performance_insights("fail_instance_aws_managed", "alias/aws/rds"),
        performance_insights_cluster_instance("pass_cluster_instance_cmk", KEY),
        performance_insights_cluster_instance("fail_cluster_instance_default_key"),
        performance_insights_cluster_instance("fail_cluster_instance_aws_managed", "alias/aws/rds"),
        aurora_member_performance_insights("pass_cluster_member_cmk", KEY),
        aurora_member_performance_insights("fail_cluster_member_default_key"),
        # The switch may stay off: a key that would fail is undetermined, a customer-managed one passes.
        performance_insights_switch_unknown("undetermined_instance_switch_unknown"),
        performance_insights_switch_unknown("pass_instance_switch_unknown_cmk", KEY),
    ],
    "ENC-KINESIS-002": [
        kms_key(),
        kinesis("pass_cmk", KEY),
        kinesis("pass_literal_key_arn", LITERAL_KEY),
        kinesis("fail_aws_managed", "alias/aws/kinesis"),
        kinesis("fail_unencrypted"),
        Case(
            "aws_kinesis_stream",
            "undetermined_encryption_chosen",
            None,
            (
                "AWS::Kinesis::Stream",
                {
                    "Name": "undetermined-encryption-chosen",
                    "ShardCount": 1,
                    "StreamEncryption": Chosen("Encrypt", {"EncryptionType": "KMS", "KeyId": KEY}, NO_VALUE),
                },
            ),
        ),
    ],
    "ENC-LAMBDA-001": [
        kms_key(),
        lambda_function("pass_cmk", KEY),
        lambda_function("fail_default_key"),
        lambda_function("fail_aws_managed", "alias/aws/lambda"),
        lambda_function("pass_cmk_environment_unknown", KEY, Ref("var.environment_variables", None)),
        lambda_function("undetermined_environment_unknown", variables=Ref("var.environment_variables", None)),
        lambda_function(
            "undetermined_aws_managed_environment_unknown",
            "arn:aws:kms:eu-west-1:482913057716:alias/aws/lambda",
            Ref("var.environment_variables", None),
        ),
    ],
    "ENC-OPENSEARCH-004": [
        kms_key(),
        opensearch("pass_cmk", KEY),
        opensearch("pass_literal_key_arn", LITERAL_KEY),
        opensearch("fail_default_key"),
        opensearch("fail_aws_managed", "alias/aws/es"),
        opensearch_unknown_encryption("undetermined_encryption_variable"),
        opensearch("fail_cmk_encryption_disabled", KEY, enabled=False),
        replace(
            opensearch("undetermined_cmk_encryption_enabled_variable", KEY, Ref("var.encrypt_at_rest", None)),
            cloudformation=None,
            pulumi=None,
        ),
        replace(
            opensearch("undetermined_cmk_encryption_enabled_parameter", KEY, Parameter("EncryptAtRest")),
            terraform=None,
            pulumi=None,
        ),
    ],
    "ENC-FIREHOSE-002": [
        kms_key(),
        firehose("pass_cmk", "CUSTOMER_MANAGED_CMK", KEY),
        firehose("fail_aws_owned_key", "AWS_OWNED_CMK"),
        firehose("fail_no_encryption"),
        firehose("fail_customer_type_aws_managed", "CUSTOMER_MANAGED_CMK", "alias/aws/firehose"),
        firehose("fail_customer_key_disabled", "CUSTOMER_MANAGED_CMK", KEY, enabled=False),
        firehose("fail_customer_key_enabled_not_set", "CUSTOMER_MANAGED_CMK", KEY, enabled=None),
        replace(
            firehose("undetermined_stream_type_parameter"),
            terraform=None,
            pulumi=None,
            cloudformation=(
                "AWS::KinesisFirehose::DeliveryStream",
                {
                    "DeliveryStreamName": "undetermined-stream-type-parameter",
                    "DeliveryStreamType": Parameter("DeliveryStreamType"),
                    "ExtendedS3DestinationConfiguration": {
                        "RoleARN": "arn:aws:iam::482913057716:role/firehose",
                        "BucketARN": "arn:aws:s3:::acme-events",
                    },
                },
            ),
        ),
        firehose(
            "undetermined_customer_key_enabled_variable",
            "CUSTOMER_MANAGED_CMK",
            KEY,
            enabled=Ref("var.firehose_encryption", None),
        ),
    ],
    "ENC-FSX-001": [
        *cmk_cases(lustre, "alias/aws/fsx"),
        windows_fs("pass_windows_cmk", KEY),
        windows_fs("fail_windows_default_key"),
        ontap_fs("pass_ontap_cmk", KEY),
        ontap_fs("fail_ontap_default_key"),
        openzfs_fs("pass_openzfs_cmk", KEY),
        openzfs_fs("fail_openzfs_aws_managed", "alias/aws/fsx"),
        # Scratch Lustre file systems take no kms_key_id: the finding names deployment_type.
        lustre(
            "fail_lustre_scratch",
            extra=(
                {"deployment_type": "SCRATCH_2"},
                {"LustreConfiguration": {"DeploymentType": "SCRATCH_2"}},
                {"deploymentType": "SCRATCH_2"},
            ),
        ),
    ],
    "ENC-MEMORYDB-011": [
        *cmk_cases(memorydb_cluster, "alias/aws/memorydb"),
        memorydb_snapshot("pass_snapshot_cmk", LITERAL_KEY),
        memorydb_snapshot("fail_snapshot_default_key"),
    ],
    "ENC-CLOUDTRAIL-011": cmk_cases(event_data_store, "alias/aws/cloudtrail"),
    "ENC-EBS-005": cmk_cases(ebs_snapshot_copy, "alias/aws/ebs"),
    "ENC-RDS-007": [
        kms_key(),
        db_snapshot_copy("pass_cmk", KEY),
        db_snapshot_copy("fail_aws_managed", "alias/aws/rds"),
        db_snapshot_copy("undetermined_keeps_source_key"),
        cluster_snapshot_copy("pass_cluster_cmk", KEY),
        cluster_snapshot_copy("pass_cluster_literal_cmk", LITERAL_KEY),
        cluster_snapshot_copy("fail_cluster_aws_managed", "alias/aws/rds"),
        cluster_snapshot_copy("undetermined_cluster_keeps_source_key"),
    ],
    "ENC-RDS-008": [
        kms_key(),
        backup_replication("pass_cmk", KEY),
        backup_replication("fail_aws_managed", "alias/aws/rds"),
        backup_replication("fail_no_key"),
    ],
    "ENC-RDS-009": [
        global_cluster("pass_encrypted", "aws_rds_global_cluster", True),
        global_cluster("fail_unencrypted", "aws_rds_global_cluster", False),
        global_cluster("fail_not_set", "aws_rds_global_cluster"),
        global_cluster("undetermined_from_source_cluster", "aws_rds_global_cluster", source=True),
    ],
    "ENC-DOCDB-012": [
        global_cluster("pass_encrypted", "aws_docdb_global_cluster", True),
        global_cluster("fail_unencrypted", "aws_docdb_global_cluster", False),
        global_cluster("fail_not_set", "aws_docdb_global_cluster"),
        global_cluster("undetermined_from_source_cluster", "aws_docdb_global_cluster", source=True),
    ],
    "ENC-NEPTUNE-005": [
        global_cluster("pass_encrypted", "aws_neptune_global_cluster", True),
        global_cluster("fail_unencrypted", "aws_neptune_global_cluster", False),
        global_cluster("fail_not_set", "aws_neptune_global_cluster"),
        global_cluster("undetermined_from_source_cluster", "aws_neptune_global_cluster", source=True),
    ],
    "ENC-EC2-006": [
        ami_copy("pass_encrypted", True),
        ami_copy("fail_unencrypted", False),
        ami_copy("fail_encrypted_not_set"),
    ],
    "ENC-EC2-007": [
        kms_key(),
        ami_copy("pass_cmk", True, KEY),
        ami_copy("fail_default_key", True),
        ami_copy("fail_aws_managed", True, "alias/aws/ebs"),
        ami_copy("fail_neither_encrypted_nor_key"),
        ami_copy("fail_unencrypted_without_key", False),
    ],
    "ENC-CODEARTIFACT-001": cmk_cases(codeartifact_domain, "alias/aws/codeartifact"),
    "ENC-KINESISVIDEO-001": cmk_cases(kinesis_video, "alias/aws/kinesisvideo"),
    "ENC-SAGEMAKER-003": cmk_cases(sagemaker_domain, "alias/aws/sagemaker"),
    "ENC-GLUE-004": [
        glue("pass_job_encrypted", "job", "encrypted-etl"),
        glue("fail_job_plain", "job"),
        glue("pass_crawler_encrypted", "crawler", "encrypted-etl"),
        glue("fail_crawler_plain", "crawler"),
        glue("pass_endpoint_encrypted", "endpoint", "encrypted-etl"),
        glue("fail_endpoint_plain", "endpoint"),
    ],
    "ENC-CODEPIPELINE-001": cmk_cases(pipeline, "alias/aws/s3"),
    "ENC-NETWORKFIREWALL-001": [
        kms_key(),
        firewall("pass_firewall_cmk", "CUSTOMER_KMS", KEY),
        firewall("fail_firewall_default"),
        firewall("fail_firewall_aws_owned", "AWS_OWNED_KMS_KEY"),
        firewall_policy("pass_policy_cmk", "CUSTOMER_KMS", LITERAL_KEY),
        firewall_policy("fail_policy_default"),
        rule_group("pass_rule_group_cmk", "CUSTOMER_KMS", KEY),
        rule_group("fail_rule_group_customer_type_aws_managed", "CUSTOMER_KMS", "alias/aws/network-firewall"),
    ],
    "ENC-KEYSPACES-001": [
        kms_key(),
        keyspaces("pass_cmk", "CUSTOMER_MANAGED_KMS_KEY", KEY),
        keyspaces("pass_literal_key_arn", "CUSTOMER_MANAGED_KMS_KEY", LITERAL_KEY),
        keyspaces("fail_default"),
        keyspaces("fail_aws_owned", "AWS_OWNED_KMS_KEY"),
        keyspaces("fail_customer_managed_without_key", "CUSTOMER_MANAGED_KMS_KEY"),
    ],
    "ENC-SCHEDULER-001": cmk_cases(scheduler, "alias/aws/scheduler"),
    "ENC-BEDROCK-001": cmk_cases(bedrock_agent, "alias/aws/bedrock"),
    "ENC-REDSHIFT-011": cmk_cases(copy_grant, "alias/aws/redshift"),
    "ENC-APPSYNC-001": [
        api_cache("pass_encrypted", True),
        api_cache("fail_unencrypted", False),
        api_cache("fail_not_set"),
    ],
    "ENC-EC2-008": [
        kms_key(),
        launch_template("pass_cmk", [CMK, {"encrypted": True, "kms_key_id": LITERAL_KEY}]),
        launch_template("fail_default_key", [ENC]),
        launch_template("fail_aws_managed", [CMK, {"encrypted": True, "kms_key_id": "alias/aws/ebs"}]),
        launch_template("undetermined_from_snapshot", [{"snapshot_id": SNAPSHOT_ID}]),
    ],
    "ENC-RDS-010": cmk_cases(activity_stream, "alias/aws/rds"),
    "ENC-IMAGEBUILDER-001": cmk_cases(imagebuilder_component, "alias/aws/imagebuilder"),
    "ENC-KENDRA-001": cmk_cases(kendra_index, "alias/aws/kendra"),
    "ENC-COMPREHEND-001": [
        kms_key(),
        comprehend("pass_cmk", KEY, KEY),
        comprehend("pass_literal_keys", LITERAL_KEY, LITERAL_KEY),
        comprehend("pass_recognizer_cmk", KEY, LITERAL_KEY, recognizer=True),
        comprehend("fail_default_keys"),
        comprehend("fail_volume_default", KEY),
        comprehend("fail_recognizer_aws_managed", "alias/aws/comprehend", KEY, recognizer=True),
        comprehend("pass_output_cmk", KEY, KEY, output_key=LITERAL_KEY),
        comprehend("fail_output_default_key", KEY, KEY, output_key=None),
    ],
    "ENC-ECS-002": [
        kms_key(),
        ecs_cluster("pass_exec_cmk", {"logging": "DEFAULT"}, KEY),
        ecs_cluster("pass_exec_literal_key", {"logging": "DEFAULT"}, LITERAL_KEY),
        ecs_cluster("fail_exec_default_key", {"logging": "DEFAULT"}),
        ecs_cluster("fail_exec_aws_managed", {"logging": "DEFAULT"}, "alias/aws/ecs"),
    ],
    "ENC-DYNAMODB-002": [
        kms_key(),
        global_table("pass_replicas_cmk", [REPLICA_KEY]),
        global_table("fail_replica_default_key", [None]),
        global_table("fail_second_replica_aws_managed", [REPLICA_KEY, "alias/aws/dynamodb"]),
        table_replica("pass_table_replica_cmk", KEY),
        table_replica("pass_table_replica_literal_key", REPLICA_KEY),
        table_replica("fail_table_replica_default_key"),
    ],
    "ENC-DLM-001": [
        dlm_policy("pass_copies_encrypted", True),
        dlm_policy("pass_event_copies_encrypted", True, event=True),
        dlm_policy("fail_copies_unencrypted", False),
        dlm_policy("fail_event_copies_unencrypted", False, event=True),
    ],
    "ENC-DLM-002": [
        kms_key(),
        dlm_policy("pass_copies_cmk", True, REPLICA_KEY),
        dlm_policy("pass_event_copies_cmk", True, REPLICA_KEY, event=True),
        dlm_policy("fail_copies_default_key", True),
        dlm_policy("fail_copies_aws_managed", True, "alias/aws/ebs"),
        dlm_policy("fail_copies_unencrypted", False),
        dlm_policy("fail_event_copies_default_key", True, event=True),
    ],
    "ENC-S3-004": [
        kms_key(),
        s3_object("pass_cmk", "aws:kms", KEY),
        s3_object("pass_dsse_literal_key", "aws:kms:dsse", LITERAL_KEY),
        s3_object("pass_copy_cmk", "aws:kms", KEY, copy=True),
        s3_object("fail_sse_s3", "AES256"),
        s3_object("fail_kms_default_key", "aws:kms"),
        s3_object("fail_aws_managed", "aws:kms", "alias/aws/s3"),
        s3_object("fail_copy_sse_s3", "AES256", copy=True),
        s3_object("pass_legacy_object_cmk", "aws:kms", KEY, legacy=True),
        s3_object("fail_legacy_object_sse_s3", "AES256", legacy=True),
        s3_object("fail_legacy_object_aws_managed", "aws:kms", "alias/aws/s3", legacy=True),
        s3_object("not_applicable_legacy_object_bucket_default", legacy=True),
    ],
    "ENC-IMAGEBUILDER-002": [
        kms_key(),
        image_recipe("pass_encrypted", [ENC, ENC]),
        image_recipe("pass_encrypted_cmk", [CMK]),
        image_recipe("fail_unencrypted", [{"encrypted": False}]),
        image_recipe("fail_not_set", [ENC, {"delete_on_termination": True}]),
        image_recipe("undetermined_from_snapshot", [{"snapshot_id": SNAPSHOT_ID}]),
    ],
    "ENC-IMAGEBUILDER-003": [
        kms_key(),
        image_recipe("pass_cmk", [CMK, {"encrypted": True, "kms_key_id": LITERAL_KEY}]),
        image_recipe("fail_default_key", [ENC]),
        image_recipe("fail_aws_managed", [{"encrypted": True, "kms_key_id": "alias/aws/ebs"}]),
        image_recipe("undetermined_from_snapshot", [{"snapshot_id": SNAPSHOT_ID}]),
    ],
    "ENC-SAGEMAKER-004": cmk_cases(flow_definition, "alias/aws/sagemaker"),
    "ENC-SAGEMAKER-005": [
        kms_key(),
        data_quality_job("pass_cmk", KEY, KEY),
        data_quality_job("pass_literal_keys", LITERAL_KEY, LITERAL_KEY),
        data_quality_job("fail_default_keys"),
        data_quality_job("fail_volume_default_key", KEY),
        data_quality_job("fail_output_aws_managed", "alias/aws/sagemaker", KEY),
    ],
    "ENC-APPFLOW-001": cmk_cases(appflow, "alias/aws/appflow"),
    "ENC-CONNECT-001": [
        kms_key(),
        connect_storage("pass_recordings_cmk", "S3", {"encryption_type": "KMS", "key_id": KEY}),
        connect_storage(
            "pass_media_literal_key",
            "KINESIS_VIDEO_STREAM",
            {"encryption_type": "KMS", "key_id": LITERAL_KEY},
        ),
        connect_storage("fail_recordings_no_encryption", "S3"),
        connect_storage(
            "fail_media_aws_managed",
            "KINESIS_VIDEO_STREAM",
            {"encryption_type": "KMS", "key_id": "alias/aws/kinesisvideo"},
        ),
    ],
    "ENC-ECS-003": [
        ecs_exec_logs(
            "pass_logs_encrypted",
            "OVERRIDE",
            {
                "cloud_watch_log_group_name": "/ecs/exec",
                "cloud_watch_encryption_enabled": True,
                "s3_bucket_name": "acme-exec-logs",
                "s3_bucket_encryption_enabled": True,
            },
        ),
        ecs_exec_logs(
            "pass_cloudwatch_encrypted",
            "OVERRIDE",
            {"cloud_watch_log_group_name": "/ecs/exec", "cloud_watch_encryption_enabled": True},
        ),
        ecs_exec_logs("fail_cloudwatch_unencrypted", "OVERRIDE", {"cloud_watch_log_group_name": "/ecs/exec"}),
        ecs_exec_logs(
            "fail_s3_unencrypted",
            "OVERRIDE",
            {"s3_bucket_name": "acme-exec-logs", "s3_bucket_encryption_enabled": False},
        ),
    ],
    "ENC-IMAGEBUILDER-004": [
        kms_key(),
        distribution_configuration("pass_cmk", [KEY, REPLICA_KEY]),
        distribution_configuration("fail_aws_managed", [KEY, "alias/aws/ebs"]),
        distribution_configuration("undetermined_default_key", [KEY, None]),
    ],
    "ENC-NEPTUNE-003": [
        *NEPTUNE_CLUSTERS,
        neptune_snapshot("pass_encrypted_cluster", "graph_default_key"),
        neptune_snapshot("pass_cmk_cluster", "graph_cmk"),
        neptune_snapshot("pass_literal_identifier", "=graph-cmk"),
        neptune_snapshot("fail_unencrypted_cluster", "graph_unencrypted"),
        neptune_snapshot("fail_literal_identifier", "=graph-unencrypted"),
        neptune_snapshot("undetermined_cluster_outside", None),
        # A cluster restored from a snapshot without storage_encrypted has the snapshot's encryption.
        neptune_graph("graph_restored", None, snapshot="graph-final"),
        neptune_snapshot("undetermined_restored_cluster", "graph_restored"),
    ],
    "ENC-NEPTUNE-004": [
        *NEPTUNE_CLUSTERS,
        neptune_snapshot("pass_cmk_cluster", "graph_cmk"),
        neptune_snapshot("fail_default_key_cluster", "graph_default_key"),
        neptune_snapshot("fail_aws_managed_cluster", "graph_aws_managed"),
        neptune_snapshot("fail_unencrypted_cluster", "graph_unencrypted"),
        neptune_snapshot("undetermined_cluster_outside", None),
        neptune_snapshot("pass_literal_identifier", "=graph-cmk"),
        neptune_snapshot("fail_literal_identifier", "=graph-default-key"),
        # The cluster's key is a key resource of the configuration (unknown until apply in a plan): two hops.
        kms_key_only_terraform_pulumi(),
        neptune_graph("graph_key_resource", True, KEY),
        neptune_snapshot("pass_key_resource_cluster", "graph_key_resource"),
        # A cluster restored from a snapshot without kms_key_arn keeps the snapshot's key, not aws/rds.
        neptune_graph("graph_restored_encrypted", True, snapshot="graph-final"),
        neptune_graph("graph_restored_aws_managed", True, "alias/aws/rds", snapshot="graph-final"),
        neptune_snapshot("undetermined_restored_cluster", "graph_restored_encrypted"),
        neptune_snapshot("fail_restored_aws_managed_cluster", "graph_restored_aws_managed"),
    ],
    "ENC-RDS-011": [
        *RDS_SOURCES,
        db_snapshot("pass_encrypted_instance", "ledger_default_key"),
        db_snapshot("pass_literal_identifier", "=ledger-cmk"),
        db_snapshot("fail_unencrypted_instance", "ledger_unencrypted"),
        db_snapshot("fail_literal_identifier_unencrypted", "=ledger-unencrypted"),
        db_snapshot("undetermined_instance_restored", "ledger_restored"),
        db_snapshot("undetermined_instance_outside", None),
        db_cluster_snapshot("pass_encrypted_cluster", "aurora_default_key"),
        db_cluster_snapshot("pass_serverless_cluster", "aurora_serverless"),
        db_cluster_snapshot("fail_unencrypted_cluster", "aurora_unencrypted"),
        db_cluster_snapshot("undetermined_cluster_outside", None),
    ],
    "ENC-RDS-012": [
        *RDS_SOURCES,
        db_snapshot("pass_cmk_instance", "ledger_cmk"),
        db_snapshot("pass_literal_identifier", "=ledger-cmk"),
        db_snapshot("fail_default_key_instance", "ledger_default_key"),
        db_snapshot("fail_aws_managed_instance", "ledger_aws_managed"),
        db_snapshot("fail_unencrypted_instance", "ledger_unencrypted"),
        db_snapshot("undetermined_instance_restored", "ledger_restored"),
        db_snapshot("undetermined_instance_outside", None),
        db_cluster_snapshot("pass_cmk_cluster", "aurora_cmk"),
        db_cluster_snapshot("fail_default_key_cluster", "aurora_default_key"),
        db_cluster_snapshot("fail_serverless_default_key", "aurora_serverless"),
        db_cluster_snapshot("fail_unencrypted_cluster", "aurora_unencrypted"),
        db_cluster_snapshot("undetermined_cluster_outside", None),
        # The source's key is a key resource of the configuration (unknown until apply in a plan): two hops.
        kms_key_only_terraform_pulumi(),
        rds_database("ledger_key_resource", False, True, KEY),
        rds_database("aurora_key_resource", True, True, KEY),
        db_snapshot("pass_key_resource_instance", "ledger_key_resource"),
        db_cluster_snapshot("pass_key_resource_cluster", "aurora_key_resource"),
        # An encrypted replica or restore without kms_key_id has its source's key, not aws/rds.
        rds_database("ledger_replica_encrypted", False, True, replicate_source_db="ledger-primary"),
        rds_database("aurora_restored_encrypted", True, True, snapshot_identifier=SOURCE_CLUSTER_SNAPSHOT),
        db_snapshot("undetermined_replica_keeps_source_key", "ledger_replica_encrypted"),
        db_cluster_snapshot("undetermined_restore_keeps_snapshot_key", "aurora_restored_encrypted"),
    ],
    "ENC-CODEBUILD-003": [
        codebuild("pass_logs_encrypted"),
        codebuild("pass_logs_encryption_kept", False),
        codebuild("fail_logs_unencrypted", True),
        codebuild("undetermined_logs_status_unknown_unencrypted", True, status_unknown=True),
        codebuild("pass_logs_status_unknown_encrypted", status_unknown=True),
    ],
}


def main() -> None:
    for rule_id, cases in FIXTURES.items():
        write(PACK, rule_id, cases, project=PROJECT)


if __name__ == "__main__":
    main()
