package iacgate.rules.audit_logging.log_group_retention_test

import data.iacgate.lib.testing
import data.iacgate.rules.audit_logging.log_group_retention
import rego.v1

group(days) := testing.resource("aws_cloudwatch_log_group", {"retention_in_days": days})

test_a_year_passes if {
	count(log_group_retention.deny) == 0 with input.resource as group(365)
		with input.related as []
		with input.settings as {}
}

test_never_expire_passes if {
	count(log_group_retention.deny) == 0 with input.resource as group(0)
		with input.related as []
		with input.settings as {}
}

test_thirty_days_fails if {
	some result in log_group_retention.deny with input.resource as group(30)
		with input.related as []
		with input.settings as {}
	result.path == ["retention_in_days"]
	result.message == "log group keeps events for 30 days: retention_in_days is 30, required at least 365 days (or 0, never expire)"
}

test_minimum_is_configurable if {
	count(log_group_retention.deny) == 0 with input.resource as group("90")
		with input.related as []
		with input.settings as {"min_log_retention_days": 90}
}

test_left_out_never_expires_and_passes if {
	count(log_group_retention.deny) == 0 with input.resource as testing.resource("aws_cloudwatch_log_group", {})
		with input.related as []
		with input.settings as {}
}

# Issue 16 §2: a retention unknown until apply is judged at its path (the engine says undetermined).
test_unknown_retention_is_reported_at_its_path if {
	some result in log_group_retention.deny with input.resource as group({"__unknown__": "variable 'days' has no value"})
		with input.related as []
		with input.settings as {}
	result.path == ["retention_in_days"]
}

test_string_days_below_the_setting_fail if {
	some result in log_group_retention.deny with input.resource as group("180")
		with input.related as []
		with input.settings as {"min_log_retention_days": 400}
	result.message == "log group keeps events for 180 days: retention_in_days is 180, required at least 400 days (or 0, never expire)"
}

test_a_delivery_class_group_is_not_judged if {
	every class in ["DELIVERY", "delivery"] {
		log_group_retention.deny == {{"not_applicable": true}} with input.resource as testing.resource(
			"aws_cloudwatch_log_group",
			{"retention_in_days": 2, "log_group_class": class},
		)
			with input.related as []
			with input.settings as {}
	}
}

test_an_infrequent_access_group_is_judged if {
	count(log_group_retention.deny) == 1 with input.resource as testing.resource(
		"aws_cloudwatch_log_group",
		{"retention_in_days": 30, "log_group_class": "INFREQUENT_ACCESS"},
	)
		with input.related as []
		with input.settings as {}
}
