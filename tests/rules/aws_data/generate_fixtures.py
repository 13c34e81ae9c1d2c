"""Fixtures of the AWS data-store encryption rules of the aws_data group (issue 5), in all four formats.

Each case is a resource named by its expected outcome with its Terraform arguments, its CloudFormation
properties and its Pulumi inputs. Rewrite the checked-in files after editing a case:

    .venv/bin/python tests/rules/aws_data/generate_fixtures.py
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from fixture_writer import ACCOUNT, REGION, UNKNOWN, Case, Parameter, write

__all__ = ["FIXTURES", "PACK", "PROJECT", "write"]

PACK = "encryption"
PROJECT = "awsdata"

CMK = f"arn:aws:kms:{REGION}:{ACCOUNT}:key/6f1c2a3b-4d5e-4f60-8a71-92b3c4d5e6f7"
AWS_MANAGED = "alias/aws/kinesis"
SUBNETS = ["subnet-0a1b2c3d", "subnet-4e5f6a7b"]


def case(
    tf_type: str,
    name: str,
    tf: Mapping[str, Any] | None,
    cfn: tuple[str, Mapping[str, Any]] | None,
    pulumi: tuple[str, Mapping[str, Any]] | None,
    blocks: tuple[str, ...] = (),
) -> Case:
    return Case(tf_type, name, tf, cfn, pulumi, blocks=blocks)


def _drop_none(values: Mapping[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in values.items() if value is not None}


# --- DocumentDB and Neptune ---------------------------------------------------------------------


# A cluster snapshot to restore from: the restored cluster has the snapshot's encryption, which the
# configuration does not show (DocumentDB and Neptune snapshots have RDS ARNs).
SNAPSHOT = f"arn:aws:rds:{REGION}:{ACCOUNT}:cluster-snapshot:catalog-final"


def docdb(name: str, encrypted: bool | None, snapshot: str | None = None) -> Case:
    ident = name.replace("_", "-")
    key = CMK if encrypted else None
    return case(
        "aws_docdb_cluster",
        name,
        _drop_none(
            {
                "cluster_identifier": ident,
                "master_username": "docdbadmin",
                "manage_master_user_password": True,
                "storage_encrypted": encrypted,
                "kms_key_id": key,
                "snapshot_identifier": snapshot,
            }
        ),
        (
            "AWS::DocDB::DBCluster",
            _drop_none(
                {
                    "DBClusterIdentifier": ident,
                    "MasterUsername": "docdbadmin",
                    "ManageMasterUserPassword": True,
                    "StorageEncrypted": encrypted,
                    "KmsKeyId": key,
                    "SnapshotIdentifier": snapshot,
                }
            ),
        ),
        (
            "aws:docdb/cluster:Cluster",
            _drop_none(
                {
                    "clusterIdentifier": ident,
                    "masterUsername": "docdbadmin",
                    "manageMasterUserPassword": True,
                    "storageEncrypted": encrypted,
                    "kmsKeyId": key,
                    "snapshotIdentifier": snapshot,
                }
            ),
        ),
    )


def neptune(name: str, encrypted: bool | None, snapshot: str | None = None) -> Case:
    ident = name.replace("_", "-")
    key = CMK if encrypted else None
    return case(
        "aws_neptune_cluster",
        name,
        _drop_none(
            {
                "cluster_identifier": ident,
                "engine": "neptune",
                "storage_encrypted": encrypted,
                "kms_key_arn": key,
                "snapshot_identifier": snapshot,
            }
        ),
        (
            "AWS::Neptune::DBCluster",
            _drop_none(
                {
                    "DBClusterIdentifier": ident,
                    "StorageEncrypted": encrypted,
                    "KmsKeyId": key,
                    "SnapshotIdentifier": snapshot,
                }
            ),
        ),
        (
            "aws:neptune/cluster:Cluster",
            _drop_none(
                {
                    "clusterIdentifier": ident,
                    "engine": "neptune",
                    "storageEncrypted": encrypted,
                    "kmsKeyArn": key,
                    "snapshotIdentifier": snapshot,
                }
            ),
        ),
    )


# --- EFS -----------------------------------------------------------------------------------------


def efs(name: str, encrypted: bool | None) -> Case:
    key = CMK if encrypted else None
    # encrypted is optional and computed: a plan shows it known after apply when left out.
    computed = {"encrypted": UNKNOWN} if encrypted is None else {}
    return replace(_efs(name, encrypted, key), plan_values=computed)


def _efs(name: str, encrypted: bool | None, key: str | None) -> Case:
    return case(
        "aws_efs_file_system",
        name,
        _drop_none({"creation_token": name, "encrypted": encrypted, "kms_key_id": key}),
        (
            "AWS::EFS::FileSystem",
            _drop_none({"PerformanceMode": "generalPurpose", "Encrypted": encrypted, "KmsKeyId": key}),
        ),
        (
            "aws:efs/fileSystem:FileSystem",
            _drop_none({"creationToken": name, "encrypted": encrypted, "kmsKeyId": key}),
        ),
    )


# --- ElastiCache ---------------------------------------------------------------------------------


def replication_group(
    name: str,
    at_rest: bool | None,
    transit: bool | None,
    mode: str | None = None,
    engine: str = "redis",
    global_group: str | None = None,
) -> Case:
    ident = name.replace("_", "-")
    # Both arguments are optional and computed: a plan shows the ones left out as known after apply.
    computed = {"at_rest_encryption_enabled": at_rest, "transit_encryption_enabled": transit}
    unset = {key: UNKNOWN for key, value in computed.items() if value is None}
    return replace(
        _replication_group(name, ident, at_rest, transit, mode, engine, global_group), plan_values=unset
    )


def _replication_group(
    name: str,
    ident: str,
    at_rest: bool | None,
    transit: bool | None,
    mode: str | None,
    engine: str,
    global_group: str | None,
) -> Case:
    return case(
        "aws_elasticache_replication_group",
        name,
        _drop_none(
            {
                "replication_group_id": ident,
                "description": "sessions",
                "engine": engine,
                "node_type": "cache.t4g.small",
                "num_cache_clusters": 2,
                "global_replication_group_id": global_group,
                "at_rest_encryption_enabled": at_rest,
                "transit_encryption_enabled": transit,
                "transit_encryption_mode": mode,
            }
        ),
        (
            "AWS::ElastiCache::ReplicationGroup",
            _drop_none(
                {
                    "ReplicationGroupId": ident,
                    "ReplicationGroupDescription": "sessions",
                    "Engine": engine,
                    "CacheNodeType": "cache.t4g.small",
                    "NumCacheClusters": 2,
                    "GlobalReplicationGroupId": global_group,
                    "AtRestEncryptionEnabled": at_rest,
                    "TransitEncryptionEnabled": transit,
                    "TransitEncryptionMode": mode,
                }
            ),
        ),
        (
            "aws:elasticache/replicationGroup:ReplicationGroup",
            _drop_none(
                {
                    "replicationGroupId": ident,
                    "description": "sessions",
                    "engine": engine,
                    "nodeType": "cache.t4g.small",
                    "numCacheClusters": 2,
                    "globalReplicationGroupId": global_group,
                    "atRestEncryptionEnabled": at_rest,
                    "transitEncryptionEnabled": transit,
                    "transitEncryptionMode": mode,
                }
            ),
        ),
    )


def cache_cluster(name: str, engine: str, transit: bool | None, group: str | None = None) -> Case:
    """A node-based aws_elasticache_cluster; ``group`` makes it a node of a replication group."""
    ident = name.replace("_", "-")
    memcached = engine == "memcached"
    return case(
        "aws_elasticache_cluster",
        name,
        _drop_none(
            {
                "cluster_id": ident,
                "engine": engine if group is None else None,
                "engine_version": "1.6.22" if memcached else None,
                "node_type": "cache.t4g.small" if group is None else None,
                "num_cache_nodes": 2 if memcached else None,
                "replication_group_id": group,
                "transit_encryption_enabled": transit,
            }
        ),
        (
            "AWS::ElastiCache::CacheCluster",
            _drop_none(
                {
                    "ClusterName": ident,
                    "Engine": engine,
                    "EngineVersion": "1.6.22" if memcached else None,
                    "CacheNodeType": "cache.t4g.small",
                    "NumCacheNodes": 2 if memcached else 1,
                    "TransitEncryptionEnabled": transit,
                }
            ),
        )
        if group is None
        else None,
        (
            "aws:elasticache/cluster:Cluster",
            _drop_none(
                {
                    "clusterId": ident,
                    "engine": engine if group is None else None,
                    "engineVersion": "1.6.22" if memcached else None,
                    "nodeType": "cache.t4g.small" if group is None else None,
                    "numCacheNodes": 2 if memcached else None,
                    "replicationGroupId": group,
                    "transitEncryptionEnabled": transit,
                }
            ),
        ),
    )


# --- Redshift ------------------------------------------------------------------------------------


def redshift(name: str, encrypted: bool | None, key: str | None) -> Case:
    ident = name.replace("_", "-")
    return case(
        "aws_redshift_cluster",
        name,
        _drop_none(
            {
                "cluster_identifier": ident,
                "node_type": "ra3.xlplus",
                "master_username": "admin",
                "manage_master_password": True,
                "encrypted": encrypted,
                "kms_key_id": key,
            }
        ),
        (
            "AWS::Redshift::Cluster",
            _drop_none(
                {
                    "ClusterIdentifier": ident,
                    "NodeType": "ra3.xlplus",
                    "ClusterType": "single-node",
                    "DBName": "dev",
                    "MasterUsername": "admin",
                    "ManageMasterPassword": True,
                    "Encrypted": encrypted,
                    "KmsKeyId": key,
                }
            ),
        ),
        (
            "aws:redshift/cluster:Cluster",
            _drop_none(
                {
                    "clusterIdentifier": ident,
                    "nodeType": "ra3.xlplus",
                    "masterUsername": "admin",
                    "manageMasterPassword": True,
                    "encrypted": encrypted,
                    "kmsKeyId": key,
                }
            ),
        ),
    )


# --- DAX -----------------------------------------------------------------------------------------

DAX_ROLE = f"arn:aws:iam::{ACCOUNT}:role/dax-access"


def dax(name: str, enabled: bool | None) -> Case:
    ident = name.replace("_", "-")
    tf: dict[str, Any] = {
        "cluster_name": ident,
        "iam_role_arn": DAX_ROLE,
        "node_type": "dax.r5.large",
        "replication_factor": 3,
    }
    cfn: dict[str, Any] = {
        "ClusterName": ident,
        "IAMRoleARN": DAX_ROLE,
        "NodeType": "dax.r5.large",
        "ReplicationFactor": 3,
    }
    pul: dict[str, Any] = {
        "clusterName": ident,
        "iamRoleArn": DAX_ROLE,
        "nodeType": "dax.r5.large",
        "replicationFactor": 3,
    }
    if enabled is not None:
        tf["server_side_encryption"] = [{"enabled": enabled}]
        cfn["SSESpecification"] = {"SSEEnabled": enabled}
        pul["serverSideEncryption"] = {"enabled": enabled}
    return case(
        "aws_dax_cluster",
        name,
        tf,
        ("AWS::DAX::Cluster", cfn),
        ("aws:dax/cluster:Cluster", pul),
        blocks=("server_side_encryption",),
    )


# --- OpenSearch / Elasticsearch ------------------------------------------------------------------

TLS12 = "Policy-Min-TLS-1-2-2019-07"
TLS10 = "Policy-Min-TLS-1-0-2019-07"


def domain(
    name: str,
    at_rest: bool | None = True,
    node_to_node: bool | None = True,
    https: bool | str | None = True,
    tls: str | None = TLS12,
    legacy: bool = False,
) -> Case:
    """An OpenSearch domain (an Elasticsearch domain with ``legacy``); None leaves a setting's block out,
    ``https="omit"`` writes domain_endpoint_options without enforce_https."""
    ident = name.replace("_", "-")[:28]
    tf: dict[str, Any] = {"domain_name": ident, "ebs_options": [{"ebs_enabled": True, "volume_size": 20}]}
    cfn: dict[str, Any] = {"DomainName": ident, "EBSOptions": {"EBSEnabled": True, "VolumeSize": 20}}
    pul: dict[str, Any] = {"domainName": ident, "ebsOptions": {"ebsEnabled": True, "volumeSize": 20}}
    if legacy:
        tf["elasticsearch_version"] = "7.10"
        cfn["ElasticsearchVersion"] = "7.10"
        pul["elasticsearchVersion"] = "7.10"
    else:
        tf["engine_version"] = "OpenSearch_2.13"
        cfn["EngineVersion"] = "OpenSearch_2.13"
        pul["engineVersion"] = "OpenSearch_2.13"
    if at_rest is not None:
        tf["encrypt_at_rest"] = [{"enabled": at_rest}]
        cfn["EncryptionAtRestOptions"] = {"Enabled": at_rest}
        pul["encryptAtRest"] = {"enabled": at_rest}
    if node_to_node is not None:
        tf["node_to_node_encryption"] = [{"enabled": node_to_node}]
        cfn["NodeToNodeEncryptionOptions"] = {"Enabled": node_to_node}
        pul["nodeToNodeEncryption"] = {"enabled": node_to_node}
    if https == "omit":
        https = None
        tf["domain_endpoint_options"] = [_drop_none({"tls_security_policy": tls})]
        cfn["DomainEndpointOptions"] = _drop_none({"TLSSecurityPolicy": tls})
        pul["domainEndpointOptions"] = _drop_none({"tlsSecurityPolicy": tls})
    elif https is not None:
        tf["domain_endpoint_options"] = [_drop_none({"enforce_https": https, "tls_security_policy": tls})]
        cfn["DomainEndpointOptions"] = _drop_none({"EnforceHTTPS": https, "TLSSecurityPolicy": tls})
        pul["domainEndpointOptions"] = _drop_none({"enforceHttps": https, "tlsSecurityPolicy": tls})
    blocks = ("ebs_options", "encrypt_at_rest", "node_to_node_encryption", "domain_endpoint_options")
    # The option blocks (and the TLS policy) are optional and computed: a plan shows the ones left out
    # known after apply.
    computed: dict[str, Any] = {
        block: UNKNOWN
        for block, value in (("encrypt_at_rest", at_rest), ("node_to_node_encryption", node_to_node))
        if value is None
    }
    if "domain_endpoint_options" not in tf:
        computed["domain_endpoint_options"] = UNKNOWN
    elif tls is None:
        computed["domain_endpoint_options"] = [
            {**tf["domain_endpoint_options"][0], "tls_security_policy": UNKNOWN}
        ]
    return replace(_domain(name, tf, cfn, pul, legacy, blocks), plan_values=computed)


def _domain(
    name: str,
    tf: dict[str, Any],
    cfn: dict[str, Any],
    pul: dict[str, Any],
    legacy: bool,
    blocks: tuple[str, ...],
) -> Case:
    if legacy:
        return case(
            "aws_elasticsearch_domain",
            name,
            tf,
            ("AWS::Elasticsearch::Domain", cfn),
            ("aws:elasticsearch/domain:Domain", pul),
            blocks=blocks,
        )
    return case(
        "aws_opensearch_domain",
        name,
        tf,
        ("AWS::OpenSearchService::Domain", cfn),
        ("aws:opensearch/domain:Domain", pul),
        blocks=blocks,
    )


# --- Kinesis -------------------------------------------------------------------------------------


def kinesis(name: str, encryption: str | None, key: str | None) -> Case:
    tf = _drop_none({"name": name, "shard_count": 1, "encryption_type": encryption, "kms_key_id": key})
    cfn: dict[str, Any] = {"Name": name, "ShardCount": 1}
    if encryption is not None:
        cfn["StreamEncryption"] = _drop_none({"EncryptionType": encryption, "KeyId": key})
    pul = _drop_none({"name": name, "shardCount": 1, "encryptionType": encryption, "kmsKeyId": key})
    return case(
        "aws_kinesis_stream", name, tf, ("AWS::Kinesis::Stream", cfn), ("aws:kinesis/stream:Stream", pul)
    )


# --- MSK -----------------------------------------------------------------------------------------


def msk(
    name: str, key: str | None = CMK, client_broker: str | None = "TLS", in_cluster: bool | None = None
) -> Case:
    ident = name.replace("_", "-")
    broker = {
        "instance_type": "kafka.m5.large",
        "client_subnets": SUBNETS,
        "security_groups": ["sg-0a1b2c3d"],
    }
    tf: dict[str, Any] = {
        "cluster_name": ident,
        "kafka_version": "3.6.0",
        "number_of_broker_nodes": 2,
        "broker_node_group_info": [broker],
    }
    cfn: dict[str, Any] = {
        "ClusterName": ident,
        "KafkaVersion": "3.6.0",
        "NumberOfBrokerNodes": 2,
        "BrokerNodeGroupInfo": {
            "InstanceType": "kafka.m5.large",
            "ClientSubnets": SUBNETS,
            "SecurityGroups": ["sg-0a1b2c3d"],
        },
    }
    pul: dict[str, Any] = {
        "clusterName": ident,
        "kafkaVersion": "3.6.0",
        "numberOfBrokerNodes": 2,
        "brokerNodeGroupInfo": {
            "instanceType": "kafka.m5.large",
            "clientSubnets": SUBNETS,
            "securityGroups": ["sg-0a1b2c3d"],
        },
    }
    transit = _drop_none({"client_broker": client_broker, "in_cluster": in_cluster})
    if key is not None or transit:
        info: dict[str, Any] = _drop_none({"encryption_at_rest_kms_key_arn": key})
        cfn_info: dict[str, Any] = {}
        pul_info: dict[str, Any] = _drop_none({"encryptionAtRestKmsKeyArn": key})
        if key is not None:
            cfn_info["EncryptionAtRest"] = {"DataVolumeKMSKeyId": key}
        if transit:
            info["encryption_in_transit"] = [transit]
            cfn_info["EncryptionInTransit"] = _drop_none(
                {"ClientBroker": client_broker, "InCluster": in_cluster}
            )
            pul_info["encryptionInTransit"] = _drop_none(
                {"clientBroker": client_broker, "inCluster": in_cluster}
            )
        tf["encryption_info"] = [info]
        cfn["EncryptionInfo"] = cfn_info
        pul["encryptionInfo"] = pul_info
    computed: dict[str, Any] = {}
    if key is None and "encryption_info" in tf:
        # The key is optional and computed: a plan shows it known after apply inside a written block.
        computed["encryption_info"] = [
            {**tf["encryption_info"][0], "encryption_at_rest_kms_key_arn": UNKNOWN}
        ]
    built = case(
        "aws_msk_cluster",
        name,
        tf,
        ("AWS::MSK::Cluster", cfn),
        ("aws:msk/cluster:Cluster", pul),
        blocks=("broker_node_group_info", "encryption_info", "encryption_in_transit"),
    )
    return replace(built, plan_values=computed)


# --- Account default EBS encryption ---------------------------------------------------------------


def ebs_default(name: str, enabled: bool | None) -> Case:
    return case(
        "aws_ebs_encryption_by_default",
        name,
        _drop_none({"enabled": enabled}),
        None,
        ("aws:ebs/encryptionByDefault:EncryptionByDefault", _drop_none({"enabled": enabled})),
    )


# --- Launch templates, launch configurations and AMIs --------------------------------------------

AMI_ID = "ami-0c1d2e3f4a5b6c7d8"


def launch_template(name: str, encrypted: list[bool | None] | None) -> Case:
    """A launch template; ``encrypted`` lists its EBS block device mappings' encrypted (None: not set), and
    a None list writes no mapping (the AMI's own mappings apply)."""
    tf: dict[str, Any] = {"name": name, "image_id": AMI_ID, "instance_type": "t3.micro"}
    data: dict[str, Any] = {"ImageId": AMI_ID, "InstanceType": "t3.micro"}
    pul: dict[str, Any] = {"name": name, "imageId": AMI_ID, "instanceType": "t3.micro"}
    if encrypted is not None:
        devices = [f"/dev/sd{chr(ord('f') + i)}" for i in range(len(encrypted))]
        tf["block_device_mappings"] = [
            {"device_name": dev, "ebs": [_drop_none({"volume_size": 50, "encrypted": enc})]}
            for dev, enc in zip(devices, encrypted, strict=True)
        ]
        data["BlockDeviceMappings"] = [
            {"DeviceName": dev, "Ebs": _drop_none({"VolumeSize": 50, "Encrypted": enc})}
            for dev, enc in zip(devices, encrypted, strict=True)
        ]
        pul["blockDeviceMappings"] = [
            {"deviceName": dev, "ebs": _drop_none({"volumeSize": 50, "encrypted": enc})}
            for dev, enc in zip(devices, encrypted, strict=True)
        ]
    return case(
        "aws_launch_template",
        name,
        tf,
        ("AWS::EC2::LaunchTemplate", {"LaunchTemplateName": name, "LaunchTemplateData": data}),
        ("aws:ec2/launchTemplate:LaunchTemplate", pul),
        blocks=("block_device_mappings", "ebs"),
    )


def launch_configuration(name: str, root: bool | str | None, extra: bool | str | None) -> Case:
    """A launch configuration; ``root`` and ``extra`` are the root and one additional EBS device's
    encrypted ("omit": no such device; None: encrypted not set)."""
    tf: dict[str, Any] = {"name": name, "image_id": AMI_ID, "instance_type": "t3.micro"}
    cfn: dict[str, Any] = {"ImageId": AMI_ID, "InstanceType": "t3.micro"}
    pul: dict[str, Any] = {"name": name, "imageId": AMI_ID, "instanceType": "t3.micro"}
    mappings: list[dict[str, Any]] = []
    if root != "omit":
        tf["root_block_device"] = [_drop_none({"volume_size": 30, "encrypted": root})]
        pul["rootBlockDevice"] = _drop_none({"volumeSize": 30, "encrypted": root})
        mappings.append({"DeviceName": "/dev/xvda", "Ebs": _drop_none({"VolumeSize": 30, "Encrypted": root})})
    if extra != "omit":
        tf["ebs_block_device"] = [
            _drop_none({"device_name": "/dev/sdf", "volume_size": 50, "encrypted": extra})
        ]
        pul["ebsBlockDevices"] = [
            _drop_none({"deviceName": "/dev/sdf", "volumeSize": 50, "encrypted": extra})
        ]
        mappings.append({"DeviceName": "/dev/sdf", "Ebs": _drop_none({"VolumeSize": 50, "Encrypted": extra})})
    if mappings:
        cfn["BlockDeviceMappings"] = mappings
    return case(
        "aws_launch_configuration",
        name,
        tf,
        ("AWS::AutoScaling::LaunchConfiguration", cfn),
        ("aws:ec2/launchConfiguration:LaunchConfiguration", pul),
        blocks=("root_block_device", "ebs_block_device"),
    )


def ami(name: str, encrypted: bool | None) -> Case:
    device = _drop_none(
        {"device_name": "/dev/xvda", "snapshot_id": "snap-0a1b2c3d4e5f60718", "encrypted": encrypted}
    )
    pul_device = _drop_none(
        {"deviceName": "/dev/xvda", "snapshotId": "snap-0a1b2c3d4e5f60718", "encrypted": encrypted}
    )
    return case(
        "aws_ami",
        name,
        {
            "name": name,
            "root_device_name": "/dev/xvda",
            "virtualization_type": "hvm",
            "ebs_block_device": [device],
        },
        None,
        (
            "aws:ec2/ami:Ami",
            {
                "name": name,
                "rootDeviceName": "/dev/xvda",
                "virtualizationType": "hvm",
                "ebsBlockDevices": [pul_device],
            },
        ),
        blocks=("ebs_block_device",),
    )


# --- ECS task definitions with EFS volumes ---------------------------------------------------------

CONTAINERS = '[{"name":"app","image":"public.ecr.aws/nginx/nginx:1.27","essential":true}]'


def task_definition(name: str, transit: str | bool | None) -> Case:
    """A task definition; ``transit`` is its EFS volume's transit_encryption (False: a host volume only)."""
    tf: dict[str, Any] = {
        "family": name,
        "container_definitions": CONTAINERS,
        "requires_compatibilities": ["FARGATE"],
        "network_mode": "awsvpc",
        "cpu": "256",
        "memory": "512",
    }
    cfn: dict[str, Any] = {
        "Family": name,
        "RequiresCompatibilities": ["FARGATE"],
        "NetworkMode": "awsvpc",
        "Cpu": "256",
        "Memory": "512",
        "ContainerDefinitions": [
            {"Name": "app", "Image": "public.ecr.aws/nginx/nginx:1.27", "Essential": True}
        ],
    }
    pul: dict[str, Any] = {
        "family": name,
        "containerDefinitions": CONTAINERS,
        "requiresCompatibilities": ["FARGATE"],
        "networkMode": "awsvpc",
        "cpu": "256",
        "memory": "512",
    }
    if transit is False:
        tf["volume"] = [{"name": "scratch"}]
        cfn["Volumes"] = [{"Name": "scratch"}]
        pul["volumes"] = [{"name": "scratch"}]
    else:
        efs_tf = _drop_none({"file_system_id": "fs-0a1b2c3d", "transit_encryption": transit})
        efs_cfn = _drop_none({"FilesystemId": "fs-0a1b2c3d", "TransitEncryption": transit})
        efs_pul = _drop_none({"fileSystemId": "fs-0a1b2c3d", "transitEncryption": transit})
        tf["volume"] = [{"name": "scratch"}, {"name": "shared", "efs_volume_configuration": [efs_tf]}]
        cfn["Volumes"] = [{"Name": "scratch"}, {"Name": "shared", "EFSVolumeConfiguration": efs_cfn}]
        pul["volumes"] = [{"name": "scratch"}, {"name": "shared", "efsVolumeConfiguration": efs_pul}]
    return case(
        "aws_ecs_task_definition",
        name,
        tf,
        ("AWS::ECS::TaskDefinition", cfn),
        ("aws:ecs/taskDefinition:TaskDefinition", pul),
        blocks=("volume", "efs_volume_configuration"),
    )


# --- Amazon MQ -------------------------------------------------------------------------------------


def mq_broker(name: str, aws_owned: bool | None, key: str | None, engine: str = "ActiveMQ") -> Case:
    ident = name.replace("_", "-")
    version = "5.18" if engine == "ActiveMQ" else "3.13"
    user = {"username": "mqadmin", "password": "change-me-in-secrets-manager"}
    tf: dict[str, Any] = {
        "broker_name": ident,
        "engine_type": engine,
        "engine_version": version,
        "host_instance_type": "mq.m5.large",
        "user": [user],
    }
    cfn: dict[str, Any] = {
        "BrokerName": ident,
        "EngineType": engine,
        "EngineVersion": version,
        "HostInstanceType": "mq.m5.large",
        "DeploymentMode": "SINGLE_INSTANCE",
        "PubliclyAccessible": False,
        "Users": [{"Username": "mqadmin", "Password": "change-me-in-secrets-manager"}],
    }
    pul: dict[str, Any] = {
        "brokerName": ident,
        "engineType": engine,
        "engineVersion": version,
        "hostInstanceType": "mq.m5.large",
        "users": [user],
    }
    if aws_owned is not None or key is not None:
        tf["encryption_options"] = [_drop_none({"use_aws_owned_key": aws_owned, "kms_key_id": key})]
        cfn["EncryptionOptions"] = _drop_none(
            {"UseAwsOwnedKey": True if aws_owned is None else aws_owned, "KmsKeyId": key}
        )
        pul["encryptionOptions"] = _drop_none({"useAwsOwnedKey": aws_owned, "kmsKeyId": key})
    return case(
        "aws_mq_broker",
        name,
        tf,
        ("AWS::AmazonMQ::Broker", cfn),
        ("aws:mq/broker:Broker", pul),
        blocks=("user", "encryption_options"),
    )


# --- Kinesis Data Firehose -------------------------------------------------------------------------

FIREHOSE_ROLE = f"arn:aws:iam::{ACCOUNT}:role/firehose-delivery"
FIREHOSE_BUCKET = "arn:aws:s3:::acme-firehose-landing"
SOURCE_STREAM = f"arn:aws:kinesis:{REGION}:{ACCOUNT}:stream/events"


def firehose(
    name: str, sse: bool | None, key_type: str = "CUSTOMER_MANAGED_CMK", stream_source: bool = False
) -> Case:
    """A Direct PUT delivery stream to S3 (or one reading a Kinesis stream with ``stream_source``); ``sse``
    is server_side_encryption.enabled (CloudFormation: DeliveryStreamEncryptionConfigurationInput present)."""
    tf: dict[str, Any] = {
        "name": name,
        "destination": "extended_s3",
        "extended_s3_configuration": [{"role_arn": FIREHOSE_ROLE, "bucket_arn": FIREHOSE_BUCKET}],
    }
    cfn: dict[str, Any] = {
        "DeliveryStreamName": name,
        "ExtendedS3DestinationConfiguration": {"RoleARN": FIREHOSE_ROLE, "BucketARN": FIREHOSE_BUCKET},
    }
    pul: dict[str, Any] = {
        "name": name,
        "destination": "extended_s3",
        "extendedS3Configuration": {"roleArn": FIREHOSE_ROLE, "bucketArn": FIREHOSE_BUCKET},
    }
    if stream_source:
        tf["kinesis_source_configuration"] = [
            {"kinesis_stream_arn": SOURCE_STREAM, "role_arn": FIREHOSE_ROLE}
        ]
        cfn["DeliveryStreamType"] = "KinesisStreamAsSource"
        cfn["KinesisStreamSourceConfiguration"] = {
            "KinesisStreamARN": SOURCE_STREAM,
            "RoleARN": FIREHOSE_ROLE,
        }
        pul["kinesisSourceConfiguration"] = {"kinesisStreamArn": SOURCE_STREAM, "roleArn": FIREHOSE_ROLE}
    if sse is not None:
        key = CMK if key_type == "CUSTOMER_MANAGED_CMK" else None
        tf["server_side_encryption"] = [_drop_none({"enabled": sse, "key_type": key_type, "key_arn": key})]
        pul["serverSideEncryption"] = _drop_none({"enabled": sse, "keyType": key_type, "keyArn": key})
        if sse:
            cfn["DeliveryStreamEncryptionConfigurationInput"] = _drop_none(
                {"KeyType": key_type, "KeyARN": key}
            )
    return case(
        "aws_kinesis_firehose_delivery_stream",
        name,
        tf,
        ("AWS::KinesisFirehose::DeliveryStream", cfn),
        ("aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream", pul),
        blocks=("extended_s3_configuration", "kinesis_source_configuration", "server_side_encryption"),
    )


def snapshot_copy(name: str, encrypted: bool | None) -> Case:
    """A copy of a snapshot taken in another region; ``encrypted`` is its encrypted (None: not set)."""
    key = CMK if encrypted else None
    tf = _drop_none(
        {
            "source_snapshot_id": "snap-0a1b2c3d4e5f60718",
            "source_region": "eu-central-1",
            "encrypted": encrypted,
            "kms_key_id": key,
        }
    )
    pulumi = _drop_none(
        {
            "sourceSnapshotId": "snap-0a1b2c3d4e5f60718",
            "sourceRegion": "eu-central-1",
            "encrypted": encrypted,
            "kmsKeyId": key,
        }
    )
    return case("aws_ebs_snapshot_copy", name, tf, None, ("aws:ebs/snapshotCopy:SnapshotCopy", pulumi))


FIXTURES: dict[str, list[Case]] = {
    "ENC-DOCDB-001": [
        docdb("fail_unencrypted", False),
        docdb("fail_default", None),
        docdb("pass_encrypted", True),
        # Restored from a snapshot: AWS takes the snapshot's encryption, not storage_encrypted.
        docdb("undetermined_from_snapshot", None, SNAPSHOT),
        docdb("undetermined_from_snapshot_set_false", False, SNAPSHOT),
    ],
    "ENC-NEPTUNE-001": [
        neptune("fail_unencrypted", False),
        neptune("fail_default", None),
        neptune("pass_encrypted", True),
        neptune("undetermined_from_snapshot", None, SNAPSHOT),
    ],
    "ENC-EFS-001": [efs("fail_unencrypted", False), efs("fail_default", None), efs("pass_encrypted", True)],
    "ENC-ELASTICACHE-001": [
        replication_group("fail_unencrypted", False, True),
        replication_group("fail_default", None, True),
        replication_group("pass_encrypted", True, True),
        # Valkey encrypts at rest unless told not to; Redis OSS does not.
        replication_group("pass_valkey_default", None, True, engine="valkey"),
        replication_group("fail_valkey_disabled", False, True, engine="valkey"),
    ],
    "ENC-ELASTICACHE-002": [
        replication_group("fail_plaintext", True, False),
        replication_group("fail_default", True, None),
        replication_group("fail_preferred_mode", True, True, "preferred"),
        replication_group("pass_tls", True, True),
        replication_group("pass_tls_required", True, True, "required"),
        # Node-based Memcached clusters support TLS (1.6.12+) and leave it off by default.
        cache_cluster("fail_memcached_default", "memcached", None),
        cache_cluster("fail_memcached_plaintext", "memcached", False),
        cache_cluster("pass_memcached_tls", "memcached", True),
        # A node of a replication group takes the group's setting: not judged on the node.
        cache_cluster("other_replica_node", "redis", None, group="sessions"),
    ],
    "ENC-REDSHIFT-001": [
        redshift("fail_unencrypted", False, None),
        redshift("fail_no_cmk", True, None),
        redshift("fail_disabled_with_key", False, CMK),
        redshift("pass_cmk", True, CMK),
        redshift("pass_cmk_encrypted_by_default", None, CMK),
    ],
    "ENC-DAX-001": [dax("fail_disabled", False), dax("fail_default", None), dax("pass_encrypted", True)],
    "ENC-OPENSEARCH-001": [
        domain("fail_unencrypted", at_rest=False),
        domain("fail_default", at_rest=None),
        domain("fail_legacy_unencrypted", at_rest=False, legacy=True),
        domain("pass_encrypted"),
        domain("pass_legacy_encrypted", legacy=True),
    ],
    "ENC-OPENSEARCH-002": [
        domain("fail_plaintext_nodes", node_to_node=False),
        domain("fail_default", node_to_node=None),
        domain("fail_legacy_plaintext", node_to_node=False, legacy=True),
        domain("pass_node_to_node"),
        domain("pass_legacy_node_to_node", legacy=True),
    ],
    "ENC-OPENSEARCH-003": [
        domain("fail_http_allowed", https=False),
        domain("fail_default", https=None),
        domain("fail_tls10", tls=TLS10),
        domain("fail_no_tls_policy", tls=None),
        domain("pass_https_tls12"),
        domain("pass_pfs", tls="Policy-Min-TLS-1-2-PFS-2023-10"),
        domain("pass_legacy_https", legacy=True),
        # The AWS provider defaults enforce_https to true inside domain_endpoint_options (the plan shows it);
        # CloudFormation has no such default.
        replace(
            domain("pass_https_provider_default", https="omit"),
            cloudformation=None,
            defaults={"domain_endpoint_options": {"enforce_https": True}},
        ),
        replace(domain("fail_cfn_https_not_set", https="omit"), terraform=None, pulumi=None),
    ],
    "ENC-KINESIS-001": [
        kinesis("fail_unencrypted", "NONE", None),
        kinesis("fail_default", None, None),
        kinesis("pass_cmk", "KMS", CMK),
        kinesis("pass_aws_managed", "KMS", AWS_MANAGED),
        # The AWS provider accepts encryption_type in any case (CloudFormation only KMS).
        case(
            "aws_kinesis_stream",
            "pass_lower_case_kms",
            {"name": "pass_lower_case_kms", "shard_count": 1, "encryption_type": "kms", "kms_key_id": CMK},
            None,
            (
                "aws:kinesis/stream:Stream",
                {"name": "pass_lower_case_kms", "shardCount": 1, "encryptionType": "kms", "kmsKeyId": CMK},
            ),
        ),
    ],
    "ENC-MSK-001": [
        msk("fail_aws_managed_key", key=None),
        msk("fail_no_encryption_info", key=None, client_broker=None),
        msk("pass_cmk"),
    ],
    "ENC-MSK-002": [
        msk("fail_plaintext", client_broker="PLAINTEXT"),
        msk("fail_mixed", client_broker="TLS_PLAINTEXT"),
        msk("fail_in_cluster_off", in_cluster=False),
        msk("pass_tls"),
        msk("pass_default", client_broker=None),
    ],
    "ENC-EBS-002": [
        ebs_default("fail_disabled", False),
        ebs_default("pass_enabled", True),
        ebs_default("pass_default", None),
    ],
    "ENC-EC2-001": [
        launch_template("fail_unencrypted", [False]),
        launch_template("fail_not_set", [True, None]),
        launch_template("pass_encrypted", [True, True]),
        launch_template("pass_ami_mappings", None),
    ],
    "ENC-EC2-002": [
        launch_configuration("fail_root_unencrypted", False, True),
        launch_configuration("fail_extra_not_set", True, None),
        launch_configuration("pass_encrypted", True, True),
        launch_configuration("pass_ami_root", "omit", True),
    ],
    "ENC-EC2-003": [
        ami("fail_unencrypted", False),
        ami("undetermined_snapshot_not_set", None),
        ami("pass_encrypted", True),
    ],
    "ENC-ECS-001": [
        task_definition("fail_disabled", "DISABLED"),
        task_definition("fail_default", None),
        task_definition("pass_enabled", "ENABLED"),
        # Only a host volume: no EFS mount, not judged.
        task_definition("other_no_efs", False),
    ],
    "ENC-MQ-001": [
        mq_broker("fail_default", None, None),
        mq_broker("fail_aws_owned", True, None),
        # use_aws_owned_key = false without kms_key_id: the AWS-managed aws/mq key (unknown in a plan).
        replace(
            mq_broker("fail_aws_managed_key", False, None),
            plan_values={"encryption_options": [{"use_aws_owned_key": False, "kms_key_id": UNKNOWN}]},
        ),
        mq_broker("pass_cmk", False, CMK),
        # Encryption options do not apply to RabbitMQ brokers: not judged (neither passed nor failed).
        mq_broker("other_rabbitmq", None, None, engine="RabbitMQ"),
    ],
    "ENC-FIREHOSE-001": [
        firehose("fail_disabled", False),
        firehose("fail_default", None),
        firehose("pass_cmk", True),
        firehose("pass_aws_owned", True, key_type="AWS_OWNED_CMK"),
        # SSE cannot be set on a stream reading Kinesis Data Streams: not judged.
        firehose("other_stream_source", None, stream_source=True),
        # CloudFormation: a DeliveryStreamType given only at deploy time may be DirectPut.
        case(
            "aws_kinesis_firehose_delivery_stream",
            "undetermined_stream_type",
            None,
            (
                "AWS::KinesisFirehose::DeliveryStream",
                {
                    "DeliveryStreamType": Parameter("StreamType"),
                    "ExtendedS3DestinationConfiguration": {
                        "RoleARN": FIREHOSE_ROLE,
                        "BucketARN": FIREHOSE_BUCKET,
                    },
                },
            ),
            None,
        ),
    ],
    "ENC-EBS-003": [
        snapshot_copy("fail_unencrypted", False),
        snapshot_copy("fail_not_set", None),
        snapshot_copy("pass_encrypted", True),
    ],
}


def main() -> None:
    for rule_id, cases in FIXTURES.items():
        for path in write(PACK, rule_id, cases, project=PROJECT):
            print(path)


if __name__ == "__main__":
    main()
