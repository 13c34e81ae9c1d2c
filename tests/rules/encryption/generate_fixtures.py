"""HCL, CloudFormation and Pulumi fixtures of the AWS encryption rules, one specification per resource.

Each case is a resource named by its expected outcome, written the compliant (or non-compliant) way each
format has: a separate encryption resource in HCL and Pulumi, ``BucketEncryption`` in CloudFormation, and
so on. The Terraform plan of each rule (``<RULE-ID>.tfplan.json``, with the plan-only cases: values unknown
until apply, computed blocks) is written by ``tests/rules/fixture_plans.py`` and kept beside these files.
Rewrite after editing a case:

    .venv/bin/python tests/rules/encryption/generate_fixtures.py
"""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from fixture_writer import REGION, Case, Chosen, Parameter, Ref, write

PACK = "encryption"
# The plan is written by tests/rules/fixture_plans.py; these generators write the other formats.
FORMATS = ("terraform", "cloudformation", "pulumi")
AWS_MANAGED_S3 = "alias/aws/s3"
KEY = Ref("aws_kms_key.cmk", "arn")
SSE_BLOCKS = ("rule", "apply_server_side_encryption_by_default")
SNAPSHOT = "snap-0a1b2c3d4e5f60718"
COPY = Ref("aws_ebs_snapshot_copy.encrypted_copy", "id")
PRIMARY_ARN = f"arn:aws:rds:{REGION}:482913057716:db:ledger-primary"
CLUSTER_SNAPSHOT_ARN = f"arn:aws:rds:{REGION}:482913057716:cluster-snapshot:settlement-final"


def kms_key(name: str = "cmk", rotation: bool | None = True, spec: str | None = None) -> Case:
    tf: dict[str, Any] = {"description": f"{name} at rest"}
    cfn: dict[str, Any] = {"Description": tf["description"]}
    pulumi: dict[str, Any] = {"description": tf["description"]}
    if spec is not None:
        tf["customer_master_key_spec"] = pulumi["customerMasterKeySpec"] = cfn["KeySpec"] = spec
    if rotation is not None:
        tf["enable_key_rotation"] = cfn["EnableKeyRotation"] = pulumi["enableKeyRotation"] = rotation
    return Case("aws_kms_key", name, tf, ("AWS::KMS::Key", cfn), ("aws:kms/key:Key", pulumi))


# --- S3 ----------------------------------------------------------------------------------------------


def cfn_bucket_encryption(algorithm: str, key: Any = None) -> dict[str, Any]:
    default: dict[str, Any] = {"SSEAlgorithm": algorithm}
    if key is not None:
        default["KMSMasterKeyID"] = key
    return {
        "ServerSideEncryptionConfiguration": [
            {"ServerSideEncryptionByDefault": default, "BucketKeyEnabled": True}
        ]
    }


def bucket(
    name: str, algorithm: str | None = None, key: Any = None, inline: bool = False, pulumi_v2: bool = False
) -> Case:
    """A bucket; with ``algorithm`` its default encryption: inline (HCL block, Pulumi Bucket property, or
    with ``pulumi_v2`` BucketV2's pluralised serverSideEncryptionConfigurations) or, by default, a separate
    resource in HCL and Pulumi. CloudFormation has only BucketEncryption."""
    bucket_name = f"acme-{name.replace('_', '-')}"
    tf: dict[str, Any] = {"bucket": bucket_name}
    cfn: dict[str, Any] = {"BucketName": bucket_name}
    pulumi: dict[str, Any] = {"bucket": bucket_name}
    token = "aws:s3/bucketV2:BucketV2"
    if algorithm is not None:
        cfn["BucketEncryption"] = cfn_bucket_encryption(algorithm, key)
    if algorithm is not None and inline:
        default = {"sse_algorithm": algorithm, "kms_master_key_id": key}
        tf["server_side_encryption_configuration"] = [
            {"rule": [{"apply_server_side_encryption_by_default": [default]}]}
        ]
        pulumi_default = {"sseAlgorithm": algorithm, **({"kmsMasterKeyId": key} if key is not None else {})}
        if pulumi_v2:
            rules = [{"applyServerSideEncryptionByDefaults": [pulumi_default]}]
            pulumi["serverSideEncryptionConfigurations"] = [{"rules": rules}]
        else:
            token = "aws:s3/bucket:Bucket"
            pulumi["serverSideEncryptionConfiguration"] = {
                "rule": {"applyServerSideEncryptionByDefault": pulumi_default}
            }
    return Case(
        "aws_s3_bucket",
        name,
        tf,
        ("AWS::S3::Bucket", cfn),
        (token, pulumi),
        blocks=("server_side_encryption_configuration", *SSE_BLOCKS),
    )


