# ENC-EC2-004: EC2 instances encrypt their root and EBS volumes.
package iacgate.rules.encryption.aws_rest_instance_ebs

import data.iacgate.lib
import data.iacgate.lib.aws_data
import data.iacgate.lib.aws_rest
import rego.v1

deny contains violation if {
	some violation in aws_data.data_unencrypted_devices(aws_rest.rest_instance_devices, "EC2 instance")
}

# No root volume settings: the volume is created from the AMI's snapshot, whose encryption the
# configuration does not show.
deny contains lib.undetermined(aws_rest.rest_instance_root_path, msg) if {
	aws_rest.rest_instance_root_from_ami
	msg := concat("", [
		"EC2 instance root volume takes its encryption from the AMI's snapshot, which the scanned configuration",
		" does not show: ", aws_rest.rest_instance_root_text, " is not set, required a root device with encrypted = true",
	])
}
