package iacgate.rules.encryption.aws_data_ami_ebs_test

import data.iacgate.lib.testing
import data.iacgate.rules.encryption.aws_data_ami_ebs as rule
import rego.v1

test_ami_encrypted_passes if {
	count(rule.deny) == 0 with input.resource as testing.resource("aws_ami", {"ebs_block_device": [{"device_name": "/dev/xvda", "encrypted": true}]})
		with input.related as []
}

test_ami_unencrypted_fails if {
	some result in rule.deny with input.resource as testing.resource("aws_ami", {"ebs_block_device": [{"device_name": "/dev/xvda", "encrypted": false}]})
		with input.related as []
	result.path == ["ebs_block_device", 0, "encrypted"]
	contains(result.message, "AMI block device /dev/xvda is not encrypted: encrypted is false")
}
