package iacgate.rules.audit_logging.aws_audit_config_aggregator_all_regions_test

import data.iacgate.lib.testing
import data.iacgate.rules.audit_logging.aws_audit_config_aggregator_all_regions
import rego.v1

aggregator(attributes) := testing.resource("aws_config_configuration_aggregator", attributes)

test_organisation_all_regions_passes if {
	count(aws_audit_config_aggregator_all_regions.deny) == 0 with input.resource as aggregator({"organization_aggregation_source": [{"all_regions": true, "role_arn": "arn:aws:iam::1:role/agg"}]})
		with input.related as []
}

test_cloudformation_accounts_all_regions_passes if {
	count(aws_audit_config_aggregator_all_regions.deny) == 0 with input.resource as aggregator({"account_aggregation_sources": [{"account_ids": ["1"], "all_aws_regions": true}]})
		with input.related as []
}

test_listed_regions_fail if {
	some result in aws_audit_config_aggregator_all_regions.deny with input.resource as aggregator({"account_aggregation_source": [{"account_ids": ["1"], "regions": ["eu-west-1"]}]})
		with input.related as []
	result.path == ["account_aggregation_source", 0, "all_regions"]
	result.message == "Config aggregator does not cover every region: account_aggregation_source.all_regions is not set, required true"
}

test_cloudformation_organisation_object_fails if {
	some result in aws_audit_config_aggregator_all_regions.deny with input.resource as aggregator({"organization_aggregation_source": {"aws_regions": ["eu-west-1"], "role_arn": "r", "all_aws_regions": false}})
		with input.related as []
	result.path == ["organization_aggregation_source", "all_aws_regions"]
}

test_unknown_is_reported_at_its_path if {
	some result in aws_audit_config_aggregator_all_regions.deny with input.resource as aggregator({"organization_aggregation_source": [{"all_regions": testing.unknown}]})
		with input.related as []
	result.path == ["organization_aggregation_source", 0, "all_regions"]
}

test_unknown_source_is_reported_at_its_path if {
	some result in aws_audit_config_aggregator_all_regions.deny with input.resource as aggregator({"organization_aggregation_source": testing.unknown})
		with input.related as []
	result.path == ["organization_aggregation_source"]
}
