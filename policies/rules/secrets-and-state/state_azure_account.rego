# SEC-STATE-013: the storage account an azurerm backend keeps its state in protects it.
package iacgate.rules.secrets_and_state.state_azure_account

import data.iacgate.lib
import rego.v1

state_account if {
	some backend in lib.referrers("terraform_backend")
	object.get(backend.attributes, "backend", null) == "azurerm"
}

deny contains {"not_applicable": true} if not state_account

versioned if {
	some block in lib.attr_blocks("blob_properties")
	lib.is_true(object.get(block, "versioning_enabled", null))
}

customer_key if count(lib.attr_blocks("customer_managed_key")) > 0

customer_key if count(lib.referrers("azurerm_storage_account_customer_managed_key")) > 0

logged if count(lib.referrers("azurerm_monitor_diagnostic_setting")) > 0

deny contains lib.violation(lib.missing_block_path("blob_properties"), msg) if {
	state_account
	not versioned
	msg := "storage account holding Terraform state keeps no blob versions: blob_properties.versioning_enabled is not true, required true so an overwritten state can be restored"
}

deny contains lib.violation(lib.missing_block_path("customer_managed_key"), msg) if {
	state_account
	not customer_key
	msg := concat("", [
		"storage account holding Terraform state is encrypted with Microsoft-managed keys: customer_managed_key is not set",
		lib.only_in(["terraform", "terraform-plan", "pulumi"], " and no azurerm_storage_account_customer_managed_key refers to it"),
		", required a Key Vault key",
	])
}

# azurerm allows nested items to be public unless told otherwise (allow_nested_items_to_be_public
# defaults to true).
deny contains lib.violation(["allow_nested_items_to_be_public"], msg) if {
	state_account
	not lib.is_false(lib.attr("allow_nested_items_to_be_public"))
	msg := concat("", [
		"storage account holding Terraform state allows public containers: allow_nested_items_to_be_public is ",
		lib.attr_text("allow_nested_items_to_be_public"), ", required false",
	])
}

deny contains lib.violation([], msg) if {
	state_account
	not logged
	msg := "storage account holding Terraform state records no access: no azurerm_monitor_diagnostic_setting refers to it, required StorageRead/StorageWrite logs of its blob service"
}
