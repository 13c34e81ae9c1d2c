"""The residency fixtures: per rule and per format, resources named by the outcome they must have.

The checked-in files under ``fixtures/residency/<RULE-ID>/<format>/`` are what the tests and
``make check-packs`` read; this script wrote them (plans with the shapes of ``benchmarks/plan_builder.py``,
Pulumi stack exports, CloudFormation templates). Every rule directory holds the ``iacgate.yaml`` the
fixtures are judged with. Rewrite after editing a specification:

    .venv/bin/python tests/rules/residency/fixture_files.py
"""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT / "benchmarks"))

from plan_builder import UNKNOWN, Ref, Spec, build_plan  # noqa: E402

FIXTURES = ROOT / "fixtures" / "residency"
ACCOUNT = "482913057716"
VAULT_EU = f"arn:aws:backup:eu-central-1:{ACCOUNT}:backup-vault:dr"
VAULT_US = f"arn:aws:backup:us-east-1:{ACCOUNT}:backup-vault:dr"

# The settings every residency fixture is judged with (also written as each rule's iacgate.yaml).
RESIDENCY: dict[str, Any] = {
    "allowed_regions": [
        "eu-west-1",
        "eu-central-1",
        "westeurope",
        "northeurope",
        "swedencentral",
        "polandcentral",
        "europe-*",
    ],
    "classifications": {"pci": ["eu-west-1"], "restricted": ["eu-central-1"]},
}
CONFIG = {"residency": RESIDENCY, "cloudformation": {"region": "eu-west-1"}}

PROVIDERS: dict[str, dict[str, Any]] = {
    "aws": {"region": "eu-west-1"},
    "aws.frankfurt": {"region": "eu-central-1"},
    "aws.us": {"region": "us-east-1"},
    "aws.noregion": {"profile": "audit"},
}
_REGISTRY = {
    "azurerm": "registry.terraform.io/hashicorp/azurerm",
    "google": "registry.terraform.io/hashicorp/google",
}


def spec(type_name: str, name: str, values: Mapping[str, Any], provider: str = "aws", **config: Any) -> Spec:
    return Spec(
        type_name,
        name,
        {**values, **{k: UNKNOWN for k, v in config.items() if isinstance(v, Ref)}},
        {**{k: v for k, v in values.items() if v is not UNKNOWN}, **config},
        provider_key=provider,
    )


def plan(specs: Sequence[Spec]) -> dict[str, Any]:
    document = build_plan(specs, providers=PROVIDERS)
    # plan_builder writes AWS resources only; Azure and GCP resources name their own providers.
    entries = [*document["planned_values"]["root_module"]["resources"], *document["resource_changes"]]
    for entry in entries:
        prefix = entry["type"].split("_", 1)[0]
        if prefix in _REGISTRY:
            entry["provider_name"] = _REGISTRY[prefix]
    for resource in document["configuration"]["root_module"]["resources"]:
        prefix = resource["type"].split("_", 1)[0]
        if prefix in _REGISTRY:
            resource["provider_config_key"] = prefix
    document["configuration"]["provider_config"].update(
        {name: {"name": name, "full_name": address, "expressions": {}} for name, address in _REGISTRY.items()}
    )
    return document


def bucket(name: str, provider: str = "aws", **tags: str) -> Spec:
    return spec(
        "aws_s3_bucket",
        name,
        {"bucket": name.replace("_", "-"), "tags": tags or None, "arn": UNKNOWN},
        provider,
    )


