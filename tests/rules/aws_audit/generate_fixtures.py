"""Fixtures of the AWS audit-logging rules of issue 16 (Step Functions, CodeBuild, MWAA, AppSync ...), in
all four formats.

Each case is a resource named by its expected outcome with its Terraform arguments, its CloudFormation
properties and its Pulumi inputs. Values known only at apply are written as a module variable in
Terraform (``var.x``), an undeclared parameter in CloudFormation and a preview's unknown in Pulumi.
Rewrite the checked-in files after editing a case:

    .venv/bin/python tests/rules/aws_audit/generate_fixtures.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from fixture_writer import ACCOUNT, REGION, Case, Ref, write

__all__ = ["FIXTURES", "PACK", "PROJECT", "main", "write"]

PACK = "audit-logging"
PROJECT = "auditaws"

# The value `pulumi preview` shows for an output known only after the update.
PULUMI_UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9"
ROLE_ARN = f"arn:aws:iam::{ACCOUNT}:role/service-logs"
LOG_GROUP_ARN = f"arn:aws:logs:{REGION}:{ACCOUNT}:log-group:/aws/vendedlogs/audit:*"


class Unknown:
    """A value known only at apply, in each format's own spelling."""

    def __init__(self, variable: str, parameter: str) -> None:
        self.terraform = Ref(f"var.{variable}")
        self.cloudformation = {"Ref": parameter}
        self.pulumi = PULUMI_UNKNOWN


def _tf(value: Any) -> Any:
    return value.terraform if isinstance(value, Unknown) else value


def _cfn(value: Any) -> Any:
    return value.cloudformation if isinstance(value, Unknown) else value


def _pulumi(value: Any) -> Any:
    return value.pulumi if isinstance(value, Unknown) else value


# --- Step Functions ----------------------------------------------------------------------------------

DEFINITION = '{"StartAt":"Done","States":{"Done":{"Type":"Pass","End":true}}}'


def state_machine(name: str, level: Any | None) -> Case:
    """A state machine; ``level`` sets logging_configuration.level (None: no logging_configuration)."""
    tf: dict[str, Any] = {"name": name, "role_arn": ROLE_ARN, "definition": DEFINITION}
    cfn: dict[str, Any] = {"StateMachineName": name, "RoleArn": ROLE_ARN, "DefinitionString": DEFINITION}
    pulumi: dict[str, Any] = {"name": name, "roleArn": ROLE_ARN, "definition": DEFINITION}
    if level is not None:
        tf["logging_configuration"] = [
            {"log_destination": LOG_GROUP_ARN, "include_execution_data": True, "level": _tf(level)}
        ]
        cfn["LoggingConfiguration"] = {
            "Level": _cfn(level),
            "IncludeExecutionData": True,
            "Destinations": [{"CloudWatchLogsLogGroup": {"LogGroupArn": LOG_GROUP_ARN}}],
        }
        pulumi["loggingConfiguration"] = {
            "logDestination": LOG_GROUP_ARN,
            "includeExecutionData": True,
            "level": _pulumi(level),
        }
    return Case(
        "aws_sfn_state_machine",
        name,
        tf,
        ("AWS::StepFunctions::StateMachine", cfn),
        ("aws:sfn/stateMachine:StateMachine", pulumi),
        blocks=("logging_configuration",),
    )


# --- CodeBuild ---------------------------------------------------------------------------------------


def codebuild(name: str, cloudwatch: Any | None, s3: Any | None) -> Case:
    """A project; ``cloudwatch`` / ``s3`` set the status of each log destination (None: left out)."""
    source = {"type": "CODECOMMIT", "location": f"https://git-codecommit.{REGION}.amazonaws.com/v1/repos/app"}
    environment = {
        "compute_type": "BUILD_GENERAL1_SMALL",
        "image": "aws/codebuild/standard:7.0",
        "type": "LINUX_CONTAINER",
    }
    tf: dict[str, Any] = {
        "name": name,
        "service_role": ROLE_ARN,
        "artifacts": [{"type": "NO_ARTIFACTS"}],
        "environment": [environment],
        "source": [source],
    }
    cfn: dict[str, Any] = {
        "Name": name,
        "ServiceRole": ROLE_ARN,
        "Artifacts": {"Type": "NO_ARTIFACTS"},
        "Environment": {"ComputeType": "BUILD_GENERAL1_SMALL", "Image": "aws/codebuild/standard:7.0",
                        "Type": "LINUX_CONTAINER"},
        "Source": {"Type": "CODECOMMIT", "Location": source["location"]},
    }  # fmt: skip
    pulumi: dict[str, Any] = {
        "name": name,
        "serviceRole": ROLE_ARN,
        "artifacts": {"type": "NO_ARTIFACTS"},
        "environment": {"computeType": "BUILD_GENERAL1_SMALL", "image": "aws/codebuild/standard:7.0",
                        "type": "LINUX_CONTAINER"},
        "source": {"type": "CODECOMMIT", "location": source["location"]},
    }  # fmt: skip
    if cloudwatch is not None or s3 is not None:
        tf_logs: dict[str, Any] = {}
        cfn_logs: dict[str, Any] = {}
        pulumi_logs: dict[str, Any] = {}
        if cloudwatch is not None:
            tf_logs["cloudwatch_logs"] = [{"status": _tf(cloudwatch)}]
            cfn_logs["CloudWatchLogs"] = {"Status": _cfn(cloudwatch)}
            pulumi_logs["cloudwatchLogs"] = {"status": _pulumi(cloudwatch)}
        if s3 is not None:
            location = "acme-build-logs/app"
            tf_logs["s3_logs"] = [{"status": _tf(s3), "location": location}]
            cfn_logs["S3Logs"] = {"Status": _cfn(s3), "Location": location}
            pulumi_logs["s3Logs"] = {"status": _pulumi(s3), "location": location}
        tf["logs_config"] = [tf_logs]
        cfn["LogsConfig"] = cfn_logs
        pulumi["logsConfig"] = pulumi_logs
    return Case(
        "aws_codebuild_project",
        name,
        tf,
        ("AWS::CodeBuild::Project", cfn),
        ("aws:codebuild/project:Project", pulumi),
        blocks=("artifacts", "environment", "source", "logs_config", "cloudwatch_logs", "s3_logs"),
    )


