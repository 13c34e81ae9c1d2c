# A logging block unknown as a whole (a dynamic block whose for_each is unknown, a variable) may switch
# logging on: the finding points at it and is undetermined, not a failure at the resource.
package iacgate.rules.audit_logging.gcp_unknown_block_test

import data.iacgate.lib.testing
import data.iacgate.rules.audit_logging.gcp_audit_config
import data.iacgate.rules.audit_logging.gcp_storage_access_logging
import data.iacgate.rules.audit_logging.gcp_subnet_flow_logs
import rego.v1

# A resource of the Terraform source (in a plan, a block unknown as a whole is the provider's).
hcl(type_name, attributes) := object.union(testing.resource(type_name, attributes), {"format": "terraform"})

dynamic_block := {"__unknown__": "dynamic block: variable 'x' has no value"}

test_bucket_logging_unknown_as_a_whole_is_reported_at_it if {
	some result in gcp_storage_access_logging.deny with input.resource as hcl("google_storage_bucket", {"name": "b", "logging": dynamic_block})
		with input.related as []
	result.path == ["logging"]
}

test_subnet_log_config_unknown_as_a_whole_is_reported_at_it if {
	some result in gcp_subnet_flow_logs.deny with input.resource as hcl("google_compute_subnetwork", {"name": "s", "log_config": dynamic_block})
	result.path == ["log_config"]
}

test_audit_log_configs_unknown_as_a_whole_are_reported_at_them if {
	some result in gcp_audit_config.deny with input.resource as testing.resource("google_project_iam_audit_config", {"service": "allServices", "audit_log_config": dynamic_block})
	result.path == ["audit_log_config"]
}
