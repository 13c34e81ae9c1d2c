"""Fixtures of the AWS audit-logging rules of the aws_log group (issue 5), in all four formats.

Each case is a resource named by its expected outcome with its Terraform arguments, its CloudFormation
properties and its Pulumi inputs. Rewrite the checked-in files after editing a case:

    .venv/bin/python tests/rules/aws_log/generate_fixtures.py
"""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from fixture_writer import ACCOUNT, REGION, Case, Ref, write

__all__ = ["FIXTURES", "PACK", "PROJECT", "main", "write"]

PACK = "audit-logging"
PROJECT = "auditlog"

# The value `pulumi preview` shows for an output known only after the update.
PULUMI_UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

LOG_BUCKET = "acme-access-logs"
SUBNETS = ["subnet-0a1b2c3d", "subnet-4e5f6a7b"]


def load_balancer(name: str, kind: str, logs: dict[str, Any] | None, alias: bool = False) -> Case:
    """An ALB/NLB/GWLB; ``logs`` are the Terraform access_logs arguments (bucket, enabled), written for
    CloudFormation as LoadBalancerAttributes access_logs.s3.* (string values, as the API takes them).
    ``alias``: declared as aws_alb (Pulumi aws:alb/loadBalancer), which CloudFormation does not have."""
    lb_name = name.replace("_", "-")
    tf: dict[str, Any] = {"name": lb_name, "load_balancer_type": kind, "subnets": SUBNETS}
    cfn: dict[str, Any] = {"Name": lb_name, "Type": kind, "Subnets": SUBNETS}
    pulumi: dict[str, Any] = {"name": lb_name, "loadBalancerType": kind, "subnets": SUBNETS}
    if logs is not None:
        tf["access_logs"] = [logs]
        pulumi["accessLogs"] = logs
        cfn["LoadBalancerAttributes"] = [
            {
                "Key": f"access_logs.s3.{key}",
                "Value": str(value).lower() if isinstance(value, bool) else value,
            }
            for key, value in logs.items()
        ]
    if alias:
        return Case(
            "aws_alb", name, tf, None, ("aws:alb/loadBalancer:LoadBalancer", pulumi), blocks=("access_logs",)
        )
    return Case(
        "aws_lb",
        name,
        tf,
        ("AWS::ElasticLoadBalancingV2::LoadBalancer", cfn),
        ("aws:lb/loadBalancer:LoadBalancer", pulumi),
        blocks=("access_logs",),
    )


def classic_elb(name: str, logs: dict[str, Any] | None) -> Case:
    """A classic ELB; ``logs`` are the Terraform access_logs arguments (CloudFormation AccessLoggingPolicy,
    whose Enabled is required)."""
    elb_name = name.replace("_", "-")
    listener = {"instance_port": 8080, "instance_protocol": "http", "lb_port": 80, "lb_protocol": "http"}
    tf: dict[str, Any] = {"name": elb_name, "subnets": SUBNETS, "listener": [listener]}
    cfn: dict[str, Any] = {
        "LoadBalancerName": elb_name,
        "Subnets": SUBNETS,
        "Listeners": [{"InstancePort": "8080", "LoadBalancerPort": "80", "Protocol": "HTTP"}],
    }
    pulumi: dict[str, Any] = {
        "name": elb_name,
        "subnets": SUBNETS,
        "listeners": [{"instancePort": 8080, "instanceProtocol": "http", "lbPort": 80, "lbProtocol": "http"}],
    }
    if logs is not None:
        tf["access_logs"] = [logs]
        pulumi["accessLogs"] = logs
        cfn["AccessLoggingPolicy"] = {
            "Enabled": logs.get("enabled", True),
            "S3BucketName": logs["bucket"],
            "EmitInterval": 60,
        }
    return Case(
        "aws_elb",
        name,
        tf,
        ("AWS::ElasticLoadBalancing::LoadBalancer", cfn),
        ("aws:elb/loadBalancer:LoadBalancer", pulumi),
        blocks=("listener", "access_logs"),
    )


