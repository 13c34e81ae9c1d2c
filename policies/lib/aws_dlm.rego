# Helpers of the DLM cross-region copy rules (ENC-DLM-001, ENC-DLM-002): the encryption settings of every
# cross-region copy a lifecycle policy makes. Functions are prefixed dlm_ (regopy 1.5.2 crashes when two
# packages define functions of one name with different arities).
package iacgate.lib.aws_dlm

import data.iacgate.lib
import rego.v1

dlm_field(block, names) := values[0] if {
	values := [value | some name in names; value := object.get(block, name, null); value != null]
	count(values) > 0
} else := null

details contains {"path": ["policy_details", i], "block": block} if {
	some i, block in lib.attr_blocks("policy_details")
}

# Snapshot and AMI policies: schedule[].cross_region_copy_rule[] (CloudFormation Schedules[].CrossRegionCopyRules[]).
dlm_copies contains {"path": path, "settings": rule, "label": rule_name} if {
	some detail in details
	some schedule_name in ["schedule", "schedules"]
	some i, schedule in lib.blocks(object.get(detail.block, schedule_name, null))
	some rule_name in ["cross_region_copy_rule", "cross_region_copy_rules"]
	some j, rule in lib.blocks(object.get(schedule, rule_name, null))
	not lib.is_unknown(rule)
	path := array.concat(detail.path, [schedule_name, i, rule_name, j])
}

# Event-based policies: action[].cross_region_copy[].encryption_configuration.
dlm_copies contains {"path": path, "settings": encryption, "label": "cross_region_copy.encryption_configuration"} if {
	some detail in details
	some action_name in ["action", "actions"]
	some i, action in lib.blocks(object.get(detail.block, action_name, null))
	some j, copy in lib.blocks(object.get(action, "cross_region_copy", null))
	some k, encryption in lib.blocks(object.get(copy, "encryption_configuration", null))
	not lib.is_unknown(encryption)
	path := array.concat(detail.path, [action_name, i, "cross_region_copy", j, "encryption_configuration", k])
}

# Where the copies are not known until apply: the policy_details, a schedule, action or rule list unknown.
dlm_unknown contains ["policy_details"] if lib.is_unknown(lib.attr("policy_details"))

dlm_unknown contains array.concat(detail.path, [name]) if {
	some detail in details
	some name in ["schedule", "schedules", "action", "actions"]
	lib.is_unknown(object.get(detail.block, name, null))
}

dlm_unknown contains path if {
	some detail in details
	some schedule_name in ["schedule", "schedules"]
	some i, schedule in lib.blocks(object.get(detail.block, schedule_name, null))
	some rule_name in ["cross_region_copy_rule", "cross_region_copy_rules"]
	value := object.get(schedule, rule_name, null)
	some_unknown(value)
	path := array.concat(detail.path, [schedule_name, i, rule_name])
}

dlm_unknown contains path if {
	some detail in details
	some action_name in ["action", "actions"]
	some i, action in lib.blocks(object.get(detail.block, action_name, null))
	value := object.get(action, "cross_region_copy", null)
	some_unknown(value)
	path := array.concat(detail.path, [action_name, i, "cross_region_copy"])
}

dlm_unknown contains path if {
	some detail in details
	some action_name in ["action", "actions"]
	some i, action in lib.blocks(object.get(detail.block, action_name, null))
	some j, copy in lib.blocks(object.get(action, "cross_region_copy", null))
	some_unknown(object.get(copy, "encryption_configuration", null))
	path := array.concat(detail.path, [action_name, i, "cross_region_copy", j, "encryption_configuration"])
}

some_unknown(value) if lib.is_unknown(value)

some_unknown(value) if {
	is_array(value)
	some item in value
	lib.is_unknown(item)
}
