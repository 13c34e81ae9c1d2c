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

# Defaults to false and cannot be changed after creation, so a missing value fails.
deny contains lib.violation(["infrastructure_encryption_enabled"], msg) if {
	not azapi.is_azapi
	not azure.native
	not lib.is_true(lib.attr("infrastructure_encryption_enabled"))
	msg := concat("", ["storage account data is encrypted once: infrastructure_encryption_enabled is ", lib.attr_text("infrastructure_encryption_enabled"), ", required true"])
}

# ARM: properties.encryption.requireInfrastructureEncryption, default false.
deny contains lib.violation(azapi.body_path(["properties", "encryption", "requireInfrastructureEncryption"]), msg) if {
	azapi.of_type({arm_type})
	value := azapi.arm_value(["properties", "encryption", "requireInfrastructureEncryption"])
	not lib.is_true(value)
	msg := concat("", ["storage account data is encrypted once: body.properties.encryption.requireInfrastructureEncryption is ", lib.show(value), ", required true"])
}

# Pulumi azure-native StorageAccount: encryption.require_infrastructure_encryption, default false.
native_path := ["encryption", "require_infrastructure_encryption"]

deny contains lib.violation(native_path, msg) if {
	azure.native
	value := azure.native_value(native_path)
	not lib.is_true(value)
	msg := concat("", ["storage account data is encrypted once: encryption.require_infrastructure_encryption is ", lib.show(value), ", required true"])
}