TFPLAN: dict[str, list[Spec]] = {
    "RES-REGION-001": [
        bucket("pass_default"),
        bucket("pass_frankfurt", "aws.frankfurt"),
        bucket("fail_us", "aws.us"),
        bucket("fail_pci_frankfurt", "aws.frankfurt", **{"data-classification": "pci"}),
        bucket("pass_pci_ireland", **{"data-classification": "pci"}),
        bucket("fail_unknown_region", "aws.noregion"),
        spec(
            "aws_dynamodb_table",
            "fail_own_region_argument",
            {"name": "t", "hash_key": "id", "region": "ap-south-1"},
        ),
        spec(
            "azurerm_storage_account",
            "pass_westeurope",
            {"name": "a", "location": "westeurope", "account_replication_type": "LRS"},
            "azurerm",
        ),
        spec(
            "azurerm_storage_account",
            "fail_eastus",
            {"name": "b", "location": "East US", "account_replication_type": "LRS"},
            "azurerm",
        ),
        spec("google_storage_bucket", "pass_eu_multi_region", {"name": "c", "location": "EU"}, "google"),
        spec("google_storage_bucket", "pass_eur4_dual_region", {"name": "d", "location": "EUR4"}, "google"),
        spec("google_storage_bucket", "fail_us_multi_region", {"name": "e", "location": "US"}, "google"),
        spec("google_storage_bucket", "fail_nam4_dual_region", {"name": "f", "location": "NAM4"}, "google"),
        spec("google_bigquery_dataset", "pass_eu_dataset", {"dataset_id": "g", "location": "EU"}, "google"),
        spec("google_bigquery_dataset", "fail_us_dataset", {"dataset_id": "h", "location": "US"}, "google"),
        spec(
            "google_compute_instance",
            "pass_zone",
            {"name": "i", "zone": "europe-west1-b", "machine_type": "e2-small"},
            "google",
        ),
        spec(
            "google_compute_instance",
            "fail_zone",
            {"name": "j", "zone": "us-central1-a", "machine_type": "e2-small"},
            "google",
        ),
    ],
    "RES-GLOBAL-001": [
        spec("aws_cloudfront_distribution", "fail_cdn", {"enabled": True}),
        spec("aws_iam_role", "fail_role", {"name": "r", "assume_role_policy": "{}"}),
        spec("aws_route53_zone", "fail_zone", {"name": "example.com"}),
        spec("aws_wafv2_web_acl", "fail_cloudfront_acl", {"name": "a", "scope": "CLOUDFRONT"}),
        spec("aws_wafv2_web_acl", "pass_regional_acl", {"name": "b", "scope": "REGIONAL"}),
    ],
    "RES-S3-001": [
        bucket("source"),
        bucket("replica_frankfurt", "aws.frankfurt"),
        bucket("replica_us", "aws.us"),
        spec(
            "aws_s3_bucket_replication_configuration",
            "pass_to_frankfurt",
            {
                "role": "arn:aws:iam::1:role/r",
                "rule": [{"id": "all", "status": "Enabled", "destination": [{"bucket": UNKNOWN}]}],
            },
            bucket=Ref("aws_s3_bucket.source", "id"),
            rule=[
                {
                    "id": "all",
                    "status": "Enabled",
                    "destination": [{"bucket": Ref("aws_s3_bucket.replica_frankfurt", "arn")}],
                }
            ],
        ),
        spec(
            "aws_s3_bucket_replication_configuration",
            "fail_to_us",
            {
                "role": "arn:aws:iam::1:role/r",
                "rule": [{"id": "all", "status": "Enabled", "destination": [{"bucket": UNKNOWN}]}],
            },
            bucket=Ref("aws_s3_bucket.source", "id"),
            rule=[
                {
                    "id": "all",
                    "status": "Enabled",
                    "destination": [{"bucket": Ref("aws_s3_bucket.replica_us", "arn")}],
                }
            ],
        ),
        spec(
            "aws_s3_bucket_replication_configuration",
            "fail_to_unknown_bucket",
            {
                "role": "arn:aws:iam::1:role/r",
                "rule": [
                    {
                        "id": "all",
                        "status": "Enabled",
                        "destination": [{"bucket": "arn:aws:s3:::bucket-elsewhere"}],
                    }
                ],
            },
            bucket=Ref("aws_s3_bucket.source", "id"),
        ),
    ],
    "RES-DYNAMODB-001": [
        spec(
            "aws_dynamodb_table",
            "pass_eu_replicas",
            {"name": "a", "hash_key": "id", "replica": [{"region_name": "eu-central-1"}]},
        ),
        spec("aws_dynamodb_table", "pass_no_replicas", {"name": "b", "hash_key": "id"}),
        spec(
            "aws_dynamodb_table",
            "fail_us_replica",
            {
                "name": "c",
                "hash_key": "id",
                "replica": [{"region_name": "eu-central-1"}, {"region_name": "us-east-1"}],
            },
        ),
    ],
    "RES-RDS-001": [
        spec(
            "aws_db_instance",
            "pass_source",
            {"identifier": "a", "instance_class": "db.t3.micro", "arn": UNKNOWN},
        ),
        spec(
            "aws_db_instance",
            "replica_frankfurt",
            {"instance_class": "db.t3.micro"},
            "aws.frankfurt",
            replicate_source_db=Ref("aws_db_instance.pass_source", "arn"),
        ),
        spec(
            "aws_db_instance",
            "fail_source",
            {"identifier": "b", "instance_class": "db.t3.micro", "arn": UNKNOWN},
        ),
        spec(
            "aws_db_instance",
            "replica_us",
            {"instance_class": "db.t3.micro"},
            "aws.us",
            replicate_source_db=Ref("aws_db_instance.fail_source", "arn"),
        ),
    ],
    "RES-RDS-002": [
        spec(
            "aws_rds_global_cluster",
            "pass_global",
            {"global_cluster_identifier": "a", "engine": "aurora-postgresql"},
        ),
        spec(
            "aws_rds_cluster",
            "primary_a",
            {"engine": "aurora-postgresql"},
            global_cluster_identifier=Ref("aws_rds_global_cluster.pass_global", "id"),
        ),
        spec(
            "aws_rds_cluster",
            "secondary_frankfurt",
            {"engine": "aurora-postgresql"},
            "aws.frankfurt",
            global_cluster_identifier=Ref("aws_rds_global_cluster.pass_global", "id"),
        ),
        spec(
            "aws_rds_global_cluster",
            "fail_global",
            {"global_cluster_identifier": "b", "engine": "aurora-postgresql"},
        ),
        spec(
            "aws_rds_cluster",
            "primary_b",
            {"engine": "aurora-postgresql"},
            global_cluster_identifier=Ref("aws_rds_global_cluster.fail_global", "id"),
        ),
        spec(
            "aws_rds_cluster",
            "secondary_us",
            {"engine": "aurora-postgresql"},
            "aws.us",
            global_cluster_identifier=Ref("aws_rds_global_cluster.fail_global", "id"),
        ),
    ],
    "RES-KMS-001": [
        spec("aws_kms_key", "pass_primary", {"multi_region": True, "arn": UNKNOWN}),
        spec(
            "aws_kms_replica_key",
            "replica_frankfurt",
            {},
            "aws.frankfurt",
            primary_key_arn=Ref("aws_kms_key.pass_primary", "arn"),
        ),
        spec("aws_kms_key", "fail_primary", {"multi_region": True, "arn": UNKNOWN}),
        spec(
            "aws_kms_replica_key",
            "replica_us",
            {},
            "aws.us",
            primary_key_arn=Ref("aws_kms_key.fail_primary", "arn"),
        ),
        spec("aws_kms_key", "pass_single_region", {"multi_region": False}),
    ],
    "RES-BACKUP-001": [
        spec("aws_backup_vault", "dr_us", {"name": "dr-us", "arn": UNKNOWN}, "aws.us"),
        spec(
            "aws_backup_plan",
            "pass_copy_frankfurt",
            {
                "name": "a",
                "rule": [
                    {
                        "rule_name": "daily",
                        "target_vault_name": "main",
                        "copy_action": [{"destination_vault_arn": VAULT_EU}],
                    }
                ],
            },
        ),
        spec(
            "aws_backup_plan",
            "pass_no_copy",
            {"name": "b", "rule": [{"rule_name": "daily", "target_vault_name": "main"}]},
        ),
        spec(
            "aws_backup_plan",
            "fail_copy_us",
            {
                "name": "c",
                "rule": [
                    {
                        "rule_name": "daily",
                        "target_vault_name": "main",
                        "copy_action": [{"destination_vault_arn": VAULT_US}],
                    }
                ],
            },
        ),
        spec(
            "aws_backup_plan",
            "fail_copy_vault_reference",
            {
                "name": "d",
                "rule": [
                    {
                        "rule_name": "daily",
                        "target_vault_name": "main",
                        "copy_action": [{"destination_vault_arn": UNKNOWN}],
                    }
                ],
            },
            rule=[
                {
                    "rule_name": "daily",
                    "target_vault_name": "main",
                    "copy_action": [{"destination_vault_arn": Ref("aws_backup_vault.dr_us", "arn")}],
                }
            ],
        ),
    ],
    "RES-ECR-001": [
        spec(
            "aws_ecr_replication_configuration",
            "pass_frankfurt",
            {
                "replication_configuration": [
                    {"rule": [{"destination": [{"region": "eu-central-1", "registry_id": ACCOUNT}]}]}
                ]
            },
        ),
        spec(
            "aws_ecr_replication_configuration",
            "fail_us",
            {
                "replication_configuration": [
                    {
                        "rule": [
                            {
                                "destination": [
                                    {"region": "eu-central-1", "registry_id": ACCOUNT},
                                    {"region": "us-west-2", "registry_id": ACCOUNT},
                                ]
                            }
                        ]
                    }
                ]
            },
        ),
    ],
    "RES-SECRETS-001": [
        spec(
            "aws_secretsmanager_secret",
            "pass_replica_frankfurt",
            {"name": "a", "replica": [{"region": "eu-central-1"}]},
        ),
        spec("aws_secretsmanager_secret", "pass_no_replica", {"name": "b"}),
        spec(
            "aws_secretsmanager_secret",
            "fail_replica_us",
            {"name": "c", "replica": [{"region": "us-east-1"}]},
        ),
    ],
    "RES-AZSTORAGE-001": [
        spec(
            "azurerm_storage_account",
            "pass_lrs",
            {"name": "a", "location": "westeurope", "account_replication_type": "LRS"},
            "azurerm",
        ),
        spec(
            "azurerm_storage_account",
            "pass_grs_westeurope",
            {"name": "b", "location": "West Europe", "account_replication_type": "GRS"},
            "azurerm",
        ),
        spec(
            "azurerm_storage_account",
            "fail_grs_swedencentral",
            {"name": "c", "location": "swedencentral", "account_replication_type": "RAGRS"},
            "azurerm",
        ),
        spec(
            "azurerm_storage_account",
            "fail_gzrs_unpaired",
            {"name": "d", "location": "polandcentral", "account_replication_type": "GZRS"},
            "azurerm",
        ),
    ],
    "RES-COSMOS-001": [
        spec(
            "azurerm_cosmosdb_account",
            "pass_europe",
            {
                "name": "a",
                "location": "westeurope",
                "geo_location": [
                    {"location": "westeurope", "failover_priority": 0},
                    {"location": "northeurope", "failover_priority": 1},
                ],
            },
            "azurerm",
        ),
        spec(
            "azurerm_cosmosdb_account",
            "fail_eastus",
            {
                "name": "b",
                "location": "westeurope",
                "geo_location": [
                    {"location": "westeurope", "failover_priority": 0},
                    {"location": "eastus", "failover_priority": 1},
                ],
            },
            "azurerm",
        ),
    ],
    "RES-AZSQL-001": [
        spec(
            "azurerm_mssql_server",
            "primary",
            {"name": "p", "location": "westeurope", "id": UNKNOWN},
            "azurerm",
        ),
        spec(
            "azurerm_mssql_server",
            "secondary_eu",
            {"name": "s1", "location": "northeurope", "id": UNKNOWN},
            "azurerm",
        ),
        spec(
            "azurerm_mssql_server",
            "secondary_us",
            {"name": "s2", "location": "eastus", "id": UNKNOWN},
            "azurerm",
        ),
        spec(
            "azurerm_mssql_failover_group",
            "pass_partner_eu",
            {"name": "a", "partner_server": [{"id": UNKNOWN, "location": UNKNOWN}]},
            "azurerm",
            server_id=Ref("azurerm_mssql_server.primary", "id"),
            partner_server=[{"id": Ref("azurerm_mssql_server.secondary_eu", "id")}],
        ),
        spec(
            "azurerm_mssql_failover_group",
            "fail_partner_us",
            {"name": "b", "partner_server": [{"id": UNKNOWN, "location": UNKNOWN}]},
            "azurerm",
            server_id=Ref("azurerm_mssql_server.primary", "id"),
            partner_server=[{"id": Ref("azurerm_mssql_server.secondary_us", "id")}],
        ),
    ],
}

