"""Azure cases of the issue 15 encryption rules (azurerm, azapi_resource and Pulumi ``azure``)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from writer import AZURERM, NO_PULUMI, Res, Rule

from plan_builder import Ref

RG = "payments-prod"
LOCATION = "westeurope"
SUB = "/subscriptions/3b7e2f4a-9c1d-4e8b-a6f5-2d0c9e8b7a61"
PARENT = f"{SUB}/resourceGroups/{RG}"
KEY_ID = "https://acme-payments-kv.vault.azure.net/keys/data/4f8e2c1d9b7a4e6f8c2d1b9a7e5f3c1d"
DES_ID = f"{PARENT}/providers/Microsoft.Compute/diskEncryptionSets/payments"
NIC_ID = f"{PARENT}/providers/Microsoft.Network/networkInterfaces/app-nic"
SUBNET_ID = f"{PARENT}/providers/Microsoft.Network/virtualNetworks/core/subnets/app"

TOKENS = {
    "azurerm_linux_virtual_machine": "azure:compute/linuxVirtualMachine:LinuxVirtualMachine",
    "azurerm_windows_virtual_machine": "azure:compute/windowsVirtualMachine:WindowsVirtualMachine",
    "azurerm_linux_virtual_machine_scale_set": "azure:compute/"
    + "linuxVirtualMachineScaleSet:LinuxVirtualMachineScaleSet",
    "azurerm_windows_virtual_machine_scale_set": "azure:compute/"
    + "windowsVirtualMachineScaleSet:WindowsVirtualMachineScaleSet",
    "azurerm_orchestrated_virtual_machine_scale_set": "azure:compute/"
    + "orchestratedVirtualMachineScaleSet:OrchestratedVirtualMachineScaleSet",
    "azurerm_servicebus_namespace": "azure:servicebus/namespace:Namespace",
    "azurerm_eventhub_namespace": "azure:eventhub/eventHubNamespace:EventHubNamespace",
    "azurerm_cosmosdb_account": "azure:cosmosdb/account:Account",
    "azurerm_key_vault_key": "azure:keyvault/key:Key",
    "azurerm_disk_encryption_set": "azure:compute/diskEncryptionSet:DiskEncryptionSet",
}


def placed(name: str, **arguments: Any) -> dict[str, Any]:
    return {"name": name.replace("_", "-"), "resource_group_name": RG, "location": LOCATION, **arguments}


def azapi(name: str, arm_type: str, body: Any, outcome_free: bool = False) -> Res:
    arguments = {
        "type": arm_type,
        "name": name.replace("_", "-"),
        "parent_id": PARENT,
        "location": LOCATION,
        "body": body,
    }
    return Res("azapi_resource", name, arguments, pulumi=NO_PULUMI)


OS_DISK = [{"caching": "ReadWrite", "storage_account_type": "Premium_LRS"}]
IMAGE = [{"publisher": "Canonical", "offer": "ubuntu-24_04-lts", "sku": "server", "version": "latest"}]
WIN_IMAGE = [
    {
        "publisher": "MicrosoftWindowsServer",
        "offer": "WindowsServer",
        "sku": "2022-datacenter-azure-edition",
        "version": "latest",
    }
]


def linux_vm(name: str, os_disk: list[dict[str, Any]] = OS_DISK, **arguments: Any) -> Res:
    base = placed(
        name,
        size="Standard_D4s_v5",
        admin_username="azureops",
        network_interface_ids=[NIC_ID],
        admin_ssh_key=[{"username": "azureops", "public_key": "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIE0acme"}],
        os_disk=os_disk,
        source_image_reference=IMAGE,
    )
    return Res("azurerm_linux_virtual_machine", name, {**base, **arguments})


def windows_vm(name: str, os_disk: list[dict[str, Any]] = OS_DISK, **arguments: Any) -> Res:
    base = placed(
        name[:15],
        size="Standard_D4s_v5",
        admin_username="azureops",
        admin_password=Ref("azurerm_key_vault_key.vm", "id"),
        network_interface_ids=[NIC_ID],
        os_disk=os_disk,
        source_image_reference=WIN_IMAGE,
    )
    return Res("azurerm_windows_virtual_machine", name, {**base, **arguments})


def scale_set(kind: str, name: str, os_disk: list[dict[str, Any]] = OS_DISK, **arguments: Any) -> Res:
    base = placed(name, sku="Standard_D4s_v5", instances=3, admin_username="azureops", os_disk=os_disk)
    base["network_interface"] = [
        {
            "name": "primary",
            "primary": True,
            "ip_configuration": [{"name": "internal", "primary": True, "subnet_id": SUBNET_ID}],
        }
    ]
    if kind == "linux":
        base["admin_ssh_key"] = [
            {"username": "azureops", "public_key": "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIE0acme"}
        ]
        base["source_image_reference"] = IMAGE
    else:
        base["admin_password"] = "Plain-For-Fixture-Only-1"
        base["source_image_reference"] = WIN_IMAGE
    return Res(f"azurerm_{kind}_virtual_machine_scale_set", name, {**base, **arguments})


KEY = Res(
    "azurerm_key_vault_key",
    "vm",
    {
        "name": "vm",
        "key_vault_id": f"{PARENT}/providers/Microsoft.KeyVault/vaults/acme-payments-kv",
        "key_type": "RSA",
        "key_size": 3072,
        "key_opts": ["wrapKey", "unwrapKey"],
    },
)
DES = Res(
    "azurerm_disk_encryption_set",
    "payments",
    placed(
        "payments",
        key_vault_key_id=Ref("azurerm_key_vault_key.vm", "id"),
        identity=[{"type": "SystemAssigned"}],
    ),
)

VM_BODY = {
    "properties": {
        "hardwareProfile": {"vmSize": "Standard_D4s_v5"},
        "storageProfile": {
            "imageReference": {
                "publisher": "Canonical",
                "offer": "ubuntu-24_04-lts",
                "sku": "server",
                "version": "latest",
            },
            "osDisk": {"createOption": "FromImage", "managedDisk": {"storageAccountType": "Premium_LRS"}},
        },
        "networkProfile": {"networkInterfaces": [{"id": NIC_ID}]},
    }
}


def with_path(body: dict[str, Any], path: list[str], value: Any) -> dict[str, Any]:
    import copy

    result = copy.deepcopy(body)
    node = result
    for key in path[:-1]:
        node = node.setdefault(key, {})
    node[path[-1]] = value
    return result


VM_HOST = Rule(
    "ENC-AZVM-001",
    AZURERM,
    [
        KEY,
        linux_vm("fail_linux_default"),
        windows_vm("fail_windows_false", encryption_at_host_enabled=False),
        scale_set("linux", "fail_vmss_default"),
        linux_vm("pass_linux_enabled", encryption_at_host_enabled=True),
        windows_vm("pass_windows_enabled", encryption_at_host_enabled=True),
        scale_set("windows", "pass_vmss_enabled", encryption_at_host_enabled=True),
        Res(
            "azurerm_orchestrated_virtual_machine_scale_set",
            "pass_flex_enabled",
            placed(
                "pass-flex",
                platform_fault_domain_count=1,
                sku_name="Standard_D4s_v5",
                instances=2,
                encryption_at_host_enabled=True,
            ),
        ),
        Res(
            "azurerm_orchestrated_virtual_machine_scale_set",
            "fail_flex_default",
            placed("fail-flex", platform_fault_domain_count=1, sku_name="Standard_D4s_v5", instances=2),
        ),
        # Without sku_name a flexible scale set has no VM profile (azurerm drops encryption_at_host_enabled):
        # its VMs are virtual machine resources of their own, and the set is not judged.
        Res(
            "azurerm_orchestrated_virtual_machine_scale_set",
            "other_flex_without_profile",
            placed("other-flex", platform_fault_domain_count=1),
        ),
        azapi(
            "other_azapi_flex_without_profile",
            "Microsoft.Compute/virtualMachineScaleSets@2024-07-01",
            {"properties": {"orchestrationMode": "Flexible", "platformFaultDomainCount": 1}},
        ),
        azapi(
            "pass_azapi_vm",
            "Microsoft.Compute/virtualMachines@2024-07-01",
            with_path(VM_BODY, ["properties", "securityProfile", "encryptionAtHost"], True),
        ),
        azapi("fail_azapi_vm_default", "Microsoft.Compute/virtualMachines@2024-07-01", VM_BODY),
        azapi(
            "other_storage_account",
            "Microsoft.Storage/storageAccounts@2023-05-01",
            {"kind": "StorageV2", "sku": {"name": "Standard_ZRS"}},
        ),
    ],
    TOKENS,
    plural={
        "data_disk": "dataDisks",
        "network_interface": "networkInterfaces",
        "ip_configuration": "ipConfigurations",
        "admin_ssh_key": "adminSshKeys",
    },
    extra_hcl="""
variable "host_encryption" {
  type = bool
}

resource "azurerm_linux_virtual_machine" "undetermined_from_variable" {
  name                       = "undetermined-from-variable"
  resource_group_name        = "payments-prod"
  location                   = "westeurope"
  size                       = "Standard_D4s_v5"
  admin_username             = "azureops"
  network_interface_ids      = [azurerm_network_interface.app.id]
  encryption_at_host_enabled = var.host_encryption

  os_disk {
    caching              = "ReadWrite"
    storage_account_type = "Premium_LRS"
  }
}

