# ENC-CLOUDSEARCH-001: CloudSearch domains accept HTTPS only (endpoint_options.enforce_https).
package iacgate.rules.encryption.aws_transit_cloudsearch_https

import data.iacgate.lib
import data.iacgate.lib.aws_transit
import rego.v1

# enforce_https defaults to false: a domain without endpoint_options serves HTTP too.
deny contains lib.violation(setting.path, msg) if {
	not aws_transit.transit_block_unknown("endpoint_options")
	setting := aws_transit.transit_block_setting("endpoint_options", "enforce_https")
	not lib.is_true(setting.value)
	msg := concat("", [
		"CloudSearch domain accepts HTTP: endpoint_options.enforce_https is ", lib.show(setting.value),
		aws_transit.transit_unset_note(setting.value, "false"), ", required true",
	])
}

deny contains lib.undetermined(["endpoint_options"], "CloudSearch domain endpoint_options is unknown until apply: cannot tell whether HTTPS is enforced") if {
	aws_transit.transit_block_unknown("endpoint_options")
}
