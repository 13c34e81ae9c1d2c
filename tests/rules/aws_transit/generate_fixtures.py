"""Fixtures of the AWS encryption-in-transit rules of issue 15 §2 (aws_transit group), in every format
where the resource exists (CloudFormation has no CloudSearch and no SES v1 configuration set).

Each case is a resource named by its expected outcome with its Terraform arguments, its CloudFormation
properties and its Pulumi inputs; ``defaults`` are what the provider plans for arguments left out. Rewrite
the checked-in files after editing a case:

    .venv/bin/python tests/rules/aws_transit/generate_fixtures.py
"""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from aws_tls.generate_fixtures import rds_parameters
from fixture_writer import ACCOUNT, REGION, Case, Ref, write

__all__ = ["FIXTURES", "PACK", "PROJECT", "write"]

PACK = "encryption"
PROJECT = "awstransit"
DAX_ROLE = f"arn:aws:iam::{ACCOUNT}:role/dax-access"


def _ident(name: str) -> str:
    return name.replace("_", "-")


def _set(values: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in values.items() if value is not None}


# --- DAX -------------------------------------------------------------------------------------------


def dax(name: str, encryption: Any) -> Case:
    return Case(
        "aws_dax_cluster",
        name,
        _set(
            {
                "cluster_name": _ident(name)[:20],
                "iam_role_arn": DAX_ROLE,
                "node_type": "dax.r5.large",
                "replication_factor": 3,
                "cluster_endpoint_encryption_type": encryption,
                "server_side_encryption": [{"enabled": True}],
            }
        ),
        (
            "AWS::DAX::Cluster",
            _set(
                {
                    "ClusterName": _ident(name)[:20],
                    "IAMRoleARN": DAX_ROLE,
                    "NodeType": "dax.r5.large",
                    "ReplicationFactor": 3,
                    "ClusterEndpointEncryptionType": encryption,
                    "SSESpecification": {"SSEEnabled": True},
                }
            ),
        ),
        (
            "aws:dax/cluster:Cluster",
            _set(
                {
                    "clusterName": _ident(name)[:20],
                    "iamRoleArn": DAX_ROLE,
                    "nodeType": "dax.r5.large",
                    "replicationFactor": 3,
                    "clusterEndpointEncryptionType": encryption,
                    "serverSideEncryption": {"enabled": True},
                }
            ),
        ),
        blocks=("server_side_encryption",),
        defaults={"cluster_endpoint_encryption_type": "NONE"},
    )


# --- DocumentDB ------------------------------------------------------------------------------------


def docdb_group(name: str, tls: Any) -> Case:
    """A DocumentDB cluster parameter group; CloudFormation writes Parameters as a name -> value map."""
    values: dict[str, Any] = {"audit_logs": "enabled"}
    if tls is not None:
        values["tls"] = tls
    return Case(
        "aws_docdb_cluster_parameter_group",
        name,
        {
            "name": _ident(name),
            "family": "docdb5.0",
            "parameter": [{"name": key, "value": value} for key, value in values.items()],
        },
        (
            "AWS::DocDB::DBClusterParameterGroup",
            {"Name": _ident(name), "Description": _ident(name), "Family": "docdb5.0", "Parameters": values},
        ),
        (
            "aws:docdb/clusterParameterGroup:ClusterParameterGroup",
            {
                "name": _ident(name),
                "family": "docdb5.0",
                "parameters": [{"name": key, "value": value} for key, value in values.items()],
            },
        ),
        blocks=("parameter",),
    )


# --- MemoryDB --------------------------------------------------------------------------------------


def memorydb(name: str, tls: Any) -> Case:
    return Case(
        "aws_memorydb_cluster",
        name,
        _set({"name": _ident(name), "node_type": "db.r6g.large", "acl_name": "app-acl", "tls_enabled": tls}),
        (
            "AWS::MemoryDB::Cluster",
            _set(
                {
                    "ClusterName": _ident(name),
                    "NodeType": "db.r6g.large",
                    "ACLName": "app-acl",
                    "TLSEnabled": tls,
                }
            ),
        ),
        (
            "aws:memorydb/cluster:Cluster",
            _set({"name": _ident(name), "nodeType": "db.r6g.large", "aclName": "app-acl", "tlsEnabled": tls}),
        ),
        defaults={"tls_enabled": True},
    )