resource "azapi_resource" "fail_azapi_vmss_jsonencode" {
  type      = "Microsoft.Compute/virtualMachineScaleSets@2024-07-01"
  name      = "fail-azapi-vmss"
  parent_id = "/subscriptions/3b7e2f4a-9c1d-4e8b-a6f5-2d0c9e8b7a61/resourceGroups/payments-prod"
  location  = "westeurope"
  body = jsonencode({
    sku = { name = "Standard_D4s_v5", capacity = 3 }
    properties = {
      virtualMachineProfile = {
        securityProfile = { encryptionAtHost = false }
      }
    }
  })
}

resource "azapi_resource" "pass_azapi_vmss_jsonencode" {
  type      = "Microsoft.Compute/virtualMachineScaleSets@2024-07-01"
  name      = "pass-azapi-vmss"
  parent_id = "/subscriptions/3b7e2f4a-9c1d-4e8b-a6f5-2d0c9e8b7a61/resourceGroups/payments-prod"
  location  = "westeurope"
  body = jsonencode({
    properties = {
      virtualMachineProfile = {
        securityProfile = { encryptionAtHost = true }
      }
    }
  })
}
""",
)

RULES = [VM_HOST]

DES_OS_DISK = [{**OS_DISK[0], "disk_encryption_set_id": Ref("azurerm_disk_encryption_set.payments", "id")}]
VM_PLURAL = {
    "data_disk": "dataDisks",
    "network_interface": "networkInterfaces",
    "ip_configuration": "ipConfigurations",
    "admin_ssh_key": "adminSshKeys",
}

VM_CMK = Rule(
    "ENC-AZVM-002",
    AZURERM,
    [
        KEY,
        DES,
        linux_vm("fail_linux_platform_key"),
        windows_vm("pass_windows_des", os_disk=DES_OS_DISK),
        linux_vm("pass_linux_literal_des", os_disk=[{**OS_DISK[0], "disk_encryption_set_id": DES_ID}]),
        linux_vm(
            "pass_confidential",
            os_disk=[
                {
                    **OS_DISK[0],
                    "security_encryption_type": "DiskWithVMGuestState",
                    "secure_vm_disk_encryption_set_id": DES_ID,
                }
            ],
        ),
        scale_set(
            "linux",
            "pass_vmss_all_disks",
            os_disk=DES_OS_DISK,
            data_disk=[
                {
                    "lun": 0,
                    "caching": "None",
                    "disk_size_gb": 256,
                    "storage_account_type": "Premium_LRS",
                    "disk_encryption_set_id": DES_ID,
                }
            ],
        ),
        scale_set(
            "windows",
            "fail_vmss_data_disk",
            os_disk=DES_OS_DISK,
            data_disk=[
                {"lun": 0, "caching": "None", "disk_size_gb": 256, "storage_account_type": "Premium_LRS"}
            ],
        ),
        # A flexible scale set without a VM profile (no sku_name, no virtualMachineProfile) has no disks of
        # its own: its VMs are judged as virtual machines.
        Res(
            "azurerm_orchestrated_virtual_machine_scale_set",
            "other_flex_without_profile",
            placed("other-flex", platform_fault_domain_count=1),
        ),
        azapi(
            "other_azapi_flex_without_profile",
            "Microsoft.Compute/virtualMachineScaleSets@2024-07-01",
            {"properties": {"orchestrationMode": "Flexible", "platformFaultDomainCount": 1}},
        ),
        azapi("fail_azapi_vm_platform_key", "Microsoft.Compute/virtualMachines@2024-07-01", VM_BODY),
        azapi(
            "pass_azapi_vm_des",
            "Microsoft.Compute/virtualMachines@2024-07-01",
            with_path(
                VM_BODY,
                ["properties", "storageProfile", "osDisk", "managedDisk", "diskEncryptionSet"],
                {"id": DES_ID},
            ),
        ),
        azapi(
            "fail_azapi_vm_data_disk",
            "Microsoft.Compute/virtualMachines@2024-07-01",
            with_path(
                with_path(
                    VM_BODY,
                    ["properties", "storageProfile", "osDisk", "managedDisk", "diskEncryptionSet"],
                    {"id": DES_ID},
                ),
                ["properties", "storageProfile", "dataDisks"],
                [
                    {
                        "lun": 0,
                        "createOption": "Empty",
                        "diskSizeGB": 256,
                        "managedDisk": {"storageAccountType": "Premium_LRS"},
                    }
                ],
            ),
        ),
        azapi(
            "other_storage_account",
            "Microsoft.Storage/storageAccounts@2023-05-01",
            {"kind": "StorageV2", "sku": {"name": "Standard_ZRS"}},
        ),
    ],
    TOKENS,
    plural=VM_PLURAL,
)


def namespace(kind: str, name: str, sku: str = "Premium", **arguments: Any) -> Res:
    base = placed(name, sku=sku)
    if sku == "Premium" and kind == "servicebus":
        base["premium_messaging_partitions"] = 1
        base["capacity"] = 1
    return Res(f"azurerm_{kind}_namespace", name, {**base, **arguments})


IDENTITY = f"{PARENT}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/servicebus"


def tls_rule(rule_id: str, kind: str, arm_type: str) -> Rule:
    return Rule(
        rule_id,
        AZURERM,
        [
            namespace(kind, "fail_tls10", minimum_tls_version="1.0"),
            namespace(kind, "fail_tls11", sku="Standard", minimum_tls_version="1.1"),
            namespace(kind, "pass_tls12", minimum_tls_version="1.2"),
            Res(
                f"azurerm_{kind}_namespace",
                "pass_default",
                placed("pass-default", sku="Standard"),
                defaults={"minimum_tls_version": "1.2"},
            ),
            Res(
                f"azurerm_{kind}_namespace",
                "fail_number",
                placed("fail-number", sku="Standard", minimum_tls_version=1.1),
                plan={"minimum_tls_version": "1.1"},
            ),
            Res(
                f"azurerm_{kind}_namespace",
                "pass_number",
                placed("pass-number", sku="Standard", minimum_tls_version=1.2),
                plan={"minimum_tls_version": "1.2"},
            ),
            azapi(
                "fail_azapi_tls10",
                arm_type,
                {"sku": {"name": "Standard"}, "properties": {"minimumTlsVersion": "1.0"}},
            ),
            azapi(
                "pass_azapi_tls12",
                arm_type,
                {"sku": {"name": "Standard"}, "properties": {"minimumTlsVersion": "1.2"}},
            ),
            azapi("pass_azapi_default", arm_type, {"sku": {"name": "Standard"}}),
            azapi(
                "other_storage_account",
                "Microsoft.Storage/storageAccounts@2023-05-01",
                {"kind": "StorageV2", "properties": {"minimumTlsVersion": "TLS1_0"}},
            ),
        ],
        TOKENS,
        extra_hcl=f'''
variable "namespace_tls" {{
  type = string
}}

resource "azurerm_{kind}_namespace" "undetermined_from_variable" {{
  name                = "undetermined-from-variable"
  resource_group_name = "payments-prod"
  location            = "westeurope"
  sku                 = "Standard"
  minimum_tls_version = var.namespace_tls
}}

resource "azapi_resource" "fail_azapi_jsonencode" {{
  type      = "{arm_type}"
  name      = "fail-azapi-jsonencode"
  parent_id = "/subscriptions/3b7e2f4a-9c1d-4e8b-a6f5-2d0c9e8b7a61/resourceGroups/payments-prod"
  location  = "westeurope"
  body = jsonencode({{
    sku        = {{ name = "Standard" }}
    properties = {{ minimumTlsVersion = "1.1" }}
  }})
}}
''',
    )


SB_TLS = tls_rule("ENC-AZSB-001", "servicebus", "Microsoft.ServiceBus/namespaces@2022-10-01-preview")
EH_TLS = tls_rule("ENC-AZEH-001", "eventhub", "Microsoft.EventHub/namespaces@2024-01-01")

SB_ARM = "Microsoft.ServiceBus/namespaces@2022-10-01-preview"
CMK_BLOCK = {"key_vault_key_id": Ref("azurerm_key_vault_key.vm", "id"), "identity_id": IDENTITY}
TOKENS["azurerm_servicebus_namespace_customer_managed_key"] = (
    "azure:servicebus/namespaceCustomerManagedKey:NamespaceCustomerManagedKey"
)


def sb_key(namespace_name: str, **arguments: Any) -> Res:
    """An azurerm_servicebus_namespace_customer_managed_key naming the namespace (azurerm 4)."""
    return Res(
        "azurerm_servicebus_namespace_customer_managed_key",
        f"key_{namespace_name}",
        {
            "namespace_id": Ref(f"azurerm_servicebus_namespace.{namespace_name}", "id"),
            "key_vault_key_id": Ref("azurerm_key_vault_key.vm", "id"),
            **arguments,
        },
    )


SB_IDENTITY = [{"type": "UserAssigned", "identity_ids": [IDENTITY]}]
ARM_CMK = {
    "keySource": "Microsoft.KeyVault",
    "keyVaultProperties": [
        {
            "keyName": "servicebus",
            "keyVaultUri": "https://acme-payments-kv.vault.azure.net",
            "identity": {"userAssignedIdentity": IDENTITY},
        }
    ],
}

SB_CMK = Rule(
    "ENC-AZSB-002",
    AZURERM,
    [
        KEY,
        namespace("servicebus", "fail_premium_no_key"),
        namespace("servicebus", "fail_standard", sku="Standard"),
        namespace("servicebus", "pass_cmk", identity=SB_IDENTITY, customer_managed_key=[CMK_BLOCK]),
        namespace(
            "servicebus",
            "pass_cmk_literal_key",
            identity=SB_IDENTITY,
            customer_managed_key=[{"key_vault_key_id": KEY_ID, "identity_id": IDENTITY}],
        ),
        # azurerm 4: a namespace with a system-assigned identity gets its key from a separate resource.
        namespace("servicebus", "pass_separate_key", identity=[{"type": "SystemAssigned"}]),
        sb_key("pass_separate_key"),
        azapi(
            "fail_azapi_microsoft_key",
            SB_ARM,
            {"sku": {"name": "Premium"}, "properties": {"encryption": {"keySource": "Microsoft.ServiceBus"}}},
        ),
        azapi("fail_azapi_default", SB_ARM, {"sku": {"name": "Premium"}}),
        azapi("pass_azapi_cmk", SB_ARM, {"sku": {"name": "Premium"}, "properties": {"encryption": ARM_CMK}}),
        azapi("other_event_hub", "Microsoft.EventHub/namespaces@2024-01-01", {"sku": {"name": "Standard"}}),
    ],
    TOKENS,
)

SB_DOUBLE = Rule(
    "ENC-AZSB-003",
    AZURERM,
    [
        KEY,
        namespace("servicebus", "fail_cmk_single", identity=SB_IDENTITY, customer_managed_key=[CMK_BLOCK]),
        namespace(
            "servicebus",
            "fail_cmk_false",
            identity=SB_IDENTITY,
            customer_managed_key=[{**CMK_BLOCK, "infrastructure_encryption_enabled": False}],
        ),
        namespace(
            "servicebus",
            "pass_cmk_double",
            identity=SB_IDENTITY,
            customer_managed_key=[{**CMK_BLOCK, "infrastructure_encryption_enabled": True}],
        ),
        namespace("servicebus", "no_key_judged_by_002"),
        namespace("servicebus", "pass_separate_key_double", identity=[{"type": "SystemAssigned"}]),
        sb_key("pass_separate_key_double", infrastructure_encryption_enabled=True),
        namespace("servicebus", "fail_separate_key_single", identity=[{"type": "SystemAssigned"}]),
        sb_key("fail_separate_key_single"),
        azapi(
            "fail_azapi_single", SB_ARM, {"sku": {"name": "Premium"}, "properties": {"encryption": ARM_CMK}}
        ),
        azapi(
            "pass_azapi_double",
            SB_ARM,
            {
                "sku": {"name": "Premium"},
                "properties": {"encryption": {**ARM_CMK, "requireInfrastructureEncryption": True}},
            },
        ),
        azapi("no_key_azapi", SB_ARM, {"sku": {"name": "Premium"}}),
    ],
    TOKENS,
)


def cosmos(name: str, **arguments: Any) -> Res:
    base = placed(
        name,
        offer_type="Standard",
        consistency_policy=[{"consistency_level": "Session"}],
        geo_location=[{"location": LOCATION, "failover_priority": 0}],
    )
    return Res("azurerm_cosmosdb_account", name, {**base, **arguments})


COSMOS_ARM = "Microsoft.DocumentDB/databaseAccounts@2024-05-15"
COSMOS_CMK = Rule(
    "ENC-AZCOSMOS-001",
    AZURERM,
    [
        KEY,
        cosmos("fail_service_key"),
        cosmos("pass_cmk", key_vault_key_id=Ref("azurerm_key_vault_key.vm", "versionless_id")),
        cosmos("pass_literal_key", key_vault_key_id="https://acme-payments-kv.vault.azure.net/keys/cosmos"),
        # azurerm 4: a key in a Managed HSM.
        cosmos(
            "pass_managed_hsm_key",
            managed_hsm_key_id="https://acme-payments-hsm.managedhsm.azure.net/keys/cosmos",
        ),
        azapi(
            "fail_azapi_service_key",
            COSMOS_ARM,
            {
                "kind": "GlobalDocumentDB",
                "properties": {
                    "databaseAccountOfferType": "Standard",
                    "locations": [{"locationName": LOCATION}],
                },
            },
        ),
        azapi(
            "pass_azapi_cmk",
            COSMOS_ARM,
            {
                "kind": "GlobalDocumentDB",
                "properties": {
                    "databaseAccountOfferType": "Standard",
                    "keyVaultKeyUri": "https://acme-payments-kv.vault.azure.net/keys/cosmos",
                    "locations": [{"locationName": LOCATION}],
                },
            },
        ),
    ],
    TOKENS,
    plural={"geo_location": "geoLocations"},
)

RULES += [VM_CMK, SB_TLS, EH_TLS, SB_CMK, SB_DOUBLE, COSMOS_CMK]

TOKENS.update(
    {
        "azurerm_app_configuration": "azure:appconfiguration/configurationStore:ConfigurationStore",
        "azurerm_automation_variable_string": "azure:automation/stringVariable:StringVariable",
        "azurerm_automation_variable_int": "azure:automation/intVariable:IntVariable",
        "azurerm_automation_variable_bool": "azure:automation/boolVariable:BoolVariable",
        "azurerm_automation_variable_datetime": "azure:automation/dateTimeVariable:DateTimeVariable",
        "azurerm_automation_variable_object": "azure:automation/variableObject:VariableObject",
        "azurerm_batch_account": "azure:batch/account:Account",
        "azurerm_kusto_cluster": "azure:kusto/cluster:Cluster",
        "azurerm_data_lake_store": "azure:datalake/store:Store",
        "azurerm_mysql_server": "azure:mysql/server:Server",
        "azurerm_postgresql_server": "azure:postgresql/server:Server",
        "azurerm_mariadb_server": "azure:mariadb/server:Server",
        "azurerm_synapse_workspace": "azure:synapse/workspace:Workspace",
        "azurerm_synapse_sql_pool": "azure:synapse/sqlPool:SqlPool",
    }
)
UAI = [{"type": "UserAssigned", "identity_ids": [IDENTITY]}]
OTHER = azapi(
    "other_key_vault", "Microsoft.KeyVault/vaults@2023-07-01", {"properties": {"sku": {"name": "standard"}}}
)


def appconf(name: str, sku: str = "standard", **arguments: Any) -> Res:
    return Res("azurerm_app_configuration", name, {**placed(name, sku=sku), **arguments})


APPCONF_ARM = "Microsoft.AppConfiguration/configurationStores@2024-05-01"
APPCONF = Rule(
    "ENC-AZAPPCONF-001",
    AZURERM,
    [
        KEY,
        appconf("fail_standard_microsoft_key"),
        appconf("fail_free", sku="free"),
        appconf(
            "pass_cmk",
            identity=UAI,
            encryption=[
                {
                    "key_vault_key_identifier": Ref("azurerm_key_vault_key.vm", "id"),
                    "identity_client_id": "7c1d",
                }
            ],
        ),
        azapi("fail_azapi_microsoft_key", APPCONF_ARM, {"sku": {"name": "standard"}, "properties": {}}),
        azapi(
            "pass_azapi_cmk",
            APPCONF_ARM,
            {
                "sku": {"name": "standard"},
                "properties": {
                    "encryption": {
                        "keyVaultProperties": {"keyIdentifier": KEY_ID, "identityClientId": "7c1d"}
                    }
                },
            },
        ),
        OTHER,
    ],
    TOKENS,
)


def variable(kind: str, name: str, value: Any, **arguments: Any) -> Res:
    base = {
        "name": name.replace("_", "-"),
        "resource_group_name": RG,
        "automation_account_name": "acme-ops",
        "value": value,
    }
    return Res(f"azurerm_automation_variable_{kind}", name, {**base, **arguments})


VAR_ARM = "Microsoft.Automation/automationAccounts/variables@2023-11-01"
AUTOMATION = Rule(
    "ENC-AZAUTO-001",
    AZURERM,
    [
        variable("string", "fail_string_default", "Server=ledger;Database=payments"),
        variable("string", "pass_string_encrypted", "Server=ledger;Database=payments", encrypted=True),
        variable("int", "fail_int_false", 42, encrypted=False),
        variable("bool", "pass_bool_encrypted", True, encrypted=True),
        variable("datetime", "fail_datetime_default", "2026-01-01T00:00:00Z"),
        variable("object", "pass_object_encrypted", '{"tier":"gold"}', encrypted=True),
        azapi("fail_azapi_clear", VAR_ARM, {"properties": {"value": '"ledger"', "isEncrypted": False}}),
        azapi("pass_azapi_encrypted", VAR_ARM, {"properties": {"value": '"ledger"', "isEncrypted": True}}),
        OTHER,
    ],
    TOKENS,
    extra_hcl="""
