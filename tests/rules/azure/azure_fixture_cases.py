"""The Azure fixture cases: per rule, azurerm resources named by the outcome the rule must give them.

``defaults`` are the provider's values for arguments the configuration leaves out; they appear in the
plan only (a dict fills each nested block). Cases written with azurerm 3 argument names carry no
azurerm 4 defaults, as a plan of that provider version would not.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[3] / "benchmarks"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from fixture_writer import Interpolated

from plan_builder import Ref

RG = "payments-prod"
LOCATION = "westeurope"
TENANT = "6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f"
SUBSCRIPTION = "/subscriptions/3b7e2f4a-9c1d-4e8b-a6f5-2d0c9e8b7a61"
KEY_ID = "https://acme-payments-kv.vault.azure.net/keys/storage/4f8e2c1d9b7a4e6f8c2d1b9a7e5f3c1d"
WORKSPACE = f"{SUBSCRIPTION}/resourceGroups/{RG}/providers/Microsoft.OperationalInsights/workspaces/audit"
AUDIT_STORAGE = f"{SUBSCRIPTION}/resourceGroups/{RG}/providers/Microsoft.Storage/storageAccounts/acmeaudit"


@dataclass(frozen=True)
class Case:
    type: str
    name: str
    arguments: dict[str, Any]
    defaults: dict[str, Any] = field(default_factory=dict)


def placed(name: str, **arguments: Any) -> dict[str, Any]:
    return {"name": name.replace("_", "-"), "resource_group_name": RG, "location": LOCATION, **arguments}


# --- storage accounts ----------------------------------------------------------------------------

STORAGE_DEFAULTS: dict[str, Any] = {
    "https_traffic_only_enabled": True,
    "min_tls_version": "TLS1_2",
    "infrastructure_encryption_enabled": False,
    "customer_managed_key": [],
}


def account(name: str, v3: bool = False, **arguments: Any) -> Case:
    base = {
        "name": "acme" + name.replace("_", "")[:20],
        "resource_group_name": RG,
        "location": LOCATION,
        "account_tier": "Standard",
        "account_replication_type": "ZRS",
    }
    defaults = {} if v3 else STORAGE_DEFAULTS
    return Case("azurerm_storage_account", name, {**base, **arguments}, defaults)


# --- SQL -----------------------------------------------------------------------------------------

SQL_ADMIN = [
    {
        "login_username": "sql-admins",
        "object_id": "9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d",
        "azuread_authentication_only": True,
    }
]


def sql_server(name: str, **arguments: Any) -> Case:
    base = placed(name, version="12.0", azuread_administrator=SQL_ADMIN)
    return Case("azurerm_mssql_server", name, {**base, **arguments}, {"minimum_tls_version": "1.2"})


def legacy_sql_server(name: str, **arguments: Any) -> Case:
    base = placed(name, version="12.0", administrator_login="ledgeradmin")
    base["administrator_login_password"] = Ref("var.sql_admin_password", None)
    return Case("azurerm_sql_server", name, {**base, **arguments})


def sql_database(name: str, **arguments: Any) -> Case:
    base = {
        "name": name.replace("_", "-"),
        "server_id": Ref("azurerm_mssql_server.ledger", "id"),
        "sku_name": "S1",
    }
    return Case(
        "azurerm_mssql_database", name, {**base, **arguments}, {"transparent_data_encryption_enabled": True}
    )


AUDIT_ENDPOINT = "https://acmeaudit.blob.core.windows.net/"


def auditing(name: str, server: str, **arguments: Any) -> Case:
    base = {"server_id": Ref(f"azurerm_mssql_server.{server}", "id"), "log_monitoring_enabled": True}
    return Case(
        "azurerm_mssql_server_extended_auditing_policy",
        name,
        {**base, **arguments},
        {"enabled": True, "retention_in_days": 0},
    )


# --- Redis ---------------------------------------------------------------------------------------


def redis(name: str, v3: bool = False, **arguments: Any) -> Case:
    base = placed(name, capacity=1, family="P", sku_name="Premium")
    defaults = {} if v3 else {"non_ssl_port_enabled": False, "minimum_tls_version": "1.2"}
    return Case("azurerm_redis_cache", name, {**base, **arguments}, defaults)


# --- App Service ---------------------------------------------------------------------------------

PLAN_ID = Ref("azurerm_service_plan.apps", "id")
SITE_DEFAULTS = {"minimum_tls_version": "1.2", "scm_minimum_tls_version": "1.2", "ftps_state": "Disabled"}
LEGACY_SITE_DEFAULTS = {"min_tls_version": "1.2", "scm_min_tls_version": "1.2", "ftps_state": "AllAllowed"}


def app(type_name: str, name: str, site: dict[str, Any] | None = None, **arguments: Any) -> Case:
    base: dict[str, Any] = placed(name)
    if type_name == "azurerm_app_service":
        base["app_service_plan_id"] = PLAN_ID
        defaults: dict[str, Any] = {"https_only": False, "site_config": LEGACY_SITE_DEFAULTS}
    else:
        base["service_plan_id"] = PLAN_ID
        defaults = {"https_only": False, "site_config": SITE_DEFAULTS}
    if "function_app" in type_name:
        base["storage_account_name"] = "acmefunctions"
        base["storage_uses_managed_identity"] = True
    base["site_config"] = [site or {}]
    return Case(type_name, name, {**base, **arguments}, defaults)


# --- disks and AKS -------------------------------------------------------------------------------

ENCRYPTION_SET = Case(
    "azurerm_disk_encryption_set",
    "cmk",
    placed(
        "cmk", key_vault_key_id=KEY_ID, auto_key_rotation_enabled=True, identity=[{"type": "SystemAssigned"}]
    ),
)


def disk(name: str, **arguments: Any) -> Case:
    base = placed(name, storage_account_type="Premium_ZRS", create_option="Empty", disk_size_gb=256)
    return Case("azurerm_managed_disk", name, {**base, **arguments})


SYSTEM_POOL = {"name": "system", "vm_size": "Standard_D4s_v5", "node_count": 3}
USER_POOL = {
    "name": "user",
    "kubernetes_cluster_id": Ref("azurerm_kubernetes_cluster.pass_host_encryption", "id"),
    "vm_size": "Standard_D8s_v5",
    "node_count": 3,
}


def aks(name: str, **arguments: Any) -> Case:
    base = placed(
        name,
        dns_prefix=name.replace("_", "-"),
        default_node_pool=[SYSTEM_POOL],
        identity=[{"type": "SystemAssigned"}],
    )
    return Case("azurerm_kubernetes_cluster", name, {**base, **arguments})


# --- Key Vault -----------------------------------------------------------------------------------

VAULT_ID = Ref("azurerm_key_vault.payments", "id")


def vault_key(name: str, **arguments: Any) -> Case:
    base = {
        "name": name.replace("_", "-"),
        "key_vault_id": VAULT_ID,
        "key_type": "RSA",
        "key_size": 3072,
        "key_opts": ["decrypt", "encrypt", "unwrapKey", "wrapKey"],
    }
    return Case("azurerm_key_vault_key", name, {**base, **arguments}, {"rotation_policy": []})


HSM_ID = (
    "/subscriptions/3b7e2f4a-9c1d-4e8b-a6f5-2d0c9e8b7a61/resourceGroups/payments-prod"
    "/providers/Microsoft.KeyVault/managedHSMs/acme-payments-hsm"
)


def hsm_key(name: str, **arguments: Any) -> Case:
    """A Managed HSM key: its rotation policy is a separate resource (hsm_rotation)."""
    base = {
        "name": name.replace("_", "-"),
        "managed_hsm_id": HSM_ID,
        "key_type": "RSA-HSM",
        "key_size": 3072,
        "key_opts": ["unwrapKey", "wrapKey"],
    }
    return Case("azurerm_key_vault_managed_hardware_security_module_key", name, {**base, **arguments})


def hsm_rotation(key: str, **arguments: Any) -> Case:
    """An azurerm_key_vault_managed_hardware_security_module_key_rotation_policy naming the HSM key."""
    base = {
        "managed_hsm_key_id": Ref(f"azurerm_key_vault_managed_hardware_security_module_key.{key}", "id"),
        "expire_after": "P365D",
    }
    return Case(
        "azurerm_key_vault_managed_hardware_security_module_key_rotation_policy",
        f"policy_{key}",
        {**base, **arguments},
    )


def vault(name: str) -> Case:
    arguments = placed(name, tenant_id=TENANT, sku_name="premium", purge_protection_enabled=True)
    return Case("azurerm_key_vault", name, arguments)


def azapi_diagnostics(name: str, target: str, logs: list[dict[str, Any]]) -> Case:
    """A Microsoft.Insights/diagnosticSettings azapi_resource whose parent is ``target``."""
    arguments = {
        "type": "Microsoft.Insights/diagnosticSettings@2021-05-01-preview",
        "name": name.replace("_", "-"),
        "parent_id": Ref(target, "id"),
        "body": {"properties": {"workspaceId": WORKSPACE, "logs": logs}},
    }
    return Case("azapi_resource", name, arguments)


def azapi_service_diagnostics(name: str, account: str, logs: list[dict[str, Any]]) -> Case:
    """A Microsoft.Insights/diagnosticSettings azapi_resource on the blob service of azapi storage account
    ``account``, as Azure Verified Modules write it."""
    arguments = {
        "type": "Microsoft.Insights/diagnosticSettings@2021-05-01-preview",
        "name": name.replace("_", "-"),
        "parent_id": Interpolated(Ref(f"azapi_resource.{account}", "id"), "/blobServices/default"),
        "body": {"properties": {"workspaceId": WORKSPACE, "logs": logs}},
    }
    return Case("azapi_resource", name, arguments)


def diagnostics(name: str, target: str, **arguments: Any) -> Case:
    base = {"name": name.replace("_", "-"), "target_resource_id": Ref(target, "id")}
    return Case("azurerm_monitor_diagnostic_setting", name, {**base, **arguments})


# --- MySQL and PostgreSQL ------------------------------------------------------------------------


def single_server(type_name: str, name: str, **arguments: Any) -> Case:
    version = "11" if "postgresql" in type_name else "8.0"
    base = placed(
        name,
        sku_name="GP_Gen5_4",
        version=version,
        storage_mb=102400,
        administrator_login="dbadmin",
        public_network_access_enabled=False,
    )
    return Case(type_name, name, {**base, **arguments}, {"ssl_minimal_tls_version_enforced": "TLS1_2"})


def flexible_server(type_name: str, name: str) -> Case:
    version = "16" if "postgresql" in type_name else "8.0.21"
    return Case(
        type_name,
        name,
        placed(name, sku_name="GP_Standard_D4s_v3", version=version),
        {"customer_managed_key": []},
    )


def parameter(type_name: str, server: Case, parameter_name: str, value: str | Ref) -> Case:
    arguments: dict[str, Any] = {"name": parameter_name}
    if type_name in ("azurerm_postgresql_flexible_server_configuration",):
        arguments["server_id"] = Ref(f"{server.type}.{server.name}", "id")
    else:
        arguments["resource_group_name"] = RG
        arguments["server_name"] = Ref(f"{server.type}.{server.name}", "name")
    arguments["value"] = value
    return Case(type_name, f"{server.name.split('_', 1)[1]}_{parameter_name}", arguments)


def mysql_flexible_with(name: str, settings: dict[str, str]) -> list[Case]:
    server = flexible_server("azurerm_mysql_flexible_server", name)
    kind = "azurerm_mysql_flexible_server_configuration"
    return [server, *(parameter(kind, server, key, value) for key, value in settings.items())]


def flexible_with_azapi(type_name: str, name: str, settings: dict[str, str | Ref]) -> list[Case]:
    """A flexible server and azapi_resource configurations whose parent_id is the server
    (Microsoft.DBforMySQL/flexibleServers/configurations, Microsoft.DBforPostgreSQL/...): the parameter is the
    name, properties.value its value."""
    server = flexible_server(type_name, name)
    arm = "Microsoft.DBforPostgreSQL" if "postgresql" in type_name else "Microsoft.DBforMySQL"
    configurations = [
        Case(
            "azapi_resource",
            f"{name.split('_', 1)[1]}_{key}",
            {
                "type": f"{arm}/flexibleServers/configurations@2023-12-30",
                "name": key,
                "parent_id": Ref(f"{server.type}.{server.name}", "id"),
                "body": {"properties": {"value": value, "source": "user-override"}},
            },
        )
        for key, value in settings.items()
    ]
    return [server, *configurations]


def postgresql_with(type_name: str, name: str, settings: dict[str, str | Ref]) -> list[Case]:
    if type_name == "azurerm_postgresql_server":
        server = single_server(type_name, name, ssl_enforcement_enabled=True)
        kind = "azurerm_postgresql_configuration"
    else:
        server = flexible_server(type_name, name)
        kind = "azurerm_postgresql_flexible_server_configuration"
    return [server, *(parameter(kind, server, key, value) for key, value in settings.items())]


# --- network -------------------------------------------------------------------------------------


def nsg(name: str) -> Case:
    return Case("azurerm_network_security_group", name, placed(name))


def flow_log(
    name: str,
    nsg_name: str,
    enabled: bool | Ref = True,
    retention: dict[str, Any] | None = None,
    attribute: str = "network_security_group_id",
    target: str | None = None,
) -> Case:
    """A flow log of the group ``nsg_name``, or of ``target`` (an address) when given."""
    arguments: dict[str, Any] = {
        "name": name.replace("_", "-"),
        "network_watcher_name": "NetworkWatcher_westeurope",
        "resource_group_name": "NetworkWatcherRG",
        attribute: Ref(target or f"azurerm_network_security_group.{nsg_name}", "id"),
        "storage_account_id": AUDIT_STORAGE,
        "enabled": enabled,
        "version": 2,
        "retention_policy": [retention or {"enabled": True, "days": 365}],
    }
    return Case("azurerm_network_watcher_flow_log", name, arguments)


def network(name: str, subnet_groups: tuple[str, ...] = ()) -> Case:
    """A virtual network; ``subnet_groups`` are groups named by subnet blocks of its own."""
    arguments: dict[str, Any] = placed(name, address_space=["10.0.0.0/16"])
    if subnet_groups:
        arguments["subnet"] = [
            {
                "name": f"inline-{index}",
                "address_prefixes": [f"10.0.{index}.0/24"],
                "security_group": Ref(f"azurerm_network_security_group.{group}", "id"),
            }
            for index, group in enumerate(subnet_groups)
        ]
    return Case("azurerm_virtual_network", name, arguments)


def subnet(name: str, network_name: str) -> Case:
    return Case(
        "azurerm_subnet",
        name,
        {
            "name": name.replace("_", "-"),
            "resource_group_name": RG,
            "virtual_network_name": Ref(f"azurerm_virtual_network.{network_name}", "name"),
            "address_prefixes": ["10.0.1.0/24"],
        },
    )


def subnet_association(name: str, subnet_id: str | Ref, nsg_name: str) -> Case:
    """A group attached to a subnet; ``subnet_id`` a reference, or a literal id of another configuration."""
    return Case(
        "azurerm_subnet_network_security_group_association",
        name,
        {
            "subnet_id": subnet_id,
            "network_security_group_id": Ref(f"azurerm_network_security_group.{nsg_name}", "id"),
        },
    )


def interface(name: str, subnet_name: str) -> Case:
    return Case(
        "azurerm_network_interface",
        name,
        placed(
            name,
            ip_configuration=[
                {
                    "name": "internal",
                    "subnet_id": Ref(f"azurerm_subnet.{subnet_name}", "id"),
                    "private_ip_address_allocation": "Dynamic",
                }
            ],
        ),
    )


def interface_association(name: str, interface_name: str, nsg_name: str) -> Case:
    return Case(
        "azurerm_network_interface_security_group_association",
        name,
        {
            "network_interface_id": Ref(f"azurerm_network_interface.{interface_name}", "id"),
            "network_security_group_id": Ref(f"azurerm_network_security_group.{nsg_name}", "id"),
        },
    )


def network_flow_log(name: str, target: str, enabled: bool | Ref = True) -> Case:
    """A virtual network flow log: target_resource_id names a network, subnet or interface (``target``,
    an address)."""
    return flow_log(name, "", enabled, attribute="target_resource_id", target=target)


def log_profile(name: str, retention: dict[str, Any]) -> Case:
    arguments = {
        "name": "default",
        "categories": ["Action", "Delete", "Write"],
        "locations": ["global", LOCATION],
        "storage_account_id": AUDIT_STORAGE,
        "retention_policy": [retention],
    }
    return Case("azurerm_monitor_log_profile", name, arguments)


def pg_retention(type_name: str, name: str, days: str | Ref | None) -> list[Case]:
    parameter_name = (
        "log_retention_days" if type_name == "azurerm_postgresql_server" else "logfiles.retention_days"
    )
    return postgresql_with(type_name, name, {} if days is None else {parameter_name: days})


def storage_logs(name: str, account_name: str, service: str, logs: list[dict[str, str]]) -> Case:
    target = Interpolated(Ref(f"azurerm_storage_account.{account_name}", "id"), f"/{service}Services/default")
    arguments = {
        "name": name.replace("_", "-"),
        "target_resource_id": target,
        "log_analytics_workspace_id": WORKSPACE,
        "enabled_log": logs,
    }
    return Case("azurerm_monitor_diagnostic_setting", name, arguments)


REQUEST_LOGS = [{"category": "StorageRead"}, {"category": "StorageWrite"}, {"category": "StorageDelete"}]

PG_ALL_ON = {"log_disconnections": "on", "log_duration": "on"}

CASES: dict[tuple[str, str], list[Case]] = {
    ("encryption", "ENC-AZSTORAGE-001"): [
        account("pass_default"),
        account("pass_https_only", https_traffic_only_enabled=True),
        account("pass_https_only_v3", v3=True, enable_https_traffic_only=True),
        account("fail_http_allowed", https_traffic_only_enabled=False),
        account("fail_http_allowed_v3", v3=True, enable_https_traffic_only=False),
        # A value unknown until apply (a variable without a value) is never a pass.
        account(
            "undetermined_https_variable", https_traffic_only_enabled=Ref("var.https_traffic_only", None)
        ),
    ],
    ("encryption", "ENC-AZSTORAGE-002"): [
        account("pass_default"),
        account("pass_tls12", min_tls_version="TLS1_2"),
        account("fail_tls10", min_tls_version="TLS1_0"),
        account("fail_tls11", min_tls_version="TLS1_1"),
        account("undetermined_tls_variable", min_tls_version=Ref("var.min_tls_version", None)),
    ],
    ("encryption", "ENC-AZSTORAGE-003"): [
        account("pass_double_encryption", infrastructure_encryption_enabled=True),
        account("fail_default"),
        account("fail_disabled", infrastructure_encryption_enabled=False),
        # A general-purpose v1 account cannot turn infrastructure encryption on: it still fails, and the
        # message says the account kind must change.
        account("fail_storage_v1", account_kind="Storage"),
        account(
            "pass_premium_block_blob",
            account_tier="Premium",
            account_kind="BlockBlobStorage",
            account_replication_type="ZRS",
            infrastructure_encryption_enabled=True,
        ),
    ],
    ("encryption", "ENC-AZSTORAGE-004"): [
        account("fail_microsoft_key"),
        account(
            "pass_inline_key",
            identity=[
                {
                    "type": "UserAssigned",
                    "identity_ids": [Ref("azurerm_user_assigned_identity.storage", "id")],
                }
            ],
            customer_managed_key=[
                {
                    "key_vault_key_id": KEY_ID,
                    "user_assigned_identity_id": Ref("azurerm_user_assigned_identity.storage", "id"),
                }
            ],
        ),
        Case("azurerm_user_assigned_identity", "storage", placed("storage")),
        account("pass_separate_key", identity=[{"type": "SystemAssigned"}]),
        Case(
            "azurerm_storage_account_customer_managed_key",
            "separate_key",
            {
                "storage_account_id": Ref("azurerm_storage_account.pass_separate_key", "id"),
                "key_vault_id": VAULT_ID,
                "key_name": "storage",
            },
        ),
        vault("payments"),
    ],
    ("encryption", "ENC-AZSQL-001"): [
        sql_server("pass_default"),
        sql_server("pass_tls12", minimum_tls_version="1.2"),
        sql_server("fail_tls10", minimum_tls_version="1.0"),
        sql_server("fail_tls_disabled", minimum_tls_version="Disabled"),
        sql_server("undetermined_tls_variable", minimum_tls_version=Ref("var.minimum_tls_version", None)),
    ],
    ("encryption", "ENC-AZSQL-002"): [
        sql_server("ledger"),
        sql_database("pass_default"),
        sql_database("pass_tde_on", transparent_data_encryption_enabled=True),
        sql_database("fail_tde_off", transparent_data_encryption_enabled=False),
    ],
    ("encryption", "ENC-AZDB-002"): [
        flexible_server("azurerm_postgresql_flexible_server", "fail_flexible_service_key"),
        Case(
            "azurerm_mysql_flexible_server",
            "pass_flexible_customer_key",
            placed(
                "pass_flexible_customer_key",
                sku_name="GP_Standard_D4ds_v4",
                version="8.0.21",
                identity=[
                    {"type": "UserAssigned", "identity_ids": [Ref("azurerm_user_assigned_identity.db", "id")]}
                ],
                customer_managed_key=[
                    {
                        "key_vault_key_id": KEY_ID,
                        "primary_user_assigned_identity_id": Ref("azurerm_user_assigned_identity.db", "id"),
                    }
                ],
            ),
        ),
        Case("azurerm_user_assigned_identity", "db", placed("db")),
        single_server("azurerm_mysql_server", "fail_single_service_key", ssl_enforcement_enabled=True),
        single_server(
            "azurerm_postgresql_server",
            "pass_single_server_key",
            ssl_enforcement_enabled=True,
            identity=[{"type": "SystemAssigned"}],
        ),
        Case(
            "azurerm_postgresql_server_key",
            "ledger",
            {
                "server_id": Ref("azurerm_postgresql_server.pass_single_server_key", "id"),
                "key_vault_key_id": KEY_ID,
            },
        ),
    ],
    ("encryption", "ENC-AZREDIS-001"): [
        redis("pass_default"),
        redis("pass_tls_only", non_ssl_port_enabled=False, minimum_tls_version="1.2"),
        redis("fail_non_tls_port", non_ssl_port_enabled=True),
        redis("fail_non_tls_port_v3", v3=True, enable_non_ssl_port=True),
        redis("fail_tls10", minimum_tls_version="1.0"),
        redis("undetermined_tls_variable", minimum_tls_version=Ref("var.minimum_tls_version", None)),
        redis(
            "undetermined_non_tls_port_variable", non_ssl_port_enabled=Ref("var.non_ssl_port_enabled", None)
        ),
    ],
    ("encryption", "ENC-AZAPP-001"): [
        Case("azurerm_service_plan", "apps", placed("apps", os_type="Linux", sku_name="P1v3")),
        app("azurerm_linux_web_app", "pass_https_only", https_only=True),
        app("azurerm_linux_function_app", "pass_function_https_only", https_only=True),
        app("azurerm_linux_web_app", "fail_default"),
        app("azurerm_windows_function_app", "fail_function_http", https_only=False),
        app("azurerm_app_service", "fail_legacy_default"),
        app("azurerm_linux_web_app", "undetermined_https_variable", https_only=Ref("var.https_only", None)),
    ],
    ("encryption", "ENC-AZAPP-002"): [
        Case("azurerm_service_plan", "apps", placed("apps", os_type="Linux", sku_name="P1v3")),
        app("azurerm_linux_web_app", "pass_default", https_only=True),
        app(
            "azurerm_windows_web_app",
            "pass_tls12",
            {"minimum_tls_version": "1.2", "scm_minimum_tls_version": "1.2"},
            https_only=True,
        ),
        app("azurerm_linux_web_app", "fail_tls10", {"minimum_tls_version": "1.0"}, https_only=True),
        app("azurerm_windows_web_app", "fail_scm_tls11", {"scm_minimum_tls_version": "1.1"}, https_only=True),
        app("azurerm_app_service", "fail_legacy_tls10", {"min_tls_version": "1.0"}, https_only=True),
        app(
            "azurerm_linux_web_app",
            "undetermined_tls_variable",
            {"minimum_tls_version": Ref("var.minimum_tls_version", None)},
            https_only=True,
        ),
        app(
            "azurerm_linux_web_app",
            "undetermined_site_config_variable",
            https_only=True,
            site_config=Ref("var.site_config", None),
        ),
    ],
    ("encryption", "ENC-AZAPP-003"): [
        Case("azurerm_service_plan", "apps", placed("apps", os_type="Linux", sku_name="P1v3")),
        app("azurerm_linux_web_app", "pass_default", https_only=True),
        app("azurerm_linux_function_app", "pass_ftps_only", {"ftps_state": "FtpsOnly"}, https_only=True),
        app("azurerm_app_service", "pass_legacy_ftp_disabled", {"ftps_state": "Disabled"}, https_only=True),
        app("azurerm_windows_web_app", "fail_ftp_allowed", {"ftps_state": "AllAllowed"}, https_only=True),
        app("azurerm_app_service", "fail_legacy_default", https_only=True),
    ],
    ("encryption", "ENC-AZDISK-001"): [
        ENCRYPTION_SET,
        disk("fail_platform_key"),
        disk("pass_encryption_set", disk_encryption_set_id=Ref("azurerm_disk_encryption_set.cmk", "id")),
        disk(
            "pass_confidential_vm",
            security_type="ConfidentialVM_DiskEncryptedWithCustomerKey",
            secure_vm_disk_encryption_set_id=Ref("azurerm_disk_encryption_set.cmk", "id"),
        ),
    ],
    ("encryption", "ENC-AZDISK-002"): [
        Case(
            "azurerm_disk_encryption_set",
            "pass_rotates",
            placed(
                "pass_rotates",
                key_vault_key_id=KEY_ID,
                auto_key_rotation_enabled=True,
                identity=[{"type": "SystemAssigned"}],
            ),
        ),
        Case(
            "azurerm_disk_encryption_set",
            "fail_default",
            placed("fail_default", key_vault_key_id=KEY_ID, identity=[{"type": "SystemAssigned"}]),
            {"auto_key_rotation_enabled": False},
        ),
        Case(
            "azurerm_disk_encryption_set",
            "fail_disabled",
            placed(
                "fail_disabled",
                key_vault_key_id=KEY_ID,
                auto_key_rotation_enabled=False,
                identity=[{"type": "SystemAssigned"}],
            ),
        ),
    ],
    ("encryption", "ENC-AZAKS-001"): [
        ENCRYPTION_SET,
        aks("fail_platform_key"),
        aks("pass_encryption_set", disk_encryption_set_id=Ref("azurerm_disk_encryption_set.cmk", "id")),
    ],
    ("encryption", "ENC-AZSQL-003"): [
        sql_server("fail_service_managed_key"),
        sql_server(
            "pass_server_key",
            transparent_data_encryption_key_vault_key_id=KEY_ID,
            identity=[{"type": "SystemAssigned"}],
        ),
        sql_server("pass_separate_protector", identity=[{"type": "SystemAssigned"}]),
        Case(
            "azurerm_mssql_server_transparent_data_encryption",
            "protector",
            {
                "server_id": Ref("azurerm_mssql_server.pass_separate_protector", "id"),
                "key_vault_key_id": KEY_ID,
            },
        ),
    ],
    ("encryption", "ENC-AZAKS-002"): [
        aks("fail_default_pool"),
        aks("pass_host_encryption", default_node_pool=[{**SYSTEM_POOL, "host_encryption_enabled": True}]),
        aks("pass_host_encryption_v3", default_node_pool=[{**SYSTEM_POOL, "enable_host_encryption": True}]),
        Case("azurerm_kubernetes_cluster_node_pool", "fail_user_pool", {**USER_POOL}),
        Case(
            "azurerm_kubernetes_cluster_node_pool",
            "pass_user_pool",
            {**USER_POOL, "name": "secure", "host_encryption_enabled": True},
        ),
    ],
    ("encryption", "ENC-AZKV-001"): [
        vault("payments"),
        vault_key("fail_never_expires"),
        vault_key("pass_expiration_date", expiration_date="2027-06-30T00:00:00Z"),
        vault_key(
            "pass_rotation_policy_expiry",
            rotation_policy=[{"expire_after": "P365D", "automatic": [{"time_before_expiry": "P30D"}]}],
        ),
        # A rotation policy unknown until apply (a dynamic block over a variable) may set expire_after.
        vault_key("undetermined_rotation_policy_variable", rotation_policy=Ref("var.rotation_policy", None)),
        hsm_key("fail_hsm_never_expires"),
        hsm_key("pass_hsm_expiration_date", expiration_date="2027-06-30T00:00:00Z"),
        hsm_key("pass_hsm_rotation_policy"),
        hsm_rotation("pass_hsm_rotation_policy", time_before_expiry="P30D"),
    ],
    ("encryption", "ENC-AZKV-002"): [
        vault("payments"),
        vault_key("fail_no_rotation_policy", expiration_date="2027-06-30T00:00:00Z"),
        vault_key(
            "fail_manual_rotation",
            rotation_policy=[{"expire_after": "P365D", "notify_before_expiry": "P30D"}],
        ),
        vault_key(
            "pass_rotates_before_expiry",
            rotation_policy=[{"expire_after": "P365D", "automatic": [{"time_before_expiry": "P30D"}]}],
        ),
        vault_key(
            "pass_rotates_after_creation", rotation_policy=[{"automatic": [{"time_after_creation": "P180D"}]}]
        ),
        vault_key("undetermined_rotation_policy_variable", rotation_policy=Ref("var.rotation_policy", None)),
        hsm_key("fail_hsm_no_rotation_policy", expiration_date="2027-06-30T00:00:00Z"),
        hsm_key("pass_hsm_rotates"),
        hsm_rotation("pass_hsm_rotates", time_after_creation="P180D"),
        vault_key(
            "undetermined_automatic_variable",
            rotation_policy=[{"expire_after": "P365D", "automatic": Ref("var.automatic_rotation", None)}],
        ),
    ],
    ("encryption", "ENC-AZDB-001"): [
        single_server("azurerm_postgresql_server", "pass_single_enforced", ssl_enforcement_enabled=True),
        single_server("azurerm_mysql_server", "fail_single_not_enforced", ssl_enforcement_enabled=False),
        single_server(
            "azurerm_postgresql_server",
            "fail_single_tls11",
            ssl_enforcement_enabled=True,
            ssl_minimal_tls_version_enforced="TLS1_1",
        ),
        flexible_server("azurerm_postgresql_flexible_server", "pass_flexible_default"),
        *mysql_flexible_with("fail_flexible_insecure", {"require_secure_transport": "OFF"}),
        *mysql_flexible_with("fail_flexible_tls11", {"tls_version": "TLSv1.1,TLSv1.2"}),
        *mysql_flexible_with(
            "pass_flexible_tls12", {"require_secure_transport": "ON", "tls_version": "TLSv1.2"}
        ),
        # Server parameters set through azapi_resource configurations whose parent_id is the server.
        *flexible_with_azapi(
            "azurerm_mysql_flexible_server",
            "fail_flexible_azapi_insecure",
            {"require_secure_transport": "OFF"},
        ),
        *flexible_with_azapi(
            "azurerm_mysql_flexible_server", "fail_flexible_azapi_tls11", {"tls_version": "TLSv1.1,TLSv1.2"}
        ),
        *flexible_with_azapi(
            "azurerm_postgresql_flexible_server",
            "pass_flexible_azapi_secure",
            {"require_secure_transport": "ON"},
        ),
        *flexible_with_azapi(
            "azurerm_mysql_flexible_server",
            "undetermined_flexible_azapi_variable",
            {"require_secure_transport": Ref("var.require_secure_transport", None)},
        ),
    ],
    ("audit-logging", "LOG-AZKV-001"): [
        vault("fail_no_diagnostics"),
        vault("fail_metrics_only"),
        diagnostics(
            "metrics_only",
            "azurerm_key_vault.fail_metrics_only",
            log_analytics_workspace_id=WORKSPACE,
            metric=[{"category": "AllMetrics"}],
        ),
        vault("pass_audit_event"),
        diagnostics(
            "audit_event",
            "azurerm_key_vault.pass_audit_event",
            log_analytics_workspace_id=WORKSPACE,
            enabled_log=[{"category": "AuditEvent"}],
        ),
        vault("pass_all_logs"),
        diagnostics(
            "all_logs",
            "azurerm_key_vault.pass_all_logs",
            storage_account_id=AUDIT_STORAGE,
            enabled_log=[{"category_group": "allLogs"}],
        ),
        # azapi_resource diagnostic settings (Terraform only: Pulumi has no azapi provider, so these vaults
        # are left out of the Pulumi stack).
        vault("pass_azapi_audit_group"),
        azapi_diagnostics(
            "azapi_audit", "azurerm_key_vault.pass_azapi_audit_group", [{"categoryGroup": "audit"}]
        ),
        vault("fail_azapi_audit_event_disabled"),
        azapi_diagnostics(
            "azapi_disabled",
            "azurerm_key_vault.fail_azapi_audit_event_disabled",
            [{"category": "AuditEvent", "enabled": False}],
        ),
        # Whether AuditEvent is sent is known only after apply (1a3ce0a): undetermined, never a pass. The
        # older log block's enabled, an azapi body as a whole (an azapi logs entry's enabled unknown is in
        # the Rego tests: fixture_writer writes no unknown inside an object argument's list).
        vault("undetermined_log_enabled_variable"),
        diagnostics(
            "log_enabled_variable",
            "azurerm_key_vault.undetermined_log_enabled_variable",
            log_analytics_workspace_id=WORKSPACE,
            log=[{"category": "AuditEvent", "enabled": Ref("var.audit_enabled")}],
        ),
        vault("undetermined_azapi_body_variable"),
        Case(
            "azapi_resource",
            "azapi_body_variable",
            {
                "type": "Microsoft.Insights/diagnosticSettings@2021-05-01-preview",
                "name": "azapi-body-variable",
                "parent_id": Ref("azurerm_key_vault.undetermined_azapi_body_variable", "id"),
                "body": Ref("var.vault_diagnostics"),
            },
        ),
    ],
    ("audit-logging", "LOG-AZSQL-001"): [
        sql_server("fail_not_audited"),
        sql_server("fail_auditing_disabled"),
        auditing("disabled", "fail_auditing_disabled", enabled=False),
        sql_server("pass_audited"),
        auditing("audited", "pass_audited", retention_in_days=365),
        legacy_sql_server(
            "pass_legacy_inline_policy",
            extended_auditing_policy=[{"storage_endpoint": AUDIT_ENDPOINT, "retention_in_days": 365}],
        ),
        legacy_sql_server("fail_legacy_not_audited"),
    ],
    ("audit-logging", "LOG-AZSQL-002"): [
        sql_server("ledger"),
        auditing("pass_default", "ledger"),
        auditing("pass_one_year", "ledger", retention_in_days=365),
        auditing("fail_thirty_days", "ledger", retention_in_days=30),
        auditing("fail_ninety_days", "ledger", retention_in_days=90),
        auditing(
            "undetermined_retention_variable", "ledger", retention_in_days=Ref("var.audit_retention_days")
        ),
        # The inline block (azurerm 2 and 3), which LOG-AZSQL-001 accepts, is judged too (#16 §2).
        sql_server(
            "fail_inline_thirty_days",
            extended_auditing_policy=[{"storage_endpoint": AUDIT_ENDPOINT, "retention_in_days": 30}],
        ),
        sql_server(
            "pass_inline_one_year",
            extended_auditing_policy=[{"storage_endpoint": AUDIT_ENDPOINT, "retention_in_days": 365}],
        ),
        sql_server(
            "pass_inline_default_forever", extended_auditing_policy=[{"storage_endpoint": AUDIT_ENDPOINT}]
        ),
        sql_database("ledger_db"),
        Case(
            "azurerm_mssql_database_extended_auditing_policy",
            "fail_database_sixty_days",
            {
                "database_id": Ref("azurerm_mssql_database.ledger_db", "id"),
                "log_monitoring_enabled": True,
                "retention_in_days": 60,
            },
            {"enabled": True},
        ),
        Case(
            "azurerm_mssql_database_extended_auditing_policy",
            "pass_database_one_year",
            {
                "database_id": Ref("azurerm_mssql_database.ledger_db", "id"),
                "log_monitoring_enabled": True,
                "retention_in_days": 365,
            },
            {"enabled": True},
        ),
        # Inline blocks of databases (azurerm 2) and of the legacy server and database types.
        sql_database(
            "fail_database_inline_thirty_days",
            extended_auditing_policy=[{"storage_endpoint": AUDIT_ENDPOINT, "retention_in_days": 30}],
        ),
        sql_database(
            "pass_database_inline_one_year",
            extended_auditing_policy=[{"storage_endpoint": AUDIT_ENDPOINT, "retention_in_days": 365}],
        ),
        legacy_sql_server(
            "fail_legacy_server_inline_ninety_days",
            extended_auditing_policy=[{"storage_endpoint": AUDIT_ENDPOINT, "retention_in_days": 90}],
        ),
        legacy_sql_server(
            "pass_legacy_server_inline_forever",
            extended_auditing_policy=[{"storage_endpoint": AUDIT_ENDPOINT, "retention_in_days": 0}],
        ),
        Case(
            "azurerm_sql_database",
            "fail_legacy_database_inline_thirty_days",
            placed(
                "fail_legacy_database_inline_thirty_days",
                server_name="fail-legacy-server-inline-ninety-days",
                extended_auditing_policy=[{"storage_endpoint": AUDIT_ENDPOINT, "retention_in_days": 30}],
            ),
        ),
        Case(
            "azurerm_sql_database",
            "pass_legacy_database_inline_one_year",
            placed(
                "pass_legacy_database_inline_one_year",
                server_name="pass-legacy-server-inline-forever",
                extended_auditing_policy=[{"storage_endpoint": AUDIT_ENDPOINT, "retention_in_days": 365}],
            ),
        ),
    ],
    ("audit-logging", "LOG-AZPG-001"): [
        *postgresql_with("azurerm_postgresql_server", "fail_defaults", {}),
        *postgresql_with("azurerm_postgresql_server", "pass_all_on", PG_ALL_ON),
        *postgresql_with(
            "azurerm_postgresql_server", "fail_checkpoints_off", {**PG_ALL_ON, "log_checkpoints": "off"}
        ),
        *postgresql_with("azurerm_postgresql_flexible_server", "pass_flexible_all_on", PG_ALL_ON),
        *postgresql_with(
            "azurerm_postgresql_flexible_server",
            "fail_flexible_duration_off",
            {"log_disconnections": "on", "log_duration": "off"},
        ),
        # A parameter value from a module variable: unknown until apply, so undetermined, never a pass
        # (log_checkpoints is on by default, log_duration off).
        *postgresql_with(
            "azurerm_postgresql_flexible_server",
            "undetermined_checkpoints_variable",
            {**PG_ALL_ON, "log_checkpoints": Ref("var.log_checkpoints")},
        ),
        *postgresql_with(
            "azurerm_postgresql_flexible_server",
            "undetermined_duration_variable",
            {"log_disconnections": "on", "log_duration": Ref("var.log_duration")},
        ),
    ],
    ("audit-logging", "LOG-AZPG-002"): [
        *pg_retention("azurerm_postgresql_server", "fail_default_retention", None),
        *pg_retention("azurerm_postgresql_server", "fail_three_days", "3"),
        *pg_retention("azurerm_postgresql_server", "pass_seven_days", "7"),
        *pg_retention("azurerm_postgresql_flexible_server", "pass_flexible_seven_days", "7"),
        *pg_retention("azurerm_postgresql_flexible_server", "fail_flexible_default", None),
        # The days from a module variable: unknown until apply, so undetermined, never a pass.
        *pg_retention(
            "azurerm_postgresql_flexible_server", "undetermined_days_variable", Ref("var.log_retention_days")
        ),
    ],
    ("audit-logging", "LOG-AZSTORAGE-001"): [
        account("fail_not_logged"),
        account("fail_writes_only"),
        storage_logs("writes_only", "fail_writes_only", "blob", [{"category": "StorageWrite"}]),
        account("pass_blob_requests_logged"),
        storage_logs("blob_requests", "pass_blob_requests_logged", "blob", REQUEST_LOGS),
        account("pass_audit_group"),
        storage_logs("audit_group", "pass_audit_group", "blob", [{"category_group": "audit"}]),
    ],
    ("audit-logging", "LOG-AZNETWORK-001"): [
        nsg("fail_no_flow_log"),
        nsg("fail_flow_log_disabled"),
        flow_log("disabled", "fail_flow_log_disabled", enabled=False),
        nsg("pass_flow_log"),
        flow_log("enabled", "pass_flow_log"),
        nsg("pass_flow_log_v4"),
        flow_log("enabled_v4", "pass_flow_log_v4", attribute="target_resource_id"),
        # enabled from a module variable: unknown until apply, so undetermined, not failed.
        nsg("undetermined_enabled_variable"),
        flow_log("enabled_variable", "undetermined_enabled_variable", enabled=Ref("var.flow_logs_enabled")),
        # Virtual network flow logs (Azure creates no NSG flow logs since 30 June 2025): the group's traffic
        # is recorded where it is attached, on the subnet, the interface or their virtual network.
        network("hub"),
        network_flow_log("hub", "azurerm_virtual_network.hub"),
        subnet("app", "hub"),
        nsg("pass_subnet_in_recorded_network"),
        subnet_association("app", Ref("azurerm_subnet.app", "id"), "pass_subnet_in_recorded_network"),
        interface("vm", "app"),
        nsg("pass_interface_in_recorded_network"),
        interface_association("vm", "vm", "pass_interface_in_recorded_network"),
        nsg("pass_inline_subnet_of_recorded_network"),
        network("inline", ("pass_inline_subnet_of_recorded_network",)),
        network_flow_log("inline", "azurerm_virtual_network.inline"),
        network("spoke"),
        subnet("recorded", "spoke"),
        network_flow_log("recorded_subnet", "azurerm_subnet.recorded"),
        nsg("pass_recorded_subnet"),
        subnet_association("recorded", Ref("azurerm_subnet.recorded", "id"), "pass_recorded_subnet"),
        subnet("unrecorded", "spoke"),
        nsg("fail_subnet_unrecorded"),
        subnet_association("unrecorded", Ref("azurerm_subnet.unrecorded", "id"), "fail_subnet_unrecorded"),
        # Attached to two subnets, one recorded: the other's traffic is not.
        nsg("fail_one_subnet_unrecorded"),
        subnet_association(
            "both_recorded", Ref("azurerm_subnet.recorded", "id"), "fail_one_subnet_unrecorded"
        ),
        subnet_association(
            "both_unrecorded", Ref("azurerm_subnet.unrecorded", "id"), "fail_one_subnet_unrecorded"
        ),
        network("off"),
        network_flow_log("off", "azurerm_virtual_network.off", enabled=False),
        subnet("off", "off"),
        nsg("fail_network_flow_log_disabled"),
        subnet_association("off", Ref("azurerm_subnet.off", "id"), "fail_network_flow_log_disabled"),
        nsg("fail_inline_subnet_of_unrecorded_network"),
        network("unrecorded_inline", ("fail_inline_subnet_of_unrecorded_network",)),
        # A subnet of another configuration: its network's flow log is not in the scanned code.
        nsg("undetermined_subnet_of_another_configuration"),
        subnet_association(
            "elsewhere",
            f"{SUBSCRIPTION}/resourceGroups/{RG}/providers/Microsoft.Network/virtualNetworks/core/subnets/app",
            "undetermined_subnet_of_another_configuration",
        ),
        network("maybe"),
        network_flow_log("maybe", "azurerm_virtual_network.maybe", enabled=Ref("var.flow_logs_enabled")),
        subnet("maybe", "maybe"),
        nsg("undetermined_network_flow_log_variable"),
        subnet_association(
            "maybe", Ref("azurerm_subnet.maybe", "id"), "undetermined_network_flow_log_variable"
        ),
    ],
    ("audit-logging", "LOG-AZNETWORK-002"): [
        nsg("web"),
        flow_log("pass_one_year", "web"),
        flow_log("pass_forever", "web", retention={"enabled": True, "days": 0}),
        flow_log("fail_seven_days", "web", retention={"enabled": True, "days": 7}),
        # settings.min_log_retention_days, default 365, is the one minimum of every retention rule (#16 §3).
        flow_log("fail_ninety_days", "web", retention={"enabled": True, "days": 90}),
        flow_log("fail_retention_disabled", "web", retention={"enabled": False, "days": 0}),
        # Unknown days are undetermined, never a pass (#16 §2): an object variable's attribute, an
        # undeclared variable.
        flow_log(
            "undetermined_days_of_a_variable",
            "web",
            retention={"enabled": True, "days": Ref("var.flow_log", "days")},
        ),
        flow_log(
            "undetermined_undeclared_variable",
            "web",
            retention={"enabled": True, "days": Ref("var.undeclared_days")},
        ),
    ],
    ("audit-logging", "LOG-AZMONITOR-001"): [
        log_profile("pass_one_year", {"enabled": True, "days": 365}),
        log_profile("pass_forever", {"enabled": False, "days": 0}),
        log_profile("fail_thirty_days", {"enabled": True, "days": 30}),
        log_profile("fail_ninety_days", {"enabled": True, "days": 90}),
        log_profile("undetermined_days_variable", {"enabled": True, "days": Ref("var.activity_log_days")}),
    ],
}


# --- azapi_resource: storage accounts declared through the AzAPI provider (Azure Verified Modules) -------


def azapi_account(name: str, properties: dict[str, Any]) -> Case:
    arguments = {
        "type": "Microsoft.Storage/storageAccounts@2023-05-01",
        "name": "acme" + name.replace("_", "")[:20],
        "parent_id": f"{SUBSCRIPTION}/resourceGroups/{RG}",
        "location": LOCATION,
        "body": {"kind": "StorageV2", "sku": {"name": "Standard_ZRS"}, "properties": properties},
    }
    return Case("azapi_resource", name, arguments)


# An azapi resource of another ARM type gets no check from the storage rules (no fail_/pass_ prefix).
AZAPI_KEY_VAULT = Case(
    "azapi_resource",
    "other_key_vault",
    {
        "type": "Microsoft.KeyVault/vaults@2023-07-01",
        "name": "acme-payments-kv",
        "parent_id": f"{SUBSCRIPTION}/resourceGroups/{RG}",
        "location": LOCATION,
        "body": {"properties": {"tenantId": TENANT, "sku": {"family": "A", "name": "standard"}}},
    },
)
# azapi_resource storage accounts (Azure Verified Modules), with azapi diagnostic settings on the blob
# service (Terraform only: Pulumi has no azapi provider).
CASES[("audit-logging", "LOG-AZSTORAGE-001")] += [
    azapi_account("fail_azapi_not_logged", {"minimumTlsVersion": "TLS1_2"}),
    azapi_account("pass_azapi_blob_requests_logged", {"minimumTlsVersion": "TLS1_2"}),
    azapi_service_diagnostics(
        "azapi_blob_requests",
        "pass_azapi_blob_requests_logged",
        [{"categoryGroup": "audit", "enabled": True}],
    ),
    AZAPI_KEY_VAULT,
]
KEYVAULT_ENCRYPTION = {
    "keySource": "Microsoft.Keyvault",
    "keyvaultproperties": {"keyname": "storage", "keyvaulturi": "https://acme-payments-kv.vault.azure.net"},
}
CASES[("encryption", "ENC-AZSTORAGE-001")] += [
    azapi_account("pass_azapi_default", {}),
    azapi_account("fail_azapi_http_allowed", {"supportsHttpsTrafficOnly": False}),
    AZAPI_KEY_VAULT,
]


def azapi_account_on(api_version: str, name: str, properties: dict[str, Any]) -> Case:
    """An azapi storage account on another API version (supportsHttpsTrafficOnly defaults to false before
    2019-04-01)."""
    case = azapi_account(name, properties)
    return Case(
        case.type, case.name, {**case.arguments, "type": f"Microsoft.Storage/storageAccounts@{api_version}"}
    )


CASES[("encryption", "ENC-AZSTORAGE-001")] += [
    azapi_account_on("2018-07-01", "fail_azapi_old_api_default", {"minimumTlsVersion": "TLS1_2"}),
    azapi_account_on("2018-07-01", "pass_azapi_old_api_https", {"supportsHttpsTrafficOnly": True}),
    azapi_account_on("2019-04-01", "pass_azapi_2019_default", {}),
]
CASES[("encryption", "ENC-AZSTORAGE-002")] += [
    azapi_account("pass_azapi_tls12", {"minimumTlsVersion": "TLS1_2"}),
    azapi_account("fail_azapi_tls10", {"minimumTlsVersion": "TLS1_0"}),
    AZAPI_KEY_VAULT,
]
CASES[("encryption", "ENC-AZSTORAGE-003")] += [
    azapi_account(
        "pass_azapi_double",
        {"encryption": {"keySource": "Microsoft.Storage", "requireInfrastructureEncryption": True}},
    ),
    azapi_account("fail_azapi_default", {"encryption": {"keySource": "Microsoft.Storage"}}),
    AZAPI_KEY_VAULT,
]
CASES[("encryption", "ENC-AZSTORAGE-004")] += [
    azapi_account("pass_azapi_keyvault", {"encryption": KEYVAULT_ENCRYPTION}),
    azapi_account("fail_azapi_microsoft_key", {"encryption": {"keySource": "Microsoft.Storage"}}),
    AZAPI_KEY_VAULT,
]

RG_ID = f"{SUBSCRIPTION}/resourceGroups/{RG}"
ADE_SETTINGS = [
    {
        "disk_encryption_key": [
            {
                "secret_url": "https://acme-payments-kv.vault.azure.net/secrets/ade/5a1c3e7f9b2d4f6a8c0e1a3b5d7f9e1c",
                "source_vault_id": f"{RG_ID}/providers/Microsoft.KeyVault/vaults/acme-payments-kv",
            }
        ]
    }
]


def azapi_disk(name: str, properties: dict[str, Any]) -> Case:
    arguments = {
        "type": "Microsoft.Compute/disks@2024-03-02",
        "name": name.replace("_", "-"),
        "parent_id": f"{SUBSCRIPTION}/resourceGroups/{RG}",
        "location": LOCATION,
        "body": {
            "sku": {"name": "Premium_ZRS"},
            "properties": {"creationData": {"createOption": "Empty"}, "diskSizeGB": 256, **properties},
        },
    }
    return Case("azapi_resource", name, arguments)


CASES[("encryption", "ENC-AZDISK-001")] += [
    disk("pass_azure_disk_encryption", encryption_settings=ADE_SETTINGS),
    # Azure Disk Encryption settings unknown until apply (a dynamic block over a variable) may turn it on.
    disk(
        "undetermined_encryption_settings_variable", encryption_settings=Ref("var.encryption_settings", None)
    ),
    azapi_disk("fail_azapi_platform_key", {"encryption": {"type": "EncryptionAtRestWithPlatformKey"}}),
    azapi_disk(
        "pass_azapi_encryption_set",
        {
            "encryption": {
                "type": "EncryptionAtRestWithCustomerKey",
                "diskEncryptionSetId": f"{RG_ID}/providers/Microsoft.Compute/diskEncryptionSets/cmk",
            }
        },
    ),
    AZAPI_KEY_VAULT,
]


def azapi_case(name: str, arm_type: str, body: dict[str, Any]) -> Case:
    arguments = {
        "type": arm_type,
        "name": name.replace("_", "-"),
        "parent_id": RG_ID,
        "location": LOCATION,
        "body": body,
    }
    return Case("azapi_resource", name, arguments)


SITE_ARM = "Microsoft.Web/sites@2023-12-01"


def logic_app(name: str, site: dict[str, Any] | None = None, **arguments: Any) -> Case:
    """An azurerm_logic_app_standard: https_only defaults to false, site_config.ftps_state to AllAllowed."""
    base: dict[str, Any] = placed(
        name,
        app_service_plan_id=PLAN_ID,
        storage_account_name="acmelogic",
        storage_account_access_key=Ref("var.logic_storage_key", None),
    )
    base["site_config"] = [site or {}]
    defaults = {"https_only": False, "site_config": {"min_tls_version": "1.2", "ftps_state": "AllAllowed"}}
    return Case("azurerm_logic_app_standard", name, {**base, **arguments}, defaults)


def flex_app(name: str, site: dict[str, Any] | None = None, **arguments: Any) -> Case:
    """An azurerm_function_app_flex_consumption (azurerm 4): https_only defaults to false."""
    base: dict[str, Any] = placed(
        name,
        service_plan_id=PLAN_ID,
        storage_container_type="blobContainer",
        storage_container_endpoint="https://acmefunctions.blob.core.windows.net/deployments",
        storage_authentication_type="SystemAssignedIdentity",
        runtime_name="python",
        runtime_version="3.11",
    )
    base["site_config"] = [site or {}]
    defaults = {
        "https_only": False,
        "site_config": {"minimum_tls_version": "1.2", "scm_minimum_tls_version": "1.2"},
    }
    return Case("azurerm_function_app_flex_consumption", name, {**base, **arguments}, defaults)


CASES[("encryption", "ENC-AZAPP-001")] += [
    logic_app("fail_logic_app_default"),
    logic_app("pass_logic_app_https_only", https_only=True),
    flex_app("fail_flex_default"),
    flex_app("pass_flex_https_only", https_only=True),
]
CASES[("encryption", "ENC-AZAPP-002")] += [
    logic_app("fail_logic_app_tls10", {"min_tls_version": "1.0"}, https_only=True),
    logic_app("pass_logic_app_default", https_only=True),
    flex_app("fail_flex_scm_tls11", {"scm_minimum_tls_version": "1.1"}, https_only=True),
    flex_app("pass_flex_tls12", {"minimum_tls_version": "1.2"}, https_only=True),
]
CASES[("encryption", "ENC-AZAPP-003")] += [
    logic_app("fail_logic_app_default", https_only=True),
    logic_app("pass_logic_app_ftps_only", {"ftps_state": "FtpsOnly"}, https_only=True),
]
CASES[("encryption", "ENC-AZAPP-001")] += [
    azapi_case(
        "fail_azapi_site_default", SITE_ARM, {"kind": "app,linux", "properties": {"serverFarmId": "apps"}}
    ),
    azapi_case("pass_azapi_site_https", SITE_ARM, {"kind": "app,linux", "properties": {"httpsOnly": True}}),
    AZAPI_KEY_VAULT,
]
CASES[("encryption", "ENC-AZAPP-002")] += [
    azapi_case("fail_azapi_site_tls10", SITE_ARM, {"properties": {"siteConfig": {"minTlsVersion": "1.0"}}}),
    azapi_case("pass_azapi_site_default", SITE_ARM, {"properties": {"siteConfig": {"alwaysOn": True}}}),
    AZAPI_KEY_VAULT,
]
CASES[("encryption", "ENC-AZAPP-003")] += [
    azapi_case("fail_azapi_site_ftp", SITE_ARM, {"properties": {"siteConfig": {"ftpsState": "AllAllowed"}}}),
    azapi_case(
        "pass_azapi_site_ftps_disabled", SITE_ARM, {"properties": {"siteConfig": {"ftpsState": "Disabled"}}}
    ),
    AZAPI_KEY_VAULT,
]

SITE_CONFIG_ARM = "Microsoft.Web/sites/config@2023-12-01"


def site_config_case(name: str, properties: dict[str, Any], config_name: str = "web") -> Case:
    """An azapi Microsoft.Web/sites/config: named "web", its properties are the site configuration."""
    arguments = {
        "type": SITE_CONFIG_ARM,
        "name": config_name,
        "parent_id": f"{RG_ID}/providers/Microsoft.Web/sites/acme-portal",
        "body": {"properties": properties},
    }
    return Case("azapi_resource", name, arguments)


CASES[("encryption", "ENC-AZAPP-002")] += [
    site_config_case("fail_azapi_web_config_tls10", {"minTlsVersion": "1.0", "ftpsState": "Disabled"}),
    site_config_case("fail_azapi_web_config_scm_tls11", {"minTlsVersion": "1.2", "scmMinTlsVersion": "1.1"}),
    site_config_case("pass_azapi_web_config_tls12", {"minTlsVersion": "1.2", "scmMinTlsVersion": "1.2"}),
    site_config_case("not_applicable_azapi_app_settings", {"WEBSITE_RUN_FROM_PACKAGE": "1"}, "appsettings"),
]
CASES[("encryption", "ENC-AZAPP-003")] += [
    site_config_case("fail_azapi_web_config_ftp", {"minTlsVersion": "1.2", "ftpsState": "AllAllowed"}),
    site_config_case("pass_azapi_web_config_ftps_only", {"ftpsState": "FtpsOnly"}),
    site_config_case("not_applicable_azapi_app_settings", {"WEBSITE_RUN_FROM_PACKAGE": "1"}, "appsettings"),
]


def managed_instance(name: str, **arguments: Any) -> Case:
    """An azurerm_mssql_managed_instance: minimum_tls_version defaults to 1.2."""
    base = placed(
        name,
        license_type="BasePrice",
        sku_name="GP_Gen5",
        storage_size_in_gb=32,
        subnet_id=f"{RG_ID}/providers/Microsoft.Network/virtualNetworks/sql/subnets/mi",
        vcores=4,
        administrator_login="miadmin",
        administrator_login_password=Ref("var.mi_admin_password", None),
    )
    return Case("azurerm_mssql_managed_instance", name, {**base, **arguments}, {"minimum_tls_version": "1.2"})


CASES[("encryption", "ENC-AZSQL-001")] += [
    managed_instance("pass_managed_instance_default"),
    managed_instance("fail_managed_instance_tls11", minimum_tls_version="1.1"),
    azapi_case(
        "fail_azapi_managed_instance_tls10",
        "Microsoft.Sql/managedInstances@2023-08-01-preview",
        {"properties": {"minimalTlsVersion": "1.0"}},
    ),
    azapi_case(
        "fail_azapi_sql_tls11",
        "Microsoft.Sql/servers@2023-08-01-preview",
        {"properties": {"minimalTlsVersion": "1.1"}},
    ),
    azapi_case(
        "pass_azapi_sql_tls12",
        "Microsoft.Sql/servers@2023-08-01-preview",
        {"properties": {"minimalTlsVersion": "1.2"}},
    ),
    AZAPI_KEY_VAULT,
]


def instance_protector(instance: str, **arguments: Any) -> Case:
    """An azurerm_mssql_managed_instance_transparent_data_encryption naming the managed instance: without a
    key it sets the service-managed protector."""
    base = {"managed_instance_id": Ref(f"azurerm_mssql_managed_instance.{instance}", "id")}
    return Case(
        "azurerm_mssql_managed_instance_transparent_data_encryption", f"tde_{instance}", {**base, **arguments}
    )


# A managed instance has no key argument: its TDE protector is set by a separate resource.
CASES[("encryption", "ENC-AZSQL-003")] += [
    managed_instance("fail_managed_instance_default", identity=[{"type": "SystemAssigned"}]),
    managed_instance("fail_managed_instance_service_managed", identity=[{"type": "SystemAssigned"}]),
    instance_protector("fail_managed_instance_service_managed"),
    managed_instance("pass_managed_instance_key", identity=[{"type": "SystemAssigned"}]),
    instance_protector("pass_managed_instance_key", key_vault_key_id=KEY_ID, auto_rotation_enabled=True),
    managed_instance("pass_managed_instance_hsm_key", identity=[{"type": "SystemAssigned"}]),
    instance_protector(
        "pass_managed_instance_hsm_key",
        managed_hsm_key_id="https://acme-payments-hsm.managedhsm.azure.net/keys/tde",
    ),
]


SQL_ARM = "Microsoft.Sql/servers@2023-08-01-preview"
SQL_IDENTITY = {"type": "SystemAssigned"}


def azapi_protector(server: str, key_type: str) -> Case:
    """The encryption protector (child "current") of the azapi server ``server``."""
    arguments = {
        "type": "Microsoft.Sql/servers/encryptionProtector@2023-08-01-preview",
        "name": "current",
        "parent_id": Ref(f"azapi_resource.{server}", "id"),
        "body": {"properties": {"serverKeyType": key_type, "serverKeyName": "acme-payments-kv_tde_1"}},
    }
    return Case("azapi_resource", f"protector_{server}", arguments)


# azapi_resource SQL servers and managed instances: properties.keyId, or a child encryptionProtector with
# serverKeyType AzureKeyVault, is a customer-managed TDE protector.
CASES[("encryption", "ENC-AZSQL-003")] += [
    azapi_case("fail_azapi_sql_service_key", SQL_ARM, {"identity": SQL_IDENTITY, "properties": {}}),
    azapi_case("pass_azapi_sql_key_id", SQL_ARM, {"identity": SQL_IDENTITY, "properties": {"keyId": KEY_ID}}),
    azapi_case("pass_azapi_sql_protector", SQL_ARM, {"identity": SQL_IDENTITY, "properties": {}}),
    azapi_protector("pass_azapi_sql_protector", "AzureKeyVault"),
    azapi_case("fail_azapi_sql_service_managed_protector", SQL_ARM, {"properties": {}}),
    azapi_protector("fail_azapi_sql_service_managed_protector", "ServiceManaged"),
    azapi_case(
        "pass_azapi_managed_instance_key_id",
        "Microsoft.Sql/managedInstances@2023-08-01-preview",
        {"identity": SQL_IDENTITY, "properties": {"vCores": 4, "keyId": KEY_ID}},
    ),
    Case(
        "azapi_resource",
        "undetermined_azapi_sql_body_variable",
        {**azapi_case("body", SQL_ARM, {}).arguments, "body": Ref("var.sql_body", None)},
    ),
    AZAPI_KEY_VAULT,
]


PG_FLEXIBLE_ARM = "Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01"
USER_IDENTITY_ID = f"{RG_ID}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/db"

# azapi_resource flexible servers: properties.dataEncryption.type AzureKeyVault with a primaryKeyURI.
CASES[("encryption", "ENC-AZDB-002")] += [
    azapi_case(
        "fail_azapi_postgres_system_managed",
        PG_FLEXIBLE_ARM,
        {"properties": {"version": "16", "dataEncryption": {"type": "SystemManaged"}}},
    ),
    azapi_case(
        "fail_azapi_mysql_default", "Microsoft.DBforMySQL/flexibleServers@2023-12-30", {"properties": {}}
    ),
    azapi_case(
        "pass_azapi_postgres_key_vault",
        PG_FLEXIBLE_ARM,
        {
            "identity": {"type": "UserAssigned", "userAssignedIdentities": {USER_IDENTITY_ID: {}}},
            "properties": {
                "version": "16",
                "dataEncryption": {
                    "type": "AzureKeyVault",
                    "primaryKeyURI": KEY_ID,
                    "primaryUserAssignedIdentityId": USER_IDENTITY_ID,
                },
            },
        },
    ),
    Case(
        "azapi_resource",
        "undetermined_azapi_postgres_body_variable",
        {**azapi_case("body", PG_FLEXIBLE_ARM, {}).arguments, "body": Ref("var.postgres_body", None)},
    ),
    AZAPI_KEY_VAULT,
]


DES_ARM = "Microsoft.Compute/diskEncryptionSets@2024-03-02"
DES_BODY = {
    "identity": {"type": "SystemAssigned"},
    "properties": {"encryptionType": "EncryptionAtRestWithCustomerKey", "activeKey": {"keyUrl": KEY_ID}},
}

# azapi_resource disk encryption sets: properties.rotationToLatestKeyVersionEnabled, default false.
CASES[("encryption", "ENC-AZDISK-002")] += [
    azapi_case("fail_azapi_des_default", DES_ARM, DES_BODY),
    azapi_case(
        "pass_azapi_des_rotates",
        DES_ARM,
        {**DES_BODY, "properties": {**DES_BODY["properties"], "rotationToLatestKeyVersionEnabled": True}},
    ),
    Case(
        "azapi_resource",
        "undetermined_azapi_des_body_variable",
        {**azapi_case("body", DES_ARM, {}).arguments, "body": Ref("var.des_body", None)},
    ),
    AZAPI_KEY_VAULT,
]


KEY_ARM = "Microsoft.KeyVault/vaults/keys@2023-07-01"
HSM_KEY_ARM = "Microsoft.KeyVault/managedHSMs/keys@2023-07-01"
ROTATE_ACTION = {"action": {"type": "rotate"}, "trigger": {"timeBeforeExpiry": "P30D"}}
NOTIFY_ACTION = {"action": {"type": "notify"}, "trigger": {"timeBeforeExpiry": "P30D"}}


def azapi_key(name: str, properties: dict[str, Any], arm_type: str = KEY_ARM) -> Case:
    """A key of the vault (or Managed HSM) declared with azapi: its ARM properties."""
    arguments = {
        "type": arm_type,
        "name": name.replace("_", "-"),
        "parent_id": f"{RG_ID}/providers/Microsoft.KeyVault/vaults/acme-payments-kv",
        "body": {"properties": {"kty": "RSA", "keySize": 3072, **properties}},
    }
    return Case("azapi_resource", name, arguments)


# azapi_resource keys: properties.attributes.exp or rotationPolicy.attributes.expiryTime is an expiry, a
# rotationPolicy.lifetimeActions entry of type Rotate an automatic rotation.
CASES[("encryption", "ENC-AZKV-001")] += [
    azapi_key("fail_azapi_key_never_expires", {}),
    azapi_key("pass_azapi_key_exp", {"attributes": {"exp": 1798761600}}),
    azapi_key(
        "pass_azapi_hsm_key_policy_expiry",
        {"rotationPolicy": {"attributes": {"expiryTime": "P365D"}, "lifetimeActions": [ROTATE_ACTION]}},
        HSM_KEY_ARM,
    ),
    AZAPI_KEY_VAULT,
]
CASES[("encryption", "ENC-AZKV-002")] += [
    azapi_key("fail_azapi_key_no_policy", {"attributes": {"exp": 1798761600}}),
    azapi_key(
        "fail_azapi_key_notify_only",
        {"rotationPolicy": {"attributes": {"expiryTime": "P365D"}, "lifetimeActions": [NOTIFY_ACTION]}},
    ),
    azapi_key(
        "pass_azapi_key_rotates",
        {"rotationPolicy": {"attributes": {"expiryTime": "P365D"}, "lifetimeActions": [ROTATE_ACTION]}},
    ),
    Case(
        "azapi_resource",
        "undetermined_azapi_key_body_variable",
        {**azapi_key("body", {}).arguments, "body": Ref("var.key_body", None)},
    ),
    AZAPI_KEY_VAULT,
]


TDE_ARM = "Microsoft.Sql/servers/databases/transparentDataEncryption@2023-08-01-preview"


def azapi_tde(name: str, properties: dict[str, Any], arm_type: str = TDE_ARM) -> Case:
    """A database's TDE configuration (child resource "current" of an azapi or azurerm database)."""
    arguments = {
        "type": arm_type,
        "name": "current",
        "parent_id": f"{RG_ID}/providers/Microsoft.Sql/servers/acme-ledger/databases/ledger",
        "body": {"properties": properties},
    }
    return Case("azapi_resource", name, arguments)


