# ENC-REDSHIFT-002: Redshift parameter groups require SSL for client connections.
package iacgate.rules.encryption.aws_tls_redshift_require_ssl

import data.iacgate.lib
import data.iacgate.lib.aws_tls
import rego.v1

# require_ssl defaults to false: a group that leaves it out accepts clear-text connections.
deny contains lib.violation(setting.path, msg) if {
	setting := aws_tls.tls_parameter("require_ssl")
	not lib.is_unknown(setting.value)
	not aws_tls.tls_switched_on(setting.value)
	msg := concat("", [
		"Redshift parameter group accepts unencrypted connections: require_ssl is ", lib.show(setting.value),
		lib.when_not_set(setting.value, "false"), ", required true",
	])
}

# require_ssl (or all parameters) unknown until apply: undetermined, never a pass.
deny contains lib.violation(setting.path, msg) if {
	setting := aws_tls.tls_parameter("require_ssl")
	lib.is_unknown(setting.value)
	msg := "Redshift parameter group SSL setting is unknown: require_ssl is unknown until apply, required true"
}
