# LOG-GCPAUDIT-002: every project the configuration creates has an audit configuration for allServices
# (Data Access audit logs).
package iacgate.rules.audit_logging.gcp_project_audit_config

import data.iacgate.lib
import rego.v1

audit_configs := lib.referrers("google_project_iam_audit_config")

services := [service | some config in audit_configs; service := object.get(config.attributes, "service", null)]

all_services if {
	some service in services
	is_string(service)
	lower(service) == "allservices"
}

service_unknown if {
	some service in services
	lib.is_unknown(service)
}

# An authoritative google_project_iam_policy carries its audit configurations in policy_data.
iam_policies := lib.referrers("google_project_iam_policy")

deny contains lib.violation([], msg) if {
	not all_services
	not service_unknown
	count(iam_policies) == 0
	msg := concat("", ["project records no Data Access audit logs: ", found, ", required a google_project_iam_audit_config with service allServices"])
}

found := "no google_project_iam_audit_config refers to it" if {
	count(audit_configs) == 0
} else := concat("", ["its google_project_iam_audit_config resources cover only ", concat(", ", sort([s | some s in services; is_string(s)]))])

deny contains lib.undetermined([], msg) if {
	not all_services
	service_unknown
	msg := "cannot tell whether the project records Data Access audit logs: the service of a google_project_iam_audit_config referring to it is unknown until apply, required allServices"
}

deny contains lib.undetermined([], msg) if {
	not all_services
	not service_unknown
	count(iam_policies) > 0
	msg := "cannot tell whether the project records Data Access audit logs: its audit configuration is in the policy_data of a google_project_iam_policy, required an audit_config for allServices"
}
