# Unit tests of ENC-EC2-004 and ENC-EC2-005 (EC2 instance volumes) and of block devices restored from
# snapshots (issue 15 §3), which ENC-EC2-001..003 share.
package iacgate.rules.encryption.aws_rest_instance_test

import data.iacgate.lib.testing
import data.iacgate.rules.encryption.aws_data_ami_ebs
import data.iacgate.rules.encryption.aws_data_launch_template_ebs
import data.iacgate.rules.encryption.aws_rest_instance_cmk
import data.iacgate.rules.encryption.aws_rest_instance_ebs
import rego.v1

# Every test names local variables after `as` and overrides input.related only where a neighbour matters
# (see aws_rest_cmk_test.rego): regopy 1.5.2 compiled this file past the 4 GB a test file may use with
# function calls and `with input.related as []` written there.

rest_test_key := "arn:aws:kms:eu-west-1:482913057716:key/0f2b9c1e-7d4a-4c55-9a1b-3e8f6d2c4b71"

rest_test_instance(attributes) := testing.resource("aws_instance", object.union({"ami": "ami-1"}, attributes))

rest_test_cfn_instance(attributes) := object.union(rest_test_instance(attributes), {"format": "cloudformation"})

test_encrypted_devices_pass if {
	subject := rest_test_instance({
		"root_block_device": [{"encrypted": true}],
		"ebs_block_device": [{"device_name": "/dev/sdf", "encrypted": "true"}],
	})
	count(aws_rest_instance_ebs.deny) == 0 with input.resource as subject
}

test_unencrypted_root_fails if {
	subject := rest_test_instance({"root_block_device": [{"encrypted": false}]})
	some result in aws_rest_instance_ebs.deny with input.resource as subject
	result.path == ["root_block_device", 0, "encrypted"]
	not result.status
}

# The provider passes Encrypted only when true: a root_block_device without it has the AMI's encryption.
test_root_without_encrypted_is_undetermined if {
	subject := rest_test_instance({"root_block_device": [{"volume_size": 30}]})
	some result in aws_rest_instance_ebs.deny with input.resource as subject
	result.path == ["root_block_device", 0, "encrypted"]
	result.status == "undetermined"
}

test_root_without_encrypted_or_key_is_undetermined if {
	subject := rest_test_instance({"root_block_device": [{"volume_size": 30}]})
	some result in aws_rest_instance_cmk.deny with input.resource as subject
	result.path == ["root_block_device", 0, "kms_key_id"]
	result.status == "undetermined"
}

test_root_encrypted_without_key_fails if {
	subject := rest_test_instance({"root_block_device": [{"encrypted": true}]})
	some result in aws_rest_instance_cmk.deny with input.resource as subject
	result.path == ["root_block_device", 0, "kms_key_id"]
	not result.status
}

test_data_volume_unset_fails if {
	subject := rest_test_instance({
		"root_block_device": [{"encrypted": true}],
		"ebs_block_device": [{"device_name": "/dev/sdf"}],
	})
	some result in aws_rest_instance_ebs.deny with input.resource as subject
	result.path == ["ebs_block_device", 0, "encrypted"]
	contains(result.message, "/dev/sdf")
}

test_root_left_to_ami_is_undetermined if {
	subject := rest_test_instance({})
	some result in aws_rest_instance_ebs.deny with input.resource as subject
	result.status == "undetermined"
	result.path == ["root_block_device"]
	subject2 := rest_test_cfn_instance({})
	some cfn in aws_rest_instance_ebs.deny with input.resource as subject2
	cfn.path == ["block_device_mappings"]
}

test_volume_from_snapshot_is_undetermined if {
	subject := rest_test_instance({
		"root_block_device": [{"encrypted": true}],
		"ebs_block_device": [{"device_name": "/dev/sdf", "snapshot_id": "snap-1"}],
	})
	some result in aws_rest_instance_ebs.deny with input.resource as subject
	result.status == "undetermined"
}

test_volume_from_encrypted_snapshot_copy_passes if {
	subject := rest_test_instance({
		"root_block_device": [{"encrypted": true}],
		"ebs_block_device": [{"device_name": "/dev/sdf", "snapshot_id": testing.unknown}],
	})
	related := [rest_test_copy(true)]
	count(aws_rest_instance_ebs.deny) == 0 with input.resource as subject
		with input.related as related
	related2 := [rest_test_copy(false)]
	count(aws_rest_instance_ebs.deny) == 1 with input.resource as subject
		with input.related as related2
}

rest_test_copy(encrypted) := {
	"direction": "out", "edge": "reference", "attribute": "ebs_block_device",
	"resource": testing.resource("aws_ebs_snapshot_copy", {"encrypted": encrypted}),
}

test_cfn_mappings_are_judged if {
	subject := rest_test_cfn_instance({"block_device_mappings": [{"device_name": "/dev/xvda", "ebs": {"encrypted": false}}]})
	some result in aws_rest_instance_ebs.deny with input.resource as subject
	result.path == ["block_device_mappings", 0, "ebs", "encrypted"]
}