def sse_resource(name: str, target: str, algorithm: str, key: Any = None) -> Case:
    """An aws_s3_bucket_server_side_encryption_configuration (HCL, Pulumi V2) naming ``target``'s bucket."""
    default = {"sse_algorithm": algorithm, "kms_master_key_id": key}
    tf = {
        "bucket": Ref(f"aws_s3_bucket.{target}", "id"),
        "rule": [{"apply_server_side_encryption_by_default": [default], "bucket_key_enabled": True}],
    }
    pulumi_default = {"sseAlgorithm": algorithm, **({"kmsMasterKeyId": key} if key is not None else {})}
    pulumi = {
        "bucket": tf["bucket"],
        "rules": [{"applyServerSideEncryptionByDefault": pulumi_default, "bucketKeyEnabled": True}],
    }
    token = "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2"
    return Case(
        "aws_s3_bucket_server_side_encryption_configuration",
        name,
        tf,
        None,
        (token, pulumi),
        blocks=SSE_BLOCKS,
    )


def separately_encrypted(name: str, algorithm: str, key: Any = None) -> list[Case]:
    return [bucket(name, algorithm, key), sse_resource(f"{name}_sse", name, algorithm, key)]


NO_VALUE = {"Ref": "AWS::NoValue"}


def cfn_bucket(name: str, encryption: Any) -> Case:
    """CloudFormation only: a bucket whose BucketEncryption (or a rule of it) is chosen by an Fn::If on a
    condition known only at deploy time."""
    properties = {"BucketName": f"acme-{name.replace('_', '-')}", "BucketEncryption": encryption}
    return Case("aws_s3_bucket", name, None, ("AWS::S3::Bucket", properties), None)


def cfn_rule_chosen(name: str, when_true: Any, when_false: Any) -> Case:
    """CloudFormation only: a bucket whose one encryption rule is chosen by an Fn::If."""
    rules = [Chosen("UseKms", when_true, when_false)]
    return cfn_bucket(name, {"ServerSideEncryptionConfiguration": rules})


def enc_s3_001() -> list[Case]:
    return [
        *separately_encrypted("pass_declared_sse_s3", "AES256"),
        bucket("pass_declared_inline", "AES256", inline=True),
        bucket("pass_declared_inline_v2", "AES256", inline=True, pulumi_v2=True),
        bucket("fail_undeclared"),
        # BucketEncryption or AWS::NoValue, as a condition decides at deploy time: undetermined.
        cfn_bucket(
            "undetermined_encryption_chosen", Chosen("Encrypt", cfn_bucket_encryption("AES256"), NO_VALUE)
        ),
        # One rule or the other: declared whichever branch is taken.
        cfn_rule_chosen(
            "pass_encryption_rule_chosen",
            cfn_bucket_encryption("aws:kms")["ServerSideEncryptionConfiguration"][0],
            cfn_bucket_encryption("AES256")["ServerSideEncryptionConfiguration"][0],
        ),
    ]


def enc_s3_002() -> list[Case]:
    return [
        kms_key(),
        *separately_encrypted("pass_cmk", "aws:kms", KEY),
        bucket("pass_cmk_inline", "aws:kms", KEY, inline=True),
        *separately_encrypted("fail_s3_managed", "AES256"),
        *separately_encrypted("fail_aws_managed_key", "aws:kms", AWS_MANAGED_S3),
        bucket("fail_sse_s3_inline", "AES256", inline=True),
        bucket("pass_cmk_inline_v2", "aws:kms", KEY, inline=True, pulumi_v2=True),
        bucket("fail_sse_s3_inline_v2", "AES256", inline=True, pulumi_v2=True),
        bucket("fail_no_default"),
        # A rule with the customer-managed key or SSE-S3, as a condition decides at deploy time.
        cfn_rule_chosen(
            "undetermined_kms_rule_chosen",
            cfn_bucket_encryption("aws:kms", KEY)["ServerSideEncryptionConfiguration"][0],
            cfn_bucket_encryption("AES256")["ServerSideEncryptionConfiguration"][0],
        ),
        cfn_bucket(
            "undetermined_encryption_chosen",
            Chosen("Encrypt", cfn_bucket_encryption("aws:kms", KEY), NO_VALUE),
        ),
    ]


