# ENC-EBS-004: EBS volumes are encrypted with a customer-managed KMS key.
package iacgate.rules.encryption.aws_rest_ebs_volume_cmk

import data.iacgate.lib.aws_rest
import rego.v1

# A volume created from a snapshot without kms_key_id takes the key of the snapshot when it is encrypted
# (EBS User Guide, "Encryption by default" and CreateVolume KmsKeyId), which the scanned configuration
# does not show: undetermined, as ENC-EBS-001 judges it.
deny contains violation if {
	some violation in aws_rest.rest_cmk_attr_or_source("kms_key_id", ["snapshot_id"], "EBS volume")
}
