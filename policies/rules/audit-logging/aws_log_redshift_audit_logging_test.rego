package iacgate.rules.audit_logging.aws_log_redshift_audit_logging_test

import data.iacgate.lib.testing
import data.iacgate.rules.audit_logging.aws_log_redshift_audit_logging
import rego.v1

log_redshift_subject(attributes) := testing.resource("aws_redshift_cluster", attributes)

test_inline_logging_passes if {
	count(aws_log_redshift_audit_logging.deny) == 0 with input.resource as log_redshift_subject({"logging": [{"enable": true, "bucket_name": "logs"}]})
		with input.related as []
}

test_separate_logging_resource_passes if {
	count(aws_log_redshift_audit_logging.deny) == 0 with input.resource as log_redshift_subject({"cluster_identifier": "dw"})
		with input.related as [testing.referrer("aws_redshift_logging", "cluster_identifier", {"log_destination_type": "cloudwatch"})]
}

test_disabled_logging_fails if {
	some result in aws_log_redshift_audit_logging.deny with input.resource as log_redshift_subject({"logging": [{"enable": false}]})
		with input.related as []
	result.path == ["logging", 0, "enable"]
	result.message == "Redshift cluster has no audit logging: logging.enable is false, required true (or an aws_redshift_logging for the cluster)"
}

test_missing_logging_fails if {
	some result in aws_log_redshift_audit_logging.deny with input.resource as log_redshift_subject({"cluster_identifier": "dw"})
		with input.related as []
	result.path == ["logging"]
}

test_cloudformation_logging_properties_pass if {
	count(aws_log_redshift_audit_logging.deny) == 0 with input.resource as object.union(log_redshift_subject({"logging": {"log_destination_type": "cloudwatch", "log_exports": ["userlog"]}}), {"format": "cloudformation"})
		with input.related as []
}
