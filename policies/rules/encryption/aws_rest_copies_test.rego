# Unit tests of the aws_rest rules on copies, replicas and global clusters (ENC-EBS-005, ENC-RDS-007..009,
# ENC-DOCDB-012, ENC-NEPTUNE-005, ENC-EC2-006/007) and of ENC-CODEARTIFACT-001, ENC-KINESISVIDEO-001, ENC-SAGEMAKER-003.
package iacgate.rules.encryption.aws_rest_copies_test

import data.iacgate.lib.testing
import data.iacgate.rules.encryption.aws_rest_ami_copy_cmk
import data.iacgate.rules.encryption.aws_rest_ami_copy_encrypted
import data.iacgate.rules.encryption.aws_rest_codeartifact_domain_cmk
import data.iacgate.rules.encryption.aws_rest_docdb_global_cluster_encrypted
import data.iacgate.rules.encryption.aws_rest_ebs_snapshot_copy_cmk
import data.iacgate.rules.encryption.aws_rest_kinesis_video_cmk
import data.iacgate.rules.encryption.aws_rest_neptune_global_cluster_encrypted
import data.iacgate.rules.encryption.aws_rest_rds_backup_replication_cmk
import data.iacgate.rules.encryption.aws_rest_rds_global_cluster_encrypted
import data.iacgate.rules.encryption.aws_rest_rds_snapshot_copy_cmk
import data.iacgate.rules.encryption.aws_rest_sagemaker_domain_cmk
import rego.v1

rest_copies_key := "arn:aws:kms:eu-west-1:482913057716:key/0f2b9c1e-7d4a-4c55-9a1b-3e8f6d2c4b71"

test_snapshot_copies if {
	count(aws_rest_ebs_snapshot_copy_cmk.deny) == 1 with input.resource as testing.resource("aws_ebs_snapshot_copy", {"encrypted": true})
		with input.related as []
	count(aws_rest_ebs_snapshot_copy_cmk.deny) == 0 with input.resource as testing.resource("aws_ebs_snapshot_copy", {"kms_key_id": rest_copies_key})
		with input.related as []
	some kept in aws_rest_rds_snapshot_copy_cmk.deny with input.resource as testing.resource("aws_db_snapshot_copy", {"source_db_snapshot_identifier": "s"})
		with input.related as []
	kept.status == "undetermined"
	count(aws_rest_rds_snapshot_copy_cmk.deny) == 1 with input.resource as testing.resource("aws_db_snapshot_copy", {"source_db_snapshot_identifier": "s", "kms_key_id": "alias/aws/rds"})
		with input.related as []
	some cluster_kept in aws_rest_rds_snapshot_copy_cmk.deny with input.resource as testing.resource("aws_rds_cluster_snapshot_copy", {"source_db_cluster_snapshot_identifier": "s"})
		with input.related as []
	cluster_kept.status == "undetermined"
	count(aws_rest_rds_snapshot_copy_cmk.deny) == 1 with input.resource as testing.resource("aws_rds_cluster_snapshot_copy", {"source_db_cluster_snapshot_identifier": "s", "kms_key_id": "alias/aws/rds"})
		with input.related as []
	count(aws_rest_rds_snapshot_copy_cmk.deny) == 0 with input.resource as testing.resource("aws_rds_cluster_snapshot_copy", {"source_db_cluster_snapshot_identifier": "s", "kms_key_id": rest_copies_key})
		with input.related as []
	count(aws_rest_rds_backup_replication_cmk.deny) == 1 with input.resource as testing.resource("aws_db_instance_automated_backups_replication", {})
		with input.related as []
	count(aws_rest_rds_backup_replication_cmk.deny) == 0 with input.resource as testing.resource("aws_db_instance_automated_backups_replication", {"kms_key_id": rest_copies_key})
		with input.related as []
}

