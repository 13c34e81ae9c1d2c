"""Azure fixture cases of the issue-16 audit-logging rules (rulepacks/audit-logging.d/azure-log2.yaml): per
rule, azurerm resources named by the outcome the rule must give them, in Terraform, plan and Pulumi
(``azure`` classic provider). Resources of other types are helpers the rule reads through references.
``EXTRA_HCL`` is written after a rule's generated ``main.tf`` (data sources the writer does not write).
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

RG = "payments-prod"
LOCATION = "westeurope"
SUBSCRIPTION = "/subscriptions/3b7e2f4a-9c1d-4e8b-a6f5-2d0c9e8b7a61"
GROUP = f"{SUBSCRIPTION}/resourceGroups/{RG}/providers"
WORKSPACE = f"{GROUP}/Microsoft.OperationalInsights/workspaces/audit"
AUDIT_STORAGE = f"{GROUP}/Microsoft.Storage/storageAccounts/acmeaudit"


def placed(name: str, **arguments: Any) -> dict[str, Any]:
    return {"name": name.replace("_", "-"), "resource_group_name": RG, "location": LOCATION, **arguments}


def arm_id(provider_path: str, name: str) -> str:
    return f"{GROUP}/{provider_path}/{name.replace('_', '-')}"


def diagnostics(
    name: str, target: Any, logs: list[dict[str, Any]], pulumi: bool = True, **destination: Any
) -> Case:
    arguments: dict[str, Any] = {
        "name": name.replace("_", "-"),
        "target_resource_id": target,
        **(destination or {"log_analytics_workspace_id": WORKSPACE}),
        "enabled_log": logs,
    }
    return Case(
        "azurerm_monitor_diagnostic_setting",
        name,
        arguments,
        {},
        "azure:monitoring/diagnosticSetting:DiagnosticSetting" if pulumi else None,
    )


def azapi_diagnostics(name: str, parent: Ref, logs: list[dict[str, Any]]) -> Case:
    """An azapi_resource diagnostic setting (Terraform only: Pulumi has no azapi provider)."""
    body = {"properties": {"workspaceId": WORKSPACE, "logs": logs}}
    arguments = {
        "type": "Microsoft.Insights/diagnosticSettings@2021-05-01-preview",
        "name": name.replace("_", "-"),
        "parent_id": parent,
        "body": body,
    }
    return Case("azapi_resource", name, arguments)


# --- AKS -----------------------------------------------------------------------------------------------

AKS_TOKEN = "azure:containerservice/kubernetesCluster:KubernetesCluster"
SYSTEM_POOL = {"name": "system", "vm_size": "Standard_D4s_v5", "node_count": 3}


def aks(name: str, pulumi: bool = True, **arguments: Any) -> Case:
    base = placed(
        name,
        dns_prefix=name.replace("_", "-"),
        default_node_pool=[SYSTEM_POOL],
        identity=[{"type": "SystemAssigned"}],
    )
    return Case(
        "azurerm_kubernetes_cluster",
        name,
        {**base, **arguments},
        {"oms_agent": {}},
        AKS_TOKEN if pulumi else None,
        pulumi_id=arm_id("Microsoft.ContainerService/managedClusters", name),
    )


def _ref(type_name: str, name: str) -> Ref:
    return Ref(f"{type_name}.{name}", "id")


AKS_LOGGING = [
    aks("pass_container_insights", oms_agent=[{"log_analytics_workspace_id": WORKSPACE}]),
    aks("pass_kube_audit_diagnostics"),
    diagnostics(
        "kube_audit",
        _ref("azurerm_kubernetes_cluster", "pass_kube_audit_diagnostics"),
        [{"category": "kube-audit-admin"}, {"category": "guard"}],
    ),
    aks("pass_audit_group_through_azapi", pulumi=False),
    azapi_diagnostics(
        "aks_audit",
        _ref("azurerm_kubernetes_cluster", "pass_audit_group_through_azapi"),
        [{"categoryGroup": "audit", "enabled": True}],
    ),
    aks("fail_no_monitoring"),
    aks("fail_api_server_logs_only"),
    diagnostics(
        "api_server_only",
        _ref("azurerm_kubernetes_cluster", "fail_api_server_logs_only"),
        [{"category": "kube-apiserver"}],
    ),
    aks("undetermined_oms_agent_variable", pulumi=False, oms_agent=Ref("var.oms_agent", None)),
    Case(
        "azapi_resource",
        "pass_azapi_container_insights",
        {
            "type": "Microsoft.ContainerService/managedClusters@2024-05-01",
            "name": "payments-avm",
            "parent_id": f"{SUBSCRIPTION}/resourceGroups/{RG}",
            "location": LOCATION,
            "body": {
                "properties": {
                    "dnsPrefix": "payments-avm",
                    "addonProfiles": {
                        "omsagent": {
                            "enabled": True,
                            "config": {"logAnalyticsWorkspaceResourceID": WORKSPACE},
                        }
                    },
                }
            },
        },
    ),
    Case(
        "azapi_resource",
        "fail_azapi_no_monitoring",
        {
            "type": "Microsoft.ContainerService/managedClusters@2024-05-01",
            "name": "payments-bare",
            "parent_id": f"{SUBSCRIPTION}/resourceGroups/{RG}",
            "location": LOCATION,
            "body": {"properties": {"dnsPrefix": "payments-bare"}},
        },
    ),
]

# --- NSG diagnostics -------------------------------------------------------------------------------------

NSG_TOKEN = "azure:network/networkSecurityGroup:NetworkSecurityGroup"


def nsg(name: str) -> Case:
    return Case(
        "azurerm_network_security_group",
        name,
        placed(name),
        {},
        NSG_TOKEN,
        pulumi_id=arm_id("Microsoft.Network/networkSecurityGroups", name),
    )


NSG_EVENTS = [{"category": "NetworkSecurityGroupEvent"}, {"category": "NetworkSecurityGroupRuleCounter"}]

NSG_DYNAMIC_HCL = """data "azurerm_monitor_diagnostic_categories" "nsg_dynamic" {
  resource_id = azurerm_network_security_group.undetermined_dynamic_categories.id
}