variable "encrypt_variables" {
  type = bool
}

resource "azurerm_automation_variable_string" "undetermined_from_variable" {
  name                    = "undetermined-from-variable"
  resource_group_name     = "payments-prod"
  automation_account_name = "acme-ops"
  value                   = "ledger"
  encrypted               = var.encrypt_variables
}
""",
)


def batch(name: str, **arguments: Any) -> Res:
    return Res("azurerm_batch_account", name, {**placed(name.replace("_", "")[:24], **arguments)})


BATCH_ARM = "Microsoft.Batch/batchAccounts@2024-02-01"
BATCH = Rule(
    "ENC-AZBATCH-001",
    AZURERM,
    [
        KEY,
        batch("fail_microsoft_key"),
        batch(
            "pass_cmk", identity=UAI, encryption=[{"key_vault_key_id": Ref("azurerm_key_vault_key.vm", "id")}]
        ),
        azapi(
            "fail_azapi_microsoft_key",
            BATCH_ARM,
            {"properties": {"encryption": {"keySource": "Microsoft.Batch"}}},
        ),
        azapi(
            "pass_azapi_cmk",
            BATCH_ARM,
            {
                "properties": {
                    "encryption": {
                        "keySource": "Microsoft.KeyVault",
                        "keyVaultProperties": {"keyIdentifier": KEY_ID},
                    }
                }
            },
        ),
        OTHER,
    ],
    TOKENS,
)


def kusto(name: str, **arguments: Any) -> Res:
    base = placed(name.replace("_", "")[:22], sku=[{"name": "Standard_E8ads_v5", "capacity": 2}])
    return Res("azurerm_kusto_cluster", name, {**base, **arguments})


KUSTO_ARM = "Microsoft.Kusto/clusters@2023-08-15"


def kusto_rule(rule_id: str, current: str, legacy: str, arm: str) -> Rule:
    return Rule(
        rule_id,
        AZURERM,
        [
            kusto("fail_default"),
            kusto("fail_false", **{current: False}),
            kusto("pass_enabled", **{current: True}),
            kusto("pass_azurerm3_name", **{legacy: True}),
            azapi(
                "fail_azapi_default", KUSTO_ARM, {"sku": {"name": "Standard_E8ads_v5", "tier": "Standard"}}
            ),
            azapi(
                "pass_azapi_enabled",
                KUSTO_ARM,
                {"sku": {"name": "Standard_E8ads_v5"}, "properties": {arm: True}},
            ),
            OTHER,
        ],
        TOKENS,
    )


KUSTO_DISK = kusto_rule(
    "ENC-AZKUSTO-001", "disk_encryption_enabled", "enable_disk_encryption", "enableDiskEncryption"
)
KUSTO_DOUBLE = kusto_rule(
    "ENC-AZKUSTO-002", "double_encryption_enabled", "double_encryption_enabled", "enableDoubleEncryption"
)


def lake(name: str, **arguments: Any) -> Res:
    return Res("azurerm_data_lake_store", name, {**placed(name.replace("_", "")[:24], **arguments)})


DLS_ARM = "Microsoft.DataLakeStore/accounts@2016-11-01"
DATA_LAKE = Rule(
    "ENC-AZDLS-001",
    AZURERM,
    [
        Res(
            "azurerm_data_lake_store",
            "pass_default",
            placed("passdefault"),
            defaults={"encryption_state": "Enabled"},
        ),
        lake("pass_enabled", encryption_state="Enabled", encryption_type="ServiceManaged"),
        lake("fail_disabled", encryption_state="Disabled"),
        azapi("fail_azapi_disabled", DLS_ARM, {"properties": {"encryptionState": "Disabled"}}),
        azapi("pass_azapi_default", DLS_ARM, {"properties": {}}),
        OTHER,
    ],
    TOKENS,
    extra_hcl="""
