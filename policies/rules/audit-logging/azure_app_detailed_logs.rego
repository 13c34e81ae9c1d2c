# LOG-AZAPP-002: App Service web apps log detailed error messages and failed request traces.
package iacgate.rules.audit_logging.azure_app_detailed_logs

import data.iacgate.lib
import data.iacgate.lib.azure
import rego.v1

logs_value := lib.attr("logs")

logs := azure.first_block("logs")

# azurerm_linux_web_app/azurerm_windows_web_app (and slots) name them detailed_error_messages and
# failed_request_tracing; the legacy azurerm_app_service adds _enabled. Both default to false.
settings := [["detailed_error_messages", "detailed error messages"], ["failed_request_tracing", "failed request traces"]]

azure_app_setting_name(base) := concat("", [base, "_enabled"]) if {
	input.resource.type in {"azurerm_app_service", "azurerm_app_service_slot"}
} else := base

logs_path := ["logs", 0] if {
	is_array(logs_value)
} else := ["logs"]

deny contains lib.violation(path, msg) if {
	not lib.is_unknown(logs_value)
	some setting in settings
	name := azure_app_setting_name(setting[0])
	value := object.get(logs, name, null)
	not lib.is_true(value)
	path := setting_path(name)
	msg := concat("", ["web app does not log ", setting[1], ": logs.", name, " is ", lib.show(value), ", required true"])
}

setting_path(name) := array.concat(logs_path, [name]) if {
	logs != {}
} else := []

deny contains lib.undetermined(["logs"], "cannot tell whether the web app logs detailed errors and failed requests: logs is unknown until apply, required detailed error messages and failed request tracing on") if {
	lib.is_unknown(logs_value)
}
