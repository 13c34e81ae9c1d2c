# SEC-STATE-001: an S3 state backend encrypts the state objects it writes.
package iacgate.rules.secrets_and_state.backend_s3_encrypt

import data.iacgate.lib
import rego.v1

deny contains {"not_applicable": true} if lib.attr("backend") != "s3"

deny contains lib.violation(["encrypt"], msg) if {
	lib.attr("backend") == "s3"
	not lib.is_true(lib.attr("encrypt"))
	msg := concat("", [
		"state backend s3 writes the state without server-side encryption: encrypt is ",
		lib.attr_text("encrypt"), ", required true",
	])
}
