package iacgate.rules.secrets_and_state.state_azure_account_test

import data.iacgate.lib.testing
import data.iacgate.rules.secrets_and_state.state_azure_account as rule
import rego.v1

account(attributes) := object.union(
	testing.resource("azurerm_storage_account", object.union({"name": "acmetfstate"}, attributes)),
	{"format": "terraform", "provider": "azurerm"},
)

backend(kind) := testing.referrer("terraform_backend", "storage_account_name", {"backend": kind})

diagnostics(x) := testing.referrer("azurerm_monitor_diagnostic_setting", "target_resource_id", {"name": x})

protected(extra) := object.union({
	"blob_properties": [{"versioning_enabled": true}],
	"customer_managed_key": [{"key_vault_key_id": "https://kv.vault.azure.net/keys/tfstate"}],
	"allow_nested_items_to_be_public": false,
}, extra)

test_protected_account_passes if {
	rule.deny == set() with input.resource as account(protected({}))
		with input.related as [backend("azurerm"), diagnostics("logs")]
}

test_public_default_fails if {
	some result in rule.deny with input.resource as account(object.remove(protected({}), ["allow_nested_items_to_be_public"]))
		with input.related as [backend("azurerm"), diagnostics("logs")]
	result.path == ["allow_nested_items_to_be_public"]
}

test_unlogged_fails if {
	some result in rule.deny with input.resource as account(protected({}))
		with input.related as [backend("azurerm")]
	contains(result.message, "records no access")
}

test_other_account_is_not_judged if {
	rule.deny == {{"not_applicable": true}} with input.resource as account({})
		with input.related as []
}
