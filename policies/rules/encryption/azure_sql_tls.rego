# ENC-AZSQL-001: Azure SQL servers require TLS 1.2 or later.
package iacgate.rules.encryption.azure_sql_tls

import data.iacgate.lib
import data.iacgate.lib.azure
import rego.v1

# minimum_tls_version defaults to "1.2" (azurerm 3 and later): only an explicit older version or
# "Disabled" fails.
deny contains lib.violation(["minimum_tls_version"], msg) if {
	azure.weak_tls(lib.attr("minimum_tls_version"))
	msg := concat("", ["SQL server accepts TLS older than 1.2: minimum_tls_version is ", lib.attr_text("minimum_tls_version"), ", required 1.2"])
}
