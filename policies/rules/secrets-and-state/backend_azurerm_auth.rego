# SEC-STATE-004: an azurerm state backend reaches the storage account with Entra ID, not a shared key.
package iacgate.rules.secrets_and_state.backend_azurerm_auth

import data.iacgate.lib
import rego.v1

deny contains {"not_applicable": true} if lib.attr("backend") != "azurerm"

deny contains lib.violation(["use_azuread_auth"], msg) if {
	lib.attr("backend") == "azurerm"
	not lib.is_true(lib.attr("use_azuread_auth"))
	msg := concat("", [
		"state backend azurerm reads the state with the storage account key: use_azuread_auth is ",
		lib.attr_text("use_azuread_auth"), ", required true",
	])
}
