# LOG-AZSQL-002: Azure SQL auditing keeps its records at least the configured minimum.
package iacgate.rules.audit_logging.azure_sql_audit_retention

import data.iacgate.lib
import data.iacgate.lib.retention
import rego.v1

# Where the auditing settings live: the standalone azurerm_mssql_server_extended_auditing_policy and
# azurerm_mssql_database_extended_auditing_policy resources, or the inline extended_auditing_policy block
# of a server or database (azurerm 2, and the legacy azurerm_sql_server / azurerm_sql_database), which
# LOG-AZSQL-001 accepts too. retention_in_days defaults to 0, which keeps records forever: only
# 0 < days < settings.min_log_retention_days fails; a value unknown until apply is undetermined.
standalone_types := {"azurerm_mssql_server_extended_auditing_policy", "azurerm_mssql_database_extended_auditing_policy"}

settings contains {"path": ["retention_in_days"], "value": lib.attr("retention_in_days"), "name": "retention_in_days"} if {
	input.resource.type in standalone_types
}

settings contains {"path": [name, i, "retention_in_days"], "value": object.get(block, "retention_in_days", null), "name": "extended_auditing_policy.retention_in_days"} if {
	not input.resource.type in standalone_types
	name := "extended_auditing_policy"
	some i, block in lib.attr_blocks(name)
}

# A server or database without an inline block is judged through its standalone policy resource.
deny contains {"not_applicable": true} if {
	not input.resource.type in standalone_types
	count(lib.attr_blocks("extended_auditing_policy")) == 0
	not lib.is_unknown(lib.attr("extended_auditing_policy"))
}

deny contains lib.violation(["extended_auditing_policy"], msg) if {
	lib.is_unknown(lib.attr("extended_auditing_policy"))
	msg := concat("", ["SQL auditing retention cannot be told: extended_auditing_policy is unknown until apply, required retention at least ", retention.min_days_text, " days (or 0, keep forever)"])
}

deny contains lib.violation(setting.path, msg) if {
	some setting in settings
	retention.retention_short(setting.value, 0)
	msg := concat("", [
		"SQL auditing keeps records for ", lib.show(setting.value), " days: ", setting.name, " is ",
		lib.show(setting.value), ", required at least ", retention.min_days_text, " (or 0, keep forever)",
	])
}

deny contains lib.violation(setting.path, msg) if {
	some setting in settings
	retention.retention_undecidable(setting.value)
	msg := concat("", [
		"SQL auditing retention cannot be told: ", setting.name, " is ", lib.show(setting.value),
		", required at least ", retention.min_days_text, " (or 0, keep forever)",
	])
}
