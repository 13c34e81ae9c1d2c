"""The rule fixtures: one Terraform plan per rule, resources named by the outcome they must have.

``fail_*`` resources of the rule's types must fail it, ``pass_*`` must pass and ``undetermined_*`` must be
undetermined (a value the rule needs is unknown until apply). The checked-in JSON under
``fixtures/<pack>/<RULE-ID>/`` is what the tests read; this script wrote it, with the plan shapes of
``benchmarks/plan_builder.py``. Rewrite after editing a specification:

    .venv/bin/python tests/rules/fixture_plans.py
"""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))

from plan_builder import UNKNOWN, Ref, Spec, build_plan  # noqa: E402

REGION = "eu-west-1"
ACCOUNT = "482913057716"
KEY_ARN = f"arn:aws:kms:{REGION}:{ACCOUNT}:key/8e1f7c3a-2b4d-4c6e-9a0f-5d3b1e7c9a24"
SNAPSHOT = "snap-0a1b2c3d4e5f60718"
TAGS = {"application": "payments-platform", "environment": "prod", "owner": "platform-payments"}


def key(name: str) -> Spec:
    values = {
        "bypass_policy_lockout_safety_check": False,
        "custom_key_store_id": None,
        "customer_master_key_spec": "SYMMETRIC_DEFAULT",
        "deletion_window_in_days": 30,
        "description": f"{name} data at rest",
        "enable_key_rotation": True,
        "is_enabled": True,
        "key_usage": "ENCRYPT_DECRYPT",
        "multi_region": False,
        "tags": TAGS,
        "arn": UNKNOWN,
        "id": UNKNOWN,
        "key_id": UNKNOWN,
        "policy": UNKNOWN,
        "tags_all": UNKNOWN,
    }
    config = {
        "description": values["description"],
        "enable_key_rotation": True,
        "deletion_window_in_days": 30,
    }
    return Spec("aws_kms_key", name, values, config)


def kms_key(
    name: str, spec: str | None = "SYMMETRIC_DEFAULT", rotation: bool = True, usage: str = "ENCRYPT_DECRYPT"
) -> Spec:
    base = key(name)
    values = {
        **base.values,
        "customer_master_key_spec": spec,
        "enable_key_rotation": rotation,
        "key_usage": usage,
    }
    config = {
        **base.config,
        "customer_master_key_spec": spec,
        "enable_key_rotation": rotation,
        "key_usage": usage,
    }
    return Spec("aws_kms_key", name, values, config)


# --- S3 ------------------------------------------------------------------------------------------

_COMPUTED_BUCKET = [
    "acceleration_status", "acl", "arn", "bucket_domain_name", "bucket_prefix", "bucket_regional_domain_name",
    "cors_rule", "grant", "hosted_zone_id", "id", "lifecycle_rule", "logging", "object_lock_configuration",
    "object_lock_enabled", "policy", "region", "replication_configuration", "request_payer",
    "server_side_encryption_configuration", "tags_all", "versioning", "website", "website_domain",
    "website_endpoint",
]  # fmt: skip


def bucket(name: str, **inline: Any) -> Spec:
    """A bucket as AWS provider 5 plans it: every block it does not set is computed (unknown)."""
    bucket_name = f"acme-pay-{name.replace('_', '-')}-prod-euw1"
    values: dict[str, Any] = {"bucket": bucket_name, "force_destroy": False, "tags": TAGS, "timeouts": None}
    values.update({attribute: UNKNOWN for attribute in _COMPUTED_BUCKET})
    values.update(inline)
    config: dict[str, Any] = {"bucket": bucket_name, "tags": TAGS, **inline}
    return Spec("aws_s3_bucket", name, values, config)


