package acme.rules.tagging.owner_tag_test

import data.acme.rules.tagging.owner_tag
import data.iacgate.lib.testing
import rego.v1

# testing.resource builds the input document of one resource; tests set its tags on top. Each test
# builds its input in local variables and names them after `as`, which the embedded engine compiles much
# smaller than a function call written there.
bucket(tags) := object.union(testing.resource("aws_s3_bucket", {"bucket": "b"}), {"tags": tags})

test_owned_bucket_passes if {
	subject := bucket({"owner": "team-payments"})
	none := []
	count(owner_tag.deny) == 0 with input.resource as subject
		with input.related as none
}

test_bucket_without_owner_fails if {
	subject := bucket({"cost-centre": "42"})
	none := []
	some result in owner_tag.deny with input.resource as subject
		with input.related as none
	result.path == ["tags", "owner"]
	result.message == "data store has no owner: tag owner is not set, required the owning team"
}

test_empty_owner_fails if {
	subject := bucket({"owner": ""})
	none := []
	count(owner_tag.deny) == 1 with input.resource as subject
		with input.related as none
}