resource "azurerm_monitor_diagnostic_setting" "nsg_dynamic" {
  name                       = "nsg-dynamic"
  target_resource_id         = azurerm_network_security_group.undetermined_dynamic_categories.id
  log_analytics_workspace_id = "WORKSPACE"

  dynamic "enabled_log" {
    for_each = data.azurerm_monitor_diagnostic_categories.nsg_dynamic.log_category_types
    content {
      category = enabled_log.value
    }
  }
}
""".replace("WORKSPACE", WORKSPACE)

NSG_DIAGNOSTICS = [
    nsg("pass_both_categories"),
    diagnostics("nsg_both", _ref("azurerm_network_security_group", "pass_both_categories"), NSG_EVENTS),
    nsg("pass_all_logs_to_storage"),
    diagnostics(
        "nsg_all",
        _ref("azurerm_network_security_group", "pass_all_logs_to_storage"),
        [{"category_group": "allLogs"}],
        storage_account_id=AUDIT_STORAGE,
    ),
    nsg("fail_no_diagnostics"),
    nsg("fail_events_only"),
    diagnostics("nsg_events", _ref("azurerm_network_security_group", "fail_events_only"), NSG_EVENTS[:1]),
    nsg("fail_no_destination"),
    diagnostics(
        "nsg_nowhere",
        _ref("azurerm_network_security_group", "fail_no_destination"),
        NSG_EVENTS,
        log_analytics_workspace_id=None,
    ),
    # azapi_resource diagnostic settings (Terraform only: Pulumi has no azapi provider).
    Case(
        "azurerm_network_security_group",
        "pass_azapi_diagnostic_setting",
        placed("pass_azapi_diagnostic_setting"),
    ),
    azapi_diagnostics(
        "nsg_azapi_both",
        _ref("azurerm_network_security_group", "pass_azapi_diagnostic_setting"),
        [{**event, "enabled": True} for event in NSG_EVENTS],
    ),
    Case("azurerm_network_security_group", "fail_azapi_events_only", placed("fail_azapi_events_only")),
    azapi_diagnostics(
        "nsg_azapi_events",
        _ref("azurerm_network_security_group", "fail_azapi_events_only"),
        [{**NSG_EVENTS[0], "enabled": True}, {**NSG_EVENTS[1], "enabled": False}],
    ),
    # The categories come from a dynamic block over the categories the resource type offers: unknown until
    # apply in HCL and in the plan, so undetermined, not failed (Terraform only: a stack export knows them).
    Case(
        "azurerm_network_security_group",
        "undetermined_dynamic_categories",
        placed("undetermined_dynamic_categories"),
    ),
    Case(
        "azurerm_monitor_diagnostic_setting",
        "nsg_dynamic",
        {
            "name": "nsg-dynamic",
            "target_resource_id": _ref("azurerm_network_security_group", "undetermined_dynamic_categories"),
            "log_analytics_workspace_id": WORKSPACE,
        },
        plan_values={"enabled_log": UNKNOWN},
        hcl=NSG_DYNAMIC_HCL,
    ),
]

# --- VNet flow logs --------------------------------------------------------------------------------------


def vnet(name: str) -> Case:
    return Case(
        "azurerm_virtual_network",
        name,
        placed(name, address_space=["10.20.0.0/16"]),
        {},
        "azure:network/virtualNetwork:VirtualNetwork",
        pulumi_id=arm_id("Microsoft.Network/virtualNetworks", name),
    )


def flow_log(name: str, target: str, enabled: Any = True, pulumi: bool = True) -> Case:
    arguments: dict[str, Any] = {
        "name": name.replace("_", "-"),
        "network_watcher_name": "NetworkWatcher_westeurope",
        "resource_group_name": "NetworkWatcherRG",
        "target_resource_id": _ref("azurerm_virtual_network", target),
        "storage_account_id": AUDIT_STORAGE,
        "enabled": enabled,
        "version": 2,
        "retention_policy": [{"enabled": True, "days": 365}],
    }
    return Case(
        "azurerm_network_watcher_flow_log",
        name,
        arguments,
        {},
        "azure:network/networkWatcherFlowLog:NetworkWatcherFlowLog" if pulumi else None,
    )


VNET_FLOW_LOGS = [
    vnet("pass_flow_log"),
    flow_log("payments", "pass_flow_log"),
    vnet("fail_no_flow_log"),
    vnet("fail_flow_log_disabled"),
    flow_log("disabled", "fail_flow_log_disabled", enabled=False),
    Case(
        "azapi_resource",
        "pass_azapi_network_flow_log",
        {
            "type": "Microsoft.Network/virtualNetworks@2024-01-01",
            "name": "payments-avm",
            "parent_id": f"{SUBSCRIPTION}/resourceGroups/{RG}",
            "location": LOCATION,
            "body": {"properties": {"addressSpace": {"addressPrefixes": ["10.30.0.0/16"]}}},
        },
    ),
    Case(
        "azurerm_network_watcher_flow_log",
        "avm",
        {
            "name": "payments-avm",
            "network_watcher_name": "NetworkWatcher_westeurope",
            "resource_group_name": "NetworkWatcherRG",
            "target_resource_id": _ref("azapi_resource", "pass_azapi_network_flow_log"),
            "storage_account_id": AUDIT_STORAGE,
            "enabled": True,
            "version": 2,
        },
    ),
    Case(
        "azapi_resource",
        "fail_azapi_network_no_flow_log",
        {
            "type": "Microsoft.Network/virtualNetworks@2024-01-01",
            "name": "payments-bare",
            "parent_id": f"{SUBSCRIPTION}/resourceGroups/{RG}",
            "location": LOCATION,
            "body": {"properties": {"addressSpace": {"addressPrefixes": ["10.40.0.0/16"]}}},
        },
    ),
    vnet("undetermined_enabled_variable"),
    flow_log(
        "variable", "undetermined_enabled_variable", enabled=Ref("var.flow_logs_enabled", None), pulumi=False
    ),
    # An azapi_resource whose type is unknown until apply may be a network: undetermined, not failed.
    Case(
        "azapi_resource",
        "undetermined_azapi_network_type_variable",
        {
            "type": Ref("var.network_type", None),
            "name": "payments-typed-later",
            "parent_id": f"{SUBSCRIPTION}/resourceGroups/{RG}",
            "location": LOCATION,
            "body": {"properties": {"addressSpace": {"addressPrefixes": ["10.50.0.0/16"]}}},
        },
    ),
]
# A stack export knows every value: the undetermined network is Terraform only.
VNET_FLOW_LOGS = [
    Case(c.type, c.name, c.arguments, c.defaults, None, c.pulumi_id)
    if c.name.startswith("undetermined")
    else c
    for c in VNET_FLOW_LOGS
]

# --- subscription activity log ---------------------------------------------------------------------------

ACTIVITY = [{"category": c} for c in ("Administrative", "Security", "Policy", "Alert")]
SUBSCRIPTION_DATA = Ref("data.azurerm_subscription.current", "id")


def subscription_id(number: int) -> str:
    """A subscription of its own: LOG-AZMONITOR-002 judges the settings of one subscription together."""
    return f"/subscriptions/3b7e2f4a-9c1d-4e8b-a6f5-2d0c9e8b7a{number:02d}"


ACTIVITY_LOG_EXPORT = [
    diagnostics("pass_all_categories", subscription_id(1), [*ACTIVITY, {"category": "ServiceHealth"}]),
    diagnostics(
        "pass_all_logs_group",
        f"{subscription_id(2)}/",
        [{"category_group": "allLogs"}],
        storage_account_id=AUDIT_STORAGE,
    ),
    diagnostics("fail_administrative_only", subscription_id(3), ACTIVITY[:1]),
    diagnostics("fail_no_destination", subscription_id(4), ACTIVITY, log_analytics_workspace_id=None),
    # Up to five settings per target: the categories of all of them count.
    diagnostics("pass_split_first_half", subscription_id(6), ACTIVITY[:2]),
    diagnostics(
        "pass_split_second_half", subscription_id(6).upper(), ACTIVITY[2:], storage_account_id=AUDIT_STORAGE
    ),
    diagnostics("fail_split_alert_missing_first", subscription_id(7), ACTIVITY[:2]),
    diagnostics("fail_split_alert_missing_second", subscription_id(7), ACTIVITY[2:3]),
    # A sibling whose categories are unknown until apply may send the missing ones (Terraform only).
    diagnostics("undetermined_split_known_half", subscription_id(8), ACTIVITY[:2], pulumi=False),
    diagnostics(
        "undetermined_split_variable_half", subscription_id(8), Ref("var.activity_logs", None), pulumi=False
    ),
    diagnostics(
        "vault_setting_not_judged",
        f"{GROUP}/Microsoft.KeyVault/vaults/payments",
        [{"category": "AuditEvent"}],
    ),
]
SUBSCRIPTION_HCL = 'data "azurerm_subscription" "current" {}\n'
# The subscription read from the data source: a plan knows its id.
ACTIVITY_LOG_EXPORT.append(
    Case(
        "azurerm_monitor_diagnostic_setting",
        "fail_data_source_security_missing",
        {
            "name": "activity",
            "target_resource_id": SUBSCRIPTION_DATA,
            "log_analytics_workspace_id": WORKSPACE,
            "enabled_log": [c for c in ACTIVITY if c["category"] != "Security"],
        },
        plan_values={"target_resource_id": subscription_id(5)},
    )
)


def azapi_activity(name: str, parent: Any, body: Any, declared: Any = None) -> Case:
    """A subscription diagnostic setting written as an azapi_resource, as Azure Verified Modules write it
    (Terraform only: Pulumi has no azapi provider)."""
    arguments = {
        "type": declared or "Microsoft.Insights/diagnosticSettings@2021-05-01-preview",
        "name": name.replace("_", "-"),
        "parent_id": parent,
        "body": body,
    }
    return Case("azapi_resource", name, arguments)


def azapi_logs(categories: list[dict[str, Any]], enabled: bool = True) -> list[dict[str, Any]]:
    return [{**category, "enabled": enabled} for category in categories]


ACTIVITY_LOG_EXPORT += [
    # azapi_resource settings count with the azurerm ones of the same subscription (case and "/" aside).
    diagnostics("pass_azapi_split_azurerm_half", subscription_id(9), ACTIVITY[:2], pulumi=False),
    azapi_activity(
        "pass_azapi_split_azapi_half",
        f"{subscription_id(9).upper()}/",
        {"properties": {"workspaceId": WORKSPACE, "logs": azapi_logs(ACTIVITY[2:])}},
    ),
    azapi_activity(
        "pass_azapi_all_logs",
        subscription_id(10),
        {
            "properties": {
                "storageAccountId": AUDIT_STORAGE,
                "logs": [{"categoryGroup": "allLogs", "enabled": True}],
            }
        },
    ),
    azapi_activity(
        "fail_azapi_alert_disabled",
        subscription_id(11),
        {
            "properties": {
                "workspaceId": WORKSPACE,
                "logs": [*azapi_logs(ACTIVITY[:3]), *azapi_logs(ACTIVITY[3:], enabled=False)],
            }
        },
    ),
    azapi_activity(
        "fail_azapi_no_destination", subscription_id(12), {"properties": {"logs": azapi_logs(ACTIVITY)}}
    ),
    # A body or type unknown until apply: never a pass, for the setting and its siblings.
    diagnostics("undetermined_azapi_sibling_known_half", subscription_id(13), ACTIVITY[:2], pulumi=False),
    azapi_activity("undetermined_azapi_body_variable", subscription_id(13), Ref("var.activity_body", None)),
    azapi_activity(
        "undetermined_azapi_type_variable",
        subscription_id(14),
        {"properties": {"workspaceId": WORKSPACE, "logs": azapi_logs(ACTIVITY)}},
        declared=Ref("var.diagnostic_type", None),
    ),
    # Not a subscription's diagnostic setting: no check.
    azapi_activity(
        "azapi_vault_setting_not_judged",
        f"{GROUP}/Microsoft.KeyVault/vaults/payments",
        {"properties": {"workspaceId": WORKSPACE, "logs": [{"category": "AuditEvent", "enabled": True}]}},
    ),
    azapi_activity(
        "azapi_storage_account_not_judged",
        f"{SUBSCRIPTION}/resourceGroups/{RG}",
        {"kind": "StorageV2", "properties": {"minimumTlsVersion": "TLS1_2"}},
        declared="Microsoft.Storage/storageAccounts@2023-05-01",
    ),
]


# --- log profiles ------------------------------------------------------------------------------------------

REGIONS = [
    "global",
    "australiacentral",
    "australiacentral2",
    "australiaeast",
    "australiasoutheast",
    "brazilsouth",
    "canadacentral",
    "canadaeast",
    "centralindia",
    "centralus",
    "eastasia",
    "eastus",
    "eastus2",
    "francecentral",
    "francesouth",
    "germanynorth",
    "germanywestcentral",
    "japaneast",
    "japanwest",
    "koreacentral",
    "koreasouth",
    "northcentralus",
    "northeurope",
    "norwayeast",
    "norwaywest",
    "southafricanorth",
    "southafricawest",
    "southcentralus",
    "southeastasia",
    "southindia",
    "switzerlandnorth",
    "switzerlandwest",
    "uaecentral",
    "uaenorth",
    "uksouth",
    "ukwest",
    "westcentralus",
    "westeurope",
    "westindia",
    "westus",
    "westus2",
]
DISPLAY = ["Global", "Australia Central", "Australia Central 2", *REGIONS[3:], "Sweden Central", "West US 3"]


def log_profile(name: str, categories: list[str], locations: list[str]) -> Case:
    arguments = {
        "name": name.replace("_", "-"),
        "categories": categories,
        "locations": locations,
        "storage_account_id": AUDIT_STORAGE,
        "retention_policy": [{"enabled": True, "days": 365}],
    }
    return Case("azurerm_monitor_log_profile", name, arguments, {}, "azure:monitoring/logProfile:LogProfile")


ALL_CATEGORIES = ["Action", "Delete", "Write"]
LOG_PROFILE_COVERAGE = [
    log_profile("pass_everything", ALL_CATEGORIES, REGIONS),
    log_profile("pass_display_names_and_newer_regions", ["write", "delete", "action"], DISPLAY),
    log_profile("fail_write_only", ["Write"], REGIONS),
    log_profile("fail_home_region_only", ALL_CATEGORIES, ["global", LOCATION]),
    log_profile("fail_no_global", ALL_CATEGORIES, REGIONS[1:]),
]

# --- App Service ---------------------------------------------------------------------------------------

PLAN_ID = Ref("azurerm_service_plan.apps", "id")
TOKENS = {
    "azurerm_linux_web_app": "azure:appservice/linuxWebApp:LinuxWebApp",
    "azurerm_windows_web_app": "azure:appservice/windowsWebApp:WindowsWebApp",
    "azurerm_app_service": "azure:appservice/appService:AppService",
    "azurerm_linux_function_app": "azure:appservice/linuxFunctionApp:LinuxFunctionApp",
    "azurerm_windows_function_app": "azure:appservice/windowsFunctionApp:WindowsFunctionApp",
    "azurerm_function_app": "azure:appservice/functionApp:FunctionApp",
}
PLAN_SERVICE = Case(
    "azurerm_service_plan",
    "apps",
    placed("apps", os_type="Linux", sku_name="P1v3"),
    {},
    "azure:appservice/servicePlan:ServicePlan",
    pulumi_id=arm_id("Microsoft.Web/serverFarms", "apps"),
)


def app(type_name: str, name: str, pulumi: bool = True, **arguments: Any) -> Case:
    base: dict[str, Any] = placed(name)
    legacy = type_name in ("azurerm_app_service", "azurerm_function_app")
    base["app_service_plan_id" if legacy else "service_plan_id"] = PLAN_ID
    if "function_app" in type_name:
        base["storage_account_name"] = "acmefunctions"
        base["storage_account_access_key"] = Ref("var.functions_storage_key", None)
    if not legacy:
        base["site_config"] = [{"minimum_tls_version": "1.2"}]
    return Case(
        type_name,
        name,
        {**base, **arguments},
        {},
        TOKENS[type_name] if pulumi else None,
        pulumi_id=arm_id("Microsoft.Web/sites", name),
    )


SLOT_TOKENS = {
    "azurerm_linux_web_app_slot": "azure:appservice/linuxWebAppSlot:LinuxWebAppSlot",
    "azurerm_windows_web_app_slot": "azure:appservice/windowsWebAppSlot:WindowsWebAppSlot",
    "azurerm_app_service_slot": "azure:appservice/slot:Slot",
    "azurerm_linux_function_app_slot": "azure:appservice/linuxFunctionAppSlot:LinuxFunctionAppSlot",
    "azurerm_windows_function_app_slot": "azure:appservice/windowsFunctionAppSlot:WindowsFunctionAppSlot",
    "azurerm_function_app_slot": "azure:appservice/functionAppSlot:FunctionAppSlot",
}


def slot(type_name: str, name: str, parent: str, **arguments: Any) -> Case:
    """A deployment slot of the app ``parent`` (its address): judged like the app (#16 §1, slots)."""
    parent_type = parent.split(".")[0]
    base: dict[str, Any] = {"name": name.replace("_", "-")}
    if type_name in ("azurerm_app_service_slot", "azurerm_function_app_slot"):
        # Legacy slots repeat the app's placement and name it.
        base |= {"resource_group_name": RG, "location": LOCATION, "app_service_plan_id": PLAN_ID}
        base["function_app_name" if "function" in type_name else "app_service_name"] = Ref(parent, "name")
    else:
        base["function_app_id" if "function" in type_name else "app_service_id"] = Ref(parent, "id")
        base["site_config"] = [{"minimum_tls_version": "1.2"}]
    if "function" in type_name:
        base["storage_account_name"] = "acmefunctions"
        base["storage_account_access_key"] = Ref("var.functions_storage_key", None)
    assert parent_type in TOKENS
    return Case(
        type_name,
        name,
        {**base, **arguments},
        {},
        SLOT_TOKENS[type_name],
        pulumi_id=arm_id("Microsoft.Web/sites", f"{parent.split('.')[1]}/slots/{name}"),
    )


FILE_SYSTEM = {"file_system": [{"retention_in_days": 90, "retention_in_mb": 100}]}
BLOB = {"azure_blob_storage": [{"sas_url": Ref("var.http_logs_sas_url", None), "retention_in_days": 365}]}

APP_HTTP_LOGS = [
    PLAN_SERVICE,
    app("azurerm_linux_web_app", "pass_file_system", logs=[{"http_logs": [FILE_SYSTEM]}]),
    app(
        "azurerm_windows_web_app",
        "pass_blob_storage",
        logs=[
            {
                "http_logs": [
                    {
                        "azure_blob_storage": [
                            {
                                "sas_url": "https://acmeaudit.blob.core.windows.net/http?sv=2022-11-02",
                                "retention_in_days": 365,
                            }
                        ]
                    }
                ]
            }
        ],
    ),
    app("azurerm_app_service", "pass_legacy_file_system", logs=[{"http_logs": [FILE_SYSTEM]}]),
    app("azurerm_linux_web_app", "pass_diagnostic_setting"),
    diagnostics(
        "http", _ref("azurerm_linux_web_app", "pass_diagnostic_setting"), [{"category": "AppServiceHTTPLogs"}]
    ),
    app("azurerm_linux_web_app", "fail_no_logs"),
    app(
        "azurerm_windows_web_app",
        "fail_application_logs_only",
        logs=[{"application_logs": [{"file_system_level": "Error"}]}],
    ),
    app("azurerm_app_service", "fail_legacy_no_logs"),
    app("azurerm_linux_web_app", "undetermined_logs_variable", pulumi=False, logs=Ref("var.app_logs", None)),
    # Deployment slots keep their own logs configuration.
    slot(
        "azurerm_linux_web_app_slot",
        "pass_linux_slot_file_system",
        "azurerm_linux_web_app.pass_file_system",
        logs=[{"http_logs": [FILE_SYSTEM]}],
    ),
    slot("azurerm_linux_web_app_slot", "fail_linux_slot_no_logs", "azurerm_linux_web_app.pass_file_system"),
    slot(
        "azurerm_windows_web_app_slot",
        "pass_windows_slot_file_system",
        "azurerm_windows_web_app.pass_blob_storage",
        logs=[{"http_logs": [FILE_SYSTEM]}],
    ),
    slot(
        "azurerm_windows_web_app_slot",
        "fail_windows_slot_no_logs",
        "azurerm_windows_web_app.pass_blob_storage",
    ),
    slot(
        "azurerm_app_service_slot",
        "pass_legacy_slot_file_system",
        "azurerm_app_service.pass_legacy_file_system",
        logs=[{"http_logs": [FILE_SYSTEM]}],
    ),
    slot(
        "azurerm_app_service_slot", "fail_legacy_slot_no_logs", "azurerm_app_service.pass_legacy_file_system"
    ),
]

DETAILED = {"detailed_error_messages": True, "failed_request_tracing": True}
APP_DETAILED_LOGS = [
    PLAN_SERVICE,
    app("azurerm_linux_web_app", "pass_both_on", logs=[{**DETAILED, "http_logs": [FILE_SYSTEM]}]),
    app(
        "azurerm_app_service",
        "pass_legacy_both_on",
        logs=[{"detailed_error_messages_enabled": True, "failed_request_tracing_enabled": True}],
    ),
    app("azurerm_windows_web_app", "fail_no_logs"),
    app(
        "azurerm_linux_web_app",
        "fail_tracing_off",
        logs=[{"detailed_error_messages": True, "failed_request_tracing": False}],
    ),
    app("azurerm_app_service", "fail_legacy_current_names", logs=[DETAILED]),
    app("azurerm_windows_web_app", "pass_windows_both_on", logs=[{**DETAILED, "http_logs": [FILE_SYSTEM]}]),
    slot(
        "azurerm_linux_web_app_slot",
        "pass_linux_slot_both_on",
        "azurerm_linux_web_app.pass_both_on",
        logs=[{**DETAILED, "http_logs": [FILE_SYSTEM]}],
    ),
    slot("azurerm_linux_web_app_slot", "fail_linux_slot_no_logs", "azurerm_linux_web_app.pass_both_on"),
    slot(
        "azurerm_windows_web_app_slot",
        "pass_windows_slot_both_on",
        "azurerm_windows_web_app.pass_windows_both_on",
        logs=[DETAILED],
    ),
    slot(
        "azurerm_windows_web_app_slot",
        "fail_windows_slot_errors_off",
        "azurerm_windows_web_app.pass_windows_both_on",
        logs=[{"detailed_error_messages": False, "failed_request_tracing": True}],
    ),
    slot(
        "azurerm_app_service_slot",
        "pass_legacy_slot_both_on",
        "azurerm_app_service.pass_legacy_both_on",
        logs=[{"detailed_error_messages_enabled": True, "failed_request_tracing_enabled": True}],
    ),
    slot("azurerm_app_service_slot", "fail_legacy_slot_no_logs", "azurerm_app_service.pass_legacy_both_on"),
]

FUNCTION_LOGGING = [
    PLAN_SERVICE,
    app("azurerm_linux_function_app", "pass_default"),
    app("azurerm_windows_function_app", "pass_explicit", builtin_logging_enabled=True),
    app("azurerm_function_app", "pass_legacy_default", version="~4"),
    app("azurerm_linux_function_app", "fail_builtin_logging_off", builtin_logging_enabled=False),
    app("azurerm_function_app", "fail_legacy_builtin_logging_off", enable_builtin_logging=False),
    app(
        "azurerm_windows_function_app",
        "undetermined_variable",
        pulumi=False,
        builtin_logging_enabled=Ref("var.builtin_logging", None),
    ),
    app("azurerm_windows_function_app", "fail_windows_builtin_logging_off", builtin_logging_enabled=False),
    slot(
        "azurerm_linux_function_app_slot",
        "pass_linux_slot_default",
        "azurerm_linux_function_app.pass_default",
    ),
    slot(
        "azurerm_linux_function_app_slot",
        "fail_linux_slot_logging_off",
        "azurerm_linux_function_app.pass_default",
        builtin_logging_enabled=False,
    ),
    slot(
        "azurerm_windows_function_app_slot",
        "pass_windows_slot_explicit",
        "azurerm_windows_function_app.pass_explicit",
        builtin_logging_enabled=True,
    ),
    slot(
        "azurerm_windows_function_app_slot",
        "fail_windows_slot_logging_off",
        "azurerm_windows_function_app.pass_explicit",
        builtin_logging_enabled=False,
    ),
    slot("azurerm_function_app_slot", "pass_legacy_slot_default", "azurerm_function_app.pass_legacy_default"),
    slot(
        "azurerm_function_app_slot",
        "fail_legacy_slot_logging_off",
        "azurerm_function_app.pass_legacy_default",
        enable_builtin_logging=False,
    ),
]

# --- PostgreSQL configurations -----------------------------------------------------------------------------


def configuration(
    type_name: str, name: str, parameter: Any, value: Any, server: Any, pulumi: bool = True
) -> Case:
    key = "server_name" if type_name == "azurerm_postgresql_configuration" else "server_id"
    arguments: dict[str, Any] = {"name": parameter, key: server, "value": value}
    if key == "server_name":
        arguments["resource_group_name"] = RG
    token = {
        "azurerm_postgresql_configuration": "azure:postgresql/configuration:Configuration",
        FLEX: "azure:postgresql/flexibleServerConfiguration:FlexibleServerConfiguration",
    }[type_name]
    return Case(type_name, name, arguments, {}, token if pulumi else None)


SINGLE = "azurerm_postgresql_configuration"
FLEX = "azurerm_postgresql_flexible_server_configuration"
FLEX_SERVER_ID = f"{GROUP}/Microsoft.DBforPostgreSQL/flexibleServers/ledger"
FLEX_SERVER = Case(
    "azurerm_postgresql_flexible_server",
    "ledger",
    placed("ledger", version="16", sku_name="GP_Standard_D2s_v3", storage_mb=65536),
    {},
    "azure:postgresql/flexibleServer:FlexibleServer",
    pulumi_id=FLEX_SERVER_ID,
)

PG_CONFIGURATION = [
    configuration(SINGLE, "fail_connections_off", "log_connections", "off", "ledger-single"),
    configuration(SINGLE, "pass_checkpoints_on", "log_checkpoints", "on", "ledger-single"),
    configuration(FLEX, "fail_flexible_disconnections_off", "log_disconnections", "OFF", FLEX_SERVER_ID),
    configuration(FLEX, "pass_flexible_duration_on", "log_duration", "ON", FLEX_SERVER_ID),
    configuration(FLEX, "other_parameter_not_judged", "work_mem", "off", FLEX_SERVER_ID),
    FLEX_SERVER,
    # The server is in the configuration: LOG-AZPG-001 judges it, this rule gives no check.
    configuration(
        FLEX,
        "server_declared_here",
        "log_connections",
        "off",
        _ref("azurerm_postgresql_flexible_server", "ledger"),
    ),
    configuration(
        SINGLE,
        "undetermined_value_variable",
        "log_checkpoints",
        Ref("var.log_checkpoints", None),
        "ledger-single",
        pulumi=False,
    ),
    configuration(
        FLEX, "undetermined_name_variable", Ref("var.parameter", None), "off", FLEX_SERVER_ID, pulumi=False
    ),
]

# --- SQL database auditing ---------------------------------------------------------------------------

LEDGER_SERVER = Case(
    "azurerm_mssql_server",
    "ledger",
    placed(
        "ledger",
        version="12.0",
        administrator_login="ledgeradmin",
        administrator_login_password="from-config",
    ),
    {},
    "azure:mssql/server:Server",
    pulumi_id=arm_id("Microsoft.Sql/servers", "ledger"),
)


def mssql_database(name: str) -> Case:
    return Case(
        "azurerm_mssql_database",
        name,
        {
            "name": name.replace("_", "-"),
            "server_id": _ref("azurerm_mssql_server", "ledger"),
            "sku_name": "S1",
        },
        {},
        "azure:mssql/database:Database",
        pulumi_id=f"{arm_id('Microsoft.Sql/servers', 'ledger')}/databases/{name.replace('_', '-')}",
    )


def database_auditing(name: str, database: str, pulumi: bool = True, **arguments: Any) -> Case:
    return Case(
        "azurerm_mssql_database_extended_auditing_policy",
        name,
        {
            "database_id": _ref("azurerm_mssql_database", database),
            "storage_endpoint": AUDIT_BLOB,
            **arguments,
        },
        {},
        "azure:mssql/databaseExtendedAuditingPolicy:DatabaseExtendedAuditingPolicy" if pulumi else None,
    )


def legacy_database(name: str, **arguments: Any) -> Case:
    return Case(
        "azurerm_sql_database",
        name,
        placed(name, server_name="ledger-legacy", **arguments),
        {},
        "azure:sql/database:Database",
    )


AUDIT_BLOB = "https://acmeaudit.blob.core.windows.net/"

SQL_DATABASE_AUDITING = [
    LEDGER_SERVER,
    mssql_database("pass_own_policy_enabled"),
    database_auditing("enabled", "pass_own_policy_enabled", retention_in_days=365),
    mssql_database("fail_own_policy_disabled"),
    database_auditing("disabled", "fail_own_policy_disabled", enabled=False),
    mssql_database("no_own_policy_left_to_server"),
    legacy_database("pass_legacy_inline", extended_auditing_policy=[{"storage_endpoint": AUDIT_BLOB}]),
    legacy_database(
        "fail_legacy_inline_disabled",
        extended_auditing_policy=[{"storage_endpoint": AUDIT_BLOB, "enabled": False}],
    ),
    mssql_database("undetermined_policy_variable"),
    database_auditing(
        "variable", "undetermined_policy_variable", pulumi=False, enabled=Ref("var.db_auditing", None)
    ),
]
SQL_DATABASE_AUDITING = [
    Case(c.type, c.name, c.arguments, c.defaults, None, c.pulumi_id)
    if c.name.startswith("undetermined")
    else c
    for c in SQL_DATABASE_AUDITING
]

# --- Log Analytics retention ----------------------------------------------------------------------------


def log_workspace(name: str, pulumi: bool = True, **arguments: Any) -> Case:
    return Case(
        "azurerm_log_analytics_workspace",
        name,
        placed(name, **arguments),
        {"retention_in_days": 30, "sku": "PerGB2018"},
        "azure:operationalinsights/analyticsWorkspace:AnalyticsWorkspace" if pulumi else None,
        pulumi_id=arm_id("Microsoft.OperationalInsights/workspaces", name),
    )


LOG_ANALYTICS_RETENTION = [
    log_workspace("pass_one_year", sku="PerGB2018", retention_in_days=365),
    log_workspace("pass_two_years", retention_in_days=730),
    log_workspace("fail_default_thirty_days", sku="PerGB2018"),
    log_workspace("fail_ninety_days", retention_in_days=90),
    log_workspace("fail_free_tier", sku="Free"),
    log_workspace(
        "undetermined_retention_variable", pulumi=False, retention_in_days=Ref("var.retention", None)
    ),
]

# --- Log Analytics workspaces protected by a management lock (LOG-AZMONITOR-006) -------------------------

LOCK_TOKEN = "azure:management/lock:Lock"


def workspace_lock(name: str, scope: Any, level: Any, pulumi: bool = True) -> Case:
    return Case(
        "azurerm_management_lock",
        name,
        {"name": name.replace("_", "-"), "scope": scope, "lock_level": level},
        {"notes": None},
        LOCK_TOKEN if pulumi else None,
        pulumi_id=f"{GROUP}/Microsoft.Authorization/locks/{name.replace('_', '-')}",
    )


def _workspace_id(name: str) -> Ref:
    return Ref(f"azurerm_log_analytics_workspace.{name}", "id")


def _group_id(name: str) -> str:
    return f"/subscriptions/3b7e2f4a-9c1d-4e8b-a6f5-2d0c9e8b7a61/resourceGroups/{name}"


WORKSPACE_LOCK = [
    log_workspace("pass_locked_workspace", retention_in_days=365),
    workspace_lock("locked_workspace", _workspace_id("pass_locked_workspace"), "CanNotDelete"),
    log_workspace("pass_read_only_workspace", retention_in_days=365),
    workspace_lock("read_only_workspace", _workspace_id("pass_read_only_workspace"), "ReadOnly"),
    Case(
        "azurerm_resource_group",
        "audit_group",
        {"name": "payments-audit", "location": LOCATION},
        {},
        "azure:core/resourceGroup:ResourceGroup",
        pulumi_id=_group_id("payments-audit"),
    ),
    log_workspace(
        "pass_locked_resource_group",
        retention_in_days=365,
        resource_group_name=Ref("azurerm_resource_group.audit_group", "name"),
    ),
    workspace_lock("audit_group", Ref("azurerm_resource_group.audit_group", "id"), "CanNotDelete"),
    log_workspace("pass_literal_group_lock", retention_in_days=365, resource_group_name="payments-locked"),
    workspace_lock("literal_group", _group_id("payments-locked"), "CanNotDelete"),
    log_workspace("fail_no_lock", retention_in_days=365),
    log_workspace("fail_lock_on_another_group", retention_in_days=365, resource_group_name="payments-open"),
    workspace_lock("another_group", _group_id("payments-elsewhere"), "CanNotDelete"),
    log_workspace("undetermined_lock_level_variable", pulumi=False, retention_in_days=365),
    workspace_lock(
        "level_variable",
        _workspace_id("undetermined_lock_level_variable"),
        Ref("var.lock_level", None),
        pulumi=False,
    ),
]

CASES: dict[str, list[Case]] = {
    "LOG-AZAKS-001": AKS_LOGGING,
    "LOG-AZMONITOR-004": LOG_ANALYTICS_RETENTION,
    "LOG-AZSQL-003": SQL_DATABASE_AUDITING,
    "LOG-AZNETWORK-003": NSG_DIAGNOSTICS,
    "LOG-AZNETWORK-004": VNET_FLOW_LOGS,
    "LOG-AZMONITOR-002": ACTIVITY_LOG_EXPORT,
    "LOG-AZMONITOR-003": LOG_PROFILE_COVERAGE,
    "LOG-AZAPP-001": APP_HTTP_LOGS,
    "LOG-AZAPP-002": APP_DETAILED_LOGS,
    "LOG-AZFUNC-001": FUNCTION_LOGGING,
    "LOG-AZPG-003": PG_CONFIGURATION,
    "LOG-AZMONITOR-006": WORKSPACE_LOCK,
}

EXTRA_HCL = {"LOG-AZMONITOR-002": SUBSCRIPTION_HCL}

__all__ = ["CASES", "EXTRA_HCL", "UNKNOWN", "Interpolated"]

# --- Pulumi fixtures of earlier Azure rules (their HCL and plan come from tests/rules/azure) ------------

AUDIT_ENDPOINT = "https://acmeaudit.blob.core.windows.net/"


def mssql_server(name: str) -> Case:
    return Case(
        "azurerm_mssql_server",
        name,
        placed(
            name,
            version="12.0",
            azuread_administrator=[
                {
                    "login_username": "sql-admins",
                    "object_id": "00000000-0000-0000-0000-000000000001",
                    "azuread_authentication_only": True,
                }
            ],
        ),
        {},
        "azure:mssql/server:Server",
        pulumi_id=arm_id("Microsoft.Sql/servers", name),
    )


def server_auditing(name: str, server: str, **arguments: Any) -> Case:
    return Case(
        "azurerm_mssql_server_extended_auditing_policy",
        name,
        {"server_id": _ref("azurerm_mssql_server", server), "log_monitoring_enabled": True, **arguments},
        {},
        "azure:mssql/serverExtendedAuditingPolicy:ServerExtendedAuditingPolicy",
    )


def legacy_server(name: str, **arguments: Any) -> Case:
    return Case(
        "azurerm_sql_server",
        name,
        placed(
            name,
            version="12.0",
            administrator_login="ledgeradmin",
            administrator_login_password="from-config",
            **arguments,
        ),
        {},
        "azure:sql/sqlServer:SqlServer",
        pulumi_id=arm_id("Microsoft.Sql/servers", name),
    )


PULUMI_ONLY: dict[str, list[Case]] = {
    "LOG-AZSQL-001": [
        mssql_server("pass_audited"),
        server_auditing("audited", "pass_audited", retention_in_days=365),
        mssql_server("fail_not_audited"),
        mssql_server("fail_auditing_disabled"),
        server_auditing("disabled", "fail_auditing_disabled", enabled=False),
        legacy_server(
            "pass_legacy_inline_policy",
            extended_auditing_policy=[{"storage_endpoint": AUDIT_ENDPOINT, "retention_in_days": 365}],
        ),
        legacy_server("fail_legacy_not_audited"),
    ],
}


def native_server(name: str) -> Case:
    """An azure-native SQL server (Pulumi only)."""
    server_name = name.replace("_", "-")
    return Case(
        "azurerm_mssql_server",
        name,
        {"name": server_name},
        pulumi_token="azure-native:sql:Server",
        pulumi_id=arm_id("Microsoft.Sql/servers", name),
        pulumi={"serverName": server_name, "resourceGroupName": RG, "location": LOCATION, "version": "12.0"},
        terraform=False,
    )


def native_server_auditing(name: str, server: str, state: str, extended: bool = False) -> Case:
    """An azure-native (Extended)ServerBlobAuditingPolicy naming the server by name, with the ARM state
    "Enabled" or "Disabled" (the type table reads serverName as server_id)."""
    kind = "ExtendedServerBlobAuditingPolicy" if extended else "ServerBlobAuditingPolicy"
    return Case(
        "azurerm_mssql_server_extended_auditing_policy",
        name,
        {},
        pulumi_token=f"azure-native:sql:{kind}",
        pulumi={
            "serverName": Ref(f"azurerm_mssql_server.{server}", "name"),
            "resourceGroupName": RG,
            "blobAuditingPolicyName": "default",
            "state": state,
            "isAzureMonitorTargetEnabled": True,
        },
        terraform=False,
    )


PULUMI_ONLY["LOG-AZSQL-001"] += [
    native_server("pass_native_audited"),
    native_server_auditing("native_audited", "pass_native_audited", "Enabled"),
    native_server("pass_native_extended_audited"),
    native_server_auditing("native_extended", "pass_native_extended_audited", "Enabled", extended=True),
    native_server("fail_native_auditing_disabled"),
    native_server_auditing("native_disabled", "fail_native_auditing_disabled", "Disabled"),
    native_server("fail_native_not_audited"),
]


# Earlier rules whose Terraform cases (tests/rules/azure/azure_fixture_cases.py) are written as Pulumi too:
# the same resources under their azure classic type tokens and ARM ids.
AZURE_TOKENS = {
    "azurerm_key_vault": ("azure:keyvault/keyVault:KeyVault", "Microsoft.KeyVault/vaults"),
    "azurerm_monitor_diagnostic_setting": ("azure:monitoring/diagnosticSetting:DiagnosticSetting", ""),
    "azurerm_storage_account": ("azure:storage/account:Account", "Microsoft.Storage/storageAccounts"),
    "azurerm_network_security_group": (NSG_TOKEN, "Microsoft.Network/networkSecurityGroups"),
    "azurerm_network_watcher_flow_log": ("azure:network/networkWatcherFlowLog:NetworkWatcherFlowLog", ""),
    "azurerm_virtual_network": (
        "azure:network/virtualNetwork:VirtualNetwork",
        "Microsoft.Network/virtualNetworks",
    ),
    "azurerm_subnet": ("azure:network/subnet:Subnet", ""),
    "azurerm_subnet_network_security_group_association": (
        "azure:network/subnetNetworkSecurityGroupAssociation:SubnetNetworkSecurityGroupAssociation",
        "",
    ),
    "azurerm_network_interface": (
        "azure:network/networkInterface:NetworkInterface",
        "Microsoft.Network/networkInterfaces",
    ),
    "azurerm_network_interface_security_group_association": (
        "azure:network/networkInterfaceSecurityGroupAssociation:NetworkInterfaceSecurityGroupAssociation",
        "",
    ),
    "azurerm_postgresql_server": ("azure:postgresql/server:Server", "Microsoft.DBforPostgreSQL/servers"),
    "azurerm_postgresql_flexible_server": (
        "azure:postgresql/flexibleServer:FlexibleServer",
        "Microsoft.DBforPostgreSQL/flexibleServers",
    ),
    "azurerm_postgresql_configuration": ("azure:postgresql/configuration:Configuration", ""),
    FLEX: ("azure:postgresql/flexibleServerConfiguration:FlexibleServerConfiguration", ""),
    "azurerm_mssql_server": ("azure:mssql/server:Server", "Microsoft.Sql/servers"),
    "azurerm_sql_server": ("azure:sql/sqlServer:SqlServer", "Microsoft.Sql/servers"),
    "azurerm_mssql_database": ("azure:mssql/database:Database", ""),
    "azurerm_sql_database": ("azure:sql/database:Database", ""),
    "azurerm_mssql_server_extended_auditing_policy": (
        "azure:mssql/serverExtendedAuditingPolicy:ServerExtendedAuditingPolicy",
        "",
    ),
    "azurerm_mssql_database_extended_auditing_policy": (
        "azure:mssql/databaseExtendedAuditingPolicy:DatabaseExtendedAuditingPolicy",
        "",
    ),
    "azurerm_monitor_log_profile": ("azure:monitoring/logProfile:LogProfile", ""),
}


def from_azure_cases(rule_id: str) -> list[Case]:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "azure"))
    from azure_fixture_cases import CASES as AZURE_CASES

    cases = []
    for case in AZURE_CASES[("audit-logging", rule_id)]:
        if case.name.startswith("undetermined"):  # a stack export knows every value
            continue
        if "undetermined_" in repr(case.arguments):  # a helper of a resource left out above
            continue
        # A helper holding a variable's value (unknown until apply) serves an undetermined outcome.
        if "var." in repr(case.arguments) and not case.name.startswith(("pass_", "fail_")):
            continue
        if case.type == "azapi_resource" or "azapi" in case.name:  # no azapi provider in Pulumi
            continue
        token, arm_path = AZURE_TOKENS[case.type]
        pulumi_id = arm_id(arm_path, case.arguments.get("name", case.name)) if arm_path else None
        cases.append(Case(case.type, case.name, case.arguments, {}, token, pulumi_id=pulumi_id))
    return cases


