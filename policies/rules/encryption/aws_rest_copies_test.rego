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

# Every test names local variables after `as` and overrides input.related only where a neighbour matters
# (see aws_rest_cmk_test.rego): regopy 1.5.2 compiled this file past the 4 GB a test file may use with
# function calls and `with input.related as []` written there.

rest_copies_key := "arn:aws:kms:eu-west-1:482913057716:key/0f2b9c1e-7d4a-4c55-9a1b-3e8f6d2c4b71"

test_snapshot_copies if {
	subject := testing.resource("aws_ebs_snapshot_copy", {"encrypted": true})
	count(aws_rest_ebs_snapshot_copy_cmk.deny) == 1 with input.resource as subject
	subject2 := testing.resource("aws_ebs_snapshot_copy", {"kms_key_id": rest_copies_key})
	count(aws_rest_ebs_snapshot_copy_cmk.deny) == 0 with input.resource as subject2
	subject3 := testing.resource("aws_db_snapshot_copy", {"source_db_snapshot_identifier": "s"})
	some kept in aws_rest_rds_snapshot_copy_cmk.deny with input.resource as subject3
	kept.status == "undetermined"
	subject4 := testing.resource("aws_db_snapshot_copy", {"source_db_snapshot_identifier": "s", "kms_key_id": "alias/aws/rds"})
	count(aws_rest_rds_snapshot_copy_cmk.deny) == 1 with input.resource as subject4
	subject5 := testing.resource("aws_rds_cluster_snapshot_copy", {"source_db_cluster_snapshot_identifier": "s"})
	some cluster_kept in aws_rest_rds_snapshot_copy_cmk.deny with input.resource as subject5
	cluster_kept.status == "undetermined"
	subject6 := testing.resource("aws_rds_cluster_snapshot_copy", {"source_db_cluster_snapshot_identifier": "s", "kms_key_id": "alias/aws/rds"})
	count(aws_rest_rds_snapshot_copy_cmk.deny) == 1 with input.resource as subject6
	subject7 := testing.resource("aws_rds_cluster_snapshot_copy", {"source_db_cluster_snapshot_identifier": "s", "kms_key_id": rest_copies_key})
	count(aws_rest_rds_snapshot_copy_cmk.deny) == 0 with input.resource as subject7
	subject8 := testing.resource("aws_db_instance_automated_backups_replication", {})
	count(aws_rest_rds_backup_replication_cmk.deny) == 1 with input.resource as subject8
	subject9 := testing.resource("aws_db_instance_automated_backups_replication", {"kms_key_id": rest_copies_key})
	count(aws_rest_rds_backup_replication_cmk.deny) == 0 with input.resource as subject9
}

test_global_clusters if {
	subject := testing.resource("aws_rds_global_cluster", {})
	some unset in aws_rest_rds_global_cluster_encrypted.deny with input.resource as subject
	not unset.status
	subject2 := testing.resource("aws_rds_global_cluster", {"storage_encrypted": true})
	count(aws_rest_rds_global_cluster_encrypted.deny) == 0 with input.resource as subject2
	subject3 := testing.resource("aws_docdb_global_cluster", {"source_db_cluster_identifier": "arn"})
	some from_source in aws_rest_docdb_global_cluster_encrypted.deny with input.resource as subject3
	from_source.status == "undetermined"
	subject4 := testing.resource("aws_docdb_global_cluster", {"storage_encrypted": false, "source_db_cluster_identifier": "arn"})
	count(aws_rest_docdb_global_cluster_encrypted.deny) == 1 with input.resource as subject4
	subject5 := testing.resource("aws_neptune_global_cluster", {"storage_encrypted": false})
	some neptune in aws_rest_neptune_global_cluster_encrypted.deny with input.resource as subject5
	not neptune.status
	startswith(neptune.message, "Neptune global cluster is not encrypted at rest")
	subject6 := testing.resource("aws_neptune_global_cluster", {"storage_encrypted": true})
	count(aws_rest_neptune_global_cluster_encrypted.deny) == 0 with input.resource as subject6
}

test_ami_copies if {
	subject := testing.resource("aws_ami_copy", {"encrypted": false})
	count(aws_rest_ami_copy_encrypted.deny) == 1 with input.resource as subject
	subject2 := testing.resource("aws_ami_copy", {"encrypted": true})
	count(aws_rest_ami_copy_encrypted.deny) == 0 with input.resource as subject2
	count(aws_rest_ami_copy_cmk.deny) == 1 with input.resource as subject2
	subject3 := testing.resource("aws_ami_copy", {"encrypted": true, "kms_key_id": rest_copies_key})
	count(aws_rest_ami_copy_cmk.deny) == 0 with input.resource as subject3
}

# encrypted defaults to false and is always passed to CopyImage: not set is false, not "the source's".
test_ami_copy_encrypted_not_set_fails if {
	subject := testing.resource("aws_ami_copy", {})
	some result in aws_rest_ami_copy_encrypted.deny with input.resource as subject
	result.path == ["encrypted"]
	object.get(result, "status", "failed") == "failed"
	contains(result.message, "encrypted is not set (false when not set), required true")
}

test_ami_copy_encrypted_unknown_is_undetermined_path if {
	subject := testing.resource("aws_ami_copy", {"encrypted": testing.unknown})
	some result in aws_rest_ami_copy_encrypted.deny with input.resource as subject
	result.path == ["encrypted"]
}

# Without kms_key_id the copy takes the account's default EBS key (CopyImage), not the source AMI's.
test_ami_copy_without_key_fails if {
	subject := testing.resource("aws_ami_copy", {})
	some result in aws_rest_ami_copy_cmk.deny with input.resource as subject
	result.path == ["kms_key_id"]
	not result.status
}

test_domains_and_video if {
	subject := testing.resource("aws_codeartifact_domain", {})
	count(aws_rest_codeartifact_domain_cmk.deny) == 1 with input.resource as subject
	subject2 := testing.resource("aws_codeartifact_domain", {"encryption_key": rest_copies_key})
	count(aws_rest_codeartifact_domain_cmk.deny) == 0 with input.resource as subject2
	subject3 := testing.resource("aws_kinesis_video_stream", {"kms_key_id": "alias/aws/kinesisvideo"})
	count(aws_rest_kinesis_video_cmk.deny) == 1 with input.resource as subject3
	subject4 := testing.resource("aws_sagemaker_domain", {"kms_key_id": rest_copies_key})
	count(aws_rest_sagemaker_domain_cmk.deny) == 0 with input.resource as subject4
	subject5 := testing.resource("aws_sagemaker_domain", {})
	count(aws_rest_sagemaker_domain_cmk.deny) == 1 with input.resource as subject5
}
