# LOG-APIGATEWAY-004: a stage created by an API Gateway deployment writes access logs.
package iacgate.rules.audit_logging.aws_audit_apigateway_deployment_stage

import data.iacgate.lib
import rego.v1

# A deployment with stage_name (CloudFormation StageName) creates that stage itself. Terraform and Pulumi
# cannot give such a stage access logs (only an aws_api_gateway_stage can); CloudFormation can, through
# StageDescription.AccessLogSetting. A deployment without stage_name creates no stage: not judged.
stage_name := lib.attr("stage_name")

deny contains {"not_applicable": true} if not lib.is_set(stage_name)

description := lib.attr("stage_description")

aws_audit_deployment_access_logs if {
	is_object(description)
	not lib.is_unknown(description)
	some setting in lib.blocks(object.get(description, "access_log_setting", null))
	lib.is_set(object.get(setting, "destination_arn", null))
}

deny contains lib.violation(["stage_name"], msg) if {
	input.resource.format != "cloudformation"
	lib.is_set(stage_name)
	msg := concat("", [
		"deployment creates stage ", lib.show(stage_name), " without access logs: stage_name is ", lib.show(stage_name),
		", required an aws_api_gateway_stage with access_log_settings instead",
	])
}

deny contains lib.violation(["stage_description"], msg) if {
	input.resource.format == "cloudformation"
	lib.is_set(stage_name)
	not aws_audit_deployment_access_logs
	msg := concat("", [
		"deployment creates stage ", lib.show(stage_name), " without access logs: ",
		"stage_description.access_log_setting.destination_arn is not set, required a log destination",
	])
}
