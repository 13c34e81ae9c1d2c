# LOG-AZFUNC-001: Function Apps keep built-in logging on.
package iacgate.rules.audit_logging.azure_function_builtin_logging

import data.iacgate.lib
import rego.v1

# azurerm_linux_function_app/azurerm_windows_function_app (and slots): builtin_logging_enabled; the
# legacy azurerm_function_app and azurerm_function_app_slot: enable_builtin_logging. Both default to true.
name := "enable_builtin_logging" if {
	input.resource.type in {"azurerm_function_app", "azurerm_function_app_slot"}
} else := "builtin_logging_enabled"

value := lib.attr(name)

deny contains lib.violation([name], msg) if {
	lib.is_false(value)
	msg := concat("", ["function executions are not logged: ", name, " is false, required true (the default)"])
}

# Unknown until apply: fails at its path, which the engine reports as undetermined.
deny contains lib.violation([name], msg) if {
	lib.is_unknown(value)
	msg := concat("", ["cannot tell whether function executions are logged: ", name, " is unknown, required true"])
}
