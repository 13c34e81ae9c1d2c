"""GCP fixture cases of the issue-16 audit-logging rules (rulepacks/audit-logging.d/gcp-log2.yaml): per rule,
google resources named by the outcome the rule must give them, in Terraform, plan and Pulumi.

``defaults`` are the provider's values for arguments the configuration leaves out (plan only). A case with
``pulumi_token=None`` is left out of the Pulumi stack (a stack export knows every value, so cases about
values unknown until apply are Terraform only).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from fixture_writer import Interpolated
from pulumi_export import Case

from plan_builder import UNKNOWN, Ref

PROJECT = "acme-payments-prod"
REGION = "europe-west1"

SQL_TOKEN = "gcp:sql/databaseInstance:DatabaseInstance"
SQL_SETTINGS_DEFAULTS: dict[str, Any] = {"availability_type": "ZONAL", "database_flags": []}


def sql(name: str, flags: Any = (), version: Any = "POSTGRES_15", pulumi: bool = True) -> Case:
    settings: dict[str, Any] = {"tier": "db-custom-2-7680"}
    if isinstance(flags, Ref):
        settings["database_flags"] = flags
    elif flags:
        settings["database_flags"] = [{"name": n, "value": v} for n, v in flags]
    arguments = {
        "name": name.replace("_", "-"),
        "database_version": version,
        "region": REGION,
        "deletion_protection": True,
        "settings": [settings],
    }
    return Case(
        "google_sql_database_instance",
        name,
        arguments,
        {"settings": SQL_SETTINGS_DEFAULTS},
        SQL_TOKEN if pulumi else None,
    )


VERSION_VAR = Ref("var.pg_version", None)
FLAGS_VAR = Ref("var.database_flags", None)


def flag_cases(flag: str, good: list[Any], bad: list[Any], default_ok: bool) -> list[Case]:
    """Instances setting `flag` to each good and bad value, leaving it out, on other engines, and with
    the version or flag list unknown."""
    cases = [sql(f"pass_{_slug(value)}", [(flag, value)]) for value in good]
    cases += [sql(f"fail_{_slug(value)}", [(flag, value)]) for value in bad]
    cases.append(
        sql("pass_flag_left_out" if default_ok else "fail_flag_left_out", [("log_connections", "on")])
    )
    cases.append(sql("mysql_not_judged", [(flag, bad[0])], version="MYSQL_8_0"))
    cases.append(
        sql("pass_postgres_9_6_upper_case", [(flag.upper(), str(good[0]).upper())], version="POSTGRES_9_6")
    )
    cases.append(sql("undetermined_version_variable", [(flag, bad[0])], version=VERSION_VAR, pulumi=False))
    cases.append(sql("undetermined_flags_variable", FLAGS_VAR, pulumi=False))
    return cases


def _slug(value: Any) -> str:
    text = str(value).lower().replace("-", "minus_") + ("_number" if isinstance(value, int) else "")
    return "".join(char if char.isalnum() else "_" for char in text)


# --- GKE -----------------------------------------------------------------------------------------------

GKE_TOKEN = "gcp:container/cluster:Cluster"


def cluster(name: str, pulumi: bool = True, **arguments: Any) -> Case:
    base = {"name": name.replace("_", "-"), "location": REGION, "initial_node_count": 1}
    return Case(
        "google_container_cluster",
        name,
        {**base, **arguments},
        # Optional and computed (Autopilot turns it on): a plan shows it unknown when left out.
        {"enable_intranode_visibility": UNKNOWN},
        GKE_TOKEN if pulumi else None,
    )


GKE_INTRANODE = [
    cluster("pass_visibility_on", enable_intranode_visibility=True),
    cluster("pass_autopilot_default", enable_autopilot=True),
    cluster("fail_default"),
    cluster("fail_visibility_off", enable_intranode_visibility=False),
    cluster("fail_autopilot_turned_off", enable_autopilot=True, enable_intranode_visibility=False),
    cluster("fail_standard_explicit", enable_autopilot=False),
]

# --- Data Fusion ---------------------------------------------------------------------------------------


def fusion(name: str, pulumi: bool = True, **arguments: Any) -> Case:
    base = {"name": name.replace("_", "-"), "region": REGION, "type": "BASIC"}
    return Case(
        "google_data_fusion_instance",
        name,
        {**base, **arguments},
        {"enable_stackdriver_logging": False, "enable_stackdriver_monitoring": False},
        "gcp:datafusion/instance:Instance" if pulumi else None,
    )


DATA_FUSION = [
    fusion("pass_logging_on", enable_stackdriver_logging=True, enable_stackdriver_monitoring=True),
    fusion("fail_default"),
    fusion("fail_logging_off", enable_stackdriver_logging=False, enable_stackdriver_monitoring=True),
    fusion(
        "undetermined_logging_variable",
        enable_stackdriver_logging=Ref("var.fusion_logging", None),
        pulumi=False,
    ),
]

# --- Cloud Storage -------------------------------------------------------------------------------------


def bucket(name: str, log_bucket: Any = None, bucket_name: str | None = None, pulumi: bool = True) -> Case:
    arguments: dict[str, Any] = {
        "name": bucket_name or f"acme-{name.replace('_', '-')}",
        "location": "EU",
        "uniform_bucket_level_access": True,
    }
    if log_bucket is not None:
        arguments["logging"] = [{"log_bucket": log_bucket}]
    return Case(
        "google_storage_bucket",
        name,
        arguments,
        {"force_destroy": False},
        "gcp:storage/bucket:Bucket" if pulumi else None,
        pulumi_id=arguments["name"],
    )


STORAGE_SELF_LOGGING = [
    bucket("access_logs"),
    bucket("pass_logs_elsewhere", Ref("google_storage_bucket.access_logs", "name")),
    bucket("pass_logs_to_named_bucket", "acme-central-access-logs"),
    bucket("no_logging_not_judged_here"),
    bucket("fail_logs_to_itself", "acme-fail-logs-to-itself"),
    bucket("fail_logs_to_itself_gs_url", "gs://acme-payments-exports", bucket_name="acme-payments-exports"),
    bucket("undetermined_log_bucket_variable", Ref("var.log_bucket", None), pulumi=False),
]

# --- Projects and audit configurations -----------------------------------------------------------------

ALL_TYPES = [{"log_type": "ADMIN_READ"}, {"log_type": "DATA_READ"}, {"log_type": "DATA_WRITE"}]


def project(name: str) -> Case:
    arguments = {
        "name": name.replace("_", "-"),
        "project_id": f"acme-{name.replace('_', '-')}"[:30],
        "org_id": "123456789012",
    }
    return Case(
        "google_project",
        name,
        arguments,
        {"auto_create_network": True},
        "gcp:organizations/project:Project",
        pulumi_id=arguments["project_id"],
    )


def audit_config(
    name: str, project_ref: Any, service: Any, configs: list[dict[str, Any]], pulumi: bool = True
) -> Case:
    return Case(
        "google_project_iam_audit_config",
        name,
        {"project": project_ref, "service": service, "audit_log_config": configs},
        {},
        "gcp:projects/iAMAuditConfig:IAMAuditConfig" if pulumi else None,
    )


def _project_id(name: str) -> Ref:
    return Ref(f"google_project.{name}", "project_id")


PROJECT_AUDIT = [
    project("pass_all_services"),
    audit_config("all_services", _project_id("pass_all_services"), "allServices", ALL_TYPES),
    # The audit configuration names the project by its literal project ID (no reference): the same project.
    project("pass_literal_project_id"),
    audit_config("literal_project_all_services", "acme-pass-literal-project-id", "allServices", ALL_TYPES),
    project("fail_no_audit_config"),
    project("fail_single_service_only"),
    audit_config(
        "storage_only", _project_id("fail_single_service_only"), "storage.googleapis.com", ALL_TYPES[1:]
    ),
    project("undetermined_service_variable"),
    audit_config(
        "service_variable",
        _project_id("undetermined_service_variable"),
        Ref("var.audited_service", None),
        ALL_TYPES,
        pulumi=False,
    ),
]


# Inherited configurations: a project in a folder with an allServices folder configuration, a project
# of an organization with an allServices organization configuration.
def _project_in(name: str, **placement: Any) -> Case:
    arguments = {
        "name": name.replace("_", "-"),
        "project_id": f"acme-{name.replace('_', '-')}"[:30],
        **placement,
    }
    return Case(
        "google_project",
        name,
        arguments,
        {"auto_create_network": True},
        "gcp:organizations/project:Project",
        pulumi_id=arguments["project_id"],
    )


PROJECT_AUDIT += [
    Case(
        "google_folder",
        "audited_folder",
        {"display_name": "audited", "parent": "organizations/987654321098"},
        {},
        "gcp:organizations/folder:Folder",
        pulumi_id="folders/734512908899",
    ),
    Case(
        "google_folder_iam_audit_config",
        "audited_folder_all_services",
        {
            "folder": Ref("google_folder.audited_folder", "name"),
            "service": "allServices",
            "audit_log_config": ALL_TYPES,
        },
        {},
        "gcp:folder/iAMAuditConfig:IAMAuditConfig",
    ),
    _project_in("pass_inherits_folder_config", folder_id=Ref("google_folder.audited_folder", "name")),
    Case(
        "google_organization_iam_audit_config",
        "org_all_services",
        {"org_id": "987654321098", "service": "allServices", "audit_log_config": ALL_TYPES},
        {},
        "gcp:organizations/iAMAuditConfig:IAMAuditConfig",
    ),
    _project_in("pass_inherits_org_config", org_id="987654321098"),
    _project_in("fail_other_org", org_id="111111111111"),
    _project_in("undetermined_folder_variable", folder_id=Ref("var.folder_id", None)),
]
# A stack export knows the service: the undetermined project is Terraform only.
PROJECT_AUDIT = [
    Case(c.type, c.name, c.arguments, c.defaults, None, c.pulumi_id)
    if c.name in ("undetermined_service_variable", "undetermined_folder_variable")
    else c
    for c in PROJECT_AUDIT
]


def folder_config(name: str, service: str, configs: list[dict[str, Any]]) -> Case:
    return Case(
        "google_folder_iam_audit_config",
        name,
        {"folder": "folders/734512908812", "service": service, "audit_log_config": configs},
        {},
        "gcp:folder/iAMAuditConfig:IAMAuditConfig",
    )


def org_config(name: str, service: str, configs: list[dict[str, Any]]) -> Case:
    return Case(
        "google_organization_iam_audit_config",
        name,
        {"org_id": "123456789012", "service": service, "audit_log_config": configs},
        {},
        "gcp:organizations/iAMAuditConfig:IAMAuditConfig",
    )


EXEMPT = ["user:break-glass@acme.example", "serviceAccount:etl@acme-payments-prod.iam.gserviceaccount.com"]

AUDIT_EXEMPTIONS = [
    audit_config("pass_storage_no_exemptions", PROJECT, "storage.googleapis.com", ALL_TYPES),
    audit_config(
        "pass_all_services_judged_by_gcpaudit_001",
        PROJECT,
        "allServices",
        [{"log_type": "DATA_READ", "exempted_members": EXEMPT[:1]}],
    ),
    audit_config(
        "fail_storage_exempts_a_user",
        PROJECT,
        "storage.googleapis.com",
        [ALL_TYPES[0], {"log_type": "DATA_READ", "exempted_members": EXEMPT}],
    ),
    folder_config(
        "fail_folder_kms_exemption",
        "cloudkms.googleapis.com",
        [{"log_type": "DATA_READ", "exempted_members": EXEMPT[1:]}],
    ),
    org_config("pass_org_secret_manager", "secretmanager.googleapis.com", ALL_TYPES),
    org_config(
        "fail_org_sql_exemption",
        "cloudsql.googleapis.com",
        [{"log_type": "DATA_WRITE", "exempted_members": EXEMPT[:1]}],
    ),
    audit_config(
        "undetermined_exemptions_variable",
        PROJECT,
        "bigquery.googleapis.com",
        [{"log_type": "DATA_READ", "exempted_members": Ref("var.exempted", None)}],
        pulumi=False,
    ),
]
# The pass_all_services case is not judged by this rule (allServices belongs to LOG-GCPAUDIT-001): no check.
AUDIT_EXEMPTIONS = [c for c in AUDIT_EXEMPTIONS if "gcpaudit_001" not in c.name] + [
    audit_config(
        "all_services_left_to_gcpaudit_001",
        PROJECT,
        "allServices",
        [{"log_type": "DATA_READ", "exempted_members": EXEMPT[:1]}],
    ),
    folder_config("pass_folder_no_exemptions", "storage.googleapis.com", ALL_TYPES),
]
# Projects: GCP combines the exemptions of every configuration that applies to a project (its own, for
# allServices too, its folder's and its organization's). The folder and organization above exempt.
CLEAN_ORG = "222222222222"
AUDIT_EXEMPTIONS += [
    _project_in("fail_project_of_exempting_org", org_id="123456789012"),
    _project_in("fail_project_in_exempting_folder", folder_id="folders/734512908812"),
    _project_in("fail_project_all_services_exemption", org_id=CLEAN_ORG),
    audit_config(
        "exempting_all_services",
        _project_id("fail_project_all_services_exemption"),
        "allServices",
        [*ALL_TYPES[:2], {"log_type": "DATA_WRITE", "exempted_members": EXEMPT[1:]}],
    ),
    _project_in("pass_project_without_exemptions", org_id=CLEAN_ORG),
    audit_config(
        "clean_all_services",
        _project_id("pass_project_without_exemptions"),
        "allServices",
        ALL_TYPES,
    ),
    audit_config(
        "pass_clean_storage",
        _project_id("pass_project_without_exemptions"),
        "storage.googleapis.com",
        ALL_TYPES,
    ),
    # Where the project sits is unknown until apply, beside exempting folder and organization configurations.
    Case(
        "google_project",
        "undetermined_project_org_variable",
        {
            "name": "undetermined-org",
            "project_id": "acme-undetermined-org",
            "org_id": Ref("var.org_id", None),
        },
        {"auto_create_network": True},
        None,
    ),
]

ON = ["on"]
CASES: dict[str, list[Case]] = {
    "LOG-GCPSQL-003": flag_cases("log_checkpoints", ON, ["off"], default_ok=False),
    "LOG-GCPSQL-004": flag_cases("log_lock_waits", ON, ["off"], default_ok=False),
    "LOG-GCPSQL-005": flag_cases(
        "log_min_messages", ["warning", "notice", "debug1"], ["error", "panic"], default_ok=True
    ),
    "LOG-GCPSQL-006": flag_cases(
        "log_min_error_statement", ["error", "warning"], ["fatal", "log"], default_ok=True
    ),
    "LOG-GCPSQL-007": flag_cases("log_min_duration_statement", ["-1", -1], ["500", 0], default_ok=True),
    "LOG-GCPSQL-008": flag_cases("log_temp_files", ["0", 0], ["-1", "1024"], default_ok=False),
    "LOG-GCPSQL-009": flag_cases("log_hostname", ON, ["off"], default_ok=False),
    "LOG-GCPSQL-010": flag_cases("log_statement", ["ddl", "mod", "all"], ["none"], default_ok=False),
    "LOG-GCPGKE-002": GKE_INTRANODE,
    "LOG-GCPDATAFUSION-001": DATA_FUSION,
    "LOG-GCPSTORAGE-002": STORAGE_SELF_LOGGING,
    "LOG-GCPAUDIT-002": PROJECT_AUDIT,
    "LOG-GCPAUDIT-003": AUDIT_EXEMPTIONS,
}

__all__ = ["CASES", "PROJECT", "REGION", "UNKNOWN"]

# --- Pulumi fixtures of earlier GCP rules (their HCL and plan come from tests/rules/gcp) ----------------

GCP_TOKENS = {
    "google_project_iam_audit_config": "gcp:projects/iAMAuditConfig:IAMAuditConfig",
    "google_folder_iam_audit_config": "gcp:folder/iAMAuditConfig:IAMAuditConfig",
    "google_organization_iam_audit_config": "gcp:organizations/iAMAuditConfig:IAMAuditConfig",
    "google_storage_bucket": "gcp:storage/bucket:Bucket",
    "google_compute_subnetwork": "gcp:compute/subnetwork:Subnetwork",
    "google_compute_network": "gcp:compute/network:Network",
    "google_sql_database_instance": SQL_TOKEN,
    "google_container_cluster": GKE_TOKEN,
}


def from_gcp_cases(rule_id: str) -> list[Case]:
    """The Terraform cases of an earlier rule (tests/rules/gcp/gcp_fixture_cases.py) as Pulumi resources;
    cases about values unknown until apply are left out (a stack export knows every value)."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "gcp"))
    from gcp_fixture_cases import CASES as GCP_CASES

    return [
        Case(
            case.type,
            case.name,
            case.arguments,
            {},
            GCP_TOKENS[case.type],
            pulumi_id=case.arguments.get("name"),
        )
        for case in GCP_CASES[("audit-logging", rule_id)]
        if not case.name.startswith("undetermined")
    ]