test_global_clusters if {
	some unset in aws_rest_rds_global_cluster_encrypted.deny with input.resource as testing.resource("aws_rds_global_cluster", {})
		with input.related as []
	not unset.status
	count(aws_rest_rds_global_cluster_encrypted.deny) == 0 with input.resource as testing.resource("aws_rds_global_cluster", {"storage_encrypted": true})
		with input.related as []
	some from_source in aws_rest_docdb_global_cluster_encrypted.deny with input.resource as testing.resource("aws_docdb_global_cluster", {"source_db_cluster_identifier": "arn"})
		with input.related as []
	from_source.status == "undetermined"
	count(aws_rest_docdb_global_cluster_encrypted.deny) == 1 with input.resource as testing.resource("aws_docdb_global_cluster", {"storage_encrypted": false, "source_db_cluster_identifier": "arn"})
		with input.related as []
	some neptune in aws_rest_neptune_global_cluster_encrypted.deny with input.resource as testing.resource("aws_neptune_global_cluster", {"storage_encrypted": false})
		with input.related as []
	not neptune.status
	startswith(neptune.message, "Neptune global cluster is not encrypted at rest")
	count(aws_rest_neptune_global_cluster_encrypted.deny) == 0 with input.resource as testing.resource("aws_neptune_global_cluster", {"storage_encrypted": true})
		with input.related as []
}

test_ami_copies if {
	count(aws_rest_ami_copy_encrypted.deny) == 1 with input.resource as testing.resource("aws_ami_copy", {"encrypted": false})
		with input.related as []
	count(aws_rest_ami_copy_encrypted.deny) == 0 with input.resource as testing.resource("aws_ami_copy", {"encrypted": true})
		with input.related as []
	count(aws_rest_ami_copy_cmk.deny) == 1 with input.resource as testing.resource("aws_ami_copy", {"encrypted": true})
		with input.related as []
	count(aws_rest_ami_copy_cmk.deny) == 0 with input.resource as testing.resource("aws_ami_copy", {"encrypted": true, "kms_key_id": rest_copies_key})
		with input.related as []
}

# encrypted defaults to false and is always passed to CopyImage: not set is false, not "the source's".
test_ami_copy_encrypted_not_set_fails if {
	some result in aws_rest_ami_copy_encrypted.deny with input.resource as testing.resource("aws_ami_copy", {})
		with input.related as []
	result.path == ["encrypted"]
	object.get(result, "status", "failed") == "failed"
	contains(result.message, "encrypted is not set (false when not set), required true")
}

test_ami_copy_encrypted_unknown_is_undetermined_path if {
	some result in aws_rest_ami_copy_encrypted.deny with input.resource as testing.resource("aws_ami_copy", {"encrypted": testing.unknown})
		with input.related as []
	result.path == ["encrypted"]
}

# Without kms_key_id the copy takes the account's default EBS key (CopyImage), not the source AMI's.
test_ami_copy_without_key_fails if {
	some result in aws_rest_ami_copy_cmk.deny with input.resource as testing.resource("aws_ami_copy", {})
		with input.related as []
	result.path == ["kms_key_id"]
	not result.status
}

test_domains_and_video if {
	count(aws_rest_codeartifact_domain_cmk.deny) == 1 with input.resource as testing.resource("aws_codeartifact_domain", {})
		with input.related as []
	count(aws_rest_codeartifact_domain_cmk.deny) == 0 with input.resource as testing.resource("aws_codeartifact_domain", {"encryption_key": rest_copies_key})
		with input.related as []
	count(aws_rest_kinesis_video_cmk.deny) == 1 with input.resource as testing.resource("aws_kinesis_video_stream", {"kms_key_id": "alias/aws/kinesisvideo"})
		with input.related as []
	count(aws_rest_sagemaker_domain_cmk.deny) == 0 with input.resource as testing.resource("aws_sagemaker_domain", {"kms_key_id": rest_copies_key})
		with input.related as []
	count(aws_rest_sagemaker_domain_cmk.deny) == 1 with input.resource as testing.resource("aws_sagemaker_domain", {})
		with input.related as []
}
