package iacgate.rules.audit_logging.aws_audit_apigatewayv2_route_logging_test

import data.iacgate.lib.testing
import data.iacgate.rules.audit_logging.aws_audit_apigatewayv2_route_logging
import rego.v1

api(protocol) := {"direction": "out", "edge": "reference", "attribute": "api_id", "resource": object.union(testing.resource("aws_apigatewayv2_api", {"protocol_type": protocol}), {"id": "aws_apigatewayv2_api.chat"})}

stage(attributes) := testing.resource("aws_apigatewayv2_stage", attributes)

test_websocket_info_passes if {
	count(aws_audit_apigatewayv2_route_logging.deny) == 0 with input.resource as stage({"default_route_settings": [{"logging_level": "INFO"}]})
		with input.related as [api("WEBSOCKET")]
}

test_websocket_without_settings_fails if {
	some result in aws_audit_apigatewayv2_route_logging.deny with input.resource as stage({"name": "prod"})
		with input.related as [api("WEBSOCKET")]
	result.path == ["default_route_settings"]
}

test_websocket_off_fails if {
	some result in aws_audit_apigatewayv2_route_logging.deny with input.resource as stage({"default_route_settings": {"logging_level": "OFF"}})
		with input.related as [api("WEBSOCKET")]
	result.path == ["default_route_settings", "logging_level"]
	result.message == "WebSocket stage logs no route execution: default_route_settings.logging_level is OFF, required ERROR or INFO"
}

test_http_api_stage_is_not_judged if {
	aws_audit_apigatewayv2_route_logging.deny == {{"not_applicable": true}} with input.resource as stage({"name": "prod"})
		with input.related as [api("HTTP")]
}

test_unknown_level_is_reported_at_its_path if {
	some result in aws_audit_apigatewayv2_route_logging.deny with input.resource as stage({"default_route_settings": [{"logging_level": testing.unknown}]})
		with input.related as [api("WEBSOCKET")]
	result.path == ["default_route_settings", 0, "logging_level"]
}
