package iacgate.rules.audit_logging.aws_log_api_stage_access_logs_test

import data.iacgate.lib.testing
import data.iacgate.rules.audit_logging.aws_log_api_stage_access_logs
import rego.v1

log_stage_subject(type_name, attributes) := testing.resource(type_name, attributes)

test_rest_stage_with_access_logs_passes if {
	count(aws_log_api_stage_access_logs.deny) == 0 with input.resource as log_stage_subject("aws_api_gateway_stage", {"access_log_settings": [{"destination_arn": "arn:aws:logs:eu-west-1:1:log-group:api", "format": "$context.requestId"}]})
		with input.related as []
}

test_http_stage_pulumi_object_passes if {
	count(aws_log_api_stage_access_logs.deny) == 0 with input.resource as log_stage_subject("aws_apigatewayv2_stage", {"access_log_settings": {"destination_arn": testing.unknown, "format": "$context.requestId"}})
		with input.related as []
}

test_stage_without_access_logs_fails if {
	some result in aws_log_api_stage_access_logs.deny with input.resource as log_stage_subject("aws_api_gateway_stage", {"stage_name": "prod"})
		with input.related as []
	result.path == ["access_log_settings"]
}

test_stage_without_destination_fails if {
	some result in aws_log_api_stage_access_logs.deny with input.resource as log_stage_subject("aws_apigatewayv2_stage", {"access_log_settings": [{"format": "$context.requestId"}]})
		with input.related as []
	result.path == ["access_log_settings", 0, "destination_arn"]
	result.message == "API Gateway stage writes no access logs: access_log_settings.destination_arn is not set, required a log group or Firehose ARN"
}
