# LOG-GCPAUDIT-001: audit configurations for allServices log admin reads and data reads and writes,
# exempting nobody.
package iacgate.rules.audit_logging.gcp_audit_config

import data.iacgate.lib
import rego.v1

required_types := ["ADMIN_READ", "DATA_READ", "DATA_WRITE"]

all_services if lib.attr("service") == "allServices"

# A configuration for one service adds to the allServices one: the control does not concern it (LOG-GCPAUDIT-003
# judges its exemptions). A service unknown until apply may be allServices and is judged.
deny contains {"not_applicable": true} if {
	service := lib.attr("service")
	is_string(service)
	service != "allServices"
}

configs := lib.attr_blocks("audit_log_config")

logged := {log_type |
	some config in configs
	log_type := object.get(config, "log_type", null)
	is_string(log_type)
}

deny contains lib.violation(path, msg) if {
	all_services
	some log_type in required_types
	not log_type in logged
	path := missing_path
	msg := concat("", ["audit configuration for allServices does not log ", log_type, ": audit_log_config with log_type ", log_type, " is not set, required ADMIN_READ, DATA_READ and DATA_WRITE"])
}

deny contains lib.violation(["audit_log_config", index, "exempted_members"], msg) if {
	all_services
	some index, config in configs
	members := exempted_members(config)
	count(members) > 0
	msg := concat("", ["audit configuration for allServices exempts members from ", lib.show(object.get(config, "log_type", null)), " logging: exempted_members is ", concat(", ", members), ", required none"])
}

# A list unknown until apply may name principals: reported at its path, so undetermined, never a pass.
deny contains lib.violation(["audit_log_config", index, "exempted_members"], msg) if {
	all_services
	some index, config in configs
	lib.is_unknown(object.get(config, "exempted_members", null))
	msg := concat("", ["audit configuration for allServices may exempt members from ", lib.show(object.get(config, "log_type", null)), " logging: exempted_members is unknown until apply, required none"])
}

# The members the configuration names.
exempted_members(config) := sort([member |
	values := object.get(config, "exempted_members", [])
	is_array(values)
	some member in values
	is_string(member)
])

missing_path := ["audit_log_config"] if {
	count(configs) > 0
} else := ["audit_log_config"] if {
	# unknown as a whole (a dynamic block whose for_each is unknown): undetermined
	lib.is_unknown(lib.attr("audit_log_config"))
} else := []

# A service unknown until apply may be allServices: a configuration that would fail for allServices is
# undetermined, never passed.
deny contains lib.undetermined(["service"], msg) if {
	lib.is_unknown(lib.attr("service"))
	some log_type in required_types
	not log_type in logged
	msg := concat("", ["audit configuration may be the allServices one and does not log ", log_type, ": service is unknown until apply, required ADMIN_READ, DATA_READ and DATA_WRITE for allServices"])
}