for _rule_id in (
    "LOG-AZKV-001",
    "LOG-AZPG-001",
    "LOG-AZPG-002",
    "LOG-AZNETWORK-001",
    "LOG-AZSTORAGE-001",
    "LOG-AZSQL-002",
    "LOG-AZNETWORK-002",
    "LOG-AZMONITOR-001",
):
    PULUMI_ONLY[_rule_id] = from_azure_cases(_rule_id)


def native_vault(name: str) -> Case:
    """An azure-native Key Vault (Pulumi only: the classic azure package's vault is in the cases above)."""
    vault_name = name.replace("_", "-")[:24]
    return Case(
        "azurerm_key_vault",
        name,
        {},
        pulumi_token="azure-native:keyvault:Vault",
        pulumi_id=arm_id("Microsoft.KeyVault/vaults", vault_name),
        pulumi={
            "vaultName": vault_name,
            "resourceGroupName": RG,
            "location": LOCATION,
            "properties": {
                "tenantId": "6f1c2d3e-4b5a-4c7d-8e9f-0a1b2c3d4e5f",
                "sku": {"family": "A", "name": "standard"},
            },
        },
        terraform=False,
    )


def native_diagnostics(name: str, target: str, logs: list[dict[str, Any]]) -> Case:
    """An azure-native diagnostic setting: resourceUri, workspaceId and logs [{category, enabled}], the ARM
    names, which the type table reads as target_resource_id, log_analytics_workspace_id and log."""
    return Case(
        "azurerm_monitor_diagnostic_setting",
        name,
        {},
        pulumi_token="azure-native:insights:DiagnosticSetting",
        pulumi={
            "name": name.replace("_", "-"),
            "resourceUri": Ref(f"azurerm_key_vault.{target}", "id"),
            "workspaceId": WORKSPACE,
            "logs": logs,
            "metrics": [{"category": "AllMetrics", "enabled": True}],
        },
        terraform=False,
    )


