package iacgate.rules.encryption.azrest_test

import data.iacgate.lib.azapi
import data.iacgate.lib.testing
import data.iacgate.rules.encryption.azrest_apim_https
import data.iacgate.rules.encryption.azrest_apim_protocols
import data.iacgate.rules.encryption.azrest_app_configuration_cmk
import data.iacgate.rules.encryption.azrest_appgw_https_listener
import data.iacgate.rules.encryption.azrest_appgw_tls_policy
import data.iacgate.rules.encryption.azrest_app_slot_https
import data.iacgate.rules.encryption.azrest_app_slot_tls
import data.iacgate.rules.encryption.azrest_automation_variable_encrypted
import data.iacgate.rules.encryption.azrest_cdn_custom_domain_tls
import data.iacgate.rules.encryption.azrest_cdn_https
import data.iacgate.rules.encryption.azrest_batch_cmk
import data.iacgate.rules.encryption.azrest_cosmosdb_cmk
import data.iacgate.rules.encryption.azrest_data_lake_store_encryption
import data.iacgate.rules.encryption.azrest_database_infrastructure_encryption
import data.iacgate.rules.encryption.azrest_eventhub_cmk
import data.iacgate.rules.encryption.azrest_eventhub_tls
import data.iacgate.rules.encryption.azrest_kusto_cmk
import data.iacgate.rules.encryption.azrest_kusto_disk_encryption
import data.iacgate.rules.encryption.azrest_kusto_double_encryption
import data.iacgate.rules.encryption.azrest_mariadb_ssl
import data.iacgate.rules.encryption.azrest_servicebus_cmk
import data.iacgate.rules.encryption.azrest_servicebus_double_encryption
import data.iacgate.rules.encryption.azrest_service_fabric_protection
import data.iacgate.rules.encryption.azrest_servicebus_tls
import data.iacgate.rules.encryption.azrest_spring_https
import data.iacgate.rules.encryption.azrest_synapse_sql_pool_tde
import data.iacgate.rules.encryption.azrest_synapse_workspace_cmk
import data.iacgate.rules.encryption.azrest_vm_disk_cmk
import data.iacgate.rules.encryption.azrest_vm_host_encryption
import data.iacgate.rules.encryption.azure_aks_disk_cmk
import data.iacgate.rules.encryption.azure_aks_host_encryption
import data.iacgate.rules.encryption.azure_app_ftps
import data.iacgate.rules.encryption.azure_app_https
import data.iacgate.rules.encryption.azure_app_tls
import data.iacgate.rules.encryption.azure_disk_cmk
import data.iacgate.rules.encryption.azure_redis_tls
import data.iacgate.rules.encryption.azure_sql_tls
import data.iacgate.rules.encryption.azure_storage_cmk
import data.iacgate.rules.encryption.azure_storage_https
import data.iacgate.rules.encryption.azure_storage_infrastructure_encryption
import data.iacgate.rules.encryption.azure_storage_tls
import rego.v1

azurerm(type_name, attributes) := object.union(testing.resource(type_name, attributes), {"provider": "azurerm"})

arm(arm_type, body) := azurerm("azapi_resource", {"type": arm_type, "name": "x", "body": body})

# --- lib.azapi ---------------------------------------------------------------------------------------

test_azapi_reads_a_json_string_body if {
	value := azapi.arm_value(["properties", "minimumTlsVersion"]) with input.resource as arm("Microsoft.EventHub/namespaces@2024-01-01", "{\"properties\":{\"minimumTlsVersion\":\"1.1\"}}")
		with input.related as []
	value == "1.1"
}

test_azapi_type_without_version_in_lower_case if {
	azapi.arm_type == "microsoft.eventhub/namespaces" with input.resource as arm("Microsoft.EventHub/namespaces@2024-01-01", {})
		with input.related as []
}

test_azapi_unknown_ancestor_is_unknown if {
	value := azapi.arm_value(["properties", "encryption", "keySource"]) with input.resource as arm("Microsoft.ServiceBus/namespaces@2022-10-01-preview", {"properties": testing.unknown})
		with input.related as []
	value == testing.unknown
}

test_azapi_number_converts_as_terraform_does if {
	azapi.as_string(1.1) == "1.1"
	azapi.as_string(1) == "1"
	azapi.tls_below_1_2(1.1)
	not azapi.tls_below_1_2(1.2)
	not azapi.tls_below_1_2("TLS1_2")
	azapi.tls_below_1_2("TLS1_0")
	not azapi.tls_below_1_2(null)
}

# --- ENC-AZVM-001 ------------------------------------------------------------------------------------

