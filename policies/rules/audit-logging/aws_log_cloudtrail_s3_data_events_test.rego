package iacgate.rules.audit_logging.aws_log_cloudtrail_s3_data_events_test

import data.iacgate.lib.testing
import data.iacgate.rules.audit_logging.aws_log_cloudtrail_s3_data_events
import rego.v1

log_trail_subject(attributes) := testing.resource("aws_cloudtrail", attributes)

test_s3_data_resource_passes if {
	count(aws_log_cloudtrail_s3_data_events.deny) == 0 with input.resource as log_trail_subject({"event_selector": [{"data_resource": [{"type": "AWS::S3::Object", "values": ["arn:aws:s3"]}]}]})
		with input.related as []
}

test_advanced_selector_passes if {
	count(aws_log_cloudtrail_s3_data_events.deny) == 0 with input.resource as log_trail_subject({"advanced_event_selector": [{"field_selector": [{"field": "eventCategory", "equals": ["Data"]}, {"field": "resources.type", "equals": ["AWS::S3::Object"]}]}]})
		with input.related as []
}

test_cloudformation_plural_names_pass if {
	count(aws_log_cloudtrail_s3_data_events.deny) == 0 with input.resource as object.union(log_trail_subject({"event_selectors": [{"data_resources": [{"type": "AWS::S3::Object", "values": ["arn:aws:s3:::ledger/"]}]}]}), {"format": "cloudformation"})
		with input.related as []
}

test_management_events_only_fail if {
	some result in aws_log_cloudtrail_s3_data_events.deny with input.resource as log_trail_subject({"name": "org"})
		with input.related as []
	result.path == ["event_selector"]
}

test_lambda_data_events_only_fail if {
	count(aws_log_cloudtrail_s3_data_events.deny) == 1 with input.resource as log_trail_subject({"event_selector": [{"data_resource": [{"type": "AWS::Lambda::Function", "values": ["arn:aws:lambda"]}]}]})
		with input.related as []
}

test_advanced_selector_for_dynamodb_fails if {
	count(aws_log_cloudtrail_s3_data_events.deny) == 1 with input.resource as log_trail_subject({"advanced_event_selector": [{"field_selector": [{"field": "resources.type", "equals": ["AWS::DynamoDB::Table"]}]}]})
		with input.related as []
}
