# Helpers of the AWS service encryption rules (Secrets Manager, SSM, CloudWatch Logs, ECR, CodeBuild,
# SageMaker, EKS, WorkSpaces, EMR, Backup). Every function is prefixed svc_: regopy 1.5.2 crashes when two
# packages define functions of one name with different arities.
package iacgate.lib.aws_svc

import data.iacgate.lib
import data.iacgate.lib.aws
import rego.v1

# A violation when the attribute `name` of the resource under evaluation does not name a customer-managed
# KMS key: not set (the service then uses its AWS-managed or AWS-owned key) or an alias/aws/* key. A key
# from a variable or created in the same plan or stack is unknown until apply and counts as set.
# A key read through a KMS data source is judged by what the data source names (data "aws_kms_key" with
# key_id = "alias/aws/secretsmanager" is AWS-managed); one whose key cannot be told is undetermined.
# aws.kms_cmk_findings decides; this is its one finding, or undefined.
svc_cmk_violation(name, subject) := finding if {
	some finding in aws.kms_cmk_findings(aws.kms_key_class(name, lib.attr(name)), name, [name], lib.attr(name), name, subject, "")
}

# svc_cmk_violation for a key that is not a top-level attribute (in a nested block) or whose message names
# the service's own key: `attribute` is the top-level argument holding the key (its references and the KMS
# data sources it reads judge an unknown key), `path` the finding's path, `label` the key as messages name
# it, `fallback` the key the service uses when it is not set. A set of zero or one finding (see
# aws.kms_cmk_findings).
svc_key_findings(attribute, path, value, label, subject, fallback) := aws.kms_cmk_findings(aws.kms_key_class(attribute, value), attribute, path, value, label, subject, fallback)

# A field of a nested block, or null when the block is not an object or lacks it.
svc_field(block, name) := object.get(block, name, null) if {
	is_object(block)
} else := null

# EMR security configurations: Terraform and Pulumi hold a JSON document, CloudFormation an object whose
# keys the parser turned into snake_case, and an HCL jsonencode() with pieces known after apply (a key
# created in the same plan) the document itself, with its JSON keys. The EncryptionConfiguration object,
# whichever the format.
svc_emr_encryption := object.get(svc_emr_document, "EncryptionConfiguration", null) if {
	is_string(lib.attr("configuration"))
}

svc_emr_encryption := object.get(
	svc_emr_document, "EncryptionConfiguration",
	object.get(svc_emr_document, "encryption_configuration", null),
) if {
	is_object(lib.attr("configuration"))
	not lib.is_unknown(lib.attr("configuration"))
}

# Findings about one switch of the EncryptionConfiguration (`label` its JSON name; `what` the protection
# it switches on, "encrypt data at rest"; `required` what the message asks for): not true fails, unknown
# until apply (a parameter, a variable) is undetermined.
svc_emr_switch_findings(value, label, what, required) := {lib.undetermined(["configuration"], msg)} if {
	lib.is_unknown(value)
	msg := concat("", [
		"EMR security configuration may not ", what, ": EncryptionConfiguration.", label,
		" is unknown until apply, required ", required,
	])
} else := {lib.violation(["configuration"], msg)} if {
	not lib.is_true(value)
	msg := concat("", [
		"EMR security configuration does not ", what, ": EncryptionConfiguration.", label, " is ",
		lib.show(value), ", required ", required,
	])
} else := set()

svc_emr_document := json.unmarshal(lib.attr("configuration")) if {
	is_string(lib.attr("configuration"))
	json.is_valid(lib.attr("configuration"))
	is_object(json.unmarshal(lib.attr("configuration")))
} else := lib.attr("configuration") if {
	is_object(lib.attr("configuration"))
} else := {}

# A switch of the EMR EncryptionConfiguration by its JSON name, found under either naming.
svc_emr_switch(json_name, snake_name) := value if {
	encryption := svc_emr_encryption
	is_object(encryption)
	value := object.get(encryption, json_name, object.get(encryption, snake_name, null))
} else := null

# Values listed for a message, or "not set" when there are none.
svc_list_text(values) := "not set" if {
	count(values) == 0
} else := concat(", ", values)

# The first of several names a field has across formats (CloudFormation's cloud_watch_encryption_mode is
# Terraform's cloudwatch_encryption_mode), or null when the block has none of them.
svc_any_field(block, names) := values[0] if {
	values := [value | some name in names; value := svc_field(block, name); value != null]
	count(values) > 0
} else := null