# --- CloudFormation (deployment region eu-west-1 from iacgate.yaml) ------------------------------------

CLOUDFORMATION: dict[str, str] = {
    "RES-REGION-001": """
  PassBucket:
    Type: AWS::S3::Bucket
  FailRestrictedBucket:
    Type: AWS::S3::Bucket
    Properties:
      Tags: [{Key: data-classification, Value: restricted}]
""",
    "RES-GLOBAL-001": """
  FailDistribution:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig: {Enabled: true}
  PassRegionalAcl:
    Type: AWS::WAFv2::WebACL
    Properties: {Scope: REGIONAL, DefaultAction: {Allow: {}}}
""",
    "RES-S3-001": """
  Replica:
    Type: AWS::S3::Bucket
    Properties: {BucketName: replica-bucket}
  PassReplicatedHere:
    Type: AWS::S3::Bucket
    Properties:
      ReplicationConfiguration:
        Role: arn:aws:iam::482913057716:role/replication
        Rules:
          - Status: Enabled
            Destination: {Bucket: !GetAtt Replica.Arn}
  FailReplicatedElsewhere:
    Type: AWS::S3::Bucket
    Properties:
      ReplicationConfiguration:
        Role: arn:aws:iam::482913057716:role/replication
        Rules:
          - Status: Enabled
            Destination: {Bucket: "arn:aws:s3:::bucket-in-another-account"}
""",
    "RES-DYNAMODB-001": """
  PassGlobalTable:
    Type: AWS::DynamoDB::GlobalTable
    Properties:
      Replicas: [{Region: eu-west-1}, {Region: eu-central-1}]
  FailGlobalTable:
    Type: AWS::DynamoDB::GlobalTable
    Properties:
      Replicas: [{Region: eu-west-1}, {Region: us-east-1}]
""",
    "RES-SECRETS-001": """
  PassSecret:
    Type: AWS::SecretsManager::Secret
    Properties:
      ReplicaRegions: [{Region: eu-central-1}]
  FailSecret:
    Type: AWS::SecretsManager::Secret
    Properties:
      ReplicaRegions: [{Region: us-east-1}]
""",
    "RES-BACKUP-001": """
  PassPlan:
    Type: AWS::Backup::BackupPlan
    Properties:
      BackupPlan:
        BackupPlanName: pass
        BackupPlanRule:
          - RuleName: daily
            TargetBackupVault: main
            CopyActions:
              - DestinationBackupVaultArn: "arn:aws:backup:eu-central-1:482913057716:backup-vault:dr"
  FailPlan:
    Type: AWS::Backup::BackupPlan
    Properties:
      BackupPlan:
        BackupPlanName: fail
        BackupPlanRule:
          - RuleName: daily
            TargetBackupVault: main
            CopyActions:
              - DestinationBackupVaultArn: "arn:aws:backup:us-east-1:482913057716:backup-vault:dr"
""",
}

