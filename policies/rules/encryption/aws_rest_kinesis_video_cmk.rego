# ENC-KINESISVIDEO-001: Kinesis video streams encrypt media with a customer-managed KMS key.
package iacgate.rules.encryption.aws_rest_kinesis_video_cmk

import data.iacgate.lib.aws_rest
import rego.v1

deny contains violation if {
	some violation in aws_rest.rest_cmk_attr("kms_key_id", "Kinesis video stream")
}