test_vm_without_host_encryption_fails if {
	some result in azrest_vm_host_encryption.deny with input.resource as azurerm("azurerm_linux_virtual_machine", {})
		with input.related as []
	result.path == ["encryption_at_host_enabled"]
}

test_vm_with_host_encryption_passes if {
	count(azrest_vm_host_encryption.deny) == 0 with input.resource as azurerm("azurerm_windows_virtual_machine_scale_set", {"encryption_at_host_enabled": true})
		with input.related as []
}

test_azapi_vmss_host_encryption_false_fails if {
	some result in azrest_vm_host_encryption.deny with input.resource as arm("Microsoft.Compute/virtualMachineScaleSets@2024-07-01", {"properties": {"virtualMachineProfile": {"securityProfile": {"encryptionAtHost": false}}}})
		with input.related as []
	result.path == ["body", "properties", "virtualMachineProfile", "securityProfile", "encryptionAtHost"]
}

test_azapi_other_type_is_not_applicable if {
	results := azrest_vm_host_encryption.deny with input.resource as arm("Microsoft.Storage/storageAccounts@2023-05-01", {})
		with input.related as []
	results == {{"not_applicable": true}}
}

# --- ENC-AZVM-002 ------------------------------------------------------------------------------------

test_vm_os_disk_without_set_fails if {
	some result in azrest_vm_disk_cmk.deny with input.resource as azurerm("azurerm_linux_virtual_machine", {"os_disk": [{"caching": "ReadWrite"}]})
		with input.related as []
	result.path == ["os_disk", 0, "disk_encryption_set_id"]
}

test_vmss_data_disk_without_set_fails if {
	some result in azrest_vm_disk_cmk.deny with input.resource as azurerm("azurerm_linux_virtual_machine_scale_set", {"os_disk": [{"disk_encryption_set_id": testing.unknown}], "data_disk": [{"lun": 0}]})
		with input.related as []
	result.path == ["data_disk", 0, "disk_encryption_set_id"]
}

test_vm_with_set_passes if {
	count(azrest_vm_disk_cmk.deny) == 0 with input.resource as azurerm("azurerm_linux_virtual_machine", {"os_disk": {"disk_encryption_set_id": "/subscriptions/x/des"}})
		with input.related as []
}

test_azapi_vm_attached_data_disk_is_not_judged_here if {
	body := {"properties": {"storageProfile": {"osDisk": {"managedDisk": {"diskEncryptionSet": {"id": "des"}}}, "dataDisks": [{"createOption": "Attach", "managedDisk": {"id": "disk"}}]}}}
	count(azrest_vm_disk_cmk.deny) == 0 with input.resource as arm("Microsoft.Compute/virtualMachines@2024-07-01", body)
		with input.related as []
}

test_azapi_vm_without_set_fails if {
	body := {"properties": {"storageProfile": {"osDisk": {"createOption": "FromImage"}}}}
	some result in azrest_vm_disk_cmk.deny with input.resource as arm("Microsoft.Compute/virtualMachines@2024-07-01", body)
		with input.related as []
	result.path == ["body", "properties", "storageProfile", "osDisk", "managedDisk", "diskEncryptionSet", "id"]
}

# --- ENC-AZSB-001 / ENC-AZEH-001 ---------------------------------------------------------------------

test_servicebus_tls10_fails if {
	some result in azrest_servicebus_tls.deny with input.resource as azurerm("azurerm_servicebus_namespace", {"minimum_tls_version": "1.0"})
		with input.related as []
	result.path == ["minimum_tls_version"]
}

test_servicebus_default_passes if {
	count(azrest_servicebus_tls.deny) == 0 with input.resource as azurerm("azurerm_servicebus_namespace", {})
		with input.related as []
}

test_servicebus_unknown_version_is_reported if {
	some result in azrest_servicebus_tls.deny with input.resource as azurerm("azurerm_servicebus_namespace", {"minimum_tls_version": testing.unknown})
		with input.related as []
	result.path == ["minimum_tls_version"]
}

test_eventhub_number_11_fails if {
	count(azrest_eventhub_tls.deny) == 1 with input.resource as azurerm("azurerm_eventhub_namespace", {"minimum_tls_version": 1.1})
		with input.related as []
}

test_eventhub_number_12_passes if {
	count(azrest_eventhub_tls.deny) == 0 with input.resource as azurerm("azurerm_eventhub_namespace", {"minimum_tls_version": 1.2})
		with input.related as []
}

test_azapi_eventhub_tls11_fails if {
	some result in azrest_eventhub_tls.deny with input.resource as arm("Microsoft.EventHub/namespaces@2024-01-01", {"properties": {"minimumTlsVersion": "1.1"}})
		with input.related as []
	result.path == ["body", "properties", "minimumTlsVersion"]
}

