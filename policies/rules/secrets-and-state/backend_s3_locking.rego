# SEC-STATE-003: an S3 state backend locks the state (S3 lock file or DynamoDB table).
package iacgate.rules.secrets_and_state.backend_s3_locking

import data.iacgate.lib
import rego.v1

deny contains {"not_applicable": true} if lib.attr("backend") != "s3"

locked if lib.is_true(lib.attr("use_lockfile"))

locked if lib.is_set(lib.attr("dynamodb_table"))

deny contains lib.violation(["use_lockfile"], msg) if {
	lib.attr("backend") == "s3"
	not locked
	msg := concat("", [
		"state backend s3 does not lock the state: use_lockfile is ", lib.attr_text("use_lockfile"),
		" and dynamodb_table is ", lib.attr_text("dynamodb_table"),
		", required use_lockfile = true (or a dynamodb_table)",
	])
}