def native_nsg(name: str) -> Case:
    """An azure-native network security group (Pulumi only)."""
    return Case(
        "azurerm_network_security_group",
        name,
        {"name": name.replace("_", "-")},
        pulumi_token="azure-native:network:NetworkSecurityGroup",
        pulumi_id=arm_id("Microsoft.Network/networkSecurityGroups", name),
        pulumi={
            "networkSecurityGroupName": name.replace("_", "-"),
            "resourceGroupName": RG,
            "location": LOCATION,
        },
        terraform=False,
    )


def native_flow_log(name: str, target: str, enabled: bool) -> Case:
    """An azure-native Network Watcher flow log (targetResourceId, storageId, enabled, retentionPolicy)."""
    return Case(
        "azurerm_network_watcher_flow_log",
        name,
        {},
        pulumi_token="azure-native:network:FlowLog",
        pulumi={
            "flowLogName": name.replace("_", "-"),
            "networkWatcherName": "NetworkWatcher_westeurope",
            "resourceGroupName": "NetworkWatcherRG",
            "targetResourceId": Ref(f"azurerm_network_security_group.{target}", "id"),
            "storageId": AUDIT_STORAGE,
            "enabled": enabled,
            "retentionPolicy": {"days": 365, "enabled": True},
        },
        terraform=False,
    )