# --- Pulumi stack exports ---------------------------------------------------------------------------------

_STACK = "urn:pulumi:prod::residency::pulumi:pulumi:Stack::residency-prod"


def _urn(token: str, name: str) -> str:
    return f"urn:pulumi:prod::residency::{token}::{name}"


def _provider(package: str, name: str, inputs: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "urn": _urn(f"pulumi:providers:{package}", name),
        "custom": True,
        "id": f"{name}-id",
        "type": f"pulumi:providers:{package}",
        "inputs": dict(inputs),
        "outputs": dict(inputs),
    }


AWS_EU = _provider("aws", "default_6_63_0", {"region": "eu-west-1"})
AWS_US = _provider("aws", "virginia", {"region": "us-east-1"})


def resource(
    token: str, name: str, inputs: Mapping[str, Any], provider: Mapping[str, Any] | None = AWS_EU
) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "urn": _urn(token, name),
        "custom": True,
        "id": name,
        "type": token,
        "inputs": dict(inputs),
        "outputs": dict(inputs),
        "parent": _STACK,
    }
    if provider is not None:
        entry["provider"] = f"{provider['urn']}::{provider['id']}"
    return entry


PULUMI: dict[str, list[dict[str, Any]]] = {
    "RES-REGION-001": [
        resource("aws:s3/bucketV2:BucketV2", "pass_bucket", {"bucket": "a"}),
        resource("aws:s3/bucketV2:BucketV2", "fail_bucket_us", {"bucket": "b"}, AWS_US),
        resource(
            "azure:storage/account:Account",
            "pass_account",
            {"location": "westeurope", "accountReplicationType": "LRS"},
            None,
        ),
        resource("gcp:storage/bucket:Bucket", "fail_gcs_us", {"location": "US"}, None),
        resource(
            "gcp:bigquery/dataset:Dataset", "pass_dataset_eu", {"datasetId": "d", "location": "EU"}, None
        ),
    ],
    "RES-GLOBAL-001": [
        resource("aws:iam/role:Role", "fail_role", {"assumeRolePolicy": "{}"}),
        resource("aws:wafv2/webAcl:WebAcl", "pass_regional_acl", {"scope": "REGIONAL"}),
    ],
    "RES-DYNAMODB-001": [
        resource(
            "aws:dynamodb/table:Table",
            "pass_table",
            {"hashKey": "id", "replicas": [{"regionName": "eu-central-1"}]},
        ),
        resource(
            "aws:dynamodb/table:Table",
            "fail_table",
            {"hashKey": "id", "replicas": [{"regionName": "us-west-2"}]},
        ),
    ],
    "RES-SECRETS-001": [
        resource(
            "aws:secretsmanager/secret:Secret", "pass_secret", {"replicas": [{"region": "eu-central-1"}]}
        ),
        resource("aws:secretsmanager/secret:Secret", "fail_secret", {"replicas": [{"region": "us-east-1"}]}),
    ],
    "RES-BACKUP-001": [
        resource(
            "aws:backup/plan:Plan",
            "pass_plan",
            {
                "rules": [
                    {
                        "ruleName": "daily",
                        "targetVaultName": "main",
                        "copyActions": [{"destinationVaultArn": VAULT_EU}],
                    }
                ]
            },
        ),
        resource(
            "aws:backup/plan:Plan",
            "fail_plan",
            {
                "rules": [
                    {
                        "ruleName": "daily",
                        "targetVaultName": "main",
                        "copyActions": [{"destinationVaultArn": VAULT_US}],
                    }
                ]
            },
        ),
    ],
    "RES-AZSTORAGE-001": [
        resource(
            "azure:storage/account:Account",
            "pass_grs",
            {"location": "westeurope", "accountReplicationType": "GRS"},
            None,
        ),
        resource(
            "azure:storage/account:Account",
            "fail_grs",
            {"location": "swedencentral", "accountReplicationType": "GRS"},
            None,
        ),
    ],
    "RES-COSMOS-001": [
        resource(
            "azure:cosmosdb/account:Account",
            "pass_cosmos",
            {"location": "westeurope", "geoLocations": [{"location": "northeurope", "failoverPriority": 0}]},
            None,
        ),
        resource(
            "azure:cosmosdb/account:Account",
            "fail_cosmos",
            {"location": "westeurope", "geoLocations": [{"location": "eastus", "failoverPriority": 1}]},
            None,
        ),
    ],
}


