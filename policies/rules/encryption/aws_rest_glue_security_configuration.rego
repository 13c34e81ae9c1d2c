# ENC-GLUE-004: Glue jobs, crawlers and development endpoints run with a security configuration.
package iacgate.rules.encryption.aws_rest_glue_security_configuration

import data.iacgate.lib
import rego.v1

subject := "Glue job" if {
	input.resource.type == "aws_glue_job"
} else := "Glue crawler" if {
	input.resource.type == "aws_glue_crawler"
} else := "Glue development endpoint"

deny contains lib.violation(["security_configuration"], msg) if {
	not lib.is_set(lib.attr("security_configuration"))
	msg := concat("", [
		subject, " writes its S3 data, CloudWatch logs and job bookmarks without the encryption settings of a",
		" security configuration: security_configuration is not set, required the name of a Glue security configuration",
	])
}