test_ami_and_launch_template_snapshot_devices_are_undetermined if {
	subject := testing.resource("aws_ami", {"ebs_block_device": [{"device_name": "/dev/xvda", "snapshot_id": "snap-1"}]})
	some ami in aws_data_ami_ebs.deny with input.resource as subject
	ami.status == "undetermined"
	subject2 := testing.resource("aws_launch_template", {"block_device_mappings": [{"device_name": "/dev/xvda", "ebs": [{"snapshot_id": "snap-1"}]}]})
	some template in aws_data_launch_template_ebs.deny with input.resource as subject2
	template.status == "undetermined"
}

test_cmk_devices_pass if {
	subject := rest_test_instance({"root_block_device": [{"encrypted": true, "kms_key_id": rest_test_key}]})
	count(aws_rest_instance_cmk.deny) == 0 with input.resource as subject
	subject2 := rest_test_instance({"root_block_device": [{"encrypted": true, "kms_key_id": testing.unknown}]})
	related := [testing.key_reference("root_block_device")]
	count(aws_rest_instance_cmk.deny) == 0 with input.resource as subject2
		with input.related as related
}

# A key from a variable without a value may be alias/aws/ebs: not a pass.
test_unknown_key_without_a_key_resource_is_not_a_pass if {
	subject := rest_test_instance({"root_block_device": [{"encrypted": true, "kms_key_id": testing.unknown}]})
	some result in aws_rest_instance_cmk.deny with input.resource as subject
	result.status == "undetermined"
}

test_default_or_aws_managed_key_fails if {
	subject := rest_test_instance({"root_block_device": [{"encrypted": true}]})
	some result in aws_rest_instance_cmk.deny with input.resource as subject
	result.path == ["root_block_device", 0, "kms_key_id"]
	subject2 := rest_test_instance({"root_block_device": [{"encrypted": true, "kms_key_id": "alias/aws/ebs"}]})
	count(aws_rest_instance_cmk.deny) == 1 with input.resource as subject2
}

test_cmk_from_aws_managed_data_source_fails if {
	subject := rest_test_instance({"root_block_device": [{"encrypted": true, "kms_key_id": testing.unknown}]})
	related := [{
		"direction": "out", "edge": "reference", "attribute": "root_block_device",
		"resource": object.union(testing.resource("aws_kms_key", {"key_id": "alias/aws/ebs"}), {"mode": "data", "id": "data.aws_kms_key.ebs"}),
	}]
	some result in aws_rest_instance_cmk.deny with input.resource as subject
		with input.related as related
	result.decided == true
}

test_cmk_snapshot_device_without_key_is_undetermined if {
	subject := rest_test_instance({
		"root_block_device": [{"encrypted": true, "kms_key_id": rest_test_key}],
		"ebs_block_device": [{"device_name": "/dev/sdf", "snapshot_id": "snap-1"}],
	})
	some result in aws_rest_instance_cmk.deny with input.resource as subject
	result.status == "undetermined"
}

test_unknown_root_device_is_not_a_pass if {
	subject := rest_test_instance({"root_block_device": testing.unknown})
	some result in aws_rest_instance_cmk.deny with input.resource as subject
	result.path == ["root_block_device"]
}

# ebs_block_device unknown as a whole (a variable, a dynamic block over one): one undetermined finding at the
# unknown value, never a failure at ebs_block_device.kms_key_id as if the device had no key.
test_unknown_data_devices_are_undetermined_not_failed if {
	subject := rest_test_instance({
		"root_block_device": [{"encrypted": true, "kms_key_id": rest_test_key}],
		"ebs_block_device": testing.unknown,
	})
	results := aws_rest_instance_cmk.deny with input.resource as subject
	count(results) == 1
	some result in results
	result.path == ["ebs_block_device"]
	not result.decided
}

# A device_name unknown until apply (a variable; a plan's computed root device name) is shown, not
# concatenated: concat on the unknown marker raised an error and the scan exited 3.
test_device_name_unknown_is_shown if {
	subject := rest_test_instance({
		"root_block_device": [{"encrypted": true, "device_name": testing.unknown}],
		"ebs_block_device": [{"device_name": testing.unknown, "encrypted": false}],
	})
	some result in aws_rest_instance_ebs.deny with input.resource as subject
	result.path == ["ebs_block_device", 0, "encrypted"]
	contains(result.message, "block device whose device_name is unknown until apply is not encrypted")
}

test_device_name_unknown_is_shown_in_key_findings if {
	subject := rest_test_instance({
		"root_block_device": [{"encrypted": true, "kms_key_id": rest_test_key}],
		"ebs_block_device": [{"device_name": testing.unknown, "encrypted": true}],
	})
	some result in aws_rest_instance_cmk.deny with input.resource as subject
	result.path == ["ebs_block_device", 0, "kms_key_id"]
	contains(result.message, "kms_key_id of block device whose device_name is unknown until apply is not set")
}
