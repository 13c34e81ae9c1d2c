# ENC-AZAPPGW-002: Application Gateway listeners accept HTTPS, or redirect HTTP to HTTPS.
package iacgate.rules.encryption.azrest_appgw_https_listener

import data.iacgate.lib
import data.iacgate.lib.azapi
import rego.v1

arm_type := "microsoft.network/applicationgateways"

deny contains {"not_applicable": true} if azapi.not_concerned({arm_type})

deny contains azapi.type_undetermined if azapi.type_unknown

listeners := lib.attr_blocks("http_listener")

https_listener_names := {name |
	some listener in listeners
	lower(lib.show(object.get(listener, "protocol", null))) == "https"
	name := object.get(listener, "name", null)
}

# Redirect configurations that lead to HTTPS: to an HTTPS listener, or to an https:// URL.
https_redirects := {name |
	some redirect in lib.attr_blocks("redirect_configuration")
	to_https(redirect)
	name := object.get(redirect, "name", null)
}

to_https(redirect) if object.get(redirect, "target_listener_name", null) in https_listener_names

to_https(redirect) if startswith(lower(lib.show(object.get(redirect, "target_url", null))), "https://")

# An HTTP listener whose routing rules all redirect to HTTPS only sends clients to HTTPS.
redirected(listener_name) if {
	rules := [rule |
		some rule in lib.attr_blocks("request_routing_rule")
		object.get(rule, "http_listener_name", null) == listener_name
	]
	count(rules) > 0
	every rule in rules {
		object.get(rule, "redirect_configuration_name", null) in https_redirects
	}
}

deny contains lib.violation(["http_listener", index, "protocol"], msg) if {
	not azapi.is_azapi
	some index, listener in listeners
	lower(lib.show(object.get(listener, "protocol", null))) == "http"
	name := object.get(listener, "name", "")
	not redirected(name)
	not routing_unknown
	msg := concat("", ["Application Gateway listener ", lib.show(name), " serves plain HTTP: http_listener.protocol is Http and no request_routing_rule redirects it to HTTPS, required Https or a redirect to an HTTPS listener"])
}

# Values unknown until apply cannot be judged: undetermined, never a pass. The listeners as a whole
# (a dynamic http_listener), a listener's protocol, or the routing that may or may not redirect it.
deny contains lib.violation(["http_listener"], msg) if {
	not azapi.is_azapi
	lib.is_unknown(lib.attr("http_listener"))
	msg := "Application Gateway listeners cannot be read: http_listener is unknown until apply, required Https or a redirect to an HTTPS listener"
}

deny contains lib.violation(["http_listener", index, "protocol"], msg) if {
	not azapi.is_azapi
	some index, listener in listeners
	lib.is_unknown(object.get(listener, "protocol", null))
	msg := concat("", ["Application Gateway listener ", lib.show(object.get(listener, "name", "")), " protocol is unknown: http_listener.protocol is unknown until apply, required Https or a redirect to an HTTPS listener"])
}

# Which routing rule redirects where is unknown: a listener name, redirect name or target unknown, or the
# blocks themselves.
routing_unknown if {
	some name in ["request_routing_rule", "redirect_configuration"]
	lib.is_unknown(lib.attr(name))
}

routing_unknown if {
	some rule in lib.attr_blocks("request_routing_rule")
	some key in ["http_listener_name", "redirect_configuration_name"]
	lib.is_unknown(object.get(rule, key, null))
}

routing_unknown if {
	some redirect in lib.attr_blocks("redirect_configuration")
	some key in ["name", "target_listener_name", "target_url"]
	lib.is_unknown(object.get(redirect, key, null))
}

deny contains lib.undetermined(["http_listener", index, "protocol"], msg) if {
	not azapi.is_azapi
	some index, listener in listeners
	lower(lib.show(object.get(listener, "protocol", null))) == "http"
	name := object.get(listener, "name", "")
	routing_unknown
	msg := concat("", ["Application Gateway listener ", lib.show(name), " serves plain HTTP unless a routing rule redirects it: request routing or redirects are unknown until apply, required Https or a redirect to an HTTPS listener"])
}

deny contains lib.violation(azapi.body_path(["properties", "httpListeners"]), msg) if {
	azapi.of_type({arm_type})
	azapi.unknown_at(["properties", "httpListeners"])
	msg := "Application Gateway listeners cannot be read: body.properties.httpListeners is unknown until apply, required Https or a redirect to an HTTPS listener"
}

# ARM: listeners, routing rules and redirects refer to each other by resource id, ending in their name.
arm_list(name) := value if {
	value := azapi.arm_value(["properties", name])
	is_array(value)
} else := []

arm_name(reference) := name if {
	id := object.get(reference, "id", null)
	is_string(id)
	parts := split(id, "/")
	name := parts[count(parts) - 1]
} else := ""

arm_https_listeners := {object.get(listener, "name", null) |
	some listener in arm_list("httpListeners")
	lower(lib.show(object.get(listener, ["properties", "protocol"], null))) == "https"
}

