# ENC-EC2-007: AMI copies are encrypted with a customer-managed KMS key.
package iacgate.rules.encryption.aws_rest_ami_copy_cmk

import data.iacgate.lib.aws_rest
import rego.v1

# Without kms_key_id, CopyImage encrypts the copy with the account's default EBS key (normally the
# AWS-managed aws/ebs), whatever the source AMI's key; a copy of an unencrypted AMI without encrypted = true
# stays unencrypted. Neither is a customer-managed key. A plan shows kms_key_id unknown until apply when
# the configuration leaves it out (optional and computed): it is read as not set there too.
deny contains violation if {
	some violation in aws_rest.rest_cmk_attr("kms_key_id", "AMI copy")
}
