# LOG-AZSQL-003: an Azure SQL database's own auditing policy is not disabled.
package iacgate.rules.audit_logging.azure_sql_database_auditing

import data.iacgate.lib
import data.iacgate.lib.azure
import rego.v1

# A database-level policy: azurerm_mssql_database_extended_auditing_policy naming the database in
# database_id, or an inline extended_auditing_policy block (azurerm 2 azurerm_mssql_database, the legacy
# azurerm_sql_database; Terraform a list of blocks, Pulumi an object).
inline_value := lib.attr("extended_auditing_policy")

policies := array.concat(
	[policy.attributes | some policy in lib.referrers_via("azurerm_mssql_database_extended_auditing_policy", "database_id")],
	lib.attr_blocks("extended_auditing_policy"),
)

enabled_value(policy) := azure.auditing_enabled(policy)

enabled_policies := [policy | some policy in policies; lib.is_true(enabled_value(policy))]

unknown_policies := [policy | some policy in policies; lib.is_unknown(enabled_value(policy))]

# Without a database-level policy the server's auditing (LOG-AZSQL-001) covers the database.
deny contains {"not_applicable": true} if {
	count(policies) == 0
	not lib.is_unknown(inline_value)
}

deny contains lib.violation(path, msg) if {
	count(policies) > 0
	count(enabled_policies) == 0
	count(unknown_policies) == 0
	path := disabled_path
	msg := "SQL database auditing is turned off: its extended auditing policy has enabled = false, required true (or no database-level policy, leaving the server's auditing in force)"
}

deny contains lib.undetermined([], msg) if {
	count(enabled_policies) == 0
	count(unknown_policies) > 0
	msg := "cannot tell whether the SQL database is audited: enabled of its extended auditing policy is unknown until apply, required true"
}

deny contains lib.undetermined(["extended_auditing_policy"], "cannot tell whether the SQL database is audited: extended_auditing_policy is unknown until apply, required auditing enabled") if {
	lib.is_unknown(inline_value)
}

disabled_path := ["extended_auditing_policy", 0, "enabled"] if {
	is_array(inline_value)
	count(inline_value) > 0
} else := ["extended_auditing_policy", "enabled"] if {
	is_object(inline_value)
} else := []
