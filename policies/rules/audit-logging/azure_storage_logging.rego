# LOG-AZSTORAGE-001: Azure storage accounts log read, write and delete requests.
package iacgate.rules.audit_logging.azure_storage_logging

import data.iacgate.lib.azure
import rego.v1

# Storage resource logs are set on the account's services (target_resource_id
# "${azurerm_storage_account.x.id}/blobServices/default"), which refer to the account all the same.
request_logs := {"storageread", "storagewrite", "storagedelete"}

groups := {"audit", "alllogs"}

logs_requests if {
	some setting in azure.diagnostic_settings
	azure.diagnostic_destination(setting)
	names := azure.diagnostic_log_names(setting)
	count(request_logs - names) == 0
}

logs_requests if azure.diagnostic_logs_any(groups)

deny contains azure.diagnostic_violation([], msg) if {
	not logs_requests
	msg := concat("", ["storage account requests are not logged: ", found, ", required an azurerm_monitor_diagnostic_setting on the account's services sending StorageRead, StorageWrite and StorageDelete (or the audit or allLogs group) to a destination"])
}

found := "no azurerm_monitor_diagnostic_setting targets the account or its services" if {
	count(azure.diagnostic_settings) == 0
} else := concat("", ["the diagnostic settings targeting it (", concat(", ", sort([s.id | some s in azure.diagnostic_settings])), ") do not send all of StorageRead, StorageWrite and StorageDelete"])
