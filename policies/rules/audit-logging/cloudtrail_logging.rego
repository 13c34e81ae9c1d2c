# LOG-CLOUDTRAIL-004: CloudTrail trails are logging (not stopped).
package iacgate.rules.audit_logging.cloudtrail_logging

import data.iacgate.lib
import data.iacgate.lib.aws.logging
import rego.v1

# Left out, Terraform's enable_logging defaults to true: only an explicit false stops the trail.
deny contains lib.violation([name], msg) if {
	name := logging.cloudtrail_logging_attribute
	lib.is_false(lib.attr(name))
	msg := concat("", ["CloudTrail trail is stopped: ", name, " is false, required true"])
}

# Unknown until apply (enable_logging = var.logging): it may be false; the engine calls it undetermined.
deny contains lib.violation([name], msg) if {
	name := logging.cloudtrail_logging_attribute
	lib.is_unknown(lib.attr(name))
	msg := concat("", ["CloudTrail trail may be stopped: ", name, " is unknown until apply, required true"])
}
