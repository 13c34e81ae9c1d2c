package iacgate.rules.residency.s3_replication_test

import data.iacgate.lib.testing
import data.iacgate.rules.residency.s3_replication
import rego.v1

# Every test builds the resource, its neighbours and the settings in local variables and names only those
# after `as`: regopy 1.5.2 compiles a `with` whose value is written out (a function call, even a literal
# object or `[]`) several times larger, and this file took 3.80 GB of the 4 GB a test file may use that way
# (0.65 GB so). Settings are never a rule of the package: regopy 1.5.2 ignores `with input.settings as
# <rule>`.

destination(region) := {"direction": "out", "edge": "reference", "attribute": "rule", "resource": object.union(testing.resource("aws_s3_bucket", {}), {"id": "aws_s3_bucket.replica", "region": region})}

config := {"rule": [{"destination": [{"bucket": testing.unknown}]}]}

replication(attributes) := testing.resource("aws_s3_bucket_replication_configuration", attributes)

test_destination_in_allowed_region_passes if {
	resource := replication(config)
	related := [destination("eu-central-1")]
	settings := {"residency": {"allowed_regions": ["eu-west-1", "eu-central-1", "westeurope", "northeurope", "europe-*"], "classifications": {"pci": ["eu-west-1"]}}}
	count(s3_replication.deny) == 0 with input.resource as resource
		with input.related as related with input.settings as settings
}

test_destination_elsewhere_fails_on_the_block if {
	resource := replication(config)
	related := [destination("us-east-1")]
	settings := {"residency": {"allowed_regions": ["eu-west-1", "eu-central-1", "westeurope", "northeurope", "europe-*"], "classifications": {"pci": ["eu-west-1"]}}}
	some result in s3_replication.deny with input.resource as resource
		with input.related as related with input.settings as settings
	result.path == ["rule", 0, "destination", 0]
}

test_destination_not_in_configuration_cannot_be_placed if {
	none := []
	resource := replication({"rule": [{"destination": [{"bucket": "arn:aws:s3:::x"}]}]})
	settings := {"residency": {"allowed_regions": ["eu-west-1", "eu-central-1", "westeurope", "northeurope", "europe-*"], "classifications": {"pci": ["eu-west-1"]}}}
	some result in s3_replication.deny with input.resource as resource
		with input.related as none with input.settings as settings
	contains(result.message, "cannot be determined")
}

# A rule or destination block unknown until apply is judged: never a pass.
test_unknown_rule_block_is_judged if {
	none := []
	resource := replication({"rule": testing.unknown})
	settings := {"residency": {"allowed_regions": ["eu-west-1"], "classifications": {"pci": ["eu-west-1"]}}}
	results := s3_replication.deny with input.resource as resource
		with input.related as none with input.settings as settings
	count(results) == 1
	some result in results
	result.path == ["rule", "destination"]
	contains(result.message, "unknown until apply")
	related := [destination("eu-west-1")]
	count(s3_replication.deny) == 0 with input.resource as resource
		with input.related as related with input.settings as settings
}

# Pulumi aws.s3.Bucket's inline replicationConfiguration, and BucketV2's deprecated list whose rules hold
# a list of destinations: each destination is placed like a BucketReplicationConfig's.
pulumi_bucket(attributes) := object.union(testing.resource("aws_s3_bucket", attributes), {"format": "pulumi"})

inline_destination := {
	"direction": "out", "edge": "reference", "attribute": "replication_configuration",
	"resource": object.union(testing.resource("aws_s3_bucket", {"bucket": "replica"}), {"id": "aws_s3_bucket.replica", "region": "us-east-1"}),
}

test_pulumi_inline_replication_is_judged if {
	none := []
	inline := pulumi_bucket({"replication_configuration": {"rules": [{"destination": {"bucket": "arn:aws:s3:::replica"}}]}})
	related := [inline_destination]
	settings := {"residency": {"allowed_regions": ["eu-west-1"]}}
	some result in s3_replication.deny with input.resource as inline
		with input.related as related
		with input.settings as settings
	result.path == ["replication_configuration", "rules", 0, "destination"]
	contains(result.message, "us-east-1")
	listed := pulumi_bucket({"replication_configurations": [{"rules": [{"destinations": [{"bucket": "arn:aws:s3:::x"}]}]}]})
	some unplaced in s3_replication.deny with input.resource as listed
		with input.related as none with input.settings as settings
	unplaced.path == ["replication_configurations", 0, "rules", 0, "destinations", 0]
	contains(unplaced.message, "cannot be determined")
}

# A destination written as a literal ARN in the China or GovCloud partition is the bucket of that name.
named_bucket(name, region) := {
	"direction": "out", "edge": "name", "attribute": "rule",
	"resource": object.union(testing.resource("aws_s3_bucket", {"bucket": name}), {"id": concat(".", ["aws_s3_bucket", name]), "region": region}),
}

test_a_destination_arn_in_another_partition_names_its_bucket if {
	resource := replication({"rule": [{"destination": [{"bucket": "arn:aws-cn:s3:::far"}]}]})
	related := [named_bucket("near", "cn-north-1"), named_bucket("far", "cn-northwest-1")]
	settings := {"residency": {"allowed_regions": ["cn-north-1"], "classifications": {"pci": ["cn-north-1"]}}}
	some result in s3_replication.deny with input.resource as resource
		with input.related as related
		with input.settings as settings
	contains(result.message, "cn-northwest-1")
}