# --- ENC-AZSB-002 / ENC-AZSB-003 ---------------------------------------------------------------------

test_servicebus_without_key_fails if {
	some result in azrest_servicebus_cmk.deny with input.resource as azurerm("azurerm_servicebus_namespace", {"sku": "Standard"})
		with input.related as []
	contains(result.message, "only Premium")
}

test_servicebus_with_key_passes if {
	count(azrest_servicebus_cmk.deny) == 0 with input.resource as azurerm("azurerm_servicebus_namespace", {"sku": "Premium", "customer_managed_key": [{"key_vault_key_id": testing.unknown}]})
		with input.related as []
}

test_azapi_servicebus_microsoft_key_fails if {
	count(azrest_servicebus_cmk.deny) == 1 with input.resource as arm("Microsoft.ServiceBus/namespaces@2022-10-01-preview", {"properties": {"encryption": {"keySource": "Microsoft.ServiceBus"}}})
		with input.related as []
}

test_servicebus_single_encryption_fails if {
	some result in azrest_servicebus_double_encryption.deny with input.resource as azurerm("azurerm_servicebus_namespace", {"customer_managed_key": {"key_vault_key_id": "k"}})
		with input.related as []
	result.path == ["customer_managed_key", 0, "infrastructure_encryption_enabled"]
}

test_servicebus_without_key_is_not_applicable_for_double_encryption if {
	results := azrest_servicebus_double_encryption.deny with input.resource as azurerm("azurerm_servicebus_namespace", {})
		with input.related as []
	results == {{"not_applicable": true}}
}

test_servicebus_double_encryption_passes if {
	count(azrest_servicebus_double_encryption.deny) == 0 with input.resource as azurerm("azurerm_servicebus_namespace", {"customer_managed_key": [{"key_vault_key_id": "k", "infrastructure_encryption_enabled": true}]})
		with input.related as []
}

# --- ENC-AZCOSMOS-001 --------------------------------------------------------------------------------

test_cosmos_without_key_fails if {
	count(azrest_cosmosdb_cmk.deny) == 1 with input.resource as azurerm("azurerm_cosmosdb_account", {})
		with input.related as []
}

test_cosmos_with_key_passes if {
	count(azrest_cosmosdb_cmk.deny) == 0 with input.resource as azurerm("azurerm_cosmosdb_account", {"key_vault_key_id": testing.unknown})
		with input.related as []
}

test_azapi_cosmos_with_key_passes if {
	count(azrest_cosmosdb_cmk.deny) == 0 with input.resource as arm("Microsoft.DocumentDB/databaseAccounts@2024-05-15", "{\"properties\":{\"keyVaultKeyUri\":\"https://kv/keys/k\"}}")
		with input.related as []
}

test_azapi_servicebus_without_encryption_is_not_applicable_for_double_encryption if {
	results := azrest_servicebus_double_encryption.deny with input.resource as arm("Microsoft.ServiceBus/namespaces@2022-10-01-preview", {"sku": {"name": "Premium"}})
		with input.related as []
	results == {{"not_applicable": true}}
}

# --- ENC-AZAPPCONF-001 / ENC-AZBATCH-001 / ENC-AZSYNAPSE-001 -----------------------------------------

test_appconf_without_key_fails if {
	some result in azrest_app_configuration_cmk.deny with input.resource as azurerm("azurerm_app_configuration", {"sku": "free"})
		with input.related as []
	contains(result.message, "free tier")
}

test_appconf_with_key_passes if {
	count(azrest_app_configuration_cmk.deny) == 0 with input.resource as azurerm("azurerm_app_configuration", {"encryption": [{"key_vault_key_identifier": testing.unknown}]})
		with input.related as []
}

test_batch_without_key_fails if {
	count(azrest_batch_cmk.deny) == 1 with input.resource as azurerm("azurerm_batch_account", {"encryption": []})
		with input.related as []
}

test_azapi_batch_keyvault_passes if {
	count(azrest_batch_cmk.deny) == 0 with input.resource as arm("Microsoft.Batch/batchAccounts@2024-02-01", {"properties": {"encryption": {"keySource": "Microsoft.KeyVault"}}})
		with input.related as []
}

test_synapse_without_key_fails if {
	count(azrest_synapse_workspace_cmk.deny) == 1 with input.resource as azurerm("azurerm_synapse_workspace", {})
		with input.related as []
}

test_synapse_with_key_passes if {
	count(azrest_synapse_workspace_cmk.deny) == 0 with input.resource as azurerm("azurerm_synapse_workspace", {"customer_managed_key": {"key_versionless_id": "https://kv/keys/k"}})
		with input.related as []
}

# --- ENC-AZAUTO-001 / ENC-AZSYNAPSE-002 --------------------------------------------------------------

