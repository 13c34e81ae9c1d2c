# LOG-AZSQL-001: Azure SQL servers have auditing on.
package iacgate.rules.audit_logging.azure_sql_auditing

import data.iacgate.lib
import rego.v1

# An azurerm_mssql_server_extended_auditing_policy names the server in server_id (its enabled defaults
# to true); azurerm 2 also had an inline extended_auditing_policy block.
policies := array.concat(
	lib.referrers_via("azurerm_mssql_server_extended_auditing_policy", "server_id"),
	[{"id": "inline", "attributes": block} | some block in lib.attr_blocks("extended_auditing_policy")],
)

enabled_policies := [policy | some policy in policies; not lib.is_false(object.get(policy.attributes, "enabled", true))]

deny contains lib.violation([], msg) if {
	count(policies) == 0
	msg := "SQL server is not audited: no azurerm_mssql_server_extended_auditing_policy refers to it, required one with enabled = true"
}

deny contains lib.violation([], msg) if {
	count(policies) > 0
	count(enabled_policies) == 0
	msg := "SQL server is not audited: its extended auditing policy has enabled = false, required true"
}