variable "lake_encryption" {
  type = string
}

resource "azurerm_data_lake_store" "undetermined_from_variable" {
  name                = "undeterminedlake"
  resource_group_name = "payments-prod"
  location            = "westeurope"
  encryption_state    = var.lake_encryption
}
""",
)


def single_server(engine: str, name: str, **arguments: Any) -> Res:
    version = "8.0" if engine == "mysql" else "11"
    base = placed(
        name,
        sku_name="GP_Gen5_4",
        version=version,
        ssl_enforcement_enabled=True,
        ssl_minimal_tls_version_enforced="TLS1_2",
    )
    return Res(f"azurerm_{engine}_server", name, {**base, **arguments})


DB_INFRA = Rule(
    "ENC-AZDB-003",
    AZURERM,
    [
        single_server("mysql", "fail_mysql_default"),
        single_server("postgresql", "fail_postgresql_false", infrastructure_encryption_enabled=False),
        single_server("mysql", "pass_mysql_double", infrastructure_encryption_enabled=True),
        single_server("postgresql", "pass_postgresql_double", infrastructure_encryption_enabled=True),
        azapi(
            "fail_azapi_postgresql",
            "Microsoft.DBforPostgreSQL/servers@2017-12-01",
            {"properties": {"createMode": "Default"}},
        ),
        azapi(
            "pass_azapi_mysql",
            "Microsoft.DBforMySQL/servers@2017-12-01",
            {"properties": {"createMode": "Default", "infrastructureEncryption": "Enabled"}},
        ),
        OTHER,
    ],
    TOKENS,
)


def mariadb(name: str, **arguments: Any) -> Res:
    return Res(
        "azurerm_mariadb_server", name, {**placed(name, sku_name="GP_Gen5_2", version="10.3"), **arguments}
    )


MARIADB_ARM = "Microsoft.DBforMariaDB/servers@2018-06-01"
MARIADB = Rule(
    "ENC-AZMARIADB-001",
    AZURERM,
    [
        mariadb("fail_ssl_off", ssl_enforcement_enabled=False),
        mariadb("fail_tls11", ssl_enforcement_enabled=True, ssl_minimal_tls_version_enforced="TLS1_1"),
        mariadb("pass_ssl_default_tls", ssl_enforcement_enabled=True),
        mariadb("pass_tls12", ssl_enforcement_enabled=True, ssl_minimal_tls_version_enforced="TLS1_2"),
        azapi(
            "fail_azapi_ssl_disabled",
            MARIADB_ARM,
            {"properties": {"createMode": "Default", "sslEnforcement": "Disabled"}},
        ),
        azapi(
            "pass_azapi_tls12",
            MARIADB_ARM,
            {
                "properties": {
                    "createMode": "Default",
                    "sslEnforcement": "Enabled",
                    "minimalTlsVersion": "TLS1_2",
                }
            },
        ),
        OTHER,
    ],
    TOKENS,
)

SYNAPSE_ARM = "Microsoft.Synapse/workspaces@2021-06-01"


def workspace(name: str, **arguments: Any) -> Res:
    base = placed(
        name,
        storage_data_lake_gen2_filesystem_id="https://acmelake.dfs.core.windows.net/analytics",
        sql_administrator_login="sqladmin",
        identity=[{"type": "SystemAssigned"}],
    )
    return Res("azurerm_synapse_workspace", name, {**base, **arguments})


SYNAPSE_CMK = Rule(
    "ENC-AZSYNAPSE-001",
    AZURERM,
    [
        KEY,
        workspace("fail_microsoft_key"),
        workspace(
            "pass_cmk",
            customer_managed_key=[
                {
                    "key_versionless_id": Ref("azurerm_key_vault_key.vm", "versionless_id"),
                    "key_name": "synapse",
                }
            ],
        ),
        azapi("fail_azapi_microsoft_key", SYNAPSE_ARM, {"properties": {"sqlAdministratorLogin": "sqladmin"}}),
        azapi(
            "pass_azapi_cmk",
            SYNAPSE_ARM,
            {"properties": {"encryption": {"cmk": {"key": {"name": "synapse", "keyVaultUrl": KEY_ID}}}}},
        ),
        OTHER,
    ],
    TOKENS,
)


def pool(name: str, **arguments: Any) -> Res:
    base = {
        "name": name,
        "synapse_workspace_id": f"{PARENT}/providers/Microsoft.Synapse/workspaces/acme-analytics",
        "sku_name": "DW100c",
        "create_mode": "Default",
        "storage_account_type": "GRS",
    }
    return Res("azurerm_synapse_sql_pool", name, {**base, **arguments})


SYNAPSE_POOL = Rule(
    "ENC-AZSYNAPSE-002",
    AZURERM,
    [
        pool("fail_default"),
        pool("fail_false", data_encrypted=False),
        pool("pass_encrypted", data_encrypted=True),
    ],
    TOKENS,
)

RULES += [
    APPCONF,
    AUTOMATION,
    BATCH,
    KUSTO_DISK,
    KUSTO_DOUBLE,
    DATA_LAKE,
    DB_INFRA,
    MARIADB,
    SYNAPSE_CMK,
    SYNAPSE_POOL,
]

TOKENS.update(
    {
        "azurerm_linux_web_app_slot": "azure:appservice/linuxWebAppSlot:LinuxWebAppSlot",
        "azurerm_windows_web_app_slot": "azure:appservice/windowsWebAppSlot:WindowsWebAppSlot",
        "azurerm_linux_function_app_slot": "azure:appservice/linuxFunctionAppSlot:LinuxFunctionAppSlot",
        "azurerm_windows_function_app_slot": "azure:appservice/windowsFunctionAppSlot:WindowsFunctionAppSlot",
        "azurerm_app_service_slot": "azure:appservice/slot:Slot",
        "azurerm_function_app_slot": "azure:appservice/functionAppSlot:FunctionAppSlot",
    }
)
SITE = f"{PARENT}/providers/Microsoft.Web/sites"
SLOT_ARM = "Microsoft.Web/sites/slots@2023-12-01"


def slot(kind: str, name: str, **arguments: Any) -> Res:
    base: dict[str, Any] = {"name": "staging"}
    if kind.endswith("web_app"):
        base["app_service_id"] = f"{SITE}/acme-portal"
    elif kind.endswith("function_app"):
        base["function_app_id"] = f"{SITE}/acme-scoring"
        base["storage_account_name"] = "acmefunctions"
    if kind in ("app_service", "function_app"):
        base = {
            "name": "staging",
            "resource_group_name": RG,
            "location": LOCATION,
            "app_service_plan_id": f"{PARENT}/providers/Microsoft.Web/serverFarms/apps",
        }
        if kind == "app_service":
            base["app_service_name"] = "acme-portal"
        else:
            base["function_app_name"] = "acme-scoring"
            base["storage_account_name"] = "acmefunctions"
            base["storage_account_access_key"] = "fixture-only"
    arguments.setdefault("site_config", [{}])
    return Res(f"azurerm_{kind}_slot", name, {**base, **arguments})


SLOT_HTTPS = Rule(
    "ENC-AZSLOT-001",
    AZURERM,
    [
        slot("linux_web_app", "fail_linux_default"),
        slot("windows_function_app", "fail_windows_function_false", https_only=False),
        slot("linux_function_app", "pass_linux_function", https_only=True),
        slot("windows_web_app", "pass_windows_web", https_only=True),
        slot("app_service", "fail_legacy_app_service"),
        slot("function_app", "pass_legacy_function_app", https_only=True),
        azapi("fail_azapi_slot_default", SLOT_ARM, {"properties": {"serverFarmId": "apps"}}),
        azapi("pass_azapi_slot_https", SLOT_ARM, {"properties": {"httpsOnly": True}}),
        OTHER,
    ],
    TOKENS,
)

SLOT_TLS = Rule(
    "ENC-AZSLOT-002",
    AZURERM,
    [
        slot("linux_web_app", "fail_tls10", site_config=[{"minimum_tls_version": "1.0"}]),
        slot(
            "windows_web_app",
            "fail_scm_tls11",
            site_config=[{"minimum_tls_version": "1.2", "scm_minimum_tls_version": "1.1"}],
        ),
        slot("linux_function_app", "pass_default", defaults={"site_config": {"minimum_tls_version": "1.2"}}),
        slot("windows_function_app", "pass_tls12", site_config=[{"minimum_tls_version": "1.2"}]),
        slot("app_service", "fail_legacy_tls10", site_config=[{"min_tls_version": "1.0"}]),
        Res(
            "azurerm_linux_web_app_slot",
            "fail_number",
            {
                "name": "staging",
                "app_service_id": f"{SITE}/acme-portal",
                "site_config": [{"minimum_tls_version": 1.1}],
            },
            plan={"site_config": [{"minimum_tls_version": "1.1"}]},
        ),
        Res(
            "azurerm_linux_web_app_slot",
            "pass_number",
            {
                "name": "staging",
                "app_service_id": f"{SITE}/acme-portal",
                "site_config": [{"minimum_tls_version": 1.3}],
            },
            plan={"site_config": [{"minimum_tls_version": "1.3"}]},
        ),
        azapi("fail_azapi_tls11", SLOT_ARM, {"properties": {"siteConfig": {"minTlsVersion": "1.1"}}}),
        azapi(
            "pass_azapi_tls12",
            SLOT_ARM,
            {"properties": {"siteConfig": {"minTlsVersion": "1.2", "scmMinTlsVersion": "1.2"}}},
        ),
        Res(
            "azapi_resource",
            "fail_azapi_slot_web_config_tls10",
            {
                "type": "Microsoft.Web/sites/slots/config@2023-12-01",
                "name": "web",
                "parent_id": f"{SITE}/acme-portal/slots/staging",
                "body": {"properties": {"minTlsVersion": "1.0"}},
            },
            pulumi=NO_PULUMI,
        ),
        Res(
            "azapi_resource",
            "pass_azapi_slot_web_config_tls12",
            {
                "type": "Microsoft.Web/sites/slots/config@2023-12-01",
                "name": "web",
                "parent_id": f"{SITE}/acme-portal/slots/staging",
                "body": {"properties": {"minTlsVersion": "1.2", "scmMinTlsVersion": "1.2"}},
            },
            pulumi=NO_PULUMI,
        ),
        azapi(
            "undetermined_azapi_scm_variable",
            SLOT_ARM,
            {
                "properties": {
                    "siteConfig": {"minTlsVersion": "1.2", "scmMinTlsVersion": Ref("var.scm_tls", None)}
                }
            },
        ),
        OTHER,
    ],
    TOKENS,
    extra_hcl="""