# --- MWAA --------------------------------------------------------------------------------------------

SECURITY_GROUPS = ["sg-0a1b2c3d4e5f60718"]
SUBNETS = ["subnet-0a1b2c3d", "subnet-4e5f6a7b"]
MWAA_LOGS = ("dag_processing_logs", "scheduler_logs", "task_logs", "webserver_logs", "worker_logs")


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.capitalize() for part in rest)


def _pascal(name: str) -> str:
    return "".join(part.capitalize() for part in name.split("_"))


def mwaa(name: str, logs: dict[str, Any] | None) -> Case:
    """An Airflow environment; ``logs`` maps log types to their enabled value (None: no
    logging_configuration)."""
    network = {
        "security_group_ids": ["sg-0a1b2c3d4e5f60718"],
        "subnet_ids": ["subnet-0a1b2c3d", "subnet-4e5f6a7b"],
    }
    bucket = "arn:aws:s3:::acme-airflow"
    tf: dict[str, Any] = {
        "name": name,
        "dag_s3_path": "dags/",
        "execution_role_arn": ROLE_ARN,
        "source_bucket_arn": bucket,
        "network_configuration": [network],
    }
    cfn: dict[str, Any] = {
        "Name": name,
        "DagS3Path": "dags/",
        "ExecutionRoleArn": ROLE_ARN,
        "SourceBucketArn": bucket,
        "NetworkConfiguration": {"SecurityGroupIds": SECURITY_GROUPS, "SubnetIds": SUBNETS},
    }
    pulumi: dict[str, Any] = {
        "name": name,
        "dagS3Path": "dags/",
        "executionRoleArn": ROLE_ARN,
        "sourceBucketArn": bucket,
        "networkConfiguration": {"securityGroupIds": SECURITY_GROUPS, "subnetIds": SUBNETS},
    }
    if logs is not None:
        tf["logging_configuration"] = [
            {kind: [{"enabled": _tf(enabled), "log_level": "INFO"}] for kind, enabled in logs.items()}
        ]
        cfn["LoggingConfiguration"] = {
            _pascal(kind): {"Enabled": _cfn(enabled), "LogLevel": "INFO"} for kind, enabled in logs.items()
        }
        pulumi["loggingConfiguration"] = {
            _camel(kind): {"enabled": _pulumi(enabled), "logLevel": "INFO"} for kind, enabled in logs.items()
        }
    return Case(
        "aws_mwaa_environment",
        name,
        tf,
        ("AWS::MWAA::Environment", cfn),
        ("aws:mwaa/environment:Environment", pulumi),
        blocks=("network_configuration", "logging_configuration", *MWAA_LOGS),
    )


ALL_MWAA_ON = dict.fromkeys(MWAA_LOGS, True)


# --- AppSync -----------------------------------------------------------------------------------------


def graphql_api(name: str, level: Any | None) -> Case:
    """A GraphQL API; ``level`` sets log_config.field_log_level (None: no log_config)."""
    tf: dict[str, Any] = {"name": name, "authentication_type": "AWS_IAM"}
    cfn: dict[str, Any] = {"Name": name, "AuthenticationType": "AWS_IAM"}
    pulumi: dict[str, Any] = {"name": name, "authenticationType": "AWS_IAM"}
    if level is not None:
        tf["log_config"] = [{"cloudwatch_logs_role_arn": ROLE_ARN, "field_log_level": _tf(level)}]
        cfn["LogConfig"] = {"CloudWatchLogsRoleArn": ROLE_ARN, "FieldLogLevel": _cfn(level)}
        pulumi["logConfig"] = {"cloudwatchLogsRoleArn": ROLE_ARN, "fieldLogLevel": _pulumi(level)}
    return Case(
        "aws_appsync_graphql_api",
        name,
        tf,
        ("AWS::AppSync::GraphQLApi", cfn),
        ("aws:appsync/graphQLApi:GraphQLApi", pulumi),
        blocks=("log_config",),
    )


# --- ECS Exec ----------------------------------------------------------------------------------------


