"""Fixtures of the AWS audit-logging rules in all four formats, written from one specification per case.

Each case is a resource named by its expected outcome with its Terraform arguments, its CloudFormation
properties and its Pulumi inputs. Rewrite the checked-in files after editing a case:

    .venv/bin/python tests/rules/audit_logging/generate_fixtures.py
"""

from __future__ import annotations

import re
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from fixture_writer import ACCOUNT, REGION, Case, Chosen, Parameter, Ref, write

PACK = "audit-logging"
PROJECT = "audit"
# The original rules' plans (with their plan-only cases) are written by tests/rules/fixture_plans.py and
# kept; for those rules this script writes the other formats.
WITHOUT_PLAN = ("terraform", "cloudformation", "pulumi")


LOG_GROUP_ARN = f"arn:aws:logs:{REGION}:{ACCOUNT}:log-group:/cloudtrail/org:*"


def trail(name: str, tf: dict[str, Any], cfn: dict[str, Any], pulumi: dict[str, Any]) -> Case:
    base = {"name": name, "s3_bucket_name": "acme-audit-trail", "is_multi_region_trail": True}
    cfn_base = {
        "TrailName": name,
        "S3BucketName": "acme-audit-trail",
        "IsMultiRegionTrail": True,
        "IsLogging": True,
    }
    pulumi_base = {"name": name, "s3BucketName": "acme-audit-trail", "isMultiRegionTrail": True}
    return Case("aws_cloudtrail", name, {**base, **tf}, ("AWS::CloudTrail::Trail", {**cfn_base, **cfn}),
                ("aws:cloudtrail/trail:Trail", {**pulumi_base, **pulumi}))  # fmt: skip


NO_VALUE = {"Ref": "AWS::NoValue"}


def cfn_only(case: Case) -> Case:
    """The CloudFormation half of a case: a shape only a template writes (Fn::If with AWS::NoValue)."""
    return replace(case, terraform=None, pulumi=None)


def eks(name: str, types: list[str] | None) -> Case:
    tf: dict[str, Any] = {"name": name, "role_arn": f"arn:aws:iam::{ACCOUNT}:role/eks",
                          "vpc_config": [{"subnet_ids": ["subnet-0a1b2c3d"]}]}  # fmt: skip
    cfn: dict[str, Any] = {"Name": name, "RoleArn": tf["role_arn"],
                           "ResourcesVpcConfig": {"SubnetIds": ["subnet-0a1b2c3d"]}}  # fmt: skip
    pulumi: dict[str, Any] = {
        "name": name,
        "roleArn": tf["role_arn"],
        "vpcConfig": {"subnetIds": ["subnet-0a1b2c3d"]},
    }
    if types is not None:
        tf["enabled_cluster_log_types"] = types
        cfn["Logging"] = {"ClusterLogging": {"EnabledTypes": [{"Type": kind} for kind in types]}}
        pulumi["enabledClusterLogTypes"] = types
    return Case("aws_eks_cluster", name, tf, ("AWS::EKS::Cluster", cfn), ("aws:eks/cluster:Cluster", pulumi),
                blocks=("vpc_config",))  # fmt: skip


def database(kind: str, name: str, exports: list[str] | None) -> Case:
    tf_type, cfn_type, token, tf_key, cfn_key = {
        "docdb": ("aws_docdb_cluster", "AWS::DocDB::DBCluster", "aws:docdb/cluster:Cluster",
                  "enabled_cloudwatch_logs_exports", "EnableCloudwatchLogsExports"),
        "neptune": ("aws_neptune_cluster", "AWS::Neptune::DBCluster", "aws:neptune/cluster:Cluster",
                    "enable_cloudwatch_logs_exports", "EnableCloudwatchLogsExports"),
    }[kind]  # fmt: skip
    tf: dict[str, Any] = {"cluster_identifier": name.replace("_", "-")}
    cfn: dict[str, Any] = {"DBClusterIdentifier": tf["cluster_identifier"]}
    pulumi: dict[str, Any] = {"clusterIdentifier": tf["cluster_identifier"]}
    if exports is not None:
        tf[tf_key] = exports
        cfn[cfn_key] = exports
        pulumi[re.sub(r"_(\w)", lambda m: m.group(1).upper(), tf_key)] = exports
    return Case(tf_type, name, tf, (cfn_type, cfn), (token, pulumi))


