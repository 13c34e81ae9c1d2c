"""Every way the residency pack finds where a resource lives, per format (issue 6).

Each case scans one fixture file or folder with the settings of its rule's ``iacgate.yaml`` and asserts
the exact (rule id, resource id) pairs the pack fails, and, per resolution path, the region a resource
gets, how it was found, and the message naming the region, that path and the allowed set.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from iacgate.api import ScanResult, ScanSettings, scan
from iacgate.config import find_config
from iacgate.errors import UsageError

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "residency"
ALLOWED = "eu-west-1, eu-central-1, westeurope, northeurope, swedencentral, polandcentral, europe-*"
_FROM_CONFIG = "from iacgate.yaml"


def run(target: str, region: str | None = _FROM_CONFIG, **residency: Any) -> ScanResult:
    """Scan a fixture file or folder with its rule's iacgate.yaml, residency settings overridden."""
    path = FIXTURES / target
    rule_dir = FIXTURES / target.split("/", 1)[0]
    config = find_config(None, rule_dir)
    settings = {**config.settings, "residency": {**config.settings["residency"], **residency}}
    return scan(
        ScanSettings(
            paths=(path,),
            root=path if path.is_dir() else path.parent,
            packs=("residency",),
            settings=settings,
            region=config.region if region == _FROM_CONFIG else region,
        )
    )


def short(resource_id: str) -> str:
    # Pulumi resources are URNs; their name is the last part.
    return resource_id.rsplit("::", 1)[-1]


def failed(result: ScanResult, status: str = "fail") -> dict[tuple[str, str], str]:
    assert not [n for n in result.notifications if n.level == "error"], result.notifications
    return {
        (v.rule_id, short(v.resource_id)): v.message
        for v in result.evaluation.violations
        if v.status == status
    }


def placed(result: ScanResult) -> dict[str, tuple[object, str]]:
    return {
        short(resource.id): (resource.region, resource.region_source)
        for graph in result.graphs
        for resource in graph.resources
    }


R = "RES-REGION-001"