# --- Databases ---------------------------------------------------------------------------------------


def db_instance(name: str, encrypted: bool | None, source: Any = None) -> Case:
    """A DB instance; with ``source`` a read replica of it (replicate_source_db, CloudFormation
    SourceDBInstanceIdentifier), which takes the source's encryption."""
    identifier = name.replace("_", "-")
    tf: dict[str, Any] = {"identifier": identifier, "engine": "postgres", "instance_class": "db.t4g.micro"}
    cfn: dict[str, Any] = {
        "DBInstanceIdentifier": identifier,
        "Engine": "postgres",
        "DBInstanceClass": "db.t4g.micro",
    }
    pulumi: dict[str, Any] = {"identifier": identifier, "engine": "postgres", "instanceClass": "db.t4g.micro"}
    if encrypted is not None:
        tf["storage_encrypted"] = cfn["StorageEncrypted"] = pulumi["storageEncrypted"] = encrypted
    if source is not None:
        tf["replicate_source_db"] = cfn["SourceDBInstanceIdentifier"] = pulumi["replicateSourceDb"] = source
    return Case(
        "aws_db_instance", name, tf, ("AWS::RDS::DBInstance", cfn), ("aws:rds/instance:Instance", pulumi)
    )


def aurora_member(name: str, cluster: str) -> Case:
    """A DB instance of an Aurora cluster: CloudFormation AWS::RDS::DBInstance with DBClusterIdentifier
    (Terraform and Pulumi have aws_rds_cluster_instance for it)."""
    cfn = {
        "DBClusterIdentifier": Ref(f"aws_rds_cluster.{cluster}", "id"),
        "Engine": "aurora-postgresql",
        "DBInstanceClass": "db.r6g.large",
    }
    return Case("aws_db_instance", name, None, ("AWS::RDS::DBInstance", cfn), None)


def rds_cluster(
    name: str, encrypted: bool | None, mode: str | None = None, snapshot: str | None = None
) -> Case:
    identifier = name.replace("_", "-")
    tf: dict[str, Any] = {"cluster_identifier": identifier, "engine": "aurora-postgresql"}
    cfn: dict[str, Any] = {"DBClusterIdentifier": identifier, "Engine": "aurora-postgresql"}
    pulumi: dict[str, Any] = {"clusterIdentifier": identifier, "engine": "aurora-postgresql"}
    if encrypted is not None:
        tf["storage_encrypted"] = cfn["StorageEncrypted"] = pulumi["storageEncrypted"] = encrypted
    if snapshot is not None:
        tf["snapshot_identifier"] = cfn["SnapshotIdentifier"] = pulumi["snapshotIdentifier"] = snapshot
    if mode is not None:
        tf["engine_mode"] = cfn["EngineMode"] = pulumi["engineMode"] = mode
    return Case(
        "aws_rds_cluster", name, tf, ("AWS::RDS::DBCluster", cfn), ("aws:rds/cluster:Cluster", pulumi)
    )


def global_table(name: str, sse: dict[str, Any] | None, replica_key: Any = None) -> Case:
    """A CloudFormation AWS::DynamoDB::GlobalTable (no Terraform or Pulumi type of that shape): ``sse`` its
    table-level SSESpecification (SSEEnabled, SSEType; it has no key), ``replica_key`` its one replica's
    KMSMasterKeyId."""
    table = name.replace("_", "-")
    replica: dict[str, Any] = {"Region": "eu-west-1"}
    if replica_key is not None:
        replica["SSESpecification"] = {"KMSMasterKeyId": replica_key}
    cfn: dict[str, Any] = {
        "TableName": table,
        "BillingMode": "PAY_PER_REQUEST",
        "AttributeDefinitions": [{"AttributeName": "id", "AttributeType": "S"}],
        "KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}],
        "Replicas": [replica],
    }
    if sse is not None:
        cfn["SSESpecification"] = sse
    return Case("aws_dynamodb_table", name, None, ("AWS::DynamoDB::GlobalTable", cfn), None)


