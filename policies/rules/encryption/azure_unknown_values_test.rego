# A value unknown until apply is never a pass on Azure (#15, #16): each rule reports a finding whose path
# runs into the unknown value (a whole block, an azapi body, a setting), which the engine turns into
# "undetermined"; an unknown azapi type is judged undetermined instead of not applicable.
package iacgate.rules.encryption.azure_unknown_values_test

import data.iacgate.lib.testing
import data.iacgate.rules.encryption.azrest_apim_https as apim_https
import data.iacgate.rules.encryption.azrest_apim_protocols as apim_protocols
import data.iacgate.rules.encryption.azrest_app_configuration_cmk as app_configuration_cmk
import data.iacgate.rules.encryption.azrest_app_slot_tls as app_slot_tls
import data.iacgate.rules.encryption.azrest_appgw_tls_policy as appgw_tls
import data.iacgate.rules.encryption.azrest_cdn_custom_domain_tls as cdn_domain_tls
import data.iacgate.rules.encryption.azrest_kusto_cmk as kusto_cmk
import data.iacgate.rules.encryption.azrest_mariadb_ssl as mariadb_ssl
import data.iacgate.rules.encryption.azrest_synapse_workspace_cmk as synapse_cmk
import data.iacgate.rules.encryption.azrest_appgw_https_listener as appgw_listener
import data.iacgate.rules.encryption.azrest_cdn_https as cdn_https
import data.iacgate.rules.encryption.azrest_cosmosdb_cmk as cosmos_cmk
import data.iacgate.rules.encryption.azrest_service_fabric_protection as fabric
import data.iacgate.rules.encryption.azrest_vm_disk_cmk as vm_disk_cmk
import data.iacgate.rules.encryption.azure_aks_disk_cmk as aks_disk_cmk
import data.iacgate.rules.encryption.azure_aks_host_encryption as aks_host
import data.iacgate.rules.encryption.azure_app_ftps
import data.iacgate.rules.encryption.azure_app_tls
import data.iacgate.rules.encryption.azure_database_tls
import data.iacgate.rules.encryption.azure_disk_cmk
import data.iacgate.rules.encryption.azure_redis_tls
import data.iacgate.rules.encryption.azure_sql_tde
import data.iacgate.rules.encryption.azure_sql_tls
import data.iacgate.rules.encryption.azure_storage_https
import data.iacgate.rules.encryption.azure_storage_tls
import rego.v1

azapi(arm_type, body) := testing.resource("azapi_resource", {"type": arm_type, "body": body})

test_site_config_unknown_as_a_whole if {
	app := testing.resource("azurerm_linux_web_app", {"site_config": testing.unknown})
	some result in azure_app_tls.deny with input.resource as app with input.related as []
	result.path == ["site_config"]
	some other in azure_app_ftps.deny with input.resource as app with input.related as []
	other.path == ["site_config"]
}

test_minimum_tls_version_unknown if {
	app := testing.resource("azurerm_linux_web_app", {"site_config": [{"minimum_tls_version": testing.unknown}]})
	some result in azure_app_tls.deny with input.resource as app with input.related as []
	result.path == ["site_config", 0, "minimum_tls_version"]
}

test_legacy_app_with_unknown_site_config_points_at_it if {
	app := testing.resource("azurerm_app_service", {"site_config": testing.unknown})
	results := azure_app_ftps.deny with input.resource as app with input.related as []
	count(results) > 0
	every result in results {
		result.path == ["site_config"]
	}
}

test_sql_tls_and_tde_unknown if {
	server := testing.resource("azurerm_mssql_server", {"minimum_tls_version": testing.unknown})
	some result in azure_sql_tls.deny with input.resource as server with input.related as []
	result.path == ["minimum_tls_version"]
	database := testing.resource("azurerm_mssql_database", {"transparent_data_encryption_enabled": testing.unknown})
	some other in azure_sql_tde.deny with input.resource as database with input.related as []
	other.path == ["transparent_data_encryption_enabled"]
}

test_storage_https_unknown if {
	account := testing.resource("azurerm_storage_account", {"https_traffic_only_enabled": testing.unknown})
	some result in azure_storage_https.deny with input.resource as account with input.related as []
	result.path == ["https_traffic_only_enabled"]
}

test_azapi_body_unknown_with_a_required_key if {
	account := azapi("Microsoft.DocumentDB/databaseAccounts@2024-05-15", testing.unknown)
	some result in cosmos_cmk.deny with input.resource as account with input.related as []
	result.path == ["body", "properties", "keyVaultKeyUri"]
}

test_azapi_unknown_key_counts_as_set if {
	account := azapi("Microsoft.DocumentDB/databaseAccounts@2024-05-15", {"properties": {"keyVaultKeyUri": testing.unknown}})
	count(cosmos_cmk.deny) == 0 with input.resource as account with input.related as []
}

test_azapi_disk_body_unknown if {
	disk := azapi("Microsoft.Compute/disks@2023-04-02", testing.unknown)
	some result in azure_disk_cmk.deny with input.resource as disk with input.related as []
	result.path == ["body", "properties", "encryption", "diskEncryptionSetId"]
}

test_azapi_type_unknown_is_judged if {
	resource := testing.resource("azapi_resource", {"type": testing.unknown, "body": {}})
	some result in azure_disk_cmk.deny with input.resource as resource with input.related as []
	result.path == ["type"]
	results := azure_disk_cmk.deny with input.resource as resource with input.related as []
	not {"not_applicable": true} in results
}

