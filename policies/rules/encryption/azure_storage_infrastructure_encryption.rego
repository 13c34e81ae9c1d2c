# ENC-AZSTORAGE-003: Azure storage accounts encrypt twice (infrastructure encryption).
package iacgate.rules.encryption.azure_storage_infrastructure_encryption

import data.iacgate.lib
import data.iacgate.lib.azapi
import data.iacgate.lib.azure
import rego.v1

# azapi_resource of type Microsoft.Storage/storageAccounts is judged by its ARM body (lib.azapi).
arm_type := "microsoft.storage/storageaccounts"

deny contains {"not_applicable": true} if azapi.not_concerned({arm_type})

deny contains azapi.type_undetermined if azapi.type_unknown

# Infrastructure encryption exists only for StorageV2 accounts and Premium BlockBlobStorage or FileStorage
# accounts (azurerm: "can only be true when account_kind is StorageV2 or when account_tier is Premium and
# account_kind is one of BlockBlobStorage or FileStorage"): a legacy general-purpose v1 (Storage) or
# BlobStorage account cannot turn it on, so the message says the account kind must change.
# The kind is account_kind in azurerm, kind in the ARM body and on a Pulumi azure-native StorageAccount.
kind_name := "kind" if {
	azapi.is_azapi
} else := "kind" if {
	azure.native
} else := "account_kind"

kind := azapi.arm_value(["kind"]) if azapi.is_azapi else := lib.attr(kind_name)

kind_clause := concat("", [" (", kind_name, " is ", lib.show(kind), ": infrastructure encryption needs a StorageV2 account, or a Premium BlockBlobStorage or FileStorage account)"]) if {
	lower(lib.show(kind)) in {"storage", "blobstorage"}
} else := ""

# Defaults to false and cannot be changed after creation, so a missing value fails.
deny contains lib.violation(["infrastructure_encryption_enabled"], msg) if {
	not azapi.is_azapi
	not azure.native
	not lib.is_true(lib.attr("infrastructure_encryption_enabled"))
	msg := concat("", ["storage account data is encrypted once: infrastructure_encryption_enabled is ", lib.attr_text("infrastructure_encryption_enabled"), ", required true", kind_clause])
}

# ARM: properties.encryption.requireInfrastructureEncryption, default false.
deny contains lib.violation(azapi.body_path(["properties", "encryption", "requireInfrastructureEncryption"]), msg) if {
	azapi.of_type({arm_type})
	value := azapi.arm_value(["properties", "encryption", "requireInfrastructureEncryption"])
	not lib.is_true(value)
	msg := concat("", ["storage account data is encrypted once: body.properties.encryption.requireInfrastructureEncryption is ", lib.show(value), ", required true", kind_clause])
}

# Pulumi azure-native StorageAccount: encryption.require_infrastructure_encryption, default false.
native_path := ["encryption", "require_infrastructure_encryption"]

deny contains lib.violation(native_path, msg) if {
	azure.native
	value := azure.native_value(native_path)
	not lib.is_true(value)
	msg := concat("", ["storage account data is encrypted once: encryption.require_infrastructure_encryption is ", lib.show(value), ", required true", kind_clause])
}
