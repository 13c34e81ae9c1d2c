package iacgate.rules.encryption.ebs_volume_test

import data.iacgate.lib.testing
import data.iacgate.rules.encryption.ebs_volume
import rego.v1

test_encrypted_volume_passes if {
	count(ebs_volume.deny) == 0 with input.resource as testing.resource("aws_ebs_volume", {"encrypted": true, "size": 100})
		with input.related as []
}

test_unencrypted_volume_fails if {
	some result in ebs_volume.deny with input.resource as testing.resource("aws_ebs_volume", {"encrypted": false})
		with input.related as []
	result.path == ["encrypted"]
	contains(result.message, "encrypted is false")
}

test_missing_setting_fails if {
	# `attrs.encrypted != true` would be undefined here and let the volume pass silently.
	some result in ebs_volume.deny with input.resource as testing.resource("aws_ebs_volume", {"size": 100})
		with input.related as []
	contains(result.message, "encrypted is not set")
}

test_unknown_setting_is_reported_on_its_path if {
	some result in ebs_volume.deny with input.resource as testing.resource("aws_ebs_volume", {"encrypted": testing.unknown})
		with input.related as []
	result.path == ["encrypted"]
	contains(result.message, "unknown until apply")
}

test_snapshot_volume_without_encrypted_is_undetermined if {
	some result in ebs_volume.deny with input.resource as testing.resource("aws_ebs_volume", {"snapshot_id": "snap-0a1b2c3d4e5f60718"})
		with input.related as []
	result.path == ["encrypted"]
	result.status == "undetermined"
	contains(result.message, "snapshot_id is snap-0a1b2c3d4e5f60718")
}

test_snapshot_volume_from_an_encrypted_copy_passes if {
	count(ebs_volume.deny) == 0 with input.resource as testing.resource("aws_ebs_volume", {"snapshot_id": testing.unknown})
		with input.related as [{
			"direction": "out", "edge": "reference", "attribute": "snapshot_id",
			"resource": testing.resource("aws_ebs_snapshot_copy", {"encrypted": true}),
		}]
}

test_snapshot_volume_written_unencrypted_fails if {
	some result in ebs_volume.deny with input.resource as testing.resource("aws_ebs_volume", {"snapshot_id": "snap-0a1b2c3d4e5f60718", "encrypted": false})
		with input.related as []
	not result.status
	contains(result.message, "encrypted is false")
}