def distribution(name: str, logging: bool) -> Case:
    """A CloudFront distribution of an S3 origin; with ``logging`` its standard logs go to a bucket."""
    origin = {"domain_name": "acme-site.s3.eu-west-1.amazonaws.com", "origin_id": "site"}
    behaviour = {
        "target_origin_id": "site",
        "viewer_protocol_policy": "redirect-to-https",
        "allowed_methods": ["GET", "HEAD"],
        "cached_methods": ["GET", "HEAD"],
        "cache_policy_id": "658327ea-f89d-4fab-a63d-7e88639e58f6",
    }
    tf: dict[str, Any] = {
        "enabled": True,
        "origin": [{**origin, "s3_origin_config": [{"origin_access_identity": ""}]}],
        "default_cache_behavior": [behaviour],
        "restrictions": [{"geo_restriction": [{"restriction_type": "none"}]}],
        "viewer_certificate": [{"cloudfront_default_certificate": True}],
    }
    config: dict[str, Any] = {
        "Enabled": True,
        "Origins": [{"DomainName": origin["domain_name"], "Id": "site", "S3OriginConfig": {}}],
        "DefaultCacheBehavior": {
            "TargetOriginId": "site",
            "ViewerProtocolPolicy": "redirect-to-https",
            "CachePolicyId": behaviour["cache_policy_id"],
        },
    }
    pulumi: dict[str, Any] = {
        "enabled": True,
        "origins": [{"domainName": origin["domain_name"], "originId": "site"}],
        "defaultCacheBehavior": {
            "targetOriginId": "site",
            "viewerProtocolPolicy": "redirect-to-https",
            "allowedMethods": ["GET", "HEAD"],
            "cachedMethods": ["GET", "HEAD"],
            "cachePolicyId": behaviour["cache_policy_id"],
        },
        "restrictions": {"geoRestriction": {"restrictionType": "none"}},
        "viewerCertificate": {"cloudfrontDefaultCertificate": True},
    }
    if logging:
        bucket = f"{LOG_BUCKET}.s3.amazonaws.com"
        tf["logging_config"] = [{"bucket": bucket, "prefix": f"cloudfront/{name}/"}]
        config["Logging"] = {"Bucket": bucket, "Prefix": f"cloudfront/{name}/"}
        pulumi["loggingConfig"] = {"bucket": bucket, "prefix": f"cloudfront/{name}/"}
    blocks = (
        "origin",
        "s3_origin_config",
        "default_cache_behavior",
        "restrictions",
        "geo_restriction",
        "viewer_certificate",
        "logging_config",
    )
    return Case(
        "aws_cloudfront_distribution",
        name,
        tf,
        ("AWS::CloudFront::Distribution", {"DistributionConfig": config}),
        ("aws:cloudfront/distribution:Distribution", pulumi),
        blocks=blocks,
    )


ACCESS_LOG_GROUP = f"arn:aws:logs:{REGION}:{ACCOUNT}:log-group:/apigateway/access"
ACCESS_LOG_FORMAT = (
    '{"requestId":"$context.requestId","ip":"$context.identity.sourceIp","status":"$context.status"}'
)


def rest_stage(name: str, access_logs: bool) -> Case:
    """A REST API (v1) stage; with ``access_logs`` it writes access logs to a log group."""
    tf: dict[str, Any] = {"stage_name": "prod", "rest_api_id": "a1b2c3d4e5", "deployment_id": "dep123"}
    cfn: dict[str, Any] = {"StageName": "prod", "RestApiId": "a1b2c3d4e5", "DeploymentId": "dep123"}
    pulumi: dict[str, Any] = {"stageName": "prod", "restApi": "a1b2c3d4e5", "deployment": "dep123"}
    if access_logs:
        tf["access_log_settings"] = [{"destination_arn": ACCESS_LOG_GROUP, "format": ACCESS_LOG_FORMAT}]
        cfn["AccessLogSetting"] = {"DestinationArn": ACCESS_LOG_GROUP, "Format": ACCESS_LOG_FORMAT}
        pulumi["accessLogSettings"] = {"destinationArn": ACCESS_LOG_GROUP, "format": ACCESS_LOG_FORMAT}
    return Case(
        "aws_api_gateway_stage",
        name,
        tf,
        ("AWS::ApiGateway::Stage", cfn),
        ("aws:apigateway/stage:Stage", pulumi),
        blocks=("access_log_settings",),
    )


def http_stage(name: str, access_logs: bool) -> Case:
    """An HTTP/WebSocket API (v2) stage; with ``access_logs`` it writes access logs to a log group."""
    tf: dict[str, Any] = {"name": "prod", "api_id": "f6g7h8i9j0", "auto_deploy": True}
    cfn: dict[str, Any] = {"StageName": "prod", "ApiId": "f6g7h8i9j0", "AutoDeploy": True}
    pulumi: dict[str, Any] = {"name": "prod", "apiId": "f6g7h8i9j0", "autoDeploy": True}
    if access_logs:
        tf["access_log_settings"] = [{"destination_arn": ACCESS_LOG_GROUP, "format": ACCESS_LOG_FORMAT}]
        cfn["AccessLogSettings"] = {"DestinationArn": ACCESS_LOG_GROUP, "Format": ACCESS_LOG_FORMAT}
        pulumi["accessLogSettings"] = {"destinationArn": ACCESS_LOG_GROUP, "format": ACCESS_LOG_FORMAT}
    return Case(
        "aws_apigatewayv2_stage",
        name,
        tf,
        ("AWS::ApiGatewayV2::Stage", cfn),
        ("aws:apigatewayv2/stage:Stage", pulumi),
        blocks=("access_log_settings",),
    )


FIREHOSE_ARN = f"arn:aws:firehose:{REGION}:{ACCOUNT}:deliverystream/aws-waf-logs-acme"


