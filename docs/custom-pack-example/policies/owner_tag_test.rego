package acme.rules.tagging.owner_tag_test

import data.acme.rules.tagging.owner_tag
import data.iacgate.lib.testing
import rego.v1

# testing.resource builds the input document of one resource; tests set its tags on top.
bucket(tags) := object.union(testing.resource("aws_s3_bucket", {"bucket": "b"}), {"tags": tags})

test_owned_bucket_passes if {
	count(owner_tag.deny) == 0 with input.resource as bucket({"owner": "team-payments"})
		with input.related as []
}

test_bucket_without_owner_fails if {
	some result in owner_tag.deny with input.resource as bucket({"cost-centre": "42"})
		with input.related as []
	result.path == ["tags", "owner"]
	result.message == "data store has no owner: tag owner is not set, required the owning team"
}

test_empty_owner_fails if {
	count(owner_tag.deny) == 1 with input.resource as bucket({"owner": ""})
		with input.related as []
}