PULUMI_ONLY["LOG-AZNETWORK-001"] += [
    native_nsg("pass_native_flow_log"),
    native_flow_log("native_enabled", "pass_native_flow_log", True),
    native_nsg("fail_native_flow_log_disabled"),
    native_flow_log("native_disabled", "fail_native_flow_log_disabled", False),
]


def native_aks(name: str, oms_enabled: bool) -> Case:
    """An azure-native ManagedCluster with the Container Insights add-on (addonProfiles.omsagent) enabled
    or not: Pulumi only, in CASES["LOG-AZAKS-001"]."""
    return Case(
        "azurerm_kubernetes_cluster",
        name,
        {"name": name.replace("_", "-")},
        pulumi_token="azure-native:containerservice:ManagedCluster",
        pulumi_id=arm_id("Microsoft.ContainerService/managedClusters", name),
        pulumi={
            "resourceName": name.replace("_", "-"),
            "resourceGroupName": RG,
            "location": LOCATION,
            "dnsPrefix": name.replace("_", "-"),
            "agentPoolProfiles": [
                {"name": "system", "count": 3, "vmSize": "Standard_D4s_v5", "mode": "System"}
            ],
            "addonProfiles": {
                "omsagent": {
                    "enabled": oms_enabled,
                    "config": {"logAnalyticsWorkspaceResourceID": WORKSPACE},
                }
            },
        },
        terraform=False,
    )