def web_acl(name: str, logged: bool) -> list[Case]:
    """A regional WAFv2 web ACL; when ``logged`` an aws_wafv2_web_acl_logging_configuration names it."""
    visibility = {"cloudwatch_metrics_enabled": True, "metric_name": name, "sampled_requests_enabled": True}
    tf: dict[str, Any] = {
        "name": name,
        "scope": "REGIONAL",
        "default_action": [{"allow": [{}]}],
        "visibility_config": [visibility],
    }
    cfn: dict[str, Any] = {
        "Name": name,
        "Scope": "REGIONAL",
        "DefaultAction": {"Allow": {}},
        "VisibilityConfig": {
            "CloudWatchMetricsEnabled": True,
            "MetricName": name,
            "SampledRequestsEnabled": True,
        },
    }
    pulumi: dict[str, Any] = {
        "name": name,
        "scope": "REGIONAL",
        "defaultAction": {"allow": {}},
        "visibilityConfig": {
            "cloudwatchMetricsEnabled": True,
            "metricName": name,
            "sampledRequestsEnabled": True,
        },
    }
    cases = [
        Case(
            "aws_wafv2_web_acl",
            name,
            tf,
            ("AWS::WAFv2::WebACL", cfn),
            ("aws:wafv2/webAcl:WebAcl", pulumi),
            blocks=("default_action", "allow", "visibility_config"),
        )
    ]
    if logged:
        target = Ref(f"aws_wafv2_web_acl.{name}", "arn")
        cases.append(
            Case(
                "aws_wafv2_web_acl_logging_configuration",
                f"{name}_logging",
                {"resource_arn": target, "log_destination_configs": [FIREHOSE_ARN]},
                (
                    "AWS::WAFv2::LoggingConfiguration",
                    {"ResourceArn": target, "LogDestinationConfigs": [FIREHOSE_ARN]},
                ),
                (
                    "aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration",
                    {"resourceArn": target, "logDestinationConfigs": [FIREHOSE_ARN]},
                ),
            )
        )
    return cases


def delivery_source(distribution_name: str) -> Case:
    """A CloudWatch Logs delivery source (CloudFront standard logging v2) naming a distribution."""
    target = Ref(f"aws_cloudfront_distribution.{distribution_name}", "arn")
    name = f"{distribution_name}_access_logs"
    return Case(
        "aws_cloudwatch_log_delivery_source",
        name,
        {"name": name.replace("_", "-"), "log_type": "ACCESS_LOGS", "resource_arn": target},
        (
            "AWS::Logs::DeliverySource",
            {"Name": name.replace("_", "-"), "LogType": "ACCESS_LOGS", "ResourceArn": target},
        ),
        (
            "aws:cloudwatch/logDeliverySource:LogDeliverySource",
            {"name": name.replace("_", "-"), "logType": "ACCESS_LOGS", "resourceArn": target},
        ),
    )


def trail(name: str, selectors: str | None) -> Case:
    """A multi-region trail; ``selectors`` adds S3 data events: "basic" an event_selector with a
    data_resource, "advanced" an advanced_event_selector, "lambda" a data_resource of Lambda only."""
    tf: dict[str, Any] = {"name": name, "s3_bucket_name": "acme-audit-trail", "is_multi_region_trail": True}
    cfn: dict[str, Any] = {
        "TrailName": name,
        "S3BucketName": "acme-audit-trail",
        "IsMultiRegionTrail": True,
        "IsLogging": True,
    }
    pulumi: dict[str, Any] = {"name": name, "s3BucketName": "acme-audit-trail", "isMultiRegionTrail": True}
    if selectors in ("basic", "lambda"):
        kind, values = (
            # One bucket: a trail recording every bucket would cover the other trails of the fixture
            # (LOG-CLOUDTRAIL-006 is judged across the trails of a configuration; see org/).
            ("AWS::S3::Object", ["arn:aws:s3:::acme-ledger/"])
            if selectors == "basic"
            else ("AWS::Lambda::Function", ["arn:aws:lambda"])
        )
        tf["event_selector"] = [
            {
                "read_write_type": "All",
                "include_management_events": True,
                "data_resource": [{"type": kind, "values": values}],
            }
        ]
        cfn["EventSelectors"] = [
            {
                "ReadWriteType": "All",
                "IncludeManagementEvents": True,
                "DataResources": [{"Type": kind, "Values": values}],
            }
        ]
        pulumi["eventSelectors"] = [
            {
                "readWriteType": "All",
                "includeManagementEvents": True,
                "dataResources": [{"type": kind, "values": values}],
            }
        ]
    elif selectors == "advanced":
        fields = [
            ("eventCategory", ["Data"]),
            ("resources.type", ["AWS::S3::Object"]),
            ("resources.ARN", ["arn:aws:s3:::acme-ledger/statements"]),
        ]
        tf["advanced_event_selector"] = [
            {"name": "S3 data events", "field_selector": [{"field": f, "equals": e} for f, e in fields]}
        ]
        cfn["AdvancedEventSelectors"] = [
            {"Name": "S3 data events", "FieldSelectors": [{"Field": f, "Equals": e} for f, e in fields]}
        ]
        pulumi["advancedEventSelectors"] = [
            {"name": "S3 data events", "fieldSelectors": [{"field": f, "equals": e} for f, e in fields]}
        ]
    return Case(
        "aws_cloudtrail",
        name,
        tf,
        ("AWS::CloudTrail::Trail", cfn),
        ("aws:cloudtrail/trail:Trail", pulumi),
        blocks=("event_selector", "data_resource", "advanced_event_selector", "field_selector"),
    )


