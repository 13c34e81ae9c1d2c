package iacgate.rules.residency.kms_replicas_test

import data.iacgate.lib.testing
import data.iacgate.rules.residency.kms_replicas
import rego.v1

# Settings are written out in every `with`: regopy 1.5.2 ignores `with input.settings as <rule>`.

replica(region) := object.union(testing.referrer("aws_kms_replica_key", "primary_key_arn", {}), {"resource": object.union(testing.resource("aws_kms_replica_key", {}), {"region": region})})

test_replica_in_allowed_region_passes if {
	count(kms_replicas.deny) == 0 with input.resource as testing.resource("aws_kms_key", {"multi_region": true})
		with input.related as [replica("eu-central-1")] with input.settings as {"residency": {"allowed_regions": ["eu-west-1", "eu-central-1", "westeurope", "northeurope", "europe-*"], "classifications": {"pci": ["eu-west-1"]}}}
}

test_replica_elsewhere_fails if {
	count(kms_replicas.deny) == 1 with input.resource as testing.resource("aws_kms_key", {"multi_region": true})
		with input.related as [replica("ap-southeast-2")] with input.settings as {"residency": {"allowed_regions": ["eu-west-1", "eu-central-1", "westeurope", "northeurope", "europe-*"], "classifications": {"pci": ["eu-west-1"]}}}
}
