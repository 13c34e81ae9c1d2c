# ENC-GCPSQL-001: Cloud SQL instances accept encrypted (TLS) connections only.
package iacgate.rules.encryption.gcp_sql_tls

import data.iacgate.lib
import data.iacgate.lib.gcp
import rego.v1

# ssl_mode values that refuse unencrypted connections.
tls_only := {"ENCRYPTED_ONLY", "TRUSTED_CLIENT_CERTIFICATE_REQUIRED"}

ip_configuration := gcp.block(gcp.sql_settings, "ip_configuration")

ssl_mode := object.get(ip_configuration, "ssl_mode", null)

# google provider 4 and 5 also accept require_ssl = true (removed in 6.0), which means the same where
# ssl_mode is not set. Where both are set, the database respects ssl_mode (the Cloud SQL Admin API: "the
# value of ssl_mode gets priority over the value of the legacy require_ssl"), so ssl_mode alone is judged.
legacy_require_ssl if lib.is_true(object.get(ip_configuration, "require_ssl", null))

deny contains lib.violation(["settings", 0, "ip_configuration", 0, "ssl_mode"], msg) if {
	lib.is_set(ssl_mode)
	not ssl_mode in tls_only
	msg := concat("", ["Cloud SQL instance accepts unencrypted connections: settings.ip_configuration.ssl_mode is ", lib.show(ssl_mode), ", required ENCRYPTED_ONLY or TRUSTED_CLIENT_CERTIFICATE_REQUIRED"])
}

# A value unknown until apply that decides the question where ssl_mode is not set: settings or
# ip_configuration unknown as a whole (a variable, a dynamic block over one), or require_ssl unknown. The
# finding points at it: undetermined, never failed as "not set" nor passed.
unknown_setting := {"path": ["settings"], "text": "settings"} if {
	lib.is_unknown(lib.attr("settings"))
} else := {"path": ["settings", 0, "ip_configuration"], "text": "settings.ip_configuration"} if {
	lib.is_unknown(object.get(gcp.sql_settings, "ip_configuration", null))
} else := {"path": ["settings", 0, "ip_configuration", 0, "require_ssl"], "text": "settings.ip_configuration.require_ssl"} if {
	not lib.is_set(ssl_mode)
	lib.is_unknown(object.get(ip_configuration, "require_ssl", null))
}

deny contains lib.violation(unknown_setting.path, msg) if {
	msg := concat("", [
		"Cloud SQL instance may accept unencrypted connections: ", unknown_setting.text,
		" is unknown until apply, required settings.ip_configuration.ssl_mode ENCRYPTED_ONLY or",
		" TRUSTED_CLIENT_CERTIFICATE_REQUIRED",
	])
}

deny contains lib.violation(path, msg) if {
	not lib.is_set(ssl_mode)
	not legacy_require_ssl
	not unknown_setting
	path := missing_path
	msg := "Cloud SQL instance accepts unencrypted connections: settings.ip_configuration.ssl_mode is not set (default ALLOW_UNENCRYPTED_AND_ENCRYPTED), required ENCRYPTED_ONLY or TRUSTED_CLIENT_CERTIFICATE_REQUIRED"
}

# The innermost block the configuration writes, so the finding lands on a line that exists.
missing_path := ["settings", 0, "ip_configuration", 0] if {
	ip_configuration != {}
} else := ["settings", 0] if {
	gcp.sql_settings != {}
} else := []
