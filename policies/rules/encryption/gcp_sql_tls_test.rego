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

# Values unknown until apply where ssl_mode is not set: reported at the unknown value (undetermined), never
# failed as "ssl_mode is not set".
# ssl_mode gets priority over the legacy require_ssl: the pair ALLOW_UNENCRYPTED_AND_ENCRYPTED and true fails.
test_ssl_mode_has_priority_over_require_ssl if {
	some result in gcp_sql_tls.deny with input.resource as tls_instance({"ssl_mode": "ALLOW_UNENCRYPTED_AND_ENCRYPTED", "require_ssl": true})
		with input.related as []
	result.path == ["settings", 0, "ip_configuration", 0, "ssl_mode"]
}

test_encrypted_only_with_require_ssl_false_passes if {
	count(gcp_sql_tls.deny) == 0 with input.resource as tls_instance({"ssl_mode": "ENCRYPTED_ONLY", "require_ssl": false}) with input.related as []
}

test_unknown_require_ssl_or_blocks_are_reported_at_the_unknown if {
	some legacy in gcp_sql_tls.deny with input.resource as tls_instance({"require_ssl": testing.unknown}) with input.related as []
	legacy.path == ["settings", 0, "ip_configuration", 0, "require_ssl"]
	some block in gcp_sql_tls.deny with input.resource as testing.resource("google_sql_database_instance", {"settings": [{"ip_configuration": testing.unknown}]})
		with input.related as []
	block.path == ["settings", 0, "ip_configuration"]
	some settings in gcp_sql_tls.deny with input.resource as testing.resource("google_sql_database_instance", {"settings": testing.unknown})
		with input.related as []
	settings.path == ["settings"]
	count(gcp_sql_tls.deny) == 1 with input.resource as testing.resource("google_sql_database_instance", {"settings": testing.unknown})
		with input.related as []
}
