package iacgate.rules.residency.aurora_global_test

import data.iacgate.lib.testing
import data.iacgate.rules.residency.aurora_global
import rego.v1

# Settings are written out in every `with`: regopy 1.5.2 ignores `with input.settings as <rule>`.

member(region) := object.union(testing.referrer("aws_rds_cluster", "global_cluster_identifier", {}), {"resource": object.union(testing.resource("aws_rds_cluster", {}), {"id": "aws_rds_cluster.member", "region": region})})

test_members_in_allowed_regions_pass if {
	count(aurora_global.deny) == 0 with input.resource as testing.resource("aws_rds_global_cluster", {})
		with input.related as [member("eu-west-1")] with input.settings as {"residency": {"allowed_regions": ["eu-west-1", "eu-central-1", "westeurope", "northeurope", "europe-*"], "classifications": {"pci": ["eu-west-1"]}}}
}

test_member_elsewhere_fails if {
	count(aurora_global.deny) == 1 with input.resource as testing.resource("aws_rds_global_cluster", {})
		with input.related as [member("eu-west-1"), member("us-west-2")] with input.settings as {"residency": {"allowed_regions": ["eu-west-1", "eu-central-1", "westeurope", "northeurope", "europe-*"], "classifications": {"pci": ["eu-west-1"]}}}
}

source(region) := {"direction": "out", "edge": "reference", "attribute": "source_db_cluster_identifier", "resource": object.union(testing.resource("aws_rds_cluster", {}), {"id": "aws_rds_cluster.source", "region": region})}

# The source cluster's ARN is unknown until apply: the finding points at the global cluster, so the
# engine does not turn it into "undetermined".
test_source_cluster_elsewhere_fails_even_when_its_arn_is_unknown if {
	some result in aurora_global.deny with input.resource as testing.resource("aws_rds_global_cluster", {"source_db_cluster_identifier": testing.unknown})
		with input.related as [source("us-east-1")] with input.settings as {"residency": {"allowed_regions": ["eu-west-1", "eu-central-1", "westeurope", "northeurope", "europe-*"], "classifications": {"pci": ["eu-west-1"]}}}
	result.path == []
	contains(result.message, "source cluster aws_rds_cluster.source")
}

test_source_cluster_with_known_arn_points_at_the_argument if {
	some result in aurora_global.deny with input.resource as testing.resource("aws_rds_global_cluster", {"source_db_cluster_identifier": "arn:aws:rds:us-east-1:1:cluster:src"})
		with input.related as [source("us-east-1")] with input.settings as {"residency": {"allowed_regions": ["eu-west-1", "eu-central-1", "westeurope", "northeurope", "europe-*"], "classifications": {"pci": ["eu-west-1"]}}}
	result.path == ["source_db_cluster_identifier"]
}