def execution_logged_stage(name: str, level: str | None, literal_name: bool = False) -> list[Case]:
    """A REST API stage with ``level`` as the logging level of all its methods: HCL and Pulumi through an
    aws_api_gateway_method_settings naming the stage, CloudFormation through the stage's MethodSettings.
    ``literal_name``: the method settings write the stage's name as a literal and depend on the stage."""
    stage = rest_stage(name, True)
    if level is None:
        return [stage]
    assert stage.cloudformation is not None
    cfn = {
        **stage.cloudformation[1],
        "MethodSettings": [
            {"ResourcePath": "/*", "HttpMethod": "*", "LoggingLevel": level, "MetricsEnabled": True}
        ],
    }
    stage = Case(
        stage.tf_type,
        stage.name,
        stage.terraform,
        (stage.cloudformation[0], cfn),
        stage.pulumi,
        blocks=stage.blocks,
    )
    target: Any = "prod" if literal_name else Ref(f"aws_api_gateway_stage.{name}", "stage_name")
    settings = Case(
        "aws_api_gateway_method_settings",
        f"{name}_methods",
        {
            "rest_api_id": "a1b2c3d4e5",
            "stage_name": target,
            "method_path": "*/*",
            "settings": [{"logging_level": level, "metrics_enabled": True}],
        },
        None,
        (
            "aws:apigateway/methodSettings:MethodSettings",
            {
                "restApi": "a1b2c3d4e5",
                "stageName": target,
                "methodPath": "*/*",
                "settings": {"loggingLevel": level, "metricsEnabled": True},
            },
        ),
        blocks=("settings",),
        depends_on=(f"aws_api_gateway_stage.{name}",) if literal_name else (),
    )
    return [stage, settings]


def redshift(name: str, logging: str | None) -> list[Case]:
    """A Redshift cluster; ``logging`` "inline" writes the logging block (CloudFormation
    LoggingProperties), "separate" an aws_redshift_logging (CloudFormation still LoggingProperties),
    "off" an inline logging block with enable = false (CloudFormation: no LoggingProperties)."""
    identifier = name.replace("_", "-")
    tf: dict[str, Any] = {
        "cluster_identifier": identifier,
        "node_type": "ra3.xlplus",
        "master_username": "admin",
        "manage_master_password": True,
        "encrypted": True,
    }
    cfn: dict[str, Any] = {
        "ClusterIdentifier": identifier,
        "NodeType": "ra3.xlplus",
        "ClusterType": "single-node",
        "DBName": "dev",
        "MasterUsername": "admin",
        "ManageMasterPassword": True,
        "Encrypted": True,
    }
    pulumi: dict[str, Any] = {
        "clusterIdentifier": identifier,
        "nodeType": "ra3.xlplus",
        "masterUsername": "admin",
        "manageMasterPassword": True,
        "encrypted": True,
    }
    cases: list[Case] = []
    if logging in ("inline", "separate"):
        cfn["LoggingProperties"] = {
            "LogDestinationType": "cloudwatch",
            "LogExports": ["connectionlog", "userlog", "useractivitylog"],
        }
    if logging == "inline":
        tf["logging"] = [{"enable": True, "bucket_name": LOG_BUCKET, "s3_key_prefix": "redshift/"}]
        pulumi["logging"] = {"enable": True, "bucketName": LOG_BUCKET, "s3KeyPrefix": "redshift/"}
    elif logging == "off":
        tf["logging"] = [{"enable": False}]
        pulumi["logging"] = {"enable": False}
    elif logging == "separate":
        target = Ref(f"aws_redshift_cluster.{name}", "id")
        exports = ["connectionlog", "userlog", "useractivitylog"]
        cases.append(
            Case(
                "aws_redshift_logging",
                f"{name}_logging",
                {"cluster_identifier": target, "log_destination_type": "cloudwatch", "log_exports": exports},
                None,
                (
                    "aws:redshift/logging:Logging",
                    {"clusterIdentifier": target, "logDestinationType": "cloudwatch", "logExports": exports},
                ),
            )
        )
    return [
        Case(
            "aws_redshift_cluster",
            name,
            tf,
            ("AWS::Redshift::Cluster", cfn),
            ("aws:redshift/cluster:Cluster", pulumi),
            blocks=("logging",),
        ),
        *cases,
    ]


