# Unit tests of the messaging, streaming and serverless rules of the aws_rest group (review of December 2026).
package iacgate.rules.encryption.aws_rest_messaging_test

import data.iacgate.lib.testing
import data.iacgate.rules.encryption.aws_rest_opensearch_cmk
import rego.v1

# A resource of an HCL configuration (testing.resource is one of a plan).
messaging_hcl(type_name, attributes) := object.union(testing.resource(type_name, attributes), {"format": "terraform"})

# A key not set inside a block unknown until apply (a dynamic block) is a plain violation at the block, which
# the engine reports undetermined: not one decided by a neighbour, which would stay failed.
test_opensearch_unknown_block_not_decided if {
	some result in aws_rest_opensearch_cmk.deny with input.resource as messaging_hcl("aws_opensearch_domain", {"encrypt_at_rest": testing.unknown})
		with input.related as []
	result.path == ["encrypt_at_rest"]
	not result.decided
}

test_opensearch_aws_managed_decided if {
	some result in aws_rest_opensearch_cmk.deny with input.resource as testing.resource("aws_opensearch_domain", {"encrypt_at_rest": [{"enabled": true, "kms_key_id": "alias/aws/es"}]})
		with input.related as []
	result.path == ["encrypt_at_rest", 0, "kms_key_id"]
	result.decided
}