def sse(name: str, target: str, algorithm: str, key_id: Any = None, key_ref: str | None = None) -> Spec:
    settings: dict[str, Any] = {"sse_algorithm": algorithm}
    settings["kms_master_key_id"] = UNKNOWN if key_ref else key_id
    config_settings: dict[str, Any] = {"sse_algorithm": algorithm}
    if key_ref:
        config_settings["kms_master_key_id"] = Ref(key_ref, "arn")
    elif key_id is not None:
        config_settings["kms_master_key_id"] = key_id
    values = {
        "bucket": UNKNOWN,
        "id": UNKNOWN,
        "expected_bucket_owner": None,
        "rule": [{"apply_server_side_encryption_by_default": [settings], "bucket_key_enabled": True}],
    }
    config = {
        "bucket": Ref(f"aws_s3_bucket.{target}", "id"),
        "rule": [{"apply_server_side_encryption_by_default": [config_settings], "bucket_key_enabled": True}],
    }
    return Spec("aws_s3_bucket_server_side_encryption_configuration", name, values, config)


def bucket_logging(name: str, source: str, target: str) -> Spec:
    values = {
        "bucket": UNKNOWN,
        "id": UNKNOWN,
        "target_bucket": UNKNOWN,
        "expected_bucket_owner": None,
        "target_grant": [],
        "target_object_key_format": [],
        "target_prefix": f"s3/{source}/",
    }
    config = {
        "bucket": Ref(f"aws_s3_bucket.{source}", "id"),
        "target_bucket": Ref(f"aws_s3_bucket.{target}", "id"),
        "target_prefix": f"s3/{source}/",
    }
    return Spec("aws_s3_bucket_logging", name, values, config)


def inline_sse(algorithm: str, key_id: str | None = None) -> list[dict[str, Any]]:
    settings = {"sse_algorithm": algorithm, "kms_master_key_id": key_id}
    return [{"rule": [{"apply_server_side_encryption_by_default": [settings], "bucket_key_enabled": False}]}]


def enc_s3_001() -> list[Spec]:
    return [
        key("data"),
        bucket("pass_sse_resource"),
        sse("pass_sse_resource", "pass_sse_resource", "AES256"),
        bucket("pass_kms_unknown_key"),
        sse("pass_kms_unknown_key", "pass_kms_unknown_key", "aws:kms", key_ref="aws_kms_key.data"),
        bucket("pass_inline_sse", server_side_encryption_configuration=inline_sse("AES256")),
        bucket("fail_no_encryption"),
        # Named like its bucket, but configures another one: nothing is matched by name.
        bucket("fail_name_only"),
        sse("fail_name_only", "pass_sse_resource", "AES256"),
    ]


def enc_s3_002() -> list[Spec]:
    return [
        key("data"),
        bucket("pass_kms_cmk"),
        sse("pass_kms_cmk", "pass_kms_cmk", "aws:kms", key_ref="aws_kms_key.data"),
        bucket("pass_inline_kms_arn", server_side_encryption_configuration=inline_sse("aws:kms", KEY_ARN)),
        bucket("pass_access_log_target"),
        sse("pass_access_log_target", "pass_access_log_target", "AES256"),
        bucket("fail_sse_s3"),
        sse("fail_sse_s3", "fail_sse_s3", "AES256"),
        bucket_logging("fail_sse_s3", "fail_sse_s3", "pass_access_log_target"),
        bucket("fail_aws_managed_alias"),
        sse("fail_aws_managed_alias", "fail_aws_managed_alias", "aws:kms", key_id="alias/aws/s3"),
        bucket("fail_no_encryption"),
    ]


def enc_s3_logging() -> list[Spec]:
    return [
        bucket("pass_logging_resource"),
        bucket("pass_access_log_target"),
        bucket_logging("pass_logging_resource", "pass_logging_resource", "pass_access_log_target"),
        bucket(
            "pass_inline_logging",
            logging=[{"target_bucket": "acme-pay-central-logs-prod-euw1", "target_prefix": "s3/inline/"}],
        ),
        bucket("fail_no_logging"),
        # Called a log bucket, but no logging configuration sends logs to it: not exempt.
        bucket("fail_named_like_logs"),
    ]


# --- Databases -----------------------------------------------------------------------------------