# --- CloudSearch (no CloudFormation resource) ------------------------------------------------------


def cloudsearch(name: str, enforce_https: bool | None, policy: str | None, block: bool = True) -> Case:
    options = _set({"enforce_https": enforce_https, "tls_security_policy": policy})
    pulumi_options = _set({"enforceHttps": enforce_https, "tlsSecurityPolicy": policy})
    return Case(
        "aws_cloudsearch_domain",
        name,
        _set({"name": _ident(name)[:28], "endpoint_options": [options] if block else None}),
        None,
        (
            "aws:cloudsearch/domain:Domain",
            _set({"name": _ident(name)[:28], "endpointOptions": pulumi_options if block else None}),
        ),
        blocks=("endpoint_options",),
        defaults={
            "endpoint_options": {"enforce_https": False, "tls_security_policy": "Policy-Min-TLS-1-0-2019-07"}
        },
    )


# --- SES configuration sets (v2 everywhere, v1 in Terraform and Pulumi) -----------------------------


def ses_v2(name: str, tls_policy: Any, block: bool = True) -> Case:
    options = [_set({"tls_policy": tls_policy})] if block else None
    return Case(
        "aws_sesv2_configuration_set",
        name,
        _set({"configuration_set_name": _ident(name), "delivery_options": options}),
        (
            "AWS::SES::ConfigurationSet",
            _set({"Name": _ident(name), "DeliveryOptions": {"TlsPolicy": tls_policy} if block else None}),
        ),
        (
            "aws:sesv2/configurationSet:ConfigurationSet",
            _set(
                {
                    "configurationSetName": _ident(name),
                    "deliveryOptions": {"tlsPolicy": tls_policy} if block else None,
                }
            ),
        ),
        blocks=("delivery_options",),
        defaults={"delivery_options": {"tls_policy": "OPTIONAL"}},
    )


def ses_v1(name: str, tls_policy: str) -> Case:
    return Case(
        "aws_ses_configuration_set",
        name,
        {"name": _ident(name), "delivery_options": [{"tls_policy": tls_policy}]},
        None,
        (
            "aws:ses/configurationSet:ConfigurationSet",
            {"name": _ident(name), "deliveryOptions": {"tlsPolicy": tls_policy}},
        ),
        blocks=("delivery_options",),
    )


# --- Transfer Family -------------------------------------------------------------------------------


def transfer(name: str, protocols: list[str] | None, policy: Any) -> Case:
    return Case(
        "aws_transfer_server",
        name,
        _set(
            {
                "identity_provider_type": "SERVICE_MANAGED",
                "endpoint_type": "PUBLIC",
                "protocols": protocols,
                "security_policy_name": policy,
            }
        ),
        (
            "AWS::Transfer::Server",
            _set(
                {
                    "IdentityProviderType": "SERVICE_MANAGED",
                    "EndpointType": "PUBLIC",
                    "Protocols": protocols,
                    "SecurityPolicyName": policy,
                }
            ),
        ),
        (
            "aws:transfer/server:Server",
            _set(
                {
                    "identityProviderType": "SERVICE_MANAGED",
                    "endpointType": "PUBLIC",
                    "protocols": protocols,
                    "securityPolicyName": policy,
                }
            ),
        ),
        defaults={"protocols": ["SFTP"], "security_policy_name": "TransferSecurityPolicy-2018-11"},
    )


# --- Load balancer certificates --------------------------------------------------------------------