PULUMI_ONLY: dict[str, list[Case]] = {
    rule_id: from_gcp_cases(rule_id)
    for rule_id in (
        "LOG-GCPAUDIT-001",
        "LOG-GCPSTORAGE-001",
        "LOG-GCPVPC-001",
        "LOG-GCPSQL-001",
        "LOG-GCPSQL-002",
        "LOG-GCPGKE-001",
    )
}

# --- Retention lock of log buckets (LOG-GCPSTORAGE-003) -------------------------------------------------

YEAR_SECONDS = 31_536_000


def locked_bucket(name: str, policy: dict[str, Any] | None, pulumi: bool = True) -> Case:
    arguments: dict[str, Any] = {
        "name": f"acme-{name.replace('_', '-')}",
        "location": "EU",
        "uniform_bucket_level_access": True,
    }
    if policy is not None:
        arguments["retention_policy"] = [policy]
    return Case(
        "google_storage_bucket",
        name,
        arguments,
        {"force_destroy": False},
        "gcp:storage/bucket:Bucket" if pulumi else None,
        pulumi_id=arguments["name"],
    )


def sink(name: str, bucket_name: str, pulumi: bool = True) -> Case:
    return Case(
        "google_logging_project_sink",
        name,
        {
            "name": name.replace("_", "-"),
            "destination": Interpolated(
                Ref(f"google_storage_bucket.{bucket_name}", "name"), "", prefix="storage.googleapis.com/"
            ),
            "filter": 'logName:"cloudaudit.googleapis.com"',
            "unique_writer_identity": True,
        },
        {},
        "gcp:logging/projectSink:ProjectSink" if pulumi else None,
    )


LOG_BUCKET_LOCK = [
    locked_bucket("pass_locked", {"retention_period": YEAR_SECONDS, "is_locked": True}),
    sink("audit_to_locked", "pass_locked"),
    locked_bucket("fail_no_retention_policy", None),
    sink("audit_to_unprotected", "fail_no_retention_policy"),
    locked_bucket("fail_unlocked", {"retention_period": YEAR_SECONDS}),
    bucket("exports_logging_to_unlocked", Ref("google_storage_bucket.fail_unlocked", "name")),
    locked_bucket("media_not_a_log_destination", None),
    locked_bucket(
        "undetermined_lock_variable",
        {"retention_period": YEAR_SECONDS, "is_locked": Ref("var.lock_logs", None)},
        pulumi=False,
    ),
    sink("audit_to_variable_lock", "undetermined_lock_variable", pulumi=False),
]
CASES["LOG-GCPSTORAGE-003"] = LOG_BUCKET_LOCK
