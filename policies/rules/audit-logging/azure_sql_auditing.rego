# LOG-AZSQL-001: Azure SQL servers have auditing on.
package iacgate.rules.audit_logging.azure_sql_auditing

import data.iacgate.lib
import data.iacgate.lib.azure
import rego.v1

# An azurerm_mssql_server_extended_auditing_policy names the server in server_id (its enabled defaults
# to true); azurerm 2 and the legacy azurerm_sql_server also have an inline extended_auditing_policy block
# (Terraform: a list of blocks; Pulumi: an object).
inline_value := lib.attr("extended_auditing_policy")

policies := array.concat(
	lib.referrers_via("azurerm_mssql_server_extended_auditing_policy", "server_id"),
	[{"id": "inline", "attributes": block} | some block in lib.attr_blocks("extended_auditing_policy")],
)

enabled_value(policy) := azure.auditing_enabled(policy.attributes)

enabled_policies := [policy | some policy in policies; lib.is_true(enabled_value(policy))]

unknown_policies := [policy | some policy in policies; lib.is_unknown(enabled_value(policy))]

deny contains lib.violation([], msg) if {
	count(policies) == 0
	not lib.is_unknown(inline_value)
	msg := concat("", ["SQL server is not audited: no azurerm_mssql_server_extended_auditing_policy refers to it", lib.only_in(["terraform", "terraform-plan", "pulumi"], " and it has no extended_auditing_policy block"), ", required one with enabled = true"])
}

deny contains lib.violation([], msg) if {
	count(policies) > 0
	count(enabled_policies) == 0
	count(unknown_policies) == 0
	msg := concat("", ["SQL server is not audited: its extended auditing policy has ", off_text])
}

# An azure-native auditing policy says state Disabled; azurerm ones enabled = false.
off_text := "state Disabled, required Enabled" if {
	some policy in policies
	"state" in object.keys(policy.attributes)
} else := "enabled = false, required true"

# An auditing policy whose enabled (or an inline block) is unknown until apply: cannot tell.
deny contains lib.undetermined([], msg) if {
	count(enabled_policies) == 0
	count(unknown_policies) > 0
	msg := "cannot tell whether the SQL server is audited: enabled of its extended auditing policy is unknown until apply, required true"
}

deny contains lib.undetermined(["extended_auditing_policy"], msg) if {
	count(policies) == 0
	lib.is_unknown(inline_value)
	msg := "cannot tell whether the SQL server is audited: extended_auditing_policy is unknown until apply, required auditing enabled"
}
