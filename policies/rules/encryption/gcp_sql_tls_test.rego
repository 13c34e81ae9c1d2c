package iacgate.rules.encryption.gcp_sql_tls_test

import data.iacgate.lib.testing
import data.iacgate.rules.encryption.gcp_sql_tls
import rego.v1

tls_instance(ip_configuration) := testing.resource("google_sql_database_instance", {
	"database_version": "POSTGRES_15",
	"settings": [{"tier": "db-custom-2-7680", "ip_configuration": [ip_configuration]}],
})

test_encrypted_only_passes if {
	count(gcp_sql_tls.deny) == 0 with input.resource as tls_instance({"ssl_mode": "ENCRYPTED_ONLY"}) with input.related as []
}

test_client_certificates_pass if {
	count(gcp_sql_tls.deny) == 0 with input.resource as tls_instance({"ssl_mode": "TRUSTED_CLIENT_CERTIFICATE_REQUIRED"})
		with input.related as []
}

test_legacy_require_ssl_passes if {
	count(gcp_sql_tls.deny) == 0 with input.resource as tls_instance({"require_ssl": true}) with input.related as []
}

test_unencrypted_allowed_fails_at_ssl_mode if {
	some result in gcp_sql_tls.deny with input.resource as tls_instance({"ssl_mode": "ALLOW_UNENCRYPTED_AND_ENCRYPTED"})
		with input.related as []
	result.path == ["settings", 0, "ip_configuration", 0, "ssl_mode"]
	contains(result.message, "ALLOW_UNENCRYPTED_AND_ENCRYPTED")
}

test_ssl_mode_missing_fails_at_block if {
	some result in gcp_sql_tls.deny with input.resource as tls_instance({"ipv4_enabled": false}) with input.related as []
	result.path == ["settings", 0, "ip_configuration", 0]
}

test_no_settings_fails_at_resource if {
	some result in gcp_sql_tls.deny with input.resource as testing.resource("google_sql_database_instance", {})
		with input.related as []
	result.path == []
}