def msk(name: str, destinations: dict[str, bool] | None) -> Case:
    """An MSK cluster; ``destinations`` maps cloudwatch_logs / firehose / s3 to their broker-log enabled."""
    identifier = name.replace("_", "-")
    nodes = {"instance_type": "kafka.m5.large", "client_subnets": SUBNETS, "security_groups": ["sg-0a1b2c3d"]}
    tf: dict[str, Any] = {
        "cluster_name": identifier,
        "kafka_version": "3.6.0",
        "number_of_broker_nodes": 2,
        "broker_node_group_info": [nodes],
    }
    cfn: dict[str, Any] = {
        "ClusterName": identifier,
        "KafkaVersion": "3.6.0",
        "NumberOfBrokerNodes": 2,
        "BrokerNodeGroupInfo": {
            "InstanceType": "kafka.m5.large",
            "ClientSubnets": SUBNETS,
            "SecurityGroups": ["sg-0a1b2c3d"],
        },
    }
    pulumi: dict[str, Any] = {
        "clusterName": identifier,
        "kafkaVersion": "3.6.0",
        "numberOfBrokerNodes": 2,
        "brokerNodeGroupInfo": {
            "instanceType": "kafka.m5.large",
            "clientSubnets": SUBNETS,
            "securityGroups": ["sg-0a1b2c3d"],
        },
    }
    if destinations is not None:
        extra = {
            "cloudwatch_logs": ("log_group", "/msk/brokers"),
            "firehose": ("delivery_stream", "msk-logs"),
            "s3": ("bucket", LOG_BUCKET),
        }
        cfn_names = {"cloudwatch_logs": "CloudWatchLogs", "firehose": "Firehose", "s3": "S3"}
        cfn_extra = {"log_group": "LogGroup", "delivery_stream": "DeliveryStream", "bucket": "Bucket"}
        pulumi_names = {"cloudwatch_logs": "cloudwatchLogs", "firehose": "firehose", "s3": "s3"}
        pulumi_extra = {"log_group": "logGroup", "delivery_stream": "deliveryStream", "bucket": "bucket"}
        tf_logs: dict[str, Any] = {}
        cfn_logs: dict[str, Any] = {}
        pulumi_logs: dict[str, Any] = {}
        for kind, enabled in destinations.items():
            key, value = extra[kind]
            tf_logs[kind] = [{"enabled": enabled, key: value}]
            cfn_logs[cfn_names[kind]] = {"Enabled": enabled, cfn_extra[key]: value}
            pulumi_logs[pulumi_names[kind]] = {"enabled": enabled, pulumi_extra[key]: value}
        tf["logging_info"] = [{"broker_logs": [tf_logs]}]
        cfn["LoggingInfo"] = {"BrokerLogs": cfn_logs}
        pulumi["loggingInfo"] = {"brokerLogs": pulumi_logs}
    return Case(
        "aws_msk_cluster",
        name,
        tf,
        ("AWS::MSK::Cluster", cfn),
        ("aws:msk/cluster:Cluster", pulumi),
        blocks=("broker_node_group_info", "logging_info", "broker_logs", "cloudwatch_logs", "firehose", "s3"),
    )


OPENSEARCH_LOG_TYPES = ("AUDIT_LOGS", "ES_APPLICATION_LOGS", "INDEX_SLOW_LOGS", "SEARCH_SLOW_LOGS")


def opensearch(name: str, fine_grained: bool, log_types: dict[str, bool], legacy: bool = False) -> Case:
    """An OpenSearch (``legacy``: Elasticsearch) domain publishing ``log_types`` (type -> enabled) to a log
    group; with ``fine_grained`` it has fine-grained access control, without which audit logs cannot be on."""
    domain = name.replace("_", "-")[:28]
    group = f"arn:aws:logs:{REGION}:{ACCOUNT}:log-group:/opensearch/{domain}"
    tf: dict[str, Any] = {"domain_name": domain}
    cfn: dict[str, Any] = {"DomainName": domain}
    pulumi: dict[str, Any] = {"domainName": domain}
    version = (
        ("elasticsearch_version", "ElasticsearchVersion", "elasticsearchVersion", "7.10")
        if legacy
        else ("engine_version", "EngineVersion", "engineVersion", "OpenSearch_2.13")
    )
    tf[version[0]], cfn[version[1]], pulumi[version[2]] = version[3], version[3], version[3]
    if fine_grained:
        tf["advanced_security_options"] = [
            {
                "enabled": True,
                "internal_user_database_enabled": False,
                "master_user_options": [{"master_user_arn": f"arn:aws:iam::{ACCOUNT}:role/search-admin"}],
            }
        ]
        cfn["AdvancedSecurityOptions"] = {
            "Enabled": True,
            "InternalUserDatabaseEnabled": False,
            "MasterUserOptions": {"MasterUserARN": f"arn:aws:iam::{ACCOUNT}:role/search-admin"},
        }
        pulumi["advancedSecurityOptions"] = {
            "enabled": True,
            "internalUserDatabaseEnabled": False,
            "masterUserOptions": {"masterUserArn": f"arn:aws:iam::{ACCOUNT}:role/search-admin"},
        }
    if log_types:
        tf["log_publishing_options"] = [
            {"log_type": kind, "cloudwatch_log_group_arn": group, "enabled": on}
            for kind, on in log_types.items()
        ]
        cfn["LogPublishingOptions"] = {
            kind: {"CloudWatchLogsLogGroupArn": group, "Enabled": on} for kind, on in log_types.items()
        }
        pulumi["logPublishingOptions"] = [
            {"logType": kind, "cloudwatchLogGroupArn": group, "enabled": on} for kind, on in log_types.items()
        ]
    if legacy:
        return Case(
            "aws_elasticsearch_domain",
            name,
            tf,
            ("AWS::Elasticsearch::Domain", cfn),
            ("aws:elasticsearch/domain:Domain", pulumi),
            blocks=("advanced_security_options", "master_user_options", "log_publishing_options"),
        )
    return Case(
        "aws_opensearch_domain",
        name,
        tf,
        ("AWS::OpenSearchService::Domain", cfn),
        ("aws:opensearch/domain:Domain", pulumi),
        blocks=("advanced_security_options", "master_user_options", "log_publishing_options"),
    )