CASES["LOG-AZAKS-001"] += [
    native_aks("pass_native_container_insights", True),
    native_aks("fail_native_container_insights_off", False),
]

PULUMI_ONLY["LOG-AZKV-001"] += [
    native_vault("pass_native_audit_event"),
    native_diagnostics(
        "native_audit", "pass_native_audit_event", [{"category": "AuditEvent", "enabled": True}]
    ),
    native_vault("pass_native_audit_group"),
    native_diagnostics(
        "native_group", "pass_native_audit_group", [{"categoryGroup": "audit", "enabled": True}]
    ),
    native_vault("fail_native_audit_off"),
    native_diagnostics("native_off", "fail_native_audit_off", [{"category": "AuditEvent", "enabled": False}]),
]

# --- Immutability of log storage accounts (LOG-AZSTORAGE-002) -------------------------------------------

KEY_VAULT = f"{GROUP}/Microsoft.KeyVault/vaults/payments"
LOCKED = {"state": "Locked", "period_since_creation_in_days": 365, "allow_protected_append_writes": True}


def log_storage(name: str, policy: dict[str, Any] | None, pulumi: bool = True) -> Case:
    account = "acme" + name.replace("_", "")[:20]
    arguments = placed(name, account_tier="Standard", account_replication_type="GRS")
    arguments["name"] = account
    if policy is not None:
        arguments["immutability_policy"] = [policy]
    return Case(
        "azurerm_storage_account",
        name,
        arguments,
        {},
        "azure:storage/account:Account" if pulumi else None,
        pulumi_id=arm_id("Microsoft.Storage/storageAccounts", account),
    )