def db_instance(name: str, engine: str, encrypted: bool | None, exports: Sequence[str] | None = None) -> Spec:
    values: dict[str, Any] = {
        "allocated_storage": 100,
        "engine": engine,
        "engine_version": "16.4" if engine == "postgres" else "8.0.39",
        "identifier": name.replace("_", "-"),
        "instance_class": "db.r6g.large",
        "storage_encrypted": encrypted,
        "enabled_cloudwatch_logs_exports": list(exports) if exports is not None else None,
        "kms_key_id": UNKNOWN,
        "username": "ledger_admin",
        "tags": TAGS,
        "arn": UNKNOWN,
        "id": UNKNOWN,
        "endpoint": UNKNOWN,
    }
    config: dict[str, Any] = {
        "allocated_storage": 100,
        "engine": engine,
        "identifier": values["identifier"],
        "instance_class": "db.r6g.large",
        "storage_encrypted": encrypted,
        "username": "ledger_admin",
        "tags": TAGS,
    }
    if encrypted:
        config["kms_key_id"] = Ref("aws_kms_key.data", "arn")
    if exports is not None:
        config["enabled_cloudwatch_logs_exports"] = list(exports)
    return Spec("aws_db_instance", name, values, config)


def rds_cluster(
    name: str, engine: str, encrypted: Any, mode: str = "provisioned", exports: Sequence[str] | None = None
) -> Spec:
    values: dict[str, Any] = {
        "cluster_identifier": name.replace("_", "-"),
        "engine": engine,
        "engine_mode": mode,
        "master_username": "settlement_admin",
        "storage_encrypted": encrypted,
        "enabled_cloudwatch_logs_exports": list(exports) if exports is not None else None,
        "kms_key_id": UNKNOWN,
        "tags": TAGS,
        "arn": UNKNOWN,
        "id": UNKNOWN,
        "endpoint": UNKNOWN,
    }
    config: dict[str, Any] = {
        "cluster_identifier": values["cluster_identifier"],
        "engine": engine,
        "engine_mode": mode,
        "master_username": "settlement_admin",
        "tags": TAGS,
    }
    if encrypted is not UNKNOWN:
        config["storage_encrypted"] = encrypted
    if encrypted is True:
        config["kms_key_id"] = Ref("aws_kms_key.data", "arn")
    if exports is not None:
        config["enabled_cloudwatch_logs_exports"] = list(exports)
    return Spec("aws_rds_cluster", name, values, config)


def db_replica(name: str, source: str) -> Spec:
    """A read replica of ``source`` (an aws_db_instance of the plan, or an ARN): storage_encrypted is left
    out, the provider computes it from the source."""
    identifier = name.replace("_", "-")
    reference = source if source.startswith("arn:") else Ref(f"aws_db_instance.{source}", "identifier")
    values: dict[str, Any] = {
        "identifier": identifier,
        "instance_class": "db.r6g.large",
        "replicate_source_db": source if source.startswith("arn:") else source.replace("_", "-"),
        "storage_encrypted": UNKNOWN,
        "kms_key_id": UNKNOWN,
        "tags": TAGS,
        "arn": UNKNOWN,
        "id": UNKNOWN,
    }
    config: dict[str, Any] = {
        "identifier": identifier,
        "instance_class": "db.r6g.large",
        "replicate_source_db": reference,
        "tags": TAGS,
    }
    return Spec("aws_db_instance", name, values, config)


def enc_rds_001() -> list[Spec]:
    return [
        key("data"),
        db_instance("pass_encrypted_cmk", "postgres", True),
        db_instance("fail_unencrypted", "postgres", False),
        db_instance("fail_not_set", "mysql", None),
        db_replica("pass_replica_of_encrypted_cmk", "pass_encrypted_cmk"),
        db_replica("fail_replica_of_not_encrypted", "fail_unencrypted"),
        db_replica("undetermined_replica_of_arn", "arn:aws:rds:eu-west-1:482913057716:db:ledger-primary"),
    ]


def enc_rds_002() -> list[Spec]:
    return [
        key("data"),
        rds_cluster("pass_encrypted", "aurora-postgresql", True),
        rds_cluster("pass_serverless_v1", "aurora-mysql", UNKNOWN, mode="serverless"),
        rds_cluster("fail_unencrypted", "aurora-mysql", False),
        rds_cluster("undetermined_left_to_provider", "aurora-postgresql", UNKNOWN),
    ]


