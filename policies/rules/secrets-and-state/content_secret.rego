# SEC-CONTENT-001: no secret is written in the scanned files (known credential formats, high-entropy values
# under secret-like keys). The node holds the detector, key and line of what was found, never the value.
package iacgate.rules.secrets_and_state.content_secret

import data.iacgate.lib
import rego.v1

where := concat("", [" under ", lib.attr("key")]) if lib.is_set(lib.attr("key"))

else := ""

# A value carrying a documentation marker (AKIAIOSFODNN7EXAMPLE, as AWS documents it) is not a secret.
deny contains lib.violation(["detector"], msg) if {
	not lib.is_true(lib.attr("example"))
	msg := concat("", [
		"secret written in the file: ", lib.attr("detector"), where,
		" (value withheld), required the value injected at deployment from a secrets manager",
	])
}