EXACT_FAILURES: dict[str, set[tuple[str, str]]] = {
    "RES-REGION-001/terraform": {
        (R, "aws_s3_bucket.fail_us"),
        (R, "aws_s3_bucket.fail_unknown_region"),
        (R, 'aws_s3_bucket.fail_provider_chosen_per_instance["us-east-1"]'),
        (R, "aws_s3_bucket.fail_pci_frankfurt"),
        (R, "aws_s3_bucket.fail_restricted_default_tags"),
        (R, "aws_dynamodb_table.fail_own_region_argument"),
        (R, "module.us_store.aws_s3_bucket.fail_module_bucket"),
        (R, "module.aliased.aws_s3_bucket.fail_module_alias"),
        (R, "azurerm_storage_account.fail_eastus"),
        (R, "google_storage_bucket.fail_us_multi_region"),
        (R, "google_bigquery_dataset.fail_us_dataset"),
        (R, "google_sql_database_instance.fail_region_argument"),
        (R, "google_compute_instance.fail_zone"),
        (R, "google_compute_disk.fail_provider_alias_region"),
        (R, "google_storage_bucket.fail_beta_us_multi_region"),
        (R, "google_compute_disk.fail_provider_zone"),
    },
    "RES-REGION-001/terraform-plan/module-providers.tfplan.json": {
        (R, "aws_s3_bucket.fail_restricted_default_tags"),
        (R, "google_compute_disk.fail_google_provider_zone"),
        (R, "module.us_store.aws_s3_bucket.fail_module_bucket"),
        (R, "google_storage_bucket.fail_configured_location_unknown"),
        (R, "module.own_provider.aws_s3_bucket.fail_module_own_provider"),
    },
    "RES-REGION-001/pulumi/stack-config.checkpoint.json": {
        (R, "fail_stack_config_region"),
        (R, "fail_explicit_provider_without_region"),
        (R, "fail_restricted_default_tags"),
        (R, "fail_restricted_provider_default_tags"),
        (R, "fail_native_group_stack_config"),
    },
    "RES-REGION-001/cloudformation": {(R, "FailRestrictedBucket")},
    "RES-GLOBAL-001/terraform": {
        ("RES-GLOBAL-001", "aws_route53_zone.fail_zone"),
        ("RES-GLOBAL-001", "aws_wafv2_web_acl.fail_cloudfront_acl"),
    },
    "RES-S3-001/terraform": {
        ("RES-S3-001", "aws_s3_bucket_replication_configuration.fail_to_us"),
        ("RES-S3-001", "aws_s3_bucket_replication_configuration.fail_unplaced_destination"),
        (R, "aws_s3_bucket.replica_us"),
    },
    "RES-S3-001/pulumi": {
        ("RES-S3-001", "fail_to_us"),
        ("RES-S3-001", "fail_inline_to_us"),
        (R, "replica_us"),
    },
    "RES-DYNAMODB-001/terraform": {
        ("RES-DYNAMODB-001", "aws_dynamodb_table.fail_table"),
        ("RES-DYNAMODB-001", "aws_dynamodb_global_table.fail_global_table"),
    },
    "RES-DYNAMODB-001/pulumi": {
        ("RES-DYNAMODB-001", "fail_table"),
        ("RES-DYNAMODB-001", "fail_global_table"),
    },
    "RES-RDS-001/terraform": {
        ("RES-RDS-001", "aws_db_instance.fail_source"),
        (R, "aws_db_instance.replica_us"),
    },
    "RES-RDS-001/pulumi": {("RES-RDS-001", "fail_source"), (R, "replica_us")},
    "RES-RDS-002/terraform": {
        ("RES-RDS-002", "aws_rds_global_cluster.fail_global_member"),
        ("RES-RDS-002", "aws_rds_global_cluster.fail_global_source"),
        (R, "aws_rds_cluster.secondary_us"),
        (R, "aws_rds_cluster.source_us"),
    },
    "RES-RDS-002/pulumi": {("RES-RDS-002", "fail_global"), (R, "secondary_us")},
    "RES-KMS-001/terraform": {("RES-KMS-001", "aws_kms_key.fail_key"), (R, "aws_kms_replica_key.replica_us")},
    "RES-KMS-001/pulumi": {("RES-KMS-001", "fail_key"), (R, "replica_us")},
    "RES-BACKUP-001/terraform": {
        ("RES-BACKUP-001", "aws_backup_plan.fail_copy_to_vault_resource"),
        ("RES-BACKUP-001", "aws_backup_plan.fail_copy_to_arn"),
        (R, "aws_backup_vault.dr_us"),
    },
    "RES-ECR-001/terraform": {("RES-ECR-001", "aws_ecr_replication_configuration.fail_config")},
    "RES-ECR-001/cloudformation": {("RES-ECR-001", "FailReplication")},
    "RES-ECR-001/pulumi": {("RES-ECR-001", "fail_config")},
    "RES-SECRETS-001/terraform": {("RES-SECRETS-001", "aws_secretsmanager_secret.fail_secret")},
    "RES-AZSTORAGE-001/terraform": {("RES-AZSTORAGE-001", "azurerm_storage_account.fail_grs")},
    "RES-COSMOS-001/terraform": {("RES-COSMOS-001", "azurerm_cosmosdb_account.fail_cosmos")},
    "RES-AZSQL-001/terraform": {
        ("RES-AZSQL-001", "azurerm_mssql_failover_group.fail_group"),
        (R, "azurerm_mssql_server.secondary_eastus"),
    },
    "RES-AZSQL-001/pulumi": {("RES-AZSQL-001", "fail_group"), (R, "secondary_eastus")},
}


@pytest.mark.parametrize("target", sorted(EXACT_FAILURES))
def test_exact_failures(target: str) -> None:
    assert set(failed(run(target))) == EXACT_FAILURES[target]