def log_rds_001() -> list[Spec]:
    return [
        key("data"),
        db_instance("pass_postgres_exports", "postgres", True, ["postgresql", "upgrade"]),
        db_instance("pass_mysql_exports", "mysql", True, ["audit", "error", "general", "slowquery"]),
        rds_cluster("pass_aurora_postgresql", "aurora-postgresql", True, exports=["postgresql"]),
        db_instance("fail_no_exports", "postgres", True, []),
        db_instance("fail_mysql_without_audit", "mysql", True, ["error", "slowquery"]),
        rds_cluster("fail_cluster_without_exports", "aurora-mysql", True),
    ]


def dynamodb(name: str, sse_blocks: Any) -> Spec:
    values = {
        "name": name.replace("_", "-"),
        "billing_mode": "PAY_PER_REQUEST",
        "hash_key": "entry_id",
        "attribute": [{"name": "entry_id", "type": "S"}],
        "server_side_encryption": sse_blocks,
        "tags": TAGS,
        "arn": UNKNOWN,
        "id": UNKNOWN,
    }
    config: dict[str, Any] = {
        "name": values["name"],
        "billing_mode": "PAY_PER_REQUEST",
        "hash_key": "entry_id",
        "attribute": [{"name": "entry_id", "type": "S"}],
    }
    if isinstance(sse_blocks, list):
        block = dict(sse_blocks[0])
        if block.get("kms_key_arn") is UNKNOWN:
            block["kms_key_arn"] = Ref("aws_kms_key.data", "arn")
        config["server_side_encryption"] = [block]
    return Spec("aws_dynamodb_table", name, values, config)


def enc_dynamodb_001() -> list[Spec]:
    return [
        key("data"),
        dynamodb("pass_cmk", [{"enabled": True, "kms_key_arn": UNKNOWN}]),
        dynamodb("pass_cmk_arn", [{"enabled": True, "kms_key_arn": KEY_ARN}]),
        dynamodb("fail_aws_owned_key", UNKNOWN),
        dynamodb("fail_disabled", [{"enabled": False, "kms_key_arn": ""}]),
    ]


# --- Block storage, keys, messaging --------------------------------------------------------------


def volume(name: str, encrypted: Any, snapshot: Any = None) -> Spec:
    values = {
        "availability_zone": f"{REGION}a",
        "size": 200,
        "type": "gp3",
        "encrypted": encrypted,
        "kms_key_id": UNKNOWN,
        "tags": TAGS,
        "arn": UNKNOWN,
        "id": UNKNOWN,
    }
    config: dict[str, Any] = {"availability_zone": f"{REGION}a", "size": 200, "type": "gp3", "tags": TAGS}
    if encrypted is not UNKNOWN:
        config["encrypted"] = encrypted
    if encrypted is True:
        config["kms_key_id"] = Ref("aws_kms_key.data", "arn")
    if snapshot is not None:
        config["snapshot_id"] = snapshot
        values["snapshot_id"] = UNKNOWN if isinstance(snapshot, Ref) else snapshot
    return Spec("aws_ebs_volume", name, values, config)


def snapshot_copy(name: str) -> Spec:
    config = {"source_snapshot_id": SNAPSHOT, "source_region": REGION, "encrypted": True, "tags": TAGS}
    values = {**config, "kms_key_id": UNKNOWN, "volume_id": UNKNOWN, "arn": UNKNOWN, "id": UNKNOWN}
    return Spec("aws_ebs_snapshot_copy", name, values, config)


def enc_ebs_001() -> list[Spec]:
    return [
        key("data"),
        volume("pass_encrypted_cmk", True),
        volume("fail_unencrypted", False),
        volume("undetermined_account_default", UNKNOWN),
        # Restored from a snapshot, `encrypted` left to the provider (unknown in the plan): the snapshot
        # decides (#15 §3).
        snapshot_copy("planned_copy"),
        volume("pass_from_encrypted_copy", UNKNOWN, Ref("aws_ebs_snapshot_copy.planned_copy", "id")),
        volume("undetermined_from_snapshot", UNKNOWN, SNAPSHOT),
    ]


