package iacgate.rules.secrets_and_state.remote_state_backend_test

import data.iacgate.lib.testing
import data.iacgate.rules.secrets_and_state.remote_state_backend
import rego.v1

remote(kind, config) := object.union(
	testing.resource("terraform_remote_state", {"backend": kind, "config": config}),
	{"id": "data.terraform_remote_state.network", "mode": "data", "provider": "terraform"},
)

paths(resource) := {result.path | some result in remote_state_backend.deny with input.resource as resource}

test_tls_backends_pass if {
	count(remote_state_backend.deny) == 0 with input.resource as remote("http", {"address": "https://state.example.com/n"})
	count(remote_state_backend.deny) == 0 with input.resource as remote("s3", {"bucket": "b", "key": "k", "region": "eu-west-1"})
	count(remote_state_backend.deny) == 0 with input.resource as remote("gcs", {"bucket": "b"})
	count(remote_state_backend.deny) == 0 with input.resource as remote("azurerm", {"use_azuread_auth": true})
	count(remote_state_backend.deny) == 0 with input.resource as remote("consul", {"scheme": "https"})
	count(remote_state_backend.deny) == 0 with input.resource as remote("remote", {"organization": "acme"})
}

test_clear_transport_fails if {
	paths(remote("http", {"address": "HTTP://state.example.com/n"})) == {["config", "address"]}
	paths(remote("http", {"address": "https://s", "skip_cert_verification": true})) == {["config", "skip_cert_verification"]}
	paths(remote("s3", {"endpoint": "http://minio:9000"})) == {["config", "endpoint"]}
	paths(remote("s3", {"endpoints": {"s3": "http://minio:9000"}})) == {["config", "endpoints"]}
	paths(remote("consul", {"scheme": "http"})) == {["config", "scheme"]}
	paths(remote("pg", {"conn_str": "postgres://db/state?sslmode=disable"})) == {["config", "conn_str"]}
}

test_local_and_shared_key_fail if {
	paths(remote("local", {"path": "../network/terraform.tfstate"})) == {["backend"]}
	paths(remote("azurerm", {"storage_account_name": "acme"})) == {["config", "use_azuread_auth"]}
}

test_credentials_fail_without_the_value if {
	some result in remote_state_backend.deny with input.resource as remote("s3", {"secret_key": "Remote-Rego-Secret-1"})
	result.path == ["config", "secret_key"]
	not contains(result.message, "Remote-Rego-Secret-1")
	paths(remote("pg", {"conn_str": "postgres://app:Remote-Pw@db/state"})) == {["config", "conn_str"]}
}

test_unknown_is_undetermined if {
	some a in remote_state_backend.deny with input.resource as remote("http", {"__unknown__": "known after apply"})
	a.status == "undetermined"
	some b in remote_state_backend.deny with input.resource as remote("http", {"address": {"__unknown__": "var.x"}})
	b.status == "undetermined"
	b.path == ["config", "address"]
	some c in remote_state_backend.deny with input.resource as remote("consul", {"address": "consul:8500"})
	c.status == "undetermined"
	some d in remote_state_backend.deny with input.resource as remote({"__unknown__": "var.kind"}, {})
	d.status == "undetermined"
}
