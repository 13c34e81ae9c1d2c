# LOG-AZSTORAGE-001: Azure storage accounts log read, write and delete requests.
package iacgate.rules.audit_logging.azure_storage_logging

import data.iacgate.lib.azapi
import data.iacgate.lib.azure
import rego.v1

# An azapi_resource storage account (Azure Verified Modules declare it so) is judged like the azurerm one:
# its diagnostic settings name it (or "${azapi_resource.x.id}/blobServices/default") all the same.
deny contains {"not_applicable": true} if azapi.not_concerned({"microsoft.storage/storageaccounts"})

# An azapi_resource whose type is unknown until apply may be no storage account: judged at its type only.
deny contains azapi.type_undetermined if azapi.type_unknown

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
	not azapi.type_unknown
	msg := concat("", ["storage account requests are not logged: ", found, ", required an azurerm_monitor_diagnostic_setting on the account's services sending StorageRead, StorageWrite and StorageDelete (or the audit or allLogs group) to a destination"])
}

found := "no azurerm_monitor_diagnostic_setting targets the account or its services" if {
	count(azure.diagnostic_settings) == 0
} else := concat("", ["the diagnostic settings targeting it (", concat(", ", sort([s.id | some s in azure.diagnostic_settings])), ") do not send all of StorageRead, StorageWrite and StorageDelete"])