def enc_kms_001() -> list[Spec]:
    return [
        kms_key("pass_rotating"),
        kms_key("pass_asymmetric_signing", spec="RSA_2048", rotation=False, usage="SIGN_VERIFY"),
        kms_key("fail_no_rotation", rotation=False),
    ]


def queue(name: str, key_ref: bool, managed: Any) -> Spec:
    values = {
        "name": name.replace("_", "-"),
        "kms_master_key_id": UNKNOWN if key_ref else None,
        "kms_data_key_reuse_period_seconds": UNKNOWN,
        "sqs_managed_sse_enabled": managed,
        "message_retention_seconds": 345600,
        "tags": TAGS,
        "arn": UNKNOWN,
        "id": UNKNOWN,
        "url": UNKNOWN,
    }
    config: dict[str, Any] = {"name": values["name"], "message_retention_seconds": 345600, "tags": TAGS}
    if key_ref:
        config["kms_master_key_id"] = Ref("aws_kms_key.data", "arn")
    if managed is not UNKNOWN:
        config["sqs_managed_sse_enabled"] = managed
    return Spec("aws_sqs_queue", name, values, config)


def enc_sqs_001() -> list[Spec]:
    return [
        key("data"),
        queue("pass_kms_key", True, UNKNOWN),
        queue("pass_sse_sqs_default", False, UNKNOWN),
        queue("pass_sse_sqs_explicit", False, True),
        queue("fail_encryption_disabled", False, False),
    ]


def topic(name: str, key_id: Any) -> Spec:
    values = {
        "name": name.replace("_", "-"),
        "kms_master_key_id": key_id,
        "fifo_topic": False,
        "tags": TAGS,
        "arn": UNKNOWN,
        "id": UNKNOWN,
    }
    config: dict[str, Any] = {"name": values["name"], "tags": TAGS}
    if key_id is UNKNOWN:
        config["kms_master_key_id"] = Ref("aws_kms_key.data", "arn")
    elif key_id is not None:
        config["kms_master_key_id"] = key_id
    return Spec("aws_sns_topic", name, values, config)


def enc_sns_001() -> list[Spec]:
    return [
        key("data"),
        topic("pass_cmk", UNKNOWN),
        topic("pass_key_arn", KEY_ARN),
        topic("fail_no_key", None),
    ]


# --- Audit logging -------------------------------------------------------------------------------


def trail(name: str, multi_region: bool = True, validation: bool = True, kms: bool = True) -> Spec:
    values = {
        "name": name.replace("_", "-"),
        "enable_logging": True,
        "enable_log_file_validation": validation,
        "include_global_service_events": True,
        "is_multi_region_trail": multi_region,
        "is_organization_trail": False,
        "kms_key_id": UNKNOWN if kms else None,
        "s3_bucket_name": UNKNOWN,
        "s3_key_prefix": "cloudtrail",
        "tags": TAGS,
        "arn": UNKNOWN,
        "id": UNKNOWN,
        "home_region": UNKNOWN,
    }
    config: dict[str, Any] = {
        "name": values["name"],
        "enable_log_file_validation": validation,
        "include_global_service_events": True,
        "is_multi_region_trail": multi_region,
        "s3_bucket_name": Ref("aws_s3_bucket.trail", "id"),
        "s3_key_prefix": "cloudtrail",
        "tags": TAGS,
    }
    if kms:
        config["kms_key_id"] = Ref("aws_kms_key.data", "arn")
    return Spec("aws_cloudtrail", name, values, config)


def trail_support() -> list[Spec]:
    return [key("data"), bucket("trail")]


def log_cloudtrail_001() -> list[Spec]:
    return [*trail_support(), trail("pass_multi_region"), trail("fail_single_region", multi_region=False)]


def log_cloudtrail_002() -> list[Spec]:
    return [*trail_support(), trail("pass_validated"), trail("fail_not_validated", validation=False)]