# (fixture, resource, region it gets, how it was found): one row per resolution path.
PATHS = [
    # Terraform HCL
    ("RES-REGION-001/terraform", "aws_s3_bucket.pass_default", "eu-west-1", "provider aws"),
    ("RES-REGION-001/terraform", "aws_s3_bucket.fail_us", "us-east-1", "provider aws.us"),
    (
        "RES-REGION-001/terraform",
        "module.frankfurt_store.aws_s3_bucket.pass_module_bucket",
        "eu-central-1",
        "provider aws.frankfurt (module.frankfurt_store via providers map)",
    ),
    (
        "RES-REGION-001/terraform",
        "module.inherited_store.aws_s3_bucket.pass_module_bucket",
        "eu-west-1",
        "provider aws (inherited by module.inherited_store)",
    ),
    (
        "RES-REGION-001/terraform",
        "module.aliased.aws_s3_bucket.fail_module_alias",
        "us-east-1",
        "provider aws.us (module.aliased via providers map)",
    ),
    (
        "RES-REGION-001/terraform",
        "aws_dynamodb_table.pass_own_region_argument",
        "eu-central-1",
        "resource argument region",
    ),
    (
        "RES-REGION-001/terraform",
        "azurerm_key_vault.pass_location_from_group",
        "West Europe",
        "resource argument location",
    ),
    (
        "RES-REGION-001/terraform",
        "google_storage_bucket.pass_eu_multi_region",
        "EU",
        "resource argument location",
    ),
    (
        "RES-REGION-001/terraform",
        "google_sql_database_instance.fail_region_argument",
        "us-east1",
        "resource argument region",
    ),
    (
        "RES-REGION-001/terraform",
        "google_compute_instance.pass_zone",
        "europe-west4",
        "resource argument zone",
    ),
    (
        "RES-REGION-001/terraform",
        "google_compute_disk.pass_provider_default_region",
        "europe-west1",
        "provider google",
    ),
    (
        "RES-REGION-001/terraform",
        "google_compute_disk.fail_provider_zone",
        "us-east1",
        "provider google.zoned",
    ),
    # Terraform plan: configuration.provider_config
    (
        "RES-REGION-001/terraform-plan/module-providers.tfplan.json",
        "aws_s3_bucket.pass_region_from_root_variable",
        "eu-west-1",
        "provider aws",
    ),
    (
        "RES-REGION-001/terraform-plan/module-providers.tfplan.json",
        "aws_s3_bucket.pass_computed_region_is_the_providers",
        "eu-west-1",
        "provider aws",
    ),
    (
        "RES-REGION-001/terraform-plan/module-providers.tfplan.json",
        "module.us_store.aws_s3_bucket.fail_module_bucket",
        "us-east-1",
        "provider aws.us (module.us_store via providers map)",
    ),
    (
        "RES-REGION-001/terraform-plan/module-providers.tfplan.json",
        "module.inherited_store.aws_s3_bucket.pass_module_bucket",
        "eu-west-1",
        "provider aws (inherited by module.inherited_store)",
    ),
    (
        "RES-REGION-001/terraform-plan/module-providers.tfplan.json",
        "module.own_provider.aws_s3_bucket.fail_module_own_provider",
        "us-west-2",
        "provider aws (declared in module.own_provider)",
    ),
    (
        "RES-REGION-001/terraform-plan/module-providers.tfplan.json",
        "google_compute_disk.fail_google_provider_zone",
        "us-east1",
        "provider google.zoned",
    ),
    # Pulumi: explicit providers, default providers and stack config
    (
        "RES-REGION-001/pulumi/RES-REGION-001.stack.json",
        "pass_bucket",
        "eu-west-1",
        "provider default_6_63_0 argument region",
    ),
    (
        "RES-REGION-001/pulumi/RES-REGION-001.stack.json",
        "fail_bucket_us",
        "us-east-1",
        "provider virginia argument region",
    ),
    (
        "RES-REGION-001/pulumi/RES-REGION-001.stack.json",
        "pass_account",
        "westeurope",
        "resource argument location",
    ),
    (
        "RES-REGION-001/pulumi/stack-config.checkpoint.json",
        "fail_stack_config_region",
        "us-east-1",
        "stack config aws:region",
    ),
    (
        "RES-REGION-001/pulumi/stack-config.checkpoint.json",
        "pass_gcp_stack_config_region",
        "europe-west1",
        "stack config gcp:region",
    ),
    # Each package's default provider reads its own key: azure-native:location, not azure:location.
    (
        "RES-REGION-001/pulumi/stack-config.checkpoint.json",
        "fail_native_group_stack_config",
        "eastus",
        "stack config azure-native:location",
    ),
    (
        "RES-REGION-001/pulumi/stack-config.checkpoint.json",
        "pass_classic_group_stack_config",
        "westeurope",
        "stack config azure:location",
    ),
    # CloudFormation: the deployment region from cloudformation.region
    (
        "RES-REGION-001/cloudformation",
        "PassBucket",
        "eu-west-1",
        "scan option (--region, cloudformation.region)",
    ),
]