variable "scm_tls" {
  type = string
}
""",
)

RULES += [SLOT_HTTPS, SLOT_TLS]

TOKENS.update(
    {
        "azurerm_api_management": "azure:apimanagement/service:Service",
        "azurerm_api_management_api": "azure:apimanagement/api:Api",
        "azurerm_api_management_backend": "azure:apimanagement/backend:Backend",
    }
)
APIM_ARM = "Microsoft.ApiManagement/service@2023-05-01-preview"
GW = "Microsoft.WindowsAzure.ApiManagement.Gateway.Security."


def apim(name: str, **arguments: Any) -> Res:
    base = placed(
        name, publisher_name="Acme Payments", publisher_email="platform@acme.example", sku_name="Premium_1"
    )
    return Res("azurerm_api_management", name, {**base, **arguments})


APIM_TLS = Rule(
    "ENC-AZAPIM-001",
    AZURERM,
    [
        apim("pass_default"),
        apim("pass_all_off", security=[{"frontend_tls10_enabled": False, "backend_tls11_enabled": False}]),
        apim("fail_frontend_tls10", security=[{"frontend_tls10_enabled": True}]),
        apim("fail_backend_tls11_azurerm3", security=[{"enable_backend_tls11": True}]),
        apim("fail_triple_des", security=[{"triple_des_ciphers_enabled": True}]),
        azapi(
            "fail_azapi_tls10",
            APIM_ARM,
            {"properties": {"customProperties": {GW + "Protocols.Tls10": "true"}}},
        ),
        azapi(
            "pass_azapi_off",
            APIM_ARM,
            {"properties": {"customProperties": {GW + "Protocols.Tls10": "false"}}},
        ),
        OTHER,
    ],
    TOKENS,
)


def api(name: str, **arguments: Any) -> Res:
    base = {
        "name": name.replace("_", "-"),
        "resource_group_name": RG,
        "api_management_name": "acme-gateway",
        "revision": "1",
        "display_name": "Ledger",
        "path": "ledger",
    }
    return Res("azurerm_api_management_api", name, {**base, **arguments})


def backend(name: str, url: Any) -> Res:
    base = {
        "name": name.replace("_", "-"),
        "resource_group_name": RG,
        "api_management_name": "acme-gateway",
        "protocol": "http",
        "url": url,
    }
    return Res("azurerm_api_management_backend", name, base)


APIM_HTTPS = Rule(
    "ENC-AZAPIM-002",
    AZURERM,
    [
        api("fail_http_and_https", protocols=["http", "https"]),
        api("pass_https", protocols=["https"]),
        api("pass_default_protocols"),
        api(
            "fail_websocket_ws",
            api_type="websocket",
            protocols=["ws"],
            service_url="wss://chat.acme.example/socket",
        ),
        api(
            "pass_websocket_wss",
            api_type="websocket",
            protocols=["wss"],
            service_url="wss://chat.acme.example/socket",
        ),
        api(
            "fail_service_url_http",
            protocols=["https"],
            service_url="http://ledger.internal.acme.example/api",
        ),
        api(
            "pass_service_url_https",
            protocols=["https"],
            service_url="https://ledger.internal.acme.example/api",
        ),
        Res(
            "azurerm_api_management_api",
            "undetermined_service_url_variable",
            {**api("x").tf, "name": "undetermined-service-url", "service_url": Ref("var.ledger_host", None)},
            pulumi=NO_PULUMI,
        ),
        backend("fail_backend_http", "http://ledger.internal.acme.example/api"),
        backend("pass_backend_https", "https://ledger.internal.acme.example/api"),
        azapi(
            "fail_azapi_api_http",
            "Microsoft.ApiManagement/service/apis@2023-05-01-preview",
            {"properties": {"path": "x", "protocols": ["http"]}},
        ),
        azapi(
            "fail_azapi_api_ws_backend",
            "Microsoft.ApiManagement/service/apis@2023-05-01-preview",
            {
                "properties": {
                    "path": "chat",
                    "apiType": "websocket",
                    "protocols": ["wss"],
                    "serviceUrl": "ws://chat.internal.acme.example/socket",
                }
            },
        ),
        azapi(
            "pass_azapi_api_wss",
            "Microsoft.ApiManagement/service/apis@2023-05-01-preview",
            {
                "properties": {
                    "path": "chat",
                    "apiType": "websocket",
                    "protocols": ["wss"],
                    "serviceUrl": "wss://chat.internal.acme.example/socket",
                }
            },
        ),
        azapi(
            "pass_azapi_backend_https",
            "Microsoft.ApiManagement/service/backends@2023-05-01-preview",
            {"properties": {"protocol": "http", "url": "https://ledger.acme.example"}},
        ),
        OTHER,
    ],
    TOKENS,
    extra_hcl="""
