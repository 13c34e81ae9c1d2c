# ENC-EBS-001: EBS volumes are encrypted at rest.
package iacgate.rules.encryption.ebs_volume

import data.iacgate.lib
import data.iacgate.lib.aws_data
import rego.v1

# A volume restored from a snapshot (snapshot_id) without `encrypted` takes the snapshot's encryption: it
# is judged by the snapshot when the snapshot is an encrypted copy in the scanned configuration, and is
# undetermined otherwise (issue 15 §3). Without a snapshot, a missing `encrypted` is unencrypted. A volume
# restored from an encrypted snapshot is always encrypted, whatever `encrypted` says (a plan shows it
# unknown when the configuration leaves it out).
deny contains lib.violation(["encrypted"], msg) if {
	not lib.is_true(lib.attr("encrypted"))
	not aws_data.data_from_snapshot(lib.attrs)
	not restored_from_encrypted_snapshot
	msg := sprintf("EBS volume is not encrypted at rest: encrypted is %s, required true", [lib.attr_text("encrypted")])
}

deny contains lib.undetermined(["encrypted"], msg) if {
	aws_data.data_from_snapshot(lib.attrs)
	not aws_data.data_encrypted_snapshot_copies
	msg := concat("", [
		"EBS volume takes its encryption from the snapshot it is restored from (snapshot_id is ",
		lib.attr_text("snapshot_id"), "), which the scanned configuration does not show: encrypted is not set,",
		" required true",
	])
}

restored_from_encrypted_snapshot if {
	lib.is_set(lib.attr("snapshot_id"))
	aws_data.data_encrypted_snapshot_copies
}