# azapi_resource of the ARM type Microsoft.Sql/servers/databases/transparentDataEncryption: properties.state
# (properties.status in API version 2014-04-01) Disabled turns TDE off.
CASES[("encryption", "ENC-AZSQL-002")] += [
    azapi_tde("fail_azapi_tde_disabled", {"state": "Disabled"}),
    azapi_tde(
        "fail_azapi_tde_status_disabled",
        {"status": "Disabled"},
        "Microsoft.Sql/servers/databases/transparentDataEncryption@2014-04-01",
    ),
    azapi_tde("pass_azapi_tde_enabled", {"state": "Enabled"}),
    # A body unknown until apply (a variable) may disable it.
    Case(
        "azapi_resource",
        "undetermined_azapi_tde_body_variable",
        {**azapi_tde("body", {}).arguments, "body": Ref("var.tde_body", None)},
    ),
    AZAPI_KEY_VAULT,
]


def managed_redis(name: str, database: dict[str, Any] | None = None) -> Case:
    """An azurerm_managed_redis (azurerm 4): default_database.client_protocol defaults to Encrypted."""
    base = placed(name, sku_name="Balanced_B3", default_database=[database or {}])
    return Case("azurerm_managed_redis", name, base, {"default_database": {"client_protocol": "Encrypted"}})