variable "ledger_host" {
  type = string
}

resource "azurerm_api_management_backend" "undetermined_backend_from_variable" {
  name                = "undetermined-backend"
  resource_group_name = "payments-prod"
  api_management_name = "acme-gateway"
  protocol            = "http"
  url                 = var.ledger_host
}
""",
)

RULES += [APIM_TLS, APIM_HTTPS]

TOKENS["azurerm_application_gateway"] = "azure:network/applicationGateway:ApplicationGateway"
APPGW_PLURAL = {
    "http_listener": "httpListeners",
    "request_routing_rule": "requestRoutingRules",
    "redirect_configuration": "redirectConfigurations",
    "backend_address_pool": "backendAddressPools",
    "backend_http_settings": "backendHttpSettings",
    "frontend_port": "frontendPorts",
    "frontend_ip_configuration": "frontendIpConfigurations",
    "gateway_ip_configuration": "gatewayIpConfigurations",
    "ssl_certificate": "sslCertificates",
    "ssl_profile": "sslProfiles",
}
CERT_SECRET = "https://acme-payments-kv.vault.azure.net/secrets/edge-tls"


def listener(name: str, protocol: str) -> dict[str, Any]:
    block = {
        "name": name,
        "frontend_ip_configuration_name": "public",
        "frontend_port_name": protocol.lower(),
        "protocol": protocol,
    }
    if protocol == "Https":
        block["ssl_certificate_name"] = "edge"
    return block


def route(name: str, listener_name: str, priority: int, redirect: str | None = None) -> dict[str, Any]:
    block: dict[str, Any] = {
        "name": name,
        "rule_type": "Basic",
        "http_listener_name": listener_name,
        "priority": priority,
    }
    if redirect:
        block["redirect_configuration_name"] = redirect
    else:
        block["backend_address_pool_name"] = "app"
        block["backend_http_settings_name"] = "app"
    return block


def gateway(name: str, listeners: list[dict[str, Any]], rules: list[dict[str, Any]], **arguments: Any) -> Res:
    base = placed(
        name,
        sku=[{"name": "WAF_v2", "tier": "WAF_v2", "capacity": 2}],
        gateway_ip_configuration=[{"name": "gateway", "subnet_id": SUBNET_ID}],
        frontend_port=[{"name": "http", "port": 80}, {"name": "https", "port": 443}],
        frontend_ip_configuration=[
            {
                "name": "public",
                "public_ip_address_id": f"{PARENT}/providers/Microsoft.Network/publicIPAddresses/edge",
            }
        ],
        backend_address_pool=[{"name": "app", "fqdns": ["app.internal.acme.example"]}],
        backend_http_settings=[
            {
                "name": "app",
                "cookie_based_affinity": "Disabled",
                "port": 443,
                "protocol": "Https",
                "request_timeout": 30,
            }
        ],
        ssl_certificate=[{"name": "edge", "key_vault_secret_id": CERT_SECRET}],
        http_listener=listeners,
        request_routing_rule=rules,
    )
    return Res("azurerm_application_gateway", name, {**base, **arguments})


HTTPS_ONLY = ([listener("https", "Https")], [route("app", "https", 20)])
REDIRECTED = (
    [listener("http", "Http"), listener("https", "Https")],
    [route("http-to-https", "http", 10, "to-https"), route("app", "https", 20)],
)
REDIRECT = [
    {"name": "to-https", "redirect_type": "Permanent", "target_listener_name": "https", "include_path": True}
]
APPGW_ARM = "Microsoft.Network/applicationGateways@2024-01-01"
GW_ID = f"{PARENT}/providers/Microsoft.Network/applicationGateways/edge"

APPGW_TLS = Rule(
    "ENC-AZAPPGW-001",
    AZURERM,
    [
        gateway("pass_default_policy", *HTTPS_ONLY),
        gateway(
            "fail_policy_2015",
            *HTTPS_ONLY,
            ssl_policy=[{"policy_type": "Predefined", "policy_name": "AppGwSslPolicy20150501"}],
        ),
        gateway(
            "fail_custom_tls11",
            *HTTPS_ONLY,
            ssl_policy=[
                {
                    "policy_type": "Custom",
                    "min_protocol_version": "TLSv1_1",
                    "cipher_suites": ["TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"],
                }
            ],
        ),
        gateway(
            "pass_policy_2022s",
            *HTTPS_ONLY,
            ssl_policy=[{"policy_type": "Predefined", "policy_name": "AppGwSslPolicy20220101S"}],
        ),
        gateway(
            "fail_profile_2017",
            *HTTPS_ONLY,
            ssl_policy=[{"policy_type": "Predefined", "policy_name": "AppGwSslPolicy20220101"}],
            ssl_profile=[
                {
                    "name": "partners",
                    "ssl_policy": [{"policy_type": "Predefined", "policy_name": "AppGwSslPolicy20170401"}],
                }
            ],
        ),
        azapi(
            "fail_azapi_policy_2015",
            APPGW_ARM,
            {
                "properties": {
                    "sslPolicy": {"policyType": "Predefined", "policyName": "AppGwSslPolicy20150501"}
                }
            },
        ),
        azapi(
            "pass_azapi_custom_tls12",
            APPGW_ARM,
            {"properties": {"sslPolicy": {"policyType": "CustomV2", "minProtocolVersion": "TLSv1_2"}}},
        ),
        azapi(
            "fail_azapi_profile_2017",
            APPGW_ARM,
            {
                "properties": {
                    "sslPolicy": {"policyType": "Predefined", "policyName": "AppGwSslPolicy20220101"},
                    "sslProfiles": [
                        {
                            "name": "partners",
                            "properties": {
                                "sslPolicy": {
                                    "policyType": "Predefined",
                                    "policyName": "AppGwSslPolicy20170401",
                                }
                            },
                        }
                    ],
                }
            },
        ),
        azapi(
            "pass_azapi_profile_2022s",
            APPGW_ARM,
            {
                "properties": {
                    "sslProfiles": [
                        {
                            "name": "partners",
                            "properties": {
                                "sslPolicy": {
                                    "policyType": "Predefined",
                                    "policyName": "AppGwSslPolicy20220101S",
                                }
                            },
                        }
                    ],
                }
            },
        ),
        azapi(
            "undetermined_azapi_policy_name_variable",
            APPGW_ARM,
            {
                "properties": {
                    "sslPolicy": {"policyType": "Predefined", "policyName": Ref("var.ssl_policy_name", None)}
                }
            },
        ),
        replace(
            gateway(
                "undetermined_profile_policy_name_variable",
                *HTTPS_ONLY,
                ssl_profile=[
                    {
                        "name": "partners",
                        "ssl_policy": [
                            {"policy_type": "Predefined", "policy_name": Ref("var.ssl_policy_name", None)}
                        ],
                    }
                ],
            ),
            pulumi=NO_PULUMI,
        ),
        OTHER,
    ],
    TOKENS,
    plural=APPGW_PLURAL,
    extra_hcl="""
variable "ssl_policy_name" {
  type = string
}
""",
)


def arm_listener(name: str, protocol: str) -> dict[str, Any]:
    return {
        "name": name,
        "properties": {
            "protocol": protocol,
            "frontendPort": {"id": f"{GW_ID}/frontendPorts/{protocol.lower()}"},
        },
    }


APPGW_LISTENERS = Rule(
    "ENC-AZAPPGW-002",
    AZURERM,
    [
        gateway("pass_https_only", *HTTPS_ONLY),
        gateway("pass_http_redirected", *REDIRECTED, redirect_configuration=REDIRECT),
        gateway("fail_http_forwarded", [listener("http", "Http")], [route("app", "http", 10)]),
        gateway(
            "fail_redirect_to_http",
            [listener("http", "Http"), listener("http2", "Http")],
            [route("http-to-http2", "http", 10, "to-http2"), route("app", "http2", 20)],
            redirect_configuration=[
                {"name": "to-http2", "redirect_type": "Permanent", "target_listener_name": "http2"}
            ],
        ),
        azapi(
            "fail_azapi_http_forwarded",
            APPGW_ARM,
            {
                "properties": {
                    "httpListeners": [arm_listener("http", "Http")],
                    "requestRoutingRules": [
                        {"name": "app", "properties": {"httpListener": {"id": f"{GW_ID}/httpListeners/http"}}}
                    ],
                }
            },
        ),
        azapi(
            "pass_azapi_http_redirected",
            APPGW_ARM,
            {
                "properties": {
                    "httpListeners": [arm_listener("http", "Http"), arm_listener("https", "Https")],
                    "redirectConfigurations": [
                        {
                            "name": "to-https",
                            "properties": {
                                "redirectType": "Permanent",
                                "targetListener": {"id": f"{GW_ID}/httpListeners/https"},
                            },
                        }
                    ],
                    "requestRoutingRules": [
                        {
                            "name": "http-to-https",
                            "properties": {
                                "httpListener": {"id": f"{GW_ID}/httpListeners/http"},
                                "redirectConfiguration": {"id": f"{GW_ID}/redirectConfigurations/to-https"},
                            },
                        }
                    ],
                }
            },
        ),
        azapi(
            "undetermined_azapi_listener_protocol_variable",
            APPGW_ARM,
            {
                "properties": {
                    "httpListeners": [
                        {
                            "name": "edge",
                            "properties": {
                                "protocol": Ref("var.listener_protocol", None),
                                "frontendPort": {"id": f"{GW_ID}/frontendPorts/edge"},
                            },
                        }
                    ],
                }
            },
        ),
        azapi(
            "undetermined_azapi_routing_variable",
            APPGW_ARM,
            {
                "properties": {
                    "httpListeners": [arm_listener("http", "Http"), arm_listener("https", "Https")],
                    "requestRoutingRules": Ref("var.routing_rules", None),
                }
            },
        ),
        OTHER,
    ],
    TOKENS,
    plural=APPGW_PLURAL,
    extra_hcl="""
