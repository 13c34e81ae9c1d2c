package iacgate.rules.encryption.azure_app_test

import data.iacgate.lib.testing
import data.iacgate.rules.encryption.azure_app_ftps
import data.iacgate.rules.encryption.azure_app_https
import data.iacgate.rules.encryption.azure_app_tls
import rego.v1

app(attributes) := testing.resource("azurerm_linux_web_app", attributes)

test_https_only_missing_fails if {
	some result in azure_app_https.deny with input.resource as app({}) with input.related as []
	result.path == ["https_only"]
}

test_https_only_passes if {
	count(azure_app_https.deny) == 0 with input.resource as app({"https_only": true}) with input.related as []
}

test_tls_default_passes if {
	count(azure_app_tls.deny) == 0 with input.resource as app({"site_config": [{}]}) with input.related as []
}

test_scm_tls_10_fails if {
	some result in azure_app_tls.deny with input.resource as app({"site_config": [{"scm_minimum_tls_version": "1.0"}]})
		with input.related as []
	result.path == ["site_config", 0, "scm_minimum_tls_version"]
}

test_ftp_allowed_fails if {
	some result in azure_app_ftps.deny with input.resource as app({"site_config": [{"ftps_state": "AllAllowed"}]})
		with input.related as []
	result.path == ["site_config", 0, "ftps_state"]
}

test_ftp_default_on_new_app_passes if {
	count(azure_app_ftps.deny) == 0 with input.resource as app({"site_config": [{}]}) with input.related as []
}

test_ftp_default_on_legacy_app_fails if {
	some result in azure_app_ftps.deny with input.resource as testing.resource("azurerm_app_service", {"site_config": [{}]})
		with input.related as []
	result.path == ["site_config"]
}

test_ftps_only_on_legacy_app_passes if {
	count(azure_app_ftps.deny) == 0 with input.resource as testing.resource("azurerm_app_service", {"site_config": [{"ftps_state": "FtpsOnly"}]})
		with input.related as []
}