test_automation_variable_default_fails if {
	some result in azrest_automation_variable_encrypted.deny with input.resource as azurerm("azurerm_automation_variable_string", {"value": "x"})
		with input.related as []
	result.path == ["encrypted"]
}

test_automation_variable_encrypted_passes if {
	count(azrest_automation_variable_encrypted.deny) == 0 with input.resource as azurerm("azurerm_automation_variable_int", {"encrypted": true})
		with input.related as []
}

test_azapi_automation_variable_clear_fails if {
	count(azrest_automation_variable_encrypted.deny) == 1 with input.resource as arm("Microsoft.Automation/automationAccounts/variables@2023-11-01", {"properties": {"isEncrypted": false}})
		with input.related as []
}

test_sql_pool_default_fails if {
	count(azrest_synapse_sql_pool_tde.deny) == 1 with input.resource as azurerm("azurerm_synapse_sql_pool", {})
		with input.related as []
}

test_sql_pool_encrypted_passes if {
	count(azrest_synapse_sql_pool_tde.deny) == 0 with input.resource as azurerm("azurerm_synapse_sql_pool", {"data_encrypted": true})
		with input.related as []
}

# --- ENC-AZKUSTO-001 / ENC-AZKUSTO-002 ---------------------------------------------------------------

test_kusto_disk_default_fails if {
	some result in azrest_kusto_disk_encryption.deny with input.resource as azurerm("azurerm_kusto_cluster", {})
		with input.related as []
	result.path == ["disk_encryption_enabled"]
}

test_kusto_disk_azurerm3_name_passes if {
	count(azrest_kusto_disk_encryption.deny) == 0 with input.resource as azurerm("azurerm_kusto_cluster", {"enable_disk_encryption": true})
		with input.related as []
}

test_kusto_double_enabled_passes if {
	count(azrest_kusto_double_encryption.deny) == 0 with input.resource as azurerm("azurerm_kusto_cluster", {"double_encryption_enabled": true})
		with input.related as []
}

test_azapi_kusto_double_default_fails if {
	some result in azrest_kusto_double_encryption.deny with input.resource as arm("Microsoft.Kusto/clusters@2023-08-15", {"properties": {}})
		with input.related as []
	result.path == ["body", "properties", "enableDoubleEncryption"]
}

# --- ENC-AZDLS-001 / ENC-AZDB-003 / ENC-AZMARIADB-001 ------------------------------------------------

test_data_lake_disabled_fails if {
	count(azrest_data_lake_store_encryption.deny) == 1 with input.resource as azurerm("azurerm_data_lake_store", {"encryption_state": "Disabled"})
		with input.related as []
}

test_data_lake_default_passes if {
	count(azrest_data_lake_store_encryption.deny) == 0 with input.resource as azurerm("azurerm_data_lake_store", {})
		with input.related as []
}

test_data_lake_unknown_is_reported if {
	count(azrest_data_lake_store_encryption.deny) == 1 with input.resource as azurerm("azurerm_data_lake_store", {"encryption_state": testing.unknown})
		with input.related as []
}

test_single_server_default_fails if {
	count(azrest_database_infrastructure_encryption.deny) == 1 with input.resource as azurerm("azurerm_postgresql_server", {})
		with input.related as []
}

test_single_server_double_passes if {
	count(azrest_database_infrastructure_encryption.deny) == 0 with input.resource as azurerm("azurerm_mysql_server", {"infrastructure_encryption_enabled": true})
		with input.related as []
}

test_azapi_single_server_enabled_passes if {
	count(azrest_database_infrastructure_encryption.deny) == 0 with input.resource as arm("Microsoft.DBforMySQL/servers@2017-12-01", {"properties": {"infrastructureEncryption": "Enabled"}})
		with input.related as []
}

test_mariadb_ssl_off_fails if {
	some result in azrest_mariadb_ssl.deny with input.resource as azurerm("azurerm_mariadb_server", {"ssl_enforcement_enabled": false})
		with input.related as []
	result.path == ["ssl_enforcement_enabled"]
}

test_mariadb_tls10_fails if {
	some result in azrest_mariadb_ssl.deny with input.resource as azurerm("azurerm_mariadb_server", {"ssl_enforcement_enabled": true, "ssl_minimal_tls_version_enforced": "TLS1_0"})
		with input.related as []
	result.path == ["ssl_minimal_tls_version_enforced"]
}

test_mariadb_enforced_passes if {
	count(azrest_mariadb_ssl.deny) == 0 with input.resource as azurerm("azurerm_mariadb_server", {"ssl_enforcement_enabled": true})
		with input.related as []
}