variable "listener_protocol" {
  type = string
}

variable "routing_rules" {
  type = list(any)
}
""",
)

RULES += [APPGW_TLS, APPGW_LISTENERS]

TOKENS.update(
    {
        "azurerm_cdn_endpoint": "azure:cdn/endpoint:Endpoint",
        "azurerm_cdn_frontdoor_route": "azure:cdn/frontdoorRoute:FrontdoorRoute",
        "azurerm_cdn_endpoint_custom_domain": "azure:cdn/endpointCustomDomain:EndpointCustomDomain",
        "azurerm_cdn_frontdoor_custom_domain": "azure:cdn/frontdoorCustomDomain:FrontdoorCustomDomain",
    }
)
CDN_PLURAL = {"origin": "origins", "delivery_rule": "deliveryRules"}
PROFILE = f"{PARENT}/providers/Microsoft.Cdn/profiles/edge"


def endpoint(name: str, **arguments: Any) -> Res:
    base = {
        "name": name.replace("_", "-"),
        "profile_name": "edge",
        "resource_group_name": RG,
        "location": LOCATION,
        "origin": [{"name": "assets", "host_name": "acmeassets.blob.core.windows.net"}],
    }
    return Res("azurerm_cdn_endpoint", name, {**base, **arguments})


def fd_route(name: str, **arguments: Any) -> Res:
    base = {
        "name": name.replace("_", "-"),
        "cdn_frontdoor_endpoint_id": f"{PROFILE}/afdEndpoints/pay",
        "cdn_frontdoor_origin_group_id": f"{PROFILE}/originGroups/app",
        "cdn_frontdoor_origin_ids": [f"{PROFILE}/originGroups/app/origins/app"],
        "patterns_to_match": ["/*"],
        "supported_protocols": ["Http", "Https"],
    }
    return Res("azurerm_cdn_frontdoor_route", name, {**base, **arguments})


REDIRECT_RULE = [
    {
        "name": "httpsredirect",
        "order": 1,
        "request_scheme_condition": [{"operator": "Equal", "match_values": ["HTTP"]}],
        "url_redirect_action": [{"redirect_type": "Found", "protocol": "Https"}],
    }
]
ENDPOINT_ARM = "Microsoft.Cdn/profiles/endpoints@2024-02-01"
ARM_HTTP_SCHEME = {
    "name": "RequestScheme",
    "parameters": {
        "typeName": "DeliveryRuleRequestSchemeConditionParameters",
        "operator": "Equal",
        "matchValues": ["HTTP"],
    },
}
ARM_LOGIN_PATH = {
    "name": "UrlPath",
    "parameters": {
        "typeName": "DeliveryRuleUrlPathMatchConditionParameters",
        "operator": "BeginsWith",
        "matchValues": ["/login"],
    },
}


def arm_redirect_rule(condition: dict[str, Any]) -> dict[str, Any]:
    return {
        "name": "httpsredirect",
        "order": 1,
        "conditions": [condition],
        "actions": [
            {
                "name": "UrlRedirect",
                "parameters": {
                    "typeName": "DeliveryRuleUrlRedirectActionParameters",
                    "redirectType": "Found",
                    "destinationProtocol": "Https",
                },
            }
        ],
    }


CDN_HTTPS = Rule(
    "ENC-AZCDN-001",
    AZURERM,
    [
        endpoint("fail_http_default"),
        endpoint("pass_http_off", is_http_allowed=False),
        endpoint("pass_redirect_rule", delivery_rule=REDIRECT_RULE),
        endpoint(
            "fail_path_redirect_only",
            delivery_rule=[
                {
                    "name": "loginhttps",
                    "order": 1,
                    "url_path_condition": [{"operator": "BeginsWith", "match_values": ["/login"]}],
                    "url_redirect_action": [{"redirect_type": "Found", "protocol": "Https"}],
                }
            ],
        ),
        endpoint("fail_https_off", is_http_allowed=False, is_https_allowed=False),
        fd_route("pass_route_default_redirect"),
        fd_route("fail_route_redirect_off", https_redirect_enabled=False),
        fd_route("pass_route_https_only", supported_protocols=["Https"], https_redirect_enabled=False),
        azapi(
            "fail_azapi_endpoint_http",
            ENDPOINT_ARM,
            {
                "properties": {
                    "origins": [
                        {"name": "assets", "properties": {"hostName": "acmeassets.blob.core.windows.net"}}
                    ]
                }
            },
        ),
        azapi("pass_azapi_endpoint_https_only", ENDPOINT_ARM, {"properties": {"isHttpAllowed": False}}),
        azapi(
            "pass_azapi_endpoint_scheme_redirect",
            ENDPOINT_ARM,
            {"properties": {"deliveryPolicy": {"rules": [arm_redirect_rule(ARM_HTTP_SCHEME)]}}},
        ),
        azapi(
            "fail_azapi_endpoint_path_redirect",
            ENDPOINT_ARM,
            {"properties": {"deliveryPolicy": {"rules": [arm_redirect_rule(ARM_LOGIN_PATH)]}}},
        ),
        azapi(
            "fail_azapi_route_no_redirect",
            "Microsoft.Cdn/profiles/afdEndpoints/routes@2024-02-01",
            {"properties": {"supportedProtocols": ["Http", "Https"], "httpsRedirect": "Disabled"}},
        ),
        azapi(
            "undetermined_azapi_route_protocols_variable",
            "Microsoft.Cdn/profiles/afdEndpoints/routes@2024-02-01",
            {
                "properties": {
                    "supportedProtocols": Ref("var.route_protocols", None),
                    "httpsRedirect": "Disabled",
                }
            },
        ),
        azapi(
            "pass_azapi_route_https_only",
            "Microsoft.Cdn/profiles/afdEndpoints/routes@2024-02-01",
            {"properties": {"supportedProtocols": ["Https"], "httpsRedirect": "Disabled"}},
        ),
        OTHER,
    ],
    TOKENS,
    plural=CDN_PLURAL,
    extra_hcl="""