def ecs_cluster(name: str, logging: Any | None, group: str | None = None) -> Case:
    """A cluster; ``logging`` sets execute_command_configuration.logging (None: no configuration),
    ``group`` the CloudWatch Logs group of an OVERRIDE."""
    tf: dict[str, Any] = {"name": name}
    cfn: dict[str, Any] = {"ClusterName": name}
    pulumi: dict[str, Any] = {"name": name}
    if logging is not None:
        tf_exec: dict[str, Any] = {"logging": _tf(logging)}
        cfn_exec: dict[str, Any] = {"Logging": _cfn(logging)}
        pulumi_exec: dict[str, Any] = {"logging": _pulumi(logging)}
        if group is not None:
            tf_exec["log_configuration"] = [{"cloud_watch_log_group_name": group}]
            cfn_exec["LogConfiguration"] = {"CloudWatchLogGroupName": group}
            pulumi_exec["logConfiguration"] = {"cloudWatchLogGroupName": group}
        tf["configuration"] = [{"execute_command_configuration": [tf_exec]}]
        cfn["Configuration"] = {"ExecuteCommandConfiguration": cfn_exec}
        pulumi["configuration"] = {"executeCommandConfiguration": pulumi_exec}
    return Case(
        "aws_ecs_cluster",
        name,
        tf,
        ("AWS::ECS::Cluster", cfn),
        ("aws:ecs/cluster:Cluster", pulumi),
        blocks=("configuration", "execute_command_configuration", "log_configuration"),
    )


# --- WAF Classic ---------------------------------------------------------------------------------------

FIREHOSE_ARN = f"arn:aws:firehose:{REGION}:{ACCOUNT}:deliverystream/aws-waf-logs-web"


def waf_classic(tf_type: str, name: str, logged: bool) -> Case:
    """A WAF Classic web ACL (global or regional); CloudFormation has no logging property for them."""
    token = "aws:waf/webAcl:WebAcl" if tf_type == "aws_waf_web_acl" else "aws:wafregional/webAcl:WebAcl"
    metric = name.replace("_", "")
    tf: dict[str, Any] = {"name": name, "metric_name": metric, "default_action": [{"type": "ALLOW"}]}
    pulumi: dict[str, Any] = {"name": name, "metricName": metric, "defaultAction": {"type": "ALLOW"}}
    if logged:
        tf["logging_configuration"] = [{"log_destination": FIREHOSE_ARN}]
        pulumi["loggingConfiguration"] = {"logDestination": FIREHOSE_ARN}
    return Case(tf_type, name, tf, None, (token, pulumi), blocks=("default_action", "logging_configuration"))


# --- Route 53 ------------------------------------------------------------------------------------------

QUERY_LOG_GROUP_ARN = f"arn:aws:logs:us-east-1:{ACCOUNT}:log-group:/aws/route53/zones"


def hosted_zone(name: str, query_log: str | None = None, private: bool = False) -> list[Case]:
    """A hosted zone; ``query_log`` logs its queries through an aws_route53_query_log (HCL, Pulumi
    QueryLog) when "separate", or QueryLoggingConfig (CloudFormation) when "inline" or "separate"."""
    domain = f"{name.replace('_', '-')}.example.com"
    tf: dict[str, Any] = {"name": domain}
    cfn: dict[str, Any] = {"Name": domain}
    pulumi: dict[str, Any] = {"name": domain}
    if private:
        tf["vpc"] = [{"vpc_id": "vpc-0a1b2c3d4e5f60718"}]
        cfn["VPCs"] = [{"VPCId": "vpc-0a1b2c3d4e5f60718", "VPCRegion": REGION}]
        pulumi["vpcs"] = [{"vpcId": "vpc-0a1b2c3d4e5f60718"}]
    if query_log is not None:
        cfn["QueryLoggingConfig"] = {"CloudWatchLogsLogGroupArn": QUERY_LOG_GROUP_ARN}
    cases = [
        Case(
            "aws_route53_zone",
            name,
            tf,
            ("AWS::Route53::HostedZone", cfn),
            ("aws:route53/zone:Zone", pulumi),
            blocks=("vpc",),
        )
    ]
    if query_log == "separate":
        zone = Ref(f"aws_route53_zone.{name}", "zone_id")
        cases.append(
            Case(
                "aws_route53_query_log",
                f"{name}_queries",
                {"zone_id": zone, "cloudwatch_log_group_arn": QUERY_LOG_GROUP_ARN},
                None,
                (
                    "aws:route53/queryLog:QueryLog",
                    {"zoneId": zone, "cloudwatchLogGroupArn": QUERY_LOG_GROUP_ARN},
                ),
            )
        )
    return cases


# --- Log buckets (S3 Object Lock) ------------------------------------------------------------------------