test_mariadb_azurerm2_enabled_passes if {
	count(azrest_mariadb_ssl.deny) == 0 with input.resource as azurerm("azurerm_mariadb_server", {"ssl_enforcement": "Enabled"})
		with input.related as []
}

# --- ENC-AZSLOT-001 / ENC-AZSLOT-002 -----------------------------------------------------------------

test_slot_without_https_only_fails if {
	some result in azrest_app_slot_https.deny with input.resource as azurerm("azurerm_linux_web_app_slot", {})
		with input.related as []
	result.path == ["https_only"]
}

test_slot_https_only_passes if {
	count(azrest_app_slot_https.deny) == 0 with input.resource as azurerm("azurerm_function_app_slot", {"https_only": true})
		with input.related as []
}

test_slot_scm_tls11_number_fails if {
	some result in azrest_app_slot_tls.deny with input.resource as azurerm("azurerm_windows_web_app_slot", {"site_config": [{"scm_minimum_tls_version": 1.1}]})
		with input.related as []
	result.path == ["site_config", 0, "scm_minimum_tls_version"]
}

test_slot_default_tls_passes if {
	count(azrest_app_slot_tls.deny) == 0 with input.resource as azurerm("azurerm_linux_function_app_slot", {"site_config": {}})
		with input.related as []
}

test_azapi_slot_tls10_fails if {
	count(azrest_app_slot_tls.deny) == 1 with input.resource as arm("Microsoft.Web/sites/slots@2023-12-01", {"properties": {"siteConfig": {"minTlsVersion": "1.0"}}})
		with input.related as []
}

# --- ENC-AZAPIM-001 / ENC-AZAPIM-002 -----------------------------------------------------------------

test_apim_frontend_tls10_fails if {
	some result in azrest_apim_protocols.deny with input.resource as azurerm("azurerm_api_management", {"security": [{"frontend_tls10_enabled": true}]})
		with input.related as []
	result.path == ["security", 0, "frontend_tls10_enabled"]
}

test_apim_azurerm3_backend_ssl30_fails if {
	count(azrest_apim_protocols.deny) == 1 with input.resource as azurerm("azurerm_api_management", {"security": {"enable_backend_ssl30": true}})
		with input.related as []
}

test_apim_defaults_pass if {
	count(azrest_apim_protocols.deny) == 0 with input.resource as azurerm("azurerm_api_management", {"security": [{"frontend_tls10_enabled": false}]})
		with input.related as []
}

test_azapi_apim_triple_des_fails if {
	body := {"properties": {"customProperties": {"Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Ciphers.TripleDes168": "True"}}}
	count(azrest_apim_protocols.deny) == 1 with input.resource as arm("Microsoft.ApiManagement/service@2023-05-01-preview", body)
		with input.related as []
}

test_api_with_http_fails if {
	some result in azrest_apim_https.deny with input.resource as azurerm("azurerm_api_management_api", {"protocols": ["https", "http"]})
		with input.related as []
	result.path == ["protocols"]
}

test_api_https_passes if {
	count(azrest_apim_https.deny) == 0 with input.resource as azurerm("azurerm_api_management_api", {"protocols": ["https"]})
		with input.related as []
}

test_backend_http_url_fails if {
	count(azrest_apim_https.deny) == 1 with input.resource as azurerm("azurerm_api_management_backend", {"protocol": "http", "url": "HTTP://ledger"})
		with input.related as []
}

test_backend_https_url_passes if {
	count(azrest_apim_https.deny) == 0 with input.resource as azurerm("azurerm_api_management_backend", {"protocol": "http", "url": "https://ledger"})
		with input.related as []
}

# --- ENC-AZAPPGW-001 / ENC-AZAPPGW-002 ---------------------------------------------------------------

test_appgw_2015_policy_fails if {
	some result in azrest_appgw_tls_policy.deny with input.resource as azurerm("azurerm_application_gateway", {"ssl_policy": [{"policy_name": "AppGwSslPolicy20150501"}]})
		with input.related as []
	result.path == ["ssl_policy", 0]
}

test_appgw_without_policy_passes if {
	count(azrest_appgw_tls_policy.deny) == 0 with input.resource as azurerm("azurerm_application_gateway", {})
		with input.related as []
}

test_appgw_profile_tls10_fails if {
	profiles := [{"name": "p", "ssl_policy": {"policy_type": "Custom", "min_protocol_version": "TLSv1_0"}}]
	some result in azrest_appgw_tls_policy.deny with input.resource as azurerm("azurerm_application_gateway", {"ssl_profile": profiles})
		with input.related as []
	result.path == ["ssl_profile", 0, "ssl_policy", 0]
}