variable "route_protocols" {
  type = list(string)
}
""",
)


def cdn_domain(name: str, https: dict[str, Any] | None) -> Res:
    base: dict[str, Any] = {
        "name": name.replace("_", "-"),
        "cdn_endpoint_id": f"{PROFILE}/endpoints/assets",
        "host_name": "assets.acme.example",
    }
    if https is not None:
        base["cdn_managed_https"] = [https]
    return Res("azurerm_cdn_endpoint_custom_domain", name, base)


def fd_domain(name: str, version: str | None) -> Res:
    tls: dict[str, Any] = {"certificate_type": "ManagedCertificate"}
    if version:
        tls["minimum_tls_version"] = version
    base = {
        "name": name.replace("_", "-"),
        "cdn_frontdoor_profile_id": PROFILE,
        "host_name": "pay.acme.example",
        "tls": [tls],
    }
    return Res("azurerm_cdn_frontdoor_custom_domain", name, base)


MANAGED = {"certificate_type": "Dedicated", "protocol_type": "ServerNameIndication"}
DOMAIN_ARM = "Microsoft.Cdn/profiles/customDomains@2024-02-01"
CDN_DOMAIN_TLS = Rule(
    "ENC-AZCDN-002",
    AZURERM,
    [
        cdn_domain("pass_cdn_default", MANAGED),
        cdn_domain("fail_cdn_tls10", {**MANAGED, "tls_version": "TLS10"}),
        cdn_domain("fail_cdn_none", {**MANAGED, "tls_version": "None"}),
        cdn_domain("pass_cdn_tls12", {**MANAGED, "tls_version": "TLS12"}),
        fd_domain("pass_frontdoor_default", None),
        fd_domain("fail_frontdoor_tls10", "TLS10"),
        azapi(
            "fail_azapi_tls10",
            DOMAIN_ARM,
            {
                "properties": {
                    "hostName": "pay.acme.example",
                    "tlsSettings": {"certificateType": "ManagedCertificate", "minimumTlsVersion": "TLS10"},
                }
            },
        ),
        azapi(
            "pass_azapi_tls12",
            DOMAIN_ARM,
            {
                "properties": {
                    "hostName": "pay.acme.example",
                    "tlsSettings": {"certificateType": "ManagedCertificate", "minimumTlsVersion": "TLS12"},
                }
            },
        ),
        OTHER,
    ],
    TOKENS,
)

RULES += [CDN_HTTPS, CDN_DOMAIN_TLS]

TOKENS.update(
    {
        "azurerm_spring_cloud_api_portal": "azure:appplatform/springCloudApiPortal:SpringCloudApiPortal",
        "azurerm_spring_cloud_app": "azure:appplatform/springCloudApp:SpringCloudApp",
        "azurerm_service_fabric_cluster": "azure:servicefabric/cluster:Cluster",
    }
)
SPRING = f"{PARENT}/providers/Microsoft.AppPlatform/spring/platform"


def portal(name: str, **arguments: Any) -> Res:
    base = {
        "name": "default",
        "spring_cloud_service_id": SPRING,
        "gateway_ids": [f"{SPRING}/gateways/default"],
    }
    return Res("azurerm_spring_cloud_api_portal", name, {**base, **arguments})


def spring_app(name: str, **arguments: Any) -> Res:
    base = {"name": name.replace("_", "-"), "resource_group_name": RG, "service_name": "platform"}
    return Res("azurerm_spring_cloud_app", name, {**base, **arguments})


SPRING_HTTPS = Rule(
    "ENC-AZSPRING-001",
    AZURERM,
    [
        portal("fail_portal_default"),
        portal("pass_portal_https", https_only_enabled=True),
        spring_app("fail_app_false", is_public=True, https_only=False),
        spring_app("pass_app_https", is_public=True, https_only=True),
        azapi(
            "fail_azapi_portal",
            "Microsoft.AppPlatform/Spring/apiPortals@2024-01-01-preview",
            {"properties": {"public": True}},
        ),
        azapi(
            "pass_azapi_portal",
            "Microsoft.AppPlatform/Spring/apiPortals@2024-01-01-preview",
            {"properties": {"public": True, "httpsOnly": True}},
        ),
        OTHER,
    ],
    TOKENS,
)

SF_SETTINGS = [{"name": "Security", "parameters": {"ClusterProtectionLevel": "EncryptAndSign"}}]
NODE_TYPE = [
    {
        "name": "system",
        "instance_count": 5,
        "is_primary": True,
        "client_endpoint_port": 19000,
        "http_endpoint_port": 19080,
    }
]


def sf_cluster(name: str, **arguments: Any) -> Res:
    base = placed(
        name,
        reliability_level="Silver",
        upgrade_mode="Automatic",
        vm_image="Windows",
        management_endpoint="https://ledger.westeurope.cloudapp.azure.com:19080",
        node_type=NODE_TYPE,
    )
    return Res("azurerm_service_fabric_cluster", name, {**base, **arguments})


CERT = [{"thumbprint": "3F2504E04F8911D39A0C0305E82C3301AB12CD34", "x509_store_name": "My"}]
SF_ARM = "Microsoft.ServiceFabric/clusters@2023-11-01-preview"
SERVICE_FABRIC = Rule(
    "ENC-AZSF-001",
    AZURERM,
    [
        sf_cluster("fail_unsecured_default"),
        sf_cluster("pass_secured_default", certificate=CERT),
        sf_cluster("pass_encrypt_and_sign", certificate=CERT, fabric_settings=SF_SETTINGS),
        sf_cluster(
            "fail_protection_none",
            certificate=CERT,
            fabric_settings=[{"name": "Security", "parameters": {"ClusterProtectionLevel": "None"}}],
        ),
        azapi(
            "fail_azapi_none",
            SF_ARM,
            {
                "properties": {
                    "fabricSettings": [
                        {
                            "name": "Security",
                            "parameters": [{"name": "ClusterProtectionLevel", "value": "None"}],
                        }
                    ]
                }
            },
        ),
        azapi(
            "pass_azapi_encrypt_and_sign",
            SF_ARM,
            {
                "properties": {
                    "fabricSettings": [
                        {
                            "name": "Security",
                            "parameters": [{"name": "ClusterProtectionLevel", "value": "EncryptAndSign"}],
                        }
                    ]
                }
            },
        ),
        azapi(
            "undetermined_azapi_level_variable",
            SF_ARM,
            {
                "properties": {
                    "fabricSettings": [
                        {
                            "name": "Security",
                            "parameters": [
                                {"name": "ClusterProtectionLevel", "value": Ref("var.protection_level", None)}
                            ],
                        }
                    ]
                }
            },
        ),
        OTHER,
    ],
    TOKENS,
    plural={"node_type": "nodeTypes", "fabric_settings": "fabricSettings"},
    extra_hcl="""
variable "protection_level" {
  type = string
}
""",
)

RULES += [SPRING_HTTPS, SERVICE_FABRIC]

TOKENS["azurerm_kusto_cluster_customer_managed_key"] = (
    "azure:kusto/clusterCustomerManagedKey:ClusterCustomerManagedKey"
)
KUSTO_CMK = Rule(
    "ENC-AZKUSTO-003",
    AZURERM,
    [
        KEY,
        kusto("fail_microsoft_key"),
        kusto("pass_separate_key", identity=[{"type": "SystemAssigned"}]),
        Res(
            "azurerm_kusto_cluster_customer_managed_key",
            "telemetry",
            {
                "cluster_id": Ref("azurerm_kusto_cluster.pass_separate_key", "id"),
                "key_vault_id": f"{PARENT}/providers/Microsoft.KeyVault/vaults/acme-payments-kv",
                "key_name": "kusto",
                "key_version": Ref("azurerm_key_vault_key.vm", "version"),
            },
        ),
        azapi(
            "fail_azapi_microsoft_key", KUSTO_ARM, {"sku": {"name": "Standard_E8ads_v5"}, "properties": {}}
        ),
        azapi(
            "pass_azapi_cmk",
            KUSTO_ARM,
            {
                "sku": {"name": "Standard_E8ads_v5"},
                "properties": {
                    "keyVaultProperties": {
                        "keyName": "kusto",
                        "keyVaultUri": "https://acme-payments-kv.vault.azure.net",
                    }
                },
            },
        ),
        OTHER,
    ],
    TOKENS,
)
RULES += [KUSTO_CMK]

TOKENS["azurerm_eventhub_namespace_customer_managed_key"] = (
    "azure:eventhub/namespaceCustomerManagedKey:NamespaceCustomerManagedKey"
)
EH_ARM = "Microsoft.EventHub/namespaces@2024-01-01"
EH_CMK = Rule(
    "ENC-AZEH-002",
    AZURERM,
    [
        KEY,
        namespace("eventhub", "fail_premium_microsoft_key", identity=[{"type": "SystemAssigned"}]),
        namespace("eventhub", "fail_standard", sku="Standard"),
        namespace("eventhub", "pass_separate_key", identity=[{"type": "SystemAssigned"}]),
        Res(
            "azurerm_eventhub_namespace_customer_managed_key",
            "events",
            {
                "eventhub_namespace_id": Ref("azurerm_eventhub_namespace.pass_separate_key", "id"),
                "key_vault_key_ids": [Ref("azurerm_key_vault_key.vm", "id")],
            },
        ),
        azapi("fail_azapi_microsoft_key", EH_ARM, {"sku": {"name": "Premium"}, "properties": {}}),
        azapi(
            "pass_azapi_cmk", EH_ARM, {"sku": {"name": "Premium"}, "properties": {"encryption": {**ARM_CMK}}}
        ),
        OTHER,
    ],
    TOKENS,
)
RULES += [EH_CMK]

TOKENS["azurerm_mssql_server"] = "azure:mssql/server:Server"
TOKENS["azurerm_mssql_database"] = "azure:mssql/database:Database"


def sql_server(name: str, **arguments: Any) -> Res:
    base = placed(name, version="12.0", administrator_login="sqladmin", minimum_tls_version="1.2")
    return Res("azurerm_mssql_server", name, {**base, **arguments})


def sql_database(name: str, server_id: Any, **arguments: Any) -> Res:
    return Res(
        "azurerm_mssql_database",
        name,
        {"name": name.replace("_", "-"), "server_id": server_id, "sku_name": "S1", **arguments},
    )


SQL_DATABASE_CMK = Rule(
    "ENC-AZSQL-004",
    AZURERM,
    [
        KEY,
        sql_server(
            "ledger", transparent_data_encryption_key_vault_key_id=Ref("azurerm_key_vault_key.vm", "id")
        ),
        sql_server("reporting"),
        sql_database(
            "pass_own_key",
            Ref("azurerm_mssql_server.reporting", "id"),
            transparent_data_encryption_key_vault_key_id=KEY_ID,
        ),
        sql_database("pass_server_key", Ref("azurerm_mssql_server.ledger", "id")),
        sql_database("undetermined_server_protector_elsewhere", Ref("azurerm_mssql_server.reporting", "id")),
        sql_database(
            "undetermined_server_outside",
            f"{PARENT}/providers/Microsoft.Sql/servers/shared-sql",
        ),
        sql_database(
            "fail_tde_disabled",
            Ref("azurerm_mssql_server.reporting", "id"),
            transparent_data_encryption_enabled=False,
        ),
    ],
    TOKENS,
)
RULES += [SQL_DATABASE_CMK]
