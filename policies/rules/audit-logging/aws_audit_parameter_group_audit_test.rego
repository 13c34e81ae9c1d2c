package iacgate.rules.audit_logging.aws_audit_parameter_group_audit_test

import data.iacgate.lib.testing
import data.iacgate.rules.audit_logging.aws_audit_parameter_group_audit
import rego.v1

test_redshift_user_activity_on_passes if {
	count(aws_audit_parameter_group_audit.deny) == 0 with input.resource as testing.resource("aws_redshift_parameter_group", {"parameter": [{"name": "require_ssl", "value": "true"}, {"name": "enable_user_activity_logging", "value": "true"}]})
		with input.related as []
}

test_redshift_cloudformation_list_passes if {
	count(aws_audit_parameter_group_audit.deny) == 0 with input.resource as testing.resource("aws_redshift_parameter_group", {"parameters": [{"parameter_name": "enable_user_activity_logging", "parameter_value": "true"}]})
		with input.related as []
}

test_redshift_without_the_parameter_fails if {
	some result in aws_audit_parameter_group_audit.deny with input.resource as testing.resource("aws_redshift_parameter_group", {"parameter": [{"name": "require_ssl", "value": "true"}]})
		with input.related as []
	result.message == "parameter group leaves audit logging off: parameter enable_user_activity_logging is not set, required true"
}

test_docdb_map_enabled_passes if {
	count(aws_audit_parameter_group_audit.deny) == 0 with input.resource as testing.resource("aws_docdb_cluster_parameter_group", {"parameters": {"audit_logs": "enabled", "tls": "enabled"}})
		with input.related as []
}

test_docdb_disabled_fails if {
	some result in aws_audit_parameter_group_audit.deny with input.resource as testing.resource("aws_docdb_cluster_parameter_group", {"parameter": [{"name": "audit_logs", "value": "disabled"}]})
		with input.related as []
	result.path == ["parameter", 0, "value"]
}

test_neptune_one_passes if {
	count(aws_audit_parameter_group_audit.deny) == 0 with input.resource as testing.resource("aws_neptune_cluster_parameter_group", {"parameter": [{"name": "neptune_enable_audit_log", "value": "1"}]})
		with input.related as []
}

test_neptune_zero_fails if {
	count(aws_audit_parameter_group_audit.deny) == 1 with input.resource as testing.resource("aws_neptune_cluster_parameter_group", {"parameters": {"neptune_enable_audit_log": 0}})
		with input.related as []
}

test_unknown_value_is_reported_at_its_path if {
	some result in aws_audit_parameter_group_audit.deny with input.resource as testing.resource("aws_neptune_cluster_parameter_group", {"parameter": [{"name": "neptune_enable_audit_log", "value": testing.unknown}]})
		with input.related as []
	result.path == ["parameter", 0, "value"]
}

test_redshift_cloudformation_verbatim_names_pass if {
	count(aws_audit_parameter_group_audit.deny) == 0 with input.resource as testing.resource("aws_redshift_parameter_group", {"parameters": [{"ParameterName": "enable_user_activity_logging", "ParameterValue": "true"}]})
		with input.related as []
}
