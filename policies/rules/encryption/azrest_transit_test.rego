# Rego unit tests of the Azure encryption-in-transit rules added in the second review (azrest_test.rego holds
# the earlier ones).
package iacgate.rules.encryption.azrest_transit_test

import data.iacgate.lib.testing
import data.iacgate.rules.encryption.azrest_apim_https
import data.iacgate.rules.encryption.azrest_app_slot_tls
import data.iacgate.rules.encryption.azrest_appgw_https_listener
import data.iacgate.rules.encryption.azrest_appgw_tls_policy
import data.iacgate.rules.encryption.azrest_cdn_https
import data.iacgate.rules.encryption.azrest_service_fabric_protection
import data.iacgate.rules.encryption.azure_app_ftps
import data.iacgate.rules.encryption.azure_app_tls
import data.iacgate.rules.encryption.azure_database_tls
import data.iacgate.rules.encryption.azure_storage_https
import rego.v1

azurerm(type_name, attributes) := object.union(testing.resource(type_name, attributes), {"provider": "azurerm"})

arm(arm_type, body) := azurerm("azapi_resource", {"type": arm_type, "name": "x", "body": body})

# --- ENC-AZSLOT-002 ----------------------------------------------------------------------------------

test_azapi_slot_scm_tls_unknown_is_reported if {
	some result in azrest_app_slot_tls.deny with input.resource as arm("Microsoft.Web/sites/slots@2023-12-01", {"properties": {"siteConfig": {"minTlsVersion": "1.2", "scmMinTlsVersion": testing.unknown}}})
		with input.related as []
	result.path == ["body", "properties", "siteConfig", "scmMinTlsVersion"]
}

# --- ENC-AZAPIM-002 ----------------------------------------------------------------------------------

test_apim_websocket_api_on_ws_fails if {
	some result in azrest_apim_https.deny with input.resource as azurerm("azurerm_api_management_api", {"api_type": "websocket", "protocols": ["ws"]})
		with input.related as []
	result.path == ["protocols"]
}

test_apim_websocket_api_on_wss_passes if {
	count(azrest_apim_https.deny) == 0 with input.resource as azurerm("azurerm_api_management_api", {"api_type": "websocket", "protocols": ["wss"], "service_url": "wss://chat"})
		with input.related as []
}

test_apim_api_service_url_http_fails if {
	some result in azrest_apim_https.deny with input.resource as azurerm("azurerm_api_management_api", {"protocols": ["https"], "service_url": "http://ledger/api"})
		with input.related as []
	result.path == ["service_url"]
}

test_apim_api_service_url_unknown_is_reported if {
	some result in azrest_apim_https.deny with input.resource as azurerm("azurerm_api_management_api", {"service_url": testing.unknown})
		with input.related as []
	result.path == ["service_url"]
}

test_azapi_apim_api_service_url_ws_fails if {
	some result in azrest_apim_https.deny with input.resource as arm("Microsoft.ApiManagement/service/apis@2023-05-01-preview", {"properties": {"protocols": ["wss"], "serviceUrl": "ws://chat"}})
		with input.related as []
	result.path == ["body", "properties", "serviceUrl"]
}

# --- ENC-AZAPPGW-002 ---------------------------------------------------------------------------------

test_azapi_appgw_listener_protocol_unknown_is_reported if {
	some result in azrest_appgw_https_listener.deny with input.resource as arm("Microsoft.Network/applicationGateways@2024-01-01", {"properties": {"httpListeners": [{"name": "edge", "properties": {"protocol": testing.unknown}}]}})
		with input.related as []
	result.path == ["body", "properties", "httpListeners", 0, "properties", "protocol"]
}

test_azapi_appgw_http_listener_with_unknown_routing_is_undetermined if {
	some result in azrest_appgw_https_listener.deny with input.resource as arm("Microsoft.Network/applicationGateways@2024-01-01", {"properties": {"httpListeners": [{"name": "http", "properties": {"protocol": "Http"}}], "requestRoutingRules": testing.unknown}})
		with input.related as []
	object.get(result, "status", "fail") == "undetermined"
}

test_azapi_appgw_http_listener_forwarded_fails if {
	some result in azrest_appgw_https_listener.deny with input.resource as arm("Microsoft.Network/applicationGateways@2024-01-01", {"properties": {"httpListeners": [{"name": "http", "properties": {"protocol": "Http"}}], "requestRoutingRules": [{"name": "app", "properties": {"httpListener": {"id": "gw/httpListeners/http"}}}]}})
		with input.related as []
	object.get(result, "status", "fail") == "fail"
}

