# ENC-SAGEMAKER-005: SageMaker data-quality monitoring jobs encrypt their output and processing volumes with
# customer-managed KMS keys.
package iacgate.rules.encryption.aws_rest_sagemaker_data_quality_cmk

import data.iacgate.lib.aws_data
import data.iacgate.lib.aws_rest
import rego.v1

subject := "SageMaker data-quality job definition"

# The monitoring reports: data_quality_job_output_config.kms_key_id.
deny contains violation if {
	some violation in aws_rest.rest_cmk_nested("data_quality_job_output_config", "kms_key_id", subject)
}

# The processing instances' storage volume: job_resources.cluster_config.volume_kms_key_id.
deny contains violation if {
	setting := aws_data.data_subsetting("job_resources", "cluster_config", "volume_kms_key_id")
	some violation in aws_rest.rest_cmk_findings(
		"job_resources", setting.path, setting.value, "job_resources.cluster_config.volume_kms_key_id", subject,
	)
}
