# ENC-GCPSQL-001: Cloud SQL instances accept encrypted (TLS) connections only.
package iacgate.rules.encryption.gcp_sql_tls

import data.iacgate.lib
import data.iacgate.lib.gcp
import rego.v1

# ssl_mode values that refuse unencrypted connections.
tls_only := {"ENCRYPTED_ONLY", "TRUSTED_CLIENT_CERTIFICATE_REQUIRED"}

ip_configuration := gcp.block(gcp.sql_settings, "ip_configuration")

ssl_mode := object.get(ip_configuration, "ssl_mode", null)

# google provider 4 and 5 also accept require_ssl = true (removed in 6.0), which means the same.
legacy_require_ssl if lib.is_true(object.get(ip_configuration, "require_ssl", null))

deny contains lib.violation(["settings", 0, "ip_configuration", 0, "ssl_mode"], msg) if {
	lib.is_set(ssl_mode)
	not ssl_mode in tls_only
	not legacy_require_ssl
	msg := concat("", ["Cloud SQL instance accepts unencrypted connections: settings.ip_configuration.ssl_mode is ", lib.show(ssl_mode), ", required ENCRYPTED_ONLY or TRUSTED_CLIENT_CERTIFICATE_REQUIRED"])
}

deny contains lib.violation(path, msg) if {
	not lib.is_set(ssl_mode)
	not legacy_require_ssl
	path := missing_path
	msg := "Cloud SQL instance accepts unencrypted connections: settings.ip_configuration.ssl_mode is not set (default ALLOW_UNENCRYPTED_AND_ENCRYPTED), required ENCRYPTED_ONLY or TRUSTED_CLIENT_CERTIFICATE_REQUIRED"
}

# The innermost block the configuration writes, so the finding lands on a line that exists.
missing_path := ["settings", 0, "ip_configuration", 0] if {
	ip_configuration != {}
} else := ["settings", 0] if {
	gcp.sql_settings != {}
} else := []
