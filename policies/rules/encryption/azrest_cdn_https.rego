# ENC-AZCDN-001: CDN endpoints and Front Door routes serve HTTPS only, or redirect HTTP to HTTPS.
package iacgate.rules.encryption.azrest_cdn_https

import data.iacgate.lib
import data.iacgate.lib.azapi
import rego.v1

arm_endpoint := "microsoft.cdn/profiles/endpoints"

arm_route := "microsoft.cdn/profiles/afdendpoints/routes"

deny contains {"not_applicable": true} if azapi.not_concerned({arm_endpoint, arm_route})

deny contains azapi.type_undetermined if azapi.type_unknown

# A delivery rule that redirects every HTTP request to HTTPS: the global one (it has no conditions), or a
# delivery_rule whose only conditions match the HTTP scheme. A rule with another condition (a url_path_condition
# on /login, say) redirects only the requests it matches and leaves the rest on plain HTTP.
redirects_to_https if {
	some rule in lib.attr_blocks("global_delivery_rule")
	redirect_action_to_https(rule)
}

redirects_to_https if {
	some rule in lib.attr_blocks("delivery_rule")
	redirect_action_to_https(rule)
	only_http_scheme_conditions(rule)
}

redirect_action_to_https(rule) if {
	some action in lib.blocks(object.get(rule, "url_redirect_action", null))
	lower(lib.show(object.get(action, "protocol", null))) == "https"
}

# Every condition of the rule (the *_condition blocks; *_conditions as Pulumi lists them) is a
# request_scheme_condition that matches HTTP.
only_http_scheme_conditions(rule) if {
	other := [key |
		some key
		value := rule[key]
		condition_key(key)
		lib.is_set(value)
		not http_scheme_condition(key, value)
	]
	count(other) == 0
}

condition_key(key) if endswith(key, "_condition")

condition_key(key) if endswith(key, "_conditions")

http_scheme_condition(key, value) if {
	startswith(key, "request_scheme_condition")
	blocks := lib.blocks(value)
	count(blocks) > 0
	every block in blocks {
		http_scheme_block(block)
	}
}

http_scheme_block(block) if {
	not lib.is_true(object.get(block, "negate_condition", false))
	lower(lib.show(object.get(block, "operator", "Equal"))) == "equal"
	some value in object.get(block, "match_values", [])
	lower(lib.show(value)) == "http"
}

# azurerm_cdn_endpoint: is_http_allowed defaults to true, is_https_allowed to true.
deny contains lib.violation(["is_http_allowed"], msg) if {
	lib.resource.type == "azurerm_cdn_endpoint"
	value := lib.attr("is_http_allowed")
	not lib.is_false(value)
	not redirects_to_https
	msg := concat("", ["CDN endpoint serves plain HTTP: is_http_allowed is ", lib.show(value), " (true by default) and no delivery_rule redirects every HTTP request to HTTPS, required false or a url_redirect_action with protocol Https in the global_delivery_rule or in a delivery_rule whose only condition is a request_scheme_condition matching HTTP"])
}

deny contains lib.violation(["is_https_allowed"], msg) if {
	lib.resource.type == "azurerm_cdn_endpoint"
	lib.is_false(lib.attr("is_https_allowed"))
	msg := "CDN endpoint does not serve HTTPS: is_https_allowed is false, required true"
}

# azurerm_cdn_frontdoor_route: https_redirect_enabled defaults to true; it only matters when Http is supported.
supports_http(protocols) if {
	some protocol in protocols
	lower(lib.show(protocol)) == "http"
}

deny contains lib.violation(["https_redirect_enabled"], msg) if {
	lib.resource.type == "azurerm_cdn_frontdoor_route"
	supports_http(lib.attr("supported_protocols"))
	value := lib.attr("https_redirect_enabled")
	not redirect_on(value)
	msg := concat("", ["Front Door route serves plain HTTP: supported_protocols includes Http and https_redirect_enabled is ", lib.show(value), ", required true"])
}

redirect_on(value) if lib.is_true(value)

redirect_on(value) if value == null

# ARM: endpoints properties.isHttpAllowed (default true); routes properties.httpsRedirect ("Enabled" by default).
deny contains lib.violation(azapi.body_path(["properties", "isHttpAllowed"]), msg) if {
	azapi.of_type({arm_endpoint})
	value := azapi.arm_value(["properties", "isHttpAllowed"])
	not lib.is_false(value)
	not arm_redirects_to_https
	msg := concat("", ["CDN endpoint serves plain HTTP: body.properties.isHttpAllowed is ", lib.show(value), " (true by default) and no delivery rule redirects every HTTP request to HTTPS, required false or a UrlRedirect delivery rule to Https whose only condition is RequestScheme HTTP"])
}

