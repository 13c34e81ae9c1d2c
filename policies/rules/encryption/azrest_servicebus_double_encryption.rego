# ENC-AZSB-003: Service Bus namespaces with a customer-managed key add infrastructure (double) encryption.
package iacgate.rules.encryption.azrest_servicebus_double_encryption

import data.iacgate.lib
import data.iacgate.lib.azapi
import rego.v1

# Infrastructure encryption is chosen with the customer-managed key; a namespace without one has no such
# setting and is judged by ENC-AZSB-002 alone.
deny contains {"not_applicable": true} if azapi.not_concerned({"microsoft.servicebus/namespaces"})

deny contains azapi.type_undetermined if azapi.type_unknown

no_key if {
	not azapi.is_azapi
	count(lib.attr_blocks("customer_managed_key")) == 0
	not lib.is_unknown(lib.attr("customer_managed_key"))
	count(separate_keys) == 0
}

# The key set by an azurerm_servicebus_namespace_customer_managed_key that names the namespace carries its
# own infrastructure_encryption_enabled (default false).
separate_keys := lib.referrers_via("azurerm_servicebus_namespace_customer_managed_key", "namespace_id")

deny contains {"not_applicable": true} if no_key

arm_no_key if {
	azapi.of_type({"microsoft.servicebus/namespaces"})
	not lib.is_set(azapi.arm_value(["properties", "encryption"]))
}

deny contains {"not_applicable": true} if arm_no_key

deny contains lib.violation(["customer_managed_key", 0, "infrastructure_encryption_enabled"], msg) if {
	not azapi.is_azapi
	not no_key
	count(lib.attr_blocks("customer_managed_key")) + count([1 | lib.is_unknown(lib.attr("customer_managed_key"))]) > 0
	block := azapi.first_of(lib.attr_blocks("customer_managed_key"))
	value := object.get(block, "infrastructure_encryption_enabled", null)
	not lib.is_true(value)
	msg := concat("", ["Service Bus namespace encrypts once: customer_managed_key.infrastructure_encryption_enabled is ", lib.show(value), ", required true"])
}

deny contains lib.violation(azapi.body_path(["properties", "encryption", "requireInfrastructureEncryption"]), msg) if {
	azapi.of_type({"microsoft.servicebus/namespaces"})
	not arm_no_key
	value := azapi.arm_value(["properties", "encryption", "requireInfrastructureEncryption"])
	not lib.is_true(value)
	msg := concat("", ["Service Bus namespace encrypts once: body.properties.encryption.requireInfrastructureEncryption is ", lib.show(value), ", required true"])
}

deny contains result if {
	not azapi.is_azapi
	count(lib.attr_blocks("customer_managed_key")) == 0
	not lib.is_unknown(lib.attr("customer_managed_key"))
	some key in separate_keys
	value := object.get(key.attributes, "infrastructure_encryption_enabled", null)
	not lib.is_true(value)
	msg := concat("", ["Service Bus namespace encrypts once: ", key.id, " sets infrastructure_encryption_enabled to ", lib.show(value), ", required true"])
	result := separate_result(value, msg)
}

# A value unknown until apply on the separate resource is undetermined, never a pass.
separate_result(value, msg) := lib.undetermined([], msg) if {
	lib.is_unknown(value)
} else := lib.violation([], msg)
