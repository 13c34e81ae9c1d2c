"""Synthetic Terraform plans for the benchmark: a realistic AWS mix, about half non-compliant, deterministic.

    python benchmarks/generate.py --resources 1000 --seed 7 -o out.json

The same seed gives the same plan. Every resource is a ``create`` (so every one is evaluated),
``resource_changes`` holds exactly ``--resources`` entries, companion resources (bucket encryption, logging,
versioning, flow logs) reference their parent through configuration expressions so the graph has edges, and
computed attributes sit in ``after_unknown``.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from plan_builder import UNKNOWN, ModuleCall, Ref, Refs, Spec, build_plan

ACCOUNT = "111122223333"
REGION = "eu-west-1"
# Known key used when no customer-managed key is created in the same module (a shared key from another stack).
SHARED_KEY_ARN = f"arn:aws:kms:{REGION}:{ACCOUNT}:key/5f0c8a52-7c1e-4d0b-9b3e-2f6f4c1d9a10"
MODULES: tuple[tuple[str, ...], ...] = (
    ("payments",),
    ("ledger",),
    ("ledger", "storage"),
    ("reporting",),
    ("dr",),
)
MODULE_PROVIDER: dict[tuple[str, ...], str] = {("dr",): "aws.dr"}
TAGS_UNKNOWN = {"tags_all": UNKNOWN}


@dataclass
class Context:
    rng: random.Random
    module: tuple[str, ...]
    serial: int
    kms_keys: dict[tuple[str, ...], list[str]] = field(default_factory=dict)
    vpcs: dict[tuple[str, ...], list[str]] = field(default_factory=dict)

    def name(self, kind: str) -> str:
        return f"{kind}_{self.serial:05d}"

    def key_ref(self) -> tuple[Any, Any]:
        """(planned value, configuration expression) of a customer-managed key visible from this module."""
        keys = self.kms_keys.get(self.module)
        if keys:
            return UNKNOWN, Ref(self.rng.choice(keys), "arn")
        return SHARED_KEY_ARN, SHARED_KEY_ARN

    def spec(
        self, type_: str, name: str, values: dict[str, Any], config: dict[str, Any], **extra: Any
    ) -> Spec:
        provider = MODULE_PROVIDER.get(self.module[:1], "aws")
        return Spec(
            type_, name, {**values, **TAGS_UNKNOWN}, config, self.module, provider_key=provider, **extra
        )


def _tags(ctx: Context, name: str) -> dict[str, str]:
    return {"Name": name, "team": ctx.rng.choice(("payments", "ledger", "risk", "platform")), "env": "prod"}


def kms_key(ctx: Context, bad: bool) -> list[Spec]:
    name = ctx.name("key")
    values = {
        "description": f"CMK {name}",
        "enable_key_rotation": not bad,
        "deletion_window_in_days": 30,
        "is_enabled": True,
        "key_usage": "ENCRYPT_DECRYPT",
        "customer_master_key_spec": "SYMMETRIC_DEFAULT",
        "multi_region": False,
        "bypass_policy_lockout_safety_check": False,
        "tags": _tags(ctx, name),
        "arn": UNKNOWN,
        "id": UNKNOWN,
        "key_id": UNKNOWN,
        "policy": UNKNOWN,
        "rotation_period_in_days": UNKNOWN,
    }
    config = {
        "description": values["description"],
        "enable_key_rotation": not bad,
        "deletion_window_in_days": 30,
    }
    ctx.kms_keys.setdefault(ctx.module, []).append(f"aws_kms_key.{name}")
    return [ctx.spec("aws_kms_key", name, values, config)]


def s3_bucket(ctx: Context, bad: bool) -> list[Spec]:
    name = ctx.name("bucket")
    bucket = f"aws_s3_bucket.{name}"
    computed = (
        "acceleration_status",
        "acl",
        "arn",
        "bucket_domain_name",
        "bucket_regional_domain_name",
        "cors_rule",
        "grant",
        "hosted_zone_id",
        "id",
        "lifecycle_rule",
        "logging",
        "object_lock_configuration",
        "object_lock_enabled",
        "policy",
        "region",
        "replication_configuration",
        "request_payer",
        "server_side_encryption_configuration",
        "versioning",
        "website",
        "website_domain",
        "website_endpoint",
    )
    values = {
        "bucket": f"acme-prod-{name.replace('_', '-')}",
        "force_destroy": False,
        "bucket_prefix": UNKNOWN,
        "tags": _tags(ctx, name),
        "timeouts": None,
        **dict.fromkeys(computed, UNKNOWN),
    }
    specs = [ctx.spec("aws_s3_bucket", name, values, {"bucket": values["bucket"], "tags": values["tags"]})]
    bucket_id = {"bucket": UNKNOWN, "expected_bucket_owner": None, "id": UNKNOWN}
    if not bad or ctx.rng.random() < 0.3:
        key_value, key_config = ctx.key_ref()
        rule = {
            "apply_server_side_encryption_by_default": [
                {"sse_algorithm": "aws:kms", "kms_master_key_id": key_value}
            ],
            "bucket_key_enabled": True,
        }
        config_rule = {
            "apply_server_side_encryption_by_default": [
                {"sse_algorithm": "aws:kms", "kms_master_key_id": key_config}
            ],
            "bucket_key_enabled": True,
        }
        specs.append(
            ctx.spec(
                "aws_s3_bucket_server_side_encryption_configuration",
                name,
                {**bucket_id, "rule": [rule]},
                {"bucket": Ref(bucket, "id"), "rule": [config_rule]},
            )
        )
    if not bad:
        specs.append(
            ctx.spec(
                "aws_s3_bucket_logging",
                name,
                {
                    **bucket_id,
                    "target_bucket": "acme-prod-access-logs",
                    "target_prefix": f"{name}/",
                    "target_grant": [],
                    "target_object_key_format": [],
                },
                {
                    "bucket": Ref(bucket, "id"),
                    "target_bucket": "acme-prod-access-logs",
                    "target_prefix": f"{name}/",
                },
            )
        )
    if not bad or ctx.rng.random() < 0.5:
        specs.append(
            ctx.spec(
                "aws_s3_bucket_versioning",
                name,
                {
                    **bucket_id,
                    "mfa": None,
                    "versioning_configuration": [{"status": "Enabled", "mfa_delete": UNKNOWN}],
                },
                {"bucket": Ref(bucket, "id"), "versioning_configuration": [{"status": "Enabled"}]},
            )
        )
    return specs


def db_instance(ctx: Context, bad: bool) -> list[Spec]:
    name = ctx.name("db")
    key_value, key_config = ctx.key_ref()
    logs = [] if bad else ["postgresql", "upgrade"]
    values = {
        "identifier": name.replace("_", "-"),
        "engine": "postgres",
        "engine_version": "16.3",
        "instance_class": ctx.rng.choice(("db.r6g.large", "db.t4g.medium", "db.m6g.xlarge")),
        "allocated_storage": ctx.rng.choice((50, 100, 500)),
        "storage_type": "gp3",
        "db_name": "app",
        "username": "app_admin",
        "manage_master_user_password": True,
        "multi_az": not bad,
        "publicly_accessible": False,
        "backup_retention_period": 0 if bad else 14,
        "deletion_protection": not bad,
        "storage_encrypted": not bad,
        "kms_key_id": UNKNOWN if bad else key_value,
        "enabled_cloudwatch_logs_exports": logs,
        "iam_database_authentication_enabled": not bad,
        "skip_final_snapshot": bad,
        "copy_tags_to_snapshot": True,
        "auto_minor_version_upgrade": True,
        "tags": _tags(ctx, name),
        "address": UNKNOWN,
        "arn": UNKNOWN,
        "endpoint": UNKNOWN,
        "id": UNKNOWN,
        "resource_id": UNKNOWN,
        "status": UNKNOWN,
        "master_user_secret": UNKNOWN,
        "port": UNKNOWN,
    }
    config: dict[str, Any] = {
        k: values[k] for k in ("identifier", "engine", "instance_class", "storage_encrypted")
    }
    config["enabled_cloudwatch_logs_exports"] = logs
    if not bad:
        config["kms_key_id"] = key_config
    return [ctx.spec("aws_db_instance", name, values, config)]


def rds_cluster(ctx: Context, bad: bool) -> list[Spec]:
    name = ctx.name("aurora")
    key_value, key_config = ctx.key_ref()
    values = {
        "cluster_identifier": name.replace("_", "-"),
        "engine": "aurora-postgresql",
        "engine_mode": "provisioned",
        "engine_version": "16.2",
        "database_name": "app",
        "master_username": "app_admin",
        "manage_master_user_password": True,
        "storage_encrypted": not bad,
        "kms_key_id": UNKNOWN if bad else key_value,
        "backup_retention_period": 7 if bad else 14,
        "enabled_cloudwatch_logs_exports": [] if bad else ["postgresql"],
        "deletion_protection": not bad,
        "tags": _tags(ctx, name),
        "arn": UNKNOWN,
        "endpoint": UNKNOWN,
        "reader_endpoint": UNKNOWN,
        "id": UNKNOWN,
        "cluster_members": UNKNOWN,
        "availability_zones": UNKNOWN,
    }
    config = {k: values[k] for k in ("cluster_identifier", "engine", "storage_encrypted")}
    if not bad:
        config["kms_key_id"] = key_config
    return [ctx.spec("aws_rds_cluster", name, values, config)]


def ebs_volume(ctx: Context, bad: bool) -> list[Spec]:
    name = ctx.name("volume")
    key_value, key_config = ctx.key_ref()
    count = ctx.rng.choice((None, None, 2))
    specs = []
    for index in [None] if count is None else range(count):
        values = {
            "availability_zone": f"{REGION}{ctx.rng.choice('abc')}",
            "size": ctx.rng.choice((50, 200, 1000)),
            "type": "gp3",
            "encrypted": not bad,
            "kms_key_id": UNKNOWN if bad else key_value,
            "final_snapshot": False,
            "multi_attach_enabled": False,
            "tags": _tags(ctx, name),
            "arn": UNKNOWN,
            "id": UNKNOWN,
            "iops": UNKNOWN,
            "throughput": UNKNOWN,
            "snapshot_id": UNKNOWN,
        }
        config: dict[str, Any] = {
            "availability_zone": values["availability_zone"],
            "size": values["size"],
            "encrypted": not bad,
        }
        if not bad:
            config["kms_key_id"] = key_config
        specs.append(
            ctx.spec(
                "aws_ebs_volume",
                name,
                values,
                config,
                index=index,
                count_ref=None if count is None else "var.volume_count",
            )
        )
    return specs


def dynamodb_table(ctx: Context, bad: bool) -> list[Spec]:
    name = ctx.name("table")
    key_value, key_config = ctx.key_ref()
    sse = [] if bad else [{"enabled": True, "kms_key_arn": key_value}]
    values = {
        "name": name,
        "billing_mode": "PAY_PER_REQUEST",
        "hash_key": "pk",
        "range_key": "sk",
        "attribute": [{"name": "pk", "type": "S"}, {"name": "sk", "type": "S"}],
        "server_side_encryption": sse,
        "point_in_time_recovery": [{"enabled": not bad}],
        "deletion_protection_enabled": not bad,
        "stream_enabled": False,
        "tags": _tags(ctx, name),
        "arn": UNKNOWN,
        "id": UNKNOWN,
        "stream_arn": UNKNOWN,
        "read_capacity": UNKNOWN,
        "write_capacity": UNKNOWN,
    }
    config: dict[str, Any] = {"name": name, "billing_mode": "PAY_PER_REQUEST", "hash_key": "pk"}
    if not bad:
        config["server_side_encryption"] = [{"enabled": True, "kms_key_arn": key_config}]
    return [ctx.spec("aws_dynamodb_table", name, values, config)]


def messaging(ctx: Context, bad: bool) -> list[Spec]:
    queue = ctx.rng.random() < 0.55
    name = ctx.name("queue" if queue else "topic")
    key_value, key_config = (None, None) if bad else ctx.key_ref()
    keys = ctx.rng.choice(((None,), (None,), ("settlement", "refunds")))
    specs = []
    for index in keys:
        values = {
            "name": name if index is None else f"{name}-{index}",
            "kms_master_key_id": key_value,
            "tags": _tags(ctx, name),
            "arn": UNKNOWN,
            "id": UNKNOWN,
        }
        if queue:
            values.update(
                sqs_managed_sse_enabled=UNKNOWN if key_value else False,
                message_retention_seconds=345600,
                visibility_timeout_seconds=30,
                url=UNKNOWN,
                kms_data_key_reuse_period_seconds=UNKNOWN,
            )
        else:
            values.update(fifo_topic=False, policy=UNKNOWN, owner=UNKNOWN)
        config = {"name": Ref("each.key") if index else values["name"], "kms_master_key_id": key_config}
        specs.append(
            ctx.spec("aws_sqs_queue" if queue else "aws_sns_topic", name, values, config, index=index)
        )
    return specs


def cloudtrail(ctx: Context, bad: bool) -> list[Spec]:
    name = ctx.name("trail")
    key_value, key_config = (None, None) if bad else ctx.key_ref()
    values = {
        "name": name,
        "s3_bucket_name": "acme-prod-audit-trail",
        "is_multi_region_trail": not bad,
        "enable_log_file_validation": not bad,
        "include_global_service_events": True,
        "enable_logging": True,
        "is_organization_trail": False,
        "kms_key_id": key_value,
        "advanced_event_selector": [],
        "insight_selector": [],
        "tags": _tags(ctx, name),
        "arn": UNKNOWN,
        "home_region": UNKNOWN,
        "id": UNKNOWN,
        "sns_topic_arn": UNKNOWN,
    }
    config = {
        k: values[k]
        for k in ("name", "s3_bucket_name", "is_multi_region_trail", "enable_log_file_validation")
    }
    config["kms_key_id"] = key_config
    return [ctx.spec("aws_cloudtrail", name, values, config)]


def network(ctx: Context, bad: bool) -> list[Spec]:
    name = ctx.name("vpc")
    vpc = f"aws_vpc.{name}"
    ctx.vpcs.setdefault(ctx.module, []).append(vpc)
    cidr = f"10.{ctx.serial % 250}.0.0/16"
    computed = (
        "arn",
        "id",
        "default_network_acl_id",
        "default_route_table_id",
        "default_security_group_id",
        "dhcp_options_id",
        "main_route_table_id",
        "owner_id",
        "ipv6_association_id",
    )
    values = {
        "cidr_block": cidr,
        "enable_dns_support": True,
        "enable_dns_hostnames": True,
        "instance_tenancy": "default",
        "tags": _tags(ctx, name),
        **dict.fromkeys(computed, UNKNOWN),
    }
    specs = [ctx.spec("aws_vpc", name, values, {"cidr_block": cidr, "enable_dns_hostnames": True})]
    if not bad:
        specs.append(
            ctx.spec(
                "aws_flow_log",
                name,
                {
                    "vpc_id": UNKNOWN,
                    "traffic_type": "ALL",
                    "log_destination_type": "s3",
                    "log_destination": f"arn:aws:s3:::acme-prod-flow-logs/{name}",
                    "max_aggregation_interval": 600,
                    "arn": UNKNOWN,
                    "id": UNKNOWN,
                    "log_format": UNKNOWN,
                },
                {"vpc_id": Ref(vpc, "id"), "traffic_type": "ALL", "log_destination_type": "s3"},
            )
        )
    return specs


def compute(ctx: Context, bad: bool) -> list[Spec]:
    """An instance with its role and security group: three resources, wired by references."""
    name = ctx.name("app")
    vpc = ctx.vpcs.get(ctx.module)
    open_cidr = ["0.0.0.0/0"] if bad else ["10.0.0.0/8"]
    ingress = {
        "from_port": 22 if bad else 443,
        "to_port": 22 if bad else 443,
        "protocol": "tcp",
        "cidr_blocks": open_cidr,
        "ipv6_cidr_blocks": [],
        "prefix_list_ids": [],
        "security_groups": [],
        "self": False,
        "description": "ingress",
    }
    sg_config: dict[str, Any] = {"name": name, "ingress": [ingress]}
    if vpc:
        sg_config["vpc_id"] = Ref(vpc[-1], "id")
    policy = json.dumps(
        {
            "Version": "2012-10-17",
            "Statement": [
                {"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": {"Service": "ec2.amazonaws.com"}}
            ],
        }
    )
    return [
        ctx.spec(
            "aws_iam_role",
            name,
            {
                "name": name,
                "assume_role_policy": policy,
                "max_session_duration": 3600,
                "path": "/",
                "arn": UNKNOWN,
                "id": UNKNOWN,
                "unique_id": UNKNOWN,
            },
            {"name": name, "assume_role_policy": policy},
        ),
        ctx.spec(
            "aws_security_group",
            name,
            {
                "name": name,
                "description": "Managed by Terraform",
                "ingress": [ingress],
                "vpc_id": UNKNOWN if vpc else None,
                "arn": UNKNOWN,
                "id": UNKNOWN,
                "egress": UNKNOWN,
            },
            sg_config,
        ),
        ctx.spec(
            "aws_instance",
            name,
            {
                "ami": "ami-0c1bc246476a5572b",
                "instance_type": ctx.rng.choice(("m6i.large", "t3.medium")),
                "monitoring": not bad,
                "metadata_options": [
                    {"http_tokens": "optional" if bad else "required", "http_endpoint": "enabled"}
                ],
                "root_block_device": [
                    {"encrypted": not bad, "volume_size": 50, "volume_type": "gp3", "kms_key_id": UNKNOWN}
                ],
                "vpc_security_group_ids": UNKNOWN,
                "arn": UNKNOWN,
                "id": UNKNOWN,
                "private_ip": UNKNOWN,
            },
            {
                "ami": "ami-0c1bc246476a5572b",
                "vpc_security_group_ids": Refs((Ref(f"aws_security_group.{name}", "id"),)),
                "iam_instance_profile": Ref(f"aws_iam_role.{name}", "name"),
            },
        ),
    ]


def log_group(ctx: Context, bad: bool) -> list[Spec]:
    name = ctx.name("logs")
    key_value, key_config = (None, None) if bad else ctx.key_ref()
    values = {
        "name": f"/acme/{name}",
        "retention_in_days": 7 if bad else 365,
        "kms_key_id": key_value,
        "skip_destroy": False,
        "log_group_class": "STANDARD",
        "arn": UNKNOWN,
        "id": UNKNOWN,
    }
    return [
        ctx.spec(
            "aws_cloudwatch_log_group",
            name,
            values,
            {
                "name": values["name"],
                "retention_in_days": values["retention_in_days"],
                "kms_key_id": key_config,
            },
        )
    ]


Factory = Callable[[Context, bool], list[Spec]]
MIX: tuple[tuple[Factory, int], ...] = (
    (s3_bucket, 18),
    (kms_key, 8),
    (compute, 9),
    (ebs_volume, 8),
    (db_instance, 5),
    (rds_cluster, 2),
    (dynamodb_table, 5),
    (messaging, 10),
    (network, 4),
    (cloudtrail, 1),
    (log_group, 6),
)


def generate_plan(resources: int, seed: int) -> dict[str, Any]:
    """A plan with exactly ``resources`` resource changes, the same for the same seed."""
    if resources < 0:
        raise ValueError("resources must be >= 0")
    rng = random.Random(seed)
    ctx = Context(rng, (), 0)
    factories = [factory for factory, _ in MIX]
    weights = [weight for _, weight in MIX]
    specs: list[Spec] = []
    while len(specs) < resources:
        ctx.serial += 1
        ctx.module = rng.choice(MODULES) if rng.random() < 0.2 else ()
        unit = rng.choices(factories, weights)[0](ctx, rng.random() < 0.5)
        # Companions reference the first resource of a unit, never the reverse, so cutting the tail is safe.
        specs.extend(unit[: resources - len(specs)])
    used = {spec.module[: depth + 1] for spec in specs for depth in range(len(spec.module))}
    modules = {
        path: ModuleCall(
            source=f"./modules/{path[-1]}",
            expressions={"environment": Ref("var.environment")},
            variables={"environment": {"description": "Deployment environment"}},
        )
        for path in MODULES
        if path in used
    }
    return build_plan(
        specs,
        providers={"aws": {"region": REGION}, "aws.dr": {"region": "eu-central-1"}},
        modules=modules,
        variables={"environment": "prod", "volume_count": 2},
        variable_declarations={"environment": {"default": "prod"}, "volume_count": {"default": 2}},
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "--resources", type=int, default=1000, help="number of resource changes (default 1000)"
    )
    parser.add_argument("--seed", type=int, default=7, help="random seed (default 7)")
    parser.add_argument(
        "--indent", type=int, default=None, help="pretty-print (terraform itself writes compact)"
    )
    parser.add_argument("-o", "--output", type=Path, help="output file (default: stdout)")
    args = parser.parse_args(argv)
    text = json.dumps(generate_plan(args.resources, args.seed), indent=args.indent)
    if args.output is None:
        sys.stdout.write(text + "\n")
    else:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
