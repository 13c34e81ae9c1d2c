# ENC-GLUE-001: the Glue Data Catalog encrypts metadata at rest with a customer-managed KMS key.
package iacgate.rules.encryption.aws_svc_glue_catalog_cmk

import data.iacgate.lib
import data.iacgate.lib.aws_svc
import rego.v1

kms_modes := {"SSE-KMS", "SSE-KMS-WITH-SERVICE-ROLE"}

settings_name := "data_catalog_encryption_settings"

deny contains lib.violation(lib.missing_block_path(settings_name), msg) if {
	count(lib.attr_blocks(settings_name)) == 0
	msg := "Glue Data Catalog is not encrypted: data_catalog_encryption_settings is not set, required encryption_at_rest with catalog_encryption_mode SSE-KMS and a customer-managed key"
}

deny contains lib.violation([settings_name, i, "encryption_at_rest"], msg) if {
	some i, settings in lib.attr_blocks(settings_name)
	count(lib.blocks(aws_svc.svc_field(settings, "encryption_at_rest"))) == 0
	not lib.is_unknown(aws_svc.svc_field(settings, "encryption_at_rest"))
	msg := "Glue Data Catalog is not encrypted: encryption_at_rest is not set, required catalog_encryption_mode SSE-KMS with a customer-managed key"
}

deny contains lib.violation([settings_name, i, "encryption_at_rest", j, "catalog_encryption_mode"], msg) if {
	some i, settings in lib.attr_blocks(settings_name)
	some j, at_rest in lib.blocks(aws_svc.svc_field(settings, "encryption_at_rest"))
	mode := aws_svc.svc_field(at_rest, "catalog_encryption_mode")
	not mode in kms_modes
	msg := concat("", [
		"Glue Data Catalog is not encrypted with KMS: encryption_at_rest.catalog_encryption_mode is ",
		lib.show(mode), ", required SSE-KMS (or SSE-KMS-WITH-SERVICE-ROLE) with a customer-managed key",
	])
}

# SSE-KMS without sse_aws_kms_key_id uses the AWS-managed key aws/glue; a key read from a KMS data source
# that names an alias/aws/* alias is AWS-managed too, though its ARN is known only when the data source is read.
deny contains finding if {
	some i, settings in lib.attr_blocks(settings_name)
	some j, at_rest in lib.blocks(aws_svc.svc_field(settings, "encryption_at_rest"))
	aws_svc.svc_field(at_rest, "catalog_encryption_mode") in kms_modes
	some finding in aws_svc.svc_key_findings(
		settings_name, [settings_name, i, "encryption_at_rest", j, "sse_aws_kms_key_id"],
		aws_svc.svc_field(at_rest, "sse_aws_kms_key_id"), "encryption_at_rest.sse_aws_kms_key_id",
		"Glue Data Catalog", "the AWS-managed key aws/glue",
	)
}

# encryption_at_rest unknown until apply (a variable, a dynamic block): undetermined, never a pass.
deny contains lib.violation(array.concat(settings_path(i), ["encryption_at_rest"]), msg) if {
	some i, settings in lib.attr_blocks(settings_name)
	lib.is_unknown(aws_svc.svc_field(settings, "encryption_at_rest"))
	msg := "Glue Data Catalog encryption is unknown: encryption_at_rest is unknown until apply, required catalog_encryption_mode SSE-KMS with a customer-managed key"
}

# Terraform writes the settings as a list of blocks, CloudFormation and Pulumi as one object.
settings_path(i) := [settings_name] if {
	is_object(lib.attr(settings_name))
} else := [settings_name, i]