# A delivery policy rule that redirects every HTTP request to HTTPS: its conditions, if any, all match the
# HTTP scheme (RequestScheme, Equal, HTTP), as for delivery_rule above.
arm_redirects_to_https if {
	rules := azapi.arm_value(["properties", "deliveryPolicy", "rules"])
	is_array(rules)
	some rule in rules
	is_object(rule)
	some action in object.get(rule, "actions", [])
	lower(lib.show(object.get(action, "name", null))) == "urlredirect"
	lower(lib.show(object.get(action, ["parameters", "destinationProtocol"], null))) == "https"
	every condition in object.get(rule, "conditions", []) {
		arm_http_scheme_condition(condition)
	}
}

arm_http_scheme_condition(condition) if {
	is_object(condition)
	lower(lib.show(object.get(condition, "name", null))) == "requestscheme"
	not lib.is_true(object.get(condition, ["parameters", "negateCondition"], false))
	lower(lib.show(object.get(condition, ["parameters", "operator"], "Equal"))) == "equal"
	some value in object.get(condition, ["parameters", "matchValues"], [])
	lower(lib.show(value)) == "http"
}

deny contains lib.violation(azapi.body_path(["properties", "httpsRedirect"]), msg) if {
	azapi.of_type({arm_route})
	protocols := azapi.arm_value(["properties", "supportedProtocols"])
	is_array(protocols)
	supports_http(protocols)
	value := azapi.arm_value(["properties", "httpsRedirect"])
	lower(lib.show(value)) == "disabled"
	msg := "Front Door route serves plain HTTP: body.properties.supportedProtocols includes Http and body.properties.httpsRedirect is Disabled, required Enabled"
}

# An ARM value unknown until apply cannot be judged: undetermined, never a pass.
deny contains lib.violation(azapi.body_path(["properties", "httpsRedirect"]), msg) if {
	azapi.of_type({arm_route})
	azapi.unknown_at(["properties", "httpsRedirect"])
	msg := "Front Door route HTTPS redirect is unknown: body.properties.httpsRedirect is unknown until apply, required Enabled"
}

# ARM: supportedProtocols unknown until apply (all, or one) on a route whose httpsRedirect is Disabled: whether
# it serves Http cannot be told. Undetermined, never a pass.
deny contains lib.violation(azapi.body_path(["properties", "supportedProtocols"]), msg) if {
	azapi.of_type({arm_route})
	lower(lib.show(azapi.arm_value(["properties", "httpsRedirect"]))) == "disabled"
	azapi.unknown_at(["properties", "supportedProtocols"])
	msg := "Front Door route protocols are unknown: body.properties.supportedProtocols is unknown until apply and body.properties.httpsRedirect is Disabled, required Enabled"
}

deny contains lib.violation(azapi.body_path(["properties", "supportedProtocols", index]), msg) if {
	azapi.of_type({arm_route})
	lower(lib.show(azapi.arm_value(["properties", "httpsRedirect"]))) == "disabled"
	protocols := azapi.arm_value(["properties", "supportedProtocols"])
	is_array(protocols)
	some index, protocol in protocols
	lib.is_unknown(protocol)
	msg := "Front Door route protocols are unknown: a protocol in body.properties.supportedProtocols is unknown until apply and body.properties.httpsRedirect is Disabled, required Enabled"
}

# Supported protocols unknown until apply (all, or one): whether the route serves Http cannot be told,
# which matters only when it does not redirect to HTTPS. Undetermined, never a pass.
deny contains lib.violation(["supported_protocols"], msg) if {
	lib.resource.type == "azurerm_cdn_frontdoor_route"
	not redirect_on(lib.attr("https_redirect_enabled"))
	lib.is_unknown(lib.attr("supported_protocols"))
	msg := concat("", ["Front Door route protocols are unknown: supported_protocols is unknown until apply and https_redirect_enabled is ", lib.attr_text("https_redirect_enabled"), ", required true"])
}

deny contains lib.violation(["supported_protocols", index], msg) if {
	lib.resource.type == "azurerm_cdn_frontdoor_route"
	not redirect_on(lib.attr("https_redirect_enabled"))
	protocols := lib.attr("supported_protocols")
	is_array(protocols)
	some index, protocol in protocols
	lib.is_unknown(protocol)
	msg := concat("", ["Front Door route protocols are unknown: a protocol in supported_protocols is unknown until apply and https_redirect_enabled is ", lib.attr_text("https_redirect_enabled"), ", required true"])
}