test_appgw_http_listener_forwarding_fails if {
	attrs := {
		"http_listener": [{"name": "http", "protocol": "Http"}],
		"request_routing_rule": [{"name": "r", "http_listener_name": "http", "backend_address_pool_name": "app"}],
	}
	some result in azrest_appgw_https_listener.deny with input.resource as azurerm("azurerm_application_gateway", attrs)
		with input.related as []
	result.path == ["http_listener", 0, "protocol"]
}

test_appgw_http_listener_redirected_passes if {
	attrs := {
		"http_listener": [{"name": "http", "protocol": "Http"}, {"name": "https", "protocol": "Https"}],
		"redirect_configuration": [{"name": "up", "target_listener_name": "https"}],
		"request_routing_rule": [{"name": "r", "http_listener_name": "http", "redirect_configuration_name": "up"}],
	}
	count(azrest_appgw_https_listener.deny) == 0 with input.resource as azurerm("azurerm_application_gateway", attrs)
		with input.related as []
}

test_appgw_redirect_to_https_url_passes if {
	attrs := {
		"http_listener": [{"name": "http", "protocol": "Http"}],
		"redirect_configuration": [{"name": "up", "target_url": "https://pay.acme.example"}],
		"request_routing_rule": [{"name": "r", "http_listener_name": "http", "redirect_configuration_name": "up"}],
	}
	count(azrest_appgw_https_listener.deny) == 0 with input.resource as azurerm("azurerm_application_gateway", attrs)
		with input.related as []
}

# --- ENC-AZCDN-001 / ENC-AZCDN-002 -------------------------------------------------------------------

test_cdn_endpoint_http_default_fails if {
	some result in azrest_cdn_https.deny with input.resource as azurerm("azurerm_cdn_endpoint", {})
		with input.related as []
	result.path == ["is_http_allowed"]
}

test_cdn_endpoint_redirect_rule_passes if {
	rules := [{"name": "up", "url_redirect_action": {"redirect_type": "Found", "protocol": "Https"}}]
	count(azrest_cdn_https.deny) == 0 with input.resource as azurerm("azurerm_cdn_endpoint", {"delivery_rule": rules})
		with input.related as []
}

test_frontdoor_route_redirect_off_fails if {
	attrs := {"supported_protocols": ["Http", "Https"], "https_redirect_enabled": false}
	count(azrest_cdn_https.deny) == 1 with input.resource as azurerm("azurerm_cdn_frontdoor_route", attrs)
		with input.related as []
}

test_frontdoor_route_default_passes if {
	count(azrest_cdn_https.deny) == 0 with input.resource as azurerm("azurerm_cdn_frontdoor_route", {"supported_protocols": ["Http", "Https"]})
		with input.related as []
}

test_cdn_domain_tls10_fails if {
	some result in azrest_cdn_custom_domain_tls.deny with input.resource as azurerm("azurerm_cdn_endpoint_custom_domain", {"user_managed_https": [{"tls_version": "TLS10"}]})
		with input.related as []
	result.path == ["user_managed_https", 0, "tls_version"]
}

test_frontdoor_domain_default_passes if {
	count(azrest_cdn_custom_domain_tls.deny) == 0 with input.resource as azurerm("azurerm_cdn_frontdoor_custom_domain", {"tls": [{"certificate_type": "ManagedCertificate"}]})
		with input.related as []
}

# --- ENC-AZSPRING-001 / ENC-AZSF-001 -----------------------------------------------------------------

test_spring_portal_default_fails if {
	some result in azrest_spring_https.deny with input.resource as azurerm("azurerm_spring_cloud_api_portal", {})
		with input.related as []
	result.path == ["https_only_enabled"]
}

test_spring_app_https_passes if {
	count(azrest_spring_https.deny) == 0 with input.resource as azurerm("azurerm_spring_cloud_app", {"https_only": true})
		with input.related as []
}

test_service_fabric_unsecured_default_fails if {
	count(azrest_service_fabric_protection.deny) == 1 with input.resource as azurerm("azurerm_service_fabric_cluster", {})
		with input.related as []
}

test_service_fabric_secured_default_passes if {
	count(azrest_service_fabric_protection.deny) == 0 with input.resource as azurerm("azurerm_service_fabric_cluster", {"certificate": [{"thumbprint": "x"}]})
		with input.related as []
}

test_service_fabric_none_fails if {
	attrs := {"certificate": [{"thumbprint": "x"}], "fabric_settings": [{"name": "Security", "parameters": {"ClusterProtectionLevel": "None"}}]}
	count(azrest_service_fabric_protection.deny) == 1 with input.resource as azurerm("azurerm_service_fabric_cluster", attrs)
		with input.related as []
}

# --- azapi storage accounts (ENC-AZSTORAGE-001..004) -------------------------------------------------

