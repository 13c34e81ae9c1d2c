package iacgate.rules.audit_logging.aws_audit_apigateway_deployment_stage_test

import data.iacgate.lib.testing
import data.iacgate.rules.audit_logging.aws_audit_apigateway_deployment_stage
import rego.v1

deployment(format, attributes) := object.union(testing.resource("aws_api_gateway_deployment", attributes), {"format": format})

test_deployment_without_stage_is_not_judged if {
	aws_audit_apigateway_deployment_stage.deny == {{"not_applicable": true}} with input.resource as deployment("terraform", {"rest_api_id": "abc"})
		with input.related as []
}

test_terraform_stage_name_fails if {
	some result in aws_audit_apigateway_deployment_stage.deny with input.resource as deployment("terraform", {"rest_api_id": "abc", "stage_name": "prod"})
		with input.related as []
	result.path == ["stage_name"]
}

test_cloudformation_stage_with_access_logs_passes if {
	count(aws_audit_apigateway_deployment_stage.deny) == 0 with input.resource as deployment("cloudformation", {"stage_name": "prod", "stage_description": {"access_log_setting": {"destination_arn": "arn:aws:logs:eu-west-1:1:log-group:api"}}})
		with input.related as []
}

test_cloudformation_stage_without_access_logs_fails if {
	some result in aws_audit_apigateway_deployment_stage.deny with input.resource as deployment("cloudformation", {"stage_name": "prod", "stage_description": {"logging_level": "INFO"}})
		with input.related as []
	result.path == ["stage_description"]
}

test_unknown_stage_name_is_reported_at_its_path if {
	some result in aws_audit_apigateway_deployment_stage.deny with input.resource as deployment("terraform", {"stage_name": testing.unknown})
		with input.related as []
	result.path == ["stage_name"]
}
