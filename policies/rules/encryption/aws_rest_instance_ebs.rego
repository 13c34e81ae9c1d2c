# ENC-EC2-004: EC2 instances encrypt their root and EBS volumes.
package iacgate.rules.encryption.aws_rest_instance_ebs

import data.iacgate.lib
import data.iacgate.lib.aws_data
import data.iacgate.lib.aws_rest
import rego.v1

deny contains violation if {
	devices := [device | some device in aws_rest.rest_instance_devices; not aws_rest.rest_root_left_to_ami(device)]
	some violation in aws_data.data_unencrypted_devices(devices, "EC2 instance")
}

# A root_block_device without encrypted: the root volume takes the AMI snapshot's encryption.
deny contains lib.undetermined(array.concat(device.path, ["encrypted"]), msg) if {
	some device in aws_rest.rest_instance_devices
	aws_rest.rest_root_left_to_ami(device)
	msg := concat("", [
		"EC2 instance root volume takes its encryption from the AMI's snapshot, which the scanned configuration",
		" does not show: encrypted of root_block_device is not set, required true",
	])
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
