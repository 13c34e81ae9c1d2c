# ENC-AZEH-001: Event Hubs namespaces require TLS 1.2 or later.
package iacgate.rules.encryption.azrest_eventhub_tls

import data.iacgate.lib
import data.iacgate.lib.azapi
import rego.v1

deny contains {"not_applicable": true} if azapi.not_concerned({"microsoft.eventhub/namespaces"})

deny contains azapi.type_undetermined if azapi.type_unknown

# minimum_tls_version defaults to "1.2" (ARM: properties.minimumTlsVersion, "1.2"): only an explicit older
# version fails, written as a string or as a number Terraform converts to one.
deny contains lib.violation(["minimum_tls_version"], msg) if {
	not azapi.is_azapi
	value := lib.attr("minimum_tls_version")
	azapi.tls_below_1_2(value)
	msg := concat("", ["Event Hubs namespace accepts TLS older than 1.2: minimum_tls_version is ", azapi.as_string(value), ", required 1.2"])
}

deny contains lib.violation(azapi.body_path(["properties", "minimumTlsVersion"]), msg) if {
	azapi.of_type({"microsoft.eventhub/namespaces"})
	value := azapi.arm_value(["properties", "minimumTlsVersion"])
	azapi.tls_below_1_2(value)
	msg := concat("", ["Event Hubs namespace accepts TLS older than 1.2: body.properties.minimumTlsVersion is ", azapi.as_string(value), ", required 1.2"])
}

# A version unknown until apply cannot be judged: undetermined, never a pass.
deny contains lib.violation(["minimum_tls_version"], msg) if {
	not azapi.is_azapi
	lib.is_unknown(lib.attr("minimum_tls_version"))
	msg := "Event Hubs namespace minimum TLS version is unknown: minimum_tls_version is unknown until apply, required 1.2"
}

deny contains lib.violation(azapi.body_path(["properties", "minimumTlsVersion"]), msg) if {
	azapi.is_azapi
	azapi.of_type({"microsoft.eventhub/namespaces"})
	lib.is_unknown(azapi.arm_value(["properties", "minimumTlsVersion"]))
	msg := "Event Hubs namespace minimum TLS version is unknown: body.properties.minimumTlsVersion is unknown until apply, required 1.2"
}
