package iacgate.rules.encryption.azure_redis_tls_test

import data.iacgate.lib.testing
import data.iacgate.rules.encryption.azure_redis_tls
import rego.v1

cache(attributes) := testing.resource("azurerm_redis_cache", attributes)

test_defaults_pass if {
	count(azure_redis_tls.deny) == 0 with input.resource as cache({}) with input.related as []
}

test_non_tls_port_v4_fails if {
	some result in azure_redis_tls.deny with input.resource as cache({"non_ssl_port_enabled": true}) with input.related as []
	result.path == ["non_ssl_port_enabled"]
}

test_non_tls_port_v3_fails if {
	some result in azure_redis_tls.deny with input.resource as cache({"enable_non_ssl_port": true}) with input.related as []
	result.path == ["enable_non_ssl_port"]
}

test_old_tls_fails if {
	some result in azure_redis_tls.deny with input.resource as cache({"minimum_tls_version": "1.0"}) with input.related as []
	result.path == ["minimum_tls_version"]
}
