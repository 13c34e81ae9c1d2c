package iacgate.rules.secrets_and_state.state_storage_test

import data.iacgate.lib.testing
import data.iacgate.rules.secrets_and_state.state_lock_table
import data.iacgate.rules.secrets_and_state.state_s3_bucket
import rego.v1

bucket(attributes) := object.union(testing.resource("aws_s3_bucket", attributes), {"format": "terraform"})

backend_ref(kind) := testing.referrer("terraform_backend", "bucket", {"backend": kind})

cmk_encryption(key) := testing.referrer("aws_s3_bucket_server_side_encryption_configuration", "bucket", {"rule": [{
	"apply_server_side_encryption_by_default": [{
		"sse_algorithm": "aws:kms",
		"kms_master_key_id": key,
	}],
}]})

versioning(status) := testing.referrer("aws_s3_bucket_versioning", "bucket", {"versioning_configuration": [{"status": status}]})

logging(target) := testing.referrer("aws_s3_bucket_logging", "bucket", {"target_bucket": target})


protected(extra) := array.concat([backend_ref("s3"), cmk_encryption("arn:aws:kms:eu-west-1:111122223333:key/1234"), versioning("Enabled"), logging("logs")], extra)

test_protected_state_bucket_passes if {
	state_s3_bucket.deny == set() with input.resource as bucket({"bucket": "state"})
		with input.related as protected([])
}

test_bucket_no_backend_names_is_not_judged if {
	state_s3_bucket.deny == {{"not_applicable": true}} with input.resource as bucket({"bucket": "other"})
		with input.related as []
}

test_suspended_versioning_fails if {
	some result in state_s3_bucket.deny with input.resource as bucket({"bucket": "state"})
		with input.related as [backend_ref("s3"), cmk_encryption("arn:aws:kms:eu-west-1:111122223333:key/1234"), versioning("Suspended"), logging("logs")]
	contains(result.message, "keeps no versions")
}

test_sse_s3_fails if {
	some result in state_s3_bucket.deny with input.resource as bucket({"bucket": "state"})
		with input.related as [backend_ref("s3"), versioning("Enabled"), logging("logs")]
	contains(result.message, "customer-managed KMS key")
}

test_public_access_block_off_fails if {
	pab := testing.referrer("aws_s3_bucket_public_access_block", "bucket", {"block_public_acls": true, "block_public_policy": false})
	some result in state_s3_bucket.deny with input.resource as bucket({"bucket": "state"})
		with input.related as protected([pab])
	contains(result.message, "block_public_policy to false")
}

# versioning_configuration { status = var.status }: it may be Suspended, never a pass.
test_unknown_versioning_status_is_undetermined if {
	some result in state_s3_bucket.deny with input.resource as bucket({"bucket": "state"})
		with input.related as [backend_ref("s3"), cmk_encryption("arn:aws:kms:eu-west-1:111122223333:key/1234"), versioning(testing.unknown), logging("logs")]
	result.status == "undetermined"
	contains(result.message, "versioning status is unknown")
}

test_unknown_public_access_setting_is_undetermined if {
	pab := testing.referrer("aws_s3_bucket_public_access_block", "bucket", {"block_public_acls": testing.unknown, "block_public_policy": true})
	some result in state_s3_bucket.deny with input.resource as bucket({"bucket": "state"})
		with input.related as protected([pab])
	result.status == "undetermined"
	contains(result.message, "block_public_acls to a value unknown until apply")
}

test_unlogged_fails if {
	some result in state_s3_bucket.deny with input.resource as bucket({"bucket": "state"})
		with input.related as [backend_ref("s3"), cmk_encryption("arn:aws:kms:eu-west-1:111122223333:key/1234"), versioning("Enabled")]
	contains(result.message, "records no access")
}

lock_table(attributes) := object.union(testing.resource("aws_dynamodb_table", attributes), {"format": "terraform"})

test_lock_table_without_pitr_fails if {
	some result in state_lock_table.deny with input.resource as lock_table({"name": "locks"})
		with input.related as [testing.referrer("terraform_backend", "dynamodb_table", {"backend": "s3"})]
	result.path == ["point_in_time_recovery"]
}

test_lock_table_with_pitr_passes if {
	state_lock_table.deny == set() with input.resource as lock_table({"name": "locks", "point_in_time_recovery": [{"enabled": true}]})
		with input.related as [testing.referrer("terraform_backend", "dynamodb_table", {"backend": "s3"})]
}

test_other_table_is_not_judged if {
	state_lock_table.deny == {{"not_applicable": true}} with input.resource as lock_table({"name": "orders"})
		with input.related as []
}
