package iacgate.rules.residency.secret_replicas_test

import data.iacgate.lib.testing
import data.iacgate.rules.residency.secret_replicas
import rego.v1

# Settings are written out in every `with`: regopy 1.5.2 ignores `with input.settings as <rule>`.

test_replica_in_allowed_region_passes if {
	count(secret_replicas.deny) == 0 with input.resource as testing.resource("aws_secretsmanager_secret", {"replica": [{"region": "eu-central-1"}]})
		with input.related as [] with input.settings as {"residency": {"allowed_regions": ["eu-west-1", "eu-central-1", "westeurope", "northeurope", "europe-*"], "classifications": {"pci": ["eu-west-1"]}}}
}

test_replica_elsewhere_fails if {
	count(secret_replicas.deny) == 1 with input.resource as testing.resource("aws_secretsmanager_secret", {"replica": [{"region": "us-east-1"}]})
		with input.related as [] with input.settings as {"residency": {"allowed_regions": ["eu-west-1", "eu-central-1", "westeurope", "northeurope", "europe-*"], "classifications": {"pci": ["eu-west-1"]}}}
}

test_cloudformation_replica_regions if {
	count(secret_replicas.deny) == 1 with input.resource as object.union(testing.resource("aws_secretsmanager_secret", {"replica_regions": [{"region": "us-east-1"}]}), {"format": "cloudformation"})
		with input.related as [] with input.settings as {"residency": {"allowed_regions": ["eu-west-1", "eu-central-1", "westeurope", "northeurope", "europe-*"], "classifications": {"pci": ["eu-west-1"]}}}
}