def log_bucket(name: str, lock: str | None, mode: Any = "COMPLIANCE") -> list[Case]:
    """A bucket; ``lock`` is "inline" (object_lock_enabled alone, no default retention), "separate" (an
    aws_s3_bucket_object_lock_configuration whose default retention has ``mode``; CloudFormation
    ObjectLockConfiguration) or None."""
    bucket = f"acme-{name.replace('_', '-')}"
    tf: dict[str, Any] = {"bucket": bucket}
    cfn: dict[str, Any] = {"BucketName": bucket}
    pulumi: dict[str, Any] = {"bucket": bucket}
    retention = {"mode": _tf(mode), "days": 365}
    if lock is not None:
        tf["object_lock_enabled"] = cfn["ObjectLockEnabled"] = pulumi["objectLockEnabled"] = True
    if lock == "separate":
        cfn["ObjectLockConfiguration"] = {
            "ObjectLockEnabled": "Enabled",
            "Rule": {"DefaultRetention": {"Mode": _cfn(mode), "Days": 365}},
        }
    cases = [
        Case(
            "aws_s3_bucket",
            name,
            tf,
            ("AWS::S3::Bucket", cfn),
            ("aws:s3/bucketV2:BucketV2", pulumi),
            defaults={"object_lock_enabled": False},
        )
    ]
    if lock == "separate":
        target = Ref(f"aws_s3_bucket.{name}", "id")
        cases.append(
            Case(
                "aws_s3_bucket_object_lock_configuration",
                f"{name}_lock",
                {"bucket": target, "rule": [{"default_retention": [retention]}]},
                None,
                (
                    "aws:s3/bucketObjectLockConfigurationV2:BucketObjectLockConfigurationV2",
                    {"bucket": target, "rule": {"defaultRetention": {"mode": _pulumi(mode), "days": 365}}},
                ),
                blocks=("rule", "default_retention"),
            )
        )
    return cases


def trail_to(bucket: str) -> Case:
    """A trail delivering to ``bucket``."""
    target = Ref(f"aws_s3_bucket.{bucket}", "id")
    name = f"trail_to_{bucket}"
    return Case(
        "aws_cloudtrail",
        name,
        {"name": name, "s3_bucket_name": target, "is_multi_region_trail": True},
        ("AWS::CloudTrail::Trail", {"TrailName": name, "S3BucketName": target, "IsMultiRegionTrail": True,
                                    "IsLogging": True}),
        ("aws:cloudtrail/trail:Trail", {"name": name, "s3BucketName": target, "isMultiRegionTrail": True}),
    )  # fmt: skip


def access_logs_to(bucket: str) -> list[Case]:
    """A data bucket whose server access logs go to ``bucket``: an aws_s3_bucket_logging (HCL, Pulumi),
    LoggingConfiguration (CloudFormation)."""
    source = f"data_logged_to_{bucket}"
    target = Ref(f"aws_s3_bucket.{bucket}", "id")
    name = f"acme-{source.replace('_', '-')}"
    logging_configuration = {"DestinationBucketName": target, "LogFilePrefix": "s3/"}
    data = Case(
        "aws_s3_bucket",
        source,
        {"bucket": name},
        ("AWS::S3::Bucket", {"BucketName": name, "LoggingConfiguration": logging_configuration}),
        ("aws:s3/bucketV2:BucketV2", {"bucket": name}),
        defaults={"object_lock_enabled": False},
    )
    source_ref = Ref(f"aws_s3_bucket.{source}", "id")
    logging = Case(
        "aws_s3_bucket_logging",
        f"{source}_logging",
        {"bucket": source_ref, "target_bucket": target, "target_prefix": "s3/"},
        None,
        (
            "aws:s3/bucketLoggingV2:BucketLoggingV2",
            {"bucket": source_ref, "targetBucket": target, "targetPrefix": "s3/"},
        ),
    )
    return [data, logging]


# --- AWS Config --------------------------------------------------------------------------------------------

CONFIG_ROLE = f"arn:aws:iam::{ACCOUNT}:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig"


def recorder(name: str, all_supported: Any | None) -> Case:
    """A recorder; ``all_supported`` sets recording_group.all_supported (None: no recording_group)."""
    tf: dict[str, Any] = {"name": name, "role_arn": CONFIG_ROLE}
    cfn: dict[str, Any] = {"Name": name, "RoleARN": CONFIG_ROLE}
    pulumi: dict[str, Any] = {"name": name, "roleArn": CONFIG_ROLE}
    if all_supported is not None:
        types = [] if all_supported is True else ["AWS::S3::Bucket", "AWS::IAM::Role"]
        tf["recording_group"] = [{"all_supported": _tf(all_supported), "resource_types": types}]
        cfn["RecordingGroup"] = {"AllSupported": _cfn(all_supported), "ResourceTypes": types}
        pulumi["recordingGroup"] = {"allSupported": _pulumi(all_supported), "resourceTypes": types}
    return Case(
        "aws_config_configuration_recorder",
        name,
        tf,
        ("AWS::Config::ConfigurationRecorder", cfn),
        ("aws:cfg/recorder:Recorder", pulumi),
        blocks=("recording_group",),
    )


def cfn_recorder_types_only(name: str) -> Case:
    """A CloudFormation recorder whose RecordingGroup lists ResourceTypes and leaves AllSupported out: the
    API's default is false, so it records those types only (Terraform and Pulumi default all_supported to
    true, and refuse resource_types beside it)."""
    cfn = {
        "Name": name,
        "RoleARN": CONFIG_ROLE,
        "RecordingGroup": {"ResourceTypes": ["AWS::S3::Bucket", "AWS::IAM::Role"]},
    }
    return Case("aws_config_configuration_recorder", name, None, ("AWS::Config::ConfigurationRecorder", cfn))


