# ENC-IMAGEBUILDER-003: Image Builder image recipes encrypt the EBS volumes they map with a customer-managed
# KMS key.
package iacgate.rules.encryption.aws_rest_imagebuilder_recipe_cmk

import data.iacgate.lib
import data.iacgate.lib.aws_imagebuilder
import data.iacgate.lib.aws_rest
import rego.v1

deny contains {"not_applicable": true} if aws_imagebuilder.recipe_not_concerned

deny contains lib.undetermined(path, "Image recipe may not encrypt its volumes with a customer-managed KMS key: its block device mappings are unknown until apply") if {
	some path in aws_imagebuilder.recipe_unknown
}

# A volume restored from a snapshot without kms_key_id keeps the snapshot's key, which is not shown.
from_snapshot_without_key(settings) if {
	not lib.is_set(object.get(settings, "kms_key_id", null))
	lib.is_set(object.get(settings, "snapshot_id", null))
}

deny contains violation if {
	some device in aws_imagebuilder.recipe_devices
	not from_snapshot_without_key(device.settings)
	label := concat("", ["kms_key_id of ", aws_rest.rest_device_text(device.device)])
	some violation in aws_rest.rest_cmk_findings(
		"block_device_mapping", array.concat(device.path, ["kms_key_id"]),
		object.get(device.settings, "kms_key_id", null), label, "Image recipe",
	)
}

deny contains lib.undetermined(array.concat(device.path, ["kms_key_id"]), msg) if {
	some device in aws_imagebuilder.recipe_devices
	from_snapshot_without_key(device.settings)
	msg := concat("", [
		"Image recipe ", aws_rest.rest_device_text(device.device), " keeps the key of the snapshot it is restored",
		" from (snapshot_id is ", lib.show(object.get(device.settings, "snapshot_id", null)),
		"), which the scanned configuration does not show: kms_key_id is not set, required the ARN or alias",
		" of a customer-managed key",
	])
}
