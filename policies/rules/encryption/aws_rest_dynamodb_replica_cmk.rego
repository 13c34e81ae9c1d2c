# ENC-DYNAMODB-002: DynamoDB table replicas encrypt with a customer-managed KMS key.
package iacgate.rules.encryption.aws_rest_dynamodb_replica_cmk

import data.iacgate.lib
import data.iacgate.lib.aws_rest
import rego.v1

subject := "DynamoDB table replica"

# aws_dynamodb_table_replica: its own kms_key_arn.
deny contains violation if {
	lib.resource.type == "aws_dynamodb_table_replica"
	some violation in aws_rest.rest_cmk_attr("kms_key_arn", subject)
}

# aws_dynamodb_table: each replica block's kms_key_arn (Terraform, Pulumi replicas) or, on a CloudFormation
# AWS::DynamoDB::GlobalTable, each Replicas[].SSESpecification.KMSMasterKeyId.
replica_name := "replicas" if {
	input.resource.format == "cloudformation"
} else := "replica"

replicas contains {"path": path, "value": value, "label": label} if {
	input.resource.format != "cloudformation"
	some i, replica in lib.attr_blocks("replica")
	not lib.is_unknown(replica)
	path := ["replica", i, "kms_key_arn"]
	value := object.get(replica, "kms_key_arn", null)
	label := concat("", ["kms_key_arn of the replica in ", lib.show(object.get(replica, "region_name", null))])
}

replicas contains {"path": path, "value": value, "label": label} if {
	input.resource.format == "cloudformation"
	some i, replica in lib.attr_blocks("replicas")
	not lib.is_unknown(replica)
	specification := object.get(replica, "sse_specification", {})
	path := ["replicas", i, "sse_specification", "kms_master_key_id"]
	value := object.get(specification, "kms_master_key_id", null)
	label := concat("", ["kms_master_key_id of the replica in ", lib.show(object.get(replica, "region", null))])
}

unknown_replicas contains [replica_name] if lib.is_unknown(lib.attr(replica_name))

unknown_replicas contains [replica_name, i] if {
	some i, replica in lib.attr_blocks(replica_name)
	lib.is_unknown(replica)
}

# A table without replicas is not judged (ENC-DYNAMODB-001 judges the table's own key).
deny contains {"not_applicable": true} if {
	lib.resource.type == "aws_dynamodb_table"
	count(replicas) == 0
	count(unknown_replicas) == 0
}

deny contains lib.undetermined(path, "DynamoDB table may not encrypt its replicas with a customer-managed KMS key: they are unknown until apply") if {
	lib.resource.type == "aws_dynamodb_table"
	some path in unknown_replicas
}

# Not "DynamoDB table replica is ...": the finding's path runs through replica, so a Pulumi finding would
# render that word as the property (replicas) and read "DynamoDB table replicas is not encrypted".
table_subject := "DynamoDB replica table"

deny contains violation if {
	lib.resource.type == "aws_dynamodb_table"
	some replica in replicas
	some violation in aws_rest.rest_cmk_findings(replica_name, replica.path, replica.value, replica.label, table_subject)
}