def mq_broker(name: str, engine: str, logs: dict[str, bool] | None) -> Case:
    """An Amazon MQ broker with ``logs`` (general / audit -> on)."""
    broker = name.replace("_", "-")
    version = "5.18" if engine == "ActiveMQ" else "3.13"
    tf: dict[str, Any] = {
        "broker_name": broker,
        "engine_type": engine,
        "engine_version": version,
        "host_instance_type": "mq.m5.large",
        "user": [{"username": "app", "password": "change-me-in-secrets-manager"}],
    }
    cfn: dict[str, Any] = {
        "BrokerName": broker,
        "EngineType": engine,
        "EngineVersion": version,
        "HostInstanceType": "mq.m5.large",
        "DeploymentMode": "SINGLE_INSTANCE",
        "PubliclyAccessible": False,
        "AutoMinorVersionUpgrade": True,
        "Users": [{"Username": "app", "Password": "{{resolve:secretsmanager:mq-app}}"}],
    }
    pulumi: dict[str, Any] = {
        "brokerName": broker,
        "engineType": engine,
        "engineVersion": version,
        "hostInstanceType": "mq.m5.large",
        "users": [{"username": "app", "password": "[secret]"}],
    }
    if logs is not None:
        tf["logs"] = [logs]
        cfn["Logs"] = {key.capitalize(): value for key, value in logs.items()}
        pulumi["logs"] = logs
    return Case(
        "aws_mq_broker",
        name,
        tf,
        ("AWS::AmazonMQ::Broker", cfn),
        ("aws:mq/broker:Broker", pulumi),
        blocks=("user", "logs"),
    )


def unknown_fine_grained(case: Case) -> Case:
    """``case`` (a domain with fine-grained access control) whose advanced_security_options.enabled is
    known only at apply: a module variable, an undeclared CloudFormation parameter, a Pulumi preview's
    unknown output. Audit logs are then required or not, which cannot be told."""
    assert case.terraform is not None and case.cloudformation is not None and case.pulumi is not None
    tf_options = case.terraform["advanced_security_options"][0]
    cfn_options = case.cloudformation[1]["AdvancedSecurityOptions"]
    pulumi_options = case.pulumi[1]["advancedSecurityOptions"]
    return replace(
        case,
        terraform={
            **case.terraform,
            "advanced_security_options": [{**tf_options, "enabled": Ref("var.fine_grained_access")}],
        },
        cloudformation=(
            case.cloudformation[0],
            {
                **case.cloudformation[1],
                "AdvancedSecurityOptions": {**cfn_options, "Enabled": {"Ref": "FineGrainedAccess"}},
            },
        ),
        pulumi=(
            case.pulumi[0],
            {**case.pulumi[1], "advancedSecurityOptions": {**pulumi_options, "enabled": PULUMI_UNKNOWN}},
        ),
    )


def unknown_engine(case: Case) -> Case:
    """``case`` with its engine type known only at apply: a module variable (``var.engine``), an undeclared
    CloudFormation parameter, a Pulumi preview's unknown output."""
    assert case.terraform is not None and case.cloudformation is not None and case.pulumi is not None
    return replace(
        case,
        terraform={**case.terraform, "engine_type": Ref("var.engine")},
        cloudformation=(
            case.cloudformation[0],
            {**case.cloudformation[1], "EngineType": {"Ref": "EngineType"}},
        ),
        pulumi=(case.pulumi[0], {**case.pulumi[1], "engineType": PULUMI_UNKNOWN}),
    )


def accelerator(name: str, flow_logs: bool | None) -> Case:
    """A Global Accelerator; ``flow_logs`` sets attributes.flow_logs_enabled. CloudFormation has no flow-log
    property (the API's UpdateAcceleratorAttributes only), so the rule covers Terraform and Pulumi."""
    tf: dict[str, Any] = {"name": name.replace("_", "-"), "ip_address_type": "IPV4", "enabled": True}
    pulumi: dict[str, Any] = {"name": name.replace("_", "-"), "ipAddressType": "IPV4", "enabled": True}
    if flow_logs is not None:
        tf["attributes"] = [
            {
                "flow_logs_enabled": flow_logs,
                "flow_logs_s3_bucket": LOG_BUCKET,
                "flow_logs_s3_prefix": "global-accelerator/",
            }
        ]
        pulumi["attributes"] = {
            "flowLogsEnabled": flow_logs,
            "flowLogsS3Bucket": LOG_BUCKET,
            "flowLogsS3Prefix": "global-accelerator/",
        }
    return Case(
        "aws_globalaccelerator_accelerator",
        name,
        tf,
        None,
        ("aws:globalaccelerator/accelerator:Accelerator", pulumi),
        blocks=("attributes",),
    )