# The value `pulumi preview` shows for an output known only after the update.
PULUMI_UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9"


def unknown_log_group(name: str) -> Case:
    """A log group whose retention is known only at apply: a module variable, an undeclared
    CloudFormation parameter, a Pulumi preview's unknown output."""
    tf = {"name": f"/app/{name}", "retention_in_days": Ref("var.retention_days")}
    cfn = {"LogGroupName": f"/app/{name}", "RetentionInDays": {"Ref": "RetentionDays"}}
    pulumi = {"name": f"/app/{name}", "retentionInDays": PULUMI_UNKNOWN}
    return Case("aws_cloudwatch_log_group", name, tf, ("AWS::Logs::LogGroup", cfn),
                ("aws:cloudwatch/logGroup:LogGroup", pulumi))  # fmt: skip


def log_group(name: str, days: int | None, log_class: str | None = None) -> Case:
    tf: dict[str, Any] = {"name": f"/app/{name}"}
    cfn: dict[str, Any] = {"LogGroupName": f"/app/{name}"}
    pulumi: dict[str, Any] = {"name": f"/app/{name}"}
    if days is not None:
        tf["retention_in_days"] = cfn["RetentionInDays"] = pulumi["retentionInDays"] = days
    if log_class is not None:
        tf["log_group_class"] = cfn["LogGroupClass"] = pulumi["logGroupClass"] = log_class
    return Case("aws_cloudwatch_log_group", name, tf, ("AWS::Logs::LogGroup", cfn),
                ("aws:cloudwatch/logGroup:LogGroup", pulumi))  # fmt: skip


KEY_ARN = f"arn:aws:kms:{REGION}:{ACCOUNT}:key/8e1f7c3a-2b4d-4c6e-9a0f-5d3b1e7c9a24"


def s3_bucket(name: str, logs_to: str | None = None, separate: bool = False) -> list[Case]:
    """A bucket; with ``logs_to`` its server access logs go to that bucket: through an
    aws_s3_bucket_logging (HCL, Pulumi BucketLoggingV2) when ``separate``, else inline (HCL ``logging``
    block, Pulumi Bucket ``loggings``); CloudFormation always writes LoggingConfiguration."""
    bucket_name = f"acme-{name.replace('_', '-')}"
    tf: dict[str, Any] = {"bucket": bucket_name}
    cfn: dict[str, Any] = {"BucketName": bucket_name}
    pulumi: dict[str, Any] = {"bucket": bucket_name}
    token = "aws:s3/bucketV2:BucketV2"
    cases: list[Case] = []
    if logs_to is not None:
        target = Ref(f"aws_s3_bucket.{logs_to}", "id")
        cfn["LoggingConfiguration"] = {"DestinationBucketName": target, "LogFilePrefix": f"s3/{name}/"}
        if separate:
            logging = {"bucket": Ref(f"aws_s3_bucket.{name}", "id"), "target_bucket": target,
                       "target_prefix": f"s3/{name}/"}  # fmt: skip
            pulumi_logging = {
                "bucket": logging["bucket"],
                "targetBucket": target,
                "targetPrefix": f"s3/{name}/",
            }
            cases.append(Case("aws_s3_bucket_logging", f"{name}_logging", logging, None,
                              ("aws:s3/bucketLoggingV2:BucketLoggingV2", pulumi_logging)))  # fmt: skip
        else:
            tf["logging"] = [{"target_bucket": target, "target_prefix": f"s3/{name}/"}]
            token = "aws:s3/bucket:Bucket"
            pulumi["loggings"] = [{"targetBucket": target, "targetPrefix": f"s3/{name}/"}]
    bucket = Case("aws_s3_bucket", name, tf, ("AWS::S3::Bucket", cfn), (token, pulumi), blocks=("logging",))
    return [bucket, *cases]


