package iacgate.rules.encryption.aws_data_launch_configuration_ebs_test

import data.iacgate.lib.testing
import data.iacgate.rules.encryption.aws_data_launch_configuration_ebs as rule
import rego.v1

lc_cfn_resource(attributes) := object.union(testing.resource("aws_launch_configuration", attributes), {"format": "cloudformation"})

test_lc_encrypted_passes if {
	count(rule.deny) == 0 with input.resource as testing.resource(
		"aws_launch_configuration",
		{"root_block_device": [{"encrypted": true}], "ebs_block_device": [{"device_name": "/dev/sdf", "encrypted": true}]},
	)
		with input.related as []
}

test_lc_root_unencrypted_fails if {
	some result in rule.deny with input.resource as testing.resource(
		"aws_launch_configuration",
		{"root_block_device": [{"encrypted": false}]},
	)
		with input.related as []
	result.path == ["root_block_device", 0, "encrypted"]
	contains(result.message, "block device root is not encrypted")
}

test_lc_pulumi_shape_extra_not_set_fails if {
	some result in rule.deny with input.resource as testing.resource(
		"aws_launch_configuration",
		{"root_block_device": {"encrypted": true}, "ebs_block_device": [{"device_name": "/dev/sdf"}]},
	)
		with input.related as []
	result.path == ["ebs_block_device", 0, "encrypted"]
}

test_lc_cfn_mapping_fails if {
	some result in rule.deny with input.resource as lc_cfn_resource({"block_device_mappings": [{"device_name": "/dev/xvda", "ebs": {"encrypted": "false"}}]})
		with input.related as []
	result.path == ["block_device_mappings", 0, "ebs", "encrypted"]
}