LB_ARN = f"arn:aws:elasticloadbalancing:{REGION}:{ACCOUNT}:loadbalancer/app/web/50dc6c495c0c9188"
LISTENER_ARN = (
    f"arn:aws:elasticloadbalancing:{REGION}:{ACCOUNT}:listener/app/web/50dc6c495c0c9188/f2f7dc8efc522ab2"
)
TG_ARN = f"arn:aws:elasticloadbalancing:{REGION}:{ACCOUNT}:targetgroup/web/73e2d6bc24d8a067"
ACM_ARN = f"arn:aws:acm:{REGION}:{ACCOUNT}:certificate/0d2b1c4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e"
IAM_ARN = f"arn:aws:iam::{ACCOUNT}:server-certificate/legacy-web"
IAM_CERT = Case(
    "aws_iam_server_certificate",
    "legacy",
    {"name": "legacy-web", "certificate_body": "placeholder-body", "private_key": "placeholder"},
    (
        "AWS::IAM::ServerCertificate",
        {
            "ServerCertificateName": "legacy-web",
            "CertificateBody": "placeholder-body",
            "PrivateKey": "placeholder",
        },
    ),
    (
        "aws:iam/serverCertificate:ServerCertificate",
        {"name": "legacy-web", "certificateBody": "placeholder-body", "privateKey": "placeholder"},
    ),
)
ACM_CERT = Case(
    "aws_acm_certificate",
    "web",
    {"domain_name": "pay.example.com", "validation_method": "DNS"},
    ("AWS::CertificateManager::Certificate", {"DomainName": "pay.example.com", "ValidationMethod": "DNS"}),
    ("aws:acm/certificate:Certificate", {"domainName": "pay.example.com", "validationMethod": "DNS"}),
)


def https_listener(name: str, certificate: Any) -> Case:
    return Case(
        "aws_lb_listener",
        name,
        {
            "load_balancer_arn": LB_ARN,
            "port": 443,
            "protocol": "HTTPS",
            "ssl_policy": "ELBSecurityPolicy-TLS13-1-2-2021-06",
            "certificate_arn": certificate,
            "default_action": [{"type": "forward", "target_group_arn": TG_ARN}],
        },
        (
            "AWS::ElasticLoadBalancingV2::Listener",
            {
                "LoadBalancerArn": LB_ARN,
                "Port": 443,
                "Protocol": "HTTPS",
                "SslPolicy": "ELBSecurityPolicy-TLS13-1-2-2021-06",
                "Certificates": [{"CertificateArn": certificate}],
                "DefaultActions": [{"Type": "forward", "TargetGroupArn": TG_ARN}],
            },
        ),
        (
            "aws:lb/listener:Listener",
            {
                "loadBalancerArn": LB_ARN,
                "port": 443,
                "protocol": "HTTPS",
                "sslPolicy": "ELBSecurityPolicy-TLS13-1-2-2021-06",
                "certificateArn": certificate,
                "defaultActions": [{"type": "forward", "targetGroupArn": TG_ARN}],
            },
        ),
        blocks=("default_action",),
    )


def listener_certificate(name: str, certificate: Any) -> Case:
    return Case(
        "aws_lb_listener_certificate",
        name,
        {"listener_arn": LISTENER_ARN, "certificate_arn": certificate},
        (
            "AWS::ElasticLoadBalancingV2::ListenerCertificate",
            {"ListenerArn": LISTENER_ARN, "Certificates": [{"CertificateArn": certificate}]},
        ),
        (
            "aws:lb/listenerCertificate:ListenerCertificate",
            {"listenerArn": LISTENER_ARN, "certificateArn": certificate},
        ),
    )