storage_arm(properties) := arm("Microsoft.Storage/storageAccounts@2023-05-01", {"kind": "StorageV2", "properties": properties})

test_azapi_storage_tls10_fails if {
	some result in azure_storage_tls.deny with input.resource as storage_arm({"minimumTlsVersion": "TLS1_0"})
		with input.related as []
	result.path == ["body", "properties", "minimumTlsVersion"]
}

test_azapi_storage_jsonencode_tls12_passes if {
	count(azure_storage_tls.deny) == 0 with input.resource as arm("Microsoft.Storage/storageAccounts@2023-05-01", "{\"properties\":{\"minimumTlsVersion\":\"TLS1_2\"}}")
		with input.related as []
}

test_azapi_storage_http_fails if {
	count(azure_storage_https.deny) == 1 with input.resource as storage_arm({"supportsHttpsTrafficOnly": false})
		with input.related as []
}

test_azapi_storage_default_https_passes if {
	count(azure_storage_https.deny) == 0 with input.resource as storage_arm({})
		with input.related as []
}

test_azapi_storage_single_encryption_fails if {
	count(azure_storage_infrastructure_encryption.deny) == 1 with input.resource as storage_arm({})
		with input.related as []
}

test_azapi_storage_keyvault_passes if {
	count(azure_storage_cmk.deny) == 0 with input.resource as storage_arm({"encryption": {"keySource": "Microsoft.Keyvault"}})
		with input.related as []
}

test_azapi_other_type_is_not_judged_by_storage_rules if {
	results := azure_storage_infrastructure_encryption.deny with input.resource as arm("Microsoft.KeyVault/vaults@2023-07-01", {})
		with input.related as []
	results == {{"not_applicable": true}}
}

test_storage_rules_still_judge_azurerm_accounts if {
	count(azure_storage_infrastructure_encryption.deny) == 1 with input.resource as azurerm("azurerm_storage_account", {})
		with input.related as []
	count(azure_storage_cmk.deny) == 1 with input.resource as azurerm("azurerm_storage_account", {})
		with input.related as []
}

# --- ENC-AZDISK-001: Azure Disk Encryption and azapi disks -------------------------------------------

test_disk_with_azure_disk_encryption_passes if {
	settings := [{"disk_encryption_key": [{"secret_url": "https://kv/secrets/ade/1", "source_vault_id": "kv"}]}]
	count(azure_disk_cmk.deny) == 0 with input.resource as azurerm("azurerm_managed_disk", {"encryption_settings": settings})
		with input.related as []
}

test_disk_with_disabled_azure_disk_encryption_fails if {
	settings := [{"enabled": false, "disk_encryption_key": [{"secret_url": "https://kv/secrets/ade/1"}]}]
	count(azure_disk_cmk.deny) == 1 with input.resource as azurerm("azurerm_managed_disk", {"encryption_settings": settings})
		with input.related as []
}

test_azapi_disk_platform_key_fails if {
	some result in azure_disk_cmk.deny with input.resource as arm("Microsoft.Compute/disks@2024-03-02", {"properties": {"encryption": {"type": "EncryptionAtRestWithPlatformKey"}}})
		with input.related as []
	result.path == ["body", "properties", "encryption", "diskEncryptionSetId"]
}

test_azapi_disk_encryption_set_passes if {
	count(azure_disk_cmk.deny) == 0 with input.resource as arm("Microsoft.Compute/disks@2024-03-02", {"properties": {"encryption": {"diskEncryptionSetId": "des"}}})
		with input.related as []
}

# --- azapi App Service, SQL, Redis and AKS (ENC-AZAPP-001..003, ENC-AZSQL-001, ENC-AZREDIS-001, ENC-AZAKS-001)

test_azapi_site_without_https_only_fails if {
	some result in azure_app_https.deny with input.resource as arm("Microsoft.Web/sites@2023-12-01", {"properties": {}})
		with input.related as []
	result.path == ["body", "properties", "httpsOnly"]
}

test_azapi_site_tls11_number_fails if {
	count(azure_app_tls.deny) == 1 with input.resource as arm("Microsoft.Web/sites@2023-12-01", {"properties": {"siteConfig": {"minTlsVersion": 1.1}}})
		with input.related as []
}

test_azapi_site_ftps_only_passes if {
	count(azure_app_ftps.deny) == 0 with input.resource as arm("Microsoft.Web/sites@2023-12-01", {"properties": {"siteConfig": {"ftpsState": "FtpsOnly"}}})
		with input.related as []
}

test_azapi_sql_tls10_fails if {
	count(azure_sql_tls.deny) == 1 with input.resource as arm("Microsoft.Sql/servers@2023-08-01-preview", {"properties": {"minimalTlsVersion": "1.0"}})
		with input.related as []
}

