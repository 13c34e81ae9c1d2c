package iacgate.rules.audit_logging.cloudtrail_multi_region_test

import data.iacgate.lib.testing
import data.iacgate.rules.audit_logging.cloudtrail_multi_region
import rego.v1

test_multi_region_trail_passes if {
	count(cloudtrail_multi_region.deny) == 0 with input.resource as testing.resource("aws_cloudtrail", {"is_multi_region_trail": true})
		with input.related as []
}

test_single_region_trail_fails if {
	some result in cloudtrail_multi_region.deny with input.resource as testing.resource("aws_cloudtrail", {"is_multi_region_trail": false})
		with input.related as []
	result.path == ["is_multi_region_trail"]
}

test_missing_setting_fails if {
	count(cloudtrail_multi_region.deny) == 1 with input.resource as testing.resource("aws_cloudtrail", {"name": "t"})
		with input.related as []
}