def db_instance(name: str, engine: str, exports: list[str] | None) -> Case:
    identifier = name.replace("_", "-")
    tf: dict[str, Any] = {"identifier": identifier, "engine": engine, "instance_class": "db.t4g.micro"}
    cfn: dict[str, Any] = {
        "DBInstanceIdentifier": identifier,
        "Engine": engine,
        "DBInstanceClass": "db.t4g.micro",
    }
    pulumi: dict[str, Any] = {"identifier": identifier, "engine": engine, "instanceClass": "db.t4g.micro"}
    if exports is not None:
        tf["enabled_cloudwatch_logs_exports"] = pulumi["enabledCloudwatchLogsExports"] = exports
        cfn["EnableCloudwatchLogsExports"] = exports
    return Case(
        "aws_db_instance", name, tf, ("AWS::RDS::DBInstance", cfn), ("aws:rds/instance:Instance", pulumi)
    )


def default_engine_cluster(name: str, exports: list[str]) -> Case:
    """A Terraform aws_rds_cluster without engine (the provider's default, "aurora", before 5.0)."""
    identifier = name.replace("_", "-")
    tf = {"cluster_identifier": identifier, "enabled_cloudwatch_logs_exports": exports}
    return Case("aws_rds_cluster", name, tf)


def unknown_engine_instance(name: str, exports: list[str]) -> Case:
    """An instance whose engine is known only at apply (a module variable, an undeclared CloudFormation
    parameter, a Pulumi preview's unknown output)."""
    case = db_instance(name, "postgres", exports)
    assert case.terraform is not None and case.cloudformation is not None and case.pulumi is not None
    return Case(
        case.tf_type,
        name,
        {**case.terraform, "engine": Ref("var.engine")},
        (case.cloudformation[0], {**case.cloudformation[1], "Engine": {"Ref": "Engine"}}),
        (case.pulumi[0], {**case.pulumi[1], "engine": PULUMI_UNKNOWN}),
    )


def rds_cluster(name: str, engine: str, exports: list[str] | None) -> Case:
    identifier = name.replace("_", "-")
    tf: dict[str, Any] = {"cluster_identifier": identifier, "engine": engine}
    cfn: dict[str, Any] = {"DBClusterIdentifier": identifier, "Engine": engine}
    pulumi: dict[str, Any] = {"clusterIdentifier": identifier, "engine": engine}
    if exports is not None:
        tf["enabled_cloudwatch_logs_exports"] = pulumi["enabledCloudwatchLogsExports"] = exports
        cfn["EnableCloudwatchLogsExports"] = exports
    return Case(
        "aws_rds_cluster", name, tf, ("AWS::RDS::DBCluster", cfn), ("aws:rds/cluster:Cluster", pulumi)
    )


def vpc(name: str, traffic: list[str]) -> list[Case]:
    """A VPC and one flow log per traffic type, attached by reference (CloudFormation: ResourceId Ref)."""
    cidr = "10.20.0.0/16"
    cases = [Case("aws_vpc", name, {"cidr_block": cidr}, ("AWS::EC2::VPC", {"CidrBlock": cidr}),
                  ("aws:ec2/vpc:Vpc", {"cidrBlock": cidr}))]  # fmt: skip
    for kind in traffic:
        target = Ref(f"aws_vpc.{name}", "id")
        destination = f"arn:aws:s3:::acme-flow-logs/{name}/"
        tf = {
            "vpc_id": target,
            "traffic_type": kind,
            "log_destination_type": "s3",
            "log_destination": destination,
        }
        cfn = {"ResourceId": target, "ResourceType": "VPC", "TrafficType": kind, "LogDestinationType": "s3",
               "LogDestination": destination}  # fmt: skip
        pulumi = {
            "vpcId": target,
            "trafficType": kind,
            "logDestinationType": "s3",
            "logDestination": destination,
        }
        cases.append(Case("aws_flow_log", f"{name}_{kind.lower()}", tf, ("AWS::EC2::FlowLog", cfn),
                          ("aws:ec2/flowLog:FlowLog", pulumi)))  # fmt: skip
    return cases


