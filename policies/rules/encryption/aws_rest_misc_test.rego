# Unit tests of ENC-REDSHIFT-011 and ENC-APPSYNC-001.
package iacgate.rules.encryption.aws_rest_misc_test

import data.iacgate.lib.testing
import data.iacgate.rules.encryption.aws_rest_appsync_cache_encrypted
import data.iacgate.rules.encryption.aws_rest_redshift_copy_grant_cmk
import rego.v1

test_copy_grant if {
	count(aws_rest_redshift_copy_grant_cmk.deny) == 1 with input.resource as testing.resource("aws_redshift_snapshot_copy_grant", {"snapshot_copy_grant_name": "dr"})
		with input.related as []
	count(aws_rest_redshift_copy_grant_cmk.deny) == 0 with input.resource as testing.resource("aws_redshift_snapshot_copy_grant", {"kms_key_id": "arn:aws:kms:eu-west-1:482913057716:key/1"})
		with input.related as []
}

test_appsync_cache if {
	some result in aws_rest_appsync_cache_encrypted.deny with input.resource as testing.resource("aws_appsync_api_cache", {"type": "SMALL"})
		with input.related as []
	result.path == ["at_rest_encryption_enabled"]
	count(aws_rest_appsync_cache_encrypted.deny) == 1 with input.resource as testing.resource("aws_appsync_api_cache", {"at_rest_encryption_enabled": "false"})
		with input.related as []
	count(aws_rest_appsync_cache_encrypted.deny) == 0 with input.resource as testing.resource("aws_appsync_api_cache", {"at_rest_encryption_enabled": true})
		with input.related as []
}