def enterprise_database(name: str, **arguments: Any) -> Case:
    """An azurerm_redis_enterprise_database: client_protocol defaults to Encrypted."""
    base = {
        "cluster_id": f"{RG_ID}/providers/Microsoft.Cache/redisEnterprise/acme-cache",
        "name": "default",
    }
    return Case(
        "azurerm_redis_enterprise_database", name, {**base, **arguments}, {"client_protocol": "Encrypted"}
    )


CASES[("encryption", "ENC-AZREDIS-001")] += [
    managed_redis("pass_managed_default"),
    managed_redis("fail_managed_plaintext", {"client_protocol": "Plaintext"}),
    managed_redis(
        "undetermined_managed_protocol_variable", {"client_protocol": Ref("var.client_protocol", None)}
    ),
    enterprise_database("pass_enterprise_encrypted", client_protocol="Encrypted"),
    enterprise_database("fail_enterprise_plaintext", client_protocol="Plaintext"),
    azapi_case(
        "fail_azapi_enterprise_plaintext",
        "Microsoft.Cache/redisEnterprise/databases@2024-10-01",
        {"properties": {"clientProtocol": "Plaintext"}},
    ),
    azapi_case(
        "fail_azapi_redis_non_ssl",
        "Microsoft.Cache/redis@2024-03-01",
        {"properties": {"enableNonSslPort": True}},
    ),
    azapi_case(
        "pass_azapi_redis_default",
        "Microsoft.Cache/redis@2024-03-01",
        {"properties": {"sku": {"name": "Premium"}}},
    ),
    AZAPI_KEY_VAULT,
]
AKS_ARM = "Microsoft.ContainerService/managedClusters@2024-05-01"
CASES[("encryption", "ENC-AZAKS-001")] += [
    azapi_case("fail_azapi_aks_platform_key", AKS_ARM, {"properties": {"dnsPrefix": "payments"}}),
    azapi_case(
        "pass_azapi_aks_encryption_set",
        AKS_ARM,
        {
            "properties": {
                "dnsPrefix": "payments",
                "diskEncryptionSetID": f"{RG_ID}/providers/Microsoft.Compute/diskEncryptionSets/cmk",
            }
        },
    ),
    AZAPI_KEY_VAULT,
]

