package iacgate.rules.residency.dynamodb_replicas_test

import data.iacgate.lib.testing
import data.iacgate.rules.residency.dynamodb_replicas
import rego.v1

# Settings are written out in every `with`: regopy 1.5.2 ignores `with input.settings as <rule>`.

test_replicas_in_allowed_regions_pass if {
	count(dynamodb_replicas.deny) == 0 with input.resource as testing.resource("aws_dynamodb_table", {"replica": [{"region_name": "eu-central-1"}]})
		with input.related as [] with input.settings as {"residency": {"allowed_regions": ["eu-west-1", "eu-central-1", "westeurope", "northeurope", "europe-*"], "classifications": {"pci": ["eu-west-1"]}}}
}

test_replica_elsewhere_fails_on_its_block if {
	some result in dynamodb_replicas.deny with input.resource as testing.resource("aws_dynamodb_table", {"replica": [{"region_name": "eu-central-1"}, {"region_name": "us-east-1"}]})
		with input.related as [] with input.settings as {"residency": {"allowed_regions": ["eu-west-1", "eu-central-1", "westeurope", "northeurope", "europe-*"], "classifications": {"pci": ["eu-west-1"]}}}
	result.path == ["replica", 1]
}

test_cloudformation_global_table_replicas if {
	count(dynamodb_replicas.deny) == 1 with input.resource as object.union(testing.resource("aws_dynamodb_table", {"replicas": [{"region": "us-east-1"}]}), {"format": "cloudformation"})
		with input.related as [] with input.settings as {"residency": {"allowed_regions": ["eu-west-1", "eu-central-1", "westeurope", "northeurope", "europe-*"], "classifications": {"pci": ["eu-west-1"]}}}
}

# A replica block unknown until apply (a dynamic block, a variable) is judged: never a pass.
test_unknown_replica_block_is_judged if {
	results := dynamodb_replicas.deny with input.resource as testing.resource("aws_dynamodb_table", {"replica": testing.unknown})
		with input.related as [] with input.settings as {"residency": {"allowed_regions": ["eu-west-1"], "classifications": {"pci": ["eu-west-1"]}}}
	count(results) == 1
	some result in results
	result.path == ["replica"]
	contains(result.message, "cannot be determined")
}