def vpc_unknown_traffic(name: str) -> list[Case]:
    """A VPC whose one flow log records a traffic type known only at apply: a module variable, a
    CloudFormation parameter without a default, a Pulumi preview's unknown output."""
    cases = vpc(name, ["ALL"])
    flow = cases[1]
    cfn_type, cfn = flow.cloudformation
    pulumi_type, pulumi = flow.pulumi
    unknown = replace(
        flow,
        name=f"{name}_variable",
        terraform={**flow.terraform, "traffic_type": Ref("var.traffic_type")},
        cloudformation=(cfn_type, {**cfn, "TrafficType": Parameter("TrafficType")}),
        pulumi=(pulumi_type, {**pulumi, "trafficType": PULUMI_UNKNOWN}),
    )
    return [cases[0], unknown]


ORIGINAL_FIXTURES: dict[str, list[Case]] = {
    "LOG-CLOUDTRAIL-001": [
        trail("pass_all_regions", {}, {}, {}),
        trail(
            "fail_home_region_only",
            {"is_multi_region_trail": False},
            {"IsMultiRegionTrail": False},
            {"isMultiRegionTrail": False},
        ),
    ],
    "LOG-CLOUDTRAIL-002": [
        trail(
            "pass_log_file_validation",
            {"enable_log_file_validation": True},
            {"EnableLogFileValidation": True},
            {"enableLogFileValidation": True},
        ),
        trail(
            "fail_validation_off",
            {"enable_log_file_validation": False},
            {"EnableLogFileValidation": False},
            {"enableLogFileValidation": False},
        ),
        trail("fail_validation_default", {}, {}, {}),
    ],
    "LOG-CLOUDTRAIL-003": [
        trail("pass_cmk", {"kms_key_id": KEY_ARN}, {"KMSKeyId": KEY_ARN}, {"kmsKeyId": KEY_ARN}),
        trail("fail_sse_s3_only", {}, {}, {}),
        # The key or AWS::NoValue, as a condition decides at deploy time (CloudFormation only).
        cfn_only(
            trail("undetermined_key_chosen", {}, {"KMSKeyId": Chosen("Encrypt", KEY_ARN, NO_VALUE)}, {})
        ),
    ],
    "LOG-S3-001": [
        *s3_bucket("pass_access_log_sink"),
        *s3_bucket("pass_logs_inline", logs_to="pass_access_log_sink"),
        *s3_bucket("pass_logs_separately", logs_to="pass_access_log_sink", separate=True),
        *s3_bucket("fail_unlogged"),
        # LoggingConfiguration or AWS::NoValue, as a condition decides at deploy time (CloudFormation only).
        Case(
            "aws_s3_bucket",
            "undetermined_logging_chosen",
            None,
            (
                "AWS::S3::Bucket",
                {
                    "BucketName": "acme-undetermined-logging-chosen",
                    "LoggingConfiguration": Chosen(
                        "Audited",
                        {"DestinationBucketName": Ref("aws_s3_bucket.pass_access_log_sink", "id")},
                        {"Ref": "AWS::NoValue"},
                    ),
                },
            ),
            None,
        ),
    ],
    "LOG-RDS-001": [
        db_instance("pass_postgres_logs", "postgres", ["postgresql", "upgrade"]),
        db_instance("pass_mariadb_logs", "mariadb", ["audit", "error", "general"]),
        rds_cluster("pass_aurora_mysql_logs", "aurora-mysql", ["audit", "error", "slowquery"]),
        rds_cluster("pass_neptune_audit", "neptune", ["audit"]),
        db_instance("fail_postgres_unlogged", "postgres", None),
        db_instance("fail_mariadb_error_only", "mariadb", ["error"]),
        rds_cluster("fail_aurora_postgresql_unlogged", "aurora-postgresql", None),
        rds_cluster("fail_neptune_slowquery_only", "neptune", ["slowquery"]),
        rds_cluster("fail_docdb_audit_only", "docdb", ["audit"]),
        # A DB instance of an Aurora cluster exports the cluster's logs: not judged (CloudFormation only).
        Case(
            "aws_db_instance",
            "member_of_logged_cluster",
            None,
            (
                "AWS::RDS::DBInstance",
                {
                    "DBClusterIdentifier": Ref("aws_rds_cluster.pass_aurora_mysql_logs", "id"),
                    "Engine": "aurora-mysql",
                    "DBInstanceClass": "db.r6g.large",
                },
            ),
            None,
        ),
        # Issue 16 §2: without engine an aws_rds_cluster is Aurora MySQL ("aurora" before AWS provider 5;
        # CloudFormation and Pulumi require the engine); a Multi-AZ MySQL cluster exports no audit log.
        default_engine_cluster("fail_default_engine_slowquery_only", ["slowquery"]),
        default_engine_cluster("pass_default_engine_audit_error", ["audit", "error"]),
        rds_cluster("fail_aurora_engine_error_only", "aurora", ["error"]),
        rds_cluster("pass_multi_az_mysql_cluster", "mysql", ["error", "general", "slowquery"]),
        unknown_engine_instance("undetermined_engine_variable", ["error"]),
    ],
    "LOG-VPC-001": [
        *vpc("pass_all_traffic", ["ALL"]),
        *vpc("pass_rejects_and_accepts", ["ACCEPT", "REJECT"]),
        *vpc("fail_unlogged", []),
        *vpc("fail_accepted_only", ["ACCEPT"]),
        *vpc_unknown_traffic("undetermined_traffic_variable"),
    ],
}


