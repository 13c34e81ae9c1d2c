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
svc_cmk_violation(name, subject) := svc_cmk_class_violation(aws.kms_key_class(name, lib.attr(name)), name, subject)

# svc_cmk_violation given the attribute's kms_key_class (`class`), computed once: rego-cpp does not memoise
# function calls.
svc_cmk_class_violation(class, name, subject) := lib.decided_violation([name], msg) if {
	class in {"unset", "aws-managed"}
	msg := concat("", [
		subject, " is not encrypted with a customer-managed KMS key: ", name, " is ",
		aws.kms_key_text(name, lib.attr(name)), ", required the ARN or alias of a customer-managed key",
	])
} else := lib.undetermined([name], msg) if {
	class == "undetermined"
	msg := concat("", [
		subject, " may not be encrypted with a customer-managed KMS key: ", name, " ",
		aws.kms_undetermined_text(name, lib.attr(name)),
	])
}

# svc_cmk_violation for a key that is not a top-level attribute (in a nested block) or whose message names
# the service's own key: `attribute` is the top-level argument holding the key (its references and the KMS
# data sources it reads judge an unknown key), `path` the finding's path, `label` the key as messages name
# it, `fallback` the key the service uses when it is not set. A set of zero or one finding: failed (decided
# by a data source that names an alias/aws/* key, though the value is unknown until apply) or undetermined.
svc_key_findings(attribute, path, value, label, subject, fallback) := svc_key_class_findings(aws.kms_key_class(attribute, value), attribute, path, value, label, subject, fallback)

svc_key_class_findings(class, attribute, path, value, label, subject, fallback) := {lib.decided_violation(path, msg)} if {
	class in {"unset", "aws-managed"}
	msg := concat("", [
		subject, " is not encrypted with a customer-managed KMS key: ", label, " is ",
		aws.kms_key_text(attribute, value), lib.when_not_set(value, fallback),
		", required the ARN of a customer-managed key",
	])
} else := {lib.undetermined(path, msg)} if {
	class == "undetermined"
	msg := concat("", [
		subject, " may not be encrypted with a customer-managed KMS key: ", label, " ",
		aws.kms_undetermined_text(attribute, value),
	])
} else := set()

# A field of a nested block, or null when the block is not an object or lacks it.
svc_field(block, name) := object.get(block, name, null) if {
	is_object(block)
} else := null

# EMR security configurations: Terraform and Pulumi hold a JSON document, CloudFormation an object whose
# keys the parser turned into snake_case. The EncryptionConfiguration object, whichever the format.
svc_emr_encryption := object.get(svc_emr_document, "EncryptionConfiguration", null) if {
	is_string(lib.attr("configuration"))
}

svc_emr_encryption := object.get(svc_emr_document, "encryption_configuration", null) if {
	is_object(lib.attr("configuration"))
	not lib.is_unknown(lib.attr("configuration"))
}

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
