# Unit tests of ENC-EC2-004 and ENC-EC2-005 (EC2 instance volumes) and of block devices restored from
# snapshots (issue 15 §3), which ENC-EC2-001..003 share.
package iacgate.rules.encryption.aws_rest_instance_test

import data.iacgate.lib.testing
import data.iacgate.rules.encryption.aws_data_ami_ebs
import data.iacgate.rules.encryption.aws_data_launch_template_ebs
import data.iacgate.rules.encryption.aws_rest_instance_cmk
import data.iacgate.rules.encryption.aws_rest_instance_ebs
import rego.v1

rest_test_key := "arn:aws:kms:eu-west-1:482913057716:key/0f2b9c1e-7d4a-4c55-9a1b-3e8f6d2c4b71"

rest_test_instance(attributes) := testing.resource("aws_instance", object.union({"ami": "ami-1"}, attributes))

rest_test_cfn_instance(attributes) := object.union(rest_test_instance(attributes), {"format": "cloudformation"})

test_encrypted_devices_pass if {
	count(aws_rest_instance_ebs.deny) == 0 with input.resource as rest_test_instance({
		"root_block_device": [{"encrypted": true}],
		"ebs_block_device": [{"device_name": "/dev/sdf", "encrypted": "true"}],
	})
		with input.related as []
}

test_unencrypted_root_fails if {
	some result in aws_rest_instance_ebs.deny with input.resource as rest_test_instance({"root_block_device": [{"encrypted": false}]})
		with input.related as []
	result.path == ["root_block_device", 0, "encrypted"]
	not result.status
}

# The provider passes Encrypted only when true: a root_block_device without it has the AMI's encryption.
test_root_without_encrypted_is_undetermined if {
	some result in aws_rest_instance_ebs.deny with input.resource as rest_test_instance({"root_block_device": [{"volume_size": 30}]})
		with input.related as []
	result.path == ["root_block_device", 0, "encrypted"]
	result.status == "undetermined"
}

test_root_without_encrypted_or_key_is_undetermined if {
	some result in aws_rest_instance_cmk.deny with input.resource as rest_test_instance({"root_block_device": [{"volume_size": 30}]})
		with input.related as []
	result.path == ["root_block_device", 0, "kms_key_id"]
	result.status == "undetermined"
}

test_root_encrypted_without_key_fails if {
	some result in aws_rest_instance_cmk.deny with input.resource as rest_test_instance({"root_block_device": [{"encrypted": true}]})
		with input.related as []
	result.path == ["root_block_device", 0, "kms_key_id"]
	not result.status
}

test_data_volume_unset_fails if {
	some result in aws_rest_instance_ebs.deny with input.resource as rest_test_instance({
		"root_block_device": [{"encrypted": true}],
		"ebs_block_device": [{"device_name": "/dev/sdf"}],
	})
		with input.related as []
	result.path == ["ebs_block_device", 0, "encrypted"]
	contains(result.message, "/dev/sdf")
}

test_root_left_to_ami_is_undetermined if {
	some result in aws_rest_instance_ebs.deny with input.resource as rest_test_instance({})
		with input.related as []
	result.status == "undetermined"
	result.path == ["root_block_device"]
	some cfn in aws_rest_instance_ebs.deny with input.resource as rest_test_cfn_instance({})
		with input.related as []
	cfn.path == ["block_device_mappings"]
}

test_volume_from_snapshot_is_undetermined if {
	some result in aws_rest_instance_ebs.deny with input.resource as rest_test_instance({
		"root_block_device": [{"encrypted": true}],
		"ebs_block_device": [{"device_name": "/dev/sdf", "snapshot_id": "snap-1"}],
	})
		with input.related as []
	result.status == "undetermined"
}

test_volume_from_encrypted_snapshot_copy_passes if {
	count(aws_rest_instance_ebs.deny) == 0 with input.resource as rest_test_instance({
		"root_block_device": [{"encrypted": true}],
		"ebs_block_device": [{"device_name": "/dev/sdf", "snapshot_id": testing.unknown}],
	})
		with input.related as [rest_test_copy(true)]
	count(aws_rest_instance_ebs.deny) == 1 with input.resource as rest_test_instance({
		"root_block_device": [{"encrypted": true}],
		"ebs_block_device": [{"device_name": "/dev/sdf", "snapshot_id": testing.unknown}],
	})
		with input.related as [rest_test_copy(false)]
}

rest_test_copy(encrypted) := {
	"direction": "out", "edge": "reference", "attribute": "ebs_block_device",
	"resource": testing.resource("aws_ebs_snapshot_copy", {"encrypted": encrypted}),
}

test_cfn_mappings_are_judged if {
	some result in aws_rest_instance_ebs.deny with input.resource as rest_test_cfn_instance({"block_device_mappings": [{"device_name": "/dev/xvda", "ebs": {"encrypted": false}}]})
		with input.related as []
	result.path == ["block_device_mappings", 0, "ebs", "encrypted"]
}

