# A peer for `make bench`: conftest (OPA) on the raw Terraform plan, with rules comparable to a few of
# iacgate's (ENC-EBS-001, ENC-RDS-001, ENC-SQS-001, ENC-SNS-001, ENC-DYNAMODB-001, LOG-CLOUDTRAIL-002,
# LOG-VPC-001, ENC-KMS-001). It measures what evaluating policies over the plan costs in OPA, not
# detection: no unknowns, no neighbours, no modules.
package main

import rego.v1

after(change) := object.get(change.change, "after", {})

managed contains change if {
	some change in input.resource_changes
	change.mode == "managed"
	not "delete" in change.change.actions
}

deny contains sprintf("%s: EBS volume not encrypted", [c.address]) if {
	some c in managed
	c.type == "aws_ebs_volume"
	not after(c).encrypted == true
}

deny contains sprintf("%s: RDS storage not encrypted", [c.address]) if {
	some c in managed
	c.type in {"aws_db_instance", "aws_rds_cluster"}
	not after(c).storage_encrypted == true
}

deny contains sprintf("%s: SQS queue not encrypted", [c.address]) if {
	some c in managed
	c.type == "aws_sqs_queue"
	not after(c).kms_master_key_id
	not after(c).sqs_managed_sse_enabled == true
}

deny contains sprintf("%s: SNS topic not encrypted", [c.address]) if {
	some c in managed
	c.type == "aws_sns_topic"
	not after(c).kms_master_key_id
}

deny contains sprintf("%s: DynamoDB table without a customer-managed key", [c.address]) if {
	some c in managed
	c.type == "aws_dynamodb_table"
	not some_sse_enabled(after(c))
}

some_sse_enabled(table) if {
	some sse in object.get(table, "server_side_encryption", [])
	sse.enabled == true
}

deny contains sprintf("%s: CloudTrail log file validation off", [c.address]) if {
	some c in managed
	c.type == "aws_cloudtrail"
	not after(c).enable_log_file_validation == true
}

deny contains sprintf("%s: KMS key rotation off", [c.address]) if {
	some c in managed
	c.type == "aws_kms_key"
	not after(c).enable_key_rotation == true
}

deny contains sprintf("%s: VPC without a flow log", [c.address]) if {
	some c in managed
	c.type == "aws_vpc"
	not flow_logged[c.address]
}

flow_logged contains vpc if {
	some c in input.configuration.root_module.resources
	c.type == "aws_flow_log"
	some reference in c.expressions.vpc_id.references
	some vpc in [reference, trim_suffix(reference, ".id")]
}