def aggregator(name: str, organisation: bool, all_regions: Any) -> Case:
    """An aggregator of the organisation or of listed accounts; ``all_regions`` False lists one region."""
    tf_source: dict[str, Any] = (
        {"all_regions": _tf(all_regions)} if all_regions is not False else {"regions": [REGION]}
    )
    cfn_source: dict[str, Any] = (
        {"AllAwsRegions": _cfn(all_regions)} if all_regions is not False else {"AwsRegions": [REGION]}
    )
    pulumi_source: dict[str, Any] = (
        {"allRegions": _pulumi(all_regions)} if all_regions is not False else {"regions": [REGION]}
    )
    tf: dict[str, Any] = {"name": name}
    cfn: dict[str, Any] = {"ConfigurationAggregatorName": name}
    pulumi: dict[str, Any] = {"name": name}
    if organisation:
        tf["organization_aggregation_source"] = [{**tf_source, "role_arn": CONFIG_ROLE}]
        cfn["OrganizationAggregationSource"] = {**cfn_source, "RoleArn": CONFIG_ROLE}
        pulumi["organizationAggregationSource"] = {**pulumi_source, "roleArn": CONFIG_ROLE}
    else:
        tf["account_aggregation_source"] = [{**tf_source, "account_ids": [ACCOUNT]}]
        cfn["AccountAggregationSources"] = [{**cfn_source, "AccountIds": [ACCOUNT]}]
        pulumi["accountAggregationSource"] = {**pulumi_source, "accountIds": [ACCOUNT]}
    return Case(
        "aws_config_configuration_aggregator",
        name,
        tf,
        ("AWS::Config::ConfigurationAggregator", cfn),
        ("aws:cfg/configurationAggregator:ConfigurationAggregator", pulumi),
        blocks=("organization_aggregation_source", "account_aggregation_source"),
    )


# --- Database parameter groups -------------------------------------------------------------------------

PARAMETER_GROUPS = {
    # tf type: (family, CloudFormation type, Pulumi token, parameter)
    "aws_redshift_parameter_group": (
        "redshift-1.0", "AWS::Redshift::ClusterParameterGroup", "aws:redshift/parameterGroup:ParameterGroup",
        "enable_user_activity_logging",
    ),
    "aws_docdb_cluster_parameter_group": (
        "docdb5.0", "AWS::DocDB::DBClusterParameterGroup",
        "aws:docdb/clusterParameterGroup:ClusterParameterGroup", "audit_logs",
    ),
    "aws_neptune_cluster_parameter_group": (
        "neptune1.3", "AWS::Neptune::DBClusterParameterGroup",
        "aws:neptune/clusterParameterGroup:ClusterParameterGroup", "neptune_enable_audit_log",
    ),
}  # fmt: skip


def parameter_group(tf_type: str, name: str, value: Any | None) -> Case:
    """A parameter group with the engine's audit parameter set to ``value`` (None: left out)."""
    family, cfn_type, token, parameter = PARAMETER_GROUPS[tf_type]
    group = name.replace("_", "-")
    params: list[tuple[str, Any]] = [
        ("require_ssl" if "redshift" in tf_type else "tls", "true" if "redshift" in tf_type else "enabled")
    ]
    if value is not None:
        params.append((parameter, value))
    tf: dict[str, Any] = {
        "name": group,
        "family": family,
        "parameter": [{"name": k, "value": _tf(v)} for k, v in params],
    }
    pulumi: dict[str, Any] = {
        "name": group,
        "family": family,
        "parameters": [{"name": k, "value": _pulumi(v)} for k, v in params],
    }
    cfn: dict[str, Any] = {"Description": group, "Family": family}
    if tf_type == "aws_redshift_parameter_group":
        cfn["ParameterGroupFamily"] = cfn.pop("Family")
        cfn["Parameters"] = [{"ParameterName": k, "ParameterValue": _cfn(v)} for k, v in params]
    else:
        cfn["Name"] = group
        cfn["Parameters"] = {k: _cfn(v) for k, v in params}
    return Case(tf_type, name, tf, (cfn_type, cfn), (token, pulumi), blocks=("parameter",))


# --- API Gateway v2 (WebSocket) -----------------------------------------------------------------------


def v2_api(name: str, protocol: str) -> Case:
    tf: dict[str, Any] = {"name": name, "protocol_type": protocol}
    cfn: dict[str, Any] = {"Name": name, "ProtocolType": protocol}
    pulumi: dict[str, Any] = {"name": name, "protocolType": protocol}
    if protocol == "WEBSOCKET":
        tf["route_selection_expression"] = cfn["RouteSelectionExpression"] = "$request.body.action"
        pulumi["routeSelectionExpression"] = "$request.body.action"
    return Case(
        "aws_apigatewayv2_api",
        name,
        tf,
        ("AWS::ApiGatewayV2::Api", cfn),
        ("aws:apigatewayv2/api:Api", pulumi),
    )


def v2_stage(name: str, api: str, level: Any | None) -> Case:
    """A stage of ``api``; ``level`` sets default_route_settings.logging_level (None: no settings)."""
    target = Ref(f"aws_apigatewayv2_api.{api}", "id")
    tf: dict[str, Any] = {"api_id": target, "name": name.replace("_", "-")}
    cfn: dict[str, Any] = {"ApiId": target, "StageName": name.replace("_", "-")}
    pulumi: dict[str, Any] = {"apiId": target, "name": name.replace("_", "-")}
    if level is not None:
        tf["default_route_settings"] = [{"logging_level": _tf(level), "throttling_burst_limit": 100}]
        cfn["DefaultRouteSettings"] = {"LoggingLevel": _cfn(level), "ThrottlingBurstLimit": 100}
        pulumi["defaultRouteSettings"] = {"loggingLevel": _pulumi(level), "throttlingBurstLimit": 100}
    return Case(
        "aws_apigatewayv2_stage",
        name,
        tf,
        ("AWS::ApiGatewayV2::Stage", cfn),
        ("aws:apigatewayv2/stage:Stage", pulumi),
        blocks=("default_route_settings",),
    )