@pytest.mark.parametrize(("target", "resource_id", "region", "source"), PATHS, ids=[p[1] for p in PATHS])
def test_resolution_path(target: str, resource_id: str, region: str, source: str) -> None:
    assert placed(run(target))[resource_id] == (region, source)


# (fixture, rule, resource, texts its message must hold): the region, the path that produced it, the
# allowed set.
MESSAGES = [
    ("RES-REGION-001/terraform", R, "aws_s3_bucket.fail_us", ["us-east-1", "from provider aws.us", ALLOWED]),
    (
        "RES-REGION-001/terraform",
        R,
        "module.us_store.aws_s3_bucket.fail_module_bucket",
        ["us-east-1", "provider aws.us (module.us_store via providers map)", ALLOWED],
    ),
    (
        "RES-REGION-001/terraform",
        R,
        'aws_s3_bucket.fail_provider_chosen_per_instance["us-east-1"]',
        ["from the resource's provider argument", "does not name one aws configuration"],
    ),
    (
        "RES-REGION-001/terraform",
        R,
        "aws_dynamodb_table.fail_own_region_argument",
        ["at region (from resource argument region) is in us-west-2", ALLOWED],
    ),
    (
        "RES-REGION-001/terraform",
        R,
        "aws_s3_bucket.fail_restricted_default_tags",
        ["from provider aws.restricted_ireland", "eu-west-1", "eu-central-1 (data classified restricted)"],
    ),
    (
        "RES-REGION-001/terraform",
        R,
        "google_storage_bucket.fail_us_multi_region",
        ["is in US, which keeps data in us-central1", ALLOWED],
    ),
    (
        "RES-REGION-001/pulumi/stack-config.checkpoint.json",
        R,
        "fail_stack_config_region",
        ["from stack config aws:region", "us-east-1", ALLOWED],
    ),
    (
        "RES-REGION-001/pulumi/stack-config.checkpoint.json",
        R,
        "fail_restricted_provider_default_tags",
        ["eu-west-1", "eu-central-1 (data classified restricted)"],
    ),
    (
        "RES-REGION-001/cloudformation",
        R,
        "FailRestrictedBucket",
        ["from scan option (--region, cloudformation.region)", "eu-west-1", "(data classified restricted)"],
    ),
    (
        "RES-DYNAMODB-001/terraform",
        "RES-DYNAMODB-001",
        "aws_dynamodb_table.fail_table",
        ["replica at replica[1] (from replica block) is in us-west-2", ALLOWED],
    ),
    (
        "RES-S3-001/terraform",
        "RES-S3-001",
        "aws_s3_bucket_replication_configuration.fail_to_us",
        ["from aws_s3_bucket.replica_us (provider aws.us)) is in us-east-1", ALLOWED],
    ),
    (
        "RES-RDS-002/terraform",
        "RES-RDS-002",
        "aws_rds_global_cluster.fail_global_source",
        ["source cluster aws_rds_cluster.source_us", "us-east-1", ALLOWED],
    ),
    (
        "RES-ECR-001/cloudformation",
        "RES-ECR-001",
        "FailReplication",
        ["destinations[1] (from Destinations block) is in us-east-1", ALLOWED],
    ),
    (
        "RES-AZSTORAGE-001/terraform",
        "RES-AZSTORAGE-001",
        "azurerm_storage_account.fail_grs",
        ["(from Azure region pair of swedencentral) is in swedensouth", ALLOWED],
    ),
]


