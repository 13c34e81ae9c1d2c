# LOG-GCPAUDIT-003: audit configurations for single services exempt nobody (LOG-GCPAUDIT-001 judges
# allServices). GCP combines the exemptions of every configuration, so one service's exemption makes that
# principal's use of the service invisible whatever allServices says.
package iacgate.rules.audit_logging.gcp_audit_exemptions

import data.iacgate.lib
import rego.v1

service := lib.attr("service")

# allServices is judged with its log types by LOG-GCPAUDIT-001.
deny contains {"not_applicable": true} if {
	is_string(service)
	lower(service) == "allservices"
}

configs_value := lib.attr("audit_log_config")

configs := lib.blocks(configs_value)

exempted(config) := object.get(config, "exempted_members", null)

deny contains lib.violation(path, msg) if {
	some index, config in configs
	members := exempted(config)
	lib.is_set(members)
	path := config_path(index)
	msg := concat("", ["audit configuration for ", lib.show(service), " exempts principals from ", lib.show(object.get(config, "log_type", null)), " logging: exempted_members is ", lib.show(members), ", required none"])
}

# Terraform writes audit_log_config as a list of blocks; Pulumi as a list too (auditLogConfigs).
config_path(index) := ["audit_log_config", index, "exempted_members"] if {
	is_array(configs_value)
} else := ["audit_log_config", "exempted_members"]

deny contains lib.undetermined(["audit_log_config"], msg) if {
	lib.is_unknown(configs_value)
	msg := concat("", ["cannot tell whether the audit configuration for ", lib.show(service), " exempts principals: audit_log_config is unknown until apply, required no exempted_members"])
}