# --- API Gateway deployments ------------------------------------------------------------------------------


def deployment(name: str, stage: Any | None, access_logs: bool = False, template: bool = True) -> Case:
    """A REST API deployment; ``stage`` is its stage_name (None: no stage). Only CloudFormation can give
    that stage access logs (StageDescription.AccessLogSetting)."""
    api = "abc123defg"
    tf: dict[str, Any] = {"rest_api_id": api}
    cfn: dict[str, Any] = {"RestApiId": api}
    pulumi: dict[str, Any] = {"restApi": api}
    if stage is not None:
        tf["stage_name"] = _tf(stage)
        cfn["StageName"] = _cfn(stage)
        pulumi["stageName"] = _pulumi(stage)
        description: dict[str, Any] = {"LoggingLevel": "INFO", "MetricsEnabled": True}
        if access_logs:
            description["AccessLogSetting"] = {
                "DestinationArn": LOG_GROUP_ARN,
                "Format": "$context.requestId",
            }
        cfn["StageDescription"] = description
    return Case(
        "aws_api_gateway_deployment",
        name,
        None if access_logs else tf,
        ("AWS::ApiGateway::Deployment", cfn) if template else None,
        None if access_logs else ("aws:apigateway/deployment:Deployment", pulumi),
    )


# --- Session Manager preferences --------------------------------------------------------------------------


def session_document(
    name: str, inputs: dict[str, Any], document_type: str = "Session", document_format: str = "JSON"
) -> Case:
    """Session Manager preferences (document_type Session) with these content inputs, written as JSON or
    (``document_format`` "YAML") as YAML text."""
    content = {"schemaVersion": "1.0", "description": "Session Manager preferences",
               "sessionType": "Standard_Stream", "inputs": inputs}  # fmt: skip
    text = (
        yaml.safe_dump(content, sort_keys=False)
        if document_format == "YAML"
        else json.dumps(content, separators=(",", ":"))
    )
    tf = {"name": f"SSM-SessionManagerRunShell-{name}", "document_type": document_type,
          "document_format": document_format, "content": text}  # fmt: skip
    cfn = {"Name": f"SSM-SessionManagerRunShell-{name}", "DocumentType": document_type,
           "DocumentFormat": document_format, "Content": content}  # fmt: skip
    pulumi = {"name": f"SSM-SessionManagerRunShell-{name}", "documentType": document_type,
              "documentFormat": document_format, "content": text}  # fmt: skip
    return Case(
        "aws_ssm_document", name, tf, ("AWS::SSM::Document", cfn), ("aws:ssm/document:Document", pulumi)
    )


# --- Lambda --------------------------------------------------------------------------------------------

LAMBDA_ROLE_ARN = f"arn:aws:iam::{ACCOUNT}:role/lambda-orders"


def lambda_function(name: str, log_format: Any | None, level: Any | None) -> Case:
    """A function; ``log_format`` and ``level`` set logging_config.log_format and .system_log_level (both
    None: no logging_config)."""
    tf: dict[str, Any] = {
        "function_name": name,
        "role": LAMBDA_ROLE_ARN,
        "handler": "index.handler",
        "runtime": "python3.12",
        "filename": "orders.zip",
    }
    cfn: dict[str, Any] = {
        "FunctionName": name,
        "Role": LAMBDA_ROLE_ARN,
        "Handler": "index.handler",
        "Runtime": "python3.12",
        "Code": {"S3Bucket": "acme-artifacts", "S3Key": "orders.zip"},
    }
    pulumi: dict[str, Any] = {
        "name": name,
        "role": LAMBDA_ROLE_ARN,
        "handler": "index.handler",
        "runtime": "python3.12",
        "code": "orders.zip",
    }
    if log_format is not None or level is not None:
        tf_config: dict[str, Any] = {}
        cfn_config: dict[str, Any] = {}
        pulumi_config: dict[str, Any] = {}
        if log_format is not None:
            tf_config["log_format"] = _tf(log_format)
            cfn_config["LogFormat"] = _cfn(log_format)
            pulumi_config["logFormat"] = _pulumi(log_format)
        if level is not None:
            tf_config["system_log_level"] = _tf(level)
            cfn_config["SystemLogLevel"] = _cfn(level)
            pulumi_config["systemLogLevel"] = _pulumi(level)
        tf["logging_config"] = [tf_config]
        cfn["LoggingConfig"] = cfn_config
        pulumi["loggingConfig"] = pulumi_config
    return Case(
        "aws_lambda_function",
        name,
        tf,
        ("AWS::Lambda::Function", cfn),
        ("aws:lambda/function:Function", pulumi),
        blocks=("logging_config",),
    )


# --- EKS -----------------------------------------------------------------------------------------------

EKS_ROLE_ARN = f"arn:aws:iam::{ACCOUNT}:role/eks-cluster"
AUDIT_TYPES = ["api", "audit", "authenticator"]
ALL_EKS_TYPES = [*AUDIT_TYPES, "controllerManager", "scheduler"]


