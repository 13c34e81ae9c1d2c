# ENC-APPSYNC-001: AppSync API caches encrypt data at rest.
package iacgate.rules.encryption.aws_rest_appsync_cache_encrypted

import data.iacgate.lib
import rego.v1

deny contains lib.violation(["at_rest_encryption_enabled"], msg) if {
	not lib.is_true(lib.attr("at_rest_encryption_enabled"))
	msg := concat("", [
		"AppSync API cache is not encrypted at rest: at_rest_encryption_enabled is ",
		lib.attr_text("at_rest_encryption_enabled"), ", required true",
	])
}
