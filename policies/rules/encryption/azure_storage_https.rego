# ENC-AZSTORAGE-001: Azure storage accounts accept requests over HTTPS only.
package iacgate.rules.encryption.azure_storage_https

import data.iacgate.lib
import data.iacgate.lib.azure
import rego.v1

# https_traffic_only_enabled (azurerm 4; enable_https_traffic_only in 3) defaults to true: only an
# explicit false fails.
name := azure.renamed("https_traffic_only_enabled", "enable_https_traffic_only")

deny contains lib.violation([name], msg) if {
	lib.is_false(lib.attr(name))
	msg := concat("", ["storage account accepts plain HTTP requests: ", name, " is false, required true (the default)"])
}
