package iacgate.rules.secrets_and_state.state_gcs_bucket_test

import data.iacgate.lib.testing
import data.iacgate.rules.secrets_and_state.state_gcs_bucket as rule
import rego.v1

bucket(attributes) := object.union(
	testing.resource("google_storage_bucket", object.union({"name": "acme-tfstate"}, attributes)),
	{"format": "terraform", "provider": "google"},
)

gcs_backend(kind) := testing.referrer("terraform_backend", "bucket", {"backend": kind})

protected(extra) := object.union({
	"versioning": [{"enabled": true}],
	"encryption": [{"default_kms_key_name": "projects/p/locations/l/keyRings/r/cryptoKeys/k"}],
	"public_access_prevention": "enforced",
	"logging": [{"log_bucket": "acme-access-logs"}],
}, extra)

test_protected_state_bucket_passes if {
	rule.deny == set() with input.resource as bucket(protected({}))
		with input.related as [gcs_backend("gcs")]
}

test_inherited_public_access_fails if {
	some result in rule.deny with input.resource as bucket(protected({"public_access_prevention": "inherited"}))
		with input.related as [gcs_backend("gcs")]
	result.path == ["public_access_prevention"]
}

test_unversioned_fails if {
	some result in rule.deny with input.resource as bucket(protected({"versioning": [{"enabled": false}]}))
		with input.related as [gcs_backend("gcs")]
	contains(result.message, "keeps no versions")
}

test_bucket_no_backend_names_is_not_judged if {
	rule.deny == {{"not_applicable": true}} with input.resource as bucket({})
		with input.related as []
}
