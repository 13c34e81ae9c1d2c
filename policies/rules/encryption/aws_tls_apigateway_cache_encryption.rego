# ENC-APIGATEWAY-002: API Gateway methods that cache responses encrypt the cache.
package iacgate.rules.encryption.aws_tls_apigateway_cache_encryption

import data.iacgate.lib
import data.iacgate.lib.aws_tls
import rego.v1

# Method settings: Terraform and Pulumi aws_api_gateway_method_settings.settings, and the
# MethodSettings of a CloudFormation stage (there is no separate method-settings resource there).
method_settings contains entry if {
	some name in ["settings", "method_settings"]
	some entry in aws_tls.tls_block_list(lib.attr(name), [name])
}

# A CloudFormation deployment's StageDescription (the stage it creates): its own CachingEnabled and
# CacheDataEncrypted apply to every method, and its MethodSettings to single methods. Terraform's and
# Pulumi's stage_description is a text: their deployments hold no cache settings and get no check.
method_settings contains {"path": ["stage_description"], "block": description} if {
	description := lib.attr("stage_description")
	is_object(description)
}

method_settings contains entry if {
	description := lib.attr("stage_description")
	is_object(description)
	not lib.is_unknown(description)
	path := ["stage_description", "method_settings"]
	some entry in aws_tls.tls_block_list(object.get(description, "method_settings", null), path)
}

deny contains {"not_applicable": true} if {
	input.resource.type == "aws_api_gateway_deployment"
	not is_object(lib.attr("stage_description"))
}

# Caching is off unless enabled, and a method that caches nothing has nothing to encrypt.
deny contains lib.violation(array.concat(entry.path, ["cache_data_encrypted"]), msg) if {
	some entry in method_settings
	lib.is_true(object.get(entry.block, "caching_enabled", null))
	value := object.get(entry.block, "cache_data_encrypted", null)
	not lib.is_true(value)
	msg := concat("", [
		"API Gateway caches responses unencrypted: cache_data_encrypted is ", lib.show(value),
		lib.when_not_set(value, "false"), " with caching_enabled true, required true",
	])
}

# Settings unknown until apply (the whole block, or whether caching is on where the cache is not encrypted):
# undetermined, never a pass.
deny contains lib.violation(entry.path, msg) if {
	some entry in method_settings
	lib.is_unknown(entry.block)
	msg := "API Gateway cache settings are unknown: the method settings are unknown until apply, required cache_data_encrypted true wherever caching_enabled is true"
}

deny contains lib.violation(array.concat(entry.path, ["caching_enabled"]), msg) if {
	some entry in method_settings
	not lib.is_unknown(entry.block)
	lib.is_unknown(object.get(entry.block, "caching_enabled", null))
	not lib.is_true(object.get(entry.block, "cache_data_encrypted", null))
	msg := "API Gateway cache settings are unknown: caching_enabled is unknown until apply and cache_data_encrypted is not true, required cache_data_encrypted true wherever caching_enabled is true"
}