POOL_ARM = "Microsoft.ContainerService/managedClusters/agentPools@2024-05-01"
CASES[("encryption", "ENC-AZAKS-002")] += [
    azapi_case(
        "fail_azapi_cluster_pool",
        AKS_ARM,
        {
            "properties": {
                "dnsPrefix": "payments",
                "agentPoolProfiles": [{"name": "system", "count": 3, "mode": "System"}],
            }
        },
    ),
    azapi_case(
        "pass_azapi_cluster_pool",
        AKS_ARM,
        {
            "properties": {
                "dnsPrefix": "payments",
                "agentPoolProfiles": [
                    {"name": "system", "count": 3, "mode": "System", "enableEncryptionAtHost": True}
                ],
            }
        },
    ),
    azapi_case("fail_azapi_agent_pool", POOL_ARM, {"properties": {"count": 3, "mode": "User"}}),
    azapi_case(
        "pass_azapi_agent_pool",
        POOL_ARM,
        {"properties": {"count": 3, "mode": "User", "enableEncryptionAtHost": True}},
    ),
    AZAPI_KEY_VAULT,
]

# A storage account declared with azapi whose key is set afterwards, by an azapi_update_resource or by an
# azurerm_storage_account_customer_managed_key.
CASES[("encryption", "ENC-AZSTORAGE-004")] += [
    azapi_account("pass_azapi_updated_key", {}),
    Case(
        "azapi_update_resource",
        "storage_key",
        {
            "type": "Microsoft.Storage/storageAccounts@2023-05-01",
            "resource_id": Ref("azapi_resource.pass_azapi_updated_key", "id"),
            "body": {"properties": {"encryption": KEYVAULT_ENCRYPTION}},
        },
    ),
    azapi_account("pass_azapi_separate_key", {}),
    Case(
        "azurerm_storage_account_customer_managed_key",
        "azapi_account_key",
        {
            "storage_account_id": Ref("azapi_resource.pass_azapi_separate_key", "id"),
            "key_vault_id": f"{RG_ID}/providers/Microsoft.KeyVault/vaults/acme-payments-kv",
            "key_name": "storage",
        },
    ),
]