def classic_elb(name: str, certificate: Any) -> Case:
    listener = {
        "instance_port": 443,
        "instance_protocol": "https",
        "lb_port": 443,
        "lb_protocol": "https",
        "ssl_certificate_id": certificate,
    }
    return Case(
        "aws_elb",
        name,
        {"name": _ident(name)[:32], "availability_zones": [f"{REGION}a"], "listener": [listener]},
        (
            "AWS::ElasticLoadBalancing::LoadBalancer",
            {
                "LoadBalancerName": _ident(name)[:32],
                "AvailabilityZones": [f"{REGION}a"],
                "Listeners": [
                    {
                        "InstancePort": "443",
                        "InstanceProtocol": "HTTPS",
                        "LoadBalancerPort": "443",
                        "Protocol": "HTTPS",
                        "SSLCertificateId": certificate,
                    }
                ],
            },
        ),
        (
            "aws:elb/loadBalancer:LoadBalancer",
            {
                "name": _ident(name)[:32],
                "availabilityZones": [f"{REGION}a"],
                "listeners": [
                    {
                        "instancePort": 443,
                        "instanceProtocol": "https",
                        "lbPort": 443,
                        "lbProtocol": "https",
                        "sslCertificateId": certificate,
                    }
                ],
            },
        ),
        blocks=("listener",),
    )


# --- Neptune and DMS -------------------------------------------------------------------------------


def neptune_group(name: str, enforce: str | None) -> Case:
    values = {"neptune_query_timeout": "120000"}
    if enforce is not None:
        values["neptune_enforce_ssl"] = enforce
    return Case(
        "aws_neptune_cluster_parameter_group",
        name,
        {
            "name": _ident(name),
            "family": "neptune1.3",
            "parameter": [{"name": key, "value": value} for key, value in values.items()],
        },
        (
            "AWS::Neptune::DBClusterParameterGroup",
            {"Name": _ident(name), "Description": _ident(name), "Family": "neptune1.3", "Parameters": values},
        ),
        (
            "aws:neptune/clusterParameterGroup:ClusterParameterGroup",
            {
                "name": _ident(name),
                "family": "neptune1.3",
                "parameters": [{"name": key, "value": value} for key, value in values.items()],
            },
        ),
        blocks=("parameter",),
    )


def dms_endpoint(name: str, engine: str, ssl_mode: str | None) -> Case:
    database = engine not in ("s3", "dynamodb", "kinesis")
    tf = _set(
        {
            "endpoint_id": _ident(name),
            "endpoint_type": "source",
            "engine_name": engine,
            "server_name": "ledger.cluster-c1a2b3.eu-west-1.rds.amazonaws.com" if database else None,
            "port": 5432 if database else None,
            "database_name": "ledger" if database else None,
            "username": "dms" if database else None,
            "ssl_mode": ssl_mode,
        }
    )
    return Case(
        "aws_dms_endpoint",
        name,
        tf,
        (
            "AWS::DMS::Endpoint",
            _set(
                {
                    "EndpointIdentifier": _ident(name),
                    "EndpointType": "source",
                    "EngineName": engine,
                    "ServerName": tf.get("server_name"),
                    "Port": tf.get("port"),
                    "DatabaseName": tf.get("database_name"),
                    "Username": tf.get("username"),
                    "SslMode": ssl_mode,
                }
            ),
        ),
        (
            "aws:dms/endpoint:Endpoint",
            _set(
                {
                    "endpointId": _ident(name),
                    "endpointType": "source",
                    "engineName": engine,
                    "serverName": tf.get("server_name"),
                    "port": tf.get("port"),
                    "databaseName": tf.get("database_name"),
                    "username": tf.get("username"),
                    "sslMode": ssl_mode,
                }
            ),
        ),
        defaults={"ssl_mode": "none"},
    )


# --- Values read when a data source is read: undetermined, never a pass (Terraform and plans) ---------


def from_parameter(setting: str) -> tuple[Case, Ref]:
    """An SSM parameter data source holding ``setting`` and the reference to its value."""
    name = setting.replace("-", "_")
    case = Case("aws_ssm_parameter", name, {"name": f"/platform/{setting}"}, data=True)
    return case, Ref(f"data.aws_ssm_parameter.{name}", "value")


def terraform_only(case: Case) -> Case:
    return replace(case, cloudformation=None, pulumi=None)


