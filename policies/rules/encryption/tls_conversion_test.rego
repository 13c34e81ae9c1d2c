# TLS versions are compared after Terraform's type conversion (#15 §3): minimum_tls_version = 1.1 written
# as a number is the string "1.1" and fails like the quoted value; 1.2 as a number passes.
package iacgate.rules.encryption.tls_conversion_test

import data.iacgate.lib
import data.iacgate.lib.testing
import data.iacgate.rules.encryption.azure_app_tls
import data.iacgate.rules.encryption.azure_redis_tls
import data.iacgate.rules.encryption.azure_sql_tls
import rego.v1

test_tf_string_converts_as_terraform if {
	lib.tf_string(1.1) == "1.1"
	lib.tf_string(1.2) == "1.2"
	lib.tf_string(1) == "1"
	lib.tf_string(true) == "true"
	lib.tf_string("TLS1_2") == "TLS1_2"
	lib.tf_string(null) == null
}

test_app_numeric_tls_11_fails if {
	some result in azure_app_tls.deny with input.resource as testing.resource("azurerm_linux_web_app", {"site_config": [{"minimum_tls_version": 1.1}]})
		with input.related as []
	result.path == ["site_config", 0, "minimum_tls_version"]
}

test_app_numeric_tls_12_passes if {
	count(azure_app_tls.deny) == 0 with input.resource as testing.resource("azurerm_linux_web_app", {"site_config": [{"minimum_tls_version": 1.2, "scm_minimum_tls_version": 1.3}]})
		with input.related as []
}

test_sql_numeric_tls_10_fails if {
	some result in azure_sql_tls.deny with input.resource as testing.resource("azurerm_mssql_server", {"minimum_tls_version": 1})
		with input.related as []
	result.path == ["minimum_tls_version"]
}

test_redis_numeric_tls_11_fails if {
	some result in azure_redis_tls.deny with input.resource as testing.resource("azurerm_redis_cache", {"minimum_tls_version": 1.1})
		with input.related as []
	result.path == ["minimum_tls_version"]
}
