package iacgate.rules.encryption.azure_storage_test

import data.iacgate.lib.testing
import data.iacgate.rules.encryption.azure_storage_cmk
import data.iacgate.rules.encryption.azure_storage_https
import data.iacgate.rules.encryption.azure_storage_infrastructure_encryption
import data.iacgate.rules.encryption.azure_storage_tls
import rego.v1

account(attributes) := testing.resource("azurerm_storage_account", attributes)

# --- ENC-AZSTORAGE-001 ---

test_https_default_passes if {
	count(azure_storage_https.deny) == 0 with input.resource as account({}) with input.related as []
}

test_https_disabled_v4_fails if {
	some result in azure_storage_https.deny with input.resource as account({"https_traffic_only_enabled": false})
		with input.related as []
	result.path == ["https_traffic_only_enabled"]
}

test_https_disabled_v3_fails if {
	some result in azure_storage_https.deny with input.resource as account({"enable_https_traffic_only": false})
		with input.related as []
	result.path == ["enable_https_traffic_only"]
}

# --- ENC-AZSTORAGE-002 ---

test_tls_default_passes if {
	count(azure_storage_tls.deny) == 0 with input.resource as account({}) with input.related as []
}

test_tls12_passes if {
	count(azure_storage_tls.deny) == 0 with input.resource as account({"min_tls_version": "TLS1_2"}) with input.related as []
}

test_tls10_fails if {
	some result in azure_storage_tls.deny with input.resource as account({"min_tls_version": "TLS1_0"})
		with input.related as []
	result.path == ["min_tls_version"]
	contains(result.message, "TLS1_0")
}

# --- ENC-AZSTORAGE-003 ---

test_infrastructure_encryption_missing_fails if {
	some result in azure_storage_infrastructure_encryption.deny with input.resource as account({})
		with input.related as []
	result.path == ["infrastructure_encryption_enabled"]
}

test_infrastructure_encryption_on_passes if {
	count(azure_storage_infrastructure_encryption.deny) == 0 with input.resource as account({"infrastructure_encryption_enabled": true})
		with input.related as []
}

# --- ENC-AZSTORAGE-004 ---

test_no_cmk_fails if {
	some result in azure_storage_cmk.deny with input.resource as account({}) with input.related as []
	result.path == ["customer_managed_key"]
}

test_inline_cmk_passes if {
	count(azure_storage_cmk.deny) == 0 with input.resource as account({"customer_managed_key": [{"key_vault_key_id": testing.unknown}]})
		with input.related as []
}

test_separate_cmk_passes if {
	count(azure_storage_cmk.deny) == 0 with input.resource as account({})
		with input.related as [testing.referrer("azurerm_storage_account_customer_managed_key", "storage_account_id", {"key_name": "storage"})]
}

test_infrastructure_encryption_v1_account_says_the_kind if {
	some result in azure_storage_infrastructure_encryption.deny with input.resource as account({"account_kind": "Storage"})
		with input.related as []
	contains(result.message, "account_kind is Storage: infrastructure encryption needs a StorageV2 account")
}

test_infrastructure_encryption_v2_account_message_has_no_kind_clause if {
	some result in azure_storage_infrastructure_encryption.deny with input.resource as account({"account_kind": "StorageV2"})
		with input.related as []
	not contains(result.message, "account_kind")
}

test_infrastructure_encryption_azapi_blob_storage_says_the_kind if {
	some result in azure_storage_infrastructure_encryption.deny with input.resource as testing.resource("azapi_resource", {"type": "Microsoft.Storage/storageAccounts@2023-05-01", "body": {"kind": "BlobStorage", "properties": {}}})
		with input.related as []
	contains(result.message, "(kind is BlobStorage: infrastructure encryption needs")
}
