"""The GCP fixture cases: per rule, google resources named by the outcome the rule must give them.

``defaults`` are the provider's values for arguments the configuration leaves out; they appear in the
plan only (a dict fills each nested block), as ``terraform show -json`` would show them. ``UNKNOWN``
stands for an optional and computed argument, which a plan shows as known after apply.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "benchmarks"))

from plan_builder import UNKNOWN, Ref

PROJECT = "acme-payments-prod"
REGION = "europe-west1"
KMS_KEY = f"projects/{PROJECT}/locations/{REGION}/keyRings/payments/cryptoKeys/data"


@dataclass(frozen=True)
class Case:
    type: str
    name: str
    arguments: dict[str, Any]
    defaults: dict[str, Any] = field(default_factory=dict)


def key_ring() -> Case:
    return Case("google_kms_key_ring", "payments", {"name": "payments", "location": REGION})


# --- Cloud SQL -------------------------------------------------------------------------------------

SQL_SETTINGS_DEFAULTS: dict[str, Any] = {"availability_type": "ZONAL", "database_flags": []}


def sql(name: str, version: str = "POSTGRES_15", encryption_key_name: Any = None, **settings: Any) -> Case:
    arguments: dict[str, Any] = {
        "name": name.replace("_", "-"),
        "database_version": version,
        "region": REGION,
        "deletion_protection": True,
        "settings": [{"tier": "db-custom-2-7680", **settings}],
    }
    if encryption_key_name is not None:
        arguments["encryption_key_name"] = encryption_key_name
    return Case("google_sql_database_instance", name, arguments, sql_defaults(settings))


def sql_defaults(settings: dict[str, Any]) -> dict[str, Any]:
    """The plan's values for what a Cloud SQL configuration leaves out. encryption_key_name, ip_configuration
    and its ssl_mode are optional and computed: a plan of a new instance shows them known after apply."""
    ip_configuration: Any = (
        {"ssl_mode": UNKNOWN} if isinstance(settings.get("ip_configuration"), list) else UNKNOWN
    )
    return {
        "encryption_key_name": UNKNOWN,
        "settings": {**SQL_SETTINGS_DEFAULTS, "ip_configuration": ip_configuration},
    }


def flags(**values: str) -> list[dict[str, str]]:
    return [{"name": name.replace("__", "."), "value": value} for name, value in values.items()]


PRIVATE = {"ipv4_enabled": False, "private_network": f"projects/{PROJECT}/global/networks/payments"}

SQL_TLS = [
    sql("pass_encrypted_only", ip_configuration=[{**PRIVATE, "ssl_mode": "ENCRYPTED_ONLY"}]),
    sql(
        "pass_client_certificates",
        "MYSQL_8_0",
        ip_configuration=[{"ssl_mode": "TRUSTED_CLIENT_CERTIFICATE_REQUIRED"}],
    ),
    sql("pass_legacy_require_ssl", ip_configuration=[{**PRIVATE, "require_ssl": True}]),
    sql(
        "fail_unencrypted_allowed",
        ip_configuration=[{**PRIVATE, "ssl_mode": "ALLOW_UNENCRYPTED_AND_ENCRYPTED"}],
    ),
    sql("fail_ssl_mode_omitted", ip_configuration=[PRIVATE]),
    sql("fail_no_ip_configuration"),
    sql("fail_legacy_require_ssl_false", ip_configuration=[{"require_ssl": False}]),
    # Where both are set, the database respects ssl_mode ("ssl_mode gets priority over require_ssl").
    sql(
        "fail_ssl_mode_allows_despite_require_ssl",
        ip_configuration=[{**PRIVATE, "ssl_mode": "ALLOW_UNENCRYPTED_AND_ENCRYPTED", "require_ssl": True}],
    ),
    sql(
        "pass_encrypted_only_with_require_ssl_false",
        ip_configuration=[{**PRIVATE, "ssl_mode": "ENCRYPTED_ONLY", "require_ssl": False}],
    ),
    # Values unknown until apply (variables without a value) are never a pass.
    sql(
        "undetermined_ssl_mode_variable",
        ip_configuration=[{**PRIVATE, "ssl_mode": Ref("var.ssl_mode", None)}],
    ),
    sql(
        "undetermined_require_ssl_variable",
        ip_configuration=[{**PRIVATE, "require_ssl": Ref("var.require_ssl", None)}],
    ),
    sql("undetermined_ip_configuration_variable", ip_configuration=Ref("var.ip_configuration", None)),
    Case(
        "google_sql_database_instance",
        "undetermined_settings_variable",
        {
            **sql("settings").arguments,
            "name": "undetermined-settings-variable",
            "settings": Ref("var.settings", None),
        },
        {"settings": SQL_SETTINGS_DEFAULTS},
    ),
]

LOG_FLAGS = {"log_connections": "on", "log_disconnections": "on"}

SQL_LOG_CONNECTIONS = [
    sql("pass_connections_logged", database_flags=flags(**LOG_FLAGS)),
    sql("pass_flags_in_capitals", database_flags=flags(log_connections="On", log_disconnections="ON")),
    sql("mysql_not_judged", "MYSQL_8_0"),
    sql("fail_no_flags"),
    sql("fail_disconnections_off", database_flags=flags(log_connections="on", log_disconnections="off")),
    sql("fail_connections_missing", database_flags=flags(log_disconnections="on")),
]

SQL_PGAUDIT = [
    sql("pass_pgaudit_on", database_flags=flags(cloudsql__enable_pgaudit="on", **LOG_FLAGS)),
    sql("sqlserver_not_judged", "SQLSERVER_2022_STANDARD"),
    sql("fail_pgaudit_missing", database_flags=flags(**LOG_FLAGS)),
    sql("fail_pgaudit_off", database_flags=flags(cloudsql__enable_pgaudit="off")),
]

# --- Cloud KMS -------------------------------------------------------------------------------------

KMS_DEFAULTS: dict[str, Any] = {"purpose": "ENCRYPT_DECRYPT", "destroy_scheduled_duration": "2592000s"}


def crypto_key(name: str, **arguments: Any) -> Case:
    base = {"name": name.replace("_", "-"), "key_ring": Ref("google_kms_key_ring.payments", "id")}
    return Case("google_kms_crypto_key", name, {**base, **arguments}, KMS_DEFAULTS)


KMS_ROTATION = [
    key_ring(),
    crypto_key("pass_ninety_days", rotation_period="7776000s"),
    crypto_key("pass_thirty_days", purpose="ENCRYPT_DECRYPT", rotation_period="2592000s"),
    # Keys Cloud KMS cannot rotate automatically are not judged (no check).
    crypto_key(
        "signing_key_not_judged",
        purpose="ASYMMETRIC_SIGN",
        version_template=[{"algorithm": "EC_SIGN_P256_SHA256"}],
    ),
    crypto_key("imported_not_judged", import_only=True, skip_initial_version_creation=True),
    crypto_key(
        "external_key_not_judged",
        version_template=[{"algorithm": "EXTERNAL_SYMMETRIC_ENCRYPTION", "protection_level": "EXTERNAL_VPC"}],
    ),
    crypto_key("fail_one_year", rotation_period="31536000s"),
    crypto_key(
        "fail_hsm_no_rotation",
        version_template=[{"algorithm": "GOOGLE_SYMMETRIC_ENCRYPTION", "protection_level": "HSM"}],
    ),
    crypto_key("fail_no_rotation"),
    # Whether the key is imported or external (exempt) unknown until apply: never failed, never passed.
    crypto_key("undetermined_import_only_variable", import_only=Ref("var.import_only", None)),
    crypto_key(
        "undetermined_protection_level_variable",
        version_template=[
            {
                "algorithm": "GOOGLE_SYMMETRIC_ENCRYPTION",
                "protection_level": Ref("var.protection_level", None),
            }
        ],
    ),
]

SQL_CMEK = [
    key_ring(),
    crypto_key("cloudsql", rotation_period="7776000s"),
    sql("pass_kms_key", encryption_key_name=Ref("google_kms_crypto_key.cloudsql", "id")),
    sql("pass_kms_key_by_name", "MYSQL_8_0", encryption_key_name=KMS_KEY),
    sql("fail_google_managed"),
]


# --- SSL policies ----------------------------------------------------------------------------------

SSL_DEFAULTS: dict[str, Any] = {"profile": "COMPATIBLE", "min_tls_version": "TLS_1_0"}


def ssl_policy(name: str, **arguments: Any) -> Case:
    return Case(
        "google_compute_ssl_policy", name, {"name": name.replace("_", "-"), **arguments}, SSL_DEFAULTS
    )


def region_ssl_policy(name: str, **arguments: Any) -> Case:
    """A regional SSL policy (regional external and internal Application Load Balancers): same settings."""
    return Case(
        "google_compute_region_ssl_policy",
        name,
        {"name": name.replace("_", "-"), "region": REGION, **arguments},
        SSL_DEFAULTS,
    )


SSL_TLS = [
    ssl_policy("pass_modern_tls12", profile="MODERN", min_tls_version="TLS_1_2"),
    region_ssl_policy("pass_region_tls12", profile="MODERN", min_tls_version="TLS_1_2"),
    region_ssl_policy("fail_region_tls_default", profile="RESTRICTED"),
    ssl_policy("pass_restricted_tls12", profile="RESTRICTED", min_tls_version="TLS_1_2"),
    ssl_policy("fail_tls11", profile="MODERN", min_tls_version="TLS_1_1"),
    ssl_policy("fail_tls_default", profile="MODERN"),
]

STRONG_SUITES = ["TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"]

SSL_PROFILE = [
    ssl_policy("pass_modern", profile="MODERN", min_tls_version="TLS_1_2"),
    ssl_policy("pass_restricted", profile="RESTRICTED", min_tls_version="TLS_1_2"),
    # The FIPS 140-3 profile offers a reduced set of ECDHE suites and requires TLS 1.2.
    ssl_policy("pass_fips_202205", profile="FIPS_202205", min_tls_version="TLS_1_2"),
    ssl_policy(
        "pass_custom_ecdhe", profile="CUSTOM", min_tls_version="TLS_1_2", custom_features=STRONG_SUITES
    ),
    ssl_policy("fail_compatible", profile="COMPATIBLE", min_tls_version="TLS_1_2"),
    region_ssl_policy("pass_region_restricted", profile="RESTRICTED", min_tls_version="TLS_1_2"),
    region_ssl_policy("fail_region_compatible", profile="COMPATIBLE", min_tls_version="TLS_1_2"),
    ssl_policy("fail_profile_default", min_tls_version="TLS_1_2"),
    ssl_policy(
        "fail_custom_rsa_suites",
        profile="CUSTOM",
        min_tls_version="TLS_1_2",
        custom_features=[*STRONG_SUITES, "TLS_RSA_WITH_AES_128_GCM_SHA256"],
    ),
]


def proxy(name: str, kind: str = "target_https_proxy", **arguments: Any) -> Case:
    base: dict[str, Any] = {"name": name.replace("_", "-")}
    if kind == "target_ssl_proxy":
        base |= {"backend_service": Ref("google_compute_backend_service.payments", "id")}
    else:
        base |= {"url_map": Ref("google_compute_url_map.payments", "id")}
    if kind == "region_target_https_proxy":
        base["region"] = REGION
    certificates = [Ref("google_compute_managed_ssl_certificate.payments", "id")]
    return Case(f"google_compute_{kind}", name, {**base, "ssl_certificates": certificates, **arguments})


PROXY_SSL_POLICY = [
    ssl_policy("pass_modern_tls12", profile="MODERN", min_tls_version="TLS_1_2"),
    proxy("pass_with_policy", ssl_policy=Ref("google_compute_ssl_policy.pass_modern_tls12", "id")),
    proxy(
        "pass_regional_with_policy",
        "region_target_https_proxy",
        ssl_policy=f"projects/{PROJECT}/regions/{REGION}/sslPolicies/payments-modern",
    ),
    proxy(
        "pass_ssl_proxy_with_policy",
        "target_ssl_proxy",
        ssl_policy=Ref("google_compute_ssl_policy.pass_modern_tls12", "id"),
    ),
    proxy("fail_https_default_policy"),
    proxy("fail_ssl_proxy_default_policy", "target_ssl_proxy"),
]

# --- persistent disks ------------------------------------------------------------------------------

DISK_DEFAULTS: dict[str, Any] = {"disk_encryption_key": []}


def disk(name: str, regional: bool = False, **arguments: Any) -> Case:
    base: dict[str, Any] = {"name": name.replace("_", "-"), "type": "pd-ssd", "size": 200}
    if regional:
        base |= {"region": REGION, "replica_zones": [f"{REGION}-b", f"{REGION}-c"]}
        return Case("google_compute_region_disk", name, {**base, **arguments}, DISK_DEFAULTS)
    base["zone"] = f"{REGION}-b"
    return Case("google_compute_disk", name, {**base, **arguments}, DISK_DEFAULTS)


# A customer-supplied key wrapped with Google's RSA certificate (CSEK); made up for the fixture.
RSA_WRAPPED_KEY = (
    "ieCx/NcW06PcT7Ep1X6LUTc/hLvUDYyzSZPPVCVPTVEohpeHASqC8uw5TzyO9U+Fka9JFHz0mBibXUIn"
    "rC/jEk014kCK/NPjYgEMOyssZ4ZINPKxlUh2zn1bV+MCaTICrdmuSBTWlUUiFoDD6PYznLwh8ZNdaheC"
    "eZ8ewEXgFQ8V+sDroLaN3Xs3MDTXQEMMoNUXMCZEIpg9Vtp9x2oeQ5lAbtt7bYAAHf5l+gJWw3sUfs0/"
    "Glw5fpdjT8Uggrr+RMZezGrltJEF293rvTIjWOEB3z5OHyHwQkvdrPDFcTqsLfh+8Hr8g+mf+7zVPEC8"
    "nEbqpdl3GPv3A7AwpFp7MA=="
)

DISK_CMEK = [
    key_ring(),
    crypto_key("disks", rotation_period="7776000s"),
    disk(
        "pass_kms_key", disk_encryption_key=[{"kms_key_self_link": Ref("google_kms_crypto_key.disks", "id")}]
    ),
    disk("pass_regional_kms_key", regional=True, disk_encryption_key=[{"kms_key_name": KMS_KEY}]),
    disk(
        "pass_supplied_key",
        disk_encryption_key=[{"rsa_encrypted_key": RSA_WRAPPED_KEY}],
    ),
    disk("fail_google_managed"),
    disk("fail_regional_google_managed", regional=True),
]

# --- Cloud Storage ---------------------------------------------------------------------------------

BUCKET_DEFAULTS: dict[str, Any] = {"encryption": [], "logging": [], "force_destroy": False}


def bucket(name: str, **arguments: Any) -> Case:
    base = {"name": "acme-" + name.replace("_", "-"), "location": "EU", "uniform_bucket_level_access": True}
    return Case("google_storage_bucket", name, {**base, **arguments}, BUCKET_DEFAULTS)


STORAGE_CMEK = [
    key_ring(),
    crypto_key("storage", rotation_period="7776000s"),
    bucket("pass_kms_key", encryption=[{"default_kms_key_name": Ref("google_kms_crypto_key.storage", "id")}]),
    bucket("pass_kms_key_by_name", encryption=[{"default_kms_key_name": KMS_KEY}]),
    bucket("fail_google_managed"),
]

STORAGE_LOGGING = [
    # The bucket the others log to is not judged (no check).
    bucket("access_logs_not_judged"),
    bucket(
        "pass_logged", logging=[{"log_bucket": Ref("google_storage_bucket.access_logs_not_judged", "name")}]
    ),
    bucket(
        "pass_logged_by_name",
        logging=[{"log_bucket": "acme-central-access-logs", "log_object_prefix": "exports/"}],
    ),
    bucket("fail_not_logged"),
]

# --- BigQuery --------------------------------------------------------------------------------------


def dataset(name: str, **arguments: Any) -> Case:
    base = {"dataset_id": name, "location": "EU"}
    return Case(
        "google_bigquery_dataset", name, {**base, **arguments}, {"default_encryption_configuration": []}
    )


BIGQUERY_CMEK = [
    key_ring(),
    crypto_key("bigquery", rotation_period="7776000s"),
    dataset(
        "pass_kms_key",
        default_encryption_configuration=[{"kms_key_name": Ref("google_kms_crypto_key.bigquery", "id")}],
    ),
    dataset("pass_kms_key_by_name", default_encryption_configuration=[{"kms_key_name": KMS_KEY}]),
    dataset("fail_google_managed"),
]

# --- audit configuration ---------------------------------------------------------------------------

ALL_TYPES = [{"log_type": "ADMIN_READ"}, {"log_type": "DATA_READ"}, {"log_type": "DATA_WRITE"}]


def audit_config(
    name: str, log_configs: list[dict[str, Any]], service: str = "allServices", scope: str = "project"
) -> Case:
    owner = {
        "project": {"project": PROJECT},
        "folder": {"folder": "folders/734625180953"},
        "organization": {"org_id": "418273650194"},
    }
    arguments = {**owner[scope], "service": service, "audit_log_config": log_configs}
    return Case(f"google_{scope}_iam_audit_config", name, arguments)


AUDIT_CONFIG = [
    audit_config("pass_all_services", ALL_TYPES),
    audit_config("pass_organization", ALL_TYPES, scope="organization"),
    # A single-service configuration adds to the allServices one: not judged (no check at all).
    audit_config("single_service_not_judged", [{"log_type": "DATA_READ"}], service="storage.googleapis.com"),
    audit_config("fail_admin_only", [{"log_type": "ADMIN_READ"}]),
    audit_config("fail_folder_without_data_write", ALL_TYPES[:2], scope="folder"),
    audit_config("pass_folder_all_types", ALL_TYPES, scope="folder"),
    audit_config("fail_organization_without_data_read", [ALL_TYPES[0], ALL_TYPES[2]], scope="organization"),
    # An exempted_members list unknown until apply may name principals: undetermined, never a pass.
    audit_config(
        "undetermined_exempted_members_variable",
        [
            ALL_TYPES[0],
            {"log_type": "DATA_READ", "exempted_members": Ref("var.exempted", None)},
            ALL_TYPES[2],
        ],
    ),
    audit_config(
        "fail_exempted_members",
        [
            ALL_TYPES[0],
            {
                "log_type": "DATA_READ",
                "exempted_members": ["serviceAccount:etl@acme-payments-prod.iam.gserviceaccount.com"],
            },
            ALL_TYPES[2],
        ],
    ),
]

# --- subnet flow logs ------------------------------------------------------------------------------

SUBNET_DEFAULTS: dict[str, Any] = {
    "purpose": UNKNOWN,
    "log_config": {
        "aggregation_interval": "INTERVAL_5_SEC",
        "flow_sampling": 0.5,
        "metadata": "INCLUDE_ALL_METADATA",
    },
}


def subnet(name: str, cidr: str, **arguments: Any) -> Case:
    base = {
        "name": name.replace("_", "-"),
        "region": REGION,
        "network": f"projects/{PROJECT}/global/networks/payments",
        "ip_cidr_range": cidr,
    }
    return Case("google_compute_subnetwork", name, {**base, **arguments}, SUBNET_DEFAULTS)


SUBNET_FLOW_LOGS = [
    subnet(
        "pass_flow_logs",
        "10.20.0.0/20",
        log_config=[
            {
                "aggregation_interval": "INTERVAL_1_MIN",
                "flow_sampling": 1.0,
                "metadata": "INCLUDE_ALL_METADATA",
            }
        ],
    ),
    subnet("pass_flow_logs_defaults", "10.20.16.0/20", log_config=[{"metadata": "INCLUDE_ALL_METADATA"}]),
    # Proxy-only subnets carry no VM traffic and do not support flow logs: not judged.
    subnet("proxy_only_not_judged", "10.20.32.0/23", purpose="REGIONAL_MANAGED_PROXY", role="ACTIVE"),
    subnet("fail_no_flow_logs", "10.20.48.0/20"),
    subnet("fail_zero_sampling", "10.20.64.0/20", log_config=[{"flow_sampling": 0}]),
]

# --- GKE -------------------------------------------------------------------------------------------

GKE_DEFAULTS: dict[str, Any] = {"logging_service": UNKNOWN, "logging_config": UNKNOWN}


def cluster(name: str, **arguments: Any) -> Case:
    base = {
        "name": name.replace("_", "-"),
        "location": REGION,
        "initial_node_count": 1,
        "deletion_protection": True,
    }
    return Case("google_container_cluster", name, {**base, **arguments}, GKE_DEFAULTS)


GKE_LOGGING = [
    cluster("pass_default_logging"),
    cluster(
        "pass_system_and_workloads",
        logging_config=[{"enable_components": ["SYSTEM_COMPONENTS", "WORKLOADS"]}],
    ),
    cluster("pass_logging_service_set", logging_service="logging.googleapis.com/kubernetes"),
    cluster("fail_logging_off", logging_service="none"),
    cluster("fail_workloads_only", logging_config=[{"enable_components": ["WORKLOADS"]}]),
]

CASES: dict[tuple[str, str], list[Case]] = {
    ("encryption", "ENC-GCPSQL-001"): SQL_TLS,
    ("encryption", "ENC-GCPSQL-002"): SQL_CMEK,
    ("encryption", "ENC-GCPKMS-001"): KMS_ROTATION,
    ("encryption", "ENC-GCPSSL-001"): SSL_TLS,
    ("encryption", "ENC-GCPSSL-002"): SSL_PROFILE,
    ("encryption", "ENC-GCPSSL-003"): PROXY_SSL_POLICY,
    ("encryption", "ENC-GCPDISK-001"): DISK_CMEK,
    ("encryption", "ENC-GCPSTORAGE-001"): STORAGE_CMEK,
    ("encryption", "ENC-GCPBQ-001"): BIGQUERY_CMEK,
    ("audit-logging", "LOG-GCPAUDIT-001"): AUDIT_CONFIG,
    ("audit-logging", "LOG-GCPSTORAGE-001"): STORAGE_LOGGING,
    ("audit-logging", "LOG-GCPVPC-001"): SUBNET_FLOW_LOGS,
    ("audit-logging", "LOG-GCPSQL-001"): SQL_LOG_CONNECTIONS,
    ("audit-logging", "LOG-GCPSQL-002"): SQL_PGAUDIT,
    ("audit-logging", "LOG-GCPGKE-001"): GKE_LOGGING,
}