def log_cloudtrail_003() -> list[Spec]:
    return [*trail_support(), trail("pass_kms_key"), trail("fail_no_kms_key", kms=False)]


def vpc(name: str, cidr: str) -> Spec:
    values = {
        "cidr_block": cidr,
        "enable_dns_hostnames": True,
        "enable_dns_support": True,
        "instance_tenancy": "default",
        "tags": TAGS,
        "arn": UNKNOWN,
        "id": UNKNOWN,
    }
    config = {"cidr_block": cidr, "enable_dns_hostnames": True, "tags": TAGS}
    return Spec("aws_vpc", name, values, config)


def flow_log(name: str, target: str, traffic: Any) -> Spec:
    """A flow log of the VPC ``target``; ``traffic`` UNKNOWN: read from a resource known only at apply."""
    values = {
        "log_destination_type": "s3",
        "traffic_type": traffic,
        "max_aggregation_interval": 600,
        "vpc_id": UNKNOWN,
        "log_destination": UNKNOWN,
        "arn": UNKNOWN,
        "id": UNKNOWN,
        "tags": TAGS,
    }
    config = {
        "log_destination_type": "s3",
        "log_destination": Ref("aws_s3_bucket.flow_logs", "arn"),
        "traffic_type": Ref("aws_ssm_parameter.traffic_type", "value") if traffic is UNKNOWN else traffic,
        "vpc_id": Ref(f"aws_vpc.{target}", "id"),
        "tags": TAGS,
    }
    return Spec("aws_flow_log", name, values, config)


def log_vpc_001() -> list[Spec]:
    return [
        bucket("flow_logs"),
        vpc("pass_flow_log_all", "10.10.0.0/16"),
        flow_log("pass_flow_log_all", "pass_flow_log_all", "ALL"),
        vpc("pass_flow_log_reject", "10.11.0.0/16"),
        flow_log("pass_flow_log_reject", "pass_flow_log_reject", "REJECT"),
        vpc("fail_no_flow_log", "10.12.0.0/16"),
        vpc("fail_accept_only", "10.13.0.0/16"),
        flow_log("fail_accept_only", "fail_accept_only", "ACCEPT"),
        vpc("undetermined_traffic_unknown", "10.14.0.0/16"),
        flow_log("undetermined_traffic_unknown", "undetermined_traffic_unknown", UNKNOWN),
    ]


FIXTURES: Mapping[tuple[str, str], Any] = {
    ("encryption", "ENC-S3-001"): enc_s3_001,
    ("encryption", "ENC-S3-002"): enc_s3_002,
    ("encryption", "ENC-RDS-001"): enc_rds_001,
    ("encryption", "ENC-RDS-002"): enc_rds_002,
    ("encryption", "ENC-EBS-001"): enc_ebs_001,
    ("encryption", "ENC-KMS-001"): enc_kms_001,
    ("encryption", "ENC-DYNAMODB-001"): enc_dynamodb_001,
    ("encryption", "ENC-SQS-001"): enc_sqs_001,
    ("encryption", "ENC-SNS-001"): enc_sns_001,
    ("audit-logging", "LOG-CLOUDTRAIL-001"): log_cloudtrail_001,
    ("audit-logging", "LOG-CLOUDTRAIL-002"): log_cloudtrail_002,
    ("audit-logging", "LOG-CLOUDTRAIL-003"): log_cloudtrail_003,
    ("audit-logging", "LOG-S3-001"): enc_s3_logging,
    ("audit-logging", "LOG-RDS-001"): log_rds_001,
    ("audit-logging", "LOG-VPC-001"): log_vpc_001,
}


def plan_for(specs: Sequence[Spec]) -> dict[str, Any]:
    return build_plan(specs, providers={"aws": {"region": REGION}})


def main() -> None:
    for (pack, rule_id), specs in FIXTURES.items():
        directory = ROOT / "fixtures" / pack / rule_id
        directory.mkdir(parents=True, exist_ok=True)
        text = json.dumps(plan_for(specs()), indent=2) + "\n"
        (directory / f"{rule_id}.tfplan.json").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