def eks_cluster(name: str, types: list[Any] | Unknown | None) -> Case:
    """A cluster; ``types`` sets enabled_cluster_log_types (CloudFormation Logging.ClusterLogging
    .EnabledTypes; None: no logging). An Unknown entry is one type known only at apply; an Unknown list is
    the whole list in Terraform and Pulumi and a last unknown entry in CloudFormation (a template lists
    entries, each a {Type} object)."""
    tf: dict[str, Any] = {
        "name": name,
        "role_arn": EKS_ROLE_ARN,
        "vpc_config": [{"subnet_ids": ["subnet-0a1b2c3d", "subnet-1b2c3d4e"]}],
    }
    cfn: dict[str, Any] = {
        "Name": name,
        "RoleArn": EKS_ROLE_ARN,
        "ResourcesVpcConfig": {"SubnetIds": ["subnet-0a1b2c3d", "subnet-1b2c3d4e"]},
    }
    pulumi: dict[str, Any] = {
        "name": name,
        "roleArn": EKS_ROLE_ARN,
        "vpcConfig": {"subnetIds": ["subnet-0a1b2c3d", "subnet-1b2c3d4e"]},
    }
    if isinstance(types, Unknown):
        tf["enabled_cluster_log_types"] = types.terraform
        cfn["Logging"] = {
            "ClusterLogging": {
                "EnabledTypes": [*({"Type": kind} for kind in AUDIT_TYPES), {"Type": types.cloudformation}]
            }
        }
        pulumi["enabledClusterLogTypes"] = types.pulumi
    elif types is not None:
        tf["enabled_cluster_log_types"] = types
        cfn["Logging"] = {"ClusterLogging": {"EnabledTypes": [{"Type": kind} for kind in types]}}
        pulumi["enabledClusterLogTypes"] = types
    return Case(
        "aws_eks_cluster",
        name,
        tf,
        ("AWS::EKS::Cluster", cfn),
        ("aws:eks/cluster:Cluster", pulumi),
        blocks=("vpc_config",),
    )