def _to(account: str) -> Ref:
    return _ref("azurerm_storage_account", account)


LOG_STORAGE_IMMUTABILITY = [
    log_storage("pass_locked", LOCKED),
    diagnostics(
        "vault_audit_locked", KEY_VAULT, [{"category_group": "audit"}], storage_account_id=_to("pass_locked")
    ),
    log_storage("fail_no_policy", None),
    diagnostics(
        "vault_audit_open", KEY_VAULT, [{"category_group": "audit"}], storage_account_id=_to("fail_no_policy")
    ),
    log_storage("fail_unlocked", {**LOCKED, "state": "Unlocked"}),
    Case(
        "azurerm_monitor_log_profile",
        "activity_to_unlocked",
        {
            "name": "activity-to-unlocked",
            "categories": ["Action", "Delete", "Write"],
            "locations": ["global", LOCATION],
            "storage_account_id": _to("fail_unlocked"),
            "retention_policy": [{"enabled": True, "days": 365}],
        },
        {},
        "azure:monitoring/logProfile:LogProfile",
    ),
    log_storage("fail_sql_audit_disabled_policy", {**LOCKED, "state": "Disabled"}),
    mssql_server("payments_sql"),
    server_auditing(
        "payments_sql_auditing",
        "payments_sql",
        storage_endpoint=Ref(
            "azurerm_storage_account.fail_sql_audit_disabled_policy", "primary_blob_endpoint"
        ),
        retention_in_days=365,
    ),
    log_storage("media_not_a_log_destination", None),
    # Protected at container level only (#15): an azurerm_storage_container_immutability_policy names a
    # container of the account, two hops away. Terraform only (Pulumi's type is not mapped).
    log_storage("pass_container_policy", None, pulumi=False),
    Case(
        "azurerm_storage_container",
        "flow_logs",
        {
            "name": "flow-logs",
            "storage_account_id": _to("pass_container_policy"),
            "container_access_type": "private",
        },
    ),
    Case(
        "azurerm_storage_container_immutability_policy",
        "flow_logs",
        {
            "storage_container_resource_manager_id": Ref(
                "azurerm_storage_container.flow_logs", "resource_manager_id"
            ),
            "immutability_period_in_days": 365,
            "locked": True,
        },
    ),
    diagnostics(
        "vault_audit_container_policy",
        KEY_VAULT,
        [{"category_group": "audit"}],
        pulumi=False,
        storage_account_id=_to("pass_container_policy"),
    ),
    log_storage(
        "undetermined_state_variable", {**LOCKED, "state": Ref("var.immutability_state", None)}, pulumi=False
    ),
    diagnostics(
        "vault_audit_variable",
        KEY_VAULT,
        [{"category_group": "audit"}],
        pulumi=False,
        storage_account_id=_to("undetermined_state_variable"),
    ),
]
CASES["LOG-AZSTORAGE-002"] = LOG_STORAGE_IMMUTABILITY

