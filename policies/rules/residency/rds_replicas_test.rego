package iacgate.rules.residency.rds_replicas_test

import data.iacgate.lib.testing
import data.iacgate.rules.residency.rds_replicas
import rego.v1

# Settings are written out in every `with`: regopy 1.5.2 ignores `with input.settings as <rule>`.

replica(region) := object.union(testing.referrer("aws_db_instance", "replicate_source_db", {}), {"resource": object.union(testing.resource("aws_db_instance", {}), {"id": "aws_db_instance.replica", "region": region})})

test_replica_in_allowed_region_passes if {
	count(rds_replicas.deny) == 0 with input.resource as testing.resource("aws_db_instance", {})
		with input.related as [replica("eu-central-1")] with input.settings as {"residency": {"allowed_regions": ["eu-west-1", "eu-central-1", "westeurope", "northeurope", "europe-*"], "classifications": {"pci": ["eu-west-1"]}}}
}

test_source_with_replica_elsewhere_fails if {
	some result in rds_replicas.deny with input.resource as testing.resource("aws_db_instance", {})
		with input.related as [replica("us-east-1")] with input.settings as {"residency": {"allowed_regions": ["eu-west-1", "eu-central-1", "westeurope", "northeurope", "europe-*"], "classifications": {"pci": ["eu-west-1"]}}}
	contains(result.message, "aws_db_instance.replica")
}