FIXTURES: dict[str, list[Case]] = {
    "LOG-SFN-001": [
        state_machine("pass_all", "ALL"),
        state_machine("pass_errors", "ERROR"),
        state_machine("fail_no_logging", None),
        state_machine("fail_off", "OFF"),
        state_machine("undetermined_level_variable", Unknown("log_level", "LogLevel")),
    ],
    "LOG-CODEBUILD-001": [
        codebuild("pass_default_cloudwatch", None, None),
        codebuild("pass_s3_only", "DISABLED", "ENABLED"),
        codebuild("pass_cloudwatch_on", "ENABLED", "DISABLED"),
        codebuild("fail_both_off", "DISABLED", "DISABLED"),
        codebuild("fail_cloudwatch_off", "DISABLED", None),
        codebuild("undetermined_cloudwatch_variable", Unknown("cloudwatch_status", "CloudWatchStatus"), None),
    ],
    "LOG-MWAA-001": [
        mwaa("pass_all_logs", ALL_MWAA_ON),
        mwaa("fail_no_logging", None),
        mwaa("fail_task_logs_only", {"task_logs": True}),
        mwaa("fail_worker_logs_off", {**ALL_MWAA_ON, "worker_logs": False}),
        mwaa(
            "undetermined_scheduler_variable",
            {**ALL_MWAA_ON, "scheduler_logs": Unknown("scheduler", "Scheduler")},
        ),
    ],
    "LOG-APPSYNC-001": [
        graphql_api("pass_all", "ALL"),
        graphql_api("pass_errors", "ERROR"),
        graphql_api("fail_no_log_config", None),
        graphql_api("fail_none", "NONE"),
        graphql_api("undetermined_level_variable", Unknown("field_log_level", "FieldLogLevel")),
    ],
    "LOG-ECS-001": [
        ecs_cluster("pass_default", None),
        ecs_cluster("pass_default_logging", "DEFAULT"),
        ecs_cluster("pass_override_group", "OVERRIDE", "/ecs/exec"),
        ecs_cluster("fail_none", "NONE"),
        ecs_cluster("fail_override_nowhere", "OVERRIDE"),
        ecs_cluster("undetermined_logging_variable", Unknown("exec_logging", "ExecLogging")),
    ],
    "LOG-WAF-002": [
        waf_classic("aws_waf_web_acl", "pass_global_logged", True),
        waf_classic("aws_wafregional_web_acl", "pass_regional_logged", True),
        waf_classic("aws_waf_web_acl", "fail_global_unlogged", False),
        waf_classic("aws_wafregional_web_acl", "fail_regional_unlogged", False),
    ],
    "LOG-ROUTE53-001": [
        *hosted_zone("pass_public_logged", "separate"),
        *hosted_zone("fail_public_unlogged"),
        *hosted_zone("private_zone", private=True),
    ],
    "LOG-S3-002": [
        *log_bucket("fail_lock_without_default_retention", "inline"),
        trail_to("fail_lock_without_default_retention"),
        *log_bucket("pass_trail_bucket_lock_configuration", "separate"),
        trail_to("pass_trail_bucket_lock_configuration"),
        *log_bucket("fail_governance_retention", "separate", "GOVERNANCE"),
        trail_to("fail_governance_retention"),
        *log_bucket("undetermined_retention_mode_variable", "separate", Unknown("lock_mode", "LockMode")),
        trail_to("undetermined_retention_mode_variable"),
        *log_bucket("fail_unlocked_trail_bucket", None),
        trail_to("fail_unlocked_trail_bucket"),
        *log_bucket("fail_unlocked_access_log_target", None),
        *access_logs_to("fail_unlocked_access_log_target"),
    ],
    "LOG-CONFIG-001": [
        recorder("pass_default_group", None),
        recorder("pass_all_supported", True),
        recorder("fail_picked_types", False),
        recorder("undetermined_all_supported_variable", Unknown("all_supported", "AllSupported")),
        cfn_recorder_types_only("fail_types_without_all_supported"),
    ],
    "LOG-CONFIG-002": [
        aggregator("pass_organisation_all_regions", True, True),
        aggregator("pass_accounts_all_regions", False, True),
        aggregator("fail_organisation_one_region", True, False),
        aggregator("fail_accounts_one_region", False, False),
        aggregator("undetermined_all_regions_variable", True, Unknown("all_regions", "AllRegions")),
    ],
    "LOG-DBPARAM-001": [
        parameter_group("aws_redshift_parameter_group", "pass_redshift_user_activity", "true"),
        parameter_group("aws_redshift_parameter_group", "fail_redshift_not_set", None),
        parameter_group("aws_redshift_parameter_group", "fail_redshift_off", "false"),
        parameter_group("aws_docdb_cluster_parameter_group", "pass_docdb_audit", "enabled"),
        parameter_group("aws_docdb_cluster_parameter_group", "fail_docdb_disabled", "disabled"),
        parameter_group("aws_neptune_cluster_parameter_group", "pass_neptune_audit", "1"),
        parameter_group("aws_neptune_cluster_parameter_group", "fail_neptune_not_set", None),
        parameter_group(
            "aws_redshift_parameter_group",
            "undetermined_redshift_variable",
            Unknown("user_activity", "UserActivity"),
        ),
    ],
    "LOG-APIGATEWAY-003": [
        v2_api("chat", "WEBSOCKET"),
        v2_api("orders", "HTTP"),
        v2_stage("pass_websocket_info", "chat", "INFO"),
        v2_stage("pass_websocket_errors", "chat", "ERROR"),
        v2_stage("fail_websocket_no_settings", "chat", None),
        v2_stage("fail_websocket_off", "chat", "OFF"),
        v2_stage("undetermined_websocket_level_variable", "chat", Unknown("route_logging", "RouteLogging")),
        v2_stage("http_stage_not_judged", "orders", None),
    ],
    "LOG-APIGATEWAY-004": [
        deployment("pass_stage_with_access_logs", "prod", access_logs=True),
        deployment("fail_stage_without_access_logs", "prod"),
        # In a template a stage of any name without access logs fails: this unknown is Terraform's, Pulumi's.
        deployment("undetermined_stage_variable", Unknown("stage", "Stage"), template=False),
        deployment("deployment_without_stage", None),
    ],
    "LOG-SSM-001": [
        session_document(
            "pass_cloudwatch_encrypted",
            {"cloudWatchLogGroupName": "/ssm/sessions", "cloudWatchEncryptionEnabled": True},
        ),
        session_document("pass_s3_encrypted", {"s3BucketName": "acme-sessions", "s3EncryptionEnabled": True}),
        session_document("fail_no_destination", {"runAsEnabled": False, "idleSessionTimeout": "20"}),
        session_document(
            "fail_s3_unencrypted", {"s3BucketName": "acme-sessions", "s3EncryptionEnabled": False}
        ),
        session_document("command_document", {}, document_type="Command"),
        # document_format YAML: the content is YAML text.
        session_document(
            "pass_s3_encrypted_yaml",
            {"s3BucketName": "acme-sessions", "s3EncryptionEnabled": True},
            document_format="YAML",
        ),
        session_document("fail_no_destination_yaml", {"runAsEnabled": False}, document_format="YAML"),
    ],
    "LOG-LAMBDA-001": [
        lambda_function("pass_default_logging", None, None),
        lambda_function("pass_json_info", "JSON", "INFO"),
        lambda_function("pass_json_debug", "JSON", "DEBUG"),
        lambda_function("pass_text_format", "Text", None),
        lambda_function("fail_json_warn", "JSON", "WARN"),
        lambda_function("undetermined_level_variable", "JSON", Unknown("system_log_level", "SystemLogLevel")),
        lambda_function("undetermined_format_variable", Unknown("log_format", "LogFormat"), "WARN"),
    ],
    "LOG-EKS-002": [
        eks_cluster("pass_all_log_types", ALL_EKS_TYPES),
        eks_cluster("fail_audit_types_only", AUDIT_TYPES),
        eks_cluster("fail_no_logging", None),
        eks_cluster("fail_scheduler_missing", [*AUDIT_TYPES, "controllerManager"]),
        eks_cluster("undetermined_log_types_variable", Unknown("cluster_log_types", "ExtraLogType")),
    ],
}


def main() -> None:
    for rule_id, cases in FIXTURES.items():
        write(PACK, rule_id, cases, project=PROJECT)


if __name__ == "__main__":
    main()
