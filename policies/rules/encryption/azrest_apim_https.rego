# ENC-AZAPIM-002: API Management APIs accept HTTPS only and backends are reached over HTTPS.
package iacgate.rules.encryption.azrest_apim_https

import data.iacgate.lib
import data.iacgate.lib.azapi
import rego.v1

arm_api := "microsoft.apimanagement/service/apis"

arm_backend := "microsoft.apimanagement/service/backends"

deny contains {"not_applicable": true} if azapi.not_concerned({arm_api, arm_backend})

deny contains azapi.type_undetermined if azapi.type_unknown

# Protocols an API is invoked on in clear text: http, and ws (a WebSocket API's unencrypted protocol; wss is
# its TLS one). The ARM and azurerm values are http, https, ws and wss.
plain_http(protocols) if {
	is_array(protocols)
	some protocol in protocols
	lower(lib.show(protocol)) in {"http", "ws"}
}

# A URL reached in clear text: http://, or ws:// (a WebSocket API's backend).
http_url(url) if {
	is_string(url)
	some scheme in ["http://", "ws://"]
	startswith(lower(trim_space(url)), scheme)
}

# An API's protocols (default ["https"]) must not include "http" or "ws".
deny contains lib.violation(["protocols"], msg) if {
	lib.resource.type == "azurerm_api_management_api"
	plain_http(lib.attr("protocols"))
	msg := concat("", ["API accepts plain HTTP from clients: protocols is ", lib.attr_text("protocols"), ", required https (or wss) only"])
}

# An API's service_url is the backend it forwards requests to (ARM properties.serviceUrl).
deny contains lib.violation(["service_url"], msg) if {
	lib.resource.type == "azurerm_api_management_api"
	http_url(lib.attr("service_url"))
	msg := concat("", ["API Management calls the API's backend over plain HTTP: service_url is ", lib.attr_text("service_url"), ", required an https:// (or wss://) URL"])
}

# A backend's url must be https:// (protocol "http" only names the message format, not the transport).
deny contains lib.violation(["url"], msg) if {
	lib.resource.type == "azurerm_api_management_backend"
	http_url(lib.attr("url"))
	msg := concat("", ["API Management calls its backend over plain HTTP: url is ", lib.attr_text("url"), ", required an https:// URL"])
}

deny contains lib.violation(azapi.body_path(["properties", "protocols"]), msg) if {
	azapi.of_type({arm_api})
	value := azapi.arm_value(["properties", "protocols"])
	plain_http(value)
	msg := concat("", ["API accepts plain HTTP from clients: body.properties.protocols is ", lib.show(value), ", required https (or wss) only"])
}

deny contains lib.violation(azapi.body_path(["properties", "serviceUrl"]), msg) if {
	azapi.of_type({arm_api})
	value := azapi.arm_value(["properties", "serviceUrl"])
	http_url(value)
	msg := concat("", ["API Management calls the API's backend over plain HTTP: body.properties.serviceUrl is ", value, ", required an https:// (or wss://) URL"])
}

deny contains lib.violation(azapi.body_path(["properties", "url"]), msg) if {
	azapi.of_type({arm_backend})
	value := azapi.arm_value(["properties", "url"])
	http_url(value)
	msg := concat("", ["API Management calls its backend over plain HTTP: body.properties.url is ", value, ", required an https:// URL"])
}

# A value unknown until apply (a URL built from another resource's host name) cannot be judged.
deny contains lib.violation([name], msg) if {
	some type_name, name in {"azurerm_api_management_api": "protocols", "azurerm_api_management_backend": "url"}
	lib.resource.type == type_name
	lib.is_unknown(lib.attr(name))
	msg := concat("", ["API Management transport is unknown: ", name, " is unknown until apply, required HTTPS"])
}

deny contains lib.violation(["service_url"], msg) if {
	lib.resource.type == "azurerm_api_management_api"
	lib.is_unknown(lib.attr("service_url"))
	msg := "API Management backend transport is unknown: service_url is unknown until apply, required an https:// (or wss://) URL"
}

deny contains lib.violation(azapi.body_path(["properties", "serviceUrl"]), msg) if {
	azapi.of_type({arm_api})
	azapi.unknown_at(["properties", "serviceUrl"])
	msg := "API Management backend transport is unknown: body.properties.serviceUrl is unknown until apply, required an https:// (or wss://) URL"
}

# One protocol of the list unknown until apply (protocols = ["https", var.extra]): undetermined.
deny contains lib.violation(["protocols", index], msg) if {
	lib.resource.type == "azurerm_api_management_api"
	protocols := lib.attr("protocols")
	is_array(protocols)
	some index, protocol in protocols
	lib.is_unknown(protocol)
	msg := "API Management transport is unknown: a protocol in protocols is unknown until apply, required https only"
}

deny contains lib.violation(azapi.body_path(["properties", "protocols"]), msg) if {
	azapi.of_type({arm_api})
	azapi.unknown_at(["properties", "protocols"])
	msg := "API Management transport is unknown: body.properties.protocols is unknown until apply, required https only"
}

deny contains lib.violation(azapi.body_path(["properties", "protocols", index]), msg) if {
	azapi.of_type({arm_api})
	protocols := azapi.arm_value(["properties", "protocols"])
	is_array(protocols)
	some index, protocol in protocols
	lib.is_unknown(protocol)
	msg := "API Management transport is unknown: a protocol in body.properties.protocols is unknown until apply, required https only"
}

deny contains lib.violation(azapi.body_path(["properties", "url"]), msg) if {
	azapi.of_type({arm_backend})
	azapi.unknown_at(["properties", "url"])
	msg := "API Management backend transport is unknown: body.properties.url is unknown until apply, required an https:// URL"
}