def dynamodb(name: str, enabled: bool | None, key: Any = None) -> Case:
    """A table; ``enabled`` None leaves out the encryption setting (an AWS-owned key)."""
    table = name.replace("_", "-")
    tf: dict[str, Any] = {
        "name": table,
        "hash_key": "id",
        "billing_mode": "PAY_PER_REQUEST",
        "attribute": [{"name": "id", "type": "S"}],
    }
    cfn: dict[str, Any] = {
        "TableName": table,
        "BillingMode": "PAY_PER_REQUEST",
        "AttributeDefinitions": [{"AttributeName": "id", "AttributeType": "S"}],
        "KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}],
    }
    pulumi: dict[str, Any] = {
        "name": table,
        "hashKey": "id",
        "billingMode": "PAY_PER_REQUEST",
        "attributes": [{"name": "id", "type": "S"}],
    }
    if enabled is not None:
        tf["server_side_encryption"] = [{"enabled": enabled, "kms_key_arn": key}]
        cfn["SSESpecification"] = {
            "SSEEnabled": enabled,
            **({"SSEType": "KMS", "KMSMasterKeyId": key} if key else {}),
        }
        pulumi["serverSideEncryption"] = {"enabled": enabled, **({"kmsKeyArn": key} if key else {})}
    return Case(
        "aws_dynamodb_table",
        name,
        tf,
        ("AWS::DynamoDB::Table", cfn),
        ("aws:dynamodb/table:Table", pulumi),
        blocks=("attribute", "server_side_encryption"),
    )


def volume(name: str, encrypted: bool | None, snapshot: Any = None) -> Case:
    tf: dict[str, Any] = {"availability_zone": f"{REGION}a", "size": 20}
    cfn: dict[str, Any] = {"AvailabilityZone": f"{REGION}a", "Size": 20}
    pulumi: dict[str, Any] = {"availabilityZone": f"{REGION}a", "size": 20}
    if encrypted is not None:
        tf["encrypted"] = cfn["Encrypted"] = pulumi["encrypted"] = encrypted
    if snapshot is not None:
        tf["snapshot_id"] = cfn["SnapshotId"] = pulumi["snapshotId"] = snapshot
    return Case("aws_ebs_volume", name, tf, ("AWS::EC2::Volume", cfn), ("aws:ebs/volume:Volume", pulumi))


# An encrypted copy of a snapshot (Terraform and Pulumi; CloudFormation has no snapshot-copy resource).
def snapshot_copy(name: str) -> Case:
    tf: dict[str, Any] = {"source_snapshot_id": SNAPSHOT, "source_region": REGION, "encrypted": True}
    pulumi: dict[str, Any] = {"sourceSnapshotId": SNAPSHOT, "sourceRegion": REGION, "encrypted": True}
    return Case("aws_ebs_snapshot_copy", name, tf, None, ("aws:ebs/snapshotCopy:SnapshotCopy", pulumi))


# --- Messaging ---------------------------------------------------------------------------------------


def topic(name: str, key: Any) -> Case:
    tf: dict[str, Any] = {"name": name.replace("_", "-")}
    cfn: dict[str, Any] = {"TopicName": tf["name"]}
    pulumi: dict[str, Any] = {"name": tf["name"]}
    if key is not None:
        tf["kms_master_key_id"] = cfn["KmsMasterKeyId"] = pulumi["kmsMasterKeyId"] = key
    return Case("aws_sns_topic", name, tf, ("AWS::SNS::Topic", cfn), ("aws:sns/topic:Topic", pulumi))


def queue(name: str, key: Any = None, managed: bool | None = None) -> Case:
    tf: dict[str, Any] = {"name": name.replace("_", "-")}
    cfn: dict[str, Any] = {"QueueName": tf["name"]}
    pulumi: dict[str, Any] = {"name": tf["name"]}
    if key is not None:
        tf["kms_master_key_id"] = cfn["KmsMasterKeyId"] = pulumi["kmsMasterKeyId"] = key
    if managed is not None:
        tf["sqs_managed_sse_enabled"] = cfn["SqsManagedSseEnabled"] = pulumi["sqsManagedSseEnabled"] = managed
    return Case("aws_sqs_queue", name, tf, ("AWS::SQS::Queue", cfn), ("aws:sqs/queue:Queue", pulumi))