def trail_bucket(name: str, logging: str | None, sink: str = "access_log_sink") -> list[Case]:
    """A bucket that a trail (named ``trail_<name>``, not judged by the rule) delivers to; ``logging``
    "inline" or "separate" sends the bucket's access logs to ``sink`` (CloudFormation: always
    LoggingConfiguration)."""
    bucket_name = f"acme-{name.replace('_', '-')}"
    tf: dict[str, Any] = {"bucket": bucket_name}
    cfn: dict[str, Any] = {"BucketName": bucket_name}
    pulumi: dict[str, Any] = {"bucket": bucket_name}
    token = "aws:s3/bucketV2:BucketV2"
    cases: list[Case] = []
    target = Ref(f"aws_s3_bucket.{sink}", "id")
    if logging is not None:
        cfn["LoggingConfiguration"] = {"DestinationBucketName": target, "LogFilePrefix": f"s3/{name}/"}
    if logging == "inline":
        tf["logging"] = [{"target_bucket": target, "target_prefix": f"s3/{name}/"}]
        pulumi["loggings"] = [{"targetBucket": target, "targetPrefix": f"s3/{name}/"}]
        token = "aws:s3/bucket:Bucket"
    elif logging == "separate":
        source = Ref(f"aws_s3_bucket.{name}", "id")
        cases.append(
            Case(
                "aws_s3_bucket_logging",
                f"{name}_logging",
                {"bucket": source, "target_bucket": target, "target_prefix": f"s3/{name}/"},
                None,
                (
                    "aws:s3/bucketLoggingV2:BucketLoggingV2",
                    {"bucket": source, "targetBucket": target, "targetPrefix": f"s3/{name}/"},
                ),
            )
        )
    bucket_ref = Ref(f"aws_s3_bucket.{name}", "id")
    trail_case = Case(
        "aws_cloudtrail",
        f"trail_{name}",
        {"name": f"trail-{name}", "s3_bucket_name": bucket_ref, "is_multi_region_trail": True},
        (
            "AWS::CloudTrail::Trail",
            {
                "TrailName": f"trail-{name}",
                "S3BucketName": bucket_ref,
                "IsMultiRegionTrail": True,
                "IsLogging": True,
            },
        ),
        (
            "aws:cloudtrail/trail:Trail",
            {"name": f"trail-{name}", "s3BucketName": bucket_ref, "isMultiRegionTrail": True},
        ),
    )
    bucket = Case("aws_s3_bucket", name, tf, ("AWS::S3::Bucket", cfn), (token, pulumi), blocks=("logging",))
    return [bucket, *cases, trail_case]


def plain_bucket(name: str) -> Case:
    """A bucket no trail delivers to (here the access-log sink): not the rule's concern, so named by no
    outcome: the rule must give it no check at all, not a pass."""
    bucket_name = f"acme-{name.replace('_', '-')}"
    return Case(
        "aws_s3_bucket",
        name,
        {"bucket": bucket_name},
        ("AWS::S3::Bucket", {"BucketName": bucket_name}),
        ("aws:s3/bucketV2:BucketV2", {"bucket": bucket_name}),
    )