arm_https_redirects := {object.get(redirect, "name", null) |
	some redirect in arm_list("redirectConfigurations")
	arm_to_https(redirect)
}

arm_to_https(redirect) if arm_name(object.get(redirect, ["properties", "targetListener"], {})) in arm_https_listeners

arm_to_https(redirect) if startswith(lower(lib.show(object.get(redirect, ["properties", "targetUrl"], null))), "https://")

arm_redirected(listener_name) if {
	rules := [rule |
		some rule in arm_list("requestRoutingRules")
		arm_name(object.get(rule, ["properties", "httpListener"], {})) == listener_name
	]
	count(rules) > 0
	every rule in rules {
		arm_name(object.get(rule, ["properties", "redirectConfiguration"], {})) in arm_https_redirects
	}
}

deny contains lib.violation(azapi.body_path(["properties", "httpListeners", index, "properties", "protocol"]), msg) if {
	azapi.of_type({arm_type})
	some index, listener in arm_list("httpListeners")
	lower(lib.show(object.get(listener, ["properties", "protocol"], null))) == "http"
	name := object.get(listener, "name", "")
	not arm_redirected(name)
	not arm_routing_unknown
	msg := concat("", ["Application Gateway listener ", lib.show(name), " serves plain HTTP: body.properties.httpListeners.properties.protocol is Http and no request routing rule redirects it to HTTPS, required Https or a redirect to an HTTPS listener"])
}

# ARM values unknown until apply cannot be judged: undetermined, never a pass. A listener as a whole, its
# properties or its protocol (protocol = var.x in the body) ...
deny contains lib.violation(azapi.body_path(["properties", "httpListeners", index]), msg) if {
	azapi.of_type({arm_type})
	some index, listener in arm_list("httpListeners")
	arm_entry_unknown(listener)
	msg := "Application Gateway listener cannot be read: an entry of body.properties.httpListeners is unknown until apply, required Https or a redirect to an HTTPS listener"
}

deny contains lib.violation(azapi.body_path(["properties", "httpListeners", index, "properties", "protocol"]), msg) if {
	azapi.of_type({arm_type})
	some index, listener in arm_list("httpListeners")
	is_object(object.get(listener, "properties", null))
	lib.is_unknown(object.get(listener, ["properties", "protocol"], null))
	msg := concat("", ["Application Gateway listener ", lib.show(object.get(listener, "name", "")), " protocol is unknown: body.properties.httpListeners.properties.protocol is unknown until apply, required Https or a redirect to an HTTPS listener"])
}

# ... and an HTTP listener whose routing cannot be told: the routing rules or redirects, or a reference or
# target in them, unknown until apply.
arm_routing_unknown if {
	some name in ["requestRoutingRules", "redirectConfigurations"]
	azapi.unknown_at(["properties", name])
}

arm_routing_unknown if {
	some name in ["requestRoutingRules", "redirectConfigurations"]
	some entry in arm_list(name)
	arm_entry_unknown(entry)
}

# An entry of an ARM list (a listener, rule or redirect) unknown as a whole or in its properties.
arm_entry_unknown(entry) if lib.is_unknown(entry)

arm_entry_unknown(entry) if {
	is_object(entry)
	lib.is_unknown(object.get(entry, "properties", null))
}

arm_routing_unknown if {
	some rule in arm_list("requestRoutingRules")
	some key in ["httpListener", "redirectConfiguration"]
	arm_reference_unknown(object.get(rule, ["properties", key], null))
}

arm_routing_unknown if {
	some redirect in arm_list("redirectConfigurations")
	arm_reference_unknown(object.get(redirect, ["properties", "targetListener"], null))
}

arm_routing_unknown if {
	some redirect in arm_list("redirectConfigurations")
	lib.is_unknown(object.get(redirect, ["properties", "targetUrl"], null))
}

arm_routing_unknown if {
	some redirect in arm_list("redirectConfigurations")
	lib.is_unknown(object.get(redirect, "name", null))
}

# A reference ({id = ...}) unknown as a whole or in its id.
arm_reference_unknown(reference) if lib.is_unknown(reference)

arm_reference_unknown(reference) if {
	is_object(reference)
	lib.is_unknown(object.get(reference, "id", null))
}

deny contains lib.undetermined(azapi.body_path(["properties", "httpListeners", index, "properties", "protocol"]), msg) if {
	azapi.of_type({arm_type})
	some index, listener in arm_list("httpListeners")
	lower(lib.show(object.get(listener, ["properties", "protocol"], null))) == "http"
	name := object.get(listener, "name", "")
	not arm_redirected(name)
	arm_routing_unknown
	msg := concat("", ["Application Gateway listener ", lib.show(name), " serves plain HTTP unless a routing rule redirects it: body.properties.requestRoutingRules or redirectConfigurations are unknown until apply, required Https or a redirect to an HTTPS listener"])
}
