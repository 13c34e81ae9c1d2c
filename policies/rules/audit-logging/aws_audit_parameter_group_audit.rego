# LOG-DBPARAM-001: Redshift, DocumentDB and Neptune parameter groups turn audit logging on.
package iacgate.rules.audit_logging.aws_audit_parameter_group_audit

import data.iacgate.lib
import rego.v1

# The audit parameter of each engine and the values that turn it on: Redshift enable_user_activity_logging
# (the queries each user ran; audit logging itself is LOG-REDSHIFT-001), DocumentDB audit_logs (enabled,
# all, or a list of event types), Neptune neptune_enable_audit_log (1). All default to off.
audit_parameters := {
	"aws_redshift_parameter_group": "enable_user_activity_logging",
	"aws_docdb_cluster_parameter_group": "audit_logs",
	"aws_neptune_cluster_parameter_group": "neptune_enable_audit_log",
}

required_texts := {
	"aws_redshift_parameter_group": "true",
	"aws_docdb_cluster_parameter_group": "enabled",
	"aws_neptune_cluster_parameter_group": "1",
}

audit_parameter := audit_parameters[input.resource.type]

required_text := required_texts[input.resource.type]

# Parameters as {name, value, path}: Terraform and Pulumi parameter blocks {name, value}; CloudFormation
# Redshift Parameters [{ParameterName, ParameterValue}], DocumentDB and Neptune Parameters {name: value}.
parameters contains {"name": lower(name), "value": object.get(block, key, null), "path": ["parameter", i, key]} if {
	some i, block in lib.attr_blocks("parameter")
	name := object.get(block, "name", object.get(block, "parameter_name", null))
	is_string(name)
	key := aws_audit_param_value_key(block)
}

aws_audit_param_value_key(block) := "parameter_value" if {
	object.get(block, "parameter_name", null) != null
} else := "value"

parameters contains {"name": lower(name), "value": object.get(block, value_key, null), "path": ["parameters", i, value_key]} if {
	is_array(lib.attr("parameters"))
	some i, block in lib.attr("parameters")
	some name_key, value_key in {"parameter_name": "parameter_value", "ParameterName": "ParameterValue", "name": "value"}
	name := object.get(block, name_key, null)
	is_string(name)
}

parameters contains {"name": lower(name), "value": value, "path": ["parameters", name]} if {
	values := lib.attr("parameters")
	is_object(values)
	not lib.is_unknown(values)
	some name, value in values
}

aws_audit_param_on(value) if {
	input.resource.type == "aws_redshift_parameter_group"
	lib.is_true(value)
}

aws_audit_param_on(value) if {
	input.resource.type == "aws_docdb_cluster_parameter_group"
	is_string(value)
	not lower(value) in {"disabled", "none", ""}
}

aws_audit_param_on(value) if {
	input.resource.type == "aws_neptune_cluster_parameter_group"
	value in {1, "1"}
}

settings := [entry | some entry in parameters; entry.name == audit_parameter]

deny contains lib.violation([], msg) if {
	count(settings) == 0
	not lib.is_unknown(lib.attr("parameter"))
	not lib.is_unknown(lib.attr("parameters"))
	msg := concat("", ["parameter group leaves audit logging off: parameter ", audit_parameter, " is not set, required ", required_text])
}

# A parameter list unknown until apply may set it: undetermined.
deny contains lib.undetermined([name], msg) if {
	count(settings) == 0
	some name in ["parameter", "parameters"]
	lib.is_unknown(lib.attr(name))
	msg := concat("", ["parameter group may leave audit logging off: ", name, " is unknown until apply, required ", audit_parameter, " ", required_text])
}

deny contains lib.violation(entry.path, msg) if {
	some entry in settings
	not aws_audit_param_on(entry.value)
	msg := concat("", ["parameter group turns audit logging off: parameter ", audit_parameter, " is ", lib.show(entry.value), ", required ", required_text])
}