FIXTURES: dict[str, list[Case]] = {
    "LOG-ELB-001": [
        load_balancer("pass_alb_access_logs", "application", {"bucket": LOG_BUCKET, "enabled": True}),
        load_balancer(
            "pass_nlb_access_logs", "network", {"bucket": LOG_BUCKET, "prefix": "nlb", "enabled": True}
        ),
        # A Gateway Load Balancer has no access logs: not applicable, neither passed nor failed.
        load_balancer("gateway_lb", "gateway", None),
        load_balancer("fail_alb_no_access_logs", "application", None),
        load_balancer("fail_alb_access_logs_off", "application", {"bucket": LOG_BUCKET, "enabled": False}),
        load_balancer("fail_nlb_bucket_only", "network", {"bucket": LOG_BUCKET}),
        # aws_alb is the older name of aws_lb (Terraform and Pulumi only).
        load_balancer(
            "pass_alb_alias_access_logs", "application", {"bucket": LOG_BUCKET, "enabled": True}, True
        ),
        load_balancer("fail_alb_alias_no_access_logs", "application", None, alias=True),
    ],
    "LOG-ELB-002": [
        classic_elb("pass_elb_access_logs", {"bucket": LOG_BUCKET, "interval": 60}),
        classic_elb("pass_elb_access_logs_on", {"bucket": LOG_BUCKET, "enabled": True}),
        classic_elb("fail_elb_no_access_logs", None),
        classic_elb("fail_elb_access_logs_off", {"bucket": LOG_BUCKET, "enabled": False}),
    ],
    "LOG-CLOUDFRONT-001": [
        distribution("pass_standard_logging", True),
        distribution("pass_logging_v2", False),
        delivery_source("pass_logging_v2"),
        distribution("fail_no_logging", False),
    ],
    "LOG-APIGATEWAY-001": [
        rest_stage("pass_rest_access_logs", True),
        rest_stage("fail_rest_no_access_logs", False),
        http_stage("pass_http_access_logs", True),
        http_stage("fail_http_no_access_logs", False),
    ],
    "LOG-WAF-001": [
        *web_acl("pass_logged_acl", True),
        *web_acl("fail_unlogged_acl", False),
    ],
    "LOG-CLOUDTRAIL-006": [
        trail("pass_s3_data_events", "basic"),
        trail("pass_advanced_s3_data_events", "advanced"),
        trail("fail_management_events_only", None),
        trail("fail_lambda_data_events_only", "lambda"),
    ],
    "LOG-APIGATEWAY-002": [
        *execution_logged_stage("pass_info_logging", "INFO"),
        *execution_logged_stage("pass_error_logging", "ERROR"),
        *execution_logged_stage("fail_logging_off", "OFF"),
        *execution_logged_stage("fail_no_method_settings", None),
        # stage_name = "prod" with depends_on the stage, as many modules write it.
        *execution_logged_stage("pass_literal_stage_name", "INFO", literal_name=True),
    ],
    "LOG-REDSHIFT-001": [
        *redshift("pass_inline_audit_logging", "inline"),
        *redshift("pass_separate_audit_logging", "separate"),
        *redshift("fail_audit_logging_off", "off"),
        *redshift("fail_no_audit_logging", None),
    ],
    "LOG-MSK-001": [
        msk("pass_cloudwatch_broker_logs", {"cloudwatch_logs": True}),
        msk("pass_s3_broker_logs", {"cloudwatch_logs": False, "s3": True}),
        msk("fail_broker_logs_off", {"cloudwatch_logs": False, "firehose": False}),
        msk("fail_no_logging_info", None),
    ],
    "LOG-OPENSEARCH-001": [
        opensearch("pass_all_logs", True, dict.fromkeys(OPENSEARCH_LOG_TYPES, True)),
        opensearch("pass_no_fgac_no_audit", False, dict.fromkeys(OPENSEARCH_LOG_TYPES[1:], True)),
        opensearch("pass_legacy_es_logs", False, dict.fromkeys(OPENSEARCH_LOG_TYPES[1:], True), legacy=True),
        opensearch("fail_fgac_without_audit", True, dict.fromkeys(OPENSEARCH_LOG_TYPES[1:], True)),
        opensearch(
            "fail_application_log_off",
            False,
            {"ES_APPLICATION_LOGS": False, "INDEX_SLOW_LOGS": True, "SEARCH_SLOW_LOGS": True},
        ),
        opensearch("fail_no_logs", False, {}),
        opensearch("fail_legacy_es_no_logs", False, {}, legacy=True),
        # Without audit logs, and fine-grained access control (which audit logs need) unknown until apply.
        unknown_fine_grained(
            opensearch("undetermined_fgac_variable", True, dict.fromkeys(OPENSEARCH_LOG_TYPES[1:], True))
        ),
    ],
    "LOG-MQ-001": [
        mq_broker("pass_activemq_logs", "ActiveMQ", {"general": True, "audit": True}),
        mq_broker("pass_rabbitmq_general", "RabbitMQ", {"general": True}),
        mq_broker("fail_activemq_general_only", "ActiveMQ", {"general": True}),
        mq_broker("fail_rabbitmq_no_logs", "RabbitMQ", None),
        mq_broker("fail_activemq_logs_off", "ActiveMQ", {"general": False, "audit": False}),
        # Issue 16 §2: an engine known only at apply (engine_type = var.engine) is never a pass.
        unknown_engine(mq_broker("undetermined_engine_unknown", "ActiveMQ", {"general": True})),
        unknown_engine(
            mq_broker("pass_engine_unknown_audit_on", "ActiveMQ", {"general": True, "audit": True})
        ),
    ],
    "LOG-CLOUDTRAIL-007": [
        plain_bucket("access_log_sink"),
        *trail_bucket("pass_trail_bucket_logged_inline", "inline"),
        *trail_bucket("pass_trail_bucket_logged_separately", "separate"),
        *trail_bucket("fail_trail_bucket_unlogged", None),
    ],
    "LOG-GLOBALACCELERATOR-001": [
        accelerator("pass_flow_logs", True),
        accelerator("fail_flow_logs_off", False),
        accelerator("fail_no_attributes", None),
    ],
}


def main() -> None:
    for rule_id, cases in FIXTURES.items():
        write(PACK, rule_id, cases, project=PROJECT)


if __name__ == "__main__":
    main()