DAX_SETTING, DAX_VALUE = from_parameter("dax-endpoint-encryption")
MEMORYDB_SETTING, MEMORYDB_VALUE = from_parameter("memorydb-tls")
TRANSFER_SETTING, TRANSFER_VALUE = from_parameter("transfer-security-policy")
SES_SETTING, SES_VALUE = from_parameter("ses-tls-policy")
DOCDB_SETTING, DOCDB_VALUE = from_parameter("docdb-tls")

CURRENT_TRANSFER = "TransferSecurityPolicy-2024-01"
DB = "aws_db_parameter_group"
CLUSTER = "aws_rds_cluster_parameter_group"
TLS12 = "Policy-Min-TLS-1-2-2019-07"

FIXTURES: dict[str, list[Case]] = {
    "ENC-DAX-002": [
        dax("fail_default_no_tls", None),
        dax("fail_none", "NONE"),
        dax("pass_tls", "TLS"),
        DAX_SETTING,
        terraform_only(dax("undetermined_from_parameter", DAX_VALUE)),
    ],
    "ENC-DOCDB-101": [
        docdb_group("fail_tls_disabled", "disabled"),
        docdb_group("pass_tls_not_set", None),
        docdb_group("pass_tls_enabled", "enabled"),
        docdb_group("pass_tls12", "tls1.2+"),
        DOCDB_SETTING,
        terraform_only(docdb_group("undetermined_from_parameter", DOCDB_VALUE)),
    ],
    "ENC-DOCDB-102": [
        docdb_group("fail_tls_not_set", None),
        docdb_group("fail_tls_enabled", "enabled"),
        docdb_group("fail_tls_disabled", "disabled"),
        docdb_group("pass_tls12", "tls1.2+"),
        docdb_group("pass_tls13", "tls1.3+"),
        docdb_group("pass_fips", "fips-140-3"),
        DOCDB_SETTING,
        terraform_only(docdb_group("undetermined_from_parameter", DOCDB_VALUE)),
    ],
    "ENC-MEMORYDB-101": [
        memorydb("fail_tls_off", False),
        memorydb("pass_default", None),
        memorydb("pass_tls_on", True),
        MEMORYDB_SETTING,
        terraform_only(memorydb("undetermined_from_parameter", MEMORYDB_VALUE)),
    ],
    "ENC-CLOUDSEARCH-001": [
        cloudsearch("fail_no_endpoint_options", None, None, block=False),
        cloudsearch("fail_http_allowed", False, TLS12),
        cloudsearch("pass_https", True, TLS12),
        cloudsearch("pass_https_default_policy", True, None),
    ],
    "ENC-CLOUDSEARCH-002": [
        cloudsearch("fail_no_endpoint_options", None, None, block=False),
        cloudsearch("fail_tls10", True, "Policy-Min-TLS-1-0-2019-07"),
        cloudsearch("fail_default_policy", True, None),
        cloudsearch("pass_tls12", True, TLS12),
    ],
    "ENC-SES-001": [
        ses_v2("fail_optional", "OPTIONAL"),
        ses_v2("fail_no_delivery_options", None, block=False),
        ses_v2("pass_require", "REQUIRE"),
        ses_v1("fail_v1_optional", "Optional"),
        ses_v1("pass_v1_require", "Require"),
        SES_SETTING,
        terraform_only(ses_v2("undetermined_from_parameter", SES_VALUE)),
    ],
    "ENC-TRANSFER-001": [
        transfer("fail_ftp", ["SFTP", "FTP"], CURRENT_TRANSFER),
        transfer("pass_default_sftp", None, CURRENT_TRANSFER),
        transfer("pass_sftp_ftps", ["SFTP", "FTPS"], CURRENT_TRANSFER),
    ],
    "ENC-ELB-005": [
        IAM_CERT,
        ACM_CERT,
        https_listener("fail_iam_certificate", IAM_ARN),
        https_listener("fail_iam_certificate_reference", Ref("aws_iam_server_certificate.legacy", "arn")),
        https_listener("pass_acm_certificate", ACM_ARN),
        https_listener("pass_acm_certificate_reference", Ref("aws_acm_certificate.web", "arn")),
        listener_certificate("fail_extra_iam_certificate", IAM_ARN),
        listener_certificate("pass_extra_acm_certificate", ACM_ARN),
        classic_elb("fail_classic_iam", IAM_ARN),
        classic_elb("pass_classic_acm", ACM_ARN),
    ],
    "ENC-RDS-101": [
        rds_parameters(DB, "fail_postgres_tls10", "postgres16", {"ssl_min_protocol_version": "TLSv1"}),
        rds_parameters(DB, "fail_postgres11_default", "postgres11", {}),
        rds_parameters(DB, "pass_postgres_default", "postgres16", {}),
        rds_parameters(DB, "pass_postgres_tls13", "postgres16", {"ssl_min_protocol_version": "TLSv1.3"}),
        rds_parameters(DB, "fail_mysql_tls11", "mysql8.0", {"tls_version": "TLSv1.1,TLSv1.2"}),
        rds_parameters(DB, "fail_mysql57_default", "mysql5.7", {}),
        rds_parameters(DB, "pass_mysql_tls12", "mysql8.0", {"tls_version": "TLSv1.2,TLSv1.3"}),
        rds_parameters(DB, "pass_mysql80_default", "mysql8.0", {}),
        rds_parameters(DB, "fail_sqlserver_tls10", "sqlserver-se-15.0", {"rds.tls10": "enabled"}),
        rds_parameters(DB, "pass_sqlserver_tls10_off", "sqlserver-se-15.0", {"rds.tls10": "disabled"}),
        rds_parameters(
            CLUSTER,
            "fail_aurora_postgres_tls11",
            "aurora-postgresql15",
            {"ssl_min_protocol_version": "TLSv1.1"},
        ),
        rds_parameters(CLUSTER, "pass_aurora_mysql_tls12", "aurora-mysql8.0", {"tls_version": "TLSv1.2"}),
        rds_parameters(CLUSTER, "fail_aurora_mysql57_default", "aurora-mysql5.7", {}),
        # Aurora takes the TLS floor in the cluster parameter group: an instance group is not concerned,
        # nor is an engine without these parameters.
        rds_parameters(DB, "aurora_mysql57_instance_group", "aurora-mysql5.7", {}),
        rds_parameters(DB, "oracle_not_concerned", "oracle-ee-19", {}),
    ],
    "ENC-NEPTUNE-101": [
        neptune_group("fail_ssl_not_enforced", "0"),
        neptune_group("pass_default", None),
        neptune_group("pass_ssl_enforced", "1"),
    ],
    "ENC-DMS-101": [
        dms_endpoint("fail_postgres_no_ssl_mode", "postgres", None),
        dms_endpoint("fail_mysql_ssl_none", "mysql", "none"),
        dms_endpoint("pass_postgres_verify_full", "postgres", "verify-full"),
        dms_endpoint("pass_sqlserver_require", "sqlserver", "require"),
    ],
    "ENC-TRANSFER-002": [
        transfer("fail_default_policy", ["SFTP"], None),
        transfer("fail_2018", ["SFTP"], "TransferSecurityPolicy-2018-11"),
        # The Restricted variant of 2018-11 drops chacha20-poly1305 only: SHA-1 MACs and key exchanges stay.
        transfer("fail_restricted_2018", ["SFTP"], "TransferSecurityPolicy-Restricted-2018-11"),
        transfer("pass_restricted_2024", ["SFTP"], "TransferSecurityPolicy-Restricted-2024-06"),
        transfer("pass_2024", ["SFTP"], CURRENT_TRANSFER),
        transfer("pass_fips", ["SFTP"], "TransferSecurityPolicy-FIPS-2023-05"),
        TRANSFER_SETTING,
        terraform_only(transfer("undetermined_from_parameter", ["SFTP"], TRANSFER_VALUE)),
    ],
}


def main() -> None:
    for rule_id, cases in FIXTURES.items():
        for path in write(PACK, rule_id, cases, project=PROJECT):
            print(path)


if __name__ == "__main__":
    main()
