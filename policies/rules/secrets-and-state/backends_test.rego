package iacgate.rules.secrets_and_state.backends_test

import data.iacgate.lib.testing
import data.iacgate.rules.secrets_and_state.backend_azurerm_auth
import data.iacgate.rules.secrets_and_state.backend_credentials
import data.iacgate.rules.secrets_and_state.backend_gcs_kms
import data.iacgate.rules.secrets_and_state.backend_http_tls
import data.iacgate.rules.secrets_and_state.backend_remote
import data.iacgate.rules.secrets_and_state.backend_s3_encrypt
import data.iacgate.rules.secrets_and_state.backend_s3_kms
import data.iacgate.rules.secrets_and_state.backend_s3_locking
import rego.v1

backend(kind, attributes) := object.union(
	testing.resource("terraform_backend", object.union({"backend": kind, "declared": true, "has_provider": true, "root": "envs/prod"}, attributes)),
	{"format": "terraform", "provider": "terraform"},
)

s3_secure(extra) := backend("s3", object.union({
	"bucket": "state", "key": "prod.tfstate", "encrypt": true,
	"kms_key_id": "arn:aws:kms:eu-west-1:111122223333:key/1234", "use_lockfile": true,
}, extra))

test_secure_s3_backend_passes_every_rule if {
	backend_s3_encrypt.deny == set() with input.resource as s3_secure({}) with input.related as []
	some result in backend_s3_encrypt.deny with input.resource as s3_secure({"encrypt": false}) with input.related as []
	result.path == ["encrypt"]
	count(backend_s3_encrypt.deny) == 0 with input.resource as s3_secure({}) with input.related as []
	count(backend_s3_kms.deny) == 0 with input.resource as s3_secure({}) with input.related as []
	count(backend_s3_locking.deny) == 0 with input.resource as s3_secure({}) with input.related as []
	count(backend_credentials.deny) == 0 with input.resource as s3_secure({}) with input.related as []
	count(backend_remote.deny) == 0 with input.resource as s3_secure({}) with input.related as [] with input.settings as {}
}

test_s3_without_encrypt_fails if {
	some result in backend_s3_encrypt.deny with input.resource as backend("s3", {"bucket": "state"})
		with input.related as []
	result.path == ["encrypt"]
	contains(result.message, "encrypt is not set, required true")
}

test_s3_aws_managed_key_fails if {
	some result in backend_s3_kms.deny with input.resource as backend("s3", {"kms_key_id": "alias/aws/s3"})
		with input.related as []
	contains(result.message, "alias/aws/s3")
}

test_s3_aws_managed_key_arn_fails if {
	key := "arn:aws-us-gov:kms:us-gov-west-1:111122223333:alias/aws/s3"
	some result in backend_s3_kms.deny with input.resource as backend("s3", {"kms_key_id": key})
		with input.related as []
	contains(result.message, "uses an AWS-managed key")
}

test_s3_own_alias_arn_passes if {
	key := "arn:aws:kms:eu-west-1:111122223333:alias/tfstate"
	count(backend_s3_kms.deny) == 0 with input.resource as backend("s3", {"kms_key_id": key})
		with input.related as []
}

test_s3_http_endpoint_sends_the_state_in_clear if {
	some result in backend_http_tls.deny with input.resource as backend("s3", {"endpoints": {"s3": "http://minio:9000"}})
		with input.related as []
	result.path == ["endpoints", "s3"]
}

test_s3_default_endpoint_is_judged_and_passes if {
	count(backend_http_tls.deny) == 0 with input.resource as backend("s3", {"bucket": "state"})
		with input.related as []
}

test_pg_without_tls_fails if {
	some result in backend_http_tls.deny with input.resource as backend("pg", {"conn_str": "postgres://db/tf?sslmode=disable"})
		with input.related as []
	result.path == ["conn_str"]
}

test_gcs_is_not_concerned_by_transport if {
	backend_http_tls.deny == {{"not_applicable": true}} with input.resource as backend("gcs", {"bucket": "state"})
		with input.related as []
}

test_s3_dynamodb_lock_passes if {
	count(backend_s3_locking.deny) == 0 with input.resource as backend("s3", {"dynamodb_table": "locks"})
		with input.related as []
}

test_s3_without_lock_fails if {
	some result in backend_s3_locking.deny with input.resource as backend("s3", {"use_lockfile": false})
		with input.related as []
	result.path == ["use_lockfile"]
}

test_other_backends_are_not_judged_by_s3_rules if {
	backend_s3_encrypt.deny == {{"not_applicable": true}} with input.resource as backend("gcs", {})
		with input.related as []
}

test_azurerm_without_azuread_fails if {
	some result in backend_azurerm_auth.deny with input.resource as backend("azurerm", {"storage_account_name": "st"})
		with input.related as []
	result.path == ["use_azuread_auth"]
}

test_gcs_without_kms_fails if {
	some result in backend_gcs_kms.deny with input.resource as backend("gcs", {"bucket": "state"})
		with input.related as []
	result.path == ["kms_encryption_key"]
}

test_http_plain_address_fails if {
	some result in backend_http_tls.deny with input.resource as backend("http", {"address": "http://state.internal/x"})
		with input.related as []
	result.path == ["address"]
}

test_implicit_local_state_in_deployed_root_fails if {
	some result in backend_remote.deny with input.resource as backend("local", {"declared": false})
		with input.related as []
		with input.settings as {}
	result.path == []
	contains(result.message, "declares no backend")
}

test_root_outside_deployed_roots_is_not_judged if {
	backend_remote.deny == {{"not_applicable": true}} with input.resource as backend("local", {"root": "examples/basic"})
		with input.related as []
		with input.settings as {"deployed_roots": ["envs/*"]}
}

test_root_in_deployed_roots_fails if {
	some result in backend_remote.deny with input.resource as backend("local", {"root": "envs/prod", "has_provider": false})
		with input.related as []
		with input.settings as {"deployed_roots": ["envs/*"]}
	result.path == ["backend"]
}

test_access_key_literal_fails_without_printing_it if {
	some result in backend_credentials.deny with input.resource as backend("azurerm", {"access_key": "c2VjcmV0LWFjY2Vzcy1rZXk="})
		with input.related as []
	result.path == ["access_key"]
	not contains(result.message, "c2VjcmV0")
}

test_pg_connection_string_with_password_fails if {
	some result in backend_credentials.deny with input.resource as backend("pg", {"conn_str": "postgres://tf:hunter2@db.internal/terraform"})
		with input.related as []
	result.path == ["conn_str"]
	not contains(result.message, "hunter2")
}

test_gcs_credentials_file_path_passes if {
	count(backend_credentials.deny) == 0 with input.resource as backend("gcs", {"credentials": "/secrets/sa.json"})
		with input.related as []
}

test_example_root_is_not_judged_by_default if {
	backend_remote.deny == {{"not_applicable": true}} with input.resource as backend("local", {"declared": false, "root": "modules/vpc/examples/complete"})
		with input.related as []
		with input.settings as {}
}

test_undeclared_backend_has_no_credentials_to_judge if {
	backend_credentials.deny == {{"not_applicable": true}} with input.resource as backend("local", {"declared": false})
		with input.related as []
}
