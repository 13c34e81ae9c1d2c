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

# Pulumi aws.s3.Bucket's inline replicationConfiguration, and BucketV2's deprecated list whose rules hold
# a list of destinations: each destination is placed like a BucketReplicationConfig's.
pulumi_bucket(attributes) := object.union(testing.resource("aws_s3_bucket", attributes), {"format": "pulumi"})

inline_destination := {
	"direction": "out", "edge": "reference", "attribute": "replication_configuration",
	"resource": object.union(testing.resource("aws_s3_bucket", {"bucket": "replica"}), {"id": "aws_s3_bucket.replica", "region": "us-east-1"}),
}

test_pulumi_inline_replication_is_judged if {
	inline := {"replication_configuration": {"rules": [{"destination": {"bucket": "arn:aws:s3:::replica"}}]}}
	some result in s3_replication.deny with input.resource as pulumi_bucket(inline)
		with input.related as [inline_destination]
		with input.settings as {"residency": {"allowed_regions": ["eu-west-1"]}}
	result.path == ["replication_configuration", "rules", 0, "destination"]
	contains(result.message, "us-east-1")
	listed := {"replication_configurations": [{"rules": [{"destinations": [{"bucket": "arn:aws:s3:::x"}]}]}]}
	some unplaced in s3_replication.deny with input.resource as pulumi_bucket(listed)
		with input.related as [] with input.settings as {"residency": {"allowed_regions": ["eu-west-1"]}}
	unplaced.path == ["replication_configurations", 0, "rules", 0, "destinations", 0]
	contains(unplaced.message, "cannot be determined")
}

# A destination written as a literal ARN in the China or GovCloud partition is the bucket of that name.
named_bucket(name, region) := {
	"direction": "out", "edge": "name", "attribute": "rule",
	"resource": object.union(testing.resource("aws_s3_bucket", {"bucket": name}), {"id": concat(".", ["aws_s3_bucket", name]), "region": region}),
}

test_a_destination_arn_in_another_partition_names_its_bucket if {
	some result in s3_replication.deny with input.resource as testing.resource("aws_s3_bucket_replication_configuration", {"rule": [{"destination": [{"bucket": "arn:aws-cn:s3:::far"}]}]})
		with input.related as [named_bucket("near", "cn-north-1"), named_bucket("far", "cn-northwest-1")]
		with input.settings as {"residency": {"allowed_regions": ["cn-north-1"], "classifications": {"pci": ["cn-north-1"]}}}
	contains(result.message, "cn-northwest-1")
}