test_ami_and_launch_template_snapshot_devices_are_undetermined if {
	some ami in aws_data_ami_ebs.deny with input.resource as testing.resource("aws_ami", {"ebs_block_device": [{"device_name": "/dev/xvda", "snapshot_id": "snap-1"}]})
		with input.related as []
	ami.status == "undetermined"
	some template in aws_data_launch_template_ebs.deny with input.resource as testing.resource("aws_launch_template", {"block_device_mappings": [{"device_name": "/dev/xvda", "ebs": [{"snapshot_id": "snap-1"}]}]})
		with input.related as []
	template.status == "undetermined"
}

test_cmk_devices_pass if {
	count(aws_rest_instance_cmk.deny) == 0 with input.resource as rest_test_instance({"root_block_device": [{"encrypted": true, "kms_key_id": rest_test_key}]})
		with input.related as []
	count(aws_rest_instance_cmk.deny) == 0 with input.resource as rest_test_instance({"root_block_device": [{"encrypted": true, "kms_key_id": testing.unknown}]})
		with input.related as [testing.key_reference("root_block_device")]
}

# A key from a variable without a value may be alias/aws/ebs: not a pass.
test_unknown_key_without_a_key_resource_is_not_a_pass if {
	some result in aws_rest_instance_cmk.deny with input.resource as rest_test_instance({"root_block_device": [{"encrypted": true, "kms_key_id": testing.unknown}]})
		with input.related as []
	result.status == "undetermined"
}

test_default_or_aws_managed_key_fails if {
	some result in aws_rest_instance_cmk.deny with input.resource as rest_test_instance({"root_block_device": [{"encrypted": true}]})
		with input.related as []
	result.path == ["root_block_device", 0, "kms_key_id"]
	count(aws_rest_instance_cmk.deny) == 1 with input.resource as rest_test_instance({"root_block_device": [{"encrypted": true, "kms_key_id": "alias/aws/ebs"}]})
		with input.related as []
}

test_cmk_from_aws_managed_data_source_fails if {
	some result in aws_rest_instance_cmk.deny with input.resource as rest_test_instance({"root_block_device": [{"encrypted": true, "kms_key_id": testing.unknown}]})
		with input.related as [{
			"direction": "out", "edge": "reference", "attribute": "root_block_device",
			"resource": object.union(testing.resource("aws_kms_key", {"key_id": "alias/aws/ebs"}), {"mode": "data", "id": "data.aws_kms_key.ebs"}),
		}]
	result.decided == true
}

test_cmk_snapshot_device_without_key_is_undetermined if {
	some result in aws_rest_instance_cmk.deny with input.resource as rest_test_instance({
		"root_block_device": [{"encrypted": true, "kms_key_id": rest_test_key}],
		"ebs_block_device": [{"device_name": "/dev/sdf", "snapshot_id": "snap-1"}],
	})
		with input.related as []
	result.status == "undetermined"
}

test_unknown_root_device_is_not_a_pass if {
	some result in aws_rest_instance_cmk.deny with input.resource as rest_test_instance({"root_block_device": testing.unknown})
		with input.related as []
	result.path == ["root_block_device"]
}

# ebs_block_device unknown as a whole (a variable, a dynamic block over one): one undetermined finding at the
# unknown value, never a failure at ebs_block_device.kms_key_id as if the device had no key.
test_unknown_data_devices_are_undetermined_not_failed if {
	results := aws_rest_instance_cmk.deny with input.resource as rest_test_instance({
		"root_block_device": [{"encrypted": true, "kms_key_id": rest_test_key}],
		"ebs_block_device": testing.unknown,
	})
		with input.related as []
	count(results) == 1
	some result in results
	result.path == ["ebs_block_device"]
	not result.decided
}

# A device_name unknown until apply (a variable; a plan's computed root device name) is shown, not
# concatenated: concat on the unknown marker raised an error and the scan exited 3.
test_device_name_unknown_is_shown if {
	some result in aws_rest_instance_ebs.deny with input.resource as rest_test_instance({
		"root_block_device": [{"encrypted": true, "device_name": testing.unknown}],
		"ebs_block_device": [{"device_name": testing.unknown, "encrypted": false}],
	})
		with input.related as []
	result.path == ["ebs_block_device", 0, "encrypted"]
	contains(result.message, "block device whose device_name is unknown until apply is not encrypted")
}

test_device_name_unknown_is_shown_in_key_findings if {
	some result in aws_rest_instance_cmk.deny with input.resource as rest_test_instance({
		"root_block_device": [{"encrypted": true, "kms_key_id": rest_test_key}],
		"ebs_block_device": [{"device_name": testing.unknown, "encrypted": true}],
	})
		with input.related as []
	result.path == ["ebs_block_device", 0, "kms_key_id"]
	contains(result.message, "kms_key_id of block device whose device_name is unknown until apply is not set")
}
