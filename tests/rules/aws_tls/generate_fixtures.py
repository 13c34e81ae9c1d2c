"""Fixtures of the AWS encryption-in-transit rules of the aws_tls group (issue 5), in all four formats.

Each case is a resource named by its expected outcome with its Terraform arguments, its CloudFormation
properties and its Pulumi inputs. Rewrite the checked-in files after editing a case:

    .venv/bin/python tests/rules/aws_tls/generate_fixtures.py
"""

from __future__ import annotations

import copy
import json
import sys
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from fixture_writer import ACCOUNT, REGION, UNKNOWN, Case, Chosen, Parameter, Ref, write

__all__ = ["FIXTURES", "PACK", "PROJECT", "write"]

PACK = "encryption"
PROJECT = "awstls"

# The value `pulumi preview` shows for an output known only after the update.
PULUMI_UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9"

LB_ARN = f"arn:aws:elasticloadbalancing:{REGION}:{ACCOUNT}:loadbalancer/app/web/50dc6c495c0c9188"
CERT_ARN = f"arn:aws:acm:{REGION}:{ACCOUNT}:certificate/0d2b1c4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e"
TG_ARN = f"arn:aws:elasticloadbalancing:{REGION}:{ACCOUNT}:targetgroup/web/73e2d6bc24d8a067"
CURRENT_POLICY = "ELBSecurityPolicy-TLS13-1-2-2021-06"
SESSION_KEY = f"arn:aws:kms:{REGION}:{ACCOUNT}:key/3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f"
DB = "aws_db_parameter_group"
CLUSTER = "aws_rds_cluster_parameter_group"
# CloudFront takes certificates from us-east-1 only.
CF_CERT_ARN = f"arn:aws:acm:us-east-1:{ACCOUNT}:certificate/5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9"


