# ENC-SECRETSMANAGER-001: Secrets Manager secrets are encrypted with a customer-managed KMS key.
package iacgate.rules.encryption.aws_svc_secretsmanager_cmk

import data.iacgate.lib
import data.iacgate.lib.aws_rest
import data.iacgate.lib.aws_svc
import rego.v1

deny contains violation if violation := aws_svc.svc_cmk_violation("kms_key_id", "Secrets Manager secret")

# Each replica is encrypted in its own region with its own kms_key_id; without one Secrets Manager uses the
# AWS-managed key aws/secretsmanager of that region, whatever the primary's key is. Terraform writes replica
# blocks, CloudFormation ReplicaRegions, Pulumi replicas (names the residency rules read as they are).
replica_names := {"replica", "replica_regions", "replicas"}

deny contains violation if {
	some name in replica_names
	some i, replica in lib.attr_blocks(name)
	some violation in aws_rest.rest_cmk_findings(
		name, [name, i, "kms_key_id"],
		aws_svc.svc_field(replica, "kms_key_id"), concat(".", [name, "kms_key_id"]), "Secrets Manager secret",
	)
}

# Replicas unknown as a whole (a dynamic block over a variable) may leave a region's key out.
deny contains lib.undetermined([name], msg) if {
	some name in replica_names
	lib.is_unknown(lib.attr(name))
	msg := concat("", [
		"Secrets Manager secret replicas may not be encrypted with a customer-managed KMS key: ", name,
		" is unknown until apply, required kms_key_id naming a customer-managed key in each replica",
	])
}
