package iacgate.rules.secrets_and_state.azure_credentials_test

import data.iacgate.lib.testing
import data.iacgate.rules.secrets_and_state.azure_credentials as rule
import rego.v1

azure(type_name, attributes, format) := object.union(
	testing.resource(type_name, attributes),
	{"format": format, "provider": "azurerm"},
)

test_literal_sql_password_fails if {
	some result in rule.deny with input.resource as azure("azurerm_mssql_server", {"administrator_login_password": "P@ssw0rd-1234"}, "terraform")
		with input.related as []
	result.path == ["administrator_login_password"]
	not contains(result.message, "P@ssw0rd")
}

test_azure_native_flexible_server_name_fails if {
	some result in rule.deny with input.resource as azure("azurerm_postgresql_flexible_server", {"administrator_login_password": "literal-pw"}, "pulumi")
		with input.related as []
	result.path == ["administrator_login_password"]
}

test_key_vault_secret_passes if {
	count(rule.deny) == 0 with input.resource as azure("azurerm_linux_virtual_machine", {"admin_password": testing.unknown}, "terraform")
		with input.related as []
}

test_ssh_only_vm_is_not_applicable if {
	rule.deny == {{"not_applicable": true}} with input.resource as azure("azurerm_linux_virtual_machine", {"admin_username": "ops"}, "terraform")
		with input.related as []
}

test_plans_are_judged_on_the_origin_their_configuration_gives if {
	count(rule.deny) == 0 with input.resource as azure("azurerm_mssql_server", {"administrator_login_password": "x-from-key-vault", "__plan_origins__": {"administrator_login_password": "injected"}}, "terraform-plan")
		with input.related as []
	some result in rule.deny with input.resource as azure("azurerm_mssql_server", {"administrator_login_password": "Plan-Az-Pw", "__plan_origins__": {"administrator_login_password": "literal"}}, "terraform-plan")
		with input.related as []
	result.path == ["administrator_login_password"]
	not contains(result.message, "Plan-Az-Pw")
}

test_legacy_vm_os_profile_literal_fails if {
	vm := azure("azurerm_virtual_machine", {"os_profile": [{"admin_username": "ops", "admin_password": "Password1234!"}]}, "terraform")
	some result in rule.deny with input.resource as vm
		with input.related as []
	result.path == ["os_profile", 0, "admin_password"]
	contains(result.message, "os_profile.admin_password is a literal")
}

test_legacy_vm_without_password_is_not_applicable if {
	vm := azure("azurerm_virtual_machine", {"os_profile": [{"admin_username": "ops"}]}, "terraform")
	rule.deny == {{"not_applicable": true}} with input.resource as vm
		with input.related as []
}

test_legacy_vm_unknown_os_profile_passes if {
	vm := azure("azurerm_virtual_machine", {"os_profile": testing.unknown}, "terraform")
	count(rule.deny) == 0 with input.resource as vm
		with input.related as []
}

test_plan_nested_origin_is_read_by_its_dotted_name if {
	vm := azure("azurerm_virtual_machine", {"os_profile": [{"admin_password": "Plan-Pw"}], "__plan_origins__": {"os_profile.admin_password": "literal"}}, "terraform-plan")
	some result in rule.deny with input.resource as vm
		with input.related as []
	result.path == ["os_profile", 0, "admin_password"]
}