def stack_export(resources: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    stack = {"urn": _STACK, "custom": False, "type": "pulumi:pulumi:Stack"}
    return {
        "version": 3,
        "deployment": {
            "manifest": {"time": "2025-06-02T09:14:27Z", "magic": "residency", "version": "v3.136.1"},
            "resources": [stack, AWS_EU, AWS_US, *resources],
        },
    }


def write() -> None:
    import yaml

    rules = sorted({*TFPLAN, *CLOUDFORMATION, *PULUMI})
    for rule_id in rules:
        directory = FIXTURES / rule_id
        directory.mkdir(parents=True, exist_ok=True)
        (directory / "iacgate.yaml").write_text(
            "# The settings these fixtures are judged with (the tests and make check-packs read them).\n"
            + yaml.safe_dump(CONFIG, sort_keys=False, default_flow_style=None)
        )
        if rule_id in TFPLAN:
            (directory / "terraform-plan").mkdir(exist_ok=True)
            text = json.dumps(plan(TFPLAN[rule_id]), indent=1) + "\n"
            (directory / "terraform-plan" / f"{rule_id}.tfplan.json").write_text(text)
        if rule_id in CLOUDFORMATION:
            (directory / "cloudformation").mkdir(exist_ok=True)
            text = 'AWSTemplateFormatVersion: "2010-09-09"\nResources:' + CLOUDFORMATION[rule_id]
            (directory / "cloudformation" / f"{rule_id}.yaml").write_text(text)
        if rule_id in PULUMI:
            (directory / "pulumi").mkdir(exist_ok=True)
            text = json.dumps(stack_export(PULUMI[rule_id]), indent=1) + "\n"
            (directory / "pulumi" / f"{rule_id}.stack.json").write_text(text)


if __name__ == "__main__":
    write()
