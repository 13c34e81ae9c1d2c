# LOG-APIGATEWAY-003: WebSocket API stages log route execution (default_route_settings.logging_level).
package iacgate.rules.audit_logging.aws_audit_apigatewayv2_route_logging

import data.iacgate.lib
import rego.v1

# Execution logging (logging_level ERROR or INFO) exists for WebSocket APIs only; HTTP APIs have access
# logs alone (LOG-APIGATEWAY-001). The API is the aws_apigatewayv2_api the stage names in api_id. A stage
# whose API is not in the scan, or whose protocol is unknown, cannot be told apart: not judged.
apis := lib.referenced("aws_apigatewayv2_api")

protocol := object.get(apis[0].attributes, "protocol_type", null) if count(apis) > 0

websocket if {
	is_string(protocol)
	upper(protocol) == "WEBSOCKET"
}

deny contains {"not_applicable": true} if not websocket

settings_value := lib.attr("default_route_settings")

settings := lib.blocks(settings_value)[0] if {
	count(lib.blocks(settings_value)) > 0
} else := {}

level := object.get(settings, "logging_level", null)

aws_audit_apigwv2_index := [] if {
	is_object(settings_value)
} else := [0]

level_text := upper(level) if {
	is_string(level)
} else := ""

deny contains lib.violation(lib.missing_block_path("default_route_settings"), msg) if {
	websocket
	count(lib.blocks(settings_value)) == 0
	not lib.is_unknown(settings_value)
	msg := "WebSocket stage logs no route execution: default_route_settings is not set, required logging_level ERROR or INFO"
}

deny contains lib.violation(array.concat(array.concat(["default_route_settings"], aws_audit_apigwv2_index), ["logging_level"]), msg) if {
	websocket
	count(lib.blocks(settings_value)) > 0
	not level_text in {"ERROR", "INFO"}
	msg := concat("", ["WebSocket stage logs no route execution: default_route_settings.logging_level is ", lib.show(level), ", required ERROR or INFO"])
}

deny contains lib.violation(["default_route_settings"], msg) if {
	websocket
	lib.is_unknown(settings_value)
	msg := "WebSocket stage may log no route execution: default_route_settings is unknown until apply, required logging_level ERROR or INFO"
}
