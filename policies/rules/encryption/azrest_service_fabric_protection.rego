# ENC-AZSF-001: Service Fabric clusters sign and encrypt node-to-node traffic (ClusterProtectionLevel).
package iacgate.rules.encryption.azrest_service_fabric_protection

import data.iacgate.lib
import data.iacgate.lib.azapi
import rego.v1

arm_type := "microsoft.servicefabric/clusters"

deny contains {"not_applicable": true} if azapi.not_concerned({arm_type})

deny contains azapi.type_undetermined if azapi.type_unknown

# The Security section's ClusterProtectionLevel, as the cluster sets it (null when it does not).
protection := value if {
	some section in lib.attr_blocks("fabric_settings")
	lower(lib.show(object.get(section, "name", null))) == "security"
	parameters := object.get(section, "parameters", {})
	is_object(parameters)
	value := object.get(parameters, "ClusterProtectionLevel", null)
} else := null

# A cluster secured with a certificate defaults to EncryptAndSign; an unsecured one to None.
secured if {
	some name in ["certificate", "certificate_common_names"]
	count(lib.attr_blocks(name)) > 0
}

protected(value, _) if lower(lib.show(value)) == "encryptandsign"

protected(value, is_secured) if {
	value == null
	is_secured
}

secured_flag := true if secured else := false

# Where the protection level is unknown until apply: the whole fabric_settings, the Security section's
# parameters, or the level itself (undefined when it is known).
unknown_protection_path := ["fabric_settings"] if {
	lib.is_unknown(lib.attr("fabric_settings"))
} else := path if {
	some index, section in lib.attr_blocks("fabric_settings")
	lower(lib.show(object.get(section, "name", null))) == "security"
	parameters := object.get(section, "parameters", {})
	lib.is_unknown(parameters)
	path := ["fabric_settings", index, "parameters"]
} else := path if {
	some index, section in lib.attr_blocks("fabric_settings")
	lower(lib.show(object.get(section, "name", null))) == "security"
	lib.is_unknown(object.get(object.get(section, "parameters", {}), "ClusterProtectionLevel", null))
	path := ["fabric_settings", index, "parameters", "ClusterProtectionLevel"]
}

deny contains lib.violation(unknown_protection_path, msg) if {
	not azapi.is_azapi
	msg := "Service Fabric cluster protection level is unknown: fabric_settings Security ClusterProtectionLevel is unknown until apply, required EncryptAndSign"
}

deny contains lib.violation(["fabric_settings"], msg) if {
	not azapi.is_azapi
	not unknown_protection_path
	not protected(protection, secured_flag)
	msg := concat("", ["Service Fabric cluster does not encrypt node-to-node traffic: fabric_settings Security ClusterProtectionLevel is ", lib.show(protection), ", required EncryptAndSign (the default only when the cluster has a certificate)"])
}

# ARM: properties.fabricSettings [{name: "Security", parameters: [{name, value}]}].
arm_protection := value if {
	sections := azapi.arm_value(["properties", "fabricSettings"])
	is_array(sections)
	some section in sections
	lower(lib.show(object.get(section, "name", null))) == "security"
	parameters := object.get(section, "parameters", [])
	is_array(parameters)
	some parameter in parameters
	is_object(parameter)
	object.get(parameter, "name", null) == "ClusterProtectionLevel"
	value := object.get(parameter, "value", null)
} else := null

arm_secured if {
	some name in ["certificate", "certificateCommonNames"]
	lib.is_set(azapi.arm_value(["properties", name]))
}

arm_secured_flag := true if arm_secured else := false

deny contains lib.violation(azapi.body_path(["properties", "fabricSettings"]), msg) if {
	azapi.of_type({arm_type})
	not protected(arm_protection, arm_secured_flag)
	not arm_protection_unknown
	msg := concat("", ["Service Fabric cluster does not encrypt node-to-node traffic: body.properties.fabricSettings Security ClusterProtectionLevel is ", lib.show(arm_protection), ", required EncryptAndSign"])
}

# An ARM value unknown until apply cannot be judged: undetermined, never a pass.
deny contains lib.violation(azapi.body_path(["properties", "fabricSettings"]), msg) if {
	azapi.of_type({arm_type})
	azapi.unknown_at(["properties", "fabricSettings"])
	msg := "Service Fabric cluster protection level is unknown: body.properties.fabricSettings is unknown until apply, required EncryptAndSign"
}

# ARM: the Security section's ClusterProtectionLevel cannot be read: a section, the Security section's
# parameters, one of its parameters (or a parameter's name), or the level itself is unknown until apply.
arm_security_sections := [section |
	sections := azapi.arm_value(["properties", "fabricSettings"])
	is_array(sections)
	some section in sections
	is_object(section)
	lower(lib.show(object.get(section, "name", null))) == "security"
]

arm_protection_unknown if {
	sections := azapi.arm_value(["properties", "fabricSettings"])
	is_array(sections)
	some section in sections
	lib.is_unknown(section)
}

arm_protection_unknown if {
	sections := azapi.arm_value(["properties", "fabricSettings"])
	is_array(sections)
	some section in sections
	is_object(section)
	lib.is_unknown(object.get(section, "name", null))
}

arm_protection_unknown if {
	some section in arm_security_sections
	lib.is_unknown(object.get(section, "parameters", null))
}

arm_protection_unknown if {
	some section in arm_security_sections
	parameters := object.get(section, "parameters", [])
	is_array(parameters)
	some parameter in parameters
	lib.is_unknown(parameter)
}

arm_protection_unknown if {
	some section in arm_security_sections
	parameters := object.get(section, "parameters", [])
	is_array(parameters)
	some parameter in parameters
	is_object(parameter)
	lib.is_unknown(object.get(parameter, "name", null))
}

arm_protection_unknown if lib.is_unknown(arm_protection)

deny contains lib.undetermined(azapi.body_path(["properties", "fabricSettings"]), msg) if {
	azapi.of_type({arm_type})
	not azapi.unknown_at(["properties", "fabricSettings"])
	arm_protection_unknown
	msg := "Service Fabric cluster protection level is unknown: body.properties.fabricSettings Security ClusterProtectionLevel is unknown until apply, required EncryptAndSign"
}
