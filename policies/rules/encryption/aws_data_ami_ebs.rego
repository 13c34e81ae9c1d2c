# ENC-EC2-003: AMIs register encrypted EBS snapshots only.
package iacgate.rules.encryption.aws_data_ami_ebs

import data.iacgate.lib
import data.iacgate.lib.aws_data
import rego.v1

deny contains violation if {
	devices := aws_data.data_flat_ebs(lib.attr("ebs_block_device"), ["ebs_block_device"], "")
	some violation in aws_data.data_unencrypted_devices(devices, "AMI")
}
