package iacgate.rules.encryption.aws_data_launch_template_ebs_test

import data.iacgate.lib.testing
import data.iacgate.rules.encryption.aws_data_launch_template_ebs as rule
import rego.v1

lt_cfn_resource(attributes) := object.union(testing.resource("aws_launch_template", attributes), {"format": "cloudformation"})

test_lt_encrypted_passes if {
	count(rule.deny) == 0 with input.resource as testing.resource(
		"aws_launch_template",
		{"block_device_mappings": [{"device_name": "/dev/sdf", "ebs": [{"encrypted": true}]}, {"device_name": "/dev/sdb", "virtual_name": "ephemeral0"}]},
	)
		with input.related as []
}

test_lt_without_mappings_passes if {
	count(rule.deny) == 0 with input.resource as testing.resource("aws_launch_template", {"image_id": "ami-1"})
		with input.related as []
}

test_lt_unencrypted_fails if {
	some result in rule.deny with input.resource as testing.resource(
		"aws_launch_template",
		{"block_device_mappings": [{"device_name": "/dev/sdf", "ebs": [{"encrypted": false}]}]},
	)
		with input.related as []
	result.path == ["block_device_mappings", 0, "ebs", 0, "encrypted"]
	contains(result.message, "/dev/sdf is not encrypted: encrypted is false, required true")
}

test_lt_cfn_not_set_fails if {
	some result in rule.deny with input.resource as lt_cfn_resource({"launch_template_data": {"block_device_mappings": [{"device_name": "/dev/sdg", "ebs": {"volume_size": 50}}]}})
		with input.related as []
	result.path == ["launch_template_data", "block_device_mappings", 0, "ebs", "encrypted"]
	contains(result.message, "encrypted is not set")
}