@pytest.mark.parametrize(
    ("target", "rule_id", "resource_id", "texts"), MESSAGES, ids=[f"{m[1]}-{m[2]}" for m in MESSAGES]
)
def test_message_names_region_path_and_allowed_set(
    target: str, rule_id: str, resource_id: str, texts: list[str]
) -> None:
    message = failed(run(target))[(rule_id, resource_id)]
    for text in texts:
        assert text in message, message


def test_cloudformation_region_option_places_the_template() -> None:
    # --region wins over cloudformation.region in iacgate.yaml: the template deploys to us-east-1.
    result = run("RES-REGION-001/cloudformation", region="us-east-1")
    assert set(failed(result)) == {(R, "PassBucket"), (R, "FailRestrictedBucket")}
    assert (
        "from scan option (--region, cloudformation.region)) is in us-east-1"
        in failed(result)[(R, "PassBucket")]
    )


def test_cloudformation_without_region_fails_and_says_what_to_set() -> None:
    result = run("RES-REGION-001/cloudformation", region=None)
    messages = failed(result)
    assert set(messages) == {(R, "PassBucket"), (R, "FailRestrictedBucket")}
    assert "pass --region or set cloudformation.region in iacgate.yaml" in messages[(R, "PassBucket")]


def test_unknown_region_warn_reports_undetermined_and_does_not_fail() -> None:
    result = run("RES-REGION-001/terraform", unknown_region="warn")
    undetermined = failed(result, "undetermined")
    assert set(undetermined) == {
        (R, "aws_s3_bucket.fail_unknown_region"),
        (R, 'aws_s3_bucket.fail_provider_chosen_per_instance["us-east-1"]'),
    }
    assert (
        "set region (azurerm: location) in the provider configuration"
        in undetermined[(R, "aws_s3_bucket.fail_unknown_region")]
    )
    assert set(failed(result)) == EXACT_FAILURES["RES-REGION-001/terraform"] - set(undetermined)


def test_unknown_region_warn_in_pulumi() -> None:
    result = run("RES-REGION-001/pulumi/stack-config.checkpoint.json", unknown_region="warn")
    assert set(failed(result, "undetermined")) == {(R, "fail_explicit_provider_without_region")}


@pytest.mark.parametrize(("mode", "expected"), [("deny", 2), ("allow", 0)])
def test_global_services_setting(mode: str, expected: int) -> None:
    result = run("RES-GLOBAL-001/terraform", global_services=mode)
    assert len([key for key in failed(result) if key[0] == "RES-GLOBAL-001"]) == expected


def test_without_residency_section_the_pack_says_so_once(tmp_path: Path) -> None:
    source = FIXTURES / "RES-REGION-001" / "terraform"
    # Two scanned folders, one note; tmp_path as the root holds no iacgate.yaml.
    paths = (source, FIXTURES / "RES-S3-001" / "terraform")
    result = scan(ScanSettings(paths=paths, root=tmp_path))
    notes = [n.message for n in result.notifications if n.level == "note" and "residency" in n.message]
    assert notes == ["pack residency not evaluated: no residency section in iacgate.yaml"]
    assert not [c for c in result.evaluation.checks if c.rule_id.startswith("RES-")]
    # Asked for by name, a pack that cannot run is a usage error, never a silent pass.
    with pytest.raises(UsageError, match="pack residency cannot run: it needs a residency section"):
        scan(ScanSettings(paths=paths, root=tmp_path, packs=("residency",)))