FIXTURES: dict[str, list[Case]] = {
    "LOG-CLOUDTRAIL-004": [
        trail("pass_default_logging", {}, {}, {}),
        trail("pass_logging_on", {"enable_logging": True}, {"IsLogging": True}, {"enableLogging": True}),
        trail("fail_stopped", {"enable_logging": False}, {"IsLogging": False}, {"enableLogging": False}),
    ],
    "LOG-CLOUDTRAIL-005": [
        trail(
            "pass_cloudwatch",
            {"cloud_watch_logs_group_arn": LOG_GROUP_ARN},
            {"CloudWatchLogsLogGroupArn": LOG_GROUP_ARN},
            {"cloudWatchLogsGroupArn": LOG_GROUP_ARN},
        ),
        trail("fail_no_cloudwatch", {}, {}, {}),
        cfn_only(
            trail(
                "undetermined_log_group_chosen",
                {},
                {"CloudWatchLogsLogGroupArn": Chosen("Audited", LOG_GROUP_ARN, NO_VALUE)},
                {},
            )
        ),
    ],
    "LOG-EKS-001": [
        eks("pass_audit_logs", ["api", "audit", "authenticator", "scheduler"]),
        eks("fail_no_logs", None),
        eks("fail_api_only", ["api"]),
    ],
    "LOG-DOCDB-001": [
        database("docdb", "pass_docdb_audit_profiler", ["audit", "profiler"]),
        database("docdb", "fail_docdb_audit_only", ["audit"]),
        database("docdb", "fail_docdb_no_exports", None),
        database("neptune", "pass_neptune_audit", ["audit"]),
        database("neptune", "fail_neptune_no_exports", None),
    ],
    "LOG-CLOUDWATCH-001": [
        log_group("pass_one_year", 365),
        log_group("pass_never_expire", None),
        log_group("pass_explicit_never_expire", 0),
        log_group("fail_thirty_days", 30),
        log_group("fail_half_year", 180),
        log_group("pass_ten_years", 3653),
        unknown_log_group("undetermined_retention_variable"),
        # A Delivery-class group only passes events on to S3 or Firehose; AWS fixes its retention at a
        # day or two: not judged (the destination keeps the logs).
        log_group("other_delivery_class", 2, "DELIVERY"),
        log_group("fail_infrequent_access_thirty_days", 30, "INFREQUENT_ACCESS"),
    ],
}


def main() -> None:
    for rule_id, cases in FIXTURES.items():
        write(PACK, rule_id, cases, project=PROJECT)
    for rule_id, cases in ORIGINAL_FIXTURES.items():
        write(PACK, rule_id, cases, formats=WITHOUT_PLAN, project=PROJECT)


if __name__ == "__main__":
    main()
