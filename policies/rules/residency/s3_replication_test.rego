package iacgate.rules.residency.s3_replication_test

import data.iacgate.lib.testing
import data.iacgate.rules.residency.s3_replication
import rego.v1

# Settings are written out in every `with`: regopy 1.5.2 ignores `with input.settings as <rule>`.

destination(region) := {"direction": "out", "edge": "reference", "attribute": "rule", "resource": object.union(testing.resource("aws_s3_bucket", {}), {"id": "aws_s3_bucket.replica", "region": region})}

config := {"rule": [{"destination": [{"bucket": testing.unknown}]}]}

test_destination_in_allowed_region_passes if {
	count(s3_replication.deny) == 0 with input.resource as testing.resource("aws_s3_bucket_replication_configuration", config)
		with input.related as [destination("eu-central-1")] with input.settings as {"residency": {"allowed_regions": ["eu-west-1", "eu-central-1", "westeurope", "northeurope", "europe-*"], "classifications": {"pci": ["eu-west-1"]}}}
}

test_destination_elsewhere_fails_on_the_block if {
	some result in s3_replication.deny with input.resource as testing.resource("aws_s3_bucket_replication_configuration", config)
		with input.related as [destination("us-east-1")] with input.settings as {"residency": {"allowed_regions": ["eu-west-1", "eu-central-1", "westeurope", "northeurope", "europe-*"], "classifications": {"pci": ["eu-west-1"]}}}
	result.path == ["rule", 0, "destination", 0]
}

test_destination_not_in_configuration_cannot_be_placed if {
	some result in s3_replication.deny with input.resource as testing.resource("aws_s3_bucket_replication_configuration", {"rule": [{"destination": [{"bucket": "arn:aws:s3:::x"}]}]})
		with input.related as [] with input.settings as {"residency": {"allowed_regions": ["eu-west-1", "eu-central-1", "westeurope", "northeurope", "europe-*"], "classifications": {"pci": ["eu-west-1"]}}}
	contains(result.message, "cannot be determined")
}

# A rule or destination block unknown until apply is judged: never a pass.
test_unknown_rule_block_is_judged if {
	results := s3_replication.deny with input.resource as testing.resource("aws_s3_bucket_replication_configuration", {"rule": testing.unknown})
		with input.related as [] with input.settings as {"residency": {"allowed_regions": ["eu-west-1"], "classifications": {"pci": ["eu-west-1"]}}}
	count(results) == 1
	some result in results
	result.path == ["rule", "destination"]
	contains(result.message, "unknown until apply")
	count(s3_replication.deny) == 0 with input.resource as testing.resource("aws_s3_bucket_replication_configuration", {"rule": testing.unknown})
		with input.related as [destination("eu-west-1")] with input.settings as {"residency": {"allowed_regions": ["eu-west-1"], "classifications": {"pci": ["eu-west-1"]}}}
}
