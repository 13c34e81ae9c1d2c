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
from dataclasses import dataclass
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
        entries.append(
            {
                "urn": f"{PREFIX}{res.token}::{res.name}",
                "custom": True,
                "id": f"{res.name}-id",
                "type": res.token,
                "inputs": res.inputs,
                "outputs": res.inputs,
                "parent": ROOT_URN,
                "provider": f"{PROVIDER_URN}::default_2_80_0-id",
            }
        )
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
