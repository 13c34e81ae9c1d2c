package iacgate.rules.audit_logging.gcp_audit_config_test

import data.iacgate.lib.testing
import data.iacgate.rules.audit_logging.gcp_audit_config
import rego.v1

audit_config(service, configs) := testing.resource("google_project_iam_audit_config", {
	"project": "acme-payments-prod",
	"service": service,
	"audit_log_config": configs,
})

all_types := [{"log_type": "ADMIN_READ"}, {"log_type": "DATA_READ"}, {"log_type": "DATA_WRITE"}]

test_all_types_pass if {
	count(gcp_audit_config.deny) == 0 with input.resource as audit_config("allServices", all_types) with input.related as []
}

test_missing_data_write_fails if {
	results := gcp_audit_config.deny with input.resource as audit_config("allServices", [{"log_type": "ADMIN_READ"}, {"log_type": "DATA_READ"}])
		with input.related as []
	count(results) == 1
	some result in results
	result.path == ["audit_log_config"]
	contains(result.message, "DATA_WRITE")
}

test_exempted_members_fail if {
	configs := [{"log_type": "ADMIN_READ"}, {"log_type": "DATA_READ", "exempted_members": ["user:ops@acme.example"]}, {"log_type": "DATA_WRITE"}]
	some result in gcp_audit_config.deny with input.resource as audit_config("allServices", configs) with input.related as []
	result.path == ["audit_log_config", 1, "exempted_members"]
	contains(result.message, "user:ops@acme.example")
}

# A list unknown until apply may name principals: a result at its path (undetermined), never a pass.
test_unknown_exempted_members_are_reported_at_their_path if {
	configs := [{"log_type": "ADMIN_READ"}, {"log_type": "DATA_READ", "exempted_members": testing.unknown}, {"log_type": "DATA_WRITE"}]
	results := gcp_audit_config.deny with input.resource as audit_config("allServices", configs) with input.related as []
	count(results) == 1
	some result in results
	result.path == ["audit_log_config", 1, "exempted_members"]
}

test_single_service_config_is_not_judged if {
	gcp_audit_config.deny == {{"not_applicable": true}} with input.resource as audit_config("storage.googleapis.com", [{"log_type": "DATA_READ"}])
		with input.related as []
}

test_no_log_config_fails_at_resource if {
	results := gcp_audit_config.deny with input.resource as audit_config("allServices", []) with input.related as []
	count(results) == 3
	every result in results {
		result.path == []
	}
}

# Issue 16 §2: a service unknown until apply may be allServices.
test_unknown_service_missing_a_type_is_undetermined if {
	some result in gcp_audit_config.deny with input.resource as testing.resource("google_project_iam_audit_config", {"service": testing.unknown, "audit_log_config": [{"log_type": "ADMIN_READ"}]})
		with input.related as []
	result.status == "undetermined"
}
