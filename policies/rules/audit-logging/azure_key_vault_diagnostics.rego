# LOG-AZKV-001: Key Vaults send their audit events to a diagnostic destination.
package iacgate.rules.audit_logging.azure_key_vault_diagnostics

import data.iacgate.lib.azure
import rego.v1

# AuditEvent is the category; the audit and allLogs category groups include it.
audit_logs := {"auditevent", "audit", "alllogs"}

deny contains azure.diagnostic_violation([], msg) if {
	not azure.diagnostic_logs_any(audit_logs)
	msg := concat("", ["Key Vault access is not logged: ", found, ", required an azurerm_monitor_diagnostic_setting targeting the vault that sends AuditEvent (or the audit or allLogs group) to a workspace, storage account or event hub"])
}

found := "no azurerm_monitor_diagnostic_setting targets the vault" if {
	count(azure.diagnostic_settings) == 0
} else := concat("", ["the diagnostic settings targeting the vault (", concat(", ", sort([s.id | some s in azure.diagnostic_settings])), ") send no AuditEvent logs to a destination"])
