package iacgate.rules.residency.ecr_replication_test

import data.iacgate.lib.testing
import data.iacgate.rules.residency.ecr_replication
import rego.v1

# Settings are written out in every `with`: regopy 1.5.2 ignores `with input.settings as <rule>`.

config(region) := {"replication_configuration": [{"rule": [{"destination": [{"region": region, "registry_id": "1"}]}]}]}

test_destination_in_allowed_region_passes if {
	count(ecr_replication.deny) == 0 with input.resource as testing.resource("aws_ecr_replication_configuration", config("eu-central-1"))
		with input.related as [] with input.settings as {"residency": {"allowed_regions": ["eu-west-1", "eu-central-1", "westeurope", "northeurope", "europe-*"], "classifications": {"pci": ["eu-west-1"]}}}
}

test_destination_elsewhere_fails if {
	some result in ecr_replication.deny with input.resource as testing.resource("aws_ecr_replication_configuration", config("us-west-2"))
		with input.related as [] with input.settings as {"residency": {"allowed_regions": ["eu-west-1", "eu-central-1", "westeurope", "northeurope", "europe-*"], "classifications": {"pci": ["eu-west-1"]}}}
	result.path == ["replication_configuration", 0, "rule", 0, "destination", 0]
}

# CloudFormation keeps the plural shape: ReplicationConfiguration.Rules[].Destinations[].Region.
cfn_config(region) := {"replication_configuration": {"rules": [{"destinations": [{"region": "eu-west-1"}, {"region": region}]}]}}

test_cloudformation_destination_elsewhere_fails_at_its_index if {
	some result in ecr_replication.deny with input.resource as object.union(testing.resource("aws_ecr_replication_configuration", cfn_config("us-east-1")), {"format": "cloudformation"})
		with input.related as [] with input.settings as {"residency": {"allowed_regions": ["eu-west-1", "eu-central-1", "westeurope", "northeurope", "europe-*"], "classifications": {"pci": ["eu-west-1"]}}}
	result.path == ["replication_configuration", "rules", 0, "destinations", 1]
	contains(result.message, "us-east-1")
}

test_cloudformation_destinations_in_allowed_regions_pass if {
	count(ecr_replication.deny) == 0 with input.resource as object.union(testing.resource("aws_ecr_replication_configuration", cfn_config("eu-central-1")), {"format": "cloudformation"})
		with input.related as [] with input.settings as {"residency": {"allowed_regions": ["eu-west-1", "eu-central-1", "westeurope", "northeurope", "europe-*"], "classifications": {"pci": ["eu-west-1"]}}}
}