test_azapi_agent_pools_unknown if {
	cluster := azapi("Microsoft.ContainerService/managedClusters@2024-02-01", {"properties": {"agentPoolProfiles": testing.unknown}})
	some result in aks_host.deny with input.resource as cluster with input.related as []
	result.path == ["body", "properties", "agentPoolProfiles"]
}

test_vm_os_disk_unknown if {
	vm := testing.resource("azurerm_linux_virtual_machine", {"os_disk": testing.unknown})
	some result in vm_disk_cmk.deny with input.resource as vm with input.related as []
	result.path == ["os_disk"]
}

test_apim_protocol_unknown if {
	api := testing.resource("azurerm_api_management_api", {"protocols": ["https", testing.unknown]})
	some result in apim_https.deny with input.resource as api with input.related as []
	result.path == ["protocols", 1]
}

test_appgw_listeners_unknown if {
	gateway := testing.resource("azurerm_application_gateway", {"http_listener": testing.unknown})
	some result in appgw_listener.deny with input.resource as gateway with input.related as []
	result.path == ["http_listener"]
}

test_appgw_unknown_routing_makes_an_http_listener_undetermined if {
	gateway := testing.resource("azurerm_application_gateway", {
		"http_listener": [{"name": "http", "protocol": "Http"}],
		"request_routing_rule": [{"http_listener_name": testing.unknown, "redirect_configuration_name": "to-https"}],
	})
	some result in appgw_listener.deny with input.resource as gateway with input.related as []
	result.status == "undetermined"
}

test_frontdoor_protocol_unknown if {
	route := testing.resource("azurerm_cdn_frontdoor_route", {"supported_protocols": [testing.unknown], "https_redirect_enabled": false})
	some result in cdn_https.deny with input.resource as route with input.related as []
	result.path == ["supported_protocols", 0]
}

test_service_fabric_settings_unknown if {
	cluster := testing.resource("azurerm_service_fabric_cluster", {"fabric_settings": testing.unknown, "certificate": [{"thumbprint": "AB"}]})
	some result in fabric.deny with input.resource as cluster with input.related as []
	result.path == ["fabric_settings"]
}

test_tls_settings_unknown_in_other_services if {
	redis := testing.resource("azurerm_redis_cache", {"minimum_tls_version": testing.unknown})
	some a in azure_redis_tls.deny with input.resource as redis with input.related as []
	a.path == ["minimum_tls_version"]
	account := testing.resource("azurerm_storage_account", {"min_tls_version": testing.unknown})
	some b in azure_storage_tls.deny with input.resource as account with input.related as []
	b.path == ["min_tls_version"]
	mariadb := testing.resource("azurerm_mariadb_server", {"ssl_enforcement_enabled": true, "ssl_minimal_tls_version_enforced": testing.unknown})
	some c in mariadb_ssl.deny with input.resource as mariadb with input.related as []
	c.path == ["ssl_minimal_tls_version_enforced"]
	mysql := testing.resource("azurerm_mysql_server", {"ssl_enforcement_enabled": true, "ssl_minimal_tls_version_enforced": testing.unknown})
	some d in azure_database_tls.deny with input.resource as mysql with input.related as []
	d.path == ["ssl_minimal_tls_version_enforced"]
}

test_slot_site_config_unknown if {
	slot := testing.resource("azurerm_linux_web_app_slot", {"site_config": testing.unknown})
	some result in app_slot_tls.deny with input.resource as slot with input.related as []
	result.path == ["site_config"]
}

test_cdn_managed_https_unknown if {
	domain := testing.resource("azurerm_cdn_endpoint_custom_domain", {"cdn_managed_https": testing.unknown})
	some result in cdn_domain_tls.deny with input.resource as domain with input.related as []
	result.path == ["cdn_managed_https"]
}

test_apim_security_unknown if {
	service := testing.resource("azurerm_api_management", {"security": testing.unknown})
	some result in apim_protocols.deny with input.resource as service with input.related as []
	result.path == ["security"]
}

test_appgw_ssl_policy_name_unknown if {
	gateway := testing.resource("azurerm_application_gateway", {"ssl_policy": [{"policy_name": testing.unknown}]})
	some result in appgw_tls.deny with input.resource as gateway with input.related as []
	result.path == ["ssl_policy", 0, "policy_name"]
}

test_azapi_customer_managed_key_body_unknown if {
	some a in aks_disk_cmk.deny with input.resource as azapi("Microsoft.ContainerService/managedClusters@2024-02-01", testing.unknown) with input.related as []
	a.path == ["body", "properties", "diskEncryptionSetID"]
	some b in app_configuration_cmk.deny with input.resource as azapi("Microsoft.AppConfiguration/configurationStores@2023-03-01", testing.unknown) with input.related as []
	b.path == ["body", "properties", "encryption", "keyVaultProperties", "keyIdentifier"]
	some c in synapse_cmk.deny with input.resource as azapi("Microsoft.Synapse/workspaces@2021-06-01", {"properties": testing.unknown}) with input.related as []
	c.path == ["body", "properties", "encryption", "cmk", "key", "keyVaultUrl"]
	some d in kusto_cmk.deny with input.resource as azapi("Microsoft.Kusto/clusters@2023-08-15", testing.unknown) with input.related as []
	d.path == ["body", "properties", "keyVaultProperties", "keyName"]
}
