# Unit tests of ENC-GLUE-004.
package iacgate.rules.encryption.aws_rest_glue_test

import data.iacgate.lib.testing
import data.iacgate.rules.encryption.aws_rest_glue_security_configuration
import rego.v1

test_job_without_security_configuration_fails if {
	some result in aws_rest_glue_security_configuration.deny with input.resource as testing.resource("aws_glue_job", {"name": "etl"})
		with input.related as []
	result.path == ["security_configuration"]
	contains(result.message, "Glue job")
}

test_crawler_and_endpoint if {
	count(aws_rest_glue_security_configuration.deny) == 1 with input.resource as testing.resource("aws_glue_crawler", {})
		with input.related as []
	count(aws_rest_glue_security_configuration.deny) == 0 with input.resource as testing.resource("aws_glue_crawler", {"security_configuration": "encrypted"})
		with input.related as []
	count(aws_rest_glue_security_configuration.deny) == 0 with input.resource as testing.resource("aws_glue_dev_endpoint", {"security_configuration": testing.unknown})
		with input.related as []
}
