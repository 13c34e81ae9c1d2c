# ENC-GLUE-002: the Glue Data Catalog returns connection passwords encrypted.
package iacgate.rules.encryption.aws_svc_glue_connection_passwords

import data.iacgate.lib
import data.iacgate.lib.aws_svc
import rego.v1

settings_name := "data_catalog_encryption_settings"

deny contains lib.violation(lib.missing_block_path(settings_name), msg) if {
	count(lib.attr_blocks(settings_name)) == 0
	msg := "Glue connection passwords are not encrypted: data_catalog_encryption_settings is not set, required connection_password_encryption.return_connection_password_encrypted true"
}

deny contains lib.violation(path, msg) if {
	some i, settings in lib.attr_blocks(settings_name)
	blocks := lib.blocks(aws_svc.svc_field(settings, "connection_password_encryption"))
	not lib.is_unknown(aws_svc.svc_field(settings, "connection_password_encryption"))
	count(blocks) == 0
	path := [settings_name, i, "connection_password_encryption"]
	msg := "Glue connection passwords are not encrypted: connection_password_encryption is not set, required return_connection_password_encrypted true"
}

deny contains lib.violation(path, msg) if {
	some i, settings in lib.attr_blocks(settings_name)
	some j, block in lib.blocks(aws_svc.svc_field(settings, "connection_password_encryption"))
	value := aws_svc.svc_field(block, "return_connection_password_encrypted")
	not lib.is_true(value)
	path := [settings_name, i, "connection_password_encryption", j, "return_connection_password_encrypted"]
	msg := concat("", [
		"Glue connection passwords are returned in clear: connection_password_encryption.return_connection_password_encrypted is ",
		lib.show(value), ", required true with a KMS key",
	])
}

# connection_password_encryption unknown until apply: undetermined, never a pass.
deny contains lib.violation(array.concat(settings_path(i), ["connection_password_encryption"]), msg) if {
	some i, settings in lib.attr_blocks(settings_name)
	lib.is_unknown(aws_svc.svc_field(settings, "connection_password_encryption"))
	msg := "Glue connection password encryption is unknown: connection_password_encryption is unknown until apply, required return_connection_password_encrypted true"
}

# Terraform writes the settings as a list of blocks, CloudFormation and Pulumi as one object.
settings_path(i) := [settings_name] if {
	is_object(lib.attr(settings_name))
} else := [settings_name, i]
