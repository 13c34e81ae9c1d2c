"""Pulumi azure-native fixtures of the Azure encryption rules: ``<RULE-ID>.native.pulumi.json``.

A ``pulumi stack export`` of the azure-native package. Its resources carry the ARM resource's properties,
lifted out of ``properties`` (``encryption.keySource``, ``minimalTlsVersion``), not the azurerm arguments
the classic ``azure`` package shares with Terraform, so each rule whose resource type an azure-native token
maps to (``parsers/data/pulumi_types.json``) is judged on that shape too. Inputs equal to ``UNKNOWN`` are
a preview's outputs known only after the update. Rewrite after editing a case:

    .venv/bin/python tests/rules/azgcp/native_pulumi.py [RULE-ID ...]
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[3]
# The value `pulumi preview` shows for an output known only after the update.
UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9"
PROJECT, STACK = "native", "prod"
PREFIX = f"urn:pulumi:{STACK}::{PROJECT}::"
ROOT_URN = f"{PREFIX}pulumi:pulumi:Stack::{PROJECT}-{STACK}"
PROVIDER_URN = f"{PREFIX}pulumi:providers:azure-native::default_2_80_0"
KEY_URI = "https://acme-payments-kv.vault.azure.net/keys/data/4f8e2c1d9b7a4e6f8c2d1b9a7e5f3c1d"
VAULT_URI = "https://acme-payments-kv.vault.azure.net"
DES_ID = (
    "/subscriptions/3b7e2f4a-9c1d-4e8b-a6f5-2d0c9e8b7a61/resourceGroups/payments-prod"
    "/providers/Microsoft.Compute/diskEncryptionSets/cmk"
)


@dataclass(frozen=True)
class Res:
    token: str
    name: str
    inputs: dict[str, Any]
    # Property dependencies: input name -> URNs of the resources whose outputs it takes.
    dependencies: dict[str, list[str]] = field(default_factory=dict)


def placed(**inputs: Any) -> dict[str, Any]:
    return {"resourceGroupName": "payments-prod", "location": "westeurope", **inputs}


STORAGE = "azure-native:storage:StorageAccount"


def account(name: str, **inputs: Any) -> Res:
    base = placed(
        accountName="acme" + name.replace("_", "")[:20], kind="StorageV2", sku={"name": "Standard_ZRS"}
    )
    return Res(STORAGE, name, {**base, **inputs})


CMK_ENCRYPTION = {
    "keySource": "Microsoft.Keyvault",
    "keyVaultProperties": {"keyName": "storage", "keyVaultUri": VAULT_URI},
}

CASES: dict[str, list[Res]] = {
    "ENC-AZSTORAGE-001": [
        account("pass_default"),
        account("pass_https_only", enableHttpsTrafficOnly=True),
        account("fail_plain_http", enableHttpsTrafficOnly=False),
        account("undetermined_https_unknown", enableHttpsTrafficOnly=UNKNOWN),
    ],
    "ENC-AZSTORAGE-002": [
        account("pass_default"),
        account("pass_tls12", minimumTlsVersion="TLS1_2"),
        account("fail_tls10", minimumTlsVersion="TLS1_0"),
        account("fail_tls11", minimumTlsVersion="TLS1_1"),
        account("undetermined_tls_unknown", minimumTlsVersion=UNKNOWN),
    ],
    "ENC-AZSTORAGE-003": [
        account(
            "pass_double_encryption",
            encryption={"keySource": "Microsoft.Storage", "requireInfrastructureEncryption": True},
        ),
        account("fail_default"),
        account(
            "fail_disabled",
            encryption={"keySource": "Microsoft.Storage", "requireInfrastructureEncryption": False},
        ),
        account("undetermined_encryption_unknown", encryption=UNKNOWN),
        # A general-purpose v1 account cannot turn it on: it fails, and the message says the kind.
        account("fail_storage_v1", kind="Storage"),
    ],
    "ENC-AZSTORAGE-004": [
        account("pass_key_vault", encryption=CMK_ENCRYPTION),
        account(
            "pass_key_vault_lower_case", encryption={**CMK_ENCRYPTION, "keySource": "microsoft.keyvault"}
        ),
        account("fail_default"),
        account("fail_microsoft_storage", encryption={"keySource": "Microsoft.Storage"}),
        account("undetermined_key_source_unknown", encryption={"keySource": UNKNOWN}),
    ],
}


DISK = "azure-native:compute:Disk"
DES = "azure-native:compute:DiskEncryptionSet"
AKS = "azure-native:containerservice:ManagedCluster"
AGENT_POOL = "azure-native:containerservice:AgentPool"
SQL_SERVER = "azure-native:sql:Server"
SQL_DATABASE = "azure-native:sql:Database"
PROTECTOR = "azure-native:sql:EncryptionProtector"
MYSQL = "azure-native:dbformysql:FlexibleServer"
POSTGRES = "azure-native:dbforpostgresql:FlexibleServer"
COSMOS = "azure-native:documentdb:DatabaseAccount"
KEY = "azure-native:keyvault:Key"
REDIS = "azure-native:cache:Redis"


def disk(name: str, **inputs: Any) -> Res:
    base = placed(diskName=name.replace("_", "-"), creationData={"createOption": "Empty"}, diskSizeGB=256)
    return Res(DISK, name, {**base, **inputs})


def encryption_set(name: str, **inputs: Any) -> Res:
    base = placed(
        diskEncryptionSetName=name.replace("_", "-"),
        encryptionType="EncryptionAtRestWithCustomerKey",
        activeKey={"keyUrl": KEY_URI},
        identity={"type": "SystemAssigned"},
    )
    return Res(DES, name, {**base, **inputs})


def pool(name: str, **inputs: Any) -> dict[str, Any]:
    return {"name": name, "count": 3, "vmSize": "Standard_D4s_v5", "mode": "System", **inputs}


def cluster(name: str, **inputs: Any) -> Res:
    base = placed(
        resourceName=name.replace("_", "-"), dnsPrefix="platform", identity={"type": "SystemAssigned"}
    )
    return Res(AKS, name, {**base, **inputs})


def agent_pool(name: str, **inputs: Any) -> Res:
    """An AgentPool of its own (azure-native:containerservice:AgentPool)."""
    base = {
        "resourceGroupName": "payments-prod",
        "resourceName": "platform",
        "agentPoolName": name.replace("_", "")[:12],
        "count": 3,
        "vmSize": "Standard_D4s_v5",
        "mode": "User",
    }
    return Res(AGENT_POOL, name, {**base, **inputs})


def sql_server(name: str, **inputs: Any) -> Res:
    base = placed(serverName=name.replace("_", "-"), version="12.0", administratorLogin="ledgeradmin")
    return Res(SQL_SERVER, name, {**base, **inputs})


def protector(server: str, **inputs: Any) -> Res:
    """An EncryptionProtector naming the server by its output name (a property dependency)."""
    base = {
        "resourceGroupName": "payments-prod",
        "serverName": server.replace("_", "-"),
        "encryptionProtectorName": "current",
    }
    return Res(
        PROTECTOR,
        f"protector_{server}",
        {**base, **inputs},
        {"serverName": [f"{PREFIX}{SQL_SERVER}::{server}"]},
    )


def sql_database(name: str, **inputs: Any) -> Res:
    base = placed(databaseName=name.replace("_", "-"), serverName="acme-ledger", sku={"name": "S1"})
    return Res(SQL_DATABASE, name, {**base, **inputs})


def flexible(token: str, name: str, **inputs: Any) -> Res:
    base = placed(
        serverName=name.replace("_", "-"),
        version="16",
        sku={"name": "Standard_D4s_v3", "tier": "GeneralPurpose"},
    )
    return Res(token, name, {**base, **inputs})


def cosmos(name: str, **inputs: Any) -> Res:
    base = placed(
        accountName=name.replace("_", "-"),
        databaseAccountOfferType="Standard",
        locations=[{"locationName": "westeurope", "failoverPriority": 0}],
    )
    return Res(COSMOS, name, {**base, **inputs})


def key(name: str, **properties: Any) -> Res:
    base = {
        "resourceGroupName": "payments-prod",
        "vaultName": "acme-payments-kv",
        "keyName": name.replace("_", "-"),
    }
    return Res(KEY, name, {**base, "properties": {"kty": "RSA", "keySize": 3072, **properties}})


def redis(name: str, **inputs: Any) -> Res:
    base = placed(name=name.replace("_", "-"), sku={"name": "Premium", "family": "P", "capacity": 1})
    return Res(REDIS, name, {**base, **inputs})


ROTATE = {"action": {"type": "rotate"}, "trigger": {"timeBeforeExpiry": "P30D"}}
NOTIFY = {"action": {"type": "notify"}, "trigger": {"timeBeforeExpiry": "P30D"}}
USER_IDENTITY = (
    "/subscriptions/3b7e2f4a-9c1d-4e8b-a6f5-2d0c9e8b7a61/resourceGroups/payments-prod"
    "/providers/Microsoft.ManagedIdentity/userAssignedIdentities/ledger"
)

CASES.update(
    {
        "ENC-AZDISK-001": [
            disk(
                "pass_encryption_set",
                encryption={"diskEncryptionSetId": DES_ID, "type": "EncryptionAtRestWithCustomerKey"},
            ),
            disk(
                "pass_encryption_set_unknown",
                encryption={"diskEncryptionSetId": UNKNOWN, "type": "EncryptionAtRestWithCustomerKey"},
            ),
            disk(
                "pass_confidential",
                securityProfile={
                    "securityType": "ConfidentialVM_DiskEncryptedWithCustomerKey",
                    "secureVMDiskEncryptionSetId": DES_ID,
                },
            ),
            disk(
                "pass_azure_disk_encryption",
                encryptionSettingsCollection={
                    "enabled": True,
                    "encryptionSettings": [
                        {"diskEncryptionKey": {"secretUrl": KEY_URI, "sourceVault": {"id": DES_ID}}}
                    ],
                },
            ),
            disk("fail_platform_key"),
            disk("fail_platform_key_explicit", encryption={"type": "EncryptionAtRestWithPlatformKey"}),
            disk("undetermined_encryption_unknown", encryption=UNKNOWN),
        ],
        "ENC-AZDISK-002": [
            encryption_set("pass_rotation", rotationToLatestKeyVersionEnabled=True),
            encryption_set("fail_default"),
            encryption_set("fail_disabled", rotationToLatestKeyVersionEnabled=False),
            encryption_set("undetermined_rotation_unknown", rotationToLatestKeyVersionEnabled=UNKNOWN),
        ],
        "ENC-AZAKS-001": [
            cluster("pass_encryption_set", diskEncryptionSetID=DES_ID, agentPoolProfiles=[pool("system")]),
            cluster("fail_platform_key", agentPoolProfiles=[pool("system")]),
        ],
        "ENC-AZAKS-002": [
            cluster(
                "pass_host_encryption",
                agentPoolProfiles=[
                    pool("system", enableEncryptionAtHost=True),
                    pool("user", mode="User", enableEncryptionAtHost=True),
                ],
            ),
            cluster("fail_default", agentPoolProfiles=[pool("system")]),
            cluster(
                "fail_one_pool",
                agentPoolProfiles=[pool("system", enableEncryptionAtHost=True), pool("user", mode="User")],
            ),
            cluster("undetermined_pools_unknown", agentPoolProfiles=UNKNOWN),
            cluster(
                "undetermined_host_encryption_unknown",
                agentPoolProfiles=[pool("system", enableEncryptionAtHost=UNKNOWN)],
            ),
            agent_pool("pass_agent_pool_host_encryption", enableEncryptionAtHost=True),
            agent_pool("fail_agent_pool_default"),
            agent_pool("undetermined_agent_pool_unknown", enableEncryptionAtHost=UNKNOWN),
        ],
        "ENC-AZSQL-001": [
            sql_server("pass_default"),
            sql_server("pass_tls12", minimalTlsVersion="1.2"),
            sql_server("fail_tls10", minimalTlsVersion="1.0"),
            sql_server("fail_tls11", minimalTlsVersion="1.1"),
            sql_server("fail_no_minimum", minimalTlsVersion="None"),
            sql_server("undetermined_tls_unknown", minimalTlsVersion=UNKNOWN),
        ],
        "ENC-AZSQL-003": [
            sql_server("pass_customer_key", keyId=KEY_URI, identity={"type": "SystemAssigned"}),
            sql_server("pass_customer_key_unknown", keyId=UNKNOWN, identity={"type": "SystemAssigned"}),
            sql_server("fail_service_key"),
            # The TDE protector set by a separate EncryptionProtector naming the server.
            sql_server("pass_protector", identity={"type": "SystemAssigned"}),
            protector(
                "pass_protector", serverKeyType="AzureKeyVault", serverKeyName="acme-payments-kv_data_1"
            ),
            sql_server("fail_service_managed_protector"),
            protector(
                "fail_service_managed_protector",
                serverKeyType="ServiceManaged",
                serverKeyName="ServiceManaged",
            ),
            sql_server("undetermined_protector_unknown"),
            protector("undetermined_protector_unknown", serverKeyType=UNKNOWN, serverKeyName=UNKNOWN),
        ],
        "ENC-AZSQL-004": [
            sql_database(
                "pass_database_key",
                encryptionProtector=KEY_URI,
                identity={"type": "UserAssigned", "userAssignedIdentities": [USER_IDENTITY]},
            ),
            sql_database("undetermined_server_key"),
        ],
        "ENC-AZDB-002": [
            flexible(
                POSTGRES,
                "pass_postgres_key_vault",
                dataEncryption={
                    "type": "AzureKeyVault",
                    "primaryKeyURI": KEY_URI,
                    "primaryUserAssignedIdentityId": USER_IDENTITY,
                },
            ),
            flexible(
                MYSQL,
                "pass_mysql_key_vault",
                dataEncryption={
                    "type": "AzureKeyVault",
                    "primaryKeyURI": KEY_URI,
                    "primaryUserAssignedIdentityId": USER_IDENTITY,
                },
            ),
            flexible(POSTGRES, "fail_postgres_default"),
            flexible(POSTGRES, "fail_postgres_system_managed", dataEncryption={"type": "SystemManaged"}),
            flexible(MYSQL, "fail_mysql_default"),
            flexible(MYSQL, "undetermined_mysql_encryption_unknown", dataEncryption=UNKNOWN),
        ],
        "ENC-AZCOSMOS-001": [
            cosmos("pass_key_vault", keyVaultKeyUri=KEY_URI),
            cosmos("fail_service_key"),
        ],
        "ENC-AZKV-001": [
            key("pass_expiry", attributes={"enabled": True, "exp": 1798761600}),
            key(
                "pass_rotation_policy_expiry",
                rotationPolicy={"attributes": {"expiryTime": "P365D"}, "lifetimeActions": [ROTATE]},
            ),
            key("fail_no_expiry"),
            key("fail_rotation_without_expiry", rotationPolicy={"lifetimeActions": [ROTATE]}),
            key("undetermined_rotation_policy_unknown", rotationPolicy=UNKNOWN),
        ],
        "ENC-AZKV-002": [
            key(
                "pass_rotates",
                rotationPolicy={"attributes": {"expiryTime": "P365D"}, "lifetimeActions": [ROTATE, NOTIFY]},
            ),
            key(
                "pass_rotates_after_creation",
                rotationPolicy={
                    "lifetimeActions": [
                        {"action": {"type": "Rotate"}, "trigger": {"timeAfterCreate": "P90D"}}
                    ]
                },
            ),
            key("fail_no_policy"),
            key(
                "fail_notify_only",
                rotationPolicy={"attributes": {"expiryTime": "P365D"}, "lifetimeActions": [NOTIFY]},
            ),
            key("undetermined_actions_unknown", rotationPolicy={"lifetimeActions": UNKNOWN}),
        ],
        "ENC-AZREDIS-001": [
            redis("pass_default"),
            redis("pass_tls12", enableNonSslPort=False, minimumTlsVersion="1.2"),
            redis("fail_non_tls_port", enableNonSslPort=True),
            redis("fail_tls10", minimumTlsVersion="1.0"),
            redis("undetermined_port_unknown", enableNonSslPort=UNKNOWN),
        ],
    }
)


def stack_export(resources: list[Res]) -> dict[str, Any]:
    settings = {"location": "westeurope"}
    entries: list[dict[str, Any]] = [
        {"urn": ROOT_URN, "custom": False, "type": "pulumi:pulumi:Stack"},
        {
            "urn": PROVIDER_URN,
            "custom": True,
            "id": "default_2_80_0-id",
            "type": "pulumi:providers:azure-native",
            "inputs": settings,
            "outputs": settings,
        },
    ]
    for res in resources:
        entry: dict[str, Any] = {
            "urn": f"{PREFIX}{res.token}::{res.name}",
            "custom": True,
            "id": f"{res.name}-id",
            "type": res.token,
            "inputs": res.inputs,
            "outputs": res.inputs,
            "parent": ROOT_URN,
            "provider": f"{PROVIDER_URN}::default_2_80_0-id",
        }
        if res.dependencies:
            entry["dependencies"] = sorted({urn for urns in res.dependencies.values() for urn in urns})
            entry["propertyDependencies"] = res.dependencies
        entries.append(entry)
    manifest = {"time": "2025-06-02T09:14:27Z", "magic": PROJECT, "version": "v3.136.1"}
    return {"version": 3, "deployment": {"manifest": manifest, "resources": entries}}


def path_of(rule_id: str) -> Path:
    return ROOT / "fixtures" / "encryption" / rule_id / f"{rule_id}.native.pulumi.json"


def text_of(rule_id: str) -> str:
    return json.dumps(stack_export(CASES[rule_id]), indent=1) + "\n"


def main(selected: list[str]) -> None:
    for rule_id in CASES:
        if not selected or rule_id in selected:
            path_of(rule_id).write_text(text_of(rule_id), encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1:])