def _drop_none(values: Mapping[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in values.items() if value is not None}


# --- ALB/NLB listeners ---------------------------------------------------------------------------


def terraform_variable(case: Case, path: tuple[str | int, ...], variable: str) -> Case:
    """``case`` in Terraform only (HCL and plan), with the argument at ``path`` written as a variable without
    a value: unknown until apply, so the rule's answer is undetermined, never a pass."""
    assert case.terraform is not None
    arguments: Any = copy.deepcopy(dict(case.terraform))
    parent = arguments
    for part in path[:-1]:
        parent = parent[part]
    parent[path[-1]] = Ref(f"var.{variable}", None)
    return replace(case, terraform=arguments, cloudformation=None, pulumi=None)


def _replaced(values: Any, path: tuple[str | int, ...], value: Any) -> Any:
    values = copy.deepcopy(dict(values))
    parent = values
    for part in path[:-1]:
        parent = parent[part]
    parent[path[-1]] = value
    return values


def deploy_time(
    case: Case,
    name: str,
    cloudformation: tuple[tuple[str | int, ...], str] | None = None,
    pulumi: tuple[str | int, ...] | None = None,
) -> Case:
    """``case`` as ``name`` in CloudFormation and Pulumi only, with a value known only at deploy time: the
    property at ``cloudformation`` = (path, parameter) a ``Ref`` to a parameter declared without a default,
    the input at ``pulumi`` (path) a preview's unknown output. A format whose path is None is left out."""
    assert case.cloudformation is not None and case.pulumi is not None
    cfn = None
    if cloudformation is not None:
        path, parameter = cloudformation
        cfn = (case.cloudformation[0], _replaced(case.cloudformation[1], path, Parameter(parameter)))
    inputs = None if pulumi is None else (case.pulumi[0], _replaced(case.pulumi[1], pulumi, PULUMI_UNKNOWN))
    return replace(case, name=name, terraform=None, cloudformation=cfn, pulumi=inputs)


def listener(
    name: str,
    protocol: str | None,
    policy: str | None = None,
    action: str = "forward",
    redirect_protocol: str = "HTTPS",
) -> Case:
    """A listener; `action` is forward or redirect (to `redirect_protocol`)."""
    certificate = CERT_ARN if protocol in ("HTTPS", "TLS") else None
    port = {"HTTPS": 443, "TLS": 443, "TCP": 5432, "UDP": 53}.get(protocol or "", 80)
    if action == "redirect":
        tf_action: dict[str, Any] = {
            "type": "redirect",
            "redirect": [{"port": "443", "protocol": redirect_protocol, "status_code": "HTTP_301"}],
        }
        cfn_action: dict[str, Any] = {
            "Type": "redirect",
            "RedirectConfig": {"Port": "443", "Protocol": redirect_protocol, "StatusCode": "HTTP_301"},
        }
        pulumi_action: dict[str, Any] = {
            "type": "redirect",
            "redirect": {"port": "443", "protocol": redirect_protocol, "statusCode": "HTTP_301"},
        }
    else:
        tf_action = {"type": "forward", "target_group_arn": TG_ARN}
        cfn_action = {"Type": "forward", "TargetGroupArn": TG_ARN}
        pulumi_action = {"type": "forward", "targetGroupArn": TG_ARN}
    return Case(
        "aws_lb_listener",
        name,
        _drop_none(
            {
                "load_balancer_arn": LB_ARN,
                "port": port,
                "protocol": protocol,
                "ssl_policy": policy,
                "certificate_arn": certificate,
                "default_action": [tf_action],
            }
        ),
        (
            "AWS::ElasticLoadBalancingV2::Listener",
            _drop_none(
                {
                    "LoadBalancerArn": LB_ARN,
                    "Port": port,
                    "Protocol": protocol,
                    "SslPolicy": policy,
                    "Certificates": [{"CertificateArn": certificate}] if certificate else None,
                    "DefaultActions": [cfn_action],
                }
            ),
        ),
        (
            "aws:lb/listener:Listener",
            _drop_none(
                {
                    "loadBalancerArn": LB_ARN,
                    "port": port,
                    "protocol": protocol,
                    "sslPolicy": policy,
                    "certificateArn": certificate,
                    "defaultActions": [pulumi_action],
                }
            ),
        ),
        blocks=("default_action", "redirect"),
    )


def chosen_action(name: str) -> Case:
    """A plain HTTP listener whose one default action is known only at deploy time: in CloudFormation an
    ``Fn::If`` between a redirect to HTTPS and a forward, in Pulumi a preview's unknown output."""
    redirect, forward = listener(name, "HTTP", action="redirect"), listener(name, "HTTP")
    assert redirect.cloudformation is not None and forward.cloudformation is not None
    assert redirect.pulumi is not None
    actions = Chosen(
        "RedirectPlainTraffic",
        redirect.cloudformation[1]["DefaultActions"][0],
        forward.cloudformation[1]["DefaultActions"][0],
    )
    return replace(
        redirect,
        terraform=None,
        cloudformation=(
            redirect.cloudformation[0],
            {**redirect.cloudformation[1], "DefaultActions": [actions]},
        ),
        pulumi=(redirect.pulumi[0], {**redirect.pulumi[1], "defaultActions": [PULUMI_UNKNOWN]}),
    )


def chosen_element(case: Case, name: str, parameter: str, cfn_key: str, pulumi_key: str, other: Case) -> Case:
    """``case`` as ``name`` in CloudFormation and Pulumi only, with the first item of its ``cfn_key`` list
    chosen at deploy time (an ``Fn::If`` between it and ``other``'s first item) and of its ``pulumi_key``
    list a preview's unknown output."""
    assert case.cloudformation is not None and case.pulumi is not None and other.cloudformation is not None
    cfn = _replaced(
        case.cloudformation[1],
        (*cfn_key.split("."), 0),
        Chosen(parameter, _item(case.cloudformation[1], cfn_key), _item(other.cloudformation[1], cfn_key)),
    )
    inputs = _replaced(case.pulumi[1], (pulumi_key, 0), PULUMI_UNKNOWN)
    return replace(
        case,
        name=name,
        terraform=None,
        cloudformation=(case.cloudformation[0], cfn),
        pulumi=(case.pulumi[0], inputs),
    )


def _item(values: Any, dotted: str) -> Any:
    for part in dotted.split("."):
        values = values[part]
    return values[0]


# --- CloudFront distributions --------------------------------------------------------------------


def distribution(
    name: str,
    viewer: str = "redirect-to-https",
    ordered: tuple[str, ...] = (),
    origin: str | None = "https-only",
    origin_ssl: tuple[str, ...] = ("TLSv1.2",),
    certificate: str = "acm",
    minimum: str | None = "TLSv1.2_2021",
    aliases: bool = True,
) -> Case:
    """A distribution with one origin (custom with `origin` policy, or S3 when None), a default cache
    behaviour with `viewer`, ordered behaviours with `ordered`, and an ACM or the default certificate."""
    domain = "app.example.com" if aliases else None
    cache_policy = "658327ea-f89d-4fab-a63d-7e88639e58f6"
    if origin is None:
        tf_origin: dict[str, Any] = {"domain_name": "assets.s3.eu-west-1.amazonaws.com", "origin_id": "web"}
        cfn_origin: dict[str, Any] = {
            "Id": "web",
            "DomainName": "assets.s3.eu-west-1.amazonaws.com",
            "S3OriginConfig": {"OriginAccessIdentity": ""},
        }
        pulumi_origin: dict[str, Any] = {"domainName": "assets.s3.eu-west-1.amazonaws.com", "originId": "web"}
    else:
        tf_origin = {
            "domain_name": "origin.example.com",
            "origin_id": "web",
            "custom_origin_config": [
                {
                    "http_port": 80,
                    "https_port": 443,
                    "origin_protocol_policy": origin,
                    "origin_ssl_protocols": list(origin_ssl),
                }
            ],
        }
        cfn_origin = {
            "Id": "web",
            "DomainName": "origin.example.com",
            "CustomOriginConfig": {
                "HTTPPort": 80,
                "HTTPSPort": 443,
                "OriginProtocolPolicy": origin,
                "OriginSSLProtocols": list(origin_ssl),
            },
        }
        pulumi_origin = {
            "domainName": "origin.example.com",
            "originId": "web",
            "customOriginConfig": {
                "httpPort": 80,
                "httpsPort": 443,
                "originProtocolPolicy": origin,
                "originSslProtocols": list(origin_ssl),
            },
        }
    if certificate == "default":
        tf_cert: dict[str, Any] = {"cloudfront_default_certificate": True}
        cfn_cert: dict[str, Any] = {"CloudFrontDefaultCertificate": True}
        pulumi_cert: dict[str, Any] = {"cloudfrontDefaultCertificate": True}
    else:
        tf_cert = _drop_none(
            {
                "acm_certificate_arn": CF_CERT_ARN,
                "ssl_support_method": "sni-only",
                "minimum_protocol_version": minimum,
            }
        )
        cfn_cert = _drop_none(
            {
                "AcmCertificateArn": CF_CERT_ARN,
                "SslSupportMethod": "sni-only",
                "MinimumProtocolVersion": minimum,
            }
        )
        pulumi_cert = _drop_none(
            {
                "acmCertificateArn": CF_CERT_ARN,
                "sslSupportMethod": "sni-only",
                "minimumProtocolVersion": minimum,
            }
        )
    tf_behaviours = [
        {
            "path_pattern": f"/api{i}/*",
            "target_origin_id": "web",
            "cache_policy_id": cache_policy,
            "allowed_methods": ["GET", "HEAD"],
            "cached_methods": ["GET", "HEAD"],
            "viewer_protocol_policy": policy,
        }
        for i, policy in enumerate(ordered)
    ]
    cfn_behaviours = [
        {
            "PathPattern": f"/api{i}/*",
            "TargetOriginId": "web",
            "CachePolicyId": cache_policy,
            "ViewerProtocolPolicy": policy,
        }
        for i, policy in enumerate(ordered)
    ]
    pulumi_behaviours = [
        {
            "pathPattern": f"/api{i}/*",
            "targetOriginId": "web",
            "cachePolicyId": cache_policy,
            "allowedMethods": ["GET", "HEAD"],
            "cachedMethods": ["GET", "HEAD"],
            "viewerProtocolPolicy": policy,
        }
        for i, policy in enumerate(ordered)
    ]
    return Case(
        "aws_cloudfront_distribution",
        name,
        _drop_none(
            {
                "enabled": True,
                "aliases": [domain] if domain else None,
                "origin": [tf_origin],
                "default_cache_behavior": [
                    {
                        "target_origin_id": "web",
                        "cache_policy_id": cache_policy,
                        "allowed_methods": ["GET", "HEAD"],
                        "cached_methods": ["GET", "HEAD"],
                        "viewer_protocol_policy": viewer,
                    }
                ],
                "ordered_cache_behavior": tf_behaviours or None,
                "restrictions": [{"geo_restriction": [{"restriction_type": "none"}]}],
                "viewer_certificate": [tf_cert],
            }
        ),
        (
            "AWS::CloudFront::Distribution",
            {
                "DistributionConfig": _drop_none(
                    {
                        "Enabled": True,
                        "Aliases": [domain] if domain else None,
                        "Origins": [cfn_origin],
                        "DefaultCacheBehavior": {
                            "TargetOriginId": "web",
                            "CachePolicyId": cache_policy,
                            "ViewerProtocolPolicy": viewer,
                        },
                        "CacheBehaviors": cfn_behaviours or None,
                        "ViewerCertificate": cfn_cert,
                    }
                )
            },
        ),
        (
            "aws:cloudfront/distribution:Distribution",
            _drop_none(
                {
                    "enabled": True,
                    "aliases": [domain] if domain else None,
                    "origins": [pulumi_origin],
                    "defaultCacheBehavior": {
                        "targetOriginId": "web",
                        "cachePolicyId": cache_policy,
                        "allowedMethods": ["GET", "HEAD"],
                        "cachedMethods": ["GET", "HEAD"],
                        "viewerProtocolPolicy": viewer,
                    },
                    "orderedCacheBehaviors": pulumi_behaviours or None,
                    "restrictions": {"geoRestriction": {"restrictionType": "none"}},
                    "viewerCertificate": pulumi_cert,
                }
            ),
        ),
        blocks=(
            "origin",
            "custom_origin_config",
            "default_cache_behavior",
            "ordered_cache_behavior",
            "restrictions",
            "geo_restriction",
            "viewer_certificate",
        ),
    )


# --- API Gateway custom domain names -------------------------------------------------------------


def cfn_without_origin_ssl(name: str) -> Case:
    """A template's custom origin without OriginSSLProtocols, which CloudFormation alone makes optional
    (left out: TLSv1 and SSLv3); Terraform and Pulumi require the list, so the case is a template's only."""
    case = distribution(name)
    assert case.cloudformation is not None
    cfn_type, properties = case.cloudformation
    properties = copy.deepcopy(dict(properties))
    for origin in properties["DistributionConfig"]["Origins"]:
        origin["CustomOriginConfig"].pop("OriginSSLProtocols")
    return replace(case, terraform=None, pulumi=None, cloudformation=(cfn_type, properties))


def rest_domain(name: str, policy: str | None) -> Case:
    domain = name.replace("_", "-") + ".api.example.com"
    return Case(
        "aws_api_gateway_domain_name",
        name,
        _drop_none(
            {
                "domain_name": domain,
                "regional_certificate_arn": CERT_ARN,
                "endpoint_configuration": [{"types": ["REGIONAL"]}],
                "security_policy": policy,
            }
        ),
        (
            "AWS::ApiGateway::DomainName",
            _drop_none(
                {
                    "DomainName": domain,
                    "RegionalCertificateArn": CERT_ARN,
                    "EndpointConfiguration": {"Types": ["REGIONAL"]},
                    "SecurityPolicy": policy,
                }
            ),
        ),
        (
            "aws:apigateway/domainName:DomainName",
            _drop_none(
                {
                    "domainName": domain,
                    "regionalCertificateArn": CERT_ARN,
                    "endpointConfiguration": {"types": ["REGIONAL"]},
                    "securityPolicy": policy,
                }
            ),
        ),
        blocks=("endpoint_configuration",),
    )


def http_domain(name: str, policy: str) -> Case:
    domain = name.replace("_", "-") + ".http.example.com"
    return Case(
        "aws_apigatewayv2_domain_name",
        name,
        {
            "domain_name": domain,
            "domain_name_configuration": [
                {"certificate_arn": CERT_ARN, "endpoint_type": "REGIONAL", "security_policy": policy}
            ],
        },
        (
            "AWS::ApiGatewayV2::DomainName",
            {
                "DomainName": domain,
                "DomainNameConfigurations": [
                    {"CertificateArn": CERT_ARN, "EndpointType": "REGIONAL", "SecurityPolicy": policy}
                ],
            },
        ),
        (
            "aws:apigatewayv2/domainName:DomainName",
            {
                "domainName": domain,
                "domainNameConfiguration": {
                    "certificateArn": CERT_ARN,
                    "endpointType": "REGIONAL",
                    "securityPolicy": policy,
                },
            },
        ),
        blocks=("domain_name_configuration",),
    )


# --- Parameter groups forcing TLS ----------------------------------------------------------------

PARAMETER_GROUPS = {
    "aws_db_parameter_group": ("AWS::RDS::DBParameterGroup", "aws:rds/parameterGroup:ParameterGroup"),
    "aws_rds_cluster_parameter_group": (
        "AWS::RDS::DBClusterParameterGroup",
        "aws:rds/clusterParameterGroup:ClusterParameterGroup",
    ),
}


def rds_parameters(tf_type: str, name: str, family: str, parameters: Mapping[str, str]) -> Case:
    """An RDS or Aurora parameter group; CloudFormation writes Parameters as a name -> value map."""
    cfn_type, pulumi_type = PARAMETER_GROUPS[tf_type]
    ident = name.replace("_", "-")
    listed = [{"name": key, "value": value} for key, value in parameters.items()]
    return Case(
        tf_type,
        name,
        {"name": ident, "family": family, "parameter": listed or None},
        (
            cfn_type,
            _drop_none({"Description": ident, "Family": family, "Parameters": dict(parameters) or None}),
        ),
        (pulumi_type, _drop_none({"name": ident, "family": family, "parameters": listed or None})),
        blocks=("parameter",),
    )


def redshift_parameters(name: str, require_ssl: str | None) -> Case:
    """A Redshift parameter group; CloudFormation writes Parameters as ParameterName/ParameterValue pairs."""
    ident = name.replace("_", "-")
    values = {"enable_user_activity_logging": "true"}
    if require_ssl is not None:
        values["require_ssl"] = require_ssl
    return Case(
        "aws_redshift_parameter_group",
        name,
        {
            "name": ident,
            "family": "redshift-1.0",
            "parameter": [{"name": key, "value": value} for key, value in values.items()],
        },
        (
            "AWS::Redshift::ClusterParameterGroup",
            {
                "Description": ident,
                "ParameterGroupFamily": "redshift-1.0",
                "Parameters": [
                    {"ParameterName": key, "ParameterValue": value} for key, value in values.items()
                ],
            },
        ),
        (
            "aws:redshift/parameterGroup:ParameterGroup",
            {
                "name": ident,
                "family": "redshift-1.0",
                "parameters": [{"name": key, "value": value} for key, value in values.items()],
            },
        ),
        blocks=("parameter",),
    )


# --- Classic load balancers ----------------------------------------------------------------------


def classic_elb(name: str, protocols: tuple[str, ...]) -> Case:
    """A classic load balancer with one listener per front-end protocol (HTTPS/SSL carry a certificate)."""
    ports = {"HTTPS": 443, "SSL": 8443, "HTTP": 80, "TCP": 5432}
    back = {"HTTPS": "HTTP", "SSL": "TCP", "HTTP": "HTTP", "TCP": "TCP"}

    def certificate(protocol: str) -> str | None:
        return CERT_ARN if protocol in ("HTTPS", "SSL") else None

    return Case(
        "aws_elb",
        name,
        {
            "name": name.replace("_", "-"),
            "availability_zones": [f"{REGION}a", f"{REGION}b"],
            "listener": [
                _drop_none(
                    {
                        "lb_port": ports[protocol],
                        "lb_protocol": protocol,
                        "instance_port": 8080,
                        "instance_protocol": back[protocol],
                        "ssl_certificate_id": certificate(protocol),
                    }
                )
                for protocol in protocols
            ],
        },
        (
            "AWS::ElasticLoadBalancing::LoadBalancer",
            {
                "LoadBalancerName": name.replace("_", "-"),
                "AvailabilityZones": [f"{REGION}a", f"{REGION}b"],
                "Listeners": [
                    _drop_none(
                        {
                            "LoadBalancerPort": str(ports[protocol]),
                            "Protocol": protocol,
                            "InstancePort": "8080",
                            "InstanceProtocol": back[protocol],
                            "SSLCertificateId": certificate(protocol),
                        }
                    )
                    for protocol in protocols
                ],
            },
        ),
        (
            "aws:elb/loadBalancer:LoadBalancer",
            {
                "name": name.replace("_", "-"),
                "availabilityZones": [f"{REGION}a", f"{REGION}b"],
                "listeners": [
                    _drop_none(
                        {
                            "lbPort": ports[protocol],
                            "lbProtocol": protocol,
                            "instancePort": 8080,
                            "instanceProtocol": back[protocol],
                            "sslCertificateId": certificate(protocol),
                        }
                    )
                    for protocol in protocols
                ],
            },
        ),
        blocks=("listener",),
    )


# --- API Gateway stage cache ---------------------------------------------------------------------


def method_settings(name: str, caching: bool | None, encrypted: bool | None) -> Case:
    """Terraform and Pulumi aws_api_gateway_method_settings for every method of a stage."""
    return Case(
        "aws_api_gateway_method_settings",
        name,
        {
            "rest_api_id": "a1b2c3d4e5",
            "stage_name": "prod",
            "method_path": "*/*",
            "settings": [
                _drop_none(
                    {"metrics_enabled": True, "caching_enabled": caching, "cache_data_encrypted": encrypted}
                )
            ],
        },
        None,
        (
            "aws:apigateway/methodSettings:MethodSettings",
            {
                "restApi": "a1b2c3d4e5",
                "stageName": "prod",
                "methodPath": "*/*",
                "settings": _drop_none(
                    {"metricsEnabled": True, "cachingEnabled": caching, "cacheDataEncrypted": encrypted}
                ),
            },
        ),
        blocks=("settings",),
    )


def cfn_deployment(
    name: str, stage: tuple[bool | None, bool | None], settings: list[tuple[bool | None, bool | None]]
) -> Case:
    """A CloudFormation deployment creating its stage: StageDescription's own CachingEnabled and
    CacheDataEncrypted apply to every method, its MethodSettings to single methods (#15 §2)."""
    caching, encrypted = stage
    description: dict[str, Any] = _drop_none(
        {"CacheClusterEnabled": True, "CachingEnabled": caching, "CacheDataEncrypted": encrypted}
    )
    if settings:
        description["MethodSettings"] = [
            _drop_none(
                {
                    "HttpMethod": "GET",
                    "ResourcePath": f"/~1items{i}",
                    "CachingEnabled": method_caching,
                    "CacheDataEncrypted": method_encrypted,
                }
            )
            for i, (method_caching, method_encrypted) in enumerate(settings)
        ]
    return Case(
        "aws_api_gateway_deployment",
        name,
        None,
        (
            "AWS::ApiGateway::Deployment",
            {"RestApiId": "a1b2c3d4e5", "StageName": name.replace("_", "-"), "StageDescription": description},
        ),
        None,
    )


def cfn_stage(name: str, settings: list[tuple[bool | None, bool | None]]) -> Case:
    """A CloudFormation stage, whose MethodSettings hold the cache settings (no separate resource exists)."""
    return Case(
        "aws_api_gateway_stage",
        name,
        None,
        (
            "AWS::ApiGateway::Stage",
            {
                "RestApiId": "a1b2c3d4e5",
                "DeploymentId": "d1e2f3",
                "StageName": name.replace("_", "-"),
                "CacheClusterEnabled": True,
                "CacheClusterSize": "0.5",
                "MethodSettings": [
                    _drop_none(
                        {
                            "HttpMethod": "*",
                            "ResourcePath": f"/~1items{i}",
                            "CachingEnabled": caching,
                            "CacheDataEncrypted": encrypted,
                        }
                    )
                    for i, (caching, encrypted) in enumerate(settings)
                ],
            },
        ),
        None,
    )


# --- Session Manager preferences -----------------------------------------------------------------


def session_document(name: str, key: str | None, session_type: str = "Standard_Stream") -> Case:
    """A Session document (the Session Manager preferences are SSM-SessionManagerRunShell)."""
    inputs = _drop_none(
        {"kmsKeyId": key, "s3BucketName": "session-logs", "cloudWatchLogGroupName": "sessions"}
    )
    content: dict[str, Any] = {"schemaVersion": "1.0", "description": name, "sessionType": session_type}
    if session_type == "Port":
        content["properties"] = {"portNumber": "5432", "type": "LocalPortForwarding"}
    else:
        content["inputs"] = inputs
    text = json.dumps(content)
    ident = name.replace("_", "-")
    return Case(
        "aws_ssm_document",
        name,
        {"name": ident, "document_type": "Session", "document_format": "JSON", "content": text},
        ("AWS::SSM::Document", {"Name": ident, "DocumentType": "Session", "Content": content}),
        (
            "aws:ssm/document:Document",
            {"name": ident, "documentType": "Session", "documentFormat": "JSON", "content": text},
        ),
    )


# --- Classic load balancer SSL negotiation policies ----------------------------------------------


def negotiation_policy(name: str, attributes: Mapping[str, str]) -> Case:
    """A Terraform and Pulumi aws_load_balancer_policy of SSLNegotiationPolicyType."""
    pairs = [{"name": key, "value": value} for key, value in attributes.items()]
    return Case(
        "aws_load_balancer_policy",
        name,
        {
            "load_balancer_name": "web",
            "policy_name": name.replace("_", "-"),
            "policy_type_name": "SSLNegotiationPolicyType",
            "policy_attribute": pairs,
        },
        None,
        (
            "aws:elb/loadBalancerPolicy:LoadBalancerPolicy",
            {
                "loadBalancerName": "web",
                "policyName": name.replace("_", "-"),
                "policyTypeName": "SSLNegotiationPolicyType",
                "policyAttributes": pairs,
            },
        ),
        blocks=("policy_attribute",),
    )


def listener_policy(name: str, balancer: str, policy: str) -> Case:
    """Attaches a negotiation policy to the HTTPS listener (port 443) of a Terraform or Pulumi classic ELB."""
    return Case(
        "aws_load_balancer_listener_policy",
        name,
        {
            "load_balancer_name": Ref(f"aws_elb.{balancer}", "name"),
            "load_balancer_port": 443,
            # The plan builder takes references at the top level only: the policy is named literally.
            "policy_names": [policy.replace("_", "-")],
        },
        None,
        (
            "aws:elb/listenerPolicy:ListenerPolicy",
            {
                "loadBalancerName": Ref(f"aws_elb.{balancer}", "name"),
                "loadBalancerPort": 443,
                "policyNames": [policy.replace("_", "-")],
            },
        ),
    )


def ssl_negotiation(name: str, balancer: str, attributes: Mapping[str, str]) -> Case:
    """A Terraform aws_lb_ssl_negotiation_policy (Pulumi elb.SslNegotiationPolicy) on the HTTPS listener
    (port 443) of a classic ELB: it sets the listener's negotiation itself (no CloudFormation type)."""
    pairs = [{"name": key, "value": value} for key, value in attributes.items()]
    return Case(
        "aws_lb_ssl_negotiation_policy",
        name,
        {
            "name": name.replace("_", "-"),
            "load_balancer": Ref(f"aws_elb.{balancer}", "id"),
            "lb_port": 443,
            "attribute": pairs,
        },
        None,
        (
            "aws:elb/sslNegotiationPolicy:SslNegotiationPolicy",
            {
                "name": name.replace("_", "-"),
                "loadBalancer": Ref(f"aws_elb.{balancer}", "id"),
                "lbPort": 443,
                "attributes": pairs,
            },
        ),
        blocks=("attribute",),
    )


def https_elb(name: str) -> Case:
    """A Terraform and Pulumi classic ELB with one HTTPS listener on port 443."""
    elb = classic_elb(name, ("HTTPS",))
    return Case(elb.tf_type, name, elb.terraform, None, elb.pulumi, blocks=elb.blocks)


def cfn_elb(name: str, reference: str | None, attributes: Mapping[str, str] | None = None) -> Case:
    """A CloudFormation classic ELB whose HTTPS listener uses an inline negotiation policy (None: default),
    a predefined ``reference`` or custom protocol and cipher ``attributes``."""
    pairs = (
        [{"Name": key, "Value": value} for key, value in attributes.items()]
        if attributes
        else [{"Name": "Reference-Security-Policy", "Value": reference}]
    )
    policies = (
        [{"PolicyName": "tls-policy", "PolicyType": "SSLNegotiationPolicyType", "Attributes": pairs}]
        if reference or attributes
        else None
    )
    return Case(
        "aws_elb",
        name,
        None,
        (
            "AWS::ElasticLoadBalancing::LoadBalancer",
            _drop_none(
                {
                    "LoadBalancerName": name.replace("_", "-"),
                    "AvailabilityZones": [f"{REGION}a", f"{REGION}b"],
                    "Listeners": [
                        _drop_none(
                            {
                                "LoadBalancerPort": "443",
                                "Protocol": "HTTPS",
                                "InstancePort": "8080",
                                "InstanceProtocol": "HTTP",
                                "SSLCertificateId": CERT_ARN,
                                "PolicyNames": ["tls-policy"] if reference or attributes else None,
                            }
                        )
                    ],
                    "Policies": policies,
                }
            ),
        ),
        None,
    )


# A custom negotiation policy offering TLS 1.2 with forward-secret AES-GCM ciphers only.
MODERN_CUSTOM = {
    "Protocol-TLSv1.2": "true",
    "Server-Defined-Cipher-Order": "true",
    "ECDHE-ECDSA-AES128-GCM-SHA256": "true",
    "ECDHE-RSA-AES128-GCM-SHA256": "true",
}

FIXTURES: dict[str, list[Case]] = {
    "ENC-ELB-001": [
        listener("fail_http_forward", "HTTP"),
        listener("fail_default_protocol", None),
        # Passthrough protocols are not judged (TLS may run end to end to the targets).
        listener("other_tcp_passthrough", "TCP"),
        listener("other_udp", "UDP"),
        listener("fail_http_redirect_to_http", "HTTP", action="redirect", redirect_protocol="HTTP"),
        listener("pass_https", "HTTPS", CURRENT_POLICY),
        listener("pass_tls", "TLS", CURRENT_POLICY),
        listener("pass_http_redirect_to_https", "HTTP", action="redirect"),
        terraform_variable(
            listener("undetermined_protocol_variable", "HTTPS", CURRENT_POLICY), ("protocol",), "protocol"
        ),
        terraform_variable(
            listener("undetermined_redirect_protocol_variable", "HTTP", action="redirect"),
            ("default_action", 0, "redirect", 0, "protocol"),
            "redirect_protocol",
        ),
        terraform_variable(
            listener("undetermined_action_variable", "HTTP"), ("default_action",), "default_action"
        ),
        deploy_time(
            listener("protocol", "HTTPS", CURRENT_POLICY),
            "undetermined_protocol_at_deploy",
            (("Protocol",), "ListenerProtocol"),
            ("protocol",),
        ),
        deploy_time(
            listener("redirect", "HTTP", action="redirect"),
            "undetermined_redirect_protocol_at_deploy",
            (("DefaultActions", 0, "RedirectConfig", "Protocol"), "RedirectProtocol"),
            ("defaultActions", 0, "redirect", "protocol"),
        ),
        deploy_time(
            listener("action", "HTTP", action="redirect"),
            "undetermined_action_type_at_deploy",
            (("DefaultActions", 0, "Type"), "ActionType"),
            ("defaultActions", 0, "type"),
        ),
        deploy_time(
            listener("actions", "HTTP"), "undetermined_actions_at_deploy", pulumi=("defaultActions",)
        ),
        # One action chosen at deploy time may redirect to HTTPS (it failed at Protocol before).
        chosen_action("undetermined_action_at_deploy"),
    ],
    "ENC-ELB-002": [
        listener("fail_https_2016_policy", "HTTPS", "ELBSecurityPolicy-2016-08"),
        listener("fail_tls13_allowing_tls10", "TLS", "ELBSecurityPolicy-TLS13-1-0-2021-06"),
        listener("fail_https_default_policy", "HTTPS"),
        # A plan shows the ssl_policy the configuration leaves out known after apply: the provider's default.
        replace(listener("fail_https_policy_computed", "HTTPS"), plan_values={"ssl_policy": UNKNOWN}),
        listener("pass_https_tls13", "HTTPS", CURRENT_POLICY),
        listener("pass_tls_tls12", "TLS", "ELBSecurityPolicy-TLS-1-2-Ext-2018-06"),
        listener("pass_fs_tls12", "HTTPS", "ELBSecurityPolicy-FS-1-2-Res-2020-10"),
        listener("pass_http_redirect", "HTTP", action="redirect"),
        terraform_variable(
            listener("undetermined_policy_variable", "HTTPS", CURRENT_POLICY), ("ssl_policy",), "ssl_policy"
        ),
        deploy_time(
            listener("policy", "HTTPS", CURRENT_POLICY),
            "undetermined_policy_at_deploy",
            (("SslPolicy",), "SslPolicy"),
            ("sslPolicy",),
        ),
    ],
    "ENC-ELB-003": [
        classic_elb("fail_http", ("HTTP",)),
        classic_elb("fail_tcp_beside_https", ("HTTPS", "TCP")),
        classic_elb("pass_https", ("HTTPS",)),
        classic_elb("pass_https_and_ssl", ("HTTPS", "SSL")),
        terraform_variable(
            classic_elb("undetermined_protocol_variable", ("HTTPS",)),
            ("listener", 0, "lb_protocol"),
            "lb_protocol",
        ),
        terraform_variable(
            classic_elb("undetermined_listener_variable", ("HTTPS",)), ("listener",), "listeners"
        ),
        deploy_time(
            classic_elb("undetermined_protocol_at_deploy", ("HTTPS",)),
            "undetermined_protocol_at_deploy",
            (("Listeners", 0, "Protocol"), "ListenerProtocol"),
            ("listeners", 0, "lbProtocol"),
        ),
        deploy_time(
            classic_elb("undetermined_listeners_at_deploy", ("HTTPS",)),
            "undetermined_listeners_at_deploy",
            pulumi=("listeners",),
        ),
        chosen_element(
            classic_elb("undetermined_listener_at_deploy", ("HTTPS",)),
            "undetermined_listener_at_deploy",
            "SecureListener",
            "Listeners",
            "listeners",
            classic_elb("undetermined_listener_at_deploy", ("HTTP",)),
        ),
    ],
    "ENC-ELB-004": [
        negotiation_policy("fail_policy_2016", {"Reference-Security-Policy": "ELBSecurityPolicy-2016-08"}),
        negotiation_policy(
            "fail_policy_tlsv1_enabled", {"Protocol-TLSv1.2": "true", "Protocol-TLSv1": "true"}
        ),
        negotiation_policy(
            "pass_policy_tls12", {"Reference-Security-Policy": "ELBSecurityPolicy-TLS-1-2-2017-01"}
        ),
        https_elb("fail_https_default_policy"),
        https_elb("pass_https_with_policy"),
        listener_policy("attach_tls12", "pass_https_with_policy", "pass_policy_tls12"),
        cfn_elb("fail_stack_default_policy", None),
        cfn_elb("fail_stack_outdated_policy", "ELBSecurityPolicy-2016-08"),
        cfn_elb("pass_stack_tls12_policy", "ELBSecurityPolicy-TLS-1-2-2017-01"),
        negotiation_policy("fail_policy_3des_cipher", {**MODERN_CUSTOM, "DES-CBC3-SHA": "true"}),
        negotiation_policy("pass_policy_custom_modern", {**MODERN_CUSTOM, "DES-CBC3-SHA": "false"}),
        cfn_elb("fail_stack_rc4_cipher", None, {**MODERN_CUSTOM, "RC4-SHA": "true"}),
        cfn_elb("pass_stack_custom_modern", None, MODERN_CUSTOM),
        # An aws_lb_ssl_negotiation_policy sets the listener's negotiation: the balancer has a policy, and
        # the policy's own attributes are judged.
        https_elb("pass_https_with_ssl_negotiation"),
        ssl_negotiation(
            "pass_negotiation_tls12",
            "pass_https_with_ssl_negotiation",
            {"Reference-Security-Policy": "ELBSecurityPolicy-TLS-1-2-2017-01"},
        ),
        https_elb("pass_https_with_weak_negotiation"),
        ssl_negotiation(
            "fail_negotiation_tlsv1",
            "pass_https_with_weak_negotiation",
            {"Protocol-TLSv1": "true", "Protocol-TLSv1.2": "true", "ECDHE-RSA-AES128-GCM-SHA256": "true"},
        ),
    ],
    "ENC-CLOUDFRONT-001": [
        distribution("fail_allow_all", viewer="allow-all"),
        distribution("fail_ordered_allow_all", ordered=("https-only", "allow-all")),
        distribution("pass_redirect_to_https", ordered=("https-only",)),
        distribution("pass_https_only", viewer="https-only"),
        terraform_variable(
            distribution("undetermined_viewer_variable"),
            ("default_cache_behavior", 0, "viewer_protocol_policy"),
            "viewer_protocol_policy",
        ),
        terraform_variable(
            distribution("undetermined_ordered_viewer_variable", ordered=("https-only",)),
            ("ordered_cache_behavior", 0, "viewer_protocol_policy"),
            "ordered_viewer_protocol_policy",
        ),
        terraform_variable(
            distribution("undetermined_default_behavior_variable"),
            ("default_cache_behavior",),
            "default_cache_behavior",
        ),
        deploy_time(
            distribution("viewer"),
            "undetermined_viewer_at_deploy",
            (("DistributionConfig", "DefaultCacheBehavior", "ViewerProtocolPolicy"), "ViewerProtocolPolicy"),
            ("defaultCacheBehavior", "viewerProtocolPolicy"),
        ),
        deploy_time(
            distribution("ordered", ordered=("https-only",)),
            "undetermined_ordered_viewer_at_deploy",
            (
                ("DistributionConfig", "CacheBehaviors", 0, "ViewerProtocolPolicy"),
                "OrderedViewerProtocolPolicy",
            ),
            ("orderedCacheBehaviors", 0, "viewerProtocolPolicy"),
        ),
        deploy_time(
            distribution("behavior"),
            "undetermined_default_behavior_at_deploy",
            pulumi=("defaultCacheBehavior",),
        ),
        chosen_element(
            distribution("chosen", ordered=("https-only",)),
            "undetermined_ordered_behavior_at_deploy",
            "HttpsOnlyPaths",
            "DistributionConfig.CacheBehaviors",
            "orderedCacheBehaviors",
            distribution("chosen", ordered=("allow-all",)),
        ),
    ],
    "ENC-CLOUDFRONT-002": [
        distribution("fail_tls10", minimum="TLSv1"),
        distribution("fail_tls12_2018", minimum="TLSv1.2_2018"),
        distribution("fail_minimum_not_set", minimum=None),
        distribution("fail_default_certificate_with_aliases", certificate="default"),
        distribution("pass_tls12_2021"),
        distribution("pass_tls13_2025", minimum="TLSv1.3_2025"),
        distribution("pass_default_domain", certificate="default", aliases=False),
        # Aliases known only at apply with the default certificate: whether custom domains are served
        # cannot be told.
        terraform_variable(
            distribution("undetermined_aliases_with_default_certificate", certificate="default"),
            ("aliases",),
            "aliases",
        ),
        deploy_time(
            distribution("aliases_deploy_time", certificate="default"),
            "undetermined_aliases_deploy_time",
            cloudformation=(("DistributionConfig", "Aliases"), "Aliases"),
            pulumi=("aliases",),
        ),
    ],
    "ENC-CLOUDFRONT-003": [
        distribution("fail_origin_http_only", origin="http-only"),
        distribution("fail_match_viewer_allow_all", origin="match-viewer", viewer="allow-all"),
        distribution("pass_origin_https_only"),
        distribution("pass_match_viewer_https_viewers", origin="match-viewer"),
        distribution("pass_s3_origin", origin=None),
    ],
    "ENC-CLOUDFRONT-004": [
        distribution("fail_origin_tls10", origin_ssl=("TLSv1", "TLSv1.1", "TLSv1.2")),
        distribution("fail_origin_sslv3", origin_ssl=("SSLv3",)),
        distribution("pass_origin_tls12"),
        distribution("pass_s3_origin", origin=None),
        cfn_without_origin_ssl("fail_origin_ssl_not_set"),
        # Reached over plain HTTP only, the origin negotiates no TLS: ENC-CLOUDFRONT-003 fails it, not this.
        distribution("pass_http_only_origin_lists_tls10", origin="http-only", origin_ssl=("TLSv1",)),
    ],
    "ENC-APIGATEWAY-001": [
        rest_domain("fail_tls10", "TLS_1_0"),
        # Left out, the security policy of a custom domain name is TLS_1_2; a plan shows it known after apply.
        replace(
            rest_domain("pass_policy_not_set_defaults_tls12", None), plan_values={"security_policy": UNKNOWN}
        ),
        rest_domain("pass_enhanced_edge_policy", "SecurityPolicy_TLS13_2025_EDGE"),
        rest_domain("pass_tls12", "TLS_1_2"),
        http_domain("fail_http_api_tls10", "TLS_1_0"),
        http_domain("pass_http_api_tls12", "TLS_1_2"),
    ],
    "ENC-APIGATEWAY-002": [
        method_settings("fail_cache_unencrypted", True, False),
        method_settings("fail_cache_encryption_not_set", True, None),
        method_settings("pass_cache_encrypted", True, True),
        method_settings("pass_no_cache", None, None),
        cfn_stage("fail_stage_cache_unencrypted", [(True, True), (True, None)]),
        cfn_stage("pass_stage_cache_encrypted", [(True, True), (False, None)]),
        cfn_deployment("fail_deployment_cache_unencrypted", (True, None), []),
        cfn_deployment("fail_deployment_method_cache_unencrypted", (None, None), [(True, False)]),
        cfn_deployment("pass_deployment_cache_encrypted", (True, True), [(True, True)]),
    ],
    "ENC-SSM-002": [
        session_document("fail_no_kms_key", None),
        session_document("fail_empty_kms_key", ""),
        session_document("pass_kms_key", SESSION_KEY),
        session_document("pass_port_forwarding", None, session_type="Port"),
    ],
    "ENC-REDSHIFT-002": [
        redshift_parameters("fail_require_ssl_false", "false"),
        redshift_parameters("fail_require_ssl_not_set", None),
        redshift_parameters("pass_require_ssl", "true"),
    ],
    "ENC-RDS-003": [
        rds_parameters(DB, "fail_postgres14_not_set", "postgres14", {}),
        rds_parameters(DB, "fail_postgres16_off", "postgres16", {"rds.force_ssl": "0"}),
        rds_parameters(DB, "fail_mysql_off", "mysql8.0", {"require_secure_transport": "0"}),
        rds_parameters(DB, "fail_sqlserver_not_set", "sqlserver-se-15.0", {"max degree of parallelism": "2"}),
        rds_parameters(CLUSTER, "fail_aurora_mysql_not_set", "aurora-mysql8.0", {"time_zone": "UTC"}),
        rds_parameters(CLUSTER, "fail_aurora_postgres_off", "aurora-postgresql15", {"rds.force_ssl": "0"}),
        rds_parameters(DB, "pass_postgres_forced", "postgres14", {"rds.force_ssl": "1"}),
        rds_parameters(DB, "pass_postgres16_default", "postgres16", {}),
        rds_parameters(DB, "pass_mariadb_on", "mariadb10.11", {"require_secure_transport": "ON"}),
        rds_parameters(DB, "oracle_not_concerned", "oracle-ee-19", {}),
        # Aurora keeps rds.force_ssl and require_secure_transport in the cluster parameter group: an
        # Aurora DB instance parameter group cannot set them and is not concerned.
        rds_parameters(DB, "aurora_mysql_instance_group", "aurora-mysql8.0", {"max_connections": "500"}),
        rds_parameters(DB, "aurora_postgres_instance_group", "aurora-postgresql16", {}),
        rds_parameters(DB, "fail_mariadb114_not_set", "mariadb11.4", {}),
        rds_parameters(DB, "pass_mariadb118_default", "mariadb11.8", {}),
        rds_parameters(DB, "fail_mariadb118_off", "mariadb11.8", {"require_secure_transport": "OFF"}),
        rds_parameters(
            CLUSTER, "pass_aurora_mysql_on", "aurora-mysql8.0", {"require_secure_transport": "ON"}
        ),
        rds_parameters(CLUSTER, "pass_aurora_postgres_forced", "aurora-postgresql15", {"rds.force_ssl": "1"}),
    ],
}


def main() -> None:
    for rule_id, cases in FIXTURES.items():
        for path in write(PACK, rule_id, cases, project=PROJECT):
            print(path)


if __name__ == "__main__":
    main()