# --- Subscriptions the configuration creates (LOG-AZMONITOR-005) ------------------------------------------

BILLING_SCOPE = "/providers/Microsoft.Billing/billingAccounts/1234567/enrollmentAccounts/7654321"


def subscription(name: str, guid: str) -> Case:
    return Case(
        "azurerm_subscription",
        name,
        {
            "subscription_name": name.replace("_", "-"),
            "alias": name.replace("_", "-"),
            "billing_scope_id": BILLING_SCOPE,
        },
        {},
        "azure:core/subscription:Subscription",
        pulumi_id=guid,
    )


def activity_export(name: str, target: str, logs: Any, pulumi: bool = True) -> Case:
    return diagnostics(
        name,
        Interpolated(Ref(f"azurerm_subscription.{target}", "subscription_id"), "", prefix="/subscriptions/"),
        logs,
        pulumi=pulumi,
    )


SUBSCRIPTION_EXPORT = [
    subscription("pass_exported", "0b6f3c1e-2a4d-4e8f-9b7a-1c2d3e4f5a61"),
    activity_export("pass_exported_activity", "pass_exported", [*ACTIVITY, {"category": "ServiceHealth"}]),
    subscription("pass_categories_in_two_settings", "0b6f3c1e-2a4d-4e8f-9b7a-1c2d3e4f5a62"),
    activity_export("admin_security", "pass_categories_in_two_settings", ACTIVITY[:2]),
    activity_export("policy_alert", "pass_categories_in_two_settings", ACTIVITY[2:]),
    subscription("fail_not_exported", "0b6f3c1e-2a4d-4e8f-9b7a-1c2d3e4f5a63"),
    subscription("fail_security_missing", "0b6f3c1e-2a4d-4e8f-9b7a-1c2d3e4f5a64"),
    activity_export(
        "no_security", "fail_security_missing", [c for c in ACTIVITY if c["category"] != "Security"]
    ),
    subscription("undetermined_categories_variable", "0b6f3c1e-2a4d-4e8f-9b7a-1c2d3e4f5a65"),
    activity_export(
        "variable_categories",
        "undetermined_categories_variable",
        Ref("var.activity_categories", None),
        pulumi=False,
    ),
]
# A stack export knows every value: the undetermined subscription is Terraform only.
SUBSCRIPTION_EXPORT = [
    Case(c.type, c.name, c.arguments, c.defaults, None, c.pulumi_id)
    if c.name == "undetermined_categories_variable"
    else c
    for c in SUBSCRIPTION_EXPORT
]
CASES["LOG-AZMONITOR-005"] = SUBSCRIPTION_EXPORT