# --- ENC-AZAPPGW-001 ---------------------------------------------------------------------------------

test_azapi_appgw_policy_name_unknown_is_reported if {
	some result in azrest_appgw_tls_policy.deny with input.resource as arm("Microsoft.Network/applicationGateways@2024-01-01", {"properties": {"sslPolicy": {"policyType": "Predefined", "policyName": testing.unknown}}})
		with input.related as []
	result.path == ["body", "properties", "sslPolicy", "policyName"]
}

test_azapi_appgw_profile_2017_fails if {
	some result in azrest_appgw_tls_policy.deny with input.resource as arm("Microsoft.Network/applicationGateways@2024-01-01", {"properties": {"sslProfiles": [{"name": "p", "properties": {"sslPolicy": {"policyName": "AppGwSslPolicy20170401"}}}]}})
		with input.related as []
	result.path == ["body", "properties", "sslProfiles", 0, "properties", "sslPolicy"]
}

test_azapi_appgw_profile_2022_passes if {
	count(azrest_appgw_tls_policy.deny) == 0 with input.resource as arm("Microsoft.Network/applicationGateways@2024-01-01", {"properties": {"sslProfiles": [{"name": "p", "properties": {"sslPolicy": {"policyName": "AppGwSslPolicy20220101S"}}}]}})
		with input.related as []
}

test_appgw_profile_policy_name_unknown_is_reported if {
	some result in azrest_appgw_tls_policy.deny with input.resource as azurerm("azurerm_application_gateway", {"ssl_profile": [{"name": "p", "ssl_policy": [{"policy_name": testing.unknown}]}]})
		with input.related as []
	result.path == ["ssl_profile", 0, "ssl_policy", 0, "policy_name"]
}

# --- ENC-AZCDN-001 -----------------------------------------------------------------------------------

test_azapi_route_protocols_unknown_without_redirect_is_reported if {
	some result in azrest_cdn_https.deny with input.resource as arm("Microsoft.Cdn/profiles/afdEndpoints/routes@2024-02-01", {"properties": {"supportedProtocols": testing.unknown, "httpsRedirect": "Disabled"}})
		with input.related as []
	result.path == ["body", "properties", "supportedProtocols"]
}

test_azapi_route_protocols_unknown_with_redirect_passes if {
	count(azrest_cdn_https.deny) == 0 with input.resource as arm("Microsoft.Cdn/profiles/afdEndpoints/routes@2024-02-01", {"properties": {"supportedProtocols": testing.unknown, "httpsRedirect": "Enabled"}})
		with input.related as []
}

# --- ENC-AZSF-001 ------------------------------------------------------------------------------------

test_azapi_service_fabric_level_unknown_is_undetermined if {
	some result in azrest_service_fabric_protection.deny with input.resource as arm("Microsoft.ServiceFabric/clusters@2023-11-01-preview", {"properties": {"fabricSettings": [{"name": "Security", "parameters": [{"name": "ClusterProtectionLevel", "value": testing.unknown}]}]}})
		with input.related as []
	object.get(result, "status", "fail") == "undetermined"
}

test_azapi_service_fabric_level_unknown_does_not_fail if {
	results := azrest_service_fabric_protection.deny with input.resource as arm("Microsoft.ServiceFabric/clusters@2023-11-01-preview", {"properties": {"fabricSettings": [{"name": "Security", "parameters": [{"name": "ClusterProtectionLevel", "value": testing.unknown}]}]}})
		with input.related as []
	every result in results {
		object.get(result, "status", "fail") == "undetermined"
	}
}

# --- ENC-AZAPP-002, ENC-AZAPP-003: Microsoft.Web/sites/config "web" ----------------------------------

site_config(name, properties) := azurerm("azapi_resource", {"type": "Microsoft.Web/sites/config@2023-12-01", "name": name, "body": {"properties": properties}})

test_azapi_web_config_tls10_fails if {
	some result in azure_app_tls.deny with input.resource as site_config("web", {"minTlsVersion": "1.0"})
		with input.related as []
	result.path == ["body", "properties", "minTlsVersion"]
}