test_azapi_redis_non_ssl_port_fails if {
	count(azure_redis_tls.deny) == 1 with input.resource as arm("Microsoft.Cache/redis@2024-03-01", {"properties": {"enableNonSslPort": true}})
		with input.related as []
}

test_azapi_aks_encryption_set_passes if {
	count(azure_aks_disk_cmk.deny) == 0 with input.resource as arm("Microsoft.ContainerService/managedClusters@2024-05-01", {"properties": {"diskEncryptionSetID": "des"}})
		with input.related as []
}

test_azapi_storage_account_is_not_judged_by_app_rules if {
	results := azure_app_https.deny with input.resource as arm("Microsoft.Storage/storageAccounts@2023-05-01", {})
		with input.related as []
	results == {{"not_applicable": true}}
}

# --- ENC-AZKUSTO-003 ---------------------------------------------------------------------------------

test_kusto_without_key_fails if {
	count(azrest_kusto_cmk.deny) == 1 with input.resource as azurerm("azurerm_kusto_cluster", {})
		with input.related as []
}

test_kusto_with_separate_key_passes if {
	count(azrest_kusto_cmk.deny) == 0 with input.resource as azurerm("azurerm_kusto_cluster", {})
		with input.related as [testing.referrer("azurerm_kusto_cluster_customer_managed_key", "cluster_id", {"key_name": "k"})]
}

test_azapi_kusto_with_key_passes if {
	count(azrest_kusto_cmk.deny) == 0 with input.resource as arm("Microsoft.Kusto/clusters@2023-08-15", {"properties": {"keyVaultProperties": {"keyName": "k"}}})
		with input.related as []
}

test_azapi_aks_pool_without_host_encryption_fails if {
	body := {"properties": {"agentPoolProfiles": [{"name": "a", "enableEncryptionAtHost": true}, {"name": "b"}]}}
	some result in azure_aks_host_encryption.deny with input.resource as arm("Microsoft.ContainerService/managedClusters@2024-05-01", body)
		with input.related as []
	result.path == ["body", "properties", "agentPoolProfiles", 1, "enableEncryptionAtHost"]
}

test_azapi_agent_pool_with_host_encryption_passes if {
	count(azure_aks_host_encryption.deny) == 0 with input.resource as arm("Microsoft.ContainerService/managedClusters/agentPools@2024-05-01", {"properties": {"enableEncryptionAtHost": true}})
		with input.related as []
}

# --- ENC-AZEH-002 ------------------------------------------------------------------------------------

test_eventhub_without_key_fails if {
	some result in azrest_eventhub_cmk.deny with input.resource as azurerm("azurerm_eventhub_namespace", {"sku": "Standard"})
		with input.related as []
	contains(result.message, "only Premium")
}

test_eventhub_with_separate_key_passes if {
	count(azrest_eventhub_cmk.deny) == 0 with input.resource as azurerm("azurerm_eventhub_namespace", {"sku": "Premium"})
		with input.related as [testing.referrer("azurerm_eventhub_namespace_customer_managed_key", "eventhub_namespace_id", {})]
}

# --- azapi values unknown until apply are reported (undetermined), never passed ----------------------

test_azapi_unknown_body_is_reported_by_tls_rules if {
	some result in azure_storage_tls.deny with input.resource as arm("Microsoft.Storage/storageAccounts@2023-05-01", testing.unknown)
		with input.related as []
	result.path == ["body", "properties", "minimumTlsVersion"]
}

test_azapi_unknown_tls_value_is_reported if {
	count(azure_sql_tls.deny) == 1 with input.resource as arm("Microsoft.Sql/servers@2023-08-01-preview", {"properties": {"minimalTlsVersion": testing.unknown}})
		with input.related as []
}

test_azapi_known_default_is_not_reported_as_unknown if {
	count(azure_redis_tls.deny) == 0 with input.resource as arm("Microsoft.Cache/redis@2024-03-01", {"properties": {}})
		with input.related as []
}

test_azapi_storage_with_update_resource_key_passes if {
	update := {"body": "{\"properties\":{\"encryption\":{\"keySource\":\"Microsoft.Keyvault\"}}}"}
	count(azure_storage_cmk.deny) == 0 with input.resource as storage_arm({})
		with input.related as [testing.referrer("azapi_update_resource", "resource_id", update)]
}

test_azapi_storage_with_update_resource_of_other_setting_fails if {
	update := {"body": {"properties": {"minimumTlsVersion": "TLS1_2"}}}
	count(azure_storage_cmk.deny) == 1 with input.resource as storage_arm({})
		with input.related as [testing.referrer("azapi_update_resource", "resource_id", update)]
}
