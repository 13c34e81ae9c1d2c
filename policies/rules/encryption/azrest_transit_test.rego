# Rego unit tests of the Azure encryption-in-transit rules added in the second review (azrest_test.rego holds
# the earlier ones).
package iacgate.rules.encryption.azrest_transit_test

import data.iacgate.lib.testing
import data.iacgate.rules.encryption.azrest_app_slot_tls
import rego.v1

azurerm(type_name, attributes) := object.union(testing.resource(type_name, attributes), {"provider": "azurerm"})

arm(arm_type, body) := azurerm("azapi_resource", {"type": arm_type, "name": "x", "body": body})

# --- ENC-AZSLOT-002 ----------------------------------------------------------------------------------

test_azapi_slot_scm_tls_unknown_is_reported if {
	some result in azrest_app_slot_tls.deny with input.resource as arm("Microsoft.Web/sites/slots@2023-12-01", {"properties": {"siteConfig": {"minTlsVersion": "1.2", "scmMinTlsVersion": testing.unknown}}})
		with input.related as []
	result.path == ["body", "properties", "siteConfig", "scmMinTlsVersion"]
}
