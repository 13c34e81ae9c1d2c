# LOG-CONFIG-001: AWS Config recorders record every supported resource type.
package iacgate.rules.audit_logging.aws_audit_config_recorder_all_resources

import data.iacgate.lib
import rego.v1

# recording_group (CloudFormation RecordingGroup): all_supported defaults to true, and a recorder without
# recording_group records every supported type; all_supported = false (a hand-picked list, or a
# recording_strategy other than ALL_SUPPORTED_RESOURCE_TYPES) leaves other resources' changes unrecorded.
aws_audit_config_index := [] if {
	is_object(lib.attr("recording_group"))
} else := [0]

group := lib.attr_blocks("recording_group")[0] if {
	count(lib.attr_blocks("recording_group")) > 0
} else := {}

# Left out, Terraform and Pulumi default all_supported to true; the API (CloudFormation's AllSupported)
# to false: a RecordingGroup without it records only its ResourceTypes or follows its RecordingStrategy.
all_supported := object.get(group, "all_supported", aws_audit_config_default)

aws_audit_config_default := false if {
	input.resource.format == "cloudformation"
} else := true

deny contains lib.violation(array.concat(array.concat(["recording_group"], aws_audit_config_index), ["all_supported"]), msg) if {
	count(lib.attr_blocks("recording_group")) > 0
	aws_audit_config_not_all(all_supported)
	msg := concat("", ["Config recorder records only some resource types: recording_group.all_supported is ", lib.show(object.get(group, "all_supported", null)), lib.when_not_set(object.get(group, "all_supported", null), "false"), ", required true"])
}

aws_audit_config_not_all(value) if lib.is_false(value)

# Unknown until apply (all_supported = var.all): it may be false; the engine calls it undetermined.
aws_audit_config_not_all(value) if lib.is_unknown(value)

deny contains lib.violation(["recording_group"], msg) if {
	lib.is_unknown(lib.attr("recording_group"))
	msg := "Config recorder may record only some resource types: recording_group is unknown until apply, required all_supported true"
}
