package iacgate.rules.audit_logging.azure_storage_logging_test

import data.iacgate.lib.testing
import data.iacgate.rules.audit_logging.azure_storage_logging
import rego.v1

# A function, not a rule: regopy 1.5.2 ignores `with input.resource as <package rule>`.
account(name) := testing.resource("azurerm_storage_account", {"name": name})

setting(logs) := testing.referrer("azurerm_monitor_diagnostic_setting", "target_resource_id", {"log_analytics_workspace_id": "/w", "enabled_log": logs})

test_no_setting_fails if {
	some result in azure_storage_logging.deny with input.resource as account("acmedata") with input.related as []
	contains(result.message, "no azurerm_monitor_diagnostic_setting")
}

test_all_request_categories_pass if {
	count(azure_storage_logging.deny) == 0 with input.resource as account("acmedata")
		with input.related as [setting([{"category": "StorageRead"}, {"category": "StorageWrite"}, {"category": "StorageDelete"}])]
}

test_audit_group_passes if {
	count(azure_storage_logging.deny) == 0 with input.resource as account("acmedata")
		with input.related as [setting([{"category_group": "audit"}])]
}

test_writes_only_fails if {
	some result in azure_storage_logging.deny with input.resource as account("acmedata")
		with input.related as [setting([{"category": "StorageWrite"}])]
	contains(result.message, "do not send all")
}
