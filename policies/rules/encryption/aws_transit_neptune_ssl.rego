# ENC-NEPTUNE-101: Neptune cluster parameter groups keep SSL enforced (neptune_enforce_ssl not 0).
package iacgate.rules.encryption.aws_transit_neptune_ssl

import data.iacgate.lib
import data.iacgate.lib.aws_tls
import rego.v1

# neptune_enforce_ssl defaults to 1 (engine 1.0.4.0 and later): only a group that switches it off, or sets
# it to a value not known statically, is judged.
deny contains lib.violation(setting.path, msg) if {
	setting := aws_tls.tls_parameter("neptune_enforce_ssl")
	lib.is_set(setting.value)
	not aws_tls.tls_switched_on(setting.value)
	msg := concat("", [
		"Neptune cluster parameter group accepts unencrypted connections: neptune_enforce_ssl is ",
		lib.show(setting.value), ", required 1",
	])
}

deny contains lib.undetermined(["parameter"], "Neptune cluster parameter group parameters are unknown until apply: cannot tell whether SSL is enforced") if {
	lib.is_unknown(lib.attr("parameter"))
}
