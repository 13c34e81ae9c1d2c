# LOG-AZAPP-001: App Service web apps keep HTTP (web server) logs.
package iacgate.rules.audit_logging.azure_app_http_logs

import data.iacgate.lib
import data.iacgate.lib.azure
import rego.v1

logs_value := lib.attr("logs")

logs := azure.first_block("logs")

http_value := object.get(logs, "http_logs", null)

http := block if {
	blocks := lib.blocks(http_value)
	count(blocks) > 0
	block := blocks[0]
} else := {}

# HTTP logs go to the file system (with a retention) or to blob storage (with a SAS URL).
http_logged if {
	some destination in ["file_system", "azure_blob_storage"]
	count(lib.blocks(object.get(http, destination, null))) > 0
}

# A diagnostic setting sending AppServiceHTTPLogs (or allLogs) to a destination keeps them as well.
diagnostic_logs := {"appservicehttplogs", "alllogs"}

http_logged if azure.diagnostic_logs_any(diagnostic_logs)

undecided if lib.is_unknown(logs_value)

undecided if lib.is_unknown(http_value)

# A diagnostic setting targeting the app whose logs are unknown until apply may send AppServiceHTTPLogs:
# the failure is then undetermined (azure.diagnostic_violation).
deny contains azure.diagnostic_violation(path, msg) if {
	not http_logged
	not undecided
	path := missing_path
	msg := concat("", ["web server requests are not logged: logs.http_logs is ", lib.show(http_value), ", required an http_logs block writing to file_system or azure_blob_storage, or a diagnostic setting sending AppServiceHTTPLogs"])
}

deny contains lib.undetermined(unknown_path, msg) if {
	not http_logged
	undecided
	msg := "cannot tell whether web server requests are logged: logs is unknown until apply, required an http_logs block"
}

# Terraform writes logs as a list of blocks, Pulumi as an object.
logs_path := ["logs", 0] if {
	is_array(logs_value)
} else := ["logs"]

missing_path := array.concat(logs_path, ["http_logs"]) if {
	logs != {}
} else := []

unknown_path := ["logs"] if {
	lib.is_unknown(logs_value)
} else := array.concat(logs_path, ["http_logs"])