test_azapi_web_config_ftp_fails if {
	some result in azure_app_ftps.deny with input.resource as site_config("web", {"ftpsState": "AllAllowed"})
		with input.related as []
	result.path == ["body", "properties", "ftpsState"]
}

test_azapi_app_settings_config_is_not_applicable if {
	results := azure_app_tls.deny with input.resource as site_config("appsettings", {"minTlsVersion": "1.0"})
		with input.related as []
	{"not_applicable": true} in results
}

# --- ENC-AZDB-001: azapi server configurations -------------------------------------------------------

mysql_configuration(name, value) := testing.referrer("azapi_resource", "parent_id", {"type": "Microsoft.DBforMySQL/flexibleServers/configurations@2023-12-30", "name": name, "body": {"properties": {"value": value}}})

test_flexible_server_azapi_secure_transport_off_fails if {
	count(azure_database_tls.deny) == 1 with input.resource as azurerm("azurerm_mysql_flexible_server", {})
		with input.related as [mysql_configuration("require_secure_transport", "OFF")]
}

test_flexible_server_azapi_tls11_fails if {
	count(azure_database_tls.deny) == 1 with input.resource as azurerm("azurerm_mysql_flexible_server", {})
		with input.related as [mysql_configuration("tls_version", "TLSv1.1,TLSv1.2")]
}

test_flexible_server_azapi_unknown_value_is_undetermined if {
	some result in azure_database_tls.deny with input.resource as azurerm("azurerm_mysql_flexible_server", {})
		with input.related as [mysql_configuration("require_secure_transport", testing.unknown)]
	object.get(result, "status", "fail") == "undetermined"
}

test_flexible_server_azapi_secure_passes if {
	count(azure_database_tls.deny) == 0 with input.resource as azurerm("azurerm_mysql_flexible_server", {})
		with input.related as [mysql_configuration("require_secure_transport", "ON")]
}

test_azapi_slot_web_config_tls10_fails if {
	some result in azrest_app_slot_tls.deny with input.resource as azurerm("azapi_resource", {"type": "Microsoft.Web/sites/slots/config@2023-12-01", "name": "web", "body": {"properties": {"minTlsVersion": "1.0"}}})
		with input.related as []
	result.path == ["body", "properties", "minTlsVersion"]
}

test_cdn_endpoint_path_conditioned_redirect_fails if {
	some result in azrest_cdn_https.deny with input.resource as azurerm("azurerm_cdn_endpoint", {"delivery_rule": [{"name": "login", "url_path_condition": [{"operator": "BeginsWith", "match_values": ["/login"]}], "url_redirect_action": [{"protocol": "Https"}]}]})
		with input.related as []
	result.path == ["is_http_allowed"]
}

test_cdn_endpoint_scheme_conditioned_redirect_passes if {
	count(azrest_cdn_https.deny) == 0 with input.resource as azurerm("azurerm_cdn_endpoint", {"delivery_rule": [{"name": "https", "request_scheme_condition": [{"operator": "Equal", "match_values": ["HTTP"]}], "url_redirect_action": [{"protocol": "Https"}]}]})
		with input.related as []
}

test_azapi_cdn_endpoint_path_conditioned_redirect_fails if {
	some result in azrest_cdn_https.deny with input.resource as arm("Microsoft.Cdn/profiles/endpoints@2024-02-01", {"properties": {"deliveryPolicy": {"rules": [{"conditions": [{"name": "UrlPath", "parameters": {"operator": "BeginsWith", "matchValues": ["/login"]}}], "actions": [{"name": "UrlRedirect", "parameters": {"destinationProtocol": "Https"}}]}]}}})
		with input.related as []
	result.path == ["body", "properties", "isHttpAllowed"]
}

# --- ENC-AZSTORAGE-001: the ARM default of supportsHttpsTrafficOnly by API version -------------------

test_azapi_storage_old_api_without_https_only_fails if {
	some result in azure_storage_https.deny with input.resource as arm("Microsoft.Storage/storageAccounts@2018-07-01", {"properties": {}})
		with input.related as []
	result.path == ["body", "properties", "supportsHttpsTrafficOnly"]
}

test_azapi_storage_2019_api_default_passes if {
	count(azure_storage_https.deny) == 0 with input.resource as arm("Microsoft.Storage/storageAccounts@2019-04-01", {"properties": {}})
		with input.related as []
}
