# ENC-AZSTORAGE-002: Azure storage accounts require TLS 1.2 or later.
package iacgate.rules.encryption.azure_storage_tls

import data.iacgate.lib
import data.iacgate.lib.azure
import rego.v1

# min_tls_version defaults to TLS1_2 (azurerm 3 and later): only an explicit older version fails.
deny contains lib.violation(["min_tls_version"], msg) if {
	azure.weak_tls(lib.attr("min_tls_version"))
	msg := concat("", ["storage account accepts TLS older than 1.2: min_tls_version is ", lib.attr_text("min_tls_version"), ", required TLS1_2"])
}