FIXTURES: dict[str, list[Case]] = {
    "ENC-S3-001": enc_s3_001(),
    "ENC-S3-002": enc_s3_002(),
    "ENC-RDS-001": [
        db_instance("pass_storage_encrypted", True),
        db_instance("fail_storage_unencrypted", False),
        db_instance("fail_storage_default", None),
        # A read replica has its source's encryption (storage_encrypted is not passed to AWS).
        db_instance("pass_replica_of_encrypted", None, Ref("aws_db_instance.pass_storage_encrypted", "id")),
        db_instance(
            "fail_replica_of_unencrypted", None, Ref("aws_db_instance.fail_storage_unencrypted", "id")
        ),
        db_instance("undetermined_replica_of_unseen_source", None, PRIMARY_ARN),
        # A DB instance of an Aurora cluster has the cluster's encryption: not judged (CloudFormation only).
        replace(rds_cluster("cluster_of_member", True), terraform=None, pulumi=None),
        aurora_member("member_of_cluster", "cluster_of_member"),
    ],
    "ENC-RDS-002": [
        rds_cluster("pass_cluster_encrypted", True),
        rds_cluster("pass_cluster_serverless_v1", None, "serverless"),
        rds_cluster("fail_cluster_unencrypted", False),
        rds_cluster("fail_cluster_default", None),
        # Restored from a snapshot: the snapshot's encryption (CloudFormation: "don't specify" it).
        rds_cluster("undetermined_cluster_from_snapshot", None, snapshot=CLUSTER_SNAPSHOT_ARN),
        rds_cluster("pass_cluster_from_snapshot_encrypted", True, snapshot=CLUSTER_SNAPSHOT_ARN),
    ],
    "ENC-DYNAMODB-001": [
        kms_key(),
        dynamodb("pass_table_cmk", True, KEY),
        dynamodb("fail_table_aws_owned", None),
        dynamodb("fail_table_aws_managed", True),
        dynamodb("fail_table_disabled", False),
        # A global table's key is each replica's (ENC-DYNAMODB-002); the table switches KMS encryption on.
        global_table("pass_global_table_kms", {"SSEEnabled": True, "SSEType": "KMS"}, KEY),
        global_table("fail_global_table_aws_owned", None),
        global_table("fail_global_table_disabled", {"SSEEnabled": False}),
        global_table("undetermined_global_table_type", {"SSEEnabled": True, "SSEType": Parameter("SseType")}),
    ],
    "ENC-EBS-001": [
        volume("pass_volume_encrypted", True),
        volume("fail_volume_unencrypted", False),
        volume("fail_volume_default", None),
        # Restored from a snapshot without `encrypted`: the snapshot decides (#15 §3).
        snapshot_copy("encrypted_copy"),
        replace(volume("pass_volume_from_encrypted_copy", None, COPY), cloudformation=None),
        volume("undetermined_volume_from_snapshot", None, SNAPSHOT),
    ],
    "ENC-KMS-001": [
        kms_key("pass_key_rotates", True),
        kms_key("pass_key_asymmetric", None, "RSA_2048"),
        kms_key("fail_key_rotation_off", False),
        kms_key("fail_key_rotation_default", None),
        # CloudFormation Origin: imported key material cannot rotate; an origin given at deploy time may be
        # AWS_KMS (Terraform and Pulumi declare imported keys as aws_kms_external_key).
        Case("aws_kms_key", "pass_key_imported_material", None, ("AWS::KMS::Key", {"Origin": "EXTERNAL"})),
        Case("aws_kms_key", "fail_key_generated_by_kms", None, ("AWS::KMS::Key", {"Origin": "AWS_KMS"})),
        Case(
            "aws_kms_key",
            "undetermined_key_origin",
            None,
            ("AWS::KMS::Key", {"Origin": Parameter("KeyOrigin")}),
        ),
    ],
    "ENC-SNS-001": [
        kms_key(),
        topic("pass_topic_cmk", KEY),
        topic("pass_topic_aws_managed", "alias/aws/sns"),
        topic("fail_topic_plain", None),
        # The key or AWS::NoValue, as a condition decides at deploy time (CloudFormation only).
        replace(
            topic("undetermined_topic_key_chosen", Chosen("Encrypt", KEY, NO_VALUE)),
            terraform=None,
            pulumi=None,
        ),
    ],
    "ENC-SQS-001": [
        kms_key(),
        queue("pass_queue_cmk", KEY),
        queue("pass_queue_sse_sqs", managed=True),
        queue("pass_queue_default"),
        queue("fail_queue_sse_off", managed=False),
        replace(
            queue("undetermined_queue_key_chosen", Chosen("Encrypt", KEY, NO_VALUE), managed=False),
            terraform=None,
            pulumi=None,
        ),
    ],
}


def main() -> None:
    for rule_id, cases in FIXTURES.items():
        write(PACK, rule_id, cases, formats=FORMATS, project=PACK)


if __name__ == "__main__":
    main()
